"""besecure:cctvcoverage - what cameras see, at which EN 62676-4 level, and where the blind spots are."""
from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
)

from ...analysis.design.cctv import dori_levels
from ...analysis.design.visual_checks import camera_coverage, camera_table, coverage_verdict, snap_to_walls
from ...analysis.errors import InputError
from ...analysis.geometry.visibility import OccluderSet
from ...compat import (
    FIELD_ANY,
    FIELD_NUMERIC,
    VECTOR_LINE,
    VECTOR_POINT,
    VECTOR_POLYGON,
    WKB_LINESTRING,
    WKB_POLYGON,
    set_advanced,
)
from ...i18n import tr
from ...knowledge.rulesets import load_ruleset
from ...layers import geomops
from ...layers.wkb import polygon_wkb
from ...layers.write import line_wkb, write_frame
from ..base import BesecureAlgorithm, Help, check_cancel
from ..plan_inputs import log_crs, numeric_values, progress_callback, read_buildings, read_plan_parts, read_plan_points

CAMERAS = "CAMERAS"
CAMERA_ID_FIELD = "CAMERA_ID_FIELD"
HEIGHT_FIELD = "HEIGHT_FIELD"
AZIMUTH_FIELD = "AZIMUTH_FIELD"
HFOV_FIELD = "HFOV_FIELD"
HFOV = "HFOV"
WIDTH_PX_FIELD = "WIDTH_PX_FIELD"
WIDTH_PX = "WIDTH_PX"
RANGE_FIELD = "RANGE_FIELD"
MAX_RANGE = "MAX_RANGE"
TARGET_HEIGHT = "TARGET_HEIGHT"
BUILDINGS = "BUILDINGS"
TARGETS = "TARGETS"
TARGET_ID_FIELD = "TARGET_ID_FIELD"
REQUIRED_LEVEL = "REQUIRED_LEVEL"
REQUIRED_SHARE = "REQUIRED_SHARE"
RULESET_FILE = "RULESET_FILE"
SNAP_DISTANCE = "SNAP_DISTANCE"
OUTPUT = "OUTPUT"
OUTPUT_TARGETS = "OUTPUT_TARGETS"
OUTPUT_BLIND = "OUTPUT_BLIND"

LEVELS = ("monitor", "detect", "observe", "recognise", "identify")  # EN 62676-4, lowest first
LEVEL_STYLE = {
    "kind": "categorized",
    "field": "level",
    "categories": [
        ("monitor", "#99c6dbef", "Monitor (12.5 px/m)"),
        ("detect", "#aa9ecae1", "Detect (25 px/m)"),
        ("observe", "#bb6baed6", "Observe (62.5 px/m)"),
        ("recognise", "#cc3182bd", "Recognise (125 px/m)"),
        ("identify", "#dd08519c", "Identify (250 px/m)"),
    ],
}
TARGET_STYLE = {"kind": "categorized", "field": "verdict",
                "categories": [("pass", "#1a9850", "Covered"), ("fail", "#d73027", "Not covered enough")]}
BLIND_STYLE = {"kind": "single", "colour": "#c0d73027", "width": 1.2}


