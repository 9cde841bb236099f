"""Emerging hot spot analysis: a space-time Getis-Ord Gi* cube, Mann-Kendall trends, 17 patterns.

Pure numpy / scipy (issue 3, item 5). The pipeline is the one of ArcGIS *Emerging Hot Spot
Analysis* and of the R package sfdep (``emerging_hotspot_analysis``):

1. :func:`time_bins` + :func:`build_cube` aggregate events into a ``n_times x n_locations`` cube.
2. :func:`spacetime_gi_star` computes a Gi* z-score for every bin, using the bin's spatial
   neighbours at the same and at the ``time_lag`` previous time steps; :func:`gi_star_p_values`
   (normal) or :func:`spacetime_gi_star_pseudo_p` (permutation, as sfdep) give p-values.
3. :func:`mann_kendall` tests each location's series of Gi* z-scores for a monotonic trend.
4. :func:`classify_emerging` turns the z / p series and the trend into one of 17 labels.

:func:`emerging_hot_spot_analysis` chains 2-4 and returns an :class:`EmergingHotSpotResult`.

Space-time Gi* convention (what :func:`spacetime_gi_star` computes)
-------------------------------------------------------------------
Bin ``(t, i)`` has the space-time neighbourhood ``{(t - l, j) : l = 0..time_lag, t - l >= 0,
j in N(i) + {i}}``: the location itself and its spatial neighbours at time ``t`` and at each
earlier lag that exists (no wrap-around; the first ``time_lag`` slices have shallower
neighbourhoods). The focal location is included at the earlier lags as well. This is what sfdep
does: ``emerging_hotspot_analysis`` builds ``nb <- include_self(st_contiguity(...))`` and
``spt_nb()`` appends time-shifted copies of that whole list (self included) for lags ``1..k``;
``spt_wt()`` repeats the spatial weights for every lag. ArcGIS's neighbourhood (all bins within
the neighbourhood distance and time step) likewise contains the location's own earlier bins.

With weights ``w`` over that neighbourhood, ``W = sum w``, ``S1 = sum w^2`` and the moments
``xbar``, ``s`` (population standard deviation, divisor ``n``) of a *global window* of ``n``
values, the statistic is Ord & Getis (1995), as in ``spdep::localG`` and sfdep's
``local_g_spt_calc``::

    z = (sum w x - xbar W) / (s * sqrt((n S1 - W^2) / (n - 1)))

``global_window="cube"`` (the default, as the issue asks, and ArcGIS's default *Entire cube*
global window): ``xbar``, ``s`` and ``n`` are those of all ``n_times * n_locations`` values.
``global_window="time_step"``: the moments and ``n = n_locations`` come from slice ``t`` only,
even though the neighbourhood reaches into earlier slices. That is exactly sfdep's
``local_g_spt_impl``, which calls ``local_g_spt_calc`` once per time slice; sfdep therefore
does *not* use the whole cube for the mean and variance.

Weights: ``w_space`` is a binary CSR adjacency without self links and the default weights are
binary (focal weight 1). ``row_standardize=True`` divides each row of ``w_space + I`` by its sum
before it is repeated for every lag, which is sfdep's default (``st_weights()`` style ``"W"``);
so ``global_window="time_step", row_standardize=True`` follows sfdep's ``gi_star`` computation
(matched to its source code; not run against R here).
``include_self=False`` drops the focal location at every lag (sfdep with an ``nb_col`` that
lacks self links) and keeps the Gi* moments above (as sfdep does), so it is not the textbook Gi.

Significance: :func:`gi_star_p_values` gives two-sided normal p-values. sfdep instead uses a
folded permutation pseudo p-value ``min(l, g)`` from ``local_g_spt`` with ``nsim = 199`` and
compares it with ``threshold = 0.01``; :func:`spacetime_gi_star_pseudo_p` provides that (see its
docstring for the one difference). No multiple-testing correction (e.g. False Discovery
Rate) is applied here; a caller may pass adjusted p-values to :func:`classify_emerging`.

Trend: Mann-Kendall on each location's Gi* z-series, as in both tools; see :func:`mann_kendall`
for the exact equivalence with R ``Kendall::MannKendall`` (which sfdep calls).

Classification: the 16 rules and their order are those of sfdep,
``R/emerging-hostpot-classifications.R`` (see :func:`classify_emerging`), reproduced as they
are, quirks included (listed below); the first rule that holds wins, else "no pattern
detected". The labels are sfdep's own strings (``LABELS``),
including its spelling ``"oscilating hotspot"``, so results can be compared with sfdep output
directly; ``DISPLAY_NAMES`` maps them to ArcGIS-style names ("Oscillating Hot Spot").

Where sfdep's rules differ from the pattern definitions ArcGIS documents
------------------------------------------------------------------------
(ArcGIS Pro, "How Emerging Hot Spot Analysis works", paraphrased; sfdep links to that page
and quotes parts of it in comments.)

* New: ArcGIS needs a hot final step and no earlier *hot* bin; sfdep needs the final bin to be
  the only significant bin of either sign (an earlier cold spot blocks "new hotspot").
* Consecutive: ArcGIS wants an uninterrupted run of at least two *hot* bins at the end and no
  hot bin before it. sfdep takes the final run of *significant* bins of either sign (only the
  last bin must be hot), forbids any significant bin before the run, and has no minimum length
  (a run of one is already caught by "new"). So cold-cold-hot at the end, nothing before, is a
  sfdep "consecutive hotspot" where ArcGIS would see an oscillating one.
  Likewise a long-running hot spot whose final bin turns significantly cold, with no
  non-significant bin in between, is a sfdep "consecutive coldspot" (ArcGIS: historical).
* Intensifying hot: ArcGIS needs >= 90 % hot bins including the final one; sfdep counts
  significant bins of *either* sign for the 90 %, needs the final bin significant (not
  necessarily hot) and uses ``trend_p < alpha`` where every other rule uses ``<=``.
  Consequence: whenever "diminishing coldspot" holds with ``trend_p < alpha``, "intensifying
  hotspot" holds too and comes first, so sfdep labels a diminishing cold spot an
  *intensifying hot spot*; "diminishing coldspot" is reached only when ``trend_p == alpha``.
  Also, an all-hot series with ``trend_p == alpha`` exactly matches no rule (no pattern).
* Diminishing hot / cold: the final bin must be significant, of either sign.
* Persistent: sfdep does not look at the final bin, and persistent is tested before historical,
  so ">= 90 % hot, no significant trend, final bin cold" is persistent in sfdep but historical
  in ArcGIS; sfdep's historical patterns can only occur together with a significant trend.
* Historical hot: ArcGIS says "the most recent time step is not hot"; sfdep needs a negative
  final z (significant or not); historical cold needs a positive final z.
* Oscillating hot uses ``<= 0.9`` of hot bins, oscillating cold ``< 0.9`` (sfdep as is).
* Sporadic: sfdep follows ArcGIS's text and adds that at least one hot (cold) bin is needed.
* Significance: sfdep uses permutation pseudo p-values at 0.01, ArcGIS the p-values of the
  Gi* z-scores.

Minimum length: Kendall::MannKendall only returns a p-value (other than 1) for at least 4
observations, so every function that tests trends needs ``MIN_TIME_STEPS = 4`` time steps;
with fewer than 10 steps the 90 % rules mean "every step", so 10 or more are advisable.

References: Getis & Ord (1992) Geogr. Anal. 24(3); Ord & Getis (1995) Geogr. Anal. 27(4);
Mann (1945) Econometrica 13; Kendall (1975) Rank Correlation Methods, 4th ed.; Esri, "How
Emerging Hot Spot Analysis works" (ArcGIS Pro); Parry, sfdep (CRAN), files
``R/emerging-hostpot-analysis.R``, ``R/spacetime-nb-wt.R``,
``R/emerging-hostpot-classifications.R``;
McLeod, Kendall (CRAN) ``src/Kendall.f`` (``TAUK2``).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.stats import norm

from ..errors import InputError

__all__ = [
    "ADVISED_TIME_STEPS",
    "CATEGORY_CODES",
    "DISPLAY_NAMES",
    "LABELS",
    "MIN_TIME_STEPS",
    "NO_PATTERN",
    "EmergingHotSpotResult",
    "StepCoverage",
    "build_cube",
    "classify_emerging",
    "emerging_hot_spot_analysis",
    "emerging_rule_matches",
    "expected_neighbourhood_count",
    "gi_star_p_values",
    "mann_kendall",
    "spacetime_gi_star",
    "spacetime_gi_star_pseudo_p",
    "sparse_threshold",
    "step_coverage",
    "step_end",
    "time_bins",
]

#: Fewest time steps for a trend test (Kendall::MannKendall returns sl = 1 below 4).
MIN_TIME_STEPS = 4
#: Below this many time steps the patterns' "90 % of the steps" rules mean every step.
ADVISED_TIME_STEPS = 10
#: Days between a step's border and the first / last incident beyond which that step looks incomplete.
_INCOMPLETE_STEP_DAYS = 3

NO_PATTERN = "no pattern detected"

#: sfdep's labels in sfdep's precedence order (the first matching rule wins).
LABELS: tuple[str, ...] = (
    "new hotspot",
    "new coldspot",
    "consecutive hotspot",
    "consecutive coldspot",
    "intensifying hotspot",
    "intensifying coldspot",
    "persistent hotspot",
    "persistent coldspot",
    "diminishing hotspot",
    "diminishing coldspot",
    "oscilating hotspot",  # sic: sfdep's spelling, kept so labels match sfdep output
    "oscilating coldspot",  # sic
    "historical hotspot",
    "historical coldspot",
    "sporadic hotspot",
    "sporadic coldspot",
    NO_PATTERN,
)

#: sfdep label -> display name (ArcGIS spelling).
DISPLAY_NAMES: dict[str, str] = {
    "new hotspot": "New Hot Spot",
    "new coldspot": "New Cold Spot",
    "consecutive hotspot": "Consecutive Hot Spot",
    "consecutive coldspot": "Consecutive Cold Spot",
    "intensifying hotspot": "Intensifying Hot Spot",
    "intensifying coldspot": "Intensifying Cold Spot",
    "persistent hotspot": "Persistent Hot Spot",
    "persistent coldspot": "Persistent Cold Spot",
    "diminishing hotspot": "Diminishing Hot Spot",
    "diminishing coldspot": "Diminishing Cold Spot",
    "oscilating hotspot": "Oscillating Hot Spot",
    "oscilating coldspot": "Oscillating Cold Spot",
    "historical hotspot": "Historical Hot Spot",
    "historical coldspot": "Historical Cold Spot",
    "sporadic hotspot": "Sporadic Hot Spot",
    "sporadic coldspot": "Sporadic Cold Spot",
    NO_PATTERN: "No Pattern Detected",
}

#: sfdep label -> signed integer code (1..8 in the order ArcGIS lists the patterns: new,
#: consecutive, intensifying, persistent, diminishing, sporadic, oscillating, historical;
#: negative for cold spots; 0 for no pattern). Handy for symbology and integer fields.
CATEGORY_CODES: dict[str, int] = {NO_PATTERN: 0}
for _code, _stem in enumerate(
    ("new", "consecutive", "intensifying", "persistent", "diminishing", "sporadic",
     "oscilating", "historical"),
    start=1,
):
    CATEGORY_CODES[f"{_stem} hotspot"] = _code
    CATEGORY_CODES[f"{_stem} coldspot"] = -_code
del _code, _stem

_WINDOWS = ("cube", "time_step")


# --------------------------------------------------------------------------------------------
# Cube construction
# --------------------------------------------------------------------------------------------
def _as_datetime64(value, name: str) -> np.datetime64:
    try:
        out = np.datetime64(value, "us")
    except (TypeError, ValueError) as exc:
        raise ValueError(f"{name} is not a date/time: {value!r}") from exc
    if np.isnat(out):
        raise ValueError(f"{name} is NaT")
    return out


def time_bins(datetimes, step: str = "week", start=None, end=None):
    """Assign each event time to a calendar time step (weeks start on Monday).

    ``step="week"``: ISO weeks, Monday 00:00 to the next Monday (exclusive).
    ``step="month"``: calendar months. Bin 0 is the bin containing ``start`` (default: the
    earliest event); the last bin is the one containing the last instant before ``end``
    (default: the end of the bin of the latest event, so every event is kept). Events outside
    ``[start, end)`` and NaT get index -1. If ``start`` / ``end`` are not on bin boundaries the
    first / last bin is only partly covered (events before ``start`` in that bin are -1), so
    pass boundaries for equal-length bins.

    Parameters: ``datetimes`` anything ``np.asarray(..., dtype="datetime64[us]")`` accepts
    (numpy datetime64 of any unit, ISO strings); ``start`` / ``end`` scalars of the same kinds
    or ``datetime.date`` / ``datetime.datetime`` (naive; no time zones).

    Returns ``(index, bin_starts)``: int64 bin index per event and the ``datetime64[D]`` start
    date of every bin (length = number of time steps, the cube's ``n_times``).
    """
    if step not in ("week", "month"):
        raise ValueError(f"step must be 'week' or 'month', not {step!r}")
    try:
        dt = np.asarray(datetimes, dtype="datetime64[us]").ravel()
    except (TypeError, ValueError) as exc:
        raise ValueError("datetimes must be numpy datetime64 values") from exc
    valid = ~np.isnat(dt)
    if start is None or end is None:
        if not valid.any():
            raise InputError("No valid event times; give start and end")
        lo, hi = dt[valid].min(), dt[valid].max()
    start_us = _as_datetime64(start, "start") if start is not None else lo

    def floor(values):
        """Bin start (datetime64[D]) of each datetime64[us] value."""
        if step == "month":
            return values.astype("datetime64[M]").astype("datetime64[D]")
        days = values.astype("datetime64[D]")
        # 1970-01-01 was a Thursday: weekday (Monday = 0) = (days + 3) mod 7.
        return days - ((days.astype(np.int64) + 3) % 7).astype("timedelta64[D]")

    def bin_offset(bin_start, origin):
        """Whole bins from ``origin`` to ``bin_start`` (both bin starts, datetime64[D])."""
        if step == "month":
            return (bin_start.astype("datetime64[M]") - origin.astype("datetime64[M]")).astype(
                np.int64
            )
        return (bin_start - origin).astype(np.int64) // 7

    origin = floor(np.array([start_us]))[0]
    if end is not None:
        end_us = _as_datetime64(end, "end")
    else:
        last = floor(np.array([hi]))[0]
        if step == "month":
            end_us = (last.astype("datetime64[M]") + 1).astype("datetime64[us]")
        else:
            end_us = (last + np.timedelta64(7, "D")).astype("datetime64[us]")
    if end_us <= start_us:
        raise ValueError(f"end ({end_us}) must be after start ({start_us})")

    last_bin = floor(np.array([end_us - np.timedelta64(1, "us")]))[0]
    n_bins = int(bin_offset(np.array([last_bin]), origin)[0]) + 1
    if step == "month":
        starts = (origin.astype("datetime64[M]") + np.arange(n_bins)).astype("datetime64[D]")
    else:
        starts = origin + np.arange(n_bins) * np.timedelta64(7, "D")

    index = np.full(dt.shape, -1, dtype=np.int64)
    keep = valid & (dt >= start_us) & (dt < end_us)
    if keep.any():
        index[keep] = bin_offset(floor(dt[keep]), origin)
    return index, starts


def step_end(step: str, step_start: np.datetime64) -> np.datetime64:
    """The first day after the ``step`` ("week" or "month") that starts on ``step_start``."""
    if step == "month":
        return (step_start.astype("datetime64[M]") + 1).astype("datetime64[D]")
    return step_start + np.timedelta64(7, "D")


@dataclass(frozen=True)
class StepCoverage:
    """How the period and the incidents cover the time steps of :func:`time_bins`.

    ``first_start`` / ``last_end``: the first step's start and the last step's end (minutes).
    ``start_cuts_first`` / ``end_cuts_last``: a given period bound falls inside the first / last
    step, which is then only partly covered. ``days_before_data`` / ``days_after_data``: without
    that bound, the whole days from the first step's start to the first incident / from the last
    incident to the last step's end, when more than 3 (the data may start or end inside the
    step), else None.
    """

    n_times: int
    first_start: np.datetime64
    last_end: np.datetime64
    start_cuts_first: bool
    end_cuts_last: bool
    days_before_data: int | None
    days_after_data: int | None


def step_coverage(step: str, step_starts: np.ndarray, times: np.ndarray, start: np.datetime64 | None,
                  end: np.datetime64 | None) -> StepCoverage:
    """The coverage of the steps starting on ``step_starts`` by the period [start, end) (None: open)
    and the incident ``times``; refuses fewer than ``MIN_TIME_STEPS`` steps (InputError)."""
    n_times = int(step_starts.size)
    first, last = times.min(), times.max()
    if n_times < MIN_TIME_STEPS:
        values = (MIN_TIME_STEPS, ADVISED_TIME_STEPS, str(np.datetime64(first, "D")), str(np.datetime64(last, "D")),
                  n_times)
        # One whole sentence per step kind, so that a translation never holds an English word.
        if step == "month":
            raise InputError("Emerging hot spot analysis needs at least {} time steps for the trend test ({} or "
                             "more are advisable); the incidents from {} to {} fill only {} monthly step(s). Choose "
                             "weekly steps or a longer period.", *values)
        raise InputError("Emerging hot spot analysis needs at least {} time steps for the trend test ({} or more "
                         "are advisable); the incidents from {} to {} fill only {} weekly step(s). Choose a longer "
                         "period.", *values)
    first_start = step_starts[0].astype("datetime64[m]")
    last_end = step_end(step, step_starts[-1]).astype("datetime64[m]")
    days = np.timedelta64(1, "D")
    gap = _INCOMPLETE_STEP_DAYS * days
    return StepCoverage(
        n_times, first_start, last_end,
        start is not None and start > first_start,
        end is not None and end < last_end,
        int((first - first_start) // days) if start is None and first - first_start > gap else None,
        int((last_end - last) // days) if end is None and last_end - last > gap else None,
    )


def build_cube(location_index, time_index, n_locations: int, n_times: int, weights=None):
    """Aggregate events into a ``n_times x n_locations`` space-time cube with ``np.bincount``.

    ``location_index`` / ``time_index``: one integer per event; events where either is -1
    (outside the study area, outside the time range) are dropped; other negative or too large
    indices raise. ``weights`` (optional, one per event) are summed instead of counted.
    Returns int64 counts, or float64 sums when ``weights`` is given; empty bins are 0.
    """
    n_locations, n_times = int(n_locations), int(n_times)
    if n_locations < 1 or n_times < 1:
        raise ValueError("n_locations and n_times must be at least 1")
    loc = np.asarray(location_index).ravel()
    tim = np.asarray(time_index).ravel()
    if loc.shape != tim.shape:
        raise ValueError("location_index and time_index must have the same length")
    for name, idx in (("location_index", loc), ("time_index", tim)):
        if idx.size and not np.issubdtype(idx.dtype, np.integer):
            raise ValueError(f"{name} must be integers")
    keep = (loc != -1) & (tim != -1)
    loc, tim = loc[keep].astype(np.int64), tim[keep].astype(np.int64)
    if loc.size and (loc.min() < 0 or loc.max() >= n_locations):
        raise ValueError(f"location_index must be -1 or in [0, {n_locations})")
    if tim.size and (tim.min() < 0 or tim.max() >= n_times):
        raise ValueError(f"time_index must be -1 or in [0, {n_times})")
    flat = tim * n_locations + loc
    size = n_times * n_locations
    if weights is None:
        counts = np.bincount(flat, minlength=size)
        return counts.astype(np.int64).reshape(n_times, n_locations)
    w = np.asarray(weights, dtype=float).ravel()
    if w.shape != keep.shape:
        raise ValueError("weights must have one value per event")
    w = w[keep]
    if not np.all(np.isfinite(w)):
        raise ValueError("weights must be finite")
    return np.bincount(flat, weights=w, minlength=size).reshape(n_times, n_locations)


# --------------------------------------------------------------------------------------------
# Space-time Gi*
# --------------------------------------------------------------------------------------------
def _check_cube(cube) -> np.ndarray:
    x = np.asarray(cube, dtype=float)
    if x.ndim != 2:
        raise ValueError("cube must be a 2-D array (n_times x n_locations)")
    if x.shape[0] < 1 or x.shape[1] < 2:
        raise ValueError("cube needs at least 1 time step and 2 locations")
    if not np.all(np.isfinite(x)):
        raise ValueError("cube must not contain NaN or infinite values (fill them first)")
    return x


def _spatial_block(w_space, n_locations: int, include_self: bool, row_standardize: bool):
    """CSR weights of one time slice: ``w_space`` (+ identity), optionally row-standardised."""
    w = sparse.csr_matrix(w_space, dtype=float, copy=True)
    if w.shape != (n_locations, n_locations):
        raise ValueError(
            f"w_space must be {n_locations} x {n_locations} (cube columns), not {w.shape}"
        )
    w.eliminate_zeros()
    if not np.all(np.isfinite(w.data)) or (w.data < 0).any():
        raise ValueError("w_space weights must be finite and non-negative")
    if w.diagonal().any():
        raise ValueError("w_space must not contain self links (the focal bin is added here)")
    block = w + sparse.identity(n_locations, format="csr") if include_self else w
    block = block.tocsr()
    if row_standardize:
        sums = np.asarray(block.sum(axis=1)).ravel()
        inv = np.divide(1.0, sums, out=np.zeros_like(sums), where=sums > 0)
        block = sparse.diags(inv) @ block
    block = block.tocsr()
    block.sort_indices()
    return block


def _lags_present(n_times: int, time_lag: int) -> np.ndarray:
    """Number of time slices in each bin's neighbourhood (t, t-1, ... that exist)."""
    return np.minimum(np.arange(n_times), time_lag) + 1


