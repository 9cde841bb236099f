"""besecure:vehicleaccess end to end on small hand-made plans, against REFERENCES.md (Hostile vehicle
mitigation): run-up v = sqrt(v0² + 2 a s), curve cap sqrt(f g r), E = ½ m v² (7,500 kg at 64 km/h =
1,185 kJ), rating strings (IWA 14-1, PAS 68, ASTM F2656) and the CISA width classes (a 1.2 m gap admits
no car, a 2 m gap does)."""
from __future__ import annotations

import math

import pytest
from qgis.core import (
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
)
from testlib import as_layer
from testlib import wkt_layer as layer

from besecure.compat import FIELD_TYPE_STRING

# The zone: x >= 1050 (a 200 m x 200 m square); the road comes from the west along y = 1000.
ZONE_WKT = "POLYGON((1050 900, 1250 900, 1250 1100, 1050 1100, 1050 900))"


def bollards(ys, x=1050.0, rating=None):
    wkts = [QgsGeometry.fromPointXY(QgsPointXY(x, y)).asWkt() for y in ys]
    return layer("Point", wkts, {"rating": FIELD_TYPE_STRING}, [[rating] for _ in ys])


def entries(res):
    out = as_layer(res["OUTPUT"])
    return [{f.name(): feat[f.name()] for f in out.fields()} | {"geom": feat.geometry()}
            for feat in out.getFeatures()]


def run_access(run_alg, tmp_path, network_wkts, extra=None, zone=None, files=False):
    """Run the check; outputs in memory (fast) unless ``files`` (GeoPackages in tmp_path)."""
    tmp_path.mkdir(parents=True, exist_ok=True)
    params = {
        "ZONE": zone or layer("Polygon", [ZONE_WKT]),
        "NETWORK": layer("LineString", network_wkts),
        "OUTPUT": str(tmp_path / "entries.gpkg") if files else "memory:",
        "OUTPUT_PATHS": str(tmp_path / "paths.gpkg") if files else "memory:",
    }
    params.update(extra or {})
    return run_alg("vehicleaccess", params)


def test_straight_50m_run_up_car(run_alg, tmp_path):
    # A 50 m straight road from a dead end to the zone: v = sqrt(2 x 3 x 50) = 17.3 m/s = 62.4 km/h.
    res, _ = run_access(run_alg, tmp_path, ["LINESTRING(1000 1000, 1150 1000)"], files=True)
    (e,) = entries(res)
    assert e["kind"] == "road"
    assert e["speed_kmh"] == pytest.approx(math.sqrt(2 * 3.0 * 50.0) * 3.6, rel=1e-9)
    assert e["speed_kmh"] == pytest.approx(62.35, abs=0.01)
    assert e["run_up_m"] == pytest.approx(50.0)
    assert e["energy_kj"] == pytest.approx(0.5 * 1500 * 300 / 1000)  # car 1,500 kg (PAS 68 M1)
    assert e["verdict"] == "no barrier"
    assert e["geom"].asPoint().x() == pytest.approx(1050.0) and e["geom"].asPoint().y() == pytest.approx(1000.0)
    paths = list(as_layer(res["OUTPUT_PATHS"]).getFeatures())
    assert paths[0].geometry().length() == pytest.approx(50.0)


def test_right_angle_bend_caps_the_speed(run_alg, tmp_path):
    # 200 m north-south leg, a right-angle bend at (1020, 1000), then 30 m east to the zone. With a
    # 10 m look-ahead the bend's radius is the circle through (1020, 1010), (1020, 1000), (1030, 1000):
    # r = 10 / sqrt(2); the vehicle leaves it at sqrt(f g r) and accelerates over 30 m.
    r = 10.0 / math.sqrt(2.0)
    for friction in (0.6, 1.0):
        res, _ = run_access(run_alg, tmp_path / str(friction), ["LINESTRING(1020 1200, 1020 1000, 1100 1000)"],
                            {"TURN_LOOKAHEAD": 10.0, "FRICTION": friction})
        (e,) = entries(res)
        cap = math.sqrt(friction * 9.81 * r)
        assert e["start_speed_kmh"] == pytest.approx(cap * 3.6, rel=1e-9)
        assert e["speed_kmh"] == pytest.approx(math.sqrt(cap**2 + 2 * 3.0 * 30.0) * 3.6, rel=1e-9)
        assert e["run_up_m"] == pytest.approx(30.0)


