"""besecure:concealment - planting and boundaries beside paths, dead ends and distance to an exit."""
from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsVectorLayer,
)

from ...analysis.design.rules import constant, vegetation_kinds, vegetation_verdicts
from ...analysis.design.visual_checks import substring
from ...analysis.errors import InputError
from ...analysis.geometry.network import (
    MAX_SNAP_M,
    build_network,
    dead_ends,
    exit_distance_pieces,
    exit_nodes,
    node_distances,
)
from ...analysis.geometry.proximity import Shapes, nearest_places
from ...compat import (
    FIELD_ANY,
    FIELD_NUMERIC,
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    GEOMETRY_POLYGON,
    NUMBER_DOUBLE,
    VECTOR_ANY,
    VECTOR_LINE,
    VECTOR_POINT,
    WKB_LINESTRING,
    WKB_POINT,
    geometry_type,
)
from ...i18n import tr
from ...layers.read import read_lines, read_points, read_polygons
from ...layers.write import line_wkb, point_wkb, write_frame
from ..access_inputs import add_ruleset_parameter, read_features, read_network, ruleset_from, verdict_style
from ..base import BesecureAlgorithm, Help, check_cancel
from ..plan_inputs import source_of, working_crs_of

OBJECTS = "OBJECTS"
HEIGHT_FIELD = "HEIGHT_FIELD"
CROWN_BASE_FIELD = "CROWN_BASE_FIELD"
KIND_FIELD = "KIND_FIELD"
DEFAULT_KIND = "DEFAULT_KIND"
PATHS = "PATHS"
CLEAR_STRIP = "CLEAR_STRIP"
RULESET = "RULESET"
EXITS = "EXITS"
EXIT_TOLERANCE = "EXIT_TOLERANCE"
MAX_EXIT_DISTANCE = "MAX_EXIT_DISTANCE"
SNAP = "SNAP"
OUTPUT = "OUTPUT"
OUTPUT_ESCAPE = "OUTPUT_ESCAPE"
OUTPUT_DEAD_ENDS = "OUTPUT_DEAD_ENDS"

OBJECT_STYLE = verdict_style("verdict", [("pass", "Meets the rule"), ("fail", "Can hide a person"),
                                         ("not_assessed", "Not assessed")])
ESCAPE_STYLE = verdict_style("verdict", [("ok", "Within reach of an exit"), ("too_far", "Too far from an exit")])
DEAD_END_STYLE = {"kind": "single", "colour": "#d73027"}


