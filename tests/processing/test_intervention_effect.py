"""besecure:interventioneffect against hand-computed WDQ / WDD and independent counts on the demo town.

References: WDQ = (D_a/C_a - D_b/C_b) / (R_a/C_a - R_b/C_b) (Bowers & Johnson 2003) and
WDD = (T_a - T_b) - (Ct_a - Ct_b) + (D_a - D_b) - (Cd_a - Cd_b) with variance the sum of the counts
(Wheeler & Ratcliffe 2018), as in shared/docs/REFERENCES.md; the demo-town counts are checked against
QgsGeometry.contains on every incident feature.
"""
import math

import pytest
from qgis.core import (
    NULL,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsVectorLayer,
)

from besecure.compat import FIELD_TYPE_STRING, make_field

X0, Y0 = 100_000.0, 400_000.0  # a place inside EPSG:28992's area


def polygon_layer(wkts, name):
    lyr = QgsVectorLayer("Polygon?crs=EPSG:28992", name, "memory")
    feats = []
    for wkt in wkts:
        f = QgsFeature()
        f.setGeometry(QgsGeometry.fromWkt(wkt))
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def _ring(x1, y1, x2, y2):
    corners = [(x1, y1), (x2, y1), (x2, y2), (x1, y2), (x1, y1)]
    return "(" + ", ".join(f"{X0 + x} {Y0 + y}" for x, y in corners) + ")"


def square(x1, y1, x2, y2, hole=None):
    """WKT of a rectangle (metres from X0, Y0), optionally with a rectangular hole."""
    return f"POLYGON({_ring(x1, y1, x2, y2)}{', ' + _ring(*hole) if hole else ''})"


def incident_layer(groups):
    """groups: list of (x1, y1, x2, y2, n, date): n points on a diagonal strictly inside the box."""
    lyr = QgsVectorLayer("Point?crs=EPSG:28992", "incidents", "memory")
    lyr.dataProvider().addAttributes([make_field("t", FIELD_TYPE_STRING)])
    lyr.updateFields()
    feats = []
    for x1, y1, x2, y2, n, date in groups:
        for i in range(n):
            f = QgsFeature(lyr.fields())
            fx = x1 + (x2 - x1) * (i + 1) / (n + 1)
            fy = y1 + (y2 - y1) * (i + 1) / (n + 1)
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(X0 + fx, Y0 + fy)))
            f.setAttributes([date])
            feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


# Areas (metres from X0, Y0): target T = [0,100]^2; buffer D = [-100,200]^2 with T as a hole
# (a 100 m ring); control C = [1000,1200] x [0,200]; a separate buffer control Cd = [2000,2200] x [0,200].
TARGET = square(0, 0, 100, 100)
BUFFER = square(-100, -100, 200, 200, hole=(0, 0, 100, 100))
CONTROL = square(1000, 0, 1200, 200)
CONTROL_B = square(2000, 0, 2200, 200)
B, A = "2022-09-15", "2023-09-15"  # one date in the before and one in the after period
# Hand count, per area and period:      T_b=10 T_a=4 | D_b=6 D_a=5 | C_b=20 C_a=18 | Cd_b=8 Cd_a=12
GROUPS = [
    (10, 10, 90, 90, 10, B), (10, 10, 90, 90, 4, A),          # target
    (-90, 10, -10, 90, 6, B), (110, 10, 190, 90, 5, A),       # buffer: left and right parts of the ring
    (1010, 10, 1190, 190, 20, B), (1010, 10, 1190, 190, 18, A),  # control
    (2010, 10, 2190, 190, 8, B), (2010, 10, 2190, 190, 12, A),   # buffer control
    (10, 10, 90, 90, 7, "2021-05-01"),                        # in the target but in neither period
    (500, 500, 600, 600, 9, B), (500, 500, 600, 600, 3, A),   # in no area
]
# Equal periods: 2022-07-01..2022-12-31 and 2023-07-01..2023-12-31 are both 184 days.
PERIODS = {"BEFORE_START": "2022-07-01", "BEFORE_END": "2022-12-31",
           "AFTER_START": "2023-07-01", "AFTER_END": "2023-12-31"}


def params(**extra):
    base = {"INPUT": incident_layer(GROUPS), "TIME_FIELD": "t", "TARGET": polygon_layer([TARGET], "t"),
            "BUFFER": polygon_layer([BUFFER], "d"), "CONTROL": polygon_layer([CONTROL], "c"),
            "OUTPUT": "memory:", **PERIODS}
    base.update(extra)
    return base


def row(results):
    layer = results["OUTPUT"]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "out", "ogr")
    feats = list(layer.getFeatures())
    assert len(feats) == 1
    return {name: feats[0][name] for name in layer.fields().names()}


