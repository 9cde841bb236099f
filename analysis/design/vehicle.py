"""Hostile vehicle mitigation (HVM): run-up speed, impact energy and barrier ratings.

Units: masses in kg, distances in m, accelerations in m/s^2 and speeds in **m/s** throughout the
mechanics functions (use :func:`kmh_to_ms` / :func:`ms_to_kmh`); barrier ratings carry their
published test speed in km/h (``BarrierRating.speed_kmh``).

- Run-up (constant acceleration from ``v0`` over ``s``): ``v = sqrt(v0^2 + 2 a s)``.
- Curve cap (friction circle): ``v = sqrt(f g r)``; ``f = 0.6`` typical, ``1.0`` conservative
  (a vehicle can take the bend faster).
- Kinetic energy ``E = 1/2 m v^2`` (7,500 kg at 64 km/h = 1,185 kJ).

Vehicle classes (mass, acceleration, narrowest opening they pass) are in the editable rule set
``knowledge/rulesets/vehicles.json``.
"""
from __future__ import annotations

import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from .rules import RulesetLike, check_ruleset, constant

G = 9.81
MPH_TO_KMH = 1.609344
LB_TO_KG = 0.45359237
DEFAULT_CURVE_FRICTION = 0.6


def kmh_to_ms(v_kmh: float | np.ndarray) -> float | np.ndarray:
    """km/h -> m/s."""
    v = np.asarray(v_kmh, dtype=float) / 3.6
    return float(v) if v.ndim == 0 else v


def ms_to_kmh(v_ms: float | np.ndarray) -> float | np.ndarray:
    """m/s -> km/h."""
    v = np.asarray(v_ms, dtype=float) * 3.6
    return float(v) if v.ndim == 0 else v


# --------------------------------------------------------------------------------------------
# Vehicle classes


@dataclass(frozen=True)
class VehicleClass:
    """A design vehicle: mass (kg), acceleration from standstill (m/s^2), narrowest opening (m)."""

    name: str
    label: str
    mass_kg: float
    acceleration_ms2: float
    min_opening_m: float


def vehicle_classes(ruleset: RulesetLike) -> dict[str, VehicleClass]:
    """Vehicle classes of a rule set, lightest first."""
    data = check_ruleset(ruleset)
    if data["kind"] != "vehicles":
        raise InputError("Rule set '{}' is not a vehicle rule set.", data['id'])
    out = [
        VehicleClass(
            name,
            str(entry.get("label", name)),
            constant(entry["mass_kg"]),
            constant(entry["acceleration_ms2"]),
            constant(entry["min_opening_m"]),
        )
        for name, entry in data["classes"].items()
    ]
    return {v.name: v for v in sorted(out, key=lambda v: v.mass_kg)}


def vehicle_class_for_mass(mass_kg: float, classes: Mapping[str, VehicleClass]) -> VehicleClass:
    """The class whose design mass is nearest to ``mass_kg`` on a log scale (ratio, not difference)."""
    if not (math.isfinite(mass_kg) and mass_kg > 0):
        raise InputError("Vehicle mass must be > 0 kg; got {}.", mass_kg)
    return min(classes.values(), key=lambda v: abs(math.log(mass_kg / v.mass_kg)))


def vehicles_admitted(opening_width_m: float | np.ndarray, ruleset: RulesetLike) -> dict[str, np.ndarray]:
    """For each class, whether it can drive straight through each opening (width >= its minimum).

    Width classes after CISA's Vehicle Ramming Self-Assessment Tool: openings under 1.50 m admit
    no car. Vectorised over widths; returns class name -> boolean array.
    """
    w = np.atleast_1d(np.asarray(opening_width_m, dtype=float))
    if np.isnan(w).any() or (w < 0).any():
        raise InputError("Opening widths must be >= 0 metres.")
    return {name: w >= v.min_opening_m for name, v in vehicle_classes(ruleset).items()}


# --------------------------------------------------------------------------------------------
# Speeds and energy


def run_up_speed(v0: float | np.ndarray, a: float | np.ndarray, s: float | np.ndarray) -> float | np.ndarray:
    """Speed (m/s) after accelerating at ``a`` (m/s^2) over ``s`` (m) from ``v0`` (m/s): ``sqrt(v0^2 + 2 a s)``."""
    v0a, aa, sa = (np.asarray(x, dtype=float) for x in (v0, a, s))
    if (v0a < 0).any() or (aa < 0).any() or (sa < 0).any():
        raise ValueError("run_up_speed: v0, a and s must be >= 0.")
    v = np.sqrt(v0a * v0a + 2.0 * aa * sa)
    return float(v) if v.ndim == 0 else v


