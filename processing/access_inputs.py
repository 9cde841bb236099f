"""Inputs shared by the access and concealment checks (``vehicleaccess``, ``concealment``,
``standoff``) and the security-by-design report: the RULESET parameter, protected zones given as
polygons or closed lines, drivable or walkable networks, barriers with their ratings, and the
verdict styles. Plan layers in general are read through :mod:`processing.plan_inputs`.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from qgis.core import QgsProcessingParameterFile

from ..analysis.design.rules import Ruleset
from ..analysis.design.vehicle_access import Barriers
from ..analysis.errors import InputError
from ..analysis.geometry.network import build_network, points_along
from ..analysis.geometry.polygons import assign_points_to_polygons
from ..analysis.geometry.proximity import Shapes
from ..compat import (
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    WKB_MULTILINESTRING,
    WKB_MULTIPOLYGON,
    WKB_POINT,
    geometry_type,
)
from ..i18n import N_, tr
from ..knowledge.rulesets import load_ruleset
from ..layers.geomops import difference, polygon_geometry, union
from ..layers.read import read_lines, read_points, read_polygons
from ..layers.wkb import multipolygon_wkb, polygon_parts
from ..layers.write import multiline_wkb, point_wkb
from .incidents import whole_layer
from .plan_inputs import source_of

RULESET = "RULESET"

VERDICT_COLOURS = {
    "adequate": "#1a9850",
    "pass": "#1a9850",  # nosec B105  # the colour of a 'pass' verdict
    "ok": "#1a9850",
    "shelter": "#fdae61",
    "unrated": "#fdae61",
    "not_assessed": "#bdbdbd",
    "inadequate": "#d73027",
    "fail": "#d73027",
    "too_far": "#d73027",
    "no barrier": "#7f0000",
}


def verdict_style(field: str, values: list[tuple[str, str]]) -> dict:
    """A categorized style on ``field`` with the shared verdict colours; ``values`` = (value, label)."""
    return {"kind": "categorized", "field": field,
            "categories": [(v, VERDICT_COLOURS.get(v, "#969696"), label) for v, label in values]}


def add_ruleset_parameter(alg, bundled: str) -> None:
    """Declare RULESET: an optional JSON file replacing the bundled rule set ``bundled``."""
    param = QgsProcessingParameterFile(RULESET, tr("Own rule set (JSON, optional)"), extension="json", optional=True)
    param.setHelp(tr("A city's own edited copy of knowledge/rulesets/{}.json; checked before use.").format(bundled))
    alg.addParameter(param)


def ruleset_from(alg, parameters, context, bundled: str, kind: str) -> Ruleset:
    """The rule set of RULESET (validated by :func:`load_ruleset`) or the bundled one."""
    path = alg.parameterAsFile(parameters, RULESET, context)
    data = load_ruleset(path if path else bundled)
    if data["kind"] != kind:
        raise InputError("The rule set '{}' is of kind '{}'; this check needs a '{}' rule set (like "
                         "knowledge/rulesets/{}.json).", data['id'], data['kind'], kind, bundled)
    return data


def read_zones(alg, parameters, name, context, working_crs, feedback, close_tolerance: float,
               label: str = N_("zone"), allow_empty: bool = False) -> tuple[list[list[np.ndarray]], np.ndarray]:
    """Protected zones as polygons (lists of rings) and their feature ids.

    A polygon layer is read with invalid polygons repaired (logged). A line layer is accepted
    when every line is closed: a ring whose ends are within ``close_tolerance`` metres is closed
    (logged); one whose ends are farther apart is refused with a message naming the feature.
    """
    source = source_of(alg, parameters, name, context, tr(label))
    kind = geometry_type(source.wkbType())
    polygons: list[list[np.ndarray]] = []
    fids: list[int] = []
    n_closed = 0
    if kind == GEOMETRY_POLYGON:
        table = read_polygons(source, [], working_crs=working_crs, feedback=feedback,
                              layer=whole_layer(alg, parameters, name, context))
        for fid, parts in zip(table.fid, table.parts):
            for part in parts:
                rings = [np.asarray(r, dtype=float) for r in part if len(r) >= 3]
                n_closed += sum(not np.array_equal(r[0], r[-1]) for r in rings)
                if rings:
                    polygons.append(rings)
                    fids.append(int(fid))
    elif kind == GEOMETRY_LINE:
        table = read_lines(source, [], working_crs=working_crs, feedback=feedback,
                           layer=whole_layer(alg, parameters, name, context))
        for fid, parts in zip(table.fid, table.parts):
            for line in parts:
                gap = float(np.hypot(*(line[-1] - line[0])))
                if gap > close_tolerance or len(line) < 3:
                    raise InputError("The {} boundary line (feature {}) is not closed: its ends are {:.2f} m "
                                     "apart. Close the line, or give the {} as a polygon layer.",
                                     tr(label), fid, gap, tr(label))
                n_closed += gap > 0
                polygons.append([line])
                fids.append(int(fid))
    else:
        raise InputError("The {} layer must contain polygons (or closed boundary lines).", tr(label))
    if not polygons and not allow_empty:
        raise InputError("The {} layer '{}' has no polygon with a usable geometry.", tr(label), source.sourceName())
    if n_closed:
        feedback.pushWarning(tr("{} {} boundaries were not closed; they were closed before use.")
                             .format(n_closed, tr(label)))
    return polygons, np.asarray(fids, dtype=np.int64)


def read_network(alg, parameters, name, context, working_crs, feedback, label: str) -> tuple[list[np.ndarray],
                                                                                               np.ndarray]:
    """Polylines of a line layer (every part) and the feature id of each."""
    source = source_of(alg, parameters, name, context, label)
    table = read_lines(source, [], working_crs=working_crs, feedback=feedback,
                       layer=whole_layer(alg, parameters, name, context))
    lines, fids = [], []
    for fid, parts in zip(table.fid, table.parts):
        for part in parts:
            lines.append(part)
            fids.append(int(fid))
    if not lines:
        raise InputError("The {} layer '{}' has no lines with a usable geometry.", label, source.sourceName())
    return lines, np.asarray(fids, dtype=np.int64)


def _text(values: np.ndarray | None, n: int) -> list[str | None]:
    if values is None:
        return [None] * n
    out: list[str | None] = []
    for v in values:
        if v is None or (isinstance(v, float) and np.isnan(v)):
            out.append(None)
        else:
            text = str(v).strip()
            out.append(text or None)
    return out


def read_barriers(alg, parameters, names, context, working_crs, feedback, rating_field: str, diameter_field: str,
                  id_field: str, default_diameter: float) -> Barriers:
    """Bollards (points, with a diameter) and barrier lines with their rating strings, from one or
    more optional layers (``names``); a field missing from a layer counts as empty there."""
    barriers = Barriers()
    for name in names:
        source = source_of(alg, parameters, name, context, tr("barriers"), optional=True)
        if source is not None:
            present = set(source.fields().names())
            fields = [f if f in present else "" for f in (rating_field, diameter_field, id_field)]
            if rating_field and rating_field not in present:
                feedback.pushWarning(tr("The barrier layer '{}' has no field '{}': its barriers are unrated.")
                                     .format(source.sourceName(), rating_field))
            barriers = barriers.combined(_read_barrier_layer(alg, parameters, name, context, source, working_crs,
                                                             feedback, *fields, default_diameter))
    unrated = sum(r is None for r in barriers.rating)
    if barriers.n and not rating_field:
        feedback.pushWarning(tr("No rating field given: every barrier counts as unrated."))
    elif unrated:
        feedback.pushWarning(tr("{} of {} barriers have no rating; an entry they close is 'unrated'.")
                             .format(unrated, barriers.n))
    feedback.pushInfo(tr("{} barrier elements read.").format(barriers.n))
    return barriers


def _read_barrier_layer(alg, parameters, name, context, source, working_crs, feedback, rating_field: str,
                        diameter_field: str, id_field: str, default_diameter: float) -> Barriers:
    fields = [f for f in (rating_field, diameter_field, id_field) if f]
    kind = geometry_type(source.wkbType())
    if kind == GEOMETRY_POINT:
        table = read_points(source, fields, layer=whole_layer(alg, parameters, name, context), working_crs=working_crs,
                            feedback=feedback)
        n = table.x.size
        diameter = np.full(n, float(default_diameter))
        if diameter_field:
            given = np.asarray(table.attributes[diameter_field], dtype=float)
            diameter = np.where(given > 0, given, diameter)
        ids = _text(table.attributes.get(id_field), n) if id_field else [None] * n
        labels = tuple(tr("bollard {}").format(i if i is not None else f"fid {f}") for i, f in zip(ids, table.fid))
        ratings = tuple(_text(table.attributes.get(rating_field), n))
        barriers = Barriers(np.column_stack([table.x, table.y]), diameter, (), ratings, labels)
    elif kind == GEOMETRY_LINE:
        table = read_lines(source, fields, working_crs=working_crs, feedback=feedback,
                           layer=whole_layer(alg, parameters, name, context))
        n = len(table.parts)
        ids = _text(table.attributes.get(id_field), n) if id_field else [None] * n
        rating = _text(table.attributes.get(rating_field), n)
        lines, ratings, labels = [], [], []
        for k, parts in enumerate(table.parts):
            for part in parts:
                lines.append(part)
                ratings.append(rating[k])
                labels.append(tr("barrier {}").format(ids[k] if ids[k] is not None else f"fid {table.fid[k]}"))
        barriers = Barriers(np.zeros((0, 2)), np.zeros(0), tuple(lines), tuple(ratings), tuple(labels))
    else:
        raise InputError("The barrier layer must contain points (bollards) or lines (walls, fences, rated barriers).")
    if n == 0:  # given but empty (or every geometry null): every entry would be judged as if open
        feedback.pushWarning(tr("The barrier layer '{}' has no feature with a usable geometry; the entries are "
                                "assessed without its barriers.").format(source.sourceName()))
    return barriers


@dataclass
class Features:
    """A layer read as :class:`~analysis.geometry.proximity.Shapes` (feature ``i`` owns its parts), with the
    output geometry (WKB) and fid of each feature and the requested attributes."""

    shapes: Shapes
    wkb: list[bytes]
    wkb_type: int
    fid: np.ndarray
    attributes: dict[str, np.ndarray]

    def text(self, name: str) -> list[str | None]:
        """Attribute ``name`` as text (None for NULL)."""
        return _text(self.attributes[name], self.fid.size)


def read_features(alg, parameters, name, context, crs, feedback, label: str, fields=(),
                  exclude: list[list[np.ndarray]] | None = None) -> Features:
    """Points, lines or polygons of any layer with ``fields``; parts inside ``exclude`` polygons are
    removed (lines are cut at the polygon boundaries, polygons clipped by GEOS)."""
    source = source_of(alg, parameters, name, context, label)
    kind = geometry_type(source.wkbType())
    fields = [f for f in fields if f]
    if kind == GEOMETRY_POINT:
        t = read_points(source, fields, layer=whole_layer(alg, parameters, name, context), working_crs=crs,
                        feedback=feedback)
        xy = np.column_stack([t.x, t.y])
        keep = np.ones(xy.shape[0], dtype=bool)
        if exclude:
            keep = assign_points_to_polygons(xy[:, 0], xy[:, 1], exclude) < 0
        idx = np.flatnonzero(keep)
        shapes = Shapes.build(points=xy[idx], point_owner=np.arange(idx.size))
        return Features(shapes, point_wkb(xy[idx, 0], xy[idx, 1]), WKB_POINT, t.fid[idx],
                        {f: v[idx] for f, v in t.attributes.items()})
    if kind == GEOMETRY_LINE:
        t = read_lines(source, fields, working_crs=crs, feedback=feedback,
                       layer=whole_layer(alg, parameters, name, context))
        lines, owner = [], []
        for i, parts in enumerate(t.parts):
            lines += parts
            owner += [i] * len(parts)
        wkb = [multiline_wkb(parts) for parts in t.parts]
        if exclude and lines:
            net = build_network(lines, snap=0.0, cutters=[np.vstack([r, r[:1]]) for p in exclude for r in p]).network
            mids = points_along(net.edge_coords, np.arange(net.n_edges), net.edge_length / 2)
            out = np.flatnonzero(assign_points_to_polygons(mids[:, 0], mids[:, 1], exclude) < 0)
            lines = [net.edge_coords[e] for e in out]
            owner = [owner[int(net.edge_line[e])] for e in out]
        shapes = Shapes.build(lines=lines, line_owner=owner)
        return Features(shapes, wkb, WKB_MULTILINESTRING, t.fid, t.attributes)
    if kind == GEOMETRY_POLYGON:
        t = read_polygons(source, fields, working_crs=crs, feedback=feedback,
                          layer=whole_layer(alg, parameters, name, context))
        parts_per_feature = t.parts
        if exclude:
            minus = union([polygon_geometry(r) for r in exclude])
            parts_per_feature = []
            for parts in t.parts:
                rest = difference(union([polygon_geometry(p) for p in parts]), minus)
                parts_per_feature.append(polygon_parts(bytes(rest.asWkb())) if not rest.isEmpty() else [])
        polys, owner = [], []
        for i, parts in enumerate(parts_per_feature):
            polys += parts
            owner += [i] * len(parts)
        shapes = Shapes.build(polygons=polys, polygon_owner=owner)
        return Features(shapes, [multipolygon_wkb(p) for p in parts_per_feature], WKB_MULTIPOLYGON, t.fid,
                        t.attributes)
    raise InputError("The {} layer must contain points, lines or polygons.", label)
