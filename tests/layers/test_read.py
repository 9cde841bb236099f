"""layers.read: the Arrow and feature-iteration paths give identical arrays; CSV; working CRS."""
import numpy as np
import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer
from testlib import ogr_gpkg

from besecure.layers.read import read_points


def _both(layer, fields):
    fast = read_points(layer, fields, layer=layer)
    slow = read_points(layer, fields, layer=layer, force_features=True)
    return fast, slow


def assert_identical(a, b):
    assert np.array_equal(a.fid, b.fid)
    assert np.array_equal(a.x, b.x) and np.array_equal(a.y, b.y)
    assert a.crs == b.crs
    for name in a.attributes:
        va, vb = a.attributes[name], b.attributes[name]
        assert va.dtype == vb.dtype, name
        if va.dtype.kind == "f":
            assert np.array_equal(va, vb, equal_nan=True), name
        elif va.dtype.kind == "M":
            assert np.array_equal(va.astype("int64"), vb.astype("int64")), name
        else:
            assert va.tolist() == vb.tolist(), name


def test_arrow_equals_features_on_chicago(shared_data):
    layer = QgsVectorLayer(str(shared_data / "chicago" / "incidents_2017_2019.gpkg"), "inc", "ogr")
    fast, slow = _both(layer, ["primary_type", "community_area", "occurred", "arrest"])
    assert fast.path == "arrow" and slow.path == "features"
    assert fast.x.size == 25_000
    assert_identical(fast, slow)
    # feet (EPSG:3435) -> UTM 16N metres
    assert fast.source_crs.authid() == "EPSG:3435"
    assert fast.crs.authid() == "EPSG:32616"


def test_arrow_equals_features_with_nulls_and_null_geometry(tmp_path, gdal_exceptions):
    from osgeo import ogr

    layer = ogr_gpkg(tmp_path / "nulls.gpkg", "pts", ogr.wkbPoint, {"cat": ogr.OFTString, "value": ogr.OFTReal},
                     [("a", 1.5, "POINT (1 2)"), (None, None, "POINT (3 4)"), ("ü-umlaut", 2.0, None),
                      ("c", None, "POINT (5 6)")])
    fast, slow = _both(layer, ["cat", "value"])
    assert fast.path == "arrow"
    assert_identical(fast, slow)
    assert fast.x.tolist() == [1.0, 3.0, 5.0]
    assert fast.n_null_geometry == slow.n_null_geometry == 1
    assert fast.attributes["cat"].tolist() == ["a", None, "c"]


def test_filtered_layer_uses_features(shared_data):
    layer = QgsVectorLayer(str(shared_data / "chicago" / "incidents_2017_2019.gpkg"), "inc", "ogr")
    layer.setSubsetString("\"year\" = 2018")
    table = read_points(layer, ["year"], layer=layer)
    assert table.path == "features"
    assert set(table.attributes["year"].tolist()) == {2018.0}


def test_csv_lat_lon_and_xy(shared_data):
    csv = str(shared_data / "chicago" / "incidents_2017_2019.csv")
    layer = QgsVectorLayer(csv, "csv", "ogr")
    table = read_points(layer, ["primary_type"], layer=layer)
    assert table.path == "csv" and table.source_crs.authid() == "EPSG:4326"
    # Same incidents through the State Plane x/y columns (feet) when the CRS is given: same places.
    xy = read_points(layer, [], layer=layer, csv_crs=QgsCoordinateReferenceSystem("EPSG:3435"),
                     working_crs=table.crs)
    assert table.x.size == xy.x.size == 25_000
    dist = np.hypot(table.x - xy.x, table.y - xy.y)
    assert np.median(dist) < 2.0  # metres: the published lat/lon and State Plane agree


def test_degrees_get_utm(shared_data):
    layer = QgsVectorLayer(str(shared_data / "memphis" / "robberies.gpkg"), "r", "ogr")
    table = read_points(layer, [], layer=layer)
    assert layer.crs().authid() == "EPSG:4326"
    assert table.crs.authid() == "EPSG:32616"  # Memphis is in UTM zone 16N
    # Memphis lies west of the zone's central meridian (-87), so eastings below 500 km.
    assert 200_000 < table.x.min() < table.x.max() < 500_000


def test_lines_refused(tmp_path):
    layer = QgsVectorLayer("LineString?crs=EPSG:28992", "lines", "memory")
    with pytest.raises(ValueError, match="needs points"):
        read_points(layer, [], layer=layer)


