"""Hot-spot and autocorrelation statistics against published values (shared/docs/REFERENCES.md),
esda 2.5 on the libpysal example data, hand computations and brute force."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
from pysal_examples import EXAMPLES
from scipy import stats

from besecure.analysis.errors import Cancelled
from besecure.analysis.spatial_stats.autocorrelation import (
    benjamini_hochberg,
    conditional_pseudo_p,
    general_g,
    getis_ord_local,
    global_moran,
    local_moran,
    nearest_neighbour_index,
)
from besecure.analysis.spatial_stats.weights import (
    SpatialWeights,
    distance_band_weights,
    hex_lattice_weights,
    knn_weights,
    lattice_weights,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # libpysal warns about remote example data and PROJ
    import esda
    import libpysal
    from esda.crand import vec_permutations

pytestmark = pytest.mark.filterwarnings(
    "ignore::FutureWarning",
    "ignore:The weights matrix is not fully connected:UserWarning",
)

TOY_POINTS = np.array([(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)], dtype=float)
TOY_Y = np.array([2, 3, 3.2, 5, 8, 7])
# esda G_Local docstring, reproduced in REFERENCES.md.
TOY_GI_Z = [-1.0136729, -0.04361589, 1.31558703, -0.31412676, 1.15373986, 1.77833941]
TOY_GI_STAR_Z = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331]


def toy_weights() -> SpatialWeights:
    return distance_band_weights(TOY_POINTS[:, 0], TOY_POINTS[:, 1], 15)


def columbus_crime() -> np.ndarray:
    return np.array(libpysal.io.open(str(EXAMPLES / "columbus" / "columbus.dbf")).by_col("CRIME"))


def columbus_w(kind: str = "queen"):
    """A fresh libpysal W (esda changes its transform) and ours built from its matrix."""
    polygons = list(libpysal.io.open(str(EXAMPLES / "columbus" / "columbus.shp")))
    cls = libpysal.weights.Queen if kind == "queen" else libpysal.weights.Rook
    lw = cls.from_iterable(polygons)
    return lw, SpatialWeights.from_sparse(lw.sparse)


def naive_pseudo_p(values, w: SpatialWeights, random_ids):
    """Conditional permutation p-values with a plain loop per feature (esda's definition)."""
    permutations = random_ids.shape[0]
    m = w.matrix
    out = np.full(w.n, np.nan)
    for i in range(w.n):
        cols = m.indices[m.indptr[i] : m.indptr[i + 1]]
        weights = m.data[m.indptr[i] : m.indptr[i + 1]]
        if cols.size == 0:
            continue
        others = np.delete(values, i)
        sims = others[random_ids[:, : cols.size]] @ weights
        observed = values[cols] @ weights
        larger = np.sum(sims >= observed)
        smaller = np.sum(sims <= observed)
        out[i] = (1 + min(larger, smaller)) / (1 + permutations)
    return out


# --- Getis-Ord local G ----------------------------------------------------------------------


@pytest.mark.parametrize("star,expected", [(False, TOY_GI_Z), (True, TOY_GI_STAR_Z)])
def test_gi_toy_example_published_z(star, expected):
    result = getis_ord_local(TOY_Y, toy_weights(), star=star, permutations=0)
    np.testing.assert_allclose(result.z, expected, atol=1e-8)
    assert result.star is star
    np.testing.assert_allclose(result.p, 2 * stats.norm.sf(np.abs(expected)), atol=1e-8)
    assert np.all(np.isnan(result.p_sim))


@pytest.mark.parametrize("star", [False, True])
def test_gi_columbus_matches_esda(star):
    lw, w = columbus_w()
    crime = columbus_crime()
    theirs = esda.G_Local(crime, lw, transform="B", star=star, permutations=0)
    ours = getis_ord_local(crime, w, star=star, permutations=0)
    np.testing.assert_allclose(ours.z, theirs.Zs, rtol=0, atol=1e-8)
    np.testing.assert_allclose(ours.G, theirs.Gs, rtol=0, atol=1e-8)
    np.testing.assert_allclose(ours.p, 2 * theirs.p_norm, rtol=0, atol=1e-8)


@pytest.mark.parametrize("star", [False, True])
def test_gi_p_sim_reproduces_esda_given_its_random_draws(star):
    lw, w = columbus_w()
    crime = columbus_crime()
    permutations, seed = 999, 5
    theirs = esda.G_Local(crime, lw, transform="B", star=star, permutations=permutations, seed=seed, n_jobs=1)
    ids = vec_permutations(int(w.neighbour_counts.max()), w.n, permutations, seed)
    ours = conditional_pseudo_p(crime, w.matrix, permutations, random_ids=ids)
    # Equal, except that a permuted sum tying the observed one counts on both sides here
    # (esda counts it on the upper side only), which adds one count in the lower tail.
    diff = np.round((ours - theirs.p_sim) * (permutations + 1)).astype(int)
    assert set(np.unique(diff)) <= {0, 1}
    assert np.mean(diff == 0) >= 0.9


def test_gi_bins_and_labels_follow_the_analytical_p():
    lw, w = columbus_w()
    crime = columbus_crime()
    z = esda.G_Local(crime, lw, transform="B", star=True, permutations=0).Zs
    p = 2 * stats.norm.sf(np.abs(z))
    strength = np.select([p <= 0.01, p <= 0.05, p <= 0.10], [3, 2, 1], 0)
    raw = getis_ord_local(crime, w, star=True, permutations=0, fdr=False)
    np.testing.assert_array_equal(raw.bins, np.sign(z) * strength)
    assert raw.label[np.argmax(z)] == "Hot spot - 99% confidence"
    assert raw.label[np.argmin(z)] == "Cold spot - 99% confidence"
    words = {3: "Hot spot - 99%", 2: "Hot spot - 95%", 1: "Hot spot - 90%", 0: "Not significant",
             -1: "Cold spot - 90%", -2: "Cold spot - 95%", -3: "Cold spot - 99%"}
    assert all(label.startswith(words[b]) for b, label in zip(raw.bins, raw.label, strict=True))

    adjusted = getis_ord_local(crime, w, star=True, permutations=0, fdr=True)
    np.testing.assert_allclose(adjusted.q, benjamini_hochberg(p), atol=1e-12)
    assert np.all(np.abs(adjusted.bins) <= np.abs(raw.bins))
    assert np.any(np.abs(adjusted.bins) < np.abs(raw.bins))


def test_gi_permutation_inference_bins_on_p_sim():
    _lw, w = columbus_w()
    crime = columbus_crime()
    result = getis_ord_local(crime, w, permutations=999, seed=3, inference="permutation", fdr=False)
    strength = np.select([result.p_sim <= 0.01, result.p_sim <= 0.05, result.p_sim <= 0.10], [3, 2, 1], 0)
    np.testing.assert_array_equal(result.bins, np.sign(result.z) * strength)
    np.testing.assert_allclose(result.q, benjamini_hochberg(result.p_sim))
    with pytest.raises(ValueError, match="permutations > 0"):
        getis_ord_local(crime, w, permutations=0, inference="permutation")


def test_gi_islands_get_no_neighbours():
    points = np.vstack([TOY_POINTS, [[500.0, 500.0]]])
    y = np.append(TOY_Y, 4.0)
    w = distance_band_weights(points[:, 0], points[:, 1], 15)
    for star in (False, True):
        result = getis_ord_local(y, w, star=star, permutations=99)
        assert result.n_islands == 1
        assert np.isnan(result.z[6]) and np.isnan(result.p_sim[6]) and result.bins[6] == 0
        assert result.label[6] == "No neighbours"
        assert np.all(np.isfinite(result.z[:6])) and np.all(np.isfinite(result.p_sim[:6]))


# --- permutation engine ---------------------------------------------------------------------


@pytest.mark.parametrize("binary", [True, False])
def test_vectorised_permutations_equal_a_naive_loop(binary):
    rng = np.random.default_rng(42)
    pts = rng.random((150, 2)) * 100
    w = distance_band_weights(pts[:, 0], pts[:, 1], 14.0, binary=binary)
    assert len(np.unique(w.neighbour_counts)) > 5  # several neighbour-count groups
    values = rng.gamma(2.0, 3.0, w.n)
    permutations = 199
    ids = np.stack([rng.choice(w.n - 1, int(w.neighbour_counts.max()), replace=False)
                    for _ in range(permutations)])
    ours = conditional_pseudo_p(values, w.matrix, permutations, random_ids=ids)
    np.testing.assert_array_equal(ours, naive_pseudo_p(values, w, ids))


def test_chunked_and_unchunked_permutations_are_equal():
    w = hex_lattice_weights(15, 17)
    y = np.random.default_rng(1).poisson(4, w.n).astype(float)
    whole = getis_ord_local(y, w, permutations=299, seed=9)
    one_by_one = getis_ord_local(y, w, permutations=299, seed=9, chunk_size=1)
    blocks_of_7 = getis_ord_local(y, w, permutations=299, seed=9, chunk_size=7)
    np.testing.assert_array_equal(whole.p_sim, one_by_one.p_sim)
    np.testing.assert_array_equal(whole.p_sim, blocks_of_7.p_sim)
    lisa = local_moran(y, w, permutations=299, seed=9)
    lisa_chunked = local_moran(y, w, permutations=299, seed=9, chunk_size=3)
    np.testing.assert_array_equal(lisa.p_sim, lisa_chunked.p_sim)


def test_permutations_are_reproducible_by_seed():
    w = lattice_weights(12, 12, "queen")
    y = np.random.default_rng(2).normal(10, 2, w.n)
    a = local_moran(y, w, permutations=199, seed=1)
    b = local_moran(y, w, permutations=199, seed=1)
    c = local_moran(y, w, permutations=199, seed=2)
    np.testing.assert_array_equal(a.p_sim, b.p_sim)
    assert not np.array_equal(a.p_sim, c.p_sim)
    g1 = global_moran(y, w, permutations=199, seed=1).p_sim
    assert g1 == global_moran(y, w, permutations=199, seed=1).p_sim


def test_progress_is_reported_and_can_cancel():
    w = hex_lattice_weights(10, 10)
    y = np.arange(w.n, dtype=float)
    seen: list[float] = []
    getis_ord_local(y, w, permutations=99, chunk_size=10, progress=seen.append)
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)

    def cancel(_fraction):
        raise Cancelled

    with pytest.raises(Cancelled):
        getis_ord_local(y, w, permutations=99, progress=cancel)


