"""Small vectorised planar geometry helpers (numpy only).

Polygons are given as lists of rings, each ring a ``(k, 2)`` float array (closed or not); holes
and multi-part polygons are handled by the even-odd rule over all rings of one polygon.
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import pairwise

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


def _inverse_slopes(x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray) -> np.ndarray:
    """dx / dy of each edge (0 for horizontal edges, which straddle no point)."""
    dy = y2 - y1
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(dy != 0, (x2 - x1) / np.where(dy != 0, dy, 1.0), 0.0)


def _straddling_pairs(y1: np.ndarray, y2: np.ndarray, ys: np.ndarray) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Chunks ``(edge, i)`` of every edge with every ``ys[i]`` it straddles under the half-open rule,
    ``min(y1, y2) <= ys[i] < max(y1, y2)``, at most about ``_CHUNK_CELLS`` pairs a chunk.

    With ``ys`` sorted, each edge's band is a binary search, so the pairs cost about the points
    times the crossings of a horizontal line, not points x edges. An edge with a NaN end straddles
    nothing (its crossing would be NaN); NaN values of ``ys`` sort last and lie in no band.
    """
    order = np.argsort(ys, kind="stable")
    sorted_y = ys[order]
    finite = np.isfinite(y1) & np.isfinite(y2)
    first = np.searchsorted(sorted_y, np.minimum(y1, y2), side="left")
    stop = np.searchsorted(sorted_y, np.maximum(y1, y2), side="left")
    n_band = np.where(finite, stop - first, 0)
    ends = np.cumsum(n_band)
    if ends.size == 0 or ends[-1] == 0:
        return
    # Chunks of whole edges holding at most about _CHUNK_CELLS pairs each.
    cuts = np.searchsorted(ends, np.arange(0, int(ends[-1]), _CHUNK_CELLS), side="right")
    bounds = np.unique(np.concatenate([[0], cuts, [y1.size]]))
    for lo, hi in pairwise(bounds):
        counts = n_band[lo:hi]
        edge = np.repeat(np.arange(lo, hi), counts)
        if edge.size == 0:
            continue
        offset = np.arange(edge.size) - np.repeat(np.cumsum(counts) - counts, counts)
        yield edge, order[first[edge] + offset]


def points_in_polygon(px: np.ndarray, py: np.ndarray, polygon: Polygon) -> np.ndarray:
    """Even-odd crossing-number test of many points against one polygon.

    Half-open rule: an edge counts when ``(y1 > py) != (y2 > py)`` and the crossing lies strictly
    right of the point, so a point on an edge shared by two adjacent polygons falls in exactly one
    of them (the one on its left/lower side for vertical/horizontal edges, as for
    ``floor``-binning on grids). An edge straddles exactly the points with ``min(y1, y2) <= py <
    max(y1, y2)``: with the points sorted by y, each edge is tested only against that band (a binary
    search), so the cost is the number of (edge, point in its band) pairs, about the points times the
    crossings of a horizontal line, not points x edges; the arithmetic per pair is the textbook one
    (tests/analysis/geometry/test_polygons.py compares it with the plain points x edges form).
    """
    px = np.asarray(px, dtype=float)
    py = np.asarray(py, dtype=float)
    x1, y1, x2, y2 = _edges(polygon)
    inside = np.zeros(px.shape[0], dtype=bool)
    if x1.size == 0 or px.size == 0:
        return inside
    inv_slope = _inverse_slopes(x1, y1, x2, y2)
    crossings = np.zeros(px.size, dtype=np.int64)
    for edge, point in _straddling_pairs(y1, y2, py):
        x_cross = x1[edge] + (py[point] - y1[edge]) * inv_slope[edge]
        crossings += np.bincount(point[px[point] < x_cross], minlength=px.size)
    inside[:] = (crossings % 2) == 1
    return inside