def test_web_mercator_is_not_taken_as_metres():
    from besecure.layers.crs import is_metric

    assert not is_metric(QgsCoordinateReferenceSystem("EPSG:3857"))  # scale 1.56x at 50 degrees north
    assert is_metric(QgsCoordinateReferenceSystem("EPSG:28992"))
    assert is_metric(QgsCoordinateReferenceSystem("EPSG:32616"))
    assert not is_metric(QgsCoordinateReferenceSystem("EPSG:3435"))  # US survey feet
    layer = QgsVectorLayer("Point?crs=EPSG:3857", "p", "memory")
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(1_600_000.0, 6_400_000.0)))  # about 14.4 E, 49.7 N
    layer.dataProvider().addFeatures([f])
    assert read_points(layer, [], layer=layer).crs.authid() == "EPSG:32633"


# -- polygons -------------------------------------------------------------------------------------

def _polygons_both(layer, fields, crs=None):
    from besecure.layers.read import read_polygons

    working = crs or layer.crs()
    fast = read_polygons(layer, fields, working_crs=working)
    slow = read_polygons(layer, fields, working_crs=working, force_features=True)
    assert fast.path == "arrow" and slow.path == "features"
    return fast, slow


def assert_same_polygons(a, b):
    assert np.array_equal(a.fid, b.fid)
    assert (a.n_features, a.n_null_geometry) == (b.n_features, b.n_null_geometry)
    assert len(a.parts) == len(b.parts)
    for pa, pb in zip(a.parts, b.parts):
        assert len(pa) == len(pb)
        for ra, rb in zip(pa, pb):
            assert len(ra) == len(rb)
            for x, y in zip(ra, rb):
                assert np.array_equal(x, y)
    for name in a.attributes:
        assert a.attributes[name].tolist() == b.attributes[name].tolist() or np.array_equal(
            a.attributes[name], b.attributes[name], equal_nan=True), name


def test_polygon_arrow_equals_features_on_grid_and_zones(demo_gpkg, run_alg, tmp_path):
    hexes, _ = run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 1,
                                              "CELL_SIZE": 150, "OUTPUT": str(tmp_path / "hex.gpkg")})
    grid = QgsVectorLayer(hexes["OUTPUT"], "hex", "ogr")
    fast, slow = _polygons_both(grid, ["count", "cell_id"])
    assert_same_polygons(fast, slow)
    assert len(fast.parts) == grid.featureCount() > 500
    zones = QgsVectorLayer(f"{demo_gpkg}|layername=neighbourhoods", "n", "ogr")
    fast, slow = _polygons_both(zones, ["name", "population"], QgsCoordinateReferenceSystem("EPSG:32631"))
    assert_same_polygons(fast, slow)  # general (multi)polygons, reprojected
    assert fast.attributes["population"].sum() > 0


def test_polygon_arrow_equals_features_with_invalid_null_and_odd_shapes(tmp_path):
    from osgeo import ogr

    def hexagon(cx, swap=False):
        pts = [(cx + 10 * np.cos(a), 10 * np.sin(a)) for a in np.arange(6) * np.pi / 3]
        if swap:  # two vertices exchanged: the ring crosses itself
            pts[1], pts[2] = pts[2], pts[1]
        return "POLYGON ((" + ", ".join(f"{float(x)!r} {float(y)!r}" for x, y in pts + pts[:1]) + "))"

    star = [(500 + 50 * np.cos(np.pi / 2 + 2 * np.pi * k / 5), 50 * np.sin(np.pi / 2 + 2 * np.pi * k / 5))
            for k in (0, 2, 4, 1, 3, 0)]  # turns the same way at every vertex, twice around
    shapes = [("hex", hexagon(0)), ("bowtie-hex", hexagon(100, swap=True)), ("null", None), ("hex2", hexagon(200)),
              ("pentagram", "POLYGON ((" + ", ".join(f"{float(x)!r} {float(y)!r}" for x, y in star) + "))"),
              ("concave", "POLYGON ((300 0, 340 0, 340 40, 320 10, 300 40, 300 0))"),
              ("hex-cw", "POLYGON ((" + ", ".join(hexagon(400)[10:-2].split(", ")[::-1]) + "))")]
    layer = ogr_gpkg(tmp_path / "odd.gpkg", "odd", ogr.wkbPolygon, {"name": ogr.OFTString}, shapes)

    from besecure.layers.read import read_polygons

    def read(force):
        messages = []

        class Feedback:
            def pushWarning(self, text):  # noqa: N802
                messages.append(text)

        return read_polygons(layer, ["name"], working_crs=layer.crs(), feedback=Feedback(),
                             force_features=force), messages

    (fast, fast_log), (slow, slow_log) = read(False), read(True)
    assert fast.path == "arrow"
    assert_same_polygons(fast, slow)
    assert fast.attributes["name"].tolist() == ["hex", "bowtie-hex", "hex2", "pentagram", "concave", "hex-cw"]
    # Both paths skipped the null geometry and repaired the self-crossing hexagon and the pentagram.
    assert fast_log == slow_log == ["1 polygons without geometry were skipped.",
                                    "2 invalid polygons were repaired (makeValid) before use."]


