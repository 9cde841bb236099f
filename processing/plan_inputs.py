"""Plan-layer input shared by the security-by-design checks: working CRS, points with numeric
attributes, paths (lines or polygons), building footprints as occluders, progress.

One place so that ``lightingcheck``, ``naturalsurveillance`` and ``cctvcoverage`` (and later
checks) read plan layers identically: every layer is moved into one metric working CRS, multi-part
features are split into parts that remember their feature, and building footprints become the
visibility engine's occluders.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsCoordinateReferenceSystem

from ..analysis.design.visual_checks import usable_rings
from ..analysis.errors import Cancelled, InputError
from ..analysis.geometry.visibility import OccluderSet
from ..compat import GEOMETRY_LINE, GEOMETRY_POLYGON, REQUEST_NO_GEOMETRY_CHECK, geometry_type
from ..i18n import tr
from ..layers import crs as crs_mod
from ..layers.read import PointTable, read_lines, read_points, read_polygons
from .incidents import whole_layer


def source_of(alg, parameters, name, context, label: str, optional: bool = False):
    """The feature source of parameter ``name``; None when optional and not given.

    Invalid geometries do not stop the run (real footprints often self-touch): the readers repair
    polygons with ``makeValid`` and say so in the log.
    """
    previous = context.invalidGeometryCheck()
    context.setInvalidGeometryCheck(REQUEST_NO_GEOMETRY_CHECK)
    try:
        source = alg.parameterAsSource(parameters, name, context)
    finally:
        context.setInvalidGeometryCheck(previous)
    if source is None:
        if optional:
            return None
        raise InputError("The {} layer ({}) is missing or could not be opened.", label, name)
    return source


def working_crs_of(source) -> QgsCoordinateReferenceSystem:
    """The metric CRS to work in for a layer: its own if metric, else the UTM zone of its extent's centre."""
    crs = source.sourceCrs()
    if crs_mod.is_metric(crs):
        return crs
    if not crs.isValid():
        raise InputError("The layer '{}' has no valid coordinate reference system; set its CRS in the layer "
                         "properties.", source.sourceName())
    ext = source.sourceExtent()
    return crs_mod.choose_working_crs(crs, np.array([ext.center().x()]), np.array([ext.center().y()]))


def log_crs(feedback, crs: QgsCoordinateReferenceSystem) -> None:
    """State the working CRS (outputs are written in it)."""
    feedback.pushInfo(tr("Working CRS: {}.").format(crs_mod.describe(crs)))


def read_plan_points(alg, parameters, name, context, fields, label: str, feedback,
                     working_crs: QgsCoordinateReferenceSystem | None = None) -> PointTable:
    """Points of a plan layer (lamps, cameras, openings) with ``fields``; refuses an empty layer."""
    source = source_of(alg, parameters, name, context, label)
    table = read_points(source, [f for f in fields if f], layer=whole_layer(alg, parameters, name, context),
                        working_crs=working_crs, feedback=feedback)
    if table.x.size == 0:
        raise InputError("The {} layer '{}' has no points with a usable geometry.", label, source.sourceName())
    return table


def numeric_values(table: PointTable, field: str, default: float) -> np.ndarray:
    """A numeric field as floats (NaN for NULL), or ``default`` for every point when no field is given."""
    if not field:
        return np.full(table.x.size, float(default))
    values = table.attributes[field]
    if values.dtype.kind != "f":
        raise InputError("The field '{}' must be numeric.", field)
    return values.astype(float)


@dataclass
class PlanParts:
    """Paths or zones split into parts: ``lines`` (``(k, 2)`` arrays) or ``polygons`` (ring lists).

    ``feature`` maps each part to its feature (row of ``fid`` and of each ``attributes`` array);
    ``part_no`` numbers the parts of one feature from 0.
    """

    areal: bool
    lines: list[np.ndarray]
    polygons: list[list[np.ndarray]]
    feature: np.ndarray
    part_no: np.ndarray
    fid: np.ndarray
    attributes: dict[str, np.ndarray]
    crs: QgsCoordinateReferenceSystem

    @property
    def n(self) -> int:
        return int(self.feature.size)

    def value(self, field: str, part: int):
        """Attribute ``field`` of the feature of ``part``."""
        return self.attributes[field][self.feature[part]]