def curve_speed_cap(radius: float | np.ndarray, f: float = DEFAULT_CURVE_FRICTION, g: float = G) -> float | np.ndarray:
    """Highest speed (m/s) through a bend of radius ``r`` (m): ``sqrt(f g r)`` (``inf`` for a straight)."""
    r = np.asarray(radius, dtype=float)
    if (r < 0).any() or np.isnan(r).any():
        raise InputError("Turn radius must be >= 0 metres (inf for a straight).")
    if not (f > 0 and g > 0):
        raise ValueError("Friction f and gravity g must be > 0.")
    v = np.sqrt(f * g * r)
    return float(v) if v.ndim == 0 else v


def turn_radii(vertices: np.ndarray) -> np.ndarray:
    """Radius (m) of the turn at each vertex of a polyline, from the circle through it and its neighbours.

    The circumradius ``R = |AB| |BC| |CA| / (2 |AB x AC|)`` of three consecutive vertices; ``inf``
    at the two ends and where the path runs straight on, 0 where it doubles back. With long
    straight legs this overestimates the radius a driver can use at a sharp corner; pass measured
    radii to :func:`speed_along_path` when known.
    """
    v = np.asarray(vertices, dtype=float)
    if v.ndim != 2 or v.shape[1] != 2:
        raise ValueError(f"vertices must be a (k, 2) array; got shape {v.shape}.")
    radii = np.full(v.shape[0], np.inf)
    if v.shape[0] < 3:
        return radii
    a, b, c = v[:-2], v[1:-1], v[2:]
    ab, bc, ca = np.hypot(*(b - a).T), np.hypot(*(c - b).T), np.hypot(*(a - c).T)
    cross = (b - a)[:, 0] * (c - a)[:, 1] - (b - a)[:, 1] * (c - a)[:, 0]
    dot = np.einsum("ij,ij->i", b - a, c - b)
    with np.errstate(divide="ignore", invalid="ignore"):
        r = ab * bc * ca / (2.0 * np.abs(cross))
    straight = np.isclose(cross, 0.0, atol=1e-12 * np.maximum(ab * bc, 1.0))
    r = np.where(straight, np.where(dot < 0, 0.0, np.inf), r)
    radii[1:-1] = r
    return radii


def speed_along_path(
    segment_lengths: np.ndarray,
    turn_radii_m: np.ndarray | None,
    a: float,
    v0: float = 0.0,
    vmax: float | None = None,
    f: float = DEFAULT_CURVE_FRICTION,
    g: float = G,
) -> np.ndarray:
    """Achievable speed (m/s) at every vertex of a path; the last value is the impact speed.

    The vehicle starts at ``v0``, accelerates at ``a`` along each straight segment (up to
    ``vmax`` if given) and at each interior vertex is capped to ``sqrt(f g r)`` for that vertex's
    turn radius, then accelerates again. ``turn_radii_m`` gives the interior vertices (length
    ``n_segments - 1``) or all vertices (``n_segments + 1``; the ends are ignored); ``inf`` or
    NaN means no turn, ``None`` a straight path. Braking before a bend is assumed possible
    (only the speed at the bend is capped), which is the conservative reading for HVM.

    Closed form: ``v_i^2 = min(vmax^2, min over k <= i of (c_k^2 + 2 a (S_i - S_k)))`` with
    ``c_0 = v0``, ``c_k`` the caps and ``S`` the distance along the path.
    """
    lengths = np.asarray(segment_lengths, dtype=float).ravel()
    if lengths.size == 0 or (lengths < 0).any() or not np.isfinite(lengths).all():
        raise ValueError("Segment lengths must be a non-empty array of finite numbers >= 0.")
    if not (math.isfinite(a) and a >= 0) or not (math.isfinite(v0) and v0 >= 0):
        raise InputError("Acceleration a and start speed v0 must be >= 0.")
    n = lengths.size
    caps = np.full(n + 1, np.inf)
    if turn_radii_m is not None:
        r: np.ndarray = np.asarray(turn_radii_m, dtype=float).ravel()
        if r.size == n - 1:
            r = np.concatenate([[np.inf], r, [np.inf]])
        elif r.size != n + 1:
            raise ValueError(
                f"turn_radii_m has {r.size} values; expected {n - 1} (interior vertices) or {n + 1} (all)."
            )
        r = np.where(np.isnan(r), np.inf, r)
        caps[1:-1] = curve_speed_cap(r[1:-1], f=f, g=g)
    caps[0] = v0
    dist = np.concatenate([[0.0], np.cumsum(lengths)])
    v2 = 2.0 * a * dist + np.minimum.accumulate(caps * caps - 2.0 * a * dist)
    if vmax is not None:
        v2 = np.minimum(v2, vmax * vmax)
    return np.sqrt(v2)


