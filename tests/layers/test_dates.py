"""layers.dates: text and datetime values to local wall-clock minutes, against hand-written times."""
import datetime as dt
from zoneinfo import ZoneInfo

import numpy as np
import pytest

from besecure.analysis.errors import InputError
from besecure.layers.dates import parse_bound, parse_datetimes, period_bounds, period_mask, period_selection


def minutes(*args):
    return np.datetime64(dt.datetime(*args), "m")


def parsed(values, timezone=None):
    return parse_datetimes(np.array(values, dtype=object), timezone)


def test_iso_forms_and_missing_and_unparseable():
    p = parsed(["2019-06-22T19:05:00", "2019-06-22 19:05", " 2019-06-22 19:05:59 ", None, "", "   ", "yesterday",
                "2019-06-22"])
    assert p.times.tolist()[:3] == [minutes(2019, 6, 22, 19, 5).item()] * 3
    assert p.times[7] == minutes(2019, 6, 22, 0, 0)
    assert np.isnat(p.times[3:7]).all()
    assert (p.n_missing, p.n_unparseable) == (3, 1)


def test_offsets_are_converted_to_the_time_zone():
    values = ["2019-06-22T17:00:00Z", "2019-01-10T17:00:00+00:00", "2019-06-22T21:00:00+04:00"]
    p = parsed(values, "Europe/Amsterdam")
    expected = [dt.datetime(2019, 6, 22, 17, tzinfo=dt.UTC), dt.datetime(2019, 1, 10, 17, tzinfo=dt.UTC),
                dt.datetime(2019, 6, 22, 17, tzinfo=dt.UTC)]
    local = [e.astimezone(ZoneInfo("Europe/Amsterdam")).replace(tzinfo=None) for e in expected]
    assert p.times.tolist() == [np.datetime64(t, "m").item() for t in local]  # summer +2, winter +1


def test_day_month_order_is_decided_from_the_data():
    us = parsed(["06/22/2019 7:05 PM", "01/02/2019 08:00"])  # a second number above 12: month first
    assert us.times.tolist() == [minutes(2019, 6, 22, 19, 5).item(), minutes(2019, 1, 2, 8, 0).item()]
    eu = parsed(["22-06-2019 19:05", "01-02-2019 08:00"])  # a first number above 12: day first
    assert eu.times.tolist() == [minutes(2019, 6, 22, 19, 5).item(), minutes(2019, 2, 1, 8, 0).item()]
    dots = parsed(["01.02.2019 08:00"])  # ambiguous, dots: day first (Dutch exports)
    assert dots.times[0] == minutes(2019, 2, 1, 8, 0)
    slashes = parsed(["01/02/2019 08:00"])  # ambiguous, slashes: month first (US exports)
    assert slashes.times[0] == minutes(2019, 1, 2, 8, 0)


def test_am_pm_and_mixed_time_forms_read_alike_in_pandas_1_and_2():
    # An AM value first: pandas 1.5's inferred format read every later PM as AM (10:00 for 10:00 PM).
    us = parsed(["01/08/2024 09:15:00 AM", "01/13/2024 10:00:00 PM", "1/14/2024 12:05 AM", "1/14/2024 12:05 PM"])
    assert us.times.tolist() == [minutes(2024, 1, 8, 9, 15).item(), minutes(2024, 1, 13, 22, 0).item(),
                                 minutes(2024, 1, 14, 0, 5).item(), minutes(2024, 1, 14, 12, 5).item()]
    # Seconds on some values only, and a date without time: none is lost (pandas 2 made them NaT).
    nl = parsed(["8-1-2024 9:15", "9-1-2024 10:20:30", "13-1-2024", "14.1.2024 23:59"])
    assert nl.times.tolist() == [minutes(2024, 1, 8, 9, 15).item(), minutes(2024, 1, 9, 10, 20).item(),
                                 minutes(2024, 1, 13, 0, 0).item(), minutes(2024, 1, 14, 23, 59).item()]
    assert nl.n_unparseable == 0


def test_day_month_year_dates_are_not_taken_for_utc_offsets():
    # "-2024" at the end looked like a UTC offset of -20:24: the date went through UTC (an hour off in
    # Amsterdam) and its day and month were read month first.
    p = parsed(["13-01-2024", "1-2-2024", "2024-01-13T10:00:00-05:00"], "Europe/Amsterdam")
    assert p.times.tolist() == [minutes(2024, 1, 13, 0, 0).item(), minutes(2024, 2, 1, 0, 0).item(),
                                minutes(2024, 1, 13, 16, 0).item()]


