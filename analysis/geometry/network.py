"""Networks of roads and footpaths from polylines: noding, graph distances, dead ends, and the
fastest approach of a vehicle to a place (hostile vehicle mitigation).

A network is built from the layer's polylines as they are drawn: lines are split where they
cross or where a line end lies within ``snap`` metres of another line (a T junction drawn a
little short), and line ends closer than ``snap`` are joined. Optional *cutters* (e.g. the
boundary of a protected zone) split the lines where they cross without adding edges, so every
edge lies wholly on one side. Edges keep their full geometry (all vertices), so bends inside an
edge are seen by the speed model.

Fastest approach (:func:`approach_speeds`): the vehicle may start anywhere on the allowed part of
the network at ``v0`` and accelerates at ``a`` along straights, ``v = sqrt(v0^2 + 2 a s)``; at
every bend its speed is capped by the friction circle ``sqrt(f g r)`` (``analysis.design.vehicle``), and
it never exceeds ``vmax``. The turn radius at a vertex or junction is the radius of the circle
through the point itself and the points ``lookahead`` metres back and ahead along the path (a
right-angle corner with long legs gives ``r = lookahead / sqrt(2)``); U-turns are not allowed.
Because every step is a monotone min/plus function of the speed before it, the highest speed
at the end of each directed edge is the greatest fixed point of the Bellman-type recursion
``s(d) = max(v0^2, max over turns t into d of min(e(d_in), c_t^2))``,
``e(d) = min(vmax^2, s(d) + 2 a L_d, B_d)``, computed by vectorised iteration (it converges
because ``vmax`` bounds it and every iteration raises at least one value). The worst-case
approach path is read back from the predecessors, and its speeds are recomputed with
:func:`analysis.design.vehicle.speed_along_path` on the same radii (the two agree).
"""
from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components, dijkstra
from scipy.spatial import cKDTree

from ..design.vehicle import G, curve_speed_cap, speed_along_path, turn_radii
from ..errors import Cancelled, InputError
from .polygons import nearest_segment, point_segment_distance, segment_arrays, segment_intersection
from .proximity import Shapes, nearest_places

_PAIR_BLOCK = 2_000_000  # candidate segment pairs examined per block (memory bound)
_DEDUP_TOL = 1e-7  # metres: consecutive vertices closer than this are one vertex


@dataclass(frozen=True, eq=False)
class Network:
    """A planar network: nodes (metres) and edges with their polylines (``u`` end first).

    ``edge_line`` is the index of the input line an edge came from. Directed edges are numbered
    ``d = e`` (``u -> v``) and ``d = e + n_edges`` (``v -> u``).
    """

    node_xy: np.ndarray
    edge_u: np.ndarray
    edge_v: np.ndarray
    edge_length: np.ndarray
    edge_line: np.ndarray
    edge_coords: tuple[np.ndarray, ...]

    @property
    def n_nodes(self) -> int:
        return int(self.node_xy.shape[0])

    @property
    def n_edges(self) -> int:
        return int(self.edge_u.size)

    def degree(self, edge_mask: np.ndarray | None = None) -> np.ndarray:
        """Edges meeting at each node (a loop counts twice), optionally only the masked edges."""
        keep = np.ones(self.n_edges, dtype=bool) if edge_mask is None else np.asarray(edge_mask, dtype=bool)
        ends = np.concatenate([self.edge_u[keep], self.edge_v[keep]])
        return np.bincount(ends, minlength=self.n_nodes)

    def adjacency(self, edge_mask: np.ndarray | None = None) -> csr_matrix:
        """Symmetric sparse matrix of edge lengths (the shortest of parallel edges)."""
        keep = np.ones(self.n_edges, dtype=bool) if edge_mask is None else np.asarray(edge_mask, dtype=bool)
        u, v, w = self.edge_u[keep], self.edge_v[keep], self.edge_length[keep]
        frame = pd.DataFrame({"a": np.r_[u, v], "b": np.r_[v, u], "w": np.r_[w, w]})
        frame = frame[frame.a != frame.b].groupby(["a", "b"], sort=False, as_index=False)["w"].min()
        # Zero-length edges would vanish from a sparse matrix; keep them as a tiny positive length.
        w = np.maximum(frame["w"].to_numpy(), 1e-9)
        return coo_matrix((w, (frame["a"].to_numpy(), frame["b"].to_numpy())),
                          shape=(self.n_nodes, self.n_nodes)).tocsr()

    def directed_coords(self, d: int) -> np.ndarray:
        """Polyline of directed edge ``d`` in driving order."""
        m = self.n_edges
        return self.edge_coords[d] if d < m else self.edge_coords[d - m][::-1]

    def tails_heads(self) -> tuple[np.ndarray, np.ndarray]:
        """Start and end node of every directed edge."""
        return np.r_[self.edge_u, self.edge_v], np.r_[self.edge_v, self.edge_u]


