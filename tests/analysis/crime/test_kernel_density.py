"""Kernel density engine against analytic values, naive summation and independent implementations.

References: kernel centre values from shared/docs/REFERENCES.md; canonical bandwidth ratio of the
Epanechnikov kernel (2.40 in two dimensions) from Silverman (1986) Table 4.1; scipy.stats.gaussian_kde
as an independent Gaussian KDE; the real Chicago burglaries in ../shared/data.
"""

import math
import statistics

import numpy as np
import pytest
from scipy import integrate, stats

from besecure.analysis.crime import kernel_density as kde
from besecure.analysis.crime.kernel_density import Kernel
from besecure.analysis.errors import Cancelled

# Value at the centre of one point, times pi r² (REFERENCES.md); Gaussian: 1 / (2 pi sigma²) / Z.
CENTRE = {
    Kernel.QUARTIC: 3.0,
    Kernel.TRIANGULAR: 3.0,
    Kernel.UNIFORM: 1.0,
    Kernel.EPANECHNIKOV: 2.0,
    Kernel.TRIWEIGHT: 4.0,
}
GAUSS_Z = 1.0 - math.exp(-8.0)  # mass of the 2-D standard normal inside 4 sigma


def naive_kernel(kernel: Kernel, d: float, r: float) -> float:
    """The kernels written out independently of the module (per m²)."""
    u = d / r
    if kernel == Kernel.GAUSSIAN:
        return math.exp(-0.5 * u * u) / (2 * math.pi * r * r * GAUSS_Z) if u <= 4.0 else 0.0
    if u > 1.0:
        return 0.0
    c = 1.0 / (math.pi * r * r)
    return {
        Kernel.QUARTIC: 3 * c * (1 - u * u) ** 2,
        Kernel.TRIANGULAR: 3 * c * (1 - u),
        Kernel.UNIFORM: c,
        Kernel.EPANECHNIKOV: 2 * c * (1 - u * u),
        Kernel.TRIWEIGHT: 4 * c * (1 - u * u) ** 3,
    }[kernel]


def realistic_points(rng: np.random.Generator, n: int, size: float, bandwidth: float):
    """Crime-like points over a size x size square: hot spots, repeated addresses, background."""
    n_hot, n_addr = int(0.5 * n), int(0.3 * n)
    centres = rng.uniform(0.2 * size, 0.8 * size, (6, 2))
    spread = rng.uniform(0.5, 3.0, 6) * bandwidth
    k = rng.integers(0, 6, n_hot)
    hot = centres[k] + rng.normal(size=(n_hot, 2)) * spread[k, None]
    addresses = rng.uniform(0, size, (40, 2))
    repeat = addresses[rng.zipf(1.6, n_addr) % 40]  # a few addresses with very many events
    background = rng.uniform(0, size, (n - n_hot - n_addr, 2))
    pts = np.vstack([hot, repeat, background])
    return pts[:, 0], pts[:, 1]


@pytest.fixture
def force_fft(monkeypatch):
    """Make the time model always prefer the binned FFT (where the kernel allows it)."""
    monkeypatch.setattr(kde, "_direct_seconds", lambda *args: math.inf)


# --------------------------------------------------------------------------------------------------
# kernels


@pytest.mark.parametrize("kernel", list(Kernel))
def test_single_point_integrates_to_one_and_centre_value(kernel):
    # One point on a cell centre, 1 m cells, a kernel 100 cells wide: the raster is a fine quadrature.
    r = 25.0 if kernel == Kernel.GAUSSIAN else 100.0
    res = kde.kernel_density([0.5], [0.5], kernel=kernel, bandwidth=r, cell_size=1.0, extent=(-150, -150, 150, 150))
    assert res.values.sum() * 1.0 / 1e6 == pytest.approx(1.0, abs=1e-3)
    if kernel == Kernel.GAUSSIAN:
        centre = 1e6 / (2 * math.pi * r * r * GAUSS_Z)
    else:
        centre = 1e6 * CENTRE[kernel] / (math.pi * r * r)
    i, j = 149, 150  # the cell centred on (0.5, 0.5)
    assert res.values[i, j] == pytest.approx(centre, rel=1e-12)
    assert res.values.max() == pytest.approx(centre, rel=1e-12)
    assert res.units == "events per km²"


