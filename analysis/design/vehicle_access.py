"""Hostile vehicle mitigation (HVM): where can a vehicle get into a protected zone, how fast, and
is the barrier there rated for it?

Entry points
------------
1. **Roads**: the drivable network is noded with the zone boundary (``analysis.geometry.network``); a
   boundary node where a road outside the zone meets a road inside it (or where a road outside
   ends on the boundary) is an entry.
2. **Gaps**: barriers (bollards with a diameter, barrier lines) within ``tolerance`` metres of
   the boundary are projected onto it; what they leave free are *openings* along the boundary
   (measured along it). An opening is passable by the design vehicle when it is at least the
   class's narrowest opening (``min_opening_m``, CISA width classes: under 1.50 m admits no car),
   or wider than ``max_gap`` when that is given. A passable opening between two barriers no wider
   than ``max_link`` is a gap; it is an entry when the vehicle can reach it: from drivable open
   space, or from a road outside the zone within ``reach`` metres.
3. **Open space**: boundary stretches inside drivable open space (squares, car parks) with no
   barrier are entries; the one with the longest straight run-up counts.

Speeds
------
On the network: the fastest approach of :func:`analysis.geometry.network.approach_speeds` (run-up
``v = sqrt(v0^2 + 2 a s)``, bends capped by ``sqrt(f g r)``, at most ``vmax``). Leaving a road for
a gap: the turn off the road is capped like a junction (radius through the points ``lookahead``
back along the road, the point where it leaves, and the gap), then a straight run-up to the gap.
In open space: the longest straight line inside the open space (and outside the zone and the
buildings) ending at the entry, from the exact isovist of the entry point
(``analysis.geometry.visibility``); ``v = min(vmax, sqrt(v0^2 + 2 a s))``.

Verdict
-------
An entry closed by barriers takes the verdict of its weakest barrier (within one vehicle width of
the entry): ``inadequate`` when :func:`analysis.design.vehicle.barrier_adequate` says the rating does not
cover the vehicle class, speed and energy, ``unrated`` when a barrier has no rating (or one that
cannot be read), else ``adequate``. An open entry is ``inadequate`` (a gap between barriers) or
``no barrier``.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ..errors import Cancelled, InputError
from ..geometry.network import (
    ApproachField,
    ApproachPath,
    _radii,
    approach_path,
    approach_speeds,
    build_network,
    path_speeds,
    points_along,
)
from ..geometry.polygons import (
    assign_points_to_polygons,
    nearest_segment,
    point_segment_distance,
    points_in_polygon,
    segment_arrays,
)
from ..geometry.visibility import OccluderSet, isovist
from .rules import RulesetLike
from .vehicle import G, VehicleClass, barrier_adequate, parse_barrier_rating

_SAMPLE = 0.02  # metres between samples of barrier lines projected onto the boundary
_OFFSET = 0.05  # metres an entry point is moved out of the zone to look for a run-up


@dataclass(frozen=True)
class Barriers:
    """Bollards (points with a diameter in metres) and barrier lines, each with a rating string
    (None when missing) and a label used in reasons (e.g. ``'barrier 12'``). Elements are
    numbered points first, then lines."""

    point_xy: np.ndarray = field(default_factory=lambda: np.zeros((0, 2)))
    point_diameter: np.ndarray = field(default_factory=lambda: np.zeros(0))
    lines: tuple[np.ndarray, ...] = ()
    rating: tuple[str | None, ...] = ()
    label: tuple[str, ...] = ()

    @property
    def n_points(self) -> int:
        return int(self.point_xy.shape[0])

    @property
    def n(self) -> int:
        return self.n_points + len(self.lines)

    def combined(self, other: Barriers) -> Barriers:
        """Both sets as one (points first, then lines, each keeping its rating and label)."""
        a, b = self.n_points, other.n_points
        return Barriers(
            np.vstack([self.point_xy, other.point_xy]),
            np.r_[self.point_diameter, other.point_diameter],
            self.lines + other.lines,
            self.rating[:a] + other.rating[:b] + self.rating[a:] + other.rating[b:],
            self.label[:a] + other.label[:b] + self.label[a:] + other.label[b:],
        )


@dataclass(frozen=True)
class AccessSettings:
    """Parameters of the assessment (metres, m/s, m/s^2)."""

    vehicle: VehicleClass
    accel: float
    ruleset: RulesetLike
    v0: float = 0.0
    vmax: float = 112.0 / 3.6
    friction: float = 0.6
    lookahead: float = 15.0
    max_gap: float | None = None
    tolerance: float = 5.0
    max_link: float = 10.0
    reach: float = 25.0
    snap: float = 0.5
    open_space_spacing: float = 5.0
    g: float = G

    def passable(self, width: float | np.ndarray) -> np.ndarray:
        """Whether an opening of ``width`` metres lets the design vehicle through."""
        w = np.asarray(width, dtype=float)
        # 1 micrometre of slack: widths are differences of projected positions (rounding).
        if self.max_gap is not None:
            return w > self.max_gap + 1e-6
        return w >= self.vehicle.min_opening_m - 1e-6


@dataclass(frozen=True)
class RingOpenings:
    """Barrier cover along one zone ring: ``runs`` of covered boundary (start, end along the
    ring, elements in order) and ``free`` openings (start, length, run before, run after; -1
    when the ring has no barrier). Positions are metres along the ring from its first vertex."""

    ring: np.ndarray
    seg_start: np.ndarray
    perimeter: float
    elem_start: np.ndarray
    elem_end: np.ndarray
    elem_id: np.ndarray
    run_start: np.ndarray
    run_end: np.ndarray
    free_start: np.ndarray
    free_length: np.ndarray
    free_before: np.ndarray
    free_after: np.ndarray

    def points_at(self, s: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Points at positions ``s`` along the ring and the unit normals to the ring's right there."""
        s = np.asarray(s, dtype=float) % self.perimeter
        k = np.clip(np.searchsorted(self.seg_start, s, side="right") - 1, 0, self.ring.shape[0] - 2)
        a, b = self.ring[k], self.ring[k + 1]
        d = b - a
        length = np.hypot(d[:, 0], d[:, 1])
        t = (s - self.seg_start[k]) / length
        return a + t[:, None] * d, np.column_stack([d[:, 1], -d[:, 0]]) / length[:, None]

    def point_at(self, s: float) -> tuple[np.ndarray, np.ndarray]:
        """Point at ``s`` along the ring and the unit normal to the ring's right there."""
        pts, normals = self.points_at(np.array([s]))
        return pts[0], normals[0]

    def position_of(self, xy: np.ndarray) -> float:
        """Position along the ring (metres) of the point of the ring nearest to ``xy``."""
        r = self.ring
        k, _, t = nearest_segment(np.asarray(xy, dtype=float)[:1], np.asarray(xy, dtype=float)[1:2],
                                  r[:-1, 0], r[:-1, 1], r[1:, 0], r[1:, 1])
        return float(self.seg_start[k[0]] + t[0] * np.hypot(*(r[k[0] + 1] - r[k[0]])))

    def covering_run(self, s: float) -> int:
        """Index of the covered run containing ``s`` (-1 when ``s`` is in an opening)."""
        s = float(s) % self.perimeter
        inside = ((self.run_start <= s) & (s <= self.run_end)) | (
            (self.run_end > self.perimeter) & (s + self.perimeter <= self.run_end)
        )
        hits = np.flatnonzero(inside)
        return int(hits[0]) if hits.size else -1

    def opening_at(self, s: float) -> int:
        """Index of the opening containing ``s`` (-1 when covered)."""
        s = float(s) % self.perimeter
        rel = (s - self.free_start) % self.perimeter
        hits = np.flatnonzero(rel <= self.free_length)
        return int(hits[0]) if hits.size else -1

    def elements_near(self, s: float, half_width: float) -> list[int]:
        """Barrier elements whose cover comes within ``half_width`` of ``s``, nearest first."""
        p = self.perimeter
        lo, hi = float(s) - half_width, float(s) + half_width
        gap: np.ndarray = np.full(self.elem_id.size, np.inf)
        for shift in (-p, 0.0, p):
            a, b = self.elem_start + shift, self.elem_end + shift
            dist = np.maximum(0.0, np.maximum(a - s, s - b))
            gap = np.where((a <= hi) & (b >= lo), np.minimum(gap, dist), gap)
        order = np.argsort(gap, kind="stable")
        out: list[int] = []
        for i in order[np.isfinite(gap[order])]:
            if int(self.elem_id[i]) not in out:
                out.append(int(self.elem_id[i]))
        return out