def speed_along_polyline(
    vertices: np.ndarray,
    a: float,
    v0: float = 0.0,
    vmax: float | None = None,
    f: float = DEFAULT_CURVE_FRICTION,
    g: float = G,
) -> np.ndarray:
    """:func:`speed_along_path` on a polyline, with turn radii from :func:`turn_radii`."""
    v = np.asarray(vertices, dtype=float)
    if v.ndim != 2 or v.shape[0] < 2:
        raise ValueError("A path needs at least 2 vertices.")
    lengths = np.hypot(*np.diff(v, axis=0).T)
    return speed_along_path(lengths, turn_radii(v), a, v0=v0, vmax=vmax, f=f, g=g)


def kinetic_energy_kj(mass_kg: float | np.ndarray, speed_ms: float | np.ndarray) -> float | np.ndarray:
    """Kinetic energy ``1/2 m v^2`` in kJ (mass in kg, speed in m/s)."""
    e = 0.5 * np.asarray(mass_kg, dtype=float) * np.asarray(speed_ms, dtype=float) ** 2 / 1000.0
    return float(e) if e.ndim == 0 else e


# --------------------------------------------------------------------------------------------
# Barrier ratings

ASTM_VEHICLES_KG = {"C": 1100.0, "FS": 2100.0, "PU": 2300.0, "M": 6800.0, "C7": 7200.0, "H": 29500.0}
# Speed designations (mph) each ASTM F2656 test vehicle is rated at.
ASTM_SPEEDS_MPH = {
    "C": (40, 50, 60),
    "FS": (40, 50, 60),
    "PU": (40, 50, 60),
    "M": (30, 40, 50),
    "C7": (30, 40, 50),
    "H": (30, 40, 50),
}
ASTM_PENETRATION_M = {"P1": 1.0, "P2": 7.0, "P3": 30.0, "P4": math.inf}
K_RATING_MPH = {"K4": 30, "K8": 40, "K12": 50}
K_RATING_MASS_KG = 15000 * LB_TO_KG
K_PENETRATION_M = {"L3": 1.0, "L2": 6.0, "L1": 15.0}

_EXPECTED = (
    "Expected one of: IWA 14-1 'V/7200[N2B]/80/90:0.7'; ISO 22343-1 (read with the IWA 14-1 layout); "
    "PAS 68 'V/7500[N3C]/80/90.0/1.1/0' or 'V/7500[N2]/80/90:0/25' (older editions with '(N3)'); "
    "ASTM F2656 'M50 P1' (C/FS/PU at 40-60 mph, M/C7/H at 30-50 mph; P1-P4); DOS K rating 'K12' or 'K12 L3'."
)
_NUM = r"\d+(?:[.,]\d+)?"
_PREFIX = re.compile(
    r"^(?P<std>IWA\s*14(?:-1)?|ISO\s*22343(?:-1)?|PAS\s*68|BSI\s*PAS\s*68|ASTM\s*F\s*2656(?:/F\s*2656M)?|"
    r"DOS(?:\s*SD-STD-02\.01)?|SD-STD-02\.01)(?:\s*[-:]\s*(?P<edition>\d{2,4}[A-Za-z]?(?:\s*Rev\.?\s*A)?))?\s*",
    re.IGNORECASE,
)
_VEHICLE_IMPACT = re.compile(
    rf"^(?P<method>[VDP])\s*/\s*(?P<mass>{_NUM})\s*[\[(]\s*(?P<cls>[A-Z0-9]+)\s*[\])]\s*/\s*(?P<speed>{_NUM})\s*/\s*"
    rf"(?P<angle>{_NUM})\s*(?:[:/]\s*(?P<pen>{_NUM})\s*(?:/\s*(?P<debris>{_NUM}))?)?\s*(?P<extra>/.*)?$",
    re.IGNORECASE,
)
_ASTM = re.compile(r"^(?P<veh>PU|FS|C7|M|C|H)(?P<mph>30|40|50|60)(?:\s*[-/ ]?\s*(?P<pen>P[1-4]))?$", re.IGNORECASE)
_K = re.compile(r"^(?P<k>K4|K8|K12)(?:\s*[-/ ]?\s*(?P<pen>L[1-3]))?$", re.IGNORECASE)