def read_plan_parts(alg, parameters, name, context, fields, label: str, working_crs, feedback) -> PlanParts:
    """Lines or polygons of a plan layer (paths, squares, target zones), one entry per part."""
    source = source_of(alg, parameters, name, context, label)
    fields = [f for f in fields if f]
    kind = geometry_type(source.wkbType())
    if kind == GEOMETRY_LINE:
        table = read_lines(source, fields, working_crs=working_crs, feedback=feedback,
                           layer=whole_layer(alg, parameters, name, context))
        per_feature = table.parts
        areal = False
    elif kind == GEOMETRY_POLYGON:
        table = read_polygons(source, fields, working_crs=working_crs, feedback=feedback,
                              layer=whole_layer(alg, parameters, name, context))
        per_feature = table.parts
        areal = True
    else:
        raise InputError("The {} layer '{}' must contain lines or polygons.", label, source.sourceName())
    feature, part_no, items = [], [], []
    for i, parts in enumerate(per_feature):
        for k, part in enumerate(parts):
            feature.append(i)
            part_no.append(k)
            items.append(part)
    if not items:
        raise InputError("The {} layer '{}' has no features with a usable geometry.", label, source.sourceName())
    return PlanParts(areal, [] if areal else items, items if areal else [], np.asarray(feature, dtype=np.int64),
                     np.asarray(part_no, dtype=np.int64), table.fid, table.attributes, working_crs)


@dataclass
class Buildings:
    """Building footprints: exterior rings (one per polygon part), the occluders built from them, and
    the requested attributes per ring (of the ring's feature)."""

    rings: list[np.ndarray]
    occluders: OccluderSet
    attributes: dict[str, np.ndarray]


def read_buildings(alg, parameters, name, context, working_crs, feedback, fields=(),
                   optional: bool = True) -> Buildings | None:
    """Building footprints as solid occluders (exterior rings; courtyards count as inside).

    Footprints that overlap or share walls are fine (the visibility engine handles crossing walls);
    degenerate rings (fewer than 3 distinct vertices, no area) are left out and counted in the log.
    """
    source = source_of(alg, parameters, name, context, "buildings", optional=optional)
    if source is None:
        return None
    fields = [f for f in fields if f]
    table = read_polygons(source, fields, working_crs=working_crs, feedback=feedback,
                          layer=whole_layer(alg, parameters, name, context))
    rings, feature = [], []
    for i, parts in enumerate(table.parts):
        for part in parts:
            if part:
                rings.append(np.asarray(part[0], dtype=float))
                feature.append(i)
    keep = usable_rings(rings)
    if (~keep).any():
        feedback.pushWarning(tr("{} building footprints without area were left out.").format(int((~keep).sum())))
    rings = [r for r, k in zip(rings, keep, strict=True) if k]
    feature = np.asarray(feature, dtype=np.int64)[keep]
    feedback.pushInfo(tr("{} building footprints with {} walls used as occluders.").format(
        len(rings), sum(r.shape[0] for r in rings)))
    return Buildings(rings, OccluderSet.from_rings(rings), {f: table.attributes[f][feature] for f in fields})


def progress_callback(feedback, lo: float, hi: float):
    """A ``Progress`` for the analysis functions: maps 0..1 to ``lo..hi`` percent, raises Cancelled."""

    def report(fraction: float) -> None:
        if feedback is None:
            return
        if feedback.isCanceled():
            raise Cancelled()
        feedback.setProgress(lo + (hi - lo) * min(1.0, max(0.0, fraction)))

    return report
