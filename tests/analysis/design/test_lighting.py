"""Lighting engine: point illuminance, EULUMDAT, EN 13201-3 grid, classes (REFERENCES.md, Security by design)."""
from __future__ import annotations

import math

import numpy as np
import pytest
from scipy.integrate import trapezoid

from besecure.analysis.design.lighting import (
    CosinePowerDistribution,
    IntensityTable,
    en13201_grid,
    en13201_points_across,
    en13201_points_along,
    evaluate_class,
    failing_stretches,
    point_illuminance,
    read_eulumdat,
)
from besecure.knowledge.rulesets import load_ruleset

EN13201 = load_ruleset("en13201")


def ldt_text(
    isym: int,
    c_angles: list[float],
    gamma_angles: list[float],
    intensities: list[float],
    flux: float = 4000.0,
    cfli: str = "1",
    comma: bool = False,
) -> str:
    """A hand-written EULUMDAT file following the published line layout (AGi32 / DIAL tables)."""
    nc = len(c_angles)
    dc = c_angles[1] - c_angles[0] if nc > 1 else 0
    dg = gamma_angles[1] - gamma_angles[0]

    def num(v: float) -> str:
        s = f"{v:.12g}"
        return s.replace(".", ",") if comma else s

    lines = [
        "BESECURE test luminaire / hand written",  # 1 identification
        "1" if isym == 1 else "3",  # 2 Ityp
        str(isym),  # 3 Isym
        str(nc),  # 4 Nc
        num(dc),  # 5 Dc
        str(len(gamma_angles)),  # 6 Ng
        num(dg),  # 7 Dg
        "TEST-001",  # 8 measurement report
        "Test luminaire",  # 9 luminaire name
        "T-1",  # 10 luminaire number
        "test.ldt",  # 11 file name
        "2026-01-01 / tester",  # 12 date / user
        "100", "100", "50",  # 13-15 luminaire length, width, height (mm)
        "80", "80",  # 16-17 luminous area length, width
        "0", "0", "0", "0",  # 18-21 luminous area heights C0, C90, C180, C270
        "50",  # 22 downward flux fraction (%)
        "100",  # 23 light output ratio (%)
        cfli,  # 24 conversion factor
        "0",  # 25 tilt
        "1",  # 26 number of lamp sets
        "1",  # 26a number of lamps
        "LED module",  # 26b lamp type
        num(flux),  # 26c total luminous flux (lm)
        "3000K",  # 26d colour temperature
        "80",  # 26e colour rendering
        "30",  # 26f wattage
    ]
    lines += ["0.5"] * 10  # 27 direct ratios
    lines += [num(c) for c in c_angles]  # 28
    lines += [num(g) for g in gamma_angles]  # 29
    lines += [num(i) for i in intensities]  # 30 cd/klm
    return "\r\n".join(lines) + "\r\n"


GAMMAS = [float(g) for g in range(0, 181, 10)]  # 19 angles
ISO_CD_PER_KLM = 1000.0 / (4.0 * math.pi)  # 79.577 cd/klm: isotropic


# --------------------------------------------------------------------------------------------
# Point illuminance (REFERENCES.md: isotropic 4,000 lm at H = 5 m)


def test_isotropic_reference_values():
    pts = np.array([[0.0, 0.0], [5.0, 0.0], [10.0, 0.0], [15.0, 0.0]])
    e = point_illuminance(np.array([[0.0, 0.0]]), 5.0, 4000.0, pts)
    np.testing.assert_allclose(e, [12.73, 4.50, 1.14, 0.40], atol=0.005)


def test_isotropic_intensity_is_318_cd():
    # E directly below = I / H^2, so I = E * H^2 = 318.3 cd for 4,000 lm.
    e = point_illuminance([[0, 0]], 1.0, 4000.0, [[0, 0]])
    assert e[0] == pytest.approx(318.3, abs=0.05)


def test_offset_in_any_direction_is_the_same():
    pts = np.array([[5.0, 0.0], [0.0, 5.0], [-5.0, 0.0], [3.0, -4.0]])
    e = point_illuminance([[0, 0]], 5.0, 4000.0, pts)
    np.testing.assert_allclose(e, 4.50, atol=0.005)


