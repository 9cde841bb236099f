"""Parameters the hot-spot algorithms derive from the data: polygon centroids (against shapely),
the automatic distance band (against libpysal's min_threshold_distance) and the contiguity
tolerance (against the analytic hexagon lattice), plus the convex hull area."""
from __future__ import annotations

import warnings

import numpy as np
import pytest
from pysal_examples import COLUMBUS

from besecure.analysis.geometry.grids import cell_polygons, make_grid
from besecure.analysis.geometry.polygons import convex_hull_area, polygon_centroids
from besecure.analysis.spatial_stats.weights import (
    contiguity_tolerance,
    contiguity_weights_flat,
    distance_band_weights,
    hex_lattice_weights,
    min_threshold_distance,
)

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import libpysal
    import shapely.geometry

pytestmark = pytest.mark.filterwarnings("ignore::FutureWarning")  # libpysal's own deprecation notices


def flatten(polygons):
    """Shapely (multi)polygons to flat rings, owners and hole flags."""
    rings, owner, hole = [], [], []
    for i, geom in enumerate(polygons):
        for part in getattr(geom, "geoms", [geom]):
            for j, ring in enumerate([part.exterior, *part.interiors]):
                rings.append(np.asarray(ring.coords)[:, :2])
                owner.append(i)
                hole.append(j > 0)
    offsets = np.concatenate([[0], np.cumsum([len(r) for r in rings])])
    return np.concatenate(rings), offsets, np.asarray(owner), np.asarray(hole)


def test_centroids_equal_shapely_on_columbus():
    shapes = [shapely.geometry.shape(p.__geo_interface__) for p in libpysal.io.open(COLUMBUS)]
    xy, offsets, owner, hole = flatten(shapes)
    cx, cy = polygon_centroids(xy, offsets, owner, hole, len(shapes))
    np.testing.assert_allclose(cx, [s.centroid.x for s in shapes], rtol=0, atol=1e-12)
    np.testing.assert_allclose(cy, [s.centroid.y for s in shapes], rtol=0, atol=1e-12)


def test_centroids_with_holes_parts_any_orientation_and_large_coordinates():
    x0, y0 = 440_000.0, 4_650_000.0  # UTM-sized coordinates
    square = shapely.geometry.box(x0, y0, x0 + 100, y0 + 100)
    holed = shapely.geometry.Polygon(square.exterior.coords[::-1],  # clockwise exterior
                                     [shapely.geometry.box(x0 + 10, y0 + 10, x0 + 40, y0 + 30).exterior.coords])
    multi = shapely.geometry.MultiPolygon([shapely.geometry.box(x0, y0, x0 + 10, y0 + 10),
                                           shapely.geometry.box(x0 + 90, y0, x0 + 110, y0 + 20)])
    shapes = [square, holed, multi]
    xy, offsets, owner, hole = flatten(shapes)
    cx, cy = polygon_centroids(xy, offsets, owner, hole, 4)  # polygon 3 has no rings
    expected = np.array([[s.centroid.x, s.centroid.y] for s in shapes])
    np.testing.assert_allclose(np.column_stack([cx[:3], cy[:3]]), expected, rtol=0, atol=1e-9)
    assert np.isnan(cx[3]) and np.isnan(cy[3])
    # Open rings (no closing vertex) give the same centroids.
    open_rings = [xy[offsets[r]:offsets[r + 1] - 1] for r in range(len(owner))]
    open_offsets = np.concatenate([[0], np.cumsum([len(r) for r in open_rings])])
    ox, _oy = polygon_centroids(np.concatenate(open_rings), open_offsets, owner, hole, 4)
    np.testing.assert_allclose(ox[:3], cx[:3], rtol=0, atol=1e-9)


def test_degenerate_polygon_gets_its_vertex_mean():
    line = np.array([[0.0, 0.0], [2.0, 0.0], [4.0, 0.0], [0.0, 0.0]])
    cx, cy = polygon_centroids(line, np.array([0, 4]), np.array([0]), np.array([False]), 1)
    assert (cx[0], cy[0]) == pytest.approx((1.5, 0.0))


