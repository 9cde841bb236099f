"""Security-by-design checks on plan layers: lighting of paths, natural surveillance, CCTV coverage.

The physics and the standards live in the engines this module combines (one place each):
:mod:`.lighting` (point illuminance, EULUMDAT, EN 13201-3 grid rules, class verdicts, failing
stretches), :mod:`..geometry.visibility` (exact isovists, sight lines, facade openings) and :mod:`.cctv`
(EN 62676-4 pixel-density distances and wedges). This module adds what a check on a whole plan
layer needs on top: paths of many vertices cut into calculation fields and sample pieces, lamps
with per-lamp flux for any light distribution, illuminance by spatial tiles (so a town's lamps and a
raster of millions of cells stay fast), and the per-piece / per-camera bookkeeping.

Conventions (as in the engines): metres in a projected CRS; azimuths in degrees clockwise from
north; polylines and rings are ``(k, 2)`` arrays.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import pairwise

import numpy as np
import pandas as pd

from ..errors import N_, InputError
from ..geometry.grids import DEFAULT_MAX_CELLS
from ..geometry.polygons import points_in_polygon
from ..geometry.visibility import DEFAULT_N_ARC, OccluderSet, facade_openings, isovist, visible_mask
from .cctv import camera_zones
from .lighting import (
    IntensityFn,
    en13201_points_across,
    en13201_points_along,
    evaluate_class,
    failing_stretches,
    point_illuminance,
)
from .rules import RulesetLike, check_ruleset, constant

Progress = Callable[[float], None]
"""Called with the fraction done (0..1); may raise :class:`~.errors.Cancelled` to stop."""

DEFAULT_REACH_M = 100.0
"""Lamps farther than this (horizontally) from a point are left out of its illuminance."""
_SHADOW_TILE_FACTOR = 3.0  # tile side / reach with occluders (measured fastest on the demo town)


# --------------------------------------------------------------------------------------------
# Polylines


def polyline_length(line: np.ndarray) -> float:
    """Length (m) of a ``(k, 2)`` polyline."""
    d = np.diff(np.asarray(line, dtype=float), axis=0)
    return float(np.hypot(d[:, 0], d[:, 1]).sum())


def _cumulative(line: np.ndarray) -> np.ndarray:
    d = np.diff(line, axis=0)
    return np.concatenate([[0.0], np.cumsum(np.hypot(d[:, 0], d[:, 1]))])


def clean_polyline(line: np.ndarray) -> np.ndarray:
    """The polyline without repeated consecutive vertices (zero-length segments)."""
    arr = np.asarray(line, dtype=float)[:, :2]
    if arr.shape[0] < 2:
        return arr
    keep = np.r_[True, np.any(arr[1:] != arr[:-1], axis=1)]
    return arr[keep]


def locate(line: np.ndarray, distances: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Points at ``distances`` (m) along a polyline and the unit direction of travel there.

    Distances are clipped to ``[0, length]``; a distance on a vertex belongs to the segment that
    starts there (the last vertex to the last segment).
    """
    line = clean_polyline(line)
    cum = _cumulative(line)
    s = np.clip(np.asarray(distances, dtype=float), 0.0, cum[-1])
    seg = np.clip(np.searchsorted(cum, s, side="right") - 1, 0, line.shape[0] - 2)
    vec = line[seg + 1] - line[seg]
    length = cum[seg + 1] - cum[seg]
    unit = vec / length[:, None]
    xy = line[seg] + unit * (s - cum[seg])[:, None]
    return xy, unit


def substring(line: np.ndarray, start: float, end: float) -> np.ndarray:
    """The part of a polyline between two distances along it (m), as a ``(k, 2)`` polyline."""
    line = clean_polyline(line)
    cum = _cumulative(line)
    a, b = sorted((float(np.clip(start, 0, cum[-1])), float(np.clip(end, 0, cum[-1]))))
    inner = line[(cum > a) & (cum < b)]
    ends, _ = locate(line, np.array([a, b]))
    return np.vstack([ends[:1], inner, ends[1:]])


def piece_bounds(length: float, max_length: float) -> np.ndarray:
    """Bounds ``(k + 1,)`` of ``k = ceil(length / max_length)`` equal pieces (one piece if max_length <= 0)."""
    if max_length is None or not max_length > 0 or length <= max_length:
        return np.array([0.0, length])
    k = math.ceil(length / max_length - 1e-9)
    return np.linspace(0.0, length, k + 1)


# --------------------------------------------------------------------------------------------
# Lamps and illuminance


