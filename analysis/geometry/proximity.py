"""Shortest distances between two sets of features (points, polylines, polygons): from assets to the
places a vehicle can reach (stand-off, compared with :func:`analysis.design.rules.standoff_verdict`), from
planting to paths (concealment).

Geometries are in metres. The distance between two features is exact: the minimum over segment
pairs (a point is a zero-length segment), and 0 when one lies inside the other (a road through a
crowded square, a path through a shrub bed).
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from .polygons import point_segment_distance, points_in_polygon, segment_intersection, segments_distance

_CHUNK_CELLS = 4_000_000  # bound on asset x reachable segment pairs per block


@dataclass(frozen=True)
class Shapes:
    """Features as segments: ``x1, y1, x2, y2`` with the feature ``owner`` of each (points are
    zero-length segments) and, for polygons, their rings (``polygons`` with ``polygon_owner``)."""

    x1: np.ndarray
    y1: np.ndarray
    x2: np.ndarray
    y2: np.ndarray
    owner: np.ndarray
    polygons: tuple[tuple[np.ndarray, ...], ...] = ()
    polygon_owner: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))

    @classmethod
    def build(cls, points: np.ndarray | None = None, point_owner: np.ndarray | None = None,
              lines: Sequence[np.ndarray] = (), line_owner: Sequence[int] = (),
              polygons: Sequence[Sequence[np.ndarray]] = (), polygon_owner: Sequence[int] = ()) -> Shapes:
        """From points (n, 2), polylines and polygons (lists of rings), each with its feature index."""
        cols: list[list[np.ndarray]] = [[], [], [], [], []]

        def add(v: np.ndarray, owner: int, closed: bool) -> None:
            v = np.asarray(v, dtype=float)[:, :2]
            if closed and not np.array_equal(v[0], v[-1]):
                v = np.vstack([v, v[:1]])
            if v.shape[0] == 1:
                v = np.vstack([v, v])
            a, b = v[:-1], v[1:]
            for k, arr in enumerate((a[:, 0], a[:, 1], b[:, 0], b[:, 1], np.full(a.shape[0], owner))):
                cols[k].append(arr)

        if points is not None and len(points):
            p = np.asarray(points, dtype=float).reshape(-1, 2)
            own = np.asarray(point_owner, dtype=np.int64)
            for k, arr in enumerate((p[:, 0], p[:, 1], p[:, 0], p[:, 1], own)):
                cols[k].append(arr)
        for line, owner in zip(lines, line_owner):
            add(line, int(owner), closed=False)
        for poly, owner in zip(polygons, polygon_owner):
            for ring in poly:
                add(ring, int(owner), closed=True)
        x1, y1, x2, y2, segment_owner = (np.concatenate(c) if c else np.zeros(0) for c in cols)
        return cls(x1, y1, x2, y2, segment_owner.astype(np.int64), tuple(tuple(np.asarray(r, dtype=float) for r in p)
                                                                   for p in polygons),
                   np.asarray(polygon_owner, dtype=np.int64))

    @property
    def n_segments(self) -> int:
        return int(self.x1.size)


@dataclass(frozen=True)
class NearestPlaces:
    """Per feature of the first set: the shortest distance (m) to the second set and the two nearest points."""

    distance: np.ndarray
    asset_xy: np.ndarray
    reach_xy: np.ndarray


def _closest_pair(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2):
    """Closest points of segment pairs (element-wise): distance, point on a, point on b."""
    t, _s, hit = segment_intersection(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2)
    cands = []
    for px, py, qx1, qy1, qx2, qy2, on_a in (
        (ax1, ay1, bx1, by1, bx2, by2, True), (ax2, ay2, bx1, by1, bx2, by2, True),
        (bx1, by1, ax1, ay1, ax2, ay2, False), (bx2, by2, ax1, ay1, ax2, ay2, False),
    ):
        d, u = point_segment_distance(px, py, qx1, qy1, qx2, qy2)
        qx, qy = qx1 + u * (qx2 - qx1), qy1 + u * (qy2 - qy1)
        cands.append((d, (px, py), (qx, qy)) if on_a else (d, (qx, qy), (px, py)))
    d = np.stack([c[0] for c in cands])
    k = np.argmin(d, axis=0)
    rows = np.arange(d.shape[1])
    pa = np.stack([np.stack([np.broadcast_to(c[1][0], d.shape[1:]), np.broadcast_to(c[1][1], d.shape[1:])], -1)
                   for c in cands])[k, rows]
    pb = np.stack([np.stack([np.broadcast_to(c[2][0], d.shape[1:]), np.broadcast_to(c[2][1], d.shape[1:])], -1)
                   for c in cands])[k, rows]
    cross = np.column_stack([ax1 + t * (ax2 - ax1), ay1 + t * (ay2 - ay1)])
    pa = np.where(hit[:, None], cross, pa)
    pb = np.where(hit[:, None], cross, pb)
    return np.where(hit, 0.0, d[k, rows]), pa, pb


def nearest_places(assets: Shapes, n_assets: int, reachable: Shapes) -> NearestPlaces:
    """Shortest distance from each of ``n_assets`` features to the ``reachable`` shapes (inf without any)."""
    dist = np.full(n_assets, np.inf)
    pa = np.full((n_assets, 2), np.nan)
    pb = np.full((n_assets, 2), np.nan)
    if reachable.n_segments == 0 or assets.n_segments == 0:
        return NearestPlaces(dist, pa, pb)
    b = (reachable.x1, reachable.y1, reachable.x2, reachable.y2)
    step = max(1, _CHUNK_CELLS // (4 * reachable.n_segments))
    best_a = np.full(assets.n_segments, -1, dtype=np.int64)
    best_d = np.full(assets.n_segments, np.inf)
    for start in range(0, assets.n_segments, step):
        sl = slice(start, start + step)
        a = (assets.x1[sl, None], assets.y1[sl, None], assets.x2[sl, None], assets.y2[sl, None])
        d = segments_distance(*a, *b)
        best_a[sl] = np.argmin(d, axis=1)
        best_d[sl] = d[np.arange(d.shape[0]), best_a[sl]]
    order = np.lexsort((best_d, assets.owner))
    first = order[np.r_[True, assets.owner[order][1:] != assets.owner[order][:-1]]]
    j = best_a[first]
    d, qa, qb = _closest_pair(assets.x1[first], assets.y1[first], assets.x2[first], assets.y2[first],
                              reachable.x1[j], reachable.y1[j], reachable.x2[j], reachable.y2[j])
    owners = assets.owner[first]
    dist[owners], pa[owners], pb[owners] = d, qa, qb
    # Containment: a reachable place inside an asset polygon, or an asset inside a reachable polygon.
    for poly, owner in zip(assets.polygons, assets.polygon_owner):
        inside = points_in_polygon(reachable.x1, reachable.y1, list(poly))
        if inside.any():
            k = int(np.flatnonzero(inside)[0])
            dist[owner] = 0.0
            pa[owner] = pb[owner] = (reachable.x1[k], reachable.y1[k])
    for poly in reachable.polygons:
        inside = points_in_polygon(assets.x1, assets.y1, list(poly))
        for k in np.flatnonzero(inside):
            owner = assets.owner[k]
            dist[owner] = 0.0
            pa[owner] = pb[owner] = (assets.x1[k], assets.y1[k])
    return NearestPlaces(dist, pa, pb)

