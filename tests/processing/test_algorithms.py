"""The crime-map algorithms end to end in QGIS, checked against independent computations."""
import numpy as np
import pytest
from qgis.core import QgsVectorLayer
from testlib import rtree_rows_and_ogr_rebuild

from besecure.analysis.data.demo_town import HOTSPOTS


def layer(path, name=None):
    uri = f"{path}|layername={name}" if name else str(path)
    lyr = QgsVectorLayer(uri, name or "out", "ogr")
    assert lyr.isValid(), uri
    return lyr


def rows(lyr):
    """Attribute dicts with NULL as None (QGIS 3.22 returns QVariant NULL)."""
    names = lyr.fields().names()
    return [{k: (None if type(v).__name__ == "QVariant" else v) for k, v in zip(names, f.attributes())}
            for f in lyr.getFeatures()]


def test_demo_town_layers(demo_gpkg):
    for name in ("neighbourhoods", "streets", "buildings", "street_lamps", "pedestrian_zone", "incidents",
                 "ground_truth"):
        assert layer(demo_gpkg, name).featureCount() > 0, name
    inc = layer(demo_gpkg, "incidents")
    assert inc.crs().authid() == "EPSG:28992"
    assert {"category", "occurred", "window_from", "window_to"} <= set(inc.fields().names())


def test_aggregate_square_grid_counts_and_planted_hotspots(demo_gpkg, run_alg, tmp_path):
    out = tmp_path / "grid.gpkg"
    res, fb = run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 0,
                                             "CELL_SIZE": 250, "CATEGORY_FIELD": "category", "OUTPUT": str(out)})
    result = layer(res["OUTPUT"])
    table = rows(result)
    n_inc = layer(demo_gpkg, "incidents").featureCount()
    assert sum(r["count"] for r in table) == n_inc
    cat_cols = [c for c in table[0] if c.startswith("n_")]
    assert all(sum(r[c] for c in cat_cols) == r["count"] for r in table)
    # Independent check of the cell geometry: 250 m squares, 62,500 m².
    areas = [f.geometry().area() for f in result.getFeatures()]
    assert np.allclose(areas, 62_500.0)
    # The two densest cells hold the planted station and nightlife hot spots.
    top = sorted(result.getFeatures(), key=lambda f: -f["count"])[:2]
    for name in ("station", "nightlife"):
        x, y, _ = HOTSPOTS[name]
        assert any(f.geometry().boundingBox().buffered(125).contains(x, y) for f in top), name
    # Concentration fields are consistent: rank 1 has the largest count, cum_share ends at 1.
    by_rank = sorted(table, key=lambda r: r["rank"])
    assert by_rank[0]["count"] == max(r["count"] for r in table)
    assert by_rank[-1]["cum_share"] == pytest.approx(1.0)
    assert "EPSG:28992" in fb.log
    # The style travels inside the GeoPackage.
    assert result.renderer().type() == "graduatedSymbol"


def test_aggregate_matches_native_count_points_in_polygon(demo_gpkg, run_alg, tmp_path):
    import processing

    res, _ = run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 1,
                                            "CELL_SIZE": 300, "OUTPUT": str(tmp_path / "hex.gpkg")})
    native = processing.run("native:countpointsinpolygon", {
        "POLYGONS": res["OUTPUT"], "POINTS": f"{demo_gpkg}|layername=incidents", "FIELD": "native_n",
        "OUTPUT": "memory:"})["OUTPUT"]
    pairs = [(f["count"], f["native_n"]) for f in native.getFeatures()]
    ours = np.array([p[0] for p in pairs])
    theirs = np.array([p[1] for p in pairs])
    # Random coordinates never sit exactly on a hexagon edge, so the counts agree cell by cell.
    assert np.array_equal(ours, theirs)


def test_aggregate_zones_population_rate(demo_gpkg, run_alg, tmp_path):
    res, _ = run_alg("aggregateincidents", {
        "INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 2,
        "ZONES": f"{demo_gpkg}|layername=neighbourhoods", "ZONE_ID_FIELD": "name",
        "POPULATION_FIELD": "population", "TIME_FIELD": "occurred", "START": "2024-01-01", "END": "2024-12-31",
        "OUTPUT": str(tmp_path / "zones.gpkg")})
    table = {r["name"]: r for r in rows(layer(res["OUTPUT"]))}
    hoods = {f["name"]: f["population"] for f in layer(demo_gpkg, "neighbourhoods").getFeatures()}
    assert set(table) == set(hoods)
    inc = layer(demo_gpkg, "incidents")
    n_2024 = sum(1 for f in inc.getFeatures() if f["occurred"].date().year() == 2024)
    assert sum(r["count"] for r in table.values()) == n_2024
    for name, r in table.items():
        assert r["population"] == hoods[name]
        if hoods[name]:
            assert r["rate_1000"] == pytest.approx(r["count"] / hoods[name] * 1000)
        assert r["area_km2"] == pytest.approx(4 / 3 * 1.0)