# --- local Moran ----------------------------------------------------------------------------


def test_local_moran_columbus_matches_esda():
    lw, w = columbus_w()
    crime = columbus_crime()
    theirs = esda.Moran_Local(crime, lw, transformation="r", permutations=999, seed=7, n_jobs=1)
    ours = local_moran(crime, w, permutations=999, seed=7)
    np.testing.assert_allclose(ours.I, theirs.Is, rtol=0, atol=1e-8)
    np.testing.assert_array_equal(ours.quadrant, theirs.q)
    np.testing.assert_allclose(ours.y_std, theirs.z, atol=1e-12)
    # Different random streams, same null distribution: significance mostly agrees.
    assert np.mean((ours.p_sim <= 0.05) == (theirs.p_sim <= 0.05)) >= 0.85
    ids = vec_permutations(int(w.neighbour_counts.max()), w.n, 999, 7)
    same_draws = conditional_pseudo_p(ours.y_std, w.matrix, 999, random_ids=ids)
    diff = np.round((same_draws - theirs.p_sim) * 1000).astype(int)
    assert set(np.unique(diff)) <= {0, 1} and np.mean(diff == 0) >= 0.9


def test_local_moran_labels_and_fdr():
    _lw, w = columbus_w()
    crime = columbus_crime()
    raw = local_moran(crime, w, permutations=999, seed=4, fdr=False, alpha=0.05)
    names = {1: "High-High cluster", 2: "Low-High outlier", 3: "Low-Low cluster", 4: "High-Low outlier"}
    significant = raw.p_sim <= 0.05
    np.testing.assert_array_equal(raw.significant, significant)
    expected = [names[q] if s else "Not significant" for q, s in zip(raw.quadrant, significant, strict=True)]
    assert raw.label.tolist() == expected
    assert {"High-High cluster", "Low-Low cluster"} <= set(raw.label)
    adjusted = local_moran(crime, w, permutations=999, seed=4, fdr=True, alpha=0.05)
    np.testing.assert_allclose(adjusted.q, benjamini_hochberg(raw.p_sim))
    assert adjusted.significant.sum() <= raw.significant.sum()


