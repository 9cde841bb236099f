"""Incident input shared by the algorithms: the INPUT layer, time fields, period filters, time zone."""
from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingFeatureSourceDefinition,
    QgsProcessingParameterCrs,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ..analysis.crime.periods import coverage
from ..analysis.errors import InputError
from ..compat import FIELD_ANY, VECTOR_POINT, VECTOR_TABLE, set_advanced
from ..i18n import N_, tr
from ..layers.dates import ParsedTimes, parse_datetimes, period_selection
from ..layers.naming import Selection
from ..layers.read import PointTable, read_points

INPUT = "INPUT"
CSV_CRS = "CSV_CRS"
TIMEZONE = "TIMEZONE"
CATEGORY_FILTER_FIELD = "CATEGORY_FILTER_FIELD"
CATEGORY_VALUES = "CATEGORY_VALUES"
TIME_FIELD = "TIME_FIELD"
START = "START"
END = "END"

HELP = {
    INPUT: "Incident points: any point layer or a CSV file with x/y or latitude/longitude columns. Any CRS: "
    "distances are in metres (layers in degrees or feet are worked in their UTM zone).",
    CSV_CRS: "CRS of the x/y columns of a CSV file opened without geometry (lat/lon columns are WGS 84).",
    TIMEZONE: "IANA time zone (e.g. Europe/Amsterdam): timestamps carrying a UTC offset are converted to it; "
    "times without an offset are taken as local wall-clock times.",
    CATEGORY_FILTER_FIELD: "Optional field with the incident type, to analyse only some types (with "
    "CATEGORY_VALUES).",
    CATEGORY_VALUES: "Types to keep, separated by commas (e.g. 'Burglary, Theft'); matched case-insensitively "
    "and without surrounding spaces against CATEGORY_FILTER_FIELD. Empty: all incidents.",
    TIME_FIELD: "Optional date/time field, needed for START and END; when given, incidents without a readable "
    "time are left out (and counted in the log).",
    START: "Optional first day of the period (YYYY-MM-DD or YYYY-MM-DD HH:MM), inclusive.",
    END: "Optional last day of the period, inclusive for a date, exclusive for a date and time.",
}


def add_input_parameter(alg, description: str = N_("Incidents (points)")) -> None:
    # The dialog offers point layers only (QGIS lists no geometry-less table for a list holding a geometry
    # type); the table type lets a geometry-less CSV given as a file, by script or by drag and drop through,
    # to be read through its coordinate columns. Lines or polygons given by script get a clear message.
    alg.addParameter(QgsProcessingParameterFeatureSource(INPUT, tr(description), [VECTOR_POINT, VECTOR_TABLE]))
    csv_crs = QgsProcessingParameterCrs(CSV_CRS, tr("CRS of x/y columns in a CSV input"), optional=True)
    csv_crs.setHelp(tr(HELP[CSV_CRS]))  # not every algorithm lists this advanced parameter in its Help
    alg.addParameter(set_advanced(csv_crs))


def add_timezone_parameter(alg) -> None:
    alg.addParameter(set_advanced(QgsProcessingParameterString(TIMEZONE, tr("Time zone (IANA name)"),
                                                               defaultValue="", optional=True)))


def whole_layer(alg, parameters, name, context):
    """The layer behind a source parameter when it is used whole (no selection, filter or limit)."""
    value = parameters.get(name)
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
            value.selectedFeaturesOnly or value.featureLimit != -1 or getattr(value, "filterExpression", "")):
        return None
    return alg.parameterAsVectorLayer(parameters, name, context)


