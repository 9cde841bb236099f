"""Tests for besecure.analysis.crime.emerging_hot_spots (emerging hot spot analysis, issue 3 item 5)."""
from __future__ import annotations

import itertools
import math
from collections import Counter

import numpy as np
import pytest
import scipy.sparse as sp
from scipy.stats import kendalltau, norm

from besecure.analysis.crime.emerging_hot_spots import (
    CATEGORY_CODES,
    DISPLAY_NAMES,
    LABELS,
    MIN_TIME_STEPS,
    NO_PATTERN,
    RULES,
    build_cube,
    classify_emerging,
    emerging_hot_spot_analysis,
    emerging_rule_matches,
    expected_neighbourhood_count,
    gi_star_p_values,
    mann_kendall,
    spacetime_gi_star,
    spacetime_gi_star_pseudo_p,
    sparse_threshold,
    step_coverage,
    step_end,
    time_bins,
)
from besecure.analysis.errors import InputError

ALPHA = 0.05


# ------------------------------------------------------------------------------------------
# helpers
# ------------------------------------------------------------------------------------------
def chain_weights(n: int) -> sp.csr_matrix:
    """Binary adjacency of a chain 0 - 1 - ... - n-1 (no self links)."""
    rows = np.r_[np.arange(n - 1), np.arange(1, n)]
    cols = np.r_[np.arange(1, n), np.arange(n - 1)]
    return sp.csr_matrix((np.ones(rows.size), (rows, cols)), shape=(n, n))


def queen_grid(n_rows: int, n_cols: int) -> sp.csr_matrix:
    rows, cols = [], []
    for r, c in itertools.product(range(n_rows), range(n_cols)):
        for dr, dc in itertools.product((-1, 0, 1), repeat=2):
            if (dr or dc) and 0 <= r + dr < n_rows and 0 <= c + dc < n_cols:
                rows.append(r * n_cols + c)
                cols.append((r + dr) * n_cols + c + dc)
    n = n_rows * n_cols
    return sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=(n, n))


def naive_gi_star(cube, neighbours, time_lag, *, window="cube", include_self=True,
                  row_standardize=False):
    """Space-time Gi* straight from the definition, with explicit loops over (t, i).

    Neighbourhood of (t, i): {i} + neighbours[i] at t, t-1, ..., t-time_lag (>= 0), each
    member weighted 1 (or 1 / (number of members per slice) when row-standardised, as
    sfdep's st_weights(include_self(nb)) repeated per lag). window "cube": mean / population
    variance of all values, n = T * L; "time_step": of slice t only, n = L (sfdep's
    local_g_spt_calc, which runs once per time slice).
    """
    n_times, n_loc = cube.shape
    out = np.empty((n_times, n_loc))
    for t in range(n_times):
        for i in range(n_loc):
            members = list(neighbours[i]) + ([i] if include_self else [])
            weight = 1.0 / len(members) if row_standardize else 1.0
            values, weights = [], []
            for lag in range(time_lag + 1):
                if t - lag < 0:
                    break
                for j in members:
                    values.append(float(cube[t - lag, j]))
                    weights.append(weight)
            pool = [float(v) for v in cube.ravel()] if window == "cube" else list(cube[t])
            n = len(pool)
            mean = sum(pool) / n
            var = sum((v - mean) ** 2 for v in pool) / n
            w_sum = sum(weights)
            s1 = sum(w * w for w in weights)
            lx = sum(w * v for w, v in zip(weights, values))
            var_term = var * (n * s1 - w_sum**2) / (n - 1)
            # sfdep would give NaN here (sqrt of a negative number): undefined
            out[t, i] = (lx - mean * w_sum) / math.sqrt(var_term) if var_term > 0 else np.nan
    return out


def brute_force_s(x):
    n = len(x)
    return sum(np.sign(x[j] - x[i]) for i in range(n) for j in range(i + 1, n))


def brute_force_var_s(x):
    n = len(x)
    ties = Counter(x.tolist()).values()
    return (n * (n - 1) * (2 * n + 5) - sum(t * (t - 1) * (2 * t + 5) for t in ties)) / 18.0


def classify_series(z, alpha=ALPHA):
    """Classify z-series (T,) or (T, L) the way the pipeline does: normal p, MK on z."""
    z = np.asarray(z, dtype=float)
    if z.ndim == 1:
        z = z[:, None]
    tau, _s, _v, _z, trend_p = mann_kendall(z)
    return classify_emerging(z, gi_star_p_values(z), trend_p, tau, alpha)


# ------------------------------------------------------------------------------------------
# space-time Gi*
# ------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def small_cube():
    rng = np.random.default_rng(20240501)
    return rng.poisson(4.0, size=(6, 10)) + rng.uniform(0, 1, size=(6, 10))


