"""Bad input: a clear QgsProcessingException or a logged warning, never a traceback or half-written file."""
import os
from pathlib import Path

import numpy as np
import pytest
from qgis.core import (
    QgsFeature,
    QgsFeatureRequest,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)
from testlib import wkt_layer

from besecure.analysis.errors import InputError
from besecure.compat import FIELD_TYPE_DOUBLE, FIELD_TYPE_STRING, make_field


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
    with pytest.raises(QgsProcessingException, match=r"no such folder' of the output .* does not exist"):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "OUTPUT": str(out)})
    assert not (tmp_path / "no such folder").exists()


# -- issue 10 item 5: each bad input gets a clear message and leaves nothing behind --------------------------

def lamps_and_paths(demo_gpkg, **extra):
    return {"LAMPS": f"{demo_gpkg}|layername=street_lamps", "HEIGHT_FIELD": "height_m", "FLUX_FIELD": "flux_lm",
            "PATHS": f"{demo_gpkg}|layername=paths", "CLASS": "P5", **extra}


def test_number_out_of_range_names_the_parameter_and_its_range(run_alg, tmp_path, demo_gpkg):
    # QGIS alone says "Incorrect parameter value for PATH_WIDTH"; 1,000,000 m ran into a MemoryError before
    # the parameter had a maximum.
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match=r"\(PATH_WIDTH\) must be between 0\.01 and 100; it is 1000000"):
        run_alg("lightingcheck", lamps_and_paths(demo_gpkg, PATH_WIDTH=1_000_000, OUTPUT=str(out),
                                                 OUTPUT_FAILS=str(tmp_path / "f.gpkg")))
    with pytest.raises(QgsProcessingException, match=r"\(CELL_SIZE\) must be at least 0\.001; it is -5"):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "CELL_SIZE": -5,
                                       "OUTPUT": str(out)})
    assert not list(tmp_path.iterdir())


def test_path_width_field_in_the_wrong_unit_is_refused_before_allocating(run_alg, tmp_path, demo_gpkg):
    # A width field in millimetres: 2,000,000 "m" wide paths need ~1.3 million points across each field.
    paths = QgsVectorLayer(f"{demo_gpkg}|layername=paths", "p", "ogr").materialize(QgsFeatureRequest())
    paths.startEditing()
    idx = paths.fields().indexOf("width_m")
    for f in paths.getFeatures():
        paths.changeAttributeValue(f.id(), idx, 2_000_000.0)
    paths.commitChanges()
    with pytest.raises(QgsProcessingException, match=r"calculation grids would have more than 5,000,000 points"):
        run_alg("lightingcheck", lamps_and_paths(demo_gpkg, PATHS=paths, WIDTH_FIELD="width_m",
                                                 OUTPUT=str(tmp_path / "o.gpkg"),
                                                 OUTPUT_FAILS=str(tmp_path / "f.gpkg")))
    assert not list(tmp_path.iterdir())


def unwritable_folder(tmp_path):
    """A folder where no file can be made: read-only by mode, or /proc for root (who ignores modes)."""
    if os.geteuid() == 0:
        return Path("/proc")
    folder = tmp_path / "read-only"
    folder.mkdir()
    folder.chmod(0o555)
    return folder


def sbd_plan(**extra):
    return {"PATHS": wkt_layer("LineString", ["LINESTRING(1100 920, 1200 920)"]),
            "VEGETATION": wkt_layer("Point", ["POINT(1150 921.5)"], {"height_m": FIELD_TYPE_DOUBLE}, [[1.6]]),
            "CHECKS": [2], **extra}


def test_report_into_a_read_only_folder(run_alg, tmp_path):
    folder = unwritable_folder(tmp_path)
    with pytest.raises(QgsProcessingException, match="cannot be written to"):
        run_alg("sbdreport", sbd_plan(OUTPUT_HTML=str(folder / "report.html")))
    assert not (folder / "report.html").exists() and not (folder / "report_files").exists()


