"""Real data from ../shared/data: Chicago (feet), Memphis (degrees), New York (time windows)."""
import datetime as dt

import numpy as np
import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsSpatialIndex
from testlib import vector

from besecure.analysis.crime.hot_times import HOURS_PER_WEEK
from besecure.layers.areas import read_areas
from besecure.layers.read import read_points
from besecure.layers.wkb import multipolygon_wkb


@pytest.fixture(scope="module")
def chicago_assignment(shared_data):
    incidents = vector(shared_data / "chicago" / "incidents_2017_2019.gpkg")
    areas = vector(shared_data / "chicago" / "community_areas.gpkg")
    pts = read_points(incidents, ["community_area"], layer=incidents)
    zones = read_areas(areas, ["AREA_NUMBE"], working_crs=pts.crs)  # as the Compass and the zone units read them
    return pts, zones.polygons, zones.assign(pts.x, pts.y)


def test_chicago_areas_agree_with_police_attribute(chicago_assignment):
    pts, polys, zone = chicago_assignment
    ours = np.where(zone >= 0, polys.attributes["AREA_NUMBE"][np.maximum(zone, 0)].astype(float), np.nan)
    known = pts.attributes["community_area"] > 0  # 0 / NaN: the police did not record an area
    police = pts.attributes["community_area"][known]
    ours = ours[known]
    # Per area, the spatial count and the police's count share at least 99 % of the incidents.
    ids = np.arange(1, 78)
    spatial_counts = np.array([(ours == a).sum() for a in ids])
    police_counts = np.array([(police == a).sum() for a in ids])
    shared = 1 - np.abs(spatial_counts - police_counts).sum() / 2 / police.size
    assert shared >= 0.99, shared
    # Per incident, about 2.5 % differ: Chicago publishes block-level coordinates on the street centre
    # line, and where that street is an area boundary the side cannot be known from the point.
    geoms = {}
    for k, parts in enumerate(polys.parts):
        g = QgsGeometry()
        g.fromWkb(multipolygon_wkb(parts))
        geoms[float(polys.attributes["AREA_NUMBE"][k])] = g
    x, y = pts.x[known], pts.y[known]
    differ = np.nonzero(ours != police)[0]
    assert differ.size / police.size < 0.03
    dist = np.array([geoms[police[i]].distance(QgsGeometry.fromPointXY(QgsPointXY(x[i], y[i]))) for i in differ])
    assert np.mean(dist < 1.0) > 0.85  # metres: almost all lie on the shared boundary street


def test_chicago_counts_equal_independent_geos_point_in_polygon(chicago_assignment, run_alg, shared_data, tmp_path):
    pts, polys, zone = chicago_assignment
    # Independent reference: GEOS 'intersects' on the same coordinates, first zone in layer order.
    geoms = []
    index = QgsSpatialIndex()
    for k, parts in enumerate(polys.parts):
        g = QgsGeometry()
        g.fromWkb(multipolygon_wkb(parts))
        geoms.append(g)
        index.addFeature(k, g.boundingBox())
    ref = np.full(pts.x.size, -1)
    for i, (x, y) in enumerate(zip(pts.x, pts.y)):
        p = QgsGeometry.fromPointXY(QgsPointXY(x, y))
        hits = sorted(k for k in index.intersects(p.boundingBox()) if geoms[k].intersects(p))
        if hits:
            ref[i] = hits[0]
    assert np.array_equal(zone, ref)
    # ... and the algorithm's per-area counts are those assignments, tallied.
    res, fb = run_alg("aggregateincidents", {
        "INPUT": str(shared_data / "chicago" / "incidents_2017_2019.gpkg"), "AGGREGATION": 2,
        "ZONES": str(shared_data / "chicago" / "community_areas.gpkg"), "ZONE_ID_FIELD": "AREA_NUMBE",
        "OUTPUT": str(tmp_path / "areas.gpkg")})
    counts = {f["AREA_NUMBE"]: f["count"] for f in vector(res["OUTPUT"]).getFeatures()}
    expected = np.bincount(ref[ref >= 0], minlength=len(geoms))
    for k, area in enumerate(polys.attributes["AREA_NUMBE"]):
        assert counts[area] == expected[k]
    outside = int((ref < 0).sum())
    assert f"{outside} incidents fall outside every unit" in fb.log


