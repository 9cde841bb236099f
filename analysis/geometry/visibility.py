"""Exact 2-D visibility among building footprints: isovists, sight lines and overlooking counts.

Natural surveillance ("eyes on the street", Jacobs 1961; Newman 1972, *Defensible Space*) and CCTV
coverage both ask what can be seen from a point when buildings block the view. REFERENCES.md:
sight lines from windows and doors (up to about 10 m height) to public space, occluded by
buildings; a typical facial-recognition distance is 15 m; the overlook range is a parameter.

Method
------
The *isovist* (Benedikt 1979, "To take hold of space: isovists and isovist fields") of a point is
the region it sees. Among line-segment obstacles it is a star-shaped polygon, computed here by a
rotational sweep in the spirit of Asano (1985) / Suri & O'Rourke (1986), vectorised in numpy:

1. *Critical directions*: the directions from the observer to every wall end point within range,
   to every point where two walls cross, to every point where a wall leaves the range circle, and
   the two sides of the view wedge. Between two consecutive critical directions the nearest wall
   along the ray cannot change (that needs an end point, a crossing or the circle), so
2. one ray per angular interval, cast at its mid direction against all walls in range at once
   (a rays x walls matrix, nearest walls first with early exit), names the wall that bounds the
   whole interval, or none (then the range circle bounds it), and
3. the interval's boundary is that wall's line cut by the two critical rays. Wall parts of the
   polygon are therefore exact (no epsilon rays, no sampling); only the circle is approximated.

Conventions
-----------
* Coordinates are metres in a projected CRS; rings are ``(k, 2)`` arrays, closed or not.
* Azimuths are degrees clockwise from north (0 = north, 90 = east); a view wedge ``fov`` is
  ``(azimuth_deg, angle_deg)``: centred on the azimuth, ``angle_deg`` wide, ``0 < angle <= 360``.
* The range circle is drawn as the inscribed regular polygon with ``n_arc`` vertices at the math
  angles ``2*pi*j/n_arc`` from east (for ``n_arc`` a multiple of 4, also the azimuths
  ``j*360/n_arc``), plus the exact points where a visible stretch of the circle begins or ends.
  The default ``n_arc = 360`` (a vertex every whole degree) under-states a full disc's area by
  ``1 - sin(2*pi/n)/(2*pi/n)``, i.e. 5.1e-5 relative.
* Footprints are *solid* (``OccluderSet.from_rings``): an observer inside a footprint sees
  nothing (empty isovist, all-False visibility), and only walls facing the observer are swept
  (back walls are always hidden by front walls of the same closed ring). ``solid=False``, or
  ``OccluderSet.from_lines`` for open polylines (walls, fences), treats segments as thin walls.
* An observer on a wall (within ``ON_WALL_TOL`` = 1e-6 m), such as a window or a camera fixed to a
  facade, is moved ``facade_offset`` metres (default 1 cm) along the wall's outward normal (the
  mean normal at a corner) so it sees outward and is not blocked by its own wall. Where that is
  impossible (a party wall between two footprints, whose normals cancel, or a move that lands
  inside another footprint) the observer sees nothing.
* Heights are informational: the model is 2-D, every storey of a facade has the same view.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .polygons import points_in_polygon, ring_area

FACADE_OFFSET = 0.01
"""Metres an observer on a wall is moved outward before looking (1 cm)."""
ON_WALL_TOL = 1e-6
"""Metres within which an observer counts as standing on a wall."""
DEFAULT_N_ARC = 360
"""Vertices of the full range circle (one per degree)."""

_TWO_PI = 2.0 * math.pi
_ANGLE_MERGE = 1e-12  # rad: critical directions closer than this are one direction
_CHUNK_CELLS = 1_000_000  # bound on rays x walls (or targets x walls) matrix cells per block
_FIRST_BLOCK = 32  # walls in the first (nearest) casting block; blocks double afterwards


# ----------------------------------------------------------------------------------------------
# Spatial index


@dataclass(frozen=True, eq=False)
class _GridIndex:
    """Uniform grid over item bounding boxes, cells stored CSR-style (``start`` into ``items``).

    An item is listed in every cell its bounding box overlaps; cell id = ``row * nx + col``.
    """

    x0: float
    y0: float
    cell: float
    nx: int
    ny: int
    start: np.ndarray
    items: np.ndarray

    @classmethod
    def build(
        cls,
        xmin: np.ndarray,
        ymin: np.ndarray,
        xmax: np.ndarray,
        ymax: np.ndarray,
        cell: float | None = None,
    ) -> _GridIndex:
        n = int(xmin.size)
        if n == 0:
            return cls(0.0, 0.0, 1.0, 1, 1, np.zeros(2, dtype=np.int64), np.zeros(0, dtype=np.int64))
        gx0, gy0 = float(xmin.min()), float(ymin.min())
        width = max(float(xmax.max()) - gx0, 1e-9)
        height = max(float(ymax.max()) - gy0, 1e-9)
        if cell is None or not cell > 0:
            cell = math.sqrt(width * height / n)
        cell = max(cell, 1e-9 * max(width, height))
        # Bound the cell count (sparse scenes spread over a wide extent get coarser cells).
        max_cells = 4 * n + 64
        while (width // cell + 1) * (height // cell + 1) > max_cells:
            cell *= 1.5
        nx, ny = int(width // cell) + 1, int(height // cell) + 1
        ix0 = np.clip(np.floor((xmin - gx0) / cell), 0, nx - 1).astype(np.int64)
        ix1 = np.clip(np.floor((xmax - gx0) / cell), 0, nx - 1).astype(np.int64)
        iy0 = np.clip(np.floor((ymin - gy0) / cell), 0, ny - 1).astype(np.int64)
        iy1 = np.clip(np.floor((ymax - gy0) / cell), 0, ny - 1).astype(np.int64)
        cols = ix1 - ix0 + 1
        counts = cols * (iy1 - iy0 + 1)
        item = np.repeat(np.arange(n, dtype=np.int64), counts)
        k = np.arange(item.size, dtype=np.int64) - np.repeat(np.cumsum(counts) - counts, counts)
        cid = (iy0[item] + k // cols[item]) * nx + ix0[item] + k % cols[item]
        order = np.argsort(cid, kind="stable")
        start = np.zeros(nx * ny + 1, dtype=np.int64)
        np.cumsum(np.bincount(cid, minlength=nx * ny), out=start[1:])
        return cls(gx0, gy0, float(cell), nx, ny, start, item[order])

    def query(self, xmin: float, ymin: float, xmax: float, ymax: float) -> np.ndarray:
        """Sorted ids of the items listed in the cells that the box overlaps (a superset)."""
        ix0 = max(0, math.floor((xmin - self.x0) / self.cell))
        ix1 = min(self.nx - 1, math.floor((xmax - self.x0) / self.cell))
        iy0 = max(0, math.floor((ymin - self.y0) / self.cell))
        iy1 = min(self.ny - 1, math.floor((ymax - self.y0) / self.cell))
        if ix0 > ix1 or iy0 > iy1:
            return np.zeros(0, dtype=np.int64)
        rows = np.arange(iy0, iy1 + 1, dtype=np.int64) * self.nx
        a = self.start[rows + ix0]
        lens = self.start[rows + ix1 + 1] - a
        idx = np.repeat(a - (np.cumsum(lens) - lens), lens) + np.arange(int(lens.sum()))
        return np.unique(self.items[idx])


# ----------------------------------------------------------------------------------------------
# Small geometry helpers


def _segment_params(
    ax: np.ndarray,
    ay: np.ndarray,
    bx: np.ndarray,
    by: np.ndarray,
    cx: np.ndarray,
    cy: np.ndarray,
    dx: np.ndarray,
    dy: np.ndarray,
) -> tuple[np.ndarray, np.ndarray]:
    """Parameters ``(t, s)`` where ``A + t (B - A)`` meets ``C + s (D - C)`` (broadcasting).

    Both are NaN or infinite for parallel segments; the segments intersect iff both lie in [0, 1].
    """
    rx, ry = bx - ax, by - ay
    qx, qy = dx - cx, dy - cy
    wx, wy = cx - ax, cy - ay
    with np.errstate(divide="ignore", invalid="ignore"):
        inv = 1.0 / (rx * qy - ry * qx)
        return (wx * qy - wy * qx) * inv, (wx * ry - wy * rx) * inv


def _clean_part(part: np.ndarray | Sequence, index: int, closed: bool) -> np.ndarray:
    """A ring (``closed``) or polyline as an (k, 2) float array without repeated vertices.

    Raises ValueError naming the part (by its position in the input) when it cannot be used.
    """
    what = "ring" if closed else "line"
    arr = np.asarray(part, dtype=float)
    if arr.ndim != 2 or arr.shape[0] == 0 or arr.shape[1] < 2:
        raise ValueError(f"{what} {index} is not a (k, 2) array of coordinates (shape {arr.shape})")
    arr = arr[:, :2]
    if not np.isfinite(arr).all():
        raise ValueError(f"{what} {index} has non-finite (NaN or infinite) coordinates")
    if closed:
        repeat = np.all(arr == np.roll(arr, 1, axis=0), axis=1)
        if repeat.all():  # a single point, given any number of times
            repeat[0] = False
    else:
        repeat = np.r_[False, np.all(arr[1:] == arr[:-1], axis=1)]
    arr = arr[~repeat]
    need = 3 if closed else 2
    if arr.shape[0] < need:
        raise ValueError(
            f"{what} {index} has {arr.shape[0]} distinct vertices; "
            f"a {'footprint ring' if closed else 'line'} needs at least {need}"
        )
    if closed:
        extent = float(np.ptp(arr, axis=0).max())
        if abs(ring_area(arr)) <= 1e-12 * extent * extent:
            raise ValueError(f"{what} {index} has zero area (its vertices are collinear)")
    arr.flags.writeable = False
    return arr


def _readonly(a: np.ndarray) -> np.ndarray:
    a.flags.writeable = False
    return a


# ----------------------------------------------------------------------------------------------
# Occluders


@dataclass(frozen=True, eq=False)
class OccluderSet:
    """All walls of a scene, prepared once for many observers.

    ``x1, y1, x2, y2`` are the wall segments (edges of the rings, in ring order); ``nx, ny`` their
    unit outward normals (the side away from the ring interior; for lines, the right-hand side);
    ``part`` the index of the ring or line each wall belongs to, with ``part_start`` the CSR
    offsets (walls of part ``r`` are ``part_start[r]:part_start[r + 1]``). ``cross_x, cross_y``
    are the points where walls of the scene cross each other (overlapping footprints), critical
    directions for the sweep. ``solid`` footprints hide their interior. Build with
    :meth:`from_rings` or :meth:`from_lines`.
    """

    x1: np.ndarray
    y1: np.ndarray
    x2: np.ndarray
    y2: np.ndarray
    nx: np.ndarray
    ny: np.ndarray
    part: np.ndarray
    part_start: np.ndarray
    parts: tuple[np.ndarray, ...]
    part_bbox: np.ndarray
    cross_x: np.ndarray
    cross_y: np.ndarray
    solid: bool
    index: _GridIndex

    @property
    def n_edges(self) -> int:
        return int(self.x1.size)

    @property
    def n_vertices(self) -> int:
        return int(sum(p.shape[0] for p in self.parts))

    @classmethod
    def from_rings(
        cls, rings: Sequence[np.ndarray], *, solid: bool = True, cell_size: float | None = None
    ) -> OccluderSet:
        """Occluders from building footprint rings (``(k, 2)`` arrays in metres, closed or not).

        ``solid`` (default): the rings are buildings whose inside cannot be seen or seen from;
        ``False``: the ring edges are thin walls only (e.g. a room or a fenced yard). Rings are
        assumed simple (not self-intersecting). ``cell_size`` (metres) of the wall grid index
        defaults to ``sqrt(extent area / number of walls)``. A ring with fewer than 3 distinct
        vertices, zero area or non-finite coordinates raises ValueError naming it.
        """
        parts = [_clean_part(r, i, closed=True) for i, r in enumerate(rings)]
        return cls._build(parts, closed=True, solid=solid, cell_size=cell_size)

    @classmethod
    def from_lines(cls, lines: Sequence[np.ndarray], *, cell_size: float | None = None) -> OccluderSet:
        """Occluders from open polylines (free-standing walls, fences), never solid."""
        parts = [_clean_part(p, i, closed=False) for i, p in enumerate(lines)]
        return cls._build(parts, closed=False, solid=False, cell_size=cell_size)

    @classmethod
    def _build(
        cls, parts: list[np.ndarray], *, closed: bool, solid: bool, cell_size: float | None
    ) -> OccluderSet:
        starts, ends, flips = [], [], []
        for arr in parts:
            head = arr if closed else arr[:-1]
            tail = np.roll(arr, -1, axis=0) if closed else arr[1:]
            starts.append(head)
            ends.append(tail)
            # Right-hand normal is outward for counter-clockwise (positive area) rings.
            flips.append(np.full(head.shape[0], -1.0 if closed and ring_area(arr) < 0 else 1.0))
        if parts:
            p1, p2, flip = np.concatenate(starts), np.concatenate(ends), np.concatenate(flips)
        else:
            p1 = p2 = np.zeros((0, 2))
            flip = np.zeros(0)
        counts = np.array([s.shape[0] for s in starts], dtype=np.int64)
        part_start = np.zeros(counts.size + 1, dtype=np.int64)
        np.cumsum(counts, out=part_start[1:])
        x1, y1, x2, y2 = p1[:, 0].copy(), p1[:, 1].copy(), p2[:, 0].copy(), p2[:, 1].copy()
        length = np.hypot(x2 - x1, y2 - y1)
        nx = flip * (y2 - y1) / np.where(length > 0, length, 1.0)
        ny = -flip * (x2 - x1) / np.where(length > 0, length, 1.0)
        index = _GridIndex.build(
            np.minimum(x1, x2), np.minimum(y1, y2), np.maximum(x1, x2), np.maximum(y1, y2), cell_size
        )
        cross_x, cross_y = _crossings(x1, y1, x2, y2, index)
        bbox = (
            np.array([[*a.min(axis=0), *a.max(axis=0)] for a in parts]) if parts else np.zeros((0, 4))
        )
        return cls(
            x1=_readonly(x1),
            y1=_readonly(y1),
            x2=_readonly(x2),
            y2=_readonly(y2),
            nx=_readonly(nx),
            ny=_readonly(ny),
            part=_readonly(np.repeat(np.arange(counts.size, dtype=np.int64), counts)),
            part_start=_readonly(part_start),
            parts=tuple(parts),
            part_bbox=_readonly(bbox),
            cross_x=_readonly(cross_x),
            cross_y=_readonly(cross_y),
            solid=bool(solid and closed),
            index=index,
        )


def _crossings(
    x1: np.ndarray, y1: np.ndarray, x2: np.ndarray, y2: np.ndarray, index: _GridIndex
) -> tuple[np.ndarray, np.ndarray]:
    """Points where two walls cross in both their interiors (pairs taken within grid cells)."""
    sizes = np.diff(index.start)
    pos = np.arange(index.items.size, dtype=np.int64)
    partners = np.repeat(index.start[1:], sizes) - pos - 1  # later entries of the same cell
    i = np.repeat(pos, partners)
    j = i + 1 + np.arange(i.size, dtype=np.int64) - np.repeat(np.cumsum(partners) - partners, partners)
    a, b = index.items[i], index.items[j]
    key = np.unique(np.minimum(a, b) * max(x1.size, 1) + np.maximum(a, b))
    a, b = key // max(x1.size, 1), key % max(x1.size, 1)
    if a.size == 0:
        return np.zeros(0), np.zeros(0)
    # Local origin for precision with large projected coordinates.
    ox, oy = float(x1.mean()), float(y1.mean())
    t, s = _segment_params(
        x1[a] - ox, y1[a] - oy, x2[a] - ox, y2[a] - oy, x1[b] - ox, y1[b] - oy, x2[b] - ox, y2[b] - oy
    )
    eps = 1e-12
    hit = (t > eps) & (t < 1 - eps) & (s > eps) & (s < 1 - eps)
    t, a = t[hit], a[hit]
    return x1[a] + t * (x2[a] - x1[a]), y1[a] + t * (y2[a] - y1[a])


# ----------------------------------------------------------------------------------------------
# The observer's view of the walls


class _Walls(NamedTuple):
    """Walls in observer-local coordinates, with per-wall terms reused by every ray."""

    x1: np.ndarray
    y1: np.ndarray
    vx: np.ndarray
    vy: np.ndarray
    nx: np.ndarray
    ny: np.ndarray
    c1: np.ndarray  # cross(p1, v): numerator of the ray parameter
    dmin: np.ndarray  # distance from the observer to the wall

    def take(self, sel: np.ndarray) -> _Walls:
        return _Walls(*(a[sel] for a in self))


class _View(NamedTuple):
    ox: float
    oy: float
    walls: _Walls
    cross_x: np.ndarray  # local
    cross_y: np.ndarray


def _walls_near(occ: OccluderSet, ids: np.ndarray, ox: float, oy: float) -> _Walls:
    x1, y1 = occ.x1[ids] - ox, occ.y1[ids] - oy
    vx, vy = occ.x2[ids] - occ.x1[ids], occ.y2[ids] - occ.y1[ids]
    proj = np.clip(-(x1 * vx + y1 * vy) / (vx * vx + vy * vy), 0.0, 1.0)
    dmin = np.hypot(x1 + proj * vx, y1 + proj * vy)
    return _Walls(x1, y1, vx, vy, occ.nx[ids], occ.ny[ids], x1 * vy - y1 * vx, dmin)


def _inside_solid(occ: OccluderSet, x: float, y: float) -> bool:
    box = occ.part_bbox
    cand = np.flatnonzero((box[:, 0] <= x) & (box[:, 2] >= x) & (box[:, 1] <= y) & (box[:, 3] >= y))
    px, py = np.array([x]), np.array([y])
    return any(bool(points_in_polygon(px, py, [occ.parts[r]])[0]) for r in cand)


def _observe(observer_xy: Sequence[float] | np.ndarray, occ: OccluderSet, reach: float, offset: float) -> _View | None:
    """Walls (and wall crossings) within ``reach`` of the observer, after moving it off a wall.

    None when the observer sees nothing: inside a solid footprint, or stuck on a wall.
    """
    o = np.asarray(observer_xy, dtype=float).reshape(-1)
    if o.size != 2 or not np.isfinite(o).all():
        raise ValueError(f"observer must be one finite (x, y) point, got {o.tolist()}")
    if not (math.isfinite(offset) and offset > 0):
        raise ValueError(f"facade_offset must be a positive number of metres, got {offset}")
    ox, oy = float(o[0]), float(o[1])
    margin = reach + offset
    ids = occ.index.query(ox - margin, oy - margin, ox + margin, oy + margin)
    walls = _walls_near(occ, ids, ox, oy)
    on = walls.dmin < ON_WALL_TOL
    if on.any():
        mx, my = float(walls.nx[on].sum()), float(walls.ny[on].sum())
        norm = math.hypot(mx, my)
        if norm < 1e-9:  # walls facing both ways: a party wall
            return None
        ox, oy = ox + offset * mx / norm, oy + offset * my / norm
        walls = _walls_near(occ, ids, ox, oy)
        if (walls.dmin < ON_WALL_TOL).any():
            return None
    keep = walls.dmin <= reach
    if occ.solid:
        if _inside_solid(occ, ox, oy):
            return None
        # Back walls of a closed ring are hidden behind its front walls; edge-on walls span no angle.
        keep &= walls.nx * walls.x1 + walls.ny * walls.y1 < 0
    cx, cy = occ.cross_x - ox, occ.cross_y - oy
    near = cx * cx + cy * cy <= reach * reach
    return _View(ox, oy, walls.take(keep), cx[near], cy[near])


def _check_range(max_range: float) -> float:
    r = float(max_range)
    if not (math.isfinite(r) and r > 0):
        raise ValueError(f"max_range must be a positive number of metres, got {max_range}")
    return r


def _wedge(fov: tuple[float, float] | None) -> tuple[float, float]:
    """(start math angle, width) in radians of the view wedge; the full circle starts at east."""
    if fov is None:
        return 0.0, _TWO_PI
    azimuth, angle = (float(v) for v in fov)
    if not (math.isfinite(azimuth) and math.isfinite(angle) and 0 < angle <= 360):
        raise ValueError(f"fov must be (azimuth_deg, angle_deg) with 0 < angle_deg <= 360, got ({azimuth}, {angle})")
    if angle == 360:
        return 0.0, _TWO_PI
    width = math.radians(angle)
    return (math.radians(90.0 - azimuth) - width / 2) % _TWO_PI, width


def _cast(dx: np.ndarray, dy: np.ndarray, walls: _Walls, radius: float) -> np.ndarray:
    """Index of the nearest wall hit by each unit ray from the origin within ``radius``, or -1.

    Walls are tried nearest first in doubling blocks; a ray stops once its hit is nearer than
    every remaining wall.
    """
    m = dx.size
    best_t = np.full(m, radius)
    best = np.full(m, -1, dtype=np.int64)
    n = walls.x1.size
    if n == 0 or m == 0:
        return best
    order = np.argsort(walls.dmin, kind="stable")
    dmin = walls.dmin[order]
    active = np.arange(m)
    pos, block = 0, _FIRST_BLOCK
    while pos < n and active.size:
        block = max(1, min(block, _CHUNK_CELLS // active.size))
        sel = order[pos : pos + block]
        rx, ry = dx[active, None], dy[active, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            inv = 1.0 / (rx * walls.vy[sel] - ry * walls.vx[sel])
            t = walls.c1[sel] * inv
            s = (walls.x1[sel] * ry - walls.y1[sel] * rx) * inv
        t = np.where((s >= 0) & (s <= 1) & (t > 0), t, np.inf)
        j = np.argmin(t, axis=1)
        tj = t[np.arange(active.size), j]
        better = tj < best_t[active]
        best_t[active[better]] = tj[better]
        best[active[better]] = sel[j[better]]
        pos += block
        block *= 2
        if pos < n:
            active = active[best_t[active] > dmin[pos]]
    return best


def _boundary(theta: np.ndarray, wall: np.ndarray, walls: _Walls, radius: float) -> np.ndarray:
    """Points at directions ``theta``: on ``wall``'s line (snapped onto the wall), else at radius."""
    dx, dy = np.cos(theta), np.sin(theta)
    pts = np.column_stack((radius * dx, radius * dy))
    hit = wall >= 0
    if hit.any():
        w = wall[hit]
        x1, y1, vx, vy = walls.x1[w], walls.y1[w], walls.vx[w], walls.vy[w]
        with np.errstate(divide="ignore", invalid="ignore"):
            s = (x1 * dy[hit] - y1 * dx[hit]) / (dx[hit] * vy - dy[hit] * vx)
        s = np.clip(np.nan_to_num(s, nan=0.0), 0.0, 1.0)
        s = np.where(s < 1e-9, 0.0, np.where(s > 1 - 1e-9, 1.0, s))
        on = np.column_stack((x1 + s * vx, y1 + s * vy))
        r = np.hypot(on[:, 0], on[:, 1])
        on *= np.minimum(1.0, radius / np.where(r > 0, r, 1.0))[:, None]
        pts[hit] = on
    return pts


