"""besecure:hotspots - Getis-Ord Gi* (or Gi) hot and cold spots with permutation and FDR inference."""
from __future__ import annotations

import numpy as np
from qgis.core import QgsProcessingParameterEnum, QgsProcessingParameterFeatureSink

from ...analysis.errors import InputError
from ...analysis.spatial_stats.autocorrelation import getis_ord_local
from ...compat import set_advanced
from ...i18n import N_, tr
from .. import weights_inputs as wp
from ..base import BesecureAlgorithm, Help, check_cancel

STAR = "STAR"
FDR = "FDR"
INFERENCE = "INFERENCE"
OUTPUT = "OUTPUT"
INFERENCES = ("analytical", "permutation")
P_VALUES = {"analytical": N_("analytical p-values"), "permutation": N_("permutation p-values")}

# ColorBrewer RdBu (7 classes) with a neutral grey for "not significant".
GI_STYLE = {
    "kind": "categorized",
    "field": "gi_bin",
    "categories": [
        (3, "#b2182b", N_("Hot spot, 99% confidence")),
        (2, "#ef8a62", N_("Hot spot, 95% confidence")),
        (1, "#fddbc7", N_("Hot spot, 90% confidence")),
        (0, "#d9d9d9", N_("Not significant (or no neighbours)")),
        (-1, "#d1e5f0", N_("Cold spot, 90% confidence")),
        (-2, "#67a9cf", N_("Cold spot, 95% confidence")),
        (-3, "#2166ac", N_("Cold spot, 99% confidence")),
    ],
}


class HotSpots(BesecureAlgorithm):
    ALGORITHM_ID = "hotspots"
    DISPLAY_NAME = "Hot spot analysis (Getis-Ord Gi*)"
    GROUP_ID = "riskmaps"
    TAGS = "hot spot,hotspot,cold spot,Getis-Ord,Gi*,cluster,z-score,FDR"
    HELP = Help(
        "Finds statistically significant hot spots (clusters of high values) and cold spots (clusters of low "
        "values) with the local Getis-Ord Gi* statistic, e.g. on incident counts per hexagon or per neighbourhood "
        "from Aggregate incidents.",
        {
            **wp.HELP,
            STAR: "Yes (default): Gi*, the feature's own value counts in its neighbourhood, as in ArcGIS Hot Spot "
            "Analysis. No: Gi, only the neighbours count.",
            wp.PERMUTATIONS: "Conditional permutations for the pseudo p-value gi_p_sim (999 is usual; 0 = analytical "
            "p-values only).",
            FDR: "Yes (default): correct for testing every feature at once with the Benjamini-Hochberg false "
            "discovery rate; the bins then use the q-values.",
            INFERENCE: "Which p-value decides the bins: 0 analytical (normal, as ArcGIS), 1 permutation (gi_p_sim, "
            "as GeoDa; needs PERMUTATIONS > 0).",
        },
        {
            OUTPUT: "The input features with their fields, source_fid and: gi_z (z-score), gi_p (two-sided normal "
            "p-value), gi_p_sim (permutation pseudo p-value), gi_q (Benjamini-Hochberg q-value of the p-value used), "
            "gi_bin (3, 2, 1 hot spot at 99/95/90 % confidence, -1..-3 cold spot, 0 not significant), label and "
            "n_neighbours (not counting the feature itself). Styled red (hot) to blue (cold). CRS: the working CRS.",
        },
        "Getis & Ord (1992) and Ord & Getis (1995) with binary weights; the z-scores equal those of PySAL esda's "
        "G_Local. Pseudo p-values by conditional randomisation (Anselin 1995), seeded. Benjamini & Hochberg (1995) "
        "false discovery rate. Features without neighbours get empty statistics and the label 'No neighbours'.",
        "A hot spot at 99 % confidence is a feature whose neighbourhood sum is so much higher than the layer's "
        "average that chance alone would rarely produce it. One high count on its own is not a hot spot; a group "
        "of high counts is. Use incident counts on cells of equal size, or rates.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        wp.add_input_parameters(self)
        wp.add_neighbour_parameters(self)
        self.add_bool(STAR, "Include the feature itself (Gi*)", True)
        wp.add_permutation_parameters(self, "Permutations (0 = analytical p-values only)")
        self.add_bool(FDR, "False discovery rate correction (Benjamini-Hochberg)", True)
        self.addParameter(set_advanced(QgsProcessingParameterEnum(
            INFERENCE, tr("Significance from"), [tr("Analytical p-value"), tr("Permutation p-value")],
            defaultValue=0)))
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Hot spots")))

    def compute(self, parameters, context, feedback):
        table, w, description = wp.read_values_and_weights(self, parameters, context, feedback)
        star = self.parameterAsBoolean(parameters, STAR, context)
        fdr = self.parameterAsBoolean(parameters, FDR, context)
        inference = INFERENCES[self.parameterAsEnum(parameters, INFERENCE, context)]
        permutations = self.parameterAsInt(parameters, wp.PERMUTATIONS, context)
        seed = self.parameterAsInt(parameters, wp.SEED, context)
        if inference == "permutation" and permutations == 0:
            raise InputError("Significance from permutation p-values needs PERMUTATIONS > 0 (999 is usual).")
        statistic = "Gi*" if star else "Gi"
        if star:
            feedback.pushInfo(tr("Gi*: each feature's own value counts in its neighbourhood sum (self-weight 1)."))
        else:
            feedback.pushInfo(tr("Gi: only the neighbours' values count, not the feature's own."))
        if fdr:
            feedback.pushInfo(tr("FDR on: the bins use Benjamini-Hochberg q-values of the {}, so among the "
                                 "features called significant at 95 % about 5 % are expected to be false "
                                 "alarms.").format(tr(P_VALUES[inference])))
        else:
            feedback.pushInfo(tr("FDR off: the bins use the {} of each feature as they are; with many features "
                                 "some will look significant by chance.").format(tr(P_VALUES[inference])))
        result = getis_ord_local(table.values, w, star=star, permutations=permutations, seed=seed, fdr=fdr,
                                 inference=inference, progress=wp.progress(feedback, 20, 90))
        check_cancel(feedback)
        self._log_bins(result, feedback)
        label = np.where(result.bins != 0, np.char.add(result.label.astype(str), f" ({statistic})"), result.label)
        dest = wp.write_features(self, parameters, OUTPUT, context, table, {
            "gi_z": result.z,
            "gi_p": result.p,
            "gi_p_sim": result.p_sim,
            "gi_q": result.q,
            "gi_bin": result.bins,
            "label": label.astype(object),
            "n_neighbours": w.neighbour_counts,
        }, feedback)
        self.output_written(parameters, context, dest, wp.translated_style(GI_STYLE),
                            tr("Hot spots ({}, {})").format(statistic, description))
        return {OUTPUT: dest}

    @staticmethod
    def _log_bins(result, feedback) -> None:
        counts = {b: int((result.bins == b).sum()) for b in range(-3, 4)}
        feedback.pushInfo(tr("Hot spots: {} at 99 %, {} at 95 %, {} at 90 % confidence; cold spots: {} at 99 %, {} at "
                             "95 %, {} at 90 %; not significant: {}; without neighbours: {}.")
                          .format(counts[3], counts[2], counts[1], counts[-3], counts[-2], counts[-1],
                                  counts[0] - result.n_islands, result.n_islands))
