"""WDQ (Bowers & Johnson 2003) and WDD (Wheeler & Ratcliffe 2018) against hand-worked values,
the published WDD example, and the formulas' properties."""
from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from besecure.analysis.crime.intervention_effect import (
    WDQ_INTERPRETATIONS,
    WddResult,
    check_periods,
    intervention_effect,
    wdd,
    wdd_single_control,
    wdq,
)
from besecure.analysis.errors import InputError

Z95 = 1.959963984540054  # standard normal 97.5 % quantile


# --------------------------------------------------------------------------- WDQ
def test_wdq_hand_example():
    # target R 100 -> 70, buffer D 80 -> 75, control C 500 -> 480
    # success = 70/480 - 100/500 = 0.1458333 - 0.2     = -13/240 = -0.0541667
    # buffer  = 75/480 -  80/500 = 0.15625   - 0.16    =  -3/800 = -0.00375
    # WDQ     = (-3/800) / (-13/240) = 720/10400       =   9/130 =  0.0692308  (diffusion)
    # gross   = 100 - 70 = 30;  net = 0.2 - 0.1458333 = 13/240
    # TNE     = [100 * 480/500 - 70] + [80 * 480/500 - 75] = 26 + 1.8 = 27.8
    r = wdq(100, 70, 80, 75, 500, 480)
    assert r.success_measure == pytest.approx(-13 / 240)
    assert r.buffer_measure == pytest.approx(-3 / 800)
    assert r.wdq == pytest.approx(9 / 130)
    assert r.gross_effect == 30
    assert r.net_effect == pytest.approx(13 / 240)
    assert r.total_net_effect == pytest.approx(27.8)
    assert r.interpretation == "diffusion"
    assert r.reason is None


def test_wdq_displacement_cases():
    # buffer rises while the target falls: R 100 -> 50, D 100 -> 120, C 1000 -> 1000
    # success = 0.05 - 0.1 = -0.05; buffer = 0.12 - 0.1 = 0.02; WDQ = -0.4
    r = wdq(100, 50, 100, 120, 1000, 1000)
    assert r.wdq == pytest.approx(-0.4)
    assert r.interpretation == "displacement_less_than_direct"
    # buffer rises more than the target falls: D 100 -> 170 gives buffer 0.07, WDQ = -1.4
    r = wdq(100, 50, 100, 170, 1000, 1000)
    assert r.wdq == pytest.approx(-1.4)
    assert r.interpretation == "displacement_exceeds_direct"
    # buffer falls more than the target: D 100 -> 20 gives buffer -0.08, WDQ = 1.6
    r = wdq(100, 50, 100, 20, 1000, 1000)
    assert r.wdq == pytest.approx(1.6)
    assert r.interpretation == "diffusion_exceeds_direct"


def test_wdq_buffer_following_control_is_zero():
    # the buffer changes exactly like the control (80 -> 76 as 500 -> 475): no displacement
    r = wdq(100, 60, 80, 76, 500, 475)
    assert r.buffer_measure == pytest.approx(0.0, abs=1e-15)
    assert r.interpretation == "no_displacement"


def test_wdq_undefined_cases_give_nan_and_reason():
    no_control = wdq(10, 5, 10, 10, 0, 20)
    assert math.isnan(no_control.wdq) and math.isnan(no_control.success_measure)
    assert no_control.interpretation == "undefined"
    assert "before" in no_control.reason
    assert math.isnan(wdq(10, 5, 10, 10, 20, 0).wdq)
    # no change anywhere: success measure 0, quotient undefined
    flat = wdq(50, 50, 40, 40, 300, 300)
    assert flat.success_measure == 0
    assert math.isnan(flat.wdq)
    assert flat.interpretation == "undefined" and flat.reason


def test_wdq_not_successful_is_flagged():
    r = wdq(50, 80, 40, 40, 300, 300)  # target rose relative to the control
    assert r.success_measure > 0
    assert r.interpretation == "not_successful"
    assert r.reason
    assert set(WDQ_INTERPRETATIONS) >= {r.interpretation, "undefined"}


