"""Guessing which field of a layer holds the time, the category, a name or the population, and which
polygon layer holds the areas.

The one place for these guesses: the Compass dock's choosers, the Processing dialogs' preselected
time field and ``make demo`` use them; the user can always pick another field or layer.
Names are compared case-insensitively, in the order given (most specific first).
"""
from __future__ import annotations

import re

from qgis.core import QgsFields, QgsProcessingParameterDefinition

from ..compat import DATE_FIELD_TYPES, FIELD_TYPE_STRING

TIME_NAMES = ("occurred", "datetime", "date_time", "date", "time", "from", "start", "pleegdatum", "datum")
CATEGORY_NAMES = ("category", "primary_type", "offense_type", "offence", "offense", "crime_type", "type", "soort",
                  "categorie")
NAME_NAMES = ("name", "naam", "community", "neighbourhood", "neighborhood", "buurtnaam", "wijknaam", "gemeentenaam",
              "area_name", "zone", "label")
POPULATION_NAMES = ("population", "pop", "residents", "inwoners", "aantal_inwoners", "aant_inw", "bevolking",
                    "pop_total", "total_pop")

# Words in a layer name that say it holds areas to compare, and words that say it does not (buildings, plots).
AREA_LAYER_WORDS = ("neighbourhood", "neighborhood", "wijk", "buurt", "district", "area", "zone", "community",
                    "precinct", "beat", "ward", "quarter", "kwartier", "stadsdeel", "gemeente", "municipality",
                    "borough", "tract", "block group", "lsoa", "region", "sector")
NOT_AREA_LAYER_WORDS = ("building", "gebouw", "pand", "panden", "footprint", "parcel", "perceel", "plot",
                        "grid", "hexagon", "cell", "buffer")


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


def preselect_time_field(param: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """Let a Processing dialog preselect the usual time field (``TIME_NAMES[0]``, 'occurred': the demo town's,
    Chicago's export's and this plugin's own name) instead of the layer's first field (often ``fid``).

    QGIS's field widget preselects a single default name, and leaves the choice empty for a layer without it;
    it is a GUI-only default, so scripts and models that leave the field out keep getting no field.
    """
    param.setGuiDefaultValueOverride(TIME_NAMES[0])
    return param


def area_layer_score(name: str) -> int:
    """How much a polygon layer's name looks like areas to compare: 2 for area words (neighbourhoods, wijken,
    community areas ...), 0 for buildings, plots or grid cells, 1 for anything else."""
    words = re.sub(r"[^a-z ]+", " ", name.lower())
    if any(w in words for w in NOT_AREA_LAYER_WORDS):
        return 0
    if any(w in words for w in AREA_LAYER_WORDS):
        return 2
    return 1


def best_area_layer(layers):
    """The layer, of ``layers``, whose name looks most like areas (the first of equals), or None."""
    best, best_score = None, -1
    for layer in layers:
        score = area_layer_score(layer.name())
        if score > best_score:
            best, best_score = layer, score
    return best
