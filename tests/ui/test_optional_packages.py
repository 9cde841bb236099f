"""Optional packages stay optional: without scikit-learn, statsmodels, pyqtgraph, geopandas, rasterio, dask or
distributed the plugin loads (classFactory, initProcessing, initGui), registers every algorithm, runs them and
opens its docks; what needs a missing package says what to install (Debian package and pip name)."""
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback

from besecure.analysis.optional import PACKAGES, MissingDependency, optional_import
from besecure.processing.base import BesecureAlgorithm

HERE = Path(__file__).resolve().parent


def test_without_any_optional_package_the_plugin_loads_runs_and_opens_its_docks(besecure_provider, tmp_path):
    """One fresh Python with every optional package hidden (``sys.modules[name] = None`` makes importing it fail
    as if it were absent) runs hidden_packages_probe.py under pytest."""
    ids = sorted(a.id() for a in besecure_provider.algorithms())
    hide = ";".join(f"sys.modules[{name!r}] = None" for name in PACKAGES)
    env = {**os.environ, "BESECURE_HIDDEN": ",".join(PACKAGES), "BESECURE_ALGORITHM_IDS": json.dumps(ids)}
    # Run from elsewhere than the checkout: "python -c" puts the working folder first on sys.path, and the
    # checkout's processing/ package would hide QGIS's.
    run = subprocess.run(
        [sys.executable, "-c", f"import sys; {hide}; import pytest; sys.exit(pytest.main(sys.argv[1:]))",
         "-q", "-p", "no:cacheprovider", "--rootdir", str(HERE.parents[1]), str(HERE / "hidden_packages_probe.py"),
         "--basetemp", str(tmp_path / "probe")],
        env=env, cwd=tmp_path, capture_output=True, text=True, timeout=600)
    assert run.returncode == 0, run.stdout[-4000:] + run.stderr[-2000:]
    assert "1 passed" in run.stdout


class _NeedsPackage(BesecureAlgorithm):
    """An algorithm needing an optional package (none of ours needs one today; this is how one would)."""

    DISPLAY_NAME = "Needs a package"

    def __init__(self, module: str) -> None:
        super().__init__()
        self.module = module

    def compute(self, parameters, context, feedback):
        optional_import(self.module)
        return {}


@pytest.mark.parametrize("module", sorted(PACKAGES))
def test_what_needs_a_missing_package_says_what_to_install(monkeypatch, qgis_app, module):
    package = PACKAGES[module]
    monkeypatch.setitem(sys.modules, module, None)  # as if not installed
    with pytest.raises(MissingDependency) as caught:
        optional_import(module)
    assert package.debian in str(caught.value) and f"pip install {package.pip}" in str(caught.value)
    with pytest.raises(QgsProcessingException) as shown:
        _NeedsPackage(module).processAlgorithm({}, QgsProcessingContext(), QgsProcessingFeedback())
    message = str(shown.value)
    assert message.startswith("Needs a package needs the Python package")
    assert f"sudo apt install {package.debian}" in message and f"pip install {package.pip}" in message


def test_optional_packages_are_imported_only_where_used():
    """No module of the plugin imports an optional package at module level (only through optional_import),
    and scipy, which is required, is not in the list."""
    import ast

    root = HERE.parents[1]
    assert "scipy" not in PACKAGES
    offenders = []
    for folder in ("analysis", "layers", "processing", "ui", "knowledge", "i18n"):
        for path in (root / folder).rglob("*.py"):
            for node in ast.parse(path.read_text(encoding="utf-8")).body:
                names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                         else [node.module or ""] if isinstance(node, ast.ImportFrom) and node.level == 0 else [])
                offenders += [f"{path.relative_to(root)}: {n}" for n in names if n.split(".")[0] in PACKAGES]
    assert not offenders