def ring_openings(ring: np.ndarray, barriers: Barriers, tolerance: float) -> RingOpenings:
    """Project the barriers within ``tolerance`` metres of a ring onto it (bollards cover their
    diameter, lines are sampled every 2 cm) and list the covered runs and the openings."""
    r = np.asarray(ring, dtype=float)
    if not np.array_equal(r[0], r[-1]):
        r = np.vstack([r, r[:1]])
    keep = np.r_[True, np.hypot(*np.diff(r, axis=0).T) > 0]
    r = r[keep]
    seg_len = np.hypot(*np.diff(r, axis=0).T)
    seg_start = np.r_[0.0, np.cumsum(seg_len)[:-1]]
    perimeter = float(seg_len.sum())
    x1, y1, x2, y2 = r[:-1, 0], r[:-1, 1], r[1:, 0], r[1:, 1]
    starts, ends, ids = [], [], []
    if barriers.n_points:
        k, d, t = nearest_segment(barriers.point_xy[:, 0], barriers.point_xy[:, 1], x1, y1, x2, y2)
        near = d <= tolerance
        s = seg_start[k] + t * seg_len[k]
        half = barriers.point_diameter / 2.0
        starts.append((s - half)[near])
        ends.append((s + half)[near])
        ids.append(np.flatnonzero(near))
    if barriers.lines:
        lx1, ly1, lx2, ly2, part = segment_arrays(barriers.lines)
        length = np.hypot(lx2 - lx1, ly2 - ly1)
        n_s = np.ceil(length / _SAMPLE).astype(np.int64) + 1
        seg_of = np.repeat(np.arange(length.size), n_s)
        frac = (np.arange(n_s.sum()) - np.repeat(np.cumsum(n_s) - n_s, n_s)) / np.repeat(n_s - 1, n_s)
        px = lx1[seg_of] + frac * (lx2 - lx1)[seg_of]
        py = ly1[seg_of] + frac * (ly2 - ly1)[seg_of]
        k, d, t = nearest_segment(px, py, x1, y1, x2, y2)
        near = d <= tolerance
        s = seg_start[k] + t * seg_len[k]
        starts.append(s[near] - _SAMPLE / 2)
        ends.append(s[near] + _SAMPLE / 2)
        ids.append(barriers.n_points + part[seg_of[near]])
    a = np.concatenate(starts) if starts else np.zeros(0)
    b = np.concatenate(ends) if ends else np.zeros(0)
    e = np.concatenate(ids).astype(np.int64) if ids else np.zeros(0, dtype=np.int64)
    # Pieces inside [0, P): an interval across the ring's start is split in two.
    lo_wrap, hi_wrap = a < 0, b > perimeter
    pa = np.r_[np.maximum(a, 0.0), a[lo_wrap] + perimeter, np.zeros(int(hi_wrap.sum()))]
    pb = np.r_[np.minimum(b, perimeter), np.full(int(lo_wrap.sum()), perimeter), b[hi_wrap] - perimeter]
    order = np.argsort(pa, kind="stable")
    pa, pb = pa[order], pb[order]
    if pa.size:
        reach = np.maximum.accumulate(pb)
        new = np.r_[True, pa[1:] > reach[:-1] + 1e-6]  # touching samples of one line are one run
        run_start = pa[new]
        run_end = np.maximum.reduceat(pb, np.flatnonzero(new))
    else:
        run_start = run_end = np.zeros(0)
    if run_start.size > 1 and run_start[0] <= 0.0 and run_end[-1] >= perimeter:
        # The run across the ring's start: one run that ends past the perimeter.
        run_end = np.r_[run_end[1:-1], run_end[0] + perimeter]
        run_start = np.r_[run_start[1:-1], run_start[-1]]
    n_run = run_start.size
    if n_run == 0:
        free = (np.zeros(1), np.array([perimeter]), np.array([-1]), np.array([-1]))
    else:
        nxt = np.r_[run_start[1:], run_start[0] + perimeter]
        length = nxt - run_end
        ok = length > 0
        free = (run_end[ok] % perimeter, length[ok], np.arange(n_run)[ok], ((np.arange(n_run) + 1) % n_run)[ok])
    return RingOpenings(r, seg_start, perimeter, a, b, e, run_start, run_end, *free)


