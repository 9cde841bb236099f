"""Bad input: a clear QgsProcessingException or a logged warning, never a traceback or half-written file."""
import numpy as np
import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)

from besecure.compat import FIELD_TYPE_STRING, make_field


def memory_points(points, crs="EPSG:28992", times=None):
    lyr = QgsVectorLayer(f"Point?crs={crs}", "pts", "memory")
    lyr.dataProvider().addAttributes([make_field("t", FIELD_TYPE_STRING)])
    lyr.updateFields()
    feats = []
    for i, p in enumerate(points):
        f = QgsFeature(lyr.fields())
        if p is not None:
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*p)))
        f.setAttributes([None if times is None else times[i]])
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def test_empty_layer(run_alg, tmp_path):
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match="no points with a usable geometry"):
        run_alg("aggregateincidents", {"INPUT": memory_points([]), "OUTPUT": str(out)})
    assert not out.exists()


def test_lines_instead_of_points(run_alg, tmp_path, demo_gpkg):
    with pytest.raises(QgsProcessingException, match="needs points"):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=streets", "OUTPUT": str(tmp_path / "o.gpkg")})


def test_no_incidents_in_period(run_alg, tmp_path, demo_gpkg):
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match="no incidents between 2030-01-01"):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "TIME_FIELD": "occurred",
                                       "START": "2030-01-01", "END": "2030-02-01", "OUTPUT": str(out)})
    assert not out.exists()


def test_null_geometries_and_bad_dates_are_counted(run_alg, tmp_path):
    pts = [(1000.0, 1000.0), None, (1100.0, 1000.0), (1200.0, 1000.0), (1300.0, 1000.0)]
    times = ["2024-01-05 10:00", "2024-01-05 10:00", "not a date", None, "2024-02-01T08:00"]
    res, fb = run_alg("aggregateincidents", {"INPUT": memory_points(pts, times=times), "TIME_FIELD": "t",
                                             "CELL_SIZE": 1000, "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "1 without a usable geometry" in fb.log
    assert "1 incidents without a time and 1 with an unparseable time" in fb.log
    total = sum(f["count"] for f in QgsVectorLayer(res["OUTPUT"], "o", "ogr").getFeatures())
    assert total == 2


def test_invalid_zone_polygon_repaired_and_reported(run_alg, tmp_path):
    zones = QgsVectorLayer("Polygon?crs=EPSG:28992", "z", "memory")
    bowtie = QgsFeature()
    bowtie.setGeometry(QgsGeometry.fromWkt("POLYGON((0 0, 2000 2000, 2000 0, 0 2000, 0 0))"))
    zones.dataProvider().addFeatures([bowtie])
    pts = memory_points([(1900.0, 1000.0), (100.0, 1000.0), (1000.0, 200.0)])
    res, fb = run_alg("aggregateincidents", {"INPUT": pts, "AGGREGATION": 2, "ZONES": zones,
                                             "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "repaired" in fb.log
    assert "1 incidents fall outside every unit" in fb.log
    assert [f["count"] for f in QgsVectorLayer(res["OUTPUT"], "o", "ogr").getFeatures()] == [2]


def test_zone_layer_in_another_crs(run_alg, tmp_path, demo_gpkg):
    import processing

    wgs = processing.run("native:reprojectlayer", {"INPUT": f"{demo_gpkg}|layername=neighbourhoods",
                                                   "TARGET_CRS": "EPSG:4326", "OUTPUT": "memory:"})["OUTPUT"]
    a, _ = run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 2,
                                          "ZONES": wgs, "ZONE_ID_FIELD": "name", "OUTPUT": str(tmp_path / "a.gpkg")})
    b, _ = run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 2,
                                          "ZONES": f"{demo_gpkg}|layername=neighbourhoods", "ZONE_ID_FIELD": "name",
                                          "OUTPUT": str(tmp_path / "b.gpkg")})
    ca = {f["name"]: f["count"] for f in QgsVectorLayer(a["OUTPUT"], "a", "ogr").getFeatures()}
    cb = {f["name"]: f["count"] for f in QgsVectorLayer(b["OUTPUT"], "b", "ogr").getFeatures()}
    assert ca == cb


def test_one_metre_cells_over_a_city_refused_with_count(run_alg, tmp_path, shared_data):
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match=r"would have [\d,]+ cells, more than the limit"):
        run_alg("aggregateincidents", {"INPUT": str(shared_data / "chicago" / "incidents_2017_2019.gpkg"),
                                       "CELL_SIZE": 1, "OUTPUT": str(out)})
    assert not out.exists()


def test_missing_time_field_for_period(run_alg, tmp_path, demo_gpkg):
    with pytest.raises(QgsProcessingException, match="needs TIME_FIELD"):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "START": "2024-01-01",
                                       "OUTPUT": str(tmp_path / "o.gpkg")})


def test_unparseable_period_bound(run_alg, tmp_path, demo_gpkg):
    with pytest.raises(QgsProcessingException, match="is not a date"):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "TIME_FIELD": "occurred",
                                       "START": "next tuesday", "OUTPUT": str(tmp_path / "o.gpkg")})


@pytest.mark.parametrize("alg,extra", [
    ("aggregateincidents", {}),
    ("hottimes", {"START_FIELD": "window_from", "END_FIELD": "window_to"}),
    ("periodchange", {"TIME_FIELD": "occurred", "PERIOD_A_START": "2023-01-01", "PERIOD_A_END": "2023-12-31",
                      "PERIOD_B_START": "2024-01-01", "PERIOD_B_END": "2024-12-31"}),
])
def test_cancel_during_run_writes_nothing(run_alg, make_feedback, tmp_path, demo_gpkg, alg, extra):
    out = tmp_path / "o.gpkg"
    fb = make_feedback(cancel_on_message="Read ")  # the user presses Cancel once the layer has been read
    fb.cancel()
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg(alg, {"INPUT": f"{demo_gpkg}|layername=incidents", "OUTPUT": str(out), **extra}, feedback=fb)
    assert not out.exists()


def test_unknown_timezone(run_alg, tmp_path, demo_gpkg):
    lyr = memory_points([(0.0, 0.0)], times=["2024-01-01T10:00:00+01:00"])
    with pytest.raises(QgsProcessingException, match="Unknown time zone"):
        run_alg("hottimes", {"INPUT": lyr, "START_FIELD": "t", "TIMEZONE": "Mars/Olympus",
                             "OUTPUT": str(tmp_path / "o.gpkg")})


def test_offset_timestamps_converted_to_timezone(run_alg, tmp_path):
    # 09:00 UTC is 10:00 in Amsterdam in winter: Monday 10h.
    lyr = memory_points([(0.0, 0.0)], times=["2024-01-08T09:00:00Z"])
    res, _ = run_alg("hottimes", {"INPUT": lyr, "START_FIELD": "t", "TIMEZONE": "Europe/Amsterdam",
                                  "OUTPUT": str(tmp_path / "o.gpkg")})
    rows = [(f["weekday"], f["hour"], f["weight"]) for f in QgsVectorLayer(res["OUTPUT"], "o", "ogr").getFeatures()]
    assert [(d, h) for d, h, w in rows if w > 0] == [(0, 10)]
    assert np.isclose(sum(w for _, _, w in rows), 1.0)


def test_output_in_a_missing_folder(run_alg, tmp_path, demo_gpkg, gdal_exceptions):
    out = tmp_path / "no such folder" / "o.gpkg"
    with pytest.raises(QgsProcessingException, match="check that the folder exists and is writable"):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "OUTPUT": str(out)})
    assert not (tmp_path / "no such folder").exists()
