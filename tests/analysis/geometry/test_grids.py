"""Grid binning against analytic geometry and a brute-force nearest-centre reference."""
import math

import numpy as np
import pytest

from besecure.analysis.geometry import grids
from besecure.analysis.geometry.polygons import points_in_polygon, ring_area


def test_square_cells_floor_rule_and_anchor():
    g = grids.make_grid((1010.0, 2020.0, 1900.0, 2900.0), 250.0, "square")
    assert (g.x0, g.y0) == (1000.0, 2000.0)
    # A point on a shared edge belongs to the cell on its right/top: counted once.
    ids = grids.bin_points(g, np.array([1250.0, 1249.999]), np.array([2100.0, 2100.0]))
    assert ids[0] == ids[1] + 1


def test_hexagon_area_and_width():
    g = grids.make_grid((0, 0, 2000, 2000), 500.0, "hexagon")
    poly = grids.cell_polygons(g, np.array([g.ncols + 3]))[0]
    assert abs(ring_area(poly)) == pytest.approx(math.sqrt(3) / 2 * 500.0**2)
    assert g.cell_area == pytest.approx(216506.3509461097)
    # distance between the parallel (top and bottom) sides is the cell size
    assert poly[:, 1].max() - poly[:, 1].min() == pytest.approx(500.0)


@pytest.mark.parametrize("kind", ["square", "hexagon"])
def test_binning_equals_point_in_cell_polygon(kind):
    rng = np.random.default_rng(1)
    x = rng.uniform(-1234, 4321, 4000)
    y = rng.uniform(-999, 3210, 4000)
    g = grids.make_grid((x.min(), y.min(), x.max(), y.max()), 173.0, kind)
    ids = grids.bin_points(g, x, y)
    assert np.all(ids >= 0)
    # Independent check: each point lies inside the polygon of its cell.
    polys = grids.cell_polygons(g, ids)
    for i in range(0, 4000, 37):
        assert points_in_polygon(x[i : i + 1], y[i : i + 1], [polys[i]])[0]


def test_hexagon_binning_is_nearest_centre():
    rng = np.random.default_rng(2)
    x = rng.uniform(0, 3000, 3000)
    y = rng.uniform(0, 3000, 3000)
    g = grids.make_grid((0, 0, 3000, 3000), 200.0, "hexagon")
    ids = grids.bin_points(g, x, y)
    cx, cy = grids.cell_centres(g, np.arange(g.n_cells))
    d2 = (x[:, None] - cx[None, :]) ** 2 + (y[:, None] - cy[None, :]) ** 2
    assert np.array_equal(ids, np.argmin(d2, axis=1))


def test_too_many_cells_refused_with_count():
    with pytest.raises(ValueError, match=r"would have 200,000,000 cells"):
        grids.make_grid((0, 0, 19_999.5, 9_999.5), 1.0, "square")


def test_cells_touching_polygon():
    g = grids.make_grid((0, 0, 1000, 1000), 100.0, "square")
    tri = [np.array([[0.0, 0.0], [1000.0, 0.0], [0.0, 1000.0]])]
    kept = grids.cells_touching_polygon(g, tri)
    row, col = np.divmod(kept, g.ncols)
    # Every cell overlapping the triangle's interior (row + col <= 9: 55 cells) is kept; cells that
    # only touch its edge (row + col = 10) may be; none beyond it.
    interior = {(r, c) for r in range(10) for c in range(10) if r + c <= 9}
    assert interior <= set(zip(row.tolist(), col.tolist()))
    assert np.all(row + col <= 10)