def test_report_leaves_nothing_when_its_pdf_fails(run_alg, tmp_path, monkeypatch):
    from besecure.layers.reports.document import Report

    def fail(report, path):  # what the engine raises when QPrinter writes nothing
        raise OSError(f"could not write {path}")

    monkeypatch.setattr(Report, "write_pdf", fail)
    with pytest.raises(QgsProcessingException, match="Cannot write the PDF report"):
        run_alg("sbdreport", sbd_plan(OUTPUT_HTML=str(tmp_path / "report.html"), WITH_PDF=True))
    assert not list(tmp_path.iterdir())  # neither the HTML written before the PDF nor the check outputs


def emerging(demo_gpkg, **extra):
    return {"INPUT": f"{demo_gpkg}|layername=incidents", "TIME_FIELD": "occurred", "CELL_SIZE": 500, **extra}


def test_emerging_cube_and_layer_in_one_file_refused(run_alg, tmp_path, demo_gpkg):
    same = str(tmp_path / "x.gpkg")
    with pytest.raises(QgsProcessingException, match=r"\(OUTPUT_CUBE\) and .*\(OUTPUT\) are the same file"):
        run_alg("emerginghotspots", emerging(demo_gpkg, OUTPUT_CUBE=same, OUTPUT=same))
    assert not list(tmp_path.iterdir())


def test_emerging_cube_removed_when_the_layer_fails(run_alg, tmp_path, demo_gpkg, monkeypatch):
    from besecure.processing.algorithms import emerging_hot_spots

    def fail(*args, **kwargs):
        raise InputError("Cannot create the GeoPackage {}; check that the folder exists and is writable.", "o")

    monkeypatch.setattr(emerging_hot_spots, "write_frame", fail)  # the cube is written first, then the layer
    with pytest.raises(QgsProcessingException, match="Cannot create the GeoPackage"):
        run_alg("emerginghotspots", emerging(demo_gpkg, OUTPUT_CUBE=str(tmp_path / "cube.gpkg"),
                                             OUTPUT=str(tmp_path / "o.gpkg")))
    assert not list(tmp_path.iterdir())


def test_output_that_is_a_folder_refused(run_alg, tmp_path, demo_gpkg):
    (tmp_path / "o.gpkg").mkdir()
    with pytest.raises(QgsProcessingException, match=r"\(OUTPUT\) '.*o\.gpkg' is a folder; give a file name"):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "OUTPUT": str(tmp_path / "o.gpkg")})


def test_output_in_a_read_only_folder(run_alg, tmp_path, demo_gpkg):
    folder = unwritable_folder(tmp_path)
    with pytest.raises(QgsProcessingException, match="cannot be written to; choose a folder"):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "OUTPUT": str(folder / "o.gpkg")})


@pytest.mark.parametrize("alg,params", [
    ("hottimes", {"START_FIELD": "occurred"}),
    ("interventioneffect", {"TIME_FIELD": "occurred", "TARGET": "neighbourhoods", "BUFFER": "neighbourhoods",
                            "CONTROL": "neighbourhoods", "BEFORE_START": "2023-01-01", "BEFORE_END": "2023-12-31",
                            "AFTER_START": "2024-01-01", "AFTER_END": "2024-12-31"}),
])
def test_table_output_as_shapefile_refused(run_alg, tmp_path, demo_gpkg, alg, params):
    # OGR writes a table without geometry to 'x.shp' as a lone x.dbf: the run said success, no x.shp.
    params = {k: f"{demo_gpkg}|layername={v}" if v == "neighbourhoods" else v for k, v in params.items()}
    with pytest.raises(QgsProcessingException, match="table without geometry, which a shapefile cannot hold"):
        run_alg(alg, {"INPUT": f"{demo_gpkg}|layername=incidents", **params, "OUTPUT": str(tmp_path / "t.shp")})
    assert not list(tmp_path.iterdir())


