"""Writing outputs: tables and polygons from pandas frames to Processing sinks, plus provenance.

Algorithms compute everything first and create the sink only to write the finished result, so a
failure or a cancel never leaves a half-written file. GeoPackage outputs get their style as the
default style and a provenance record (algorithm, parameters, version, inputs, time) in the
GeoPackage metadata. Rasters are written as GeoTIFF by :func:`write_geotiff` (the one place that
writes rasters); their style goes into a ``.qml`` file beside them (QGIS loads it as the default
style) and the provenance record into the GeoTIFF metadata.
"""
from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import numpy as np
import pandas as pd
from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsVectorLayer,
)

from ..analysis.errors import Cancelled, InputError
from ..compat import (
    FIELD_TYPE_DOUBLE,
    FIELD_TYPE_INT64,
    FIELD_TYPE_STRING,
    SINK_FAST_INSERT,
    WKB_NO_GEOMETRY,
    WKB_POLYGON,
    enum_int,
    make_field,
    save_style_to_database,
)
from ..i18n import N_
from . import crs as crs_mod
from . import gdal_calls, rtree
from .gc_pause import no_collection_pauses
from .style import StylePostProcessor, apply_style
from .wkb import wkb_bounds

PLUGIN_ROOT = Path(__file__).resolve().parents[1]


def plugin_version() -> str:
    """The version in metadata.txt."""
    for line in (PLUGIN_ROOT / "metadata.txt").read_text(encoding="utf-8").splitlines():
        if line.startswith("version="):
            return line.split("=", 1)[1].strip()
    return "unknown"


def fields_for(frame: pd.DataFrame) -> QgsFields:
    """QgsFields matching a frame's columns (integers, reals, text)."""
    fields = QgsFields()
    for name, dtype in frame.dtypes.items():
        if pd.api.types.is_bool_dtype(dtype) or pd.api.types.is_integer_dtype(dtype):
            fields.append(make_field(str(name), FIELD_TYPE_INT64))
        elif pd.api.types.is_float_dtype(dtype):
            fields.append(make_field(str(name), FIELD_TYPE_DOUBLE))
        else:
            fields.append(make_field(str(name), FIELD_TYPE_STRING))
    return fields


def _python_columns(frame: pd.DataFrame) -> list[list]:
    """Each column as a list of plain Python values, NaN/inf/None as None (NULL)."""
    columns = []
    for name in frame.columns:
        col = frame[name]
        if pd.api.types.is_float_dtype(col.dtype):
            values = col.to_numpy(dtype=float)
            column = values.tolist()
            for i in np.flatnonzero(~np.isfinite(values)).tolist():
                column[i] = None
        elif pd.api.types.is_integer_dtype(col.dtype) or pd.api.types.is_bool_dtype(col.dtype):
            column = col.to_numpy().astype(np.int64).tolist()
        else:
            column = [None if v is None or (isinstance(v, float) and np.isnan(v)) else str(v) for v in col]
        columns.append(column)
    return columns


def _python_rows(frame: pd.DataFrame) -> list[list]:
    """Rows of plain Python values with NaN/None as NULL."""
    if len(frame.columns) == 0:
        return [[] for _ in range(len(frame))]
    return [list(row) for row in zip(*_python_columns(frame))]


def _gpkg_rows(frame: pd.DataFrame, wkb: list[bytes], headers: tuple[bytes, bytes], nonempty: np.ndarray,
               chunk: int = 100_000, on_chunk=None):
    """(fid, GeoPackage blob, values...) per row, converted a chunk of rows at a time (a grid of millions of
    cells is not held twice as Python objects); ``on_chunk(share done)`` before each chunk (progress, cancel)."""
    for lo in range(0, len(wkb), chunk):
        hi = min(len(wkb), lo + chunk)
        if on_chunk is not None:
            on_chunk(lo / len(wkb))
        blobs = (headers[ok] + g for ok, g in zip(nonempty[lo:hi].tolist(), wkb[lo:hi]))
        yield from zip(range(lo + 1, hi + 1), blobs, *_python_columns(frame.iloc[lo:hi]))


