"""Planning a kernel density run: the incidents' weights, the population, the raster's extent and cell size.

What :mod:`.kde` computes on is decided here, without QGIS: which weights count, which population
points count, the raster's bounds (the study area's, or the incidents' grown by the kernel's support
radius, as QGIS's Heatmap and ArcGIS's Kernel Density do), snapping them outwards to whole cells so
rasters of different data line up, and an automatic cell size of about a tenth of the kernel's
radius on the 1-2-2.5-5 series of round numbers (cartographic round steps), enlarged to stay below
a number of cells. The warnings about too coarse cells and too wide bandwidths are computed here and
worded by the algorithm.
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ..errors import InputError
from .kernel_density import Kernel, canonical_bandwidth_ratio, support_radius

Bounds = tuple[float, float, float, float]

# An automatic cell size aims at a tenth of the kernel's radius but keeps the raster below this many cells.
AUTO_MAX_CELLS = 4_000_000
# A bandwidth above this share of the shorter side of the incidents' extent smooths the map into a few blobs.
WIDE_BANDWIDTH_SHARE = 0.1
NICE_STEPS = (1.0, 2.0, 2.5, 5.0)
QUARTIC_RATIO = canonical_bandwidth_ratio(Kernel.QUARTIC)


def nice_cell(value: float, up: bool) -> float:
    """The nearest of 1, 2, 2.5, 5 x 10^k at or below (``up`` False) or at or above ``value``."""
    exp = math.floor(math.log10(value))
    candidates = sorted(s * 10.0 ** e for e in (exp - 1, exp, exp + 1) for s in NICE_STEPS)
    if up:
        return next(c for c in candidates if c >= value * (1 - 1e-12))
    return max(c for c in candidates if c <= value * (1 + 1e-12))


def snapped(bounds: Bounds, cell: float) -> Bounds:
    """Bounds grown outwards to multiples of the cell size, so rasters of different data line up."""
    xmin, ymin, xmax, ymax = bounds
    return (math.floor(xmin / cell) * cell, math.floor(ymin / cell) * cell,
            math.ceil(xmax / cell) * cell, math.ceil(ymax / cell) * cell)


def n_cells(bounds: Bounds, cell: float) -> int:
    """Cells of a raster covering ``bounds`` with whole cells (at least one per axis), as :func:`.kde.kde_grid`."""
    xmin, ymin, xmax, ymax = bounds
    return max(1, math.ceil((xmax - xmin) / cell - 1e-9)) * max(1, math.ceil((ymax - ymin) / cell - 1e-9))


def default_bounds(
    x: NDArray[np.float64], y: NDArray[np.float64], study: Sequence[NDArray[np.float64]] | None,
    kernel: Kernel | int, bandwidth: float,
) -> Bounds:
    """The raster's bounds without a given extent: the study area's rings' bounding box, else the
    incidents' bounding box grown by the kernel's support radius (no kernel mass is cut off)."""
    if study is not None:
        allv = np.vstack(study)
        lo, hi = allv.min(axis=0), allv.max(axis=0)
        return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1]))
    pad = support_radius(kernel, bandwidth)
    return (float(x.min()) - pad, float(y.min()) - pad, float(x.max()) + pad, float(y.max()) + pad)


def raster_extent(bounds: Bounds, cell: float, snap: bool) -> Bounds:
    """``bounds`` snapped outwards to whole cells when ``snap``, else as given."""
    return snapped(bounds, cell) if snap else bounds


@dataclass(frozen=True)
class CellChoice:
    """An automatic cell size and the extent it gives; ``tenth_cells`` is the number of cells a tenth
    of the kernel's radius would have made when that was too many (None when the tenth was used)."""

    cell: float
    extent: Bounds
    radius: float
    tenth_cells: int | None = None


