"""Did a place-based intervention work? Weighted displacement quotient and difference.

Both methods compare crime counts before (``b``) and after (``a``) an intervention in three
kinds of area: the **target** area where the measure ran, a **buffer** around it where crime may
be displaced to (or benefits may spread to), and a **control** area that shows what would have
happened without the measure.

- :func:`wdq` - weighted displacement quotient (Bowers & Johnson 2003): is there displacement or
  diffusion of benefits in the buffer, relative to the success in the target area?
- :func:`wdd` - weighted displacement difference test (Wheeler & Ratcliffe 2018): the net change
  in crimes, target plus buffer, against their controls, with a Poisson standard error, z,
  two-sided p-value and confidence interval.
- :func:`wdd_single_control` - the WDD when one control area serves both target and buffer; the
  control's change then enters twice and its variance four times.

Pure Python (standard library only); no qgis imports. :func:`intervention_effect` chooses the test
for the areas given and scales for periods of unequal length; :func:`check_periods` refuses periods
that overlap or are swapped.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Any

from ..errors import InputError

__all__ = ["InterventionEffect", "WddResult", "WdqResult", "check_periods", "intervention_effect", "wdd",
           "wdd_single_control", "wdq"]

NAN = float("nan")

#: WDQ interpretation codes (Bowers & Johnson 2003; Guerette 2009, appendix C).
WDQ_INTERPRETATIONS = {
    "diffusion_exceeds_direct": "Diffusion of benefits to the buffer, larger than the direct effect (WDQ > 1).",
    "diffusion": "Diffusion of benefits to the buffer, smaller than the direct effect (0 < WDQ <= 1).",
    "no_displacement": "Neither displacement nor diffusion (WDQ = 0).",
    "displacement_less_than_direct": "Displacement to the buffer, but smaller than the direct effect: "
                                     "a net benefit (-1 <= WDQ < 0).",
    "displacement_exceeds_direct": "Displacement larger than the direct effect: the measure was "
                                   "counterproductive (WDQ < -1).",
    "not_successful": "The target area did not improve relative to the control area (success measure >= 0); "
                      "the WDQ is not interpretable.",
    "undefined": "The WDQ cannot be computed (see reason).",
}


@dataclass(frozen=True)
class WdqResult:
    """Result of :func:`wdq`. Ratios are crimes per crime in the control area."""

    wdq: float
    """Buffer displacement measure / success measure; NaN when undefined (see ``reason``)."""
    success_measure: float
    """R_a/C_a - R_b/C_b: negative when the target area improved relative to the control area."""
    buffer_measure: float
    """D_a/C_a - D_b/C_b: positive suggests displacement, negative diffusion of benefits."""
    gross_effect: float
    """R_b - R_a: fall in the target area's count (positive = fewer crimes)."""
    net_effect: float
    """R_b/C_b - R_a/C_a: fall in the target area relative to the control area."""
    total_net_effect: float
    """TNE = [R_b (C_a/C_b) - R_a] + [D_b (C_a/C_b) - D_a]: crimes prevented in target and
    buffer together, given the control area's trend (positive = crimes prevented)."""
    interpretation: str
    """One of the keys of :data:`WDQ_INTERPRETATIONS`."""
    reason: str | None = None
    """Why a value is NaN or not interpretable; None when all is well."""


@dataclass(frozen=True)
class WddResult:
    """Result of :func:`wdd` and :func:`wdd_single_control`.

    Estimates are changes in crime counts (per unit of the period lengths when these differ
    from 1): negative means fewer crimes than the control areas' trend predicts.
    """

    estimate: float
    """Total WDD: local plus displacement."""
    local: float
    """(T_a - T_b) - (Ct_a - Ct_b): the change in the target area beyond the control trend."""
    displacement: float
    """(D_a - D_b) - (Cd_a - Cd_b): the same for the buffer; 0 without a buffer. Positive
    suggests displacement, negative diffusion of benefits."""
    variance: float
    """Variance of ``estimate``, treating every count as an independent Poisson count."""
    se: float
    local_se: float
    displacement_se: float
    z: float
    """estimate / se; NaN when the variance is 0."""
    p_value: float
    """Two-sided p-value of z under the standard normal distribution."""
    ci_low: float
    ci_high: float
    confidence: float
    """Confidence level of [ci_low, ci_high], e.g. 0.95."""
    reason: str | None = None
    """Why z, p and the interval are NaN; None when all is well."""