def _lag_sum(x: np.ndarray, block, time_lag: int) -> np.ndarray:
    """``sum_{l=0..time_lag} B x_{t-l}`` for every t: one sparse product over the whole cube."""
    spatial = np.asarray((block @ x.T).T)  # row t = B @ x_t
    out = spatial.copy()
    for lag in range(1, min(time_lag, x.shape[0] - 1) + 1):
        out[lag:] += spatial[:-lag]
    return out


def expected_neighbourhood_count(cube, w_space, time_lag: int = 1) -> float:
    """Incidents expected in a bin's space-time neighbourhood: the mean count per bin times the mean
    number of bins in a neighbourhood (the location and its spatial neighbours, at its own and
    ``time_lag`` earlier steps; the first steps' shallower neighbourhoods are ignored)."""
    x = _check_cube(cube)
    w = sparse.csr_matrix(w_space)
    locations = float(np.diff(w.indptr).mean()) + 1.0 if w.shape[0] else 1.0
    return float(x.mean()) * locations * (_check_lag(time_lag) + 1)


def sparse_threshold(alpha: float = 0.05) -> float:
    """Expected neighbourhood count below which the Gi* cube is too sparse: ``z²`` of ``alpha``
    (two-sided; 3.84 at 0.05).

    For counts with mean ``m`` and variance ``m`` (Poisson) and a neighbourhood of ``k`` bins, an
    empty neighbourhood gets ``z = -m k / (sqrt(m) sqrt(k)) = -sqrt(m k)`` (Ord & Getis 1995 with
    ``n >> k``), so when ``m k < z²`` not even an empty neighbourhood is a significant cold spot: the
    test is one-sided and the on-off hot bins of chance make most locations "sporadic". On
    independent Poisson noise over 52 steps (20 x 20 cells, tests/analysis/crime/test_emerging_hot_spots.py) 77-94 %
    of the locations were labelled sporadic with an expected neighbourhood count of 2-3, against
    40-55 % from 4 up.
    """
    return float(norm.ppf(1.0 - alpha / 2.0) ** 2)