@dataclass(frozen=True)
class Lamps:
    """Luminaires: position, mounting height (m), luminous flux (lm), maintenance factor, C0 azimuth.

    ``distribution`` is ``None`` for the isotropic source of :func:`.lighting.point_illuminance`
    (``I = flux / 4 pi``), or a callable ``f(c_deg, gamma_deg) -> cd`` emitting
    ``reference_flux_lm`` (a :class:`.lighting.CosinePowerDistribution` or an EULUMDAT
    :class:`.lighting.IntensityTable`); each lamp's intensities are then scaled by
    ``flux / reference_flux_lm`` (a NaN flux keeps the distribution's own flux).
    """

    xy: np.ndarray
    height: np.ndarray
    flux: np.ndarray
    maintenance: np.ndarray
    azimuth: np.ndarray
    distribution: IntensityFn | None = None
    reference_flux_lm: float = float("nan")

    @classmethod
    def build(
        cls,
        xy: np.ndarray,
        height: float | np.ndarray,
        flux: float | np.ndarray,
        maintenance: float | np.ndarray = 1.0,
        azimuth: float | np.ndarray = 0.0,
        distribution: IntensityFn | None = None,
        reference_flux_lm: float = float("nan"),
    ) -> Lamps:
        pts = np.asarray(xy, dtype=float).reshape(-1, 2)
        n = pts.shape[0]

        def per_lamp(v: float | np.ndarray) -> np.ndarray:
            return np.broadcast_to(np.asarray(v, dtype=float), (n,)).copy()

        if distribution is not None and not (math.isfinite(reference_flux_lm) and reference_flux_lm > 0):
            raise InputError("A light distribution needs the flux it emits (reference_flux_lm > 0).")
        return cls(pts, per_lamp(height), per_lamp(flux), per_lamp(maintenance), per_lamp(azimuth),
                   distribution, float(reference_flux_lm))

    @property
    def n(self) -> int:
        return int(self.xy.shape[0])

    def take(self, index: np.ndarray) -> Lamps:
        return Lamps(self.xy[index], self.height[index], self.flux[index], self.maintenance[index],
                     self.azimuth[index], self.distribution, self.reference_flux_lm)

    def _light(self) -> tuple[object, np.ndarray, np.ndarray]:
        """(light argument, maintenance factors, lamps to use) for :func:`point_illuminance`.

        With a distribution, a per-lamp flux is folded into the maintenance factor relative to
        the brightest lamp (``MF * k / k_max`` stays in (0, 1]) and the distribution is scaled by
        ``k_max``: one call handles lamps of different flux. Lamps with zero flux give no light
        and are left out.
        """
        if self.distribution is None:
            return self.flux, self.maintenance, np.ones(self.n, dtype=bool)
        k = np.where(np.isnan(self.flux), self.reference_flux_lm, self.flux) / self.reference_flux_lm
        use = k > 0
        if not use.any():
            return self.distribution, self.maintenance, use
        k_max = float(k[use].max())
        dist = self.distribution

        def scaled(c: np.ndarray, g: np.ndarray) -> np.ndarray:
            return dist(c, g) * k_max

        return scaled, self.maintenance * k / k_max, use


@dataclass(frozen=True)
class LampCheck:
    """Lamp attributes checked for use: per lamp the mounting height, flux, maintenance factor (empty
    ones filled with the default) and azimuth (empty = 0), and which lamps are usable.

    ``no_height``, ``no_flux`` and ``bad_maintenance`` count the skipped lamps by their first fault,
    in that order (a lamp without a height is counted there only).
    """

    height: np.ndarray
    flux: np.ndarray
    maintenance: np.ndarray
    azimuth: np.ndarray
    use: np.ndarray
    no_height: int
    no_flux: int
    bad_maintenance: int

    def lamps(self, xy: np.ndarray, distribution: IntensityFn | None = None,
              reference_flux_lm: float = float("nan")) -> Lamps:
        """The usable lamps at ``xy`` (all lamps' positions); refuses when none is usable (InputError)."""
        if not self.use.any():
            raise InputError("None of the {} lamps has a usable mounting height, flux and maintenance factor; fill "
                             "in the fields or give HEIGHT and FLUX for all lamps.", self.use.size)
        u = self.use
        return Lamps.build(np.asarray(xy, dtype=float).reshape(-1, 2)[u], self.height[u], self.flux[u],
                           self.maintenance[u], self.azimuth[u], distribution, reference_flux_lm)


def check_lamps(
    height: np.ndarray, flux: np.ndarray, maintenance: np.ndarray, azimuth: np.ndarray,
    maintenance_default: float, has_distribution: bool,
) -> LampCheck:
    """Which lamps can be used: a mounting height > 0 m, a flux >= 0 lm (an empty flux only with a light
    distribution, which then emits its own flux) and a maintenance factor in (0, 1] (EN 13201-2 values are
    maintained values: CEN/TR 13201-1 applies the factor to the new installation's light).

    Empty maintenance factors take ``maintenance_default``, empty azimuths 0 (north).
    """
    height = np.asarray(height, dtype=float)
    flux = np.asarray(flux, dtype=float)
    mf = np.asarray(maintenance, dtype=float)
    mf = np.where(np.isnan(mf), maintenance_default, mf)
    azimuth = np.asarray(azimuth, dtype=float)
    azimuth = np.where(np.isnan(azimuth), 0.0, azimuth)
    bad_height = ~(height > 0)
    bad_flux = (np.isnan(flux) & (not has_distribution)) | (flux < 0)
    bad_mf = ~((mf > 0) & (mf <= 1))
    return LampCheck(height, flux, mf, azimuth, ~(bad_height | bad_flux | bad_mf), int(bad_height.sum()),
                     int((bad_flux & ~bad_height).sum()), int((bad_mf & ~bad_height & ~bad_flux).sum()))