def test_wdq_rejects_negative_or_non_finite_counts():
    with pytest.raises(ValueError, match="R_a"):
        wdq(10, -1, 10, 10, 10, 10)
    with pytest.raises(ValueError, match="C_b"):
        wdq(10, 1, 10, 10, float("nan"), 10)


@given(st.integers(1, 500), st.integers(0, 500), st.integers(0, 500), st.integers(0, 500),
       st.integers(1, 500), st.integers(1, 500), st.integers(2, 9))
def test_wdq_is_invariant_to_scaling_all_counts(rb, ra, db, da, cb, ca, k):
    one, scaled = wdq(rb, ra, db, da, cb, ca), wdq(k * rb, k * ra, k * db, k * da, k * cb, k * ca)
    assert scaled.interpretation == one.interpretation
    if math.isnan(one.wdq):
        assert math.isnan(scaled.wdq)
    else:
        assert scaled.wdq == pytest.approx(one.wdq, rel=1e-9, abs=1e-12)


# --------------------------------------------------------------------------- WDD
def test_wdd_published_example():
    # Wheeler & Ratcliffe (2018), as reproduced in the test suite of their R package ptools
    # (tests/testthat/test-wdd.R, "Est & Variance Paper"):
    # control 308 -> 318, target 207 -> 110, buffer control 150 -> 140, buffer 178 -> 157
    # WDD = (110-207) - (318-308) + (157-178) - (140-150) = -97 - 10 - 21 + 10 = -118
    # variance = 308+318+207+110+150+140+178+157 = 1568; z = -2.98; 95 % CI (-196, -40)
    r = wdd(207, 110, 308, 318, 178, 157, 150, 140)
    assert r.estimate == -118
    assert r.variance == 1568
    assert r.se == pytest.approx(math.sqrt(1568))
    assert round(r.z, 2) == -2.98
    assert (round(r.ci_low), round(r.ci_high)) == (-196, -40)
    assert r.local == -107 and r.displacement == -11
    assert r.p_value == pytest.approx(math.erfc(118 / math.sqrt(1568) / math.sqrt(2)))
    assert r.p_value < 0.01


def test_wdd_hand_example_two_controls():
    # target 100 -> 70, its control 500 -> 480, buffer 80 -> 75, buffer control 300 -> 310
    # WDD = (-30) - (-20) + (-5) - (+10) = -25
    # variance = 100+70+500+480+80+75+300+310 = 1915, se = 43.7607
    # z = -25/43.7607 = -0.57129; 95 % CI = -25 -/+ 1.96 * 43.7607 = (-110.769, 60.769)
    r = wdd(100, 70, 500, 480, 80, 75, 300, 310)
    assert isinstance(r, WddResult)
    assert r.estimate == -25 and r.local == -10 and r.displacement == -15
    assert r.variance == 1915
    assert r.z == pytest.approx(-25 / math.sqrt(1915))
    assert r.ci_low == pytest.approx(-25 - Z95 * math.sqrt(1915))
    assert r.ci_high == pytest.approx(-25 + Z95 * math.sqrt(1915))
    assert r.local_se == pytest.approx(math.sqrt(100 + 70 + 500 + 480))
    assert r.displacement_se == pytest.approx(math.sqrt(80 + 75 + 300 + 310))
    assert r.p_value == pytest.approx(0.5678, abs=1e-4)  # 2 * (1 - Phi(0.57129))