@pytest.mark.parametrize("kernel", list(Kernel))
def test_kernel_values_integrate_to_one_radially(kernel):
    r = 7.0
    rad = 4 * r if kernel == Kernel.GAUSSIAN else r
    total, _ = integrate.quad(lambda d: 2 * math.pi * d * float(kde.kernel_values(kernel, d, r)), 0, rad, limit=200)
    assert total == pytest.approx(1.0, abs=1e-9)


@pytest.mark.parametrize("kernel", [k for k in Kernel if k != Kernel.UNIFORM])
def test_point_on_a_cell_centre_binned_equals_direct(kernel, force_fft):
    # The binned kernel is the exact kernel at the lattice offsets (no renormalisation), so a point on
    # a lattice node gets the direct-summation values, with a bandwidth of two cells (ten for the
    # kinked kernels, which are summed directly below that).
    bandwidth = 100.0 if kernel in (Kernel.TRIANGULAR, Kernel.EPANECHNIKOV) else 20.0
    args = dict(kernel=kernel, bandwidth=bandwidth, cell_size=10.0, extent=(0, 0, 300, 200))
    fast = kde.kernel_density([105.0], [95.0], **args)
    exact = kde.kernel_density([105.0], [95.0], exact=True, **args)
    assert fast.method.startswith("binned-fft") and exact.method == "direct"
    assert np.allclose(fast.values, exact.values, rtol=0, atol=1e-12 * exact.values.max())


def test_canonical_bandwidth_ratios():
    # Silverman (1986) Table 4.1, d = 2: Epanechnikov A(K) = 2.40 (normal: 1.00).
    assert kde.canonical_bandwidth_ratio(Kernel.EPANECHNIKOV) == pytest.approx(2.40, abs=0.005)
    assert kde.canonical_bandwidth_ratio(Kernel.EPANECHNIKOV) == pytest.approx(192 ** (1 / 6))
    assert kde.canonical_bandwidth_ratio(Kernel.GAUSSIAN) == 1.0


@pytest.mark.parametrize("kernel", list(Kernel))
def test_canonical_ratio_from_quadrature(kernel):
    # R(K) and mu2(K) by quadrature of the kernels written out above (unit bandwidth).
    rad = 4.0 if kernel == Kernel.GAUSSIAN else 1.0
    rk = integrate.quad(lambda d: 2 * math.pi * d * naive_kernel(kernel, d, 1.0) ** 2, 0, rad, limit=200)[0]
    mu2 = integrate.quad(lambda d: math.pi * d**3 * naive_kernel(kernel, d, 1.0), 0, rad, limit=200)[0]
    ratio = (rk / mu2**2) ** (1 / 6) / (1 / (4 * math.pi)) ** (1 / 6)
    assert kde.canonical_bandwidth_ratio(kernel) == pytest.approx(ratio, rel=2e-3)


# --------------------------------------------------------------------------------------------------
# exact and fast surfaces


@pytest.mark.parametrize("kernel", list(Kernel))
def test_exact_equals_naive_double_loop(kernel):
    rng = np.random.default_rng(42)
    x = rng.uniform(-100, 900, 300)  # some points outside the extent, still contributing
    y = rng.uniform(-100, 900, 300)
    w = rng.uniform(0.5, 3.0, 300)
    r = 60.0 if kernel == Kernel.GAUSSIAN else 150.0
    res = kde.kernel_density(x, y, w, kernel=kernel, bandwidth=r, cell_size=40.0, extent=(0, 0, 800, 800), exact=True)
    assert res.values.shape == (20, 20)
    naive = np.zeros((20, 20))
    for i in range(20):
        for j in range(20):
            cx, cy = 0 + (j + 0.5) * 40.0, 800 - (i + 0.5) * 40.0
            naive[i, j] = 1e6 * sum(
                wk * naive_kernel(kernel, math.hypot(cx - xk, cy - yk), r) for xk, yk, wk in zip(x, y, w)
            )
    assert np.abs(res.values - naive).max() <= 1e-6 * naive.max()
    assert np.allclose(res.values, naive, rtol=1e-9, atol=1e-12 * naive.max())


# Cases where the lattice would need more than 16 x 16 sub-cell phases: direct summation by policy.
DIRECT_BY_POLICY = {(Kernel.EPANECHNIKOV, 2), (Kernel.EPANECHNIKOV, 5), (Kernel.TRIANGULAR, 2)}


