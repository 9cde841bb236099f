"""`make demo`: run the main job (crime-map aggregation) on the demo town or on your own incidents.

    make demo                      # the built-in demo town
    make demo DATA=incidents.gpkg  # your incident layer (GeoPackage, Shapefile, CSV with lat/lon ...)

Writes GeoPackages and a QGIS project ``demo.qgz`` (outputs styled) into OUT (default demo_output/).
The project opens on the crime map, zoomed to the town: hexagon counts in rounded classes under the
neighbourhood outlines and the streets; the other outputs are in the layer tree, switched off.
Runs headless, offline, with the plugin from this repository.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / ".build" / "plugins"), "/usr/share/qgis/python/plugins"]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from qgis.core import (  # noqa: E402
    QgsApplication,
    QgsFillSymbol,
    QgsProject,
    QgsRectangle,
    QgsReferencedRectangle,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from besecure.layers.fields import guess_category_field, guess_time_field  # noqa: E402

CRIME_MAP = "Incidents per 250 m hexagon"
SHOWN = ("Neighbourhoods", "Streets", CRIME_MAP)  # switched on when the project opens, top to bottom


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=str(ROOT / "demo_output"))
    parser.add_argument("--data", default=None, help="your incident layer (path or path|layername=...)")
    args = parser.parse_args()
    out = Path(args.out).resolve()
    out.mkdir(parents=True, exist_ok=True)

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import besecure

    plugin = besecure.classFactory(None)
    plugin.initProcessing()
    code = 0 if make_demo(out, args.data) else 2
    plugin.unload()
    return code


def make_demo(out: Path, data: str | None = None) -> Path | None:
    """Run the demo into ``out`` (QGIS and the provider initialised); the project's path, None for bad data."""
    import processing

    outputs: list[tuple[str, str]] = []
    if data:
        incidents = data
        probe = QgsVectorLayer(incidents, "incidents", "ogr")
        if not probe.isValid():
            print(f"Cannot open {incidents} as a vector layer.", file=sys.stderr)
            return None
        time_field = guess_time_field(probe.fields())
        category_field = guess_category_field(probe.fields())
        zones = None
        outputs.append(("Incidents", incidents))
    else:
        town = out / "demo_town.gpkg"
        processing.run("besecure:createdemodata", {"SEED": 42, "OUTPUT": str(town)})
        incidents = f"{town}|layername=incidents"
        zones = f"{town}|layername=neighbourhoods"
        time_field, category_field = "occurred", "category"
        outputs += [("Streets", f"{town}|layername=streets"), ("Buildings", f"{town}|layername=buildings"),
                    ("Neighbourhoods", zones), ("Incidents", incidents)]

    def run(alg, params, name, title):
        path = str(out / f"{name}.gpkg")
        if os.path.exists(path):
            os.remove(path)
        result = processing.run(f"besecure:{alg}", {**params, "OUTPUT": path})
        outputs.append((title, result["OUTPUT"]))
        print(f"  {title:<34} {result['OUTPUT']}")

    print(f"BESECURE demo: incidents from {incidents}")
    common = {"INPUT": incidents, "CATEGORY_FIELD": category_field or ""}
    run("aggregateincidents", {**common, "AGGREGATION": 1, "CELL_SIZE": 250}, "incidents_hexagons_250m", CRIME_MAP)
    run("aggregateincidents", {**common, "AGGREGATION": 0, "CELL_SIZE": 250, "MIN_PUBLISH_COUNT": 3},
        "incidents_grid_250m_publishable", "Publishable grid (counts < 3 hidden)")
    if zones:
        run("aggregateincidents", {**common, "AGGREGATION": 2, "ZONES": zones, "ZONE_ID_FIELD": "name",
                                   "POPULATION_FIELD": "population"}, "incidents_per_neighbourhood",
            "Incidents per neighbourhood")
    if time_field:
        end_field = "window_to" if not data else ""
        start_field = "window_from" if not data else time_field
        run("hottimes", {"INPUT": incidents, "START_FIELD": start_field, "END_FIELD": end_field}, "hot_times",
            "Hot times (7 x 24)")
        years = _last_two_years(incidents, time_field)
        if years:
            a, b = years
            run("periodchange", {"INPUT": incidents, "AGGREGATION": 1, "CELL_SIZE": 250, "TIME_FIELD": time_field,
                                 "PERIOD_A_START": f"{a}-01-01", "PERIOD_A_END": f"{a}-12-31",
                                 "PERIOD_B_START": f"{b}-01-01", "PERIOD_B_END": f"{b}-12-31"},
                f"change_{a}_{b}", f"Change {a} -> {b}")

    qgz = out / "demo.qgz"
    project = build_project(outputs)
    if not project.write(str(qgz)):
        print(f"Cannot write {qgz}: {project.error()}", file=sys.stderr)
        return None
    print(f"  {'QGIS project (open in QGIS)':<34} {qgz}")
    return qgz


