"""Input and spatial weights shared by the hot-spot and spatial-autocorrelation algorithms.

One place declares INPUT, VALUE_FIELD, NEIGHBOURS, DISTANCE, K, PERMUTATIONS and SEED, reads
polygons or points with their value, builds the spatial weights (:mod:`analysis.spatial_stats.weights`) and
writes the per-feature results, so ``besecure:hotspots``, ``besecure:localmoran`` and
``besecure:globalautocorrelation`` read, link and report features identically.

Polygons are read through :func:`layers.read.read_polygons` into the metric working CRS;
contiguity comes from their vertices (snapped with a tolerance relative to the features' size, so
that generated grids whose shared vertices differ by rounding still connect), distance bands and
k nearest neighbours from their area-weighted centroids. Points are used as they are.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ..analysis.errors import InputError
from ..analysis.geometry.polygons import polygon_centroids
from ..analysis.spatial_stats.weights import (
    SpatialWeights,
    contiguity_tolerance,
    contiguity_weights_flat,
    distance_band_weights,
    knn_tied,
    knn_weights,
    min_threshold_distance,
)
from ..compat import (
    FIELD_NUMERIC,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    INTEGER_FIELD_TYPES,
    VECTOR_POINT,
    VECTOR_POLYGON,
    WKB_MULTIPOLYGON,
    WKB_POINT,
    geometry_type,
)
from ..i18n import tr
from ..layers import crs as crs_mod
from ..layers.read import read_points, read_polygons
from ..layers.wkb import multipolygons_wkb
from ..layers.write import point_wkb, write_frame
from .base import check_cancel
from .incidents import whole_layer

INPUT = "INPUT"
VALUE_FIELD = "VALUE_FIELD"
NEIGHBOURS = "NEIGHBOURS"
DISTANCE = "DISTANCE"
K = "K"
PERMUTATIONS = "PERMUTATIONS"
SEED = "SEED"

QUEEN, ROOK, DISTANCE_BAND, KNN = range(4)
SOURCE_FID = "source_fid"
_LISTED = 10  # feature ids quoted in a log message

HELP = {
    INPUT: "Polygons (e.g. the output of Aggregate incidents: grid cells or zones with a count) or points with "
    "a value. Any CRS: distances are in metres (layers in degrees or feet are worked in their UTM zone; a layer "
    "without a CRS is worked in its own units).",
    VALUE_FIELD: "Numeric field with the value of each feature (a count, a rate). Features whose value is empty "
    "(NULL) are left out and counted in the log.",
    NEIGHBOURS: "Which features are neighbours: 0 queen contiguity (polygons sharing a boundary or a corner), "
    "1 rook contiguity (polygons sharing a boundary), 2 distance band (centres within DISTANCE), 3 the K nearest "
    "centres. Contiguity needs polygons; distances are measured between polygon centroids or between the points.",
    DISTANCE: "Distance band in metres (NEIGHBOURS 2): features whose centres are at most this far apart are "
    "neighbours, a distance equal to the band included (up to rounding: 1000 m on a 500 m hexagon grid includes "
    "the cells 1000 m away). 0 = automatic: the smallest distance that gives every feature at least one neighbour, "
    "stated in the log.",
    K: "Number of nearest neighbours (NEIGHBOURS 3); default 8. Ties: all features at the K-th nearest distance "
    "are included (on a hexagon grid K = 3 gives the 6 cells around), so the result does not depend on the order of "
    "the features; the log counts the features concerned.",
    PERMUTATIONS: "Random permutations for the pseudo p-values (999 is usual).",
    SEED: "Random seed of the permutations: the same seed gives the same p-values.",
}


# --------------------------------------------------------------------------------------------
# Parameters
# --------------------------------------------------------------------------------------------


def add_input_parameters(alg, value_optional: bool = False) -> None:
    """Declare INPUT (polygons or points) and VALUE_FIELD."""
    alg.addParameter(QgsProcessingParameterFeatureSource(
        INPUT, tr("Input layer (polygons or points)"), [VECTOR_POLYGON, VECTOR_POINT]))
    alg.addParameter(QgsProcessingParameterField(VALUE_FIELD, tr("Value field"), None, INPUT, FIELD_NUMERIC,
                                                 optional=value_optional))


def add_neighbour_parameters(alg) -> None:
    """Declare NEIGHBOURS, DISTANCE and K."""
    alg.addParameter(QgsProcessingParameterEnum(
        NEIGHBOURS, tr("Neighbours"),
        [tr("Queen contiguity"), tr("Rook contiguity"), tr("Distance band"), tr("K nearest neighbours")],
        defaultValue=QUEEN))
    alg.add_number(DISTANCE, "Distance band (metres, 0 = automatic)", 0.0, 0.0)
    alg.add_number(K, "Number of nearest neighbours (K)", 8, 1, integer=True)


def add_permutation_parameters(alg, label: str, minimum: int = 0) -> None:
    """Declare PERMUTATIONS (default 999) and SEED (advanced)."""
    alg.add_number(PERMUTATIONS, label, 999, minimum, integer=True)
    alg.add_number(SEED, "Random seed", 0, 0, integer=True, advanced=True)


# --------------------------------------------------------------------------------------------
# Reading
# --------------------------------------------------------------------------------------------


@dataclass
class FeatureValues:
    """The features an analysis runs on, in the working CRS.

    ``values`` (float64) has one finite value per feature (None when no value field was asked
    for); ``x``, ``y`` are the points or the polygons' centroids; polygons also keep their
    ``parts`` and flat ring arrays (for contiguity and the output). ``attributes`` holds every
    input field, copied to the output.
    """

    values: np.ndarray | None
    x: np.ndarray
    y: np.ndarray
    fid: np.ndarray
    attributes: dict[str, np.ndarray]
    crs: QgsCoordinateReferenceSystem
    metric: bool
    layer_name: str
    value_field: str = ""
    parts: list | None = None
    ring_xy: np.ndarray = field(default_factory=lambda: np.empty((0, 2)))
    ring_offsets: np.ndarray = field(default_factory=lambda: np.zeros(1, dtype=np.int64))
    ring_polygon: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=np.int64))
    ring_hole: np.ndarray = field(default_factory=lambda: np.empty(0, dtype=bool))

    @property
    def n(self) -> int:
        return int(self.x.size)

    @property
    def is_points(self) -> bool:
        return self.parts is None

    @property
    def unit(self) -> str:
        """'m', or 'layer units' for a layer without a CRS."""
        return "m" if self.metric else tr("layer units")

    def geometries(self) -> list[bytes]:
        if self.is_points:
            return point_wkb(self.x, self.y)
        return multipolygons_wkb(self.ring_xy, self.ring_offsets, self.ring_polygon, self.ring_hole, self.n)

    @property
    def wkb_type(self):
        return WKB_POINT if self.is_points else WKB_MULTIPOLYGON

    def describe_ids(self, index: np.ndarray) -> str:
        """'3, 17, 20 (and 5 more)' from the input feature ids of ``index``."""
        ids = ", ".join(str(int(f)) for f in self.fid[index[:_LISTED]])
        more = index.size - min(index.size, _LISTED)
        return ids + (tr(" (and {} more)").format(more) if more else "")


def read_features(alg, parameters, context, feedback, value_required: bool = True) -> FeatureValues:
    """Read INPUT with every field; features without geometry or without a value are left out
    (and counted in the log). Raises InputError with a sentence saying what to change."""
    source = alg.parameterAsSource(parameters, INPUT, context)
    if source is None:
        raise InputError("The input layer (INPUT) could not be opened.")
    name = source.sourceName()
    value_field = alg.parameterAsString(parameters, VALUE_FIELD, context) or ""
    fields = source.fields()
    if value_required and not value_field:
        raise InputError("Choose the field with the values to analyse (VALUE_FIELD), e.g. 'count'.")
    if value_field:
        idx = fields.indexOf(value_field)
        if idx < 0:
            raise InputError("The layer '{}' has no field '{}'. Available: {}.",
                             name, value_field, ', '.join(fields.names()))
        if not fields.at(idx).isNumeric():
            raise InputError("The field '{}' of '{}' is not numeric; choose a field with numbers (a count or a "
                             "rate).", value_field, name)
    # A GeoPackage's fid shows up as a field; it is written as source_fid instead.
    names = [f for f in fields.names() if f.lower() not in ("fid", SOURCE_FID)]
    source_crs = source.sourceCrs()
    metric = source_crs.isValid()
    if not metric:
        feedback.pushWarning(tr("The layer '{}' has no coordinate reference system: distances are taken in the "
                                "layer's own units.").format(name))
    geometry = geometry_type(source.wkbType())
    if geometry == GEOMETRY_POLYGON:
        table = _read_polygon_features(source, names, source_crs, metric, feedback,
                                       whole_layer(alg, parameters, INPUT, context))
    elif geometry == GEOMETRY_POINT:
        pts = read_points(source, names, layer=whole_layer(alg, parameters, INPUT, context),
                          working_crs=None if metric else source_crs, feedback=feedback)
        table = FeatureValues(None, pts.x, pts.y, pts.fid, pts.attributes, pts.crs, metric, name)
    else:
        raise InputError("The layer '{}' has neither polygons nor points; give polygons with a value (e.g. the "
                         "output of Aggregate incidents) or points with a value.", name)
    table.layer_name = name
    for f in names:
        # Integer fields come back as floats; keep them integers in the output when nothing is missing.
        values = table.attributes[f]
        if fields.field(f).type() in INTEGER_FIELD_TYPES and values.dtype.kind == "f" and np.all(np.isfinite(values)):
            table.attributes[f] = values.astype(np.int64)
    if table.n == 0:
        raise InputError("The layer '{}' has no features with a usable geometry.", name)
    if value_field:
        values = np.asarray(table.attributes[value_field], dtype=np.float64)
        ok = np.isfinite(values)
        if not ok.all():
            feedback.pushWarning(tr("{} features have no value in '{}' (NULL) and are left out: ids {}.")
                                 .format(int((~ok).sum()), value_field, table.describe_ids(np.flatnonzero(~ok))))
            table = _subset(table, ok)
            values = values[ok]
        table.values = values
        table.value_field = value_field
    if metric:
        feedback.pushInfo(tr("Working CRS: {}").format(crs_mod.describe(table.crs)))
    return table


def _read_polygon_features(source, names, source_crs, metric: bool, feedback, layer=None) -> FeatureValues:
    working = source_crs
    if metric:
        centre = source.sourceExtent().center()
        working = crs_mod.choose_working_crs(source_crs, np.array([centre.x()]), np.array([centre.y()]))
    polys = read_polygons(source, names, working_crs=working, feedback=feedback, layer=layer)
    table = FeatureValues(None, np.empty(0), np.empty(0), polys.fid, polys.attributes, working, metric, "",
                          parts=polys.parts)
    _set_rings(table)
    if polys.n_features:
        feedback.pushInfo(tr("Read {} polygons.").format(len(polys.parts)))
    return table


def _set_rings(table: FeatureValues) -> None:
    """Flat ring arrays and centroids of the polygons."""
    rings, owner, hole = [], [], []
    for i, feature in enumerate(table.parts):
        for part in feature:
            for j, ring in enumerate(part):
                rings.append(ring)
                owner.append(i)
                hole.append(j > 0)
    lengths = np.fromiter(map(len, rings), dtype=np.int64, count=len(rings))
    table.ring_offsets = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
    table.ring_xy = np.concatenate(rings) if rings else np.empty((0, 2))
    table.ring_polygon = np.asarray(owner, dtype=np.int64)
    table.ring_hole = np.asarray(hole, dtype=bool)
    table.x, table.y = polygon_centroids(table.ring_xy, table.ring_offsets, table.ring_polygon, table.ring_hole,
                                         len(table.parts))


def _subset(table: FeatureValues, keep: np.ndarray) -> FeatureValues:
    out = FeatureValues(
        None if table.values is None else table.values[keep], table.x[keep], table.y[keep], table.fid[keep],
        {k: v[keep] for k, v in table.attributes.items()}, table.crs, table.metric, table.layer_name,
        table.value_field,
    )
    if table.parts is not None:
        out.parts = [p for p, k in zip(table.parts, keep) if k]
        _set_rings(out)
    return out


def read_values_and_weights(alg, parameters, context, feedback) -> tuple[FeatureValues, SpatialWeights, str]:
    """INPUT with its VALUE_FIELD checked for the local statistics, and the weights chosen by the
    neighbour parameters with their description (progress to 10 %, cancel checked after each step)."""
    table = read_features(alg, parameters, context, feedback)
    check_values(table)
    check_cancel(feedback)
    feedback.setProgress(10)
    w, description = build_weights(alg, parameters, context, table, feedback)
    check_cancel(feedback)
    return table, w, description


def check_values(table: FeatureValues) -> None:
    """Refuse values the statistics cannot use, with the reason in the user's terms."""
    n = table.n
    if n < 3:
        raise InputError("'{}' has {} feature(s) with a value in '{}'; spatial autocorrelation needs at least 3 "
                         "(better 30 or more).", table.layer_name, n, table.value_field)
    if np.all(table.values == table.values[0]):
        raise InputError("All {} values of '{}' are equal ({:g}); hot spots and clusters need values that vary. "
                         "Choose another field or a larger area.", n, table.value_field, table.values[0])


