"""Hostile vehicle mitigation: speeds, energy, barrier ratings (REFERENCES.md, Security by design)."""
from __future__ import annotations

import math

import numpy as np
import pytest

from besecure.analysis.design.vehicle import (
    barrier_adequate,
    curve_speed_cap,
    kinetic_energy_kj,
    kmh_to_ms,
    ms_to_kmh,
    parse_barrier_rating,
    rated_energy_kj,
    run_up_speed,
    speed_along_path,
    speed_along_polyline,
    turn_radii,
    vehicle_class_for_mass,
    vehicle_classes,
    vehicles_admitted,
)
from besecure.knowledge.rulesets import load_ruleset

VEHICLES = load_ruleset("vehicles")


def test_default_vehicle_classes():
    cls = vehicle_classes(VEHICLES)
    assert list(cls) == ["car", "van", "rigid_truck", "articulated"]
    assert [cls[k].acceleration_ms2 for k in ("car", "van", "rigid_truck")] == [3.0, 2.0, 1.0]
    assert [cls[k].mass_kg for k in cls] == [1500, 3500, 7500, 30000]
    assert cls["car"].min_opening_m == 1.50


def test_openings_under_150_admit_no_car():
    admitted = vehicles_admitted(np.array([1.2, 1.49, 1.50, 2.0, 2.3]), VEHICLES)
    np.testing.assert_array_equal(admitted["car"], [False, False, True, True, True])
    np.testing.assert_array_equal(admitted["van"], [False, False, False, False, True])
    np.testing.assert_array_equal(admitted["articulated"], [False, False, False, False, True])


def test_run_up_speed():
    assert run_up_speed(0.0, 3.0, 50.0) == pytest.approx(math.sqrt(300.0))  # 17.32 m/s = 62.4 km/h
    assert run_up_speed(10.0, 2.0, 25.0) == pytest.approx(math.sqrt(200.0))
    assert run_up_speed(0.0, 1.0, 0.0) == 0.0
    np.testing.assert_allclose(run_up_speed(0.0, np.array([3.0, 2.0, 1.0]), 50.0), np.sqrt([300.0, 200.0, 100.0]))
    with pytest.raises(ValueError):
        run_up_speed(0.0, -1.0, 10.0)


def test_curve_speed_cap():
    assert curve_speed_cap(20.0) == pytest.approx(math.sqrt(0.6 * 9.81 * 20.0))  # 10.85 m/s
    assert curve_speed_cap(20.0) == pytest.approx(10.85, abs=0.005)
    assert curve_speed_cap(20.0, f=1.0) == pytest.approx(14.01, abs=0.005)
    assert curve_speed_cap(np.inf) == np.inf


def test_kinetic_energy_reference():
    # 7,500 kg at 64 km/h = 1,185 kJ.
    assert kinetic_energy_kj(7500.0, kmh_to_ms(64.0)) == pytest.approx(1185.0, abs=1.0)
    assert ms_to_kmh(kmh_to_ms(64.0)) == pytest.approx(64.0)


def _loop_reference(lengths, radii, a, v0, vmax, f=0.6):
    """Segment by segment: accelerate, cap at vmax, cap at the bend."""
    v = v0
    out = [v]
    for i, length in enumerate(lengths):
        v = math.sqrt(v * v + 2 * a * length)
        if vmax is not None:
            v = min(v, vmax)
        if i < len(lengths) - 1:
            v = min(v, math.sqrt(f * 9.81 * radii[i]))
        out.append(v)
    return out


def test_speed_along_path_cap_then_accelerate():
    v = speed_along_path([50.0, 50.0], [20.0], a=3.0)
    np.testing.assert_allclose(v, [0.0, math.sqrt(0.6 * 9.81 * 20.0), math.sqrt(0.6 * 9.81 * 20.0 + 300.0)])
    assert v[-1] == pytest.approx(20.44, abs=0.01)
    # A bend wider than needed does not slow the vehicle.
    np.testing.assert_allclose(speed_along_path([50.0, 50.0], [1000.0], a=3.0)[-1], math.sqrt(600.0))
    assert speed_along_path([100.0], None, a=3.0, vmax=15.0)[-1] == pytest.approx(15.0)
    np.testing.assert_allclose(speed_along_path([50.0, 50.0], [np.inf, 20.0, np.inf], a=3.0), v)