def build_project(outputs: list[tuple[str, str]]) -> QgsProject:
    """A project of the outputs: neighbourhood outlines, streets and the crime map on top and switched on (in
    that order), the others below and off; the view and the full extent set to the town."""
    project = QgsProject()
    order = sorted(outputs, key=lambda o: SHOWN.index(o[0]) if o[0] in SHOWN else len(SHOWN))
    for title, uri in reversed(order):  # each layer added goes on top of the tree
        layer = QgsVectorLayer(uri, title, "ogr")
        if not (layer.isValid() and layer.isSpatial()):
            continue
        project.addMapLayer(layer)
        if title == "Neighbourhoods":
            # Outlines only, so the crime map below stays readable; the names label them.
            layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
                {"style": "no", "outline_color": "#303030", "outline_width": "0.6"})))
            _label(layer, "name")
        project.layerTreeRoot().findLayer(layer.id()).setItemVisibilityChecked(title in SHOWN)
    focus = (project.mapLayersByName("Neighbourhoods") or project.mapLayersByName(CRIME_MAP)
             or list(project.mapLayers().values()))
    if focus:
        crs = focus[0].crs()
        project.setCrs(crs)
        extent = QgsRectangle(focus[0].extent())
        extent.scale(1.05)
        view = QgsReferencedRectangle(extent, crs)
        project.viewSettings().setDefaultViewExtent(view)
        project.viewSettings().setPresetFullExtent(view)
    return project


def _label(layer: QgsVectorLayer, field: str) -> None:
    """Dark labels with a white halo from ``field``, when the layer has it."""
    if layer.fields().indexOf(field) < 0:
        return
    from qgis.core import QgsPalLayerSettings, QgsTextBufferSettings, QgsTextFormat, QgsVectorLayerSimpleLabeling
    from qgis.PyQt.QtGui import QColor

    text = QgsTextFormat()
    text.setSize(9)
    text.setColor(QColor("#202020"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(1.0)
    buffer.setColor(QColor("white"))
    text.setBuffer(buffer)
    settings = QgsPalLayerSettings()
    settings.fieldName = field
    settings.setFormat(text)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)


def _last_two_years(uri: str, field: str) -> tuple[int, int] | None:
    layer = QgsVectorLayer(uri, "t", "ogr")
    idx = layer.fields().indexOf(field)
    if idx < 0:
        return None
    years = set()
    for f in layer.getFeatures():
        v = f.attributes()[idx]
        year = v.date().year() if hasattr(v, "date") and hasattr(v.date(), "year") else None
        if year is None and isinstance(v, str) and len(v) >= 4 and v[:4].isdigit():
            year = int(v[:4])
        if year:
            years.add(year)
    full = sorted(years)
    return (full[-2], full[-1]) if len(full) >= 2 else None


if __name__ == "__main__":
    sys.exit(main())
