"""besecure:lightingcheck end to end: REFERENCES.md values, EN 13201-3 grids, the planted demo failures, bad input."""
import math

import numpy as np
import pytest
from qgis.core import (
    QgsPointXY,
    QgsProcessingException,
    QgsRasterLayer,
    QgsVectorLayer,
)
from testlib import memory_layer
from testlib import output_rows as rows

CRS = "EPSG:28992"
ISO_CD_PER_KLM = 1000.0 / (4.0 * math.pi)


def sample(raster, x, y):
    value, ok = raster.dataProvider().sample(QgsPointXY(x, y), 1)
    assert ok
    return value


def one_lamp(x=100.5, y=200.5, height=5.0, flux=4000.0, mf=None):
    fields = ["h:double", "f:double"] + (["mf:double"] if mf is not None else [])
    return memory_layer("Point", fields, [(f"POINT({x} {y})", [height, flux] + ([mf] if mf is not None else []))])


def test_raster_of_one_isotropic_lamp_matches_references(run_alg, tmp_path):
    # REFERENCES.md: isotropic 4,000 lm at H = 5 m: 12.73 lx below, 4.50 lx at 5 m, 1.14 lx at 10 m.
    paths = memory_layer("LineString", ["cls:string"], [("LINESTRING(90 200.5, 130 200.5)", ["P4"])])
    res, fb = run_alg("lightingcheck", {
        "LAMPS": one_lamp(), "HEIGHT_FIELD": "h", "FLUX_FIELD": "f", "MAINTENANCE_FACTOR": 1.0, "PATHS": paths,
        "CLASS_FIELD": "cls", "RASTER_CELL_SIZE": 1.0, "OUTPUT": str(tmp_path / "o.gpkg"),
        "OUTPUT_FAILS": str(tmp_path / "f.gpkg"), "OUTPUT_RASTER": str(tmp_path / "e.tif")})
    raster = QgsRasterLayer(res["OUTPUT_RASTER"], "e")
    assert raster.isValid() and raster.crs().authid() == CRS
    assert sample(raster, 100.5, 200.5) == pytest.approx(12.73, abs=0.005)
    assert sample(raster, 105.5, 200.5) == pytest.approx(4.50, abs=0.005)
    assert sample(raster, 100.5, 190.5) == pytest.approx(1.14, abs=0.005)
    # The raster covers the path plus 20 m, in whole cells anchored to multiples of the cell size.
    ext = raster.extent()
    assert (ext.xMinimum(), ext.xMaximum(), ext.yMinimum(), ext.yMaximum()) == (70, 150, 180, 221)
    # Styled by the P-class values, through the .qml written beside the GeoTIFF.
    assert (tmp_path / "e.qml").is_file()
    assert raster.renderer().type() == "singlebandpseudocolor"
    assert "1 lamps used" in fb.log


@pytest.mark.parametrize(("length", "n_along"), [(30.0, 10), (31.0, 11)])
def test_en13201_grid_counts_and_values(run_alg, tmp_path, length, n_along):
    # EN 13201-3 (REFERENCES.md): N = 10 points along up to 30 m, else spacing <= 3 m; 3 across 2 m.
    paths = memory_layer("LineString", ["name:string"], [(f"LINESTRING(0 0, {length} 0)", ["p"])])
    res, _ = run_alg("lightingcheck", {
        "LAMPS": one_lamp(10.0, 3.0), "HEIGHT_FIELD": "h", "FLUX_FIELD": "f", "MAINTENANCE_FACTOR": 1.0,
        "PATHS": paths, "PATH_ID_FIELD": "name", "CLASS": "P4", "PATH_WIDTH": 2.0,
        "OUTPUT": str(tmp_path / "o.gpkg"), "OUTPUT_FAILS": str(tmp_path / "f.gpkg")})
    (row,) = rows(res["OUTPUT"])
    assert (row["n_along"], row["n_across"], row["n_points"]) == (n_along, 3, 3 * n_along)
    assert row["spacing_along_m"] == pytest.approx(length / n_along)
    # Independent: the grid built from the rule and the inverse-square cosine law by hand.
    d = length / n_along
    gx, gy = np.meshgrid(d / 2 + d * np.arange(n_along), [-2 / 3, 0.0, 2 / 3])
    r2 = (gx - 10.0) ** 2 + (gy - 3.0) ** 2
    e = 4000 / (4 * math.pi) * 5.0 / (25.0 + r2) ** 1.5
    assert row["e_avg"] == pytest.approx(e.mean(), rel=1e-9)
    assert row["e_min"] == pytest.approx(e.min(), rel=1e-9)
    assert row["u0"] == pytest.approx(e.min() / e.mean(), rel=1e-9)
    verdict = "pass" if e.mean() >= 5 and e.min() >= 1 else "fail"
    assert row["verdict"] == verdict and row["class"] == "P4" and row["path_id"] == "p"


