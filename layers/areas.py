"""Areas that incidents are counted in: a polygon layer (neighbourhoods, beats, community areas) read once.

The one place where incidents meet areas: the zone units of the crime-map algorithms
(``processing/units.py``: aggregation, period change, hot times, emerging hot spots) and the Compass
dock read their area layer with :func:`read_areas` and give each incident its area with
:meth:`Areas.assign`, so an incident on a boundary falls in the same area in a map and in the dock.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem, QgsProcessingFeatureSource, QgsVectorLayer

from ..analysis.geometry import assign_points_to_polygons, polygon_area
from .read import PolygonTable, read_polygons


@dataclass(frozen=True)
class Areas:
    """The polygons of an area layer in the working CRS, in layer order (the order of the area indices)."""

    polygons: PolygonTable
    rings: list[list[np.ndarray]]  # per area, all rings of all parts (even-odd)
    area_m2: np.ndarray  # per area, holes subtracted (working CRS units: metres)

    @property
    def n(self) -> int:
        return len(self.rings)

    def assign(self, x: np.ndarray, y: np.ndarray) -> np.ndarray:
        """Index of the area holding each incident at (x, y) in the working CRS, -1 outside every area.

        :func:`analysis.geometry.assign_points_to_polygons`: the even-odd, half-open crossing test, so
        an incident on an edge shared by two areas is counted in exactly one of them, and where areas
        overlap the first in layer order takes it.
        """
        return assign_points_to_polygons(x, y, self.rings)


def read_areas(
    source: QgsProcessingFeatureSource | QgsVectorLayer,
    fields: list[str] | tuple[str, ...] = (),
    *,
    working_crs: QgsCoordinateReferenceSystem,
    feedback=None,
    layer: QgsVectorLayer | None = None,
) -> Areas:
    """Read the areas of ``source`` with ``fields`` in ``working_crs`` (:func:`.read.read_polygons`: Arrow
    when ``layer`` is the whole layer, repairs reported to ``feedback``). No areas is not refused here:
    the caller says which layer is empty."""
    polygons = read_polygons(source, fields, working_crs=working_crs, feedback=feedback, layer=layer)
    rings = polygons.rings
    return Areas(polygons, rings, np.array([polygon_area(r) for r in rings], dtype=float))
