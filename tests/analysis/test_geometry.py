"""Point-in-polygon and areas against analytic shapes."""
import numpy as np
import pytest

from besecure.analysis.geometry import assign_points_to_polygons, points_in_polygon, polygon_area

SQUARE = np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]])
HOLE = np.array([[2.0, 2.0], [4.0, 2.0], [4.0, 4.0], [2.0, 4.0]])


def test_area_with_hole_and_two_parts():
    assert polygon_area([SQUARE, HOLE]) == pytest.approx(96.0)
    assert polygon_area([SQUARE, SQUARE + 20.0]) == pytest.approx(200.0)


def test_points_in_polygon_with_hole():
    px = np.array([1.0, 3.0, 11.0, 5.0])
    py = np.array([1.0, 3.0, 5.0, 9.99])
    assert points_in_polygon(px, py, [SQUARE, HOLE]).tolist() == [True, False, False, True]


def test_shared_boundary_counted_once():
    left, right = [SQUARE], [SQUARE + [10.0, 0.0]]
    rng = np.random.default_rng(0)
    px = np.r_[np.full(50, 10.0), rng.uniform(0, 20, 500)]
    py = np.r_[rng.uniform(0.1, 9.9, 50), rng.uniform(0, 10, 500)]
    zone = assign_points_to_polygons(px, py, [left, right])
    # Points on x = 10 go to exactly one zone; random ones to the zone that contains them.
    assert np.all(zone[:50] >= 0)
    inner = (px > 0) & (px < 20) & (px != 10) & (py > 0) & (py < 10)
    assert np.array_equal(zone[inner], (px[inner] > 10).astype(int))