def test_hot_times_demo_nightlife_peak(demo_gpkg, run_alg, tmp_path):
    res, _ = run_alg("hottimes", {"INPUT": f"{demo_gpkg}|layername=incidents", "START_FIELD": "window_from",
                                  "END_FIELD": "window_to", "OUTPUT": str(tmp_path / "ht.gpkg")})
    table = rows(layer(res["OUTPUT"]))
    assert len(table) == 168
    assert [(r["weekday"], r["hour"]) for r in table[:2]] == [(0, 0), (0, 1)]
    n_inc = layer(demo_gpkg, "incidents").featureCount()
    assert sum(r["weight"] for r in table) == pytest.approx(n_inc)
    assert sum(r["share"] for r in table) == pytest.approx(1.0)


def test_hot_times_per_zone(demo_gpkg, run_alg, tmp_path):
    res, _ = run_alg("hottimes", {"INPUT": f"{demo_gpkg}|layername=incidents", "START_FIELD": "occurred",
                                  "ZONES": f"{demo_gpkg}|layername=neighbourhoods", "ZONE_ID_FIELD": "name",
                                  "OUTPUT": str(tmp_path / "htz.gpkg")})
    table = rows(layer(res["OUTPUT"]))
    assert len(table) == 9 * 168
    centrum = [r for r in table if r["zone"] == "Centrum"]
    peak = max(centrum, key=lambda r: r["weight"])
    # The nightlife hot spot makes Friday/Saturday nights the Centrum's hot time.
    assert peak["weekday"] in (4, 5, 6) and (peak["hour"] >= 22 or peak["hour"] < 4)


def test_period_change_finds_emerging_park_and_ride(demo_gpkg, run_alg, tmp_path):
    res, _ = run_alg("periodchange", {
        "INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 0, "CELL_SIZE": 250, "TIME_FIELD": "occurred",
        "PERIOD_A_START": "2023-01-01", "PERIOD_A_END": "2023-12-31", "PERIOD_B_START": "2024-01-01",
        "PERIOD_B_END": "2024-12-31", "KEEP_EMPTY": False, "OUTPUT": str(tmp_path / "pc.gpkg")})
    out = layer(res["OUTPUT"])
    x, y, _ = HOTSPOTS["park_and_ride"]
    cell = next(f for f in out.getFeatures() if f.geometry().boundingBox().contains(x, y))
    assert cell["trend"] == "significant increase"
    assert cell["poisson_z"] == pytest.approx(2 * (np.sqrt(cell["count_b"]) - np.sqrt(cell["count_a"])))
    assert out.renderer().type() == "categorizedSymbol"


def test_study_area_keep_empty_and_suppression(demo_gpkg, run_alg, tmp_path):
    from qgis.core import QgsFeature, QgsGeometry

    # Study area: the Centrum neighbourhood only (x 151333..152667, y 451000..452000).
    centrum = next(f for f in layer(demo_gpkg, "neighbourhoods").getFeatures() if f["name"] == "Centrum")
    mask = QgsVectorLayer("Polygon?crs=EPSG:28992", "mask", "memory")
    feat = QgsFeature()
    feat.setGeometry(QgsGeometry(centrum.geometry()))
    mask.dataProvider().addFeatures([feat])
    res, fb = run_alg("aggregateincidents", {
        "INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 0, "CELL_SIZE": 250, "STUDY_AREA": mask,
        "KEEP_EMPTY": False, "MIN_PUBLISH_COUNT": 5, "OUTPUT": str(tmp_path / "masked.gpkg")})
    out = rows(layer(res["OUTPUT"]))
    incidents = layer(demo_gpkg, "incidents")
    inside = sum(1 for f in incidents.getFeatures() if centrum.geometry().contains(f.geometry()))
    published = sum(r["count"] for r in out if r["count"] is not None)
    withheld = [r for r in out if r["suppressed"] == 1]
    assert all(r["count"] is None and r["share"] is None and r["rank"] is None for r in withheld)
    assert published <= inside and published > 0.9 * inside  # only withheld small counts are missing
    # Every cell touches the study area and none is empty (KEEP_EMPTY = False).
    bbox = centrum.geometry().boundingBox()
    out_layer = layer(res["OUTPUT"])
    assert all(f.geometry().boundingBox().intersects(bbox) for f in out_layer.getFeatures())
    assert all(r["count"] is None or r["count"] > 0 for r in out)
    assert f"{incidents.featureCount() - inside} incidents fall outside every unit" in fb.log


