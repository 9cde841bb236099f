"""Networks: noding, graph distances, dead ends, exact too-far stretches and the fastest approach, against
hand-made networks with known answers and brute-force enumeration of every simple path."""
from __future__ import annotations

import itertools
import math

import numpy as np
import pytest

from besecure.analysis.design.vehicle import speed_along_path, turn_radii
from besecure.analysis.geometry.network import (
    approach_path,
    approach_speeds,
    bbox_pairs,
    build_network,
    dead_ends,
    exit_distance_pieces,
    exit_nodes,
    node_distances,
    points_along,
)
from besecure.analysis.geometry.proximity import Shapes


def test_crossing_lines_are_noded():
    net = build_network([np.array([[0, 0], [100, 0]]), np.array([[50, -50], [50, 50]])]).network
    assert net.n_nodes == 5 and net.n_edges == 4
    np.testing.assert_allclose(np.sort(net.edge_length), [50, 50, 50, 50])
    assert sorted(net.degree()) == [1, 1, 1, 1, 4]


def test_t_junction_drawn_short_is_snapped_onto_the_through_line():
    built = build_network([np.array([[0, 0], [100, 0]]), np.array([[50, 0.3], [50, 50]])], snap=0.5)
    net = built.network
    assert net.n_nodes == 4 and net.n_edges == 3
    junction = net.node_xy[np.argmax(net.degree())]
    np.testing.assert_allclose(junction, [50, 0])
    # Without snapping the lines stay apart.
    assert build_network([np.array([[0, 0], [100, 0]]), np.array([[50, 0.3], [50, 50]])], snap=0.1).network.n_edges == 2


def test_cutters_and_points_split_edges():
    ring = np.array([[40, -10], [60, -10], [60, 10], [40, 10], [40, -10]])
    built = build_network([np.array([[0, 0], [100, 0]])], cutters=[ring], points=np.array([[80, 2], [80, 50]]),
                          point_tolerance=5)
    np.testing.assert_allclose(np.sort(built.network.edge_length), [20, 20, 20, 40])
    assert built.point_node[1] == -1
    np.testing.assert_allclose(built.network.node_xy[built.point_node[0]], [80, 0])


def test_bbox_pairs_against_brute_force():
    rng = np.random.default_rng(3)
    lo = rng.uniform(0, 100, (60, 2))
    boxes = np.column_stack([lo, lo + rng.uniform(0, 30, (60, 2))])
    found = {tuple(sorted(p)) for i, j in bbox_pairs(boxes) for p in zip(i, j)}
    brute = {(i, j) for i, j in itertools.combinations(range(60), 2)
             if boxes[i, 0] <= boxes[j, 2] and boxes[j, 0] <= boxes[i, 2]
             and boxes[i, 1] <= boxes[j, 3] and boxes[j, 1] <= boxes[i, 3]}
    assert found == brute
    other = boxes[:25] + 7.0
    found2 = {p for i, j in bbox_pairs(boxes, other) for p in zip(i, j)}
    brute2 = {(i, j) for i in range(60) for j in range(25)
              if boxes[i, 0] <= other[j, 2] and other[j, 0] <= boxes[i, 2]
              and boxes[i, 1] <= other[j, 3] and other[j, 1] <= boxes[i, 3]}
    assert found2 == brute2


def test_points_along():
    lines = [np.array([[0, 0], [10, 0], [10, 10]]), np.array([[0, 0], [0, 5]])]
    pts = points_along(lines, np.array([0, 0, 0, 1, 1]), np.array([5.0, 15.0, 99.0, -1.0, 2.5]))
    np.testing.assert_allclose(pts, [[5, 0], [10, 5], [10, 10], [0, 0], [0, 2.5]])


def square_with_spur():
    # Loop A(0,0) B(100,0) C(100,100) D(0,100); spur B -> E(160,0); exit at A.
    return build_network([np.array([[0, 0], [100, 0], [100, 100], [0, 100], [0, 0]]),
                          np.array([[100, 0], [160, 0]])], points=np.array([[0.0, 0.0]]), point_tolerance=1.0)


def test_dead_ends_and_branches():
    built = square_with_spur()
    net = built.network
    ends = dead_ends(net, built.point_node)
    assert len(ends.node) == 1
    np.testing.assert_allclose(net.node_xy[ends.node[0]], [160, 0])
    assert ends.branch_m[0] == pytest.approx(60.0)
    assert net.edge_length[ends.edge_in_branch].sum() == pytest.approx(60.0)
    # A tree without exits is all branch: both ends of a lone path are dead ends, with no way out.
    lone = build_network([np.array([[0, 0], [10, 0], [10, 10]])]).network
    ends = dead_ends(lone)
    assert len(ends.node) == 2 and np.isinf(ends.branch_m).all()


def test_exit_distances_exact():
    built = square_with_spur()
    net = built.network
    dist = node_distances(net, built.point_node)
    np.testing.assert_allclose(np.sort(dist), [0, 100, 160])  # nodes A, B (junction), E (dead end)
    pieces = exit_distance_pieces(net, dist, 150.0)
    lengths = pieces.end_m - pieces.start_m
    assert lengths.sum() == pytest.approx(460.0)
    assert lengths[pieces.too_far].sum() == pytest.approx(110.0)  # (100,50)-C-(50,100) and 10 m of the spur
    assert pieces.max_dist_m.max() == pytest.approx(200.0)