def _clean(line: np.ndarray) -> np.ndarray | None:
    v = np.asarray(line, dtype=float)
    if v.ndim != 2 or v.shape[0] < 2 or v.shape[1] < 2:
        return None
    v = v[:, :2]
    if not np.isfinite(v).all():
        return None
    step = np.hypot(*np.diff(v, axis=0).T)
    v = v[np.r_[True, step > _DEDUP_TOL]]
    return v if v.shape[0] >= 2 else None


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenated ``arange(starts[i], starts[i] + counts[i])``."""
    total = int(counts.sum())
    if total == 0:
        return np.empty(0, dtype=np.int64)
    offsets = np.cumsum(counts) - counts
    return np.arange(total, dtype=np.int64) - np.repeat(offsets, counts) + np.repeat(starts, counts)


def _blocked_pairs(owner: np.ndarray, first: np.ndarray, counts: np.ndarray, order: np.ndarray
                   ) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Pairs (owner[i], order[first[i] .. first[i] + counts[i]]) in blocks of bounded size."""
    cum = np.cumsum(counts)
    start = 0
    while start < counts.size:
        stop = int(np.searchsorted(cum, (cum[start - 1] if start else 0) + _PAIR_BLOCK, side="right"))
        stop = max(stop, start + 1)
        c = counts[start:stop]
        if c.sum():
            yield np.repeat(owner[start:stop], c), order[_ranges(first[start:stop], c)]
        start = stop