def test_superposition_two_lamps_equal_sum():
    lamps = np.array([[0.0, 0.0], [12.0, 3.0]])
    pts = np.random.default_rng(1).uniform(-10, 20, size=(50, 2))
    both = point_illuminance(lamps, [5.0, 6.0], [4000.0, 2500.0], pts)
    one = point_illuminance(lamps[:1], 5.0, 4000.0, pts)
    two = point_illuminance(lamps[1:], 6.0, 2500.0, pts)
    np.testing.assert_allclose(both, one + two, rtol=1e-12)


def test_maintenance_factor_scales_linearly():
    pts = np.array([[0.0, 0.0], [7.0, 1.0]])
    full = point_illuminance([[0, 0]], 5.0, 4000.0, pts)
    np.testing.assert_allclose(point_illuminance([[0, 0]], 5.0, 4000.0, pts, maintenance_factor=0.8), 0.8 * full)


def test_max_distance_cuts_far_lamps_only():
    pts = np.array([[0.0, 0.0], [5.0, 0.0], [10.0, 0.0], [15.0, 0.0]])
    e = point_illuminance([[0, 0]], 5.0, 4000.0, pts, max_distance=12.0)
    np.testing.assert_allclose(e, [12.73, 4.50, 1.14, 0.0], atol=0.005)


@pytest.mark.parametrize("bad", [0.0, -2.0, float("nan"), float("inf")])
def test_bad_lamp_height_names_the_lamp(bad):
    with pytest.raises(ValueError, match="lamp 1"):
        point_illuminance([[0, 0], [5, 5], [9, 9]], [5.0, bad, 5.0], 4000.0, [[0, 0]])


def test_bad_lamp_position_names_the_lamp():
    with pytest.raises(ValueError, match="lamp 2"):
        point_illuminance([[0, 0], [5, 5], [np.nan, 9]], 5.0, 4000.0, [[0, 0]])
    with pytest.raises(ValueError, match="points_xy"):
        point_illuminance([[0, 0]], 5.0, 4000.0, [[0, np.inf]])


def test_bad_maintenance_factor_and_flux():
    with pytest.raises(ValueError, match="lamp 0"):
        point_illuminance([[0, 0]], 5.0, 4000.0, [[0, 0]], maintenance_factor=1.2)
    with pytest.raises(ValueError, match="lamp 0"):
        point_illuminance([[0, 0]], 5.0, -1.0, [[0, 0]])


def test_cosine_power_lambertian_below_lamp():
    # Lambertian downlight: I0 = flux / pi, so E below = flux / (pi H^2).
    e = point_illuminance([[0, 0]], 4.0, CosinePowerDistribution(3000.0, 1.0), [[0, 0]])
    assert e[0] == pytest.approx(3000.0 / (math.pi * 16.0), rel=1e-12)


@pytest.mark.parametrize("m", [0.0, 1.0, 3.5])
def test_cosine_power_holds_its_flux(m):
    dist = CosinePowerDistribution(1000.0, m)
    gamma = np.linspace(0.0, 180.0, 20001)
    intensity = dist(np.zeros_like(gamma), gamma)
    # Flux = integral of I over the sphere = 2 pi * integral I(gamma) sin(gamma) dgamma.
    flux = 2 * math.pi * trapezoid(intensity * np.sin(np.radians(gamma)), np.radians(gamma))
    assert flux == pytest.approx(1000.0, rel=1e-4)


# --------------------------------------------------------------------------------------------
# EULUMDAT


def test_read_isotropic_ldt():
    table = read_eulumdat(ldt_text(1, [0.0], GAMMAS, [ISO_CD_PER_KLM] * len(GAMMAS), flux=4000.0))
    assert table.symmetry == 1
    assert table.lamp_flux_lm == 4000.0
    assert table.name == "Test luminaire"
    assert table.ra == 80.0
    np.testing.assert_allclose(table.gamma_deg, GAMMAS)
    assert table(np.array([37.0]), np.array([12.5]))[0] == pytest.approx(4000.0 / (4 * math.pi))


def test_isotropic_ldt_equals_isotropic_flux():
    table = read_eulumdat(ldt_text(1, [0.0], GAMMAS, [ISO_CD_PER_KLM] * len(GAMMAS), flux=4000.0))
    lamps = np.array([[0.0, 0.0], [20.0, 5.0]])
    pts = np.random.default_rng(2).uniform(-15, 30, size=(200, 2))
    e_table = point_illuminance(lamps, 5.0, table, pts, lamp_azimuth_deg=[0.0, 123.0])
    e_iso = point_illuminance(lamps, 5.0, 4000.0, pts)
    np.testing.assert_allclose(e_table, e_iso, rtol=1e-9)