def test_memphis_hexagons_in_metres_with_population_rates(run_alg, shared_data, tmp_path):
    import processing

    res, _fb = run_alg("aggregateincidents", {
        "INPUT": str(shared_data / "memphis" / "robberies.gpkg"), "AGGREGATION": 1, "CELL_SIZE": 500,
        "POPULATION_POINTS": str(shared_data / "memphis" / "population.gpkg"),
        "POPULATION_POINTS_FIELD": "population", "OUTPUT": str(tmp_path / "hex.gpkg")})
    out = vector(res["OUTPUT"])
    assert out.crs().authid() == "EPSG:32616"
    areas = np.array([f.geometry().area() for f in out.getFeatures()])
    assert np.allclose(areas, np.sqrt(3) / 2 * 500**2)  # 216,506 m² each
    assert all(f["area_km2"] == pytest.approx(0.21650635) for f in out.getFeatures())
    # Independent population sums: QGIS's own count with a weight field on our hexagons.
    native = processing.run("native:countpointsinpolygon", {
        "POLYGONS": res["OUTPUT"], "POINTS": str(shared_data / "memphis" / "population.gpkg"),
        "WEIGHT": "population", "FIELD": "native_pop", "OUTPUT": "memory:"})["OUTPUT"]
    native_robberies = processing.run("native:countpointsinpolygon", {
        "POLYGONS": res["OUTPUT"], "POINTS": str(shared_data / "memphis" / "robberies.gpkg"),
        "FIELD": "native_n", "OUTPUT": "memory:"})["OUTPUT"]
    pop = {f["cell_id"]: (f["population"], f["native_pop"]) for f in native.getFeatures()}
    assert all(ours == pytest.approx(theirs) for ours, theirs in pop.values())
    assert sum(v[0] for v in pop.values()) > 0.9 * 634_612  # most of Memphis's residents are in the grid
    for f in native_robberies.getFeatures():
        assert f["count"] == f["native_n"]
        if f["population"] and f["population"] > 0:
            assert f["rate_1000"] == pytest.approx(f["count"] / f["population"] * 1000)
    n_robberies = vector(shared_data / "memphis" / "robberies.gpkg").featureCount()
    assert sum(f["count"] for f in out.getFeatures()) == n_robberies


def _reference_aoristic(start: dt.datetime, end: dt.datetime | None) -> np.ndarray:
    """Independent reference: enumerate every minute of the window with Python datetimes."""
    out = np.zeros(HOURS_PER_WEEK)
    if end is None or end <= start:
        out[start.weekday() * 24 + start.hour] = 1.0
        return out
    minutes = int((end - start).total_seconds() // 60)
    if minutes >= 7 * 24 * 60:
        return np.full(HOURS_PER_WEEK, 1 / 168)
    base = start.weekday() * 1440 + start.hour * 60 + start.minute
    slots = ((base + np.arange(minutes)) // 60) % HOURS_PER_WEEK
    return np.bincount(slots, minlength=HOURS_PER_WEEK) / minutes


def test_new_york_aoristic_weights(run_alg, shared_data, tmp_path):
    import csv

    path = shared_data / "newyork" / "burglary_manhattan_2019.csv"
    res, _ = run_alg("hottimes", {"INPUT": str(path), "CSV_CRS": "EPSG:2263", "START_FIELD": "from",
                                  "END_FIELD": "to", "OUTPUT": str(tmp_path / "ht.gpkg")})
    got = np.zeros(HOURS_PER_WEEK)
    for f in vector(res["OUTPUT"]).getFeatures():
        got[f["weekday"] * 24 + f["hour"]] = f["weight"]
    with open(path, newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = sum(_reference_aoristic(dt.datetime.fromisoformat(r["from"]),
                                       dt.datetime.fromisoformat(r["to"]) if r["to"] else None) for r in rows)
    assert got.sum() == pytest.approx(len(rows))  # weights sum to the number of events
    assert np.allclose(got, expected, atol=1e-9)