# --------------------------------------------------------------------------------------------
# Verdicts


@dataclass(frozen=True)
class BarrierJudgement:
    """Verdict of the barriers at an entry, with the deciding barrier's rating."""

    verdict: str
    reason: str
    barrier: str = ""
    rating: str = ""
    standard: str = ""
    rated_speed_kmh: float = math.nan
    rated_energy_kj: float = math.nan


_SEVERITY = {"inadequate": 2, "unrated": 1, "adequate": 0}


def judge_barriers(elements: Sequence[int], barriers: Barriers, mass_kg: float, speed_ms: float,
                   ruleset: RulesetLike) -> BarrierJudgement:
    """The weakest of the barriers at an entry decides: ``inadequate`` > ``unrated`` > ``adequate``."""
    worst: BarrierJudgement | None = None
    for e in elements:
        label = barriers.label[e]
        raw = barriers.rating[e]
        if raw is None or not str(raw).strip():
            j = BarrierJudgement("unrated", f"{label} has no crash rating", label)
        else:
            try:
                rating = parse_barrier_rating(str(raw))
            except ValueError:
                j = BarrierJudgement("unrated", f"{label}: rating '{raw}' cannot be read", label, str(raw))
            else:
                adequacy = barrier_adequate(rating, mass_kg, speed_ms, ruleset)
                j = BarrierJudgement(
                    "adequate" if adequacy.adequate else "inadequate",
                    f"{label} rated {rating.raw} ({rating.standard}): " + "; ".join(adequacy.reasons),
                    label, rating.raw, rating.standard, rating.speed_kmh, adequacy.rated_energy_kj,
                )
        if worst is None or _SEVERITY[j.verdict] > _SEVERITY[worst.verdict]:
            worst = j
    if worst is None:
        return BarrierJudgement("no barrier", "no barrier at this entry")
    return worst