class Concealment(BesecureAlgorithm):
    ALGORITHM_ID = "concealment"
    DISPLAY_NAME = "Concealment and escape routes"
    GROUP_ID = "sbd"
    TAGS = "concealment,hiding place,escape route,vegetation,dead end,sight line,CPTED,security by design"
    HELP = Help(
        "Checks planting and boundaries beside paths against the concealment rules of Secured by Design / CPTED "
        "(shrubs low, tree crowns raised, front boundaries low, rear boundaries high) and the footpath network "
        "for entrapment: dead ends, and stretches of path farther than a set distance from an exit.",
        {
            OBJECTS: "Vegetation and street furniture: points, lines (hedges, fences, walls) or polygons (shrub "
            "beds), any CRS.",
            HEIGHT_FIELD: "Numeric field with the height in metres (mature height for planting).",
            CROWN_BASE_FIELD: "Optional numeric field with the height of a tree's lowest branches in metres.",
            KIND_FIELD: "Optional field with the kind of object as named in the rule set: shrub, tree, "
            "front_boundary, rear_boundary (case does not matter). Objects of other kinds are not assessed.",
            DEFAULT_KIND: "Kind of objects without a kind field or value (default shrub).",
            PATHS: "Footpaths (lines): the objects are judged by their distance to them, and they form the "
            "network for the escape check.",
            CLEAR_STRIP: "Width in metres of the clear strip either side of a path where the near-path rules apply "
            "(default: the rule set's clear_strip_m, 2 m).",
            RULESET: "Optional own concealment rule set (JSON, the layout of knowledge/rulesets/"
            "secured_by_design.json).",
            EXITS: "Optional exits, one or more layers of any geometry: gates and entrances (points, joined to "
            "the nearest path), streets (lines) and squares (polygons); a path end or junction within "
            "EXIT_TOLERANCE of them is a way out. Without exits every junction of three or more paths counts as "
            "a way out.",
            EXIT_TOLERANCE: "Exit points within this many metres of a path are joined to it, and path nodes within "
            "this distance of an exit line or polygon are exits (default 5 m).",
            MAX_EXIT_DISTANCE: "Path stretches farther than this many metres along the paths from the nearest exit "
            "are flagged (default 100 m, a project default to set for your area).",
            SNAP: "Path ends and junctions closer than this many metres are joined (default 0.5 m, at most 10 m).",
        },
        {
            OUTPUT: "Objects with kind, height_m, crown_base_m, distance_m to the nearest path, verdict (pass, fail, "
            "not_assessed), rule, reason and source (where the rule's value is published).",
            OUTPUT_ESCAPE: "Footpath pieces with exit_distance_m (the farthest distance to an exit along the "
            "network on the piece), verdict (ok, too_far) and dead_end (1 on a cul-de-sac branch).",
            OUTPUT_DEAD_ENDS: "Dead ends of the footpath network with branch_m, the length of the cul-de-sac "
            "leading to them.",
        },
        "Rules from the editable rule set knowledge/rulesets/secured_by_design.json (each value with its source); "
        "the near-path rules apply within the clear strip, measured as the exact shortest distance from the "
        "object to the path. Network: paths are joined where they cross; distances to the nearest exit by "
        "Dijkstra (scipy.sparse.csgraph); along an edge the distance is min(d_u + t, d_v + L - t), so the "
        "too-far stretches are exact. Dead ends are found by peeling nodes of degree 1 that are not exits.",
        "A failing shrub or a low tree crown beside a path gives someone a place to hide: prune or replace it. A "
        "dead end or a long path without a way out is where a person can be trapped: connect it, or make it "
        "visible and lit.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(OBJECTS, tr("Vegetation and furniture"),
                                                              [VECTOR_ANY]))
        self.addParameter(QgsProcessingParameterField(HEIGHT_FIELD, tr("Height field (m)"), None, OBJECTS,
                                                      FIELD_NUMERIC))
        self.addParameter(QgsProcessingParameterField(CROWN_BASE_FIELD, tr("Crown base field (m)"), None, OBJECTS,
                                                      FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterField(KIND_FIELD, tr("Kind field"), None, OBJECTS, FIELD_ANY,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterString(DEFAULT_KIND, tr("Kind of objects without one"), "shrub"))
        self.addParameter(QgsProcessingParameterFeatureSource(PATHS, tr("Footpaths"), [VECTOR_LINE]))
        self.addParameter(QgsProcessingParameterNumber(CLEAR_STRIP, tr("Clear strip either side of paths (m, "
                                                                       "optional)"), NUMBER_DOUBLE, None, True, 0.0))
        add_ruleset_parameter(self, "secured_by_design")
        self.addParameter(QgsProcessingParameterMultipleLayers(EXITS, tr("Exits (gates, streets, squares)"),
                                                               VECTOR_ANY, optional=True))
        self.add_number(EXIT_TOLERANCE, "Exit distance to the paths (m)", 5.0, 0.0, advanced=True)
        self.add_number(MAX_EXIT_DISTANCE, "Longest distance to an exit (m)", 100.0, 0.0)
        self.add_number(SNAP, "Snapping tolerance (m)", 0.5, 0.0, MAX_SNAP_M, advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Concealment per object")))
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT_ESCAPE, tr("Distance to an exit"), VECTOR_LINE))
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT_DEAD_ENDS, tr("Dead ends"), VECTOR_POINT))

    def compute(self, parameters, context, feedback):
        ruleset = ruleset_from(self, parameters, context, "secured_by_design", "vegetation")
        crs = working_crs_of(source_of(self, parameters, PATHS, context, tr("footpaths")))
        height_field = self.parameterAsString(parameters, HEIGHT_FIELD, context)
        crown_field = self.parameterAsString(parameters, CROWN_BASE_FIELD, context)
        kind_field = self.parameterAsString(parameters, KIND_FIELD, context)
        objects = read_features(self, parameters, OBJECTS, context, crs, feedback, tr("vegetation"),
                                [height_field, crown_field, kind_field])
        n = objects.fid.size
        if n == 0:
            raise InputError("The vegetation layer has no feature with a usable geometry.")
        lines, _ = read_network(self, parameters, PATHS, context, crs, feedback, tr("footpaths"))
        check_cancel(feedback)

        # 1. Concealment.
        near = nearest_places(objects.shapes, n, Shapes.build(lines=lines, line_owner=range(len(lines))))
        height = self._numbers(objects, height_field)
        crown = self._numbers(objects, crown_field) if crown_field else np.full(n, np.nan)
        kinds, unknown, known = vegetation_kinds(objects.text(kind_field) if kind_field else None, n,
                                          self.parameterAsString(parameters, DEFAULT_KIND, context), ruleset)
        if unknown:
            feedback.pushWarning(tr("Kinds without a rule are not assessed: {} (the rule set knows {}).").format(
                ", ".join(unknown), ", ".join(known)))
        missing = int(np.isnan(height).sum())
        if missing:
            feedback.pushWarning(tr("{} objects have no height; rules on height do not apply to them.").format(missing))
        strip = parameters.get(CLEAR_STRIP)
        strip = None if strip in (None, "") else self.parameterAsDouble(parameters, CLEAR_STRIP, context)
        verdicts = vegetation_verdicts(height, crown, near.distance, kinds, ruleset, clear_strip_m=strip)
        sources = {rule["id"]: rule["value"]["source"] for rule in ruleset["rules"]}
        frame = pd.DataFrame({
            "object_fid": objects.fid.astype(np.int64), "kind": kinds, "height_m": height, "crown_base_m": crown,
            "distance_m": np.where(np.isfinite(near.distance), near.distance, np.nan),
            "verdict": verdicts.verdict, "rule": verdicts.rule, "reason": verdicts.reason,
            "source": [sources.get(r, "") for r in verdicts.rule],
        })
        strip_used = constant(ruleset["clear_strip_m"]) if strip is None else strip
        check_cancel(feedback)

        # 2. Escape: dead ends and distance to an exit along the footpaths.
        tolerance = self.parameterAsDouble(parameters, EXIT_TOLERANCE, context)
        exit_points, exit_shapes = self._exits(parameters, context, crs, feedback)
        built = build_network(lines, self.parameterAsDouble(parameters, SNAP, context),
                              points=exit_points if exit_points.shape[0] else None, point_tolerance=tolerance)
        net = built.network
        exits = exit_nodes(built, exit_shapes, tolerance)
        if exits.junctions:
            feedback.pushInfo(tr("No exits given: the {} junctions of three or more paths count as ways out.")
                              .format(exits.nodes.size))
        else:
            if exits.n_far:
                feedback.pushWarning(tr("{} exit points are farther than EXIT_TOLERANCE from the paths and were left "
                                        "out.").format(exits.n_far))
            feedback.pushInfo(tr("{} path nodes are exits.").format(exits.nodes.size))
        ends = dead_ends(net, exits.nodes)
        limit = self.parameterAsDouble(parameters, MAX_EXIT_DISTANCE, context)
        dist = node_distances(net, exits.nodes)
        pieces = exit_distance_pieces(net, dist, limit)
        escape = pd.DataFrame({
            "edge": pieces.edge.astype(np.int64), "start_m": pieces.start_m, "end_m": pieces.end_m,
            "exit_distance_m": np.where(np.isfinite(pieces.max_dist_m), pieces.max_dist_m, np.nan),
            "verdict": np.where(pieces.too_far, "too_far", "ok"),
            "dead_end": ends.edge_in_branch[pieces.edge].astype(np.int64),
        })
        escape_wkb = [line_wkb(substring(net.edge_coords[e], a, b))
                      for e, a, b in zip(pieces.edge, pieces.start_m, pieces.end_m)]
        dead = pd.DataFrame({"branch_m": np.where(np.isfinite(ends.branch_m), ends.branch_m, np.nan)})
        dead_xy = net.node_xy[ends.node]
        check_cancel(feedback)

        dest = write_frame(self, parameters, OUTPUT, context, frame, crs, wkb=objects.wkb,
                           wkb_type=objects.wkb_type, feedback=feedback)
        self.output_written(parameters, context, dest, OBJECT_STYLE, "Concealment per object")
        escape_dest = write_frame(self, parameters, OUTPUT_ESCAPE, context, escape, crs, wkb=escape_wkb,
                                  wkb_type=WKB_LINESTRING, feedback=feedback)
        self.output_written(parameters, context, escape_dest, ESCAPE_STYLE, "Distance to an exit")
        dead_dest = write_frame(self, parameters, OUTPUT_DEAD_ENDS, context, dead, crs,
                                wkb=point_wkb(dead_xy[:, 0], dead_xy[:, 1]), wkb_type=WKB_POINT,
                                feedback=feedback)
        self.output_written(parameters, context, dead_dest, DEAD_END_STYLE, "Dead ends")
        counts = frame["verdict"].value_counts()
        too_far = float((escape.end_m - escape.start_m)[escape.verdict == "too_far"].sum())
        feedback.pushInfo(tr("{} objects (clear strip {:g} m): {} fail, {} pass, {} not assessed. {} dead ends; "
                             "{:.0f} m of path farther than {:g} m from an exit.").format(
            n, strip_used, counts.get("fail", 0), counts.get("pass", 0), counts.get("not_assessed", 0),
            ends.node.size, too_far, limit))
        return {OUTPUT: dest, OUTPUT_ESCAPE: escape_dest, OUTPUT_DEAD_ENDS: dead_dest}

    def _exits(self, parameters, context, crs, feedback) -> tuple[np.ndarray, Shapes | None]:
        """Exit points (to join to the paths) and exit lines and polygons (as shapes) of the EXITS layers."""
        points, lines, polygons = [], [], []
        for lyr in self.parameterAsLayerList(parameters, EXITS, context):
            kind = geometry_type(lyr.wkbType()) if isinstance(lyr, QgsVectorLayer) else None
            if kind == GEOMETRY_POINT:
                table = read_points(lyr, [], layer=lyr, working_crs=crs, feedback=feedback)
                points.append(np.column_stack([table.x, table.y]))
            elif kind == GEOMETRY_LINE:
                lines += [part for parts in read_lines(lyr, [], working_crs=crs, feedback=feedback).parts
                          for part in parts]
            elif kind == GEOMETRY_POLYGON:
                polygons += [part for parts in read_polygons(lyr, [], working_crs=crs, feedback=feedback).parts
                             for part in parts]
            else:
                raise InputError("The exit layer '{}' must contain points, lines or polygons.", lyr.name())
        xy = np.vstack(points) if points else np.zeros((0, 2))
        shapes = None
        if lines or polygons:
            shapes = Shapes.build(lines=lines, line_owner=[0] * len(lines), polygons=polygons,
                                  polygon_owner=[0] * len(polygons))
        return xy, shapes

    @staticmethod
    def _numbers(objects, field: str) -> np.ndarray:
        values = np.asarray(objects.attributes[field])
        if values.dtype.kind != "f":
            raise InputError("The field '{}' must be numeric.", field)
        return values.astype(float)