@pytest.mark.parametrize("ratio", [2, 5, 20])
@pytest.mark.parametrize("kernel", list(Kernel))
def test_fast_within_half_a_percent_of_peak(kernel, ratio, force_fft):
    rng = np.random.default_rng(ratio * 10 + int(kernel))
    cell = 10.0
    bandwidth = ratio * cell
    size = (80 if ratio < 20 else 160) * cell
    x, y = realistic_points(rng, 3000, size, bandwidth)
    args = dict(kernel=kernel, bandwidth=bandwidth, cell_size=cell, extent=(0, 0, size, size))
    fast = kde.kernel_density(x, y, **args)
    exact = kde.kernel_density(x, y, exact=True, **args)
    if kernel == Kernel.UNIFORM:
        assert fast.method == "direct (row segments)"
    elif (kernel, ratio) in DIRECT_BY_POLICY:
        assert fast.method == "direct"
    else:
        assert fast.method.startswith("binned-fft")
    err = np.abs(fast.values - exact.values).max()
    assert err <= 0.005 * exact.values.max()


def test_default_mode_is_accurate_and_picks_a_method():
    rng = np.random.default_rng(3)
    x, y = realistic_points(rng, 20000, 3000.0, 100.0)
    args = dict(kernel=Kernel.QUARTIC, bandwidth=100.0, cell_size=5.0, extent=(0, 0, 3000, 3000))
    fast = kde.kernel_density(x, y, **args)
    exact = kde.kernel_density(x, y, exact=True, **args)
    assert fast.method == "binned-fft(s=1)"  # 20,000 points x 43² cells: the FFT is cheaper
    assert np.abs(fast.values - exact.values).max() <= 0.005 * exact.values.max()
    few = kde.kernel_density(x[:50], y[:50], **args)
    assert few.method == "direct"  # 50 points: direct summation is cheaper, and exact


@pytest.mark.parametrize("exact", [True, False])
def test_mass_equals_total_weight_inside(exact, force_fft):
    rng = np.random.default_rng(7)
    cell, r = 10.0, 200.0
    extent = (0.0, 0.0, 3000.0, 2000.0)
    # inside, further than the bandwidth from the edges
    x = rng.uniform(r, 3000 - r, 1500)
    y = rng.uniform(r, 2000 - r, 1500)
    w = rng.uniform(0.2, 5.0, 1500)
    # outside, further than the bandwidth from the extent: no mass inside
    xo = np.concatenate([rng.uniform(-2000, -r - 1, 100), rng.uniform(3000 + r + 1, 5000, 100)])
    yo = rng.uniform(-500, 2500, 200)
    for kernel in (Kernel.QUARTIC, Kernel.EPANECHNIKOV, Kernel.UNIFORM, Kernel.GAUSSIAN):
        bw = r / 4 if kernel == Kernel.GAUSSIAN else r
        res = kde.kernel_density(
            np.concatenate([x, xo]),
            np.concatenate([y, yo]),
            np.concatenate([w, np.full(200, 7.0)]),
            kernel=kernel,
            bandwidth=bw,
            cell_size=cell,
            extent=extent,
            exact=exact,
        )
        mass = res.values.sum() * (cell / 1000.0) ** 2  # events per km² x km² per cell
        assert mass == pytest.approx(w.sum(), rel=1e-3), kernel.name


def test_default_extent_covers_the_support_and_mass():
    rng = np.random.default_rng(8)
    x = rng.normal(10_000, 300, 500)
    y = rng.normal(20_000, 300, 500)
    for kernel, bw in ((Kernel.QUARTIC, 150.0), (Kernel.GAUSSIAN, 40.0)):
        res = kde.kernel_density(x, y, kernel=kernel, bandwidth=bw, cell_size=10.0)
        assert res.values.sum() * 1e-4 == pytest.approx(500, rel=1e-3)
        pad = kde.support_radius(kernel, bw)
        assert res.xmin <= x.min() - pad and res.xmax >= x.max() + pad
        assert res.ymin <= y.min() - pad and res.ymax >= y.max() + pad
        assert res.xmin % 10 == 0 and res.ymax % 10 == 0


def test_weights_scale_the_surface_and_match_repeated_points():
    rng = np.random.default_rng(9)
    x = rng.uniform(0, 1000, 400)
    y = rng.uniform(0, 1000, 400)
    args = dict(kernel=Kernel.QUARTIC, bandwidth=120.0, cell_size=10.0, extent=(0, 0, 1000, 1000))
    one = kde.kernel_density(x, y, **args)
    scaled = kde.kernel_density(x, y, np.full(400, 2.5), **args)
    assert np.allclose(scaled.values, 2.5 * one.values, rtol=1e-12, atol=1e-12 * one.values.max())
    counts = rng.integers(1, 4, 400)
    weighted = kde.kernel_density(x, y, counts, exact=True, **args)
    repeated = kde.kernel_density(np.repeat(x, counts), np.repeat(y, counts), exact=True, **args)
    assert np.allclose(weighted.values, repeated.values, rtol=1e-9, atol=1e-12 * repeated.values.max())