def test_concealment_snap_bounded(run_alg, demo_gpkg):
    with pytest.raises(QgsProcessingException, match=r"\(SNAP\) must be between 0 and 10; it is 100000"):
        run_alg("concealment", {"OBJECTS": f"{demo_gpkg}|layername=vegetation", "HEIGHT_FIELD": "height_m",
                                "PATHS": f"{demo_gpkg}|layername=paths", "SNAP": 100000, "OUTPUT": "memory:",
                                "OUTPUT_ESCAPE": "memory:", "OUTPUT_DEAD_ENDS": "memory:"})


ZONES = ["POLYGON((150000 450000, 152000 450000, 152000 452000, 150000 452000, 150000 450000))",
         "POLYGON((152000 450000, 154000 450000, 154000 452000, 152000 452000, 152000 450000))"]


@pytest.mark.parametrize("field,message", [
    ("pop", r"population field 'pop' has 1 negative value\(s\), e\.g\. -100 in feature 2"),
    ("pop_text", r"population field 'pop_text' holds text \('many' in feature 1\)"),
])
def test_bad_population_refused_naming_field_and_feature(run_alg, demo_gpkg, field, message):
    zones = wkt_layer("Polygon", ZONES, {"pop": FIELD_TYPE_DOUBLE, "pop_text": FIELD_TYPE_STRING},
                      [[300.0, "many"], [-100.0, "12"]])
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 2,
                                       "ZONES": zones, "POPULATION_FIELD": field, "OUTPUT": "memory:"})


def squares(values, crs="EPSG:28992"):
    wkts = [f"POLYGON(({x} {y}, {x + 100} {y}, {x + 100} {y + 100}, {x} {y + 100}, {x} {y}))"
            for y in range(450000, 450500, 100) for x in range(150000, 150500, 100)]
    return wkt_layer("Polygon", wkts, {"v": FIELD_TYPE_DOUBLE}, [[float(v)] for v in values], crs=crs)


def test_hot_spots_on_values_near_the_double_limit(run_alg):
    # Gi* z is unchanged by a positive scale factor: values times 1e300 must give the z of the values
    # themselves (every sum of squares overflowed to inf before, and every z was NULL without a word).
    rng = np.random.default_rng(7)
    small = rng.normal(0.0, 1.0, 25)
    small[:3] += 4.0  # a hot corner
    z = {}
    for scale in (1.0, 1e300):
        res, _ = run_alg("hotspots", {"INPUT": squares(small * scale), "VALUE_FIELD": "v", "PERMUTATIONS": 0,
                                      "OUTPUT": "memory:"})
        z[scale] = np.array([f["gi_z"] for f in res["OUTPUT"].getFeatures()], dtype=float)
    assert np.isfinite(z[1e300]).all()
    np.testing.assert_allclose(z[1e300], z[1.0], rtol=1e-9)


@pytest.mark.parametrize("neighbours", [2, 3])
def test_distance_weights_need_a_crs(run_alg, neighbours):
    with pytest.raises(QgsProcessingException, match="no coordinate reference system, so the distances"):
        run_alg("hotspots", {"INPUT": squares(np.arange(25.0), crs=""), "VALUE_FIELD": "v", "NEIGHBOURS": neighbours,
                             "PERMUTATIONS": 0, "OUTPUT": "memory:"})


def test_contiguity_works_without_a_crs(run_alg):
    # Queen contiguity is topology: it needs no distances, so a layer without CRS is used, with a warning.
    res, fb = run_alg("hotspots", {"INPUT": squares(np.arange(25.0), crs=""), "VALUE_FIELD": "v", "NEIGHBOURS": 0,
                                   "PERMUTATIONS": 0, "OUTPUT": "memory:"})
    assert "no coordinate reference system" in fb.log
    assert res["OUTPUT"].featureCount() == 25


