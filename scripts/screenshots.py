"""Render every BESECURE dock, with the Chicago data loaded, to PNG files (``make screenshots``).

A 1366 x 768 main window holds a map canvas with the Chicago incidents and community areas
(``../shared/data/chicago``; ``--data`` for another folder) and one dock at a time, docked on the
right, as a user would see it. Docks come from the registry ``besecure.ui.DOCKS`` and are opened
through the plugin itself (``BesecurePlugin.toggle_dock``), so a new dock is picked up without
changing this script. Before the docks open, Austin (community area 25) is selected on the map.

``--lang nl`` (or ``en``) shows the plugin in that language as ``qgis --lang nl`` would: QGIS's translation
code is set before the plugin loads, and the plugin follows it (``besecure.i18n.current_locale``).

Output: ``<out>/<lang>/<dock>.png`` and, for a dock with tabs, one ``<out>/<lang>/<dock>_<n>_<tab>.png``
per tab. Runs offscreen (``QT_QPA_PLATFORM=offscreen``); needs no display.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / ".build" / "plugins"), "/usr/share/qgis/python/plugins"]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer  # noqa: E402

WINDOW = (1366, 768)
DOCK_WIDTH = 470
_APP = None  # module-level, so it outlives pyqtgraph's clean-up at exit
FONT_POINTS = 9  # QGIS's usual interface font size; the offscreen platform's default is larger
SELECTED_AREA = "25"  # Austin
EXAMPLE_CORE_VALUES = {  # an illustration of a filled-in profile, not an assessment of Austin
    "physical_integrity": (5, "Shootings and robberies concentrate on a few corridors."),
    "prosperity": (3, "Vacant shops along the main streets."),
    "social_cohesion": (4, "Block clubs are active but residents' trust is low."),
    "political_institutions": (2, ""),
    "cultural_freedoms": (1, ""),
    "infrastructure": (3, "Poor street lighting on side streets."),
    "ict_privacy": (2, "Camera plans need a privacy impact assessment."),
}
EXAMPLE_MATRIX = (
    ["Street robbery", "Youth nuisance", "Burglary"],
    ["Hot-spot patrols", "Better lighting", "Youth work"],
    [[2, 1, 0], [1, 1, 2], [1, 1, 0]],
)


class ScreenshotInterface:
    """The part of QgisInterface the plugin uses, backed by a real main window and canvas."""

    def __init__(self, window, canvas, message_bar) -> None:
        self._window, self._canvas, self._bar = window, canvas, message_bar

    def mainWindow(self):  # noqa: N802 (QGIS API)
        return self._window

    def mapCanvas(self):  # noqa: N802
        return self._canvas

    def messageBar(self):  # noqa: N802
        return self._bar

    def addToolBar(self, name):  # noqa: N802
        return self._window.addToolBar(name)

    def addDockWidget(self, area, dock):  # noqa: N802
        self._window.addDockWidget(area, dock)

    def removeDockWidget(self, dock):  # noqa: N802
        self._window.removeDockWidget(dock)

    def addPluginToMenu(self, name, action):  # noqa: N802
        pass

    def removePluginMenu(self, name, action):  # noqa: N802
        pass

    def activeLayer(self):  # noqa: N802
        return None

    def __getattr__(self, name):
        # Anything else a dock asks of QGIS (menus, layer-tree actions) is a no-op in a screenshot run.
        return lambda *args, **kwargs: None


def load_layers(data: Path) -> tuple[QgsVectorLayer, QgsVectorLayer]:
    from qgis.core import QgsFillSymbol, QgsMarkerSymbol

    areas = QgsVectorLayer(str(data / "community_areas.gpkg"), "Community areas", "ogr")
    incidents = QgsVectorLayer(str(data / "incidents_2017_2019.gpkg"), "Incidents 2017-2019", "ogr")
    for layer in (areas, incidents):
        if not layer.isValid():
            raise SystemExit(f"Cannot open {layer.source()}")
    areas.renderer().setSymbol(QgsFillSymbol.createSimple(
        {"color": "255,255,255,0", "outline_color": "60,60,60", "outline_width": "0.3"}))
    incidents.renderer().setSymbol(QgsMarkerSymbol.createSimple(
        {"name": "circle", "color": "215,48,31,90", "outline_style": "no", "size": "0.9"}))
    QgsProject.instance().addMapLayers([incidents, areas])
    return incidents, areas


def select_area(areas: QgsVectorLayer, number: str) -> None:
    ids = [f.id() for f in areas.getFeatures() if str(f["AREA_NUMBE"]) == number]
    areas.selectByIds(ids)


def slug(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()  # Categorieën -> categorieen
    return re.sub(r"[^0-9a-z]+", "_", ascii_text.lower()).strip("_") or "tab"


def fill_compass_example(dock) -> None:
    """Give the Compass's core-value and matrix tabs something to show."""
    for value_id, (score, note) in EXAMPLE_CORE_VALUES.items():
        dock.set_core_value(value_id, score, note)
    issues, options, scores = EXAMPLE_MATRIX
    for name in issues:
        dock.add_issue(name)
    for name in options:
        dock.add_option(name)
    for i, row in enumerate(scores):
        for j, score in enumerate(row):
            dock.set_matrix_score(i, j, score)