@pytest.mark.parametrize("time_lag", [0, 1, 2, 7])
@pytest.mark.parametrize("window", ["cube", "time_step"])
@pytest.mark.parametrize("include_self", [True, False])
@pytest.mark.parametrize("row_standardize", [False, True])
def test_gi_star_matches_naive_loops(small_cube, time_lag, window, include_self,
                                     row_standardize):
    w = chain_weights(10)
    neighbours = [w.indices[w.indptr[i]:w.indptr[i + 1]] for i in range(10)]
    expected = naive_gi_star(small_cube, neighbours, time_lag, window=window,
                             include_self=include_self, row_standardize=row_standardize)
    got = spacetime_gi_star(small_cube, w, time_lag, global_window=window,
                            include_self=include_self, row_standardize=row_standardize)
    assert got.shape == (6, 10)
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-10)  # NaN where both are NaN
    if window == "cube" or time_lag <= 2:
        assert np.isfinite(got).all()
    else:  # 10 locations, up to 6 slices: n S1 < W^2, the per-slice variance term is negative
        assert np.isnan(got).any()


def test_gi_star_default_is_cube_window_binary_gstar(small_cube):
    w = chain_weights(10)
    neighbours = [w.indices[w.indptr[i]:w.indptr[i + 1]] for i in range(10)]
    np.testing.assert_allclose(spacetime_gi_star(small_cube, w),
                               naive_gi_star(small_cube, neighbours, 1), rtol=0, atol=1e-10)


def test_gi_star_accepts_dense_weights_and_integer_cube():
    cube = np.arange(40).reshape(4, 10) % 7
    w = chain_weights(10)
    np.testing.assert_allclose(spacetime_gi_star(cube, w.toarray()), spacetime_gi_star(cube, w))


def test_gi_star_focal_location_counts_at_earlier_lags():
    # A single spike at (t=2, i=5). With time_lag=1 it lies in the neighbourhood of
    # (3, 5) (the focal location one step earlier) and of (3, 4), (3, 6).
    cube = np.zeros((5, 10))
    cube[2, 5] = 10.0
    z = spacetime_gi_star(cube, chain_weights(10), 1)
    base = z[0, 0]
    for t, i in [(2, 4), (2, 5), (2, 6), (3, 4), (3, 5), (3, 6)]:
        assert z[t, i] > base + 1
    assert z[4, 5] < z[3, 5]


def test_gi_star_p_values_two_sided():
    z = np.array([-1.959963984540054, 0.0, 1.959963984540054, np.nan])
    p = gi_star_p_values(z)
    np.testing.assert_allclose(p[:3], [0.05, 1.0, 0.05], atol=1e-12)
    assert np.isnan(p[3])


def test_gi_star_bad_inputs():
    w = chain_weights(4)
    with pytest.raises(ValueError, match="constant"):
        spacetime_gi_star(np.ones((5, 4)), w)
    with pytest.raises(ValueError, match="self links"):
        spacetime_gi_star(np.arange(20.0).reshape(5, 4), w + sp.identity(4))
    with pytest.raises(ValueError, match="4 x 4"):
        spacetime_gi_star(np.arange(20.0).reshape(5, 4), chain_weights(5))
    with pytest.raises(ValueError, match="NaN"):
        spacetime_gi_star(np.array([[1.0, np.nan, 2, 3]] * 5), w)
    with pytest.raises(ValueError, match="time_lag"):
        spacetime_gi_star(np.arange(20.0).reshape(5, 4), w, -1)
    with pytest.raises(ValueError, match="global_window"):
        spacetime_gi_star(np.arange(20.0).reshape(5, 4), w, global_window="slice")
    with pytest.raises(ValueError, match="2-D"):
        spacetime_gi_star(np.arange(4.0), w)


def test_gi_star_time_step_window_constant_slice_is_nan():
    cube = np.arange(20.0).reshape(5, 4)
    cube[2] = 3.0
    z = spacetime_gi_star(cube, chain_weights(4), 0, global_window="time_step")
    assert np.isnan(z[2]).all()
    assert np.isfinite(np.delete(z, 2, axis=0)).all()


# ------------------------------------------------------------------------------------------
# permutation pseudo p-values
# ------------------------------------------------------------------------------------------
def test_pseudo_p_reproducible_and_in_range():
    rng = np.random.default_rng(7)
    cube = rng.poisson(3.0, size=(8, 25))
    w = queen_grid(5, 5)
    p1 = spacetime_gi_star_pseudo_p(cube, w, 1, 99, seed=11)
    p2 = spacetime_gi_star_pseudo_p(cube, w, 1, 99, seed=11, max_chunk=50)  # chunking
    np.testing.assert_array_equal(p1, p2)
    assert p1.shape == cube.shape
    assert p1.min() >= 1 / 100 and p1.max() <= 1.0
    assert spacetime_gi_star_pseudo_p(cube, w, 1, 99, seed=12).tolist() != p1.tolist()


