"""besecure:interventioneffect - did a place-based measure work? WDQ and WDD from incident counts."""
from __future__ import annotations

import math

import numpy as np
import pandas as pd
from qgis.core import (
    QgsGeometry,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ...analysis.crime.intervention_effect import check_periods, intervention_effect
from ...analysis.crime.periods import Period
from ...analysis.errors import InputError
from ...analysis.geometry.polygons import assign_points_to_groups
from ...compat import FIELD_ANY, VECTOR_POLYGON
from ...i18n import N_, tr
from ...layers.dates import period_bounds, period_mask
from ...layers.read import read_polygons
from ...layers.wkb import multipolygon_wkb
from ...layers.write import write_frame
from .. import incidents
from ..base import BesecureAlgorithm, Help, check_cancel

TIME_FIELD = "TIME_FIELD"
TARGET = "TARGET"
BUFFER = "BUFFER"
CONTROL = "CONTROL"
CONTROL_BUFFER = "CONTROL_BUFFER"
PERIODS = ("BEFORE_START", "BEFORE_END", "AFTER_START", "AFTER_END")
OUTPUT = "OUTPUT"

#: The eight counts, named as in REFERENCES.md (WDD): target T, buffer D, the target's control Ct
#: and the buffer's control Cd, before (b) and after (a). With one control area Ct = Cd = C.
COUNT_FIELDS = ("T_b", "T_a", "D_b", "D_a", "Ct_b", "Ct_a", "Cd_b", "Cd_a")

#: Readings of the WDQ codes of analysis.crime.intervention_effect (Bowers & Johnson 2003).
WDQ_READINGS = {
    "diffusion_exceeds_direct": N_("diffusion of benefits to the buffer, larger than the direct effect"),
    "diffusion": N_("diffusion of benefits to the buffer, smaller than the direct effect"),
    "no_displacement": N_("neither displacement nor diffusion of benefits"),
    "displacement_less_than_direct": N_("displacement to the buffer, smaller than the direct effect (a net benefit)"),
    "displacement_exceeds_direct": N_("displacement to the buffer, larger than the direct effect (the measure "
                                      "was counterproductive)"),
}


class InterventionEffect(BesecureAlgorithm):
    ALGORITHM_ID = "interventioneffect"
    DISPLAY_NAME = "Intervention effect (WDQ and WDD)"
    GROUP_ID = "prediction"
    TAGS = "intervention,evaluation,displacement,diffusion of benefits,WDQ,WDD,before and after,effect"
    HELP = Help(
        "Measures the effect of a place-based measure (cameras, lighting, patrols, a redesign) by counting incidents "
        "before and after it in the target area where it ran, in a buffer around it where crime may move to, and in "
        "a control area that shows what would have happened anyway.",
        {
            incidents.INPUT: incidents.HELP[incidents.INPUT],
            TIME_FIELD: "Date/time field of the incidents.",
            incidents.TIMEZONE: incidents.HELP[incidents.TIMEZONE],
            incidents.CATEGORY_FILTER_FIELD: incidents.HELP[incidents.CATEGORY_FILTER_FIELD],
            incidents.CATEGORY_VALUES: incidents.HELP[incidents.CATEGORY_VALUES],
            TARGET: "Polygon layer with the area where the measure ran (all its polygons together form the target).",
            BUFFER: "Polygon layer with the surrounding area where displacement or diffusion of benefits is looked "
            "for, usually a ring around the target. Incidents inside the target are never counted in the buffer.",
            CONTROL: "Polygon layer with a comparable area without the measure, not touching target or buffer; it "
            "should have enough incidents in both periods.",
            CONTROL_BUFFER: "Optional second control area for the buffer. Without it the one control area serves "
            "both target and buffer: its change counts twice and its variance four times.",
            "BEFORE_START / BEFORE_END": "Period before the measure, dates inclusive (YYYY-MM-DD).",
            "AFTER_START / AFTER_END": "Period after the measure, dates inclusive; it must not overlap the before "
            "period.",
        },
        {OUTPUT: "A table with one row: the eight counts T_b, T_a (target), D_b, D_a (buffer), Ct_b, Ct_a (control "
                 "of the target), Cd_b, Cd_a (control of the buffer; equal to Ct with one control area), the period "
                 "lengths in days, wdq, success_measure, buffer_measure, total_net_effect, wdd, wdd_local, "
                 "wdd_displacement, wdd_se, wdd_z, p, ci_low, ci_high (95 %) and a readable interpretation."},
        "Weighted displacement quotient (Bowers & Johnson 2003): WDQ = (D_a/C_a - D_b/C_b) / (R_a/C_a - R_b/C_b), "
        "the denominator being the success measure. Weighted displacement difference test (Wheeler & Ratcliffe "
        "2018): WDD = (T_a - T_b) - (Ct_a - Ct_b) + (D_a - D_b) - (Cd_a - Cd_b), its variance the sum of the counts "
        "(Poisson), with z, a two-sided p-value and a 95 % confidence interval. Periods of different length "
        "(counted in days) are handled as in Wheeler (2021): the after counts are scaled to the length of the before "
        "period in the WDD; the WDQ compares ratios within each period and needs no scaling. Where the areas "
        "overlap, an incident is counted once, in the first of target, buffer, control, control buffer.",
        "A negative WDD means fewer incidents than the control area's trend predicts; it is significant when the "
        "confidence interval excludes 0 (p < 0.05). The WDQ is read only when the target improved (success "
        "measure below 0): above 0 diffusion of benefits, below 0 displacement, below -1 displacement larger than "
        "the gain.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        incidents.add_input_parameter(self)
        self.addParameter(QgsProcessingParameterField(TIME_FIELD, tr("Date/time field"), None, incidents.INPUT,
                                                      FIELD_ANY))
        incidents.add_timezone_parameter(self)
        incidents.add_filter_parameters(self, period=False)
        areas = ((TARGET, N_("Target area (where the measure ran)"), False),
                 (BUFFER, N_("Buffer area (displacement or diffusion)"), False),
                 (CONTROL, N_("Control area"), False),
                 (CONTROL_BUFFER, N_("Separate control area for the buffer"), True))
        for name, label, optional in areas:
            self.addParameter(QgsProcessingParameterFeatureSource(name, tr(label), [VECTOR_POLYGON],
                                                                  optional=optional))
        labels = (N_("Before period start"), N_("Before period end"), N_("After period start"),
                  N_("After period end"))
        for name, label in zip(PERIODS, labels, strict=True):
            self.addParameter(QgsProcessingParameterString(name, tr(label)))
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Intervention effect")))

    # -- reading -----------------------------------------------------------------------------
    def _periods(self, parameters, context):
        texts = [self.parameterAsString(parameters, p, context).strip() for p in PERIODS]
        for name, text in zip(PERIODS, texts, strict=True):
            if not text:
                raise InputError("Give {}: both periods need a start and an end date (YYYY-MM-DD).", name)
        before = period_bounds(texts[0], texts[1], "BEFORE_")
        after = period_bounds(texts[2], texts[3], "AFTER_")
        check_periods(before, after, texts)
        return texts, before, after

    def _areas(self, parameters, context, points, feedback):
        """Per area parameter: (name, polygons as rings, QgsGeometry) for the layers given."""
        areas = []
        for name in (TARGET, BUFFER, CONTROL, CONTROL_BUFFER):
            source = self.parameterAsSource(parameters, name, context)
            if source is None:
                if name != CONTROL_BUFFER:
                    raise InputError("Choose a polygon layer for {}.", name)
                continue
            polys = read_polygons(source, working_crs=points.crs, feedback=feedback)
            if not polys.parts:
                raise InputError("The {} layer '{}' has no polygons.", name, source.sourceName())
            geometry = QgsGeometry.unaryUnion([_geometry(multipolygon_wkb(p)) for p in polys.parts])
            areas.append((name, polys.rings, geometry))
        return areas

    # -- running -----------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        time_field = self.parameterAsString(parameters, TIME_FIELD, context)
        texts, before, after = self._periods(parameters, context)
        points = incidents.read_incidents(self, parameters, context, feedback, [time_field])
        check_cancel(feedback)
        parsed = incidents.incident_times(self, parameters, context, points, time_field, feedback)
        in_b = period_mask(parsed.times, texts[0], texts[1], "BEFORE_")
        in_a = period_mask(parsed.times, texts[2], texts[3], "AFTER_")
        for mask, label, (start, end) in ((in_b, tr("before"), texts[:2]), (in_a, tr("after"), texts[2:])):
            if not mask.any():
                raise InputError("The incident layer has no incidents in the {} period ({} to {}) in field '{}'; "
                                 "check the dates and the time field.", label, start, end, time_field)
        used = in_b | in_a
        points, in_b, in_a = points.subset(used), in_b[used], in_a[used]
        feedback.pushInfo(tr("{} incidents in the before period, {} in the after period.")
                          .format(int(in_b.sum()), int(in_a.sum())))

        areas = self._areas(parameters, context, points, feedback)
        check_cancel(feedback)
        self._warn_overlaps(areas, feedback)
        # Each incident goes to the first area that contains it (target, buffer, control, control buffer).
        area_of = assign_points_to_groups(points.x, points.y, [rings for _, rings, _ in areas])
        names = [name for name, _, _ in areas]
        counts = {name: (int(np.count_nonzero(in_b & (area_of == k))), int(np.count_nonzero(in_a & (area_of == k))))
                  for k, name in enumerate(names)}
        outside = int(np.count_nonzero(area_of < 0))
        if outside:
            feedback.pushInfo(tr("{} incidents fall outside the target, buffer and control areas and are not used.")
                              .format(outside))
        check_cancel(feedback)

        frame = self._effect(counts, before, after, feedback)
        feedback.pushInfo(frame.at[0, "interpretation"])
        dest = write_frame(self, parameters, OUTPUT, context, frame, points.crs, feedback=feedback)
        self.output_written(parameters, context, dest, None, "Intervention effect")
        return {OUTPUT: dest}

    def _warn_overlaps(self, areas, feedback) -> None:
        for i, (name_i, _, geom_i) in enumerate(areas):
            for name_j, _, geom_j in areas[i + 1:]:
                overlap = geom_i.intersection(geom_j).area() if geom_i.intersects(geom_j) else 0.0
                # Areas that only share a border (a ring cut from the target) leave rounding slivers.
                if overlap > 1e-6 * min(geom_i.area(), geom_j.area()):
                    feedback.pushWarning(tr("{} and {} overlap ({} m²); incidents in the overlap are counted in {} "
                                            "only.").format(name_i, name_j, f"{overlap:,.0f}", name_i))

    def _effect(self, counts, before, after, feedback) -> pd.DataFrame:
        t_b, t_a = counts[TARGET]
        d_b, d_a = counts[BUFFER]
        c_b, c_a = counts[CONTROL]
        separate = CONTROL_BUFFER in counts
        cd_b, cd_a = counts[CONTROL_BUFFER] if separate else (c_b, c_a)
        days_b, days_a = Period(*before).length_days, Period(*after).length_days
        effect = intervention_effect(counts[TARGET], counts[BUFFER], counts[CONTROL], counts.get(CONTROL_BUFFER),
                                     days_before=days_b, days_after=days_a)
        quotient, test, lengths = effect.quotient, effect.test, effect.period_lengths

        sentences = [self._wdq_sentence(quotient, c_b, c_a), self._wdd_sentence(test)]
        if lengths != (1.0, 1.0):
            sentences.append(tr("The periods differ in length ({} days before, {} after): in the WDD the after counts "
                                "are scaled to the length of the before period; the WDQ needs no scaling.")
                             .format(f"{days_b:g}", f"{days_a:g}"))
        if not effect.separate_control:
            sentences.append(tr("One control area serves target and buffer, so its change counts twice and its "
                                "variance four times; a separate control area for the buffer gives a sharper test."))
        if quotient.interpretation == "undefined":
            feedback.pushWarning(sentences[0])
        if math.isnan(test.z):
            feedback.pushWarning(sentences[1])

        row = {
            "T_b": t_b, "T_a": t_a, "D_b": d_b, "D_a": d_a,
            "Ct_b": c_b, "Ct_a": c_a, "Cd_b": cd_b, "Cd_a": cd_a,
            "before_days": days_b, "after_days": days_a,
            "wdq": quotient.wdq, "wdq_code": quotient.interpretation,
            "success_measure": quotient.success_measure, "buffer_measure": quotient.buffer_measure,
            "total_net_effect": quotient.total_net_effect,
            "wdd": test.estimate, "wdd_local": test.local, "wdd_displacement": test.displacement,
            "wdd_se": test.se, "wdd_z": test.z, "p": test.p_value,
            "ci_low": test.ci_low, "ci_high": test.ci_high, "confidence": test.confidence,
            "interpretation": " ".join(sentences),
        }
        # NaN (an undefined measure) is written as NULL.
        return pd.DataFrame([row])

    def _wdq_sentence(self, quotient, c_b: int, c_a: int) -> str:
        code = quotient.interpretation
        if code == "undefined":
            if c_b == 0:
                return tr("The WDQ is undefined: the control area has no incidents in the before period, so the "
                          "ratios to the control area cannot be formed. Choose a larger control area.")
            if c_a == 0:
                return tr("The WDQ is undefined: the control area has no incidents in the after period, so the "
                          "ratios to the control area cannot be formed. Choose a larger control area.")
            return tr("The WDQ is undefined: the target area changed exactly as the control area did (success "
                      "measure 0).")
        if code == "not_successful":
            return tr("WDQ = {}, not interpretable: the target area did not improve relative to the control area "
                      "(success measure {} >= 0), so there is no effect to be displaced.").format(
                f"{quotient.wdq:.2f}", f"{quotient.success_measure:.3f}")
        return tr("WDQ = {}: {}.").format(f"{quotient.wdq:.2f}", tr(WDQ_READINGS[code]))

    def _wdd_sentence(self, test) -> str:
        if math.isnan(test.z):
            return tr("WDD = {}; the test is undefined because all counts are zero.").format(f"{test.estimate:.1f}")
        p_text = "< 0.001" if test.p_value < 0.001 else f"= {test.p_value:.3f}"
        numbers = tr("WDD = {} incidents ({} % interval {} to {}; z = {}, p {})").format(
            f"{test.estimate:.1f}", f"{100 * test.confidence:g}", f"{test.ci_low:.1f}", f"{test.ci_high:.1f}",
            f"{test.z:.2f}", p_text)
        if test.p_value < 1 - test.confidence:
            if test.estimate < 0:
                return tr("{}: significantly fewer incidents than the control area's trend predicts.").format(numbers)
            return tr("{}: significantly more incidents than the control area's trend predicts.").format(numbers)
        return tr("{}: not significantly different from the control area's trend.").format(numbers)



def _geometry(wkb: bytes) -> QgsGeometry:
    geometry = QgsGeometry()
    geometry.fromWkb(wkb)
    return geometry
