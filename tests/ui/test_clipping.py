"""No clipped text in the docks at 1366 x 768 in Dutch, the language with the longest words we ship.

The docks are opened as ``make screenshots`` shows them (scripts/screenshots.py's Scene: the Chicago data
loaded, area 25 selected, the QGIS interface font) and put through the same views (as opened, then each tab).
In each view every visible label, button, check box, tab and table header must have the room its text needs,
unless it wraps or elides by design; chart labels must lie inside their chart.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from qgis.core import QgsApplication
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont, QTextDocument
from qgis.PyQt.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QHeaderView,
    QLabel,
    QScrollArea,
    QStyle,
    QTabBar,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("screenshots", ROOT / "scripts" / "screenshots.py")
screenshots = importlib.util.module_from_spec(spec)
spec.loader.exec_module(screenshots)


@pytest.fixture(scope="module")
def dutch_scene(qgis_app, shared_data):
    from besecure.i18n import install_translator

    font, translation = qgis_app.font(), qgis_app.translation()
    QgsApplication.setTranslation("nl")  # what `qgis --lang nl` records; the plugin follows it
    qgis_app.setFont(QFont("DejaVu Sans", screenshots.FONT_POINTS))
    scene = screenshots.Scene(qgis_app, shared_data / "chicago")
    try:
        yield scene
    finally:
        scene.close()
        QgsApplication.setTranslation(translation)
        qgis_app.setFont(font)
        install_translator("en")  # no English .qm: removes the Dutch translator


def _plain(text: str) -> str:
    if Qt.mightBeRichText(text):
        doc = QTextDocument()
        doc.setHtml(text)
        return doc.toPlainText()
    return text


def _text_width(widget: QWidget, text: str) -> int:
    return max(widget.fontMetrics().horizontalAdvance(line) for line in text.split("\n"))


def clipped_texts(dock) -> list[str]:  # noqa: C901 (one branch per kind of widget that draws text)
    """Texts in ``dock`` (as now shown) that do not fit where they are drawn."""
    found = []
    for widget in dock.findChildren(QWidget):
        # A scroll area (a table header) paints through its viewport, which covers the widget itself.
        region = (widget.viewport() if isinstance(widget, QAbstractScrollArea) else widget).visibleRegion()
        if not widget.isVisible() or region.isEmpty():
            continue
        room = min(widget.width(), region.boundingRect().width())
        if isinstance(widget, QLabel):
            text = _plain(widget.text())
            if widget.wordWrap() or not text.strip():
                continue
            margins = widget.width() - widget.contentsRect().width() + 2 * widget.margin()
            indent = max(widget.indent(), 0)
            if _text_width(widget, text) > room - margins - indent:
                found.append(f"label {text!r}: {_text_width(widget, text)} px in {room - margins - indent}")
        elif isinstance(widget, QAbstractButton) and widget.text():
            if widget.sizeHint().width() > room:
                found.append(f"button {widget.text()!r}: {widget.sizeHint().width()} px in {room}")
        elif isinstance(widget, QTabBar) and widget.elideMode() == Qt.TextElideMode.ElideNone:
            need = sum(widget.tabRect(i).width() for i in range(widget.count()))
            if need > widget.width():
                tabs = [widget.tabText(i) for i in range(widget.count())]
                found.append(f"tabs {tabs}: {need} px in {widget.width()} (scrolled, partly hidden)")
        elif isinstance(widget, QHeaderView):
            model = widget.model()
            margin = 2 * widget.style().pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, widget) + 2
            for i in range(widget.count()):
                text = str(model.headerData(i, widget.orientation()) or "")
                if widget.isSectionHidden(i) or not text:
                    continue
                space = widget.width() if widget.orientation() == Qt.Orientation.Vertical else widget.sectionSize(i)
                if _text_width(widget, text) + margin > space:
                    found.append(f"header {text!r}: {_text_width(widget, text) + margin} px in {space}")
    for chart in dock.findChildren(QWidget):
        labels = getattr(chart, "labels", None)
        plot = getattr(chart, "plot", None)
        if not labels or plot is None or not chart.isVisible():
            continue
        view = plot.getViewBox().sceneBoundingRect()
        for item in labels:
            if item.isVisible() and not view.contains(item.sceneBoundingRect()):
                found.append(f"chart label {item.toPlainText()!r} outside its chart")
    return found


def test_no_clipped_text_in_the_docks_in_dutch(dutch_scene):
    from besecure.ui import DOCKS

    problems = []
    for key in DOCKS:
        dock = dutch_scene.show_dock(key)
        assert dock is not None, key
        assert dock.windowTitle() in {"Bibliotheek", "Kompas", "Beleidsnavigator"}  # Dutch indeed
        for view in dutch_scene.views(dock):
            dutch_scene.window.grab()  # paint once: charts place their text items when drawn
            problems += [f"{key}{view}: {problem}" for problem in clipped_texts(dock)]
    assert not problems, "\n".join(problems)


def test_no_clipped_text_in_the_practice_form_in_dutch(dutch_scene):
    """The Library's form for a user practice, at the size it opens with, fits at 1366 x 768."""
    from besecure.ui.library_dock import PracticeDialog

    library = dutch_scene.show_dock("library")
    dialog = PracticeDialog(library.lang, library.taxonomies, parent=library)
    try:
        dialog.show()
        dutch_scene.app.processEvents()
        assert dialog.windowTitle() == "Nieuwe praktijk"
        assert dialog.height() <= 768
        problems = []
        for y in range(0, dialog.findChild(QScrollArea).widget().height(), 200):
            dialog.findChild(QScrollArea).ensureVisible(0, y, 0, 200)  # measure what scrolls into view too
            dutch_scene.app.processEvents()
            problems += clipped_texts(dialog)
        assert not problems, "\n".join(sorted(set(problems)))
    finally:
        dialog.close()
        dialog.deleteLater()