def test_read_ldt_bytes_with_decimal_commas():
    text = ldt_text(1, [0.0], GAMMAS, [ISO_CD_PER_KLM] * len(GAMMAS), flux=2500.5, comma=True)
    table = read_eulumdat(("Lampe é\n" + text.split("\n", 1)[1]).encode("latin-1"))  # not UTF-8
    assert table.lamp_flux_lm == pytest.approx(2500.5)
    assert table(0.0, 0.0) == pytest.approx(ISO_CD_PER_KLM * 2.5005, rel=1e-6)
    assert read_eulumdat(text.encode("utf-8")).lamp_flux_lm == pytest.approx(2500.5)


def test_conversion_factor_scales_intensities():
    table = read_eulumdat(ldt_text(1, [0.0], GAMMAS, [100.0] * len(GAMMAS), flux=1000.0, cfli="2"))
    assert table(0.0, 30.0) == pytest.approx(200.0)


def _four_planes(isym: int, stored: list[float]) -> IntensityTable:
    """Nc = 4 planes (0, 90, 180, 270); each stored plane constant over gamma 0..180."""
    gam = [0.0, 90.0, 180.0]
    values = [v for v in stored for _ in gam]
    return read_eulumdat(ldt_text(isym, [0.0, 90.0, 180.0, 270.0], gam, values, flux=1000.0))


def test_no_symmetry_bilinear_in_c_with_wrap():
    table = _four_planes(0, [100.0, 200.0, 300.0, 400.0])
    c = np.array([0.0, 45.0, 90.0, 270.0, 315.0, 359.0, -45.0])
    np.testing.assert_allclose(table(c, np.full(c.shape, 30.0)), [100, 150, 200, 400, 250, 100 + 300 * (1 / 90), 250])


def test_bilinear_in_gamma():
    gam = [0.0, 90.0, 180.0]
    table = read_eulumdat(ldt_text(1, [0.0], gam, [300.0, 100.0, 0.0], flux=1000.0))
    np.testing.assert_allclose(table(np.zeros(3), np.array([45.0, 90.0, 135.0])), [200.0, 100.0, 50.0])


def test_symmetry_c0_c180():
    table = _four_planes(2, [100.0, 200.0, 300.0])  # C0, C90, C180 stored
    np.testing.assert_allclose(table(np.array([270.0, 90.0, 315.0, 45.0]), np.full(4, 10.0)), [200, 200, 150, 150])


def test_symmetry_c90_c270_stores_c270_to_c90():
    # Isym 3 stores planes C270, C0, C90 (indices 3Nc/4 .. 3Nc/4 + Nc/2 modulo Nc).
    table = _four_planes(3, [400.0, 100.0, 200.0])
    c = np.array([270.0, 0.0, 90.0, 180.0, 135.0, 45.0, 225.0, 315.0])
    np.testing.assert_allclose(table(c, np.full(c.shape, 10.0)), [400, 100, 200, 100, 150, 150, 250, 250])


def test_symmetry_both_planes():
    table = _four_planes(4, [100.0, 300.0])  # C0, C90
    c = np.array([0.0, 90.0, 180.0, 270.0, 135.0, 225.0])
    np.testing.assert_allclose(table(c, np.full(c.shape, 10.0)), [100, 300, 100, 300, 200, 200])


def test_azimuth_convention_c0_bearing_and_c90_to_the_left():
    # C0 bright (1000 cd/klm), C90 medium (500), C180 and C270 dark; flux 1000 lm.
    table = _four_planes(0, [1000.0, 500.0, 0.0, 0.0])
    # C0 points east (compass 90); C90 is 90 deg counter-clockwise: north.
    pts = np.array([[10.0, 0.0], [0.0, 10.0], [-10.0, 0.0], [0.0, -10.0]])
    e = point_illuminance([[0, 0]], 10.0, table, pts, lamp_azimuth_deg=90.0)
    h_over_d3 = 10.0 / (math.sqrt(200.0) ** 3)
    np.testing.assert_allclose(e, [1000 * h_over_d3, 500 * h_over_d3, 0.0, 0.0], rtol=1e-12)


def test_bad_ldt_raises():
    with pytest.raises(ValueError, match="EULUMDAT"):
        read_eulumdat("not an ldt\nfile")
    text = ldt_text(1, [0.0], GAMMAS, [ISO_CD_PER_KLM] * 5)  # too few intensities
    with pytest.raises(ValueError, match="need"):
        read_eulumdat(text)


# --------------------------------------------------------------------------------------------
# Shadowing by buildings


