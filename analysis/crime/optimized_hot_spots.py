"""Optimized hot spot analysis of incident points: area, cell size, hexagon counts, Gi* with FDR.

From incident points alone (issue 3, item 4), every setting a hot spot map needs is derived from
the data, and each decision is returned so the caller can report it:

1. **Locational outliers** (:func:`locational_outliers`): incidents whose distance to their
   nearest neighbour is more than ``OUTLIER_SD`` (3) standard deviations above the mean
   nearest-neighbour distance. An outlier that alone would enlarge the convex hull of the other
   incidents by more than ``REMOTE_SHARE`` (5 %) is *remote* (typically mis-geocoded): it is left
   out of the analysed area and not counted, so it cannot add a wide band of empty cells. Other
   outliers (sparse incidents at the edge of the pattern) stay in.
2. **Analysed area** (:func:`analysis_area`): the study area when given (incidents outside it
   are left out), else the convex hull of the incidents without the remote outliers. Every hexagon that
   overlaps it is analysed, with or without incidents (a zero is information: nothing was
   recorded there).
3. **Cell size** (:func:`choose_cell_size`) by *incremental spatial autocorrelation* (ISA):
   the counts on a fine hexagon grid (about ``SCALE_SEARCH_CELLS`` = 5000 cells over the area,
   size ``s0``) are tested with global Moran's I (row-standardised, z under randomisation) for the
   distance bands ``s0, 2 s0, ..., N_BANDS s0``; the first band whose z is a local peak (higher
   than the bands on either side) and significant (z >= 1.96) is the scale at which the
   incidents cluster most distinctly, and that distance, rounded to two significant digits,
   becomes the hexagon size. Hexagons of that size have their six side-neighbours exactly that
   distance apart, so a Gi* over a cell and its first ring works at the scale ISA found.

   Why the bands run over one fine grid and not over grids of each candidate size: a z-score
   grows with the number of features (about ``I * sqrt(n)``), so z values of grids with
   different numbers of cells are not comparable and the finest grid always "wins" (on the
   demo town it falls almost steadily from 177 at 25 m to 1 at 1 km). ISA as Esri describes it
   (Incremental Spatial Autocorrelation; also the scale step of ArcGIS Optimized Hot Spot
   Analysis) likewise keeps the features fixed and varies the distance.

   Fallback, when no band is a significant peak (z keeps rising: the incidents cluster at
   scales beyond the tested ones, as city-wide crime usually does; z keeps falling: the
   clustering is finer than the finest band; or nothing is significant): the smallest size at
   which the non-empty hexagons hold a median of at least ``FALLBACK_MEDIAN`` (3) incidents
   (:func:`median_count_size`), again rounded. With a median of 1 almost every non-empty cell
   holds one incident and Gi* maps single events; at a median of 3 a typical non-empty cell
   holds a small count that can differ from its neighbours'. On the Chicago sample (z rises
   up to the widest band, 4.3 km) this gives 250 m, a size an analyst would pick by eye.

   For disc-shaped clusters of radius ``R`` (a few times ``s0`` or more) the first peak lies
   between ``R`` and ``1.6 R`` (tests/analysis/crime/test_optimized_hot_spots.py); clusters smaller than ``s0``
   give a falling z and the fallback.
4. **Gi*** (:func:`optimized_hot_spots`): counts per hexagon, neighbours = the six hexagons
   around each cell (first-order contiguity, each cell in its own sum), analytical z and
   p-values (or conditional permutations), Benjamini-Hochberg FDR q-values behind the bins
   -3..3 (90/95/99 % confidence), as in :func:`.autocorrelation.getis_ord_local`.

References: Getis & Ord (1992) Geogr. Anal. 24(3); Ord & Getis (1995) Geogr. Anal. 27(4);
Moran (1950) Biometrika 37; Cliff & Ord (1981) Spatial Processes; Benjamini & Hochberg (1995)
J. R. Stat. Soc. B 57(1); Esri, ArcGIS Pro "How Optimized Hot Spot Analysis works" and
"Incremental Spatial Autocorrelation" (the workflow; the cell-size rule here is our own, see 3).
"""
from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from scipy.spatial import cKDTree

from ..errors import Cancelled, InputError
from ..geometry import grids
from ..geometry.polygons import convex_hull_ring, points_in_polygon, polygon_area, polygon_bounds
from ..spatial_stats.autocorrelation import GiResult, getis_ord_local, global_moran
from ..spatial_stats.grid_weights import grid_contiguity
from ..spatial_stats.weights import SpatialWeights, distance_band_weights, validated_xy

