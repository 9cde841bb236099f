"""Spatial autocorrelation and hot-spot statistics on :class:`~.weights.SpatialWeights`.

Local Getis-Ord Gi / Gi* (hot and cold spots), local Moran's I (LISA clusters and outliers),
global Moran's I, Getis-Ord General G, the Clark-Evans nearest neighbour index and
Benjamini-Hochberg q-values. Conventions follow PySAL's ``esda`` 2.5 so that results can be
checked against it; where this module departs (degenerate cases, ties in permutation counts,
sign of Gi for negative means) the function's docstring says so.

Permutation inference is conditional randomisation (Anselin 1995): for feature ``i`` the
other ``n - 1`` values are shuffled over its neighbours while ``y[i]`` stays put. It is fully
vectorised: one ``(k_max, permutations)`` matrix of random draws is made once and reused for
every feature (as ``esda.crand`` does), and the permuted local sums of all features with the
same number of neighbours are computed together, block by block, with array operations.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse, stats
from scipy.spatial import cKDTree

from ..errors import InputError
from .weights import SpatialWeights

__all__ = [
    "GeneralGResult",
    "GiResult",
    "GlobalMoranResult",
    "LocalMoranResult",
    "NearestNeighbourResult",
    "benjamini_hochberg",
    "conditional_pseudo_p",
    "general_g",
    "getis_ord_local",
    "global_moran",
    "local_moran",
    "nearest_neighbour_index",
]

NOT_SIGNIFICANT = "Not significant"
NO_NEIGHBOURS = "No neighbours"
QUADRANT_LABELS = {
    1: "High-High cluster",
    2: "Low-High outlier",
    3: "Low-Low cluster",
    4: "High-Low outlier",
}
# (feature, permutation) pairs per block of the local permutation engine: 2**16 float64 values
# (512 kB) keep its accumulators in cache. Values per block of the global one: 2**22 (32 MB).
_BLOCK_PAIRS = 2**16
_BLOCK_ELEMENTS = 2**22

Progress = Callable[[float], None]


# --------------------------------------------------------------------------------------------
# Results
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class GiResult:
    """Local Getis-Ord statistics per feature.

    ``G`` the statistic, ``z`` its analytical z-score, ``p`` the two-sided normal p-value,
    ``p_sim`` the folded pseudo p-value from conditional permutations (NaN without
    permutations), ``q`` the Benjamini-Hochberg q-value of the p-value used for the bins
    (``p`` or ``p_sim``, see ``inference``), ``bins`` -3..3 (sign of ``z`` times 3/2/1 for
    significance at the first/second/third alpha level, 0 otherwise), ``label`` the bin in
    words. ``star`` says whether this is Gi* (focal feature included) or Gi. Features without
    neighbours have NaN statistics, bin 0 and the label "No neighbours"; ``n_islands`` counts them.
    """

    G: np.ndarray
    z: np.ndarray
    p: np.ndarray
    p_sim: np.ndarray
    q: np.ndarray
    bins: np.ndarray
    label: np.ndarray
    star: bool
    inference: str
    fdr: bool
    alpha_levels: tuple[float, float, float]
    permutations: int
    n_islands: int


@dataclass(frozen=True, eq=False)
class LocalMoranResult:
    """Local Moran's I per feature (LISA).

    ``I`` the statistic (esda ``Moran_Local.Is``), ``y_std`` the standardised values and ``lag``
    their spatial lag (the two axes of the Moran scatterplot), ``p_sim`` the folded pseudo
    p-value from conditional permutations, ``q`` its Benjamini-Hochberg q-value, ``quadrant``
    1 HH, 2 LH, 3 LL, 4 HL (esda ``q``; 0 for islands), ``significant`` whether ``q`` (with
    FDR) or ``p_sim`` is at most ``alpha``, ``label`` the quadrant in words for significant
    features, else "Not significant" (or "No neighbours").
    """

    I: np.ndarray  # noqa: E741 (the statistic's name)
    y_std: np.ndarray
    lag: np.ndarray
    p_sim: np.ndarray
    q: np.ndarray
    quadrant: np.ndarray
    significant: np.ndarray
    label: np.ndarray
    alpha: float
    fdr: bool
    permutations: int
    n_islands: int


@dataclass(frozen=True)
class GlobalMoranResult:
    """Global Moran's I with its moments under normality and under randomisation (two-sided
    p-values) and the folded pseudo p-value of a permutation test (NaN without permutations)."""

    I: float  # noqa: E741 (the statistic's name)
    EI: float
    VI_norm: float
    VI_rand: float
    z_norm: float
    z_rand: float
    p_norm: float
    p_rand: float
    p_sim: float
    permutations: int


@dataclass(frozen=True)
class GeneralGResult:
    """Getis-Ord General G with its expectation and variance under randomisation, z, two-sided
    p-value and the folded pseudo p-value of a permutation test (NaN without permutations)."""

    G: float
    EG: float
    VG: float
    z: float
    p: float
    p_sim: float
    permutations: int


@dataclass(frozen=True)
class NearestNeighbourResult:
    """Clark-Evans nearest neighbour index: mean observed and expected nearest neighbour
    distance (layer units), their ratio R (< 1 clustered, 1 random, > 1 dispersed), z and
    two-sided p."""

    observed: float
    expected: float
    ratio: float
    z: float
    p: float
    n: int
    area: float


# --------------------------------------------------------------------------------------------
# Shared helpers
# --------------------------------------------------------------------------------------------


def _check_values(y: np.ndarray, w: SpatialWeights) -> np.ndarray:
    y = np.asarray(y, dtype=np.float64).ravel()
    if y.size != w.n:
        raise ValueError(f"got {y.size} values for weights of {w.n} features; they must align")
    if y.size < 3:
        raise InputError("A spatial autocorrelation statistic needs at least 3 features, got {}", y.size)
    if not np.all(np.isfinite(y)):
        raise InputError("The values contain NaN or infinite numbers; drop or fill missing values first")
    if np.all(y == y[0]):
        raise InputError("All values are equal; spatial autocorrelation needs variation in the values (pick "
                         "another field or a larger area)")
    # Every statistic here is unchanged by a positive scale factor; a power of two scales exactly and keeps
    # sums of squares of values near +-1e308 finite (they overflowed: every z NULL, without a word).
    _, exponent = np.frexp(np.max(np.abs(y)))
    return np.ldexp(y, -exponent)


def _two_sided(z: np.ndarray | float) -> np.ndarray:
    return 2.0 * stats.norm.sf(np.abs(z))


def _rng(seed: int | None) -> np.random.Generator:
    return np.random.default_rng(seed)


def benjamini_hochberg(p: np.ndarray) -> np.ndarray:
    """Benjamini-Hochberg (1995) false discovery rate q-values ("BH-adjusted p-values").

    ``q_(i) = min_{j >= i} min(1, m p_(j) / j)`` over the ``m`` p-values sorted ascending, which
    is monotone in ``p`` and capped at 1 (R's ``p.adjust(p, "BH")``). NaN p-values stay NaN and
    do not count in ``m``. Reference: Benjamini, Y. & Hochberg, Y. (1995), Controlling the false
    discovery rate, J. R. Stat. Soc. B 57(1), 289-300.
    """
    p = np.asarray(p, dtype=np.float64)
    q = np.full(p.shape, np.nan)
    flat = p.ravel()
    valid = np.flatnonzero(~np.isnan(flat))
    pv = flat[valid]
    if np.any((pv < 0) | (pv > 1)):
        raise ValueError("p-values must lie between 0 and 1")
    m = pv.size
    if m == 0:
        return q
    order = np.argsort(pv, kind="stable")
    scaled = pv[order] * m / np.arange(1, m + 1)
    adjusted = np.minimum(np.minimum.accumulate(scaled[::-1])[::-1], 1.0)
    out = q.ravel()
    out[valid[order]] = adjusted
    return out.reshape(p.shape)


def _moments_s012(W: sparse.csr_matrix) -> tuple[float, float, float]:
    """Cliff & Ord's S0 (sum of weights), S1 (0.5 sum (w_ij + w_ji)^2), S2 (sum_i (w_i. + w_.i)^2)."""
    s0 = float(W.sum())
    sym = W + W.T
    s1 = 0.5 * float(sym.multiply(sym).sum())
    rows = np.asarray(W.sum(axis=1)).ravel()
    cols = np.asarray(W.sum(axis=0)).ravel()
    s2 = float(((rows + cols) ** 2).sum())
    return s0, s1, s2


def _folded_p(ge: np.ndarray, le: np.ndarray, permutations: int) -> np.ndarray:
    """Folded pseudo p-value (Hope 1968; esda's ``p_sim``): (1 + the smaller of #sim >= obs and
    #sim <= obs) / (1 + permutations). Without ties this is esda's ``min(larger, perms - larger)``;
    with ties (e.g. a zero statistic) it is conservative where esda would report 1/(1+perms)."""
    return (1.0 + np.minimum(ge, le)) / (1.0 + permutations)


def _check_permutations(permutations: int) -> int:
    permutations = int(permutations)
    if permutations < 0:
        raise ValueError("the number of permutations must be 0 or more (999 is usual)")
    return permutations


# --------------------------------------------------------------------------------------------
# Conditional permutation engine
# --------------------------------------------------------------------------------------------


def _random_neighbour_ids(n: int, k_max: int, permutations: int, rng: np.random.Generator) -> np.ndarray:
    """``(permutations, k_max)`` draws without replacement from ``0..n-2`` (one row per
    permutation). Entry ``r`` means "the r-th of the other n - 1 features" for every feature."""
    ids = np.empty((permutations, k_max), dtype=np.int64)
    for row in range(permutations):  # a loop over permutations, not over features
        ids[row] = rng.choice(n - 1, size=k_max, replace=False)
    return ids


def conditional_pseudo_p(
    values: np.ndarray,
    matrix: sparse.spmatrix,
    permutations: int = 999,
    seed: int | None = 0,
    *,
    random_ids: np.ndarray | None = None,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> np.ndarray:
    """Folded pseudo p-values of the local weighted sums ``matrix @ values`` under conditional
    randomisation (Anselin 1995, LISA; esda ``crand``).

    For feature ``i`` with ``k_i`` neighbours, each permutation puts ``k_i`` values drawn without
    replacement from the other ``n - 1`` features on its neighbours. The same draws serve every
    feature: row ``p`` of ``random_ids`` (``(permutations, k_max)``, entries in ``0..n-2``) maps
    entry ``r`` to feature ``r`` if ``r < i`` else ``r + 1``, exactly as esda's ``crand`` does, so
    passing esda's ``vec_permutations`` matrix reproduces its p-values. Any local statistic
    that, for fixed ``i``, is a monotone function of the weighted sum of the neighbours' values
    (Gi, Gi*, local Moran's I) has these p-values.

    ``matrix`` must have no diagonal; rows without neighbours get NaN. ``seed`` seeds numpy's
    ``default_rng`` when ``random_ids`` is not given. ``chunk_size`` caps the features per block
    (default: about 65,000 feature-permutation pairs per block); results do not depend on it. ``progress`` is
    called with the fraction done after each block; raise from it (e.g.
    ``besecure.analysis.errors.Cancelled``) to cancel.
    Comparisons use a tolerance of 1e-10 relative to the largest possible sum, so permuted sums
    equal to the observed one up to rounding count as ties (ties count on both sides).
    """
    values = np.asarray(values, dtype=np.float64).ravel()
    m = sparse.csr_matrix(matrix, dtype=np.float64)
    m.sort_indices()
    n = values.size
    if m.shape != (n, n):
        raise ValueError(f"the matrix has shape {m.shape} for {n} values")
    if np.any(m.diagonal() != 0):
        raise ValueError("the matrix must not have self-weights (the focal value is held fixed)")
    permutations = _check_permutations(permutations)
    counts = np.diff(m.indptr)
    p_sim = np.full(n, np.nan)
    k_max = int(counts.max()) if n else 0
    if permutations == 0 or k_max == 0:
        return p_sim
    if random_ids is None:
        random_ids = _random_neighbour_ids(n, k_max, permutations, _rng(seed))
    random_ids = np.asarray(random_ids)
    if random_ids.ndim != 2 or random_ids.shape[0] != permutations or random_ids.shape[1] < k_max:
        raise ValueError(f"random_ids must have shape ({permutations}, >= {k_max})")
    if random_ids.min() < 0 or random_ids.max() > n - 2:
        raise ValueError(f"random_ids must lie in 0..{n - 2}")

    # Rows with one weight repeated (binary or row-standardised binary weights) are compared on
    # plain sums, which keeps their order and saves a multiplication per element.
    data = m.data
    has = counts > 0
    row_first = np.repeat(data[m.indptr[:-1][has]], counts[has])
    weighted = not np.all(data == row_first)
    if not weighted:
        data = np.ones_like(data)
        m = sparse.csr_matrix((data, m.indices, m.indptr), shape=m.shape)
    observed = m @ values

    # For feature i, drawn rank r stands for feature r below i and r + 1 from i on, so each
    # permuted value is low (r < i) or high (r >= i); columns are neighbour slots, rows of
    # length `permutations` keep the inner loops contiguous.
    ids_t = np.ascontiguousarray(random_ids[:, :k_max].T)
    low = values[ids_t]
    high = values[ids_t + 1]
    step = high - low
    scale = float(np.abs(values).max())
    ge = np.zeros(n, dtype=np.int64)
    le = np.zeros(n, dtype=np.int64)
    total_work = float(m.nnz)
    done = 0.0
    # Small blocks keep the (features x permutations) accumulators in cache; the loop over
    # neighbour slots is at most k_max long.
    size = chunk_size or max(1, _BLOCK_PAIRS // permutations)
    for k in np.unique(counts[has]):
        k = int(k)
        features = np.flatnonzero(counts == k)
        low_sum = low[:k].sum(axis=0)
        for start in range(0, features.size, size):
            idx = features[start : start + size]
            col = idx[:, None]
            if weighted:
                w_rows = data[m.indptr[idx][:, None] + np.arange(k)]
                sims = np.zeros((idx.size, permutations))
                for slot in range(k):
                    sims += w_rows[:, slot, None] * np.where(ids_t[slot] >= col, high[slot], low[slot])
                tol = 1e-10 * scale * k * w_rows.max(axis=1)
            else:
                sims = (ids_t[0] >= col) * step[0]
                for slot in range(1, k):
                    sims += (ids_t[slot] >= col) * step[slot]
                sims += low_sum
                tol = np.full(idx.size, 1e-10 * scale * k)
            obs = observed[idx]
            ge[idx] = np.count_nonzero(sims >= (obs - tol)[:, None], axis=1)
            le[idx] = np.count_nonzero(sims <= (obs + tol)[:, None], axis=1)
            done += idx.size * k
            if progress is not None:
                progress(done / total_work)
    p_sim[has] = _folded_p(ge[has], le[has], permutations)
    return p_sim


def _global_permutation_sims(
    values: np.ndarray, W: sparse.csr_matrix, permutations: int, rng: np.random.Generator
) -> np.ndarray:
    """``v' W v`` for ``permutations`` random permutations ``v`` of ``values``, in blocks of
    permutations (one sparse-dense product per block)."""
    n = values.size
    sims = np.empty(permutations)
    block = max(1, _BLOCK_ELEMENTS // max(n, 1))
    for start in range(0, permutations, block):
        rows = min(block, permutations - start)
        perm = rng.permuted(np.broadcast_to(values, (rows, n)), axis=1).T  # (n, rows)
        sims[start : start + rows] = np.einsum("ij,ij->j", perm, W @ perm)
    return sims


def _global_p_sim(observed: float, sims: np.ndarray, scale: float) -> float:
    tol = 1e-10 * scale
    ge = np.count_nonzero(sims >= observed - tol)
    le = np.count_nonzero(sims <= observed + tol)
    return float(_folded_p(np.array(ge), np.array(le), sims.size))


# --------------------------------------------------------------------------------------------
# Local statistics
# --------------------------------------------------------------------------------------------


def getis_ord_local(
    y: np.ndarray,
    w: SpatialWeights,
    star: bool = True,
    permutations: int = 999,
    seed: int | None = 0,
    fdr: bool = True,
    alpha_levels: Sequence[float] = (0.01, 0.05, 0.10),
    inference: str = "analytical",
    *,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> GiResult:
    """Local Getis-Ord Gi (``star=False``) or Gi* (``star=True``) hot-spot statistics.

    Binary weights only. Gi sums the neighbours of ``i`` over the sum of all other values;
    Gi* includes ``i`` itself with self-weight 1 (esda ``G_Local(transform='B', star=True)``
    fills the diagonal of binary weights with 1, and so does this function). The analytical
    z-score follows Getis & Ord (1992) and Ord & Getis (1995), as in esda. With ``N = n - 1``
    other values (Gi) or ``N = n`` (Gi*), ``W_i`` the neighbour count (plus 1 for Gi*),
    ``L_i`` the neighbours' sum (plus ``y_i`` for Gi*), and ``m_i``, ``s_i`` the mean and
    population standard deviation of those ``N`` values:
    ``z_i = (L_i - W_i m_i) / (s_i sqrt(W_i (N - W_i) / (N - 1)))``. This standardised form
    equals esda's ``Zs`` whenever the values sum to a positive number (counts, rates) and, unlike
    the ratio form, keeps its sign for variables with a negative mean (e.g. changes).

    ``p`` is two-sided normal; ``p_sim`` comes from ``permutations`` conditional permutations
    (:func:`conditional_pseudo_p`, seeded with ``seed``; Gi and Gi* share it as in esda).
    ``inference`` picks the p-value behind the bins: ``"analytical"`` (``p``, as ArcGIS Hot
    Spot Analysis) or ``"permutation"`` (``p_sim``, as GeoDa/esda, compared with the alpha
    levels as it is). With ``fdr`` the bins use its Benjamini-Hochberg q-values instead.
    ``alpha_levels`` are three increasing levels for bins 3, 2 and 1 (99, 95, 90 % confidence).

    Features without neighbours get NaN and "No neighbours" (also for Gi*, where only the
    feature itself would count); a feature whose z is undefined because every other feature
    is its neighbour or the other values do not vary gets NaN and "Not significant".
    Fewer than 3 features, non-finite or all-equal values raise ``ValueError``.
    """
    y = _check_values(y, w)
    if not w.is_binary:
        raise InputError("Getis-Ord Gi needs binary weights; use w.binary() (distance band, contiguity)")
    if inference not in ("analytical", "permutation"):
        raise ValueError(f"inference must be 'analytical' or 'permutation', not {inference!r}")
    permutations = _check_permutations(permutations)
    if inference == "permutation" and permutations == 0:
        raise ValueError("permutation inference needs permutations > 0 (999 is usual)")
    levels = _check_alpha_levels(alpha_levels)

    n = y.size
    counts = w.neighbour_counts.astype(np.float64)
    islands = counts == 0
    mean = y.mean()
    c = y - mean  # centred values keep the variance and the sums free of cancellation
    ss = float(c @ c)
    lag_c = w.matrix @ c
    lag = w.matrix @ y
    total = float(y.sum())
    with np.errstate(divide="ignore", invalid="ignore"):
        if star:
            big_n = float(n)
            card = counts + 1.0
            numerator = lag_c + c
            sd = np.full(n, np.sqrt(ss / n))
            g_stat = (lag + y) / total
        else:
            big_n = float(n - 1)
            card = counts
            # Leave-one-out mean and variance of the other values, from the centred ones.
            numerator = lag_c + counts * c / big_n
            ss_other = np.maximum(ss - c * c * n / big_n, 0.0)
            sd = np.sqrt(ss_other / big_n)
            g_stat = lag / (total - y)
        spread = np.sqrt(card * (big_n - card) / (big_n - 1.0))
        z = numerator / (sd * spread)
    z[~np.isfinite(z)] = np.nan
    z[islands] = np.nan
    g_stat[islands] = np.nan
    p = _two_sided(z)

    p_sim = conditional_pseudo_p(
        c, w.matrix, permutations, seed, chunk_size=chunk_size, progress=progress
    )
    p_used = p if inference == "analytical" else p_sim
    q = benjamini_hochberg(p_used)
    bins = _bins(z, q if fdr else p_used, levels)
    label = _gi_labels(bins, islands, levels)
    return GiResult(
        G=g_stat,
        z=z,
        p=p,
        p_sim=p_sim,
        q=q,
        bins=bins,
        label=label,
        star=bool(star),
        inference=inference,
        fdr=bool(fdr),
        alpha_levels=levels,
        permutations=permutations,
        n_islands=int(islands.sum()),
    )


def _check_alpha_levels(alpha_levels: Sequence[float]) -> tuple[float, float, float]:
    levels = tuple(float(a) for a in alpha_levels)
    if len(levels) != 3 or not all(0 < a < 1 for a in levels) or not levels[0] < levels[1] < levels[2]:
        raise ValueError("alpha_levels must be three increasing levels between 0 and 1, e.g. (0.01, 0.05, 0.10)")
    low, middle, high = levels
    return low, middle, high


def _bins(z: np.ndarray, p: np.ndarray, levels: tuple[float, float, float]) -> np.ndarray:
    """-3..3: sign of z times 3, 2 or 1 when p is at most the first, second or third level."""
    with np.errstate(invalid="ignore"):
        strength = np.select([p <= levels[0], p <= levels[1], p <= levels[2]], [3, 2, 1], 0)
    sign = np.sign(np.nan_to_num(z))
    return (sign * strength).astype(np.int64)


def _gi_labels(bins: np.ndarray, islands: np.ndarray, levels: tuple[float, float, float]) -> np.ndarray:
    names = {0: NOT_SIGNIFICANT}
    for strength, alpha in zip((3, 2, 1), levels, strict=True):
        confidence = f"{(1.0 - alpha) * 100:g}% confidence"
        names[strength] = f"Hot spot - {confidence}"
        names[-strength] = f"Cold spot - {confidence}"
    table = np.array([names[b] for b in range(-3, 4)] + [NO_NEIGHBOURS])
    code = bins + 3
    code[islands] = 7
    return table[code]


def local_moran(
    y: np.ndarray,
    w: SpatialWeights,
    permutations: int = 999,
    seed: int | None = 0,
    fdr: bool = True,
    alpha: float = 0.05,
    *,
    chunk_size: int | None = None,
    progress: Progress | None = None,
) -> LocalMoranResult:
    """Local Moran's I (Anselin 1995, "Local indicators of spatial association - LISA",
    Geographical Analysis 27(2)) with row-standardised weights.

    ``I_i = (n - 1) z_i lag_i / sum(z^2)`` with ``z`` the values standardised by their mean and
    population standard deviation and ``lag = W z`` for the row-standardised ``W``: esda's
    ``Moran_Local(transformation='r').Is``, equal to R spdep ``localmoran(mlvar=FALSE)``.
    Quadrants as esda's ``q``: 1 High-High (z > 0, lag > 0), 2 Low-High, 3 Low-Low,
    4 High-Low. ``p_sim`` comes from ``permutations`` conditional permutations
    (:func:`conditional_pseudo_p`, seeded). A feature is significant when its BH q-value
    (``fdr=True``) or ``p_sim`` is at most ``alpha``; its label is then its quadrant
    ("High-High cluster", "Low-High outlier", "Low-Low cluster", "High-Low outlier"), else
    "Not significant". Features without neighbours get NaN, quadrant 0 and "No neighbours"
    (esda reports I = 0 for them). Fewer than 3 features, non-finite or all-equal values
    raise ``ValueError``.
    """
    y = _check_values(y, w)
    permutations = _check_permutations(permutations)
    if permutations == 0:
        raise ValueError("local Moran's I is tested by permutation; set permutations > 0 (999 is usual)")
    if not 0 < alpha < 1:
        raise ValueError("alpha must lie between 0 and 1, e.g. 0.05")
    n = y.size
    islands = w.neighbour_counts == 0
    z = (y - y.mean()) / y.std()
    lag = w.row_standardised() @ z
    local_i = (n - 1) * z * lag / float(z @ z)
    local_i[islands] = np.nan
    p_sim = conditional_pseudo_p(
        z, w.matrix, permutations, seed, chunk_size=chunk_size, progress=progress
    )
    q = benjamini_hochberg(p_sim)
    high, high_lag = z > 0, lag > 0
    quadrant = np.select(
        [high & high_lag, ~high & high_lag, ~high & ~high_lag], [1, 2, 3], 4
    ).astype(np.int64)
    quadrant[islands] = 0
    with np.errstate(invalid="ignore"):
        significant = (q if fdr else p_sim) <= alpha
    table = np.array([NO_NEIGHBOURS] + [QUADRANT_LABELS[k] for k in (1, 2, 3, 4)] + [NOT_SIGNIFICANT])
    code = np.where(significant, quadrant, 5)
    code[islands] = 0
    return LocalMoranResult(
        I=local_i,
        y_std=z,
        lag=lag,
        p_sim=p_sim,
        q=q,
        quadrant=quadrant,
        significant=significant,
        label=table[code],
        alpha=float(alpha),
        fdr=bool(fdr),
        permutations=permutations,
        n_islands=int(islands.sum()),
    )


# --------------------------------------------------------------------------------------------
# Global statistics
# --------------------------------------------------------------------------------------------


def global_moran(
    y: np.ndarray,
    w: SpatialWeights,
    permutations: int = 999,
    seed: int | None = 0,
    transform: str = "r",
) -> GlobalMoranResult:
    """Global Moran's I (Moran 1950; moments from Cliff & Ord 1981, Spatial Processes), as
    esda's ``Moran``.

    ``I = n / S0 * z' W z / z' z`` with ``z`` the centred values and ``W`` row-standardised
    (``transform="r"``, default) or the weights as they are (``"b"``). ``E[I] = -1/(n-1)``;
    variances under normality and randomisation (kurtosis-corrected); two-sided p-values.
    ``p_sim`` is the folded pseudo p-value of ``permutations`` random permutations of the
    values (seeded). Islands stay in ``n`` with a zero row, as in esda.
    """
    y = _check_values(y, w)
    permutations = _check_permutations(permutations)
    wmat = _transformed(w, transform)
    n = y.size
    z = y - y.mean()
    ss = float(z @ z)
    s0, s1, s2 = _moments_s012(wmat)
    if s0 == 0:
        raise InputError("The weights have no links at all; no feature has a neighbour")
    quad = float(z @ (wmat @ z))
    moran_i = n / s0 * quad / ss
    e_i = -1.0 / (n - 1)
    v_norm = (n * n * s1 - n * s2 + 3 * s0 * s0) / ((n - 1) * (n + 1) * s0 * s0) - e_i * e_i
    kurt = (np.sum(z**4) / n) / (ss / n) ** 2
    a = n * ((n * n - 3 * n + 3) * s1 - n * s2 + 3 * s0 * s0)
    b = kurt * ((n * n - n) * s1 - 2 * n * s2 + 6 * s0 * s0)
    v_rand = (a - b) / ((n - 1) * (n - 2) * (n - 3) * s0 * s0) - e_i * e_i
    z_norm = (moran_i - e_i) / np.sqrt(v_norm)
    z_rand = (moran_i - e_i) / np.sqrt(v_rand)
    p_sim = np.nan
    if permutations:
        sims = _global_permutation_sims(z, wmat, permutations, _rng(seed))
        p_sim = _global_p_sim(quad, sims, ss * float(np.abs(wmat).max()) * n)
    return GlobalMoranResult(
        I=float(moran_i),
        EI=e_i,
        VI_norm=float(v_norm),
        VI_rand=float(v_rand),
        z_norm=float(z_norm),
        z_rand=float(z_rand),
        p_norm=float(_two_sided(z_norm)),
        p_rand=float(_two_sided(z_rand)),
        p_sim=p_sim,
        permutations=permutations,
    )


def _transformed(w: SpatialWeights, transform: str) -> sparse.csr_matrix:
    t = transform.lower()
    if t == "r":
        return w.row_standardised()
    if t == "b":
        return w.matrix
    raise ValueError(f"transform must be 'r' (row-standardised) or 'b' (as given), not {transform!r}")


def general_g(
    y: np.ndarray,
    w: SpatialWeights,
    permutations: int = 999,
    seed: int | None = 0,
) -> GeneralGResult:
    """Getis-Ord General G (Getis & Ord 1992), as esda's ``G``, for binary weights and
    non-negative values.

    ``G = sum_ij w_ij y_i y_j / sum_{i != j} y_i y_j``, ``E[G] = S0 / (n (n - 1))``, the
    variance from Getis & Ord's (1992) moments under randomisation; ``p`` is two-sided (esda's
    ``p_norm`` is one-sided: half of it). ``p_sim`` is the folded pseudo p-value of
    ``permutations`` random permutations of the values (seeded).
    """
    y = _check_values(y, w)
    if not w.is_binary:
        raise InputError("General G needs binary weights; use w.binary()")
    if np.any(y < 0):
        raise InputError("General G needs non-negative values (counts, rates); use global Moran's I otherwise")
    permutations = _check_permutations(permutations)
    wmat = w.matrix
    n = y.size
    s0, s1, s2 = _moments_s012(wmat)
    if s0 == 0:
        raise InputError("The weights have no links at all; no feature has a neighbour")
    sum1, sum2 = y.sum(), (y * y).sum()
    sum3, sum4 = (y**3).sum(), (y**4).sum()
    den = sum1 * sum1 - sum2
    quad = float(y @ (wmat @ y))
    g_stat = quad / den
    e_g = s0 / (n * (n - 1))
    n2, s02 = n * n, s0 * s0
    b0 = (n2 - 3 * n + 3) * s1 - n * s2 + 3 * s02
    b1 = -((n2 - n) * s1 - 2 * n * s2 + 6 * s02)
    b2 = -(2 * n * s1 - (n + 3) * s2 + 6 * s02)
    b3 = 4 * (n - 1) * s1 - 2 * (n + 1) * s2 + 8 * s02
    b4 = s1 - s2 + s02
    e_g2 = (b0 * sum2**2 + b1 * sum4 + b2 * sum1**2 * sum2 + b3 * sum1 * sum3 + b4 * sum1**4) / (
        den**2 * n * (n - 1) * (n - 2) * (n - 3)
    )
    v_g = e_g2 - e_g * e_g
    z = (g_stat - e_g) / np.sqrt(v_g)
    p_sim = np.nan
    if permutations:
        sims = _global_permutation_sims(y, wmat, permutations, _rng(seed))
        p_sim = _global_p_sim(quad, sims, abs(den))
    return GeneralGResult(
        G=float(g_stat),
        EG=float(e_g),
        VG=float(v_g),
        z=float(z),
        p=float(_two_sided(z)),
        p_sim=p_sim,
        permutations=permutations,
    )


def nearest_neighbour_index(x: np.ndarray, y: np.ndarray, area: float) -> NearestNeighbourResult:
    """Clark & Evans (1954) nearest neighbour index ("Distance to nearest neighbor as a measure
    of spatial relationships in populations", Ecology 35(4)), as ArcGIS Average Nearest Neighbor.

    Observed: the mean distance from each point to its nearest other point (KD-tree; coincident
    points count with distance 0). Expected under complete spatial randomness with density
    ``n / area``: ``0.5 / sqrt(n / area)``; standard error ``0.26136 / sqrt(n^2 / area)``;
    ``R = observed / expected``, ``z = (observed - expected) / se``, two-sided ``p``. No edge
    correction: points near the border of ``area`` lack neighbours outside it, which biases
    R upwards for small ``n`` or an ``area`` much larger than the points' extent.
    """
    x = np.asarray(x, dtype=np.float64).ravel()
    y = np.asarray(y, dtype=np.float64).ravel()
    if x.shape != y.shape:
        raise ValueError(f"x and y must have the same length, got {x.size} and {y.size}")
    n = x.size
    if n < 2:
        raise InputError("The nearest neighbour index needs at least 2 points, got {}", n)
    if not (np.all(np.isfinite(x)) and np.all(np.isfinite(y))):
        raise InputError("The coordinates contain NaN or infinite values; drop empty geometries first")
    if not area > 0:
        raise ValueError("the study area must be positive (in squared layer units)")
    pts = np.column_stack([x, y])
    dist, _ = cKDTree(pts).query(pts, k=2)
    observed = float(dist[:, 1].mean())
    expected = 0.5 / np.sqrt(n / area)
    se = 0.26136 / np.sqrt(n * n / area)
    z = (observed - expected) / se
    return NearestNeighbourResult(
        observed=observed,
        expected=float(expected),
        ratio=float(observed / expected),
        z=float(z),
        p=float(_two_sided(z)),
        n=int(n),
        area=float(area),
    )
