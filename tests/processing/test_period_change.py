"""besecure:periodchange end to end on the demo town (2023-2024): the exact test against scipy, rates for
periods of unequal length, the standard windows, overlap and periods beyond the data."""
import datetime as dt

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from scipy import stats

from besecure.analysis.data.demo_town import HOTSPOTS


def features(path):
    lyr = QgsVectorLayer(str(path), "out", "ogr")
    return [{name: f[name] for name in lyr.fields().names()} | {"geometry": f.geometry()} for f in lyr.getFeatures()]


@pytest.fixture(scope="module")
def demo_times(demo_gpkg):
    """The demo incidents' times, read with OGR (independent of the plugin's reader)."""
    lyr = QgsVectorLayer(f"{demo_gpkg}|layername=incidents", "incidents", "ogr")
    values = [f["occurred"] for f in lyr.getFeatures()]
    return pd.to_datetime([v.toString("yyyy-MM-ddTHH:mm:ss") if hasattr(v, "toString") else str(v)
                           for v in values])


def run(run_alg, demo_gpkg, tmp_path, name="pc", **params):
    base = {"INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 0, "CELL_SIZE": 500,
            "TIME_FIELD": "occurred", "KEEP_EMPTY": False, "OUTPUT": str(tmp_path / f"{name}.gpkg")}
    return run_alg("periodchange", {**base, **params})


def test_p_and_q_values_equal_scipy_and_benjamini_hochberg(demo_gpkg, run_alg, tmp_path):
    # January-June 2024 (182 days) against all of 2023 (365 days): rates per day.
    res, fb = run(run_alg, demo_gpkg, tmp_path, PERIOD_A_START="2023-01-01", PERIOD_A_END="2023-12-31",
                  PERIOD_B_START="2024-01-01", PERIOD_B_END="2024-06-30")
    assert "Periods differ in length (A: 365 days, B: 182 days): compared as rates per day." in fb.messages
    rows = features(res["OUTPUT"])
    a = np.array([r["count_a"] for r in rows])
    b = np.array([r["count_b"] for r in rows])
    p = np.array([r["p_value"] for r in rows])
    expected = [stats.binomtest(int(k), int(n), 182 / 547).pvalue for k, n in zip(b, a + b)]
    assert p == pytest.approx(expected, rel=1e-9)
    assert [r["rate_a"] for r in rows] == pytest.approx(a / 365)
    assert [r["rate_b"] for r in rows] == pytest.approx(b / 182)
    with_a = a > 0
    assert np.array([r["pct_change"] for r in rows])[with_a] == pytest.approx(
        ((b / 182) / (a / 365) - 1)[with_a] * 100)
    # q: BH over the cells with incidents (all kept cells here), by its definition.
    m = p.size
    order = np.argsort(p)
    q_sorted = np.minimum.accumulate((p[order] * m / np.arange(1, m + 1))[::-1])[::-1]
    q = np.empty(m)
    q[order] = np.minimum(q_sorted, 1)
    assert [r["q_value"] for r in rows] == pytest.approx(q)
    up = b / 182 > a / 365
    labels = np.where(q <= 0.05, np.where(up, "significant increase", "significant decrease"),
                      "no significant change")
    assert [r["trend"] for r in rows] == labels.tolist()
    # The emerging park and ride (no vehicle crime there in 2023) is found.
    x, y, _ = HOTSPOTS["park_and_ride"]
    cell = next(r for r in rows if r["geometry"].boundingBox().contains(x, y))
    assert cell["trend"] == "significant increase"


def test_fdr_off_and_alpha(demo_gpkg, run_alg, tmp_path):
    params = {"PERIOD_A_START": "2023-01-01", "PERIOD_A_END": "2023-12-31", "PERIOD_B_START": "2024-01-01",
              "PERIOD_B_END": "2024-12-31"}
    res, fb = run(run_alg, demo_gpkg, tmp_path, FDR=False, ALPHA=0.01, **params)
    rows = features(res["OUTPUT"])
    flagged = [r["p_value"] <= 0.01 for r in rows]
    assert [r["trend"] != "no significant change" for r in rows] == flagged
    assert any("p-value at most 0.01" in m for m in fb.messages)