def test_polygon_arrow_equals_features_on_chicago_areas(shared_data):
    areas = QgsVectorLayer(str(shared_data / "chicago" / "community_areas.gpkg"), "areas", "ogr")
    assert areas.isValid()
    fast, slow = _polygons_both(areas, ["AREA_NUMBE"], QgsCoordinateReferenceSystem("EPSG:32616"))
    assert_same_polygons(fast, slow)
    assert len(fast.parts) == 77


def test_wkb_bounds_equal_ogr_envelopes():
    """Bounds parsed from WKB of every geometry type against OGR's own envelopes."""
    from osgeo import ogr

    from besecure.layers.wkb import wkb_bounds

    wkts = ["POINT (1 2)", "POINT Z (3 4 5)", "MULTIPOINT ((1 1), (-2 5))", "LINESTRING (0 0, 10 -3, 4 8)",
            "MULTILINESTRING ((0 0, 1 1), (5 5, 7 -2))", "POLYGON ((0 0, 4 0, 4 4, 0 4, 0 0), (1 1, 2 1, 2 2, 1 1))",
            "MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)), ((10 10, 12 10, 12 13, 10 10)))",
            "GEOMETRYCOLLECTION (POINT (-7 3), LINESTRING (2 2, 9 9))",
            "POLYGON ZM ((0 0 1 2, 3 0 1 2, 3 3 1 2, 0 0 1 2))"]
    geoms = [ogr.CreateGeometryFromWkt(w) for w in wkts]
    blobs = [bytes(g.ExportToIsoWkb()) for g in geoms]
    blobs.append(bytes(ogr.CreateGeometryFromWkt("POLYGON ((5 5, 6 5, 6 6, 5 5))").ExportToWkb(ogr.wkbXDR)))
    geoms.append(ogr.CreateGeometryFromWkt("POLYGON ((5 5, 6 5, 6 6, 5 5))"))
    empty = bytes(ogr.CreateGeometryFromWkt("MULTIPOLYGON EMPTY").ExportToIsoWkb())
    bounds = wkb_bounds(blobs + [empty])
    for b, g in zip(bounds, geoms):
        xmin, xmax, ymin, ymax = g.GetEnvelope()
        assert b.tolist() == [xmin, ymin, xmax, ymax]
    assert np.isnan(bounds[-1]).all()
    # The vectorised path (equal sizes and headers) against OGR too: grid cells, single-part cells, points.
    rng = np.random.default_rng(0)
    for template in ("POLYGON (({0} {1}, {2} {1}, {2} {3}, {0} {3}, {0} {1}))",
                     "MULTIPOLYGON ((({0} {1}, {2} {1}, {2} {3}, {0} {1})))", "POINT ({0} {1})"):
        geoms = [ogr.CreateGeometryFromWkt(template.format(*v)) for v in rng.uniform(-1e5, 1e5, (50, 4)).tolist()]
        bounds = wkb_bounds([bytes(g.ExportToIsoWkb()) for g in geoms])
        env = np.array([g.GetEnvelope() for g in geoms])
        assert np.array_equal(bounds, env[:, [0, 2, 1, 3]])


def test_stream_shorter_than_the_layer_falls_back_to_features(tmp_path, gdal_exceptions):
    """When the Arrow stream returns another number of features than the layer reports (a stream cut short
    by an unreadable feature), the layer is read feature by feature instead."""
    import sqlite3

    from osgeo import ogr

    path = tmp_path / "short.gpkg"
    ogr_gpkg(path, "pts", ogr.wkbPoint, {"v": ogr.OFTReal}, [(float(i), f"POINT ({i} {i})") for i in range(5)])
    con = sqlite3.connect(path)  # the layer now claims six features, the stream gives five
    con.execute("UPDATE gpkg_ogr_contents SET feature_count = 6")
    con.commit()
    con.close()
    layer = QgsVectorLayer(str(path), "pts", "ogr")
    table = read_points(layer, ["v"], layer=layer)
    assert table.path == "features" and table.x.tolist() == [0.0, 1.0, 2.0, 3.0, 4.0]