class Scene:
    """The 1366 x 768 main window, a map of (a copy of) the Chicago layers, and the plugin loaded into it.

    ``make screenshots`` photographs it; tests/ui/test_clipping.py measures the same docks' labels.
    """

    def __init__(self, app, data: Path) -> None:
        from qgis.gui import QgsMapCanvas, QgsMessageBar
        from qgis.PyQt.QtCore import Qt
        from qgis.PyQt.QtWidgets import QMainWindow, QVBoxLayout, QWidget

        import besecure

        self.app = app
        self.window = window = QMainWindow()
        window.setWindowTitle("QGIS - BESECURE")
        central = QWidget(window)
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        bar = QgsMessageBar(central)
        self.canvas = canvas = QgsMapCanvas(central)
        canvas.setCanvasColor(Qt.GlobalColor.white)
        layout.addWidget(bar)
        layout.addWidget(canvas, 1)
        window.setCentralWidget(central)
        window.resize(*WINDOW)
        # A copy: GeoPackages in a read-only folder intermittently fail to render ("unable to open database file").
        self.work = tempfile.TemporaryDirectory(prefix="besecure-screenshots-")
        for name in ("community_areas.gpkg", "incidents_2017_2019.gpkg"):
            shutil.copy(Path(data) / name, self.work.name)
        incidents, self.areas = load_layers(Path(self.work.name))
        canvas.setDestinationCrs(self.areas.crs())
        canvas.setLayers([self.areas, incidents])
        window.show()
        canvas.setExtent(self.areas.extent())
        select_area(self.areas, SELECTED_AREA)
        self.plugin = besecure.classFactory(ScreenshotInterface(window, canvas, bar))
        self.plugin.initGui()

    def show_dock(self, key: str):
        """Open dock ``key`` of ``besecure.ui.DOCKS`` alone on the right, at ``DOCK_WIDTH``; None if it fails."""
        from qgis.PyQt.QtCore import Qt

        dock = self.plugin.toggle_dock(key, True)
        if dock is None:
            return None
        for other_key, other in self.plugin.docks.items():
            if other_key != key:
                other.setUserVisible(False)
        self.window.resizeDocks([dock], [DOCK_WIDTH], Qt.Orientation.Horizontal)
        if key == "compass":
            dock.reload()
            fill_compass_example(dock)
        self.app.processEvents()
        return dock

    def views(self, dock):
        """Put ``dock`` in each state worth a picture; yields a file-name suffix for each.

        First the dock as it opens; for a dock with steps (the Navigator), each further step; for a dock
        with tabs, each tab with the inputs folded away (the room each tab has once the dock is set up).
        """
        from qgis.gui import QgsCollapsibleGroupBox
        from qgis.PyQt.QtWidgets import QTabWidget

        yield ""
        steps = getattr(dock, "step_buttons", None)
        if steps is not None:
            for i in range(1, len(steps.buttons())):
                dock.show_step(i)
                self.app.processEvents()
                yield f"_step{i + 1}_{slug(steps.button(i).text().split(chr(10))[-1])}"
            dock.show_step(0)
        tabs = dock.findChildren(QTabWidget)
        if tabs:
            for group in dock.findChildren(QgsCollapsibleGroupBox):
                group.setCollapsed(True)
            for i in range(tabs[0].count()):
                tabs[0].setCurrentIndex(i)
                self.app.processEvents()
                yield f"_{i + 1}_{slug(tabs[0].tabText(i))}"

    def shoot(self, path: Path) -> Path:
        """Grab the whole main window (map and dock) once the map has rendered."""
        self.canvas.setExtent(self.areas.extent())
        self.canvas.refresh()
        self.app.processEvents()
        self.canvas.waitWhileRendering()
        self.app.processEvents()
        if not self.window.grab().save(str(path), "PNG"):
            raise SystemExit(f"Cannot write {path}")
        print(f"  {path}")
        return path

    def close(self) -> None:
        self.plugin.unload()
        QgsProject.instance().clear()
        # Qt objects must go before the application does, or Qt warns about fonts on exit.
        self.window.close()
        self.window.deleteLater()
        self.app.processEvents()
        self.work.cleanup()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "screenshots"))
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "chicago"))
    parser.add_argument("--lang", default="en", help="two-letter language of the interface (en, nl)")
    args = parser.parse_args()
    out = Path(args.out) / args.lang
    out.mkdir(parents=True, exist_ok=True)

    global _APP
    app = _APP = QgsApplication([], True)
    QgsApplication.setTranslation(args.lang)  # as `qgis --lang` does before plugins load
    app.initQgis()
    from qgis.PyQt.QtGui import QFont

    from besecure.ui import DOCKS

    app.setFont(QFont("DejaVu Sans", FONT_POINTS))
    scene = Scene(app, Path(args.data))
    written: list[Path] = []
    for key in DOCKS:
        dock = scene.show_dock(key)
        if dock is None:
            print(f"  {key}: could not be opened, skipped", file=sys.stderr)
            continue
        for suffix in scene.views(dock):
            written.append(scene.shoot(out / f"{key}{suffix}.png"))
    scene.close()
    return 0 if written else 1


if __name__ == "__main__":
    sys.exit(main())