def test_junction_turn_against_a_short_straight(run_alg, tmp_path):
    # Two ways to the entry: a 35 m straight from a dead end in the west, or 280 m from the north with a
    # right-angle T junction 30 m before the zone (radius 10 / sqrt(2) with a 10 m look-ahead). The
    # faster one is max(sqrt(2 a 35), sqrt(f g r + 2 a 30)) = the turn (14.89 > 14.49 m/s).
    net = ["LINESTRING(1015 1000, 1100 1000)", "LINESTRING(1020 1300, 1020 1000)"]
    res, _ = run_access(run_alg, tmp_path, net, {"TURN_LOOKAHEAD": 10.0})
    (e,) = entries(res)
    straight = math.sqrt(2 * 3.0 * 35.0)
    turned = math.sqrt(0.6 * 9.81 * 10.0 / math.sqrt(2.0) + 2 * 3.0 * 30.0)
    assert turned > straight
    assert e["speed_kmh"] == pytest.approx(turned * 3.6, rel=1e-9)
    assert e["run_up_m"] == pytest.approx(30.0)
    # A much longer straight from the west wins instead.
    net = ["LINESTRING(900 1000, 1100 1000)", "LINESTRING(1020 1300, 1020 1000)"]
    res, _ = run_access(run_alg, tmp_path / "long", net, {"TURN_LOOKAHEAD": 10.0})
    (e,) = entries(res)
    assert e["speed_kmh"] == pytest.approx(math.sqrt(2 * 3.0 * 150.0) * 3.6, rel=1e-9)


def test_truck_energy_at_64_kmh(run_alg, tmp_path):
    # Rigid truck 7,500 kg held at 64 km/h by MAX_SPEED: E = 1,185 kJ (REFERENCES.md).
    res, _ = run_access(run_alg, tmp_path, ["LINESTRING(0 1000, 1150 1000)"],
                        {"VEHICLE_CLASS": 2, "MAX_SPEED": 64.0})
    (e,) = entries(res)
    assert e["vehicle_class"] == "rigid_truck" and e["mass_kg"] == 7500
    assert e["speed_kmh"] == pytest.approx(64.0)
    assert e["energy_kj"] == pytest.approx(1185.0, abs=1.0)


@pytest.mark.parametrize(
    ("rating", "vehicle", "max_speed", "verdict", "standard"),
    [
        ("V/7200[N2B]/80/90:0.7", 2, 64.0, "adequate", "IWA 14-1"),
        ("V/7200[N2B]/80/90:0.7", 2, 100.0, "inadequate", "IWA 14-1"),
        ("V/7500[N3C]/80/90.0/1.1/0", 2, 64.0, "adequate", "PAS 68"),
        ("M50 P1", 2, 64.0, "adequate", "ASTM F2656"),
        ("M50 P1", 3, 64.0, "inadequate", "ASTM F2656"),
        ("V/1500[M1]/48/90:5.2", 2, 64.0, "inadequate", "IWA 14-1"),
    ],
)
def test_rating_strings_against_the_impact(run_alg, tmp_path, rating, vehicle, max_speed, verdict, standard):
    # A row of bollards with 1.2 m clear gaps closes the road; the rating decides. IWA 80 km/h covers a
    # truck at 64 km/h (1,778 kJ >= 1,185 kJ) but not at 100 km/h; ASTM M50 (6,800 kg at 50 mph, 1,699 kJ)
    # covers a rigid truck at 64 km/h but not a 30 t articulated lorry; a car test (M1) never covers a truck.
    ys = [1000.0 - 7.0 + 0.7 + 1.4 * k for k in range(10)]  # centres 1.4 m apart, 0.2 m bollards
    res, _ = run_access(run_alg, tmp_path, ["LINESTRING(0 1000, 1150 1000)"],
                        {"BARRIERS": bollards(ys, rating=rating), "RATING_FIELD": "rating",
                         "VEHICLE_CLASS": vehicle, "MAX_SPEED": max_speed})
    (e,) = entries(res)
    assert e["rating"] == rating and e["rating_standard"] == standard
    assert e["verdict"] == verdict
    assert e["speed_kmh"] == pytest.approx(max_speed)


