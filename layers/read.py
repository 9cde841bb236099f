"""Reading QGIS layers into arrays: columnar through GDAL/OGR's Arrow stream when possible.

A file-backed OGR layer of points, lines or polygons used whole (no subset filter, no selection, no
feature limit) is read through ``OGRLayer.GetArrowStreamAsNumPy`` (GDAL >= 3.6), about 20x faster than
iterating QgsFeatures; everything else (memory layers, selections, filters, databases) is read by feature
iteration. Both paths return identical arrays. CSV files with x/y or latitude/longitude columns are
read as points (delimited-text layers, and CSV files opened without geometry).

Coordinates come back in the metric working CRS chosen by :mod:`layers.crs`.
"""
from __future__ import annotations

import io
import os
from dataclasses import dataclass, field
from urllib.parse import parse_qs, unquote, urlparse

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingFeatureSource,
    QgsProviderRegistry,
    QgsVectorLayer,
)

from ..analysis.errors import InputError
from ..analysis.geometry.polygons import convex_simple_rings
from ..compat import (
    DATE_FIELD_TYPES,
    FIELD_TYPE_BOOL,
    GEOMETRY_LINE,
    GEOMETRY_NULL,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    TIME_SPEC_OFFSET,
    TIME_SPEC_UTC,
    geometry_display_string,
    geometry_type,
    is_curved_type,
    is_multi_type,
)
from ..i18n import N_, tr
from . import crs as crs_mod
from . import gdal_calls
from .gc_pause import no_collection_pauses
from .wkb import line_parts, points_from_wkb_column, polygon_parts, single_ring_polygons

X_NAMES = ("x", "x_coordinate", "xcoord", "x_coord", "easting", "point_x", "rd_x")
Y_NAMES = ("y", "y_coordinate", "ycoord", "y_coord", "northing", "point_y", "rd_y")
LON_NAMES = ("longitude", "lon", "lng", "long")
LAT_NAMES = ("latitude", "lat")


@dataclass
class PointTable:
    """Points in the working CRS with the requested attributes.

    ``attributes`` maps field name to a numpy array: float64 (NaN for NULL) for numbers,
    datetime64 for date/time fields, object (str or None) otherwise.
    """

    x: np.ndarray
    y: np.ndarray
    fid: np.ndarray
    attributes: dict[str, np.ndarray]
    crs: QgsCoordinateReferenceSystem
    source_crs: QgsCoordinateReferenceSystem
    n_features: int = 0
    n_null_geometry: int = 0
    n_multipart: int = 0
    path: str = "features"
    utc_fields: set[str] = field(default_factory=set)

    def subset(self, mask: np.ndarray) -> PointTable:
        """The same table restricted to ``mask`` (counts kept)."""
        return PointTable(
            self.x[mask], self.y[mask], self.fid[mask], {k: v[mask] for k, v in self.attributes.items()},
            self.crs, self.source_crs, self.n_features, self.n_null_geometry, self.n_multipart, self.path,
            self.utc_fields,
        )


@dataclass
class PolygonTable:
    """Polygons in the working CRS with attributes: per feature a list of parts (rings, exterior first)."""

    parts: list[list[list[np.ndarray]]]
    fid: np.ndarray
    attributes: dict[str, np.ndarray]
    crs: QgsCoordinateReferenceSystem
    n_features: int = 0
    n_null_geometry: int = 0
    path: str = "features"

    @property
    def rings(self) -> list[list[np.ndarray]]:
        """Per feature, all rings of all parts (the even-odd form point-in-polygon tests use)."""
        return [[ring for part in feature for ring in part] for feature in self.parts]


@dataclass
class LineTable:
    """Lines in the working CRS with attributes: per feature a list of parts, each a (k, 2) array."""

    parts: list[list[np.ndarray]]
    fid: np.ndarray
    attributes: dict[str, np.ndarray]
    crs: QgsCoordinateReferenceSystem
    n_features: int = 0
    n_null_geometry: int = 0
    path: str = "features"


def _ogr_location(layer: QgsVectorLayer) -> tuple[str, str | None] | None:
    """(path, layer name) of a plain file-backed OGR layer, else None (also while it is being edited:
    the file does not hold the edits yet, the features do)."""
    if layer is None or layer.providerType() != "ogr" or layer.subsetString() or layer.isEditable():
        return None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    # QGIS's own view of the file (a subset, one geometry type of a mixed layer, open options such as a
    # CSV's coordinate columns, a file inside an archive, a layer chosen by index) is read through QGIS.
    if not os.path.isfile(path) or any(parts.get(k) for k in ("subset", "geometryType", "openOptions", "vsiPrefix")):
        return None
    name = parts.get("layerName") or None
    if name is None and parts.get("layerId"):
        return None
    return path, name