@pytest.mark.parametrize("time_lag", [0, 1, 2])
@pytest.mark.parametrize("row_standardize", [False, True])
def test_pseudo_p_matches_naive_loops_with_the_same_draws(small_cube, time_lag,
                                                          row_standardize):
    """White-box check of the vectorised permutation: same random draws, explicit loops.

    Per permutation one sample of ``width`` ids from the other N - 1 bins is drawn (shared by
    all bins); bin f uses its first c_f ids, shifted past itself, as its c_f neighbourhood
    members (focal slot included, as in sfdep)."""
    w = chain_weights(10)
    n_loc = small_cube.shape[1]
    flat = small_cube.ravel()
    n_bins, perms, seed = flat.size, 49, 123
    members = [list(w.indices[w.indptr[i]:w.indptr[i + 1]]) + [i] for i in range(n_loc)]
    width = (time_lag + 1) * max(len(m) for m in members)
    rng = np.random.default_rng(seed)
    draws = [rng.choice(n_bins - 1, size=width, replace=False) for _ in range(perms)]
    expected = np.empty(n_bins)
    for f in range(n_bins):
        t, i = divmod(f, n_loc)
        weight = 1.0 / len(members[i]) if row_standardize else 1.0
        depth = min(t, time_lag) + 1
        obs = weight * sum(small_cube[t - lag, j] for lag in range(depth) for j in members[i])
        count = depth * len(members[i])
        below = above = 0
        for rids in draws:
            ids = [r + 1 if r >= f else r for r in rids[:count]]
            rep = weight * sum(flat[b] for b in ids)
            below += rep <= obs + 1e-9 * max(1, abs(obs))
            above += rep >= obs - 1e-9 * max(1, abs(obs))
        expected[f] = min(below + 1, above + 1) / (perms + 1)
    got = spacetime_gi_star_pseudo_p(small_cube, w, time_lag, perms, seed=seed,
                                     row_standardize=row_standardize)
    np.testing.assert_allclose(got.ravel(), expected, rtol=0, atol=1e-12)


def test_pseudo_p_null_is_roughly_uniform_and_spike_is_extreme():
    rng = np.random.default_rng(3)
    cube = rng.poisson(3.0, size=(24, 100)).astype(float)
    w = queen_grid(10, 10)
    p = spacetime_gi_star_pseudo_p(cube, w, 1, 199, seed=5)
    # folded one-tailed p: about Uniform(0, 0.5) under the null
    assert 0.2 < p.mean() < 0.32
    assert (p <= 0.05).mean() < 0.13
    cube[20, 44] += 40.0
    p = spacetime_gi_star_pseudo_p(cube, w, 1, 199, seed=5)
    # the focal slot is redrawn too (sfdep), so a lone extreme bin is itself significant
    assert p[20, 44] == pytest.approx(1 / 200)
    assert p[21, 44] <= 0.02  # the spike is in its neighbourhood (lag 1)
    assert p[20, 45] <= 0.02  # and in its spatial neighbours'
    assert p[23, 44] > 0.02  # but not two steps later


def test_pseudo_p_agrees_in_direction_with_z():
    rng = np.random.default_rng(9)
    cube = rng.poisson(3.0, size=(12, 25)).astype(float)
    cube[8:, 12] += 15
    w = queen_grid(5, 5)
    z = spacetime_gi_star(cube, w, 1)
    p = spacetime_gi_star_pseudo_p(cube, w, 1, 199, seed=1)
    strong = np.abs(z) > 3
    assert strong.any()
    assert (p[strong] <= 0.02).all()


# ------------------------------------------------------------------------------------------
# Mann-Kendall
# ------------------------------------------------------------------------------------------
def test_mann_kendall_matches_scipy_and_brute_force_without_ties():
    rng = np.random.default_rng(1)
    series = rng.normal(size=(15, 40)) + np.linspace(0, 1, 15)[:, None] * rng.normal(size=40)
    tau, s, var_s, z, p = mann_kendall(series)
    t = np.arange(15)
    n = 15
    for j in range(series.shape[1]):
        x = series[:, j]
        assert tau[j] == pytest.approx(kendalltau(t, x).statistic, abs=1e-12)
        assert s[j] == brute_force_s(x)
        assert var_s[j] == pytest.approx(n * (n - 1) * (2 * n + 5) / 18)
        # continuity-corrected normal approximation (Kendall::MannKendall for n > 3)
        z_cc = (s[j] - np.sign(s[j])) / math.sqrt(var_s[j])
        assert z[j] == pytest.approx(z_cc, abs=1e-12)
        assert p[j] == pytest.approx(2 * norm.sf(abs(z_cc)), abs=1e-12)


def test_mann_kendall_with_ties_matches_scipy_tau_b_and_tie_variance():
    rng = np.random.default_rng(2)
    series = rng.integers(0, 4, size=(20, 30)).astype(float)  # many ties
    series[:, 0] = [1, 1, 1, 2, 2, 3, 3, 3, 3, 0, 0, 5, 5, 5, 5, 5, 1, 2, 2, 9]
    tau, s, var_s, z, _p = mann_kendall(series)
    t = np.arange(20)
    for j in range(series.shape[1]):
        x = series[:, j]
        ref = kendalltau(t, x)
        assert tau[j] == pytest.approx(ref.statistic, abs=1e-12)
        assert s[j] == brute_force_s(x)
        assert var_s[j] == pytest.approx(brute_force_var_s(x), abs=1e-9)
        # without the continuity correction it is scipy's asymptotic tie-corrected test
        z_plain = s[j] / math.sqrt(var_s[j])
        asym = kendalltau(t, x, method="asymptotic").pvalue
        assert 2 * norm.sf(abs(z_plain)) == pytest.approx(asym, rel=1e-9)
        assert abs(z[j]) <= abs(z_plain) + 1e-15