def write_frame(
    alg,
    parameters: dict,
    name: str,
    context,
    frame: pd.DataFrame,
    crs,
    wkb: list[bytes] | None = None,
    wkb_type=WKB_POLYGON,
    feedback=None,
    progress_range: tuple[float, float] = (0.0, 100.0),
) -> str:
    """Write ``frame`` (and one WKB geometry per row, or none for a table) to the sink ``name``.

    ``crs`` is the CRS of ``wkb`` (the working CRS); the geometries are written in the algorithm's output CRS
    (``alg.output_crs``: OUTPUT_CRS, else the input's projected CRS, else the working CRS), reprojected when
    it differs. Progress is reported within ``progress_range`` (writing is usually the last phase).
    """
    if wkb is not None and hasattr(alg, "output_crs"):
        target = alg.output_crs(parameters, context, crs)
        wkb, crs = crs_mod.transform_wkb(wkb, crs, target), target
    fields = fields_for(frame)
    geometry_type = WKB_NO_GEOMETRY if wkb is None else wkb_type
    if wkb is None:
        _refuse_table_as_shapefile(alg, parameters, name, context)
    path = _plain_geopackage(alg, parameters, name, context)
    if path is not None and wkb is not None:
        return _write_geopackage_bulk(path, frame, wkb, geometry_type, crs, _progress(feedback, progress_range))
    sink, dest_id = alg.parameterAsSink(parameters, name, context, fields, geometry_type, crs)
    if sink is None:
        raise QgsProcessingException(alg.invalidSinkError(parameters, name))
    rows = _python_rows(frame)
    total = max(1, len(rows))
    features = []
    for i, row in enumerate(rows):
        feat = QgsFeature(fields)
        feat.setAttributes(row)
        if wkb is not None:
            geom = QgsGeometry()
            geom.fromWkb(wkb[i])
            feat.setGeometry(geom)
        features.append(feat)
        if len(features) >= 5000:
            sink.addFeatures(features, SINK_FAST_INSERT)
            features = []
            if feedback is not None:
                lo, hi = progress_range
                feedback.setProgress(lo + (hi - lo) * (i + 1) / total)
    if features:
        sink.addFeatures(features, SINK_FAST_INSERT)
    del sink  # closes the file before the post-processing step reads it
    return dest_id


def _refuse_table_as_shapefile(alg, parameters: dict, name: str, context) -> None:
    """A table written to '.shp' becomes a lone .dbf (OGR writes no .shp without geometry): the user would
    find no file under the name given, after a run reported as a success."""
    value = parameters.get(name)
    text = value.sink.staticValue() if hasattr(value, "sink") else value
    if isinstance(text, str) and text.lower().split("|")[0].endswith(".shp"):
        raise InputError("The output {} is a table without geometry, which a shapefile cannot hold; give a "
                         ".gpkg, .csv or .xlsx file name.", name)


def _plain_geopackage(alg, parameters: dict, name: str, context) -> str | None:
    """The file path when the output is a new, plain GeoPackage file (the common case), else None.

    ``parameterAsOutputLayer`` also registers the output for loading on completion, as the sink would.
    """
    value = parameters.get(name)
    text = value.sink.staticValue() if hasattr(value, "sink") else value
    if not isinstance(text, str) or not text.lower().endswith(".gpkg") or "|" in text or ":" in text[:8]:
        return None
    return alg.parameterAsOutputLayer(parameters, name, context)


def _progress(feedback, progress_range: tuple[float, float]):
    """A callback taking the share of rows written: moves the progress bar, raises Cancelled on cancel."""
    if feedback is None:
        return None
    lo, hi = progress_range

    def on_chunk(done: float) -> None:
        if feedback.isCanceled():
            raise Cancelled()
        feedback.setProgress(lo + (hi - lo) * done)

    return on_chunk


