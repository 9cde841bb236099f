"""Areas that incidents are counted in: a polygon layer (neighbourhoods, beats, community areas) read once.

The one place where incidents meet areas: the zone units of the crime-map algorithms
(``processing/spatial_units.py``: aggregation, period change, hot times, emerging hot spots) and the Compass
dock read their area layer with :func:`read_areas` and give each incident its area with
:meth:`Areas.assign`, so an incident on a boundary falls in the same area in a map and in the dock.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingFeatureSource, QgsVectorLayer

from ..analysis.errors import InputError
from ..analysis.geometry.polygons import assign_points_to_polygons, polygon_area
from .read import PolygonTable, read_polygons


@dataclass(frozen=True)
class Areas:
    """The polygons of an area layer in the working CRS, in layer order (the order of the area indices)."""

    polygons: PolygonTable
    rings: list[list[np.ndarray]]  # per area, all rings of all parts (even-odd)
    area_m2: np.ndarray  # per area, holes subtracted (working CRS units: metres)
    population: np.ndarray | None = None  # residents per area (NaN where missing), when a field was named

    @property
    def n(self) -> int:
        return len(self.rings)

    def assign(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Index of the area holding each incident at (x, y) in the working CRS, -1 outside every area.

        :func:`analysis.geometry.polygons.assign_points_to_polygons`: the even-odd, half-open crossing test, so
        an incident on an edge shared by two areas is counted in exactly one of them, and where areas
        overlap the first in layer order takes it.
        """
        return assign_points_to_polygons(x, y, self.rings)


def read_areas(
    source: QgsProcessingFeatureSource | QgsVectorLayer,
    fields: list[str] | tuple[str, ...] = (),
    *,
    working_crs: QgsCoordinateReferenceSystem,
    population_field: str = "",
    feedback=None,
    layer: QgsVectorLayer | None = None,
) -> Areas:
    """Read the areas of ``source`` with ``fields`` (and the residents in ``population_field``, checked by
    :func:`residents`) in ``working_crs`` (:func:`.read.read_polygons`: Arrow when ``layer`` is the whole
    layer, repairs reported to ``feedback``). No areas is not refused here: the caller says which layer
    is empty."""
    names = list(dict.fromkeys([*fields, *([population_field] if population_field else [])]))
    polygons = read_polygons(source, names, working_crs=working_crs, feedback=feedback, layer=layer)
    rings = polygons.rings
    population = (residents(polygons.attributes[population_field], population_field, polygons.fid)
                  if population_field else None)
    return Areas(polygons, rings, np.array([polygon_area(r) for r in rings], dtype=float), population)


def residents(raw: np.ndarray, field: str, fid: np.ndarray) -> np.ndarray:
    """Population values as numbers (NaN where missing); text or a negative count is refused, naming the
    field and a feature, rather than giving rates that mean nothing."""
    try:
        values = np.asarray(raw, dtype=float)
    except (TypeError, ValueError):
        bad = next(i for i, v in enumerate(raw) if not _is_number(v))
        raise InputError("The population field '{}' holds text ('{}' in feature {}); choose a field with numbers of "
                         "residents.", field, raw[bad], int(fid[bad])) from None
    negative = np.flatnonzero(values < 0)
    if negative.size:
        i = negative[0]
        raise InputError("The population field '{}' has {:,} negative value(s), e.g. {:g} in feature {}; residents "
                         "must be zero or more.", field, negative.size, values[i], int(fid[i]))
    return values


def _is_number(value) -> bool:
    try:
        float(value)
    except (TypeError, ValueError):
        return False
    return True
