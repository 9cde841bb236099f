"""Guards for the architecture rules in ARCHITECTURE.md / CONTRIBUTING.md."""
import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FORBIDDEN_IN_ANALYSIS = ("qgis", "PyQt5", "PyQt6", "shapely", "geopandas", "libpysal", "esda", "osgeo")


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_analysis_is_pure():
    offenders = {
        str(p.relative_to(ROOT)): sorted(imported_modules(p) & set(FORBIDDEN_IN_ANALYSIS))
        for p in (ROOT / "analysis").rglob("*.py")
    }
    assert not {k: v for k, v in offenders.items() if v}


def test_qt_only_through_qgis_pyqt():
    for folder in ("processing", "layers", "ui", "i18n"):
        for path in (ROOT / folder).rglob("*.py"):
            assert not imported_modules(path) & {"PyQt5", "PyQt6", "PySide2", "PySide6"}, path
    assert not imported_modules(ROOT / "plugin.py") & {"PyQt5", "PyQt6"}


def test_algorithms_do_not_touch_the_project_instance():
    for path in (ROOT / "processing").rglob("*.py"):
        assert "QgsProject.instance()" not in path.read_text(encoding="utf-8"), path


def test_no_network_code_at_run_time():
    for folder in ("analysis", "processing", "layers", "knowledge", "i18n"):
        for path in (ROOT / folder).rglob("*.py"):
            mods = imported_modules(path)
            text = path.read_text(encoding="utf-8")
            assert not mods & {"requests", "socket", "http"}, path
            assert "urllib.request" not in text and "QNetworkAccessManager" not in text, path