def _delimited_text(layer: QgsVectorLayer) -> dict | None:
    if layer is None or layer.providerType() != "delimitedtext":
        return None
    url = urlparse(layer.source())
    query = {k: v[-1] for k, v in parse_qs(url.query).items()}
    return {"path": unquote(url.path), **query}


def _plain_value(v):
    if v is None:
        return None
    name = type(v).__name__
    if name == "QVariant":
        return None
    if name in ("QDateTime", "QDate", "QTime"):
        return v if v.isValid() else None
    return v


def _normalise(values: list, kind: str) -> np.ndarray:
    """Feature-iteration values to the same arrays the Arrow path gives."""
    if kind == "number":
        return np.array([np.nan if v is None else float(v) for v in values], dtype=float)
    if kind == "datetime":
        out = []
        for v in values:
            if v is None:
                out.append(np.datetime64("NaT"))
            elif type(v).__name__ == "QDate":
                out.append(np.datetime64(v.toString("yyyy-MM-dd")))
            else:
                out.append(np.datetime64(v.toString("yyyy-MM-ddTHH:mm:ss.zzz")))
        return np.array(out, dtype="datetime64[ms]")
    return np.array([None if v is None else str(v) for v in values], dtype=object)


def _field_kinds(source, fields, what: str) -> dict[str, str]:
    """Kind ('number', 'datetime', 'text') of each requested field; a missing one is a clear error."""
    layer_fields = source.fields()
    for name in fields:
        if name and layer_fields.indexOf(name) < 0:
            raise InputError("The {} layer has no field '{}'. Available: {}.",
                             what, name, ', '.join(layer_fields.names()))
    return {name: _field_kind(layer_fields, name) for name in fields if name}


def _field_kind(layer_fields, name: str) -> str:
    fld = layer_fields.field(name)
    if fld.isNumeric() or fld.type() == FIELD_TYPE_BOOL:  # read as 0/1
        return "number"
    type_name = fld.typeName().lower()
    if fld.type() in DATE_FIELD_TYPES or "date" in type_name:
        return "datetime"
    return "text"


@no_collection_pauses()
def read_points(
    source: QgsProcessingFeatureSource | QgsVectorLayer,
    fields: list[str] | tuple[str, ...] = (),
    *,
    layer: QgsVectorLayer | None = None,
    working_crs: QgsCoordinateReferenceSystem | None = None,
    csv_crs: QgsCoordinateReferenceSystem | None = None,
    feedback=None,
    force_features: bool = False,
) -> PointTable:
    """Read points and ``fields``; ``layer`` (the whole, unfiltered layer) enables the fast path.

    Raises ValueError for a layer that is not made of points, a missing field, or a CSV without
    recognisable coordinate columns.
    """
    fields = [f for f in dict.fromkeys(fields) if f]
    kinds = _field_kinds(source, fields, tr("input"))
    geom_type = geometry_type(source.wkbType())
    table: PointTable | None = None
    if geom_type == GEOMETRY_NULL:
        table = _read_csv_points(layer, source, fields, kinds, csv_crs, feedback)
    elif geom_type != GEOMETRY_POINT:
        raise InputError("The layer '{}' has {} geometries; this algorithm needs points here. Convert lines or "
                         "polygons to points first.", source.sourceName(),
                         geometry_display_string(geom_type).lower())
    else:
        _require_crs(source, working_crs)
    if table is None and not force_features and layer is not None:
        loc = _ogr_location(layer)
        if loc is not None:
            table = _read_points_arrow(loc[0], loc[1], fields, kinds, source.sourceCrs())
    if table is None:
        table = _read_points_features(source, fields, kinds)
    if table.x.size and working_crs is None:
        working_crs = crs_mod.choose_working_crs(table.source_crs, table.x, table.y)
    if working_crs is None:
        # An empty layer: any metric CRS will do, the caller refuses it anyway.
        metric = crs_mod.is_metric(table.source_crs)
        working_crs = table.source_crs if metric else QgsCoordinateReferenceSystem("EPSG:3857")
    table.x, table.y = crs_mod.transform_xy(table.x, table.y, table.source_crs, working_crs)
    bad = ~(np.isfinite(table.x) & np.isfinite(table.y))
    if bad.all() and table.source_crs != working_crs:
        _refuse_misplaced(table.source_crs, working_crs)
    table.crs = working_crs
    if bad.any():
        table.n_null_geometry += int(bad.sum())
        kept = table.subset(~bad)
        table.x, table.y, table.fid, table.attributes = kept.x, kept.y, kept.fid, kept.attributes
    if feedback is not None:
        feedback.pushInfo(tr("Read {:,} points ({}); {:,} without a usable geometry skipped.").format(
            table.x.size, table.path, table.n_null_geometry))
        if table.n_multipart:
            feedback.pushWarning(tr("{:,} multi-point features: only their first point is used.").format(
                table.n_multipart))
    return table