def test_output_styled_and_loaded_when_run_from_the_gui(demo_gpkg, besecure_provider, tmp_path, layer_tree_view):
    from qgis.core import QgsProject

    import processing

    processing.runAndLoadResults("besecure:aggregateincidents", {
        "INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 1, "CELL_SIZE": 300,
        "OUTPUT": "TEMPORARY_OUTPUT"})
    loaded = QgsProject.instance().mapLayersByName("Incidents per 300 m hexagon")
    assert loaded, [lyr.name() for lyr in QgsProject.instance().mapLayers().values()]
    assert loaded[-1].renderer().type() == "graduatedSymbol"
    assert len(loaded[-1].renderer().ranges()) >= 3
    QgsProject.instance().removeMapLayers([lyr.id() for lyr in loaded])


def test_geopackage_bulk_writer_equals_the_sink(demo_gpkg, run_alg, tmp_path):
    from osgeo import ogr

    params = {"INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 1, "CELL_SIZE": 300,
              "CATEGORY_FIELD": "category", "MIN_PUBLISH_COUNT": 3}
    bulk, _ = run_alg("aggregateincidents", {**params, "OUTPUT": str(tmp_path / "bulk.gpkg")})
    sink, _ = run_alg("aggregateincidents", {**params, "OUTPUT": "memory:"})  # the QGIS sink path
    a = layer(bulk["OUTPUT"])
    b = sink["OUTPUT"] if isinstance(sink["OUTPUT"], QgsVectorLayer) else QgsVectorLayer(sink["OUTPUT"])
    assert a.fields().names()[1:] == b.fields().names()  # the GeoPackage adds its fid
    assert a.featureCount() == b.featureCount() > 0
    assert a.crs() == b.crs()
    for fa, fb in zip(a.getFeatures(), b.getFeatures()):
        assert fa.attributes()[1:] == fb.attributes()
        assert fa.geometry().asWkb() == fb.geometry().asWkb()
    assert a.extent().toString(3) == b.extent().toString(3)
    ds = ogr.Open(bulk["OUTPUT"])
    lyr = ds.GetLayer(0)
    assert lyr.TestCapability(ogr.OLCFastSpatialFilter)  # the R-tree index exists ...
    xmin, xmax, ymin, ymax = 150_500.0, 151_700.0, 451_000.0, 452_100.0
    lyr.SetSpatialFilterRect(xmin, ymin, xmax, ymax)
    through_index = sorted(f.GetFID() for f in lyr)
    lyr.SetSpatialFilter(None)
    brute = sorted(f.GetFID() for f in lyr
                   if (lambda e: e[0] <= xmax and e[1] >= xmin and e[2] <= ymax and e[3] >= ymin)(
                       f.GetGeometryRef().GetEnvelope()))
    assert through_index == brute and brute  # ... and finds exactly the cells a full scan finds
    triggers = ds.ExecuteSQL("SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'rtree_%'")
    assert triggers.GetFeatureCount() == 6  # OGR's R-tree maintenance triggers are back in place
    ds.ReleaseResultSet(triggers)
    ds = None
    assert not (tmp_path / "bulk.gpkg.partial.gpkg").exists()
    # The bulk-loaded index holds exactly what OGR puts in an index it builds itself on the same table.
    ours, ogrs, rebuilt = rtree_rows_and_ogr_rebuild(bulk["OUTPUT"], "bulk", tmp_path)
    assert ours == ogrs and len(ours) == a.featureCount() > 51 and rebuilt  # more than one node
    # OGR's feature count is stored, and its count and index triggers keep working on the file.
    import sqlite3

    def stored_count():
        con = sqlite3.connect(bulk["OUTPUT"])
        try:
            return con.execute("SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'bulk'").fetchone()[0]
        finally:
            con.close()

    n = a.featureCount()
    del a
    assert stored_count() == n
    ds = ogr.Open(bulk["OUTPUT"], 1)
    lyr = ds.GetLayer(0)
    feature = ogr.Feature(lyr.GetLayerDefn())
    feature.SetGeometry(ogr.CreateGeometryFromWkt("POLYGON ((0 0, 1 0, 1 1, 0 0))"))
    lyr.CreateFeature(feature)
    ds = lyr = None
    assert stored_count() == n + 1
    con = sqlite3.connect(bulk["OUTPUT"])
    assert con.execute("SELECT COUNT(*) FROM rtree_bulk_geom").fetchone()[0] == n + 1
    assert con.execute("SELECT rtreecheck('rtree_bulk_geom')").fetchone()[0] == "ok"
    con.close()