def test_local_moran_islands():
    points = np.vstack([TOY_POINTS, [[500.0, 500.0]]])
    w = distance_band_weights(points[:, 0], points[:, 1], 15)
    result = local_moran(np.append(TOY_Y, 4.0), w, permutations=99)
    assert result.n_islands == 1 and result.quadrant[6] == 0
    assert np.isnan(result.I[6]) and result.label[6] == "No neighbours"


# --- global statistics ----------------------------------------------------------------------


def test_global_moran_columbus_published_values():
    _, w = columbus_w("queen")
    result = global_moran(columbus_crime(), w, permutations=999, seed=0)
    assert pytest.approx(0.500188557, abs=1e-9) == result.I
    assert pytest.approx(-0.0208333, abs=1e-7) == result.EI
    assert result.z_rand == pytest.approx(5.589383, abs=1e-6)
    assert result.z_norm == pytest.approx(5.630313, abs=1e-6)
    assert result.p_sim == pytest.approx(1 / 1000)  # z > 5: no permutation comes close
    _, rook = columbus_w("rook")
    assert pytest.approx(0.523670213, abs=1e-9) == global_moran(columbus_crime(), rook, permutations=0).I


@pytest.mark.parametrize("transform", ["r", "b"])
def test_global_moran_matches_esda(transform):
    lw, w = columbus_w()
    crime = columbus_crime()
    theirs = esda.Moran(crime, lw, transformation=transform, permutations=0)
    ours = global_moran(crime, w, permutations=0, transform=transform)
    for name in ("I", "EI", "VI_norm", "VI_rand", "z_norm", "z_rand", "p_norm", "p_rand"):
        assert getattr(ours, name) == pytest.approx(getattr(theirs, name), rel=1e-8, abs=1e-12), name