@dataclass
class _ArrowColumns:
    """A layer read through the Arrow stream: fids, WKB batches (views: ``stream`` owns their memory),
    attributes converted like the feature path, and the datetime fields that carry a UTC offset."""

    n: int
    fid: np.ndarray
    geometry: list[np.ndarray]
    attributes: dict[str, np.ndarray]
    utc_fields: set[str]
    stream: object


def _read_arrow(path: str, layer_name: str | None, fields, kinds) -> _ArrowColumns | None:
    """Columns of a file-backed OGR layer through ``GetArrowStreamAsNumPy``; None when not possible."""
    from osgeo import ogr

    ds = gdal_calls.open_vector(path)
    if ds is None:
        return None
    lyr = ds.GetLayerByName(layer_name) if layer_name else ds.GetLayer(0)
    if lyr is None:
        return None
    defn = lyr.GetLayerDefn()
    all_fields = [defn.GetFieldDefn(i).GetName() for i in range(defn.GetFieldCount())]
    if any(f not in all_fields for f in fields):
        return None
    if any(kinds[f] == "text" for f in fields) and not lyr.TestCapability(ogr.OLCStringsAsUTF8):
        return None  # e.g. a shapefile without code page: QGIS decodes its text with the layer's encoding
    lyr.SetIgnoredFields([f for f in all_fields if f not in fields])
    fid_col = lyr.GetFIDColumn() or "OGC_FID"
    geom_col = lyr.GetGeometryColumn() or "wkb_geometry"
    batches: dict[str, list[np.ndarray]] = {}
    try:
        stream = gdal_calls.arrow_batches(lyr, ["USE_MASKED_ARRAYS=YES", "INCLUDE_FID=YES"])
    finally:
        lyr.SetIgnoredFields([])
    if stream is None:  # a driver that cannot stream this layer: read it feature by feature
        return None
    for batch in stream:
        for key, arr in batch.items():
            batches.setdefault(key, []).append(arr)
    if batches and geom_col not in batches:  # the geometry under another name: let QGIS read it
        return None
    geometry = batches.get(geom_col, [])
    n = sum(len(a) for a in geometry)
    known = lyr.GetFeatureCount(force=0)  # -1 when counting would need a scan
    if known >= 0 and known != n:  # the stream stopped early (an unreadable feature): take the safe path
        return None
    utc_fields = {f for f in fields if kinds[f] == "datetime" and _ogr_field_is_utc(lyr, f)}
    if n == 0:
        return _ArrowColumns(0, np.empty(0, dtype=np.int64), [], {f: np.empty(0) for f in fields}, utc_fields, stream)
    if fid_col in batches:
        fid = np.concatenate([np.ma.getdata(a) for a in batches[fid_col]]).astype(np.int64, copy=False)
    else:
        fid = np.arange(n, dtype=np.int64)
    try:
        attrs = {f: _arrow_values(_concat(batches[f]), kinds[f]) for f in fields}
    except UnicodeDecodeError:  # text that is not UTF-8 after all: QGIS decodes it
        return None
    for f in fields:
        if defn.GetFieldDefn(defn.GetFieldIndex(f)).GetSubType() == ogr.OFSTBoolean:
            # GDAL 3.6's numpy conversion mis-reads bit-packed Arrow booleans; read them per feature.
            attrs[f] = _ogr_column(lyr, f, all_fields)
    return _ArrowColumns(n, fid, geometry, attrs, utc_fields, stream)