def illuminance(
    lamps: Lamps,
    points_xy: np.ndarray,
    occluders: OccluderSet | None = None,
    reach: float | None = DEFAULT_REACH_M,
    progress: Progress | None = None,
) -> np.ndarray:
    """Horizontal illuminance (lx) at ground points, summed over lamps within ``reach`` metres.

    :func:`.lighting.point_illuminance` per square tile of points (side ``reach``; 3 x ``reach``
    with occluders) with the lamps within ``reach`` of the tile, so the work grows with the number
    of nearby lamp-point pairs, not with all lamps x all points. ``reach=None`` sums every lamp at
    every point. ``occluders`` shadow as in the engine (2-D, buildings taller than the lamps).
    """
    pts = np.asarray(points_xy, dtype=float).reshape(-1, 2)
    out = np.zeros(pts.shape[0])
    light, mf, use = lamps._light()
    if not use.all():
        lamps = lamps.take(use)
        mf = mf[use]
    if lamps.n == 0 or pts.shape[0] == 0:
        return out

    def run(lamp_idx: np.ndarray, point_idx: np.ndarray, max_distance: float | None) -> None:
        lt = light if callable(light) else np.asarray(light)[lamp_idx]
        out[point_idx] = point_illuminance(
            lamps.xy[lamp_idx], lamps.height[lamp_idx], lt, pts[point_idx], maintenance_factor=mf[lamp_idx],
            occluders=occluders, lamp_azimuth_deg=lamps.azimuth[lamp_idx], max_distance=max_distance,
        )

    if reach is None:
        run(np.arange(lamps.n), np.arange(pts.shape[0]), None)
        if progress is not None:
            progress(1.0)
        return out
    if not (math.isfinite(reach) and reach > 0):
        raise InputError("The lamp reach must be > 0 metres; got {}.", reach)
    # Shadowing costs one sight-line pass per lamp and tile: larger tiles meet each lamp in fewer tiles.
    tile = float(reach) * (_SHADOW_TILE_FACTOR if occluders is not None and occluders.n_edges else 1.0)
    x0, y0 = float(pts[:, 0].min()), float(pts[:, 1].min())
    tx = np.floor((pts[:, 0] - x0) / tile).astype(np.int64)
    ty = np.floor((pts[:, 1] - y0) / tile).astype(np.int64)
    key = tx * (int(ty.max()) + 1) + ty
    order = np.argsort(key, kind="stable")
    bounds = np.flatnonzero(np.diff(key[order])) + 1
    starts = np.concatenate([[0], bounds])
    ends = np.concatenate([bounds, [order.size]])
    lx, ly = lamps.xy[:, 0], lamps.xy[:, 1]
    for i, (lo, hi) in enumerate(zip(starts, ends, strict=True)):
        idx = order[lo:hi]
        bx0, by0 = pts[idx, 0].min() - reach, pts[idx, 1].min() - reach
        bx1, by1 = pts[idx, 0].max() + reach, pts[idx, 1].max() + reach
        near = np.flatnonzero((lx >= bx0) & (lx <= bx1) & (ly >= by0) & (ly <= by1))
        if near.size:
            run(near, idx, reach)
        if progress is not None:
            progress((i + 1) / starts.size)
    return out


@dataclass(frozen=True)
class RasterGrid:
    """A north-up grid: top-left corner ``(xmin, ymax)``, square ``cell``, ``nrows`` x ``ncols``."""

    xmin: float
    ymax: float
    cell: float
    nrows: int
    ncols: int

    def centres(self) -> np.ndarray:
        """Cell centres, row by row from the north-west cell, as ``(nrows * ncols, 2)``."""
        cx = self.xmin + (np.arange(self.ncols) + 0.5) * self.cell
        cy = self.ymax - (np.arange(self.nrows) + 0.5) * self.cell
        gx, gy = np.meshgrid(cx, cy)
        return np.column_stack([gx.ravel(), gy.ravel()])


def raster_grid(xmin: float, ymin: float, xmax: float, ymax: float, cell: float, max_cells: int) -> RasterGrid:
    """Grid covering the box, anchored to multiples of ``cell`` (so rasters of two runs line up).

    Raises ValueError when it would have more than ``max_cells`` cells.
    """
    if not (math.isfinite(cell) and cell > 0):
        raise InputError("The raster cell size must be > 0 metres; got {}.", cell)
    x0 = math.floor(xmin / cell) * cell
    y1 = math.ceil(ymax / cell) * cell
    ncols = max(1, math.ceil((xmax - x0) / cell - 1e-9))
    nrows = max(1, math.ceil((y1 - ymin) / cell - 1e-9))
    if ncols * nrows > max_cells:
        raise InputError("The illuminance raster would have {:,} cells ({} x {} of {:g} m), more than the limit of "
                         "{:,}; use a larger cell size or a smaller raster extent.",
                         ncols * nrows, ncols, nrows, cell, max_cells)
    return RasterGrid(float(x0), float(y1), float(cell), int(nrows), int(ncols))


# --------------------------------------------------------------------------------------------
# EN 13201-3 calculation fields on paths and areas


@dataclass(frozen=True)
class FieldGrid:
    """Calculation points of many fields.

    Per point: ``xy``, ``field`` (row of ``fields``) and ``along`` (m from the start of its path
    part, for failing stretches). ``fields`` has one row per field: ``part`` (index of the input
    line or polygon), ``start_m``, ``end_m``, ``length_m``, ``width_m``, ``n_along``,
    ``n_across``, ``spacing_along_m``, ``spacing_across_m``, ``n_points``. ``part_lengths`` holds
    each line part's length (NaN for areas).
    """

    xy: np.ndarray
    field: np.ndarray
    along: np.ndarray
    fields: pd.DataFrame
    part_lengths: np.ndarray


_FIELD_COLUMNS = ["part", "start_m", "end_m", "length_m", "width_m", "n_along", "n_across",
                  "spacing_along_m", "spacing_across_m", "n_points"]


