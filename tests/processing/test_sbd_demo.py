"""The access and concealment checks find the failures planted in the demo town's plan layers
(docs/demo_data.md, 'Security-by-design plan layers'), and the redesign variant removes them."""
from __future__ import annotations

import math

import pytest
from qgis.core import QgsVectorLayer


def demo(demo_gpkg, name):
    lyr = QgsVectorLayer(f"{demo_gpkg}|layername={name}", name, "ogr")
    assert lyr.isValid(), name
    return lyr


def access(run_alg, demo_gpkg, barriers):
    res, _ = run_alg("vehicleaccess", {
        "ZONE": demo(demo_gpkg, "protected_zone"), "NETWORK": demo(demo_gpkg, "drivable_network"),
        "BARRIERS": demo(demo_gpkg, barriers), "BARRIER_LINES": demo(demo_gpkg, "barrier_lines"),
        "OPEN_SPACE": demo(demo_gpkg, "drivable_areas"), "BUILDINGS": demo(demo_gpkg, "buildings"),
        "RATING_FIELD": "rating", "DIAMETER_FIELD": "diameter_m", "BARRIER_ID_FIELD": "barrier_id",
        # The demo's sound barriers are rated for 80 km/h: hold the car to that (with the default 112 km/h
        # every long straight street would beat them).
        "MAX_SPEED": 80.0, "OUTPUT": "memory:", "OUTPUT_PATHS": "memory:"})
    return {(round(f.geometry().asPoint().x()), round(f.geometry().asPoint().y())): f
            for f in res["OUTPUT"].getFeatures()}


def test_vehicle_access_planted_failures(run_alg, demo_gpkg):
    now = access(run_alg, demo_gpkg, "barriers")
    north, west = now[(152000, 451750)], now[(151850, 451600)]
    assert north["verdict"] == "inadequate" and north["opening_m"] == pytest.approx(2.6, abs=1e-6)
    assert west["verdict"] == "inadequate" and "32.0 km/h" in west["reason"]
    # The west entry ends the straight main street from the town edge (x = 150000): a 1,850 m run-up.
    assert west["run_up_m"] == pytest.approx(1850.0)
    assert now[(152000, 451450)]["verdict"] == "adequate"  # south
    assert now[(152244, 451600)]["verdict"] == "adequate"  # east
    yard = [f for f in now.values() if f["kind"] == "open_space"]
    assert len(yard) == 1 and yard[0]["verdict"] == "adequate" and yard[0]["barrier"] == "barrier loading yard"
    redesign = access(run_alg, demo_gpkg, "barriers_redesign")
    assert {f["verdict"] for f in redesign.values()} == {"adequate"}
    assert set(redesign) == set(now)


def test_concealment_planted_failures(run_alg, demo_gpkg):
    def run(vegetation):
        res, fb = run_alg("concealment", {
            "OBJECTS": demo(demo_gpkg, vegetation), "HEIGHT_FIELD": "height_m", "CROWN_BASE_FIELD": "crown_base_m",
            "KIND_FIELD": "kind", "PATHS": demo(demo_gpkg, "paths"),
            "EXITS": [demo(demo_gpkg, "streets"), demo(demo_gpkg, "public_space")], "EXIT_TOLERANCE": 12.0,
            "OUTPUT": "memory:", "OUTPUT_ESCAPE": "memory:", "OUTPUT_DEAD_ENDS": "memory:"})
        return res, fb

    res, _ = run("vegetation")
    verdicts = {(round(f.geometry().asPoint().x(), 1), round(f.geometry().asPoint().y(), 1)): f["verdict"]
                for f in res["OUTPUT"].getFeatures()}
    assert verdicts[(150850.0, 452301.5)] == "fail"  # tall_shrub
    assert verdicts[(152150.0, 451607.5)] == "fail"  # low_crown
    assert verdicts[(152100.0, 451740.0)] == "not_assessed"  # the 1.8 m shrub far from any path
    assert sorted(verdicts.values()).count("fail") == 2
    dead = list(res["OUTPUT_DEAD_ENDS"].getFeatures())
    assert len(dead) == 1  # the Steeg: every other path end meets a street or the square
    pt = dead[0].geometry().asPoint()
    assert (pt.x(), pt.y()) == pytest.approx((150816.0, 452330.0))
    assert dead[0]["branch_m"] == pytest.approx(76.0)
    res, _ = run("vegetation_redesign")
    assert "fail" not in {f["verdict"] for f in res["OUTPUT"].getFeatures()}


def test_standoff_square_inside_the_zone(run_alg, demo_gpkg):
    # The Marktplein (x 152030-152130, y 451630-451700) inside the closed pedestrian zone: the nearest
    # drivable place outside the zone is the street x = 152000 where it leaves the zone at y = 451750,
    # sqrt(30² + 50²) = 58.3 m from the square's north-west corner.
    res, _ = run_alg("standoff", {
        "ASSETS": demo(demo_gpkg, "public_space"), "ASSET_ID_FIELD": "name",
        "REACHABLE": demo(demo_gpkg, "drivable_network"), "EXCLUDE": demo(demo_gpkg, "protected_zone"),
        "OUTPUT": "memory:", "OUTPUT_LINKS": "memory:"})
    (square,) = list(res["OUTPUT"].getFeatures())
    assert square["min_distance_m"] == pytest.approx(math.hypot(30.0, 50.0))
    assert square["verdict"] == "fail"  # sedan: 98 m mandatory
    assert square["v_pipe_bomb"] == "shelter" and square["v_small_truck"] == "fail"