def _read_points_arrow(path: str, layer_name: str | None, fields, kinds, source_crs) -> PointTable | None:
    columns = _read_arrow(path, layer_name, fields, kinds)
    if columns is None:
        return None
    n = columns.n
    x, y, parts = np.empty(n), np.empty(n), np.empty(n, dtype=np.int64)
    start = 0
    for geom in columns.geometry:  # decoded batch by batch into the result: no copy of the WKB column
        stop = start + len(geom)
        points_from_wkb_column(geom, (x[start:stop], y[start:stop], parts[start:stop]))
        start = stop
    return PointTable(x, y, columns.fid, columns.attributes, source_crs, source_crs, n, 0, int((parts > 1).sum()),
                      "arrow", columns.utc_fields)


def _ogr_column(lyr, name: str, all_fields: list[str]) -> np.ndarray:
    """One numeric field read by OGR feature iteration (NaN for null), in FID order like the stream."""
    lyr.SetIgnoredFields([f for f in all_fields if f != name] + ["OGR_GEOMETRY"])
    lyr.ResetReading()
    idx = lyr.GetLayerDefn().GetFieldIndex(name)
    values = np.array([f.GetFieldAsDouble(idx) if f.IsFieldSetAndNotNull(idx) else np.nan for f in lyr], dtype=float)
    lyr.SetIgnoredFields([])
    lyr.ResetReading()
    return values


def _ogr_field_is_utc(lyr, name: str) -> bool:
    """True when the first non-null value of a datetime field carries a UTC offset (TZFlag >= 100)."""
    idx = lyr.GetLayerDefn().GetFieldIndex(name)
    lyr.ResetReading()
    for feat in lyr:
        if feat.IsFieldSetAndNotNull(idx):
            tz = feat.GetFieldAsDateTime(idx)[-1]
            lyr.ResetReading()
            return tz >= 100
    lyr.ResetReading()
    return False


def _concat(arrays: list[np.ndarray]) -> np.ndarray:
    if any(isinstance(a, np.ma.MaskedArray) for a in arrays):
        return np.ma.concatenate(arrays)
    return np.concatenate(arrays)


def _arrow_values(arr: np.ndarray, kind: str) -> np.ndarray:
    mask = np.ma.getmaskarray(arr) if isinstance(arr, np.ma.MaskedArray) else np.zeros(len(arr), dtype=bool)
    data = np.ma.getdata(arr)
    if kind == "number":
        out = data.astype(float)
        out[mask] = np.nan
        return out
    if kind == "datetime":
        out = data.astype("datetime64[ms]")
        out[mask] = np.datetime64("NaT")
        return out
    if data.dtype.kind == "S":
        try:
            text = data.astype("U").astype(object)  # ASCII text (most exports): numpy's cast, 3x faster
        except UnicodeDecodeError:
            text = np.char.decode(data, "utf-8").astype(object)
    else:
        text = data.astype(str).astype(object)
    text[mask] = None
    return text


def _read_points_features(source, fields, kinds) -> PointTable:
    request = QgsFeatureRequest()
    idx = [source.fields().indexOf(f) for f in fields]
    request.setSubsetOfAttributes(idx)
    n = source.featureCount() if source.featureCount() >= 0 else 0
    xs = np.full(max(n, 0), np.nan)
    ys = np.full(max(n, 0), np.nan)
    fids: list[int] = []
    values: dict[str, list] = {f: [] for f in fields}
    n_multi = 0
    i = 0
    for feat in source.getFeatures(request):
        if i >= xs.size:
            xs = np.concatenate([xs, np.full(max(16, xs.size), np.nan)])
            ys = np.concatenate([ys, np.full(max(16, ys.size), np.nan)])
        geom = feat.geometry()
        if geom is not None and not geom.isNull() and not geom.isEmpty():
            g = geom.constGet()
            if is_multi_type(geom.wkbType()):
                if g.numGeometries() > 1:
                    n_multi += 1
                g = g.geometryN(0)
            xs[i], ys[i] = g.x(), g.y()
        fids.append(feat.id())
        attrs = feat.attributes()
        for f, j in zip(fields, idx):
            values[f].append(_plain_value(attrs[j]))
        i += 1
    xs, ys = xs[:i], ys[:i]
    attributes = {f: _normalise(values[f], kinds[f]) for f in fields}
    crs = source.sourceCrs()
    return PointTable(xs, ys, np.asarray(fids, dtype=np.int64), attributes, crs, crs, i, 0, n_multi, "features",
                      {f for f in fields if kinds[f] == "datetime" and _qt_values_are_utc(values[f])})


