"""Public lighting for security by design: illuminance, photometry, EN 13201 grids and classes.

Point illuminance (inverse-square and cosine law): a luminaire at height ``H`` above the
calculation plane gives a point at horizontal distance ``r`` the horizontal illuminance

    E_h = I(C, gamma) * cos^3(gamma) / H^2 * MF = I(C, gamma) * H / d^3 * MF,  d = sqrt(H^2 + r^2)

summed over luminaires (superposition), with ``gamma`` the angle from the downward vertical
and ``C`` the azimuth of the direction in the luminaire's C-plane system. Luminaires are treated
as point sources (valid when ``d`` is large compared with the luminous area).

Light distribution, one of:

- a luminous flux in lumen (scalar or one per lamp): an **isotropic** source, ``I = flux / (4 pi)``
  in every direction. This is a neutral stand-in when no photometry is known; it sends half the
  flux upwards, so it underestimates a real street luminaire's ground illuminance below and near
  the lamp. An isotropic 4,000 lm lamp at 5 m gives 12.73 lx below it (REFERENCES.md);
- :class:`CosinePowerDistribution`: a downward ``I0 cos^m(gamma)`` distribution holding all the
  flux in the lower hemisphere (m = 1 is a Lambertian downlight; larger m is narrower);
- an :class:`IntensityTable` read from an EULUMDAT file with :func:`read_eulumdat`, or any
  callable ``f(c_deg, gamma_deg) -> candela``.

C-plane convention: the luminaire's C0 direction is given as a compass azimuth
(``lamp_azimuth_deg``, 0 = north, clockwise) and C angles increase counter-clockwise seen from
above (C90 is 90 degrees to the left of C0 on a map).

Shadowing by buildings (optional) is a 2-D approximation: a lamp does not light a point when the
straight plan-view segment lamp -> point crosses a building footprint edge (tested with the
visibility engine, :func:`.visibility.visible_mask`), i.e. every building is taken as taller than
the lamp. Low buildings, walls below lamp height and light passing over roofs are therefore
shadowed too much.

Grids follow EN 13201-3:2015 (calculation points on a field of length S and width W); classes
follow EN 13201-2:2015 (P classes) and the Dutch social-safety criteria, both as rule sets in
``knowledge/rulesets``.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from ..errors import InputError
from ..geometry.visibility import OccluderSet, _as_points, visible_mask
from .rules import RulesetLike, check_ruleset, constant

IntensityFn = Callable[[np.ndarray, np.ndarray], np.ndarray]
Light = float | Sequence[float] | np.ndarray | IntensityFn

# Cells (lamps x points) held in memory at once; ~16 MB per float64 array.
_CHUNK_CELLS = 2_000_000

# Relative tolerance for comparing values with class limits, so that an average computed as
# exactly the class value does not fail through floating-point rounding.
_ROUNDING = 1e-9

# EN 13201-3:2015 calculation-grid rules.
EN13201_SHORT_FIELD_M = 30.0  # up to this field length S, N = 10 points along
EN13201_N_ALONG_SHORT = 10
EN13201_MAX_SPACING_ALONG_M = 3.0
EN13201_MIN_POINTS_ACROSS = 3
EN13201_MAX_SPACING_ACROSS_M = 1.5


# --------------------------------------------------------------------------------------------
# Light distributions


@dataclass(frozen=True)
class CosinePowerDistribution:
    """Rotationally symmetric downward distribution ``I(gamma) = I0 cos^m(gamma)``, 0 above 90 deg.

    ``I0 = flux * (m + 1) / (2 pi)`` so the whole ``flux_lm`` leaves downwards
    (integral of ``cos^m`` over the lower hemisphere is ``2 pi / (m + 1)``).
    """

    flux_lm: float
    exponent: float = 1.0

    def __post_init__(self) -> None:
        if not (math.isfinite(self.flux_lm) and self.flux_lm >= 0):
            raise ValueError("CosinePowerDistribution: flux_lm must be a finite number >= 0.")
        if not (math.isfinite(self.exponent) and self.exponent >= 0):
            raise ValueError("CosinePowerDistribution: exponent must be a finite number >= 0.")

    def __call__(self, c_deg: np.ndarray, gamma_deg: np.ndarray) -> np.ndarray:
        i0 = self.flux_lm * (self.exponent + 1.0) / (2.0 * math.pi)
        cos_g = np.cos(np.radians(np.asarray(gamma_deg, dtype=float)))
        return np.where(cos_g > 0, i0 * np.clip(cos_g, 0.0, None) ** self.exponent, 0.0)


@dataclass(frozen=True)
class IntensityTable:
    """Luminous intensity table in candela (already scaled to the lamp flux).

    ``candela[i, j]`` is the intensity in the C-plane ``c_deg[i]`` at ``gamma_deg[j]``.
    ``c_deg`` holds the planes stored for the ``symmetry`` (EULUMDAT ``Isym``): 0 none (planes
    over the full circle), 1 rotational (one plane), 2 about C0-C180 (C0..C180), 3 about C90-C270
    (C270..C360/0..C90, written as -90..90), 4 about both (C0..C90). Calling the table
    interpolates bilinearly in C and gamma after folding C by the symmetry.
    """

    c_deg: np.ndarray
    gamma_deg: np.ndarray
    candela: np.ndarray
    symmetry: int = 0
    lamp_flux_lm: float = float("nan")
    name: str = ""
    ra: float | None = None

    def __post_init__(self) -> None:
        c = np.asarray(self.c_deg, dtype=float)
        g = np.asarray(self.gamma_deg, dtype=float)
        cd = np.asarray(self.candela, dtype=float)
        if cd.shape != (c.size, g.size):
            raise ValueError(f"IntensityTable: candela has shape {cd.shape}, expected ({c.size}, {g.size}).")
        if self.symmetry not in (0, 1, 2, 3, 4):
            raise ValueError(f"IntensityTable: symmetry {self.symmetry} is not one of 0..4.")
        if c.size == 0 or g.size == 0 or np.any(np.diff(c) <= 0) or np.any(np.diff(g) <= 0):
            raise ValueError("IntensityTable: C and gamma angles must be non-empty and strictly increasing.")
        if self.symmetry == 0 and c[-1] - c[0] >= 360:
            raise ValueError("IntensityTable: with symmetry 0 the C planes must span less than 360 degrees.")
        object.__setattr__(self, "c_deg", c)
        object.__setattr__(self, "gamma_deg", g)
        object.__setattr__(self, "candela", cd)

    def _fold_c(self, c: np.ndarray) -> np.ndarray:
        if self.symmetry == 0:
            return np.mod(c - self.c_deg[0], 360.0) + self.c_deg[0]
        c = np.mod(c, 360.0)
        if self.symmetry == 2:
            return np.where(c <= 180.0, c, 360.0 - c)
        if self.symmetry == 3:
            u = np.mod(c + 90.0, 360.0) - 90.0  # in [-90, 270)
            return np.where(u <= 90.0, u, 180.0 - u)
        if self.symmetry == 4:
            c = np.where(c <= 180.0, c, 360.0 - c)
            return np.where(c <= 90.0, c, 180.0 - c)
        return np.zeros_like(c)

    def __call__(self, c_deg: np.ndarray, gamma_deg: np.ndarray) -> np.ndarray:
        c, g = np.broadcast_arrays(np.asarray(c_deg, dtype=float), np.asarray(gamma_deg, dtype=float))
        shape = c.shape
        c, g = c.ravel(), g.ravel()
        planes = self.c_deg
        table = self.candela
        if self.symmetry == 0:  # close the circle: the plane after the last is the first
            planes = np.append(planes, planes[0] + 360.0)
            table = np.vstack([table, table[:1]])
        ic, tc = _bracket(planes, self._fold_c(c))
        ig, tg = _bracket(self.gamma_deg, g)
        # Pad one row and column so the upper neighbours of the last plane / angle exist
        # (their weight is then 0); gather from the flat table, cheaper than 2-D indexing.
        padded = np.pad(table, ((0, 1), (0, 1)), mode="edge")
        ncol = padded.shape[1]
        flat = padded.ravel()
        k = ic * ncol
        k += ig
        wg = 1.0 - tg
        low = flat.take(k)
        low *= wg
        tmp = flat.take(k + 1)
        tmp *= tg
        low += tmp
        k += ncol
        high = flat.take(k)
        high *= wg
        flat.take(k + 1, out=tmp)
        tmp *= tg
        high += tmp
        high -= low  # low + (high - low) * tc
        high *= tc
        low += high
        return low.reshape(shape)


def _bracket(grid: np.ndarray, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Lower index and fraction of ``x`` in the increasing ``grid`` (clamped at both ends)."""
    if grid.size == 1:
        return np.zeros(x.shape, dtype=np.intp), np.zeros(x.shape)
    xc = np.clip(x, grid[0], grid[-1])
    steps = np.diff(grid)
    if np.allclose(steps, steps[0], rtol=1e-9, atol=0.0):
        # Equidistant angles (the usual EULUMDAT case): arithmetic, much faster than a search.
        xc -= grid[0]
        xc *= 1.0 / steps[0]
        i = xc.astype(np.intp)
        np.minimum(i, grid.size - 2, out=i)
        xc -= i
        return i, xc
    i = np.clip(np.searchsorted(grid, xc, side="right") - 1, 0, grid.size - 2)
    t = (xc - grid[i]) / (grid[i + 1] - grid[i])
    return i, t