def line_fields(lines: Sequence[np.ndarray], widths: np.ndarray, field_length: float = 0.0,
                max_points: int = DEFAULT_MAX_CELLS) -> FieldGrid:
    """EN 13201-3 grids on paths given by centrelines (``(k, 2)`` polylines) and widths (m).

    Each line is one field, or ``ceil(L / field_length)`` equal fields when ``field_length > 0``.
    In a field of length ``S``: ``N`` points along at spacing ``D = S / N`` (N = 10 if S <= 30 m,
    else the smallest N with D <= 3 m; :func:`.lighting.en13201_points_along`), the first at
    ``D / 2``; across, ``n >= 3`` points at spacing ``d = W / n <= 1.5 m``, the first ``d / 2``
    from the edge (:func:`.lighting.en13201_points_across`). Along a bent path the points follow
    the centreline and are offset along the local normal (positive to the left); on a straight
    line this is exactly :func:`.lighting.en13201_grid`. Lines shorter than 1 mm are skipped.
    """
    widths = np.broadcast_to(np.asarray(widths, dtype=float), (len(lines),))
    xy_parts: list[np.ndarray] = []
    field_parts: list[np.ndarray] = []
    along_parts: list[np.ndarray] = []
    rows: list[tuple[float, ...]] = []
    n_points = 0  # counted before each field is allocated: a width in the wrong unit is refused, not a MemoryError
    part_lengths = np.full(len(lines), np.nan)
    for p, (line, width) in enumerate(zip(lines, widths, strict=True)):
        line = clean_polyline(line)
        if line.shape[0] < 2:
            continue
        total = polyline_length(line)
        part_lengths[p] = total
        if total < 1e-3:
            continue
        n_across, d_across = en13201_points_across(float(width))
        edges = piece_bounds(total, field_length)
        for a, b in pairwise(edges):
            n_points += en13201_points_along(float(b - a))[0] * n_across
        if n_points > max_points:
            raise InputError("The EN 13201 calculation grids would have more than {:,} points (path {} is {:g} m "
                             "wide and {:g} m long); check the path widths (PATH_WIDTH, the width field).",
                             max_points, p + 1, float(width), total)
        offsets = width / 2.0 - d_across / 2.0 - d_across * np.arange(n_across)
        for a, b in pairwise(edges):
            n_along, d_along = en13201_points_along(float(b - a))
            s = a + d_along * (np.arange(n_along) + 0.5)
            centre, unit = locate(line, s)
            normal = np.column_stack([-unit[:, 1], unit[:, 0]])
            pts = (centre[:, None, :] + offsets[None, :, None] * normal[:, None, :]).reshape(-1, 2)
            xy_parts.append(pts)
            field_parts.append(np.full(pts.shape[0], len(rows)))
            along_parts.append(np.repeat(s, n_across))
            rows.append((p, a, b, b - a, float(width), n_along, n_across, d_along, d_across, n_along * n_across))
    return _field_grid(xy_parts, field_parts, along_parts, rows, part_lengths)


def area_fields(polygons: Sequence[Sequence[np.ndarray]]) -> FieldGrid:
    """Calculation points on areas (squares, plazas), one field per polygon (list of rings, even-odd).

    The EN 13201-3 rules applied to the polygon's bounding box: the along rule on its longer side
    (N = 10 if <= 30 m, else spacing <= 3 m), the across rule on its shorter side (>= 3 points,
    spacing <= 1.5 m), points at the cell centres, kept where they fall inside the polygon.
    ``length_m`` and ``width_m`` of the field are the box's longer and shorter sides. A polygon
    too small to hold a point gets a field with no points.
    """
    xy_parts: list[np.ndarray] = []
    field_parts: list[np.ndarray] = []
    along_parts: list[np.ndarray] = []
    rows: list[tuple[float, ...]] = []
    for p, rings in enumerate(polygons):
        if not rings:
            continue
        allv = np.vstack([np.asarray(r, dtype=float)[:, :2] for r in rings])
        (x0, y0), (x1, y1) = allv.min(axis=0), allv.max(axis=0)
        w, h = x1 - x0, y1 - y0
        if w <= 0 or h <= 0:
            continue
        long_x = w >= h
        n_long, d_long = en13201_points_along(float(max(w, h)))
        n_short, d_short = en13201_points_across(float(min(w, h)))
        nx, dx, ny, dy = (n_long, d_long, n_short, d_short) if long_x else (n_short, d_short, n_long, d_long)
        gx, gy = np.meshgrid(x0 + dx * (np.arange(nx) + 0.5), y0 + dy * (np.arange(ny) + 0.5))
        gx, gy = gx.ravel(), gy.ravel()
        inside = points_in_polygon(gx, gy, list(rings))
        pts = np.column_stack([gx[inside], gy[inside]])
        xy_parts.append(pts)
        field_parts.append(np.full(pts.shape[0], len(rows)))
        along_parts.append(np.full(pts.shape[0], np.nan))
        rows.append((p, np.nan, np.nan, float(max(w, h)), float(min(w, h)), n_long, n_short, d_long, d_short,
                     int(inside.sum())))
    return _field_grid(xy_parts, field_parts, along_parts, rows, np.full(len(polygons), np.nan))


def _field_grid(xy_parts, field_parts, along_parts, rows, part_lengths) -> FieldGrid:
    fields = pd.DataFrame(rows, columns=_FIELD_COLUMNS)
    for col in ("part", "n_along", "n_across", "n_points"):
        fields[col] = fields[col].astype(np.int64)
    if xy_parts:
        return FieldGrid(np.vstack(xy_parts), np.concatenate(field_parts).astype(np.int64),
                         np.concatenate(along_parts), fields, part_lengths)
    return FieldGrid(np.zeros((0, 2)), np.zeros(0, dtype=np.int64), np.zeros(0), fields, part_lengths)


def resolve_class(name: str | None, ruleset: RulesetLike) -> str | None:
    """The rule set's spelling of a class name (case-insensitive), None for an empty name.

    Raises ValueError listing the classes for an unknown name.
    """
    if name is None or not str(name).strip():
        return None
    classes = check_ruleset(ruleset)["classes"]
    lookup = {c.lower(): c for c in classes}
    key = str(name).strip().lower()
    if key not in lookup:
        raise InputError("Unknown lighting class '{}'. Classes of this rule set: {}.", name, ', '.join(classes))
    return lookup[key]


def assign_classes(
    values: Sequence[object | None], default: str | None, ruleset: RulesetLike,
) -> tuple[list[str | None], int]:
    """The lighting class of each path and the number of paths without one.

    A path's own class (``values``, None or blank for none) is resolved in the rule set
    (case-insensitive, :func:`resolve_class`); paths without one take ``default``, or the rule set's
    only class when it has just one. Unknown class names and a rule set leaving every path without a
    class are refused (InputError).
    """
    default_class = resolve_class(default, ruleset)
    classes_of_set = check_ruleset(ruleset)["classes"]
    if default_class is None and len(classes_of_set) == 1:
        default_class = next(iter(classes_of_set))
    classes: list[str | None] = []
    for value in values:
        name = None if value is None else resolve_class(str(value), ruleset)
        classes.append(default_class if name is None else name)
    if all(c is None for c in classes):
        raise InputError("No path has a lighting class: set CLASS_FIELD or CLASS (e.g. P4).")
    return classes, sum(c is None for c in classes)


