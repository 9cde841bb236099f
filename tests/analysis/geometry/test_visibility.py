"""Exact 2-D visibility: analytic isovists, sight-line consistency, facade openings, bad input.

Expected values come from closed-form geometry (disc sectors, triangles, inscribed polygons) and
from small reference helpers written here (shoelace, even-odd point in polygon), not from the
engine's own output. Real footprints (momepy's Prague-Bubenec) are checked by a real-data test.
"""
from __future__ import annotations

import math

import numpy as np
import pytest

from besecure.analysis.geometry.visibility import (
    DEFAULT_N_ARC,
    FACADE_OFFSET,
    OccluderSet,
    facade_openings,
    isovist,
    overlook_counts,
    visible_mask,
)

# ----------------------------------------------------------------------------------------------
# Reference helpers (independent of the engine)


def shoelace(poly: np.ndarray) -> float:
    x, y = poly[:, 0], poly[:, 1]
    return 0.5 * float(np.sum(x * np.roll(y, -1) - np.roll(x, -1) * y))


def contains(poly: np.ndarray, pts: np.ndarray) -> np.ndarray:
    """Even-odd rule, one horizontal ray per point."""
    x1, y1 = poly[:, 0], poly[:, 1]
    x2, y2 = np.roll(x1, -1), np.roll(y1, -1)
    px, py = pts[:, 0:1], pts[:, 1:2]
    straddle = (y1 > py) != (y2 > py)
    with np.errstate(divide="ignore", invalid="ignore"):
        xc = x1 + (py - y1) * (x2 - x1) / (y2 - y1)
    return np.count_nonzero(straddle & (px < xc), axis=1) % 2 == 1


def boundary_distance(poly: np.ndarray, pts: np.ndarray) -> np.ndarray:
    a, b = poly, np.roll(poly, -1, axis=0)
    v = b - a
    w = pts[:, None, :] - a[None, :, :]
    s = np.clip((w * v).sum(-1) / (v * v).sum(-1), 0, 1)
    return np.linalg.norm(w - s[..., None] * v, axis=-1).min(axis=1)


def fan_area(radius: float, lo: float, hi: float, n_arc: int) -> float:
    """Area of the inscribed fan from math angle lo to hi: vertices at lo, hi and every 2*pi*j/n."""
    step = 2 * math.pi / n_arc
    inner = np.arange(math.floor(lo / step) - 1, math.ceil(hi / step) + 2) * step
    angles = np.concatenate(([lo], inner[(inner > lo + 1e-12) & (inner < hi - 1e-12)], [hi]))
    return 0.5 * radius**2 * float(np.sum(np.sin(np.diff(angles))))


def square(x0: float, y0: float, size: float) -> np.ndarray:
    return np.array([[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size]], float)


L_SHAPE = np.array([[0, 0], [20, 0], [20, 10], [10, 10], [10, 20], [0, 20]], float)


def city(seed: int = 7, n_side: int = 20, lot: float = 30.0) -> list[np.ndarray]:
    """n_side**2 rotated rectangles, one per lot, never overlapping; half of them clockwise."""
    rng = np.random.default_rng(seed)
    rings = []
    for i in range(n_side):
        for j in range(n_side):
            w, h = rng.uniform(6.0, 14.0, 2)
            a = rng.uniform(0, math.pi)
            rot = np.array([[math.cos(a), -math.sin(a)], [math.sin(a), math.cos(a)]])
            box = np.array([[-w, -h], [w, -h], [w, h], [-w, h]]) / 2 @ rot.T
            centre = (np.array([i, j]) + 0.5) * lot + rng.uniform(-3.0, 3.0, 2)
            ring = box + centre
            rings.append(ring[::-1] if rng.random() < 0.5 else ring)
    return rings


def assert_consistent(occ, observer, radius, fov=None, n_targets=4000, seed=0) -> None:
    """visible_mask and point-in-isovist agree on random targets away from the boundary."""
    poly = isovist(observer, occ, radius, fov=fov)
    rng = np.random.default_rng(seed)
    r = radius * 1.05 * np.sqrt(rng.random(n_targets))
    a = rng.uniform(0, 2 * math.pi, n_targets)
    pts = np.asarray(observer, float) + np.column_stack((r * np.cos(a), r * np.sin(a)))
    seen = visible_mask(observer, pts, occ, radius, fov=fov)
    inside = contains(poly, pts)
    clear = boundary_distance(poly, pts) > 1e-6
    assert clear.sum() > 0.95 * n_targets
    np.testing.assert_array_equal(seen[clear], inside[clear])
    assert seen.any() and not seen.all()


