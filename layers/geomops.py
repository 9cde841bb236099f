"""Polygon overlay (union, intersection, difference) through QGIS's geometry engine (GEOS).

``analysis/`` computes exact polygons as numpy rings (isovists, camera coverage) but has no
polygon overlay; the checks that need one (coverage shares, blind spots, public space overlooked
by nobody) do it here, with ``QgsGeometry``, so the answer is exact up to GEOS's precision.
"""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from qgis.core import QgsGeometry

from ..compat import GEOMETRY_LINE, GEOMETRY_POLYGON
from .wkb import line_parts, polygon_parts, polygon_wkb


def polygon_geometry(rings: Sequence[np.ndarray]) -> QgsGeometry:
    """A polygon from rings (exterior first), made valid if needed."""
    geom = QgsGeometry()
    geom.fromWkb(polygon_wkb([np.asarray(r, dtype=float) for r in rings]))
    return _valid(geom)


def line_geometry(line: np.ndarray) -> QgsGeometry:
    """A line string from a ``(k, 2)`` array."""
    from .write import line_wkb

    geom = QgsGeometry()
    geom.fromWkb(line_wkb(np.asarray(line, dtype=float)))
    return geom


def _valid(geom: QgsGeometry) -> QgsGeometry:
    if geom.isNull() or geom.isGeosValid():
        return geom
    fixed = geom.makeValid()
    return fixed.convertToType(GEOMETRY_POLYGON, True) or QgsGeometry()


def union(geometries: Sequence[QgsGeometry]) -> QgsGeometry:
    """Union of polygons (cascaded, by GEOS); an empty geometry for none."""
    parts = [g for g in geometries if g is not None and not g.isNull() and not g.isEmpty()]
    if not parts:
        return QgsGeometry()
    return _valid(QgsGeometry.unaryUnion(parts))


def difference(geom: QgsGeometry, minus: QgsGeometry) -> QgsGeometry:
    """``geom`` minus ``minus`` (``geom`` itself when ``minus`` is empty)."""
    if geom.isNull() or geom.isEmpty() or minus.isNull() or minus.isEmpty():
        return geom
    return geom.difference(minus)


def intersection(geom: QgsGeometry, other: QgsGeometry) -> QgsGeometry:
    """``geom`` intersected with ``other`` (empty when either is empty)."""
    if geom.isNull() or geom.isEmpty() or other.isNull() or other.isEmpty():
        return QgsGeometry()
    return geom.intersection(other)


def measure(geom: QgsGeometry, areal: bool) -> float:
    """Area (``areal``) or length of a geometry's polygon or line parts; 0 for empty (planar, map units).

    Parts of the other kind in a collection (a line meeting a polygon only at a point, say) count 0.
    """
    if geom is None or geom.isNull() or geom.isEmpty():
        return 0.0
    kind = GEOMETRY_POLYGON if areal else GEOMETRY_LINE
    if geom.type() != kind:
        parts = [g for g in geom.asGeometryCollection() if g.type() == kind]
        return float(sum(g.area() if areal else g.length() for g in parts))
    return float(geom.area() if areal else geom.length())


def polygon_part_rings(geom: QgsGeometry) -> list[list[np.ndarray]]:
    """The polygon parts of a geometry (polygon, multipolygon or collection) as ring lists."""
    if geom is None or geom.isNull() or geom.isEmpty():
        return []
    polys = geom.convertToType(GEOMETRY_POLYGON, True)
    if polys is None or polys.isNull() or polys.isEmpty():
        return []
    return polygon_parts(bytes(polys.asWkb()))


def line_part_arrays(geom: QgsGeometry) -> list[np.ndarray]:
    """The line parts of a geometry (line, multiline or collection) as ``(k, 2)`` arrays."""
    if geom is None or geom.isNull() or geom.isEmpty():
        return []
    lines = geom.convertToType(GEOMETRY_LINE, True)
    if lines is None or lines.isNull() or lines.isEmpty():
        return []
    return line_parts(bytes(lines.asWkb()))