def test_mann_kendall_known_values_and_1d_input():
    tau, s, var_s, z, p = mann_kendall(np.arange(10.0))  # strictly increasing
    assert tau[0] == 1.0 and s[0] == 45.0 and var_s[0] == pytest.approx(125.0)
    assert z[0] == pytest.approx(44 / math.sqrt(125))
    assert p[0] == pytest.approx(2 * norm.sf(44 / math.sqrt(125)))
    _tau, s, _var, _z, _p = mann_kendall(np.array([3.0, 1, 2, 1]))
    assert s[0] == brute_force_s(np.array([3.0, 1, 2, 1]))


def test_mann_kendall_constant_series():
    tau, s, var_s, z, p = mann_kendall(np.ones((6, 2)))
    assert np.isnan(tau).all()
    np.testing.assert_array_equal(s, 0)
    np.testing.assert_array_equal(var_s, 0)
    np.testing.assert_array_equal(z, 0)
    np.testing.assert_array_equal(p, 1)


def test_mann_kendall_bad_input():
    with pytest.raises(ValueError, match=f"at least {MIN_TIME_STEPS} time steps"):
        mann_kendall(np.arange(3.0))
    with pytest.raises(ValueError, match="NaN"):
        mann_kendall(np.array([1.0, np.nan, 2, 3, 4]))


# ------------------------------------------------------------------------------------------
# classification: the 17 patterns, built from the rule definitions (n = 10, alpha = 0.05)
# ------------------------------------------------------------------------------------------
QUIET = [0.3, 0.2, 0.5, 0.1, 0.4, 0.3, 0.2, 0.5, 0.1, 0.4]  # never significant, no trend

HOT_PATTERNS = {
    # only the final step significant (hot), never before
    "new hotspot": QUIET[:9] + [3.0],
    # uninterrupted run of hot bins at the end, nothing significant before, < 90 % hot
    "consecutive hotspot": QUIET[:7] + [2.5, 2.9, 3.1],
    # >= 90 % significant, final significant, significant upward trend
    "intensifying hotspot": [2.5 + 0.3 * t for t in range(10)],
    # >= 90 % hot, no significant trend
    "persistent hotspot": [3.0, 2.6, 3.4, 2.8, 3.1, 2.7, 3.3, 2.9, 3.2, 3.0],
    # >= 90 % hot, final significant, significant downward trend
    "diminishing hotspot": [5.5 - 0.3 * t for t in range(10)],
    # < 90 % hot, on and off, never significantly cold
    "sporadic hotspot": [0.3, 0.2, 2.5, 0.1, 0.4, 2.8, 0.3, 0.5, 0.2, 0.6],
    # hot at the end, significantly cold before, <= 90 % hot
    "oscilating hotspot": [0.3, 0.2, -2.5, 0.1, 0.4, 2.8, 0.3, 0.5, 0.2, 2.6],
    # >= 90 % hot, final z negative (a significant downward trend, see precedence tests)
    "historical hotspot": [5.0 - 0.35 * t for t in range(9)] + [-0.5],
}
COLD_PATTERNS = {
    label.replace("hotspot", "coldspot"): [-v for v in z] for label, z in HOT_PATTERNS.items()
}
ALL_PATTERNS = {**HOT_PATTERNS, **COLD_PATTERNS, NO_PATTERN: QUIET}
# sfdep quirk (see the module docstring): with a significant upward trend (trend_p < alpha) a
# diminishing cold spot is caught first by "intensifying hotspot", which counts significant
# bins of either sign; "diminishing coldspot" is only reached at trend_p == alpha exactly.
EXPLICIT_TREND = {"diminishing coldspot": (0.5, ALPHA)}  # (tau, trend_p)


def classify_pattern(label):
    z = np.asarray(ALL_PATTERNS[label], dtype=float)[:, None]
    if label in EXPLICIT_TREND:
        tau, trend_p = EXPLICIT_TREND[label]
        return classify_emerging(z, gi_star_p_values(z), trend_p, tau, ALPHA)[0]
    return classify_series(z)[0]


def test_every_label_has_a_pattern_and_the_rules_follow_sfdep_order():
    assert set(ALL_PATTERNS) == set(LABELS)
    assert len(LABELS) == 17
    assert tuple(label for label, _ in RULES) + (NO_PATTERN,) == LABELS
    assert set(DISPLAY_NAMES) == set(LABELS) == set(CATEGORY_CODES)
    assert sorted(CATEGORY_CODES.values()) == list(range(-8, 9))


@pytest.mark.parametrize("label", list(ALL_PATTERNS))
def test_each_pattern_from_its_definition(label):
    assert classify_pattern(label) == label


