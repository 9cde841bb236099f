"""GDAL, OGR and OSR calls that behave the same whether the Python bindings raise exceptions or not.

QGIS 3.22 leaves the bindings' exceptions off: a failing call returns None or an error code (and prints
"ERROR n: ..."). QGIS 3.40 and 3.44 turn them on for the whole process when Processing starts
(``gdal/ogr/osr.UseExceptions()``): the same call raises RuntimeError ("OGR Error: Corrupt data" for a
layer without CRS, "sqlite3_open(...) failed" for a missing folder). The plugin's GDAL calls go through
this module, which gives one behaviour in both modes:

- opening (:func:`open_vector`, :func:`open_raster`) and spatial references (:func:`srs_from_wkt`) give
  None when they fail: the callers have another way (QGIS reads the layer, the output gets no CRS);
- writing happens inside :func:`errors_as`, with every None or error code passed to :func:`require`: a
  failure raises :class:`GdalWriteError` (an InputError) with the caller's message, which the algorithms
  show as a Processing error.

The exception setting itself is never changed: it is process-wide, Processing runs algorithms in worker
threads, and GDAL < 3.7 keeps a stack of error handlers that must be unwound in order.
"""
from __future__ import annotations

from contextlib import contextmanager

from ..analysis.errors import InputError


def _quiet(function, *args):
    """``function(*args)``, or None when it raises (the bindings with exceptions on)."""
    try:
        return function(*args)
    except RuntimeError:
        return None


def open_vector(path: str, update: bool = False):
    """The OGR data source at ``path`` (for update if asked), or None when it cannot be opened."""
    from osgeo import ogr

    return _quiet(ogr.Open, path, 1 if update else 0)


def open_raster(path: str, update: bool = False):
    """The GDAL raster dataset at ``path`` (for update if asked), or None when it cannot be opened."""
    from osgeo import gdal

    return _quiet(gdal.Open, path, gdal.GA_Update if update else gdal.GA_ReadOnly)


def srs_from_wkt(wkt: str):
    """An OSR spatial reference with x/y in GIS order (easting, northing), or None for an empty or unreadable
    WKT: a layer without CRS (QGIS gives an empty WKT) has outputs without CRS, as QGIS writes them."""
    from osgeo import ogr, osr

    if not wkt:
        return None
    srs = osr.SpatialReference()
    if _quiet(srs.ImportFromWkt, wkt) != ogr.OGRERR_NONE:
        return None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def srs_from_user_input(text: str):
    """:func:`srs_from_wkt` for anything OSR's ``SetFromUserInput`` reads (``EPSG:28992``, WKT, PROJ)."""
    from osgeo import ogr, osr

    srs = osr.SpatialReference()
    if not text or _quiet(srs.SetFromUserInput, text) != ogr.OGRERR_NONE:
        return None
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


def arrow_batches(layer, options: list[str]) -> list[dict] | None:
    """Every record batch of ``layer.GetArrowStreamAsNumPy(options)``, or None when the stream fails.

    With exceptions off, GDAL's Python code raises a bare ``Exception("GetArrowStream() failed")`` when the
    stream cannot start and ends the iteration early, without error, when a batch cannot be converted; with
    exceptions on, both raise RuntimeError. The caller compares the row count with the layer's.
    """
    if not hasattr(layer, "GetArrowStreamAsNumPy"):  # GDAL < 3.6
        return None
    try:
        return list(layer.GetArrowStreamAsNumPy(options=options))
    except Exception:  # noqa: BLE001 - see above: the bindings raise a bare Exception here
        return None


class GdalWriteError(InputError):
    """A GDAL call failed while writing. ``template`` is the English message with ``{}`` placeholders (marked
    with ``N_`` where it is written, so it is translated), ``values`` fill them; an InputError, so algorithms
    show it, translated, as a Processing error (processing.base.input_message)."""


@contextmanager
def errors_as(template: str, *values: object):
    """Inside the block, a GDAL exception (bindings with exceptions on) raises ``GdalWriteError(template, *values)``.

    Use :func:`require` on every result that signals failure by None or an error code (exceptions off),
    with the same message, so both modes end in the same error.
    """
    try:
        yield
    except RuntimeError as exc:
        raise GdalWriteError(template, *values) from exc


def require(result, template: str, *values: object):
    """``result`` unless it says a GDAL call failed (None, or a non-zero OGR/CPL error code): then
    ``GdalWriteError(template, *values)``."""
    if result is None or (type(result) is int and result != 0):
        raise GdalWriteError(template, *values)
    return result