def _qt_values_are_utc(values: list) -> bool:
    for v in values:
        if v is not None and type(v).__name__ == "QDateTime":
            return v.timeSpec() in (TIME_SPEC_UTC, TIME_SPEC_OFFSET)
    return False


def _refuse_misplaced(src, dst) -> None:
    """Coordinates the transform cannot place: the layer's CRS does not match its numbers."""
    raise InputError("Coordinates in {} cannot be placed in {}: they lie outside the area that CRS covers (metres in "
                     "a layer set to degrees?). Check the layer's CRS (Layer Properties, Source).",
                     crs_mod.describe(src), crs_mod.describe(dst))


def _require_crs(source, working_crs) -> None:
    """A layer without CRS can be read only as it is (in its own units), never moved into another CRS: refused
    here with its name (the transform itself cannot say which of an algorithm's layers it was)."""
    crs = source.sourceCrs()
    if not crs.isValid() and (working_crs is None or working_crs != crs):
        raise InputError("The layer '{}' has no valid coordinate reference system; set its CRS in the layer "
                         "properties.", source.sourceName())


def _read_csv_points(layer, source, fields, kinds, csv_crs, feedback=None) -> PointTable:
    """A CSV opened without geometry: find x/y or lat/lon columns and read them with pandas."""
    path = None
    if layer is not None and layer.providerType() == "ogr":
        path = QgsProviderRegistry.instance().decodeUri("ogr", layer.source()).get("path")
    if not path or not str(path).lower().endswith((".csv", ".txt", ".tsv")):
        raise InputError("The input layer has no geometry; give a point layer or a CSV file with x/y or lat/lon "
                         "columns.")
    frame, decimal_comma = _csv_frame(path, feedback)
    lower = {c.lower(): c for c in frame.columns}
    lon = next((lower[n] for n in LON_NAMES if n in lower), None)
    lat = next((lower[n] for n in LAT_NAMES if n in lower), None)
    xcol = next((lower[n] for n in X_NAMES if n in lower), None)
    ycol = next((lower[n] for n in Y_NAMES if n in lower), None)
    if xcol and ycol and csv_crs is not None and csv_crs.isValid():
        x, y, crs = frame[xcol], frame[ycol], csv_crs
    elif lon and lat:
        x, y, crs = frame[lon], frame[lat], QgsCoordinateReferenceSystem("EPSG:4326")
    elif xcol and ycol:
        raise InputError("The CSV has x/y columns ('{}', '{}') but their CRS is unknown; set the CSV CRS parameter "
                         "(e.g. EPSG:2263) or load the file as a delimited-text layer with its CRS.", xcol, ycol)
    else:
        raise InputError("The CSV has no x/y or latitude/longitude columns; name them x and y, or latitude and "
                         "longitude.")
    xs = _csv_numbers(x, decimal_comma)
    ys = _csv_numbers(y, decimal_comma)
    attrs: dict[str, np.ndarray] = {}
    for f in fields:
        col = frame[f]
        numbers = _csv_numbers(col, decimal_comma)
        # OGR reads CSV columns as text; a column whose every value is a number is taken as numbers.
        if kinds[f] == "number" or (col.str.strip() != "").sum() == np.isfinite(numbers).sum() > 0:
            attrs[f] = numbers
        else:
            attrs[f] = np.array([None if v.strip() == "" else v for v in col], dtype=object)
    n = len(frame)
    return PointTable(xs, ys, np.arange(n, dtype=np.int64), attrs, crs, crs, n, 0, 0, "csv")


def _csv_frame(path: str, feedback=None) -> tuple[pd.DataFrame, bool]:
    """The CSV's columns as text and whether its numbers have decimal commas.

    Police exports are often Latin-1 (Windows) rather than UTF-8, and European ones separate columns by
    semicolons because the comma is the decimal sign: both are read rather than refused.
    """
    with open(path, "rb") as fh:
        raw = fh.read()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
        if feedback is not None:
            feedback.pushInfo(tr("The CSV '{}' is not UTF-8; it was read as Latin-1 (Western European).")
                              .format(os.path.basename(path)))
    header = text.split("\n", 1)[0]
    sep = "\t" if path.lower().endswith(".tsv") else max((",", ";", "\t", "|"), key=header.count)
    frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    if sep == ";" and feedback is not None:
        feedback.pushInfo(tr("The CSV '{}' separates columns by semicolons; numbers are read with a decimal comma.")
                          .format(os.path.basename(path)))
    return frame, sep == ";"