def test_all_patterns_at_once_vectorised():
    labels = list(ALL_PATTERNS)
    z = np.column_stack([ALL_PATTERNS[label] for label in labels])
    tau, _s, _v, _z, trend_p = mann_kendall(z)
    col = labels.index("diminishing coldspot")
    tau[col], trend_p[col] = EXPLICIT_TREND["diminishing coldspot"]
    assert list(classify_emerging(z, gi_star_p_values(z), trend_p, tau, ALPHA)) == labels


def test_sfdep_labels_a_diminishing_cold_spot_intensifying_hot_spot():
    z = ALL_PATTERNS["diminishing coldspot"]  # all significantly cold, rising towards 0
    assert mann_kendall(np.asarray(z))[4][0] < ALPHA
    assert classify_series(z)[0] == "intensifying hotspot"
    assert {"intensifying hotspot", "diminishing coldspot"} <= set(_matching(z))


def test_display_names_and_codes():
    assert DISPLAY_NAMES["oscilating hotspot"] == "Oscillating Hot Spot"
    assert DISPLAY_NAMES[NO_PATTERN] == "No Pattern Detected"
    assert CATEGORY_CODES["new hotspot"] == 1 and CATEGORY_CODES["historical coldspot"] == -8


def _matching(z, alpha=ALPHA):
    z = np.asarray(z, dtype=float)[:, None]
    tau, _s, _v, _z, trend_p = mann_kendall(z)
    matches = emerging_rule_matches(z, gi_star_p_values(z), trend_p, tau, alpha)
    return [label for label, hit in matches.items() if hit[0]]


# ------------------------------------------------------------------------------------------
# classification: precedence where several rules hold (sfdep order)
# ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("z", "winner", "also"),
    [
        # a lone final hot bin is also "consecutive" (run of 1) and "sporadic"
        (HOT_PATTERNS["new hotspot"], "new hotspot", {"consecutive hotspot", "sporadic hotspot"}),
        # a trailing run of significant bins of mixed sign (cold, cold, hot): sfdep only checks
        # that the last bin is hot -> consecutive, though oscillating holds as well
        (QUIET[:7] + [-2.5, -2.6, 2.9], "consecutive hotspot", {"oscilating hotspot"}),
        # all significant, first two cold, upward trend: consecutive (run = whole series,
        # 80 % hot) wins over intensifying and oscillating
        ([-2.6, -2.2] + [2.2 + 0.3 * t for t in range(8)], "consecutive hotspot",
         {"intensifying hotspot", "oscilating hotspot"}),
        # one cold then nine rising hot bins: 90 % hot is not < 0.9 so not consecutive;
        # intensifying (significant bins of either sign) wins over oscillating (<= 0.9)
        ([-2.6] + [2.2 + 0.3 * t for t in range(9)], "intensifying hotspot",
         {"oscilating hotspot"}),
        # 18 of 20 hot, a gap, final bin significantly cold, downward trend: diminishing beats
        # historical
        ([5.0 - 0.15 * t for t in range(17)] + [0.5, 2.3, -2.5], "diminishing hotspot",
         {"historical hotspot"}),
        # the same without the gap: the final run of significant bins (either sign) is the
        # whole series, so sfdep calls it a consecutive *cold* spot first
        ([5.0 - 0.3 * t for t in range(9)] + [-2.5], "consecutive coldspot",
         {"diminishing hotspot", "historical hotspot"}),
        # >= 90 % hot, final z negative, but no significant trend: persistent beats historical
        ([3.0, 2.6, 3.4, 2.8, 3.1, 2.7, 3.3, 2.9, 3.2, -0.4], "persistent hotspot",
         {"historical hotspot"}),
        ([-3.0, -2.6, -3.4, -2.8, -3.1, -2.7, -3.3, -2.9, -3.2, 0.4], "persistent coldspot",
         {"historical coldspot"}),
        # consecutive cold also sporadic cold
        (COLD_PATTERNS["consecutive coldspot"], "consecutive coldspot", {"sporadic coldspot"}),
    ],
)
def test_precedence(z, winner, also):
    matched = _matching(z)
    assert winner in matched
    assert also <= set(matched)
    assert matched[0] == winner  # the first matching rule in sfdep order
    assert classify_series(z)[0] == winner


def test_ninety_percent_boundary():
    # 9 of 10 hot (exactly 0.9 >= 0.9), final not significant, no trend -> persistent
    z = [3.0, 2.6, 3.4, 2.8, 3.1, 2.7, 3.3, 2.9, 3.2, 0.4]
    assert classify_series(z)[0] == "persistent hotspot"
    # 8 of 10 hot -> sporadic
    z = [3.0, 2.6, 3.4, 2.8, 3.1, 0.4, 3.3, 2.9, 3.2, 0.4]
    assert classify_series(z)[0] == "sporadic hotspot"


def test_significance_uses_p_less_or_equal_alpha():
    z = np.array([0.3, 0.2, 0.5, 0.1, 0.4, 0.3, 0.2, 0.5, 0.1, 3.0])[:, None]
    p = np.full_like(z, 0.5)
    p[-1] = 0.05
    assert classify_emerging(z, p, 0.5, 0.0, 0.05)[0] == "new hotspot"
    p[-1] = 0.0500001
    assert classify_emerging(z, p, 0.5, 0.0, 0.05)[0] == NO_PATTERN