def test_min_threshold_distance_matches_libpysal_and_connects_everyone():
    rng = np.random.default_rng(4)
    pts = rng.uniform(0, 1000, (300, 2))
    d = min_threshold_distance(pts[:, 0], pts[:, 1])
    assert d == pytest.approx(libpysal.weights.min_threshold_distance(pts), rel=1e-12)
    w = distance_band_weights(pts[:, 0], pts[:, 1], d * (1 + 1e-9))
    assert w.islands.size == 0
    assert distance_band_weights(pts[:, 0], pts[:, 1], d * (1 - 1e-6)).islands.size >= 1
    with pytest.raises(ValueError, match="at least 2 points"):
        min_threshold_distance(pts[:1, 0], pts[:1, 1])


def test_tolerance_connects_a_generated_hexagon_grid_far_from_the_origin():
    # 100 m hexagons around UTM coordinates. Our own grids share corners bit for bit (exact matching
    # finds every link); hexagons from other tools, or reprojected ones, carry copies of a shared
    # corner that differ in the last bits - simulated here with a 1e-9 m jitter per copy.
    grid = make_grid((440_000.0, 4_640_000.0, 446_000.0, 4_646_000.0), 100.0, kind="hexagon")
    ids = np.arange(grid.n_cells)
    verts = cell_polygons(grid, ids)
    exact_own = contiguity_weights_flat(verts.reshape(-1, 2), np.arange(0, verts.size // 2 + 1, verts.shape[1]),
                                        ids, "queen", tolerance=0.0, n=grid.n_cells)
    assert (exact_own.matrix != hex_lattice_weights(grid.nrows, grid.ncols).matrix).nnz == 0
    verts = verts + np.random.default_rng(0).uniform(-1e-9, 1e-9, verts.shape)
    xy = verts.reshape(-1, 2)
    offsets = np.arange(0, xy.shape[0] + 1, verts.shape[1])
    tol = contiguity_tolerance(xy, offsets, ids)
    assert tol == pytest.approx(1e-5 * 2 * 100.0 / np.sqrt(3))  # 1e-5 of the hexagon's width
    expected = hex_lattice_weights(grid.nrows, grid.ncols).matrix
    snapped = contiguity_weights_flat(xy, offsets, ids, "queen", tolerance=tol, n=grid.n_cells)
    assert (snapped.matrix != expected).nnz == 0
    exact = contiguity_weights_flat(xy, offsets, ids, "queen", tolerance=0.0, n=grid.n_cells)
    assert exact.n_links < snapped.n_links  # what the tolerance is for
    rook = contiguity_weights_flat(xy, offsets, ids, "rook", tolerance=tol, n=grid.n_cells)
    assert (rook.matrix != expected).nnz == 0


def test_tolerance_has_a_floor_above_floating_point_noise():
    xy = np.array([[1e7, 1e7], [1e7 + 1e-6, 1e7], [1e7, 1e7 + 1e-6]])
    tol = contiguity_tolerance(xy, np.array([0, 3]), np.array([0]))
    assert tol == pytest.approx(1000 * np.spacing(1e7))
    assert contiguity_tolerance(np.empty((0, 2)), np.array([0]), np.empty(0, dtype=int)) == 0.0


def test_convex_hull_area():
    rng = np.random.default_rng(1)
    pts = rng.uniform(0, 50, (200, 2))
    hull = shapely.geometry.MultiPoint([tuple(p) for p in pts]).convex_hull
    assert convex_hull_area(pts[:, 0], pts[:, 1]) == pytest.approx(hull.area, rel=1e-12)
    assert convex_hull_area(np.arange(5.0), np.arange(5.0)) == 0.0  # on one line
    assert convex_hull_area(np.array([1.0, 2.0]), np.array([1.0, 2.0])) == 0.0

