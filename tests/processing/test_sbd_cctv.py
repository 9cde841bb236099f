"""besecure:cctvcoverage end to end: DORI distances (REFERENCES.md), analytic areas and shares, demo, bad input."""
import math

import numpy as np
import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsProcessingException, QgsVectorLayer
from testlib import memory_layer


def features(path):
    lyr = QgsVectorLayer(str(path), "out", "ogr")
    assert lyr.isValid(), path
    return list(lyr.getFeatures())


CAMERA_FIELDS = ["name:string", "h:double", "az:double", "fov:double", "px:integer"]


def camera(x, y, az, fov=90.0, px=1920, height=None, name="cam"):
    return memory_layer("Point", CAMERA_FIELDS, [(f"POINT({x} {y})", [name, height, az, fov, px])])


def run(run_alg, folder, cams, targets, **params):
    folder.mkdir(parents=True, exist_ok=True)
    tmp_path = folder
    return run_alg("cctvcoverage", {
        "CAMERAS": cams, "CAMERA_ID_FIELD": "name", "HEIGHT_FIELD": "h", "AZIMUTH_FIELD": "az", "HFOV_FIELD": "fov",
        "WIDTH_PX_FIELD": "px", "TARGETS": targets, "TARGET_ID_FIELD": "name", "OUTPUT": str(tmp_path / "c.gpkg"),
        "OUTPUT_TARGETS": str(tmp_path / "t.gpkg"), "OUTPUT_BLIND": str(tmp_path / "b.gpkg"), **params})