# --------------------------------------------------------------------------------------------
# Weights
# --------------------------------------------------------------------------------------------


def build_weights(alg, parameters, context, table: FeatureValues, feedback) -> tuple[SpatialWeights, str]:
    """The spatial weights chosen by NEIGHBOURS, DISTANCE and K, with a description for the log
    and the outputs. Features without neighbours are reported; weights without any link raise."""
    kind = alg.parameterAsEnum(parameters, NEIGHBOURS, context)
    unit = table.unit
    if kind in (QUEEN, ROOK):
        if table.is_points:
            raise InputError("Contiguity (queen or rook) needs polygons; for points choose a distance band "
                             "(NEIGHBOURS 2) or k nearest neighbours (NEIGHBOURS 3).")
        name = "queen" if kind == QUEEN else "rook"
        tolerance = contiguity_tolerance(table.ring_xy, table.ring_offsets, table.ring_polygon)
        w = contiguity_weights_flat(table.ring_xy, table.ring_offsets, table.ring_polygon, kind=name,
                                    tolerance=tolerance, n=table.n)
        description = (tr("queen contiguity") if kind == QUEEN else tr("rook contiguity"))
        feedback.pushInfo(tr("Contiguity: polygon vertices are snapped to a {:.3g} {} grid, so copies of a shared "
                             "vertex that differ by rounding still match.").format(tolerance, unit))
    elif not table.metric:
        # Contiguity is topology and needs no CRS; distances in unknown units (degrees?) mean nothing.
        raise InputError("The layer '{}' has no coordinate reference system, so the distances for a distance band "
                         "or nearest neighbours are unknown; set the layer's CRS (Layer Properties, Source) or choose "
                         "queen or rook contiguity.", table.layer_name)
    elif kind == DISTANCE_BAND:
        distance = alg.parameterAsDouble(parameters, DISTANCE, context)
        if table.n < 2:
            raise InputError("A distance band needs at least 2 features.")
        needed = min_threshold_distance(table.x, table.y)
        if distance <= 0:
            distance = needed  # distance_band_weights includes pairs at the band up to rounding
            feedback.pushInfo(tr("Automatic distance band: {:.6g} {}, the smallest distance that gives every "
                                 "feature at least one neighbour.").format(distance, unit))
        w = distance_band_weights(table.x, table.y, distance)
        if w.n_links == 0:
            raise InputError("No feature has a neighbour within {:g} {}; increase DISTANCE (at least {:.6g} {} "
                             "gives every feature a neighbour) or set it to 0 (automatic).",
                             distance, unit, needed, unit)
        description = tr("distance band of {:g} {}").format(distance, unit)
        if w.islands.size:
            feedback.pushWarning(tr("A distance band of at least {:.6g} {} would give every feature a neighbour.")
                                 .format(needed, unit))
    else:
        k = alg.parameterAsInt(parameters, K, context)
        if k >= table.n:
            raise InputError("K = {} nearest neighbours needs more than {} features; the layer has {}. Lower K.",
                             k, k, table.n)
        w = knn_weights(table.x, table.y, k)
        description = tr("{} nearest neighbours").format(k)
        tied = knn_tied(w, k)
        if tied:
            feedback.pushInfo(tr("K nearest neighbours: {:,} features have several neighbours at their K-th "
                                 "distance (ties, as on a regular grid); all of them are included, so these features "
                                 "have more than {} neighbours (up to {}).")
                              .format(tied, k, int(w.neighbour_counts.max())))
    log_weights(w, description, table, feedback)
    return w, description


