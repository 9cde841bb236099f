"""besecure:optimizedhotspots - hot spots from incident points alone, every setting derived and logged."""
from __future__ import annotations

import pandas as pd
from qgis.core import QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource

from ...analysis.crime.optimized_hot_spots import (
    FALLBACK_MEDIAN,
    MIN_CELLS,
    MIN_INCIDENTS,
    N_BANDS,
    OUTLIER_SD,
    PEAK_MIN_Z,
    REMOTE_SHARE,
    optimized_hot_spots,
)
from ...analysis.crime.optimized_hot_spots import OptimizedHotSpots as OptimizedResult
from ...analysis.geometry import grids
from ...compat import VECTOR_POLYGON
from ...i18n import N_, tr
from ...layers.naming import grid_unit_name
from ...layers.wkb import polygons_wkb
from ...layers.write import write_frame
from .. import incidents, spatial_units
from ..base import BesecureAlgorithm, Help, check_cancel
from ..weights_inputs import translated_style
from .hot_spots import GI_STYLE

CELL_SIZE = "CELL_SIZE"
PERMUTATIONS = "PERMUTATIONS"
SEED = "SEED"
OUTPUT = "OUTPUT"

_REASONS = {
    "rising": N_("z keeps rising up to the widest band: the incidents cluster at scales larger than the ones tested "
                 "(typical of city-wide crime)"),
    "falling": N_("z is highest at the narrowest band: the incidents cluster at scales finer than the fine grid"),
    "not significant": N_("no band shows significant clustering (z below {:.2f})"),
    "undefined": N_("Moran's I is undefined (the fine-grid counts do not vary)"),
}


