"""CRS and units: the one place that decides the metric working CRS and moves coordinates into it.

Every distance or cell size a user enters is in metres. A layer in a metric projected CRS is
worked in its own CRS; a layer in degrees or feet is worked in the UTM zone of its data's centre
(WGS 84 / UTM, EPSG:326xx north, 327xx south). Vector outputs go back to the input's CRS when it is
projected (a Chicago layer in State Plane feet gives State Plane feet), to the working CRS when the
input is in degrees, or to the CRS the user chose (:func:`output_crs`, :func:`transform_wkb`).
Coordinates are transformed with pyproj on whole arrays (the same PROJ library QGIS uses), so
reading a million points costs milliseconds.
"""
from __future__ import annotations

import math
from functools import lru_cache

import numpy as np
from pyproj import CRS, Transformer
from qgis.core import QgsCoordinateReferenceSystem, QgsUnitTypes

from ..analysis.errors import InputError
from ..compat import CRS_WKT_PREFERRED, DISTANCE_METERS
from .wkb import map_xy


def is_metric(crs: QgsCoordinateReferenceSystem) -> bool:
    """True for a valid projected CRS whose map unit is a true metre on the ground.

    Mercator projections (Web Mercator EPSG:3857 above all) have metre units but a scale that grows
    with latitude (1.56x at 50 degrees), so they are worked in UTM like degrees and feet.
    """
    if not crs.isValid() or crs.isGeographic() or crs.mapUnits() != DISTANCE_METERS:
        return False
    return crs.projectionAcronym().lower() not in ("merc", "webmerc")


def to_pyproj(crs: QgsCoordinateReferenceSystem) -> CRS:
    """The pyproj CRS equal to a QGIS CRS (by authority id when it has one)."""
    if not crs.isValid():
        raise InputError("The layer has no valid coordinate reference system; set its CRS in the layer properties.")
    return _crs_from(crs.toWkt(CRS_WKT_PREFERRED), crs.authid())


def _crs_from(wkt: str, auth: str) -> CRS:
    if auth and ":" in auth and not auth.upper().startswith("USER"):
        return CRS.from_user_input(auth)
    return CRS.from_wkt(wkt)


def utm_crs_for(lon: float, lat: float) -> QgsCoordinateReferenceSystem:
    """WGS 84 / UTM zone containing (lon, lat)."""
    zone = math.floor((lon + 180.0) / 6.0) % 60 + 1
    code = (32600 if lat >= 0 else 32700) + zone
    return QgsCoordinateReferenceSystem(f"EPSG:{code}")


def choose_working_crs(crs: QgsCoordinateReferenceSystem, x: np.ndarray, y: np.ndarray) -> QgsCoordinateReferenceSystem:
    """The layer's CRS if metric, else the UTM zone of the data's centre."""
    if is_metric(crs):
        return crs
    if x.size == 0:
        raise InputError("Cannot choose a metric CRS for an empty layer.")
    to_wgs = Transformer.from_crs(to_pyproj(crs), CRS.from_epsg(4326), always_xy=True)
    lon, lat = to_wgs.transform(float(np.nanmedian(x)), float(np.nanmedian(y)))
    if not (math.isfinite(lon) and math.isfinite(lat)):
        raise InputError("The layer's coordinates cannot be placed on the globe; check the layer's CRS.")
    return utm_crs_for(lon, lat)


def transform_xy(
    x: np.ndarray, y: np.ndarray, src: QgsCoordinateReferenceSystem, dst: QgsCoordinateReferenceSystem
) -> tuple[np.ndarray, np.ndarray]:
    """Transform coordinate arrays from ``src`` to ``dst`` (identity when they are the same CRS)."""
    if src == dst or x.size == 0:
        return np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    if not (src.isValid() and dst.isValid()):
        raise InputError("The layer has no valid coordinate reference system; set its CRS in the layer properties.")
    t = _transformer(src.toWkt(CRS_WKT_PREFERRED), src.authid(),
                     dst.toWkt(CRS_WKT_PREFERRED), dst.authid())
    tx, ty = t.transform(np.asarray(x, dtype=float), np.asarray(y, dtype=float))
    return np.asarray(tx, dtype=float), np.asarray(ty, dtype=float)


@lru_cache(maxsize=32)
def _transformer(src_wkt: str, src_auth: str, dst_wkt: str, dst_auth: str) -> Transformer:
    return Transformer.from_crs(_crs_from(src_wkt, src_auth), _crs_from(dst_wkt, dst_auth), always_xy=True)


def describe(crs: QgsCoordinateReferenceSystem) -> str:
    """'EPSG:32616 - WGS 84 / UTM zone 16N (metres)' for log messages."""
    unit = QgsUnitTypes.toString(crs.mapUnits())
    return f"{crs.authid()} - {crs.description()} ({unit})"


def output_crs(chosen: QgsCoordinateReferenceSystem | None, input_crs: QgsCoordinateReferenceSystem | None,
               working: QgsCoordinateReferenceSystem) -> QgsCoordinateReferenceSystem:
    """The CRS outputs are written in: ``chosen`` when valid (OUTPUT_CRS), else the input layer's CRS when it is
    projected (EPSG:3435 stays EPSG:3435, in feet, as the analyst's other layers), else (degrees, no CRS) the
    metric working CRS."""
    if chosen is not None and chosen.isValid():
        return chosen
    if input_crs is not None and input_crs.isValid() and not input_crs.isGeographic():
        return input_crs
    return working


def transform_wkb(wkb: list[bytes], src: QgsCoordinateReferenceSystem, dst: QgsCoordinateReferenceSystem
                  ) -> list[bytes]:
    """WKB geometries moved from ``src`` to ``dst`` (the same list when the CRSs are equal)."""
    if src == dst or not wkb:
        return wkb
    return map_xy(wkb, lambda xy: np.column_stack(transform_xy(xy[:, 0], xy[:, 1], src, dst)))