# ----------------------------------------------------------------------------------------------
# Public API


def isovist(
    observer_xy: Sequence[float] | np.ndarray,
    occluders: OccluderSet,
    max_range: float,
    fov: tuple[float, float] | None = None,
    n_arc: int = DEFAULT_N_ARC,
    facade_offset: float = FACADE_OFFSET,
) -> np.ndarray:
    """Exact visibility polygon (isovist, Benedikt 1979) of a point among building walls.

    ``observer_xy`` (x, y) in metres; ``max_range`` in metres (> 0); ``fov`` an optional view
    wedge ``(azimuth_deg, angle_deg)`` (0 = north, clockwise); ``n_arc`` vertices of the full
    range circle (see the module notes); ``facade_offset`` metres an observer standing on a wall
    is moved outward. Returns the polygon as an ``(k, 2)`` counter-clockwise ring (first vertex not
    repeated); with a wedge narrower than 360 degrees its first vertex is the observer (after any
    move off its wall). Returns an empty ``(0, 2)`` array when the observer is inside a solid
    footprint (or on a party wall).

    Method: rotational sweep over critical directions, one vectorised ray per angular interval
    (module docstring); wall parts are exact, the circle is an inscribed polygon.
    """
    radius = _check_range(max_range)
    if int(n_arc) != n_arc or n_arc < 8:
        raise ValueError(f"n_arc must be an integer >= 8, got {n_arc}")
    start, width = _wedge(fov)
    full = width >= _TWO_PI
    view = _observe(observer_xy, occluders, radius, facade_offset)
    if view is None:
        return np.zeros((0, 2))
    w = view.walls

    # 1. Critical directions: wall ends in range, wall crossings, circle exits.
    ex = np.concatenate((w.x1, w.x1 + w.vx, view.cross_x))
    ey = np.concatenate((w.y1, w.y1 + w.vy, view.cross_y))
    inside = ex * ex + ey * ey <= radius * radius
    ex, ey = ex[inside], ey[inside]
    a = w.vx * w.vx + w.vy * w.vy
    b = w.x1 * w.vx + w.y1 * w.vy
    disc = b * b - a * (w.x1 * w.x1 + w.y1 * w.y1 - radius * radius)
    root = np.sqrt(np.maximum(disc, 0.0))
    s_exit = np.concatenate(((-b - root) / a, (-b + root) / a))
    wall2 = np.tile(np.arange(a.size), 2)
    exits = (np.tile(disc, 2) > 0) & (s_exit >= 0) & (s_exit <= 1)
    s_exit, wall2 = s_exit[exits], wall2[exits]
    ex = np.concatenate((ex, w.x1[wall2] + s_exit * w.vx[wall2]))
    ey = np.concatenate((ey, w.y1[wall2] + s_exit * w.vy[wall2]))
    psi = np.sort(np.mod(np.arctan2(ey, ex) - start, _TWO_PI))
    psi = psi[(psi > _ANGLE_MERGE) & (psi < width - _ANGLE_MERGE)]
    if psi.size:
        psi = psi[np.r_[True, np.diff(psi) > _ANGLE_MERGE]]
    psi = np.concatenate(([0.0], psi, [width]))
    lo, hi = psi[:-1], psi[1:]

    # 2. One ray per interval names the wall bounding it (-1: the range circle).
    mid = start + 0.5 * (lo + hi)
    wall = _cast(np.cos(mid), np.sin(mid), w, radius)

    # 3. Interval boundaries, dropping those between two stretches of one wall (or of the circle).
    p_lo = _boundary(start + lo, wall, w, radius)
    p_hi = _boundary(start + hi, wall, w, radius)
    keep_lo = np.ones(wall.size, dtype=bool)
    keep_hi = np.ones(wall.size, dtype=bool)
    same = wall[:-1] == wall[1:]
    keep_hi[:-1] &= ~same
    keep_lo[1:] &= ~same
    if full and wall[0] == wall[-1]:
        keep_lo[0] = keep_hi[-1] = False
    arc_psi = np.mod(_TWO_PI * np.arange(int(n_arc)) / int(n_arc) - start, _TWO_PI)
    k = np.searchsorted(psi, arc_psi, side="right") - 1
    on_arc = (k >= 0) & (k < wall.size)
    on_arc[on_arc] = wall[k[on_arc]] < 0
    arc_psi, k = arc_psi[on_arc], k[on_arc]
    arc_pts = radius * np.column_stack((np.cos(start + arc_psi), np.sin(start + arc_psi)))

    intervals = np.arange(wall.size)
    pts = np.concatenate((p_lo[keep_lo], arc_pts, p_hi[keep_hi]))
    key_k = np.concatenate((intervals[keep_lo], k, intervals[keep_hi]))
    key_sub = np.concatenate(
        (np.zeros(int(keep_lo.sum())), np.ones(k.size), np.full(int(keep_hi.sum()), 2.0))
    )
    key_psi = np.concatenate((lo[keep_lo], arc_psi, hi[keep_hi]))
    pts = pts[np.lexsort((key_psi, key_sub, key_k))]
    if not full:
        pts = np.concatenate((np.zeros((1, 2)), pts))
    # Drop repeated vertices (a kept boundary on an arc vertex, a corner shared by two walls).
    tol = 1e-9 * max(1.0, radius)
    step = np.hypot(*(pts - np.roll(pts, 1, axis=0)).T)
    pts = pts[step > tol] if (step > tol).any() else pts[:1]
    return pts + np.array([view.ox, view.oy])