@pytest.mark.parametrize("seed", range(5))
def test_speed_along_path_matches_loop(seed):
    rng = np.random.default_rng(seed)
    lengths = rng.uniform(5, 80, 8)
    radii = rng.uniform(5, 200, 7)
    v0 = float(rng.uniform(0, 8))
    vmax = float(rng.uniform(10, 25)) if seed % 2 else None
    got = speed_along_path(lengths, radii, a=2.0, v0=v0, vmax=vmax)
    np.testing.assert_allclose(got, _loop_reference(lengths, radii, 2.0, v0, vmax), rtol=1e-12)


def test_turn_radii_from_vertices():
    theta = np.radians([0.0, 30.0, 60.0, 90.0])
    circle = np.column_stack([10 * np.cos(theta), 10 * np.sin(theta)])
    r = turn_radii(circle)
    assert np.isinf(r[0]) and np.isinf(r[-1])
    np.testing.assert_allclose(r[1:-1], 10.0)
    assert turn_radii(np.array([[0.0, 0.0], [10.0, 0.0], [20.0, 0.0]]))[1] == np.inf
    assert turn_radii(np.array([[0.0, 0.0], [10.0, 0.0], [0.0, 0.0]]))[1] == 0.0
    # Right-angle corner with 50 m legs: circle through the three vertices has R = 50 / sqrt(2).
    v = speed_along_polyline(np.array([[0.0, 0.0], [50.0, 0.0], [50.0, 50.0]]), a=3.0)
    cap = math.sqrt(0.6 * 9.81 * 50.0 / math.sqrt(2.0))
    np.testing.assert_allclose(v, [0.0, cap, math.sqrt(cap * cap + 300.0)])


# --------------------------------------------------------------------------------------------
# Ratings


def test_parse_iwa14():
    r = parse_barrier_rating("V/7200[N2B]/80/90:0.7")
    assert (r.standard, r.test_method, r.vehicle_mass_kg, r.vehicle_class) == ("IWA 14-1", "V", 7200.0, "N2B")
    assert (r.speed_kmh, r.impact_angle_deg, r.penetration_m, r.debris_m) == (80.0, 90.0, 0.7, None)
    assert parse_barrier_rating("IWA 14-1:2013 V/7200[N2B]/80/90:0.7").edition == "2013"


def test_parse_pas68():
    r = parse_barrier_rating("V/7500[N3C]/80/90.0/1.1/0")
    assert (r.standard, r.vehicle_mass_kg, r.vehicle_class, r.speed_kmh) == ("PAS 68", 7500.0, "N3C", 80.0)
    assert (r.impact_angle_deg, r.penetration_m, r.debris_m) == (90.0, 1.1, 0.0)
    r13 = parse_barrier_rating("PAS 68:2013 V/7500[N2]/80/90:0/25")
    assert (r13.standard, r13.edition, r13.penetration_m, r13.debris_m) == ("PAS 68", "2013", 0.0, 25.0)
    old = parse_barrier_rating("PAS 68 V/7500(N3)/48/90/4.6/15.8")
    assert (old.vehicle_class, old.speed_kmh, old.penetration_m, old.debris_m) == ("N3", 48.0, 4.6, 15.8)


def test_parse_iso22343_as_iwa_layout():
    r = parse_barrier_rating("ISO 22343-1:2023 V/7200[N3C]/80/90:0.8")
    got = (r.standard, r.edition, r.vehicle_mass_kg, r.speed_kmh, r.penetration_m)
    assert got == ("ISO 22343-1", "2023", 7200.0, 80.0, 0.8)


