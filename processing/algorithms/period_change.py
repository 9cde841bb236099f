"""besecure:periodchange - counts in two periods per unit, change and Poisson z."""
from __future__ import annotations

import numpy as np
from qgis.core import QgsProcessingParameterFeatureSink, QgsProcessingParameterField, QgsProcessingParameterString

from ...analysis.change import compare_periods
from ...compat import FIELD_ANY
from ...i18n import N_, tr
from ...layers.write import write_frame
from .. import incidents, units
from ..base import BesecureAlgorithm, Help, check_cancel
from .aggregate_incidents import unit_frame

TIME_FIELD = "TIME_FIELD"
PERIODS = ("PERIOD_A_START", "PERIOD_A_END", "PERIOD_B_START", "PERIOD_B_END")
OUTPUT = "OUTPUT"

TREND_STYLE = {
    "kind": "categorized",
    "field": "trend",
    "categories": [
        ("significant increase", "#d7301f", "Significant increase"),
        ("no significant change", "#d9d9d9", "No significant change"),
        ("significant decrease", "#2b8cbe", "Significant decrease"),
    ],
}


class PeriodChange(BesecureAlgorithm):
    ALGORITHM_ID = "periodchange"
    DISPLAY_NAME = "Compare periods"
    GROUP_ID = "crimemaps"
    HELP = Help(
        "Counts incidents per cell or zone in two periods (A = before, B = after) and tells where they rose or "
        "fell by more than chance would explain.",
        {
            incidents.INPUT: incidents.HELP[incidents.INPUT],
            **{k: v for k, v in units.HELP.items() if "POPULATION" not in k},
            TIME_FIELD: "Date/time field of the incidents.",
            "PERIOD_A_START / PERIOD_A_END": "First period (before), dates inclusive (YYYY-MM-DD).",
            "PERIOD_B_START / PERIOD_B_END": "Second period (after), dates inclusive.",
            incidents.TIMEZONE: incidents.HELP[incidents.TIMEZONE],
        },
        {OUTPUT: "Polygons with count_a, count_b, diff (b - a), pct_change (null when a = 0), poisson_z and trend."},
        "Poisson z = 2 (sqrt(b) - sqrt(a)) (variance-stabilised difference of two counts); |z| >= 1.96 is labelled "
        "a significant increase or decrease (5 % level, two-sided). Use periods of equal length.",
        "Red units rose, blue ones fell, beyond what random variation of the counts would give; 4 -> 9 incidents "
        "gives z = 2.0, just significant.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        incidents.add_input_parameter(self)
        units.add_unit_parameters(self, with_population=False)
        self.addParameter(QgsProcessingParameterField(TIME_FIELD, tr("Date/time field"), None, incidents.INPUT,
                                                      FIELD_ANY))
        labels = (N_("Period A (before) start"), N_("Period A (before) end"), N_("Period B (after) start"),
                  N_("Period B (after) end"))
        for name, label in zip(PERIODS, labels):
            self.addParameter(QgsProcessingParameterString(name, tr(label)))
        incidents.add_timezone_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Change between periods")))

    def compute(self, parameters, context, feedback):
        time_field = self.parameterAsString(parameters, TIME_FIELD, context)
        bounds = [self.parameterAsString(parameters, p, context) for p in PERIODS]
        points = incidents.read_incidents(self, parameters, context, feedback, [time_field])
        check_cancel(feedback)
        parsed = incidents.incident_times(self, parameters, context, points, time_field, feedback)
        in_a = incidents.period_mask(parsed.times, bounds[0], bounds[1], "PERIOD_A_")
        in_b = incidents.period_mask(parsed.times, bounds[2], bounds[3], "PERIOD_B_")
        if not (in_a | in_b).any():
            raise ValueError(f"The layer has no incidents in either period (field '{time_field}').")
        feedback.pushInfo(tr("{} incidents in period A, {} in period B.").format(int(in_a.sum()), int(in_b.sum())))
        points = points.subset(in_a | in_b)
        in_a, in_b = in_a[in_a | in_b], in_b[in_a | in_b]
        u = units.resolve_units(self, parameters, context, points, feedback, with_population=False)
        check_cancel(feedback)
        idx = u.assign(points.x, points.y)
        outside = int((idx < 0).sum())
        if outside:
            feedback.pushWarning(tr("{} incidents fall outside every unit and are not counted.").format(outside))
        count_a = np.bincount(idx[in_a & (idx >= 0)], minlength=u.n)[: u.n]
        count_b = np.bincount(idx[in_b & (idx >= 0)], minlength=u.n)[: u.n]
        table = compare_periods(count_a, count_b)
        if not self.parameterAsBoolean(parameters, units.KEEP_EMPTY, context):
            keep = (count_a + count_b) > 0
            u = units.drop_units(u, keep)
            table = table[keep].reset_index(drop=True)
        frame = unit_frame(u, table)
        n_up = int((frame["trend"] == "significant increase").sum())
        n_down = int((frame["trend"] == "significant decrease").sum())
        feedback.pushInfo(tr("{} units with a significant increase, {} with a significant decrease.")
                          .format(n_up, n_down))
        dest = write_frame(self, parameters, OUTPUT, context, frame, points.crs, wkb=u.geometries(),
                           wkb_type=u.wkb_type, feedback=feedback)
        self.output_written(parameters, context, dest, TREND_STYLE, "Change between periods")
        return {OUTPUT: dest}
