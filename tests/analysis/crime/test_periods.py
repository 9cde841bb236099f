"""Standard comparison windows, overlap and data coverage against hand-written calendar dates."""
import datetime as dt

import numpy as np
import pytest

from besecure.analysis.crime import periods as pr

D = dt.date


def days(period: pr.Period) -> tuple[dt.date, dt.date, float]:
    """(first day, last day, length in days) of a whole-day period."""
    first = period.start.astype("datetime64[D]").astype(dt.date)
    last = (period.end.astype("datetime64[D]") - np.timedelta64(1, "D")).astype(dt.date)
    return first, last, period.length_days


def test_year_to_date():
    a, b = pr.year_to_date(D(2019, 9, 29))  # Chicago's last incident date
    assert days(b) == (D(2019, 1, 1), D(2019, 9, 29), 272)
    assert days(a) == (D(2018, 1, 1), D(2018, 9, 29), 272)


def test_year_to_date_on_and_after_29_february():
    # On 29 February 2020: last year had no 29 February, so A ends on 28 February (59 days against 60).
    a, b = pr.year_to_date(D(2020, 2, 29))
    assert days(b) == (D(2020, 1, 1), D(2020, 2, 29), 60)
    assert days(a) == (D(2019, 1, 1), D(2019, 2, 28), 59)
    # Later in a leap year the same calendar dates differ by the one day, too.
    a, b = pr.year_to_date(D(2020, 3, 10))
    assert (days(a)[2], days(b)[2]) == (69, 70)
    # The year after a leap year: A (2020) holds 29 February, B does not.
    a, b = pr.year_to_date(D(2021, 3, 1))
    assert days(a) == (D(2020, 1, 1), D(2020, 3, 1), 61)
    assert days(b) == (D(2021, 1, 1), D(2021, 3, 1), 60)


def test_last_28_days():
    a, b = pr.last_days(D(2019, 9, 29))
    assert days(b) == (D(2019, 9, 2), D(2019, 9, 29), 28)
    assert days(a) == (D(2019, 8, 5), D(2019, 9, 1), 28)
    # Across a year end and a 29 February.
    a, b = pr.preset_periods(pr.LAST_28_DAYS, reference=D(2020, 3, 5))
    assert days(b) == (D(2020, 2, 7), D(2020, 3, 5), 28)
    assert days(a) == (D(2020, 1, 10), D(2020, 2, 6), 28)


def test_same_period_last_year():
    b = pr.Period.days(D(2019, 1, 1), D(2019, 12, 31))
    a, b2 = pr.preset_periods(pr.SAME_PERIOD_LAST_YEAR, b=b)
    assert b2 == b
    assert days(a) == (D(2018, 1, 1), D(2018, 12, 31), 365)
    # B starting on 29 February: A starts on 28 February (one day longer than the same dates would be).
    a, _ = pr.same_period_last_year(pr.Period.days(D(2024, 2, 29), D(2024, 3, 31)))
    assert days(a) == (D(2023, 2, 28), D(2023, 3, 31), 32)
    # A whole leap year against the year before: 366 days against 365.
    a, b = pr.same_period_last_year(pr.Period.days(D(2020, 1, 1), D(2020, 12, 31)))
    assert (days(a)[2], days(b)[2]) == (365, 366)


def test_overlap():
    y2018 = pr.Period.days(D(2018, 1, 1), D(2018, 12, 31))
    y2019 = pr.Period.days(D(2019, 1, 1), D(2019, 12, 31))
    assert not pr.overlap(y2018, y2019) and not pr.overlap(y2019, y2018)  # touching is not overlapping
    assert pr.overlap(y2018, pr.Period.days(D(2018, 12, 31), D(2019, 1, 31)))  # one shared day
    assert pr.overlap(y2019, pr.Period.days(D(2019, 3, 1), D(2019, 3, 31)))  # inside
    # A B longer than a year overlaps its own "same period last year".
    a, b = pr.same_period_last_year(pr.Period.days(D(2018, 6, 1), D(2019, 6, 30)))
    assert pr.overlap(a, b)


def test_coverage_and_data_days():
    times = np.array(["2017-01-01T00:05", "NaT", "2019-09-29T23:50", "2018-05-05T12:00"], dtype="datetime64[m]")
    first, last = pr.data_days(times)
    assert (first, last) == (D(2017, 1, 1), D(2019, 9, 29))
    assert pr.data_days(np.array(["NaT"], dtype="datetime64[m]")) is None
    y2019 = pr.Period.days(D(2019, 1, 1), D(2019, 12, 31))
    assert pr.coverage(y2019, first, last) == (False, True)
    assert pr.coverage(pr.Period.days(D(2019, 1, 1), D(2019, 9, 29)), first, last) == (False, False)
    assert pr.coverage(pr.Period.days(D(2019, 1, 1), D(2019, 9, 30)), first, last) == (False, True)
    assert pr.coverage(pr.Period.days(D(2016, 12, 31), D(2017, 6, 30)), first, last) == (True, False)


def test_open_bounds_and_labels():
    p = pr.fill_open(None, np.datetime64("2018-01-01T00:00"), D(2017, 1, 1), D(2019, 9, 29))
    assert str(p) == "2017-01-01 – 2017-12-31" and p.length_days == 365
    p = pr.fill_open(np.datetime64("2019-01-01T00:00"), None, D(2017, 1, 1), D(2019, 9, 29))
    assert str(p) == "2019-01-01 – 2019-09-29"
    half = pr.Period(np.datetime64("2019-01-01T06:00"), np.datetime64("2019-01-02T18:00"))
    assert half.length_days == 1.5 and not half.whole_days


@pytest.mark.parametrize("call, message", [
    (lambda: pr.preset_periods(pr.YEAR_TO_DATE), "reference date"),
    (lambda: pr.preset_periods(pr.SAME_PERIOD_LAST_YEAR), "Give period B"),
    (lambda: pr.preset_periods("weekly"), "Unknown window"),
    (lambda: pr.Period.days(D(2019, 2, 1), D(2019, 1, 1)), "before its first day"),
    (lambda: pr.same_period_last_year(pr.Period(np.datetime64("2019-01-01T06:00"),
                                                np.datetime64("2019-02-01T00:00"))), "whole days"),
])
def test_bad_input_says_what_to_change(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_in_period_is_half_open_and_drops_missing_times():
    t = np.array(["2019-12-31T23:59", "2020-01-01T00:00", "2020-01-15T12:00", "2020-02-01T00:00", "NaT"],
                 dtype="datetime64[m]")
    start, end = np.datetime64("2020-01-01T00:00", "m"), np.datetime64("2020-02-01T00:00", "m")
    assert pr.in_period(t, start, end).tolist() == [False, True, True, False, False]
    assert pr.in_period(t, None, end).tolist() == [True, True, True, False, False]
    assert pr.in_period(t, start, None).tolist() == [False, True, True, True, False]
    assert pr.in_period(t, None, None).tolist() == [True, True, True, True, False]