def test_gap_widths_cisa_classes(run_alg, tmp_path):
    # Bollards centred 1.4 m apart (1.2 m clear) close the road for a car; removing the middle pair
    # leaves a clear gap of 2.8 - 0.2 - ... here exactly 2.0 m between faces: a car passes.
    closed = [1000.0 - 7.0 + 0.7 + 1.4 * k for k in range(10)]
    res, _ = run_access(run_alg, tmp_path / "closed", ["LINESTRING(0 1000, 1150 1000)"],
                        {"BARRIERS": bollards(closed), "RATING_FIELD": "rating"})
    (e,) = entries(res)
    assert e["verdict"] == "unrated"  # closed, but the bollards have no rating
    assert e["opening_m"] == pytest.approx(1.2, abs=1e-9)
    open_ys = [y for y in closed if abs(y - 1000.0) > 1.0] + [998.9, 1001.1]  # faces at 999.0 and 1001.0
    res, _ = run_access(run_alg, tmp_path / "open", ["LINESTRING(0 1000, 1150 1000)"],
                        {"BARRIERS": bollards(sorted(open_ys)), "RATING_FIELD": "rating"})
    (e,) = entries(res)
    assert e["opening_m"] == pytest.approx(2.0, abs=1e-9)
    assert e["verdict"] == "inadequate" and "gap of 2.00 m" in e["reason"]
    # The same 2 m gap with a van (narrowest opening 2.01 m) stays closed.
    res, _ = run_access(run_alg, tmp_path / "van", ["LINESTRING(0 1000, 1150 1000)"],
                        {"BARRIERS": bollards(sorted(open_ys)), "RATING_FIELD": "rating", "VEHICLE_CLASS": 1})
    (e,) = entries(res)
    assert e["verdict"] == "unrated"
    # MAX_GAP = 1.2 m (usual HVM maximum): a 1.2 m gap is closed, 1.3 m is not.
    for clear, verdict in ((1.2, "unrated"), (1.3, "inadequate")):
        ys = [1000.0 - (clear / 2 + 0.1) - 1.4 * k for k in range(5)] + [1000.0 + clear / 2 + 0.1 + 1.4 * k
                                                                      for k in range(5)]
        res, _ = run_access(run_alg, tmp_path / f"g{clear}", ["LINESTRING(0 1000, 1150 1000)"],
                            {"BARRIERS": bollards(sorted(ys)), "RATING_FIELD": "rating", "MAX_GAP": 1.2})
        (e,) = entries(res)
        assert e["verdict"] == verdict


def test_gap_off_the_road_is_an_entry(run_alg, tmp_path):
    # Bollards along the boundary x = 1050 from y = 980 to 1020 with a 3.5 m gap at y = 1012 (off the road,
    # which is closed by bollards). The gap is reachable from the road (within REACH) and is an entry.
    ys = [980.0 + 1.4 * k for k in range(30)]
    ys = [y for y in ys if not 1010.0 < y < 1014.0]
    res, _ = run_access(run_alg, tmp_path, ["LINESTRING(0 1000, 1150 1000)"],
                        {"BARRIERS": bollards(ys, rating="V/7200[N2B]/80/90:0.7"), "RATING_FIELD": "rating"})
    rows = entries(res)
    kinds = sorted(r["kind"] for r in rows)
    assert kinds == ["gap", "road"]
    gap = next(r for r in rows if r["kind"] == "gap")
    assert gap["verdict"] == "inadequate"
    assert gap["opening_m"] > 1.5
    road = next(r for r in rows if r["kind"] == "road")
    # Leaving the road costs speed: the gap is hit slower than the road entry.
    assert 0 < gap["speed_kmh"] < road["speed_kmh"]


def test_open_space_straight_run_up(run_alg, tmp_path):
    # A 70 m x 40 m square of drivable open space west of the zone: the longest straight run-up to its
    # boundary stretch is the diagonal-ish line from its far corner; speed = sqrt(2 a s).
    space = layer("Polygon", ["POLYGON((980 910, 1050 910, 1050 950, 980 950, 980 910))"])
    res, _ = run_access(run_alg, tmp_path, ["LINESTRING(1000 1000, 1150 1000)"], {"OPEN_SPACE": space})
    rows = entries(res)
    space_entry = next(r for r in rows if r["kind"] == "open_space")
    assert space_entry["verdict"] == "no barrier"
    # The farthest point of the square from any point of its east side is a west corner: s >= 70 m and
    # at most the diagonal sqrt(70² + 40²).
    assert 70.0 <= space_entry["run_up_m"] <= math.hypot(70.0, 40.0) + 1e-6
    assert space_entry["speed_kmh"] == pytest.approx(math.sqrt(2 * 3.0 * space_entry["run_up_m"]) * 3.6)
    # Two overlapping building footprints in the square's west half block the long run-ups: the
    # straight lines to the boundary are now at most as long as from the buildings' east side (x = 1020).
    buildings = layer("Polygon", ["POLYGON((985 912, 1015 912, 1015 940, 985 940, 985 912))",
                                  "POLYGON((1000 915, 1020 915, 1020 948, 1000 948, 1000 915))"])
    res, _ = run_access(run_alg, tmp_path / "blocked", ["LINESTRING(1000 1000, 1150 1000)"],
                        {"OPEN_SPACE": space, "BUILDINGS": buildings})
    blocked = next(r for r in entries(res) if r["kind"] == "open_space")
    assert blocked["run_up_m"] < space_entry["run_up_m"]
    assert blocked["run_up_m"] <= math.hypot(70.0, 40.0)