def test_period_past_the_data_warns_and_overlap_is_refused(demo_gpkg, run_alg, tmp_path, demo_times):
    last = demo_times.max().date()
    _res, fb = run(run_alg, demo_gpkg, tmp_path, PERIOD_A_START="2023-01-01", PERIOD_A_END="2023-12-31",
                  PERIOD_B_START="2024-01-01", PERIOD_B_END="2025-06-30")
    assert any(f"Period B (2024-01-01 – 2025-06-30) runs past the last incident in the data ({last})" in m
               for m in fb.messages)
    assert not any("Period A" in m and "runs past" in m for m in fb.messages)
    _, fb = run(run_alg, demo_gpkg, tmp_path, name="early", PERIOD_A_START="2022-07-01",
                PERIOD_A_END="2022-12-31", PERIOD_B_START="2023-01-01", PERIOD_B_END="2023-06-30")
    first = demo_times.min().date()
    assert any(f"Period A (2022-07-01 – 2022-12-31) starts before the first incident in the data ({first})" in m
               for m in fb.messages)
    with pytest.raises(QgsProcessingException,
                       match=r"Period A \(2023-01-01 – 2023-12-31\) and period B \(2023-12-01 – 2024-11-30\) "
                             r"overlap"):
        run(run_alg, demo_gpkg, tmp_path, name="overlap", PERIOD_A_START="2023-01-01", PERIOD_A_END="2023-12-31",
            PERIOD_B_START="2023-12-01", PERIOD_B_END="2024-11-30")
    assert not (tmp_path / "overlap.gpkg").exists()


@pytest.mark.parametrize("preset, extra, a_days, b_days", [
    # Windows from the last incident date (or REFERENCE_DATE), same calendar days, 29 Feb 2024 -> 28 Feb.
    (1, {"REFERENCE_DATE": "2024-03-15"}, ("2023-01-01", "2023-03-15"), ("2024-01-01", "2024-03-15")),
    (2, {"REFERENCE_DATE": "2024-03-15"}, ("2024-01-20", "2024-02-16"), ("2024-02-17", "2024-03-15")),
    (3, {"PERIOD_B_START": "2024-02-29", "PERIOD_B_END": "2024-05-31"}, ("2023-02-28", "2023-05-31"),
     ("2024-02-29", "2024-05-31")),
])
def test_standard_windows(demo_gpkg, run_alg, tmp_path, demo_times, preset, extra, a_days, b_days):
    res, fb = run(run_alg, demo_gpkg, tmp_path, PRESET=preset, **extra)
    a = (dt.date.fromisoformat(a_days[0]), dt.date.fromisoformat(a_days[1]))
    b = (dt.date.fromisoformat(b_days[0]), dt.date.fromisoformat(b_days[1]))
    la, lb = (a[1] - a[0]).days + 1, (b[1] - b[0]).days + 1
    assert (f"Period A: {a[0]} – {a[1]} ({la} days); period B: {b[0]} – {b[1]} ({lb} days)." in fb.messages)
    day = demo_times.normalize()
    n_a = int(((day >= pd.Timestamp(a[0])) & (day <= pd.Timestamp(a[1]))).sum())
    n_b = int(((day >= pd.Timestamp(b[0])) & (day <= pd.Timestamp(b[1]))).sum())
    assert f"{n_a} incidents in period A, {n_b} in period B." in fb.messages
    rows = features(res["OUTPUT"])
    # Cells fully inside the town hold every incident; the totals are the counts of the periods.
    assert sum(r["count_a"] for r in rows) <= n_a and sum(r["count_b"] for r in rows) <= n_b


def test_year_to_date_defaults_to_the_last_incident_date(demo_gpkg, run_alg, tmp_path, demo_times):
    last = demo_times.max().date()
    _, fb = run(run_alg, demo_gpkg, tmp_path, PRESET=1)
    assert f"Reference date: {last}, the last incident date in the data." in fb.messages
    assert any(m.startswith(f"Period A: {last.year - 1}-01-01 – ") for m in fb.messages)
    assert not any("runs past" in m for m in fb.messages)


@pytest.mark.parametrize("params, message", [
    ({}, "Give the dates of periods A and B"),
    ({"PRESET": 3, "PERIOD_B_START": "2024-01-01"}, "Give PERIOD_B_START and PERIOD_B_END"),
    ({"PERIOD_A_START": "2023-13-45", "PERIOD_B_START": "2024-01-01"}, "PERIOD_A_START: '2023-13-45' is not a date"),
])
def test_bad_periods_say_what_to_change(demo_gpkg, run_alg, tmp_path, params, message):
    with pytest.raises(QgsProcessingException, match=message):
        run(run_alg, demo_gpkg, tmp_path, name="bad", **params)
