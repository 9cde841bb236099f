"""Exact shortest distances between feature sets against dense sampling (scipy cdist) and analytic cases."""
from __future__ import annotations

from itertools import pairwise

import numpy as np
import pytest
from scipy.spatial.distance import cdist

from besecure.analysis.geometry.polygons import nearest_segment, segments_distance
from besecure.analysis.geometry.proximity import Shapes, nearest_places


def _sample(polyline: np.ndarray, step: float = 0.01) -> np.ndarray:
    out = []
    for a, b in pairwise(polyline):
        n = max(2, int(np.ceil(np.hypot(*(b - a)) / step)) + 1)
        out.append(a + np.linspace(0, 1, n)[:, None] * (b - a))
    return np.vstack(out)


def test_random_polylines_against_sampling():
    rng = np.random.default_rng(7)
    a_lines = [rng.uniform(0, 50, (4, 2)) for _ in range(6)]
    b_lines = [rng.uniform(30, 80, (3, 2)) for _ in range(5)]
    near = nearest_places(Shapes.build(lines=a_lines, line_owner=range(6)), 6,
                          Shapes.build(lines=b_lines, line_owner=range(5)))
    b_pts = np.vstack([_sample(b) for b in b_lines])
    for i, a in enumerate(a_lines):
        ref = cdist(_sample(a), b_pts).min()
        # Sampling at 1 cm overestimates by at most ~1 cm; crossings give 0 exactly.
        assert near.distance[i] <= ref + 1e-9
        assert near.distance[i] == pytest.approx(ref, abs=0.015)
        # The reported nearest points are that far apart.
        assert np.hypot(*(near.asset_xy[i] - near.reach_xy[i])) == pytest.approx(near.distance[i], abs=1e-9)


def test_containment_and_points():
    square = [np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0]])]
    assets = Shapes.build(points=np.array([[5.0, 5.0], [20.0, 5.0]]), point_owner=np.array([0, 1]),
                          polygons=[square], polygon_owner=[2])
    reach = Shapes.build(points=np.array([[3.0, 4.0]]), point_owner=np.array([0]))
    near = nearest_places(assets, 3, reach)
    np.testing.assert_allclose(near.distance, [np.hypot(2, 1), np.hypot(17, 1), 0.0])
    empty = nearest_places(assets, 3, Shapes.build())
    assert np.isinf(empty.distance).all()


def test_segment_helpers():
    # Crossing segments are 0 apart; parallel ones their offset; a point is a zero-length segment.
    d = segments_distance(np.array([0.0, 0.0, 5.0]), np.array([0.0, 0.0, 5.0]), np.array([10.0, 10.0, 5.0]),
                          np.array([10.0, 0.0, 5.0]), np.array([0.0, 0.0, 0.0]), np.array([10.0, 3.0, 0.0]),
                          np.array([10.0, 10.0, 10.0]), np.array([0.0, 3.0, 0.0]))
    np.testing.assert_allclose(d, [0.0, 3.0, 5.0])
    k, dist, t = nearest_segment(np.array([5.0, -1.0]), np.array([1.0, 0.0]), np.array([0.0, 0.0]),
                                 np.array([0.0, 2.0]), np.array([10.0, 0.0]), np.array([0.0, 2.0]))
    np.testing.assert_array_equal(k, [0, 0])
    np.testing.assert_allclose(dist, [1.0, 1.0])
    np.testing.assert_allclose(t, [0.5, 0.0])