# ----------------------------------------------------------------------------------------------
# Analytic isovists


@pytest.mark.parametrize("observer", [(3.0, 2.0), (0.5, 5.5), (9.0, 1.0)])
def test_observer_in_convex_room_sees_the_room(observer):
    room = np.array([[0, 0], [10, 0], [12, 5], [6, 9], [-1, 6]], float)
    occ = OccluderSet.from_rings([room], solid=False)
    poly = isovist(observer, occ, 1000.0)
    assert shoelace(poly) == pytest.approx(shoelace(room), rel=1e-9)
    assert len(poly) == len(room)
    for corner in room:
        assert np.min(np.linalg.norm(poly - corner, axis=1)) < 1e-9


@pytest.mark.parametrize("a, d, radius", [(2.0, 5.0, 20.0), (10.0, 3.0, 50.0), (1.0, 40.0, 45.0)])
def test_wall_shadow(a, d, radius):
    # Wall perpendicular to the line of sight (north) at distance d, half-length a. Shadow within
    # the disc = sector of half-angle alpha minus the triangle observer-wall.
    alpha = math.atan(a / d)
    exact = math.pi * radius**2 - alpha * radius**2 + a * d
    discretised = fan_area(radius, math.pi / 2 + alpha, 2.5 * math.pi - alpha, DEFAULT_N_ARC) + a * d
    wall = OccluderSet.from_lines([np.array([[-a, d], [a, d]])])
    # A thin solid building behind the same front face casts the same shadow.
    slab = OccluderSet.from_rings([np.array([[-a, d], [a, d], [a, d + 0.3], [-a, d + 0.3]])])
    for occ in (wall, slab):
        poly = isovist((0.0, 0.0), occ, radius)
        assert shoelace(poly) == pytest.approx(discretised, rel=1e-12)
        assert shoelace(poly) < exact
        assert shoelace(poly) == pytest.approx(exact, rel=1e-4)
        fine = isovist((0.0, 0.0), occ, radius, n_arc=36_000)
        assert shoelace(fine) == pytest.approx(exact, rel=1e-8)
        for end in ([-a, d], [a, d]):
            assert np.min(np.linalg.norm(poly - end, axis=1)) < 1e-12


def test_open_space_disc_is_the_inscribed_polygon():
    poly = isovist((100.0, -50.0), OccluderSet.from_rings([]), 10.0, n_arc=64)
    assert len(poly) == 64
    assert shoelace(poly) == pytest.approx(32 * 100 * math.sin(2 * math.pi / 64), rel=1e-12)


def test_fov_wedge_north_quarter_disc():
    radius = 30.0
    occ = OccluderSet.from_rings([])
    poly = isovist((0.0, 0.0), occ, radius, fov=(0.0, 90.0))
    assert shoelace(poly) == pytest.approx(45 * radius**2 * math.sin(math.radians(1)), rel=1e-12)
    assert shoelace(poly) == pytest.approx(math.pi * radius**2 / 4, rel=1e-4)
    assert np.array_equal(poly[0], [0.0, 0.0])
    probe = np.array([[0.0, radius / 2], [0.0, -radius / 2]])
    assert contains(poly, probe).tolist() == [True, False]
    assert visible_mask((0.0, 0.0), probe, occ, radius, fov=(0.0, 90.0)).tolist() == [True, False]


def test_fov_wedge_off_the_arc_grid():
    # Azimuth 100, width 33 degrees: math angles -26.5 .. 6.5 degrees, not on the 1-degree grid.
    radius = 12.0
    poly = isovist((5.0, 5.0), OccluderSet.from_rings([]), radius, fov=(100.0, 33.0))
    expected = fan_area(radius, math.radians(-26.5), math.radians(6.5), DEFAULT_N_ARC)
    assert shoelace(poly) == pytest.approx(expected, rel=1e-12)


