"""Period comparison per spatial unit: counts before and after, change and its significance.

Two numbers are given for each unit:

- ``poisson_z`` = 2 (sqrt(b) - sqrt(a)), the variance-stabilised difference crime analysts know
  (Anscombe 1948; 4 -> 9 gives z = 2.0). It is reported as published but not used for the label:
  when both counts are random its standard deviation is about sqrt(2), not 1, so |z| >= 1.96 flags
  about 17 % of units that did not change at all.
- ``p_value``, from the exact conditional test for two Poisson counts (Przyborowski & Wilenski 1940;
  Lehmann & Romano, Testing Statistical Hypotheses, 4.5): with a incidents in period A of length La
  and b in period B of length Lb, under an unchanged rate b given n = a + b is Binomial(n, p0) with
  p0 = Lb / (La + Lb). The two-sided p-value is the likelihood-ordering ("minlike") one: the
  probability of every outcome no more likely than the one observed, with a relative tolerance of
  1e-7 for ties, capped at 1 - the rule of R's ``binom.test`` and ``exactci::poisson.exact``
  (tsmethod = "minlike"), ``scipy.stats.binomtest`` and statsmodels' ``test_poisson_2indep``
  (method = "exact-cond"). n = 0 gives p = 1. The test is exact, so its false-positive rate is at
  most the nominal level at any count (conservative at small counts).
- ``q_value``: Benjamini & Hochberg (1995) false-discovery-rate q-values over the units that have at
  least one incident (a unit without incidents cannot be tested and gets p = q = 1).

``trend`` is 'significant increase' / 'significant decrease' when q (or p, without FDR) is at most
``alpha``, in the direction of the rates, else 'no significant change'.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import stats

from ..errors import InputError
from ..spatial_stats.autocorrelation import benjamini_hochberg

ALPHA = 0.05
INCREASE = "significant increase"
DECREASE = "significant decrease"
NO_CHANGE = "no significant change"
# scipy.stats.binomtest and R's binom.test count outcomes within this relative distance of the
# observed probability as equally likely (floating-point ties).
_TIE_TOLERANCE = 1.0 + 1e-7


def poisson_z(count_a: np.ndarray, count_b: np.ndarray) -> np.ndarray:
    """2 * (sqrt(b) - sqrt(a)), element-wise."""
    return 2.0 * (np.sqrt(np.asarray(count_b, dtype=float)) - np.sqrt(np.asarray(count_a, dtype=float)))


def _counts(values: np.ndarray, name: str) -> np.ndarray:
    arr = np.asarray(values, dtype=float)
    if arr.size and (not np.all(np.isfinite(arr)) or np.any(arr < 0) or np.any(arr != np.round(arr))):
        raise InputError("The counts of {} must be whole numbers of 0 or more.", name)
    return arr


def _lengths(length_a: float, length_b: float) -> tuple[float, float]:
    la, lb = float(length_a), float(length_b)
    if not (np.isfinite(la) and np.isfinite(lb) and la > 0 and lb > 0):
        raise InputError("Both periods must have a positive length, got {!r} and {!r}.", length_a, length_b)
    return la, lb


def exact_conditional_p(count_a: np.ndarray, count_b: np.ndarray, length_a: float = 1.0,
                        length_b: float = 1.0) -> np.ndarray:
    """Two-sided p-value of the exact conditional test of equal Poisson rates, element-wise.

    b given n = a + b is Binomial(n, p0 = Lb / (La + Lb)) under the null; the p-value sums the
    probabilities of the outcomes at most as likely as b (see the module docstring). Vectorised:
    the binomial pmf is unimodal, so on the far side of the mean the outcomes at most as likely as b
    form one tail, whose edge is found for all units at once by bisection (about log2(n) steps).
    """
    a = _counts(count_a, "period A")
    b = _counts(count_b, "period B")
    la, lb = _lengths(length_a, length_b)
    p0 = lb / (la + lb)
    n = a + b
    with np.errstate(divide="ignore", under="ignore"):  # far tails underflow to 0, which is what they are
        return _minlike_p(b, n, p0)


def _minlike_p(b: np.ndarray, n: np.ndarray, p0: float) -> np.ndarray:
    mean = n * p0
    threshold = stats.binom.pmf(b, n, p0) * _TIE_TOLERANCE
    lower = b < mean
    upper = b > mean
    # b below the mean: the far tail is [j, n], j the first outcome >= ceil(mean) at most as likely as b
    # (n + 1 when there is none). `lo` is never evaluated (a sentinel); the pmf falls from ceil(mean) on.
    lo = np.ceil(mean) - 1
    hi = n + 1
    # b above the mean: the far tail is [0, j], j the last outcome <= floor(mean) at most as likely as b
    # (-1 when there is none); the pmf rises up to floor(mean).
    lo_u = np.full(n.shape, -1.0)
    hi_u = np.floor(mean) + 1
    steps = int(np.ceil(np.log2(n.max() + 2))) + 1 if n.size else 0
    for _ in range(steps):
        mid = np.floor((lo + hi) / 2)
        ok = stats.binom.pmf(mid, n, p0) <= threshold
        active = hi - lo > 1
        hi = np.where(active & ok, mid, hi)
        lo = np.where(active & ~ok, mid, lo)
        mid_u = np.floor((lo_u + hi_u) / 2)
        ok_u = stats.binom.pmf(mid_u, n, p0) <= threshold
        active_u = hi_u - lo_u > 1
        lo_u = np.where(active_u & ok_u, mid_u, lo_u)
        hi_u = np.where(active_u & ~ok_u, mid_u, hi_u)
    p_lower = stats.binom.cdf(b, n, p0) + stats.binom.sf(hi - 1, n, p0)
    p_upper = stats.binom.cdf(lo_u, n, p0) + stats.binom.sf(b - 1, n, p0)
    p = np.where(lower, p_lower, np.where(upper, p_upper, 1.0))
    return np.minimum(p, 1.0)


def compare_periods(count_a: np.ndarray, count_b: np.ndarray, length_a: float = 1.0, length_b: float = 1.0, *,
                    alpha: float = ALPHA, fdr: bool = True) -> pd.DataFrame:
    """Per unit: the counts, their change and its significance.

    ``length_a`` / ``length_b``: the periods' lengths in days. Columns: ``count_a``, ``count_b``,
    ``diff`` (b - a, in incidents), ``rate_a`` and ``rate_b`` (incidents per day), ``rate_ratio``
    (rate_b / rate_a, null when a = 0), ``pct_change`` (of the rate, so of the count when the
    lengths are equal; null when a = 0), ``poisson_z``, ``p_value`` (exact conditional test),
    ``q_value`` (Benjamini-Hochberg over the units with incidents) and ``trend``.
    """
    if not 0.0 < alpha < 1.0:
        raise InputError("The significance level must lie between 0 and 1, got {}.", alpha)
    a = _counts(count_a, "period A")
    b = _counts(count_b, "period B")
    if a.shape != b.shape:
        raise ValueError(f"Got {a.size} counts for period A and {b.size} for period B; give one per unit.")
    la, lb = _lengths(length_a, length_b)
    rate_a, rate_b = a / la, b / lb
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(a > 0, rate_b / rate_a, np.nan)
    # From the counts, so that equal lengths give the count's per cent change exactly.
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(a > 0, (b * la - a * lb) / (a * lb) * 100.0, np.nan)
    p = exact_conditional_p(a, b, la, lb)
    tested = (a + b) > 0
    q = np.ones_like(p)
    q[tested] = benjamini_hochberg(p[tested])
    significant = (q if fdr else p) <= alpha
    up = b * la > a * lb
    down = b * la < a * lb
    trend = np.where(significant & up, INCREASE, np.where(significant & down, DECREASE, NO_CHANGE))
    return pd.DataFrame(
        {
            "count_a": a.astype(np.int64),
            "count_b": b.astype(np.int64),
            "diff": (b - a).astype(np.int64),
            "rate_a": rate_a,
            "rate_b": rate_b,
            "rate_ratio": ratio,
            "pct_change": pct,
            "poisson_z": poisson_z(a, b),
            "p_value": p,
            "q_value": q,
            "trend": trend,
        }
    )