def _lines_both(layer, fields, crs):
    from besecure.layers.read import read_lines

    fast = read_lines(layer, fields, working_crs=crs)
    slow = read_lines(layer, fields, working_crs=crs, force_features=True)
    assert fast.path == "arrow" and slow.path == "features"
    assert np.array_equal(fast.fid, slow.fid)
    assert (fast.n_features, fast.n_null_geometry) == (slow.n_features, slow.n_null_geometry)
    assert [len(p) for p in fast.parts] == [len(p) for p in slow.parts]
    for pa, pb in zip(fast.parts, slow.parts):
        for a, b in zip(pa, pb):
            assert np.array_equal(a, b)
    for name in fields:
        assert fast.attributes[name].tolist() == slow.attributes[name].tolist()
    return fast


def test_line_arrow_equals_features_on_streets_and_odd_lines(demo_gpkg, tmp_path):
    from osgeo import ogr

    streets = QgsVectorLayer(f"{demo_gpkg}|layername=drivable_network", "s", "ogr")
    fast = _lines_both(streets, ["name", "speed_kmh"], QgsCoordinateReferenceSystem("EPSG:32631"))  # reprojected
    assert len(fast.parts) == streets.featureCount() > 400
    lines = ogr_gpkg(tmp_path / "lines.gpkg", "lines", ogr.wkbMultiCurve, {"name": ogr.OFTString}, [
        ("plain", "LINESTRING (0 0, 10 0, 10 5)"), ("null", None), ("empty", "LINESTRING EMPTY"),
        ("multi", "MULTILINESTRING ((0 0, 1 1), (5 5, 6 7, 8 8))"), ("3d", "LINESTRING Z (0 0 1, 3 4 2)"),
        ("curve", "CIRCULARSTRING (0 0, 1 1, 2 0)")])
    fast = _lines_both(lines, ["name"], lines.crs())
    assert fast.n_null_geometry == 2 and "curve" in fast.attributes["name"].tolist()
    curve = fast.parts[fast.attributes["name"].tolist().index("curve")][0]
    assert len(curve) > 3 and np.allclose(np.hypot(curve[:, 0] - 1, curve[:, 1]), 1)  # segmentised on its circle


def test_curved_polygons_are_segmentised_on_both_paths(tmp_path):
    """A plan drawn with arcs (a round square): read as a polygon close to the circle, on both paths."""
    from osgeo import ogr

    layer = ogr_gpkg(tmp_path / "round.gpkg", "round", ogr.wkbMultiSurface, {"name": ogr.OFTString}, [
        ("round square", "CURVEPOLYGON (CIRCULARSTRING (0 0, 20 0, 0 0))"),
        ("plain", "POLYGON ((30 0, 40 0, 40 10, 30 0))")])
    fast, slow = _polygons_both(layer, ["name"])
    assert_same_polygons(fast, slow)
    ring = fast.parts[0][0][0]
    assert len(ring) > 20 and np.allclose(np.hypot(ring[:, 0] - 10, ring[:, 1]), 10)
    from besecure.analysis.geometry.polygons import polygon_area

    assert polygon_area(fast.rings[0]) == pytest.approx(np.pi * 100, rel=0.01)


def test_layer_being_edited_is_read_with_its_unsaved_edits(tmp_path):
    from osgeo import ogr
    from qgis.core import QgsFeature, QgsGeometry, QgsPointXY

    layer = ogr_gpkg(tmp_path / "edit.gpkg", "pts", ogr.wkbPoint, {"v": ogr.OFTReal},
                     [(1.0, "POINT (1 1)"), (2.0, "POINT (2 2)")])
    assert read_points(layer, ["v"], layer=layer).path == "arrow"
    layer.startEditing()
    feature = QgsFeature(layer.fields())
    feature.setAttribute("v", 3.0)
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(3, 3)))
    layer.addFeature(feature)  # not saved: only QGIS knows it
    table = read_points(layer, ["v"], layer=layer)
    assert table.path == "features" and sorted(table.attributes["v"].tolist()) == [1.0, 2.0, 3.0]
    layer.rollBack()


