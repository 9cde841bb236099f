"""Guards for the architecture rules in ARCHITECTURE.md / CONTRIBUTING.md."""
import ast
from pathlib import Path

import pytest

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


# Which top-level part of the plugin may import which (ARCHITECTURE.md's layering): analysis is pure
# computation; knowledge is data and Qt-free models; layers bridges QGIS layers and arrays (and renders
# reports, which show practices); processing wires parameters to analysis through layers; ui is the
# docks over all of it; plugin.py is the composition root. Imports within a part are always allowed.
ALLOWED_IMPORTS = {
    "analysis": set(),
    "compat": set(),
    "i18n": set(),
    "knowledge": {"analysis"},
    "layers": {"analysis", "compat", "i18n", "knowledge"},
    "processing": {"analysis", "compat", "i18n", "knowledge", "layers"},
    "ui": {"analysis", "compat", "i18n", "knowledge", "layers", "processing"},
    "plugin": {"analysis", "compat", "i18n", "knowledge", "layers", "processing", "ui"},
    "__init__": {"plugin"},
}
# Finer rules inside an allowed direction: a dock runs algorithms by id (processing.run), never
# reaches into an algorithm's module.
FORBIDDEN_PREFIXES = {"ui": ("processing.algorithms",)}
# Edges tolerated for a while, as ("importing.module", "imported.module"), each with a comment saying why
# and when it goes (hot_times -> ui.report_html was one until the report engine moved to layers/reports).
KNOWN_EXCEPTIONS: set[tuple[str, str]] = set()


def module_name(path: Path, root: Path = ROOT) -> tuple[str, ...]:
    """The dotted name of a plugin file inside the package (``()`` for the package's __init__)."""
    parts = path.relative_to(root).with_suffix("").parts
    return parts[:-1] if parts[-1] == "__init__" else parts