def bbox_pairs(box_a: np.ndarray, box_b: np.ndarray | None = None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Index pairs of overlapping bounding boxes ``(xmin, ymin, xmax, ymax)`` rows, in blocks.

    With one set, each unordered pair ``i != j`` once; with two sets, every ``(i in a, j in b)``.
    Sweep on ``xmin`` (binary searches), then a ``y`` test.
    """
    a = np.asarray(box_a, dtype=float).reshape(-1, 4)
    b = a if box_b is None else np.asarray(box_b, dtype=float).reshape(-1, 4)
    order_b = np.argsort(b[:, 0], kind="stable")
    bx = b[order_b, 0]
    sweeps: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, bool]]
    if box_b is None:
        pos = np.arange(a.shape[0])
        hi = np.searchsorted(bx, a[order_b, 2], side="right")
        sweeps = [(order_b, pos + 1, np.maximum(hi - pos - 1, 0), order_b, False)]
    else:
        order_a = np.argsort(a[:, 0], kind="stable")
        ax = a[order_a, 0]
        lo1 = np.searchsorted(bx, a[:, 0], side="left")
        hi1 = np.searchsorted(bx, a[:, 2], side="right")
        lo2 = np.searchsorted(ax, b[:, 0], side="right")
        hi2 = np.searchsorted(ax, b[:, 2], side="right")
        sweeps = [
            (np.arange(a.shape[0]), lo1, np.maximum(hi1 - lo1, 0), order_b, False),
            (np.arange(b.shape[0]), lo2, np.maximum(hi2 - lo2, 0), order_a, True),
        ]
    for owner, first, counts, order, swap in sweeps:
        for i, j in _blocked_pairs(owner, first, counts, order):
            if swap:
                i, j = j, i
            keep = (a[i, 1] <= b[j, 3]) & (b[j, 1] <= a[i, 3])
            yield i[keep], j[keep]


def _segment_boxes(x1, y1, x2, y2, pad: float) -> np.ndarray:
    return np.column_stack([np.minimum(x1, x2) - pad, np.minimum(y1, y2) - pad,
                            np.maximum(x1, x2) + pad, np.maximum(y1, y2) + pad])


@dataclass(frozen=True)
class BuiltNetwork:
    """:func:`build_network` result: the network and, per input point, its node (-1 if too far)."""

    network: Network
    point_node: np.ndarray
    n_lines_skipped: int


# Digitising gaps are centimetres to a metre; joining ends farther apart merges streets that do not meet
# (a tolerance of kilometres snapped a whole town to a point and left the output empty).
MAX_SNAP_M = 10.0


def build_network(
    lines: Sequence[np.ndarray],
    snap: float = 0.5,
    cutters: Sequence[np.ndarray] = (),
    points: np.ndarray | None = None,
    point_tolerance: float | None = None,
) -> BuiltNetwork:
    """Node polylines into a network (see the module notes).

    ``lines`` are ``(k, 2)`` arrays in metres; ``snap`` (m) joins line ends and T junctions drawn
    short; ``cutters`` are polylines or closed rings that split the lines where they cross;
    ``points`` (n, 2) become nodes where they lie within ``point_tolerance`` (default ``snap``)
    of a line (e.g. exits), reported in ``point_node``. Lines with fewer than two distinct
    vertices or non-finite coordinates are skipped and counted.
    """
    if not (math.isfinite(snap) and snap >= 0):
        raise InputError("The snapping tolerance must be >= 0 metres; got {}.", snap)
    cleaned = [_clean(line) for line in lines]
    skipped = sum(c is None for c in cleaned)
    kept = [c for c in cleaned if c is not None]
    line_ids = np.array([i for i, c in enumerate(cleaned) if c is not None], dtype=np.int64)
    if not kept:
        raise InputError("The network layer has no line with two distinct vertices.")
    counts = np.array([c.shape[0] for c in kept], dtype=np.int64)
    vstart = np.cumsum(counts) - counts
    allv = np.concatenate(kept)
    vline = np.repeat(np.arange(len(kept)), counts)
    vpos = np.arange(allv.shape[0]) - np.repeat(vstart, counts)
    # Segment g joins vertex g and g + 1 of the same line.
    seg = np.flatnonzero(np.r_[vline[1:] == vline[:-1], False])
    x1, y1 = allv[seg, 0], allv[seg, 1]
    x2, y2 = allv[seg + 1, 0], allv[seg + 1, 1]
    s_line, s_pos = vline[seg], vpos[seg]
    first_seg = s_pos == 0
    last_seg = vpos[seg + 1] == counts[s_line] - 1

    split_seg: list[np.ndarray] = []
    split_t: list[np.ndarray] = []
    boxes = _segment_boxes(x1, y1, x2, y2, snap / 2.0)
    for i, j in bbox_pairs(boxes):
        adjacent = (s_line[i] == s_line[j]) & (np.abs(seg[i] - seg[j]) == 1)
        i, j = i[~adjacent], j[~adjacent]
        t, s, hit = segment_intersection(x1[i], y1[i], x2[i], y2[i], x1[j], y1[j], x2[j], y2[j])
        split_seg += [i[hit], j[hit]]
        split_t += [t[hit], s[hit]]
        # A line end within snap of another segment (a T junction drawn short) splits that segment.
        for a, b in ((i, j), (j, i)):
            for is_end, px, py in ((first_seg[a], x1[a], y1[a]), (last_seg[a], x2[a], y2[a])):
                d, tt = point_segment_distance(px, py, x1[b], y1[b], x2[b], y2[b])
                near = is_end & (d <= snap) & ~hit
                split_seg.append(b[near])
                split_t.append(tt[near])
    if cutters:
        cx1, cy1, cx2, cy2, _ = segment_arrays(cutters, closed=False)
        for i, j in bbox_pairs(_segment_boxes(x1, y1, x2, y2, 0.0), _segment_boxes(cx1, cy1, cx2, cy2, 0.0)):
            t, _, hit = segment_intersection(x1[i], y1[i], x2[i], y2[i], cx1[j], cy1[j], cx2[j], cy2[j])
            split_seg.append(i[hit])
            split_t.append(t[hit])
    pts = np.zeros((0, 2)) if points is None else np.asarray(points, dtype=float).reshape(-1, 2)
    tol = snap if point_tolerance is None else float(point_tolerance)
    if pts.shape[0]:
        k, d, tt = nearest_segment(pts[:, 0], pts[:, 1], x1, y1, x2, y2)
        near = d <= tol
        split_seg.append(k[near])
        split_t.append(tt[near])

    sg = np.concatenate(split_seg) if split_seg else np.empty(0, dtype=np.int64)
    st = np.concatenate(split_t) if split_t else np.empty(0)
    sx = x1[sg] + st * (x2[sg] - x1[sg])
    sy = y1[sg] + st * (y2[sg] - y1[sg])
    # All vertices and split points of each line, in order along the line.
    line_of = np.r_[vline, s_line[sg]]
    key = np.r_[vpos.astype(float), s_pos[sg] + st]
    xy = np.r_[allv, np.column_stack([sx, sy])]
    brk = np.r_[(vpos == 0) | (vpos == counts[vline] - 1), np.ones(sg.size, dtype=bool)]
    order = np.lexsort((key, line_of))
    line_of, xy, brk = line_of[order], xy[order], brk[order]
    step = np.r_[np.inf, np.hypot(*np.diff(xy, axis=0).T)]
    new = (step > _DEDUP_TOL) | np.r_[True, line_of[1:] != line_of[:-1]]
    group = np.cumsum(new) - 1
    brk = np.bincount(group, weights=brk.astype(float)) > 0
    xy, line_of = xy[new], line_of[new]
    b = np.flatnonzero(brk)
    same = line_of[b[:-1]] == line_of[b[1:]]
    e_start, e_end = b[:-1][same], b[1:][same]
    coords = [xy[s : t + 1].copy() for s, t in zip(e_start, e_end)]

    ends = np.concatenate([xy[e_start], xy[e_end]])
    n_e = e_start.size
    pairs = cKDTree(ends).query_pairs(snap, output_type="ndarray") if snap > 0 else np.zeros((0, 2), int)
    graph = coo_matrix((np.ones(len(pairs)), (pairs[:, 0], pairs[:, 1])), shape=(2 * n_e, 2 * n_e))
    n_nodes, label = connected_components(graph, directed=False)
    # The median keeps a node on the through line when a short line end is snapped onto it.
    node_xy = pd.DataFrame(ends).groupby(label).median().to_numpy()
    u, v = label[:n_e], label[n_e:]
    for c, start_node, end_node in zip(coords, u, v):
        c[0], c[-1] = node_xy[start_node], node_xy[end_node]
    length = np.array([float(np.hypot(*np.diff(c, axis=0).T).sum()) for c in coords])
    keep = ~((u == v) & (length <= 2 * snap)) & (length > 0)
    # Renumber nodes so that only nodes of kept edges remain.
    used = np.zeros(n_nodes, dtype=bool)
    used[u[keep]] = used[v[keep]] = True
    new_id = np.cumsum(used) - 1
    net = Network(
        node_xy=node_xy[used],
        edge_u=new_id[u[keep]],
        edge_v=new_id[v[keep]],
        edge_length=length[keep],
        edge_line=line_ids[line_of[e_start[keep]]],
        edge_coords=tuple(c for c, k in zip(coords, keep) if k),
    )
    point_node = np.full(pts.shape[0], -1, dtype=np.int64)
    if pts.shape[0] and net.n_nodes:
        k, d, tt = nearest_segment(pts[:, 0], pts[:, 1], x1, y1, x2, y2)
        proj = np.column_stack([x1[k] + tt * (x2[k] - x1[k]), y1[k] + tt * (y2[k] - y1[k])])
        dist, node = cKDTree(net.node_xy).query(proj)
        ok = (d <= tol) & (dist <= snap + 1e-6)
        point_node[ok] = node[ok]
    return BuiltNetwork(net, point_node, skipped)


# --------------------------------------------------------------------------------------------
# Positions along polylines


def _cumulative(coords: Sequence[np.ndarray]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """All vertices, their distance along their polyline, polyline offsets and a global key."""
    counts = np.array([c.shape[0] for c in coords], dtype=np.int64)
    allv = np.concatenate(coords) if coords else np.zeros((0, 2))
    start = np.cumsum(counts) - counts
    step = np.r_[0.0, np.hypot(*np.diff(allv, axis=0).T)] if allv.size else np.zeros(0)
    step[start] = 0.0
    cum = np.cumsum(step)
    s = cum - np.repeat(cum[start], counts)
    lengths = s[start + counts - 1] if counts.size else np.zeros(0)
    offset = np.cumsum(lengths + 1.0) - (lengths + 1.0)
    key = s + np.repeat(offset, counts)
    return allv, s, start, key


def points_along(coords: Sequence[np.ndarray], which: np.ndarray, dist: np.ndarray) -> np.ndarray:
    """Points at distance ``dist`` (clipped to the polyline) along polylines ``coords[which]``."""
    allv, s, start, key = _cumulative(coords)
    counts = np.array([c.shape[0] for c in coords], dtype=np.int64)
    which = np.asarray(which, dtype=np.int64)
    lengths = s[start + counts - 1]
    d = np.clip(np.asarray(dist, dtype=float), 0.0, lengths[which])
    q = d + (key[start[which]] - s[start[which]])
    i = np.searchsorted(key, q, side="right") - 1
    i = np.clip(i, start[which], start[which] + counts[which] - 2)
    span = key[i + 1] - key[i]
    t = np.where(span > 0, (q - key[i]) / np.where(span > 0, span, 1.0), 0.0)
    return allv[i] + t[:, None] * (allv[i + 1] - allv[i])


def _radii(back: np.ndarray, mid: np.ndarray, ahead: np.ndarray) -> np.ndarray:
    """Circumradius of each triple, through :func:`analysis.design.vehicle.turn_radii`."""
    if mid.shape[0] == 0:
        return np.zeros(0)
    tri = np.empty((3 * mid.shape[0], 2))
    tri[0::3], tri[1::3], tri[2::3] = back, mid, ahead
    return turn_radii(tri)[1::3]


# --------------------------------------------------------------------------------------------
# Graph distances, dead ends, distance to exits


def node_distances(net: Network, sources: np.ndarray, edge_mask: np.ndarray | None = None) -> np.ndarray:
    """Shortest network distance (m) from each node to the nearest source node (inf if none)."""
    src = np.unique(np.asarray(sources, dtype=np.int64))
    if src.size == 0:
        return np.full(net.n_nodes, np.inf)
    return dijkstra(net.adjacency(edge_mask), directed=False, indices=src, min_only=True)


@dataclass(frozen=True)
class ExitNodes:
    """The nodes that are ways out: ``nodes``; ``n_far`` exit points farther than the tolerance from
    the paths (left out); ``junctions`` when no exit was given and the junctions stand in for them."""

    nodes: np.ndarray
    n_far: int
    junctions: bool


def exit_nodes(built: BuiltNetwork, exit_shapes: Shapes | None, tolerance: float) -> ExitNodes:
    """The exits of a footpath network: the nodes the exit points of :func:`build_network` were
    joined to, and the nodes within ``tolerance`` m of exit lines or polygons (``exit_shapes``). With
    neither, the junctions of three or more paths count as ways out (a walker can turn off there)."""
    net = built.network
    if not built.point_node.size and exit_shapes is None:
        return ExitNodes(np.flatnonzero(net.degree() >= 3), 0, True)
    nodes = built.point_node[built.point_node >= 0]
    if exit_shapes is not None:
        node_shapes = Shapes.build(points=net.node_xy, point_owner=np.arange(net.n_nodes))
        near_exit = nearest_places(node_shapes, net.n_nodes, exit_shapes).distance <= tolerance
        nodes = np.union1d(nodes, np.flatnonzero(near_exit))
    return ExitNodes(np.unique(nodes).astype(np.int64), int((built.point_node < 0).sum()), False)


@dataclass(frozen=True)
class DeadEnds:
    """Dead ends of a footpath network.

    ``node`` the dead-end nodes (degree 1, not an exit); ``branch_m`` the length of the branch
    leading to each (network distance to where it joins the rest of the network, or to the
    nearest exit when the whole component is a branch; inf when it has none); ``edge_in_branch``
    marks the edges of all dead-end branches.
    """

    node: np.ndarray
    branch_m: np.ndarray
    edge_in_branch: np.ndarray


def dead_ends(net: Network, exit_nodes: np.ndarray | None = None) -> DeadEnds:
    """Dead ends and dead-end branches by peeling: a node of degree 1 that is not an exit is a
    dead end; removing its edge may leave another such node, and so on. What remains are loops
    and the routes between exits and junctions; everything peeled is a cul-de-sac."""
    exits = np.zeros(net.n_nodes, dtype=bool)
    if exit_nodes is not None:
        exits[np.asarray(exit_nodes, dtype=np.int64)] = True
    deg = net.degree()
    alive = np.ones(net.n_edges, dtype=bool)
    leaf_nodes = np.flatnonzero((deg == 1) & ~exits)
    while True:
        d = net.degree(alive)
        leaf = (d == 1) & ~exits
        hit = alive & (leaf[net.edge_u] | leaf[net.edge_v])
        if not hit.any():
            break
        alive &= ~hit
    in_branch = ~alive
    rest = np.flatnonzero(net.degree(alive) > 0)
    targets = np.union1d(rest, np.flatnonzero(exits))
    dist = node_distances(net, targets)
    return DeadEnds(leaf_nodes, dist[leaf_nodes], in_branch)


@dataclass(frozen=True)
class ExitPieces:
    """Edge pieces with their largest distance to an exit: ``edge``, ``start_m``, ``end_m``
    (along the edge from its ``u`` end), ``max_dist_m`` and ``too_far`` (beyond the limit)."""

    edge: np.ndarray
    start_m: np.ndarray
    end_m: np.ndarray
    max_dist_m: np.ndarray
    too_far: np.ndarray


def exit_distance_pieces(net: Network, node_dist: np.ndarray, max_dist: float) -> ExitPieces:
    """Split every edge where the network distance to the nearest exit passes ``max_dist``.

    Along an edge of length ``L`` the distance at ``t`` is ``min(d_u + t, d_v + L - t)``; it is
    above ``max_dist`` exactly on ``(max_dist - d_u, L - (max_dist - d_v))``. Exact, no sampling.
    """
    du, dv, length = node_dist[net.edge_u], node_dist[net.edge_v], net.edge_length
    # Shortest-path distances satisfy |d_u - d_v| <= L, so the peak lies inside the edge.
    peak = (du + dv + length) / 2.0
    finite = np.isfinite(peak)
    lo = np.where(finite, np.clip(max_dist - du, 0.0, length), 0.0)
    hi = np.where(finite, np.clip(length + dv - max_dist, 0.0, length), length)
    far = hi > lo
    rows = []
    for e in range(net.n_edges):
        if not far[e]:
            rows.append((e, 0.0, length[e], peak[e], False))
            continue
        if lo[e] > 0:
            rows.append((e, 0.0, lo[e], max_dist, False))
        rows.append((e, lo[e], hi[e], peak[e], True))
        if hi[e] < length[e]:
            rows.append((e, hi[e], length[e], max_dist, False))
    arr = np.array(rows, dtype=float).reshape(-1, 5)
    return ExitPieces(arr[:, 0].astype(np.int64), arr[:, 1], arr[:, 2], arr[:, 3], arr[:, 4].astype(bool))


# --------------------------------------------------------------------------------------------
# Fastest approach of a vehicle


@dataclass(frozen=True, eq=False)
class ApproachField:
    """Highest speeds over the allowed directed edges (see :func:`approach_speeds`).

    Speeds squared in (m/s)^2: ``start2``/``end2`` at the start/end of each directed edge (NaN
    where not allowed); ``pred`` the turn that gives ``start2`` (-1: the vehicle starts there at
    ``v0``); turns ``t_in -> t_out`` with their radius ``t_radius`` and cap ``t_cap2``; interior
    vertex radii per edge in ``vertex_radius`` (CSR by ``vertex_start``, forward order).
    """

    network: Network
    accel: float
    v0: float
    vmax: float
    friction: float
    g: float
    lookahead: float
    allowed: np.ndarray
    start2: np.ndarray
    end2: np.ndarray
    bound2: np.ndarray
    pred: np.ndarray
    t_in: np.ndarray
    t_out: np.ndarray
    t_radius: np.ndarray
    t_cap2: np.ndarray
    vertex_radius: np.ndarray
    vertex_s: np.ndarray
    vertex_start: np.ndarray
    iterations: int

    def edge_radii(self, d: int) -> np.ndarray:
        """Turn radius at every vertex of directed edge ``d`` (inf at its two ends)."""
        m = self.network.n_edges
        e = d % m
        r = self.vertex_radius[self.vertex_start[e] : self.vertex_start[e + 1]]
        return r if d < m else r[::-1]

    def speed2_at(self, d: int, t: float) -> float:
        """Highest speed squared at distance ``t`` along directed edge ``d`` from its start."""
        m = self.network.n_edges
        e = d % m
        r = self.vertex_radius[self.vertex_start[e] : self.vertex_start[e + 1]]
        s = self.vertex_s[self.vertex_start[e] : self.vertex_start[e + 1]]
        if d >= m:
            r, s = r[::-1], self.network.edge_length[e] - s[::-1]
        caps2 = np.asarray(curve_speed_cap(r[1:-1], f=self.friction, g=self.g)) ** 2 if r.size > 2 else np.zeros(0)
        before = s[1:-1] <= t
        v2 = min(self.vmax**2, self.start2[d] + 2 * self.accel * t)
        if before.any():
            v2 = min(v2, float(np.min(caps2[before] + 2 * self.accel * (t - s[1:-1][before]))))
        return float(v2)


def approach_speeds(
    net: Network,
    allowed: np.ndarray,
    accel: float,
    v0: float,
    vmax: float,
    friction: float,
    lookahead: float,
    g: float = G,
    feedback_cancel=None,
) -> ApproachField:
    """Highest achievable speed at the end of every allowed directed edge (module notes).

    ``allowed`` marks the edges the vehicle may use (e.g. outside the protected zone); speeds in
    m/s, ``accel`` m/s^2, ``lookahead`` m (turn radius model), ``vmax`` finite (m/s).
    ``feedback_cancel`` is an optional callable returning True to stop (raises Cancelled).
    """
    if not (math.isfinite(vmax) and vmax > 0):
        raise InputError("The highest speed must be a finite number > 0.")
    if not (accel >= 0 and v0 >= 0 and friction > 0 and lookahead > 0):
        raise InputError("Acceleration and start speed must be >= 0, friction and the turn look-ahead > 0.")
    m = net.n_edges
    allowed = np.asarray(allowed, dtype=bool)
    length = net.edge_length
    # Interior vertex radii of every edge, from look-ahead points along the edge itself.
    allv, s, start, _ = _cumulative(net.edge_coords)
    counts = np.array([c.shape[0] for c in net.edge_coords], dtype=np.int64)
    edge_of = np.repeat(np.arange(m), counts)
    interior = np.ones(allv.shape[0], dtype=bool)
    interior[start] = False
    interior[start + counts - 1] = False
    idx = np.flatnonzero(interior)
    radius = np.full(allv.shape[0], np.inf)
    if idx.size:
        back = points_along(net.edge_coords, edge_of[idx], s[idx] - lookahead)
        ahead = points_along(net.edge_coords, edge_of[idx], s[idx] + lookahead)
        radius[idx] = _radii(back, allv[idx], ahead)
    cap2 = np.where(interior, curve_speed_cap(radius, f=friction, g=g) ** 2, np.inf)
    bound_f = np.full(m, np.inf)
    bound_b = np.full(m, np.inf)
    np.minimum.at(bound_f, edge_of[idx], cap2[idx] + 2 * accel * (length[edge_of[idx]] - s[idx]))
    np.minimum.at(bound_b, edge_of[idx], cap2[idx] + 2 * accel * s[idx])
    bound = np.r_[bound_f, bound_b]
    length_d = np.r_[length, length]
    allowed_d = np.r_[allowed, allowed]
    tails, heads = net.tails_heads()

    # Turns at nodes between allowed directed edges (no U-turn on the same edge).
    ids = np.flatnonzero(allowed_d)
    ins = pd.DataFrame({"node": heads[ids], "t_in": ids})
    outs = pd.DataFrame({"node": tails[ids], "t_out": ids})
    turns = ins.merge(outs, on="node")
    turns = turns[turns.t_out != np.where(turns.t_in < m, turns.t_in + m, turns.t_in - m)]
    t_in, t_out = turns.t_in.to_numpy(np.int64), turns.t_out.to_numpy(np.int64)
    e_in, e_out = t_in % m, t_out % m
    d_back = np.minimum(lookahead, length[e_in])
    back = points_along(net.edge_coords, e_in, np.where(t_in < m, length[e_in] - d_back, d_back))
    d_ahead = np.minimum(lookahead, length[e_out])
    ahead = points_along(net.edge_coords, e_out, np.where(t_out < m, d_ahead, length[e_out] - d_ahead))
    t_radius = _radii(back, net.node_xy[turns.node.to_numpy(np.int64)], ahead)
    t_cap2 = np.asarray(curve_speed_cap(t_radius, f=friction, g=g)) ** 2

    v02, vmax2 = v0 * v0, vmax * vmax
    start2 = np.where(allowed_d, min(v02, vmax2), np.nan)

    def ends(s2: np.ndarray) -> np.ndarray:
        return np.minimum(np.minimum(s2 + 2 * accel * length_d, bound), vmax2)

    end2 = ends(start2)
    order = np.argsort(t_out, kind="stable")
    t_in_s, t_out_s, cap_s = t_in[order], t_out[order], t_cap2[order]
    groups, first = np.unique(t_out_s, return_index=True)
    tol = 1e-9 * max(1.0, vmax2)
    iterations = 0
    limit = 10 * (2 * m + 10)
    while t_in_s.size and iterations < limit:
        iterations += 1
        if feedback_cancel is not None and iterations % 50 == 0 and feedback_cancel():
            raise Cancelled()
        cand = np.minimum(end2[t_in_s], cap_s)
        best = np.maximum.reduceat(cand, first)
        new = start2.copy()
        new[groups] = np.maximum(min(v02, vmax2), best)
        if not (new > start2 + tol).any():
            break
        start2 = new
        end2 = ends(start2)
    pred = np.full(2 * m, -1, dtype=np.int64)
    if t_in_s.size:
        cand = np.minimum(end2[t_in_s], cap_s)
        # Per group, the turn with the highest candidate (first after sorting descending).
        pick = np.lexsort((-cand, t_out_s))
        grp_first = np.unique(t_out_s[pick], return_index=True)[1]
        chosen = pick[grp_first]
        better = cand[chosen] > min(v02, vmax2) + tol
        pred[t_out_s[chosen[better]]] = order[chosen[better]]
    vertex_start = np.r_[start, allv.shape[0]]
    return ApproachField(net, float(accel), float(v0), float(vmax), float(friction), float(g), float(lookahead),
                         allowed_d, start2, end2, bound, pred, t_in, t_out, t_radius, t_cap2, radius, s,
                         vertex_start, iterations)


@dataclass(frozen=True)
class ApproachPath:
    """A worst-case approach: the run-up ``coords`` (from the last point where the vehicle was
    slowest to the end), ``speeds`` (m/s at its vertices), ``run_up_m``, and the whole traced
    path ``full_coords`` with its turn radii ``full_radii`` and ``full_speeds``."""

    coords: np.ndarray
    speeds: np.ndarray
    run_up_m: float
    full_coords: np.ndarray
    full_radii: np.ndarray
    full_speeds: np.ndarray

    @property
    def impact_speed(self) -> float:
        return float(self.full_speeds[-1])

    @property
    def start_speed(self) -> float:
        return float(self.speeds[0])


def path_speeds(coords: np.ndarray, radii: np.ndarray, v_start: float, accel: float, vmax: float,
                friction: float, g: float = G) -> ApproachPath:
    """Speeds along a path (:func:`analysis.design.vehicle.speed_along_path`) and its run-up: the part
    after the vertex where ``cap^2 - 2 a s`` is least, i.e. where the vehicle was last slowest."""
    coords = np.asarray(coords, dtype=float)
    radii = np.asarray(radii, dtype=float)
    lengths = np.hypot(*np.diff(coords, axis=0).T)
    speeds = speed_along_path(lengths, radii, accel, v0=v_start, vmax=vmax, f=friction, g=g)
    dist = np.r_[0.0, np.cumsum(lengths)]
    caps2 = np.r_[v_start**2, curve_speed_cap(radii[1:-1], f=friction, g=g) ** 2, np.inf]
    k = int(np.argmin(caps2 - 2 * accel * dist))
    return ApproachPath(coords[k:], speeds[k:], float(dist[-1] - dist[k]), coords, radii, speeds)


def approach_path(field: ApproachField, d_end: int, t_end: float | None = None) -> ApproachPath:
    """Trace the fastest approach ending on directed edge ``d_end`` (at ``t_end`` metres along
    it; default its end) back through the predecessors, and recompute its speeds with
    :func:`analysis.design.vehicle.speed_along_path` on the same turn radii."""
    net = field.network
    a = field.accel
    seq = [int(d_end)]
    seen = {int(d_end)}
    cur = int(d_end)
    # Back to where the vehicle was last slowed: its start (v0) or a turn that caps its speed.
    while field.pred[cur] >= 0:
        t = field.pred[cur]
        d_in = int(field.t_in[t])
        if field.t_cap2[t] <= field.end2[d_in] or d_in in seen:
            break  # the turn limits the speed here: the run-up starts at this junction
        seq.insert(0, d_in)
        seen.add(d_in)
        cur = d_in
    coords: list[np.ndarray] = []
    radii: list[np.ndarray] = []
    for k, d in enumerate(seq):
        c = net.directed_coords(d)
        r = field.edge_radii(d).copy()
        if k > 0:
            # The junction is the last vertex of the previous edge: its radius is the turn's.
            radii[-1][-1] = field.t_radius[field.pred[d]]
            c, r = c[1:], r[1:]
        coords.append(c)
        radii.append(r)
    full = np.concatenate(coords)
    rad = np.concatenate(radii)
    if t_end is not None:
        s = np.r_[0.0, np.cumsum(np.hypot(*np.diff(full, axis=0).T))]
        cut = max(1e-6, s[-1] - (net.edge_length[d_end % net.n_edges] - t_end))
        n_keep = max(1, int(np.searchsorted(s, cut - _DEDUP_TOL, side="left")))
        end_pt = points_along([full], np.zeros(1, dtype=np.int64), np.array([cut]))
        full = np.vstack([full[:n_keep], end_pt])
        rad = np.r_[rad[:n_keep], np.inf]
    v_start = math.sqrt(max(0.0, float(field.start2[seq[0]])))
    return path_speeds(full, rad, v_start, a, field.vmax, field.friction, field.g)