def test_l_shaped_building_notch():
    # From (15, 15), on the line through the corners (20, 10) and (10, 20): the half disc beyond
    # that line plus the triangle (20, 10), (10, 10), (10, 20) of the notch.
    radius = 40.0
    occ = OccluderSet.from_rings([L_SHAPE])
    poly = isovist((15.0, 15.0), occ, radius)
    half_disc = fan_area(radius, -math.pi / 4, 3 * math.pi / 4, DEFAULT_N_ARC)
    assert shoelace(poly) == pytest.approx(half_disc + 50.0, rel=1e-12)
    for corner in ([20, 10], [10, 10], [10, 20]):
        assert np.min(np.linalg.norm(poly - corner, axis=1)) < 1e-9
    assert_consistent(occ, (15.0, 15.0), radius)
    assert_consistent(occ, (25.0, 25.0), radius, seed=1)


def test_observer_on_reflex_corner_sees_the_outer_quadrant():
    # Observer exactly on the L's inner corner (10, 10), looking north-east 90 degrees: moved
    # 1 cm outward along the mean normal, it sees the quarter disc, and its walls do not block it.
    radius = 25.0
    occ = OccluderSet.from_rings([L_SHAPE])
    poly = isovist((10.0, 10.0), occ, radius, fov=(45.0, 90.0))
    moved = 10.0 + FACADE_OFFSET / math.sqrt(2)
    np.testing.assert_allclose(poly[0], [moved, moved], atol=1e-12)
    assert shoelace(poly) == pytest.approx(45 * radius**2 * math.sin(math.radians(1)), rel=1e-12)


def test_observer_on_convex_corner_sees_round_it():
    occ = OccluderSet.from_rings([L_SHAPE])
    pts = np.array([[30.0, -10.0], [30.0, 5.0], [10.0, -5.0], [10.0, 5.0], [5.0, 25.0]])
    seen = visible_mask((20.0, 0.0), pts, occ, 50.0)
    assert seen.tolist() == [True, True, True, False, False]
    assert_consistent(occ, (20.0, 0.0), 50.0)


def test_window_on_facade_sees_outward_not_through_its_wall():
    radius = 20.0
    occ = OccluderSet.from_rings([square(0, 0, 10)])
    # Facing south with a half-plane view: exactly the half disc (its own wall is behind it).
    half = isovist((5.0, 0.0), occ, radius, fov=(180.0, 180.0))
    assert shoelace(half) == pytest.approx(90 * radius**2 * math.sin(math.radians(1)), rel=1e-12)
    np.testing.assert_allclose(half[0], [5.0, -FACADE_OFFSET], atol=1e-12)
    # Without a wedge: sees south, never into or behind the building.
    poly = isovist((5.0, 0.0), occ, radius)
    probe = np.array([[5.0, -5.0], [5.0, 1.0], [5.0, 5.0], [5.0, 15.0], [-5.0, -1.0]])
    assert contains(poly, probe).tolist() == [True, False, False, False, True]
    seen = visible_mask((5.0, 0.0), probe, occ, radius)
    assert seen.tolist() == [True, False, False, False, True]
    assert_consistent(occ, (5.0, 0.0), radius)


def test_party_wall_observer_sees_nothing():
    occ = OccluderSet.from_rings([square(0, 0, 10), square(10, 0, 10)])
    assert isovist((10.0, 5.0), occ, 30.0).shape == (0, 2)


def test_overlapping_footprints_cross_points_and_consistency():
    occ = OccluderSet.from_rings([square(0, 0, 10), square(6, 4, 10)])
    crossings = sorted(zip(occ.cross_x.round(12), occ.cross_y.round(12), strict=True))
    assert crossings == [(6.0, 10.0), (10.0, 4.0)]
    for observer in [(-5.0, 12.0), (20.0, -3.0), (3.0, 18.0)]:
        assert_consistent(occ, observer, 35.0)
    # Where the outlines cross, the union's outline turns: an exact isovist vertex.
    for observer, crossing in [((-5.0, 12.0), [6.0, 10.0]), ((20.0, -3.0), [10.0, 4.0])]:
        poly = isovist(observer, occ, 35.0)
        assert np.min(np.linalg.norm(poly - crossing, axis=1)) < 1e-9
    assert isovist((8.0, 6.0), occ, 35.0).shape == (0, 2)  # inside both


