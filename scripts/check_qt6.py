"""Static check: no Qt5-only or deprecated-QGIS pattern in the plugin outside ``compat.py`` (QGIS 4 is Qt6-only).

    python scripts/check_qt6.py [paths...]      # `make lint` runs it on the whole repository

The rules follow what the QGIS project's PyQt5-to-PyQt6 migration (``scripts/pyqt5_to_pyqt6`` in
the QGIS repository) rewrites, as checks rather than rewrites, plus the QGIS enums that moved:

- ``QT6-RENAMED``   ``exec_()``, ``print_()``: gone in PyQt6; ``exec()`` (``compat.exec_dialog``), ``print()``.
- ``QT6-QVARIANT``  ``QVariant.<Type>``: gone in PyQt6; ``compat.FIELD_TYPE_*`` (``QMetaType.Type``).
- ``QT6-MOVED``     ``QAction``, ``QActionGroup``, ``QShortcut``... from QtWidgets: in QtGui in Qt6.
- ``QT6-REMOVED``   classes Qt6 removed (``QRegExp``, ``QDesktopWidget``, ``qApp``...).
- ``QT6-PYQT``      ``PyQt5``/``PyQt6`` imported directly instead of through ``qgis.PyQt``.
- ``QT6-ENUM``      an enum member read from its class (``Qt.AlignLeft``, ``QMessageBox.Yes``,
  ``Qgis.Success``): PyQt6 only knows the scoped form (``Qt.AlignmentFlag.AlignLeft``). Found by
  introspecting the installed PyQt and QGIS classes, so every enum of every class is covered, as
  the migration script does with its enum table.
- ``QGIS-WKB``      ``QgsWkbTypes.*``: enums deprecated since QGIS 3.30; ``compat`` WKB_* / GEOMETRY_*.
- ``QGIS-DEPRECATED`` QGIS methods deprecated on the LTRs we support (``saveStyleToDatabase``, ``setMinimal``).
- ``QGIS-PROCESSING`` Processing enums on ``QgsProcessing*`` / ``QgsFeatureSink`` classes, scoped or
  not: deprecated since QGIS 3.36 (``Qgis.Processing*``); ``compat`` VECTOR_* / FLAG_* / NUMBER_*.

``compat.py`` is the one file allowed to name these, to bridge QGIS 3.22 to QGIS 4.

flake8-qgis (PyPI) runs too, with its Qt6 rules: a second, independently maintained opinion that also
knows ``QFontMetrics.width``, ``activated[str]``, compiled resources and ``QDateTime`` constructors.
"""
from __future__ import annotations

import ast
import enum
import importlib
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
EXEMPT = {ROOT / "compat.py"}
SKIP_DIRS = {".venv", ".build", ".git", "__pycache__", "demo_output"}

MOVED_TO_QTGUI = {"QAction", "QActionGroup", "QShortcut", "QUndoCommand", "QUndoGroup", "QUndoStack",
                  "QFileSystemModel"}
REMOVED = {
    "QRegExp": "QRegularExpression",
    "QRegExpValidator": "QRegularExpressionValidator",
    "QDesktopWidget": "QScreen (QGuiApplication.screens())",
    "qApp": "QApplication.instance()",
    "QTextCodec": "str.encode / bytes.decode",
    "QGLWidget": "QOpenGLWidget",
    "QMatrix": "QTransform",
    "QDirModel": "QFileSystemModel",
    "QSound": "QSoundEffect",
    "QWebView": "QWebEngineView or QgsWebView",
    "QWebPage": "QWebEnginePage",
}
RENAMED_METHODS = {"exec_": "exec() or compat.exec_dialog", "print_": "print()"}
DEPRECATED_METHODS = {"saveStyleToDatabase": "compat.save_style_to_database (QGIS 3.44: saveStyleToDatabaseV2)",
                      "setMinimal": "compat.null_rectangle (QGIS 3.34: setNull)"}
PROCESSING_CLASSES = ("QgsProcessing", "QgsFeatureSink")


@dataclass(frozen=True)
class Finding:
    """One Qt5-only or deprecated pattern at a place in a file."""

    path: str
    line: int
    col: int
    rule: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col + 1}: {self.rule} {self.message}"