@dataclass(frozen=True)
class BarrierRating:
    """A parsed vehicle-security-barrier rating.

    ``penetration_m`` is the measured penetration (IWA 14-1 / ISO 22343-1 / PAS 68) or the upper
    bound of the rating's penetration class (ASTM ``P1`` <= 1 m, ``P2`` <= 7 m, ``P3`` <= 30 m,
    ``P4`` unbounded; DOS ``L3`` <= 1 m, ``L2`` <= 6 m, ``L1`` <= 15 m); ``None`` when absent.
    ``debris_m`` is PAS 68's major debris distance. ``extra`` keeps unparsed trailing fields.
    """

    standard: str
    edition: str | None
    test_method: str
    vehicle_mass_kg: float
    vehicle_class: str
    speed_kmh: float
    impact_angle_deg: float
    penetration_m: float | None
    penetration_class: str | None
    debris_m: float | None
    extra: str
    raw: str

    @property
    def speed_ms(self) -> float:
        """Test speed in m/s."""
        return self.speed_kmh / 3.6


def _num(text: str | None) -> float | None:
    return None if text is None else float(text.replace(",", "."))


def parse_barrier_rating(text: str) -> BarrierRating:
    """Read a barrier rating string.

    Layouts: IWA 14-1:2013 ``V/7200[N2B]/80/90:0.7`` (method / test mass kg [vehicle class] /
    speed km/h / impact angle deg : penetration m); ISO 22343-1:2023, which supersedes IWA 14-1,
    is read with the same layout (its exact string format could not be checked against the
    standard text; trailing fields are kept in ``extra``); PAS 68 ``V/7500[N3C]/80/90.0/1.1/0``
    (the 2010 layout: ... / angle / penetration / debris) or ``V/7500[N2]/80/90:0/25`` (2013:
    angle : penetration / debris), older editions with ``(N3)``; ASTM F2656 ``M50 P1`` (vehicle
    C 1100 kg, FS 2100, PU 2300, M 6800, C7 7200, H 29500; speed in mph; penetration class);
    DOS SD-STD-02.01 K ratings ``K4``/``K8``/``K12`` (15,000 lb at 30/40/50 mph, optional L1-L3).

    Without a standard prefix, a slash rating with a debris field is taken as PAS 68 and one
    without as IWA 14-1. Raises ``ValueError`` naming the expected formats.
    """
    if not isinstance(text, str) or not text.strip():
        raise InputError("Empty barrier rating. {}", _EXPECTED)
    raw = text.strip()
    body = re.sub(r"\s+", " ", raw)
    standard: str | None = None
    edition: str | None = None
    m = _PREFIX.match(body)
    if m:
        std = re.sub(r"\s+", "", m.group("std")).upper()
        standard = (
            "IWA 14-1" if std.startswith("IWA") else
            "ISO 22343-1" if std.startswith("ISO") else
            "PAS 68" if "PAS68" in std else
            "ASTM F2656" if std.startswith("ASTM") else
            "DOS SD-STD-02.01"
        )
        edition = m.group("edition")
        body = body[m.end():].strip()

    vi = _VEHICLE_IMPACT.match(body)
    if vi and standard in (None, "IWA 14-1", "ISO 22343-1", "PAS 68"):
        debris = _num(vi.group("debris"))
        if standard is None:
            standard = "PAS 68" if debris is not None else "IWA 14-1"
        rating = BarrierRating(
            standard=standard,
            edition=edition,
            test_method=vi.group("method").upper(),
            vehicle_mass_kg=float(_num(vi.group("mass")) or 0.0),
            vehicle_class=vi.group("cls").upper(),
            speed_kmh=float(_num(vi.group("speed")) or 0.0),
            impact_angle_deg=float(_num(vi.group("angle")) or 0.0),
            penetration_m=_num(vi.group("pen")),
            penetration_class=None,
            debris_m=debris,
            extra=(vi.group("extra") or "").strip(),
            raw=raw,
        )
    elif (am := _ASTM.match(body)) and standard in (None, "ASTM F2656"):
        veh = am.group("veh").upper()
        if int(am.group("mph")) not in ASTM_SPEEDS_MPH[veh]:
            raise InputError("ASTM F2656 rates vehicle '{}' at {} mph, not {} ('{}'). {}",
                             veh, '/'.join(map(str, ASTM_SPEEDS_MPH[veh])), am.group('mph'), raw, _EXPECTED)
        pen = am.group("pen").upper() if am.group("pen") else None
        rating = BarrierRating(
            standard="ASTM F2656",
            edition=edition,
            test_method="V",
            vehicle_mass_kg=ASTM_VEHICLES_KG[veh],
            vehicle_class=veh,
            speed_kmh=int(am.group("mph")) * MPH_TO_KMH,
            impact_angle_deg=90.0,
            penetration_m=ASTM_PENETRATION_M[pen] if pen else None,
            penetration_class=pen,
            debris_m=None,
            extra="",
            raw=raw,
        )
    elif (km := _K.match(body)) and standard in (None, "DOS SD-STD-02.01", "ASTM F2656"):
        k = km.group("k").upper()
        pen = km.group("pen").upper() if km.group("pen") else None
        rating = BarrierRating(
            standard="DOS SD-STD-02.01",
            edition=edition,
            test_method="V",
            vehicle_mass_kg=K_RATING_MASS_KG,
            vehicle_class=k,
            speed_kmh=K_RATING_MPH[k] * MPH_TO_KMH,
            impact_angle_deg=90.0,
            penetration_m=K_PENETRATION_M[pen] if pen else None,
            penetration_class=pen,
            debris_m=None,
            extra="",
            raw=raw,
        )
    else:
        raise InputError("Cannot read barrier rating '{}'. {}", raw, _EXPECTED)
    if not (rating.vehicle_mass_kg > 0 and rating.speed_kmh > 0 and 0 < rating.impact_angle_deg <= 90):
        raise InputError("Barrier rating '{}' has a zero mass or speed or an impact angle outside (0, 90]. {}",
                         raw, _EXPECTED)
    return rating


