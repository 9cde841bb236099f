"""QGIS 4 (Qt6) readiness: scripts/check_qt6.py finds every Qt5-only pattern, and the plugin has none outside compat.py.

The checker proves itself first: each pattern of the PyQt5-to-PyQt6 migration, written the Qt5 way,
must be reported, and written the Qt6 way must not.
"""
import importlib.util
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("check_qt6", ROOT / "scripts" / "check_qt6.py")
check_qt6 = sys.modules.setdefault("check_qt6", importlib.util.module_from_spec(_spec))
_spec.loader.exec_module(check_qt6)

QT5_ONLY = [
    ("dialog.exec_()", "QT6-RENAMED"),
    ("class D:\n    def exec_(self):\n        pass", "QT6-RENAMED"),
    ("document.print_(printer)", "QT6-RENAMED"),
    ("from qgis.PyQt.QtCore import QVariant\nfield_type = QVariant.Int", "QT6-QVARIANT"),
    ("from qgis.PyQt.QtCore import QVariant\nfield_type = QVariant.Type.String", "QT6-QVARIANT"),
    ("from qgis.PyQt.QtWidgets import QAction", "QT6-MOVED"),
    ("from qgis.PyQt.QtWidgets import QActionGroup, QLabel", "QT6-MOVED"),
    ("from qgis.PyQt.QtWidgets import QShortcut", "QT6-MOVED"),
    ("from qgis.PyQt import QtWidgets\naction = QtWidgets.QAction('x')", "QT6-MOVED"),
    ("from qgis.PyQt.QtCore import QRegExp", "QT6-REMOVED"),
    ("from qgis.PyQt.QtWidgets import QDesktopWidget", "QT6-REMOVED"),
    ("from qgis.PyQt.QtWidgets import qApp\nqApp.processEvents()", "QT6-REMOVED"),
    ("from PyQt5.QtCore import pyqtSignal", "QT6-PYQT"),
    ("import PyQt5.QtCore", "QT6-PYQT"),
    ("from qgis.PyQt.QtCore import Qt\nalign = Qt.AlignLeft", "QT6-ENUM"),
    ("from qgis.PyQt.QtCore import Qt\nflags = Qt.ItemIsEnabled | Qt.ItemIsSelectable", "QT6-ENUM"),
    ("from qgis.PyQt.QtWidgets import QMessageBox\nanswer = QMessageBox.Yes", "QT6-ENUM"),
    ("from qgis.PyQt.QtWidgets import QSizePolicy\npolicy = QSizePolicy.Expanding", "QT6-ENUM"),
    ("from qgis.PyQt.QtWidgets import QDialogButtonBox\nok = QDialogButtonBox.Ok", "QT6-ENUM"),
    ("from qgis.PyQt import QtCore\nalign = QtCore.Qt.AlignRight", "QT6-ENUM"),
    ("from qgis.PyQt.QtCore import Qt as Q\nspec = Q.UTC", "QT6-ENUM"),
    ("from qgis.core import Qgis\nlevel = Qgis.Success", "QT6-ENUM"),
    ("from qgis.core import QgsFeatureRequest\nflag = QgsFeatureRequest.NoGeometry", "QT6-ENUM"),
    ("from qgis.core import QgsWkbTypes\nkind = 1", "QGIS-WKB"),
    ("import qgis.core\nkind = qgis.core.QgsWkbTypes.PolygonGeometry", "QGIS-WKB"),
    ("from qgis import core\nkind = core.QgsWkbTypes.geometryType(3)", "QGIS-WKB"),
    ("from qgis.core import QgsProcessing\nsource = QgsProcessing.TypeVectorPoint", "QGIS-PROCESSING"),
    ("from qgis.core import QgsProcessing\nsource = QgsProcessing.SourceType.TypeVectorPolygon", "QGIS-PROCESSING"),
    ("from qgis.core import QgsProcessingParameterNumber\nkind = QgsProcessingParameterNumber.Double",
     "QGIS-PROCESSING"),
    ("from qgis.core import QgsProcessingParameterDefinition\nf = QgsProcessingParameterDefinition.FlagAdvanced",
     "QGIS-PROCESSING"),
    ("from qgis.core import QgsFeatureSink\nflag = QgsFeatureSink.FastInsert", "QGIS-PROCESSING"),
    ("layer.saveStyleToDatabase('default', '', True, '')", "QGIS-DEPRECATED"),
    ("rect.setMinimal()", "QGIS-DEPRECATED"),
]

QT6_READY = [
    "dialog.exec()",
    "from qgis.PyQt.QtCore import Qt\nalign = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop",
    "from qgis.PyQt.QtWidgets import QMessageBox\nanswer = QMessageBox.StandardButton.Yes",
    "from qgis.PyQt.QtCore import QMetaType\nfield_type = QMetaType.Type.Int",
    "from qgis.PyQt.QtCore import QVariant\nnull = QVariant()",
    "from qgis.core import Qgis\nlevel = Qgis.MessageLevel.Success\nversion = Qgis.QGIS_VERSION_INT",
    "from qgis.core import QgsProcessing\nout = QgsProcessing.TEMPORARY_OUTPUT",
    "from qgis.PyQt.QtWidgets import QLabel\nlabel = QLabel('x')\nlabel.setText('y')",
    "from besecure.compat import QAction, WKB_POINT, exec_dialog",
]


@pytest.mark.parametrize(("source", "rule"), QT5_ONLY)
def test_each_qt5_only_pattern_is_reported(source, rule):
    rules = {f.rule for f in check_qt6.check_source(source)}
    assert rule in rules, f"{source!r}: {rules}"


@pytest.mark.parametrize("source", QT6_READY)
def test_qt6_forms_are_not_reported(source):
    assert check_qt6.check_source(source) == []


def test_compat_is_the_one_exempt_file():
    """compat.py does name the old APIs (so the exemption is what keeps the tree clean), and only it is exempt."""
    compat = ROOT / "compat.py"
    rules = {f.rule for f in check_qt6.check_source(compat.read_text(encoding="utf-8"), "compat.py")}
    assert {"QT6-QVARIANT", "QGIS-WKB", "QGIS-PROCESSING", "QT6-MOVED", "QGIS-DEPRECATED"} <= rules
    assert {compat} == check_qt6.EXEMPT


def test_plugin_tree_has_no_qt5_only_pattern():
    files = list(check_qt6.python_files([ROOT]))
    assert len(files) > 100  # the whole tree: plugin, tests, scripts, bench
    findings = check_qt6.check_paths([ROOT])
    assert findings == [], "\n".join(map(str, findings))


def test_flake8_qgis_qt6_rules_pass_and_bite(tmp_path):
    """The PyPI analyser's Qt6 rules: clean on the tree, and they do report a Qt5 snippet."""
    done = check_qt6.flake8_qgis([ROOT])
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    bad = tmp_path / "qt5.py"
    bad.write_text("from qgis.PyQt.QtCore import QVariant\n\nt = QVariant.Int\ndialog.exec_()\n", encoding="utf-8")
    done = check_qt6.flake8_qgis([bad])
    assert "QGS402" in done.stdout and "QGS107" in done.stdout, done.stdout + done.stderr


def test_metadata_declares_qt6_and_qgis_4():
    lines = dict(line.split("=", 1) for line in (ROOT / "metadata.txt").read_text(encoding="utf-8").splitlines()
                 if "=" in line)
    assert lines["supportsQt6"] == "True"
    assert (lines["qgisMinimumVersion"], lines["qgisMaximumVersion"]) == ("3.22", "4.99")