# --------------------------------------------------------------------------------------------
# The assessment


@dataclass(frozen=True)
class Entry:
    """One entry point into a zone with its worst-case approach and verdict."""

    zone: int
    kind: str
    x: float
    y: float
    opening_m: float
    path: ApproachPath
    judgement: BarrierJudgement


@dataclass(frozen=True)
class AccessResult:
    """Entries (in zone, then boundary order) and counts for the log."""

    entries: list[Entry]
    n_unreachable_gaps: int
    n_edges: int
    n_lines_skipped: int


def _outward(zone: Sequence[np.ndarray], points: np.ndarray, normals: np.ndarray) -> np.ndarray:
    """The unit normals at boundary points (n, 2) turned to point out of the zone."""
    probe = points + _OFFSET * normals
    inside = points_in_polygon(probe[:, 0], probe[:, 1], zone)
    return np.where(inside[:, None], -normals, normals)


def _straight_run_up(start_pt: np.ndarray, entry: np.ndarray, settings: AccessSettings) -> ApproachPath:
    coords = np.vstack([start_pt, entry])
    if np.hypot(*(coords[1] - coords[0])) <= 0:
        coords = np.vstack([entry, entry + 1e-6])
    return path_speeds(coords, np.full(2, np.inf), settings.v0, settings.accel, settings.vmax,
                       settings.friction, settings.g)


