"""besecure:lightingcheck - public lighting of paths and squares against EN 13201-2 or Dutch criteria."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
)

from ...analysis.design.lighting import CosinePowerDistribution, read_eulumdat
from ...analysis.design.visual_checks import (
    DEFAULT_REACH_M,
    area_fields,
    assign_classes,
    check_lamps,
    evaluate_fields,
    illuminance,
    line_fields,
    raster_grid,
    substring,
)
from ...analysis.errors import InputError
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
from ...layers.wkb import polygon_wkb
from ...layers.write import line_wkb, write_frame, write_geotiff
from ..base import BesecureAlgorithm, Help, check_cancel
from ..plan_inputs import log_crs, numeric_values, progress_callback, read_buildings, read_plan_parts, read_plan_points

LAMPS = "LAMPS"
HEIGHT_FIELD = "HEIGHT_FIELD"
HEIGHT = "HEIGHT"
FLUX_FIELD = "FLUX_FIELD"
FLUX = "FLUX"
MAINTENANCE_FIELD = "MAINTENANCE_FIELD"
MAINTENANCE_FACTOR = "MAINTENANCE_FACTOR"
DISTRIBUTION = "DISTRIBUTION"
PHOTOMETRY = "PHOTOMETRY"
AZIMUTH_FIELD = "AZIMUTH_FIELD"
PATHS = "PATHS"
PATH_ID_FIELD = "PATH_ID_FIELD"
CLASS_FIELD = "CLASS_FIELD"
CLASS = "CLASS"
RULESET = "RULESET"
RULESET_FILE = "RULESET_FILE"
RA = "RA"
PATH_WIDTH = "PATH_WIDTH"
MAX_PATH_WIDTH = 100.0  # wider than any street; a square or a plaza is drawn as a polygon
WIDTH_FIELD = "WIDTH_FIELD"
FIELD_LENGTH = "FIELD_LENGTH"
BUILDINGS = "BUILDINGS"
LAMP_REACH = "LAMP_REACH"
OUTPUT = "OUTPUT"
OUTPUT_FAILS = "OUTPUT_FAILS"
OUTPUT_RASTER = "OUTPUT_RASTER"
RASTER_CELL_SIZE = "RASTER_CELL_SIZE"
RASTER_EXTENT = "RASTER_EXTENT"
MAX_CELLS = "MAX_CELLS"

RULESETS = ("en13201", "dutch_social_safety")
RASTER_MARGIN_M = 20.0

VERDICT_STYLE = {
    "kind": "categorized",
    "field": "verdict",
    "categories": [
        ("pass", "#1a9850", "Pass"),
        ("over-lit", "#fdae61", "Over-lit (passes, warning)"),
        ("fail", "#d73027", "Fail"),
        ("not_assessed", "#bdbdbd", "Not assessed"),
    ],
}
FAILS_STYLE = {"kind": "single", "colour": "#d73027", "width": 1.2}
# EN 13201-2 P-class values as class breaks: a map shows at once which class a spot could meet.
LUX_BREAKS = (0.4, 1.0, 2.0, 3.0, 5.0, 7.5, 10.0, 15.0, 1e9)
RASTER_STYLE = {
    "kind": "raster_classes",
    "breaks": LUX_BREAKS,
    "colours": ("#000004", "#1b0c41", "#4a0c6b", "#781c6d", "#a52c60", "#cf4446", "#ed6925", "#fb9b06",
                "#fcffa4"),
    "labels": ("< 0.4 lx", "0.4 - 1 lx", "1 - 2 lx", "2 - 3 lx", "3 - 5 lx", "5 - 7.5 lx", "7.5 - 10 lx",
               "10 - 15 lx", ">= 15 lx"),
}


class LightingCheck(BesecureAlgorithm):
    ALGORITHM_ID = "lightingcheck"
    DISPLAY_NAME = "Lighting check (EN 13201)"
    GROUP_ID = "sbd"
    TAGS = "lighting,street light,lamp,illuminance,lux,EN 13201,security by design"
    HELP = Help(
        "Checks whether the public lighting of a plan lights its paths and squares to their class: the horizontal "
        "illuminance of every lamp is summed on the EN 13201-3 calculation grid of each path, and the average, "
        "minimum and uniformity are compared with the class (EN 13201-2 P1-P6, or the Dutch social-safety "
        "criteria). Writes a verdict per path field, the failing stretches as lines, and a raster of the "
        "illuminance on the ground.",
        {
            LAMPS: "Lamp points (luminaires). Any CRS; distances are in metres.",
            HEIGHT_FIELD: "Numeric field with the mounting height above the ground in metres. Lamps with an empty "
            "or non-positive height are skipped and counted in the log.",
            HEIGHT: "Mounting height in metres for every lamp, when no height field is given (default 5 m).",
            FLUX_FIELD: "Numeric field with the luminous flux of the lamp in lumen. Lamps with an empty or "
            "negative flux are skipped and counted in the log. With a photometric file an empty flux means the "
            "file's own lamp flux.",
            FLUX: "Luminous flux in lumen for every lamp, when no flux field is given (default 4,000 lm; ignored "
            "with a photometric file, whose lamp flux is used).",
            MAINTENANCE_FIELD: "Numeric field with the maintenance factor (0-1] of each lamp; empty values take "
            "MAINTENANCE_FACTOR.",
            MAINTENANCE_FACTOR: "Maintenance factor (0-1] for lamps without their own: EN 13201-2 classes are "
            "maintained values, so the new-lamp flux is multiplied by it (default 0.8).",
            DISTRIBUTION: "Light distribution when no photometric file is given: 0 isotropic (the flux spread "
            "evenly in all directions, I = flux / 4 pi; conservative, half the light goes up), 1 downward cosine "
            "(all flux downwards, I = I0 cos gamma).",
            PHOTOMETRY: "Optional EULUMDAT file (.ldt) with the luminaire's intensity distribution; the intensities "
            "are scaled to each lamp's flux.",
            AZIMUTH_FIELD: "With a photometric file: numeric field with the compass direction (degrees from north, "
            "clockwise) of the luminaire's C0 plane; empty = 0.",
            PATHS: "Paths as lines (centrelines) or areas as polygons (squares, plazas), each with a lighting class.",
            PATH_ID_FIELD: "Optional field that names a path in the outputs (path_id).",
            CLASS_FIELD: "Field with the lighting class of each path (e.g. P4; case does not matter). Empty values "
            "take CLASS.",
            CLASS: "Lighting class for paths without one (e.g. P4, or social_safety for the Dutch criteria). Left "
            "empty, a rule set with a single class uses that class.",
            RULESET: "Criteria: 0 EN 13201-2:2015 P classes (average and minimum), 1 Dutch social-safety lighting "
            "(PKVW / GPR: average, uniformity and colour rendering).",
            RULESET_FILE: "Optional JSON rule set of your own (same layout as knowledge/rulesets/en13201.json), "
            "used instead of RULESET.",
            RA: "Colour rendering index Ra of the lamps, for criteria that require one (Dutch social safety); 0 = "
            "unknown (read from the photometric file when it has it).",
            PATH_WIDTH: "Width in metres of line paths without a width field (default 2 m, at most 100 m: draw wider "
            "spaces as polygons).",
            WIDTH_FIELD: "Optional numeric field with each line path's width in metres.",
            FIELD_LENGTH: "Cut paths into calculation fields of at most this many metres, each with its own "
            "verdict (0 = one field per path, the default).",
            BUILDINGS: "Optional building footprints that cast shadows: a lamp does not light a point when the "
            "straight line between them crosses a building (2-D: every building is taken as taller than the lamps).",
            LAMP_REACH: "Lamps farther than this many metres from a point are left out of its sum (default 100 m; "
            "an isotropic 4,000 lm lamp at 5 m gives 0.002 lx at 100 m).",
            RASTER_CELL_SIZE: "Cell size in metres of the illuminance raster (default 1 m).",
            RASTER_EXTENT: "Extent of the raster; default the extent of the paths plus 20 m.",
            MAX_CELLS: "Refuse a raster with more cells than this (protects against a cell size in the wrong unit).",
        },
        {
            OUTPUT: "One feature per calculation field (the path, or a piece of it): class, length_m, width_m, "
            "n_along, n_across and n_points of the grid, e_avg, e_min, e_max (lx), u0 (Emin/Eav), verdict (pass, "
            "over-lit, fail, not_assessed) and the reason, naming each criterion and its value.",
            OUTPUT_FAILS: "Lines along the paths where the illuminance falls below the class minimum (Emin; for "
            "criteria given as average and uniformity, uniformity x average), with e_min and required_min_lx.",
            OUTPUT_RASTER: "GeoTIFF of the horizontal illuminance on the ground in lux, styled by the P-class "
            "values.",
        },
        "E_h = sum over lamps of I(C, gamma) cos^3(gamma) / H^2 x MF (inverse-square and cosine law, point "
        "sources). Grid per EN 13201-3:2015: along a field of length S, N = 10 points if S <= 30 m, else spacing "
        "<= 3 m, first at half a spacing; across, at least 3 points and spacing <= 1.5 m. Classes from "
        "EN 13201-2:2015 and the Dutch PKVW / GPR social-safety criteria, as editable rule sets in "
        "knowledge/rulesets. Areas use the along rule on the long side of their bounding box and the across rule "
        "on the short side.",
        "A field fails when its average or minimum is below the class; the failing stretches show where to add "
        "or move lamps. 'over-lit' passes but spends more light than the class asks (average above 1.5 x the "
        "class value). Without photometry the isotropic model underestimates the light below a real street "
        "lamp: use a photometric file for design decisions.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(LAMPS, tr("Lamps (points)"), [VECTOR_POINT]))
        self.addParameter(QgsProcessingParameterField(HEIGHT_FIELD, tr("Mounting height field (m)"), None, LAMPS,
                                                      FIELD_NUMERIC, optional=True))
        self.add_number(HEIGHT, "Mounting height for all lamps (m)", 5.0, 0.1)
        self.addParameter(QgsProcessingParameterField(FLUX_FIELD, tr("Luminous flux field (lm)"), None, LAMPS,
                                                      FIELD_NUMERIC, optional=True))
        self.add_number(FLUX, "Luminous flux for all lamps (lm)", 4000.0, 0.0)
        self.addParameter(QgsProcessingParameterField(MAINTENANCE_FIELD, tr("Maintenance factor field"), None, LAMPS,
                                                      FIELD_NUMERIC, optional=True))
        self.add_number(MAINTENANCE_FACTOR, "Maintenance factor", 0.8, 0.01, 1.0)
        self.addParameter(set_advanced(QgsProcessingParameterEnum(
            DISTRIBUTION, tr("Light distribution without photometry"),
            [tr("Isotropic (flux / 4 pi in all directions)"), tr("Downward cosine (all flux downwards)")],
            defaultValue=0)))
        self.addParameter(QgsProcessingParameterFile(PHOTOMETRY, tr("Photometric file (EULUMDAT .ldt)"),
                                                     extension="ldt", optional=True))
        self.addParameter(set_advanced(QgsProcessingParameterField(
            AZIMUTH_FIELD, tr("Luminaire C0 direction field (degrees)"), None, LAMPS, FIELD_NUMERIC, optional=True)))
        self.addParameter(QgsProcessingParameterFeatureSource(PATHS, tr("Paths or squares with a lighting class"),
                                                              [VECTOR_LINE, VECTOR_POLYGON]))
        self.addParameter(QgsProcessingParameterField(PATH_ID_FIELD, tr("Path name field"), None, PATHS, FIELD_ANY,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterField(CLASS_FIELD, tr("Lighting class field"), None, PATHS,
                                                      FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterString(CLASS, tr("Lighting class (default)"), "", optional=True))
        self.addParameter(QgsProcessingParameterEnum(
            RULESET, tr("Criteria"), [tr("EN 13201-2 P classes"), tr("Dutch social-safety lighting")],
            defaultValue=0))
        self.addParameter(set_advanced(QgsProcessingParameterFile(RULESET_FILE, tr("Own rule set (JSON)"),
                                                                  extension="json", optional=True)))
        self.add_number(RA, "Colour rendering index Ra of the lamps (0 = unknown)", 0.0, 0.0, 100.0, advanced=True)
        self.add_number(PATH_WIDTH, "Path width (m)", 2.0, 0.01, MAX_PATH_WIDTH)
        self.addParameter(QgsProcessingParameterField(WIDTH_FIELD, tr("Path width field (m)"), None, PATHS,
                                                      FIELD_NUMERIC, optional=True))
        self.add_number(FIELD_LENGTH, "Maximum calculation field length (m, 0 = whole path)", 0.0, 0.0,
                        advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSource(BUILDINGS, tr("Buildings casting shadows"),
                                                              [VECTOR_POLYGON], optional=True))
        self.add_number(LAMP_REACH, "Lamp reach (m)", DEFAULT_REACH_M, 1.0, advanced=True)
        self.add_number(RASTER_CELL_SIZE, "Raster cell size (m)", 1.0, 0.01)
        self.addParameter(QgsProcessingParameterExtent(RASTER_EXTENT, tr("Raster extent"), optional=True))
        self.add_number(MAX_CELLS, "Maximum number of raster cells", 25_000_000, 1, integer=True, advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Lighting per path")))
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT_FAILS, tr("Failing stretches"),
                                                            VECTOR_LINE))
        self.addParameter(QgsProcessingParameterRasterDestination(OUTPUT_RASTER, tr("Illuminance raster (lx)"),
                                                                  optional=True))

    # -- inputs -------------------------------------------------------------------------------
    def _ruleset(self, parameters, context):
        path = self.parameterAsFile(parameters, RULESET_FILE, context)
        data = load_ruleset(path if path else RULESETS[self.parameterAsEnum(parameters, RULESET, context)])
        if data["kind"] != "lighting_classes":
            raise InputError("The rule set '{}' is not a lighting rule set (kind lighting_classes).", data['id'])
        return data

    def _lamps(self, parameters, context, feedback):
        fields = {key: self.parameterAsString(parameters, key, context)
                  for key in (HEIGHT_FIELD, FLUX_FIELD, MAINTENANCE_FIELD, AZIMUTH_FIELD)}
        table = read_plan_points(self, parameters, LAMPS, context, list(fields.values()), tr("lamps"), feedback)
        photometry = self.parameterAsFile(parameters, PHOTOMETRY, context)
        distribution, reference, ra = None, float("nan"), None
        if photometry:
            try:
                raw = Path(photometry).read_bytes()
            except OSError as exc:
                raise InputError("Cannot read the photometry file {}: {}", photometry, exc.strerror) from exc
            distribution = read_eulumdat(raw)
            reference, ra = distribution.lamp_flux_lm, distribution.ra
            feedback.pushInfo(tr("Photometry '{}': {:g} lm.").format(distribution.name or photometry, reference))
        elif self.parameterAsEnum(parameters, DISTRIBUTION, context) == 1:
            distribution, reference = CosinePowerDistribution(1000.0, 1.0), 1000.0
        height = numeric_values(table, fields[HEIGHT_FIELD], self.parameterAsDouble(parameters, HEIGHT, context))
        flux_default = float("nan") if photometry else self.parameterAsDouble(parameters, FLUX, context)
        flux = numeric_values(table, fields[FLUX_FIELD], flux_default)
        mf_default = self.parameterAsDouble(parameters, MAINTENANCE_FACTOR, context)
        mf = numeric_values(table, fields[MAINTENANCE_FIELD], mf_default)
        azimuth = numeric_values(table, fields[AZIMUTH_FIELD], 0.0)
        check = check_lamps(height, flux, mf, azimuth, mf_default, has_distribution=distribution is not None)
        for count, what in ((check.no_height, tr("without a positive mounting height")),
                            (check.no_flux, tr("without a usable luminous flux")),
                            (check.bad_maintenance, tr("with a maintenance factor outside (0, 1]"))):
            if count:
                feedback.pushWarning(tr("{} of {} lamps {} were skipped.").format(count, check.use.size, what))
        lamps = check.lamps(np.column_stack([table.x, table.y]), distribution, reference)
        feedback.pushInfo(tr("{} lamps used.").format(lamps.n))
        return lamps, table.crs, ra

    def _classes(self, parts, class_field, default, ruleset, feedback):
        values = [parts.value(class_field, p) if class_field else None for p in range(parts.n)]
        classes, missing = assign_classes(values, default, ruleset)
        if missing:
            feedback.pushWarning(tr("{} paths have no lighting class and are not assessed (give CLASS).")
                                 .format(missing))
        return classes

    # -- run ----------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        ruleset = self._ruleset(parameters, context)
        lamps, crs, file_ra = self._lamps(parameters, context, feedback)
        log_crs(feedback, crs)
        check_cancel(feedback)
        id_field = self.parameterAsString(parameters, PATH_ID_FIELD, context)
        class_field = self.parameterAsString(parameters, CLASS_FIELD, context)
        width_field = self.parameterAsString(parameters, WIDTH_FIELD, context)
        parts = read_plan_parts(self, parameters, PATHS, context, [id_field, class_field, width_field], tr("paths"),
                                crs, feedback)
        classes = self._classes(parts, class_field, self.parameterAsString(parameters, CLASS, context), ruleset,
                                feedback)
        buildings = read_buildings(self, parameters, BUILDINGS, context, crs, feedback)
        occluders = buildings.occluders if buildings is not None else None
        check_cancel(feedback)

        if parts.areal:
            grid = area_fields(parts.polygons)
        else:
            width = np.full(parts.n, self.parameterAsDouble(parameters, PATH_WIDTH, context))
            if width_field:
                given = np.array([parts.value(width_field, p) for p in range(parts.n)], dtype=float)
                width = np.where(given > 0, given, width)
            grid = line_fields(parts.lines, width, self.parameterAsDouble(parameters, FIELD_LENGTH, context))
        feedback.pushInfo(tr("{} calculation fields with {} grid points (EN 13201-3).").format(
            len(grid.fields), grid.xy.shape[0]))
        reach = self.parameterAsDouble(parameters, LAMP_REACH, context)
        e = illuminance(lamps, grid.xy, occluders, reach, progress_callback(feedback, 5, 40))
        ra = self.parameterAsDouble(parameters, RA, context) or file_ra
        fields, stretches = evaluate_fields(e, grid, classes, ruleset, ra)

        raster_path = self.parameterAsOutputLayer(parameters, OUTPUT_RASTER, context)
        raster = None
        if raster_path:
            raster = self._raster(parameters, context, lamps, occluders, reach, parts, crs, feedback)
        check_cancel(feedback)

        results = {}
        frame, wkb = self._field_frame(fields, parts, id_field)
        wkb_type = WKB_POLYGON if parts.areal else WKB_LINESTRING
        dest = write_frame(self, parameters, OUTPUT, context, frame, crs, wkb=wkb, wkb_type=wkb_type)
        self.output_written(parameters, context, dest, VERDICT_STYLE, "Lighting per path")
        results[OUTPUT] = dest
        fail_frame, fail_wkb = self._stretch_frame(stretches, parts, id_field)
        dest = write_frame(self, parameters, OUTPUT_FAILS, context, fail_frame, crs, wkb=fail_wkb,
                           wkb_type=WKB_LINESTRING)
        self.output_written(parameters, context, dest, FAILS_STYLE, "Failing stretches")
        results[OUTPUT_FAILS] = dest
        if raster is not None:
            spec, values = raster
            self.raster_crs_note(parameters, context, crs, feedback)
            write_geotiff(raster_path, values, spec.xmin, spec.ymax, spec.cell, crs.toWkt())
            self.output_written(parameters, context, raster_path, RASTER_STYLE, "Illuminance (lx)")
            results[OUTPUT_RASTER] = raster_path
        assessed = fields[fields.verdict != "not_assessed"]
        feedback.pushInfo(tr("{} of {} assessed fields fail their class; {} failing stretches ({:.0f} m).").format(
            int((assessed.verdict == "fail").sum()), len(assessed), len(stretches),
            float((stretches.end_m - stretches.start_m).sum()) if len(stretches) else 0.0))
        return results

    def _raster(self, parameters, context, lamps, occluders, reach, parts, crs, feedback):
        cell = self.parameterAsDouble(parameters, RASTER_CELL_SIZE, context)
        if parameters.get(RASTER_EXTENT):
            ext = self.parameterAsExtent(parameters, RASTER_EXTENT, context, crs)
            box = (ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum())
        else:
            coords = np.vstack(parts.lines if not parts.areal else [r for poly in parts.polygons for r in poly])
            lo, hi = coords.min(axis=0) - RASTER_MARGIN_M, coords.max(axis=0) + RASTER_MARGIN_M
            box = (lo[0], lo[1], hi[0], hi[1])
        spec = raster_grid(*box, cell, self.parameterAsInt(parameters, MAX_CELLS, context))
        feedback.pushInfo(tr("Illuminance raster: {} x {} cells of {:g} m.").format(spec.ncols, spec.nrows, cell))
        values = illuminance(lamps, spec.centres(), occluders, reach, progress_callback(feedback, 40, 95))
        return spec, values.reshape(spec.nrows, spec.ncols)

    @staticmethod
    def _ids(parts, id_field, part_index):
        frame = pd.DataFrame({"path_fid": parts.fid[parts.feature[part_index]].astype(np.int64)})
        if id_field:
            frame["path_id"] = [parts.value(id_field, p) for p in part_index]
        return frame

    def _field_frame(self, fields, parts, id_field):
        index = fields["part"].to_numpy()
        frame = self._ids(parts, id_field, index)
        frame["part"] = parts.part_no[index]
        frame["field"] = fields.groupby("part").cumcount().to_numpy().astype(np.int64)
        cols = ["class", "length_m", "width_m", "n_along", "n_across", "n_points", "spacing_along_m",
                "spacing_across_m", "e_avg", "e_min", "e_max", "u0", "verdict", "reason"]
        frame = pd.concat([frame, fields[cols].reset_index(drop=True)], axis=1)
        if parts.areal:
            wkb = [polygon_wkb(parts.polygons[p]) for p in index]
        else:
            wkb = [line_wkb(substring(parts.lines[p], a, b))
                   for p, a, b in zip(index, fields["start_m"], fields["end_m"], strict=True)]
        return frame, wkb

    def _stretch_frame(self, stretches, parts, id_field):
        index = stretches["part"].to_numpy().astype(np.int64)
        frame = self._ids(parts, id_field, index)
        frame["class"] = stretches["class"].to_numpy()
        frame["start_m"] = stretches["start_m"].to_numpy()
        frame["end_m"] = stretches["end_m"].to_numpy()
        frame["length_m"] = frame["end_m"] - frame["start_m"]
        frame["e_min"] = stretches["e_min"].to_numpy()
        frame["required_min_lx"] = stretches["required_min_lx"].to_numpy()
        wkb = [line_wkb(substring(parts.lines[p], a, b))
               for p, a, b in zip(index, stretches["start_m"], stretches["end_m"], strict=True)]
        return frame, wkb