_MISSING = object()
_module_cache: dict[str, object] = {}


def _import(module: str):
    if module not in _module_cache:
        try:
            _module_cache[module] = importlib.import_module(module)
        except ImportError:
            _module_cache[module] = None
    return _module_cache[module]


def _is_enum_type(obj) -> bool:
    # PyQt6 and QGIS's scoped enums are Python enums; PyQt5 has sip's own enum type.
    return isinstance(obj, type) and (issubclass(obj, enum.Enum) or type(obj).__name__ == "enumtype")


def _is_enum_member(obj) -> bool:
    return isinstance(obj, enum.Enum) or type(type(obj)).__name__ == "enumtype"


def _attribute_chain(node: ast.Attribute) -> tuple[ast.Name, list[str]] | None:
    """``Qt.AlignmentFlag.AlignLeft`` -> (Name 'Qt', ['AlignmentFlag', 'AlignLeft']); None if not rooted at a name."""
    attrs = []
    current: ast.expr = node
    while isinstance(current, ast.Attribute):
        attrs.append(current.attr)
        current = current.value
    return (current, attrs[::-1]) if isinstance(current, ast.Name) else None


class _Checker(ast.NodeVisitor):
    def __init__(self, path: str):
        self.path = path
        self.findings: list[Finding] = []
        self.imported: dict[str, object] = {}  # local name -> the Qt/QGIS object it stands for
        self.inner: set[int] = set()  # Attribute nodes that are the .value of another Attribute

    def report(self, node: ast.AST, rule: str, message: str) -> None:
        self.findings.append(Finding(self.path, node.lineno, node.col_offset, rule, message))

    # --- imports ---

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            top = alias.name.split(".")[0]
            if top in ("PyQt5", "PyQt6"):
                self.report(node, "QT6-PYQT", f"import {alias.name}: import Qt through qgis.PyQt")
            if top in ("qgis", "PyQt5", "PyQt6") and _import(alias.name) is not None:
                self.imported[alias.asname or top] = _import(alias.name if alias.asname else top)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        if node.level:  # relative: our own modules
            return
        if module.split(".")[0] in ("PyQt5", "PyQt6"):
            self.report(node, "QT6-PYQT", f"from {module} import ...: import Qt through qgis.PyQt")
        for alias in node.names:
            name = alias.name
            if module.endswith("QtWidgets") and name in MOVED_TO_QTGUI:
                self.report(node, "QT6-MOVED", f"{name} is in QtGui in Qt6: import it from compat")
            if name in REMOVED:
                self.report(node, "QT6-REMOVED", f"{name} is removed in Qt6: use {REMOVED[name]}")
            if name == "QgsWkbTypes":
                self.report(node, "QGIS-WKB", "QgsWkbTypes is deprecated since QGIS 3.30: use compat")
            if module.startswith(("qgis", "PyQt")):
                mod = _import(module)
                obj = getattr(mod, name, _MISSING) if mod is not None else _MISSING
                if obj is _MISSING:
                    obj = _import(f"{module}.{name}")
                if obj is not None:
                    self.imported[alias.asname or name] = obj

    # --- uses ---

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        if node.name in RENAMED_METHODS:
            self.report(node, "QT6-RENAMED", f"def {node.name}: PyQt6 calls {RENAMED_METHODS[node.name]}")
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if node.id in REMOVED and node.id in self.imported:
            self.report(node, "QT6-REMOVED", f"{node.id} is removed in Qt6: use {REMOVED[node.id]}")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if isinstance(node.value, ast.Attribute):
            self.inner.add(id(node.value))
        if node.attr in RENAMED_METHODS:
            self.report(node, "QT6-RENAMED", f"{node.attr}() is gone in PyQt6: use {RENAMED_METHODS[node.attr]}")
        if node.attr in DEPRECATED_METHODS:
            self.report(node, "QGIS-DEPRECATED", f"{node.attr} is deprecated: use {DEPRECATED_METHODS[node.attr]}")
        if id(node) not in self.inner:
            self._check_chain(node)
        self.generic_visit(node)

    def _check_chain(self, node: ast.Attribute) -> None:
        chain = _attribute_chain(node)
        if chain is None or chain[0].id not in self.imported:
            return
        root, attrs = chain
        objs = [self.imported[root.id]]
        for attr in attrs:
            obj = getattr(objs[-1], attr, _MISSING)
            if obj is _MISSING:
                break
            objs.append(obj)
        dotted = ".".join([root.id, *attrs])
        if getattr(objs[0], "__name__", "").endswith("QtWidgets") and attrs and attrs[0] in MOVED_TO_QTGUI:
            self.report(node, "QT6-MOVED", f"{dotted}: in QtGui in Qt6: use compat")
            return
        while len(objs) > 1 and isinstance(objs[0], ModuleType):  # qgis.core.QgsWkbTypes: rules see the class
            objs, attrs = objs[1:], attrs[1:]
        root_name = getattr(objs[0], "__name__", "")
        prefix = dotted[: len(dotted) - len(".".join(attrs)) - 1] if attrs else dotted
        if root_name == "QVariant" and len(objs) > 1 and (attrs[0] == "Type" or _is_enum_member(objs[1])):
            self.report(node, "QT6-QVARIANT", f"{dotted}: QVariant.Type is gone in Qt6: use compat.FIELD_TYPE_*")
            return
        if root_name == "QgsWkbTypes":
            self.report(node, "QGIS-WKB", f"{dotted}: deprecated since QGIS 3.30 (Qgis.WkbType / Qgis.GeometryType): "
                                          "use compat")
            return
        enums = [o for o in objs[1:] if _is_enum_member(o) or _is_enum_type(o)]
        if root_name.startswith(PROCESSING_CLASSES) and enums:
            self.report(node, "QGIS-PROCESSING", f"{dotted}: deprecated since QGIS 3.36 (Qgis.Processing*): "
                                                 "use compat")
            return
        for i in range(1, len(objs)):
            if _is_enum_member(objs[i]) and not _is_enum_type(objs[i - 1]):
                owner = ".".join([prefix, *attrs[:i - 1]])
                scoped = f"{owner}.{type(objs[i]).__name__}.{attrs[i - 1]}"
                self.report(node, "QT6-ENUM", f"{'.'.join([owner, attrs[i - 1]])}: unscoped enum, "
                                              f"PyQt6 needs {scoped}")
                return