def _open_space_run_up(entry: np.ndarray, out: np.ndarray, occluders: OccluderSet, settings: AccessSettings
                       ) -> ApproachPath:
    """Longest straight run-up ending at ``entry`` from the isovist of a point just outside it."""
    reach = max(1.0, (settings.vmax**2 - settings.v0**2) / (2 * settings.accel)) if settings.accel > 0 else 1.0
    observer = entry + _OFFSET * out
    poly = isovist(observer, occluders, reach, n_arc=72)
    if poly.shape[0] == 0:
        return _straight_run_up(entry, entry, settings)
    far = poly[int(np.argmax(np.hypot(*(poly - observer).T)))]
    return _straight_run_up(far, entry, settings)


def _leave_road(field_: ApproachField, seg_index: tuple, target: np.ndarray, settings: AccessSettings
                ) -> ApproachPath | None:
    """Fastest approach along the road to the point nearest ``target``, then straight to it."""
    edge, t_along, proj = seg_index
    net = field_.network
    m = net.n_edges
    best: ApproachPath | None = None
    for d in (edge, edge + m):
        if not field_.allowed[d]:
            continue
        t_d = t_along if d < m else net.edge_length[edge] - t_along
        base = approach_path(field_, d, t_end=t_d)
        back = points_along([base.full_coords[::-1]], np.zeros(1, dtype=np.int64), np.array([settings.lookahead]))
        radius = _radii(back, proj[None, :], target[None, :])[0]
        coords = np.vstack([base.full_coords, target])
        radii = np.r_[base.full_radii[:-1], radius, np.inf]
        if np.hypot(*(coords[-1] - coords[-2])) <= 1e-9:
            coords, radii = coords[:-1], np.r_[base.full_radii[:-1], np.inf]
        path = path_speeds(coords, radii, float(base.full_speeds[0]), settings.accel, settings.vmax,
                           settings.friction, settings.g)
        if best is None or path.impact_speed > best.impact_speed:
            best = path
    return best


@dataclass(frozen=True)
class _RoadSegments:
    """Segments of the allowed edges with their edge and position along it."""

    x1: np.ndarray
    y1: np.ndarray
    x2: np.ndarray
    y2: np.ndarray
    edge: np.ndarray
    pos: np.ndarray

    @classmethod
    def of(cls, net, allowed: np.ndarray) -> _RoadSegments:
        edges = np.flatnonzero(allowed)
        x1, y1, x2, y2, part = segment_arrays([net.edge_coords[e] for e in edges])
        seg_len = np.hypot(x2 - x1, y2 - y1)
        cum = np.cumsum(seg_len) - seg_len
        pos = np.zeros(part.size)
        if part.size:
            first = np.r_[0, np.flatnonzero(np.diff(part)) + 1]
            pos = cum - np.repeat(cum[first], np.diff(np.r_[first, part.size]))
        return cls(x1, y1, x2, y2, edges[part] if part.size else part, pos)


_MAX_DEPARTURES = 200  # road positions tried per gap


