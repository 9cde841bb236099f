"""besecure:naturalsurveillance end to end: analytic chords and areas, generated openings, the demo, bad input."""
import math

import pytest
from qgis.core import QgsGeometry, QgsProcessingException, QgsVectorLayer
from testlib import memory_layer
from testlib import output_rows as rows


def total_area(path):
    return sum(f.geometry().area() for f in QgsVectorLayer(str(path), "o", "ogr").getFeatures())


def run(run_alg, tmp_path, **params):
    params.setdefault("OUTPUT", str(tmp_path / "o.gpkg"))
    params.setdefault("OUTPUT_UNWATCHED", str(tmp_path / "u.gpkg"))
    return run_alg("naturalsurveillance", params)


def test_one_window_overlooks_a_chord_and_a_half_disc(run_alg, tmp_path):
    # A window at the origin facing north with a 180-degree view and 25 m range overlooks the chord
    # 2 sqrt(25^2 - 10^2) = 45.83 m of a path at y = 10, and the half disc pi 25^2 / 2 of a square around it.
    window = memory_layer("Point", ["facing:double"], [("POINT(0 0)", [0.0])])
    path = memory_layer("LineString", ["name:string"], [("LINESTRING(-50 10, 50 10)", ["p"])])
    square = memory_layer("Polygon", [], [("POLYGON((-30 -30, 30 -30, 30 30, -30 30, -30 -30))", [])])
    res, _fb = run(run_alg, tmp_path, OPENINGS=window, FACING_FIELD="facing", PATHS=path, PATH_ID_FIELD="name",
                  SAMPLE_SPACING=0.05, SEGMENT_LENGTH=0, PUBLIC_SPACE=square)
    (row,) = rows(res["OUTPUT"])
    assert row["overlooked_share"] * 100 == pytest.approx(2 * math.sqrt(25**2 - 10**2), abs=0.1)
    assert row["n_openings"] == 1 and row["verdict"] == "fail" and row["path_id"] == "p"
    # The circle is a 360-gon inscribed in the range: 5.1e-5 relative (visibility module notes).
    assert total_area(res["OUTPUT_UNWATCHED"]) == pytest.approx(3600 - math.pi * 625 / 2, rel=1e-3)


def test_a_wall_hides_part_of_the_path(run_alg, tmp_path):
    # A thin building from x = -2 to 2 at y = 4..5 in front of the window shadows the path at y = 10 over
    # |x| <= 2 x 10 / 4 = 5 m: 10 m of the 45.83 m chord are hidden.
    window = memory_layer("Point", ["facing:double"], [("POINT(0 0)", [0.0])])
    wall = memory_layer("Polygon", [], [("POLYGON((-2 4, 2 4, 2 5, -2 5, -2 4))", [])])
    path = memory_layer("LineString", [], [("LINESTRING(-50 10, 50 10)", [])])
    res, _ = run(run_alg, tmp_path, OPENINGS=window, FACING_FIELD="facing", BUILDINGS=wall, PATHS=path,
                 SAMPLE_SPACING=0.05, SEGMENT_LENGTH=0)
    (row,) = rows(res["OUTPUT"])
    assert row["overlooked_share"] * 100 == pytest.approx(2 * math.sqrt(25**2 - 10**2) - 10.0, abs=0.1)


def test_generated_openings_per_storey(run_alg, tmp_path):
    # A 20 m x 10 m building, openings every 5 m: 4 on the south facade, on 3 storeys = 12 openings see a
    # path 5 m south of it; the side facades' windows (facing east and west) do not see x = 2..18.
    building = memory_layer("Polygon", [], [("POLYGON((0 0, 20 0, 20 10, 0 10, 0 0))", [])])
    path = memory_layer("LineString", [], [("LINESTRING(2 -5, 18 -5)", [])])
    res, fb = run(run_alg, tmp_path, BUILDINGS=building, SPACING=5.0, STOREYS=3, PATHS=path, SEGMENT_LENGTH=0)
    (row,) = rows(res["OUTPUT"])
    assert (row["overlooked_share"], row["n_openings"], row["verdict"]) == (1.0, 12, "pass")
    assert "36 openings generated" in fb.log  # 12 facade positions x 3 storeys