def test_observer_inside_building_sees_nothing():
    occ = OccluderSet.from_rings([L_SHAPE])
    assert isovist((5.0, 5.0), occ, 30.0).shape == (0, 2)
    assert not visible_mask((5.0, 5.0), np.array([[6.0, 6.0], [40.0, 40.0]]), occ, 100.0).any()


# ----------------------------------------------------------------------------------------------
# A synthetic city block (400 rectangles, 1,600 vertices)


@pytest.fixture(scope="module")
def city_rings():
    return city()


@pytest.mark.parametrize("observer", [(60.0, 60.0), (150.0, 300.0), (450.0, 270.0), (0.0, 600.0)])
def test_city_isovist_exact_and_consistent(city_rings, observer):
    radius = 60.0
    occ = OccluderSet.from_rings(city_rings)
    assert occ.n_vertices == 1600
    poly = isovist(observer, occ, radius)
    assert 0 < shoelace(poly) <= math.pi * radius**2
    # Every vertex is on a wall or on the range circle: the wall parts are exact.
    v = poly - np.asarray(observer)
    on_circle = np.abs(np.hypot(v[:, 0], v[:, 1]) - radius) < 1e-9
    walls = np.concatenate([np.stack((r, np.roll(r, -1, axis=0)), axis=1) for r in city_rings])
    a, b = walls[:, 0], walls[:, 1]
    w = poly[:, None, :] - a[None]
    s = np.clip((w * (b - a)).sum(-1) / ((b - a) ** 2).sum(-1), 0, 1)
    on_wall = np.linalg.norm(w - s[..., None] * (b - a), axis=-1).min(axis=1) < 1e-9
    assert np.all(on_circle | on_wall)
    assert on_wall.sum() >= 4
    assert_consistent(occ, observer, radius, n_targets=5000)
    assert_consistent(occ, observer, radius, fov=(30.0, 120.0), seed=3)


def test_city_results_do_not_depend_on_the_index_or_back_wall_culling(city_rings):
    radius = 80.0
    fine = OccluderSet.from_rings(city_rings, cell_size=5.0)
    brute = OccluderSet.from_rings(city_rings, cell_size=1e6)  # one cell: every wall a candidate
    walls = OccluderSet.from_rings(city_rings, solid=False)  # no culling
    rng = np.random.default_rng(11)
    targets = rng.uniform(0, 600, (3000, 2))
    for observer in [(90.0, 120.0), (330.0, 30.0)]:
        areas = [shoelace(isovist(observer, o, radius)) for o in (fine, brute, walls)]
        assert areas[1] == pytest.approx(areas[0], rel=1e-12)
        assert areas[2] == pytest.approx(areas[0], rel=1e-12)
        masks = [visible_mask(observer, targets, o, radius) for o in (fine, brute)]
        np.testing.assert_array_equal(masks[0], masks[1])


def test_projected_coordinates_give_the_same_isovist(city_rings):
    # UTM-sized coordinates (Prague is near 460 km E, 5550 km N) must not cost precision.
    shift = np.array([458_000.0, 5_548_000.0])
    local = OccluderSet.from_rings(city_rings)
    utm = OccluderSet.from_rings([r + shift for r in city_rings])
    observer = np.array([240.0, 180.0])
    near = isovist(observer, local, 70.0)
    far = isovist(observer + shift, utm, 70.0)
    assert far.shape == near.shape
    np.testing.assert_allclose(far - shift, near, atol=1e-7)
    assert_consistent(utm, tuple(observer + shift), 70.0)


# ----------------------------------------------------------------------------------------------
# Facade openings and overlooking counts


def test_facade_openings_face_outward_whatever_the_orientation():
    for ring in (square(0, 0, 10), square(0, 0, 10)[::-1]):
        op = facade_openings([ring], spacing=5.0, storeys=2, storey_height=3.0)
        assert len(op.x) == 4 * 2 * 2
        by_facing = {}
        for x, y, f in zip(op.x, op.y, op.facing_deg, strict=True):
            by_facing.setdefault(round(float(f), 9), set()).add((round(float(x), 9), round(float(y), 9)))
        assert by_facing == {
            180.0: {(2.5, 0.0), (7.5, 0.0)},
            90.0: {(10.0, 2.5), (10.0, 7.5)},
            0.0: {(2.5, 10.0), (7.5, 10.0)},
            270.0: {(0.0, 2.5), (0.0, 7.5)},
        }
        assert sorted(set(op.z.tolist())) == [1.5, 4.5]