def test_qgis_views_of_a_file_are_read_through_qgis(tmp_path):
    """One geometry type of a mixed file, and a CSV opened with coordinate-column options: what QGIS shows."""
    mixed = tmp_path / "mixed.geojson"
    import json

    def feature(v, geometry):
        return {"type": "Feature", "properties": {"v": v}, "geometry": geometry}

    mixed.write_text(json.dumps({"type": "FeatureCollection", "features": [
        feature(1, {"type": "Point", "coordinates": [1, 2]}),
        feature(2, {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}),
        feature(3, {"type": "Point", "coordinates": [5, 6]})]}))
    points = QgsVectorLayer(f"{mixed}|geometrytype=Point", "p", "ogr")
    assert points.isValid() and points.featureCount() == 2
    table = read_points(points, ["v"], layer=points, working_crs=QgsCoordinateReferenceSystem("EPSG:4326"))
    assert table.path == "features" and table.attributes["v"].tolist() == [1.0, 3.0]
    csv = tmp_path / "xy.csv"
    csv.write_text("east,north,v\n155000,463000,1\n155100,463100,2\n")
    layer = QgsVectorLayer(f"{csv}|option:X_POSSIBLE_NAMES=east|option:Y_POSSIBLE_NAMES=north", "xy", "ogr")
    assert layer.isValid() and layer.featureCount() == 2
    with pytest.raises(ValueError, match="no valid coordinate reference system"):  # a CSV says no CRS
        read_points(layer, [], layer=layer, working_crs=QgsCoordinateReferenceSystem("EPSG:28992"))
    layer.setCrs(QgsCoordinateReferenceSystem("EPSG:28992"))
    table = read_points(layer, [], layer=layer, working_crs=QgsCoordinateReferenceSystem("EPSG:28992"))
    assert table.path == "features" and table.x.tolist() == [155000.0, 155100.0]


def test_shapefile_without_code_page_is_read_through_qgis(tmp_path):
    """Latin-1 text in a shapefile without .cpg (nor code page byte): OGR passes the bytes on undecoded,
    so the text is read through QGIS (which applies the layer's encoding) instead of failing."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    path = tmp_path / "latin.shp"
    ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    lyr = ds.CreateLayer("latin", srs, ogr.wkbPoint, ["ENCODING=ISO-8859-1"])
    lyr.CreateField(ogr.FieldDefn("name", ogr.OFTString))
    for i, name in enumerate(["Café", "plain"]):
        f = ogr.Feature(lyr.GetLayerDefn())
        f.SetField("name", name)
        f.SetGeometry(ogr.CreateGeometryFromWkt(f"POINT ({i} {i})"))
        lyr.CreateFeature(f)
    ds = lyr = None
    (tmp_path / "latin.cpg").unlink(missing_ok=True)
    dbf = bytearray((tmp_path / "latin.dbf").read_bytes())
    dbf[29] = 0  # no language driver id either
    (tmp_path / "latin.dbf").write_bytes(bytes(dbf))
    layer = QgsVectorLayer(str(path), "latin", "ogr")
    table = read_points(layer, ["name"], layer=layer)
    assert table.path == "features"
    assert table.attributes["name"].tolist() == [f["name"] for f in layer.getFeatures()]
    assert table.attributes["name"][1] == "plain"
    assert read_points(layer, [], layer=layer).path == "arrow"  # without text fields the stream is fine


@pytest.mark.parametrize("wkt", ["POINT Z ({x} {y} 7)", "POINT M ({x} {y} 3)", "POINT ZM ({x} {y} 7 3)"])
def test_points_with_z_or_m_read_alike(tmp_path, wkt):
    from osgeo import ogr

    kind = {"Z": ogr.wkbPoint25D, "M": ogr.wkbPointM, "ZM": ogr.wkbPointZM}[wkt.split()[1]]
    rows = [(float(i), wkt.format(x=155000 + i * 1.5, y=463000 - i)) for i in range(50)]
    for name, extra in (("full", []), ("with_null", [(99.0, None)])):  # fixed-size WKB column, and masked
        layer = ogr_gpkg(tmp_path / f"{name}.gpkg", name, kind, {"v": ogr.OFTReal}, rows + extra)
        fast, slow = _both(layer, ["v"])
        assert fast.path == "arrow"
        assert_identical(fast, slow)
        assert fast.x[:3].tolist() == [155000.0, 155001.5, 155003.0] and fast.n_null_geometry == len(extra)