def auto_cell(bounds: Bounds, snap: bool, kernel: Kernel | int, bandwidth: float, target: int) -> CellChoice:
    """About a tenth of the kernel's radius, on the 1-2-2.5-5 series, enlarged to stay within ``target`` cells.

    The enlarged cell starts at the square root of the area per target cell, rounded up on the series,
    and steps up the series until the (snapped) raster fits.
    """
    radius = support_radius(kernel, bandwidth)
    cell = nice_cell(radius / 10.0, up=False)
    wanted = n_cells(raster_extent(bounds, cell, snap), cell)
    if wanted <= target:
        return CellChoice(cell, raster_extent(bounds, cell, snap), radius)
    xmin, ymin, xmax, ymax = bounds
    cell = nice_cell(math.sqrt((xmax - xmin) * (ymax - ymin) / target), up=True)
    while n_cells(raster_extent(bounds, cell, snap), cell) > target:
        cell = nice_cell(cell * 1.01, up=True)
    return CellChoice(cell, raster_extent(bounds, cell, snap), radius, wanted)


def coarse_cell_advice(cell: float, kernel: Kernel | int, bandwidth: float) -> float | None:
    """A better cell size (a fifth of the kernel's radius, rounded down on the series) when ``cell`` is
    more than half the radius, too sparse a sampling to keep the surface's mass; else None."""
    radius = support_radius(kernel, bandwidth)
    return nice_cell(radius / 5, up=False) if cell > radius / 2 else None


@dataclass(frozen=True)
class WideBandwidth:
    """A bandwidth too wide for the incidents' extent: the extent's shorter side, the bandwidth as the
    quartic radius with the same smoothing, and a suggested bandwidth (a twentieth of the side)."""

    side: float
    quartic_radius: float
    suggested: float


def wide_bandwidth(
    x: NDArray[np.float64], y: NDArray[np.float64], kernel: Kernel | int, bandwidth: float,
) -> WideBandwidth | None:
    """Whether the bandwidth, converted to the quartic radius with the same smoothing by canonical
    bandwidths (Marron & Nolan 1988), exceeds ``WIDE_BANDWIDTH_SHARE`` of the shorter side of the
    incidents' extent; None when it does not (or all incidents lie on a line)."""
    side = float(min(np.ptp(x), np.ptp(y)))
    radius = bandwidth * QUARTIC_RATIO / canonical_bandwidth_ratio(kernel)
    if not (side > 0 and radius > WIDE_BANDWIDTH_SHARE * side):
        return None
    return WideBandwidth(side, radius, nice_cell(WIDE_BANDWIDTH_SHARE * side / 2, up=False))


def incident_weights(values: NDArray, field: str) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """The weights of a weight field's values and the mask of those that count (finite).

    Refuses a non-numeric field, negative weights and weights that sum to zero (InputError); empty
    weights are left out (the mask), for the caller to count in the log.
    """
    if values.dtype == object:
        raise InputError("The weight field '{}' is not numeric; choose a field with numbers.", field)
    w = values.astype(float)
    negative = w < 0
    if negative.any():
        raise InputError("The weight field '{}' has {:,} negative values (the lowest is {:g}); weights must be "
                         "zero or more (counts, aoristic weights).", field, int(negative.sum()), np.nanmin(w))
    keep = np.isfinite(w)
    if not w[keep].sum() > 0:
        raise InputError("The weights in '{}' sum to zero: there is nothing to smooth.", field)
    return w, keep


def population_kept(residents: NDArray[np.float64]) -> NDArray[np.bool_]:
    """Mask of the population points (or cells) with residents; refuses negative counts and an empty
    population (InputError)."""
    if (residents < 0).any():
        raise InputError("The population has {:,} negative values; residents must be zero or more.",
                         int((residents < 0).sum()))
    keep = np.isfinite(residents) & (residents > 0)
    if not keep.any():
        raise InputError("The population is empty (no residents within reach of the raster); check the "
                         "population layer, its field and its CRS.")
    return keep


def weight_inside(x: NDArray[np.float64], y: NDArray[np.float64], w: NDArray[np.float64], extent: Bounds) -> float:
    """Total weight of the incidents inside the raster's extent, cells being [xmin, xmax) x (ymin, ymax]
    (a raster anchored at its top-left corner), for the mass check: raster sum x cell area."""
    xmin, ymin, xmax, ymax = extent
    inside = (x >= xmin) & (x < xmax) & (y > ymin) & (y <= ymax)
    return float(w[inside].sum())
