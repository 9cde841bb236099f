"""besecure:naturalsurveillance - which paths and public space windows and doors overlook."""
from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...analysis.design.visual_checks import (
    building_storeys,
    generated_openings,
    line_samples,
    opening_views,
    overlook_pieces,
    overlook_verdicts,
    overlooked_share,
    snap_to_walls,
    substring,
    view_isovists,
)
from ...analysis.errors import InputError
from ...analysis.geometry.visibility import OccluderSet
from ...compat import FIELD_ANY, FIELD_NUMERIC, VECTOR_LINE, VECTOR_POINT, VECTOR_POLYGON, WKB_LINESTRING, WKB_POLYGON
from ...i18n import tr
from ...layers import geomops
from ...layers.wkb import polygon_wkb
from ...layers.write import line_wkb, write_frame
from ..base import BesecureAlgorithm, Help, check_cancel
from ..plan_inputs import (
    log_crs,
    numeric_values,
    progress_callback,
    read_buildings,
    read_plan_parts,
    read_plan_points,
    source_of,
    working_crs_of,
)

OPENINGS = "OPENINGS"
FACING_FIELD = "FACING_FIELD"
VIEW_ANGLE = "VIEW_ANGLE"
BUILDINGS = "BUILDINGS"
STOREYS_FIELD = "STOREYS_FIELD"
SPACING = "SPACING"
STOREYS = "STOREYS"
STOREY_HEIGHT = "STOREY_HEIGHT"
RANGE = "RANGE"
PATHS = "PATHS"
PATH_ID_FIELD = "PATH_ID_FIELD"
SAMPLE_SPACING = "SAMPLE_SPACING"
SEGMENT_LENGTH = "SEGMENT_LENGTH"
MIN_SHARE = "MIN_SHARE"
PUBLIC_SPACE = "PUBLIC_SPACE"
PATH_WIDTH = "PATH_WIDTH"
SNAP_DISTANCE = "SNAP_DISTANCE"
OUTPUT = "OUTPUT"
OUTPUT_UNWATCHED = "OUTPUT_UNWATCHED"

SHARE_STYLE = {"kind": "graduated", "field": "overlooked_share", "classes": 5,
               "colours": ("#d73027", "#fc8d59", "#fee08b", "#91cf60", "#1a9850")}
UNWATCHED_STYLE = {"kind": "single", "colour": "#b0d73027"}