def rated_energy_kj(rating: BarrierRating | str) -> float:
    """Kinetic energy (kJ) of the rating's test impact: ``1/2 m v^2`` at the test mass and speed."""
    r = parse_barrier_rating(rating) if isinstance(rating, str) else rating
    return float(kinetic_energy_kj(r.vehicle_mass_kg, r.speed_ms))


@dataclass(frozen=True)
class BarrierAdequacy:
    """Verdict of :func:`barrier_adequate` with the numbers behind it."""

    adequate: bool
    reasons: tuple[str, ...]
    rated_energy_kj: float
    impact_energy_kj: float
    rated_class: str
    threat_class: str


def barrier_adequate(
    rating: BarrierRating | str,
    vehicle_mass_kg: float,
    impact_speed_ms: float,
    ruleset: RulesetLike,
) -> BarrierAdequacy:
    """Is a rated barrier adequate for a threat vehicle of given mass at a given impact speed (m/s)?

    Rule (all three must hold): the rating's test vehicle is of the same or a heavier design class
    than the threat (classes of ``vehicles.json``, matched by nearest mass on a log scale), its
    test speed is at least the impact speed, and its test energy ``1/2 m v^2`` is at least the
    impact energy. Energy alone is not enough: a car test at high speed says nothing about a
    truck's impact. Impact angle and penetration are not judged here; they are reported by
    :func:`parse_barrier_rating` for the designer to compare with the available stand-off.
    """
    r = parse_barrier_rating(rating) if isinstance(rating, str) else rating
    if not (math.isfinite(impact_speed_ms) and impact_speed_ms >= 0):
        raise InputError("Impact speed must be >= 0 m/s; got {}.", impact_speed_ms)
    classes = vehicle_classes(ruleset)
    order = list(classes)
    rated_cls = vehicle_class_for_mass(r.vehicle_mass_kg, classes)
    threat_cls = vehicle_class_for_mass(vehicle_mass_kg, classes)
    e_rated = rated_energy_kj(r)
    e_impact = float(kinetic_energy_kj(vehicle_mass_kg, impact_speed_ms))
    impact_kmh = impact_speed_ms * 3.6
    reasons: list[str] = []
    ok_class = order.index(rated_cls.name) >= order.index(threat_cls.name)
    ok_speed = r.speed_kmh >= impact_kmh
    ok_energy = e_rated >= e_impact
    reasons.append(
        f"test vehicle {r.vehicle_mass_kg:g} kg ({rated_cls.name}) "
        f"{'covers' if ok_class else 'is a lighter class than'} the threat {vehicle_mass_kg:g} kg ({threat_cls.name})"
    )
    reasons.append(f"test speed {r.speed_kmh:.1f} km/h {'>=' if ok_speed else '<'} impact speed {impact_kmh:.1f} km/h")
    reasons.append(f"test energy {e_rated:.0f} kJ {'>=' if ok_energy else '<'} impact energy {e_impact:.0f} kJ")
    return BarrierAdequacy(
        ok_class and ok_speed and ok_energy, tuple(reasons), e_rated, e_impact, rated_cls.name, threat_cls.name
    )
