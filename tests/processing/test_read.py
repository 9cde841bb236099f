"""layers.read: the Arrow and feature-iteration paths give identical arrays; CSV; working CRS."""
import numpy as np
import pytest
from qgis.core import QgsCoordinateReferenceSystem, QgsVectorLayer

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


def test_arrow_equals_features_with_nulls_and_null_geometry(tmp_path):
    path = tmp_path / "nulls.gpkg"
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    lyr = ds.CreateLayer("pts", srs, ogr.wkbPoint)
    lyr.CreateField(ogr.FieldDefn("cat", ogr.OFTString))
    lyr.CreateField(ogr.FieldDefn("value", ogr.OFTReal))
    for cat, value, geom in ([("a", 1.5, "POINT (1 2)"), (None, None, "POINT (3 4)"),
                                            ("ü-umlaut", 2.0, None), ("c", None, "POINT (5 6)")]):
        f = ogr.Feature(lyr.GetLayerDefn())
        if cat is not None:
            f.SetField("cat", cat)
        if value is not None:
            f.SetField("value", value)
        if geom:
            f.SetGeometry(ogr.CreateGeometryFromWkt(geom))
        lyr.CreateFeature(f)
    ds = None
    layer = QgsVectorLayer(str(path), "pts", "ogr")
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