__all__ = [
    "FALLBACK_MEDIAN",
    "MIN_CELLS",
    "MIN_INCIDENTS",
    "N_BANDS",
    "OUTLIER_SD",
    "PEAK_MIN_Z",
    "REMOTE_SHARE",
    "SCALE_SEARCH_CELLS",
    "AnalysisArea",
    "CellSizeChoice",
    "HexagonCounts",
    "OptimizedHotSpots",
    "ScaleCandidate",
    "analysis_area",
    "choose_cell_size",
    "first_peak",
    "hexagon_counts",
    "incremental_spatial_autocorrelation",
    "locational_outliers",
    "median_count_size",
    "nice_size",
    "optimized_hot_spots",
]

MIN_INCIDENTS = 30  # fewer incidents cannot show a pattern worth testing
MIN_CELLS = 30  # Gi* and its normal approximation need a reasonable number of features
OUTLIER_SD = 3.0
REMOTE_SHARE = 0.05
SCALE_SEARCH_CELLS = 5000
N_BANDS = 10  # as many distance bands as Esri's Incremental Spatial Autocorrelation tests by default
PEAK_MIN_Z = 1.96
FALLBACK_MEDIAN = 3.0
_FIRST_REACH = 5  # bands queried before widening to all of them (see incremental_spatial_autocorrelation)
_TOL = 1e-9  # relative slack on distance bands, so rounding never drops a ring of centres

Progress = Callable[[float], None]
IsCancelled = Callable[[], bool]


def _check_cancel(is_cancelled: IsCancelled | None) -> None:
    if is_cancelled is not None and is_cancelled():
        raise Cancelled()


# --------------------------------------------------------------------------------------------
# Area
# --------------------------------------------------------------------------------------------


def locational_outliers(x, y, n_sd: float = OUTLIER_SD) -> tuple[np.ndarray, float, float]:
    """Incidents farther from their nearest neighbour than ``mean + n_sd * sd`` of all
    nearest-neighbour distances (coincident incidents have distance 0).

    Returns ``(outlier mask, mean nearest-neighbour distance, threshold)``; no outliers for
    fewer than 3 points or when every distance is equal.
    """
    x, y = validated_xy(x, y)
    if x.size < 3:
        return np.zeros(x.size, dtype=bool), float("nan"), float("nan")
    pts = np.column_stack([x, y])
    dist, _ = cKDTree(pts).query(pts, k=2)
    nn = dist[:, 1]
    mean, sd = float(nn.mean()), float(nn.std())
    threshold = mean + n_sd * sd
    return (nn > threshold) if sd > 0 else np.zeros(x.size, dtype=bool), mean, threshold


@dataclass(frozen=True, eq=False)
class AnalysisArea:
    """Where hexagons are analysed.

    ``rings`` the polygon (even-odd over all rings), ``kind`` "study area" or "convex hull",
    ``area_m2`` its area; per incident: ``outlier`` (see :func:`locational_outliers`),
    ``remote`` (outliers left out of the hull) and ``inside`` (inside the study area, or not
    remote for the hull). ``mean_nn`` and ``outlier_threshold`` describe the outlier test.
    """

    rings: tuple[np.ndarray, ...]
    kind: str
    area_m2: float
    outlier: np.ndarray
    remote: np.ndarray
    inside: np.ndarray
    mean_nn: float
    outlier_threshold: float