def _lookahead_radius(path: np.ndarray, k: int, look: float) -> float:
    """Circumradius at vertex k through the points ``look`` metres back and ahead along the path."""
    s = np.r_[0.0, np.cumsum(np.hypot(*np.diff(path, axis=0).T))]

    def at(d):
        d = min(max(d, 0.0), s[-1])
        i = min(int(np.searchsorted(s, d, side="right")) - 1, len(s) - 2)
        t = (d - s[i]) / (s[i + 1] - s[i])
        return path[i] + t * (path[i + 1] - path[i])

    return float(turn_radii(np.array([at(s[k] - look), path[k], at(s[k] + look)]))[1])


def test_fastest_approach_equals_best_simple_path():
    # A small irregular grid of straight edges (all longer than the look-ahead), entry node at (200, 0).
    nodes = {"a": (0, 0), "b": (100, 0), "c": (200, 0), "d": (0, 100), "e": (100, 100), "f": (200, 100),
             "g": (30, 230), "h": (160, 190)}
    pairs = ["ab", "bc", "de", "ef", "ad", "be", "cf", "dg", "gh", "he", "hf", "ae"]
    lines = [np.array([nodes[p[0]], nodes[p[1]]], dtype=float) for p in pairs]
    net = build_network(lines).network
    a, v0, vmax, f, look = 2.0, 0.0, 40.0, 0.6, 12.0
    field = approach_speeds(net, np.ones(net.n_edges, dtype=bool), a, v0, vmax, f, look)
    entry = int(np.argmin(np.hypot(*(net.node_xy - nodes["c"]).T)))
    _tails, heads = net.tails_heads()
    into = np.flatnonzero(heads == entry)
    best_dp = math.sqrt(np.nanmax(field.end2[into]))
    # Brute force: every simple path ending at the entry, speeds by speed_along_path.
    adj = {i: [] for i in range(net.n_nodes)}
    for u, v in zip(net.edge_u, net.edge_v):
        adj[u].append(v)
        adj[v].append(u)
    best = 0.0

    def walk(path):
        nonlocal best
        if len(path) >= 2:
            pts = net.node_xy[path[::-1]]
            radii = [math.inf] + [_lookahead_radius(pts, k, look) for k in range(1, len(pts) - 1)] + [math.inf]
            lengths = np.hypot(*np.diff(pts, axis=0).T)
            best = max(best, float(speed_along_path(lengths, np.array(radii), a, v0, vmax, f)[-1]))
        for nxt in adj[path[-1]]:
            if nxt not in path:
                walk(path + [nxt])

    walk([entry])
    assert best_dp == pytest.approx(best, rel=1e-12)
    # The traced path reproduces the same speed with speed_along_path.
    d = int(into[np.nanargmax(field.end2[into])])
    path = approach_path(field, d)
    assert path.impact_speed == pytest.approx(best, rel=1e-12)
    assert path.run_up_m <= float(np.hypot(*np.diff(path.full_coords, axis=0).T).sum()) + 1e-9


def test_vmax_bounds_a_loop():
    # A circuit without sharp bends would let the speed grow without bound; vmax holds it.
    theta = np.linspace(0, 2 * np.pi, 73)
    circle = np.column_stack([500 * np.cos(theta), 500 * np.sin(theta)])
    net = build_network([circle, np.array([[500, 0], [700, 0]])]).network
    field = approach_speeds(net, np.ones(net.n_edges, dtype=bool), 3.0, 0.0, 25.0, 1.0, 10.0)
    assert np.nanmax(field.end2) == pytest.approx(25.0**2)
    with pytest.raises(ValueError, match="finite"):
        approach_speeds(net, np.ones(net.n_edges, dtype=bool), 3.0, 0.0, math.inf, 1.0, 10.0)


def test_exit_nodes_from_points_shapes_or_junctions():
    cross = [np.array([[-10.0, 0.0], [10.0, 0.0]]), np.array([[0.0, -10.0], [0.0, 10.0]])]

    def node_at(net, x, y):
        return int(np.flatnonzero((net.node_xy[:, 0] == x) & (net.node_xy[:, 1] == y))[0])

    built = build_network(cross, 0.5)
    none = exit_nodes(built, None, 1.0)
    assert none.junctions and none.nodes.tolist() == [node_at(built.network, 0.0, 0.0)] and none.n_far == 0
    # An exit point 0.2 m off the east end joins it; one far away is counted and left out.
    built = build_network(cross, 0.5, points=np.array([[10.0, 0.2], [50.0, 50.0]]), point_tolerance=0.5)
    pts = exit_nodes(built, None, 1.0)
    assert not pts.junctions and pts.nodes.tolist() == [node_at(built.network, 10.0, 0.0)] and pts.n_far == 1
    # An exit polygon (a gate 0.5 m beyond the west end) adds the nodes within the tolerance of it.
    gate = np.array([[-11.5, -1.0], [-10.5, -1.0], [-10.5, 1.0], [-11.5, 1.0], [-11.5, -1.0]])
    shapes = Shapes.build(polygons=[[gate]], polygon_owner=[0])
    both = exit_nodes(built, shapes, 1.0)
    assert both.nodes.tolist() == sorted([node_at(built.network, 10.0, 0.0), node_at(built.network, -10.0, 0.0)])
    assert exit_nodes(built, shapes, 0.4).nodes.tolist() == [node_at(built.network, 10.0, 0.0)]