def target_square(x0, y0, x1, y1):
    return memory_layer("Polygon", ["name:string"],
                        [(f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))", ["t"])])


def test_dori_distances_are_the_radial_extent_along_the_axis(run_alg, tmp_path):
    # REFERENCES.md: 1920 px at 90 degrees: observe 15.4 m, recognise 7.7 m, identify 3.8 m
    # (D = N / (2 P tan(HFOV / 2))); camera at the target height 1.7 m, so ground and slant distances agree.
    res, _ = run(run_alg, tmp_path, camera(0, 0, 60.0, height=1.7), target_square(-1, -1, 1, 1))
    reach = {}
    for f in features(res["OUTPUT"]):
        axis = QgsGeometry.fromPolylineXY([QgsPointXY(0, 0), QgsPointXY(100 * math.sin(math.radians(60)),
                                                                       100 * math.cos(math.radians(60)))])
        reach[f["level"]] = f.geometry().intersection(axis).length()
        assert f["reach_m"] == pytest.approx(reach[f["level"]], abs=1e-6)
    assert reach["observe"] == pytest.approx(15.4, abs=0.05)
    assert reach["recognise"] == pytest.approx(7.7, abs=0.05)
    assert reach["identify"] == pytest.approx(3.8, abs=0.05)
    assert reach["detect"] == pytest.approx(1920 / (2 * 25), abs=1e-6)


def test_mounting_height_shortens_the_ground_reach(run_alg, tmp_path):
    # At 6 m the observe distance 15.36 m is a slant distance to a face at 1.7 m: sqrt(15.36^2 - 4.3^2) on the ground.
    res, _ = run(run_alg, tmp_path, camera(0, 0, 0.0, height=6.0), target_square(-1, -1, 1, 1))
    by_level = {f["level"]: f for f in features(res["OUTPUT"])}
    assert by_level["observe"]["reach_m"] == pytest.approx(math.sqrt(15.36**2 - 4.3**2), abs=1e-6)
    # Identify needs 3.84 m, less than the 4.3 m height difference: no ground is identified.
    assert "identify" not in by_level


def test_wall_blocking_part_of_the_wedge_area(run_alg, tmp_path):
    # Camera at the origin looking north, 90 degrees, detect reach R = 38.4 m; a building with its front
    # edge from (-a, d) to (a, d) casts the shadow theta0 R^2 - a d (theta0 = atan(a / d)) out of the
    # quarter disc pi R^2 / 4.
    a, d, r = 3.0, 10.0, 1920 / 50
    building = memory_layer("Polygon", [], [(f"POLYGON((-{a} {d}, {a} {d}, {a} {d + 2}, -{a} {d + 2}, -{a} {d}))",
                                             [])])
    res, _ = run(run_alg, tmp_path, camera(0, 0, 0.0), target_square(-20, 20, 20, 30), BUILDINGS=building)
    detect = next(f for f in features(res["OUTPUT"]) if f["level"] == "detect")
    expected = math.pi * r * r / 4 - (math.atan(a / d) * r * r - a * d)
    assert detect.geometry().area() == pytest.approx(expected, rel=1e-3)
    assert detect["area_m2"] == pytest.approx(detect.geometry().area())


def test_target_shares_and_blind_spot_areas(run_alg, tmp_path):
    # Camera at the origin looking north (wedge |x| <= y) and a target [-10, 10] x [5, 15]: the wedge holds
    # int_5^10 2y dy + int_10^15 20 dy = 175 of its 200 m² at detect (all within 38.4 m); two corner
    # triangles of 12.5 m² are blind. Observe (15.36 m) and identify (3.84 m) are integrated numerically.
    res, _ = run(run_alg, tmp_path, camera(0, 0, 0.0), target_square(-10, 5, 10, 15))
    (t,) = features(res["OUTPUT_TARGETS"])
    assert t["share_detect"] == pytest.approx(175 / 200, rel=1e-9)
    assert t["share_identify"] == 0.0
    x, y = np.meshgrid(np.linspace(-10, 10, 2001)[:-1] + 0.005, np.linspace(5, 15, 1001)[:-1] + 0.005)
    inside = (np.abs(x) <= y) & (np.hypot(x, y) <= 15.36)
    assert t["share_observe"] == pytest.approx(inside.mean(), abs=2e-3)
    assert (t["n_cameras"], t["verdict"], t["target_id"]) == (1, "fail", "t")
    blind = features(res["OUTPUT_BLIND"])
    assert sorted(round(f["area_m2"], 6) for f in blind) == [12.5, 12.5]
    assert all(f["level"] == "detect" for f in blind)


def test_path_targets_are_measured_by_length(run_alg, tmp_path):
    # A path across the wedge at y = 10 from x = -20 to 20: |x| <= 10 is seen, 20 of 40 m.
    path = memory_layer("LineString", ["name:string"], [("LINESTRING(-20 10, 20 10)", ["p"])])
    res, _ = run(run_alg, tmp_path, camera(0, 0, 0.0), path)
    (t,) = features(res["OUTPUT_TARGETS"])
    assert (t["length_m"], t["share_detect"]) == (pytest.approx(40.0), pytest.approx(0.5))
    assert sorted(f["length_m"] for f in features(res["OUTPUT_BLIND"])) == pytest.approx([10.0, 10.0])


def test_overlapping_buildings_act_as_their_union(run_alg, tmp_path):
    overlapping = memory_layer("Polygon", [], [("POLYGON((-6 8, 1 8, 1 10, -6 10, -6 8))", []),
                                               ("POLYGON((-1 7, 5 7, 5 9, -1 9, -1 7))", [])])
    union = memory_layer("Polygon", [], [("POLYGON((-6 8, -1 8, -1 7, 5 7, 5 9, 1 9, 1 10, -6 10, -6 8))", [])])
    a, _ = run(run_alg, tmp_path, camera(0, 0, 0.0), target_square(-20, 12, 20, 30), BUILDINGS=overlapping)
    area_a = {f["level"]: f.geometry().area() for f in features(a["OUTPUT"])}
    b, _ = run(run_alg, tmp_path / "b", camera(0, 0, 0.0), target_square(-20, 12, 20, 30), BUILDINGS=union)
    area_b = {f["level"]: f.geometry().area() for f in features(b["OUTPUT"])}
    assert area_a == pytest.approx(area_b, rel=1e-9)


def test_demo_blind_spot_and_redesign(run_alg, demo_gpkg, tmp_path):
    def check(layer, folder):
        folder.mkdir()
        res, _ = run_alg("cctvcoverage", {
            "CAMERAS": f"{demo_gpkg}|layername={layer}", "CAMERA_ID_FIELD": "camera_id", "HEIGHT_FIELD": "height_m",
            "AZIMUTH_FIELD": "azimuth_deg", "HFOV_FIELD": "hfov_deg", "WIDTH_PX_FIELD": "width_px",
            "RANGE_FIELD": "max_range_m", "BUILDINGS": f"{demo_gpkg}|layername=buildings",
            "TARGETS": f"{demo_gpkg}|layername=public_space", "TARGET_ID_FIELD": "name",
            "OUTPUT": str(folder / "c.gpkg"), "OUTPUT_TARGETS": str(folder / "t.gpkg"),
            "OUTPUT_BLIND": str(folder / "b.gpkg")})
        (target,) = features(res["OUTPUT_TARGETS"])
        return target, features(res["OUTPUT_BLIND"]), QgsVectorLayer(res["OUTPUT"], "c", "ogr")

    now, blind_now, coverage = check("cameras", tmp_path / "now")
    after, blind_after, _ = check("cameras_redesign", tmp_path / "after")
    # Planted: the east of the Marktplein, beyond CAM-1's detect reach, is a blind spot.
    assert now["verdict"] == "fail" and now["share_detect"] < 0.7
    spot = max(blind_now, key=lambda f: f["area_m2"])
    assert spot.geometry().contains(QgsGeometry.fromPointXY(QgsPointXY(152115, 451685)))
    assert sum(f["area_m2"] for f in blind_now) == pytest.approx((1 - now["share_detect"]) * 7000, rel=1e-6)
    assert after["verdict"] == "pass" and after["share_detect"] > 0.95 and after["n_cameras"] == 3
    assert sum(f["area_m2"] for f in blind_after) < 0.05 * 7000
    assert coverage.renderer().type() == "categorizedSymbol"


def test_camera_without_azimuth_is_named(run_alg, tmp_path):
    cams = memory_layer("Point", CAMERA_FIELDS, [("POINT(0 0)", ["north", 5.0, 0.0, 90.0, 1920]),
                                                 ("POINT(9 0)", ["broken", 5.0, None, 90.0, 1920])])
    with pytest.raises(QgsProcessingException, match=r"Camera 'broken'.*no viewing direction in 'az'"):
        run(run_alg, tmp_path, cams, target_square(0, 0, 1, 1))
    assert not (tmp_path / "c.gpkg").exists()


def test_field_of_view_out_of_range_is_named(run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match=r"Camera 'wide'.*field of view outside 0-180"):
        run(run_alg, tmp_path, camera(0, 0, 0.0, fov=200.0, name="wide"), target_square(0, 0, 1, 1))


def test_camera_inside_a_building_sees_nothing_and_is_reported(run_alg, tmp_path, make_feedback):
    building = memory_layer("Polygon", [], [("POLYGON((-5 -5, 5 -5, 5 5, -5 5, -5 -5))", [])])
    fb = make_feedback()
    res, _ = run_alg("cctvcoverage", {
        "CAMERAS": camera(0, 0, 0.0, name="inside"), "AZIMUTH_FIELD": "az", "CAMERA_ID_FIELD": "name",
        "BUILDINGS": building, "TARGETS": target_square(10, 10, 20, 20), "OUTPUT": str(tmp_path / "c.gpkg"),
        "OUTPUT_TARGETS": str(tmp_path / "t.gpkg"), "OUTPUT_BLIND": str(tmp_path / "b.gpkg")}, feedback=fb)
    assert "1 cameras see nothing" in fb.log and "inside" in fb.log
    (t,) = features(res["OUTPUT_TARGETS"])
    assert t["share_monitor"] == 0.0 and t["verdict"] == "fail"