def test_area_field_equals_the_same_path_as_a_line(run_alg, tmp_path):
    lamps = memory_layer("Point", ["h:double", "f:double"],
                         [("POINT(5 4)", [6.0, 3000.0]), ("POINT(25 -4)", [6.0, 3000.0])])
    common = {"LAMPS": lamps, "HEIGHT_FIELD": "h", "FLUX_FIELD": "f", "CLASS": "P5"}
    square = memory_layer("Polygon", [], [("POLYGON((0 -1.5, 30 -1.5, 30 1.5, 0 1.5, 0 -1.5))", [])])
    line = memory_layer("LineString", [], [("LINESTRING(0 0, 30 0)", [])])
    a, _ = run_alg("lightingcheck", {**common, "PATHS": square, "OUTPUT": str(tmp_path / "a.gpkg"),
                                     "OUTPUT_FAILS": str(tmp_path / "af.gpkg")})
    b, _ = run_alg("lightingcheck", {**common, "PATHS": line, "PATH_WIDTH": 3.0, "OUTPUT": str(tmp_path / "b.gpkg"),
                                     "OUTPUT_FAILS": str(tmp_path / "bf.gpkg")})
    (ra,), (rb,) = rows(a["OUTPUT"]), rows(b["OUTPUT"])
    assert ra["n_points"] == rb["n_points"] == 30
    assert ra["e_avg"] == pytest.approx(rb["e_avg"], rel=1e-12)
    assert ra["e_min"] == pytest.approx(rb["e_min"], rel=1e-12)


def test_building_shadow_and_maintenance_factor(run_alg, tmp_path):
    paths = memory_layer("LineString", [], [("LINESTRING(0 0.5, 20 0.5)", [])])
    building = memory_layer("Polygon", [], [("POLYGON((3 -2, 5 -2, 5 3, 3 3, 3 -2))", [])])
    res, _ = run_alg("lightingcheck", {
        "LAMPS": one_lamp(0.5, 0.5, mf=0.5), "HEIGHT_FIELD": "h", "FLUX_FIELD": "f", "MAINTENANCE_FIELD": "mf",
        "PATHS": paths, "CLASS": "P6", "BUILDINGS": building, "OUTPUT": str(tmp_path / "o.gpkg"),
        "OUTPUT_FAILS": str(tmp_path / "f.gpkg"), "OUTPUT_RASTER": str(tmp_path / "e.tif")})
    raster = QgsRasterLayer(res["OUTPUT_RASTER"], "e")
    assert sample(raster, 0.5, 0.5) == pytest.approx(12.73 * 0.5, abs=0.005)  # MF from the field
    assert sample(raster, 0.5, 10.5) == pytest.approx(1.14 * 0.5, abs=0.005)  # in the open
    assert sample(raster, 10.5, 0.5) == 0.0  # behind the building: the straight line crosses it
    # The failing stretch starts where the building's shadow does (x = 3 m, at the cell rows' resolution).
    fails = rows(res["OUTPUT_FAILS"])
    assert any(f["start_m"] <= 4.5 and f["end_m"] == pytest.approx(20.0) for f in fails)


def ldt(flux: float, cd_per_klm: float) -> str:
    """EULUMDAT text of a rotationally symmetric luminaire with the same intensity in every direction."""
    gammas = list(range(0, 181, 10))
    head = ["test", "1", "1", "1", "0", str(len(gammas)), "10", "R", "Test luminaire", "T", "t.ldt", "2026",
            "100", "100", "50", "80", "80", "0", "0", "0", "0", "50", "100", "1", "0", "1", "1", "LED",
            f"{flux:g}", "3000K", "80", "30"]
    body = ["0.5"] * 10 + ["0"] + [str(g) for g in gammas] + [f"{cd_per_klm:.10f}"] * len(gammas)
    return "\r\n".join(head + body) + "\r\n"