def _as_points(xy: np.ndarray | Sequence, what: str) -> np.ndarray:
    arr = np.asarray(xy, dtype=float)
    if arr.ndim == 1 and arr.size == 2:
        arr = arr.reshape(1, 2)
    if arr.ndim != 2 or arr.shape[1] != 2:
        raise ValueError(f"{what} must be an (n, 2) array of x, y in metres (shape {arr.shape})")
    if not np.isfinite(arr).all():
        raise ValueError(f"{what} has non-finite (NaN or infinite) coordinates")
    return arr


def _visible(view: _View, tx: np.ndarray, ty: np.ndarray, radius: float, start: float, width: float) -> np.ndarray:
    """Visibility of targets given in observer-local coordinates."""
    d2 = tx * tx + ty * ty
    seen = d2 <= radius * radius
    if width < _TWO_PI:
        psi = np.mod(np.arctan2(ty, tx) - start, _TWO_PI)
        seen &= (psi <= width + _ANGLE_MERGE) | (psi >= _TWO_PI - _ANGLE_MERGE) | (d2 == 0)
    w = view.walls
    n = w.x1.size
    # Walls nearest first, in doubling blocks: a target is settled once blocked, or once every
    # remaining wall is farther away than the target itself.
    order = np.argsort(w.dmin, kind="stable")
    dmin = w.dmin[order]
    dist = np.sqrt(d2)
    active = np.flatnonzero(seen)
    pos, block = 0, _FIRST_BLOCK
    while pos < n and active.size:
        block = max(1, min(block, _CHUNK_CELLS // active.size))
        sel = order[pos : pos + block]
        rx, ry = tx[active, None], ty[active, None]
        with np.errstate(divide="ignore", invalid="ignore"):
            inv = 1.0 / (rx * w.vy[sel] - ry * w.vx[sel])
            t = w.c1[sel] * inv
            s = (w.x1[sel] * ry - w.y1[sel] * rx) * inv
        # A target standing on a wall (t = 1) is seen: a door or window on the far facade.
        blocked = ((t > 0) & (t < 1 - 1e-9) & (s >= 0) & (s <= 1)).any(axis=1)
        seen[active[blocked]] = False
        pos += block
        block *= 2
        active = active[~blocked]
        if pos < n:
            active = active[dist[active] >= dmin[pos]]
    return seen


def visible_mask(
    observer_xy: Sequence[float] | np.ndarray,
    targets_xy: np.ndarray,
    occluders: OccluderSet,
    max_range: float,
    fov: tuple[float, float] | None = None,
    facade_offset: float = FACADE_OFFSET,
) -> np.ndarray:
    """Whether each target point is seen from the observer: within range, within the view wedge
    and with no wall crossing the sight line (a sight line through a wall end counts as blocked).

    ``targets_xy`` (n, 2) metres; other parameters as :func:`isovist`, whose polygon contains
    exactly the visible targets (up to points on its boundary). Returns a boolean (n,) array, all
    False when the observer is inside a solid footprint. Vectorised over targets x walls in range.
    """
    radius = _check_range(max_range)
    start, width = _wedge(fov)
    targets = _as_points(targets_xy, "targets_xy")
    view = _observe(observer_xy, occluders, radius, facade_offset)
    if view is None:
        return np.zeros(targets.shape[0], dtype=bool)
    return _visible(view, targets[:, 0] - view.ox, targets[:, 1] - view.oy, radius, start, width)


class Overlook(NamedTuple):
    """Per target: how many openings see it, and whether any does."""

    counts: np.ndarray
    any_visible: np.ndarray


def overlook_counts(
    observers: np.ndarray,
    facing_deg: np.ndarray | float,
    view_angle_deg: np.ndarray | float,
    max_range: float,
    targets_xy: np.ndarray,
    occluders: OccluderSet,
    facade_offset: float = FACADE_OFFSET,
) -> Overlook:
    """Natural surveillance of target points (e.g. path samples) by openings (windows, doors).

    ``observers`` (m, 2) opening positions in metres (on facades, as from
    :func:`facade_openings`); ``facing_deg`` their azimuths (0 = north, clockwise) and
    ``view_angle_deg`` their view angles (0 < angle <= 360), each a scalar or one per opening;
    ``max_range`` the overlook distance in metres (REFERENCES.md: about 15 m for recognising a
    face); ``targets_xy`` (n, 2). Returns :class:`Overlook`: ``counts`` (int, number of openings
    that see each target) and ``any_visible`` (bool); the overlooked fraction of a path is
    ``any_visible.mean()``. Openings with identical position and view (storeys of one window
    column) are computed once and counted once each.
    """
    radius = _check_range(max_range)
    obs = _as_points(observers, "observers")
    targets = _as_points(targets_xy, "targets_xy")
    m = obs.shape[0]
    facing = np.broadcast_to(np.asarray(facing_deg, dtype=float), (m,))
    angle = np.broadcast_to(np.asarray(view_angle_deg, dtype=float), (m,))
    if not (np.isfinite(facing).all() and np.all((angle > 0) & (angle <= 360))):
        raise ValueError("facing_deg must be finite and view_angle_deg within (0, 360] degrees")
    count = np.zeros(targets.shape[0], dtype=np.int64)
    if m == 0 or targets.shape[0] == 0:
        return Overlook(count, count > 0)
    tindex = _GridIndex.build(targets[:, 0], targets[:, 1], targets[:, 0], targets[:, 1], radius)
    views, weight = np.unique(
        np.column_stack((obs, np.mod(facing, 360.0), angle)), axis=0, return_counts=True
    )
    for (ox, oy, az, ang), n_same in zip(views, weight, strict=True):
        start, width = _wedge((az, ang))
        view = _observe((ox, oy), occluders, radius, facade_offset)
        if view is None:
            continue
        ids = tindex.query(view.ox - radius, view.oy - radius, view.ox + radius, view.oy + radius)
        seen = _visible(view, targets[ids, 0] - view.ox, targets[ids, 1] - view.oy, radius, start, width)
        count[ids[seen]] += n_same
    return Overlook(count, count > 0)


class FacadeOpenings(NamedTuple):
    """Window / door positions: x, y (metres, on the facade), z (metres above ground), facing."""

    x: np.ndarray
    y: np.ndarray
    z: np.ndarray
    facing_deg: np.ndarray


def facade_openings(
    rings: Sequence[np.ndarray],
    spacing: float = 5.0,
    storeys: int = 3,
    storey_height: float = 3.0,
) -> FacadeOpenings:
    """Openings along every facade of building footprints, facing outward.

    Each wall of length ``L`` gets ``round(L / spacing)`` openings at the centres of equal parts
    (walls shorter than ``spacing / 2`` get none), repeated on ``storeys`` storeys at the mid
    height of each storey, ``z = (s + 0.5) * storey_height``. The facing azimuth (degrees from
    north, clockwise) is the wall's outward normal, from the ring's orientation (shoelace sign).
    The defaults (three storeys of 3 m: windows at 1.5, 4.5 and 7.5 m) stay within the height from
    which windows overlook public space (up to about 10 m, REFERENCES.md). Heights are
    informational: in the 2-D model every storey of a window column sees the same; openings on a
    party wall shared with another footprint see nothing (see :func:`isovist`).
    """
    if not (math.isfinite(spacing) and spacing > 0):
        raise ValueError(f"spacing must be a positive number of metres, got {spacing}")
    if int(storeys) != storeys or storeys < 1:
        raise ValueError(f"storeys must be an integer >= 1, got {storeys}")
    if not (math.isfinite(storey_height) and storey_height > 0):
        raise ValueError(f"storey_height must be a positive number of metres, got {storey_height}")
    occ = OccluderSet.from_rings(rings)
    vx, vy = occ.x2 - occ.x1, occ.y2 - occ.y1
    n = np.floor(np.hypot(vx, vy) / spacing + 0.5).astype(np.int64)
    wall = np.repeat(np.arange(n.size), n)
    f = (np.arange(wall.size) - np.repeat(np.cumsum(n) - n, n) + 0.5) / n[wall]
    x = occ.x1[wall] + f * vx[wall]
    y = occ.y1[wall] + f * vy[wall]
    facing = np.mod(np.degrees(np.arctan2(occ.nx[wall], occ.ny[wall])), 360.0)
    storeys = int(storeys)
    levels = (np.arange(storeys) + 0.5) * storey_height
    return FacadeOpenings(
        np.repeat(x, storeys), np.repeat(y, storeys), np.tile(levels, x.size), np.repeat(facing, storeys)
    )