def test_orientation_row_zero_is_north():
    res = kde.kernel_density(
        [955.0], [455.0], kernel=Kernel.QUARTIC, bandwidth=50.0, cell_size=10.0, extent=(0, 0, 1000, 500), exact=True
    )
    assert (res.nrows, res.ncols) == (50, 100)
    assert (res.xmin, res.ymax, res.xmax, res.ymin) == (0.0, 500.0, 1000.0, 0.0)
    # (955, 455) is the centre of column 95 and row 4 from the top: the NE corner of the array.
    assert np.unravel_index(np.argmax(res.values), res.values.shape) == (4, 95)
    assert res.values[:, :80].max() == 0.0 and res.values[10:, :].max() == 0.0
    xs, ys = res.grid.cell_centres()
    assert (xs[95], ys[4]) == (955.0, 455.0)


def test_extent_is_anchored_top_left_and_snapped_by_default():
    g = kde.kde_grid([1234.5], [5678.9], kernel=Kernel.QUARTIC, bandwidth=100.0, cell_size=25.0)
    assert (g.xmin, g.ymin, g.xmax, g.ymax) == (1125.0, 5575.0, 1350.0, 5800.0)
    assert (g.nrows, g.ncols) == (9, 9)
    g = kde.kde_grid([0], [0], kernel=Kernel.QUARTIC, bandwidth=100.0, cell_size=10.0, extent=(0, 0, 1005, 1000))
    assert (g.xmin, g.ymax, g.ncols, g.nrows) == (0.0, 1000.0, 101, 100)


# --------------------------------------------------------------------------------------------------
# edge correction


def test_edge_correction_flattens_a_homogeneous_pattern():
    rng = np.random.default_rng(11)
    cell, r, lam = 20.0, 200.0, 10_000.0  # lam: events per km²
    extent = (0.0, 0.0, 2800.0, 2800.0)
    # study area: the square [400, 2400]², exactly the mask's cells
    n = int(lam * 4.0)
    x = rng.uniform(400, 2400, n)
    y = rng.uniform(400, 2400, n)
    grid = kde.kde_grid(x, y, kernel=Kernel.QUARTIC, bandwidth=r, cell_size=cell, extent=extent)
    xs, ys = grid.cell_centres()
    mask = ((ys[:, None] > 400) & (ys[:, None] < 2400)) & ((xs[None, :] > 400) & (xs[None, :] < 2400))
    args = dict(kernel=Kernel.QUARTIC, bandwidth=r, cell_size=cell, extent=extent, study_area_mask=mask)
    raw = kde.kernel_density(x, y, **args)
    corrected = kde.kernel_density(x, y, edge_correction=True, **args)
    assert np.isnan(corrected.values[~mask]).all() and np.isfinite(corrected.values[mask]).all()
    assert "Diggle" in corrected.method
    inside = mask.nonzero()
    dist = np.minimum.reduce(
        [xs[inside[1]] - 400, 2400 - xs[inside[1]], ys[inside[0]] - 400, 2400 - ys[inside[0]]]
    )  # distance of each cell centre to the study area's edge
    band = dist < 30  # the outermost ring of cells (centres 10 m from the edge)
    # Uncorrected, the outer ring loses about half its density (a quarter in the corners).
    assert raw.values[inside][band].mean() / lam < 0.6
    # Corrected, every distance band up to the bandwidth is within 3% of the true intensity.
    for lo in range(0, 200, 40):
        sel = (dist >= lo) & (dist < lo + 40)
        assert corrected.values[inside][sel].mean() / lam == pytest.approx(1.0, abs=0.03), lo
    assert corrected.values[inside][dist > 2 * r].mean() / lam == pytest.approx(1.0, abs=0.03)


