"""The two periods of a before/after comparison: standard windows, lengths, overlap and data coverage.

A period is half-open, [start, end), in local wall-clock time (numpy ``datetime64[m]``); whole-day
periods are shown by their first and last day. The standard windows follow the conventions of
CompStat-style crime reports (same calendar dates, whole days, the reference day included):

- **year to date**: B = 1 January of the reference year up to the reference day; A = the same
  calendar dates one year earlier;
- **last 28 days**: B = the 28 days ending on the reference day; A = the 28 days before;
- **same period last year**: A = B's calendar dates one year earlier.

"One year earlier" keeps month and day; 29 February becomes 28 February (the last day of that
February). Periods crossing a 29 February therefore differ by one day in length, which is why the
comparison is made on rates per day (:func:`.change.compare_periods`).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

import numpy as np

from ..errors import InputError

EXPLICIT = "explicit"
YEAR_TO_DATE = "year_to_date"
LAST_28_DAYS = "last_28_days"
SAME_PERIOD_LAST_YEAR = "same_period_last_year"
PRESETS: tuple[str, ...] = (EXPLICIT, YEAR_TO_DATE, LAST_28_DAYS, SAME_PERIOD_LAST_YEAR)

ONE_DAY = np.timedelta64(1, "D")


@dataclass(frozen=True)
class Period:
    """[start, end) as ``datetime64[m]``."""

    start: np.datetime64
    end: np.datetime64

    @classmethod
    def days(cls, first: dt.date, last: dt.date) -> Period:
        """The whole days from ``first`` to ``last``, both included."""
        if last < first:
            raise InputError("The period's last day ({}) is before its first day ({}).", last, first)
        return cls(np.datetime64(first, "m"), np.datetime64(last + dt.timedelta(days=1), "m"))

    @property
    def length_days(self) -> float:
        """Length in days (fractional when the bounds carry times)."""
        return float((self.end - self.start) / np.timedelta64(1, "m")) / 1440.0

    @property
    def whole_days(self) -> bool:
        return bool(self.start == self.start.astype("datetime64[D]") and self.end == self.end.astype("datetime64[D]"))

    def __str__(self) -> str:
        """'2019-01-01 – 2019-12-31' (last day included) for whole days, else 'start – end' (end excluded)."""
        if self.whole_days:
            return f"{self.start.astype('datetime64[D]')} – {(self.end.astype('datetime64[D]') - ONE_DAY)}"
        return f"{self.start} – {self.end}"


def year_earlier(day: dt.date) -> dt.date:
    """The same calendar date one year earlier; 29 February becomes 28 February."""
    if day.month == 2 and day.day == 29:
        return dt.date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)


def same_period_last_year(b: Period) -> tuple[Period, Period]:
    """(A, B): A is B's first and last day one year earlier (B must be whole days)."""
    if not b.whole_days:
        raise InputError("Give whole days for period B ({}) to compare with the same period last year.", b)
    first = b.start.astype("datetime64[D]").astype(dt.date)
    last = (b.end.astype("datetime64[D]") - ONE_DAY).astype(dt.date)
    return Period.days(year_earlier(first), year_earlier(last)), b


def year_to_date(reference: dt.date) -> tuple[Period, Period]:
    """(A, B): B = 1 January .. ``reference``; A = the same calendar dates one year earlier."""
    b = Period.days(dt.date(reference.year, 1, 1), reference)
    return same_period_last_year(b)


def last_days(reference: dt.date, days: int = 28) -> tuple[Period, Period]:
    """(A, B): B = the ``days`` days ending on ``reference`` (included); A = the ``days`` days before."""
    if days < 1:
        raise InputError("A window needs at least one day, got {}.", days)
    b_first = reference - dt.timedelta(days=days - 1)
    a_first = b_first - dt.timedelta(days=days)
    return Period.days(a_first, b_first - dt.timedelta(days=1)), Period.days(b_first, reference)


def preset_periods(preset: str, reference: dt.date | None = None, b: Period | None = None) -> tuple[Period, Period]:
    """(A, B) of a standard window: ``reference`` for year to date and the last 28 days, ``b`` for the
    same period last year."""
    if preset in (YEAR_TO_DATE, LAST_28_DAYS):
        if reference is None:
            raise InputError("A reference date is needed for this window.")
        return year_to_date(reference) if preset == YEAR_TO_DATE else last_days(reference, 28)
    if preset == SAME_PERIOD_LAST_YEAR:
        if b is None:
            raise InputError("Give period B (start and end) to compare it with the same period last year.")
        return same_period_last_year(b)
    raise InputError("Unknown window '{}'; choose one of {}.", preset, ', '.join(PRESETS[1:]))


def in_period(times: np.ndarray, start: np.datetime64 | None, end: np.datetime64 | None) -> np.ndarray:
    """Times that are valid (not NaT) and in [start, end); an open (None) bound does not limit."""
    times = np.asarray(times)
    mask = ~np.isnat(times)
    if start is not None:
        mask &= times >= start
    if end is not None:
        mask &= times < end
    return mask


def overlap(a: Period, b: Period) -> bool:
    """True when the two periods share any moment."""
    return bool(a.start < b.end and b.start < a.end)


def data_days(times: np.ndarray) -> tuple[dt.date, dt.date] | None:
    """The first and last day with a (valid) incident time, or None when there is none."""
    valid = np.asarray(times)[~np.isnat(times)]
    if valid.size == 0:
        return None
    return (valid.min().astype("datetime64[D]").astype(dt.date), valid.max().astype("datetime64[D]").astype(dt.date))


def coverage(period: Period, first: dt.date, last: dt.date) -> tuple[bool, bool]:
    """(starts before the first day with data, runs past the last day with data).

    A count over days the data do not cover is not a count of zero: it is missing.
    """
    starts_before = bool(period.start < np.datetime64(first, "m"))
    runs_past = bool(period.end > np.datetime64(last + dt.timedelta(days=1), "m"))
    return starts_before, runs_past


def as_minutes(value: object) -> np.datetime64:
    """``value`` (a datetime64, date, datetime or ISO text) as ``datetime64[m]``."""
    return cast(np.datetime64, np.asarray(value, dtype="datetime64[m]")[()])


def fill_open(start: np.datetime64 | None, end: np.datetime64 | None, first: dt.date, last: dt.date) -> Period:
    """A period whose missing bounds are the data's first day and the day after its last day."""
    s = np.datetime64(first, "m") if start is None else as_minutes(start)
    e = np.datetime64(last + dt.timedelta(days=1), "m") if end is None else as_minutes(end)
    if e <= s:
        raise InputError("The period end ({}) is not after its start ({}).", e, s)
    return Period(s, e)