def _csv_numbers(column: pd.Series, decimal_comma: bool) -> np.ndarray:
    """Numbers of a CSV text column (NaN where empty or not a number)."""
    text = column.astype(str).str.strip()
    if decimal_comma:
        text = text.str.replace(",", ".", regex=False)
    return pd.to_numeric(text, errors="coerce").to_numpy(dtype=float)


def _arrow_or_features(source, layer, force_features: bool, kinds, arrow_reader, feature_reader):
    """(what a reader returns, "arrow" or "features"): the Arrow stream of the whole file-backed layer when
    possible (a QgsVectorLayer given as ``source`` counts as the whole layer), else QGIS's features."""
    if layer is None and isinstance(source, QgsVectorLayer):
        layer = source
    loc = _ogr_location(layer) if layer is not None and not force_features else None
    read = arrow_reader(loc[0], loc[1], list(kinds), kinds) if loc is not None else None
    if read is not None:
        return read, "arrow"
    return feature_reader(source, kinds), "features"


@no_collection_pauses()
def read_polygons(
    source: QgsProcessingFeatureSource | QgsVectorLayer,
    fields: list[str] | tuple[str, ...] = (),
    *,
    working_crs: QgsCoordinateReferenceSystem,
    feedback=None,
    layer: QgsVectorLayer | None = None,
    force_features: bool = False,
) -> PolygonTable:
    """Read polygons (e.g. zones, a study area, a grid) into ring lists in ``working_crs``.

    ``layer`` (the whole, unfiltered layer; a QgsVectorLayer given as ``source`` counts as one) enables
    the Arrow stream; grid cells are then decoded and certified valid (strictly convex, turning once)
    with numpy, the rest one by one. Invalid geometries are repaired with ``makeValid`` (reported);
    null ones are skipped.
    """
    if geometry_type(source.wkbType()) != GEOMETRY_POLYGON:
        raise InputError("The layer '{}' must contain polygons.", source.sourceName())
    _require_crs(source, working_crs)
    kinds = _field_kinds(source, fields, tr("polygon"))
    read, path = _arrow_or_features(source, layer, force_features, kinds, _read_polygons_arrow,
                                    _read_polygons_features)
    parts, fids, attributes, n, n_null, n_fixed = read
    if feedback is not None:
        if n_null:
            feedback.pushWarning(tr("{:,} polygons without geometry were skipped.").format(n_null))
        if n_fixed:
            feedback.pushWarning(tr("{:,} invalid polygons were repaired (makeValid) before use.").format(n_fixed))
    return PolygonTable(_transform_parts(parts, source.sourceCrs(), working_crs), np.asarray(fids, dtype=np.int64),
                        attributes, working_crs, n, n_null, path)


def _usable_polygon(geom: QgsGeometry | None) -> tuple[list[list[np.ndarray]] | None, bool]:
    """(parts, repaired) of a geometry: None for a null or empty one, repaired with makeValid if invalid."""
    if geom is None or geom.isNull() or geom.isEmpty():
        return None, False
    if is_curved_type(geom.wkbType()):  # arcs of a CAD plan: segmentised, as for lines
        geom = QgsGeometry(geom.constGet().segmentize())
    if geom.isGeosValid():
        return polygon_parts(bytes(geom.asWkb())), False
    # makeValid may return a collection; keep its polygonal part.
    fixed = geom.makeValid().convertToType(GEOMETRY_POLYGON, True)
    if fixed is None or fixed.isNull() or fixed.isEmpty():
        return None, True
    return polygon_parts(bytes(fixed.asWkb())), True


def _read_geometries_features(source, kinds, convert):
    """Features of ``source`` with ``convert(geometry) -> (parts or None, repaired)``: (parts, fids,
    attributes, features read, features without usable geometry, features repaired)."""
    layer_fields = source.fields()
    parts: list = []
    fids: list[int] = []
    values: dict[str, list] = {f: [] for f in kinds}
    n = n_null = n_fixed = 0
    for feat in source.getFeatures():
        n += 1
        feature_parts, repaired = convert(feat.geometry())
        n_fixed += repaired
        if feature_parts is None:
            n_null += 1
            continue
        parts.append(feature_parts)
        fids.append(feat.id())
        attrs = feat.attributes()
        for f in kinds:
            values[f].append(_plain_value(attrs[layer_fields.indexOf(f)]))
    return parts, fids, {f: _normalise(values[f], kinds[f]) for f in kinds}, n, n_null, n_fixed


