"""Hot times: the 7 x 24 weekday-by-hour table, with aoristic weights for uncertain times.

Aoristic analysis (Ratcliffe 2000, "Aoristic analysis: the spatial interpretation of unspecific
temporal events", IJGIS 14(7); R package ``aoristic``): an event known only to have happened
between ``start`` and ``end`` gets a weight in every hour of the week it may have happened in,
proportional to the minutes of the window falling in that hour. Rules:

- start inclusive, end exclusive, to the minute; weights sum to 1 per event;
- a missing end, an end equal to or before the start: the whole weight on the start hour;
- a window of a week or longer: 1/168 in every hour of the week.

Times are local wall-clock times expressed as minutes since 1970-01-01 00:00 (a Thursday).
Hours of the week are numbered Monday 00:00-01:00 = 0 ... Sunday 23:00-24:00 = 167.
"""
from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pandas as pd

from ..errors import Cancelled, InputError

MINUTES_PER_WEEK = 7 * 24 * 60
HOURS_PER_WEEK = 168
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# 1970-01-05 was the first Monday after the epoch.
_MONDAY_OFFSET_MIN = 4 * 24 * 60
_CHUNK = 20_000


def to_minutes(times: np.ndarray) -> np.ndarray:
    """datetime64 array -> float minutes since the epoch (NaN for NaT)."""
    t = np.asarray(times).astype("datetime64[m]")
    out = t.astype(np.int64).astype(float)
    out[np.isnat(t)] = np.nan
    return out


def hour_of_week(minutes: np.ndarray) -> np.ndarray:
    """Hour of the week (0 = Monday 00h) of each time in minutes; -1 for NaN."""
    m = np.asarray(minutes, dtype=float)
    ok = np.isfinite(m)
    how = np.full(m.shape, -1, dtype=np.int64)
    how[ok] = (np.floor((m[ok] - _MONDAY_OFFSET_MIN) / 60.0).astype(np.int64)) % HOURS_PER_WEEK
    return how


def aoristic_matrix(start_min: np.ndarray, end_min: np.ndarray | None = None) -> np.ndarray:
    """Weights (n, 168) of each event over the hours of the week, each row summing to 1.

    ``start_min`` must be finite; ``end_min`` may hold NaN for a missing end.
    """
    s = np.asarray(start_min, dtype=float)
    n = s.size
    out = np.zeros((n, HOURS_PER_WEEK))
    if n == 0:
        return out
    if not np.all(np.isfinite(s)):
        raise InputError("Every event needs a valid start time; drop or fix events without one first.")
    length = np.full(n, np.nan) if end_min is None else np.asarray(end_min, dtype=float) - s
    point = ~(length > 0)  # NaN (missing end), zero or negative length
    week = length >= MINUTES_PER_WEEK
    spread = ~point & ~week
    rows = np.arange(n)
    out[rows[point], hour_of_week(s[point])] = 1.0
    out[week] = 1.0 / HOURS_PER_WEEK
    if spread.any():
        idx = rows[spread]
        s_w = (s[idx] - _MONDAY_OFFSET_MIN) % MINUTES_PER_WEEK
        e_w = s_w + length[idx]
        # Hour slots over two weeks cover every window shorter than a week.
        lo = np.arange(2 * HOURS_PER_WEEK) * 60.0
        overlap = np.clip(np.minimum(e_w[:, None], lo + 60.0) - np.maximum(s_w[:, None], lo), 0.0, None)
        folded = overlap[:, :HOURS_PER_WEEK] + overlap[:, HOURS_PER_WEEK:]
        out[idx] = folded / length[idx, None]
    return out


def hot_times(
    start_min: np.ndarray,
    end_min: np.ndarray | None = None,
    group: np.ndarray | None = None,
    n_groups: int = 1,
    weights: np.ndarray | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    progress: Callable[[float], None] | None = None,
) -> np.ndarray:
    """Sum of aoristic weights per group and hour of the week: array (n_groups, 168).

    Index 0..167 = weekday * 24 + hour with Monday = 0. Events with group -1 are left out.
    Processed in chunks so memory stays bounded for millions of events.
    """
    s = np.asarray(start_min, dtype=float)
    g = np.zeros(s.size, dtype=np.int64) if group is None else np.asarray(group, dtype=np.int64)
    e = None if end_min is None else np.asarray(end_min, dtype=float)
    w = None if weights is None else np.asarray(weights, dtype=float)
    table = np.zeros((n_groups, HOURS_PER_WEEK))
    for start in range(0, s.size, _CHUNK):
        if is_cancelled is not None and is_cancelled():
            raise Cancelled()
        sl = slice(start, start + _CHUNK)
        keep = g[sl] >= 0
        m = aoristic_matrix(s[sl][keep], None if e is None else e[sl][keep])
        if w is not None:
            m *= w[sl][keep][:, None]
        _add_rows(table, g[sl][keep], m)
        if progress is not None:
            progress(100.0 * min(s.size, start + _CHUNK) / s.size)
    return table


def _add_rows(table: np.ndarray, rows: np.ndarray, values: np.ndarray) -> None:
    """``table[rows[i]] += values[i]`` for every i (what ``np.add.at`` does, which is ~50x slower in numpy 1.24).

    Rows are grouped by a stable sort and summed with ``reduceat``, so memory stays one copy of ``values``.
    """
    if rows.size == 0:
        return
    order = np.argsort(rows, kind="stable")
    sorted_rows = rows[order]
    starts = np.flatnonzero(np.r_[True, sorted_rows[1:] != sorted_rows[:-1]])
    table[sorted_rows[starts]] += np.add.reduceat(values[order], starts, axis=0)


def hot_times_frame(table: np.ndarray, zone_labels: np.ndarray | None = None) -> pd.DataFrame:
    """(n_groups, 168) weights of :func:`hot_times` -> a long table with ``weekday`` (0 = Monday),
    ``day``, ``hour``, ``weight`` and ``share`` of the group's total (NaN for a group without
    incidents), and ``zone`` first when ``zone_labels`` are given (one per group)."""
    n_groups = table.shape[0]
    how = np.tile(np.arange(HOURS_PER_WEEK), n_groups)
    totals = table.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        share = (table / np.where(totals > 0, totals, np.nan)[:, None]).ravel()
    frame = pd.DataFrame({
        "weekday": how // 24,
        "day": [WEEKDAYS[d] for d in how // 24],
        "hour": how % 24,
        "weight": table.ravel(),
        "share": share,
    })
    if zone_labels is not None:
        labels = np.asarray(zone_labels)
        frame.insert(0, "zone", np.repeat(labels.astype(str) if labels.dtype == object else labels, HOURS_PER_WEEK))
    return frame