def test_photometric_file_scaled_to_each_lamps_flux(run_alg, tmp_path):
    path = tmp_path / "iso.ldt"
    path.write_text(ldt(4000.0, ISO_CD_PER_KLM))
    lamps = memory_layer("Point", ["h:double", "f:double"],
                         [("POINT(0.5 0.5)", [5.0, None]), ("POINT(100.5 0.5)", [5.0, 2000.0])])
    paths = memory_layer("LineString", [], [("LINESTRING(0 0.5, 100 0.5)", [])])
    res, fb = run_alg("lightingcheck", {
        "LAMPS": lamps, "HEIGHT_FIELD": "h", "FLUX_FIELD": "f", "MAINTENANCE_FACTOR": 1.0, "PHOTOMETRY": str(path),
        "PATHS": paths, "CLASS": "P6", "LAMP_REACH": 30.0, "OUTPUT": str(tmp_path / "o.gpkg"),
        "OUTPUT_FAILS": str(tmp_path / "f.gpkg"), "OUTPUT_RASTER": str(tmp_path / "e.tif")})
    raster = QgsRasterLayer(res["OUTPUT_RASTER"], "e")
    # The file's 4,000 lm where the flux is empty; 2,000 lm halves the intensities.
    assert sample(raster, 0.5, 0.5) == pytest.approx(12.73, abs=0.005)
    assert sample(raster, 100.5, 0.5) == pytest.approx(12.73 / 2, abs=0.005)
    assert "4000 lm" in fb.log


def test_dutch_social_safety_needs_colour_rendering(run_alg, tmp_path):
    lamps = memory_layer("Point", [], [(f"POINT({x} 3)", []) for x in range(0, 61, 12)])
    paths = memory_layer("LineString", [], [("LINESTRING(5 0, 55 0)", [])])
    common = {"LAMPS": lamps, "HEIGHT": 5.0, "FLUX": 3000.0, "MAINTENANCE_FACTOR": 1.0, "PATHS": paths,
              "RULESET": 1, "OUTPUT_FAILS": "memory:"}
    unknown, _ = run_alg("lightingcheck", {**common, "OUTPUT": str(tmp_path / "u.gpkg")})
    known, _ = run_alg("lightingcheck", {**common, "RA": 80, "OUTPUT": str(tmp_path / "k.gpkg")})
    (u,), (k,) = rows(unknown["OUTPUT"]), rows(known["OUTPUT"])
    # The rule set's only class is used without CLASS; Eav >= 3 and U0 >= 0.3 here (PKVW / GPR variant 1).
    assert u["class"] == k["class"] == "social_safety"
    assert k["e_avg"] >= 3 and k["u0"] >= 0.3
    assert k["verdict"] == "pass" and "Ra 80" in k["reason"]
    assert u["verdict"] == "fail" and "Ra of the lamps unknown" in u["reason"]


def demo_check(run_alg, demo_gpkg, tmp_path, lamps):
    res, _ = run_alg("lightingcheck", {
        "LAMPS": f"{demo_gpkg}|layername={lamps}", "HEIGHT_FIELD": "height_m", "FLUX_FIELD": "flux_lm",
        "MAINTENANCE_FIELD": "maintenance_factor", "PATHS": f"{demo_gpkg}|layername=paths",
        "PATH_ID_FIELD": "name", "CLASS_FIELD": "lighting_class", "BUILDINGS": f"{demo_gpkg}|layername=buildings",
        "OUTPUT": str(tmp_path / f"{lamps}.gpkg"), "OUTPUT_FAILS": str(tmp_path / f"{lamps}_fails.gpkg")})
    return ({r["path_id"]: r for r in rows(res["OUTPUT"])},
            [r for r in rows(res["OUTPUT_FAILS"])], QgsVectorLayer(res["OUTPUT"], "o", "ogr"))