def _count(value: float, name: str) -> float:
    number = float(value)
    if not math.isfinite(number) or number < 0:
        # The number, not its repr: numpy 2 writes a numpy scalar's repr as np.float64(...).
        raise ValueError(f"{name} must be a finite count of 0 or more, got {number:g}")
    return number


def _ratio(numerator: float, denominator: float) -> float:
    return numerator / denominator if denominator != 0 else NAN


def wdq(R_b: float, R_a: float, D_b: float, D_a: float, C_b: float, C_a: float) -> WdqResult:
    """Weighted displacement quotient (Bowers & Johnson 2003).

    WDQ = (D_a/C_a - D_b/C_b) / (R_a/C_a - R_b/C_b), with R the target (response) area, D the
    buffer (displacement) area and C the control area, before (b) and after (a). The
    denominator is the success measure, the numerator the buffer displacement measure. Also
    returns the gross effect, net effect and total net effect (TNE) as tabulated by Guerette
    (2009, Analyzing Crime Displacement and Diffusion, POP Center tool guide 10).

    Reading the WDQ (only when the success measure is negative, i.e. the target improved):
    above 1, diffusion of benefits larger than the direct effect; 0 to 1, diffusion; 0, no
    displacement or diffusion; -1 to 0, displacement smaller than the direct effect (a net
    benefit); below -1, displacement outweighs the direct effect.

    Division by zero gives NaN with a ``reason``: a control count of 0 makes every ratio
    undefined, and a success measure of 0 (no relative change in the target area) makes the
    quotient undefined. Counts must be finite and non-negative.
    """
    r_b, r_a = _count(R_b, "R_b"), _count(R_a, "R_a")
    d_b, d_a = _count(D_b, "D_b"), _count(D_a, "D_a")
    c_b, c_a = _count(C_b, "C_b"), _count(C_a, "C_a")

    gross = r_b - r_a
    success = _ratio(r_a, c_a) - _ratio(r_b, c_b)
    buffer = _ratio(d_a, c_a) - _ratio(d_b, c_b)
    net = _ratio(r_b, c_b) - _ratio(r_a, c_a)
    trend = _ratio(c_a, c_b)
    tne = (r_b * trend - r_a) + (d_b * trend - d_a)

    if c_b == 0 or c_a == 0:
        period = "before" if c_b == 0 else "after"
        return WdqResult(NAN, success, buffer, gross, net, tne, "undefined",
                         f"The control area has no crimes in the {period} period, so the ratios "
                         "to the control area are undefined; choose a larger control area.")
    if success == 0:
        return WdqResult(NAN, success, buffer, gross, net, tne, "undefined",
                         "The target area changed exactly as the control area did (success measure 0), "
                         "so the quotient is undefined.")
    value = buffer / success
    if success > 0:
        return WdqResult(value, success, buffer, gross, net, tne, "not_successful",
                         "The target area did not improve relative to the control area, so there is no "
                         "effect to be displaced and the WDQ is not interpretable.")
    if value > 1:
        code = "diffusion_exceeds_direct"
    elif value > 0:
        code = "diffusion"
    elif value == 0:
        code = "no_displacement"
    elif value >= -1:
        code = "displacement_less_than_direct"
    else:
        code = "displacement_exceeds_direct"
    return WdqResult(value, success, buffer, gross, net, tne, code, None)


