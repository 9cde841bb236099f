"""Make the repository importable as the package ``besecure`` (the plugin's installed name).

The repository root is the plugin folder; ``.build/plugins/besecure`` is a symlink to it, which is
also what ``QGIS_PLUGINPATH`` points ``qgis_process`` at.
"""
from __future__ import annotations

import contextlib
import os
import re
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / ".build" / "plugins"
SHARED_DATA = ROOT.parent / "shared" / "data"

# pyproj >= 3.7 in a venv looks for proj.db under the venv and raises DataDirError; Debian's is here
# (the Makefile exports the same for `make test`; this covers a bare `.venv/bin/pytest`).
if Path("/usr/share/proj/proj.db").is_file():
    os.environ.setdefault("PROJ_DATA", "/usr/share/proj")


def _ensure_plugin_link() -> None:
    PLUGINS.mkdir(parents=True, exist_ok=True)
    link = PLUGINS / "besecure"
    if not link.exists():
        with contextlib.suppress(FileExistsError):  # another worker made it
            link.symlink_to(ROOT, target_is_directory=True)
    if str(PLUGINS) not in sys.path:
        sys.path.insert(0, str(PLUGINS))


_ensure_plugin_link()
if str(Path(__file__).parent) not in sys.path:  # tests/testlib.py: helpers shared by the test files
    sys.path.insert(0, str(Path(__file__).parent))


@pytest.fixture(scope="session")
def shared_data() -> Path:
    """The real data folder ``../shared/data``; fails (not skips) when CI is set and it is missing."""
    if not SHARED_DATA.is_dir():
        if os.environ.get("CI"):
            pytest.fail(f"real data folder {SHARED_DATA} is missing in CI")
        pytest.skip(f"real data folder {SHARED_DATA} not present")
    return SHARED_DATA


class RecordingFeedback:
    """Factory for a QgsProcessingFeedback that keeps every message (for asserting on the log)."""

    @staticmethod
    def make(cancel_after_progress: float | None = None, cancel_on_message: str | None = None):
        from qgis.core import QgsProcessingFeedback

        class _Feedback(QgsProcessingFeedback):
            def __init__(self):
                super().__init__()
                self.messages: list[str] = []
                self.warnings: list[str] = []

            def pushInfo(self, info):  # noqa: N802
                self.messages.append(info)
                super().pushInfo(info)
                if cancel_on_message is not None and cancel_on_message in info:
                    self.cancel()

            def pushWarning(self, warning):  # noqa: N802
                self.messages.append(warning)
                self.warnings.append(warning)
                super().pushWarning(warning)

            def reportError(self, error, fatalError=False):  # noqa: N802, N803
                self.messages.append(error)
                super().reportError(error, fatalError)

            def setProgress(self, progress):  # noqa: N802
                super().setProgress(progress)
                if cancel_after_progress is not None and progress >= cancel_after_progress:
                    self.cancel()

            @property
            def log(self) -> str:
                return "\n".join(self.messages)

        return _Feedback()


@pytest.fixture()
def make_feedback():
    """Factory for a recording feedback that can press Cancel part-way (after a progress value or a message)."""
    return RecordingFeedback.make


@pytest.fixture(scope="session")
def besecure_provider(qgis_app, qgis_processing):
    """The BESECURE provider registered in the test QGIS application (as initProcessing does)."""
    from qgis.core import QgsApplication

    from besecure.processing.provider import BesecureProvider

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("besecure")
    if provider is None:
        provider = BesecureProvider()
        registry.addProvider(provider)
    return provider


# numpy 2 writes a scalar's repr as np.float64(10.0): in a log line or a message it means a number was
# formatted by repr (or inside a list or tuple) instead of by value. run_alg fails the test on it.
NUMPY_REPR = re.compile(r"\bnp\.(float|int|uint|bool|str_|complex|datetime64|timedelta64)\w*\(")


@pytest.fixture()
def run_alg(besecure_provider):
    """Run ``besecure:<id>`` in process; returns (results, feedback)."""
    from qgis.core import QgsProcessingContext, QgsProject

    import processing

    def _run(alg_id: str, params: dict, feedback=None):
        fb = feedback or RecordingFeedback.make()
        context = QgsProcessingContext()
        context.setProject(QgsProject.instance())
        try:
            results = processing.run(f"besecure:{alg_id}", params, feedback=fb, context=context)
        except Exception as exc:
            assert not NUMPY_REPR.search(str(exc)), str(exc)
            raise
        finally:
            assert not NUMPY_REPR.search(getattr(fb, "log", "")), fb.log
        return results, fb

    return _run


@pytest.fixture(scope="session")
def demo_gpkg(tmp_path_factory, besecure_provider) -> Path:
    """The demo town written once per session by the real algorithm."""
    import processing

    path = tmp_path_factory.mktemp("demo") / "town.gpkg"
    processing.run("besecure:createdemodata", {"SEED": 42, "OUTPUT": str(path)})
    return path



def _set_gdal_exceptions(on: bool) -> None:
    """Exceptions on or off in the gdal, ogr and osr bindings, said explicitly (GDAL >= 3.9 warns about a
    failing call when neither was said); off in reverse order, as GDAL < 3.7 stacks its error handlers."""
    from osgeo import gdal, ogr, osr

    if on:
        for module in (gdal, ogr, osr):
            module.UseExceptions()
    else:
        for module in (osr, ogr, gdal):
            module.DontUseExceptions()


@pytest.fixture(params=[False, True], ids=["gdal-returns-errors", "gdal-raises"])
def gdal_exceptions(request):
    """Run the test with the GDAL/OGR/OSR bindings returning None / error codes (QGIS 3.22) and raising
    exceptions (QGIS 3.40 and 3.44 turn them on process-wide when Processing starts); restored afterwards."""
    from osgeo import gdal

    before = bool(gdal.GetUseExceptions())
    _set_gdal_exceptions(request.param)
    yield request.param
    _set_gdal_exceptions(before)


@pytest.fixture()
def layer_tree_view(qgis_iface, monkeypatch):
    """A real QgsLayerTreeView of the project as ``iface.layerTreeView()``.

    QGIS 3.44 hands that view to C++ when it loads an algorithm's results; pytest-qgis's stub iface returns a
    MagicMock there, which C++ refuses (3.22 never asks for it)."""
    from qgis.core import QgsLayerTreeModel, QgsProject
    from qgis.gui import QgsLayerTreeView

    view = QgsLayerTreeView()
    view.setModel(QgsLayerTreeModel(QgsProject.instance().layerTreeRoot(), view))
    monkeypatch.setattr(qgis_iface, "layerTreeView", lambda: view)
    yield view
    view.deleteLater()