def test_edge_correction_single_point_on_a_straight_edge():
    # Study area: the half-plane x >= 500 (columns 100 and on). A point on the edge has half its
    # kernel inside. The share of the kernel centred on a cell k cells from the edge is
    # 1/2 + integral from 0 to (k + 1/2) cell of the quartic's marginal 16/(5 pi r) (1 - t²/r²)^(5/2).
    cell, r = 5.0, 200.0
    extent = (0.0, 0.0, 1000.0, 1000.0)
    mask = np.zeros((200, 200), dtype=bool)
    mask[:, 100:] = True
    args = dict(kernel=Kernel.QUARTIC, bandwidth=r, cell_size=cell, extent=extent, study_area_mask=mask)
    raw = kde.kernel_density([500.0], [502.5], exact=True, **args)
    corrected = kde.kernel_density([500.0], [502.5], exact=True, edge_correction=True, **args)

    def marginal(t):
        return 16 / (5 * math.pi * r) * (1 - t * t / (r * r)) ** 2.5

    row = 99  # the row through the point (centre y = 502.5)
    for k in (0, 1, 5, 20, 38):
        share = 0.5 + integrate.quad(marginal, 0, (k + 0.5) * cell)[0]
        ratio = corrected.values[row, 100 + k] / raw.values[row, 100 + k]
        assert ratio == pytest.approx(1 / share, rel=1e-4), k
    # At the edge the correction doubles the density, up to the half cell between edge and centre.
    assert corrected.values[row, 100] / raw.values[row, 100] == pytest.approx(2.0, rel=0.03)
    assert np.isnan(corrected.values[:, :100]).all()


def test_edge_correction_needs_a_matching_mask():
    args = dict(kernel=Kernel.QUARTIC, bandwidth=50.0, cell_size=10.0, extent=(0, 0, 100, 100))
    with pytest.raises(ValueError, match="mask"):
        kde.kernel_density([50.0], [50.0], edge_correction=True, **args)
    with pytest.raises(ValueError, match="shape"):
        kde.kernel_density([50.0], [50.0], study_area_mask=np.ones((5, 5), bool), **args)


# --------------------------------------------------------------------------------------------------
# bandwidth selection

SAMPLE_X = [12.0, 40.0, 55.0, 61.0, 80.0, 95.0, 130.0, 150.0, 410.0, 420.0, 433.0]
SAMPLE_Y = [5.0, 300.0, 120.0, 80.0, 90.0, 200.0, 210.0, 60.0, 70.0, 250.0, 500.0]


def test_scott_rule_by_hand():
    n = len(SAMPLE_X)
    sigma = math.sqrt((statistics.stdev(SAMPLE_X) ** 2 + statistics.stdev(SAMPLE_Y) ** 2) / 2)
    h = sigma * n ** (-1 / 6)
    assert kde.select_bandwidth(SAMPLE_X, SAMPLE_Y, method="scott", kernel=Kernel.GAUSSIAN) == pytest.approx(h)
    quartic = kde.select_bandwidth(SAMPLE_X, SAMPLE_Y, method="scott", kernel=Kernel.QUARTIC)
    assert quartic == pytest.approx(h * kde.canonical_bandwidth_ratio(Kernel.QUARTIC))
    # (R(K) / mu2²)^(1/6) ratio in closed form: quartic R = 9/(5 pi), mu2 = 1/8; Gaussian 1/(4 pi), 1.
    assert quartic == pytest.approx(h * (2304 / 5) ** (1 / 6))


def test_silverman_rule_by_hand():
    n = len(SAMPLE_X)

    def robust(v):
        q1, _, q3 = statistics.quantiles(v, n=4, method="inclusive")  # R's default quantile (type 7)
        return min(statistics.stdev(v), (q3 - q1) / 1.349)

    sigma = math.sqrt((robust(SAMPLE_X) ** 2 + robust(SAMPLE_Y) ** 2) / 2)
    assert robust(SAMPLE_Y) < statistics.stdev(SAMPLE_Y)  # the robust scale matters for this sample
    h = sigma * n ** (-1 / 6)
    got = kde.select_bandwidth(SAMPLE_X, SAMPLE_Y, method="silverman", kernel=Kernel.GAUSSIAN)
    assert got == pytest.approx(h)
    assert kde.select_bandwidth(SAMPLE_X, SAMPLE_Y, method="silverman", kernel=Kernel.EPANECHNIKOV) == pytest.approx(
        h * kde.canonical_bandwidth_ratio(Kernel.EPANECHNIKOV)
    )


# Esri, "How Kernel Density works" (ArcGIS Pro): default search radius 0.9 min(SD, sqrt(1/ln 2) Dm) n^-0.2.
SQRT_1_LN2 = math.sqrt(1.0 / math.log(2.0))