def _wdd(local_terms: Sequence[tuple[float, float, float]],
         displacement_terms: Sequence[tuple[float, float, float]],
         shared: Sequence[tuple[float, float, float, float]],
         period_lengths: tuple[float, float], confidence: float) -> WddResult:
    """WDD from independent Poisson counts.

    ``local_terms`` and ``displacement_terms`` hold (coefficient, before, after) of the counts
    that enter only that component; ``shared`` holds (local coefficient, displacement
    coefficient, before, after) of a count used by both (a single control area). The variance
    of a sum of coef * (after/w_a - before/w_b) over independent Poisson counts is the sum of
    coef^2 * (after/w_a^2 + before/w_b^2), so a count shared with coefficients -1 and -1 adds
    4 times its variance to the total.
    """
    w_b, w_a = (float(w) for w in period_lengths)
    if not (math.isfinite(w_b) and math.isfinite(w_a) and w_b > 0 and w_a > 0):
        raise ValueError(f"period_lengths must be two positive numbers, got {w_b:g} and {w_a:g}")
    if not 0 < confidence < 1:
        raise ValueError(f"confidence must be between 0 and 1, got {float(confidence):g}")

    def change(before: float, after: float) -> float:
        return after / w_a - before / w_b

    def var(before: float, after: float) -> float:
        return after / w_a**2 + before / w_b**2

    local = sum(c * change(b, a) for c, b, a in local_terms) + sum(cl * change(b, a) for cl, _, b, a in shared)
    disp = (sum(c * change(b, a) for c, b, a in displacement_terms)
            + sum(cd * change(b, a) for _, cd, b, a in shared))
    local_var = sum(c**2 * var(b, a) for c, b, a in local_terms) + sum(cl**2 * var(b, a) for cl, _, b, a in shared)
    disp_var = (sum(c**2 * var(b, a) for c, b, a in displacement_terms)
                + sum(cd**2 * var(b, a) for _, cd, b, a in shared))
    total_var = (sum(c**2 * var(b, a) for c, b, a in (*local_terms, *displacement_terms))
                 + sum((cl + cd) ** 2 * var(b, a) for cl, cd, b, a in shared))

    estimate = local + disp
    se = math.sqrt(total_var)
    if se == 0:
        return WddResult(estimate, local, disp, total_var, se, math.sqrt(local_var), math.sqrt(disp_var),
                         NAN, NAN, NAN, NAN, confidence,
                         "All counts are zero, so the variance is zero and the test is undefined.")
    z = estimate / se
    p = math.erfc(abs(z) / math.sqrt(2.0))
    half = NormalDist().inv_cdf(0.5 + confidence / 2.0) * se
    return WddResult(estimate, local, disp, total_var, se, math.sqrt(local_var), math.sqrt(disp_var),
                     z, p, estimate - half, estimate + half, confidence, None)


def wdd(T_b: float, T_a: float, Ct_b: float, Ct_a: float,
        D_b: float | None = None, D_a: float | None = None,
        Cd_b: float | None = None, Cd_a: float | None = None, *,
        period_lengths: tuple[float, float] = (1.0, 1.0), confidence: float = 0.95) -> WddResult:
    """Weighted displacement difference test (Wheeler & Ratcliffe 2018, Crime Science 7:11).

    WDD = (T_a - T_b) - (Ct_a - Ct_b) + (D_a - D_b) - (Cd_a - Cd_b), with T the target area
    and Ct its control, D the buffer and Cd the buffer's own control, before (b) and after (a).
    Every count is taken as an independent Poisson count, so the variance is the sum of all
    eight counts; z = WDD / sqrt(variance), with a two-sided normal p-value and confidence
    interval. A negative WDD means fewer crimes than the controls' trend predicts.

    Leave out all four buffer counts for the local test only (target against control). When
    one control area serves both target and buffer, use :func:`wdd_single_control`: passing
    the same counts twice here would understate the variance.

    ``period_lengths`` (before, after) handles periods of unequal length (Wheeler 2021,
    'The WDD test with different pre/post time periods'): each count is divided by its
    period's length and its variance by the length squared, so results are in crimes per unit
    of length. With the default (1, 1) they are plain counts.
    """
    t_b, t_a = _count(T_b, "T_b"), _count(T_a, "T_a")
    ct_b, ct_a = _count(Ct_b, "Ct_b"), _count(Ct_a, "Ct_a")
    buffer_counts = (D_b, D_a, Cd_b, Cd_a)
    if all(v is None for v in buffer_counts):
        displacement_terms: list[tuple[float, float, float]] = []
    elif D_b is not None and D_a is not None and Cd_b is not None and Cd_a is not None:
        displacement_terms = [(1.0, _count(D_b, "D_b"), _count(D_a, "D_a")),
                              (-1.0, _count(Cd_b, "Cd_b"), _count(Cd_a, "Cd_a"))]
    else:
        raise InputError("Give all four buffer counts (D_b, D_a, Cd_b, Cd_a) or none of them")
    return _wdd([(1.0, t_b, t_a), (-1.0, ct_b, ct_a)], displacement_terms, [],
                period_lengths, confidence)