def test_non_closed_zone_line_is_refused(run_alg, tmp_path):
    zone = layer("LineString", ["LINESTRING(1050 900, 1250 900, 1250 1100, 1050 1100, 1050 960)"])
    with pytest.raises(QgsProcessingException, match=r"not closed: its ends are 60.00 m apart"):
        run_access(run_alg, tmp_path, ["LINESTRING(1000 1000, 1150 1000)"], zone=zone, files=True)
    assert not (tmp_path / "entries.gpkg").exists()


def test_closed_zone_line_and_invalid_polygon_are_used(run_alg, tmp_path):
    zone = layer("LineString", ["LINESTRING(1050 900, 1250 900, 1250 1100, 1050 1100, 1050 900.2)"])
    res, fb = run_access(run_alg, tmp_path / "line", ["LINESTRING(1000 1000, 1150 1000)"], zone=zone)
    assert "were not closed; they were closed before use" in fb.log
    assert entries(res)[0]["speed_kmh"] == pytest.approx(62.35, abs=0.01)
    # A self-intersecting (bow-tie) zone is repaired with makeValid and reported.
    bowtie = layer("Polygon", ["POLYGON((1050 900, 1250 1100, 1250 900, 1050 1100, 1050 900))"])
    res, fb = run_access(run_alg, tmp_path / "bowtie", ["LINESTRING(1000 1000, 1150 1000)"], zone=bowtie)
    assert "repaired" in fb.log
    assert entries(res)[0]["speed_kmh"] == pytest.approx(62.35, abs=0.01)


def test_barrier_without_rating_field_and_bad_rating(run_alg, tmp_path):
    ys = [1000.0 - 7.0 + 0.7 + 1.4 * k for k in range(10)]
    res, fb = run_access(run_alg, tmp_path / "nofield", ["LINESTRING(0 1000, 1150 1000)"],
                         {"BARRIERS": bollards(ys, rating="V/7200[N2B]/80/90:0.7")})
    assert "every barrier counts as unrated" in fb.log
    assert entries(res)[0]["verdict"] == "unrated"
    res, _ = run_access(run_alg, tmp_path / "bad", ["LINESTRING(0 1000, 1150 1000)"],
                        {"BARRIERS": bollards(ys, rating="strong"), "RATING_FIELD": "rating"})
    (e,) = entries(res)
    assert e["verdict"] == "unrated" and "cannot be read" in e["reason"]


def test_rated_barrier_line(run_alg, tmp_path):
    # A rated barrier line across the road on the boundary closes it completely.
    wall = layer("LineString", ["LINESTRING(1050 990, 1050 1010)"], {"rating": FIELD_TYPE_STRING},
                 [["V/7500[N3C]/80/90.0/1.1/0"]])
    res, _ = run_access(run_alg, tmp_path, ["LINESTRING(0 1000, 1150 1000)"],
                        {"BARRIERS": wall, "RATING_FIELD": "rating", "MAX_SPEED": 70.0})
    (e,) = entries(res)
    assert e["verdict"] == "adequate" and e["opening_m"] == 0.0
    assert e["rated_speed_kmh"] == 80.0


def test_custom_ruleset_file(run_alg, tmp_path):
    import json

    from besecure.knowledge.rulesets import RULESET_DIR

    data = json.loads((RULESET_DIR / "vehicles.json").read_text(encoding="utf-8"))
    data["classes"]["car"]["acceleration_ms2"]["value"] = 4.0
    path = tmp_path / "my_vehicles.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    res, _ = run_access(run_alg, tmp_path, ["LINESTRING(1000 1000, 1150 1000)"], {"RULESET": str(path)})
    assert entries(res)[0]["speed_kmh"] == pytest.approx(math.sqrt(2 * 4.0 * 50.0) * 3.6)
    del data["classes"]["car"]["mass_kg"]["source"]
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="mass_kg"):
        run_access(run_alg, tmp_path / "bad", ["LINESTRING(1000 1000, 1150 1000)"], {"RULESET": str(path)})
    with pytest.raises(QgsProcessingException, match="kind 'standoff'"):
        run_access(run_alg, tmp_path / "kind", ["LINESTRING(1000 1000, 1150 1000)"],
                   {"RULESET": str(RULESET_DIR / "standoff.json")})


def test_cancel_writes_nothing(run_alg, tmp_path, make_feedback):
    fb = make_feedback(cancel_on_message="barrier elements read")
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("vehicleaccess", {"ZONE": layer("Polygon", [ZONE_WKT]),
                                  "NETWORK": layer("LineString", ["LINESTRING(1000 1000, 1150 1000)"]),
                                  "BARRIERS": bollards([1000.0]), "OUTPUT": str(tmp_path / "e.gpkg"),
                                  "OUTPUT_PATHS": str(tmp_path / "p.gpkg")}, feedback=fb)
    assert not (tmp_path / "e.gpkg").exists() and not (tmp_path / "p.gpkg").exists()