def _check_lag(time_lag) -> int:
    if isinstance(time_lag, bool) or int(time_lag) != time_lag or time_lag < 0:
        raise ValueError(f"time_lag must be a non-negative integer, not {time_lag!r}")
    return int(time_lag)


def spacetime_gi_star(
    cube,
    w_space,
    time_lag: int = 1,
    *,
    include_self: bool = True,
    row_standardize: bool = False,
    global_window: str = "cube",
) -> np.ndarray:
    """Space-time Getis-Ord Gi* z-score of every bin (``n_times x n_locations``).

    Neighbourhood of bin ``(t, i)``: location ``i`` and its neighbours in ``w_space`` at times
    ``t, t-1, ..., t-time_lag`` (only those >= 0), the focal location included at every lag
    (sfdep ``spt_nb`` of ``include_self(nb)``). ``z = (sum w x - xbar W) / (s sqrt((n S1 - W^2)
    / (n - 1)))`` with ``W`` / ``S1`` the sum of the weights / squared weights over the
    neighbourhood and ``xbar``, ``s`` (divisor ``n``) the mean and standard deviation of the
    global window: all ``n = n_times * n_locations`` cube values (``global_window="cube"``,
    default, ArcGIS's "entire cube") or slice ``t`` only with ``n = n_locations``
    (``"time_step"``, sfdep's ``local_g_spt_impl``). See the module docstring.

    ``w_space``: scipy.sparse (or dense) ``n_locations x n_locations`` binary adjacency, no
    self links; non-binary non-negative weights are used as given. ``row_standardize=True``
    row-standardises ``w_space + I`` (sfdep's default ``st_weights`` style "W").
    ``include_self=False`` leaves the focal location out at all lags.

    Computed as one sparse product ``B @ cube.T`` plus ``time_lag`` shifted additions; no
    per-location loop. z is NaN where the variance term is not positive (e.g. a constant slice
    with ``global_window="time_step"``, or an empty neighbourhood). A constant cube raises.
    """
    x = _check_cube(cube)
    k = _check_lag(time_lag)
    if global_window not in _WINDOWS:
        raise ValueError(f"global_window must be one of {_WINDOWS}, not {global_window!r}")
    n_times, n_locations = x.shape
    block = _spatial_block(w_space, n_locations, include_self, row_standardize)

    lag_sum = _lag_sum(x, block, k)
    depth = _lags_present(n_times, k)[:, None].astype(float)
    w_sum = depth * np.asarray(block.sum(axis=1)).ravel()[None, :]
    w_sq = depth * np.asarray(block.multiply(block).sum(axis=1)).ravel()[None, :]

    if global_window == "cube":
        n = float(x.size)
        xbar = x.mean()
        s = np.sqrt(np.mean((x - xbar) ** 2))
        if s == 0:
            raise InputError("The cube is constant: Gi* is undefined (zero variance)")
    else:
        n = float(n_locations)
        xbar = x.mean(axis=1, keepdims=True)
        s = np.sqrt(np.mean((x - xbar) ** 2, axis=1, keepdims=True))
    var_term = (n * w_sq - w_sum**2) / (n - 1.0)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = (lag_sum - xbar * w_sum) / (s * np.sqrt(var_term))
    z[~np.isfinite(z) | ~(var_term > 0) | ~(s > 0)] = np.nan
    return z


