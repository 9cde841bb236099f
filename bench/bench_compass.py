"""Compass dock: how long selecting an area takes with the 25,000 Chicago incidents (goal < 200 ms).

The dock is shown in an offscreen main window with the incidents and the 77 community areas; 20
areas are selected one after another on the area layer, as the map's select tool does. Per
selection we time the whole update the user waits for: the selection signal, the profile
(``analysis.crime.area_profile``), the figures and the pyqtgraph charts, and the repaint
(``processEvents``), once with each incident chart's tab open (only the open tab's chart is
redrawn). The profile alone and the one-off layer load are reported beside it.
"""
from __future__ import annotations

import statistics
import sys
import time

from common import ROOT, peak_rss_mb, save, timer

DATA = ROOT.parent / "shared" / "data" / "chicago"
N_SELECTIONS = 20
GOAL_MS = 200.0
_APP = None  # module-level, so it outlives pyqtgraph's clean-up at exit


class Interface:
    """The few QgisInterface methods the dock calls, on a real main window and canvas."""

    def __init__(self, window, canvas) -> None:
        self._window, self._canvas = window, canvas

    def mainWindow(self):  # noqa: N802 (QGIS API)
        return self._window

    def mapCanvas(self):  # noqa: N802
        return self._canvas


def main() -> int:
    from qgis.core import QgsApplication, QgsProject, QgsVectorLayer

    global _APP
    app = _APP = QgsApplication([], True)
    app.initQgis()
    from qgis.gui import QgsMapCanvas
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtWidgets import QMainWindow

    from besecure.analysis.crime.area_profile import area_profile
    from besecure.ui import charts
    from besecure.ui.compass_dock import CompassDock

    incidents = QgsVectorLayer(str(DATA / "incidents_2017_2019.gpkg"), "incidents", "ogr")
    areas = QgsVectorLayer(str(DATA / "community_areas.gpkg"), "areas", "ogr")
    if not (incidents.isValid() and areas.isValid()):
        print(f"Chicago data not found in {DATA}", file=sys.stderr)
        return 1
    QgsProject.instance().addMapLayers([incidents, areas])
    window = QMainWindow()
    canvas = QgsMapCanvas(window)
    window.setCentralWidget(canvas)
    window.resize(1366, 768)
    dock = CompassDock(Interface(window, canvas), window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    window.show()
    app.processEvents()

    record: dict = {"incidents": incidents.featureCount(), "areas": areas.featureCount(),
                    "charts": "pyqtgraph" if charts.available() else "none (pyqtgraph missing)"}
    with timer(record, "load_s"):
        dock.reload()
    fids = [f.id() for f in areas.getFeatures()]
    picks = fids[:: max(1, len(fids) // N_SELECTIONS)][:N_SELECTIONS]
    worst = 0.0
    # The open tab decides which chart is redrawn: the three incident charts are timed in turn.
    for tab, name in ((0, "trend"), (1, "categories"), (2, "hot_times")):
        dock.tabs.setCurrentIndex(tab)
        app.processEvents()
        dock_ms, profile_ms = [], []
        for fid in picks:
            start = time.perf_counter()
            areas.selectByIds([fid])
            app.processEvents()
            dock_ms.append((time.perf_counter() - start) * 1000)
            unit = dock.areas.unit_of_fid[fid]
            start = time.perf_counter()
            area_profile(dock.index, dock.summary, unit)
            profile_ms.append((time.perf_counter() - start) * 1000)
        worst = max(worst, max(dock_ms))
        record[f"{name}_tab_update_median_ms"] = round(statistics.median(dock_ms), 1)
        record[f"{name}_tab_update_max_ms"] = round(max(dock_ms), 1)
        record[f"{name}_tab_profile_median_ms"] = round(statistics.median(profile_ms), 2)
    record.update({
        "selections_per_tab": len(picks),
        "goal_ms": GOAL_MS,
        "goal_met": worst < GOAL_MS,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    })
    save("compass", record)
    dock.cleanup()
    QgsProject.instance().clear()
    window.close()
    window.deleteLater()
    app.processEvents()
    return 0 if record["goal_met"] else 2


if __name__ == "__main__":
    sys.exit(main())