def _ldt_number(token: str, what: str) -> float:
    try:
        return float(token.strip().replace(",", "."))
    except ValueError:
        raise InputError("EULUMDAT: expected a number for {}, found '{}'.", what, token.strip()) from None


def read_eulumdat(source: str | bytes) -> IntensityTable:
    """Parse an EULUMDAT (``.ldt``) file's text (or its bytes: UTF-8, else Latin-1) into an :class:`IntensityTable`.

    Format (Stockmar 1990; line layout as in the AGi32 / DIAL descriptions): line 1
    identification, 2 ``Ityp``, 3 ``Isym``, 4 ``Nc`` (C planes over 360 deg), 5 ``Dc``, 6 ``Ng``
    (gamma angles per plane), 7 ``Dg``, 8 report number, 9 luminaire name, 10 luminaire number,
    11 file name, 12 date/user, 13-21 dimensions (mm), 22 downward flux fraction, 23 light output
    ratio, 24 conversion factor for intensities (CFLI), 25 tilt, 26 number ``n`` of lamp sets,
    then per field ``n`` lines each: 26a number of lamps, 26b lamp type, 26c total luminous flux
    (lm), 26d colour temperature, 26e colour rendering (Ra or group), 26f wattage; 27 ten direct
    ratios; 28 the ``Nc`` C angles; 29 the ``Ng`` gamma angles; 30 the intensities in cd/klm,
    plane by plane, for the planes the symmetry requires (``Isym`` 0: all ``Nc``; 1: one; 2:
    C0..C180; 3: C270..C90 through C0, i.e. indices ``3Nc/4 .. 3Nc/4 + Nc/2`` modulo ``Nc``; 4:
    C0..C90).

    Intensities are scaled to candela as ``value * CFLI * total_flux / 1000`` (``CFLI = 0`` is
    read as 1). Decimal commas are accepted. With ``n > 1`` lamp sets the grouped layout above is
    assumed (some writers interleave the sets; the two are identical for ``n = 1``).
    """
    if isinstance(source, bytes):
        try:
            text = source.decode("utf-8")
        except UnicodeDecodeError:
            text = source.decode("latin-1")
    else:
        text = source
    lines = text.splitlines()
    if len(lines) < 26:
        raise InputError("EULUMDAT: only {} lines; a file has at least 26 header lines.", len(lines))
    isym = int(_ldt_number(lines[2], "Isym (line 3)"))
    nc = int(_ldt_number(lines[3], "Nc (line 4)"))
    ng = int(_ldt_number(lines[5], "Ng (line 6)"))
    cfli = _ldt_number(lines[23], "the conversion factor (line 24)") or 1.0
    n_sets = int(_ldt_number(lines[25], "the number of lamp sets (line 26)"))
    if isym not in (0, 1, 2, 3, 4):
        raise InputError("EULUMDAT: Isym (line 3) is {}; expected 0..4.", isym)
    if nc < 1 or ng < 1 or n_sets < 1:
        raise InputError("EULUMDAT: Nc (line 4), Ng (line 6) and the number of lamp sets (line 26) must be >= 1.")
    block = lines[26 : 26 + 6 * n_sets]
    if len(block) < 6 * n_sets:
        raise InputError("EULUMDAT: the file ends inside the lamp data (lines 26a-26f).")
    fluxes = [_ldt_number(t, "the lamp flux (line 26c)") for t in block[2 * n_sets : 3 * n_sets]]
    total_flux = float(sum(fluxes))
    if not total_flux > 0:
        raise InputError("EULUMDAT: the total lamp flux (line 26c) must be > 0.")
    ra: float | None
    try:
        ra = float(block[4 * n_sets].strip().replace(",", "."))
    except ValueError:
        ra = None  # a colour rendering group such as '1B', not an Ra value
    tokens = " ".join(lines[26 + 6 * n_sets :]).split()
    stored = {0: nc, 1: 1, 2: nc // 2 + 1, 3: nc // 2 + 1, 4: nc // 4 + 1}[isym]
    need = 10 + nc + ng + stored * ng
    if len(tokens) < need:
        raise InputError("EULUMDAT: {} numbers after the lamp data; Isym={}, Nc={}, Ng={} need {} (10 direct "
                         "ratios, C angles, gamma angles, intensities).", len(tokens), isym, nc, ng, need)
    values = np.array([_ldt_number(t, "an angle or intensity") for t in tokens[:need]])
    c_all = values[10 : 10 + nc]
    gamma = values[10 + nc : 10 + nc + ng]
    cd = values[10 + nc + ng :].reshape(stored, ng) * cfli * total_flux / 1000.0
    if isym == 1:
        c_planes = np.array([0.0])
    elif isym == 3:
        idx = (3 * nc // 4 + np.arange(stored)) % nc
        c_planes = c_all[idx]
        c_planes = np.where(c_planes > 180.0, c_planes - 360.0, c_planes)
    else:
        c_planes = c_all[:stored]
    return IntensityTable(
        c_deg=c_planes,
        gamma_deg=gamma,
        candela=cd,
        symmetry=isym,
        lamp_flux_lm=total_flux,
        name=lines[8].strip(),
        ra=ra,
    )


# --------------------------------------------------------------------------------------------
# Illuminance


def _per_lamp(value: float | Sequence[float] | np.ndarray, n: int, name: str) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if arr.ndim == 0:
        return np.full(n, float(arr))
    if arr.shape != (n,):
        raise ValueError(f"'{name}' must be a number or one value per lamp ({n}); got shape {arr.shape}.")
    return arr


def _check_positive(arr: np.ndarray, name: str, allow_zero: bool = False) -> None:
    bad = ~np.isfinite(arr) | ((arr < 0) if allow_zero else (arr <= 0))
    if bad.any():
        i = int(np.flatnonzero(bad)[0])
        need = ">= 0" if allow_zero else "> 0"
        raise ValueError(f"{name} of lamp {i} is {arr[i]}; it must be a finite number {need}.")


def point_illuminance(
    lamp_xy: np.ndarray,
    lamp_height: float | np.ndarray,
    light: Light,
    points_xy: np.ndarray,
    maintenance_factor: float | np.ndarray = 1.0,
    occluders: Sequence[np.ndarray] | OccluderSet | None = None,
    lamp_azimuth_deg: float | np.ndarray = 0.0,
    max_distance: float | None = None,
) -> np.ndarray:
    """Horizontal illuminance (lux) at ground points from point-source luminaires.

    ``E_h = sum over lamps of I(C, gamma) cos^3(gamma) / H^2 * MF`` (see the module docstring for
    ``light`` and the C convention). ``lamp_height`` (m above the calculation plane),
    ``maintenance_factor`` and ``lamp_azimuth_deg`` are scalars or one value per lamp.
    ``occluders``: building footprints as a list of ``(k, 2)`` rings (or a prepared
    :class:`~.visibility.OccluderSet`); a lamp then contributes nothing to points whose plan-view
    sight line to it crosses a footprint wall, nor to points inside a footprint (2-D, buildings
    taller than the lamp; the visibility engine's rules apply, e.g. a lamp fixed on a facade
    looks out from it). ``max_distance`` (m): ignore lamps farther than this horizontally
    (faster; recommended with occluders). Vectorised over lamps x points in bounded chunks.

    Raises ``ValueError`` naming the lamp index for a height <= 0 or NaN, a negative flux or a
    maintenance factor outside (0, 1].
    """
    lamps = np.asarray(lamp_xy, dtype=float)
    if lamps.ndim == 2 and lamps.shape[1] == 2 and not np.isfinite(lamps).all():
        raise InputError("Position of lamp {} is not finite.", int(np.flatnonzero(~np.isfinite(lamps).all(axis=1))[0]))
    lamps = _as_points(lamps, "lamp_xy")
    pts = _as_points(points_xy, "points_xy")
    n_lamps = lamps.shape[0]
    height = _per_lamp(lamp_height, n_lamps, "lamp_height")
    _check_positive(height, "Height")
    mf = _per_lamp(maintenance_factor, n_lamps, "maintenance_factor")
    _check_positive(mf, "Maintenance factor")
    if (mf > 1).any():
        i = int(np.flatnonzero(mf > 1)[0])
        raise InputError("Maintenance factor of lamp {} is {}; it must be in (0, 1].", i, mf[i])
    if max_distance is not None and not (max_distance > 0):
        raise ValueError("max_distance must be > 0 metres (or None).")
    intensity_fn: IntensityFn | None = light if callable(light) else None
    if intensity_fn is None:
        flux = _per_lamp(light, n_lamps, "flux")  # type: ignore[arg-type]
        _check_positive(flux, "Flux", allow_zero=True)
        # Isotropic source: the same intensity in every direction; fold H and MF in once.
        scale = flux / (4.0 * math.pi) * height * mf
    else:
        scale = height * mf
        azimuth = _per_lamp(lamp_azimuth_deg, n_lamps, "lamp_azimuth_deg")
    if occluders is not None and not isinstance(occluders, OccluderSet):
        occluders = OccluderSet.from_rings(occluders)

    result = np.zeros(pts.shape[0])
    if n_lamps == 0 or pts.shape[0] == 0:
        return result
    step = max(1, _CHUNK_CELLS // n_lamps)
    for start in range(0, pts.shape[0], step):
        chunk = pts[start : start + step]
        dx = chunk[None, :, 0] - lamps[:, None, 0]
        dy = chunk[None, :, 1] - lamps[:, None, 1]
        r2 = dx * dx
        r2 += dy * dy
        if max_distance is not None:
            # Work on the (lamp, point) pairs in range only, as flat arrays.
            li, pi = np.nonzero(r2 <= max_distance * max_distance)
            dx, dy, r2 = dx[li, pi], dy[li, pi], r2[li, pi]
            lamp_of = li
        else:
            lamp_of = np.arange(n_lamps)[:, None]
        h = height[lamp_of]
        d2 = r2 + h * h
        contrib = scale[lamp_of] / (d2 * np.sqrt(d2))
        if intensity_fn is not None:
            gamma = np.arctan2(np.sqrt(r2), h)
            gamma *= 180.0 / math.pi
            # Compass bearing of the point from the lamp; C counts counter-clockwise from C0.
            c = np.arctan2(dx, dy)
            c *= -180.0 / math.pi
            c += azimuth[lamp_of]
            contrib *= intensity_fn(np.mod(c, 360.0, out=c), gamma)
        if occluders is not None and occluders.n_edges:
            if max_distance is None:
                lit_lamp, lit_point = np.nonzero(contrib > 0)
                dark = _shadowed(lamps, lit_lamp, chunk[lit_point], occluders)
                contrib[lit_lamp[dark], lit_point[dark]] = 0.0
            else:
                lit = np.flatnonzero(contrib > 0)
                dark = _shadowed(lamps, li[lit], chunk[pi[lit]], occluders)
                contrib[lit[dark]] = 0.0
        if max_distance is None:
            result[start : start + step] = contrib.sum(axis=0)
        else:
            result[start : start + step] = np.bincount(pi, weights=contrib, minlength=chunk.shape[0])
    return result


def _shadowed(lamps: np.ndarray, lamp_index: np.ndarray, points: np.ndarray, occluders: OccluderSet) -> np.ndarray:
    """Per (lamp, point) pair: is the plan-view sight line from the lamp to the point blocked?

    ``lamp_index`` (sorted ascending) gives each pair's lamp and ``points`` its point. Uses the
    visibility engine's :func:`visible_mask` once per lamp, over that lamp's lit points.
    """
    blocked = np.zeros(lamp_index.size, dtype=bool)
    bounds = np.flatnonzero(np.diff(lamp_index)) + 1
    for lo, hi in zip(np.concatenate([[0], bounds]), np.concatenate([bounds, [lamp_index.size]]), strict=True):
        if hi <= lo:
            continue
        lamp = lamps[lamp_index[lo]]
        reach = float(np.hypot(*(points[lo:hi] - lamp).T).max())
        # The range only has to include every point; add a margin for rounding.
        seen = visible_mask(lamp, points[lo:hi], occluders, max_range=reach * (1 + 1e-9) + 1e-6)
        blocked[lo:hi] = ~seen
    return blocked


# --------------------------------------------------------------------------------------------
# EN 13201-3 grid


def en13201_points_along(length_m: float) -> tuple[int, float]:
    """Number of points ``N`` and spacing ``D = S / N`` along a field of length ``S`` (EN 13201-3).

    ``N = 10`` when ``S <= 30 m``, else the smallest ``N`` with ``D <= 3 m``.
    """
    if not (math.isfinite(length_m) and length_m > 0):
        raise InputError("Field length must be a finite number > 0; got {}.", length_m)
    if length_m <= EN13201_SHORT_FIELD_M:
        n = EN13201_N_ALONG_SHORT
    else:
        # A small tolerance so that S = 36 m gives 12 points, not 13 through rounding.
        n = math.ceil(length_m / EN13201_MAX_SPACING_ALONG_M - 1e-9)
    return n, length_m / n


def en13201_points_across(width_m: float) -> tuple[int, float]:
    """Number of points ``n`` and spacing ``d = W / n`` across a width ``W`` (EN 13201-3).

    At least 3 points and ``d <= 1.5 m``.
    """
    if not (math.isfinite(width_m) and width_m > 0):
        raise InputError("Path width must be a finite number > 0 metres; got {}.", width_m)
    n = max(EN13201_MIN_POINTS_ACROSS, math.ceil(width_m / EN13201_MAX_SPACING_ACROSS_M - 1e-9))
    return n, width_m / n


@dataclass(frozen=True)
class CalculationGrid:
    """EN 13201-3 calculation points along a path.

    Per point: coordinates ``xy``, the path ``segment`` index, the ``along`` and ``across``
    indices within the segment, ``distance_along`` (m from the start of the path) and
    ``offset_across`` (m from the centreline, positive to the left of the direction of travel;
    ``across = 0`` is nearest the left edge). Per segment: ``spacing_along`` (D, NaN for a
    zero-length segment). ``spacing_across`` is d.
    """

    xy: np.ndarray
    segment: np.ndarray
    along: np.ndarray
    across: np.ndarray
    distance_along: np.ndarray
    offset_across: np.ndarray
    spacing_along: np.ndarray
    spacing_across: float


def en13201_grid(path_centreline: np.ndarray, width: float) -> CalculationGrid:
    """Calculation grid of EN 13201-3:2015 on a path of given width (m).

    ``path_centreline`` is a ``(k, 2)`` polyline (a segment is ``[[x0, y0], [x1, y1]]``); each
    segment is one field of length ``S``. Along: ``D = S / N`` (N = 10 if ``S <= 30 m``, else the
    smallest N with ``D <= 3 m``), first point at ``D / 2``. Across: at least 3 points, spacing
    ``d <= 1.5 m``, first point at ``d / 2`` from the edge.
    """
    line = _as_points(path_centreline, "path_centreline")
    if line.shape[0] < 2:
        raise InputError("The path centreline needs at least 2 vertices.")
    n_across, d_across = en13201_points_across(width)
    offsets = width / 2.0 - d_across / 2.0 - d_across * np.arange(n_across)
    seg_vec = np.diff(line, axis=0)
    seg_len = np.hypot(seg_vec[:, 0], seg_vec[:, 1])
    seg_start = np.concatenate([[0.0], np.cumsum(seg_len)[:-1]])
    parts: list[tuple[np.ndarray, ...]] = []
    spacing = np.full(seg_len.size, np.nan)
    for s, length in enumerate(seg_len):
        if length <= 0:
            continue
        n_along, d_along = en13201_points_along(float(length))
        spacing[s] = d_along
        t = d_along * (np.arange(n_along) + 0.5)
        unit = seg_vec[s] / length
        normal = np.array([-unit[1], unit[0]])  # left of the direction of travel
        ia, ic = np.meshgrid(np.arange(n_along), np.arange(n_across), indexing="ij")
        ia, ic = ia.ravel(), ic.ravel()
        xy = line[s] + t[ia, None] * unit + offsets[ic, None] * normal
        parts.append((xy, np.full(ia.size, s), ia, ic, seg_start[s] + t[ia], offsets[ic]))
    if not parts:
        raise InputError("The path centreline has zero length.")
    xy, seg, ia, ic, dist, off = (np.concatenate(p) for p in zip(*parts, strict=True))
    return CalculationGrid(xy, seg, ia, ic, dist, off, spacing, d_across)


# --------------------------------------------------------------------------------------------
# Classes


@dataclass(frozen=True)
class LightingVerdict:
    """Result of checking illuminance values against a lighting class.

    ``verdict`` is ``'pass'``, ``'fail'`` or ``'over-lit'`` (passes, but the average exceeds the
    rule set's over-lit factor times the class average: a warning, not a failure).
    """

    class_name: str
    e_avg: float
    e_min: float
    u0: float
    verdict: str
    reasons: tuple[str, ...]


def evaluate_class(
    e_values: np.ndarray,
    class_name: str,
    ruleset: RulesetLike,
    ra: float | None = None,
) -> LightingVerdict:
    """Check grid illuminances (lx) against a class of a lighting rule set.

    ``e_avg`` is the mean, ``e_min`` the minimum and ``u0 = e_min / e_avg`` (0 when the average
    is 0). A class passes when ANY of its criterion sets holds (EN 13201-2 P classes have one:
    average and minimum; the Dutch social-safety class has three combinations of average,
    uniformity and Ra). ``ra`` is the colour rendering index of the lamps, needed only for
    criteria with ``ra_min``. Limits are compared to within 1e-9 relative (rounding). Reasons
    name each criterion met or missed.
    """
    data = check_ruleset(ruleset)
    if data["kind"] != "lighting_classes":
        raise InputError("Rule set '{}' is not a lighting rule set.", data['id'])
    classes = data["classes"]
    if class_name not in classes:
        raise InputError("Unknown class '{}' in rule set '{}'. Classes: {}.",
                         class_name, data['id'], ', '.join(classes))
    e = np.asarray(e_values, dtype=float).ravel()
    if e.size == 0 or not np.isfinite(e).all():
        raise InputError("Illuminance values must be a non-empty array of finite numbers.")
    e_avg = float(e.mean())
    e_min = float(e.min())
    u0 = e_min / e_avg if e_avg > 0 else 0.0
    measured = {"e_avg_min_lx": e_avg, "e_min_min_lx": e_min, "uniformity_min": u0, "ra_min": ra}
    labels = {
        "e_avg_min_lx": ("Eav", " lx"),
        "e_min_min_lx": ("Emin", " lx"),
        "uniformity_min": ("Emin/Eav", ""),
        "ra_min": ("Ra", ""),
    }

    alternatives = classes[class_name]["any_of"]
    failures: list[str] = []
    for k, alt in enumerate(alternatives):
        met, missed = [], []
        for key, (label, unit) in labels.items():
            if key not in alt:
                continue
            need = constant(alt[key])
            have = measured[key]
            if have is None:
                missed.append(f"{label} of the lamps unknown (give ra=...), needs >= {need:g}")
            elif have >= need - _ROUNDING * abs(need):
                met.append(f"{label} {have:.3g}{unit} >= {need:g}{unit}")
            else:
                missed.append(f"{label} {have:.3g}{unit} < {need:g}{unit}")
        prefix = f"{class_name}" + (f" option {k + 1}" if len(alternatives) > 1 else "")
        if not missed:
            reasons = [f"{prefix}: " + "; ".join(met)]
            verdict = "pass"
            if "over_lit_factor" in data and "e_avg_min_lx" in alt:
                factor = constant(data["over_lit_factor"])
                limit = factor * constant(alt["e_avg_min_lx"])
                if e_avg > limit + _ROUNDING * limit:
                    verdict = "over-lit"
                    reasons.append(f"Eav {e_avg:.3g} lx > {factor:g} x class value ({limit:g} lx): over-lit (warning)")
            return LightingVerdict(class_name, e_avg, e_min, u0, verdict, tuple(reasons))
        failures.append(f"{prefix}: " + "; ".join(missed))
    return LightingVerdict(class_name, e_avg, e_min, u0, "fail", tuple(failures))


def failing_stretches(
    along_positions: np.ndarray,
    passes: np.ndarray,
    path_length: float | None = None,
) -> np.ndarray:
    """Intervals ``[start, end]`` (m along the path) where a local criterion fails, for mapping.

    ``along_positions`` are the distances along the path of grid points (e.g.
    ``CalculationGrid.distance_along``) and ``passes`` a boolean per point (e.g.
    ``e >= e_min``). Points at the same position form a row across the path; a row fails when
    any of its points fails. Each row stands for the stretch up to halfway to its neighbours (the
    first and last rows extend by half their neighbouring gap, clipped to ``[0, path_length]``);
    adjacent failing rows merge. Returns an ``(m, 2)`` array.
    """
    pos = np.asarray(along_positions, dtype=float).ravel()
    ok = np.asarray(passes, dtype=bool).ravel()
    if pos.shape != ok.shape:
        raise ValueError(f"along_positions ({pos.size}) and passes ({ok.size}) must have the same length.")
    if pos.size == 0:
        return np.empty((0, 2))
    rows, inverse = np.unique(pos, return_inverse=True)
    row_fails = np.bincount(inverse, weights=~ok, minlength=rows.size) > 0
    if rows.size == 1:
        lo = np.array([0.0 if path_length is not None else rows[0]])
        hi = np.array([path_length if path_length is not None else rows[0]])
    else:
        mid = (rows[:-1] + rows[1:]) / 2.0
        lo = np.concatenate([[rows[0] - (rows[1] - rows[0]) / 2.0], mid])
        hi = np.concatenate([mid, [rows[-1] + (rows[-1] - rows[-2]) / 2.0]])
        lo = np.maximum(lo, 0.0)
        if path_length is not None:
            hi = np.minimum(hi, path_length)
    flags = np.concatenate([[False], row_fails, [False]]).astype(np.int8)
    starts = np.flatnonzero(np.diff(flags) == 1)
    ends = np.flatnonzero(np.diff(flags) == -1) - 1
    return np.column_stack([lo[starts], hi[ends]])
