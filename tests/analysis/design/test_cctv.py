"""CCTV pixel density and DORI zones (EN 62676-4:2015; REFERENCES.md, Security by design)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from besecure.analysis.design.cctv import (
    camera_zones,
    dori_distance,
    dori_level,
    dori_levels,
    pixel_density,
    pixel_density_at,
)
from besecure.analysis.geometry.polygons import points_in_polygon
from besecure.knowledge.rulesets import load_ruleset

LEVELS = dori_levels(load_ruleset("cctv_en62676"))


def inside(ring: np.ndarray, x: float, y: float) -> bool:
    return bool(points_in_polygon(np.array([x]), np.array([y]), [ring])[0])


def test_en62676_thresholds():
    assert LEVELS == {"monitor": 12.5, "detect": 25.0, "observe": 62.5, "recognise": 125.0, "identify": 250.0}


def test_dori_distances_1920px_90deg():
    assert dori_distance(1920, 90.0, 62.5) == pytest.approx(15.4, abs=0.05)
    assert dori_distance(1920, 90.0, 125.0) == pytest.approx(7.7, abs=0.05)
    assert dori_distance(1920, 90.0, 250.0) == pytest.approx(3.8, abs=0.05)
    np.testing.assert_allclose(dori_distance(1920, 90.0, np.array([12.5, 25.0])), [76.8, 38.4])


def test_pixel_density_inverts_distance():
    assert pixel_density(1920, 90.0, 15.36) == pytest.approx(62.5)
    # Narrower lens, same sensor: 1920 / (2 * 20 * tan(15 deg)) px/m at 20 m.
    assert pixel_density(1920, 30.0, 20.0) == pytest.approx(1920 / (40 * math.tan(math.radians(15))))


@pytest.mark.parametrize("hfov", [0.0, 180.0, -10.0, 200.0, float("nan")])
def test_hfov_outside_open_interval_rejected(hfov):
    with pytest.raises(ValueError, match="field of view"):
        dori_distance(1920, hfov, 62.5)
    with pytest.raises(ValueError, match="field of view"):
        camera_zones(0.0, 0.0, 0.0, hfov, 1920, LEVELS)
    with pytest.raises(ValueError, match="field of view"):
        pixel_density_at(np.zeros((1, 2)), 0.0, 0.0, 0.0, hfov, 1920)


def test_azimuth_north_covers_north_not_south():
    zones = camera_zones(0.0, 0.0, 0.0, 90.0, 1920, LEVELS)
    assert inside(zones["observe"], 0.0, 10.0)
    assert not inside(zones["observe"], 0.0, -10.0)
    assert not inside(zones["observe"], 10.0, 0.0)  # 90 deg off axis, outside a 90 deg lens


def test_azimuth_is_clockwise_from_north():
    zones = camera_zones(100.0, 200.0, 90.0, 60.0, 1920, LEVELS)  # looking east
    assert inside(zones["detect"], 110.0, 200.0)
    assert not inside(zones["detect"], 90.0, 200.0)
    assert not inside(zones["detect"], 100.0, 210.0)


def test_zone_wedges_reach_and_span():
    zones = camera_zones(0.0, 0.0, 45.0, 90.0, 1920, LEVELS, arc_segments=8)
    assert list(zones) == ["monitor", "detect", "observe", "recognise", "identify"]
    ring = zones["recognise"]
    np.testing.assert_array_equal(ring[0], ring[-1])  # closed
    np.testing.assert_array_equal(ring[0], [0.0, 0.0])  # apex at the camera
    arc = ring[1:-1]
    assert arc.shape == (9, 2)
    np.testing.assert_allclose(np.hypot(arc[:, 0], arc[:, 1]), 7.68)
    bearings = np.degrees(np.arctan2(arc[:, 0], arc[:, 1])) % 360
    np.testing.assert_allclose(bearings, np.linspace(0.0, 90.0, 9), atol=1e-9)


def test_max_range_caps_the_wedge():
    zones = camera_zones(0.0, 0.0, 0.0, 90.0, 1920, LEVELS, max_range=20.0)
    assert np.hypot(*zones["monitor"][1]) == pytest.approx(20.0)
    assert np.hypot(*zones["observe"][1]) == pytest.approx(15.36)


def test_camera_height_uses_slant_distance():
    zones = camera_zones(0.0, 0.0, 0.0, 90.0, 1920, LEVELS, camera_height=5.0, target_height=1.7)
    # Identify at 3.84 m slant with 3.3 m height difference reaches sqrt(3.84^2 - 3.3^2) on the ground.
    assert np.hypot(*zones["identify"][1]) == pytest.approx(math.sqrt(3.84**2 - 3.3**2))
    high = camera_zones(0.0, 0.0, 0.0, 90.0, 1920, LEVELS, camera_height=6.0, target_height=1.7)
    assert high["identify"].shape == (0, 2)  # 4.3 m height difference > 3.84 m
    assert high["recognise"].shape[0] > 0


def test_pixel_density_at_points_and_levels():
    pts = np.array([[0.0, 10.0], [0.0, -10.0], [0.0, 3.0], [0.0, 100.0], [5.0, 5.0]])
    density = pixel_density_at(pts, 0.0, 0.0, 0.0, 90.0, 1920)
    np.testing.assert_allclose(density[:4], [96.0, 0.0, 320.0, 9.6])
    assert density[4] == pytest.approx(1920 / (2 * math.hypot(5, 5)))  # on the field-of-view edge
    assert list(dori_level(density, LEVELS)) == ["observe", None, "identify", None, "recognise"]
    capped = pixel_density_at(pts, 0.0, 0.0, 0.0, 90.0, 1920, max_range=5.0)
    assert capped[0] == 0.0 and capped[2] == pytest.approx(320.0)
    tall = pixel_density_at(pts[:1], 0.0, 0.0, 0.0, 90.0, 1920, camera_height=6.0, target_height=1.7)
    assert tall[0] == pytest.approx(1920 / (2 * math.hypot(10.0, 4.3)))