def _from_road(field_: ApproachField, roads: _RoadSegments, target: np.ndarray, settings: AccessSettings
               ) -> ApproachPath | None:
    """Fastest approach to ``target`` leaving a road outside the zone within ``reach`` metres:
    road positions are tried every metre or so (at most 200) and the fastest one is kept."""
    if roads.x1.size == 0:
        return None
    d, _ = point_segment_distance(target[0], target[1], roads.x1, roads.y1, roads.x2, roads.y2)
    near = np.flatnonzero(d <= settings.reach)
    if near.size == 0:
        return None
    seg_len = np.hypot(roads.x2 - roads.x1, roads.y2 - roads.y1)[near]
    n_s = np.ceil(seg_len / max(1.0, settings.reach / 20.0)).astype(np.int64) + 1
    seg = np.repeat(near, n_s)
    frac = (np.arange(n_s.sum()) - np.repeat(np.cumsum(n_s) - n_s, n_s)) / np.repeat(n_s - 1, n_s)
    px = roads.x1[seg] + frac * (roads.x2 - roads.x1)[seg]
    py = roads.y1[seg] + frac * (roads.y2 - roads.y1)[seg]
    ok = np.hypot(px - target[0], py - target[1]) <= settings.reach
    seg, frac, px, py = seg[ok], frac[ok], px[ok], py[ok]
    if seg.size > _MAX_DEPARTURES:
        keep = np.linspace(0, seg.size - 1, _MAX_DEPARTURES).round().astype(np.int64)
        seg, frac, px, py = seg[keep], frac[keep], px[keep], py[keep]
    best: ApproachPath | None = None
    for k, t, x, y in zip(seg, frac, px, py):
        along = float(roads.pos[k] + t * np.hypot(roads.x2[k] - roads.x1[k], roads.y2[k] - roads.y1[k]))
        path = _leave_road(field_, (int(roads.edge[k]), along, np.array([x, y])), target, settings)
        if path is not None and (best is None or path.impact_speed > best.impact_speed):
            best = path
    return best


def _open_space_entries(op: RingOpenings, zone_idx: int, zone, in_space, occluders: OccluderSet,
                        barriers: Barriers, settings: AccessSettings) -> list[Entry]:
    """Entries where the ring runs through drivable open space, one per covered run or opening met:
    the boundary is sampled every ``open_space_spacing`` metres and the sample with the longest
    straight run-up decides. Gaps are left to the gap entries."""
    mass, width = settings.vehicle.mass_kg, settings.vehicle.min_opening_m
    n = max(1, math.ceil(op.perimeter / settings.open_space_spacing))
    step = op.perimeter / n
    positions = (np.arange(n) + 0.5) * step
    points, normals = op.points_at(positions)
    outs = _outward(zone, points, normals)
    usable = in_space(points + _OFFSET * outs)
    best: dict[tuple[str, int], tuple[ApproachPath, np.ndarray, float, int]] = {}
    for s, pt, out in zip(positions[usable], points[usable], outs[usable]):
        run = op.covering_run(s)
        key = ("run", run) if run >= 0 else ("free", op.opening_at(s))
        if key[0] == "free":
            length = float(op.free_length[key[1]])
            if settings.passable(length) and op.free_before[key[1]] >= 0 and length <= settings.max_link:
                continue  # a gap: judged as a gap entry
        path = _open_space_run_up(pt, out, occluders, settings)
        count = best[key][3] + 1 if key in best else 1
        if key not in best or path.impact_speed > best[key][0].impact_speed:
            best[key] = (path, pt, float(s), count)
        else:
            best[key] = (*best[key][:3], count)
    entries = []
    for (kind, idx), (path, pt, s, count) in best.items():
        speed = path.impact_speed
        if kind == "run":
            judgement = judge_barriers(op.elements_near(s, width / 2.0), barriers, mass, speed, settings.ruleset)
            opening = 0.0
        else:
            opening = float(op.free_length[idx])
            if not settings.passable(opening):
                left = op.elements_near(op.free_start[idx], 0.0)
                right = op.elements_near(op.free_start[idx] + opening, 0.0)
                judgement = judge_barriers(left[:1] + right[:1], barriers, mass, speed, settings.ruleset)
            else:
                opening = min(opening, count * step)
                judgement = BarrierJudgement(
                    "no barrier", f"about {opening:.0f} m of the zone boundary in drivable open space has no barrier")
        entries.append(Entry(zone_idx, "open_space", float(pt[0]), float(pt[1]), opening, path, judgement))
    return entries