def wdd_single_control(T_b: float, T_a: float, D_b: float, D_a: float, C_b: float, C_a: float, *,
                       period_lengths: tuple[float, float] = (1.0, 1.0),
                       confidence: float = 0.95) -> WddResult:
    """WDD with one control area C for both the target T and the buffer D.

    WDD = (T_a - T_b) + (D_a - D_b) - 2 (C_a - C_b). Because the same control change is
    subtracted twice, its variance counts four times: variance = T_b + T_a + D_b + D_a
    + 4 (C_b + C_a). The local and displacement components each subtract the control once, and
    their standard errors count it once. A separate control area for the buffer (:func:`wdd`)
    gives a smaller variance and is better when one is available.
    """
    t_b, t_a = _count(T_b, "T_b"), _count(T_a, "T_a")
    d_b, d_a = _count(D_b, "D_b"), _count(D_a, "D_a")
    c_b, c_a = _count(C_b, "C_b"), _count(C_a, "C_a")
    return _wdd([(1.0, t_b, t_a)], [(1.0, d_b, d_a)], [(-1.0, -1.0, c_b, c_a)],
                period_lengths, confidence)


def check_periods(before: tuple[Any, Any], after: tuple[Any, Any], texts: Sequence[str]) -> None:
    """Refuse a before and an after period ([start, end), any comparable bounds) that overlap, or an after
    period that starts before the before period (InputError quoting ``texts``: before start and end,
    after start and end as the user wrote them)."""
    if before[0] < after[1] and after[0] < before[1]:
        raise InputError("The before period ({} to {}) and the after period ({} to {}) overlap; an incident "
                         "may count in one period only.", texts[0], texts[1], texts[2], texts[3])
    if after[0] < before[0]:
        raise InputError("The after period ({} to {}) lies before the before period ({} to {}); swap them.",
                         texts[2], texts[3], texts[0], texts[1])


@dataclass(frozen=True)
class InterventionEffect:
    """The WDQ and WDD of one intervention; ``period_lengths`` as passed to the WDD (before, after),
    ``separate_control`` when the buffer had its own control area."""

    quotient: WdqResult
    test: WddResult
    period_lengths: tuple[float, float]
    separate_control: bool


def intervention_effect(target: tuple[float, float], buffer: tuple[float, float], control: tuple[float, float],
                        control_buffer: tuple[float, float] | None = None, *, days_before: float,
                        days_after: float) -> InterventionEffect:
    """WDQ (Bowers & Johnson 2003) and WDD (Wheeler & Ratcliffe 2018) from (before, after) counts per area.

    With ``control_buffer`` the buffer is compared with its own control (:func:`wdd`), else the one
    control serves both (:func:`wdd_single_control`). Periods of unequal length scale the after
    counts to the before period's length in the WDD (Wheeler 2021); the WDQ, a ratio of ratios,
    needs no scaling.
    """
    lengths = (1.0, days_after / days_before) if days_after != days_before else (1.0, 1.0)
    t_b, t_a = target
    d_b, d_a = buffer
    c_b, c_a = control
    if control_buffer is not None:
        test = wdd(t_b, t_a, c_b, c_a, d_b, d_a, *control_buffer, period_lengths=lengths)
    else:
        test = wdd_single_control(t_b, t_a, d_b, d_a, c_b, c_a, period_lengths=lengths)
    return InterventionEffect(wdq(t_b, t_a, d_b, d_a, c_b, c_a), test, lengths, control_buffer is not None)
