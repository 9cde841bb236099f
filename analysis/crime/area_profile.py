"""The Compass's area profile: one area's incident figures against the city's.

For one area and a period [start, end): the count, the rate per 1,000 residents, the share of the
city (all incidents inside any area), the rank among areas, the change against the previous period
of equal length with its Poisson z (:mod:`.change`), the monthly series of the area and of the city,
the counts per category and the 7 x 24 hot-times grid (:func:`.aoristic.hot_times`). The per-area
table itself is :func:`.aggregate.aggregate_counts`, so the Compass and ``besecure:aggregateincidents``
agree by construction.

Cost model (an interactive dock: every click on the map is a selection):

- :func:`build_index` once per layer choice: the area of each incident (point-in-polygon is done by
  the caller), the month index and minutes of each incident, category codes;
- :func:`summarise_period` once per period: counts per area in the period and the one before,
  the whole-city table (share, rank, rate) and the change table;
- :func:`area_profile` per selection: one masked comparison over the incidents and a few
  ``bincount`` calls over the area's own incidents; no pass over the areas.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..errors import InputError
from .aggregate import CategoryCodes, aggregate_counts, category_codes
from .hot_times import hot_times, to_minutes
from .period_change import compare_periods
from .periods import as_minutes

WEEKDAYS = 7
HOURS = 24


@dataclass(frozen=True)
class IncidentIndex:
    """Per-incident lookups computed once per layer (see :func:`build_index`)."""

    unit: np.ndarray  # area index per incident, -1 outside every area
    times: np.ndarray  # datetime64[m], NaT when the time is unknown
    start_min: np.ndarray  # minutes since the epoch (NaN for NaT), for the aoristic hot times
    end_min: np.ndarray | None  # window ends in minutes (NaN: no end), or None without an end field
    month: np.ndarray  # month index from ``first_month`` (-1 for NaT)
    first_month: np.datetime64  # datetime64[M]
    n_months: int
    categories: CategoryCodes | None
    n_units: int
    area_m2: np.ndarray
    population: np.ndarray | None
    city_monthly: np.ndarray  # incidents inside any area per month, whole time range

    @property
    def months(self) -> np.ndarray:
        """The calendar month (datetime64[M]) of every position of the monthly series."""
        return self.first_month + np.arange(self.n_months)

    @property
    def time_range(self) -> tuple[np.datetime64, np.datetime64] | None:
        """(first, last) valid incident time, or None when no incident has one."""
        valid = self.times[~np.isnat(self.times)]
        if valid.size == 0:
            return None
        return valid.min(), valid.max()


@dataclass(frozen=True)
class PeriodSummary:
    """Whole-city figures for one period and the previous one of equal length."""

    start: np.datetime64
    end: np.datetime64
    previous_start: np.datetime64
    in_period: np.ndarray  # bool per incident (valid time in [start, end))
    table: pd.DataFrame  # aggregate_counts of the period: count, rate_1000, share, rank, ...
    change: pd.DataFrame  # compare_periods(previous, current): diff, pct_change, poisson_z, p_value, q_value, trend
    city_count: int
    city_previous: int


@dataclass(frozen=True)
class AreaProfile:
    """Everything the Compass shows for one area in one period."""

    unit: int
    count: int
    rate_1000: float  # NaN without a (positive) population
    per_km2: float
    share: float  # of the city's incidents in the period (0..1)
    rank: int  # 1 = most incidents; ties by area order
    n_units: int
    previous_count: int
    diff: int
    pct_change: float  # NaN when the previous count is 0
    poisson_z: float
    p_value: float  # exact conditional test of equal rates (analysis.crime.period_change)
    q_value: float  # Benjamini-Hochberg over the areas with incidents in either period
    trend: str
    months: np.ndarray  # datetime64[M]
    monthly: np.ndarray  # the area's incidents per month (whole time range)
    city_monthly: np.ndarray  # the city's incidents per month
    category_names: tuple[str, ...]  # most frequent in the area first; empty without categories
    category_counts: np.ndarray
    hot_times: np.ndarray  # (7, 24): Monday..Sunday x 0..23 h, aoristic weights
    start: np.datetime64
    end: np.datetime64
    previous_start: np.datetime64

    @property
    def city_monthly_scaled(self) -> np.ndarray:
        """The city's monthly series scaled to the area's total, so the two shapes share one axis."""
        city_total = self.city_monthly.sum()
        if city_total <= 0:
            return np.zeros(self.city_monthly.shape)
        return self.city_monthly * (self.monthly.sum() / city_total)


def _datetimes(values: np.ndarray, name: str) -> np.ndarray:
    arr = np.asarray(values)
    if not np.issubdtype(arr.dtype, np.datetime64):
        raise ValueError(f"The {name} must be date/time values (numpy datetime64); parse the time field first.")
    return arr.astype("datetime64[m]")


def build_index(
    unit: np.ndarray,
    times: np.ndarray,
    n_units: int,
    *,
    area_m2: np.ndarray | None = None,
    population: np.ndarray | None = None,
    categories: np.ndarray | list | None = None,
    end_times: np.ndarray | None = None,
) -> IncidentIndex:
    """Precompute the per-incident lookups for one incident layer and one area layer.

    ``unit``: each incident's area index (-1 outside every area); ``times``: datetime64 (NaT when
    unknown); ``categories``: one value per incident (None / empty = no category), encoded with
    :func:`.aggregate.category_codes`; ``end_times``: optional window ends for aoristic hot times.
    """
    unit = np.asarray(unit, dtype=np.int64)
    times = _datetimes(times, "incident times")
    n = unit.size
    if n_units < 1:
        raise InputError("The area layer has no areas; choose a polygon layer with at least one feature.")
    if times.size != n:
        raise ValueError(f"Got {n} area indices but {times.size} times; give one value per incident.")
    if n and (unit.max() >= n_units or unit.min() < -1):
        raise ValueError(f"Area indices must lie in -1..{n_units - 1}.")
    area = np.full(n_units, np.nan) if area_m2 is None else np.asarray(area_m2, dtype=float)
    pop = None if population is None else np.asarray(population, dtype=float)
    for name, arr in (("area", area), ("population", pop)):
        if arr is not None and arr.size != n_units:
            raise ValueError(f"Got {arr.size} {name} values for {n_units} areas; give one per area.")
    cats = None
    if categories is not None:
        if len(categories) != n:
            raise ValueError(f"Got {len(categories)} categories for {n} incidents; give one per incident.")
        cats = category_codes(categories)
    end_min = None
    if end_times is not None:
        end = _datetimes(end_times, "window ends")
        if end.size != n:
            raise ValueError(f"Got {end.size} window ends for {n} incidents; give one per incident.")
        end_min = to_minutes(end)
    valid = ~np.isnat(times)
    month_abs = times.astype("datetime64[M]").astype(np.int64)
    if valid.any():
        first = int(month_abs[valid].min())
        n_months = int(month_abs[valid].max()) - first + 1
    else:
        first, n_months = 0, 0
    month = np.where(valid, month_abs - first, -1)
    counted = valid & (unit >= 0)
    city_monthly = np.bincount(month[counted], minlength=n_months)[:n_months]
    return IncidentIndex(unit, times, to_minutes(times), end_min, month, np.datetime64(first, "M"), n_months,
                         cats, int(n_units), area, pop, city_monthly)


def summarise_period(index: IncidentIndex, start: np.datetime64, end: np.datetime64) -> PeriodSummary:
    """City-wide table for [start, end) and the change against [start - (end - start), start)."""
    start = as_minutes(start)
    end = as_minutes(end)
    if np.isnat(start) or np.isnat(end) or end <= start:
        raise InputError("The period end ({}) must be after its start ({}).", end, start)
    previous_start = start - (end - start)
    valid = ~np.isnat(index.times)
    inside = index.unit >= 0
    in_period = valid & (index.times >= start) & (index.times < end)
    in_previous = valid & (index.times >= previous_start) & (index.times < start)
    current = np.where(in_period, index.unit, -1)
    previous = np.bincount(index.unit[in_previous & inside], minlength=index.n_units)[: index.n_units]
    table = aggregate_counts(current, index.n_units, index.area_m2, population=index.population)
    days = float((end - start) / np.timedelta64(1, "m")) / 1440.0
    change = compare_periods(previous, table["count"].to_numpy(), days, days)
    return PeriodSummary(start, end, previous_start, in_period, table, change,
                         int(table["count"].sum()), int(previous.sum()))


def area_profile(index: IncidentIndex, summary: PeriodSummary, unit: int) -> AreaProfile:
    """The profile of area ``unit`` (0-based, in area-layer order) in ``summary``'s period."""
    if not 0 <= unit < index.n_units:
        raise ValueError(f"Area index {unit} is outside 0..{index.n_units - 1}.")
    row = summary.table.iloc[unit]
    change = summary.change.iloc[unit]
    here = np.flatnonzero(index.unit == unit)
    months = index.month[here]
    monthly = np.bincount(months[months >= 0], minlength=index.n_months)[: index.n_months]
    now = here[summary.in_period[here]]
    names: tuple[str, ...] = ()
    counts = np.zeros(0, dtype=np.int64)
    if index.categories is not None:
        codes = index.categories.codes[now]
        per = np.bincount(codes[codes >= 0], minlength=len(index.categories.names))
        order = np.lexsort((np.arange(per.size), -per))
        order = order[per[order] > 0]
        names = tuple(index.categories.names[i] for i in order)
        counts = per[order]
    end_min = None if index.end_min is None else index.end_min[now]
    grid = hot_times(index.start_min[now], end_min).reshape(WEEKDAYS, HOURS)
    return AreaProfile(
        unit=int(unit),
        count=int(row["count"]),
        rate_1000=float(row["rate_1000"]) if "rate_1000" in row.index else float("nan"),
        per_km2=float(row["per_km2"]),
        share=float(row["share"]),
        rank=int(row["rank"]),
        n_units=index.n_units,
        previous_count=int(change["count_a"]),
        diff=int(change["diff"]),
        pct_change=float(change["pct_change"]),
        poisson_z=float(change["poisson_z"]),
        p_value=float(change["p_value"]),
        q_value=float(change["q_value"]),
        trend=str(change["trend"]),
        months=index.months,
        monthly=monthly,
        city_monthly=index.city_monthly,
        category_names=names,
        category_counts=counts,
        hot_times=grid,
        start=summary.start,
        end=summary.end,
        previous_start=summary.previous_start,
    )


def default_period(index: IncidentIndex, months: int = 12) -> tuple[np.datetime64, np.datetime64] | None:
    """The last ``months`` calendar months with data: [first day, first day after the last month)."""
    if index.n_months == 0:
        return None
    end = index.first_month + index.n_months
    start = end - min(months, max(1, index.n_months // 2))
    return start.astype("datetime64[m]"), end.astype("datetime64[m]")
