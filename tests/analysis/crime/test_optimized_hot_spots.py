"""Optimized hot spot analysis (analysis.crime.optimized_hot_spots): outliers, area, scale search, fallback, Gi*.

References: esda / libpysal (Moran's I per distance band, G_Local), brute-force nearest neighbours and
nearest-centre hexagon assignment, and synthetic point patterns whose clustering scale is known by
construction.
"""
from __future__ import annotations

import warnings
from itertools import pairwise

import numpy as np
import pytest
from scipy.spatial import cKDTree

from besecure.analysis.crime.optimized_hot_spots import (
    FALLBACK_MEDIAN,
    N_BANDS,
    analysis_area,
    choose_cell_size,
    first_peak,
    hexagon_counts,
    incremental_spatial_autocorrelation,
    locational_outliers,
    nice_size,
    optimized_hot_spots,
)
from besecure.analysis.errors import Cancelled
from besecure.analysis.geometry import grids
from besecure.analysis.geometry.polygons import convex_hull_area

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import esda
    from libpysal.weights import DistanceBand, W

L = 10_000.0


def clustered(radius: float, seed: int, n_background: int = 2000, n_clusters: int = 10, per_cluster: int = 120):
    """Uniform background over L x L plus disc clusters of the given radius (uniform in the disc)."""
    rng = np.random.default_rng(seed)
    bx, by = rng.random(n_background) * L, rng.random(n_background) * L
    centres = rng.random((n_clusters, 2)) * (L - 4 * radius) + 2 * radius
    r = radius * np.sqrt(rng.random((n_clusters, per_cluster)))
    a = rng.random((n_clusters, per_cluster)) * 2 * np.pi
    x = (centres[:, 0, None] + r * np.cos(a)).ravel()
    y = (centres[:, 1, None] + r * np.sin(a)).ravel()
    return np.r_[bx, x], np.r_[by, y]


def nearest_centre_counts(x, y, size):
    """Hexagon counts by assigning each point to the nearest hexagon centre (KD-tree), independent
    of the arithmetic binning; returns the counts of the non-empty hexagons."""
    g = grids.make_grid((x.min(), y.min(), x.max(), y.max()), size, "hexagon")
    cx, cy = grids.cell_centres(g, np.arange(g.n_cells))
    _, idx = cKDTree(np.column_stack([cx, cy])).query(np.column_stack([x, y]))
    counts = np.bincount(idx)
    return counts[counts > 0]


def test_nice_size():
    assert nice_size(148.2) == 150.0
    assert nice_size(104.44) == 100.0
    assert nice_size(3127.0) == 3100.0
    assert nice_size(7.26) == 7.3
    with pytest.raises(ValueError):
        nice_size(0.0)


def test_first_peak_rules():
    assert first_peak([1.0, 3.0, 2.0]) == 1
    assert first_peak([1.0, 3.0, 3.0, 2.0]) == 1  # a plateau peaks at its start
    assert first_peak([1.0, 5.0, 4.0, 9.0, 2.0]) == 1  # the first, not the highest
    assert first_peak([1.0, 2.0, 3.0, 4.0]) is None  # rising: the peak lies beyond the range
    assert first_peak([4.0, 3.0, 2.0]) is None  # falling: below the range
    assert first_peak([0.1, 1.5, 0.2, 3.0, 1.0]) == 3  # 1.5 is not significant
    assert first_peak([np.nan, 3.0, 2.0]) is None


def test_locational_outliers_against_brute_force():
    rng = np.random.default_rng(0)
    x = np.r_[rng.normal(0, 50, 300), 5000.0]
    y = np.r_[rng.normal(0, 50, 300), 5000.0]
    out, mean, threshold = locational_outliers(x, y)
    d = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])
    np.fill_diagonal(d, np.inf)
    nn = d.min(axis=1)
    assert mean == pytest.approx(nn.mean())
    assert threshold == pytest.approx(nn.mean() + 3 * nn.std())
    assert np.array_equal(out, nn > nn.mean() + 3 * nn.std())
    assert out[-1] and out.sum() <= 3


