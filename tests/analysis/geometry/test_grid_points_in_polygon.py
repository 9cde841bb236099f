"""grid_points_in_polygon: the scanline form must give exactly what points_in_polygon gives node by node."""
import numpy as np
import pytest

from besecure.analysis.geometry.polygons import grid_points_in_polygon, points_in_polygon


def reference(xs, ys, polygon):
    gx, gy = np.meshgrid(xs, ys)
    return points_in_polygon(gx.ravel(), gy.ravel(), polygon).reshape(gx.shape)


@pytest.mark.parametrize("seed", range(30))
def test_random_polygons_with_holes_and_parts_on_the_grid_nodes(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(3, 15))
    angles = np.sort(rng.uniform(0, 2 * np.pi, k))
    radii = rng.uniform(2, 10, k)
    # Vertices rounded to the grid, so nodes fall exactly on vertices and on horizontal/vertical edges.
    outer = np.column_stack([np.round(radii * np.cos(angles)), np.round(radii * np.sin(angles))])
    polygon = [outer, outer[::-1] * 0.5, outer + 21.0]  # a hole (even-odd) and a second part
    xs = np.arange(-12.0, 33.0, 0.5)
    ys = np.arange(33.0, -12.0, -0.5)  # north first, as raster rows
    expected = reference(xs, ys, polygon)
    assert expected.any() and (~expected).any()
    assert (grid_points_in_polygon(xs, ys, polygon) == expected).all()


def test_square_edges_follow_the_half_open_rule():
    square = [np.array([[0.0, 0.0], [2.0, 0.0], [2.0, 2.0], [0.0, 2.0]])]
    xs = np.array([-1.0, 0.0, 1.0, 2.0, 3.0])
    ys = np.array([3.0, 2.0, 1.0, 0.0, -1.0])
    got = grid_points_in_polygon(xs, ys, square)
    assert (got == reference(xs, ys, square)).all()
    # Left and bottom edges in, right and top edges out (like floor-binning on a grid).
    assert got[2].tolist() == [False, True, True, False, False]
    assert got[:, 1].tolist() == [False, False, True, True, False]


def test_degenerate_input():
    assert grid_points_in_polygon(np.arange(3.0), np.arange(2.0), []).shape == (2, 3)
    flat = [np.array([[0.0, 0.0], [1.0, 0.0], [2.0, 0.0]])]
    assert not grid_points_in_polygon(np.arange(3.0), np.arange(3.0), flat).any()