def test_latin1_csv_is_read(run_alg, tmp_path):
    csv = tmp_path / "politie.csv"
    csv.write_bytes("x,y,omschrijving\n150100,450100,Inbraak café\n150200,450200,Diefstal à la carte\n"
                    .encode("latin-1"))
    res, fb = run_alg("aggregateincidents", {"INPUT": str(csv), "CSV_CRS": "EPSG:28992", "CELL_SIZE": 1000,
                                             "CATEGORY_FIELD": "omschrijving", "OUTPUT": "memory:"})
    assert "read as Latin-1" in fb.log
    assert sum(f["count"] for f in res["OUTPUT"].getFeatures()) == 2
    assert {"n_inbraak_caf", "n_diefstal_la_carte"} <= set(res["OUTPUT"].fields().names())


def test_semicolon_csv_with_decimal_commas_is_read(run_alg, tmp_path):
    # A European police export: ';' between columns, ',' as the decimal sign. Each zone is half a metre
    # wide around one incident, so the counts are right only if the decimals are read.
    csv = tmp_path / "export.csv"
    csv.write_text("x;y;datum\n150100,5;450100,25;03-01-2024\n150200,5;450200,75;04-01-2024\n", encoding="utf-8")
    zones = wkt_layer("Polygon", [
        "POLYGON((150100.25 450100, 150100.75 450100, 150100.75 450100.5, 150100.25 450100.5, 150100.25 450100))",
        "POLYGON((150200.25 450200.5, 150200.75 450200.5, 150200.75 450201, 150200.25 450201, 150200.25 450200.5))"])
    res, fb = run_alg("aggregateincidents", {"INPUT": str(csv), "CSV_CRS": "EPSG:28992", "AGGREGATION": 2,
                                             "ZONES": zones, "OUTPUT": "memory:"})
    assert "semicolons" in fb.log
    assert [f["count"] for f in res["OUTPUT"].getFeatures()] == [1, 1]
    # The same file loaded as QGIS's delimited-text layer with its options: read through QGIS, same counts.
    text = QgsVectorLayer(f"{csv.as_uri()}?delimiter=;&decimalPoint=,&xField=x&yField=y&crs=EPSG:28992", "export",
                          "delimitedtext")
    assert text.isValid() and text.featureCount() == 2
    res, _ = run_alg("aggregateincidents", {"INPUT": text, "AGGREGATION": 2, "ZONES": zones, "OUTPUT": "memory:"})
    assert [f["count"] for f in res["OUTPUT"].getFeatures()] == [1, 1]


def test_file_that_is_not_a_geopackage(run_alg, tmp_path):
    fake = tmp_path / "incidents.gpkg"
    fake.write_text("id,x,y\n1,2,3\n")
    with pytest.raises(QgsProcessingException, match=r"cannot be opened as a layer.*is not a GeoPackage"):
        run_alg("aggregateincidents", {"INPUT": str(fake), "OUTPUT": str(tmp_path / "o.gpkg")})
    assert not (tmp_path / "o.gpkg").exists()


@pytest.mark.parametrize("alg,extra", [
    ("aggregateincidents", {"TIME_FIELD": "t", "START": "2024-01-01"}),
    ("kerneldensity", {"TIME_FIELD": "t", "START": "2024-01-01", "CELL_SIZE": 50}),
    ("periodchange", {"TIME_FIELD": "t", "PERIOD_A_START": "2023-01-01", "PERIOD_A_END": "2023-12-31",
                      "PERIOD_B_START": "2024-01-01", "PERIOD_B_END": "2024-12-31"}),
    ("hottimes", {"START_FIELD": "t"}),
])
def test_date_field_without_a_date(run_alg, tmp_path, alg, extra):
    lyr = memory_points([(150100.0, 450100.0), (150200.0, 450200.0), (150300.0, 450300.0)],
                        times=["yesterday", None, "31/31/2024"])
    out = tmp_path / ("o.tif" if alg == "kerneldensity" else "o.gpkg")
    with pytest.raises(QgsProcessingException, match=r"No incident has a usable date in 't' \(1 without a value, "
                                                     r"2 that are not dates or times\)"):
        run_alg(alg, {"INPUT": lyr, "OUTPUT": str(out), **extra})
    assert not out.exists()