def test_area_is_the_hull_without_remote_outliers():
    x, y = clustered(300, 1)
    x, y = np.r_[x, 60_000.0], np.r_[y, 60_000.0]  # one incident geocoded far away
    area = analysis_area(x, y)
    assert area.kind == "convex hull"
    assert area.outlier[-1] and np.flatnonzero(area.remote).tolist() == [x.size - 1]
    # Without it, sparse background incidents are outliers but none is remote: all are counted.
    edge = analysis_area(x[:-1], y[:-1])
    assert edge.outlier.sum() > 0 and not edge.remote.any()
    assert hexagon_counts(x[:-1], y[:-1], edge, 400.0).n_counted == x.size - 1
    assert area.area_m2 == pytest.approx(convex_hull_area(x[:-1], y[:-1]))
    hexes = hexagon_counts(x, y, area, 400.0)
    assert hexes.index[-1] == -1
    assert hexes.counts.sum() == hexes.n_counted == x.size - 1
    # Every hexagon overlapping the hull is analysed, empty or not, and the nearest-centre
    # assignment of the counted incidents gives the same non-empty counts.
    assert (hexes.counts == 0).sum() > 0
    reference = nearest_centre_counts(x[:-1], y[:-1], 400.0)
    assert np.array_equal(np.sort(hexes.counts[hexes.counts > 0]), np.sort(reference))


def test_study_area_counts_only_incidents_inside():
    x, y = clustered(300, 2)
    square = [np.array([[2000.0, 2000.0], [8000.0, 2000.0], [8000.0, 8000.0], [2000.0, 8000.0]])]
    area = analysis_area(x, y, square)
    hexes = hexagon_counts(x, y, area, 500.0)
    inside = (x > 2000) & (x < 8000) & (y > 2000) & (y < 8000)
    assert area.kind == "study area" and area.area_m2 == pytest.approx(36e6)
    assert hexes.counts.sum() == inside.sum()
    assert np.array_equal(hexes.index >= 0, inside)


def test_scale_search_z_equals_esda_moran_for_every_band():
    x, y = clustered(400, 3)
    area = analysis_area(x, y)
    base, n_cells, cands = incremental_spatial_autocorrelation(x, y, area, n_bands=4, target_cells=1500)
    hexes = hexagon_counts(x, y, area, base)
    assert hexes.cells.size == n_cells
    cx, cy = grids.cell_centres(hexes.grid, hexes.cells)
    for k, cand in enumerate(cands, start=1):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wl = DistanceBand(np.column_stack([cx, cy]), threshold=k * base * (1 + 1e-9), binary=True,
                              silence_warnings=True)
            wl.transform = "r"
            ref = esda.Moran(hexes.counts.astype(float), wl, permutations=0)
        assert cand.distance == pytest.approx(k * base)
        assert cand.moran_i == pytest.approx(ref.I, abs=1e-10)
        assert cand.z == pytest.approx(ref.z_rand, rel=1e-8)
        assert cand.p == pytest.approx(ref.p_rand, abs=1e-12)


@pytest.mark.parametrize("radius", [250.0, 400.0, 600.0])
def test_first_peak_follows_the_cluster_radius(radius):
    """Disc clusters of radius R (well above the fine cell size of ~152 m): the chosen size lies
    between R and 1.6 R, for several random layouts."""
    for seed in range(2):
        x, y = clustered(radius, seed)
        choice = choose_cell_size(x, y, analysis_area(x, y))
        assert choice.method == "peak", (radius, seed, choice)
        assert radius <= choice.raw_size <= 1.6 * radius, (radius, seed, choice.raw_size)
        assert choice.size == nice_size(choice.raw_size)
        # The search stopped one band after the peak.
        assert len(choice.candidates) == choice.peak + 2


