"""Small vectorised planar geometry helpers (numpy only).

Polygons are given as lists of rings, each ring a ``(k, 2)`` float array (closed or not); holes
and multi-part polygons are handled by the even-odd rule over all rings of one polygon.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Ring = np.ndarray
Polygon = Sequence[Ring]

# Memory bound for the points x edges crossing matrix (booleans / floats per chunk).
_CHUNK_CELLS = 4_000_000


def ring_area(ring: Ring) -> float:
    """Signed area of a ring by the shoelace formula (positive when counter-clockwise)."""
    r = np.asarray(ring, dtype=float)
    x, y = r[:, 0], r[:, 1]
    return 0.5 * float(np.dot(x, np.roll(y, -1)) - np.dot(y, np.roll(x, -1)))


def polygon_area(polygon: Polygon) -> float:
    """Area of the even-odd region of a polygon's rings (holes subtracted, parts added).

    A ring nested inside an odd number of larger rings is a hole; the nesting depth is found by
    testing one vertex of each ring against the larger rings.
    """
    areas = [abs(ring_area(r)) for r in polygon]
    total = 0.0
    for i, ring in enumerate(polygon):
        probe = np.asarray(ring, dtype=float)[:1]
        depth = sum(
            1
            for j, other in enumerate(polygon)
            if j != i and areas[j] > areas[i] and points_in_polygon(probe[:, 0], probe[:, 1], [other])[0]
        )
        total += areas[i] if depth % 2 == 0 else -areas[i]
    return total


def _edges(polygon: Polygon) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    xs1, ys1, xs2, ys2 = [], [], [], []
    for ring in polygon:
        r = np.asarray(ring, dtype=float)
        if len(r) and np.array_equal(r[0], r[-1]):
            r = r[:-1]
        if len(r) < 3:
            continue
        nxt = np.roll(r, -1, axis=0)
        xs1.append(r[:, 0])
        ys1.append(r[:, 1])
        xs2.append(nxt[:, 0])
        ys2.append(nxt[:, 1])
    if not xs1:
        empty = np.empty(0)
        return empty, empty, empty, empty
    return np.concatenate(xs1), np.concatenate(ys1), np.concatenate(xs2), np.concatenate(ys2)


def points_in_polygon(px: np.ndarray, py: np.ndarray, polygon: Polygon) -> np.ndarray:
    """Even-odd crossing-number test of many points against one polygon.

    Half-open rule: an edge counts when ``(y1 > py) != (y2 > py)`` and the crossing lies strictly
    right of the point, so a point on an edge shared by two adjacent polygons falls in exactly one
    of them (the one on its left/lower side for vertical/horizontal edges, as for
    ``floor``-binning on grids). Vectorised over points x edges in bounded chunks.
    """
    px = np.asarray(px, dtype=float)
    py = np.asarray(py, dtype=float)
    x1, y1, x2, y2 = _edges(polygon)
    inside = np.zeros(px.shape[0], dtype=bool)
    if x1.size == 0 or px.size == 0:
        return inside
    # Only edges that straddle some y matter; precompute the slope terms once.
    dy = y2 - y1
    with np.errstate(divide="ignore", invalid="ignore"):
        inv_slope = np.where(dy != 0, (x2 - x1) / np.where(dy != 0, dy, 1.0), 0.0)
    step = max(1, _CHUNK_CELLS // x1.size)
    for start in range(0, px.size, step):
        sx = px[start : start + step, None]
        sy = py[start : start + step, None]
        straddle = (y1 > sy) != (y2 > sy)
        x_cross = x1 + (sy - y1) * inv_slope
        crossings = np.count_nonzero(straddle & (sx < x_cross), axis=1)
        inside[start : start + step] = (crossings % 2) == 1
    return inside


def polygon_bounds(polygon: Polygon) -> tuple[float, float, float, float]:
    """(xmin, ymin, xmax, ymax) of all rings."""
    allv = np.concatenate([np.asarray(r, dtype=float) for r in polygon])
    return float(allv[:, 0].min()), float(allv[:, 1].min()), float(allv[:, 0].max()), float(allv[:, 1].max())


def assign_points_to_polygons(px: np.ndarray, py: np.ndarray, polygons: Sequence[Polygon]) -> np.ndarray:
    """Index of the polygon containing each point, -1 when none.

    Each point is assigned once: where polygons overlap (or a point lies on a shared boundary that
    the half-open rule gives to both, e.g. through rounding), the first polygon in order wins.
    Candidates per polygon come from a binary search on x-sorted points, so the cost is about
    the number of points in each polygon's bounding box times its edge count.
    """
    px = np.asarray(px, dtype=float)
    py = np.asarray(py, dtype=float)
    result = np.full(px.size, -1, dtype=np.int64)
    order = np.argsort(px, kind="stable")
    sx = px[order]
    sy = py[order]
    for k, poly in enumerate(polygons):
        if not len(poly):
            continue
        xmin, ymin, xmax, ymax = polygon_bounds(poly)
        lo = int(np.searchsorted(sx, xmin, side="left"))
        hi = int(np.searchsorted(sx, xmax, side="right"))
        if hi <= lo:
            continue
        cand = np.arange(lo, hi)
        cand = cand[(sy[cand] >= ymin) & (sy[cand] <= ymax)]
        cand = cand[result[order[cand]] < 0]
        if cand.size == 0:
            continue
        hit = points_in_polygon(sx[cand], sy[cand], poly)
        result[order[cand[hit]]] = k
    return result