def esri_search_radius(xy, population=None):
    """The Esri recipe step by step, written independently: (weighted) mean centre, distances to it, their
    (weighted) median Dm, the (weighted) standard distance SD, n = points or the sum of the population field.
    Integer populations are expanded into repeated points, so the median is numpy's."""
    pts = np.asarray(xy, dtype=float)
    if population is not None:
        pts = np.repeat(pts, np.asarray(population, dtype=int), axis=0)
    centre = pts.mean(axis=0)
    d = np.sqrt(((pts - centre) ** 2).sum(axis=1))
    sd = math.sqrt(((pts[:, 0] - centre[0]) ** 2).sum() / len(pts) + ((pts[:, 1] - centre[1]) ** 2).sum() / len(pts))
    return 0.9 * min(sd, SQRT_1_LN2 * float(np.median(d))) * len(pts) ** -0.2


def test_spatial_silverman_by_hand_standard_distance_branch():
    # Mean centre (0, 0); distances 0 and four times 500 m: Dm = 500, SD = sqrt(4 x 500² / 5) = 447.2 m,
    # sqrt(1/ln 2) x 500 = 600.6 m > SD, so the standard distance decides: 0.9 x 447.21 x 5^-0.2 = 291.71 m.
    x = [0.0, 300.0, -300.0, 400.0, -400.0]
    y = [0.0, 400.0, -400.0, -300.0, 300.0]
    assert kde.spatial_silverman_radius(x, y) == pytest.approx(0.9 * math.sqrt(200_000.0) * 5 ** -0.2)
    assert kde.spatial_silverman_radius(x, y) == pytest.approx(291.71, abs=0.01)
    assert kde.select_bandwidth(x, y, kernel=Kernel.QUARTIC) == pytest.approx(291.71, abs=0.01)  # the default


def test_spatial_silverman_by_hand_median_branch_ignores_far_points():
    # Four points 100 m from the centre and two far ones 10 km out: Dm = 100 m (median of 100, 100, 100, 100,
    # 10000, 10000), SD = sqrt((4 x 100² + 2 x 10000²) / 6) = 5,774 m; the median distance decides:
    # 0.9 x 1.20112 x 100 x 6^-0.2 (0.69883) = 75.54 m, whatever the far points do.
    x = [100.0, -100.0, 0.0, 0.0, 10_000.0, -10_000.0]
    y = [0.0, 0.0, 100.0, -100.0, 0.0, 0.0]
    got = kde.spatial_silverman_radius(x, y)
    assert got == pytest.approx(0.9 * SQRT_1_LN2 * 100.0 * 6 ** -0.2)
    assert got == pytest.approx(75.54, abs=0.01)
    x[4], x[5] = 50_000.0, -50_000.0
    assert kde.spatial_silverman_radius(x, y) == pytest.approx(got)


def test_spatial_silverman_equals_the_esri_recipe_with_population_weights():
    rng = np.random.default_rng(7)
    xy = np.vstack([rng.normal(0, 300, (150, 2)), rng.normal(2000, 800, (60, 2)), rng.uniform(-9000, 9000, (15, 2))])
    assert kde.spatial_silverman_radius(xy[:, 0], xy[:, 1]) == pytest.approx(esri_search_radius(xy), rel=1e-12)
    population = rng.integers(1, 6, len(xy))
    weighted = kde.spatial_silverman_radius(xy[:, 0], xy[:, 1], population)
    assert weighted == pytest.approx(esri_search_radius(xy, population), rel=1e-12)
    assert weighted != pytest.approx(kde.spatial_silverman_radius(xy[:, 0], xy[:, 1]), rel=1e-3)
    # Other kernels: the same smoothing as that quartic radius (ratio of canonical bandwidths).
    gauss = kde.select_bandwidth(xy[:, 0], xy[:, 1], kernel=Kernel.GAUSSIAN)
    assert gauss == pytest.approx(esri_search_radius(xy) / (2304 / 5) ** (1 / 6))


def test_spatial_silverman_refuses_points_mostly_at_one_place():
    with pytest.raises(ValueError, match="median distance is zero"):
        kde.spatial_silverman_radius([5.0, 5.0, 5.0, 4.0, 6.0], [1.0, 1.0, 1.0, 1.0, 1.0])