def test_trend_threshold_quirks():
    hot = np.full((10, 1), 3.0)
    p = np.full_like(hot, 0.001)
    # intensifying hot needs trend_p < alpha (strict); at equality no hot rule holds
    assert classify_emerging(hot, p, 0.049, 0.4, 0.05)[0] == "intensifying hotspot"
    assert classify_emerging(hot, p, 0.05, 0.4, 0.05)[0] == NO_PATTERN
    # intensifying cold uses <=
    assert classify_emerging(-hot, p, 0.05, -0.4, 0.05)[0] == "intensifying coldspot"
    # only the sign of the trend statistic matters (tau or Mann-Kendall z)
    assert classify_emerging(hot, p, 0.01, 2.7, 0.05)[0] == "intensifying hotspot"
    assert classify_emerging(hot, p, 0.01, -2.7, 0.05)[0] == "diminishing hotspot"


def test_nan_bins_are_not_significant():
    z = np.array([0.3, np.nan, 0.5, 0.1, 0.4, 0.3, 0.2, 0.5, 0.1, 3.0])[:, None]
    p = gi_star_p_values(z)
    assert classify_emerging(z, p, 0.5, 0.0)[0] == "new hotspot"


def test_classify_bad_input():
    with pytest.raises(ValueError, match=f"at least {MIN_TIME_STEPS} time steps"):
        classify_emerging(np.ones((1, 3)), np.ones((1, 3)), np.ones(3), np.ones(3))
    with pytest.raises(ValueError, match="same shape"):
        classify_emerging(np.ones((5, 3)), np.ones((5, 2)), 0.5, 0.0)
    with pytest.raises(ValueError, match="alpha"):
        classify_emerging(np.ones((5, 3)), np.ones((5, 3)), 0.5, 0.0, alpha=1.5)


# ------------------------------------------------------------------------------------------
# end to end: a planted emerging cluster
# ------------------------------------------------------------------------------------------
def planted_cube(seed=0, n_months=24):
    """Poisson(3) counts on a 10 x 10 grid; a 3 x 3 cluster whose rate rises by 1.5 a month
    over the last 12 months."""
    rng = np.random.default_rng(seed)
    rate = np.full((n_months, 100), 3.0)
    cluster = [r * 10 + c for r in (3, 4, 5) for c in (3, 4, 5)]
    ramp = np.clip(np.arange(n_months) - (n_months - 13), 0, None) * 1.5
    rate[:, cluster] += ramp[:, None]
    ring = [r * 10 + c for r in range(2, 7) for c in range(2, 7)]  # cluster + queen ring
    background = np.setdiff1d(np.arange(100), ring)
    return rng.poisson(rate), cluster, background


EMERGING_HOT = {"intensifying hotspot", "new hotspot", "consecutive hotspot"}


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_planted_emerging_cluster(seed):
    cube, cluster, background = planted_cube(seed)
    res = emerging_hot_spot_analysis(cube, queen_grid(10, 10), time_lag=1, alpha=0.01)
    assert set(res.labels[cluster]) <= EMERGING_HOT
    assert np.mean(res.labels[background] == NO_PATTERN) >= 0.8
    assert not any("hotspot" in label for label in res.labels[background])
    assert res.z.shape == (24, 100) and res.trend_p.shape == (100,)
    assert (res.tau[cluster] > 0).all() and (res.trend_p[cluster] < 0.01).all()
    np.testing.assert_array_equal(res.codes[cluster] > 0, True)
    assert set(res.display_names[cluster]) <= {DISPLAY_NAMES[label] for label in EMERGING_HOT}


def test_planted_cluster_default_alpha_and_sfdep_style_settings():
    cube, cluster, background = planted_cube(0)
    w = queen_grid(10, 10)
    res = emerging_hot_spot_analysis(cube, w)  # alpha 0.05, cube window, normal p
    assert set(res.labels[cluster]) <= EMERGING_HOT
    assert np.mean(res.labels[background] == NO_PATTERN) >= 0.7
    # sfdep's defaults: per-slice moments, row-standardised weights, 199 permutations, 0.01
    res = emerging_hot_spot_analysis(cube, w, 1, 0.01, global_window="time_step",
                                     row_standardize=True, permutations=199, seed=42)
    assert set(res.labels[cluster]) <= EMERGING_HOT
    assert np.mean(res.labels[background] == NO_PATTERN) >= 0.6


def test_pipeline_needs_enough_time_steps():
    with pytest.raises(ValueError, match=f"at least {MIN_TIME_STEPS} time steps"):
        emerging_hot_spot_analysis(np.arange(10.0)[None, :], chain_weights(10))
    with pytest.raises(ValueError, match=f"at least {MIN_TIME_STEPS} time steps"):
        emerging_hot_spot_analysis(np.arange(30.0).reshape(3, 10), chain_weights(10))


def test_pipeline_rejects_undefined_z():
    w = sp.csr_matrix((4, 4))  # no neighbours at all and the focal bin left out
    cube = np.arange(24.0).reshape(6, 4) % 5
    with pytest.raises(ValueError, match="undefined"):
        emerging_hot_spot_analysis(cube, w, include_self=False)


