"""The Compass's area profile against hand-computed cases and against pandas on the Chicago data.

The Chicago check uses the police's own ``community_area`` attribute as the area of each incident
(so no geometry is involved here; tests/ui/test_compass_dock.py checks the spatial path with GEOS)
and recomputes every figure with pandas group-bys.
"""
import numpy as np
import pandas as pd
import pytest
from scipy import stats

from besecure.analysis.crime.area_profile import area_profile, build_index, default_period, summarise_period

T = np.datetime64


def times(*values):
    return np.array([T(v) if v else T("NaT") for v in values], dtype="datetime64[m]")


@pytest.fixture()
def small():
    # Area 0: 9 incidents in March 2024 (period), 4 in February (previous): 4 -> 9 gives z = 2.0
    # (REFERENCES.md). Area 1: 1 now, 0 before. Area 2: none. One incident outside every area
    # and one without a time.
    march = [f"2024-03-{d:02d}T{h:02d}:30" for d, h in
             ((4, 8), (4, 8), (5, 22), (11, 8), (12, 13), (18, 8), (19, 2), (25, 8), (31, 23))]
    feb = ["2024-02-01T00:00", "2024-02-10T12:00", "2024-02-20T18:00", "2024-02-29T23:59"]
    unit = [0] * 9 + [0] * 4 + [1, -1, 0]
    t = times(*march, *feb, "2024-03-15T10:00", "2024-03-15T10:00", None)
    cats = ["theft"] * 5 + ["assault"] * 3 + [None] + ["theft"] * 4 + ["theft", "theft", "theft"]
    index = build_index(np.array(unit), t, 3, area_m2=np.array([2e6, 1e6, 1e6]),
                        population=np.array([4500.0, 0.0, 100.0]), categories=cats)
    return index


def test_hand_computed_area(small):
    # March 2024 has 31 days; the previous period of equal length starts 31 days earlier: February 2024
    # has 29 days, so on 30 January.
    summary = summarise_period(small, T("2024-03-01"), T("2024-04-01"))
    assert summary.previous_start == T("2024-01-30T00:00")
    p = area_profile(small, summary, 0)
    assert (p.count, p.previous_count, p.diff) == (9, 4, 5)
    assert p.poisson_z == pytest.approx(2.0)
    assert p.pct_change == pytest.approx(125.0)
    # Exact conditional test, equal lengths: 9 of n = 13 is Binomial(13, 1/2); P(b >= 9) = (715 + 286 + 78
    # + 13 + 1) / 2^13 = 1093 / 8192, two-sided twice that. Area 1 (0 -> 1) has p = 1; area 2 (no incidents)
    # is not tested, so Benjamini-Hochberg over two areas: q = min(2 p, 1).
    assert p.p_value == pytest.approx(2 * 1093 / 8192)
    assert p.q_value == pytest.approx(4 * 1093 / 8192)
    assert p.trend == "no significant change"  # the old |z| >= 1.96 rule called this significant
    assert p.rate_1000 == pytest.approx(9 / 4500 * 1000)
    assert p.per_km2 == pytest.approx(4.5)
    assert p.share == pytest.approx(0.9)  # 9 of the 10 incidents in areas in March (outside one not counted)
    assert (p.rank, p.n_units) == (1, 3)
    assert summary.city_count == 10 and summary.city_previous == 4
    # Monthly series over the whole range (Feb, Mar 2024); the city excludes the incident outside.
    assert p.months.tolist() == [T("2024-02", "M"), T("2024-03", "M")]
    assert p.monthly.tolist() == [4, 9]
    assert p.city_monthly.tolist() == [4, 10]
    assert p.city_monthly_scaled == pytest.approx([4 * 13 / 14, 10 * 13 / 14])
    # Categories in the period only, most frequent first; the incident without one is left out.
    assert p.category_names == ("theft", "assault")
    assert p.category_counts.tolist() == [5, 3]
    # Hot times: 2024-03-04 was a Monday; four incidents at 08:30 on Mondays (4th twice, 11th, 18th, 25th).
    assert p.hot_times.shape == (7, 24)
    assert p.hot_times[0, 8] == 5  # Mondays 4 (x2), 11, 18, 25 March
    assert p.hot_times[1, 22] == 1  # Tuesday 5 March 22:30
    assert p.hot_times[6, 23] == 1  # Sunday 31 March 23:30
    assert p.hot_times.sum() == 9


def test_other_areas_rate_rank_and_zero_counts(small):
    summary = summarise_period(small, T("2024-03-01"), T("2024-04-01"))
    p1 = area_profile(small, summary, 1)
    assert (p1.count, p1.previous_count, p1.rank) == (1, 0, 2)
    assert np.isnan(p1.rate_1000)  # population 0: no rate
    assert np.isnan(p1.pct_change)  # undefined from zero
    assert p1.poisson_z == pytest.approx(2.0)  # 0 -> 1: 2 (1 - 0)
    assert (p1.p_value, p1.q_value, p1.trend) == (1.0, 1.0, "no significant change")
    p2 = area_profile(small, summary, 2)
    assert (p2.count, p2.rank, p2.rate_1000) == (0, 3, 0.0)
    assert p2.hot_times.sum() == 0 and p2.category_names == ()