def test_choice_out_of_range_lists_the_choices(run_alg, demo_gpkg):
    with pytest.raises(QgsProcessingException, match=r"\(AGGREGATION\) must be one of 0 Square grid, 1 Hexagon grid, "
                                                     r"2 Polygon layer \(zones\); it is 7"):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 7,
                                       "OUTPUT": "memory:"})


def test_an_unexpected_value_error_is_a_defect_not_a_message(run_alg, tmp_path, demo_gpkg, monkeypatch):
    # Only InputError is the user's to fix: a ValueError from inside numpy must show as the defect it is.
    from besecure.processing.algorithms import hot_times

    def numpy_bug(*args, **kwargs):
        raise ValueError("operands could not be broadcast together with shapes (3,) (4,)")

    monkeypatch.setattr(hot_times, "hot_times", numpy_bug)
    with pytest.raises(QgsProcessingException, match=r"Traceback[\s\S]*ValueError: operands could not be broadcast"):
        run_alg("hottimes", {"INPUT": f"{demo_gpkg}|layername=incidents", "START_FIELD": "occurred",
                             "OUTPUT": str(tmp_path / "o.gpkg")})
    assert not (tmp_path / "o.gpkg").exists()


def test_input_error_is_translated_then_filled(monkeypatch):
    from besecure.processing import base

    translations = {"The layer '{}' has no field '{}'.": "De laag '{}' heeft geen veld '{}'."}
    monkeypatch.setattr(base, "tr", lambda text: translations.get(text, text))
    error = InputError("The layer '{}' has no field '{}'.", "inbraken", "datum")
    assert str(error) == "The layer 'inbraken' has no field 'datum'."
    assert base.input_message(error) == "De laag 'inbraken' heeft geen veld 'datum'."
    assert base.input_message(InputError("Choose {a field}.")) == "Choose {a field}."  # no values: no formatting


def test_a_layer_without_crs_is_named(run_alg, demo_gpkg):
    # Of an algorithm's several layers, the message says which one lacks a CRS.
    zones = wkt_layer("Polygon", ZONES, crs="")
    zones.setName("wijken zonder crs")
    with pytest.raises(QgsProcessingException, match="The layer 'wijken zonder crs' has no valid coordinate reference"):
        run_alg("aggregateincidents", {"INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 2, "ZONES": zones,
                                       "OUTPUT": "memory:"})


def test_empty_barrier_layer_warns(run_alg, demo_gpkg):
    demo = {n: f"{demo_gpkg}|layername={n}" for n in ("protected_zone", "drivable_network")}
    _res, fb = run_alg("vehicleaccess", {"ZONE": demo["protected_zone"], "NETWORK": demo["drivable_network"],
                                        "BARRIERS": wkt_layer("Point", []), "OUTPUT": "memory:",
                                        "OUTPUT_PATHS": "memory:"})
    assert any("has no feature with a usable geometry; the entries are assessed without" in w for w in fb.warnings)


def test_metres_in_a_layer_set_to_degrees(run_alg):
    # RD metres labelled WGS 84 (a CRS picked wrongly on loading): the transform gives inf; hot spots then
    # failed on a NaN snapping tolerance with a ValueError from inside the weights.
    with pytest.raises(QgsProcessingException, match=r"cannot be placed in .*outside the area that CRS covers"):
        run_alg("hotspots", {"INPUT": squares(np.arange(25.0), crs="EPSG:4326"), "VALUE_FIELD": "v",
                             "PERMUTATIONS": 0, "OUTPUT": "memory:"})
