"""CCTV coverage by pixel density (EN 62676-4:2015 observation levels, "DORI").

A camera with ``N_px`` horizontal pixels and horizontal field of view ``HFOV`` spreads its pixels
over a scene width of ``2 D tan(HFOV / 2)`` at distance ``D``, so the pixel density there is

    P = N_px / (2 D tan(HFOV / 2))   [px/m]      and      D(P) = N_px / (2 P tan(HFOV / 2)).

EN 62676-4:2015 sets the density needed for each level: Monitor 12.5, Detect 25, Observe 62.5,
Recognise 125, Identify 250 px/m (rule set ``knowledge/rulesets/cctv_en62676.json``). For
1920 px and 90 deg: Observe 15.4 m, Recognise 7.7 m, Identify 3.8 m.

Conventions: ``azimuth_deg`` is a compass bearing of the optical axis, 0 = north (+y), clockwise
(90 = east, +x). Zones are plan-view wedges before occlusion (buildings are applied afterwards by
the visibility engine); the vertical field of view is ignored. With ``camera_height`` the
distance in the density formula is the slant distance from the lens to a target point at
``target_height`` (default 1.7 m, a face): a level reached at slant distance ``D`` covers the
ground out to ``sqrt(D^2 - dh^2)`` with ``dh = camera_height - target_height``; a level whose ``D``
is shorter than ``dh`` covers no ground at all.
"""
from __future__ import annotations

import math
from collections.abc import Mapping

import numpy as np

from ..errors import InputError
from .rules import RulesetLike, check_ruleset, constant

DEFAULT_TARGET_HEIGHT_M = 1.7


def _check_hfov(hfov_deg: float) -> None:
    if not (math.isfinite(hfov_deg) and 0.0 < hfov_deg < 180.0):
        raise InputError("Horizontal field of view must be strictly between 0 and 180 degrees; got {}.", hfov_deg)


def _check_pixels(n_px: float) -> None:
    if not (math.isfinite(n_px) and n_px > 0):
        raise InputError("Horizontal pixel count must be > 0; got {}.", n_px)


def dori_levels(ruleset: RulesetLike) -> dict[str, float]:
    """Level name -> required pixel density (px/m), from a CCTV rule set, lowest first."""
    data = check_ruleset(ruleset)
    if data["kind"] != "cctv_levels":
        raise InputError("Rule set '{}' is not a CCTV rule set.", data['id'])
    levels = {name: constant(entry["px_per_m"]) for name, entry in data["levels"].items()}
    return dict(sorted(levels.items(), key=lambda kv: kv[1]))


def dori_distance(n_px: float, hfov_deg: float, density: float | np.ndarray) -> float | np.ndarray:
    """Distance (m) at which the pixel density falls to ``density`` px/m: ``N_px / (2 P tan(HFOV/2))``."""
    _check_pixels(n_px)
    _check_hfov(hfov_deg)
    p = np.asarray(density, dtype=float)
    if not (np.isfinite(p) & (p > 0)).all():
        raise InputError("Pixel density must be > 0 px/m.")
    d = n_px / (2.0 * p * math.tan(math.radians(hfov_deg) / 2.0))
    return float(d) if d.ndim == 0 else d


def pixel_density(n_px: float, hfov_deg: float, distance: float | np.ndarray) -> float | np.ndarray:
    """Pixel density (px/m) at ``distance`` metres: ``N_px / (2 D tan(HFOV/2))`` (inf at 0 m)."""
    _check_pixels(n_px)
    _check_hfov(hfov_deg)
    d = np.asarray(distance, dtype=float)
    if (d < 0).any() or np.isnan(d).any():
        raise InputError("Distance must be >= 0 metres.")
    with np.errstate(divide="ignore"):
        p = n_px / (2.0 * d * math.tan(math.radians(hfov_deg) / 2.0))
    return float(p) if p.ndim == 0 else p


def _ground_range(slant: float, camera_height: float | None, target_height: float) -> float:
    if camera_height is None:
        return slant
    dh = camera_height - target_height
    return math.sqrt(slant * slant - dh * dh) if slant > abs(dh) else 0.0