# ------------------------------------------------------------------------------------------
# time bins and cube
# ------------------------------------------------------------------------------------------
def test_time_bins_weeks_start_on_monday():
    times = np.array(
        ["2024-01-01T00:00", "2024-01-07T23:59", "2024-01-08T00:00", "2024-01-03T12:00",
         "2024-01-21T10:00", "NaT"],
        dtype="datetime64[m]",
    )  # 2024-01-01 is a Monday
    index, starts = time_bins(times, "week")
    np.testing.assert_array_equal(index, [0, 0, 1, 0, 2, -1])
    np.testing.assert_array_equal(
        starts, np.array(["2024-01-01", "2024-01-08", "2024-01-15"], dtype="datetime64[D]")
    )
    assert starts.dtype == np.dtype("datetime64[D]")
    weekday = (starts.astype(np.int64) + 3) % 7
    np.testing.assert_array_equal(weekday, 0)


def test_time_bins_weeks_mid_week_data_and_explicit_range():
    times = np.array(["2023-12-28", "2024-01-02", "2024-01-10", "2024-02-01"],
                     dtype="datetime64[D]")  # 2023-12-28 is a Thursday
    index, starts = time_bins(times, "week")
    assert starts[0] == np.datetime64("2023-12-25")  # the Monday before
    np.testing.assert_array_equal(index, [0, 1, 2, 5])
    index, starts = time_bins(times, "week", start="2024-01-01", end="2024-01-15")
    np.testing.assert_array_equal(index, [-1, 0, 1, -1])
    assert len(starts) == 2


def test_time_bins_months_and_out_of_range():
    times = np.array(
        ["2023-12-31T23:59:59", "2024-01-01", "2024-01-31T23:00", "2024-02-29", "2024-03-01",
         "2024-04-15", "2022-06-01"],
        dtype="datetime64[s]",
    )
    index, starts = time_bins(times, "month", start=np.datetime64("2024-01-01"),
                              end=np.datetime64("2024-04-01"))
    np.testing.assert_array_equal(index, [-1, 0, 0, 1, 2, -1, -1])
    np.testing.assert_array_equal(
        starts, np.array(["2024-01-01", "2024-02-01", "2024-03-01"], dtype="datetime64[D]")
    )
    index, starts = time_bins(times, "month")  # defaults cover every event
    assert (index >= 0).all()
    assert starts[0] == np.datetime64("2022-06-01") and starts[-1] == np.datetime64("2024-04-01")
    assert len(starts) == 23
    assert index[-1] == 0 and index[0] == 18


def test_time_bins_accepts_python_dates_and_rejects_bad_input():
    import datetime as dt

    times = np.array(["2024-05-06", "2024-05-20"], dtype="datetime64[D]")
    index, starts = time_bins(times, "week", start=dt.date(2024, 5, 6), end=dt.date(2024, 5, 20))
    np.testing.assert_array_equal(index, [0, -1])
    assert len(starts) == 2
    with pytest.raises(ValueError, match="step"):
        time_bins(times, "day")
    with pytest.raises(ValueError, match="after start"):
        time_bins(times, "week", start="2024-05-20", end="2024-05-06")
    with pytest.raises(ValueError, match="No valid event times"):
        time_bins(np.array(["NaT"], dtype="datetime64[D]"), "month")


def test_build_cube_counts_weights_and_dropped_events():
    loc = np.array([0, 1, 1, 2, -1, 2, 0])
    tim = np.array([0, 0, 0, 1, 1, -1, 2])
    cube = build_cube(loc, tim, 3, 3)
    np.testing.assert_array_equal(cube, [[1, 2, 0], [0, 0, 1], [1, 0, 0]])
    assert cube.dtype == np.int64
    cube = build_cube(loc, tim, 3, 3, weights=[1.5, 2, 3, 4, 100, 100, 0.5])
    np.testing.assert_allclose(cube, [[1.5, 5, 0], [0, 0, 4], [0.5, 0, 0]])
    with pytest.raises(ValueError, match="location_index"):
        build_cube([3], [0], 3, 3)
    with pytest.raises(ValueError, match="time_index"):
        build_cube([0], [-2], 3, 3)
    with pytest.raises(ValueError, match="same length"):
        build_cube([0, 1], [0], 3, 3)
    with pytest.raises(ValueError, match="integers"):
        build_cube([0.5], [0], 3, 3)


def test_time_bins_and_cube_feed_the_analysis():
    rng = np.random.default_rng(4)
    day0 = np.datetime64("2023-01-01")
    times = day0 + rng.integers(0, 365, size=3000).astype("timedelta64[D]")
    loc = rng.integers(0, 10, size=3000)
    tidx, starts = time_bins(times, "month")
    cube = build_cube(loc, tidx, 10, len(starts))
    assert cube.shape == (12, 10) and cube.sum() == 3000
    res = emerging_hot_spot_analysis(cube, chain_weights(10))
    assert res.labels.shape == (10,)


# --- sparse cubes ---------------------------------------------------------------------------------