def test_demo_planted_lighting_failures_and_redesign(run_alg, demo_gpkg, tmp_path):
    current, fails, layer = demo_check(run_alg, demo_gpkg, tmp_path, "street_lamps")
    redesign, fails_after, _ = demo_check(run_alg, demo_gpkg, tmp_path, "street_lamps_redesign")
    dark = "Langstraat 12 north footway"
    # The planted dark street fails its class P5; the lit street of the same kind passes.
    assert current[dark]["verdict"] == "fail" and current[dark]["class"] == "P5"
    assert current[dark]["e_avg"] < 0.5
    assert current["Langstraat 11 north footway"]["verdict"] == "pass"
    assert current["Hoofdstraat north footway"]["verdict"] == "pass"
    # The redesign puts lamps back: the footway passes; the Marktsteeg gets a wall lamp.
    assert redesign[dark]["verdict"] == "pass"
    assert (current["Marktsteeg"]["verdict"], redesign["Marktsteeg"]["verdict"]) == ("fail", "pass")
    # The unlit Achterpad (242 m, lit only near the streets at its ends) fails in both, with one stretch
    # over its middle.
    for table, stretches in ((current, fails), (redesign, fails_after)):
        assert table["Achterpad"]["verdict"] == "fail"
        (mid,) = [f for f in stretches if f["path_id"] == "Achterpad"]
        assert 0 < mid["start_m"] < 30 and 210 < mid["end_m"] < 238
    # The dark street's failing stretches cover it except at the lit crossings.
    dark_fail = sum(f["length_m"] for f in fails if f["path_id"] == dark)
    assert 0.85 * 980 < dark_fail < 980
    assert not [f for f in fails_after if f["path_id"] == dark]
    assert layer.renderer().type() == "categorizedSymbol"


def test_lamps_without_height_are_skipped_and_counted(run_alg, tmp_path, make_feedback):
    lamps = memory_layer("Point", ["h:double"], [("POINT(0 3)", [5.0]), ("POINT(10 3)", [None]),
                                                 ("POINT(20 3)", [-1.0])])
    paths = memory_layer("LineString", [], [("LINESTRING(0 0, 20 0)", [])])
    fb = make_feedback()
    _res, _ = run_alg("lightingcheck", {"LAMPS": lamps, "HEIGHT_FIELD": "h", "PATHS": paths, "CLASS": "P4",
                                       "OUTPUT": str(tmp_path / "o.gpkg"), "OUTPUT_FAILS": "memory:"}, feedback=fb)
    assert "2 of 3 lamps without a positive mounting height were skipped" in fb.log
    assert "1 lamps used" in fb.log


def test_no_usable_lamp_is_a_clear_error_and_writes_nothing(run_alg, tmp_path):
    lamps = memory_layer("Point", ["h:double"], [("POINT(0 3)", [None])])
    paths = memory_layer("LineString", [], [("LINESTRING(0 0, 20 0)", [])])
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match="None of the 1 lamps has a usable mounting height"):
        run_alg("lightingcheck", {"LAMPS": lamps, "HEIGHT_FIELD": "h", "PATHS": paths, "CLASS": "P4",
                                  "OUTPUT": str(out), "OUTPUT_FAILS": "memory:"})
    assert not out.exists()


def test_unknown_class_lists_the_classes(run_alg, tmp_path):
    paths = memory_layer("LineString", ["cls:string"], [("LINESTRING(0 0, 20 0)", ["P9"])])
    with pytest.raises(QgsProcessingException, match=r"Unknown lighting class 'P9'.*P1, P2, P3, P4, P5, P6"):
        run_alg("lightingcheck", {"LAMPS": one_lamp(), "PATHS": paths, "CLASS_FIELD": "cls",
                                  "OUTPUT": str(tmp_path / "o.gpkg"), "OUTPUT_FAILS": "memory:"})


def test_cancel_writes_nothing(run_alg, make_feedback, tmp_path, demo_gpkg):
    fb = make_feedback(cancel_after_progress=10)
    out = tmp_path / "o.gpkg"
    raster = tmp_path / "e.tif"
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("lightingcheck", {"LAMPS": f"{demo_gpkg}|layername=street_lamps", "HEIGHT_FIELD": "height_m",
                                  "FLUX_FIELD": "flux_lm", "PATHS": f"{demo_gpkg}|layername=paths", "CLASS": "P5",
                                  "OUTPUT": str(out), "OUTPUT_FAILS": str(tmp_path / "f.gpkg"),
                                  "OUTPUT_RASTER": str(raster)}, feedback=fb)
    assert not out.exists() and not raster.exists()