def log_weights(w: SpatialWeights, description: str, table: FeatureValues, feedback) -> None:
    """Weights summary: links and neighbours per feature; islands named by their input ids."""
    counts = w.neighbour_counts
    feedback.pushInfo(tr("Spatial weights: {}; {} features, {} links, neighbours per feature min {} / mean {:.2f} / "
                         "max {}.").format(description, w.n, w.n_links, int(counts.min()), float(counts.mean()),
                                           int(counts.max())))
    if not w.is_symmetric:
        feedback.pushInfo(tr("These neighbours are not symmetric: a feature can be among the nearest of another "
                             "without the reverse."))
    islands = w.islands
    if islands.size:
        feedback.pushWarning(tr("{} features have no neighbour (islands); their statistics are empty and they are "
                                "labelled 'No neighbours': ids {}.").format(islands.size, table.describe_ids(islands)))


def progress(feedback, start: float, end: float):
    """A progress callback for the permutation engine that maps 0..1 onto start..end % and
    stops the computation when the user cancels."""
    def report(fraction: float) -> None:
        feedback.setProgress(start + (end - start) * fraction)
        check_cancel(feedback)

    return report


# --------------------------------------------------------------------------------------------
# Writing
# --------------------------------------------------------------------------------------------


def write_features(alg, parameters, name: str, context, table: FeatureValues, results: dict, feedback) -> str:
    """Write the input fields, ``source_fid`` and the ``results`` columns (one value per feature)
    with the features' geometry to the sink ``name``; input fields named like a result are
    replaced by it."""
    frame = {SOURCE_FID: table.fid}
    clash = {k.lower() for k in results}
    for key, values in table.attributes.items():
        if key.lower() not in clash:
            frame[key] = values
    frame.update(results)
    return write_frame(alg, parameters, name, context, pd.DataFrame(frame), table.crs, wkb=table.geometries(),
                       wkb_type=table.wkb_type, feedback=feedback)


def translated_style(spec: dict) -> dict:
    """A categorized style spec with its legend labels translated (values stay as written)."""
    return {**spec, "categories": [(value, colour, tr(label)) for value, colour, label in spec["categories"]]}