def check_source(source: str, path: str = "<snippet>") -> list[Finding]:
    """Every finding in one module's source."""
    checker = _Checker(path)
    checker.visit(ast.parse(source, filename=path))
    return checker.findings


def python_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The .py files under ``paths`` (skipping the venv, build output and compat.py)."""
    for path in paths:
        files = [path] if path.is_file() else sorted(path.rglob("*.py"))
        for file in files:
            if file.resolve() in EXEMPT or SKIP_DIRS.intersection(file.relative_to(path).parts if path.is_dir()
                                                                  else ()):
                continue
            yield file


def check_paths(paths: Iterable[Path]) -> list[Finding]:
    """Every finding in the .py files under ``paths``."""
    findings = []
    for file in python_files(paths):
        try:
            shown = str(file.resolve().relative_to(ROOT))
        except ValueError:
            shown = str(file)
        findings.extend(check_source(file.read_text(encoding="utf-8"), shown))
    return findings


def flake8_qgis(paths: Iterable[Path]) -> subprocess.CompletedProcess:
    """flake8-qgis's Qt6 rules (QGS4xx), exec_ (QGS107) and direct PyQt imports (QGS103/104) over ``paths``."""
    return subprocess.run(
        [sys.executable, "-m", "flake8", "--isolated", "--select=QGS103,QGS104,QGS107,QGS4",
         "--per-file-ignores=compat.py:QGS402", f"--extend-exclude={','.join(sorted(SKIP_DIRS))}",
         *map(str, paths)],
        capture_output=True, text=True, cwd=ROOT, timeout=300, check=False,
    )


def main(argv: list[str]) -> int:
    paths = [Path(a) for a in argv] or [ROOT]
    findings = check_paths(paths)
    for finding in findings:
        print(finding)
    if findings:
        print(f"{len(findings)} Qt5-only or deprecated pattern(s); compat.py is where version differences go.")
    flake8 = flake8_qgis(paths)
    print(flake8.stdout + flake8.stderr, end="")
    return 1 if findings or flake8.returncode else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