def test_chicago_burglaries_default_bandwidth_is_street_scale(shared_data):
    import pandas as pd

    frame = pd.read_csv(shared_data / "chicago" / "burglary_2016.csv")
    xy = frame[["X", "Y"]].to_numpy()
    h = kde.select_bandwidth(xy[:, 0], xy[:, 1])
    assert h == pytest.approx(esri_search_radius(xy), rel=1e-9)
    assert h == pytest.approx(1564.6, abs=0.1)  # was 4,668.6 m with the normal-reference rule
    assert kde.select_bandwidth(xy[:, 0], xy[:, 1], method="silverman") == pytest.approx(4668.6, abs=0.1)
    assert h < 0.1 * min(np.ptp(xy, axis=0))  # below the "wide bandwidth" warning threshold


def test_fixed_bandwidth_is_returned():
    assert kde.select_bandwidth([0, 1], [0, 1], method="fixed", bandwidth=250.0) == 250.0
    with pytest.raises(ValueError):
        kde.select_bandwidth([0, 1], [0, 1], method="fixed")
    with pytest.raises(ValueError):
        kde.select_bandwidth([0, 1], [0, 1], method="plug-in")


@pytest.mark.parametrize("kernel", [Kernel.GAUSSIAN, Kernel.QUARTIC])
def test_lcv_finds_the_normal_reference_bandwidth(kernel):
    # For a bivariate normal sample the AMISE-optimal Gaussian sigma is sigma n^(-1/6); the
    # kernel's equivalent is that times its canonical ratio.
    rng = np.random.default_rng(2024)
    n, sigma = 2000, 500.0
    x = rng.normal(3000, sigma, n)
    y = rng.normal(-800, sigma, n)
    truth = sigma * n ** (-1 / 6) * kde.canonical_bandwidth_ratio(kernel)
    h = kde.select_bandwidth(x, y, method="lcv", kernel=kernel)
    assert h == pytest.approx(truth, rel=0.3)


def test_lcv_duplicates_subsample_and_seed():
    rng = np.random.default_rng(5)
    x = rng.normal(0, 300, 600)
    y = rng.normal(0, 300, 600)
    base = kde.select_bandwidth(x, y, method="lcv")
    # Coincident points are one location: repeating every point or weighting it changes nothing
    # (without the grouping, the repeated sample's likelihood grows without bound as h -> 0).
    assert kde.select_bandwidth(x, y, np.full(600, 3.0), method="lcv") == base
    cand = np.geomspace(50, 800, 40)
    once = kde.select_bandwidth(x, y, method="lcv", candidates=cand)
    thrice = kde.select_bandwidth(np.repeat(x, 3), np.repeat(y, 3), method="lcv", candidates=cand, max_points=10_000)
    assert thrice == once and cand[0] < once < cand[-1]
    # A seeded subsample is reproducible and rescaled to the full sample size.
    a = kde.select_bandwidth(x, y, method="lcv", max_points=300, seed=1)
    assert a == kde.select_bandwidth(x, y, method="lcv", max_points=300, seed=1)
    assert a == pytest.approx(base, rel=0.3)


# --------------------------------------------------------------------------------------------------
# dual KDE, progress, bad input


def test_dual_kde_constant_rate():
    rng = np.random.default_rng(13)
    px = rng.uniform(0, 2000, 800)
    py = rng.uniform(0, 2000, 800)
    pop = rng.integers(20, 400, 800).astype(float)
    # 3 events per 1,000 residents at every population point: the ratio is 3 everywhere.
    res = kde.dual_kernel_density(
        px, py, px, py, 0.003 * pop, pop,
        kernel=Kernel.QUARTIC, bandwidth=250.0, cell_size=20.0, min_population_density=1000.0,
    )  # fmt: skip
    finite = np.isfinite(res.values)
    assert 0.3 < finite.mean() < 1.0  # the sparse rim is NaN (population density below 1,000 / km²)
    assert np.allclose(res.values[finite], 3.0, rtol=1e-9)
    assert res.units == "events per 1,000 population"
    popd = kde.kernel_density(px, py, pop, kernel=Kernel.QUARTIC, bandwidth=250.0, cell_size=20.0,
                              extent=(res.xmin, res.ymin, res.xmax, res.ymax))  # fmt: skip
    assert np.array_equal(finite, popd.values >= 1000.0)