def median_rule_holds(x, y, choice):
    """At the chosen size non-empty hexagons hold a median >= 3; at the next smaller size of the
    searched series they do not (counts by nearest hexagon centre)."""
    sizes = np.geomspace(choice.base_size / 4.0, N_BANDS * choice.base_size, 40)
    i = int(np.argmin(np.abs(sizes - choice.raw_size)))
    assert sizes[i] == pytest.approx(choice.raw_size)
    assert np.median(nearest_centre_counts(x, y, sizes[i])) >= FALLBACK_MEDIAN
    if i > 0:
        assert np.median(nearest_centre_counts(x, y, sizes[i - 1])) < FALLBACK_MEDIAN


def test_fallback_when_clusters_are_finer_than_the_search():
    x, y = clustered(60.0, 4, per_cluster=60)
    choice = choose_cell_size(x, y, analysis_area(x, y))
    assert (choice.method, choice.reason) == ("median count", "falling")
    median_rule_holds(x, y, choice)


def test_fallback_for_complete_spatial_randomness():
    rng = np.random.default_rng(5)
    x, y = rng.random(3000) * L, rng.random(3000) * L
    choice = choose_cell_size(x, y, analysis_area(x, y))
    assert (choice.method, choice.reason) == ("median count", "not significant")
    assert max(c.z for c in choice.candidates) < 1.96 or choice.peak is None
    assert len(choice.candidates) == N_BANDS
    median_rule_holds(x, y, choice)


def test_fallback_for_a_trend_across_the_whole_area():
    rng = np.random.default_rng(7)
    x, y = L * np.sqrt(rng.random(4000)), rng.random(4000) * L  # density rising from west to east
    choice = choose_cell_size(x, y, analysis_area(x, y))
    assert (choice.method, choice.reason) == ("median count", "rising")
    z = [c.z for c in choice.candidates]
    assert all(b > a for a, b in pairwise(z))
    median_rule_holds(x, y, choice)


def test_pipeline_gi_star_equals_esda_on_the_hexagon_counts():
    x, y = clustered(400, 6)
    res = optimized_hot_spots(x, y)
    hexes = res.hexagons
    assert res.choice.method == "peak"
    assert hexes.counts.sum() == hexes.n_counted == x.size
    # Neighbours: side-sharing hexagons, i.e. centres one cell size apart.
    cx, cy = grids.cell_centres(hexes.grid, hexes.cells)
    pairs = cKDTree(np.column_stack([cx, cy])).query_pairs(res.choice.size * (1 + 1e-9), output_type="ndarray")
    neighbours = {i: [] for i in range(hexes.cells.size)}
    for i, j in pairs:
        neighbours[int(i)].append(int(j))
        neighbours[int(j)].append(int(i))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wl = W(neighbours, silence_warnings=True)
        ref = esda.G_Local(hexes.counts.astype(float), wl, transform="B", permutations=0, star=True)
    assert np.allclose(res.gi.z, ref.Zs, rtol=1e-8, atol=1e-10)
    # The clusters are hot spots at 99 % after the FDR correction.
    assert (res.gi.bins == 3).sum() >= 10
    assert np.all(res.gi.q >= res.gi.p - 1e-15)


def test_cell_size_given_and_bad_input():
    x, y = clustered(400, 8)
    res = optimized_hot_spots(x, y, cell_size=700.0)
    assert res.choice.method == "given" and res.hexagons.grid.size == 700.0
    with pytest.raises(ValueError, match="at least 30"):
        optimized_hot_spots(x, y, cell_size=4000.0)  # too few hexagons
    with pytest.raises(ValueError, match="at least 30 incidents"):
        optimized_hot_spots(x[:20], y[:20])
    with pytest.raises(ValueError, match="one line"):
        optimized_hot_spots(np.arange(50.0), 2 * np.arange(50.0))
    with pytest.raises(Cancelled):
        optimized_hot_spots(x, y, is_cancelled=lambda: True)