def analysis_area(x, y, study: Sequence[np.ndarray] | None = None) -> AnalysisArea:
    """The study area (rings in the points' CRS) or the convex hull of the incidents without the
    remote outliers (see the module docstring)."""
    x, y = validated_xy(x, y)
    if x.size < MIN_INCIDENTS:
        raise InputError("Optimized hot spot analysis needs at least {} incidents to find a pattern; the layer has "
                         "{}. Use a longer period or more incident types.", MIN_INCIDENTS, x.size)
    outlier, mean_nn, threshold = locational_outliers(x, y)
    if study is not None:
        rings = tuple(np.asarray(r, dtype=np.float64) for r in study)
        if not rings:
            raise InputError("The study area has no polygons.")
        inside = points_in_polygon(x, y, list(rings))
        n_in = int(inside.sum())
        if n_in < MIN_INCIDENTS:
            raise InputError("Only {} incidents lie inside the study area; optimized hot spot analysis needs at "
                             "least {}. Check the study area and the incident layer's CRS.", n_in, MIN_INCIDENTS)
        return AnalysisArea(rings, "study area", polygon_area(list(rings)), outlier, np.zeros(x.size, dtype=bool),
                            inside, mean_nn, threshold)
    ring = convex_hull_ring(x[~outlier], y[~outlier])
    if ring is None:
        raise InputError("The incidents lie on one line or at fewer than three places, so they enclose no area to "
                         "map; give a study area (STUDY_AREA).")
    remote = np.zeros(x.size, dtype=bool)
    base = polygon_area([ring])
    candidates = np.flatnonzero(outlier)
    beyond = candidates[~points_in_polygon(x[candidates], y[candidates], [ring])]
    for i in beyond:  # outliers are few; each is judged against the hull of the others alone
        grown = convex_hull_ring(np.r_[ring[:, 0], x[i]], np.r_[ring[:, 1], y[i]])
        # A hull with area plus one point outside it has an area: never None.
        remote[i] = polygon_area([grown]) > (1.0 + REMOTE_SHARE) * base  # type: ignore[list-item]
    if (outlier & ~remote).any():
        ring = convex_hull_ring(x[~remote], y[~remote])
    # The kept points include those of the first hull, which had an area: never None.
    return AnalysisArea((ring,), "convex hull", polygon_area([ring]),  # type: ignore[arg-type, list-item]
                        outlier, remote, ~remote, mean_nn, threshold)


# --------------------------------------------------------------------------------------------
# Hexagon counts
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class HexagonCounts:
    """Hexagons analysed: the grid, the sorted cell ids, the count per cell and, per incident,
    the position of its cell in ``cells`` (-1 when it is not counted)."""

    grid: grids.GridSpec
    cells: np.ndarray
    counts: np.ndarray
    index: np.ndarray

    @property
    def n_counted(self) -> int:
        return int((self.index >= 0).sum())


def hexagon_counts(x, y, area: AnalysisArea, size: float, max_cells: int = grids.DEFAULT_MAX_CELLS) -> HexagonCounts:
    """Hexagons of ``size`` overlapping the area (plus any holding a counted incident) and the
    count of incidents in each; incidents outside the study area and remote outliers are not
    counted."""
    x, y = validated_xy(x, y)
    xmin, ymin, xmax, ymax = polygon_bounds(list(area.rings))
    # One cell of margin, so the hexagons next to the area's edge exist in the grid.
    grid = grids.make_grid((xmin - size, ymin - size, xmax + size, ymax + size), size, "hexagon", max_cells=max_cells)
    idx = grids.bin_points(grid, x, y)
    idx[~area.inside] = -1
    # The hexagons of counted incidents are analysed even where the overlap test misses a sliver.
    counted = idx[idx >= 0]
    cells = np.union1d(grids.cells_touching_polygon(grid, list(area.rings)), counted)
    pos = np.minimum(np.searchsorted(cells, idx), cells.size - 1)
    index = np.where((idx >= 0) & (cells[pos] == idx), pos, -1)
    counts = np.bincount(index[index >= 0], minlength=cells.size).astype(np.int64)
    return HexagonCounts(grid, cells, counts, index)


# --------------------------------------------------------------------------------------------
# Cell size
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ScaleCandidate:
    """One distance band of the scale search: global Moran's I of the fine-grid counts, its z
    and two-sided p under randomisation, and the mean number of neighbours per cell."""

    distance: float
    moran_i: float
    z: float
    p: float
    mean_neighbours: float


@dataclass(frozen=True)
class CellSizeChoice:
    """The cell size and how it was found.

    ``method``: "peak" (first significant ISA peak), "median count" (fallback) or "given".
    ``reason`` says why there was no peak ("rising", "falling", "not significant",
    "undefined"; empty otherwise). ``raw_size`` is the size before rounding; ``base_size`` and
    ``base_cells`` describe the fine grid of the search; ``peak`` indexes ``candidates``.
    """

    size: float
    method: str
    raw_size: float
    candidates: tuple[ScaleCandidate, ...] = ()
    base_size: float = float("nan")
    base_cells: int = 0
    peak: int | None = None
    reason: str = ""


def nice_size(value: float) -> float:
    """``value`` rounded to two significant digits (148.2 -> 150, 3127 -> 3100), so sizes are
    easy to quote and reuse and grids of the same size line up."""
    if not (value > 0 and math.isfinite(value)):
        raise InputError("A cell size must be a positive number, not {}", value)
    digits = 1 - math.floor(math.log10(value))
    return float(round(value, digits))