def test_aoristic_window_ends():
    # One burglary between Friday 22:00 and Saturday 02:00 (4 hours): a quarter in each hour.
    index = build_index(np.array([0]), times("2024-03-08T22:00"), 1,
                        end_times=times("2024-03-09T02:00"))
    p = area_profile(index, summarise_period(index, T("2024-03-01"), T("2024-04-01")), 0)
    assert p.hot_times[4, 22] == pytest.approx(0.25) and p.hot_times[4, 23] == pytest.approx(0.25)
    assert p.hot_times[5, 0] == pytest.approx(0.25) and p.hot_times[5, 1] == pytest.approx(0.25)


def test_default_period_is_last_twelve_months_with_data(small):
    # Two months of data: half of it, so the previous period still has data.
    assert default_period(small) == (T("2024-03-01T00:00"), T("2024-04-01T00:00"))
    long = build_index(np.zeros(2, dtype=int), times("2017-01-01T00:00", "2019-09-29T23:00"), 1)
    assert default_period(long) == (T("2018-10-01T00:00"), T("2019-10-01T00:00"))


@pytest.mark.parametrize("kwargs, message", [
    ({"unit": [0, 5]}, "Area indices must lie in -1..2"),
    ({"times": np.array(["2024-01-01", "x"], dtype=object)}, "must be date/time values"),
    ({"n_units": 0}, "has no areas"),
    ({"population": [1.0]}, "Got 1 population values for 3 areas"),
    ({"categories": ["a"]}, "Got 1 categories for 2 incidents"),
])
def test_bad_input_says_what_to_change(kwargs, message):
    args = {"unit": [0, 1], "times": times("2024-01-01", "2024-01-02"), "n_units": 3}
    args.update(kwargs)
    unit, t, n = np.asarray(args.pop("unit")), args.pop("times"), args.pop("n_units")
    with pytest.raises(ValueError, match=message):
        build_index(unit, t, n, **args)


def test_bad_period_and_area(small):
    with pytest.raises(ValueError, match="must be after its start"):
        summarise_period(small, T("2024-04-01"), T("2024-03-01"))
    summary = summarise_period(small, T("2024-03-01"), T("2024-04-01"))
    with pytest.raises(ValueError, match=r"outside 0..2"):
        area_profile(small, summary, 3)


# --------------------------------------------------------------------------- Chicago, with pandas
@pytest.fixture(scope="module")
def chicago(shared_data):
    frame = pd.read_csv(shared_data / "chicago" / "incidents_2017_2019.csv",
                        usecols=["date", "primary_type", "community_area"])
    frame["when"] = pd.to_datetime(frame["date"], format="%m/%d/%Y %H:%M")
    area = frame["community_area"].fillna(0).astype(int)  # 1..77; 0 or missing: not recorded
    unit = np.where(area > 0, area - 1, -1)
    index = build_index(unit, frame["when"].to_numpy(), 77, categories=frame["primary_type"].to_numpy())
    return frame.assign(area=area), index


@pytest.mark.parametrize("area, start, end", [
    (25, "2018-10-01", "2019-10-01"),  # Austin, the dock's default: the last 12 months with data
    (32, "2019-01-01", "2019-07-01"),  # the Loop, first half of 2019 (181 days) against the 181 before
])
def test_chicago_area_equals_pandas(chicago, area, start, end):
    frame, index = chicago
    summary = summarise_period(index, T(start), T(end))
    p = area_profile(index, summary, area - 1)

    s, e = pd.Timestamp(start), pd.Timestamp(end)
    ps = s - (e - s)
    recorded = frame[frame["area"] > 0]
    now = recorded[(recorded["when"] >= s) & (recorded["when"] < e)]
    before = recorded[(recorded["when"] >= ps) & (recorded["when"] < s)]
    here_now = now[now["area"] == area]
    here_before = before[before["area"] == area]
    assert p.count == len(here_now)
    assert p.previous_count == len(here_before)
    assert p.poisson_z == pytest.approx(2 * (np.sqrt(len(here_now)) - np.sqrt(len(here_before))))
    n = len(here_now) + len(here_before)
    assert p.p_value == pytest.approx(stats.binomtest(len(here_now), n, 0.5).pvalue, rel=1e-9)
    assert p.share == pytest.approx(len(here_now) / len(now))
    per_area = now.groupby("area").size().reindex(range(1, 78), fill_value=0)
    ranks = per_area.rank(method="first", ascending=False).astype(int)  # ties: lower area number first
    assert p.rank == ranks[area]
    monthly = frame[frame["area"] == area].groupby(frame["when"].dt.to_period("M")).size()
    months = pd.period_range(frame["when"].min(), frame["when"].max(), freq="M")
    assert p.monthly.tolist() == monthly.reindex(months, fill_value=0).tolist()
    city = recorded.groupby(recorded["when"].dt.to_period("M")).size().reindex(months, fill_value=0)
    assert p.city_monthly.tolist() == city.tolist()
    counts = here_now["primary_type"].value_counts()
    assert dict(zip(p.category_names, p.category_counts.tolist())) == counts.to_dict()
    hot = here_now.groupby([here_now["when"].dt.dayofweek, here_now["when"].dt.hour]).size()
    expected = np.zeros((7, 24))
    for (day, hour), n in hot.items():
        expected[day, hour] = n
    assert np.array_equal(p.hot_times, expected)
