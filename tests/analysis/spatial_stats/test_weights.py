"""Spatial weights against libpysal's Queen, Rook, DistanceBand, KNN, lat2W and hexLat2W
(same neighbour sets) and against hand-made geometries."""
from __future__ import annotations

import warnings
from pathlib import Path

import numpy as np
import pytest
from pysal_examples import EXAMPLES
from scipy import sparse

from besecure.analysis.geometry.grids import cell_centres, cell_polygons, make_grid
from besecure.analysis.geometry.polygons import polygon_centroids
from besecure.analysis.spatial_stats.weights import (
    SpatialWeights,
    contiguity_weights,
    contiguity_weights_flat,
    distance_band_weights,
    hex_lattice_weights,
    knn_tied,
    knn_weights,
    lattice_weights,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # libpysal warns about remote example data and PROJ
    import libpysal

# libpysal's own deprecation, connectivity and divide-by-zero chatter is not under test here.
pytestmark = pytest.mark.filterwarnings(
    "ignore::FutureWarning",
    "ignore:The weights matrix is not fully connected:UserWarning",
    "ignore:divide by zero:RuntimeWarning",
)

COLUMBUS = EXAMPLES / "columbus" / "columbus.shp"
STL = EXAMPLES / "stl" / "stl_hom.shp"


def read_polygons(path: Path):
    """libpysal polygons plus our flat representation: every ring with its polygon index."""
    polygons = list(libpysal.io.open(str(path)))
    rings, owner = [], []
    for index, polygon in enumerate(polygons):
        for ring in list(polygon.parts) + [h for h in (polygon.holes or []) if len(h)]:
            rings.append(np.asarray(ring, dtype=float))
            owner.append(index)
    return polygons, rings, np.array(owner)


def same_neighbours(ours: SpatialWeights, theirs: sparse.spmatrix) -> bool:
    a = ours.matrix != 0
    b = sparse.csr_matrix(theirs) != 0
    return a.shape == b.shape and (a != b).nnz == 0


def square(x0: float, y0: float, size: float = 1.0) -> np.ndarray:
    return np.array([[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]])


@pytest.fixture(scope="module")
def columbus():
    return read_polygons(COLUMBUS)


@pytest.fixture(scope="module")
def stl():
    return read_polygons(STL)


# --- contiguity ----------------------------------------------------------------------------


def test_columbus_queen_matches_libpysal_236_links(columbus):
    polygons, rings, owner = columbus
    w = contiguity_weights(rings, owner, kind="queen")
    assert w.n == 49
    assert w.n_links == 236  # REFERENCES.md: queen contiguity from the polygons, 236 links
    assert same_neighbours(w, libpysal.weights.Queen.from_iterable(polygons).sparse)
    assert w.is_binary and w.is_symmetric


def test_columbus_rook_matches_libpysal(columbus):
    polygons, rings, owner = columbus
    w = contiguity_weights(rings, owner, kind="rook")
    theirs = libpysal.weights.Rook.from_iterable(polygons)
    assert w.n_links == theirs.s0 == 200
    assert same_neighbours(w, theirs.sparse)


def test_stl_queen_and_rook_match_libpysal_and_published_gal(stl):
    polygons, rings, owner = stl
    queen = contiguity_weights(rings, owner, kind="queen")
    assert same_neighbours(queen, libpysal.weights.Queen.from_iterable(polygons).sparse)
    rook = contiguity_weights(rings, owner, kind="rook")
    gal = libpysal.io.open(str(EXAMPLES / "stl" / "stl_hom_rook.gal")).read()
    assert same_neighbours(rook, gal.sparse)


def test_flat_arrays_and_open_rings_give_the_same_weights(columbus):
    _, rings, owner = columbus
    reference = contiguity_weights(rings, owner, kind="rook")
    open_rings = [r[:-1] for r in rings]  # shapefile rings are closed; drop the closing vertex
    assert same_neighbours(contiguity_weights(open_rings, owner, kind="rook"), reference.matrix)
    offsets = np.concatenate([[0], np.cumsum([len(r) for r in rings])])
    flat = contiguity_weights_flat(np.concatenate(rings), offsets, owner, kind="rook")
    assert same_neighbours(flat, reference.matrix)


def test_corner_touch_is_queen_but_not_rook():
    # 0 and 1 share an edge, 0 and 2 only the corner (1, 1).
    rings = [square(0, 0), square(1, 0), square(1, 1)]
    owner = np.arange(3)
    queen = contiguity_weights(rings, owner, kind="queen")
    rook = contiguity_weights(rings, owner, kind="rook")
    assert queen.matrix.toarray().tolist() == [[0, 1, 1], [1, 0, 1], [1, 1, 0]]
    assert rook.matrix.toarray().tolist() == [[0, 1, 0], [1, 0, 1], [0, 1, 0]]


def test_tolerance_snaps_digitising_noise():
    rings = [square(0, 0), square(1 + 1e-9, 0)]
    owner = np.arange(2)
    assert contiguity_weights(rings, owner, kind="rook").n_links == 0
    assert contiguity_weights(rings, owner, kind="rook", tolerance=1e-6).n_links == 2


def test_hole_ring_and_multipart_polygons():
    outer = square(0, 0, 10)
    hole = square(4, 4, 2)[::-1]
    island_in_hole = square(4, 4, 2)
    far_part_a, far_part_b = square(20, 0), square(30, 0)
    touches_part_b = square(31, 0)
    rings = [outer, hole, island_in_hole, far_part_a, far_part_b, touches_part_b]
    owner = np.array([0, 0, 1, 2, 2, 3])
    w = contiguity_weights(rings, owner, kind="rook", n=5)
    assert w.n == 5
    assert w.neighbours(0).tolist() == [1]  # through the hole's ring
    assert w.neighbours(2).tolist() == [3]  # through its second part
    assert w.islands.tolist() == [4]  # polygon 4 has no rings at all
    assert w.neighbour_counts.tolist() == [1, 1, 1, 1, 0]


def test_contiguity_rejects_bad_input():
    with pytest.raises(ValueError, match="queen"):
        contiguity_weights([square(0, 0)], [0], kind="bishop")
    with pytest.raises(ValueError, match="one polygon index per ring"):
        contiguity_weights([square(0, 0)], [0, 1])
    with pytest.raises(ValueError, match="NaN"):
        contiguity_weights([np.array([[0.0, np.nan], [1, 1], [0, 1]])], [0])


# --- distance band and KNN ------------------------------------------------------------------

TOY = np.array([(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)], dtype=float)


def test_distance_band_includes_the_threshold_like_libpysal():
    w = distance_band_weights(TOY[:, 0], TOY[:, 1], 15)
    assert same_neighbours(w, libpysal.weights.DistanceBand(TOY, threshold=15).sparse)
    assert 4 in w.neighbours(3)  # (15, 20) - (30, 20) is exactly 15 apart


@pytest.mark.parametrize("threshold", [4.0, 9.5])
def test_distance_band_random_points_binary_and_inverse_distance(threshold):
    pts = np.random.default_rng(3).random((400, 2)) * 100
    theirs = libpysal.weights.DistanceBand(pts, threshold=threshold, binary=False)
    ours = distance_band_weights(pts[:, 0], pts[:, 1], threshold, binary=False)
    assert same_neighbours(ours, theirs.sparse)
    np.testing.assert_allclose(ours.matrix.toarray(), theirs.sparse.toarray(), rtol=1e-12)
    binary = distance_band_weights(pts[:, 0], pts[:, 1], threshold)
    assert binary.is_binary and same_neighbours(binary, theirs.sparse)


def test_distance_band_coincident_points():
    x, y = np.array([0.0, 0.0, 5.0]), np.array([0.0, 0.0, 0.0])
    w = distance_band_weights(x, y, 1.0)
    assert w.neighbours(0).tolist() == [1] and w.islands.tolist() == [2]
    with pytest.raises(ValueError, match="coincide"):
        distance_band_weights(x, y, 1.0, binary=False)


@pytest.mark.parametrize("k", [1, 4, 8])
def test_knn_matches_libpysal(k):
    pts = np.random.default_rng(11).random((300, 2)) * 1000
    w = knn_weights(pts[:, 0], pts[:, 1], k)
    assert same_neighbours(w, libpysal.weights.KNN(pts, k=k).sparse)
    assert np.all(w.neighbour_counts == k)


def test_knn_is_asymmetric_and_symmetrised_is_the_union():
    x, y = np.array([0.0, 1.0, 3.0]), np.zeros(3)
    w = knn_weights(x, y, 1)
    assert w.matrix.toarray().tolist() == [[0, 1, 0], [1, 0, 0], [0, 1, 0]]
    assert not w.is_symmetric
    assert w.symmetrised().matrix.toarray().tolist() == [[0, 1, 0], [1, 0, 1], [0, 1, 0]]


def hexagon_centroids(size: float = 500.0):
    """Centroids of a real 500 m hexagon grid (analysis/geometry/grids.py), computed from the cell polygons as the
    algorithms do (so with their rounding), away from round coordinates; cell ids in random order."""
    grid = make_grid((120_000.3, 480_000.7, 128_000.0, 486_000.0), size, "hexagon")
    ids = np.random.default_rng(3).permutation(grid.ncols * grid.nrows)
    rings = cell_polygons(grid, ids)
    n, k = rings.shape[:2]
    cx, cy = polygon_centroids(rings.reshape(-1, 2), np.arange(0, n * k + 1, k), np.arange(n), np.zeros(n, bool), n)
    return cx, cy


def brute_force_distances(x, y):
    d = np.hypot(x[:, None] - x[None, :], y[:, None] - y[None, :])
    np.fill_diagonal(d, np.inf)
    return d


def test_distance_band_equal_to_the_hexagon_spacing_takes_every_cell_at_that_distance():
    x, y = hexagon_centroids()
    d = brute_force_distances(x, y)
    # Centres of neighbouring flat-topped hexagons are the cell size apart; the next rings lie at
    # 500 sqrt(3) = 866 m and 1000 m. Rounding puts some at 1000 m + a few 1e-13 m.
    at_1000 = np.abs(d - 1000.0) < 1e-6
    assert (d[at_1000] > 1000.0).any() and at_1000.sum(axis=1).max() == 6
    for band, ring_count in ((500.0, 6), (1000.0, 18)):
        w = distance_band_weights(x, y, band)
        expected = d <= band + 1e-6  # brute force with a generous tolerance: no distance lies within 1 m of a band
        assert np.array_equal(w.matrix.toarray() > 0, expected)
        assert w.neighbour_counts.max() == ring_count
        assert not (np.abs(d - band) > 1e-6)[(d > band * (1 - 1e-3)) & (d < band * (1 + 1e-3))].any()


@pytest.mark.parametrize("k", [1, 3, 6, 7, 8])
def test_knn_ties_on_a_hexagon_grid_include_every_cell_at_the_kth_distance(k):
    x, y = hexagon_centroids()
    d = brute_force_distances(x, y)
    w = knn_weights(x, y, k)
    # Brute force: the k-th smallest distance of each cell, then every cell within 1 micrometre of it.
    kth = np.sort(d, axis=1)[:, k - 1]
    expected = d <= kth[:, None] + 1e-6
    assert np.array_equal(w.matrix.toarray() > 0, expected)
    counts = w.neighbour_counts
    assert counts.min() >= k
    inner = np.bincount(counts).argmax()  # most cells are inner cells
    assert inner == {1: 6, 3: 6, 6: 6, 7: 12, 8: 12}[k]  # rings of 6 at 500 m and 866 m
    assert knn_tied(w, k) == int((counts > k).sum())
    # The same neighbours whatever the order of the features.
    order = np.random.default_rng(5).permutation(x.size)
    again = knn_weights(x[order], y[order], k).matrix.toarray() > 0
    assert np.array_equal(again, (w.matrix.toarray() > 0)[np.ix_(order, order)])


def test_knn_coincident_points_are_all_nearest():
    x = np.array([0.0, 0.0, 0.0, 0.0, 10.0, 20.0])
    y = np.zeros(6)
    w = knn_weights(x, y, 1)
    assert [sorted(w.neighbours(i).tolist()) for i in range(4)] == [[1, 2, 3], [0, 2, 3], [0, 1, 3], [0, 1, 2]]
    assert sorted(w.neighbours(4).tolist()) == [0, 1, 2, 3, 5]  # 10 m from 5 and from the four at 0: a tie
    assert sorted(w.neighbours(5).tolist()) == [4]


def test_knn_rejects_too_large_k():
    with pytest.raises(ValueError, match="K = 3"):
        knn_weights(np.arange(3.0), np.zeros(3), 3)


# --- lattices -------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", [(4, 5), (7, 3), (1, 6)])
def test_lattices_match_libpysal(shape):
    nrows, ncols = shape
    for kind in ("rook", "queen"):
        expected = libpysal.weights.lat2W(nrows, ncols, rook=kind == "rook").sparse
        assert same_neighbours(lattice_weights(nrows, ncols, kind), expected)
    expected = libpysal.weights.util.hexLat2W(nrows, ncols).sparse
    assert same_neighbours(hex_lattice_weights(nrows, ncols), expected)


def test_hex_lattice_inner_cells_have_six_neighbours():
    w = hex_lattice_weights(6, 6)
    inner = np.array([r * 6 + c for r in range(1, 5) for c in range(1, 5)])
    assert np.all(w.neighbour_counts[inner] == 6)


def test_hex_lattice_matches_the_plugins_hexagon_grid():
    grid = make_grid((0.0, 0.0, 900.0, 700.0), 100.0, kind="hexagon")
    ids = np.arange(grid.n_cells)
    expected = hex_lattice_weights(grid.nrows, grid.ncols)
    cx, cy = cell_centres(grid, ids)
    # Centres of touching hexagons are one cell size apart, the next ones sqrt(3) sizes.
    assert same_neighbours(distance_band_weights(cx, cy, 1.01 * grid.size), expected.matrix)
    rings = list(cell_polygons(grid, ids))
    by_vertex = contiguity_weights(rings, ids, kind="queen", tolerance=1e-6 * grid.size)
    assert same_neighbours(by_vertex, expected.matrix)
    occupied = np.array([3, 4, 17, 18, 40, 41, 42, 60])
    sub = expected.subset(occupied)
    assert sub.n == occupied.size and sub.n_links == 12
    assert same_neighbours(sub, distance_band_weights(cx[occupied], cy[occupied], 1.01 * grid.size).matrix)


# --- the container --------------------------------------------------------------------------


def test_helpers_on_a_small_graph():
    w = SpatialWeights.from_pairs([0, 1, 1, 0], [1, 2, 2, 0], n=4, symmetric=True)
    assert w.n_links == 4  # 0-1, 1-2 both ways; the repeated pair and the self-pair drop out
    assert w.neighbour_counts.tolist() == [1, 2, 1, 0]
    assert w.islands.tolist() == [3]
    rs = w.row_standardised().toarray()
    np.testing.assert_allclose(rs.sum(axis=1), [1, 1, 1, 0])
    np.testing.assert_allclose(rs[1], [0.5, 0, 0.5, 0])
    star = w.with_self(1.0).toarray()
    np.testing.assert_array_equal(np.diag(star), np.ones(4))
    np.testing.assert_array_equal(star - np.eye(4), w.matrix.toarray())


def test_weights_are_frozen_and_validated():
    w = lattice_weights(2, 2)
    with pytest.raises(AttributeError):
        w.n = 3  # type: ignore[misc]
    with pytest.raises(ValueError):
        w.matrix.data[0] = 5.0  # read-only arrays
    with pytest.raises(ValueError, match="self-links"):
        SpatialWeights(sparse.identity(3, format="csr"), 3)
    with pytest.raises(ValueError, match="shape"):
        SpatialWeights(sparse.csr_matrix((3, 3)), 4)


def test_from_sparse_reads_a_gal_file():
    gal = libpysal.io.open(str(EXAMPLES / "stl" / "stl.gal")).read()
    w = SpatialWeights.from_sparse(gal.sparse)
    assert w.n == gal.n and w.n_links == gal.s0
    assert same_neighbours(w, gal.sparse)