def class_minimum(class_name: str, ruleset: RulesetLike) -> float:
    """Illuminance (lx) below which a point fails the class locally, for mapping failing stretches.

    EN 13201-2 classes give a minimum ``Emin``; classes given as an average and a uniformity
    ``Emin/Eav`` imply ``uniformity x average``. With several alternatives the most lenient
    (lowest) counts. 0 when no alternative states a minimum.
    """
    alternatives = check_ruleset(ruleset)["classes"][class_name]["any_of"]
    values = []
    for alt in alternatives:
        if "e_min_min_lx" in alt:
            values.append(constant(alt["e_min_min_lx"]))
        elif "uniformity_min" in alt and "e_avg_min_lx" in alt:
            values.append(constant(alt["uniformity_min"]) * constant(alt["e_avg_min_lx"]))
        else:
            values.append(0.0)
    return float(min(values)) if values else 0.0


def evaluate_fields(
    e: np.ndarray,
    grid: FieldGrid,
    part_class: Sequence[str | None],
    ruleset: RulesetLike,
    ra: float | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Verdict per field and the failing stretches per line part.

    ``e`` is the illuminance at ``grid.xy``; ``part_class`` the class of each input part (None:
    not assessed). Returns ``(fields, stretches)``: ``fields`` = ``grid.fields`` plus ``class``,
    ``e_avg``, ``e_min``, ``e_max``, ``u0``, ``verdict`` (pass / over-lit / fail / not_assessed,
    :func:`.lighting.evaluate_class`) and ``reason``; ``stretches`` = ``part``, ``class``,
    ``start_m``, ``end_m``, ``e_min``, ``required_min_lx`` for the stretches of line parts where
    points fall below :func:`class_minimum` (:func:`.lighting.failing_stretches`).
    """
    data = check_ruleset(ruleset)
    fields = grid.fields.copy()
    n = len(fields)
    cls = np.array([part_class[p] for p in fields["part"]], dtype=object) if n else np.zeros(0, dtype=object)
    e_avg, e_min, e_max, u0 = (np.full(n, np.nan) for _ in range(4))
    verdict = np.full(n, "not_assessed", dtype=object)
    reason = np.full(n, "", dtype=object)
    order = np.argsort(grid.field, kind="stable")
    bounds = np.searchsorted(grid.field[order], np.arange(n + 1))
    for f in range(n):
        values = e[order[bounds[f]:bounds[f + 1]]]
        if values.size == 0:
            reason[f] = "no calculation point falls inside the area"
            continue
        e_max[f] = float(values.max())
        if cls[f] is None:
            e_avg[f], e_min[f] = float(values.mean()), float(values.min())
            u0[f] = e_min[f] / e_avg[f] if e_avg[f] > 0 else 0.0
            reason[f] = "no lighting class"
            continue
        v = evaluate_class(values, cls[f], data, ra=ra)
        e_avg[f], e_min[f], u0[f], verdict[f] = v.e_avg, v.e_min, v.u0, v.verdict
        reason[f] = "; ".join(v.reasons)
    fields["class"] = cls
    fields["e_avg"], fields["e_min"], fields["e_max"], fields["u0"] = e_avg, e_min, e_max, u0
    fields["verdict"], fields["reason"] = verdict, reason

    stretch_rows = []
    point_part = fields["part"].to_numpy()[grid.field] if n else np.zeros(0, dtype=np.int64)
    for p in np.unique(point_part):
        name = part_class[p]
        length = grid.part_lengths[p]
        if name is None or not np.isfinite(length):
            continue
        sel = point_part == p
        need = class_minimum(name, data)
        along, values = grid.along[sel], e[sel]
        for a, b in failing_stretches(along, values >= need - 1e-9 * need, length):
            inside = (along >= a) & (along <= b)
            stretch_rows.append((int(p), name, float(a), float(b),
                                 float(values[inside].min()) if inside.any() else np.nan, need))
    stretches = pd.DataFrame(stretch_rows, columns=["part", "class", "start_m", "end_m", "e_min", "required_min_lx"])
    return fields, stretches


# --------------------------------------------------------------------------------------------
# Walls: cleaning footprints, snapping openings and cameras to facades


def usable_rings(rings: Sequence[np.ndarray]) -> np.ndarray:
    """Which footprint rings are usable as occluders: finite ``(k, 2)`` coordinates enclosing an area.

    A ring whose shoelace area is at most 1e-9 of its squared extent (collinear or repeated
    vertices: fewer than 3 distinct ones) is not. Vectorised over all rings at once.
    """
    n = len(rings)
    keep = np.zeros(n, dtype=bool)
    arrays, owners = [], []
    for i, r in enumerate(rings):
        arr = np.asarray(r, dtype=float)
        if arr.ndim == 2 and arr.shape[0] >= 3 and arr.shape[1] >= 2 and np.isfinite(arr[:, :2]).all():
            arrays.append(arr[:, :2])
            owners.append(i)
    if not arrays:
        return keep
    sizes = np.array([a.shape[0] for a in arrays])
    start = np.concatenate([[0], np.cumsum(sizes)[:-1]])
    xy = np.vstack(arrays)
    nxt = np.arange(xy.shape[0]) + 1
    nxt[start + sizes - 1] = start  # each ring's last vertex joins its first
    # Shoelace about each ring's first vertex, for precision with large projected coordinates.
    ref = np.repeat(xy[start], sizes, axis=0)
    a, b = xy - ref, xy[nxt] - ref
    area = 0.5 * np.add.reduceat(a[:, 0] * b[:, 1] - a[:, 1] * b[:, 0], start)
    extent = np.maximum(np.maximum.reduceat(xy, start) - np.minimum.reduceat(xy, start), 0.0).max(axis=1)
    keep[np.asarray(owners)] = np.abs(area) > 1e-9 * extent * extent
    return keep


def snap_to_walls(points_xy: np.ndarray, occluders: OccluderSet, tolerance: float) -> tuple[np.ndarray, np.ndarray]:
    """Move points within ``tolerance`` m of a wall onto the nearest wall; the wall's outward azimuth.

    Returns ``(xy, facing_deg)``: snapped coordinates (others unchanged) and the compass azimuth
    of the nearest wall's outward normal (NaN for points farther than ``tolerance``). Windows,
    doors and facade cameras digitised a little inside or outside their wall then look out from
    it, as the visibility engine expects of an observer on a wall. Points are handled in blocks
    of one cell of the occluders' wall index, each against the walls near that cell.
    """
    pts = np.asarray(points_xy, dtype=float).reshape(-1, 2).copy()
    facing = np.full(pts.shape[0], np.nan)
    if occluders.n_edges == 0 or pts.shape[0] == 0 or not tolerance > 0:
        return pts, facing
    index = occluders.index
    cx = np.floor((pts[:, 0] - index.x0) / index.cell).astype(np.int64)
    cy = np.floor((pts[:, 1] - index.y0) / index.cell).astype(np.int64)
    key = cx * (int(cy.max() - cy.min()) + 1) + (cy - cy.min())
    order = np.argsort(key, kind="stable")
    bounds = np.concatenate([[0], np.flatnonzero(np.diff(key[order])) + 1, [order.size]])
    x1, y1, x2, y2 = occluders.x1, occluders.y1, occluders.x2, occluders.y2
    for lo, hi in pairwise(bounds):
        idx = order[lo:hi]
        px, py = pts[idx, 0][:, None], pts[idx, 1][:, None]
        ids = index.query(float(px.min()) - tolerance, float(py.min()) - tolerance,
                          float(px.max()) + tolerance, float(py.max()) + tolerance)
        if ids.size == 0:
            continue
        vx, vy = x2[ids] - x1[ids], y2[ids] - y1[ids]
        t = np.clip(((px - x1[ids]) * vx + (py - y1[ids]) * vy) / (vx * vx + vy * vy), 0.0, 1.0)
        qx, qy = x1[ids] + t * vx, y1[ids] + t * vy
        d = np.hypot(qx - px, qy - py)
        j = np.argmin(d, axis=1)
        rows = np.arange(idx.size)
        near = d[rows, j] <= tolerance
        hit, w = idx[near], ids[j[near]]
        pts[hit, 0], pts[hit, 1] = qx[rows, j][near], qy[rows, j][near]
        facing[hit] = np.mod(np.degrees(np.arctan2(occluders.nx[w], occluders.ny[w])), 360.0)
    return pts, facing


# --------------------------------------------------------------------------------------------
# Natural surveillance


@dataclass(frozen=True)
class Samples:
    """Sample points along paths: ``xy``, ``piece`` (row of ``pieces``); ``pieces`` has ``part``,
    ``start_m``, ``end_m``, ``length_m``, ``n_samples``."""

    xy: np.ndarray
    piece: np.ndarray
    pieces: pd.DataFrame


def line_samples(lines: Sequence[np.ndarray], spacing: float, piece_length: float = 0.0) -> Samples:
    """Cut each line into equal pieces of at most ``piece_length`` m (0: whole lines) and sample each
    piece at the centres of ``ceil(length / spacing)`` equal intervals."""
    if not (math.isfinite(spacing) and spacing > 0):
        raise InputError("The sample spacing must be > 0 metres; got {}.", spacing)
    xy_parts: list[np.ndarray] = []
    piece_parts: list[np.ndarray] = []
    rows: list[tuple[float, ...]] = []
    for p, line in enumerate(lines):
        line = clean_polyline(line)
        if line.shape[0] < 2:
            continue
        total = polyline_length(line)
        if total < 1e-3:
            continue
        edges = piece_bounds(total, piece_length)
        for a, b in pairwise(edges):
            m = max(1, math.ceil((b - a) / spacing - 1e-9))
            xy, _ = locate(line, a + (b - a) * (np.arange(m) + 0.5) / m)
            xy_parts.append(xy)
            piece_parts.append(np.full(m, len(rows)))
            rows.append((p, a, b, b - a, m))
    pieces = pd.DataFrame(rows, columns=["part", "start_m", "end_m", "length_m", "n_samples"])
    if not rows:
        return Samples(np.zeros((0, 2)), np.zeros(0, dtype=np.int64), pieces)
    return Samples(np.vstack(xy_parts), np.concatenate(piece_parts).astype(np.int64), pieces)


def building_storeys(given: np.ndarray | None, n: int, default: int) -> np.ndarray:
    """Storeys per building: ``given`` rounded where it is a number >= 1, else ``default`` (all
    ``default`` without a field)."""
    if given is None:
        return np.full(n, default)
    given = np.asarray(given, dtype=float)
    return np.where(np.isfinite(given) & (given >= 1), np.round(given), default).astype(int)


def generated_openings(rings: Sequence[np.ndarray], storeys: np.ndarray, spacing: float,
                       storey_height: float) -> tuple[np.ndarray, np.ndarray]:
    """``(xy, facing_deg)`` of the openings of :func:`.visibility.facade_openings` along every footprint,
    with each building's own number of storeys (one call per number of storeys)."""
    xs, ys, facing = [], [], []
    for n in np.unique(storeys):
        group = [r for r, k in zip(rings, storeys, strict=True) if k == n]
        ops = facade_openings(group, spacing=spacing, storeys=int(n), storey_height=storey_height)
        xs.append(ops.x)
        ys.append(ops.y)
        facing.append(ops.facing_deg)
    if not xs:
        return np.zeros((0, 2)), np.zeros(0)
    return np.column_stack([np.concatenate(xs), np.concatenate(ys)]), np.concatenate(facing)


def opening_views(facing: np.ndarray, view_angle: float) -> tuple[np.ndarray, np.ndarray, int]:
    """``(facing, view angles, number looking all around)``: every opening looks over ``view_angle``
    degrees around its facing, and one without a facing (NaN) all around (360 degrees, facing 0)."""
    facing = np.array(facing, dtype=float)
    views = np.full(facing.size, float(view_angle))
    free = np.isnan(facing)
    views[free] = 360.0
    facing[free] = 0.0
    return facing, views, int(free.sum())


def overlooked_share(samples: Samples, counts: np.ndarray) -> np.ndarray:
    """Per piece of :func:`line_samples`, the share of its samples seen by at least one opening."""
    seen = np.bincount(samples.piece, weights=counts > 0, minlength=len(samples.pieces))
    return seen / np.maximum(samples.pieces["n_samples"].to_numpy(), 1)


def overlook_verdicts(share: np.ndarray, min_share: float) -> tuple[np.ndarray, list[str]]:
    """("pass" / "fail", reason) per piece: overlooked over at least ``min_share`` of its length."""
    ok = share >= min_share - 1e-12
    reasons = [f"{s:.0%} overlooked ({'at least' if o else 'below'} the required {min_share:.0%})"
               for s, o in zip(share, ok, strict=True)]
    return np.where(ok, "pass", "fail"), reasons


def _unique_views(observers: np.ndarray, facing: np.ndarray, angle: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Distinct (x, y, facing, angle) rows with their multiplicity (storeys of one window column)."""
    m = observers.shape[0]
    rows = np.column_stack((observers, np.mod(np.broadcast_to(facing, (m,)), 360.0), np.broadcast_to(angle, (m,))))
    return np.unique(rows, axis=0, return_counts=True)


def _check_views(observers: np.ndarray, facing: np.ndarray | float, angle: np.ndarray | float) -> tuple:
    obs = np.asarray(observers, dtype=float).reshape(-1, 2)
    m = obs.shape[0]
    fac = np.broadcast_to(np.asarray(facing, dtype=float), (m,))
    ang = np.broadcast_to(np.asarray(angle, dtype=float), (m,))
    if not (np.isfinite(obs).all() and np.isfinite(fac).all() and np.all((ang > 0) & (ang <= 360))):
        raise InputError("Openings need finite positions and facings and a view angle within (0, 360] degrees.")
    return obs, fac, ang


def overlook_pieces(
    observers: np.ndarray,
    facing_deg: np.ndarray | float,
    view_angle_deg: np.ndarray | float,
    max_range: float,
    samples: Samples,
    occluders: OccluderSet,
    progress: Progress | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Natural surveillance of path samples and pieces by openings.

    Returns ``(counts, n_openings)``: per sample, the number of openings that see it (as
    :func:`.visibility.overlook_counts`); per piece, the number of distinct openings that see at
    least one of its samples. Each distinct view (position, facing, angle) is computed once with
    :func:`.visibility.visible_mask` against the samples within range and counted as many times
    as it occurs (storeys of a window column).
    """
    obs, fac, ang = _check_views(observers, facing_deg, view_angle_deg)
    counts = np.zeros(samples.xy.shape[0], dtype=np.int64)
    n_open = np.zeros(len(samples.pieces), dtype=np.int64)
    if obs.shape[0] == 0 or counts.size == 0:
        return counts, n_open
    views, weight = _unique_views(obs, fac, ang)
    order = np.argsort(samples.xy[:, 0], kind="stable")
    sx = samples.xy[order, 0]
    for i, ((ox, oy, az, a), w) in enumerate(zip(views, weight, strict=True)):
        lo, hi = np.searchsorted(sx, [ox - max_range, ox + max_range], side="left")
        cand = order[lo:hi]
        cand = cand[np.abs(samples.xy[cand, 1] - oy) <= max_range]
        if cand.size:
            seen = cand[visible_mask((ox, oy), samples.xy[cand], occluders, max_range, fov=(az, a))]
            counts[seen] += w
            n_open[np.unique(samples.piece[seen])] += w
        if progress is not None and (i % 64 == 0 or i == len(views) - 1):
            progress((i + 1) / len(views))
    return counts, n_open


def view_isovists(
    observers: np.ndarray,
    facing_deg: np.ndarray | float,
    view_angle_deg: np.ndarray | float,
    max_range: float,
    occluders: OccluderSet,
    bbox: tuple[float, float, float, float] | None = None,
    n_arc: int = DEFAULT_N_ARC,
    progress: Progress | None = None,
) -> list[np.ndarray]:
    """Isovists (:func:`.visibility.isovist`) of the distinct views, as rings; empty ones left out.

    ``bbox`` (xmin, ymin, xmax, ymax): only views whose range reaches the box.
    """
    obs, fac, ang = _check_views(observers, facing_deg, view_angle_deg)
    if obs.shape[0] == 0:
        return []
    views, _ = _unique_views(obs, fac, ang)
    if bbox is not None:
        x0, y0, x1, y1 = bbox
        dx = np.maximum(0.0, np.maximum(x0 - views[:, 0], views[:, 0] - x1))
        dy = np.maximum(0.0, np.maximum(y0 - views[:, 1], views[:, 1] - y1))
        views = views[np.hypot(dx, dy) <= max_range]
    rings = []
    for i, (ox, oy, az, a) in enumerate(views):
        ring = isovist((ox, oy), occluders, max_range, fov=None if a >= 360 else (az, a), n_arc=n_arc)
        if ring.shape[0] >= 3:
            rings.append(ring)
        if progress is not None and (i % 64 == 0 or i == len(views) - 1):
            progress((i + 1) / len(views))
    return rings


# --------------------------------------------------------------------------------------------
# CCTV


def camera_table(
    x: np.ndarray, y: np.ndarray, fid: np.ndarray, names: Sequence[object] | None, height: np.ndarray,
    azimuth: np.ndarray, hfov: np.ndarray, width_px: np.ndarray, max_range: np.ndarray, *, default_hfov: float,
    default_px: float, default_range: float, azimuth_field: str,
) -> pd.DataFrame:
    """The cameras as rows ``x``, ``y``, ``fid``, ``name`` (the feature id when a camera has none),
    ``height``, ``azimuth``, ``hfov``, ``px``, ``range`` for :func:`camera_coverage`.

    Empty (NaN) fields of view and resolutions take the defaults, empty ranges ``default_range``
    (none when it is 0); an empty height stays NaN (a camera without height: its wedge only).
    Refuses, naming the first camera and how many share the fault (InputError), a camera without a
    viewing direction (in ``azimuth_field``), with a field of view outside (0, 180) degrees, without
    a positive resolution, or with a height or range of 0 m or less.
    """
    cams = pd.DataFrame({"x": x, "y": y, "fid": fid})
    names = [None] * len(cams) if names is None else names
    cams["name"] = [str(f) if name is None else str(name) for name, f in zip(names, fid, strict=True)]
    cams["height"] = height
    cams["azimuth"] = azimuth
    cams["hfov"] = np.where(np.isnan(hfov), default_hfov, hfov)
    cams["px"] = np.where(np.isnan(width_px), default_px, width_px)
    cams["range"] = np.where(np.isnan(max_range), default_range if default_range > 0 else np.nan, max_range)
    # Whole sentences (not a fragment inserted into one), so that each translates as a whole.
    checks = (
        (~np.isfinite(cams["azimuth"]), N_("Camera '{}' (feature {}) has no viewing direction in '{}'; {} camera(s) "
                                           "like this. Fill in the field or fix the value."), (azimuth_field,)),
        (~((cams["hfov"] > 0) & (cams["hfov"] < 180)), N_("Camera '{}' (feature {}) has a field of view outside "
                                                           "0-180 degrees; {} camera(s) like this. Fill in the field "
                                                           "or fix the value."), ()),
        (~(cams["px"] > 0), N_("Camera '{}' (feature {}) has no positive horizontal resolution; {} camera(s) like "
                               "this. Fill in the field or fix the value."), ()),
        (cams["height"] <= 0, N_("Camera '{}' (feature {}) has a mounting height <= 0 m; {} camera(s) like this. "
                                 "Fill in the field or fix the value."), ()),
        (cams["range"] <= 0, N_("Camera '{}' (feature {}) has a maximum range <= 0 m; {} camera(s) like this. Fill "
                                "in the field or fix the value."), ()),
    )
    for bad, template, extra in checks:
        bad = np.asarray(bad)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise InputError(template, cams["name"][i], int(cams["fid"][i]), *extra, int(bad.sum()))
    return cams


def coverage_verdict(share: float, required: str, min_share: float) -> tuple[str, str]:
    """("pass" or "fail", reason) of a target whose ``share`` (0-1) is covered at level ``required``,
    against the ``min_share`` asked for (with 1e-9 of rounding allowance)."""
    ok = share >= min_share - 1e-9
    return ("pass" if ok else "fail",
            f"{share:.0%} covered at '{required}' ({'at least' if ok else 'below'} the required {min_share:.0%})")


def camera_coverage(
    xy: np.ndarray,
    height: np.ndarray,
    azimuth: np.ndarray,
    hfov: np.ndarray,
    width_px: np.ndarray,
    max_range: np.ndarray,
    occluders: OccluderSet,
    levels: dict[str, float],
    target_height: float,
    n_arc: int = DEFAULT_N_ARC,
    progress: Progress | None = None,
) -> pd.DataFrame:
    """Coverage polygon of each camera at each observation level (EN 62676-4).

    Per camera and level: the plan-view wedge of :func:`.cctv.camera_zones` (reach of the level's
    pixel density at the camera's height and ``target_height``, capped by the camera's maximum
    range; NaN height or range = none) intersected with what the camera sees among the buildings.
    Both are bounded by rays from the camera, so the intersection is exactly the isovist
    (:func:`.visibility.isovist`) with the wedge as its field of view and the level's reach as
    its range. Returns rows ``camera`` (index), ``level``, ``px_per_m``, ``reach_m``, ``ring``
    (``(k, 2)``, empty when the level reaches no ground or the camera stands inside a building).
    """
    xy = np.asarray(xy, dtype=float).reshape(-1, 2)
    n = xy.shape[0]
    rows = []
    for i in range(n):
        h = None if not np.isfinite(height[i]) else float(height[i])
        cap = None if not np.isfinite(max_range[i]) or max_range[i] <= 0 else float(max_range[i])
        zones = camera_zones(xy[i, 0], xy[i, 1], float(azimuth[i]), float(hfov[i]), float(width_px[i]),
                             max_range=cap, arc_segments=1, camera_height=h, target_height=target_height,
                             levels=levels)
        for level, density in levels.items():
            wedge = zones[level]
            reach = float(np.hypot(*(wedge[1] - wedge[0]))) if wedge.shape[0] else 0.0
            ring = (isovist(xy[i], occluders, reach, fov=(float(azimuth[i]), float(hfov[i])), n_arc=n_arc)
                    if reach > 0 else np.zeros((0, 2)))
            rows.append((i, level, float(density), reach, ring))
        if progress is not None:
            progress((i + 1) / n)
    return pd.DataFrame(rows, columns=["camera", "level", "px_per_m", "reach_m", "ring"])