def _read_polygons_features(source, kinds):
    return _read_geometries_features(source, kinds, _usable_polygon)


def _read_geometries_arrow(path: str, layer_name: str | None, fields, kinds, decode_batch):
    """The Arrow stream of a layer with ``decode_batch(WKB batch) -> (parts or None per row, repaired)``: what
    :func:`_read_geometries_features` returns, None when the layer cannot be streamed."""
    columns = _read_arrow(path, layer_name, fields, kinds)
    if columns is None:
        return None
    parts: list = []
    keep = np.zeros(columns.n, dtype=bool)
    n_fixed = start = 0
    for batch in columns.geometry:
        decoded, repaired = decode_batch(batch)
        n_fixed += repaired
        keep[start:start + len(decoded)] = [p is not None for p in decoded]
        parts.extend(p for p in decoded if p is not None)
        start += len(decoded)
    attributes = {f: v[keep] for f, v in columns.attributes.items()}
    return parts, columns.fid[keep], attributes, columns.n, int(columns.n - keep.sum()), n_fixed


def _wkb_value(value) -> bytes | None:
    """The WKB of one Arrow geometry value, None for a null or empty one."""
    return None if value is None or value is np.ma.masked else (bytes(value) or None)


def _geometry(blob: bytes | None) -> QgsGeometry | None:
    if blob is None:
        return None
    geom = QgsGeometry()
    geom.fromWkb(blob)
    return geom


def _polygon_batch(batch) -> tuple[list, int]:
    """Grid cells decoded and certified with numpy; anything else through QGIS one by one."""
    cells = single_ring_polygons(batch)
    certified = convex_simple_rings(cells) if cells is not None else np.zeros(len(batch), dtype=bool)
    if certified.all():
        return [[[ring]] for ring in cells], 0
    decoded, repaired = [], 0
    for i, ok in enumerate(certified.tolist()):
        if ok:
            decoded.append([[cells[i]]])
        else:
            feature_parts, fixed = _usable_polygon(_geometry(_wkb_value(batch[i])))
            decoded.append(feature_parts)
            repaired += fixed
    return decoded, repaired


def _read_polygons_arrow(path: str, layer_name: str | None, fields, kinds):
    return _read_geometries_arrow(path, layer_name, fields, kinds, _polygon_batch)


def _transform_arrays(arrays: list[np.ndarray], src, dst) -> list[np.ndarray]:
    """Move (k, 2) coordinate arrays into ``dst`` with one transform call (not one per array)."""
    if not arrays or src == dst:
        return arrays
    xy = np.concatenate(arrays)
    tx, ty = crs_mod.transform_xy(xy[:, 0], xy[:, 1], src, dst)
    moved = np.column_stack([tx, ty])
    if not np.isfinite(moved).all():
        _refuse_misplaced(src, dst)
    bounds = np.cumsum([0] + [len(a) for a in arrays])
    return [moved[bounds[i]:bounds[i + 1]] for i in range(len(arrays))]


def _transform_parts(parts: list[list[list[np.ndarray]]], src, dst) -> list[list[list[np.ndarray]]]:
    """Move every ring of every feature into ``dst`` with one transform call (not one per ring)."""
    moved = iter(_transform_arrays([ring for feature in parts for part in feature for ring in part], src, dst))
    return [[[next(moved) for _ in part] for part in feature] for feature in parts]


@no_collection_pauses()
def read_lines(
    source: QgsProcessingFeatureSource | QgsVectorLayer,
    fields: list[str] | tuple[str, ...] = (),
    *,
    working_crs: QgsCoordinateReferenceSystem,
    feedback=None,
    layer: QgsVectorLayer | None = None,
    force_features: bool = False,
) -> LineTable:
    """Read (multi)lines (paths, streets, walls) into part lists in ``working_crs``.

    ``layer`` (the whole, unfiltered layer; a QgsVectorLayer given as ``source`` counts as one) enables
    the Arrow stream. Null or empty geometries are skipped (reported); curves are segmentised by QGIS.
    """
    if geometry_type(source.wkbType()) != GEOMETRY_LINE:
        raise InputError("The layer '{}' must contain lines.", source.sourceName())
    _require_crs(source, working_crs)
    kinds = _field_kinds(source, fields, tr("line"))
    read, path = _arrow_or_features(source, layer, force_features, kinds, _read_lines_arrow, _read_lines_features)
    parts, fids, attributes, n, n_null = read
    if feedback is not None and n_null:
        feedback.pushWarning(tr("{:,} lines without geometry were skipped.").format(n_null))
    moved = iter(_transform_arrays([line for feature in parts for line in feature], source.sourceCrs(), working_crs))
    parts = [[next(moved) for _ in feature] for feature in parts]
    return LineTable(parts, np.asarray(fids, dtype=np.int64), attributes, working_crs, n, n_null, path)