def incremental_spatial_autocorrelation(
    x,
    y,
    area: AnalysisArea,
    *,
    n_bands: int = N_BANDS,
    target_cells: int = SCALE_SEARCH_CELLS,
    stop_at_peak: bool = False,
    min_z: float = PEAK_MIN_Z,
    is_cancelled: IsCancelled | None = None,
    progress: Progress | None = None,
) -> tuple[float, int, tuple[ScaleCandidate, ...]]:
    """Global Moran's I (row-standardised, z under randomisation) of the incident counts on a
    fine hexagon grid of about ``target_cells`` cells, for the distance bands ``k * s0``,
    ``k = 1..n_bands`` (``s0`` the fine cell size, so band 1 is the six side-neighbours).

    All bands come from one KD-tree query at the widest band: the weights hold the distances and
    each band keeps the links not longer than it. Returns ``(s0, number of cells, candidates)``;
    a band whose statistic is undefined (constant counts) has NaN values. With ``stop_at_peak``
    the search ends at the band after the first peak (:func:`first_peak` with ``min_z``), which
    is all :func:`choose_cell_size` needs.
    """
    x, y = validated_xy(x, y)
    if n_bands < 3:
        raise InputError("The scale search needs at least 3 distance bands to find a peak")
    base = math.sqrt(area.area_m2 / (grids.SQRT3 / 2.0 * target_cells))
    hexes = hexagon_counts(x, y, area, base)
    cx, cy = grids.cell_centres(hexes.grid, hexes.cells)
    values = hexes.counts.astype(np.float64)
    # Links grow with the square of the band: when stopping at a peak, query the first bands only
    # and widen when the search goes on.
    reach = min(n_bands, _FIRST_REACH) if stop_at_peak else n_bands
    widest = distance_band_weights(cx, cy, reach * base * (1 + _TOL), binary=False, alpha=1.0)
    out = []
    for k in range(1, n_bands + 1):
        _check_cancel(is_cancelled)
        if k > reach:
            reach = n_bands
            widest = distance_band_weights(cx, cy, reach * base * (1 + _TOL), binary=False, alpha=1.0)
        band = widest.matrix.copy()
        band.data = (band.data <= k * base * (1 + _TOL)).astype(np.float64)
        w = SpatialWeights(band, widest.n)
        try:
            m = global_moran(values, w, permutations=0)
            out.append(ScaleCandidate(k * base, m.I, m.z_rand, m.p_rand, float(w.neighbour_counts.mean())))
        except ValueError:  # constant counts: Moran's I is undefined
            out.append(ScaleCandidate(k * base, np.nan, np.nan, np.nan, float(w.neighbour_counts.mean())))
        if progress is not None:
            progress(k / n_bands)
        if stop_at_peak and first_peak([c.z for c in out], min_z) is not None:
            break
    return base, int(hexes.cells.size), tuple(out)


def first_peak(z: Sequence[float] | np.ndarray, min_z: float = PEAK_MIN_Z) -> int | None:
    """Index of the first local peak of ``z`` (higher than the value before it, not lower than
    the one after it) that is at least ``min_z``; None when there is none. The ends are never
    peaks: a maximum there means the peak lies outside the range searched."""
    values = np.asarray(z, dtype=np.float64)
    for i in range(1, values.size - 1):
        if values[i] > values[i - 1] and values[i] >= values[i + 1] and values[i] >= min_z:
            return i
    return None


def _no_peak_reason(z: np.ndarray, min_z: float) -> str:
    finite = np.isfinite(z)
    if not finite.any():
        return "undefined"
    if np.nanmax(z) < min_z:
        return "not significant"
    best = int(np.nanargmax(z))
    if best == z.size - 1:
        return "rising"
    if best == 0:
        return "falling"
    return "not significant"


def median_count_size(x, y, area: AnalysisArea, sizes: Sequence[float] | np.ndarray,
                      target: float = FALLBACK_MEDIAN) -> float:
    """The smallest of ``sizes`` at which the non-empty hexagons hold a median of at least
    ``target`` counted incidents; the largest size when none does."""
    x, y = validated_xy(x, y)
    ordered = np.sort(np.asarray(sizes, dtype=np.float64))
    xs, ys = x[area.inside], y[area.inside]
    for size in ordered:
        grid = grids.make_grid(polygon_bounds(list(area.rings)), size, "hexagon")
        idx = grids.bin_points(grid, xs, ys)
        counts = np.bincount(idx[idx >= 0])
        occupied = counts[counts > 0]
        if occupied.size and np.median(occupied) >= target:
            return float(size)
    return float(ordered[-1])


