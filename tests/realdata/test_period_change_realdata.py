"""besecure:periodchange on Chicago (2017-01-01 .. 2019-09-29, 77 community areas): counts against QGIS's
own point-in-polygon count, p-values against scipy, and the warning for 2019, which the data end early."""
import numpy as np
import pytest
from scipy import stats
from testlib import vector

import processing


def native_counts(shared_data, start, end):
    """Incidents per community area in [start, end) by native:countpointsinpolygon (independent reference)."""
    incidents = vector(shared_data / "chicago" / "incidents_2017_2019.gpkg")
    incidents.setSubsetString(f"\"occurred\" >= '{start}' AND \"occurred\" < '{end}'")
    result = processing.run("native:countpointsinpolygon", {
        "POLYGONS": str(shared_data / "chicago" / "community_areas.gpkg"), "POINTS": incidents, "FIELD": "n",
        "OUTPUT": "memory:"})["OUTPUT"]
    return {f["AREA_NUMBE"]: int(f["n"]) for f in result.getFeatures()}


def run(run_alg, shared_data, tmp_path, **params):
    return run_alg("periodchange", {
        "INPUT": str(shared_data / "chicago" / "incidents_2017_2019.gpkg"), "AGGREGATION": 2,
        "ZONES": str(shared_data / "chicago" / "community_areas.gpkg"), "ZONE_ID_FIELD": "AREA_NUMBE",
        "TIME_FIELD": "occurred", "OUTPUT": str(tmp_path / "change.gpkg"), **params})


def test_chicago_2017_against_2018(run_alg, shared_data, tmp_path, qgis_processing):
    res, fb = run(run_alg, shared_data, tmp_path, PERIOD_A_START="2017-01-01", PERIOD_A_END="2017-12-31",
                  PERIOD_B_START="2018-01-01", PERIOD_B_END="2018-12-31")
    assert not any("runs past" in m or "differ in length" in m for m in fb.messages)
    rows = {f["AREA_NUMBE"]: f for f in vector(res["OUTPUT"]).getFeatures()}
    assert len(rows) == 77
    before = native_counts(shared_data, "2017-01-01", "2018-01-01")
    after = native_counts(shared_data, "2018-01-01", "2019-01-01")
    for area in rows:
        assert (rows[area]["count_a"], rows[area]["count_b"]) == (before[area], after[area])
    # Austin, the Loop, Near North Side, South Shore and a small area (Burnside): scipy's exact binomial test.
    for area in ("25", "32", "8", "43", "47"):
        a, b = rows[area]["count_a"], rows[area]["count_b"]
        assert rows[area]["p_value"] == pytest.approx(stats.binomtest(b, a + b, 0.5).pvalue, rel=1e-9)
    # Every area: scipy's p-values, Benjamini-Hochberg by its definition, the labels that follow.
    keys = sorted(rows)
    p = np.array([stats.binomtest(after[k], before[k] + after[k], 0.5).pvalue for k in keys])
    m = p.size
    q = np.array([min(1.0, min(m * pj / (p <= pj).sum() for pj in p if pj >= pi)) for pi in p])
    assert [rows[k]["q_value"] for k in keys] == pytest.approx(q, rel=1e-9)
    labels = ["no significant change" if qi > 0.05 else
              "significant increase" if after[k] > before[k] else "significant decrease" for k, qi in zip(keys, q)]
    assert [rows[k]["trend"] for k in keys] == labels
    # 2017 against 2018: 5 areas have p <= 0.05 (3.85 expected by chance among 77), none survives FDR
    # (smallest q 0.16); the old |z| >= 1.96 rule flagged 23 of the 77.
    assert (sum(p <= 0.05), sum(q <= 0.05)) == (5, 0)
    z = np.array([2 * (np.sqrt(after[k]) - np.sqrt(before[k])) for k in keys])
    assert [rows[k]["poisson_z"] for k in keys] == pytest.approx(z)
    assert sum(np.abs(z) >= 1.96) == 23
    assert "0 units with a significant increase, 0 with a significant decrease." in fb.messages


def test_chicago_2019_warns_with_the_last_date(run_alg, shared_data, tmp_path, qgis_processing):
    _, fb = run(run_alg, shared_data, tmp_path, PERIOD_A_START="2018-01-01", PERIOD_A_END="2018-12-31",
                PERIOD_B_START="2019-01-01", PERIOD_B_END="2019-12-31")
    assert any("Period B (2019-01-01 – 2019-12-31) runs past the last incident in the data (2019-09-29)" in m
               for m in fb.messages)
    # Year to date from the last incident date compares the same 272 days of 2018 and 2019, no warning.
    _, fb = run(run_alg, shared_data, tmp_path, PRESET=1)
    assert "Period A: 2018-01-01 – 2018-09-29 (272 days); period B: 2019-01-01 – 2019-09-29 (272 days)." \
        in fb.messages
    assert not any("runs past" in m for m in fb.messages)