def test_hand_computed_wdq_and_single_control_wdd(run_alg):
    results, fb = run_alg("interventioneffect", params())
    r = row(results)
    assert [r[k] for k in ("T_b", "T_a", "D_b", "D_a", "Ct_b", "Ct_a", "Cd_b", "Cd_a")] == [10, 4, 6, 5, 20, 18, 20, 18]
    # success = 4/18 - 10/20 = -5/18; buffer = 5/18 - 6/20 = -1/45; WDQ = (-1/45) / (-5/18) = 0.08.
    assert r["success_measure"] == pytest.approx(-5 / 18)
    assert r["buffer_measure"] == pytest.approx(-1 / 45)
    assert r["wdq"] == pytest.approx(0.08)
    assert r["wdq_code"] == "diffusion"
    # TNE = [10 * 18/20 - 4] + [6 * 18/20 - 5] = 5 + 0.4
    assert r["total_net_effect"] == pytest.approx(5.4)
    # One control for both: WDD = (4-10) + (5-6) - 2 (18-20) = -3; var = 10+4+6+5 + 4 (20+18) = 177.
    assert r["wdd"] == pytest.approx(-3.0)
    assert r["wdd_local"] == pytest.approx(-4.0)  # (4-10) - (18-20)
    assert r["wdd_displacement"] == pytest.approx(1.0)  # (5-6) - (18-20)
    assert r["wdd_se"] == pytest.approx(math.sqrt(177))
    assert r["wdd_z"] == pytest.approx(-3 / math.sqrt(177))
    assert r["p"] == pytest.approx(math.erfc(3 / math.sqrt(177) / math.sqrt(2)))
    assert r["ci_low"] == pytest.approx(-3 - 1.959964 * math.sqrt(177), abs=1e-4)
    assert r["ci_high"] == pytest.approx(-3 + 1.959964 * math.sqrt(177), abs=1e-4)
    assert r["before_days"] == 184 and r["after_days"] == 184
    assert "WDQ = 0.08" in r["interpretation"] and "diffusion of benefits" in r["interpretation"]
    assert "not significantly different" in r["interpretation"]
    assert f"p = {math.erfc(3 / math.sqrt(177) / math.sqrt(2)):.3f}" in r["interpretation"]
    assert "counts twice" in r["interpretation"]  # says the single control enters twice
    assert "differ in length" not in r["interpretation"]
    # 9 + 3 in no area and 8 + 12 in the (unused) buffer control; the 7 of 2021 are in neither period.
    assert "32 incidents fall outside" in fb.log


def test_separate_buffer_control(run_alg):
    results, _ = run_alg("interventioneffect", params(CONTROL_BUFFER=polygon_layer([CONTROL_B], "cd")))
    r = row(results)
    assert [r[k] for k in ("Ct_b", "Ct_a", "Cd_b", "Cd_a")] == [20, 18, 8, 12]
    # WDD = (4-10) - (18-20) + (5-6) - (12-8) = -9; variance = 10+4+20+18+6+5+8+12 = 83.
    assert r["wdd"] == pytest.approx(-9.0)
    assert r["wdd_se"] == pytest.approx(math.sqrt(83))
    assert r["wdd_z"] == pytest.approx(-9 / math.sqrt(83))
    assert r["wdq"] == pytest.approx(0.08)  # the WDQ uses the target's control only
    assert "counts twice" not in r["interpretation"]


def test_unequal_periods_scale_the_after_counts(run_alg):
    # before 2022-07-01..2022-12-31 = 184 days; after 2023-07-01..2023-09-30 = 92 days: half as long.
    results, _ = run_alg("interventioneffect", params(AFTER_END="2023-09-30"))
    r = row(results)
    assert r["before_days"] == 184 and r["after_days"] == 92
    assert [r[k] for k in ("T_b", "T_a", "D_b", "D_a", "Ct_b", "Ct_a")] == [10, 4, 6, 5, 20, 18]  # 09-15 is inside
    # Wheeler (2021): after counts / (92/184) -> doubled: (8-10) + (10-6) - 2 (36-20) = -30;
    # variance = after / 0.5^2 + before: 4*4+10 + 4*5+6 + 4 (4*18+20) = 420.
    assert r["wdd"] == pytest.approx(-30.0)
    assert r["wdd_se"] == pytest.approx(math.sqrt(420))
    assert r["wdq"] == pytest.approx(0.08)  # ratios within each period: no scaling
    assert "differ in length" in r["interpretation"]


def test_no_control_incidents_before_wdq_undefined(run_alg):
    groups = [g for g in GROUPS if not (g[0] == 1010 and g[5] == B)]  # drop the 20 control incidents before
    results, fb = run_alg("interventioneffect", params(INPUT=incident_layer(groups)))
    r = row(results)
    assert r["Ct_b"] == 0 and r["Ct_a"] == 18
    assert r["wdq"] == NULL
    assert r["wdq_code"] == "undefined"
    assert "WDQ is undefined" in r["interpretation"] and "before period" in r["interpretation"]
    assert "WDQ is undefined" in fb.log
    # The WDD stays defined: (4-10) + (5-6) - 2 (18-0) = -43.
    assert r["wdd"] == pytest.approx(-43.0)