def camera_zones(
    x: float,
    y: float,
    azimuth_deg: float,
    hfov_deg: float,
    n_px: float,
    levels: Mapping[str, float],
    max_range: float | None = None,
    arc_segments: int = 32,
    camera_height: float | None = None,
    target_height: float = DEFAULT_TARGET_HEIGHT_M,
) -> dict[str, np.ndarray]:
    """Plan-view wedge per observation level (before occlusion): level -> closed ring ``(k, 2)``.

    Each wedge has its apex at the camera, spans ``azimuth_deg +- hfov_deg / 2`` (compass, 0 =
    north, clockwise) and reaches the ground range of the level's distance (see the module
    docstring for camera height), capped at ``max_range`` (e.g. the lens's or light's useful
    range). The wedges are nested (identify inside recognise inside ... monitor). The arc has
    ``arc_segments`` segments; rings are closed (first vertex repeated). A level that reaches no
    ground gives an empty ``(0, 2)`` array. ``levels``: :func:`dori_levels` of a CCTV rule set.
    """
    _check_hfov(hfov_deg)
    _check_pixels(n_px)
    if arc_segments < 1:
        raise ValueError("arc_segments must be >= 1.")
    if max_range is not None and not max_range > 0:
        raise ValueError("max_range must be > 0 metres (or None).")
    if camera_height is not None and not (math.isfinite(camera_height) and camera_height > 0):
        raise InputError("Camera height must be > 0 metres; got {}.", camera_height)
    lv = dict(levels)
    bearings = np.radians(azimuth_deg + np.linspace(-hfov_deg / 2.0, hfov_deg / 2.0, arc_segments + 1))
    ux, uy = np.sin(bearings), np.cos(bearings)  # compass bearing -> (east, north)
    zones: dict[str, np.ndarray] = {}
    for name, density in lv.items():
        reach = _ground_range(float(dori_distance(n_px, hfov_deg, density)), camera_height, target_height)
        if max_range is not None:
            reach = min(reach, max_range)
        if reach <= 0:
            zones[name] = np.empty((0, 2))
            continue
        arc = np.column_stack([x + reach * ux, y + reach * uy])
        apex = np.array([[x, y]])
        zones[name] = np.vstack([apex, arc, apex])
    return zones


def pixel_density_at(
    points_xy: np.ndarray,
    x: float,
    y: float,
    azimuth_deg: float,
    hfov_deg: float,
    n_px: float,
    max_range: float | None = None,
    camera_height: float | None = None,
    target_height: float = DEFAULT_TARGET_HEIGHT_M,
) -> np.ndarray:
    """Pixel density (px/m) the camera gives at each point; 0 outside the field of view or range.

    Same conventions as :func:`camera_zones` (compass azimuth, slant distance with a camera
    height, no occlusion). Vectorised over points.
    """
    _check_hfov(hfov_deg)
    _check_pixels(n_px)
    pts = np.asarray(points_xy, dtype=float).reshape(-1, 2)
    dx, dy = pts[:, 0] - x, pts[:, 1] - y
    ground = np.hypot(dx, dy)
    # Angle between the optical axis and the direction to the point, in (-180, 180].
    off_axis = (np.degrees(np.arctan2(dx, dy)) - azimuth_deg + 180.0) % 360.0 - 180.0
    inside = np.abs(off_axis) <= hfov_deg / 2.0
    if max_range is not None:
        inside &= ground <= max_range
    dist = ground if camera_height is None else np.hypot(ground, camera_height - target_height)
    density = np.zeros(pts.shape[0])
    with np.errstate(divide="ignore"):
        density[inside] = n_px / (2.0 * dist[inside] * math.tan(math.radians(hfov_deg) / 2.0))
    return density


def dori_level(density: np.ndarray, levels: Mapping[str, float]) -> np.ndarray:
    """Highest observation level reached at each density (object array; ``None`` below all)."""
    lv = dict(sorted(dict(levels).items(), key=lambda kv: kv[1]))
    p = np.asarray(density, dtype=float)
    out = np.full(p.shape, None, dtype=object)
    for name, need in lv.items():  # ascending, so the highest level reached is written last
        out[p >= need] = name
    return out