class NaturalSurveillance(BesecureAlgorithm):
    ALGORITHM_ID = "naturalsurveillance"
    DISPLAY_NAME = "Natural surveillance (overlooking)"
    GROUP_ID = "sbd"
    TAGS = "natural surveillance,overlooking,eyes on the street,windows,visibility,CPTED,security by design"
    HELP = Help(
        "Finds which stretches of path and which parts of public space are overlooked by windows and doors "
        "('eyes on the street'). Each opening sees up to a range within its viewing angle; buildings block the "
        "view. Writes per path piece the share that is overlooked and the number of openings overlooking it, "
        "and the public space that nobody overlooks.",
        {
            OPENINGS: "Window and door points. Leave empty to generate openings along every facade of BUILDINGS "
            "(SPACING, STOREYS). Openings within SNAP_DISTANCE of a facade are moved onto it.",
            FACING_FIELD: "Numeric field with the direction an opening faces (degrees from north, clockwise). "
            "Without it, or where it is empty, an opening faces straight out of the nearest facade; an opening "
            "farther than SNAP_DISTANCE from any facade looks all around.",
            VIEW_ANGLE: "Viewing angle of an opening in degrees, centred on its facing (default 180: a window "
            "sees the half-plane in front of it).",
            BUILDINGS: "Building footprints: they block the view (2-D: every building is taller than the sight "
            "lines) and carry the generated openings. Overlapping footprints are fine.",
            STOREYS_FIELD: "Optional numeric field of BUILDINGS with the number of storeys, for generated "
            "openings (empty values take STOREYS).",
            SPACING: "Distance in metres between generated openings along a facade (default 5 m).",
            STOREYS: "Storeys with windows for generated openings (default 3; each storey's window counts as an "
            "opening).",
            STOREY_HEIGHT: "Storey height in metres, for the height of generated openings (informational).",
            RANGE: "Distance in metres up to which an opening overlooks (default 25 m; about 15 m is the distance "
            "at which a face is recognised).",
            PATHS: "Paths (lines) to check.",
            PATH_ID_FIELD: "Optional field that names a path in the output (path_id).",
            SAMPLE_SPACING: "Distance in metres between the sample points along a path (default 2 m).",
            SEGMENT_LENGTH: "Paths are cut into equal pieces of at most this many metres, each with its own result "
            "(default 25 m; 0 = whole paths).",
            MIN_SHARE: "A piece passes when at least this share of it is overlooked (default 0.8, a project "
            "default: no standard gives a figure).",
            PUBLIC_SPACE: "Optional polygons of public space (squares, parks). Default: the paths, PATH_WIDTH wide.",
            PATH_WIDTH: "Width in metres of the paths when they stand in for the public space (default 2 m).",
            SNAP_DISTANCE: "Openings closer than this many metres to a facade are moved onto it (default 1 m).",
        },
        {
            OUTPUT: "Path pieces with start_m, end_m, length_m, n_samples, overlooked_share (0-1), n_openings "
            "(distinct openings that see some of the piece), verdict (pass/fail against MIN_SHARE) and reason.",
            OUTPUT_UNWATCHED: "Polygons of public space (buildings left out) that no opening overlooks, with area_m2.",
        },
        "Exact 2-D visibility: sight lines and isovists (Benedikt 1979) among the building walls by a rotational "
        "sweep, so walls cut the view exactly; the range is a circle. Path samples are seen when the straight line "
        "from an opening is within range and angle and crosses no wall. The public space overlooked by nobody is "
        "computed with exact polygons: the union of all openings' isovists subtracted from the public space by "
        "QGIS's geometry engine (GEOS). Heights are informational; every storey has the same 2-D view.",
        "Low shares and large unwatched polygons mark places without 'eyes on the street' (Jacobs 1961; Newman "
        "1972): candidates for more active frontage, windows, lighting or rerouting the path.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(OPENINGS, tr("Windows and doors (points)"),
                                                              [VECTOR_POINT], optional=True))
        self.addParameter(QgsProcessingParameterField(FACING_FIELD, tr("Facing direction field (degrees)"), None,
                                                      OPENINGS, FIELD_NUMERIC, optional=True))
        self.add_number(VIEW_ANGLE, "Viewing angle (degrees)", 180.0, 1.0, 360.0)
        self.addParameter(QgsProcessingParameterFeatureSource(BUILDINGS, tr("Buildings"), [VECTOR_POLYGON],
                                                              optional=True))
        self.addParameter(QgsProcessingParameterField(STOREYS_FIELD, tr("Storeys field of the buildings"), None,
                                                      BUILDINGS, FIELD_NUMERIC, optional=True))
        self.add_number(SPACING, "Spacing of generated openings (m)", 5.0, 0.1)
        self.add_number(STOREYS, "Storeys of generated openings", 3, 1, 200, integer=True)
        self.add_number(STOREY_HEIGHT, "Storey height (m)", 3.0, 0.1, advanced=True)
        self.add_number(RANGE, "Overlook range (m)", 25.0, 0.1)
        self.addParameter(QgsProcessingParameterFeatureSource(PATHS, tr("Paths"), [VECTOR_LINE]))
        self.addParameter(QgsProcessingParameterField(PATH_ID_FIELD, tr("Path name field"), None, PATHS, FIELD_ANY,
                                                      optional=True))
        self.add_number(SAMPLE_SPACING, "Sample spacing along paths (m)", 2.0, 0.01)
        self.add_number(SEGMENT_LENGTH, "Path piece length (m, 0 = whole paths)", 25.0, 0.0)
        self.add_number(MIN_SHARE, "Required overlooked share of a piece", 0.8, 0.0, 1.0)
        self.addParameter(QgsProcessingParameterFeatureSource(PUBLIC_SPACE, tr("Public space (polygons)"),
                                                              [VECTOR_POLYGON], optional=True))
        self.add_number(PATH_WIDTH, "Path width (m)", 2.0, 0.01, advanced=True)
        self.add_number(SNAP_DISTANCE, "Snap openings to facades within (m)", 1.0, 0.0, advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Overlooking per path piece"), VECTOR_LINE))
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT_UNWATCHED, tr("Public space overlooked by nobody"),
                                                            VECTOR_POLYGON))

    # -- openings -----------------------------------------------------------------------------
    def _generated(self, parameters, context, buildings, feedback):
        spacing = self.parameterAsDouble(parameters, SPACING, context)
        storey_height = self.parameterAsDouble(parameters, STOREY_HEIGHT, context)
        field = self.parameterAsString(parameters, STOREYS_FIELD, context)
        storeys = building_storeys(buildings.attributes[field].astype(float) if field else None,
                                   len(buildings.rings), self.parameterAsInt(parameters, STOREYS, context))
        xy, facing = generated_openings(buildings.rings, storeys, spacing, storey_height)
        feedback.pushInfo(tr("{} openings generated along the facades.").format(xy.shape[0]))
        return xy, facing

    def _openings(self, parameters, context, buildings, crs, feedback):
        angle = self.parameterAsDouble(parameters, VIEW_ANGLE, context)
        if source_of(self, parameters, OPENINGS, context, tr("openings"), optional=True) is None:
            if buildings is None:
                raise InputError("Give OPENINGS (window and door points) or BUILDINGS to generate them from.")
            xy, facing = self._generated(parameters, context, buildings, feedback)
            return xy, facing, np.full(xy.shape[0], angle)
        field = self.parameterAsString(parameters, FACING_FIELD, context)
        table = read_plan_points(self, parameters, OPENINGS, context, [field], tr("openings"), feedback, crs)
        xy = np.column_stack([table.x, table.y])
        facing = numeric_values(table, field, np.nan)
        if buildings is not None:
            snap = self.parameterAsDouble(parameters, SNAP_DISTANCE, context)
            xy, wall_facing = snap_to_walls(xy, buildings.occluders, snap)
            facing = np.where(np.isnan(facing), wall_facing, facing)
        facing, views, n_free = opening_views(facing, angle)
        if n_free:
            feedback.pushWarning(tr("{} openings have no facing and are not on a facade: they look all around.")
                                 .format(n_free))
        return xy, facing, views

    # -- run ----------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        paths_source = source_of(self, parameters, PATHS, context, tr("paths"))
        crs = working_crs_of(paths_source)
        log_crs(feedback, crs)
        id_field = self.parameterAsString(parameters, PATH_ID_FIELD, context)
        parts = read_plan_parts(self, parameters, PATHS, context, [id_field], tr("paths"), crs, feedback)
        if parts.areal:
            raise InputError("PATHS must be lines; give squares and parks as PUBLIC_SPACE.")
        buildings = read_buildings(self, parameters, BUILDINGS, context, crs, feedback,
                                   [self.parameterAsString(parameters, STOREYS_FIELD, context)])
        occluders = buildings.occluders if buildings is not None else OccluderSet.from_rings([])
        xy, facing, views = self._openings(parameters, context, buildings, crs, feedback)
        if xy.shape[0] == 0:
            raise InputError("There are no openings: the OPENINGS layer is empty, or BUILDINGS has no facade long "
                             "enough for one opening at this SPACING.")
        reach = self.parameterAsDouble(parameters, RANGE, context)
        check_cancel(feedback)

        samples = line_samples(parts.lines, self.parameterAsDouble(parameters, SAMPLE_SPACING, context),
                               self.parameterAsDouble(parameters, SEGMENT_LENGTH, context))
        counts, n_open = overlook_pieces(xy, facing, views, reach, samples, occluders,
                                         progress_callback(feedback, 0, 45))
        pieces = samples.pieces
        share = overlooked_share(samples, counts)

        public = self._public_space(parameters, context, parts, crs, feedback)
        if buildings is not None and not public.isEmpty():
            box = public.boundingBox()
            near = [geomops.polygon_geometry([r]) for r in buildings.rings
                    if r[:, 0].max() >= box.xMinimum() and r[:, 0].min() <= box.xMaximum()
                    and r[:, 1].max() >= box.yMinimum() and r[:, 1].min() <= box.yMaximum()]
            public = geomops.difference(public, geomops.union(near))
        box = public.boundingBox()
        rings = view_isovists(xy, facing, views, reach, occluders,
                              (box.xMinimum(), box.yMinimum(), box.xMaximum(), box.yMaximum()),
                              progress=progress_callback(feedback, 45, 90))
        check_cancel(feedback)
        watched = geomops.union([geomops.polygon_geometry([r]) for r in rings])
        unwatched = geomops.difference(public, watched)
        check_cancel(feedback)

        min_share = self.parameterAsDouble(parameters, MIN_SHARE, context)
        frame = pd.DataFrame({"path_fid": parts.fid[parts.feature[pieces["part"]]].astype(np.int64)})
        if id_field:
            frame["path_id"] = [parts.value(id_field, p) for p in pieces["part"]]
        frame["part"] = parts.part_no[pieces["part"]]
        frame["piece"] = pieces.groupby("part").cumcount().to_numpy().astype(np.int64)
        for col in ("start_m", "end_m", "length_m", "n_samples"):
            frame[col] = pieces[col].to_numpy()
        frame["overlooked_share"] = share
        frame["n_openings"] = n_open
        frame["verdict"], frame["reason"] = overlook_verdicts(share, min_share)
        wkb = [line_wkb(substring(parts.lines[p], a, b))
               for p, a, b in zip(pieces["part"], pieces["start_m"], pieces["end_m"], strict=True)]
        dest = write_frame(self, parameters, OUTPUT, context, frame, crs, wkb=wkb, wkb_type=WKB_LINESTRING)
        self.output_written(parameters, context, dest, SHARE_STYLE, "Overlooking per path piece")

        polys = geomops.polygon_part_rings(unwatched)
        areas = [geomops.measure(geomops.polygon_geometry(p), True) for p in polys]
        keep = [i for i, a in enumerate(areas) if a > 1e-6]
        ufr = pd.DataFrame({"area_m2": np.array([areas[i] for i in keep], dtype=float)})
        dest_u = write_frame(self, parameters, OUTPUT_UNWATCHED, context, ufr, crs,
                             wkb=[polygon_wkb(polys[i]) for i in keep], wkb_type=WKB_POLYGON)
        self.output_written(parameters, context, dest_u, UNWATCHED_STYLE, "Public space overlooked by nobody")
        total = float(pieces["length_m"].sum())
        covered = float((pieces["length_m"].to_numpy() * share).sum())
        feedback.pushInfo(tr("{:.0f} of {:.0f} m of path overlooked ({} openings, {} distinct views); {:.0f} m² "
                             "of public space overlooked by nobody.").format(
            covered, total, xy.shape[0], len(rings), float(sum(areas[i] for i in keep))))
        return {OUTPUT: dest, OUTPUT_UNWATCHED: dest_u}

    def _public_space(self, parameters, context, parts, crs, feedback):
        if source_of(self, parameters, PUBLIC_SPACE, context, tr("public space"), optional=True) is not None:
            space = read_plan_parts(self, parameters, PUBLIC_SPACE, context, [], tr("public space"), crs, feedback)
            return geomops.union([geomops.polygon_geometry(p) for p in space.polygons])
        half = self.parameterAsDouble(parameters, PATH_WIDTH, context) / 2.0
        return geomops.union([geomops.line_geometry(line).buffer(half, 8) for line in parts.lines])

