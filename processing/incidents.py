"""Incident input shared by the algorithms: the INPUT layer, time fields, period filters, time zone."""
from __future__ import annotations

import numpy as np
from qgis.core import (
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterString,
)

from ..analysis.periods import coverage
from ..compat import VECTOR_ANY, VECTOR_TABLE, set_advanced
from ..i18n import N_, tr
from ..layers.dates import ParsedTimes, parse_bound, parse_datetimes
from ..layers.read import PointTable, read_points

INPUT = "INPUT"
CSV_CRS = "CSV_CRS"
TIMEZONE = "TIMEZONE"

HELP = {
    INPUT: "Incident points: any point layer or a CSV file with x/y or latitude/longitude columns. Any CRS: "
    "distances are in metres (layers in degrees or feet are worked in their UTM zone).",
    CSV_CRS: "CRS of the x/y columns of a CSV file opened without geometry (lat/lon columns are WGS 84).",
    TIMEZONE: "IANA time zone (e.g. Europe/Amsterdam): timestamps carrying a UTC offset are converted to it; "
    "times without an offset are taken as local wall-clock times.",
}


def add_input_parameter(alg, description: str = N_("Incidents (points)")) -> None:
    # Any geometry is accepted so that lines or polygons get a clear message instead of a silent filter,
    # and a CSV opened without geometry can still be read through its coordinate columns.
    alg.addParameter(QgsProcessingParameterFeatureSource(INPUT, tr(description), [VECTOR_ANY, VECTOR_TABLE]))
    alg.addParameter(set_advanced(QgsProcessingParameterCrs(CSV_CRS, tr("CRS of x/y columns in a CSV input"),
                                                            optional=True)))


def add_timezone_parameter(alg) -> None:
    alg.addParameter(set_advanced(QgsProcessingParameterString(TIMEZONE, tr("Time zone (IANA name)"),
                                                               defaultValue="", optional=True)))


def whole_layer(alg, parameters, name, context):
    """The layer behind a source parameter when it is used whole (no selection, filter or limit)."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition):
        if value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", ""):
            return None
    return alg.parameterAsVectorLayer(parameters, name, context)


def read_incidents(alg, parameters, context, feedback, fields) -> PointTable:
    """Read INPUT with ``fields``; refuses an empty layer with a message that says so."""
    source = alg.parameterAsSource(parameters, INPUT, context)
    if source is None:
        raise ValueError("The incident layer (INPUT) could not be opened.")
    csv_crs = alg.parameterAsCrs(parameters, CSV_CRS, context)
    table = read_points(source, fields, layer=whole_layer(alg, parameters, INPUT, context),
                        csv_crs=csv_crs if csv_crs.isValid() else None, feedback=feedback)
    if table.x.size == 0:
        raise ValueError(f"The incident layer '{source.sourceName()}' has no points with a usable geometry.")
    return table


def timezone(alg, parameters, context) -> str:
    """The TIMEZONE parameter ('' when not given)."""
    return alg.parameterAsString(parameters, TIMEZONE, context)


def incident_times(alg, parameters, context, table: PointTable, field: str, feedback) -> ParsedTimes:
    """Parse a time field to local wall-clock times (in TIMEZONE) and log what was skipped."""
    tz = timezone(alg, parameters, context)
    parsed = parse_datetimes(table.attributes[field], tz or None, utc_values=field in table.utc_fields)
    if parsed.n_missing or parsed.n_unparseable:
        feedback.pushWarning(tr("{} incidents without a time and {} with an unparseable time in '{}' were skipped.")
                             .format(parsed.n_missing, parsed.n_unparseable, field))
    return parsed


def period_bounds(start_text, end_text, label: str = "") -> tuple[np.datetime64 | None, np.datetime64 | None]:
    """The period [start, end) a START/END pair means: a date-only end includes that whole day.

    None for an empty bound; raises ValueError when the end is not after the start.
    """
    start = parse_bound(start_text, f"{label}START")
    end = parse_bound(end_text, f"{label}END")
    if end is not None and len(str(end_text).strip()) <= 10:
        end = end + np.timedelta64(1, "D")
    if start is not None and end is not None and end <= start:
        raise ValueError(f"The period end ({end_text}) is not after its start ({start_text}).")
    return start, end


def period_mask(times: np.ndarray, start_text, end_text, label: str = "") -> np.ndarray:
    """Incidents with a valid time in [start, end) (a date-only end includes that whole day)."""
    start, end = period_bounds(start_text, end_text, label)
    mask = ~np.isnat(times)
    if start is not None:
        mask &= times >= start
    if end is not None:
        mask &= times < end
    return mask


def restrict_to_period(alg, parameters, context, points: PointTable, time_field: str, start, end,
                       feedback) -> PointTable:
    """The incidents with a usable time in [START, END) (all with a time when both are empty).

    Refuses a period without incidents, and logs how many are in it.
    """
    parsed = incident_times(alg, parameters, context, points, time_field, feedback)
    mask = period_mask(parsed.times, start, end) if (start or end) else parsed.valid
    if not mask.any():
        raise ValueError(f"The layer has no incidents between {start or 'the start'} and {end or 'the end'} "
                         f"in '{time_field}'.")
    feedback.pushInfo(tr("{:,} incidents in the period.").format(int(mask.sum())))
    return points.subset(mask)


def warn_outside_data(feedback, label: str, period, days) -> None:
    """Warn when ``period`` (an :class:`analysis.periods.Period`) starts before the first or runs past the
    last day with incidents, ``days`` = (first, last): a count over days without data is missing, not 0."""
    starts_before, runs_past = coverage(period, *days)
    if starts_before:
        feedback.pushWarning(tr("Period {} ({}) starts before the first incident in the data ({}): its count "
                                "covers fewer days than the period.").format(label, period, days[0]))
    if runs_past:
        feedback.pushWarning(tr("Period {} ({}) runs past the last incident in the data ({}): its count covers "
                                "fewer days than the period; end it on {} or compare the same days of both "
                                "years.").format(label, period, days[1], days[1]))