def test_openings_without_facing_look_out_of_their_facade(run_alg, tmp_path):
    # No facing field: a door 0.3 m inside the south wall is snapped onto it and faces south.
    building = memory_layer("Polygon", [], [("POLYGON((0 0, 20 0, 20 10, 0 10, 0 0))", [])])
    door = memory_layer("Point", [], [("POINT(10 0.3)", [])])
    south = memory_layer("LineString", [], [("LINESTRING(0 -5, 20 -5)", [])])
    north = memory_layer("LineString", [], [("LINESTRING(0 15, 20 15)", [])])
    a, _ = run(run_alg, tmp_path, OPENINGS=door, BUILDINGS=building, PATHS=south, SEGMENT_LENGTH=0,
               OUTPUT=str(tmp_path / "a.gpkg"))
    b, _ = run(run_alg, tmp_path, OPENINGS=door, BUILDINGS=building, PATHS=north, SEGMENT_LENGTH=0,
               OUTPUT=str(tmp_path / "b.gpkg"), OUTPUT_UNWATCHED=str(tmp_path / "bu.gpkg"))
    assert rows(a["OUTPUT"])[0]["overlooked_share"] == 1.0
    assert rows(b["OUTPUT"])[0]["overlooked_share"] == 0.0


def test_overlapping_buildings_act_as_their_union(run_alg, tmp_path):
    window = memory_layer("Point", ["facing:double"], [("POINT(0 0)", [0.0])])
    path = memory_layer("LineString", [], [("LINESTRING(-50 12, 50 12)", [])])
    overlapping = memory_layer("Polygon", [], [("POLYGON((-6 4, 1 4, 1 6, -6 6, -6 4))", []),
                                               ("POLYGON((-1 3, 5 3, 5 5, -1 5, -1 3))", [])])
    union = memory_layer("Polygon", [], [("POLYGON((-6 4, -1 4, -1 3, 5 3, 5 5, 1 5, 1 6, -6 6, -6 4))", [])])
    square = memory_layer("Polygon", [], [("POLYGON((-30 -30, 30 -30, 30 30, -30 30, -30 -30))", [])])
    common = {"OPENINGS": window, "FACING_FIELD": "facing", "PATHS": path, "SEGMENT_LENGTH": 10.0,
              "PUBLIC_SPACE": square}
    a, _ = run(run_alg, tmp_path, BUILDINGS=overlapping, **common)
    b, _ = run(run_alg, tmp_path, BUILDINGS=union, OUTPUT=str(tmp_path / "b.gpkg"),
               OUTPUT_UNWATCHED=str(tmp_path / "bu.gpkg"), **common)
    assert [r["overlooked_share"] for r in rows(a["OUTPUT"])] == [r["overlooked_share"] for r in rows(b["OUTPUT"])]
    assert total_area(a["OUTPUT_UNWATCHED"]) == pytest.approx(total_area(b["OUTPUT_UNWATCHED"]), rel=1e-9)


def test_demo_unwatched_path_and_square(run_alg, demo_gpkg, tmp_path):
    res, _ = run(run_alg, tmp_path, OPENINGS=f"{demo_gpkg}|layername=openings", FACING_FIELD="facing_deg",
                 BUILDINGS=f"{demo_gpkg}|layername=buildings", PATHS=f"{demo_gpkg}|layername=paths",
                 PATH_ID_FIELD="name", PUBLIC_SPACE=f"{demo_gpkg}|layername=public_space")
    pieces = rows(res["OUTPUT"])
    achterpad = [r for r in pieces if r["path_id"] == "Achterpad"]
    # Planted: the Achterpad is 76 m from every facade, beyond the 25 m range.
    assert achterpad and all(r["overlooked_share"] == 0 and r["n_openings"] == 0 for r in achterpad)
    hoofdstraat = [r for r in pieces if r["path_id"] == "Hoofdstraat north footway"]
    assert all(r["overlooked_share"] == 1.0 and r["n_openings"] > 10 for r in hoofdstraat)
    # Planted: the north of the Marktplein (y > 451624 + 25 = 451649 everywhere) is overlooked by nobody.
    unwatched = QgsVectorLayer(res["OUTPUT_UNWATCHED"], "u", "ogr")
    box = QgsGeometry.fromWkt("POLYGON((152030 451650, 152130 451650, 152130 451700, 152030 451700, "
                              "152030 451650))")
    covered = sum(f.geometry().intersection(box).area() for f in unwatched.getFeatures())
    assert covered == pytest.approx(box.area(), rel=1e-6)
    assert 5_000 < total_area(res["OUTPUT_UNWATCHED"]) < 7_000 * (1 - 0.1)


def test_no_openings_and_no_buildings_is_a_clear_error(run_alg, tmp_path):
    path = memory_layer("LineString", [], [("LINESTRING(0 0, 10 0)", [])])
    with pytest.raises(QgsProcessingException, match="Give OPENINGS"):
        run(run_alg, tmp_path, PATHS=path)
    assert not (tmp_path / "o.gpkg").exists()


def test_polygon_paths_are_refused(run_alg, tmp_path):
    square = memory_layer("Polygon", [], [("POLYGON((0 0, 1 0, 1 1, 0 1, 0 0))", [])])
    window = memory_layer("Point", [], [("POINT(0 0)", [])])
    with pytest.raises(QgsProcessingException):
        run(run_alg, tmp_path, OPENINGS=window, PATHS=square)