def read_incidents(alg, parameters, context, feedback, fields, time_param: str = TIME_FIELD) -> PointTable:
    """Read INPUT with ``fields`` and apply the filters of :func:`add_filter_parameters` (the categories
    of CATEGORY_FILTER_FIELD, then the period START/END of the field ``time_param``); refuses an empty
    layer or an empty selection with a message that says so.

    What was selected is logged and kept as ``alg.selection`` (output names, provenance record).
    """
    source = alg.parameterAsSource(parameters, INPUT, context)
    if source is None:
        raise InputError("The incident layer (INPUT) could not be opened.")
    category_field = _param_string(alg, parameters, CATEGORY_FILTER_FIELD, context)
    values = category_values(_param_string(alg, parameters, CATEGORY_VALUES, context))
    time_field = _param_string(alg, parameters, time_param, context)
    start = _param_string(alg, parameters, START, context).strip()
    end = _param_string(alg, parameters, END, context).strip()
    if values and not category_field:
        raise InputError("Categories to keep (CATEGORY_VALUES) need CATEGORY_FILTER_FIELD, the field that holds "
                         "the incident type.")
    if (start or end) and not time_field:
        raise InputError("A period (START/END) needs {}, the field with the incident date.", time_param)
    csv_crs = alg.parameterAsCrs(parameters, CSV_CRS, context)
    table = read_points(source, [*fields, category_field if values else "", time_field],
                        layer=whole_layer(alg, parameters, INPUT, context),
                        csv_crs=csv_crs if csv_crs.isValid() else None, feedback=feedback)
    if table.x.size == 0:
        raise InputError("The incident layer '{}' has no points with a usable geometry.", source.sourceName())
    n_total = int(table.x.size)
    if values:
        table = table.subset(category_mask(table.attributes[category_field], values, category_field, feedback))
    if time_field and alg.parameterDefinition(START) is not None:
        table = restrict_to_period(alg, parameters, context, table, time_field, start, end, feedback)
    alg.selection = Selection(category_field if values else "", values, start, end, int(table.x.size), n_total)
    if alg.selection.active:
        feedback.pushInfo(tr("{:,} of {:,} incidents selected: {}.").format(
            alg.selection.n_selected, n_total, alg.selection.describe()))
    return table


# -- Category and period filter: the same optional parameters on every algorithm that reads incidents ------
FILTER_HELP = {k: HELP[k] for k in (CATEGORY_FILTER_FIELD, CATEGORY_VALUES, TIME_FIELD, START, END)}


def add_filter_parameters(alg, period: bool = True, time_param: str = TIME_FIELD) -> None:
    """Declare CATEGORY_FILTER_FIELD and CATEGORY_VALUES and, with ``period``, START and END (plus an optional
    TIME_FIELD when the algorithm has no field ``time_param`` of its own); :func:`read_incidents` applies them."""
    alg.addParameter(QgsProcessingParameterField(CATEGORY_FILTER_FIELD, tr("Filter: category field"), None, INPUT,
                                                 FIELD_ANY, optional=True))
    alg.addParameter(QgsProcessingParameterString(CATEGORY_VALUES, tr("Filter: categories to keep (comma-separated, "
                                                                      "any case)"), optional=True))
    if not period:
        return
    if alg.parameterDefinition(time_param) is None:
        alg.addParameter(QgsProcessingParameterField(time_param, tr("Date/time field"), None, INPUT, FIELD_ANY,
                                                     optional=True))
    for name, label in ((START, N_("Period start")), (END, N_("Period end"))):
        if alg.parameterDefinition(name) is None:
            alg.addParameter(QgsProcessingParameterString(name, tr(label), optional=True))


def _param_string(alg, parameters, name: str, context) -> str:
    """A string parameter, '' when the algorithm does not declare it."""
    if alg.parameterDefinition(name) is None:
        return ""
    return alg.parameterAsString(parameters, name, context) or ""


def category_values(text: str) -> tuple[str, ...]:
    """The comma-separated categories of CATEGORY_VALUES, stripped, duplicates (in any case) dropped."""
    seen: dict[str, str] = {}
    for value in (v.strip() for v in (text or "").split(",")):
        if value and value.casefold() not in seen:
            seen[value.casefold()] = value
    return tuple(seen.values())