def assess_vehicle_access(  # noqa: C901 (one pass over road, gap and open-space entries sharing the counts)
    zones: Sequence[Sequence[np.ndarray]],
    network_lines: Sequence[np.ndarray],
    barriers: Barriers,
    settings: AccessSettings,
    open_space: Sequence[Sequence[np.ndarray]] = (),
    buildings: Sequence[np.ndarray] = (),
    cancel: Callable[[], bool] | None = None,
) -> AccessResult:
    """Find every entry into the zones a vehicle of the class can use, its worst-case approach,
    impact speed and the barrier verdict (module notes).

    ``zones`` and ``open_space`` are polygons as lists of rings (even-odd), ``buildings`` rings,
    ``network_lines`` polylines; all in metres.
    """
    if not zones:
        raise InputError("The zone layer has no polygon.")
    if not (settings.accel > 0):
        raise InputError("The acceleration must be > 0 m/s².")

    def check() -> None:
        if cancel is not None and cancel():
            raise Cancelled()

    cutters = [np.vstack([ring, ring[:1]]) for zone in zones for ring in (np.asarray(r, dtype=float) for r in zone)]
    built = build_network(network_lines, settings.snap, cutters=cutters)
    net = built.network
    m = net.n_edges
    mids = points_along(net.edge_coords, np.arange(m), net.edge_length / 2.0)
    zone_of_edge = assign_points_to_polygons(mids[:, 0], mids[:, 1], list(zones))
    rings = [(z, np.asarray(r, dtype=float)) for z, zone in enumerate(zones) for r in zone]
    bx1, by1, bx2, by2, ring_of_seg = segment_arrays([r for _, r in rings], closed=True)
    _, dmid, _ = nearest_segment(mids[:, 0], mids[:, 1], bx1, by1, bx2, by2)
    zone_of_edge[dmid <= max(settings.snap / 2, 1e-6)] = -1  # a road along the boundary is outside
    allowed = zone_of_edge < 0
    check()
    field_ = approach_speeds(net, allowed, settings.accel, settings.v0, settings.vmax, settings.friction,
                             settings.lookahead, settings.g, feedback_cancel=cancel)
    check()
    openings = [ring_openings(r, barriers, settings.tolerance) for _, r in rings]
    mass, width = settings.vehicle.mass_kg, settings.vehicle.min_opening_m
    vehicle_label = settings.vehicle.label

    # 1. Road entries.
    kseg, dnode, _tnode = nearest_segment(net.node_xy[:, 0], net.node_xy[:, 1], bx1, by1, bx2, by2)
    deg_out = net.degree(allowed)
    deg_in = net.degree(~allowed)
    _tails, heads = net.tails_heads()
    entries: list[Entry] = []
    road_s: dict[int, list[float]] = {}
    on_boundary = dnode <= max(settings.snap, 1e-6)
    for node in np.flatnonzero(on_boundary & (deg_out >= 1) & ((deg_in >= 1) | (deg_out == 1))):
        cands = np.flatnonzero((heads == node) & field_.allowed)
        if cands.size == 0:
            continue
        d = int(cands[np.argmax(field_.end2[cands])])
        path = approach_path(field_, d)
        ring_idx = int(ring_of_seg[kseg[node]])
        op = openings[ring_idx]
        s = op.position_of(net.node_xy[node])
        road_s.setdefault(ring_idx, []).append(s)
        speed = path.impact_speed
        run = op.covering_run(s)
        free = op.opening_at(s) if run < 0 else -1
        if run >= 0:
            judgement = judge_barriers(op.elements_near(s, width / 2.0), barriers, mass, speed, settings.ruleset)
            opening = 0.0
        else:
            opening = float(op.free_length[free])
            bounded = op.free_before[free] >= 0
            if not settings.passable(opening):
                left = op.elements_near(op.free_start[free], 0.0)
                right = op.elements_near(op.free_start[free] + opening, 0.0)
                judgement = judge_barriers(left[:1] + right[:1], barriers, mass, speed, settings.ruleset)
            elif bounded and opening <= settings.max_link:
                judgement = BarrierJudgement(
                    "inadequate", f"a gap of {opening:.2f} m between barriers lets a {vehicle_label} through "
                    f"(it needs {width:.2f} m)")
            else:
                judgement = BarrierJudgement(
                    "no barrier", f"no barrier within {settings.tolerance:g} m of the zone boundary where the road "
                    "enters")
        x, y = net.node_xy[node]
        entries.append(Entry(int(rings[ring_idx][0]), "road", float(x), float(y), opening, path, judgement))
    check()

    # 2. Gaps and 3. open space.
    occluders = None
    space_rings = [r for poly in open_space for r in poly]
    if space_rings:
        # Only buildings within a run-up's reach of the open space can block one.
        reach = (settings.vmax**2 - settings.v0**2) / (2 * settings.accel)
        allv = np.concatenate(space_rings)
        lo, hi = allv.min(axis=0) - reach, allv.max(axis=0) + reach
        near = [b for b in buildings
                if (np.asarray(b).max(axis=0) >= lo).all() and (np.asarray(b).min(axis=0) <= hi).all()]
        occluders = OccluderSet.from_rings(space_rings + [r for _, r in rings] + near, solid=False)
    road_segments = _RoadSegments.of(net, allowed)

    def in_space(pts: np.ndarray) -> np.ndarray:
        """Which points lie in drivable open space and not in a building."""
        pts = np.atleast_2d(pts)
        if not open_space:
            return np.zeros(pts.shape[0], dtype=bool)
        inside = assign_points_to_polygons(pts[:, 0], pts[:, 1], list(open_space)) >= 0
        if buildings and inside.any():
            idx = np.flatnonzero(inside)
            inside[idx] = assign_points_to_polygons(pts[idx, 0], pts[idx, 1], [[b] for b in buildings]) < 0
        return inside

    n_unreachable = 0
    for ring_idx, op in enumerate(openings):
        zone_idx = int(rings[ring_idx][0])
        zone = zones[zone_idx]
        roads = road_s.get(ring_idx, [])
        for f in range(op.free_start.size):
            check()
            length = float(op.free_length[f])
            if not settings.passable(length):
                continue
            start = float(op.free_start[f])
            has_road = any(((s - start) % op.perimeter) <= length for s in roads)
            bounded = op.free_before[f] >= 0
            if bounded and length <= settings.max_link:
                if has_road:
                    continue  # judged with the road entry
                pt, normal = op.point_at(start + length / 2.0)
                out = _outward(zone, pt[None, :], normal[None, :])[0]
                if occluders is not None and in_space(pt + _OFFSET * out)[0]:
                    path = _open_space_run_up(pt, out, occluders, settings)
                else:
                    from_road = _from_road(field_, road_segments, pt, settings)
                    if from_road is None:
                        n_unreachable += 1
                        continue
                    path = from_road
                judgement = BarrierJudgement(
                    "inadequate", f"a gap of {length:.2f} m between barriers lets a {vehicle_label} through "
                    f"(it needs {width:.2f} m)")
                entries.append(Entry(zone_idx, "gap", float(pt[0]), float(pt[1]), length, path, judgement))
        if occluders is not None:
            entries += _open_space_entries(op, zone_idx, zone, in_space, occluders, barriers, settings)
    return AccessResult(entries, n_unreachable, m, built.n_lines_skipped)