@pytest.mark.parametrize("exact", [True, False])
def test_progress_and_cancel(exact, force_fft):
    rng = np.random.default_rng(1)
    x, y = rng.uniform(0, 5000, (2, 200_000))
    args = dict(kernel=Kernel.QUARTIC, bandwidth=60.0, cell_size=10.0, extent=(0, 0, 5000, 5000), exact=exact)
    seen = []
    kde.kernel_density(x[:20000], y[:20000], progress=seen.append, **args)
    assert seen[-1] == 100.0 and seen == sorted(seen) and len(seen) > 3
    calls = []

    def cancel_on_third_check():
        calls.append(1)
        return len(calls) >= 3

    with pytest.raises(Cancelled):
        kde.kernel_density(x, y, is_cancelled=cancel_on_third_check, **args)


@pytest.mark.parametrize(
    "x, y, kwargs",
    [
        ([], [], {}),
        ([1.0, np.nan], [1.0, 2.0], {}),
        ([1.0, 2.0], [1.0, np.inf], {}),
        ([1.0, 2.0], [1.0], {}),
        ([1.0], [1.0], {"bandwidth": 0.0}),
        ([1.0], [1.0], {"bandwidth": -5.0}),
        ([1.0], [1.0], {"bandwidth": np.nan}),
        ([1.0], [1.0], {"cell_size": 0.0}),
        ([1.0], [1.0], {"cell_size": -1.0}),
        ([1.0], [1.0], {"weights": [-1.0]}),
        ([1.0], [1.0], {"kernel": 6}),
        ([1.0], [1.0], {"extent": (10, 0, 0, 10)}),
    ],
)
def test_bad_input_raises_value_error(x, y, kwargs):
    args = dict(kernel=Kernel.QUARTIC, bandwidth=100.0, cell_size=10.0)
    args.update(kwargs)
    with pytest.raises(ValueError):
        kde.kernel_density(x, y, **args)


def test_guard_cells():
    kde.guard_cells(5000, 10_000)  # exactly 50 million: allowed
    with pytest.raises(ValueError, match="50,000,001"):
        kde.guard_cells(50_000_001, 1)
    with pytest.raises(ValueError, match="cells"):
        kde.kernel_density([0.0], [0.0], kernel=Kernel.QUARTIC, bandwidth=100.0, cell_size=1.0,
                           extent=(0, 0, 100_000, 100_000))  # fmt: skip


# --------------------------------------------------------------------------------------------------
# independent implementation, real data


@pytest.mark.parametrize("exact", [True, False])
def test_gaussian_matches_scipy_gaussian_kde(exact, force_fft):
    rng = np.random.default_rng(21)
    raw = rng.standard_t(5, size=(2, 400))
    # Whiten so the sample covariance is exactly isotropic: gaussian_kde's kernel is then sigma² I.
    chol = np.linalg.cholesky(np.cov(raw))
    pts = 300.0 * np.linalg.solve(chol, raw - raw.mean(axis=1, keepdims=True))
    sigma = 60.0
    ref = stats.gaussian_kde(pts, bw_method=sigma / 300.0)
    res = kde.kernel_density(pts[0], pts[1], kernel=Kernel.GAUSSIAN, bandwidth=sigma, cell_size=15.0, exact=exact)
    xs, ys = res.grid.cell_centres()
    gx, gy = np.meshgrid(xs, ys)
    expected = 400 * 1e6 * ref(np.vstack([gx.ravel(), gy.ravel()])).reshape(gx.shape)
    # Ours is cut at 4 sigma and renormalised (x 1.00034): each point moves e^-8 = 3.4e-4 of its
    # mass from beyond 4 sigma to inside.
    assert np.abs(res.values - expected).max() <= 5e-4 * expected.max()
    strong = expected > 0.05 * expected.max()
    assert np.median(np.abs(res.values[strong] / expected[strong] - 1)) < 5e-4


def test_chicago_burglaries_fast_vs_exact(shared_data, force_fft):
    data = np.genfromtxt(shared_data / "chicago" / "burglary_2016.csv", delimiter=",", names=True, usecols=(0, 1))
    x, y = data["X"], data["Y"]  # EPSG:26971, metres
    assert x.size == 11_701
    args = dict(kernel=Kernel.QUARTIC, bandwidth=400.0, cell_size=100.0)
    fast = kde.kernel_density(x, y, **args)
    exact = kde.kernel_density(x, y, exact=True, **args)
    assert fast.method.startswith("binned-fft")
    assert np.abs(fast.values - exact.values).max() <= 0.005 * exact.values.max()
    assert exact.values.sum() * 0.01 == pytest.approx(11_701, rel=1e-3)  # 0.01 km² per cell