def test_wdd_single_control_counts_the_control_twice_and_its_variance_four_times():
    # target 100 -> 70, buffer 80 -> 75, one control 500 -> 480 for both
    # WDD = (-30) + (-5) - 2 * (-20) = 5; local = -30 + 20 = -10; displacement = -5 + 20 = 15
    # variance = 100+70+80+75 + 4 * (500+480) = 325 + 3920 = 4245 (not 325 + 2 * 980 = 2285)
    r = wdd_single_control(100, 70, 80, 75, 500, 480)
    assert (r.estimate, r.local, r.displacement) == (5, -10, 15)
    assert r.variance == 4245
    assert r.z == pytest.approx(5 / math.sqrt(4245))
    assert r.local_se == pytest.approx(math.sqrt(100 + 70 + 980))
    assert r.displacement_se == pytest.approx(math.sqrt(80 + 75 + 980))
    naive = wdd(100, 70, 500, 480, 80, 75, 500, 480)  # same counts passed as two controls
    assert naive.estimate == r.estimate
    assert r.variance - naive.variance == 2 * (500 + 480)


def test_wdd_single_control_variance_matches_simulation():
    # Independent check of the "four times" rule: simulate Poisson counts with the example's
    # means and compare the spread of the estimate with the analytical variance (4245).
    rng = np.random.default_rng(20240517)
    n = 40_000
    t_b, t_a, d_b, d_a, c_b, c_a = (rng.poisson(m, n) for m in (100, 70, 80, 75, 500, 480))
    estimates = (t_a - t_b) + (d_a - d_b) - 2 * (c_a - c_b)
    assert np.var(estimates, ddof=1) == pytest.approx(4245, rel=0.03)
    assert wdd_single_control(100, 70, 80, 75, 500, 480).variance == 4245


def test_wdd_local_only():
    # no buffer: target 20 -> 10, control 20 -> 20: WDD = (10 - 20) - (20 - 20) = -10,
    # variance = 20 + 10 + 20 + 20 = 70 (the ptools example 'Local -10')
    r = wdd(20, 10, 20, 20)
    assert r.estimate == -10 and r.displacement == 0 and r.displacement_se == 0
    assert r.variance == 70
    with pytest.raises(ValueError, match="all four buffer counts"):
        wdd(20, 10, 20, 20, 5, 6)


def test_wdd_unequal_periods():
    # Wheeler (2021), 'The WDD test with different pre/post time periods' (ptools test
    # "Time Weights"): control 100 -> 50, target 80 -> 20, two years before, one after.
    # per year: (20 - 80/2) - (50 - 100/2) = -20; variance = 20 + 80/4 + 50 + 100/4 = 115
    r = wdd(80, 20, 100, 50, period_lengths=(2, 1))
    assert r.estimate == pytest.approx(-20)
    assert r.se == pytest.approx(math.sqrt(115))
    with pytest.raises(ValueError, match="period_lengths"):
        wdd(80, 20, 100, 50, period_lengths=(0, 1))


def test_wdd_no_change_everywhere_is_zero():
    r = wdd(40, 40, 300, 300, 25, 25, 120, 120)
    assert r.estimate == 0 and r.z == 0 and r.p_value == pytest.approx(1.0)
    assert r.ci_low == pytest.approx(-r.ci_high)
    s = wdd_single_control(40, 40, 25, 25, 300, 300)
    assert s.estimate == 0 and s.p_value == pytest.approx(1.0)


def test_wdd_all_zero_counts_are_undefined():
    r = wdd(0, 0, 0, 0)
    assert r.estimate == 0 and r.variance == 0
    assert math.isnan(r.z) and math.isnan(r.p_value) and math.isnan(r.ci_low)
    assert r.reason


def test_wdd_confidence_level_and_validation():
    r90 = wdd(207, 110, 308, 318, 178, 157, 150, 140, confidence=0.90)
    assert r90.ci_high - r90.ci_low == pytest.approx(2 * 1.6448536269514722 * math.sqrt(1568))
    assert r90.confidence == 0.90
    with pytest.raises(ValueError, match="confidence"):
        wdd(1, 2, 3, 4, confidence=95)
    with pytest.raises(ValueError, match="Ct_a"):
        wdd(1, 2, 3, -4)


