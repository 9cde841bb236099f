"""besecure:localmoran - local Moran's I (LISA) clusters and outliers with permutation and FDR inference."""
from __future__ import annotations

import numpy as np
from qgis.core import QgsProcessingParameterFeatureSink

from ...analysis.spatial_stats.autocorrelation import NO_NEIGHBOURS, NOT_SIGNIFICANT, QUADRANT_LABELS, local_moran
from ...i18n import N_, tr
from .. import weights_inputs as wp
from ..base import BesecureAlgorithm, Help, check_cancel

FDR = "FDR"
ALPHA = "ALPHA"
OUTPUT = "OUTPUT"
QUADRANTS = np.array([None, "HH", "LH", "LL", "HL"], dtype=object)  # index: the engine's quadrant code

# The usual LISA cluster map colours (as GeoDa): red and blue clusters, pale outliers, grey otherwise.
LISA_STYLE = {
    "kind": "categorized",
    "field": "label",
    "categories": [
        (QUADRANT_LABELS[1], "#d7191c", N_("High-High cluster")),
        (QUADRANT_LABELS[3], "#2c7bb6", N_("Low-Low cluster")),
        (QUADRANT_LABELS[4], "#f4a6a6", N_("High-Low outlier")),
        (QUADRANT_LABELS[2], "#abd9e9", N_("Low-High outlier")),
        (NOT_SIGNIFICANT, "#d9d9d9", N_("Not significant")),
        (NO_NEIGHBOURS, "#ffffff", N_("No neighbours")),
    ],
}


class LocalMoran(BesecureAlgorithm):
    ALGORITHM_ID = "localmoran"
    DISPLAY_NAME = "Cluster and outlier analysis (Local Moran's I)"
    GROUP_ID = "riskmaps"
    TAGS = "LISA,Local Moran's I,cluster,outlier,high-high,low-low,Anselin,spatial autocorrelation"
    HELP = Help(
        "Finds clusters of similar values (high among high, low among low) and outliers (a high value among low "
        "ones, or the reverse) with the local Moran's I statistic (LISA), e.g. on incident counts or rates per "
        "cell or neighbourhood.",
        {
            **wp.HELP,
            wp.PERMUTATIONS: "Conditional permutations for the pseudo p-values (999 is usual; at least 1).",
            FDR: "Yes (default): correct for testing every feature at once with the Benjamini-Hochberg false "
            "discovery rate; a feature is significant when its q-value is at most ALPHA.",
            ALPHA: "Significance level (default 0.05).",
        },
        {
            OUTPUT: "The input features with their fields, source_fid and: lisa_i (local Moran's I), lisa_p_sim "
            "(permutation pseudo p-value), lisa_q (its Benjamini-Hochberg q-value), quadrant (HH, LH, LL, HL: the "
            "feature's value and its neighbours' average, high or low), label (the quadrant as a cluster or "
            "outlier when significant, else 'Not significant'), value_std and lag_std (the axes of the Moran "
            "scatterplot) and n_neighbours. Styled as a cluster map.",
        },
        "Anselin (1995), Local indicators of spatial association - LISA, with row-standardised weights; values "
        "equal PySAL esda's Moran_Local and R spdep's localmoran. Pseudo p-values by conditional randomisation, "
        "seeded; Benjamini & Hochberg (1995) false discovery rate.",
        "High-High: a high value surrounded by high values (a hot cluster); Low-Low: a cold cluster; High-Low: a "
        "high value among low ones (an outlier worth a look, e.g. one problem address); Low-High: a low value "
        "among high ones.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        wp.add_input_parameters(self)
        wp.add_neighbour_parameters(self)
        wp.add_permutation_parameters(self, "Permutations", minimum=1)
        self.add_bool(FDR, "False discovery rate correction (Benjamini-Hochberg)", True)
        self.add_number(ALPHA, "Significance level (alpha)", 0.05, 0.0001, 0.5)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Clusters and outliers")))

    def compute(self, parameters, context, feedback):
        table, w, description = wp.read_values_and_weights(self, parameters, context, feedback)
        fdr = self.parameterAsBoolean(parameters, FDR, context)
        alpha = self.parameterAsDouble(parameters, ALPHA, context)
        if fdr:
            feedback.pushInfo(tr("FDR on: a feature is significant when the Benjamini-Hochberg q-value of its "
                                 "permutation p-value is at most {:g}.").format(alpha))
        else:
            feedback.pushInfo(tr("FDR off: a feature is significant when its permutation p-value is at most {:g}; "
                                 "with many features some will look significant by chance.").format(alpha))
        result = local_moran(table.values, w, permutations=self.parameterAsInt(parameters, wp.PERMUTATIONS, context),
                             seed=self.parameterAsInt(parameters, wp.SEED, context), fdr=fdr, alpha=alpha,
                             progress=wp.progress(feedback, 20, 90))
        check_cancel(feedback)
        counts = {code: int((result.significant & (result.quadrant == code)).sum()) for code in (1, 2, 3, 4)}
        feedback.pushInfo(tr("High-High clusters: {}; Low-Low clusters: {}; High-Low outliers: {}; Low-High "
                             "outliers: {}; not significant: {}; without neighbours: {}.")
                          .format(counts[1], counts[3], counts[4], counts[2],
                                  table.n - sum(counts.values()) - result.n_islands, result.n_islands))
        dest = wp.write_features(self, parameters, OUTPUT, context, table, {
            "lisa_i": result.I,
            "lisa_p_sim": result.p_sim,
            "lisa_q": result.q,
            "quadrant": QUADRANTS[result.quadrant],
            "label": result.label.astype(object),
            "value_std": result.y_std,
            "lag_std": np.where(w.neighbour_counts > 0, result.lag, np.nan),
            "n_neighbours": w.neighbour_counts,
        }, feedback)
        self.output_written(parameters, context, dest, wp.translated_style(LISA_STYLE),
                            tr("Clusters and outliers (local Moran's I, {})").format(description))
        return {OUTPUT: dest}
