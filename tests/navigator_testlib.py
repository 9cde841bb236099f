"""Helpers shared by the Policy Navigator's tests (tests/ui/navigator, tests/processing): the demo
town's dossier, incidents selected independently of the plugin's readers, and making, running and
disposing of the dock."""
from __future__ import annotations

import datetime as dt
import time

from qgis.core import QgsGeometry, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication, QEvent

from besecure.knowledge import dossier as ds

CATEGORY = "residential burglary"
PERIOD = ("2024-01-01", "2024-12-31")


def load_town(project: QgsProject, demo_gpkg) -> tuple[QgsVectorLayer, QgsVectorLayer]:
    """The demo town's incidents and neighbourhoods, added to ``project``."""
    incidents = QgsVectorLayer(f"{demo_gpkg}|layername=incidents", "incidents", "ogr")
    hoods = QgsVectorLayer(f"{demo_gpkg}|layername=neighbourhoods", "neighbourhoods", "ogr")
    assert incidents.isValid() and hoods.isValid()
    project.addMapLayers([incidents, hoods])
    return incidents, hoods


def feature_by_name(layer, name):
    return next(f for f in layer.getFeatures() if f["name"] == name)


def area_dossier(incidents, hoods, area="Oosterwijk") -> ds.Dossier:
    d = ds.new_dossier()
    feature = feature_by_name(hoods, area)
    d.scope = ds.Scope(title="Inbraak " + area, area=ds.AreaRef(hoods.id(), hoods.name(), feature.id(), area),
                       problem=["high_impact_crime"], core_values=["physical_integrity"],
                       objectives=["Fewer burglaries", "Residents feel safe"],
                       stakeholders=[ds.Stakeholder("Police", "partner", "fewer calls"),
                                     ds.Stakeholder("Municipality", "owner")])
    d.analyse.inputs = ds.AnalysisInputs(
        incidents=ds.LayerRef(incidents.id(), incidents.name(), incidents.source()), time_field="occurred",
        category_field="category", categories=[CATEGORY], period=ds.Period(*PERIOD), cell_size=250.0)
    return d


def selected_incidents(incidents, polygon: QgsGeometry | None, period=PERIOD, category=CATEGORY) -> list:
    """(x, y, datetime, fid) of the incidents of ``category`` (any with None) inside ``polygon`` in
    ``period`` (dates inclusive; any with None), found with plain attribute comparisons and
    QgsGeometry.contains: independent of the plugin's readers."""
    start, end = (dt.date.fromisoformat(p) for p in period) if period else (None, None)
    out = []
    for f in incidents.getFeatures():
        if category is not None and f["category"] != category:
            continue
        when = f["occurred"].toPyDateTime()
        if start is not None and not start <= when.date() <= end:
            continue
        if polygon is None or polygon.contains(f.geometry()):
            point = f.geometry().asPoint()
            out.append((point.x(), point.y(), when, f.id()))
    return out


def make_dock(iface, **kwargs):
    from besecure.ui.navigator import NavigatorDock

    return NavigatorDock(iface, None, **kwargs)


def dispose(dock) -> None:
    dock.cleanup()
    dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def wait_for(dock, start, timeout: float = 120.0) -> bool:
    """Call ``start`` and run the event loop until the dock's algorithms are done; the success flag."""
    outcome: list[bool] = []
    dock.jobFinished.connect(lambda _group, ok: outcome.append(ok))
    assert start(), dock.status.text()
    end = time.monotonic() + timeout
    while not outcome and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert outcome, "the algorithms did not finish in time"
    return outcome[0]
