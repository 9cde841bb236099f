"""Point-in-polygon and areas against analytic shapes."""
import numpy as np
import pytest

from besecure.analysis.geometry.polygons import (
    assign_points_to_groups,
    assign_points_to_polygons,
    points_in_polygon,
    polygon_area,
)

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


def test_points_go_to_the_first_group_that_contains_them():
    # Group 0: the square 0..10; group 1: a square 5..15 overlapping it and a square far away.
    groups = [[[SQUARE]], [[SQUARE + 5.0], [SQUARE + 100.0]]]
    px = np.array([7.0, 1.0, 12.0, 105.0, 50.0, 3.0])
    py = np.array([7.0, 1.0, 12.0, 105.0, 50.0, 3.0])
    # Without and with a hole (2..4) in group 0's square: (3, 3) lies in the hole.
    assert assign_points_to_groups(px, py, groups).tolist() == [0, 0, 1, 1, -1, 0]
    holed = [[[SQUARE, HOLE]], [[SQUARE + 5.0]]]
    assert assign_points_to_groups(px, py, holed).tolist() == [0, 0, 1, -1, -1, -1]
    # Order decides the overlap; a group without polygons holds nothing.
    assert assign_points_to_groups(px[:1], py[:1], [[], [[SQUARE + 5.0]], [[SQUARE]]]).tolist() == [1]
    assert assign_points_to_groups(px, py, []).tolist() == [-1] * 6


def test_convex_simple_rings_certifies_only_valid_rings():
    """Certified rings are valid for GEOS (through shapely, an independent implementation); the
    non-convex, self-crossing and twice-winding ones are not certified."""
    import shapely.geometry as shapely_geometry  # Debian's python3-shapely, with geopandas

    from besecure.analysis.geometry.polygons import convex_simple_rings

    rng = np.random.default_rng(4)
    angles = np.arange(6) * np.pi / 3
    base = np.column_stack([np.cos(angles), np.sin(angles)])
    rings = base[None] * rng.uniform(0.2, 1.5, (3000, 6, 1)) + rng.normal(0, 0.25, (3000, 6, 2))
    rings = np.concatenate([rings, rings[:, :1]], axis=1)  # closed
    rings[:500] = rings[:500, ::-1]  # some clockwise
    certified = convex_simple_rings(rings)
    valid = np.array([shapely_geometry.Polygon(r).is_valid for r in rings])
    convex = np.array([shapely_geometry.Polygon(r).convex_hull.area - abs(shapely_geometry.Polygon(r).area) < 1e-12
                       for r in rings])
    assert np.all(valid[certified])  # never certifies an invalid ring
    assert np.array_equal(certified, valid & convex)  # and certifies every valid convex one
    assert 0.1 < certified.mean() < 0.9 and (~valid).sum() > 50  # the sample has both kinds

    star = np.array([[np.cos(np.pi / 2 + 2 * np.pi * k / 5), np.sin(np.pi / 2 + 2 * np.pi * k / 5)]
                     for k in (0, 2, 4, 1, 3, 0)])
    square = np.array([[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]], dtype=float)
    with_collinear = np.array([[0, 0], [0.5, 0], [1, 0], [1, 1], [0, 1], [0, 0]], dtype=float)
    assert not convex_simple_rings(star[None])[0]  # turns one way, twice around
    assert convex_simple_rings(square[None])[0] and convex_simple_rings(square[None, ::-1])[0]
    assert not convex_simple_rings(with_collinear[None])[0]  # valid, but left to GEOS
    assert not convex_simple_rings(square[None, :4])[0]  # not closed


def crossing_number_brute_force(px, py, polygon):
    """The textbook even-odd test over every (point, edge) pair: half-open in y, crossings strictly right."""
    inside = np.zeros(len(px), dtype=bool)
    for ring in polygon:
        r = np.asarray(ring, dtype=float)
        if len(r) and np.array_equal(r[0], r[-1]):
            r = r[:-1]
        if len(r) < 3:
            continue
        for (x1, y1), (x2, y2) in zip(r, np.roll(r, -1, axis=0)):
            straddle = (y1 > py) != (y2 > py)
            slope = (x2 - x1) / (y2 - y1) if y2 != y1 else 0.0
            with np.errstate(invalid="ignore"):
                inside ^= straddle & (px < x1 + (py - y1) * slope)
    return inside


@pytest.mark.parametrize("seed", range(40))
def test_points_in_polygon_equals_the_brute_force_crossing_test(seed):
    rng = np.random.default_rng(seed)
    k = int(rng.integers(3, 40))
    angles = np.sort(rng.uniform(0, 2 * np.pi, k))
    radii = rng.uniform(2, 10, k)
    # Integer vertices and lattice points: many points lie on vertices and on horizontal/vertical edges.
    outer = np.column_stack([np.round(radii * np.cos(angles)), np.round(radii * np.sin(angles))])
    polygon = [outer, np.round(outer[::-1] * 0.5), outer + 7.0]  # a hole and an overlapping second part
    gx, gy = np.meshgrid(np.arange(-12.0, 20.0, 0.5), np.arange(-12.0, 20.0, 0.5))
    px = np.r_[gx.ravel(), rng.uniform(-12, 20, 2000), np.nan, 1.0]
    py = np.r_[gy.ravel(), rng.uniform(-12, 20, 2000), 1.0, np.nan]
    expected = crossing_number_brute_force(px, py, polygon)
    assert expected.any() and (~expected).any()
    assert np.array_equal(points_in_polygon(px, py, polygon), expected)


def test_points_in_polygon_in_chunks_equals_one_pass(monkeypatch):
    from besecure.analysis.geometry import polygons as geometry

    rng = np.random.default_rng(7)
    ring = np.column_stack([np.cos(np.linspace(0, 6.2, 500)), np.sin(np.linspace(0, 6.2, 500))]) * 10
    px, py = rng.uniform(-11, 11, (2, 5000))
    whole = points_in_polygon(px, py, [ring])
    monkeypatch.setattr(geometry, "_CHUNK_CELLS", 97)  # hundreds of chunks of whole edges
    assert np.array_equal(points_in_polygon(px, py, [ring]), whole)
    assert np.array_equal(whole, crossing_number_brute_force(px, py, [ring]))