class OptimizedHotSpots(BesecureAlgorithm):
    ALGORITHM_ID = "optimizedhotspots"
    DISPLAY_NAME = "Optimized hot spot analysis"
    GROUP_ID = "riskmaps"
    TAGS = "optimized hot spot,hotspot,Getis-Ord,Gi*,cell size,hexagon,automatic,cluster"
    HELP = Help(
        "Finds statistically significant hot and cold spots from incident points alone: it chooses the area, the "
        "hexagon size and the neighbours from the data, counts the incidents per hexagon and runs Getis-Ord Gi* "
        "with a false discovery rate correction. Every decision and its reason is written to the log, so the "
        "settings can be reused in Hot spot analysis.",
        {
            incidents.INPUT: incidents.HELP[incidents.INPUT],
            **incidents.FILTER_HELP,
            spatial_units.STUDY_AREA: "Optional polygons where incidents can occur: every hexagon overlapping them is "
            "analysed and incidents outside are left out. Default: the convex hull of the incidents, without "
            "remote locational outliers.",
            CELL_SIZE: "Hexagon size in metres (distance between parallel sides). 0 = automatic (incremental "
            "spatial autocorrelation, see Method).",
            PERMUTATIONS: "0 (default) = analytical p-values, as ArcGIS; more (e.g. 499) = conditional "
            "permutation pseudo p-values decide the bins (gi_p_sim).",
            SEED: "Random seed of the permutations: the same seed gives the same p-values.",
            spatial_units.MAX_CELLS: spatial_units.HELP[spatial_units.MAX_CELLS],
        },
        {
            OUTPUT: "Hexagons with cell_id, count (incidents), n_neighbours (not counting the cell itself), gi_z, "
            "gi_p (two-sided, analytical), gi_p_sim (with permutations), gi_q (Benjamini-Hochberg q-value of the "
            "p-value used), gi_bin (-3..3: cold/hot spot at 99/95/90 % confidence after the FDR correction) and "
            "label. Styled red (hot) and blue (cold), as Hot spot analysis.",
        },
        "1. Locational outliers: incidents whose nearest neighbour is more than 3 standard deviations beyond the "
        "mean nearest-neighbour distance; an outlier that alone would enlarge the area by more than 5 % is remote "
        "(likely misplaced) and left out. 2. Area: the study area, else the convex hull of the incidents; empty "
        "hexagons inside it are kept (zero is information). 3. Cell size: global "
        "Moran's I of the counts on a fine hexagon grid (about 5,000 cells) for 10 distance bands (incremental "
        "spatial autocorrelation); the first significant peak of its z-score (z >= 1.96) is the scale at which "
        "incidents cluster, and becomes the hexagon size (rounded to 2 digits). Without a peak: the smallest "
        "size at which non-empty hexagons hold a median of 3 incidents. 4. Gi* (Getis & Ord 1992, Ord & Getis "
        "1995) on the counts with the 6 surrounding hexagons as neighbours, the cell itself included; bins from "
        "Benjamini-Hochberg (1995) q-values.",
        "Red hexagons are hot spots: they and their neighbours hold more incidents than chance would give, "
        "after correcting for testing many hexagons at once. A lone dense hexagon among quiet neighbours may not "
        "be a hot spot; a quiet hexagon next to a hot cluster may be.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        incidents.add_input_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSource(spatial_units.STUDY_AREA, tr("Study area (optional)"),
                                                              [VECTOR_POLYGON], optional=True))
        incidents.add_filter_parameters(self)
        self.add_number(CELL_SIZE, "Hexagon size (metres, 0 = automatic)", 0.0, 0.0)
        self.add_number(PERMUTATIONS, "Permutations (0 = analytical p-values)", 0, 0, integer=True)
        self.add_number(SEED, "Random seed", 0, 0, integer=True, advanced=True)
        self.add_number(spatial_units.MAX_CELLS, "Maximum number of grid cells", float(grids.DEFAULT_MAX_CELLS), 1,
                        integer=True, advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Optimized hot spots")))

    def compute(self, parameters, context, feedback):
        points = incidents.read_incidents(self, parameters, context, feedback, [])
        check_cancel(feedback)
        study = spatial_units.study_area_rings(self, parameters, context, points.crs, feedback)
        cell_size = self.parameterAsDouble(parameters, CELL_SIZE, context)
        permutations = self.parameterAsInt(parameters, PERMUTATIONS, context)
        feedback.pushInfo(tr("{} incidents read (at least {} are needed).").format(points.x.size, MIN_INCIDENTS))
        feedback.setProgress(5)
        result = optimized_hot_spots(
            points.x, points.y, study, cell_size or None, permutations,
            self.parameterAsInt(parameters, SEED, context), fdr=True,
            max_cells=self.parameterAsInt(parameters, spatial_units.MAX_CELLS, context),
            is_cancelled=feedback.isCanceled, progress=lambda f: feedback.setProgress(5 + 85 * f),
        )
        check_cancel(feedback)
        log_decisions(result, feedback)
        frame = result_frame(result)
        hexes = result.hexagons
        wkb = polygons_wkb(grids.cell_polygons(hexes.grid, hexes.cells))
        dest = write_frame(self, parameters, OUTPUT, context, frame, points.crs, wkb=wkb, feedback=feedback)
        # The same legend as Hot spot analysis, so both maps read alike.
        self.output_written(parameters, context, dest, translated_style(GI_STYLE), "Optimized hot spots",
                            unit=grid_unit_name("hexagon", result.choice.size))
        return {OUTPUT: dest}


def result_frame(result: OptimizedResult) -> pd.DataFrame:
    """One row per hexagon: id, count, neighbours and the Gi* columns."""
    gi = result.gi
    columns = {
        "cell_id": result.hexagons.cells,
        "count": result.hexagons.counts,
        "n_neighbours": result.weights.neighbour_counts,
        "gi_z": gi.z,
        "gi_p": gi.p,
    }
    if gi.permutations:
        columns["gi_p_sim"] = gi.p_sim
    columns.update({"gi_q": gi.q, "gi_bin": gi.bins, "label": gi.label})
    return pd.DataFrame(columns)


def log_decisions(result: OptimizedResult, feedback) -> None:
    """Every choice the analysis made, with its reason, in the log."""
    area, choice, hexes, gi = result.area, result.choice, result.hexagons, result.gi
    n_out = int(area.outlier.sum())
    if n_out:
        feedback.pushInfo(tr("{} incidents are locational outliers (nearest neighbour farther than {:.0f} m: the "
                             "mean nearest-neighbour distance of {:.1f} m plus {:g} standard deviations).")
                          .format(n_out, area.outlier_threshold, area.mean_nn, OUTLIER_SD))
        n_remote = int(area.remote.sum())
        if n_remote:
            feedback.pushWarning(tr("{} of them are remote: each alone would enlarge the analysed area by more than "
                                    "{:.0%}, so they are left out (check their location).")
                                 .format(n_remote, REMOTE_SHARE))
        else:
            feedback.pushInfo(tr("None of them is remote (none would enlarge the analysed area by more than {:.0%}): "
                                 "they are analysed with the others.").format(REMOTE_SHARE))
    else:
        feedback.pushInfo(tr("No locational outliers (mean nearest-neighbour distance {:.1f} m).")
                          .format(area.mean_nn))
    if area.kind == "study area":
        feedback.pushInfo(tr("Analysed area: the study area, {:.2f} km²; {} incidents lie outside it and are left "
                             "out.").format(area.area_m2 / 1e6, int((~area.inside).sum())))
    else:
        feedback.pushInfo(tr("Analysed area: the convex hull of the incidents, {:.2f} km² (give a study area to set "
                             "it yourself).").format(area.area_m2 / 1e6))
    if choice.method == "given":
        feedback.pushInfo(tr("Cell size: {:g} m, as given (CELL_SIZE).").format(choice.size))
    else:
        feedback.pushInfo(tr("Scale search (incremental spatial autocorrelation): global Moran's I of the counts "
                             "on {} hexagons of {:.1f} m, for distance bands in steps of that size:")
                          .format(choice.base_cells, choice.base_size))
        for i, cand in enumerate(choice.candidates):
            mark = tr("  <- first peak") if i == choice.peak else ""
            feedback.pushInfo(tr("  {:.0f} m: I = {:.4f}, z = {:.2f} ({:.1f} neighbours per cell){}")
                              .format(cand.distance, cand.moran_i, cand.z, cand.mean_neighbours, mark))
        if choice.method == "peak":
            feedback.pushInfo(tr("Cell size: {:g} m, the first significant peak of z (at {:.0f} m, rounded): the "
                                 "distance at which incidents cluster most distinctly.")
                              .format(choice.size, choice.raw_size))
        else:
            reason = tr(_REASONS[choice.reason]).format(PEAK_MIN_Z)
            feedback.pushInfo(tr("No peak among the {} bands ({}). Fallback cell size: {:g} m, the smallest at "
                                 "which non-empty hexagons hold a median of at least {:g} incidents.")
                              .format(len(choice.candidates), reason, choice.size, FALLBACK_MEDIAN))
            if choice.reason == "rising":
                feedback.pushInfo(tr("ISA tested up to {} bands; for large-scale patterns compare with Hot spot "
                                     "analysis on larger cells.").format(N_BANDS))
    n_cells = int(hexes.cells.size)
    feedback.pushInfo(tr("{} hexagons of {:g} m cover the area ({} with incidents); {} of {} incidents counted, {} "
                         "outside the analysed hexagons.").format(
        n_cells, choice.size, int((hexes.counts > 0).sum()), hexes.n_counted, hexes.index.size,
        hexes.index.size - hexes.n_counted))
    feedback.pushInfo(tr("Neighbours: the 6 hexagons around each cell (contiguity, centres {:g} m apart), the cell "
                         "itself included (Gi*). The cell size already sets the scale of analysis, and hexagons have "
                         "all six neighbours at the same distance.").format(choice.size))
    if gi.n_islands:
        feedback.pushWarning(tr("{} hexagons have no neighbour in the area and are labelled 'No neighbours'.")
                             .format(gi.n_islands))
    inference = (tr("analytical p-values (normal approximation)") if not gi.permutations else
                 tr("pseudo p-values from {} conditional permutations").format(gi.permutations))
    feedback.pushInfo(tr("Significance: {}, corrected for testing {} hexagons at once with the Benjamini-Hochberg "
                         "false discovery rate; bins use the q-values.").format(inference, n_cells))
    bins = gi.bins
    feedback.pushInfo(tr("Hot spots: {} at 99 %, {} at 95 %, {} at 90 % confidence; cold spots: {} at 99 %, {} at "
                         "95 %, {} at 90 %.").format(*(int((bins == b).sum()) for b in (3, 2, 1, -3, -2, -1))))
    if n_cells < 2 * MIN_CELLS:
        feedback.pushWarning(tr("Only {} hexagons: the results rest on few features.").format(n_cells))