def test_wall_blocks_point_behind_not_beside():
    wall = [np.array([[4.0, -2.0], [6.0, -2.0], [6.0, 2.0], [4.0, 2.0]])]
    pts = np.array([[10.0, 0.0], [10.0, 6.0], [-10.0, 0.0]])
    free = point_illuminance([[0, 0]], 5.0, 4000.0, pts)
    shadowed = point_illuminance([[0, 0]], 5.0, 4000.0, pts, occluders=wall)
    assert shadowed[0] == 0.0  # behind the building
    assert shadowed[1] == pytest.approx(free[1])  # sight line passes north of the building
    assert shadowed[2] == pytest.approx(free[2])  # other side of the lamp
    # Same answer on the pruned (max_distance) path, and for a second lamp that sees the point.
    pruned = point_illuminance([[0, 0]], 5.0, 4000.0, pts, occluders=wall, max_distance=50.0)
    np.testing.assert_allclose(pruned, shadowed)
    two = point_illuminance([[0, 0], [10.0, -5.0]], 5.0, 4000.0, pts, occluders=wall)
    assert two[0] == pytest.approx(point_illuminance([[10.0, -5.0]], 5.0, 4000.0, pts[:1])[0])


def test_points_inside_a_building_are_dark():
    block = [np.array([[4.0, -2.0], [6.0, -2.0], [6.0, 2.0], [4.0, 2.0]])]
    e = point_illuminance([[0, 0]], 5.0, 4000.0, np.array([[5.0, 0.0], [3.0, 0.0]]), occluders=block)
    assert e[0] == 0.0 and e[1] > 0.0


# --------------------------------------------------------------------------------------------
# EN 13201-3 grid


def test_grid_along_boundary_30_vs_31():
    assert en13201_points_along(30.0) == (10, 3.0)
    n, d = en13201_points_along(31.0)
    assert n == 11 and d == pytest.approx(31.0 / 11.0)
    assert en13201_points_along(10.0) == (10, 1.0)
    assert en13201_points_along(60.0) == (20, 3.0)
    assert en13201_points_along(36.0) == (12, 3.0)
    n, d = en13201_points_along(61.0)
    assert n == 21 and d <= 3.0


def test_grid_across_rules():
    assert en13201_points_across(3.0) == (3, 1.0)  # at least 3 points
    n, d = en13201_points_across(4.0)
    assert n == 3 and d == pytest.approx(4.0 / 3.0)
    assert en13201_points_across(4.5) == (3, 1.5)  # exactly 1.5 m spacing allowed
    n, d = en13201_points_across(5.0)
    assert n == 4 and d == 1.25


def test_grid_first_points_offsets():
    grid = en13201_grid(np.array([[0.0, 0.0], [31.0, 0.0]]), 3.0)
    d_along = 31.0 / 11.0
    assert grid.xy.shape == (11 * 3, 2)
    first = grid.xy[(grid.along == 0) & (grid.across == 0)][0]
    np.testing.assert_allclose(first, [d_along / 2.0, 1.0])  # D/2 along; d/2 = 0.5 m from the left edge (y = 1.5)
    np.testing.assert_allclose(np.unique(grid.xy[:, 1]), [-1.0, 0.0, 1.0])
    np.testing.assert_allclose(np.unique(grid.xy[:, 0]), d_along * (np.arange(11) + 0.5))
    assert grid.spacing_across == 1.0


def test_grid_polyline_segments_and_distance_along():
    grid = en13201_grid(np.array([[0.0, 0.0], [30.0, 0.0], [30.0, 40.0]]), 2.0)
    np.testing.assert_allclose(grid.spacing_along, [3.0, 40.0 / 14.0])
    seg1 = grid.segment == 1
    assert seg1.sum() == 14 * 3
    # Second segment runs north; left of travel is west (x < 30).
    first = grid.xy[seg1 & (grid.along == 0) & (grid.across == 0)][0]
    np.testing.assert_allclose(first, [30.0 - 2.0 / 3.0, 20.0 / 14.0])
    assert grid.distance_along[seg1].min() == pytest.approx(30.0 + 20.0 / 14.0)


def test_grid_bad_input():
    with pytest.raises(ValueError):
        en13201_grid(np.array([[0.0, 0.0], [10.0, 0.0]]), 0.0)
    with pytest.raises(ValueError):
        en13201_grid(np.array([[0.0, 0.0]]), 2.0)


# --------------------------------------------------------------------------------------------
# Classes