def grid_points_in_polygon(xs: np.ndarray, ys: np.ndarray, polygon: Polygon) -> np.ndarray:
    """:func:`points_in_polygon` for every node of a grid: ``out[i, j]`` for the point ``(xs[j], ys[i])``.

    ``xs`` must be ascending (the column centres of a raster); ``ys`` may be in any order (row 0 the
    northern row). Scanline form of the same even-odd, half-open test with the same arithmetic, so
    the answers are identical: per row, the crossings of its horizontal line with the straddling
    edges; a node is inside when an odd number of crossings lie strictly right of it. The cost is
    O(edge-row crossings + nodes) instead of O(nodes x edges), so a study area of thousands of
    vertices is rasterised onto millions of cells in well under a second.
    """
    xs = np.asarray(xs, dtype=float)
    ys = np.asarray(ys, dtype=float)
    ncols = xs.size
    out = np.zeros((ys.size, ncols), dtype=bool)
    x1, y1, x2, y2 = _edges(polygon)
    if x1.size == 0 or xs.size == 0 or ys.size == 0:
        return out
    inv_slope = _inverse_slopes(x1, y1, x2, y2)
    # Crossings per row and column index: D[row, k] counts crossings with exactly k nodes left of them.
    hits = np.zeros(ys.size * (ncols + 1), dtype=np.int64)
    for edge, row in _straddling_pairs(y1, y2, ys):
        x_cross = x1[edge] + (ys[row] - y1[edge]) * inv_slope[edge]
        left = np.searchsorted(xs, x_cross, side="left")  # nodes with x < x_cross
        hits += np.bincount(row * (ncols + 1) + left, minlength=hits.size)
    per_row = hits.reshape(ys.size, ncols + 1)
    # Crossings strictly right of node j: those with more than j nodes left of them.
    right = per_row.sum(axis=1, keepdims=True) - np.cumsum(per_row, axis=1)[:, :ncols]
    out[:] = (right % 2) == 1
    return out


def convex_simple_rings(rings: np.ndarray, min_turn: float = 1e-9) -> np.ndarray:
    """For closed rings of equal length ``(m, k, 2)``: True where the ring is strictly convex and turns
    once around (hence a simple polygon, valid in the OGC sense), vectorised.

    False does not mean invalid, only "not certified here": collinear or repeated vertices, turns smaller
    than ``min_turn`` radians (where rounding could flip the sign of a cross product), concave or
    self-overlapping rings (a pentagram turns the same way at every vertex but twice around).
    """
    rings = np.asarray(rings, dtype=float)
    m, k = rings.shape[:2]
    if k < 4:
        return np.zeros(m, dtype=bool)
    edges = np.diff(rings, axis=1)  # k - 1 edges of the closed ring
    following = np.roll(edges, -1, axis=1)  # the last edge is followed by the first
    cross = edges[..., 0] * following[..., 1] - edges[..., 1] * following[..., 0]
    dot = np.einsum("mkd,mkd->mk", edges, following)
    scale = np.hypot(edges[..., 0], edges[..., 1]) * np.hypot(following[..., 0], following[..., 1])
    with np.errstate(invalid="ignore"):
        left = np.all(cross > min_turn * scale, axis=1)
        right = np.all(cross < -min_turn * scale, axis=1)
        turning = np.abs(np.arctan2(cross, dot).sum(axis=1))
    closed = np.all(rings[:, 0] == rings[:, -1], axis=1)
    finite = np.all(np.isfinite(rings), axis=(1, 2))
    return closed & finite & (left | right) & (np.abs(turning - 2 * np.pi) < 1e-6)


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


def assign_points_to_groups(px: np.ndarray, py: np.ndarray, groups: Sequence[Sequence[Polygon]]) -> np.ndarray:
    """Index of the group of polygons containing each point, -1 when none; where groups overlap the
    first group in order wins (as :func:`assign_points_to_polygons` does for single polygons)."""
    # The group of each polygon, and -1 last, where a polygon index of -1 (no polygon) picks it.
    owner = np.array([g for g, polygons in enumerate(groups) for _ in polygons] + [-1], dtype=np.int64)
    return owner[assign_points_to_polygons(px, py, [poly for polygons in groups for poly in polygons])]