def test_results_are_frozen():
    r = wdd(1, 2, 3, 4)
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.estimate = 0  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        wdq(10, 5, 10, 10, 20, 20).wdq = 0  # type: ignore[misc]


counts = st.integers(0, 2000)


@given(counts, counts, counts, counts, counts, counts, counts, counts)
def test_wdd_swapping_before_and_after_flips_the_sign(tb, ta, cb, ca, db, da, eb, ea):
    forward, backward = wdd(tb, ta, cb, ca, db, da, eb, ea), wdd(ta, tb, ca, cb, da, db, ea, eb)
    assert backward.estimate == -forward.estimate
    assert backward.local == -forward.local and backward.displacement == -forward.displacement
    assert backward.variance == forward.variance
    assert forward.variance == tb + ta + cb + ca + db + da + eb + ea
    if forward.variance:
        assert backward.z == pytest.approx(-forward.z)
        assert backward.p_value == pytest.approx(forward.p_value)
        assert backward.ci_low == pytest.approx(-forward.ci_high)


@given(counts, counts, counts, counts, counts, counts)
def test_wdd_single_control_swap_and_variance(tb, ta, db, da, cb, ca):
    forward, backward = wdd_single_control(tb, ta, db, da, cb, ca), wdd_single_control(ta, tb, da, db, ca, cb)
    assert backward.estimate == -forward.estimate
    assert forward.variance == tb + ta + db + da + 4 * (cb + ca)
    assert forward.estimate == (ta - tb) + (da - db) - 2 * (ca - cb)


# --------------------------------------------------------------------------- the algorithm's choice of test
def test_intervention_effect_with_a_control_for_the_buffer_is_the_published_wdd():
    # The Wheeler & Ratcliffe (2018) counts above, as (before, after) per area, equal periods.
    e = intervention_effect((207, 110), (178, 157), (308, 318), (150, 140), days_before=365, days_after=365)
    assert e.separate_control and e.period_lengths == (1.0, 1.0)
    assert (e.test.estimate, e.test.variance) == (-118, 1568)
    # WDQ (Bowers & Johnson 2003) against the target's control: buffer measure / success measure.
    success = 110 / 318 - 207 / 308
    buffer = 157 / 318 - 178 / 308
    assert e.quotient.wdq == pytest.approx(buffer / success)


def test_intervention_effect_with_one_control_counts_it_twice():
    e = intervention_effect((100, 70), (80, 75), (500, 480), days_before=28, days_after=28)
    assert not e.separate_control
    assert (e.test.estimate, e.test.variance) == (5, 4245)  # as test_wdd_single_control_... above


def test_intervention_effect_scales_the_after_counts_to_the_before_period():
    # Two years before, one after: the after counts are per half a before period (Wheeler 2021).
    # WDD = (20 / 0.5 - 80) + 0 - 2 x (50 / 0.5 - 100) = -40;
    # variance = 80 + 20 / 0.25 + 0 + 4 x (100 + 50 / 0.25) = 1,360.
    e = intervention_effect((80, 20), (0, 0), (100, 50), days_before=730, days_after=365)
    assert e.period_lengths == (1.0, 0.5)
    assert e.test.estimate == pytest.approx(-40) and e.test.variance == pytest.approx(1360)


def test_check_periods_refuses_overlap_and_swapped_periods():
    day = np.datetime64("2020-01-01", "m")
    d = np.timedelta64(1, "D")
    texts = ["b0", "b1", "a0", "a1"]
    check_periods((day, day + 10 * d), (day + 10 * d, day + 20 * d), texts)  # adjacent: fine
    with pytest.raises(InputError, match=r"The before period \(b0 to b1\) and the after period \(a0 to a1\) "
                                         "overlap"):
        check_periods((day, day + 10 * d), (day + 9 * d, day + 20 * d), texts)
    with pytest.raises(InputError, match=r"The after period \(a0 to a1\) lies before the before period"):
        check_periods((day + 10 * d, day + 20 * d), (day, day + 5 * d), texts)
