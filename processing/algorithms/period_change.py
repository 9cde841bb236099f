"""besecure:periodchange - counts in two periods per unit, their change and an exact test of it."""
from __future__ import annotations

import datetime as dt

import numpy as np
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ...analysis.crime import periods as pr
from ...analysis.crime.period_change import ALPHA as DEFAULT_ALPHA
from ...analysis.crime.period_change import DECREASE, INCREASE, compare_periods
from ...analysis.errors import InputError
from ...compat import FIELD_ANY
from ...i18n import N_, tr
from ...layers.dates import parse_bound, period_bounds
from ...layers.write import write_frame
from .. import incidents, spatial_units
from ..base import BesecureAlgorithm, Help, check_cancel
from .aggregate_incidents import unit_frame

TIME_FIELD = "TIME_FIELD"
PRESET = "PRESET"
PERIODS = ("PERIOD_A_START", "PERIOD_A_END", "PERIOD_B_START", "PERIOD_B_END")
REFERENCE_DATE = "REFERENCE_DATE"
ALPHA = "ALPHA"
FDR = "FDR"
OUTPUT = "OUTPUT"

PRESET_LABELS = (N_("Explicit dates"), N_("Year to date vs the same days last year"),
                 N_("Last 28 days vs the previous 28"), N_("Same period last year"))

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
    TAGS = "compare periods,change,increase,decrease,before and after,difference,crime map,Poisson test"
    HELP = Help(
        "Counts incidents per cell or zone in two periods (A = before, B = after) and tells where they rose or "
        "fell by more than chance would explain.",
        {
            incidents.INPUT: incidents.HELP[incidents.INPUT],
            **{k: v for k, v in spatial_units.HELP.items() if "POPULATION" not in k},
            TIME_FIELD: "Date/time field of the incidents.",
            PRESET: "Which periods: 0 explicit dates (PERIOD_A_* and PERIOD_B_*, the default); 1 year to date "
            "against the same days last year; 2 the last 28 days against the 28 before; 3 period B against the "
            "same dates one year earlier (29 February becomes 28 February). Windows 1 and 2 end on REFERENCE_DATE.",
            "PERIOD_A_START / PERIOD_A_END": "First period (before), dates inclusive (YYYY-MM-DD); an empty bound "
            "is the first or last day with incidents. Explicit dates only.",
            "PERIOD_B_START / PERIOD_B_END": "Second period (after), dates inclusive; also used by 'Same period "
            "last year'. The two periods may not overlap.",
            REFERENCE_DATE: "Last day of the year-to-date and 28-day windows (included); empty: the day of the "
            "last incident in the data.",
            ALPHA: "Significance level (default 0.05).",
            FDR: "Yes (default): correct for testing every unit at once with the Benjamini-Hochberg false "
            "discovery rate; a unit is significant when its q-value is at most ALPHA. No: when its p-value is.",
            incidents.CATEGORY_FILTER_FIELD: incidents.HELP[incidents.CATEGORY_FILTER_FIELD],
            incidents.CATEGORY_VALUES: incidents.HELP[incidents.CATEGORY_VALUES],
            incidents.TIMEZONE: incidents.HELP[incidents.TIMEZONE],
        },
        {OUTPUT: "Polygons with count_a, count_b, diff (b - a, incidents), rate_a and rate_b (incidents per day), "
                 "rate_ratio (rate_b / rate_a), pct_change (change of the rate in %; of the count when the periods "
                 "are equally long; null when a = 0), poisson_z, p_value, q_value and trend."},
        "Periods are compared as rates per day, so periods of different lengths can be compared (the log says "
        "when they differ). p_value: exact conditional test of equal rates (Przyborowski & Wilenski 1940): given "
        "the n = a + b incidents of both periods, b is binomial with probability LB / (LA + LB) when nothing "
        "changed (LA, LB the lengths); two-sided p = the probability of every split no more likely than the one "
        "observed (as R's binom.test and scipy's binomtest). q_value: Benjamini-Hochberg q-value over the units "
        "with at least one incident. A unit is a significant increase or decrease when its q-value (p-value "
        "without FDR) is at most ALPHA. poisson_z = 2 (sqrt(b) - sqrt(a)) is the figure crime analysts know "
        "(4 -> 9 gives 2.0), shown for reference only: with both counts random it varies about 1.4 times as "
        "much as a z-score, so |z| >= 1.96 would flag about 17 % of units that did not change.",
        "Red units rose, blue ones fell, more than chance would explain: with FDR on, at most about ALPHA (5 %) "
        "of the units labelled significant are expected to be false alarms. Small counts rarely reach "
        "significance (4 -> 9 gives p = 0.27); grey does not prove that nothing changed. A warning says when a "
        "period runs past the last incident in the data: days without data are missing, not zero.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        incidents.add_input_parameter(self)
        spatial_units.add_unit_parameters(self, with_population=False)
        self.addParameter(QgsProcessingParameterField(TIME_FIELD, tr("Date/time field"), None, incidents.INPUT,
                                                      FIELD_ANY))
        self.addParameter(QgsProcessingParameterEnum(PRESET, tr("Periods"), [tr(label) for label in PRESET_LABELS],
                                                     defaultValue=0))
        labels = (N_("Period A (before) start"), N_("Period A (before) end"), N_("Period B (after) start"),
                  N_("Period B (after) end"))
        for name, label in zip(PERIODS, labels):
            self.addParameter(QgsProcessingParameterString(name, tr(label), optional=True))
        self.addParameter(QgsProcessingParameterString(
            REFERENCE_DATE, tr("Reference date (last day of the window; empty: last incident date)"),
            optional=True))
        self.add_number(ALPHA, "Significance level (alpha)", DEFAULT_ALPHA, 0.0001, 0.5)
        self.add_bool(FDR, "False discovery rate correction (Benjamini-Hochberg)", True)
        incidents.add_filter_parameters(self, period=False)
        incidents.add_timezone_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Change between periods")))

    def _periods(self, parameters, context, days, feedback) -> tuple[pr.Period, pr.Period]:
        """Periods A and B from PRESET, the period bounds and REFERENCE_DATE (``days``: data's first, last day)."""
        preset = pr.PRESETS[self.parameterAsEnum(parameters, PRESET, context)]
        bounds = [self.parameterAsString(parameters, p, context).strip() for p in PERIODS]
        if preset == pr.EXPLICIT:
            if not any(bounds):
                raise InputError("Give the dates of periods A and B (PERIOD_A_START ... PERIOD_B_END), or "
                                 "choose a standard window in PRESET.")
            found = []
            for label, (start, end) in (("A", bounds[:2]), ("B", bounds[2:])):
                parsed = period_bounds(start, end, f"PERIOD_{label}_")
                if None in parsed:
                    feedback.pushInfo(tr("Period {}: an empty bound is the first or last day with incidents "
                                         "({} – {}).").format(label, *days))
                found.append(pr.fill_open(*parsed, *days))
            return found[0], found[1]
        if any(bounds[:2]):
            feedback.pushWarning(tr("PERIOD_A_START and PERIOD_A_END are ignored: the window '{}' sets period A.")
                                 .format(tr(PRESET_LABELS[pr.PRESETS.index(preset)])))
        if preset == pr.SAME_PERIOD_LAST_YEAR:
            start, end = period_bounds(bounds[2], bounds[3], "PERIOD_B_")
            if start is None or end is None:
                raise InputError("Give PERIOD_B_START and PERIOD_B_END: 'Same period last year' compares "
                                 "them with the same dates one year earlier.")
            return pr.preset_periods(preset, b=pr.Period(start, end))
        if any(bounds[2:]):
            feedback.pushWarning(tr("PERIOD_B_START and PERIOD_B_END are ignored: the window '{}' sets period B.")
                                 .format(tr(PRESET_LABELS[pr.PRESETS.index(preset)])))
        reference_text = self.parameterAsString(parameters, REFERENCE_DATE, context).strip()
        if reference_text:
            reference = parse_bound(reference_text, REFERENCE_DATE).astype("datetime64[D]").astype(dt.date)
            feedback.pushInfo(tr("Reference date: {} (REFERENCE_DATE).").format(reference))
        else:
            reference = days[1]
            feedback.pushInfo(tr("Reference date: {}, the last incident date in the data.").format(reference))
        return pr.preset_periods(preset, reference=reference)

    def compute(self, parameters, context, feedback):
        time_field = self.parameterAsString(parameters, TIME_FIELD, context)
        alpha = self.parameterAsDouble(parameters, ALPHA, context)
        fdr = self.parameterAsBoolean(parameters, FDR, context)
        points = incidents.read_incidents(self, parameters, context, feedback, [time_field])
        check_cancel(feedback)
        parsed = incidents.incident_times(self, parameters, context, points, time_field, feedback)
        days = pr.data_days(parsed.times)
        if days is None:
            raise InputError("No incident has a usable date in '{}'; choose the date/time field.", time_field)
        period_a, period_b = self._periods(parameters, context, days, feedback)
        if pr.overlap(period_a, period_b):
            raise InputError("Period A ({}) and period B ({}) overlap; the test compares separate periods: "
                             "choose periods that share no day.", period_a, period_b)
        length_a, length_b = period_a.length_days, period_b.length_days
        feedback.pushInfo(tr("Period A: {} ({:g} days); period B: {} ({:g} days).")
                          .format(period_a, length_a, period_b, length_b))
        for label, period in (("A", period_a), ("B", period_b)):
            incidents.warn_outside_data(feedback, label, period, days)
        if length_a != length_b:
            feedback.pushInfo(tr("Periods differ in length (A: {:g} days, B: {:g} days): compared as rates per "
                                 "day.").format(length_a, length_b))
        in_a = pr.in_period(parsed.times, period_a.start, period_a.end)
        in_b = pr.in_period(parsed.times, period_b.start, period_b.end)
        if not (in_a | in_b).any():
            raise InputError("The layer has no incidents in either period (field '{}').", time_field)
        feedback.pushInfo(tr("{} incidents in period A, {} in period B.").format(int(in_a.sum()), int(in_b.sum())))
        points = points.subset(in_a | in_b)
        in_a, in_b = in_a[in_a | in_b], in_b[in_a | in_b]
        u = spatial_units.resolve_units(self, parameters, context, points, feedback, with_population=False)
        check_cancel(feedback)
        idx = u.assign(points.x, points.y)
        outside = int((idx < 0).sum())
        if outside:
            feedback.pushWarning(tr("{} incidents fall outside every unit and are not counted.").format(outside))
        count_a = np.bincount(idx[in_a & (idx >= 0)], minlength=u.n)[: u.n]
        count_b = np.bincount(idx[in_b & (idx >= 0)], minlength=u.n)[: u.n]
        table = compare_periods(count_a, count_b, length_a, length_b, alpha=alpha, fdr=fdr)
        n_tested = int(((count_a + count_b) > 0).sum())
        if not self.parameterAsBoolean(parameters, spatial_units.KEEP_EMPTY, context):
            keep = (count_a + count_b) > 0
            u = spatial_units.drop_units(u, keep)
            table = table[keep].reset_index(drop=True)
        frame = unit_frame(u, table)
        n_up = int((frame["trend"] == INCREASE).sum())
        n_down = int((frame["trend"] == DECREASE).sum())
        feedback.pushInfo(tr("{} units with a significant increase, {} with a significant decrease.")
                          .format(n_up, n_down))
        if fdr:
            feedback.pushInfo(tr("Significant: Benjamini-Hochberg q-value at most {:g} over the {} units with "
                                 "incidents (exact conditional test of equal rates).").format(alpha, n_tested))
        else:
            feedback.pushInfo(tr("Significant: p-value at most {:g} (exact conditional test of equal rates, no "
                                 "correction for testing {} units: expect about {:g} false alarms).")
                              .format(alpha, n_tested, alpha * n_tested))
        dest = write_frame(self, parameters, OUTPUT, context, frame, points.crs, wkb=u.geometries(),
                           wkb_type=u.wkb_type, feedback=feedback)
        self.output_written(parameters, context, dest, TREND_STYLE, "Change between periods", unit=u.label,
                            period=tr("{} vs {}").format(period_a, period_b))
        return {OUTPUT: dest}
