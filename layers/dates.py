"""Date and time parsing: the one place that turns field values into local wall-clock times.

Accepted: datetime/date fields (QDateTime, QDate, numpy datetime64 from the Arrow reader) and
text in ISO 8601 (``2019-06-22T19:00:00``, with or without seconds, ``Z`` or ``+02:00``), US
``M/D/YYYY H:MM`` and European ``D-M-YYYY HH:MM`` / ``D.M.YYYY`` forms; the day/month order of
slashed or dashed dates is decided from the data (a first number above 12 means day first; else
slashes are month first, as in US exports, and dashes or dots day first, as in Dutch ones).
Times carrying a UTC offset are converted to the given IANA time zone and then treated as local
wall-clock times, which is what hot-times tables and shift planning need.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

from ..analysis.crime.periods import in_period
from ..analysis.errors import InputError
from ..compat import TIME_SPEC_OFFSET, TIME_SPEC_UTC
from ..i18n import tr

# A UTC offset after a time: "-2024" ending a day-month-year date is no offset.
_OFFSET = re.compile(r"\d:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})$")
_NUMERIC_DATE = re.compile(r"^\s*(\d{1,2})([/.-])(\d{1,2})\2(\d{4})")


@dataclass(frozen=True)
class ParsedTimes:
    """Local wall-clock times (datetime64[m], NaT where missing or unparseable) and the counts."""

    times: np.ndarray
    n_missing: int
    n_unparseable: int

    @property
    def valid(self) -> np.ndarray:
        return ~np.isnat(self.times)


def _to_python(value):
    """QVariant-ish values to plain Python / strings."""
    if value is None:
        return None
    name = type(value).__name__
    if name == "QDateTime":
        if not value.isValid():
            return None
        text = value.toString("yyyy-MM-ddTHH:mm:ss.zzz")
        spec = value.timeSpec()
        if spec == TIME_SPEC_UTC:
            text += "Z"
        elif spec == TIME_SPEC_OFFSET:
            off = value.offsetFromUtc()
            text += f"{'+' if off >= 0 else '-'}{abs(off) // 3600:02d}:{abs(off) % 3600 // 60:02d}"
        return text
    if name == "QDate":
        return value.toString("yyyy-MM-dd") if value.isValid() else None
    if name == "QVariant":  # NULL
        return None
    return value


def parse_datetimes(values, timezone: str | None = None, utc_values: bool = False) -> ParsedTimes:
    """Parse field values to local wall-clock datetime64[m].

    ``utc_values``: the values are UTC instants already (e.g. a datetime field whose source says
    so); they are then converted to ``timezone`` like text with an offset. Text is parsed once per
    distinct value (a million incidents carry far fewer distinct timestamps).
    """
    arr = np.asarray(values)
    if np.issubdtype(arr.dtype, np.datetime64):
        times = arr.astype("datetime64[m]")
        missing = int(np.isnat(times).sum())
        if utc_values and timezone:
            times = _utc_to_local(pd.Series(times), timezone)
        return ParsedTimes(times, missing, 0)
    if arr.dtype == object and not all(v is None or type(v) is str for v in arr.tolist()):
        arr = np.array([_to_python(v) for v in arr.tolist()], dtype=object)
    codes, distinct = pd.factorize(pd.Series(arr, dtype="object"))
    distinct_times, distinct_missing = _parse_text(pd.Series(distinct, dtype="object"), timezone)
    out = np.full(len(codes), np.datetime64("NaT"), dtype="datetime64[m]")
    has = codes >= 0
    out[has] = distinct_times[codes[has]]
    missing = int((~has).sum() + distinct_missing[codes[has]].sum())
    unparseable = int(np.isnat(out).sum()) - missing
    return ParsedTimes(out, missing, unparseable)


def _parse_text(series: pd.Series, timezone: str | None) -> tuple[np.ndarray, np.ndarray]:
    """Local times of text values (NaT where missing or unparseable) and which values are missing."""
    missing_mask = series.isna() | (series.astype(str).str.strip() == "")
    text = series[~missing_mask].astype(str).str.strip()
    out = np.full(len(series), np.datetime64("NaT"), dtype="datetime64[m]")
    if len(text):
        has_offset = text.str.contains(_OFFSET)
        parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
        local = text[~has_offset]
        if len(local):
            parsed[local.index] = _parse_local(local)
        aware = text[has_offset]
        if len(aware):
            inst = pd.to_datetime(aware, errors="coerce", utc=True)
            parsed[aware.index] = _utc_to_local(inst.dt.tz_localize(None), timezone or "UTC")
        out[text.index.to_numpy()] = parsed.to_numpy().astype("datetime64[m]")
    return out, missing_mask.to_numpy()


def _parse_local(text: pd.Series) -> np.ndarray:
    sample = text.str.extract(_NUMERIC_DATE)
    if sample[0].notna().any():
        first = pd.to_numeric(sample[0], errors="coerce")
        second = pd.to_numeric(sample[2], errors="coerce")
        if (first > 12).any():
            dayfirst = True
        elif (second > 12).any():
            dayfirst = False
        else:
            dayfirst = (sample[1].dropna() != "/").any()
        return _parse_numeric(text, sample[1], dayfirst)
    return pd.to_datetime(text, errors="coerce", **_ISO).to_numpy()


# The times that may follow a numeric date, tried in this order.
_TIMES = ("", " %H:%M", " %H:%M:%S", " %I:%M %p", " %I:%M:%S %p", " %H:%M:%S.%f")


def _parse_numeric(text: pd.Series, separators: pd.Series, dayfirst: bool) -> np.ndarray:
    """Day-month-year (or month-day-year) dates with or without a time, through explicit formats, which pandas
    1.5 and 2 read alike: an inferred format follows the first value, and pandas 1.5 then reads every PM time
    as AM when that value is AM ('1/8/2024 9:15 AM' before '1/13/2024 10:00 PM'), while pandas 2 turns any
    value in another form (seconds where the first has none) into NaT. Values no format fits are parsed one
    by one."""
    parsed = pd.Series(pd.NaT, index=text.index, dtype="datetime64[ns]")
    date = "%d{0}%m{0}%Y" if dayfirst else "%m{0}%d{0}%Y"
    for sep in separators.dropna().unique():
        formats = [date.format(sep) + clock for clock in _TIMES]
        first = text[separators == sep].iloc[:1]
        formats.sort(key=lambda f: pd.isna(pd.to_datetime(first, format=f, errors="coerce")).all())  # its form first
        for fmt in formats:
            todo = parsed.isna() & (separators == sep)
            if not todo.any():
                break
            parsed[todo] = pd.to_datetime(text[todo], format=fmt, errors="coerce")
    rest = parsed.isna()
    if rest.any():
        parsed[rest] = pd.to_datetime(text[rest], errors="coerce", dayfirst=dayfirst, **_MIXED)
    return parsed.to_numpy()


# ISO text: pandas 1.x needs the hint to avoid parsing element by element; pandas 2 names the format. Other
# text, value by value: pandas 2 says "mixed" (otherwise it follows the first value's form, with a warning).
_PANDAS2 = int(pd.__version__.split(".")[0]) >= 2
_ISO: dict = {"format": "ISO8601"} if _PANDAS2 else {"infer_datetime_format": True}
_MIXED: dict = {"format": "mixed"} if _PANDAS2 else {}


def _utc_to_local(utc_naive: pd.Series, timezone: str) -> np.ndarray:
    try:
        local = pd.DatetimeIndex(utc_naive).tz_localize("UTC").tz_convert(timezone).tz_localize(None)
    except Exception as exc:  # pytz/zoneinfo raise different types for unknown names
        raise InputError("Unknown time zone {!r}; use an IANA name such as 'Europe/Amsterdam'.", timezone) from exc
    return local.to_numpy().astype("datetime64[m]")


def parse_bound(text: str | None, name: str) -> np.datetime64 | None:
    """A START/END parameter ('2019-01-01' or '2019-01-01 08:00'); None when empty."""
    if text is None or str(text).strip() == "":
        return None
    parsed = parse_datetimes(np.array([str(text).strip()], dtype=object))
    if parsed.n_unparseable or np.isnat(parsed.times[0]):
        raise InputError("{}: '{}' is not a date; write it as YYYY-MM-DD or YYYY-MM-DD HH:MM.", name, text)
    return parsed.times[0]


def period_bounds(start_text, end_text, label: str = "") -> tuple[np.datetime64 | None, np.datetime64 | None]:
    """The period [start, end) a START/END pair means: a date-only end includes that whole day.

    None for an empty bound; raises InputError when the end is not after the start.
    """
    start = parse_bound(start_text, f"{label}START")
    end = parse_bound(end_text, f"{label}END")
    if end is not None and len(str(end_text).strip()) <= 10:
        end = end + np.timedelta64(1, "D")
    if start is not None and end is not None and end <= start:
        raise InputError("The period end ({}) is not after its start ({}).", end_text, start_text)
    return start, end


def period_mask(times: np.ndarray, start_text, end_text, label: str = "") -> np.ndarray:
    """Incidents with a valid time in [start, end) (a date-only end includes that whole day)."""
    return in_period(times, *period_bounds(start_text, end_text, label))


def period_selection(parsed: ParsedTimes, start_text, end_text, field: str) -> np.ndarray:
    """The incidents with a usable time in [START, END) (all with a time when both are empty); refuses a
    period without incidents (InputError naming the period and ``field``)."""
    mask = period_mask(parsed.times, start_text, end_text) if (start_text or end_text) else parsed.valid
    if not mask.any():
        raise InputError("The layer has no incidents between {} and {} in '{}'.",
                         start_text or tr("the start"), end_text or tr("the end"), field)
    return mask