def test_expected_neighbourhood_count_by_hand():
    # Three locations on a line (0-1, 1-2): neighbourhoods of 2, 3 and 2 locations, mean 7/3; with
    # time lag 1 twice that. The cube holds 6 incidents in 4 x 3 bins: 0.5 per bin -> 0.5 x 7/3 x 2.
    w = sp.csr_matrix(np.array([[0, 1, 0], [1, 0, 1], [0, 1, 0]], dtype=float))
    cube = np.array([[1, 0, 0], [0, 2, 0], [0, 0, 1], [2, 0, 0]])
    assert expected_neighbourhood_count(cube, w, 1) == pytest.approx(0.5 * 7 / 3 * 2)
    assert expected_neighbourhood_count(cube, w, 0) == pytest.approx(0.5 * 7 / 3)
    assert sparse_threshold(0.05) == pytest.approx(1.959964**2, rel=1e-6)
    assert sparse_threshold(0.01) == pytest.approx(2.575829**2, rel=1e-6)


@pytest.mark.parametrize(("mean", "sparse_cube"), [(0.1, True), (1.0, False)])
def test_sparse_cubes_are_flagged_where_chance_makes_most_locations_sporadic(mean, sparse_cube):
    """Independent Poisson noise (no pattern at all) on 20 x 20 queen cells, 52 steps, time lag 1 (18 bins per
    neighbourhood): at 0.1 incidents per bin an empty neighbourhood (z = -sqrt(1.8) = -1.34) cannot be cold and
    most locations come out sporadic; at 1 per bin (expected 18) cold spots occur and far fewer are."""
    from besecure.analysis.spatial_stats.weights import lattice_weights

    w = lattice_weights(20, 20, "queen").matrix
    cube = np.random.default_rng(4).poisson(mean, (52, 400))
    expected = expected_neighbourhood_count(cube, w, 1)
    assert (expected < sparse_threshold(0.05)) is sparse_cube
    result = emerging_hot_spot_analysis(cube, w, 1, 0.05)
    sporadic = np.char.startswith(np.asarray(result.display_names).astype(str), "Sporadic").mean()
    cold = ((result.p <= 0.05) & (result.z < 0)).mean()
    if sparse_cube:
        assert sporadic > 0.7 and cold == 0
    else:
        assert sporadic < 0.6 and cold > 0.01


# --------------------------------------------------------------------------------------------
# Coverage of the time steps (hand-written calendars)


def _m(text):
    return np.datetime64(text, "m")


def test_step_end_of_weeks_and_months():
    assert step_end("week", np.datetime64("2020-02-24", "D")) == np.datetime64("2020-03-02", "D")
    assert step_end("month", np.datetime64("2020-02-01", "D")) == np.datetime64("2020-03-01", "D")
    assert step_end("month", np.datetime64("2019-12-01", "D")) == np.datetime64("2020-01-01", "D")


def test_step_coverage_flags_data_that_start_or_end_inside_a_step():
    # Seven ISO weeks from Monday 6 January 2020 to Sunday 23 February.
    starts = np.datetime64("2020-01-06", "D") + np.arange(7) * np.timedelta64(7, "D")
    times = np.array([_m("2020-01-08T10:00"), _m("2020-02-01T00:00"), _m("2020-02-20T12:00")])
    cover = step_coverage("week", starts, times, None, None)
    assert (cover.n_times, cover.first_start, cover.last_end) == (7, _m("2020-01-06T00:00"), _m("2020-02-24T00:00"))
    # 2 days 10 hours into the first week: not flagged; 3 days 12 hours before the end of the last: flagged.
    assert (cover.days_before_data, cover.days_after_data) == (None, 3)
    assert not cover.start_cuts_first and not cover.end_cuts_last
    # With START and END given, the data's own first and last days are not checked.
    cover = step_coverage("week", starts, times, _m("2020-01-06T00:00"), _m("2020-02-24T00:00"))
    assert (cover.days_before_data, cover.days_after_data, cover.start_cuts_first, cover.end_cuts_last) == (
        None, None, False, False)


def test_step_coverage_flags_a_period_that_cuts_its_first_and_last_steps():
    starts = np.array(["2020-01-01", "2020-02-01", "2020-03-01", "2020-04-01", "2020-05-01", "2020-06-01"],
                      dtype="datetime64[D]")
    times = np.array([_m("2020-01-20T00:00"), _m("2020-06-05T00:00")])
    cover = step_coverage("month", starts, times, _m("2020-01-15T00:00"), _m("2020-06-10T00:00"))
    assert cover.start_cuts_first and cover.end_cuts_last and cover.last_end == _m("2020-07-01T00:00")


def test_step_coverage_refuses_fewer_steps_than_the_trend_test_needs():
    starts = np.array(["2020-01-01", "2020-02-01", "2020-03-01"], dtype="datetime64[D]")
    times = np.array([_m("2020-01-02T00:00"), _m("2020-03-30T00:00")])
    with pytest.raises(InputError, match=r"from 2020-01-02 to 2020-03-30 fill only 3 monthly step\(s\)"):
        step_coverage("month", starts, times, None, None)
