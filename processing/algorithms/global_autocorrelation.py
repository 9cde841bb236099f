"""besecure:globalautocorrelation - global Moran's I, Getis-Ord General G and the nearest neighbour index."""
from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import QgsProcessingParameterFeatureSink, QgsProcessingParameterFeatureSource

from ...analysis.errors import InputError
from ...analysis.geometry.polygons import convex_hull_area, points_in_polygon, polygon_area
from ...analysis.spatial_stats.autocorrelation import general_g, global_moran, nearest_neighbour_index
from ...compat import VECTOR_POLYGON
from ...i18n import N_, tr
from ...layers.read import read_polygons
from ...layers.write import write_frame
from .. import weights_inputs as wp
from ..base import BesecureAlgorithm, Help, check_cancel

STUDY_AREA = "STUDY_AREA"
OUTPUT = "OUTPUT"
SIGNIFICANCE = 0.05

MORAN = N_("Global Moran's I")
GENERAL_G = N_("Getis-Ord General G")
NNI = N_("Nearest neighbour index")


class GlobalAutocorrelation(BesecureAlgorithm):
    ALGORITHM_ID = "globalautocorrelation"
    DISPLAY_NAME = "Global spatial autocorrelation (Moran's I, General G)"
    GROUP_ID = "riskmaps"
    TAGS = "spatial autocorrelation,Moran's I,General G,Getis-Ord,clustering,global statistic,permutation test"
    HELP = Help(
        "Answers 'are the values clustered at all?' for the whole layer before mapping hot spots: global Moran's I "
        "(do similar values sit together?), Getis-Ord General G (do high values sit together?) and, for point "
        "layers, the Clark-Evans nearest neighbour index (are the points themselves clustered?).",
        {
            **wp.HELP,
            wp.VALUE_FIELD: "Numeric field with the value of each feature. Optional for points: without it only the "
            "nearest neighbour index is computed.",
            wp.PERMUTATIONS: "Random permutations for the pseudo p-values of Moran's I and General G (999 is usual; "
            "0 = analytical p-values only).",
            STUDY_AREA: "Optional polygon(s) of the study area, for the nearest neighbour index of points; without "
            "it the convex hull of the points is used (stated in the log).",
        },
        {
            OUTPUT: "A table with one row per statistic: test, statistic, value and description (Moran's I: I, "
            "E[I], z_norm, z_rand, p_norm, p_rand, p_sim; General G: G, E[G], z, p, p_sim; nearest neighbour "
            "index: R, observed and expected mean distance, z, p, n, area). Also written to the log.",
        },
        "Moran's I with row-standardised weights and General G with binary weights as in PySAL esda (Moran 1950; "
        "Cliff & Ord 1981; Getis & Ord 1992); two-sided p-values under normality and randomisation, folded "
        "permutation pseudo p-values (seeded). Nearest neighbour index: Clark & Evans (1954) without edge "
        "correction, as ArcGIS Average Nearest Neighbor. General G needs values of zero or more.",
        "Moran's I above its expectation E[I] with a small p-value: similar values cluster; below: they alternate "
        "like a chessboard. General G above E[G]: high values cluster (hot spots), below: low values cluster. "
        "R below 1: the points are clustered; above 1: dispersed. Columbus CRIME with queen contiguity gives "
        "I = 0.500.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        wp.add_input_parameters(self, value_optional=True)
        wp.add_neighbour_parameters(self)
        wp.add_permutation_parameters(self, "Permutations (0 = analytical p-values only)")
        self.addParameter(QgsProcessingParameterFeatureSource(
            STUDY_AREA, tr("Study area for the nearest neighbour index (optional)"), [VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Global spatial autocorrelation")))

    def compute(self, parameters, context, feedback):
        table = wp.read_features(self, parameters, context, feedback, value_required=False)
        if table.values is None and not table.is_points:
            raise InputError("Choose the field with the values to analyse (VALUE_FIELD); without values only the "
                             "nearest neighbour index of a point layer can be computed.")
        permutations = self.parameterAsInt(parameters, wp.PERMUTATIONS, context)
        seed = self.parameterAsInt(parameters, wp.SEED, context)
        rows: list[tuple[str, str, float, str]] = []
        if table.values is not None:
            wp.check_values(table)
            w, description = wp.build_weights(self, parameters, context, table, feedback)
            check_cancel(feedback)
            rows += self._moran(table.values, w, description, permutations, seed, feedback)
            check_cancel(feedback)
            rows += self._general_g(table.values, w, description, permutations, seed, feedback)
        if table.is_points:
            rows += self._nearest_neighbour(parameters, context, table, feedback)
        elif self.parameterAsSource(parameters, STUDY_AREA, context) is not None:
            feedback.pushInfo(tr("The study area is used only for the nearest neighbour index of point layers."))
        check_cancel(feedback)
        frame = pd.DataFrame(rows, columns=["test", "statistic", "value", "description"])
        dest = write_frame(self, parameters, OUTPUT, context, frame, table.crs, feedback=feedback)
        self.output_written(parameters, context, dest, None, "Global spatial autocorrelation")
        return {OUTPUT: dest}

    @staticmethod
    def _moran(values, w, description, permutations, seed, feedback) -> list:
        m = global_moran(values, w, permutations=permutations, seed=seed)
        if m.p_rand <= SIGNIFICANCE:
            reading = tr("similar values cluster in space") if m.I > m.EI else tr("values alternate (dispersion)")
        else:
            reading = tr("no significant spatial autocorrelation")
        feedback.pushInfo(tr("Global Moran's I = {:.6f} (expected {:.6f}), z = {:.4f} under randomisation "
                             "({:.4f} under normality), p = {:.3g}; permutation p = {} ({} permutations): {}.")
                          .format(m.I, m.EI, m.z_rand, m.z_norm, m.p_rand, _fmt(m.p_sim), permutations, reading))
        weights = tr("row-standardised {}").format(description)
        return [
            (tr(MORAN), "I", m.I, weights),
            (tr(MORAN), "E[I]", m.EI, tr("expected value without spatial autocorrelation, -1/(n-1)")),
            (tr(MORAN), "z_norm", m.z_norm, tr("z-score under normality")),
            (tr(MORAN), "z_rand", m.z_rand, tr("z-score under randomisation")),
            (tr(MORAN), "p_norm", m.p_norm, tr("two-sided p-value under normality")),
            (tr(MORAN), "p_rand", m.p_rand, tr("two-sided p-value under randomisation")),
            (tr(MORAN), "p_sim", m.p_sim, tr("permutation pseudo p-value ({} permutations)").format(permutations)),
        ]

    @staticmethod
    def _general_g(values, w, description, permutations, seed, feedback) -> list:
        if np.any(values < 0):
            feedback.pushWarning(tr("General G is skipped: it needs values of zero or more (counts, rates), and "
                                    "this field has negative values. Moran's I covers them."))
            return []
        g = general_g(values, w, permutations=permutations, seed=seed)
        if g.p <= SIGNIFICANCE:
            reading = tr("high values cluster") if g.G > g.EG else tr("low values cluster")
        else:
            reading = tr("no significant clustering of high or low values")
        feedback.pushInfo(tr("General G = {:.6g} (expected {:.6g}), z = {:.4f}, p = {:.3g}; permutation p = {}: {}.")
                          .format(g.G, g.EG, g.z, g.p, _fmt(g.p_sim), reading))
        return [
            (tr(GENERAL_G), "G", g.G, tr("binary {}").format(description)),
            (tr(GENERAL_G), "E[G]", g.EG, tr("expected value without spatial association")),
            (tr(GENERAL_G), "z", g.z, tr("z-score under randomisation")),
            (tr(GENERAL_G), "p", g.p, tr("two-sided p-value")),
            (tr(GENERAL_G), "p_sim", g.p_sim, tr("permutation pseudo p-value ({} permutations)").format(permutations)),
        ]

    def _nearest_neighbour(self, parameters, context, table, feedback) -> list:
        area, how = self._study_area(parameters, context, table, feedback)
        r = nearest_neighbour_index(table.x, table.y, area)
        unit = table.unit
        if r.p <= SIGNIFICANCE:
            reading = tr("the points are clustered") if r.ratio < 1 else tr("the points are dispersed")
        else:
            reading = tr("the points do not differ significantly from random")
        feedback.pushInfo(tr("Nearest neighbour index R = {:.4f} (observed mean distance {:.6g} {}, expected {:.6g} "
                             "{}), z = {:.4f}, p = {:.3g}, {} points over {}: {}.")
                          .format(r.ratio, r.observed, unit, r.expected, unit, r.z, r.p, r.n, how, reading))
        return [
            (tr(NNI), "R", r.ratio, tr("observed / expected mean nearest neighbour distance")),
            (tr(NNI), "observed", r.observed, tr("observed mean nearest neighbour distance ({})").format(unit)),
            (tr(NNI), "expected", r.expected, tr("expected under complete spatial randomness ({})").format(unit)),
            (tr(NNI), "z", r.z, tr("z-score")),
            (tr(NNI), "p", r.p, tr("two-sided p-value")),
            (tr(NNI), "n", float(r.n), tr("number of points")),
            (tr(NNI), "area", r.area, tr("{} (square {})").format(how, unit)),
        ]

    def _study_area(self, parameters, context, table, feedback) -> tuple[float, str]:
        source = self.parameterAsSource(parameters, STUDY_AREA, context)
        if source is not None:
            polys = read_polygons(source, working_crs=table.crs, feedback=feedback)
            if not polys.parts:
                raise InputError("The study area layer has no polygons.")
            area = float(sum(polygon_area(rings) for rings in polys.rings))
            outside = int((~points_in_polygon(table.x, table.y, [r for rings in polys.rings for r in rings])).sum())
            if outside:
                feedback.pushWarning(tr("{} points lie outside the study area; they still count in the index.")
                                     .format(outside))
            return area, tr("the study area")
        area = convex_hull_area(table.x, table.y)
        if area > 0:
            return area, tr("the convex hull of the points")
        width, height = np.ptp(table.x), np.ptp(table.y)
        if width * height > 0:
            return float(width * height), tr("the bounding box of the points")
        raise InputError("The points lie on one line or at one place, so they enclose no area; give a STUDY_AREA.")


def _fmt(p: float) -> str:
    return "-" if not np.isfinite(p) else f"{p:.3g}"