def _write_geopackage_bulk(path: str, frame: pd.DataFrame, wkb: list[bytes], geometry_type, crs,
                           on_chunk=None) -> str:
    """Write a layer into a new GeoPackage with one SQLite bulk insert (what the sink does row by row).

    OGR creates the file, the table, its CRS entry and the empty R-tree index with its triggers; the rows
    go in with ``executemany`` as GeoPackage geometry blobs (standard header without envelope + WKB). The
    bounds of every geometry come straight from its WKB (:func:`layers.wkb.wkb_bounds`) and the R-tree is
    bulk-loaded (:mod:`layers.rtree`) in the same transaction, the triggers being set aside meanwhile and
    restored as OGR wrote them; empty geometries stay out of the index, as OGR's triggers leave them. Written
    to a temporary file and renamed, so a failure or a cancel (``on_chunk`` raising) leaves nothing behind.
    """


    layer_name = Path(path).stem
    tmp = f"{path}.partial.gpkg"
    for stale in (tmp, path):
        if os.path.exists(stale):
            os.remove(stale)
    try:
        _fill_geopackage(tmp, layer_name, frame, wkb, geometry_type, crs, on_chunk)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    os.replace(tmp, path)
    return path


def _free_name(base: str, taken: set[str]) -> str:
    """``base``, or ``base_1``, ``base_2``... when a column of that name (in any case) exists."""
    name, k = base, 0
    while name.lower() in taken:
        k += 1
        name = f"{base}_{k}"
    return name


def _fill_geopackage(tmp: str, layer_name: str, frame: pd.DataFrame, wkb: list[bytes], geometry_type, crs,
                     on_chunk=None) -> None:
    """Create ``tmp`` with one layer and fill it (see :func:`_write_geopackage_bulk`)."""
    import sqlite3

    from osgeo import ogr

    bounds = wkb_bounds(wkb)
    nonempty = np.isfinite(bounds).all(axis=1)
    indexed = np.flatnonzero(nonempty)
    # The fid and geometry columns take names no attribute has (an input may well have a field "geom").
    taken = {str(c).lower() for c in frame.columns}
    fid_name, geom_name = _free_name("fid", taken), _free_name("geom", taken)
    srs = gdal_calls.srs_from_wkt(crs.toWkt(crs.WKT_PREFERRED))  # None for a layer without CRS
    ogr_type = enum_int(geometry_type)  # QGIS and OGR share the ISO WKB type codes
    cannot_create = (N_("Cannot create the GeoPackage {}; check that the folder exists and is writable."),
                     tmp.removesuffix(".partial.gpkg"))
    ds = lyr = None
    try:
        with gdal_calls.errors_as(*cannot_create):
            ds = gdal_calls.require(ogr.GetDriverByName("GPKG").CreateDataSource(tmp), *cannot_create)
            lyr = gdal_calls.require(ds.CreateLayer(layer_name, srs, ogr_type, [
                "SPATIAL_INDEX=YES", f"FID={fid_name}", f"GEOMETRY_NAME={geom_name}"]), *cannot_create)
        for field in fields_for(frame):
            kind = {FIELD_TYPE_INT64: ogr.OFTInteger64, FIELD_TYPE_DOUBLE: ogr.OFTReal}.get(field.type(),
                                                                                           ogr.OFTString)
            cannot_add = (N_("Cannot create the field '{}' in the output GeoPackage."), field.name())
            with gdal_calls.errors_as(*cannot_add):
                gdal_calls.require(lyr.CreateField(ogr.FieldDefn(field.name(), kind)), *cannot_add)
    finally:
        ds = lyr = None  # closed before SQLite opens the file (or a failed one is removed)
    table, q = layer_name, rtree.quote_identifier
    con = sqlite3.connect(tmp)
    try:
        # A temporary file renamed only on success: no journal or sync needed while filling it.
        con.execute("PRAGMA journal_mode = OFF")
        con.execute("PRAGMA synchronous = OFF")
        (srs_id,) = con.execute("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = ?", (table,)).fetchone()
        srs_bytes = int(srs_id).to_bytes(4, "little", signed=True)
        headers = (b"GP\x00\x11" + srs_bytes, b"GP\x00\x01" + srs_bytes)  # v0, little endian, no envelope; empty?
        columns = ", ".join(q(c) for c in [fid_name, geom_name, *frame.columns])
        marks = ", ".join("?" * (len(frame.columns) + 2))
        # OGR's triggers call its own SQL functions, unknown to Python's sqlite3: set them aside.
        triggers = con.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                               (table,)).fetchall()
        for name, _ in triggers:
            con.execute(f"DROP TRIGGER {q(name)}")
        # Only identifiers quoted by q() are formatted into the statement, values are bound (hence nosec B608).
        with no_collection_pauses():
            con.executemany(f"INSERT INTO {q(table)} ({columns}) VALUES ({marks})",  # nosec B608
                            _gpkg_rows(frame, wkb, headers, nonempty, on_chunk=on_chunk))
            rtree.bulk_load(con, f"rtree_{table}_{geom_name}", indexed + 1, bounds[indexed])
        if indexed.size:
            b = bounds[indexed]
            extent = [float(b[:, 0].min()), float(b[:, 1].min()), float(b[:, 2].max()), float(b[:, 3].max())]
            con.execute("UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ? WHERE table_name = ?",
                        (*extent, table))
        if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'").fetchone():
            # OGR's feature-count triggers were set aside with the others: store the count they would have kept.
            con.execute("UPDATE gpkg_ogr_contents SET feature_count = ? WHERE table_name = ?", (len(wkb), table))
        for _, sql in triggers:
            con.execute(sql)
        con.commit()
    except sqlite3.Error as exc:  # e.g. "database or disk is full": a message, not a traceback
        raise gdal_calls.GdalWriteError(
            N_("Writing the GeoPackage {} failed ({}); check the free space and that the folder is writable."),
            tmp.removesuffix(".partial.gpkg"), exc) from exc
    finally:
        con.close()