def test_repeated_values_parse_like_single_ones():
    rng = np.random.default_rng(5)
    base = ["2021-03-04 05:06", "2021-03-04T05:06:00", " 2021-12-31 23:59 ", None, "", "not a date",
            "2021-07-01T10:00:00+02:00"]
    values = [base[i] for i in rng.integers(0, len(base), 5000)]
    p = parsed(values, "Europe/Amsterdam")
    one_by_one = [parsed([v], "Europe/Amsterdam") for v in base]
    lookup = {i: one.times[0] for i, one in enumerate(one_by_one)}
    index = [base.index(v) for v in values]
    expected = np.array([lookup[i] for i in index], dtype="datetime64[m]")
    assert np.array_equal(p.times.astype("int64"), expected.astype("int64"))  # NaT compared too
    assert p.n_missing == sum(v is None or not str(v).strip() for v in values)
    assert p.n_unparseable == values.count("not a date")


def test_datetime_values_pass_through():
    values = np.array(["2020-02-29T12:34:56", "NaT"], dtype="datetime64[ms]")
    p = parse_datetimes(values)
    assert p.times[0] == minutes(2020, 2, 29, 12, 34) and np.isnat(p.times[1]) and p.n_missing == 1


def test_period_bounds():
    assert parse_bound("2019-01-01", "START") == minutes(2019, 1, 1, 0, 0)
    assert parse_bound(" 2019-01-01 08:30 ", "END") == minutes(2019, 1, 1, 8, 30)
    assert parse_bound("", "START") is None
    with pytest.raises(ValueError, match="START: 'soon' is not a date"):
        parse_bound("soon", "START")


def test_qdatetime_time_specs_utc_offset_and_local():
    """QDateTime values (datetime fields read feature by feature): the time spec decides the conversion."""
    from qgis.PyQt.QtCore import QDate, QDateTime, Qt, QTime

    utc = QDateTime(QDate(2019, 6, 22), QTime(17, 0), Qt.TimeSpec.UTC)
    plus4 = QDateTime(QDate(2019, 6, 22), QTime(21, 0), Qt.TimeSpec.OffsetFromUTC, 4 * 3600)
    local = QDateTime(QDate(2019, 6, 22), QTime(19, 5))
    p = parsed([utc, plus4, local], "Europe/Amsterdam")
    amsterdam = ZoneInfo("Europe/Amsterdam")
    expected = [dt.datetime(2019, 6, 22, 17, 0, tzinfo=dt.UTC).astimezone(amsterdam),
                dt.datetime(2019, 6, 22, 21, 0, tzinfo=dt.timezone(dt.timedelta(hours=4))).astimezone(amsterdam)]
    assert p.times.tolist()[:2] == [e.replace(tzinfo=None) for e in expected]  # 19:00 and 19:00 CEST
    assert p.times[2] == minutes(2019, 6, 22, 19, 5)  # no spec: already wall-clock time


def test_a_date_only_end_includes_its_whole_day():
    assert period_bounds("2020-01-01", "2020-01-31") == (minutes(2020, 1, 1, 0, 0), minutes(2020, 2, 1, 0, 0))
    # An end with a time is exclusive at that minute.
    assert period_bounds("2020-01-01", "2020-01-31 08:00") == (minutes(2020, 1, 1, 0, 0),
                                                                minutes(2020, 1, 31, 8, 0))
    assert period_bounds("", "") == (None, None)
    with pytest.raises(InputError, match=r"The period end \(2020-01-01 00:00\) is not after its start"):
        period_bounds("2020-01-01", "2020-01-01 00:00")
    with pytest.raises(InputError, match="BEFORE_END: 'later' is not a date"):
        period_bounds("2020-01-01", "later", "BEFORE_")


def test_period_mask_and_selection():
    p = parsed(["2020-01-31 23:59", "2020-02-01 00:00", "2019-12-31 23:59", None, "soon"])
    assert period_mask(p.times, "2020-01-01", "2020-01-31").tolist() == [True, False, False, False, False]
    assert period_mask(p.times, "", "2020-01-31").tolist() == [True, False, True, False, False]
    # No period: every incident with a usable time.
    assert period_selection(p, "", "", "when").tolist() == [True, True, True, False, False]
    assert period_selection(p, "2020-02-01", "", "when").tolist() == [False, True, False, False, False]
    with pytest.raises(InputError, match="no incidents between 2021-01-01 and the end in 'when'"):
        period_selection(p, "2021-01-01", "", "when")