def category_mask(column: np.ndarray, values: tuple[str, ...], field: str, feedback) -> np.ndarray:
    """Incidents whose ``field`` equals one of ``values`` (case-insensitive; numbers compare as numbers).

    Warns about values no incident has; refuses a filter that keeps nothing, naming the commonest values.
    """
    column = np.asarray(column)
    if column.dtype.kind == "f":
        wanted = {v: _number(v) for v in values}
        mask = np.isin(column, [w for w in wanted.values() if w is not None])
        found = {v for v, w in wanted.items() if w is not None and np.any(column == w)}
    else:
        series = pd.Series(column, dtype=object)
        keys = series.where(series.isna(), series.astype(str).str.strip().str.casefold())
        mask = keys.isin([v.casefold() for v in values]).to_numpy()
        present = set(keys[mask].unique())
        found = {v for v in values if v.casefold() in present}
    if not mask.any():
        common = pd.Series(column, dtype=object).dropna().astype(str).value_counts().index[:8]
        raise InputError("No incident has {} in '{}'. Its commonest values are: {}.",
                         ', '.join(repr(v) for v in values), field, ', '.join(common))
    missing = [v for v in values if v not in found]
    if missing:
        feedback.pushWarning(tr("No incident has {} in '{}'.").format(", ".join(repr(v) for v in missing), field))
    return mask


def _number(text: str) -> float | None:
    try:
        return float(text)
    except ValueError:
        return None


def timezone(alg, parameters, context) -> str:
    """The TIMEZONE parameter ('' when not given)."""
    return alg.parameterAsString(parameters, TIMEZONE, context)


def incident_times(alg, parameters, context, table: PointTable, field: str, feedback) -> ParsedTimes:
    """Parse a time field to local wall-clock times (in TIMEZONE) and log what was skipped; a field without
    one usable time is refused (every algorithm that reads times says so the same way)."""
    tz = timezone(alg, parameters, context)
    parsed = parse_datetimes(table.attributes[field], tz or None, utc_values=field in table.utc_fields)
    if parsed.times.size and not parsed.valid.any():
        raise InputError("No incident has a usable date in '{}' ({:,} without a value, {:,} that are not dates or "
                         "times); choose the field with the dates.", field, parsed.n_missing, parsed.n_unparseable)
    if parsed.n_missing or parsed.n_unparseable:
        feedback.pushWarning(tr("{} incidents without a time and {} with an unparseable time in '{}' were skipped.")
                             .format(parsed.n_missing, parsed.n_unparseable, field))
    return parsed


def restrict_to_period(alg, parameters, context, points: PointTable, time_field: str, start, end,
                       feedback) -> PointTable:
    """The incidents with a usable time in [START, END) (all with a time when both are empty).

    Refuses a period without incidents, and logs how many are in it.
    """
    parsed = incident_times(alg, parameters, context, points, time_field, feedback)  # refuses a field without dates
    mask = period_selection(parsed, start, end, time_field)
    feedback.pushInfo(tr("{:,} incidents in the period.").format(int(mask.sum())))
    return points.subset(mask)


def warn_outside_data(feedback, label: str, period, days) -> None:
    """Warn when ``period`` (an :class:`analysis.crime.periods.Period`) starts before the first or runs past the
    last day with incidents, ``days`` = (first, last): a count over days without data is missing, not 0."""
    starts_before, runs_past = coverage(period, *days)
    if starts_before:
        feedback.pushWarning(tr("Period {} ({}) starts before the first incident in the data ({}): its count "
                                "covers fewer days than the period.").format(label, period, days[0]))
    if runs_past:
        feedback.pushWarning(tr("Period {} ({}) runs past the last incident in the data ({}): its count covers "
                                "fewer days than the period; end it on {} or compare the same days of both "
                                "years.").format(label, period, days[1], days[1]))