def test_parse_astm_f2656():
    r = parse_barrier_rating("M50 P1")
    assert (r.standard, r.vehicle_class, r.vehicle_mass_kg) == ("ASTM F2656", "M", 6800.0)
    assert r.speed_kmh == pytest.approx(80.0, abs=0.5)  # 50 mph
    assert (r.penetration_class, r.penetration_m) == ("P1", 1.0)
    cases = {
        "M30": ("M", 6800.0, 48.0, None),
        "ASTM F2656-07 M40 P2": ("M", 6800.0, 64.0, 7.0),
        "C40 P3": ("C", 1100.0, 64.0, 30.0),
        "C60": ("C", 1100.0, 97.0, None),
        "PU50-P1": ("PU", 2300.0, 80.0, 1.0),
        "H30 P1": ("H", 29500.0, 48.0, 1.0),
        "ASTM F2656/F2656M-15 C750 P1": ("C7", 7200.0, 80.0, 1.0),
    }
    for text, (veh, mass, kmh, pen) in cases.items():
        p = parse_barrier_rating(text)
        assert (p.vehicle_class, p.vehicle_mass_kg, p.penetration_m) == (veh, mass, pen), text
        assert p.speed_kmh == pytest.approx(kmh, abs=0.6), text


def test_parse_k_ratings():
    for text, mph in (("K4", 30), ("K8", 40), ("K12", 50)):
        r = parse_barrier_rating(text)
        assert r.vehicle_mass_kg == pytest.approx(6804.0, abs=1.0)  # 15,000 lb
        assert r.speed_kmh == pytest.approx(mph * 1.609344)
    assert parse_barrier_rating("K12 L3").penetration_m == 1.0


@pytest.mark.parametrize(
    "bad", ["", "V/7200", "hello", "M70 P1", "M60 P1", "K12 L4", "V/7200[N2B]/0/90:0.7", "V/7200[N2B]/80/120:0.7"]
)
def test_bad_rating_strings(bad):
    with pytest.raises(ValueError) as err:
        parse_barrier_rating(bad)
    assert "IWA 14-1" in str(err.value) and "ASTM F2656" in str(err.value) and "PAS 68" in str(err.value)


def test_rated_energy():
    assert rated_energy_kj("V/7500[N3C]/80/90.0/1.1/0") == pytest.approx(0.5 * 7500 * (80 / 3.6) ** 2 / 1000)
    assert rated_energy_kj(parse_barrier_rating("V/7500[N3C]/64/90:0")) == pytest.approx(1185.0, abs=1.0)


def test_barrier_adequate_rules():
    truck = vehicle_classes(VEHICLES)["rigid_truck"].mass_kg
    ok = barrier_adequate("V/7500[N3C]/80/90.0/1.1/0", truck, kmh_to_ms(64.0), VEHICLES)
    assert ok.adequate and ok.impact_energy_kj == pytest.approx(1185.0, abs=1.0)
    slow = barrier_adequate("V/7500[N3C]/48/90:0.5/3", truck, kmh_to_ms(64.0), VEHICLES)
    assert not slow.adequate and any("test speed 48.0 km/h <" in r for r in slow.reasons)
    # A car rating at high speed has more energy than a slow truck, but is a lighter class.
    car = barrier_adequate("V/1500[M1]/112/90:0", truck, kmh_to_ms(30.0), VEHICLES)
    assert car.rated_energy_kj > car.impact_energy_kj
    assert not car.adequate and car.rated_class == "car" and car.threat_class == "rigid_truck"
    # Same class and speed, but 7,200 kg test mass against a 7,500 kg threat: less energy.
    light = barrier_adequate("V/7200[N2A]/80/90:0", 7500.0, kmh_to_ms(80.0), VEHICLES)
    assert not light.adequate and any("test energy" in r and "<" in r for r in light.reasons)
    assert barrier_adequate("M50 P1", 7500.0, kmh_to_ms(64.0), VEHICLES).adequate


def test_vehicle_class_for_mass():
    assert vehicle_class_for_mass(6800.0, vehicle_classes(VEHICLES)).name == "rigid_truck"
    assert vehicle_class_for_mass(1100.0, vehicle_classes(VEHICLES)).name == "car"
    assert vehicle_class_for_mass(29500.0, vehicle_classes(VEHICLES)).name == "articulated"