def test_overlapping_target_and_buffer_warns_and_counts_once(run_alg):
    full = square(-100, -100, 200, 200)  # a buffer drawn as a full square, target included
    results, fb = run_alg("interventioneffect", params(BUFFER=polygon_layer([full], "d")))
    r = row(results)
    assert "TARGET and BUFFER overlap (10,000 m²)" in fb.log
    assert [r[k] for k in ("T_b", "T_a", "D_b", "D_a")] == [10, 4, 6, 5]  # target incidents not in the buffer


@pytest.mark.parametrize(("change", "message"), [
    ({"AFTER_START": "2022-12-01"}, "overlap"),
    ({"BEFORE_START": "2023-07-01", "BEFORE_END": "2023-12-31", "AFTER_START": "2022-07-01",
      "AFTER_END": "2022-12-31"}, "swap them"),
    ({"BEFORE_END": "2022-06-01"}, "not after its start"),
    ({"BEFORE_START": "2020-01-01", "BEFORE_END": "2020-12-31"}, "no incidents in the before period"),
    ({"AFTER_END": ""}, "AFTER_END"),
    ({"BEFORE_START": "someday"}, "is not a date"),
])
def test_bad_periods(run_alg, tmp_path, change, message):
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("interventioneffect", params(OUTPUT=str(out), **change))
    assert not out.exists()


def test_demo_town_park_and_ride_against_geometry_contains(run_alg, demo_gpkg, tmp_path):
    centre = QgsGeometry.fromPointXY(QgsPointXY(152_600, 450_400))
    target = centre.buffer(150, 32)
    ring = centre.buffer(400, 32).difference(target)
    control = QgsGeometry.fromWkt("POLYGON((150200 450200, 150800 450200, 150800 450800, 150200 450800, "
                                  "150200 450200))")  # south-west, away from every planted hot spot
    out = tmp_path / "effect.gpkg"
    results, fb = run_alg("interventioneffect", {
        "INPUT": f"{demo_gpkg}|layername=incidents", "TIME_FIELD": "occurred",
        "TARGET": polygon_layer([target.asWkt()], "t"), "BUFFER": polygon_layer([ring.asWkt()], "d"),
        "CONTROL": polygon_layer([control.asWkt()], "c"),
        "BEFORE_START": "2023-01-01", "BEFORE_END": "2023-12-31",
        "AFTER_START": "2024-01-01", "AFTER_END": "2024-12-31", "OUTPUT": str(out)})
    r = row(results)
    assert "overlap" not in fb.log  # the ring only touches the target

    # Independent count: every incident feature, its year from the QDateTime, QgsGeometry.contains.
    layer = QgsVectorLayer(f"{demo_gpkg}|layername=incidents", "inc", "ogr")
    expected = dict.fromkeys(("T_b", "T_a", "D_b", "D_a", "Ct_b", "Ct_a"), 0)
    for feat in layer.getFeatures():
        year = feat["occurred"].date().year()
        if year not in (2023, 2024):
            continue
        suffix = "_b" if year == 2023 else "_a"
        geom = feat.geometry()
        for key, area in (("T", target), ("D", ring), ("Ct", control)):
            if area.contains(geom):
                expected[key + suffix] += 1
    assert {k: r[k] for k in expected} == expected
    assert expected["T_a"] > expected["T_b"]  # the planted park-and-ride hot spot starts in 2024
    assert min(expected.values()) > 0

    # WDD from those counts by the formula, the 2024 counts scaled to 365 days (366 in a leap year).
    s = 365 / 366
    t_b, t_a, d_b, d_a, c_b, c_a = (expected[k] for k in ("T_b", "T_a", "D_b", "D_a", "Ct_b", "Ct_a"))
    assert r["wdd"] == pytest.approx((s * t_a - t_b) + (s * d_a - d_b) - 2 * (s * c_a - c_b))
    assert r["wdd_se"] == pytest.approx(math.sqrt(s * s * (t_a + d_a + 4 * c_a) + t_b + d_b + 4 * c_b))
    assert r["wdq_code"] == "not_successful"  # vehicle crime rose in the target: nothing to displace
    assert "significantly more incidents" in r["interpretation"] and "p < 0.001" in r["interpretation"]
    assert "differ in length (365 days before, 366 after)" in r["interpretation"]
    assert r["success_measure"] == pytest.approx(t_a / c_a - t_b / c_b)


def test_cancel_writes_nothing(run_alg, make_feedback, tmp_path):
    out = tmp_path / "o.gpkg"
    feedback = make_feedback(cancel_on_message="incidents in the before period")
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("interventioneffect", params(OUTPUT=str(out)), feedback=feedback)
    assert not out.exists()