def choose_cell_size(
    x,
    y,
    area: AnalysisArea,
    *,
    n_bands: int = N_BANDS,
    target_cells: int = SCALE_SEARCH_CELLS,
    min_z: float = PEAK_MIN_Z,
    is_cancelled: IsCancelled | None = None,
    progress: Progress | None = None,
) -> CellSizeChoice:
    """The hexagon size: the first significant ISA peak, else the median-count fallback (see the
    module docstring), rounded by :func:`nice_size`."""
    base, n_cells, candidates = incremental_spatial_autocorrelation(
        x, y, area, n_bands=n_bands, target_cells=target_cells, stop_at_peak=True, min_z=min_z,
        is_cancelled=is_cancelled, progress=progress,
    )
    z = np.array([c.z for c in candidates])
    peak = first_peak(z, min_z)
    if peak is not None:
        raw = candidates[peak].distance
        return CellSizeChoice(nice_size(raw), "peak", raw, candidates, base, n_cells, peak)
    _check_cancel(is_cancelled)
    sizes = np.geomspace(base / 4.0, n_bands * base, 40)
    raw = median_count_size(x, y, area, sizes)
    return CellSizeChoice(nice_size(raw), "median count", raw, candidates, base, n_cells, None,
                          _no_peak_reason(z, min_z))


# --------------------------------------------------------------------------------------------
# Pipeline
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, eq=False)
class OptimizedHotSpots:
    """Everything :func:`optimized_hot_spots` decided and computed: the area, the cell-size
    choice, the hexagons with their counts, the neighbours (first-order hexagon contiguity among
    the analysed cells) and the Gi* result."""

    area: AnalysisArea
    choice: CellSizeChoice
    hexagons: HexagonCounts
    weights: SpatialWeights
    gi: GiResult


def optimized_hot_spots(
    x,
    y,
    study: Sequence[np.ndarray] | None = None,
    cell_size: float | None = None,
    permutations: int = 0,
    seed: int | None = 0,
    fdr: bool = True,
    *,
    max_cells: int = grids.DEFAULT_MAX_CELLS,
    is_cancelled: IsCancelled | None = None,
    progress: Progress | None = None,
) -> OptimizedHotSpots:
    """Optimized hot spot analysis of incident points ``x``, ``y`` (metres).

    ``study``: optional study-area rings; ``cell_size``: a hexagon size in metres to skip the
    search (None or 0: search). ``permutations`` > 0 bins the cells by conditional-permutation
    pseudo p-values (seeded) instead of the analytical ones; ``fdr`` bins by Benjamini-Hochberg
    q-values. ``progress`` gets 0..1 (the scale search is the first 60 %).
    """
    x, y = validated_xy(x, y)
    area = analysis_area(x, y, study)

    def report(start: float, end: float) -> Progress | None:
        if progress is None:
            return None
        return lambda f: progress(start + (end - start) * f)

    if cell_size:
        if not (cell_size > 0 and math.isfinite(cell_size)):
            raise InputError("The cell size must be a positive number of metres, not {}.", cell_size)
        choice = CellSizeChoice(float(cell_size), "given", float(cell_size))
    else:
        choice = choose_cell_size(x, y, area, is_cancelled=is_cancelled, progress=report(0.0, 0.6))
    _check_cancel(is_cancelled)
    hexes = hexagon_counts(x, y, area, choice.size, max_cells=max_cells)
    if hexes.cells.size < MIN_CELLS:
        raise InputError("Hexagons of {:g} m give only {} cells over the {}; a hot spot analysis needs at least "
                         "{}. Choose a smaller cell size.", choice.size, hexes.cells.size, area.kind, MIN_CELLS)
    weights = grid_contiguity(hexes.grid, hexes.cells, order=1)
    _check_cancel(is_cancelled)

    def gi_progress(fraction: float) -> None:
        _check_cancel(is_cancelled)
        if progress is not None:
            progress(0.6 + 0.4 * fraction)

    gi = getis_ord_local(
        hexes.counts.astype(np.float64), weights, star=True, permutations=permutations, seed=seed, fdr=fdr,
        inference="permutation" if permutations else "analytical", progress=gi_progress,
    )
    return OptimizedHotSpots(area, choice, hexes, weights, gi)
