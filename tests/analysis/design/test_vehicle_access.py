"""Barrier cover along a zone boundary and the barrier verdict, against hand-made geometry."""
from __future__ import annotations

import numpy as np
import pytest

from besecure.analysis.design.vehicle import kmh_to_ms
from besecure.analysis.design.vehicle_access import Barriers, judge_barriers, ring_openings
from besecure.knowledge.rulesets import load_ruleset

VEHICLES = load_ruleset("vehicles")

SQUARE = np.array([[0.0, 0.0], [100.0, 0.0], [100.0, 100.0], [0.0, 100.0]])  # perimeter 400 m


def bollard_set(xy, diameter=0.2, ratings=None):
    xy = np.asarray(xy, dtype=float)
    n = xy.shape[0]
    return Barriers(xy, np.full(n, diameter), (), tuple(ratings or [None] * n), tuple(f"b{i}" for i in range(n)))


def test_openings_between_bollards_and_across_the_ring_start():
    # Bollards on the south edge at x = 10, 11.4, 12.8 (1.2 m clear) and one on the ring's first vertex.
    op = ring_openings(SQUARE, bollard_set([[10, 0], [11.4, 0], [12.8, 0], [0, 0]]), tolerance=1.0)
    assert op.perimeter == pytest.approx(400.0)
    # Runs: the corner bollard (wrapping over s = 0), and the row of three with its sub-vehicle gaps as
    # separate runs; openings between them.
    lengths = np.sort(op.free_length)
    np.testing.assert_allclose(lengths[:2], [1.2, 1.2], atol=1e-9)
    assert lengths.sum() + 4 * 0.2 == pytest.approx(400.0)
    corner = op.covering_run(399.95)
    assert corner >= 0 and op.covering_run(0.05) == corner
    assert op.opening_at(11.0) >= 0 and op.free_length[op.opening_at(11.0)] == pytest.approx(1.2)
    assert op.elements_near(11.0, 0.0) == []
    assert op.elements_near(10.05, 0.0) == [0]


def test_barrier_line_covers_its_projection():
    line = np.array([[20.0, 0.5], [30.0, 0.5]])  # 0.5 m outside the south edge, 10 m long
    op = ring_openings(SQUARE, Barriers(lines=(line,), rating=("K12",), label=("wall",)), tolerance=1.0)
    assert op.run_end[0] - op.run_start[0] == pytest.approx(10.0, abs=0.03)
    assert op.covering_run(25.0) == 0 and op.covering_run(31.0) == -1
    far = ring_openings(SQUARE, Barriers(lines=(line + [0, 5],), rating=("K12",), label=("wall",)), tolerance=1.0)
    assert far.run_start.size == 0 and far.free_length[0] == pytest.approx(400.0)


def test_weakest_barrier_decides():
    barriers = bollard_set([[0, 0], [1, 0], [2, 0]], ratings=["V/7200[N2B]/80/90:0.7", None, "M50 P1"])
    car = 1500.0
    assert judge_barriers([0], barriers, car, kmh_to_ms(60), VEHICLES).verdict == "adequate"
    assert judge_barriers([0, 1], barriers, car, kmh_to_ms(60), VEHICLES).verdict == "unrated"
    # 90 km/h beats both test speeds (80 km/h, 50 mph = 80.5 km/h): inadequate outranks unrated.
    j = judge_barriers([0, 1, 2], barriers, car, kmh_to_ms(90), VEHICLES)
    assert j.verdict == "inadequate" and j.barrier == "b0" and j.rated_speed_kmh == 80.0
    assert judge_barriers([], barriers, car, 10.0, VEHICLES).verdict == "no barrier"