def _usable_line(geom: QgsGeometry | None) -> list[np.ndarray] | None:
    """The parts of a line geometry (curves segmentised), None for a null or empty one."""
    if geom is None or geom.isNull() or geom.isEmpty():
        return None
    if is_curved_type(geom.wkbType()):
        geom = QgsGeometry(geom.constGet().segmentize())
    return line_parts(bytes(geom.asWkb()))


def _read_lines_features(source, kinds):
    parts, fids, attributes, n, n_null, _ = _read_geometries_features(source, kinds,
                                                                      lambda geom: (_usable_line(geom), False))
    return parts, fids, attributes, n, n_null


def _line(blob: bytes | None) -> list[np.ndarray] | None:
    """The parts of one line WKB (curves and the like through QGIS, as the feature path does)."""
    try:
        feature_parts = line_parts(blob) if blob else None
    except ValueError:
        feature_parts = _usable_line(_geometry(blob))
    if feature_parts and any(len(part) for part in feature_parts):  # QGIS calls an all-empty line empty
        return feature_parts
    return None


def _read_lines_arrow(path: str, layer_name: str | None, fields, kinds):
    read = _read_geometries_arrow(path, layer_name, fields, kinds,
                                  lambda batch: ([_line(_wkb_value(value)) for value in batch], 0))
    return None if read is None else read[:5]


def read_raster_cells(
    layer,
    working_crs: QgsCoordinateReferenceSystem,
    bounds: tuple[float, float, float, float] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Cell centres (in ``working_crs``) and values of band 1 of a GDAL raster layer, e.g. residents per cell.

    Only cells with a finite value other than the band's nodata come back; with ``bounds`` (xmin, ymin,
    xmax, ymax in ``working_crs``) only the window of the raster covering them is read, so a national
    population grid costs no more than the study area. Rotated rasters are refused.
    """
    from qgis.core import QgsCoordinateTransform, QgsCoordinateTransformContext, QgsRectangle

    if layer is None or not layer.isValid() or layer.providerType() != "gdal":
        raise InputError("The population raster could not be opened; give a GeoTIFF or another GDAL raster.")
    ds = gdal_calls.open_raster(layer.source())
    if ds is None:
        raise InputError("GDAL cannot open the population raster '{}'.", layer.source())
    x0, dx, rx, y0, ry, dy = ds.GetGeoTransform()
    if rx or ry:
        raise InputError("The population raster is rotated; warp it to a north-up grid first.")
    ncols, nrows = ds.RasterXSize, ds.RasterYSize
    c0, r0, c1, r1 = 0, 0, ncols, nrows
    if bounds is not None:
        transform = QgsCoordinateTransform(working_crs, layer.crs(), QgsCoordinateTransformContext())
        box = transform.transformBoundingBox(QgsRectangle(*bounds))
        cols = sorted(((box.xMinimum() - x0) / dx, (box.xMaximum() - x0) / dx))
        rows = sorted(((box.yMinimum() - y0) / dy, (box.yMaximum() - y0) / dy))
        c0, c1 = max(0, int(np.floor(cols[0]))), min(ncols, int(np.ceil(cols[1])))
        r0, r1 = max(0, int(np.floor(rows[0]))), min(nrows, int(np.ceil(rows[1])))
    empty = np.empty(0)
    if c1 <= c0 or r1 <= r0:
        return empty, empty, empty
    band = ds.GetRasterBand(1)
    unreadable = (N_("GDAL cannot read the population raster '{}'."), layer.source())
    with gdal_calls.errors_as(*unreadable):
        values = gdal_calls.require(band.ReadAsArray(c0, r0, c1 - c0, r1 - r0), *unreadable).astype(float)
    nodata = band.GetNoDataValue()
    ok = np.isfinite(values)
    if nodata is not None:
        ok &= values != nodata
    rr, cc = np.nonzero(ok)
    x = x0 + (c0 + cc + 0.5) * dx
    y = y0 + (r0 + rr + 0.5) * dy
    wx, wy = crs_mod.transform_xy(x, y, layer.crs(), working_crs)
    return wx, wy, values[ok]