def provenance(alg, parameters: dict, context) -> dict:
    """A JSON-able record of how an output was made."""
    params = {}
    for key, value in parameters.items():
        if key.startswith("OUTPUT"):
            continue
        if hasattr(value, "source"):
            value = value.source() if callable(value.source) else str(value.source)
        params[key] = value if isinstance(value, (int, float, str, bool, type(None))) else str(value)
    return {
        "algorithm": f"besecure:{alg.name()}",
        "plugin_version": plugin_version(),
        "parameters": params,
        "created": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def register_styled_output(context, dest_id: str, spec: dict | None, display_name: str) -> None:
    """Name and style the output when QGIS Desktop loads it on completion."""
    if context.willLoadLayerOnCompletion(dest_id):
        details = context.layerToLoadOnCompletionDetails(dest_id)
        details.name = display_name
        if spec:
            details.setPostProcessor(StylePostProcessor.create(spec))


def finish_geopackage(dest_id: str, spec: dict | None, record: dict) -> None:
    """Save the default style and the provenance record inside a GeoPackage output (or beside a GeoTIFF)."""
    path, _, options = dest_id.partition("|")
    if path.lower().endswith((".tif", ".tiff")):
        _finish_geotiff(path, spec, record)
        return
    layer_name = options.split("layername=", 1)[1].split("|")[0] if "layername=" in options else None
    if not path.lower().endswith(".gpkg") or not os.path.isfile(path):
        return
    text = json.dumps(record, ensure_ascii=False)
    if spec:
        # Opening a QgsVectorLayer costs a quarter second in a GeoPackage of many layers: only to style.
        layer = QgsVectorLayer(dest_id, "output", "ogr")
        if not layer.isValid():
            return
        apply_style(layer, spec)
        save_style_to_database(layer, "default", "BESECURE default style", True)
    ds = gdal_calls.open_vector(path, update=True)
    if ds is not None:
        lyr = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
        if lyr is not None:
            lyr.SetMetadataItem("BESECURE_PROVENANCE", text)
        ds = None


def _finish_geotiff(path: str, spec: dict | None, record: dict) -> None:
    """Style file ``<name>.qml`` beside a GeoTIFF (QGIS's default style) and provenance in its metadata."""
    if not os.path.isfile(path):
        return
    from qgis.core import QgsRasterLayer

    ds = gdal_calls.open_raster(path, update=True)
    if ds is not None:
        ds.SetMetadataItem("BESECURE_PROVENANCE", json.dumps(record, ensure_ascii=False))
        ds = None
    if spec:
        layer = QgsRasterLayer(path, "output", "gdal")
        if layer.isValid():
            apply_style(layer, spec)
            layer.saveNamedStyle(str(Path(path).with_suffix(".qml")))


def write_geotiff(
    path: str,
    values: np.ndarray,
    xmin: float,
    ymax: float,
    cell: float,
    crs_wkt: str,
    nodata: float = -9999.0,
) -> str:
    """Write a single-band, north-up float32 GeoTIFF (DEFLATE compressed) atomically; returns the path.

    ``values[0, 0]`` is the north-west cell, whose top-left corner is ``(xmin, ymax)``; square cells
    of ``cell`` map units; NaN cells are written as ``nodata``. The file is written under a temporary
    name and renamed, so a failure never leaves a half-written raster.
    """
    from osgeo import gdal

    grid = np.asarray(values, dtype=float)
    if grid.ndim != 2 or grid.size == 0:
        raise ValueError(f"A raster needs a non-empty 2-D array of values, got shape {grid.shape}.")
    if not (np.isfinite(cell) and cell > 0):
        raise ValueError(f"The raster cell size must be > 0, got {cell}.")
    out = np.where(np.isfinite(grid), grid, nodata).astype(np.float32)
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    tmp = f"{path}.partial.tif"
    srs = gdal_calls.srs_from_wkt(crs_wkt)  # None: a raster without CRS, like its input
    cannot_write = (N_("Cannot write the raster file {}; check that the folder exists and is writable."), path)
    ds = band = None
    try:
        with gdal_calls.errors_as(*cannot_write):
            # Fast DEFLATE on all cores: a third of the default level's time for files a few per cent larger.
            ds = gdal_calls.require(gdal.GetDriverByName("GTiff").Create(
                tmp, out.shape[1], out.shape[0], 1, gdal.GDT_Float32,
                ["COMPRESS=DEFLATE", "PREDICTOR=3", "ZLEVEL=1", "NUM_THREADS=ALL_CPUS", "TILED=YES"]), *cannot_write)
            gdal_calls.require(ds.SetGeoTransform((float(xmin), float(cell), 0.0, float(ymax), 0.0, -float(cell))),
                               *cannot_write)
            if srs is not None:
                gdal_calls.require(ds.SetProjection(srs.ExportToWkt()), *cannot_write)
            band = ds.GetRasterBand(1)
            gdal_calls.require(band.SetNoDataValue(float(nodata)), *cannot_write)
            gdal_calls.require(band.WriteArray(out), *cannot_write)
            band = None
            ds.FlushCache()  # returns None before GDAL 3.7, an error code since
    except BaseException:
        ds = band = None
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    ds = None
    os.replace(tmp, path)
    return path


def write_geopackage_layers(path: str, layers: list[dict], crs_auth: str) -> None:
    """Write several layers into one new GeoPackage, atomically (temporary file, then rename).

    Each layer dict: ``name``, ``geometry`` ('Point', 'LineString', 'Polygon' or None), ``wkb``
    (list of bytes, one per row) and ``frame`` (attributes; datetime64 columns become DateTime).
    """
    from osgeo import ogr

    geometry_types = {"Point": ogr.wkbPoint, "LineString": ogr.wkbLineString, "Polygon": ogr.wkbPolygon,
                      None: ogr.wkbNone}
    srs = gdal_calls.srs_from_user_input(crs_auth)
    tmp = f"{path}.partial.gpkg"
    if os.path.exists(tmp):
        os.remove(tmp)
    cannot_write = (N_("Cannot write the GeoPackage {}; check that the folder exists and is writable."), path)
    ds = lyr = None
    try:
        with gdal_calls.errors_as(*cannot_write):
            ds = gdal_calls.require(ogr.GetDriverByName("GPKG").CreateDataSource(tmp), *cannot_write)
            for spec in layers:
                lyr = gdal_calls.require(ds.CreateLayer(
                    spec["name"], srs if spec["geometry"] else None, geometry_types[spec["geometry"]],
                    ["GEOMETRY_NAME=geom", "FID=fid"]), *cannot_write)
                _fill_ogr_layer(lyr, spec, cannot_write)
    except BaseException:
        ds = lyr = None
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    ds = lyr = None
    os.replace(tmp, path)


def _fill_ogr_layer(lyr, spec: dict, cannot_write: tuple) -> None:
    """Fields and rows of one layer of :func:`write_geopackage_layers`, in one transaction."""
    from osgeo import ogr

    frame: pd.DataFrame = spec["frame"]
    kinds = []
    for col, dtype in frame.dtypes.items():
        if pd.api.types.is_datetime64_any_dtype(dtype):
            kind = ogr.OFTDateTime
        elif pd.api.types.is_integer_dtype(dtype):
            kind = ogr.OFTInteger64
        elif pd.api.types.is_float_dtype(dtype):
            kind = ogr.OFTReal
        else:
            kind = ogr.OFTString
        gdal_calls.require(lyr.CreateField(ogr.FieldDefn(str(col), kind)), *cannot_write)
        kinds.append(kind)
    defn = lyr.GetLayerDefn()
    gdal_calls.require(lyr.StartTransaction(), *cannot_write)
    columns = [frame[c].to_numpy() for c in frame.columns]
    for i in range(len(frame)):
        feat = ogr.Feature(defn)
        for j, kind in enumerate(kinds):
            value = columns[j][i]
            if kind == ogr.OFTDateTime:
                if not pd.isna(value):
                    feat.SetField(j, pd.Timestamp(value).strftime("%Y-%m-%dT%H:%M:%S"))
            elif kind == ogr.OFTString:
                if value is not None and not (isinstance(value, float) and np.isnan(value)):
                    feat.SetField(j, str(value))
            elif not (kind == ogr.OFTReal and not np.isfinite(value)):
                feat.SetField(j, int(value) if kind == ogr.OFTInteger64 else float(value))
        if spec["geometry"]:
            feat.SetGeometryDirectly(gdal_calls.require(ogr.CreateGeometryFromWkb(spec["wkb"][i]), *cannot_write))
        gdal_calls.require(lyr.CreateFeature(feat), *cannot_write)
    gdal_calls.require(lyr.CommitTransaction(), *cannot_write)


def point_wkb(x: np.ndarray, y: np.ndarray) -> list[bytes]:
    """Little-endian WKB points."""
    import struct

    return [struct.pack("<BIdd", 1, 1, float(a), float(b)) for a, b in zip(x, y)]


def line_wkb(line: np.ndarray) -> bytes:
    """Little-endian WKB LineString."""
    import struct

    arr = np.ascontiguousarray(np.asarray(line, dtype="<f8")[:, :2])
    return struct.pack("<BII", 1, 2, len(arr)) + arr.tobytes()


def multiline_wkb(lines: list[np.ndarray]) -> bytes:
    """Little-endian WKB MultiLineString from (k, 2) arrays."""
    import struct

    return struct.pack("<BII", 1, 5, len(lines)) + b"".join(line_wkb(line) for line in lines)