def plugin_imports(source: str, module: tuple[str, ...], is_package: bool) -> set[tuple[str, ...]]:
    """Every plugin module a source imports, relative (``from ..layers import x``) or absolute
    (``besecure.layers``), anywhere in the file (also inside functions), as a name inside the plugin.

    ``from . import x`` yields the package plus ``x`` (x may be a module or a name; the first parts
    decide the direction either way). A relative import that climbs out of the plugin raises."""
    package = module if is_package else module[:-1]
    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom) and node.level:
            if node.level - 1 > len(package):
                raise ValueError(f"{'.'.join(module)}: 'from {'.' * node.level}{node.module or ''}' leaves the plugin")
            base = package[:len(package) - node.level + 1]
            if node.module:
                found.add(base + tuple(node.module.split(".")))
            else:
                found.update((*base, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "besecure":
            found.add(tuple(node.module.split(".")[1:]))
        elif isinstance(node, ast.Import):
            found.update(tuple(a.name.split(".")[1:]) for a in node.names if a.name.split(".")[0] == "besecure")
    return found


def forbidden_imports(graph: dict[tuple[str, ...], set[tuple[str, ...]]],
                      exceptions: set[tuple[str, str]] = KNOWN_EXCEPTIONS) -> list[str]:
    """The edges of a module graph ({module: imported modules}) that break ALLOWED_IMPORTS or
    FORBIDDEN_PREFIXES and are not among the ``exceptions`` ('a.b -> c.d: why')."""
    bad = []
    for source, targets in graph.items():
        part = source[0] if source else "__init__"
        for target in targets:
            dest = target[0] if target else "__init__"
            edge = (".".join(source), ".".join(target))
            if dest == part or edge in exceptions:
                continue
            if part not in ALLOWED_IMPORTS:
                bad.append(f"{edge[0]} -> {edge[1]}: '{part}' is not in ALLOWED_IMPORTS (add it with its directions)")
            elif dest not in ALLOWED_IMPORTS[part]:
                bad.append(f"{edge[0]} -> {edge[1]}: {part} may not import {dest}")
            elif any(edge[1] == p or edge[1].startswith(p + ".") for p in FORBIDDEN_PREFIXES.get(part, ())):
                bad.append(f"{edge[0]} -> {edge[1]}: {part} may not reach into {edge[1]}")
    return sorted(bad)


def plugin_module_graph() -> dict[tuple[str, ...], set[tuple[str, ...]]]:
    graph = {}
    for path in ROOT.rglob("*.py"):
        rel = path.relative_to(ROOT)
        if rel.parts[0] in ("tests", "bench", "scripts", "docs") or rel.parts[0].startswith("."):
            continue
        module = module_name(path)
        graph[module] = plugin_imports(path.read_text(encoding="utf-8"), module, path.name == "__init__.py")
    return graph


def test_imports_follow_the_allowed_directions():
    graph = plugin_module_graph()
    assert ("layers", "write") in graph and ("processing", "algorithms", "hot_times") in graph  # the walk saw them
    assert not forbidden_imports(graph)


def test_every_known_exception_is_still_needed():
    graph = plugin_module_graph()
    edges = {(".".join(s), ".".join(t)) for s, targets in graph.items() for t in targets}
    assert not KNOWN_EXCEPTIONS - edges, "remove the exceptions that no longer happen"


def test_the_import_check_finds_forbidden_edges():
    # Relative, absolute and function-level imports, as the real files write them.
    source = (
        "from ..processing.compat import x\n"      # layers -> processing: the kind of edge the check exists for
        "from .. import compat\n"                 # allowed
        "from .read import y\n"                   # within layers
        "def f():\n"
        "    import besecure.ui.charts\n"          # hidden in a function
    )
    imports = plugin_imports(source, ("layers", "write"), is_package=False)
    assert imports == {("processing", "compat"), ("compat",), ("layers", "read"), ("ui", "charts")}
    graph = {
        ("layers", "write"): imports,
        ("analysis", "kde"): {("layers", "read")},                                  # analysis must stay pure
        ("ui", "compass_dock"): {("processing", "algorithms", "kernel_density")},  # allowed part, forbidden depth
        ("ui", "library_dock"): {("processing", "incidents"), ("knowledge",)},      # fine
        ("processing", "algorithms", "hot_times"): {("ui", "report_html")},        # a listed exception
        ("newpart", "thing"): {("analysis",)},                                       # a part nobody placed
    }
    assert forbidden_imports(graph, exceptions={("processing.algorithms.hot_times", "ui.report_html")}) == [
        "analysis.kde -> layers.read: analysis may not import layers",
        "layers.write -> processing.compat: layers may not import processing",
        "layers.write -> ui.charts: layers may not import ui",
        "newpart.thing -> analysis: 'newpart' is not in ALLOWED_IMPORTS (add it with its directions)",
        "ui.compass_dock -> processing.algorithms.kernel_density: ui may not reach into "
        "processing.algorithms.kernel_density",
    ]
    assert ("processing.algorithms.hot_times -> ui.report_html: processing may not import ui"
            in forbidden_imports(graph, exceptions=set()))
    assert plugin_imports("from . import library\n", ("knowledge",), is_package=True) == {("knowledge", "library")}
    assert plugin_imports("from .. import plugin\n", ("ui", "x"), is_package=False) == {("plugin",)}
    with pytest.raises(ValueError, match="leaves the plugin"):
        plugin_imports("from ... import x\n", ("ui", "x"), is_package=False)


# File input in analysis/: the builtin open(), Path.read_text/read_bytes, json.load and Path(...).glob.
# Reading belongs to layers/ (GIS data) and knowledge/ (rule sets, the Library); analysis/ takes values.
_FILE_METHODS = {"read_text", "read_bytes"}


def file_access(source: str) -> list[str]:
    """The file-reading calls in ``source`` (line: what), found in its syntax tree."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        f = node.func
        if isinstance(f, ast.Name) and f.id == "open":
            found.append(f"{node.lineno}: open(")
        elif isinstance(f, ast.Attribute):
            owner = f.value
            if f.attr in _FILE_METHODS:
                found.append(f"{node.lineno}: .{f.attr}(")
            elif f.attr == "load" and isinstance(owner, ast.Name) and owner.id == "json":
                found.append(f"{node.lineno}: json.load(")
            elif (f.attr in {"glob", "rglob"} and isinstance(owner, ast.Call) and isinstance(owner.func, ast.Name)
                  and owner.func.id == "Path"):
                found.append(f"{node.lineno}: Path(...).{f.attr}(")
    return found


def test_file_access_check_flags_each_kind():
    fake = (
        "import json\nfrom pathlib import Path\n"
        "open('a')\nPath('b').read_text()\np.read_bytes()\njson.load(f)\nPath(d).glob('*.json')\n"
        "json.loads(text)\nnp.open(x)\n"  # parsing a string and other objects' open are not file input
    )
    assert file_access(fake) == ["3: open(", "4: .read_text(", "5: .read_bytes(", "6: json.load(", "7: Path(...).glob("]


def test_analysis_reads_no_files():
    offenders = {
        str(p.relative_to(ROOT)): found
        for p in sorted((ROOT / "analysis").rglob("*.py"))
        if (found := file_access(p.read_text(encoding="utf-8")))
    }
    assert offenders == {}
