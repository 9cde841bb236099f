"""Grid-cell contiguity of any order (analysis.spatial_stats.grid_weights), against libpysal and brute force."""
from __future__ import annotations

import warnings

import numpy as np
import pytest

from besecure.analysis.geometry import grids
from besecure.analysis.spatial_stats.grid_weights import grid_contiguity, grid_offsets

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from libpysal.weights import W, hexLat2W, higher_order, lat2W


def as_sets(w) -> dict[int, set[int]]:
    return {i: set(w.neighbours(i).tolist()) for i in range(w.n)}


def libpysal_sets(lw: W) -> dict[int, set[int]]:
    return {int(i): {int(j) for j in nbrs} for i, nbrs in lw.neighbors.items()}


def grid(kind: str, nrows: int, ncols: int, size: float = 10.0) -> grids.GridSpec:
    return grids.GridSpec(kind, size, 0.0, 0.0, ncols, nrows)


@pytest.mark.parametrize("nrows,ncols", [(5, 7), (6, 4), (1, 5)])
def test_order_one_equals_libpysal_lattices(nrows, ncols):
    squares = grid_contiguity(grid("square", nrows, ncols))
    assert as_sets(squares) == libpysal_sets(lat2W(nrows, ncols, rook=False))
    hexes = grid_contiguity(grid("hexagon", nrows, ncols))
    assert as_sets(hexes) == libpysal_sets(hexLat2W(nrows, ncols))


@pytest.mark.parametrize("order", [2, 3])
def test_higher_orders_equal_libpysal_higher_order(order):
    nrows, ncols = 7, 8
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ref_sq = higher_order(lat2W(nrows, ncols, rook=False), order, lower_order=True)
        ref_hex = higher_order(hexLat2W(nrows, ncols), order, lower_order=True)
    assert as_sets(grid_contiguity(grid("square", nrows, ncols), order=order)) == libpysal_sets(ref_sq)
    assert as_sets(grid_contiguity(grid("hexagon", nrows, ncols), order=order)) == libpysal_sets(ref_hex)


def test_ring_sizes_of_an_inner_cell():
    for k in (1, 2, 3, 4):
        assert len(grid_offsets("square", k)) == (2 * k + 1) ** 2 - 1
        assert len(grid_offsets("hexagon", k)) == 3 * k * (k + 1)


@pytest.mark.parametrize("kind", ["square", "hexagon"])
@pytest.mark.parametrize("order", [1, 2])
def test_subset_equals_brute_force_distances(kind, order):
    """A random subset, in shuffled order, against distances between the cells' centres: hexagon
    steps <= k are exactly the centres within k cell sizes for k <= 6; queen steps are the
    Chebyshev distance of rows and columns."""
    g = grid(kind, 12, 15, size=7.0)
    rng = np.random.default_rng(3)
    cells = rng.choice(g.n_cells, 90, replace=False)  # not sorted: weights follow this order
    w = grid_contiguity(g, cells, order)
    if kind == "hexagon":
        cx, cy = grids.cell_centres(g, cells)
        d = np.hypot(cx[:, None] - cx[None, :], cy[:, None] - cy[None, :])
        near = d <= order * g.size * (1 + 1e-9)
    else:
        r, c = np.divmod(cells, g.ncols)
        near = np.maximum(np.abs(r[:, None] - r[None, :]), np.abs(c[:, None] - c[None, :])) <= order
    np.fill_diagonal(near, False)
    expected = {i: set(np.flatnonzero(near[i]).tolist()) for i in range(cells.size)}
    assert as_sets(w) == expected
    assert w.is_symmetric and w.is_binary


def test_bad_input():
    g = grid("square", 3, 3)
    with pytest.raises(ValueError, match="at least 1"):
        grid_contiguity(g, order=0)
    with pytest.raises(ValueError, match="must not repeat"):
        grid_contiguity(g, np.array([1, 1]))
    with pytest.raises(ValueError, match=r"0..8"):
        grid_contiguity(g, np.array([9]))
    assert grid_contiguity(g, np.array([4])).n_links == 0
    assert grid_contiguity(g, np.array([], dtype=np.int64)).n == 0