def test_global_moran_st_louis_published_values():
    gal = libpysal.io.open(str(EXAMPLES / "stl" / "stl.gal")).read()
    w = SpatialWeights.from_sparse(gal.sparse)
    hr = np.array(libpysal.io.open(str(EXAMPLES / "stl" / "stl_hom.dbf")).by_col("HR8893"))
    result = global_moran(hr, w, permutations=0)
    assert pytest.approx(0.24365582621771659, rel=1e-10) == result.I
    assert result.p_norm == pytest.approx(0.00027147862770937614, rel=1e-8)


def test_general_g_matches_esda():
    lw, w = columbus_w()
    crime = columbus_crime()
    theirs = esda.G(crime, lw, permutations=0)
    ours = general_g(crime, w, permutations=499, seed=1)
    assert pytest.approx(theirs.G, abs=1e-8) == ours.G
    assert pytest.approx(theirs.EG, abs=1e-8) == ours.EG
    assert pytest.approx(theirs.VG, rel=1e-8) == ours.VG
    assert ours.z == pytest.approx(theirs.z_norm, abs=1e-8)
    assert ours.p == pytest.approx(2 * theirs.p_norm, abs=1e-8)
    assert 0 < ours.p_sim <= 1


def test_general_g_toy_docstring_values():
    result = general_g(TOY_Y, toy_weights(), permutations=0)
    assert round(result.G, 3) == 0.557  # esda G docstring
    assert round(result.p / 2, 3) == 0.173  # its one-sided p_norm


def test_general_g_rejects_negative_values_and_weighted_input():
    w = toy_weights()
    with pytest.raises(ValueError, match="non-negative"):
        general_g(TOY_Y - 5, w)
    inverse = distance_band_weights(TOY_POINTS[:, 0], TOY_POINTS[:, 1], 15, binary=False)
    with pytest.raises(ValueError, match="binary"):
        general_g(TOY_Y, inverse)
    with pytest.raises(ValueError, match="binary"):
        getis_ord_local(TOY_Y, inverse)


# --- degenerate input -----------------------------------------------------------------------


@pytest.mark.parametrize("function", [getis_ord_local, local_moran, global_moran, general_g])
def test_degenerate_values_raise(function):
    w = toy_weights()
    with pytest.raises(ValueError, match="All values are equal"):
        function(np.full(6, 3.0), w)
    with pytest.raises(ValueError, match="NaN"):
        function(np.append(TOY_Y[:5], np.nan), w)
    with pytest.raises(ValueError, match="align"):
        function(TOY_Y[:5], w)
    two = lattice_weights(1, 2)
    with pytest.raises(ValueError, match="at least 3"):
        function(np.array([1.0, 2.0]), two)


