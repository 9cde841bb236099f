"""Guessing which field of a layer holds the time, the category, a name or the population.

Used to pre-fill field choosers (the Compass dock); the user can always pick another field.
Names are compared case-insensitively, in the order given (most specific first).
"""
from __future__ import annotations

from qgis.core import QgsFields

from ..compat import DATE_FIELD_TYPES, FIELD_TYPE_STRING

TIME_NAMES = ("occurred", "datetime", "date_time", "date", "time", "from", "start", "pleegdatum", "datum")
CATEGORY_NAMES = ("category", "primary_type", "offense_type", "offence", "offense", "crime_type", "type", "soort",
                  "categorie")
NAME_NAMES = ("name", "naam", "community", "neighbourhood", "neighborhood", "buurtnaam", "wijknaam", "gemeentenaam",
              "area_name", "zone", "label")
POPULATION_NAMES = ("population", "pop", "residents", "inwoners", "aantal_inwoners", "aant_inw", "bevolking",
                    "pop_total", "total_pop")


def _by_name(fields: QgsFields, names: tuple[str, ...], numeric: bool | None = None) -> str | None:
    lower = {f.name().lower(): f for f in fields}
    for name in names:
        field = lower.get(name)
        if field is not None and (numeric is None or field.isNumeric() == numeric):
            return field.name()
    return None


def guess_time_field(fields: QgsFields) -> str | None:
    """The first date/time field, else a field with a usual time name."""
    for field in fields:
        if field.type() in DATE_FIELD_TYPES:
            return field.name()
    return _by_name(fields, TIME_NAMES)


def guess_category_field(fields: QgsFields) -> str | None:
    """A text field with a usual category name (primary_type, category, ...)."""
    return _by_name(fields, CATEGORY_NAMES, numeric=False)


def guess_name_field(fields: QgsFields) -> str | None:
    """A text field naming the areas, else the first text field."""
    found = _by_name(fields, NAME_NAMES, numeric=False)
    if found:
        return found
    return next((f.name() for f in fields if f.type() == FIELD_TYPE_STRING), None)


def guess_population_field(fields: QgsFields) -> str | None:
    """A numeric field with a usual population name."""
    return _by_name(fields, POPULATION_NAMES, numeric=True)