def polygon_centroids(
    xy: np.ndarray,
    ring_offsets: np.ndarray,
    polygon_of_ring: np.ndarray,
    is_hole: np.ndarray,
    n: int,
) -> tuple[np.ndarray, np.ndarray]:
    """Area-weighted centroids of ``n`` polygons given as flat ring arrays.

    Ring ``r`` is ``xy[ring_offsets[r]:ring_offsets[r + 1]]`` (closed or open), belongs to polygon
    ``polygon_of_ring[r]`` and is a hole when ``is_hole[r]`` (its area is subtracted whatever its
    orientation). Each ring's centroid comes from the shoelace formula (the centroid of a polygon,
    e.g. O'Rourke 1998, Computational Geometry in C, 1.3), computed relative to the polygon's first
    vertex so that large projected coordinates lose no precision; parts and holes are combined by
    their areas. A polygon without area (degenerate rings) gets the mean of its vertices; one
    without rings gets NaN. Whole-array operations, no loop per polygon.
    """
    xy = np.asarray(xy, dtype=np.float64).reshape(-1, 2)
    offsets = np.asarray(ring_offsets, dtype=np.int64).ravel()
    ring_poly = np.asarray(polygon_of_ring, dtype=np.int64).ravel()
    hole = np.asarray(is_hole, dtype=bool).ravel()
    if offsets.size != ring_poly.size + 1 or hole.size != ring_poly.size or offsets[-1] != len(xy):
        raise ValueError("ring_offsets, polygon_of_ring and is_hole must describe the same rings of xy")
    cx = np.full(n, np.nan)
    cy = np.full(n, np.nan)
    if len(xy) == 0:
        return cx, cy
    lengths = np.diff(offsets)
    ring_of_vertex = np.repeat(np.arange(lengths.size), lengths)
    poly = ring_poly[ring_of_vertex]
    # Reference point per polygon: the first vertex of its first non-empty ring (-1: no vertex).
    nonempty = lengths > 0
    starts = offsets[:-1][nonempty]
    first_vertex = np.full(n, -1, dtype=np.int64)
    with_vertices, first_ring = np.unique(ring_poly[nonempty], return_index=True)
    first_vertex[with_vertices] = starts[first_ring]
    local = xy - xy[first_vertex[poly]]
    # Successor of each vertex in its ring, wrapping to the ring's first vertex.
    nxt = np.arange(len(xy)) + 1
    ends = offsets[1:][nonempty] - 1
    nxt[ends] = starts
    x0, y0 = local[:, 0], local[:, 1]
    x1, y1 = local[nxt, 0], local[nxt, 1]
    cross = x0 * y1 - x1 * y0
    n_rings = lengths.size
    area2 = np.bincount(ring_of_vertex, weights=cross, minlength=n_rings)  # twice the signed area
    sx = np.bincount(ring_of_vertex, weights=(x0 + x1) * cross, minlength=n_rings)
    sy = np.bincount(ring_of_vertex, weights=(y0 + y1) * cross, minlength=n_rings)
    # sx / (3 area2) is the ring's centroid whatever its orientation; weight it by |area|, minus for holes.
    sign = np.where(hole, -1.0, 1.0) * np.sign(area2)
    weight = np.bincount(ring_poly, weights=sign * area2, minlength=n)
    mx = np.bincount(ring_poly, weights=sign * sx / 3.0, minlength=n)
    my = np.bincount(ring_poly, weights=sign * sy / 3.0, minlength=n)
    ref = xy[np.maximum(first_vertex, 0)]
    scale = np.bincount(ring_poly, weights=np.abs(area2), minlength=n)
    ok = (first_vertex >= 0) & (np.abs(weight) > 1e-12 * scale)
    cx[ok] = ref[ok, 0] + mx[ok] / weight[ok]
    cy[ok] = ref[ok, 1] + my[ok] / weight[ok]
    flat = (first_vertex >= 0) & ~ok
    if flat.any():
        counts = np.bincount(poly, minlength=n)
        mean_x = np.bincount(poly, weights=xy[:, 0], minlength=n) / np.maximum(counts, 1)
        mean_y = np.bincount(poly, weights=xy[:, 1], minlength=n) / np.maximum(counts, 1)
        cx[flat], cy[flat] = mean_x[flat], mean_y[flat]
    return cx, cy


def convex_hull_ring(x: np.ndarray, y: np.ndarray) -> np.ndarray | None:
    """Vertices (k, 2) of the convex hull of points, counter-clockwise (Qhull through scipy); None
    for fewer than 3 distinct points or points on one line."""
    from scipy.spatial import ConvexHull, QhullError

    pts = np.column_stack([np.asarray(x, dtype=float).ravel(), np.asarray(y, dtype=float).ravel()])
    pts = np.unique(pts, axis=0)
    if len(pts) < 3:
        return None
    try:
        hull = ConvexHull(pts - pts.mean(axis=0))  # centred: no precision lost on projected coordinates
    except QhullError:
        return None
    return pts[hull.vertices]


def convex_hull_area(x: np.ndarray, y: np.ndarray) -> float:
    """Area of the convex hull of points; 0 for fewer than 3 points or points on one line."""
    ring = convex_hull_ring(x, y)
    return 0.0 if ring is None else abs(ring_area(ring))


# --------------------------------------------------------------------------------------------
# Segments: distances, projections and crossings (networks, barriers, stand-off distances)