class CctvCoverage(BesecureAlgorithm):
    ALGORITHM_ID = "cctvcoverage"
    DISPLAY_NAME = "CCTV coverage (EN 62676-4)"
    GROUP_ID = "sbd"
    TAGS = "CCTV,camera,video surveillance,coverage,field of view,DORI,EN 62676-4,security by design"
    HELP = Help(
        "Maps what each camera sees and how well: its field of view is cut by the buildings in front of it and "
        "split into the EN 62676-4 observation levels by pixel density (monitor, detect, observe, recognise, "
        "identify). Reports for each target zone or path the share covered at each level, and maps the blind "
        "spots.",
        {
            CAMERAS: "Camera points. Cameras within SNAP_DISTANCE of a facade are moved onto it and look out of it.",
            CAMERA_ID_FIELD: "Optional field that names a camera in the outputs (camera_id).",
            HEIGHT_FIELD: "Optional numeric field with the mounting height in metres: pixel density is then taken "
            "at the slant distance to a target at TARGET_HEIGHT. Without it, plan distances are used.",
            AZIMUTH_FIELD: "Numeric field with the viewing direction of the camera's optical axis, degrees from "
            "north, clockwise. Required: a camera without one stops the run with its id.",
            HFOV_FIELD: "Optional numeric field with the horizontal field of view in degrees (0-180).",
            HFOV: "Horizontal field of view in degrees for cameras without a field (default 90).",
            WIDTH_PX_FIELD: "Optional numeric field with the horizontal resolution in pixels.",
            WIDTH_PX: "Horizontal resolution in pixels for cameras without a field (default 1920).",
            RANGE_FIELD: "Optional numeric field with a camera's maximum useful range in metres (lens, light).",
            MAX_RANGE: "Maximum range in metres for cameras without one (0 = none).",
            TARGET_HEIGHT: "Height in metres of the target (a face: 1.7 m) for the slant distance.",
            BUILDINGS: "Building footprints that block the view (2-D: every building is taller than the camera).",
            TARGETS: "Zones (polygons) or paths (lines) that must be watched.",
            TARGET_ID_FIELD: "Optional field that names a target in the outputs (target_id).",
            REQUIRED_LEVEL: "Observation level the targets need; the blind spots are where no camera reaches it.",
            REQUIRED_SHARE: "A target passes when at least this share is covered at the required level (default "
            "0.95, a project default).",
            RULESET_FILE: "Optional JSON rule set with other pixel densities (layout of "
            "knowledge/rulesets/cctv_en62676.json).",
            SNAP_DISTANCE: "Cameras closer than this many metres to a facade are moved onto it (default 0.5 m).",
        },
        {
            OUTPUT: "Coverage polygons per camera and level (camera_id, level, px_per_m, reach_m, area_m2): the "
            "area where the camera reaches at least that level. Levels are nested; identify is the smallest.",
            OUTPUT_TARGETS: "Per target: measure (m² or m), share_<level> for each level (share covered by at "
            "least one camera), n_cameras (cameras seeing part of it), verdict and reason.",
            OUTPUT_BLIND: "Blind spots: the parts of the targets (buildings left out) that no camera covers at the "
            "required level, with their area_m2 or length_m.",
        },
        "Pixel density at distance D: P = N_px / (2 D tan(HFOV / 2)); EN 62676-4:2015 levels monitor 12.5, "
        "detect 25, observe 62.5, recognise 125, identify 250 px/m (1920 px at 90 degrees: observe to 15.4 m, "
        "recognise 7.7 m, identify 3.8 m). Each level's wedge is intersected with the camera's exact isovist among "
        "the buildings (rotational sweep); shares and blind spots are exact polygon overlays in QGIS's geometry "
        "engine (GEOS).",
        "A target's share at a level is the part where at least one camera reaches that level. Blind spots show "
        "where to add or turn a camera; the vertical field of view and lighting at night are not modelled.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(CAMERAS, tr("Cameras (points)"), [VECTOR_POINT]))
        self.addParameter(QgsProcessingParameterField(CAMERA_ID_FIELD, tr("Camera name field"), None, CAMERAS,
                                                      FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterField(HEIGHT_FIELD, tr("Mounting height field (m)"), None, CAMERAS,
                                                      FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterField(AZIMUTH_FIELD, tr("Viewing direction field (degrees)"), None,
                                                      CAMERAS, FIELD_NUMERIC))
        self.addParameter(QgsProcessingParameterField(HFOV_FIELD, tr("Horizontal field of view field (degrees)"),
                                                      None, CAMERAS, FIELD_NUMERIC, optional=True))
        self.add_number(HFOV, "Horizontal field of view (degrees)", 90.0, 0.1, 179.9)
        self.addParameter(QgsProcessingParameterField(WIDTH_PX_FIELD, tr("Horizontal resolution field (pixels)"),
                                                      None, CAMERAS, FIELD_NUMERIC, optional=True))
        self.add_number(WIDTH_PX, "Horizontal resolution (pixels)", 1920, 1, integer=True)
        self.addParameter(QgsProcessingParameterField(RANGE_FIELD, tr("Maximum range field (m)"), None, CAMERAS,
                                                      FIELD_NUMERIC, optional=True))
        self.add_number(MAX_RANGE, "Maximum range (m, 0 = none)", 0.0, 0.0)
        self.add_number(TARGET_HEIGHT, "Target height (m)", 1.7, 0.0, advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSource(BUILDINGS, tr("Buildings"), [VECTOR_POLYGON],
                                                              optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(TARGETS, tr("Target zones or paths"),
                                                              [VECTOR_POLYGON, VECTOR_LINE]))
        self.addParameter(QgsProcessingParameterField(TARGET_ID_FIELD, tr("Target name field"), None, TARGETS,
                                                      FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            REQUIRED_LEVEL, tr("Required level"), [tr("Monitor"), tr("Detect"), tr("Observe"), tr("Recognise"),
                                                   tr("Identify")], defaultValue=1))
        self.add_number(REQUIRED_SHARE, "Required covered share of a target", 0.95, 0.0, 1.0)
        self.addParameter(set_advanced(QgsProcessingParameterFile(RULESET_FILE, tr("Own rule set (JSON)"),
                                                                  extension="json", optional=True)))
        self.add_number(SNAP_DISTANCE, "Snap cameras to facades within (m)", 0.5, 0.0, advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Camera coverage"), VECTOR_POLYGON))
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT_TARGETS, tr("Coverage of the targets")))
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT_BLIND, tr("Blind spots")))

    # -- inputs -------------------------------------------------------------------------------
    def _cameras(self, parameters, context, feedback):
        keys = (CAMERA_ID_FIELD, HEIGHT_FIELD, AZIMUTH_FIELD, HFOV_FIELD, WIDTH_PX_FIELD, RANGE_FIELD)
        fields = {k: self.parameterAsString(parameters, k, context) for k in keys}
        if not fields[AZIMUTH_FIELD]:
            raise InputError("Give AZIMUTH_FIELD: the field with each camera's viewing direction (degrees from north).")
        table = read_plan_points(self, parameters, CAMERAS, context, list(fields.values()), tr("cameras"), feedback)
        names = table.attributes[fields[CAMERA_ID_FIELD]] if fields[CAMERA_ID_FIELD] else None
        cams = camera_table(table.x, table.y, table.fid, names, numeric_values(table, fields[HEIGHT_FIELD], np.nan),
                            numeric_values(table, fields[AZIMUTH_FIELD], np.nan),
                            numeric_values(table, fields[HFOV_FIELD], np.nan),
                            numeric_values(table, fields[WIDTH_PX_FIELD], np.nan),
                            numeric_values(table, fields[RANGE_FIELD], np.nan),
                            default_hfov=self.parameterAsDouble(parameters, HFOV, context),
                            default_px=self.parameterAsInt(parameters, WIDTH_PX, context),
                            default_range=self.parameterAsDouble(parameters, MAX_RANGE, context),
                            azimuth_field=fields[AZIMUTH_FIELD])
        return cams, table.crs

    def _levels(self, parameters, context):
        path = self.parameterAsFile(parameters, RULESET_FILE, context)
        levels = dori_levels(load_ruleset(path if path else "cctv_en62676"))
        names = list(levels)
        required = LEVELS[self.parameterAsEnum(parameters, REQUIRED_LEVEL, context)]
        if required not in levels:
            raise InputError("The rule set has no level '{}'. Its levels: {}.", required, ', '.join(names))
        return levels, required

    # -- run ----------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        levels, required = self._levels(parameters, context)
        cams, crs = self._cameras(parameters, context, feedback)
        log_crs(feedback, crs)
        buildings = read_buildings(self, parameters, BUILDINGS, context, crs, feedback)
        occluders = buildings.occluders if buildings is not None else OccluderSet.from_rings([])
        id_field = self.parameterAsString(parameters, TARGET_ID_FIELD, context)
        targets = read_plan_parts(self, parameters, TARGETS, context, [id_field], tr("targets"), crs, feedback)
        check_cancel(feedback)

        xy = np.column_stack([cams["x"], cams["y"]])
        if buildings is not None:
            xy, _ = snap_to_walls(xy, occluders, self.parameterAsDouble(parameters, SNAP_DISTANCE, context))
        cover = camera_coverage(xy, cams["height"].to_numpy(), cams["azimuth"].to_numpy(), cams["hfov"].to_numpy(),
                                cams["px"].to_numpy(), cams["range"].to_numpy(), occluders, levels,
                                self.parameterAsDouble(parameters, TARGET_HEIGHT, context),
                                progress=progress_callback(feedback, 0, 40))
        cover = cover[[r.shape[0] >= 3 for r in cover["ring"]]].reset_index(drop=True)
        blind_cams = sorted(set(range(len(cams))) - set(cover["camera"]))
        if blind_cams:
            feedback.pushWarning(tr("{} cameras see nothing (inside a building, or no level reaches the ground): {}.")
                                 .format(len(blind_cams), ", ".join(str(cams["name"][i]) for i in blind_cams)))
        geoms = [geomops.polygon_geometry([r]) for r in cover["ring"]]
        check_cancel(feedback)

        # Union per level of every camera's coverage of at least that level.
        union = {lv: geomops.union([g for g, v in zip(geoms, cover["level"], strict=True) if v == lv])
                 for lv in levels}
        built = (geomops.union([geomops.polygon_geometry([r]) for r in buildings.rings])
                 if buildings is not None and targets.areal else None)
        rows, blind_rows, blind_wkb = [], [], []
        min_share = self.parameterAsDouble(parameters, REQUIRED_SHARE, context)
        for p in range(targets.n):
            geom = (geomops.polygon_geometry(targets.polygons[p]) if targets.areal
                    else geomops.line_geometry(targets.lines[p]))
            if built is not None:
                geom = geomops.difference(geom, built)
            total = geomops.measure(geom, targets.areal)
            shares = {lv: (geomops.measure(geomops.intersection(geom, union[lv]), targets.areal) / total
                           if total > 0 else 0.0) for lv in levels}
            n_cameras = len({c for c, g, lv in zip(cover["camera"], geoms, cover["level"], strict=True)
                             if lv == next(iter(levels)) and geom.intersects(g)})
            rows.append((p, total, *[shares[lv] for lv in levels], n_cameras,
                         *coverage_verdict(shares[required], required, min_share)))
            gap = geomops.difference(geom, union[required])
            pieces = (geomops.polygon_part_rings(gap) if targets.areal else geomops.line_part_arrays(gap))
            for piece in pieces:
                size = geomops.measure(geomops.polygon_geometry(piece) if targets.areal
                                       else geomops.line_geometry(piece), targets.areal)
                if size > 1e-6:
                    blind_rows.append((p, size))
                    blind_wkb.append(polygon_wkb(piece) if targets.areal else line_wkb(piece))
            check_cancel(feedback)
            feedback.setProgress(40 + 55 * (p + 1) / targets.n)

        unit = "area_m2" if targets.areal else "length_m"
        frame = pd.DataFrame({
            "camera_fid": cams["fid"].to_numpy()[cover["camera"]].astype(np.int64),
            "camera_id": cams["name"].astype(str).to_numpy()[cover["camera"]],
            "level": cover["level"].to_numpy(),
            "px_per_m": cover["px_per_m"].to_numpy(),
            "reach_m": cover["reach_m"].to_numpy(),
            "area_m2": [g.area() for g in geoms],
        })
        dest = write_frame(self, parameters, OUTPUT, context, frame, crs,
                           wkb=[polygon_wkb([r]) for r in cover["ring"]], wkb_type=WKB_POLYGON)
        self.output_written(parameters, context, dest, LEVEL_STYLE, "Camera coverage")

        tcols = ["part", unit, *[f"share_{lv}" for lv in levels], "n_cameras", "verdict", "reason"]
        tframe = pd.DataFrame(rows, columns=tcols)
        tframe = pd.concat([self._ids(targets, id_field, tframe["part"].to_numpy()), tframe], axis=1)
        tframe["part"] = targets.part_no[tframe["part"].to_numpy()]
        twkb = ([polygon_wkb(targets.polygons[p]) for p in range(targets.n)] if targets.areal
                else [line_wkb(targets.lines[p]) for p in range(targets.n)])
        ttype = WKB_POLYGON if targets.areal else WKB_LINESTRING
        dest_t = write_frame(self, parameters, OUTPUT_TARGETS, context, tframe, crs, wkb=twkb, wkb_type=ttype)
        self.output_written(parameters, context, dest_t, TARGET_STYLE, "Coverage of the targets")

        bframe = pd.DataFrame(blind_rows, columns=["part", unit])
        bframe = pd.concat([self._ids(targets, id_field, bframe["part"].to_numpy().astype(np.int64)), bframe],
                           axis=1)
        bframe["part"] = targets.part_no[bframe["part"].to_numpy().astype(np.int64)]
        bframe.insert(len(bframe.columns) - 1, "level", required)
        dest_b = write_frame(self, parameters, OUTPUT_BLIND, context, bframe, crs, wkb=blind_wkb, wkb_type=ttype)
        self.output_written(parameters, context, dest_b, BLIND_STYLE, "Blind spots")
        feedback.pushInfo(tr("{} cameras, {} coverage polygons; {} of {} targets covered at '{}'; {} blind spots.")
                          .format(len(cams), len(frame), int((tframe["verdict"] == "pass").sum()), len(tframe),
                                  required, len(bframe)))
        return {OUTPUT: dest, OUTPUT_TARGETS: dest_t, OUTPUT_BLIND: dest_b}

    @staticmethod
    def _ids(parts, id_field, part_index):
        frame = pd.DataFrame({"target_fid": parts.fid[parts.feature[part_index]].astype(np.int64)})
        if id_field:
            frame["target_id"] = [parts.value(id_field, p) for p in part_index]
        return frame