def test_bulk_writer_indexes_zones_like_ogr(demo_gpkg, run_alg, tmp_path):
    """Multipolygons of different sizes (neighbourhoods): bounds parsed per geometry, same index as OGR's."""
    out, _ = run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 2,
                                            "ZONES": f"{demo_gpkg}|layername=neighbourhoods",
                                            "OUTPUT": str(tmp_path / "zones.gpkg")})
    ours, ogrs, rebuilt = rtree_rows_and_ogr_rebuild(out["OUTPUT"], "zones", tmp_path)
    zones = layer(out["OUTPUT"])
    assert ours == ogrs and len(ours) == zones.featureCount() > 1 and rebuilt
    import sqlite3

    from osgeo import ogr

    ds = ogr.Open(out["OUTPUT"])
    env = np.array([f.GetGeometryRef().GetEnvelope() for f in ds.GetLayer(0)])  # xmin, xmax, ymin, ymax
    ds = None
    con = sqlite3.connect(out["OUTPUT"])
    stored = con.execute("SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'zones'").fetchone()
    con.close()
    assert stored == (env[:, 0].min(), env[:, 2].min(), env[:, 1].max(), env[:, 3].max())


def test_bulk_writer_with_columns_named_like_its_own(tmp_path, monkeypatch):
    """Attributes called fid or geom (or with quotes) keep their values: the writer names its own columns
    around them; a failure half-way leaves no file behind."""
    import sqlite3

    import pandas as pd
    from osgeo import ogr
    from qgis.core import QgsCoordinateReferenceSystem

    from besecure.compat import WKB_POLYGON
    from besecure.layers import rtree
    from besecure.layers import write as w
    from besecure.layers.wkb import polygons_wkb

    cells = np.array([[[0, 0], [10, 0], [10, 10], [0, 10]], [[10, 0], [20, 0], [20, 10], [10, 10]]], dtype=float)
    frame = pd.DataFrame({"FID": [7, 8], "geom": ["a", "b"], 'odd "name"': [1.5, np.nan]})
    crs = QgsCoordinateReferenceSystem("EPSG:28992")
    path = str(tmp_path / "named.gpkg")
    w._write_geopackage_bulk(path, frame, polygons_wkb(cells), WKB_POLYGON, crs)
    ds = ogr.Open(path)
    lyr = ds.GetLayer(0)
    assert (lyr.GetFIDColumn(), lyr.GetGeometryColumn()) == ("fid_1", "geom_1")
    rows = [(f.GetFID(), f["FID"], f["geom"], f['odd "name"'], f.GetGeometryRef().GetEnvelope()) for f in lyr]
    assert rows == [(1, 7, "a", 1.5, (0.0, 10.0, 0.0, 10.0)), (2, 8, "b", None, (10.0, 20.0, 0.0, 10.0))]
    ds = lyr = None
    con = sqlite3.connect(path)
    assert con.execute("SELECT rtreecheck('rtree_named_geom_1')").fetchone()[0] == "ok"
    con.close()

    def broken(*_args, **_kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(rtree, "bulk_load", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        w._write_geopackage_bulk(str(tmp_path / "broken.gpkg"), frame, polygons_wkb(cells), WKB_POLYGON, crs)
    assert not list(tmp_path.glob("broken*"))


def test_bulk_writer_reports_progress_and_stops_on_cancel(tmp_path):
    import pandas as pd
    from qgis.core import QgsCoordinateReferenceSystem

    from besecure.analysis.errors import Cancelled
    from besecure.compat import WKB_POINT
    from besecure.layers import write as w
    from besecure.layers.write import point_wkb

    n = 250_000
    xy = np.random.default_rng(0).uniform(0, 1000, (n, 2))
    frame = pd.DataFrame({"v": np.arange(n)})
    crs = QgsCoordinateReferenceSystem("EPSG:28992")
    seen = []
    path = w._write_geopackage_bulk(str(tmp_path / "pts.gpkg"), frame, point_wkb(xy[:, 0], xy[:, 1]),
                                    WKB_POINT, crs, seen.append)
    assert seen == [0.0, 0.4, 0.8] and layer(path).featureCount() == n

    def cancel_at_second_chunk(done):
        if done > 0:
            raise Cancelled()

    with pytest.raises(Cancelled):
        w._write_geopackage_bulk(str(tmp_path / "cancelled.gpkg"), frame, point_wkb(xy[:, 0], xy[:, 1]),
                                 WKB_POINT, crs, cancel_at_second_chunk)
    assert not list(tmp_path.glob("cancelled*"))