# --- Benjamini-Hochberg ---------------------------------------------------------------------


def test_benjamini_hochberg_hand_computed():
    # Sorted p: .005 .01 .03 .04 .20; m/rank * p: .025 .025 .05 .05 .20; running minimum from
    # the top leaves them as they are.
    p = np.array([0.01, 0.04, 0.03, 0.005, 0.20])
    np.testing.assert_allclose(benjamini_hochberg(p), [0.025, 0.05, 0.05, 0.025, 0.20])
    # Step-up: .02*4/1 = .08 > .03*4/2 = .06, so both get .06; .8*4/3 = 1.067 > .9*4/4 = .9,
    # so both get .9.
    p = np.array([0.8, 0.02, 0.9, 0.03])
    np.testing.assert_allclose(benjamini_hochberg(p), [0.9, 0.06, 0.9, 0.06])


def test_benjamini_hochberg_nan_monotone_and_range():
    p = np.array([0.02, np.nan, 0.01, 0.5])
    q = benjamini_hochberg(p)
    assert np.isnan(q[1])
    np.testing.assert_allclose(q[[0, 2, 3]], [0.03, 0.03, 0.5])  # m = 3, not 4
    rng = np.random.default_rng(0)
    p = rng.random(500) ** 3
    q = benjamini_hochberg(p)
    order = np.argsort(p)
    assert np.all(np.diff(q[order]) >= 0) and np.all(q >= p) and np.all(q <= 1)
    with pytest.raises(ValueError, match="between 0 and 1"):
        benjamini_hochberg([0.5, 1.5])


# --- nearest neighbour index ----------------------------------------------------------------


def test_nearest_neighbour_index_square_lattice_is_two():
    spacing, side = 5.0, 20
    gx, gy = np.meshgrid(np.arange(side) * spacing, np.arange(side) * spacing)
    n = side * side
    area = n * spacing**2  # each point owns one spacing x spacing cell
    result = nearest_neighbour_index(gx.ravel(), gy.ravel(), area)
    assert result.observed == pytest.approx(spacing)
    assert result.expected == pytest.approx(0.5 * spacing)
    assert result.ratio == pytest.approx(2.0)
    se = 0.26136 / np.sqrt(n * n / area)
    assert result.z == pytest.approx((spacing - 0.5 * spacing) / se)
    assert result.p < 1e-100


def test_nearest_neighbour_index_matches_brute_force_and_random_points():
    rng = np.random.default_rng(8)
    x, y = rng.random(2000), rng.random(2000)
    d = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])
    np.fill_diagonal(d, np.inf)
    result = nearest_neighbour_index(x, y, 1.0)
    assert result.observed == pytest.approx(d.min(axis=1).mean(), rel=1e-12)
    # Random points in the unit square: R is 1 plus the edge effect, about 0.94 % here
    # (Donnelly 1978: expected 0.5 sqrt(A/n) + (0.0514 + 0.041/sqrt(n)) P/n).
    donnelly = (0.5 * np.sqrt(1 / 2000) + (0.0514 + 0.041 / np.sqrt(2000)) * 4 / 2000) / result.expected
    assert result.ratio == pytest.approx(donnelly, abs=0.035)  # 3 standard errors


def test_nearest_neighbour_index_coincident_points_and_errors():
    result = nearest_neighbour_index(np.array([0.0, 0.0, 3.0]), np.array([0.0, 0.0, 4.0]), 100.0)
    assert result.observed == pytest.approx(5.0 / 3)  # 0, 0 and 5
    with pytest.raises(ValueError, match="at least 2"):
        nearest_neighbour_index(np.array([1.0]), np.array([1.0]), 1.0)
    with pytest.raises(ValueError, match="positive"):
        nearest_neighbour_index(np.arange(3.0), np.arange(3.0), 0.0)


def test_knn_weights_feed_the_local_statistics():
    pts = np.random.default_rng(5).random((60, 2))
    w = knn_weights(pts[:, 0], pts[:, 1], 5)  # asymmetric
    y = np.random.default_rng(6).poisson(5, 60).astype(float)
    lw = libpysal.weights.KNN(pts, k=5)
    theirs = esda.G_Local(y, lw, transform="B", star=True, permutations=0)
    np.testing.assert_allclose(getis_ord_local(y, w, permutations=0).z, theirs.Zs, atol=1e-8)