def segment_arrays(lines: Sequence[np.ndarray], closed: bool = False) -> tuple[np.ndarray, ...]:
    """Segments of polylines (or rings with ``closed=True``) as ``x1, y1, x2, y2, part`` arrays.

    ``part`` is the index of the polyline each segment belongs to. Zero-length segments
    (repeated vertices) are dropped.
    """
    chunks = []
    for i, line in enumerate(lines):
        v = np.asarray(line, dtype=float)[:, :2]
        if closed and len(v) and not np.array_equal(v[0], v[-1]):
            v = np.vstack([v, v[:1]])
        if len(v) < 2:
            continue
        a, b = v[:-1], v[1:]
        keep = np.any(a != b, axis=1)
        chunks.append(np.column_stack([a[keep], b[keep], np.full(int(keep.sum()), i)]))
    if not chunks:
        empty = np.empty(0)
        return empty, empty.copy(), empty.copy(), empty.copy(), np.empty(0, dtype=np.int64)
    s = np.concatenate(chunks)
    return s[:, 0], s[:, 1], s[:, 2], s[:, 3], s[:, 4].astype(np.int64)


def point_segment_distance(px, py, x1, y1, x2, y2) -> tuple[np.ndarray, np.ndarray]:
    """Distance from points to segments (numpy broadcasting) and the position ``t`` in [0, 1] of
    the nearest point along each segment (0 for a zero-length segment)."""
    dx, dy = np.subtract(x2, x1), np.subtract(y2, y1)
    len2 = dx * dx + dy * dy
    with np.errstate(divide="ignore", invalid="ignore"):
        t = ((np.subtract(px, x1)) * dx + (np.subtract(py, y1)) * dy) / len2
    t = np.clip(np.where(len2 > 0, t, 0.0), 0.0, 1.0)
    return np.hypot(np.add(x1, t * dx) - px, np.add(y1, t * dy) - py), t


def segment_intersection(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2, tol: float = 1e-12):
    """Crossing of segment pairs (element-wise, broadcasting): ``(t, s, hit)`` with the crossing at
    ``a1 + t (a2 - a1) = b1 + s (b2 - b1)``; ``hit`` when both lie in [0, 1] (ends included).
    Parallel and collinear pairs never ``hit`` (their touching is found by end-point distances)."""
    rx, ry = np.subtract(ax2, ax1), np.subtract(ay2, ay1)
    sx, sy = np.subtract(bx2, bx1), np.subtract(by2, by1)
    qx, qy = np.subtract(bx1, ax1), np.subtract(by1, ay1)
    den = rx * sy - ry * sx
    scale = np.hypot(rx, ry) * np.hypot(sx, sy)
    parallel = np.abs(den) <= tol * np.maximum(scale, 1e-300)
    with np.errstate(divide="ignore", invalid="ignore"):
        t = np.where(parallel, np.nan, (qx * sy - qy * sx) / den)
        s = np.where(parallel, np.nan, (qx * ry - qy * rx) / den)
    hit = ~parallel & (t >= -tol) & (t <= 1 + tol) & (s >= -tol) & (s <= 1 + tol)
    return np.clip(t, 0.0, 1.0), np.clip(s, 0.0, 1.0), hit


def segments_distance(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2) -> np.ndarray:
    """Shortest distance between segment pairs (element-wise, broadcasting); 0 where they cross.
    A point is a zero-length segment."""
    d = np.minimum(
        np.minimum(point_segment_distance(ax1, ay1, bx1, by1, bx2, by2)[0],
                   point_segment_distance(ax2, ay2, bx1, by1, bx2, by2)[0]),
        np.minimum(point_segment_distance(bx1, by1, ax1, ay1, ax2, ay2)[0],
                   point_segment_distance(bx2, by2, ax1, ay1, ax2, ay2)[0]),
    )
    return np.where(segment_intersection(ax1, ay1, ax2, ay2, bx1, by1, bx2, by2)[2], 0.0, d)


def nearest_segment(px: np.ndarray, py: np.ndarray, x1, y1, x2, y2) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each point, the nearest segment: ``(index, distance, t)`` (index -1, distance inf
    when there are no segments). Vectorised over points x segments in bounded chunks."""
    px, py = np.asarray(px, dtype=float), np.asarray(py, dtype=float)
    x1, y1, x2, y2 = (np.asarray(a, dtype=float) for a in (x1, y1, x2, y2))
    index = np.full(px.size, -1, dtype=np.int64)
    dist = np.full(px.size, np.inf)
    tpos = np.zeros(px.size)
    if x1.size == 0 or px.size == 0:
        return index, dist, tpos
    step = max(1, _CHUNK_CELLS // x1.size)
    rows = np.arange(min(step, px.size))
    for start in range(0, px.size, step):
        sl = slice(start, start + step)
        d, t = point_segment_distance(px[sl, None], py[sl, None], x1, y1, x2, y2)
        k = np.argmin(d, axis=1)
        r = rows[: k.size]
        index[sl], dist[sl], tpos[sl] = k, d[r, k], t[r, k]
    return index, dist, tpos