P_CLASSES = {
    "P1": (15.0, 3.0),
    "P2": (10.0, 2.0),
    "P3": (7.5, 1.5),
    "P4": (5.0, 1.0),
    "P5": (3.0, 0.6),
    "P6": (2.0, 0.4),
}


@pytest.mark.parametrize("name,avg_min", P_CLASSES.items())
def test_p_class_table(name, avg_min):
    e_avg, e_min = avg_min
    at_limit = np.array([e_min, 2 * e_avg - e_min])  # mean e_avg, minimum e_min
    v = evaluate_class(at_limit, name, EN13201)
    assert v.verdict == "pass", v.reasons
    assert v.e_avg == pytest.approx(e_avg) and v.e_min == pytest.approx(e_min)
    assert v.u0 == pytest.approx(e_min / e_avg)
    assert evaluate_class(at_limit + [-0.01, 0.01], name, EN13201).verdict == "fail"  # minimum just below
    avg_below = np.array([e_min, 2 * e_avg - e_min - 0.02])  # minimum at the limit, mean 0.01 below
    assert evaluate_class(avg_below, name, EN13201).verdict == "fail"
    assert evaluate_class(np.full(4, 1.5 * e_avg), name, EN13201).verdict == "pass"
    over = evaluate_class(np.full(4, 1.5 * e_avg + 0.01), name, EN13201)
    assert over.verdict == "over-lit"
    assert any("over-lit" in r for r in over.reasons)


def _with_uniformity(avg: float, u0: float) -> np.ndarray:
    return np.array([avg * u0, avg * (2 - u0)])


@pytest.mark.parametrize(
    "avg,u0,ra,verdict",
    [
        (3.0, 0.3, 25, "pass"),  # option 1
        (2.0, 0.3, 60, "pass"),  # option 2
        (3.0, 0.2, 60, "pass"),  # option 3
        (2.0, 0.3, 59, "fail"),  # option 2 needs Ra 60
        (3.0, 0.2, 59, "fail"),  # option 1 needs Emin/Eav 0.3, option 3 Ra 60
        (2.9, 0.3, 25, "fail"),  # option 1 needs 3 lx
        (1.9, 0.5, 90, "fail"),  # all need at least 2 lx
        (50.0, 0.9, 90, "pass"),  # no over-lit rule in the Dutch criteria
    ],
)
def test_dutch_social_safety_any_of(avg, u0, ra, verdict):
    v = evaluate_class(_with_uniformity(avg, u0), "social_safety", load_ruleset("dutch_social_safety"), ra=ra)
    assert v.verdict == verdict, v.reasons


def test_dutch_criteria_need_ra():
    v = evaluate_class(_with_uniformity(5.0, 0.5), "social_safety", load_ruleset("dutch_social_safety"))
    assert v.verdict == "fail"
    assert all("Ra" in r for r in v.reasons)


def test_evaluate_class_bad_input():
    with pytest.raises(ValueError, match="P9"):
        evaluate_class(np.ones(3), "P9", EN13201)
    with pytest.raises(ValueError):
        evaluate_class(np.array([1.0, np.nan]), "P1", EN13201)
    with pytest.raises(ValueError):
        evaluate_class(np.ones(3), "P1", load_ruleset("cctv_en62676"))


# --------------------------------------------------------------------------------------------
# Failing stretches


def test_failing_stretches_rows_and_edges():
    grid = en13201_grid(np.array([[0.0, 0.0], [30.0, 0.0]]), 3.0)  # rows at 1.5, 4.5, ..., 28.5
    e = np.full(grid.xy.shape[0], 5.0)
    e[(grid.along == 3) & (grid.across == 1)] = 0.2  # one dark point in row 3 (10.5 m)
    e[grid.along == 4] = 0.5  # whole row 4 (13.5 m)
    e[(grid.along == 0) & (grid.across == 2)] = 0.1  # first row
    e[grid.along == 9] = 0.1  # last row
    stretches = failing_stretches(grid.distance_along, e >= 1.0, path_length=30.0)
    np.testing.assert_allclose(stretches, [[0.0, 3.0], [9.0, 15.0], [27.0, 30.0]])


def test_failing_stretches_none_and_all():
    pos = np.array([1.0, 3.0, 5.0])
    assert failing_stretches(pos, np.ones(3, bool)).shape == (0, 2)
    np.testing.assert_allclose(failing_stretches(pos, np.zeros(3, bool)), [[0.0, 6.0]])