def gi_star_p_values(z) -> np.ndarray:
    """Two-sided normal p-values ``2 * (1 - Phi(|z|))``; NaN stays NaN."""
    z = np.asarray(z, dtype=float)
    return 2.0 * norm.sf(np.abs(z))


def _neighbour_slots(block, time_lag: int):
    """Per location, the weights of all members of its space-time neighbourhood, lag by lag.

    Row ``i`` holds the weights of ``block`` row ``i`` (the focal entry included when present)
    ``time_lag + 1`` times; a bin with ``m`` time slices present uses the first ``m * nnz_i``.
    """
    n = block.shape[0]
    nnz = np.diff(block.indptr)
    width = max(1, int(((time_lag + 1) * nnz).max()))
    slots = np.zeros((n, width))
    rows = np.repeat(np.arange(n), nnz)
    rank = np.arange(block.nnz) - block.indptr[rows]
    for lag in range(time_lag + 1):
        slots[rows, lag * nnz[rows] + rank] = block.data
    return slots, nnz


def spacetime_gi_star_pseudo_p(
    cube,
    w_space,
    time_lag: int = 1,
    permutations: int = 199,
    *,
    include_self: bool = True,
    row_standardize: bool = False,
    seed=None,
    max_chunk: int = 2_000_000,
) -> np.ndarray:
    """Folded permutation pseudo p-values of the space-time Gi* (sfdep's ``p_sim``).

    sfdep's scheme (``local_g_spt`` with ``cond_permute_nb``): in every permutation, each bin's
    ``c`` neighbourhood members, the focal slot included, are replaced by ``c`` values drawn
    without replacement from all *other* bins of the cube and weighted with the bin's own
    weights. Redrawing the focal slot too matches the randomisation behind the analytical
    Gi* moments (all neighbourhood members exchangeable); holding it fixed (Anselin's
    conditional randomisation) would make a lone extreme bin non-significant. As the Gi*
    moments do not change under permutation, ranking the weighted sums ranks the z-scores,
    for either global window. ``p = min(l, g)``, ``l = (#{rep <= obs} + 1) / (R + 1)``,
    ``g = (#{rep >= obs} + 1) / (R + 1)`` (sfdep), a one-tailed p in the direction of the
    observed value; sfdep compares it with its threshold directly (double it for two-sided).
    Ties count in both tails, so p can exceed 0.5 (up to 1).

    Difference from sfdep: as in esda's ``crand``, one set of random draws is shared by all
    bins within a permutation (each bin skipping itself), which keeps the work at
    ``n_bins x max_members`` per permutation; each bin's own reference distribution is the
    same. ``seed`` feeds ``numpy.random.default_rng``; ``max_chunk`` bounds the temporary
    arrays (bins x members per chunk). Cost grows as ``n_bins * members * permutations``.
    """
    x = _check_cube(cube)
    k = _check_lag(time_lag)
    permutations = int(permutations)
    if permutations < 1:
        raise ValueError("permutations must be at least 1")
    n_times, n_locations = x.shape
    block = _spatial_block(w_space, n_locations, include_self, row_standardize)
    slots, nnz = _neighbour_slots(block, k)
    n_bins = x.size
    width = slots.shape[1]
    if width > n_bins - 1:
        raise ValueError("neighbourhoods are larger than the cube: cannot permute")

    flat = x.ravel()  # bin (t, i) -> t * n_locations + i
    observed = _lag_sum(x, block, k).ravel()
    depth = _lags_present(n_times, k)
    members = (depth[:, None] * nnz[None, :]).ravel()
    loc_of_bin = np.tile(np.arange(n_locations), n_times)
    tol = 1e-9 * np.maximum(1.0, np.abs(observed))

    rng = np.random.default_rng(seed)
    draws = np.stack(
        [rng.choice(n_bins - 1, size=width, replace=False) for _ in range(permutations)]
    )
    below = np.zeros(n_bins, dtype=np.int64)
    above = np.zeros(n_bins, dtype=np.int64)
    chunk = max(1, int(max_chunk) // width)
    slot_ids = np.arange(width)
    for lo in range(0, n_bins, chunk):
        hi = min(n_bins, lo + chunk)
        bins = np.arange(lo, hi)
        weights = slots[loc_of_bin[bins]] * (slot_ids[None, :] < members[bins, None])
        obs, eps = observed[lo:hi], tol[lo:hi]
        for rids in draws:
            ids = rids[None, :] + (rids[None, :] >= bins[:, None])  # skip the bin itself
            rep = np.einsum("ij,ij->i", weights, flat[ids])
            below[lo:hi] += rep <= obs + eps
            above[lo:hi] += rep >= obs - eps
    p = np.minimum(below + 1, above + 1) / (permutations + 1.0)
    return p.reshape(n_times, n_locations)


# --------------------------------------------------------------------------------------------
# Mann-Kendall
# --------------------------------------------------------------------------------------------
def _check_min_steps(n_times: int) -> None:
    if n_times < MIN_TIME_STEPS:
        raise InputError("Emerging hot spot analysis needs at least {} time steps for the Mann-Kendall trend test, "
                         "got {} (10 or more are advisable)", MIN_TIME_STEPS, n_times)


def mann_kendall(series):
    """Mann-Kendall trend test for every column of ``series`` (``n_times x n_locations``).

    ``S = sum_{i<j} sign(x_j - x_i)``; ``var_S = (n(n-1)(2n+5) - sum_g t_g(t_g-1)(2t_g+5)) / 18``
    over groups of ``t_g`` tied values (Kendall 1975); ``tau = S / sqrt((n0 - n1) n0)`` with
    ``n0 = n(n-1)/2``, ``n1 = sum_g t_g(t_g-1)/2`` (tau-b against the untied time index, equal
    to ``scipy.stats.kendalltau(t, x)``); ``z = (S - sign(S)) / sqrt(var_S)`` (continuity
    correction) and the two-sided normal ``p = 2 (1 - Phi(|z|))``.

    This is what R ``Kendall::MannKendall`` (used by sfdep) returns: its Fortran ``TAUK2`` takes
    the normal approximation with continuity correction for n > 3 (its exact branch is never
    reached for non-constant input). Differences: Kendall computes in single precision, so
    values equal to about 7 digits tie there but not here; for a constant column Kendall
    reports tau = 1, sl = 1, whereas this returns tau = NaN, S = 0, var_S = 0, z = 0, p = 1.

    Vectorised over locations; one pass per time lag (``n_times - 1`` array operations).
    Returns ``(tau, S, var_S, z, p)``, each of length ``n_locations``.
    """
    x = np.asarray(series, dtype=float)
    if x.ndim == 1:
        x = x[:, None]
    if x.ndim != 2:
        raise ValueError("series must be 1-D or 2-D (n_times x n_locations)")
    if np.isnan(x).any():
        raise ValueError("series must not contain NaN")
    n = x.shape[0]
    _check_min_steps(n)

    s = np.zeros(x.shape[1])
    for lag in range(1, n):
        s += np.sign(x[lag:] - x[:-lag]).sum(axis=0)

    # Tie groups: sort each column, number the runs of equal values, count their sizes.
    xs = np.sort(x, axis=0)
    new_run = np.ones(x.shape, dtype=bool)
    new_run[1:] = xs[1:] != xs[:-1]
    run_id = np.cumsum(new_run, axis=0) - 1 + n * np.arange(x.shape[1])[None, :]
    t = np.bincount(run_id.ravel(), minlength=n * x.shape[1]).reshape(x.shape[1], n).astype(float)
    ties_pairs = (t * (t - 1.0)).sum(axis=1) / 2.0
    ties_var = (t * (t - 1.0) * (2.0 * t + 5.0)).sum(axis=1)

    n0 = n * (n - 1) / 2.0
    var_s = (n * (n - 1.0) * (2.0 * n + 5.0) - ties_var) / 18.0
    denom = np.sqrt((n0 - ties_pairs) * n0)
    with np.errstate(divide="ignore", invalid="ignore"):
        tau = np.where(denom > 0, s / denom, np.nan)
        z = np.where(var_s > 0, (s - np.sign(s)) / np.sqrt(var_s), 0.0)
    p = 2.0 * norm.sf(np.abs(z))
    return tau, s, var_s, z, p


# --------------------------------------------------------------------------------------------
# Classification (sfdep rules, vectorised over locations)
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Series:
    """Per-location summaries of the significance series (arrays of length n_locations)."""

    n: int
    sig: np.ndarray  # n_times x n_locations: p <= alpha
    n_sig: np.ndarray
    n_hot: np.ndarray
    n_cold: np.ndarray
    final_run: np.ndarray  # length of the trailing run of significant bins (either sign)
    last_sig: np.ndarray
    last_z: np.ndarray
    tau: np.ndarray
    trend_p: np.ndarray
    alpha: float

    @property
    def frac_sig(self):
        return self.n_sig / self.n

    @property
    def frac_hot(self):
        return self.n_hot / self.n

    @property
    def frac_cold(self):
        return self.n_cold / self.n


def new_hotspot(s: _Series) -> np.ndarray:
    """``(sum(sigs) == 1) && sigs[n] && gs[n] > 0``: the final bin is the only significant bin
    (of either sign) and it is hot."""
    return (s.n_sig == 1) & s.last_sig & (s.last_z > 0)


def new_coldspot(s: _Series) -> np.ndarray:
    """``(sum(sigs) == 1) && sigs[n] && gs[n] < 0``."""
    return (s.n_sig == 1) & s.last_sig & (s.last_z < 0)


def consecutive_hotspot(s: _Series) -> np.ndarray:
    """Final bin significant and hot; the trailing run of significant bins (either sign) has no
    significant bin before it; ``sum(sigs & gs > 0) / n < 0.9``. (sfdep: ``n_final_run <-
    which(diff(cumsum(c(rev(sigs), FALSE))) == 0)[1]``, ``all(!sigs[-run_index])``.)"""
    return s.last_sig & (s.last_z > 0) & (s.n_sig == s.final_run) & (s.frac_hot < 0.9)


def consecutive_coldspot(s: _Series) -> np.ndarray:
    """Mirror of :func:`consecutive_hotspot`: final bin significant and cold, nothing
    significant before the final run, ``sum(sigs & gs < 0) / n < 0.9``."""
    return s.last_sig & (s.last_z < 0) & (s.n_sig == s.final_run) & (s.frac_cold < 0.9)


def intensifying_hotspot(s: _Series) -> np.ndarray:
    """``(sum(sigs) / n >= .9) && sigs[n] && tau > 0 && tau_p < threshold`` (significant bins of
    either sign count; strict ``<``)."""
    return (s.frac_sig >= 0.9) & s.last_sig & (s.tau > 0) & (s.trend_p < s.alpha)


def intensifying_coldspot(s: _Series) -> np.ndarray:
    """``(sum(sigs & gs < 0) / n >= .9) && sigs[n] && tau < 0 && tau_p <= threshold``."""
    return (s.frac_cold >= 0.9) & s.last_sig & (s.tau < 0) & (s.trend_p <= s.alpha)


def persistent_hotspot(s: _Series) -> np.ndarray:
    """``(sum(sigs & gs > 0) / n >= .9) && tau_p > threshold`` (final bin not examined)."""
    return (s.frac_hot >= 0.9) & (s.trend_p > s.alpha)


def persistent_coldspot(s: _Series) -> np.ndarray:
    """``(sum(sigs & gs < 0) / n >= .9) && tau_p > threshold``."""
    return (s.frac_cold >= 0.9) & (s.trend_p > s.alpha)


def diminishing_hotspot(s: _Series) -> np.ndarray:
    """``(sum(sigs & gs > 0) / n >= .9) && sigs[n] && tau < 0 && tau_p <= threshold``."""
    return (s.frac_hot >= 0.9) & s.last_sig & (s.tau < 0) & (s.trend_p <= s.alpha)


def diminishing_coldspot(s: _Series) -> np.ndarray:
    """``(sum(sigs & gs < 0) / n >= .9) && sigs[n] && tau > 0 && tau_p <= threshold``."""
    return (s.frac_cold >= 0.9) & s.last_sig & (s.tau > 0) & (s.trend_p <= s.alpha)


def oscilating_hotspot(s: _Series) -> np.ndarray:
    """``(sum(gs > 0 & sigs) / n <= 0.9) & gs[n] > 0 & sigs[n] & any(gs < 0 & sigs)``: hot now,
    significantly cold at some time, at most 90 % hot bins."""
    return (s.frac_hot <= 0.9) & (s.last_z > 0) & s.last_sig & (s.n_cold > 0)


def oscilating_coldspot(s: _Series) -> np.ndarray:
    """``(sum(gs < 0 & sigs) / n < 0.9) && gs[n] < 0 & sigs[n] && any(gs > 0 & sigs)``."""
    return (s.frac_cold < 0.9) & (s.last_z < 0) & s.last_sig & (s.n_hot > 0)


def historical_hotspot(s: _Series) -> np.ndarray:
    """``(sum(sigs & gs > 0) / n >= 0.9) & gs[n] < 0``: negative final z, significant or not."""
    return (s.frac_hot >= 0.9) & (s.last_z < 0)


def historical_coldspot(s: _Series) -> np.ndarray:
    """``gs[n] > 0 && (sum(sigs & gs < 0) / n >= 0.9)``."""
    return (s.last_z > 0) & (s.frac_cold >= 0.9)


def sporadic_hotspot(s: _Series) -> np.ndarray:
    """``sum(gs > 0 & sigs) / n < 0.9 && !any(gs < 0 & sigs) && any(gs > 0 & sigs)``: on and off
    hot, never significantly cold, at least one hot bin."""
    return (s.frac_hot < 0.9) & (s.n_cold == 0) & (s.n_hot > 0)


def sporadic_coldspot(s: _Series) -> np.ndarray:
    """``sum(gs < 0 & sigs) / n < 0.9 && !any(gs > 0 & sigs) && any(gs < 0 & sigs)``."""
    return (s.frac_cold < 0.9) & (s.n_hot == 0) & (s.n_cold > 0)


#: (label, predicate) in sfdep's precedence order (its ``fxs`` list).
RULES = (
    ("new hotspot", new_hotspot),
    ("new coldspot", new_coldspot),
    ("consecutive hotspot", consecutive_hotspot),
    ("consecutive coldspot", consecutive_coldspot),
    ("intensifying hotspot", intensifying_hotspot),
    ("intensifying coldspot", intensifying_coldspot),
    ("persistent hotspot", persistent_hotspot),
    ("persistent coldspot", persistent_coldspot),
    ("diminishing hotspot", diminishing_hotspot),
    ("diminishing coldspot", diminishing_coldspot),
    ("oscilating hotspot", oscilating_hotspot),
    ("oscilating coldspot", oscilating_coldspot),
    ("historical hotspot", historical_hotspot),
    ("historical coldspot", historical_coldspot),
    ("sporadic hotspot", sporadic_hotspot),
    ("sporadic coldspot", sporadic_coldspot),
)


def _summarise(z, p, trend_p, trend_tau, alpha) -> _Series:
    z = np.asarray(z, dtype=float)
    p = np.asarray(p, dtype=float)
    if z.ndim == 1:
        z, p = z[:, None], p[:, None]
    if z.ndim != 2 or z.shape != p.shape:
        raise ValueError("z and p must be 2-D arrays of the same shape (n_times x n_locations)")
    n_times, n_locations = z.shape
    _check_min_steps(n_times)
    if not 0 < alpha < 1:
        raise ValueError("alpha must be in (0, 1)")
    trend_p = np.broadcast_to(np.asarray(trend_p, dtype=float), (n_locations,))
    tau = np.broadcast_to(np.asarray(trend_tau, dtype=float), (n_locations,))
    with np.errstate(invalid="ignore"):
        sig = (p <= alpha) & np.isfinite(z)
    hot = sig & (z > 0)
    cold = sig & (z < 0)
    return _Series(
        n=n_times,
        sig=sig,
        n_sig=sig.sum(axis=0),
        n_hot=hot.sum(axis=0),
        n_cold=cold.sum(axis=0),
        final_run=np.cumprod(sig[::-1], axis=0).sum(axis=0),
        last_sig=sig[-1],
        last_z=z[-1],
        tau=tau,
        trend_p=trend_p,
        alpha=float(alpha),
    )


def emerging_rule_matches(z, p, trend_p, trend_tau, alpha: float = 0.05) -> dict[str, np.ndarray]:
    """Every sfdep rule evaluated on its own: ``{label: bool array (n_locations,)}``.

    Several rules can hold for one location (e.g. a lone final hot bin is "new", "consecutive"
    and "sporadic"); :func:`classify_emerging` keeps the first in ``RULES`` order. Useful to
    explain a classification. Arguments as for :func:`classify_emerging`.
    """
    summary = _summarise(z, p, trend_p, trend_tau, alpha)
    with np.errstate(invalid="ignore"):
        return {label: np.asarray(rule(summary), dtype=bool) for label, rule in RULES}


def classify_emerging(z, p, trend_p, trend_tau, alpha: float = 0.05) -> np.ndarray:
    """Emerging hot spot pattern of every location, with sfdep's rules and precedence.

    ``z``, ``p``: ``n_times x n_locations`` Gi* z-scores and p-values (a bin is significant when
    ``p <= alpha``, hot when also ``z > 0``, cold when ``z < 0``). ``trend_p``, ``trend_tau``:
    per-location Mann-Kendall p-value and tau (only the sign of ``trend_tau`` is used, so the
    Mann-Kendall z works too), normally from :func:`mann_kendall` on ``z``. As in sfdep, the
    same ``alpha`` is the bin and the trend threshold. The rules (sfdep
    ``R/emerging-hostpot-classifications.R``, ``n`` time steps, ``sigs`` significance, ``gs``
    z) are the module-level predicates ``new_hotspot`` ... ``sporadic_coldspot``, applied in
    the order of ``RULES``; the first that holds gives the label, otherwise
    ``"no pattern detected"``. NaN z or p counts as not significant; NaN trend values fail
    every trend comparison. Needs at least ``MIN_TIME_STEPS`` time steps. Returns an object
    array of sfdep labels (``LABELS``); map with ``DISPLAY_NAMES`` / ``CATEGORY_CODES``.
    """
    matches = emerging_rule_matches(z, p, trend_p, trend_tau, alpha)
    conditions = [matches[label] for label, _ in RULES]
    choice = np.select(conditions, list(range(len(RULES))), default=len(RULES))
    return np.array(LABELS, dtype=object)[choice]


# --------------------------------------------------------------------------------------------
# Pipeline
# --------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class EmergingHotSpotResult:
    """Everything :func:`emerging_hot_spot_analysis` computed.

    ``z``, ``p``: ``n_times x n_locations`` Gi* z-scores and p-values (normal two-sided, or
    folded pseudo p-values when permutations were used); per location: Mann-Kendall ``tau``,
    ``trend_s``, ``trend_var_s``, ``trend_z``, ``trend_p`` of the z-series, the sfdep ``labels``
    and the signed ``codes`` (``CATEGORY_CODES``).
    """

    z: np.ndarray
    p: np.ndarray
    tau: np.ndarray
    trend_s: np.ndarray
    trend_var_s: np.ndarray
    trend_z: np.ndarray
    trend_p: np.ndarray
    labels: np.ndarray
    codes: np.ndarray

    @property
    def display_names(self) -> np.ndarray:
        return np.array([DISPLAY_NAMES[label] for label in self.labels], dtype=object)


def emerging_hot_spot_analysis(
    cube,
    w_space,
    time_lag: int = 1,
    alpha: float = 0.05,
    *,
    include_self: bool = True,
    row_standardize: bool = False,
    global_window: str = "cube",
    permutations: int = 0,
    seed=None,
) -> EmergingHotSpotResult:
    """Gi* cube, Mann-Kendall on each location's z-series, sfdep classification.

    ``permutations = 0`` (default) uses normal two-sided p-values; ``permutations > 0`` uses
    :func:`spacetime_gi_star_pseudo_p` (sfdep's approach; sfdep's defaults are 199 permutations,
    ``alpha = 0.01``, ``global_window="time_step"``, ``row_standardize=True``); the p compared
    with ``alpha`` is then sfdep's folded one-tailed pseudo p. The trend is tested on the
    z-series, as in sfdep and ArcGIS. Needs at least ``MIN_TIME_STEPS`` time steps; raises if
    any z is undefined (NaN).
    """
    x = _check_cube(cube)
    _check_min_steps(x.shape[0])
    z = spacetime_gi_star(
        x, w_space, time_lag, include_self=include_self, row_standardize=row_standardize,
        global_window=global_window,
    )
    if np.isnan(z).any():
        raise InputError("Some Gi* z-scores are undefined (empty neighbourhood or constant time slice); the "
                         "Mann-Kendall trend needs complete series")
    if permutations:
        p = spacetime_gi_star_pseudo_p(
            x, w_space, time_lag, permutations, include_self=include_self,
            row_standardize=row_standardize, seed=seed,
        )
    else:
        p = gi_star_p_values(z)
    tau, s, var_s, trend_z, trend_p = mann_kendall(z)
    labels = classify_emerging(z, p, trend_p, tau, alpha)
    codes = np.array([CATEGORY_CODES[label] for label in labels], dtype=np.int64)
    return EmergingHotSpotResult(z, p, tau, s, var_s, trend_z, trend_p, labels, codes)