def test_facade_openings_short_walls_and_bad_input():
    ring = np.array([[0, 0], [2, 0], [2, 12], [0, 12]], float)  # walls of 2 and 12 m
    op = facade_openings([ring], spacing=5.0, storeys=1)
    assert len(op.x) == 4  # 0 + 2 + 0 + 2
    with pytest.raises(ValueError, match="spacing"):
        facade_openings([ring], spacing=0.0)
    with pytest.raises(ValueError, match="storeys"):
        facade_openings([ring], storeys=0)
    with pytest.raises(ValueError, match="ring 1"):
        facade_openings([ring, ring[:2]])


def test_overlook_counts_square_building():
    ring = square(0, 0, 10)
    occ = OccluderSet.from_rings([ring])
    op = facade_openings([ring], spacing=10.0, storeys=2)  # one window per wall, two storeys
    obs = np.column_stack((op.x, op.y))
    targets = np.array([[5.0, -5.0], [15.0, -5.0], [-5.0, 15.0], [5.0, 20.0], [5.0, 5.0], [50.0, 50.0]])
    res = overlook_counts(obs, op.facing_deg, 180.0, 15.0, targets, occ)
    assert res.counts.tolist() == [2, 4, 4, 2, 0, 0]
    assert res.any_visible.tolist() == [True, True, True, True, False, False]
    # Same as summing visible_mask over the openings one by one.
    rng = np.random.default_rng(5)
    pts = rng.uniform(-20, 30, (2000, 2))
    total = sum(
        visible_mask(o, pts, occ, 15.0, fov=(f, 180.0)).astype(int) for o, f in zip(obs, op.facing_deg, strict=True)
    )
    np.testing.assert_array_equal(overlook_counts(obs, op.facing_deg, 180.0, 15.0, pts, occ).counts, total)


# ----------------------------------------------------------------------------------------------
# Bad input


def test_bad_input_raises_value_error():
    occ = OccluderSet.from_rings([square(0, 0, 10)])
    for bad_range in (0.0, -5.0, float("nan"), float("inf")):
        with pytest.raises(ValueError, match="max_range"):
            isovist((20.0, 20.0), occ, bad_range)
        with pytest.raises(ValueError, match="max_range"):
            visible_mask((20.0, 20.0), np.zeros((1, 2)), occ, bad_range)
    with pytest.raises(ValueError, match="fov"):
        isovist((20.0, 20.0), occ, 10.0, fov=(0.0, 0.0))
    with pytest.raises(ValueError, match="fov"):
        isovist((20.0, 20.0), occ, 10.0, fov=(0.0, 400.0))
    with pytest.raises(ValueError, match="n_arc"):
        isovist((20.0, 20.0), occ, 10.0, n_arc=4)
    with pytest.raises(ValueError, match="observer"):
        isovist((float("nan"), 0.0), occ, 10.0)
    with pytest.raises(ValueError, match="view_angle_deg"):
        overlook_counts(np.array([[20.0, 20.0]]), 0.0, 0.0, 10.0, np.zeros((1, 2)), occ)


@pytest.mark.parametrize(
    "rings, message",
    [
        ([square(0, 0, 1), np.array([[0.0, 0.0], [1.0, 1.0]])], "ring 1 has 2 distinct vertices"),
        ([np.array([[0.0, 0.0], [1.0, 1.0], [0.0, 0.0]])], "ring 0 has 2 distinct vertices"),
        ([square(0, 0, 1), square(5, 5, 1), np.array([[0.0, 0], [1, 1], [2, 2]])], "ring 2 has zero area"),
        ([np.array([[0.0, 0], [1, np.nan], [2, 0]])], "ring 0 has non-finite"),
    ],
)
def test_bad_rings_are_named(rings, message):
    with pytest.raises(ValueError, match=message):
        OccluderSet.from_rings(rings)
