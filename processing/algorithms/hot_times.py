"""besecure:hottimes - the weekday x hour table, aoristic for incidents with a time window."""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

import numpy as np
from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
)

from ...analysis.crime.hot_times import hot_times, hot_times_frame, to_minutes
from ...analysis.errors import InputError
from ...compat import FIELD_ANY
from ...i18n import N_, current_locale, tr
from ...layers.dates import parse_datetimes
from ...layers.naming import output_name
from ...layers.reports.document import Report, file_link, write_text_atomic
from ...layers.reports.images import heatmap_png
from ...layers.write import write_frame
from .. import incidents, spatial_units
from ..base import BesecureAlgorithm, Help, check_cancel

START_FIELD = "START_FIELD"
END_FIELD = "END_FIELD"
OUTPUT = "OUTPUT"
OUTPUT_CHART = "OUTPUT_CHART"
OUTPUT_HTML = "OUTPUT_HTML"
WEEKDAYS_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
CHART_CELL = 22  # pixels per hour cell of the chart


class HotTimes(BesecureAlgorithm):
    ALGORITHM_ID = "hottimes"
    DISPLAY_NAME = "Hot times"
    GROUP_ID = "crimemaps"
    TAGS = "hot times,time of day,day of week,weekday,hour,temporal,heat map,aoristic,chart"
    HELP = Help(
        "Builds the 7 x 24 hot-times table: how incidents spread over the days of the week and the hours of "
        "the day, overall or per zone. Incidents known only within a time window (a burglary between leaving "
        "home and coming back) are spread over the window's hours (aoristic analysis).",
        {
            incidents.INPUT: incidents.HELP[incidents.INPUT],
            START_FIELD: "Date/time the incident happened, or the start of its window.",
            END_FIELD: "Optional end of the window (exclusive). Empty, or not after the start: the whole weight "
            "goes to the start hour.",
            incidents.CATEGORY_FILTER_FIELD: incidents.HELP[incidents.CATEGORY_FILTER_FIELD],
            incidents.CATEGORY_VALUES: incidents.HELP[incidents.CATEGORY_VALUES],
            incidents.START: "Optional first day of the period (of START_FIELD), inclusive (YYYY-MM-DD).",
            incidents.END: incidents.HELP[incidents.END],
            spatial_units.ZONES: "Optional polygons: one table per zone (field zone).",
            spatial_units.ZONE_ID_FIELD: spatial_units.HELP[spatial_units.ZONE_ID_FIELD],
            incidents.TIMEZONE: incidents.HELP[incidents.TIMEZONE],
        },
        {OUTPUT: "Table with 168 rows (per zone): weekday (0 = Monday .. 6 = Sunday), day, hour (0..23), weight "
                 "(incidents, aoristic where windows are given), share (of the zone's total) and zone.",
         OUTPUT_CHART: "Optional PNG of the 7 x 24 grid of all incidents (Monday on top, hours across, darker = "
         "more).",
         OUTPUT_HTML: "Optional HTML report: what was selected, the chart and the 7 x 24 weights as a table (with a "
         "link to the PNG when OUTPUT_CHART is written too)."},
        "Aoristic weights (Ratcliffe 2000) exact to the minute: start inclusive, end exclusive, weights sum to 1 "
        "per incident; a window of a week or longer gives 1/168 to every hour.",
        "A weight of 12.5 at Friday 22h means 12.5 incidents are expected to have happened in that hour over the "
        "whole period; compare rows, not single incidents.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        incidents.add_input_parameter(self)
        self.addParameter(QgsProcessingParameterField(START_FIELD, tr("Time (or window start) field"), None,
                                                      incidents.INPUT, FIELD_ANY))
        self.addParameter(QgsProcessingParameterField(END_FIELD, tr("Window end field"), None, incidents.INPUT,
                                                      FIELD_ANY, optional=True))
        incidents.add_filter_parameters(self, time_param=START_FIELD)
        spatial_units.add_zone_parameters(self, N_("Zones (optional, one table per zone)"))
        incidents.add_timezone_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Hot times")))
        self.addParameter(QgsProcessingParameterFileDestination(OUTPUT_CHART, tr("Hot times chart (PNG)"),
                                                                tr("PNG images (*.png)"), optional=True,
                                                                createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(OUTPUT_HTML, tr("Hot times report (HTML)"),
                                                                tr("HTML files (*.html)"), optional=True,
                                                                createByDefault=False))

    def compute(self, parameters, context, feedback):
        start_field = self.parameterAsString(parameters, START_FIELD, context)
        end_field = self.parameterAsString(parameters, END_FIELD, context)
        tz = incidents.timezone(self, parameters, context)
        points = incidents.read_incidents(self, parameters, context, feedback, [start_field, end_field],
                                          time_param=START_FIELD)
        start = incidents.incident_times(self, parameters, context, points, start_field, feedback)
        points = points.subset(start.valid)
        start_min = to_minutes(start.times[start.valid])
        end_min = None
        if end_field:
            # An empty end is normal (time known exactly), so it is not reported as skipped.
            end = parse_datetimes(points.attributes[end_field], tz or None, utc_values=end_field in points.utc_fields)
            if end.n_unparseable:
                feedback.pushWarning(tr("{} window ends could not be read: weight on the start hour.")
                                     .format(end.n_unparseable))
            end_min = to_minutes(end.times)
            n_bad_end = int((end_min <= start_min).sum())
            if n_bad_end:
                feedback.pushInfo(tr("{} windows end at or before their start: weight on the start hour.")
                                  .format(n_bad_end))
        zones = spatial_units.zone_units(self, parameters, context, points.crs, feedback)
        check_cancel(feedback)
        if zones is None:
            group, n_groups, labels = None, 1, None
        else:
            group = zones.assign(points.x, points.y)
            n_groups, labels = zones.n, zones.ids
            outside = int((group < 0).sum())
            if outside:
                feedback.pushWarning(tr("{} incidents fall outside every zone and are left out.").format(outside))
        table = hot_times(start_min, end_min, group, n_groups, is_cancelled=feedback.isCanceled,
                          progress=feedback.setProgress)
        check_cancel(feedback)
        frame = hot_times_frame(table, labels)
        feedback.pushInfo(tr("Total weight {:.2f} over {} incidents.").format(table.sum(), start_min.size))
        # The chart and the report first: a folder they cannot be written to fails before the table is written.
        results = self._write_chart_and_report(parameters, context, table.sum(axis=0), feedback)
        try:
            dest = write_frame(self, parameters, OUTPUT, context, frame, points.crs, feedback=feedback)
        except BaseException:
            for path in results.values():
                with contextlib.suppress(OSError):
                    Path(path).unlink()
            raise
        self.output_written(parameters, context, dest, None, "Hot times")
        return {OUTPUT: dest, **results}

    def _write_chart_and_report(self, parameters, context, weights: np.ndarray, feedback) -> dict:
        """The 7 x 24 chart (PNG) and the HTML report, when asked for (the report engine of layers/reports)."""
        chart_path = self.parameterAsFileOutput(parameters, OUTPUT_CHART, context)
        html_path = self.parameterAsFileOutput(parameters, OUTPUT_HTML, context)
        if not (chart_path or html_path):
            return {}
        grid = weights.reshape(7, 24)
        title = output_name(tr("Hot times"), self.selection)
        days = [tr(d) for d in WEEKDAYS_SHORT]
        png = heatmap_png(grid.tolist(), days, [str(h) for h in range(24)],
                          tr("Incidents per weekday and hour (peak {:.1f})").format(float(grid.max())), CHART_CELL)
        results = {}
        try:
            if chart_path:
                os.makedirs(os.path.dirname(os.path.abspath(chart_path)), exist_ok=True)
                tmp = f"{chart_path}.partial"
                Path(tmp).write_bytes(png)
                os.replace(tmp, chart_path)
                results[OUTPUT_CHART] = chart_path
            if html_path:
                os.makedirs(os.path.dirname(os.path.abspath(html_path)), exist_ok=True)
                write_text_atomic(html_path, self._report_html(title, png, grid, days, chart_path, html_path))
                results[OUTPUT_HTML] = html_path
        except OSError as exc:
            for path in [*results.values(), *(f"{p}.partial" for p in (chart_path, html_path) if p)]:
                with contextlib.suppress(OSError):
                    Path(path).unlink()
            raise InputError("Cannot write the hot times chart or report ({}: {}); choose a folder you can write "
                             "to.", exc.filename, exc.strerror) from None
        feedback.pushInfo(tr("Written: {}.").format(", ".join(results.values())))
        return results

    def _report_html(self, title: str, png: bytes, grid: np.ndarray, days: list[str], chart_path: str,
                     html_path: str) -> str:
        """The report: what was selected, the chart (embedded, and linked when written) and the 7 x 24 table."""
        report = Report(title, lang=current_locale())
        report.paragraph(tr("Selection: {}; {:,} incidents, total weight {:.2f}.").format(
            self.selection.describe(), self.selection.n_selected, float(grid.sum())))
        report.image(png, tr("Incidents per weekday (rows) and hour of the day (columns); darker = more."))
        if chart_path:
            report.raw(f"<p>{file_link(tr('Chart as PNG'), chart_path, html_path)}</p>")
        report.table([tr("Day"), *[str(h) for h in range(24)]],
                     [[day, *(f"{v:.2f}" for v in row)] for day, row in zip(days, grid)])
        return report.to_html()

