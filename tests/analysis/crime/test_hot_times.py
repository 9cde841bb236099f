"""Aoristic hot times against the rules in REFERENCES.md and a minute-by-minute brute force."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from besecure.analysis.crime.hot_times import (
    HOURS_PER_WEEK,
    aoristic_matrix,
    hot_times,
    hot_times_frame,
    hour_of_week,
    to_minutes,
)


def minutes(text):
    return to_minutes(np.array(text, dtype="datetime64[m]"))


def brute_force(start_min: float, end_min: float) -> np.ndarray:
    """Independent reference: walk the window one minute at a time."""
    out = np.zeros(HOURS_PER_WEEK)
    total = int(end_min - start_min)
    for m in range(int(start_min), int(end_min)):
        out[hour_of_week(np.array([m]))[0]] += 1.0 / total
    return out


def test_epoch_monday_is_hour_zero():
    # 2019-01-07 was a Monday; 2019-01-13 23:30 a Sunday.
    assert hour_of_week(minutes(["2019-01-07T00:00", "2019-01-07T10:59", "2019-01-13T23:30"])).tolist() == [0, 10, 167]


def test_minute_exact_split():
    # Monday 10:30 -> 12:00: 30 minutes in 10h, 60 in 11h (start inclusive, end exclusive).
    w = aoristic_matrix(minutes(["2019-01-07T10:30"]), minutes(["2019-01-07T12:00"]))[0]
    assert w[10] == pytest.approx(1 / 3)
    assert w[11] == pytest.approx(2 / 3)
    assert w[12] == 0.0
    assert w.sum() == pytest.approx(1.0)


def test_missing_end_and_end_before_start_go_to_start_hour():
    s = minutes(["2019-01-08T22:15", "2019-01-08T22:15", "2019-01-08T22:15"])
    e = np.array([np.nan, minutes(["2019-01-08T20:00"])[0], s[0]])
    w = aoristic_matrix(s, e)
    assert np.all(w[:, 24 + 22] == 1.0)
    assert np.all(w.sum(axis=1) == 1.0)


def test_window_over_a_week_is_uniform():
    w = aoristic_matrix(minutes(["2019-01-08T22:15"]), minutes(["2019-01-20T10:00"]))[0]
    assert np.allclose(w, 1 / 168)


def test_window_crossing_sunday_midnight_wraps_to_monday():
    w = aoristic_matrix(minutes(["2019-01-13T23:00"]), minutes(["2019-01-14T01:00"]))[0]
    assert w[167] == pytest.approx(0.5) and w[0] == pytest.approx(0.5)


@settings(max_examples=60, deadline=None)
@given(start=st.integers(0, 3 * 10080), length=st.integers(1, 10079))
def test_matches_minute_by_minute_brute_force(start, length):
    s = 25_000_000 + start
    got = aoristic_matrix(np.array([float(s)]), np.array([float(s + length)]))[0]
    assert np.allclose(got, brute_force(s, s + length), atol=1e-12)


def test_hot_times_groups_and_sum():
    s = minutes(["2019-01-07T10:30", "2019-01-08T10:30", "2019-01-09T03:00"])
    e = np.array([minutes(["2019-01-07T12:00"])[0], np.nan, np.nan])
    table = hot_times(s, e, group=np.array([0, 1, -1]), n_groups=2)
    assert table.shape == (2, 168)
    assert table.sum() == pytest.approx(2.0)
    assert table[1, 24 + 10] == 1.0


def test_hot_times_frame_is_long_with_shares_per_group():
    table = np.zeros((2, 168))
    table[0, 25] = 3.0  # Tuesday 01:00-02:00
    table[0, 167] = 1.0  # Sunday 23:00-24:00
    frame = hot_times_frame(table, np.array(["north", "south"], dtype=object))
    assert len(frame) == 2 * 168 and frame.columns.tolist() == ["zone", "weekday", "day", "hour", "weight", "share"]
    row = frame.iloc[25]
    assert (row.zone, row.weekday, row.day, row.hour, row.weight, row.share) == ("north", 1, "Tuesday", 1, 3.0, 0.75)
    assert (frame.iloc[167].day, frame.iloc[167].hour, frame.iloc[167].share) == ("Sunday", 23, 0.25)
    assert frame.share[168:].isna().all()  # a group without incidents has no shares
    assert "zone" not in hot_times_frame(table[:1]).columns
