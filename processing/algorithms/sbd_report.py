"""besecure:sbdreport - runs the security-by-design checks on a plan (or a current and a redesigned plan)
and writes an HTML (and PDF) report with a map per check, the verdicts, the criteria and their sources,
and what changed between the variants."""
from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass, field

from qgis.core import (
    QgsApplication,
    QgsFillSymbol,
    QgsLineSymbol,
    QgsMarkerSymbol,
    QgsProcessingException,
    QgsProcessingMultiStepFeedback,
    QgsProcessingOutputFile,
    QgsProcessingOutputHtml,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorDestination,
    QgsProcessingParameterVectorLayer,
    QgsRasterLayer,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)

from ...analysis.errors import Cancelled, InputError
from ...compat import FLAG_OPTIONAL, GEOMETRY_LINE, GEOMETRY_POLYGON, VECTOR_ANY, enum_int, set_advanced
from ...i18n import N_, current_locale, tr
from ...knowledge.rulesets import load_ruleset
from ...layers.reports.images import layers_extent, render_map_png
from ...layers.reports.sbd import (
    FAILING,
    CheckReport,
    ReportData,
    compare_items,
    ruleset_criteria,
    sbd_report,
    verdict_counts,
    verdict_items,
)
from ...layers.write import plugin_version
from ..base import BesecureAlgorithm, Help, input_message

CHECKS = "CHECKS"
TITLE = "TITLE"
VARIANT_A = "VARIANT_A"
VARIANT_B = "VARIANT_B"
CHECK_PARAMETERS = "CHECK_PARAMETERS"
MATCH_TOLERANCE = "MATCH_TOLERANCE"
MAP_WIDTH = "MAP_WIDTH"
MAX_ROWS = "MAX_ROWS"
WITH_PDF = "WITH_PDF"
OUTPUT_HTML = "OUTPUT_HTML"
OUTPUT_PDF = "OUTPUT_PDF"
OUTPUT_FOLDER = "OUTPUT_FOLDER"

# Plan layers of a variant; the redesign's are the same names with the suffix _B.
LAYERS = {
    "ZONE": N_("Protected zone (crowded place)"),
    "NETWORK": N_("Drivable network"),
    "OPEN_SPACE": N_("Drivable open space"),
    "BARRIERS": N_("Barriers (bollards or lines)"),
    "BARRIER_LINES": N_("More barriers (e.g. lines)"),
    "ASSETS": N_("Assets for stand-off"),
    "BUILDINGS": N_("Buildings"),
    "VEGETATION": N_("Vegetation and furniture"),
    "PATHS": N_("Footpaths"),
    "PUBLIC_SPACE": N_("Public space (squares)"),
    "EXITS": N_("Exits"),
    "LAMPS": N_("Lamps"),
    "CAMERAS": N_("Cameras"),
    "OPENINGS": N_("Windows and doors"),
}
SUFFIX_B = "_B"

# Field names shared by both variants (defaults: the demo town's). A field missing from a layer is
# not passed on (the check then uses its own default) and the log says so.
FIELDS = {
    "RATING_FIELD": ("rating", N_("Barrier crash rating field")),
    "DIAMETER_FIELD": ("diameter_m", N_("Bollard diameter field")),
    "BARRIER_ID_FIELD": ("barrier_id", N_("Barrier name field")),
    "ASSET_ID_FIELD": ("name", N_("Asset name field")),
    "THREAT_FIELD": ("threat", N_("Asset threat field")),
    "VEGETATION_HEIGHT_FIELD": ("height_m", N_("Vegetation height field")),
    "CROWN_BASE_FIELD": ("crown_base_m", N_("Crown base field")),
    "VEGETATION_KIND_FIELD": ("kind", N_("Vegetation kind field")),
    "LAMP_HEIGHT_FIELD": ("height_m", N_("Lamp height field")),
    "LAMP_FLUX_FIELD": ("flux_lm", N_("Lamp flux field")),
    "LAMP_MAINTENANCE_FIELD": ("maintenance_factor", N_("Lamp maintenance factor field")),
    "PATH_CLASS_FIELD": ("lighting_class", N_("Path lighting class field")),
    "PATH_WIDTH_FIELD": ("width_m", N_("Path width field")),
    "PATH_ID_FIELD": ("name", N_("Path name field")),
    "CAMERA_ID_FIELD": ("camera_id", N_("Camera name field")),
    "CAMERA_HEIGHT_FIELD": ("height_m", N_("Camera height field")),
    "CAMERA_AZIMUTH_FIELD": ("azimuth_deg", N_("Camera direction field")),
    "CAMERA_HFOV_FIELD": ("hfov_deg", N_("Camera field of view field")),
    "CAMERA_WIDTH_PX_FIELD": ("width_px", N_("Camera resolution field")),
    "CAMERA_RANGE_FIELD": ("max_range_m", N_("Camera range field")),
    "OPENING_FACING_FIELD": ("facing_deg", N_("Opening facing field")),
    "STOREYS_FIELD": ("storeys", N_("Building storeys field")),
}


@dataclass(frozen=True)
class CheckSpec:
    """How a check is fed from the plan: child parameter -> plan layers (first given wins), child
    field parameter -> report field parameter, the outputs that carry verdicts, the plan layers
    drawn under its map, and the rule set it judges by (from the child's parameters)."""

    title: str
    summary: str
    layers: dict[str, tuple[str, ...]]
    fields: dict[str, str] = field(default_factory=dict)
    verdict_outputs: tuple[str, ...] = ("OUTPUT",)
    base: tuple[str, ...] = ("ZONE", "BUILDINGS")
    ruleset: object = None


def _file_or(params: dict, key: str, default):
    return params.get(key) or default


SPECS = {
    "vehicleaccess": CheckSpec(
        N_("Vehicle access (hostile vehicle mitigation)"),
        N_("Entry points into the protected zone a design vehicle can use, its worst-case run-up, impact speed "
           "and energy, and whether the barrier there is rated for it."),
        {"ZONE": ("ZONE",), "NETWORK": ("NETWORK",), "OPEN_SPACE": ("OPEN_SPACE",), "BUILDINGS": ("BUILDINGS",),
         "BARRIERS": ("BARRIERS",), "BARRIER_LINES": ("BARRIER_LINES",)},
        {"RATING_FIELD": "RATING_FIELD", "DIAMETER_FIELD": "DIAMETER_FIELD", "BARRIER_ID_FIELD": "BARRIER_ID_FIELD"},
        base=("BARRIERS", "BARRIER_LINES", "ZONE", "BUILDINGS", "NETWORK", "OPEN_SPACE"),
        ruleset=lambda p: _file_or(p, "RULESET", "vehicles"),
    ),
    "standoff": CheckSpec(
        N_("Stand-off distances"),
        N_("Shortest distance from each asset or crowded zone to the places a vehicle can reach, against the "
           "bomb-threat evacuation distances."),
        {"ASSETS": ("ASSETS", "ZONE"), "REACHABLE": ("NETWORK",), "EXCLUDE": ("ZONE",)},
        {"ASSET_ID_FIELD": "ASSET_ID_FIELD", "THREAT_FIELD": "THREAT_FIELD"},
        base=("ZONE", "BUILDINGS", "NETWORK"),
        ruleset=lambda p: _file_or(p, "RULESET", "standoff"),
    ),
    "concealment": CheckSpec(
        N_("Concealment and escape routes"),
        N_("Planting and boundaries beside paths against the concealment rules; dead ends and path stretches "
           "far from an exit."),
        {"OBJECTS": ("VEGETATION",), "PATHS": ("PATHS",), "EXITS": ("EXITS", "PUBLIC_SPACE")},
        {"HEIGHT_FIELD": "VEGETATION_HEIGHT_FIELD", "CROWN_BASE_FIELD": "CROWN_BASE_FIELD",
         "KIND_FIELD": "VEGETATION_KIND_FIELD"},
        verdict_outputs=("OUTPUT", "OUTPUT_ESCAPE"),
        base=("BUILDINGS", "PATHS"),
        ruleset=lambda p: _file_or(p, "RULESET", "secured_by_design"),
    ),
    "lightingcheck": CheckSpec(
        N_("Public lighting"),
        N_("Illuminance of the paths from the lamps against their lighting class."),
        {"LAMPS": ("LAMPS",), "PATHS": ("PATHS",), "BUILDINGS": ("BUILDINGS",)},
        {"HEIGHT_FIELD": "LAMP_HEIGHT_FIELD", "FLUX_FIELD": "LAMP_FLUX_FIELD",
         "MAINTENANCE_FIELD": "LAMP_MAINTENANCE_FIELD", "CLASS_FIELD": "PATH_CLASS_FIELD",
         "WIDTH_FIELD": "PATH_WIDTH_FIELD", "PATH_ID_FIELD": "PATH_ID_FIELD"},
        base=("BUILDINGS", "PATHS"),
        ruleset=lambda p: _file_or(p, "RULESET_FILE", ("en13201", "dutch_social_safety")[int(p.get("RULESET") or 0)]),
    ),
    "naturalsurveillance": CheckSpec(
        N_("Natural surveillance"),
        N_("Share of each path overlooked by windows and doors, and public space overlooked by nobody."),
        {"OPENINGS": ("OPENINGS",), "BUILDINGS": ("BUILDINGS",), "PATHS": ("PATHS",),
         "PUBLIC_SPACE": ("PUBLIC_SPACE",)},
        {"FACING_FIELD": "OPENING_FACING_FIELD", "STOREYS_FIELD": "STOREYS_FIELD", "PATH_ID_FIELD": "PATH_ID_FIELD"},
        base=("BUILDINGS", "PATHS"),
    ),
    "cctvcoverage": CheckSpec(
        N_("CCTV coverage"),
        N_("Camera coverage by EN 62676-4 observation level, the covered share of each target, and blind spots."),
        {"CAMERAS": ("CAMERAS",), "BUILDINGS": ("BUILDINGS",), "TARGETS": ("PUBLIC_SPACE", "PATHS")},
        {"CAMERA_ID_FIELD": "CAMERA_ID_FIELD", "HEIGHT_FIELD": "CAMERA_HEIGHT_FIELD",
         "AZIMUTH_FIELD": "CAMERA_AZIMUTH_FIELD", "HFOV_FIELD": "CAMERA_HFOV_FIELD",
         "WIDTH_PX_FIELD": "CAMERA_WIDTH_PX_FIELD", "RANGE_FIELD": "CAMERA_RANGE_FIELD"},
        verdict_outputs=("OUTPUT_TARGETS",),
        base=("BUILDINGS", "PUBLIC_SPACE"),
        ruleset=lambda p: _file_or(p, "RULESET_FILE", "cctv_en62676"),
    ),
}
CHECK_IDS = tuple(SPECS)

BASE_STYLE = {"fill": "#eeeeee", "outline": "#9e9e9e", "line": "#9e9e9e", "marker": "#9e9e9e"}


def _base_copy(layer: QgsVectorLayer) -> QgsVectorLayer:
    """A clone of a plan layer drawn in light grey under a check's map (the user's layer is untouched)."""
    copy = layer.clone()
    kind = copy.geometryType()
    if kind == GEOMETRY_POLYGON:
        symbol = QgsFillSymbol.createSimple({"color": BASE_STYLE["fill"], "outline_color": BASE_STYLE["outline"],
                                             "outline_width": "0.2"})
    elif kind == GEOMETRY_LINE:
        symbol = QgsLineSymbol.createSimple({"color": BASE_STYLE["line"], "width": "0.4"})
    else:
        symbol = QgsMarkerSymbol.createSimple({"color": BASE_STYLE["marker"], "size": "1.2"})
    copy.setRenderer(QgsSingleSymbolRenderer(symbol))
    return copy


class SbdReport(BesecureAlgorithm):
    ALGORITHM_ID = "sbdreport"
    DISPLAY_NAME = "Security-by-design report"
    GROUP_ID = "sbd"
    TAGS = "security by design,report,CPTED,PDF,HTML,redesign,plan,variant"
    HELP = Help(
        "Runs the chosen security-by-design checks on a plan, or on the current situation and a redesign, and "
        "writes one report: a map per check and variant, the verdicts, the failing items with their reasons, each "
        "criterion with its source, and what changed between the variants. Checks that are not installed, or "
        "whose layers are not given, are skipped and say so.",
        {
            CHECKS: "Checks to run: vehicle access, stand-off, concealment and escape, lighting, natural "
            "surveillance, CCTV coverage.",
            TITLE: "Title of the report.",
            VARIANT_A: "Name of the plan variant given by the plain layer parameters (default: Current "
            "situation).",
            VARIANT_B: "Name of the second variant, made of the layers with the suffix _B; a _B layer that is not "
            "given is taken from the first variant, so only the changed layers need to be given.",
            ", ".join(LAYERS): "The plan's layers, each optional: a check runs when the layers it "
            "needs are given (vehicle access: ZONE and NETWORK; stand-off: ZONE or ASSETS and NETWORK; concealment: "
            "VEGETATION and PATHS; lighting: LAMPS and PATHS; natural surveillance: BUILDINGS and PATHS; CCTV: "
            "CAMERAS and PUBLIC_SPACE or PATHS). The same names with the suffix _B give the second variant.",
            ", ".join(FIELDS): "Field names the checks read (defaults: the demo town's, e.g. rating, "
            "height_m, lighting_class, azimuth_deg). A field a layer does not have is left to the check's default.",
            CHECK_PARAMETERS: "Optional JSON with more parameters per check, e.g. {\"vehicleaccess\": "
            "{\"VEHICLE_CLASS\": 2}, \"lightingcheck\": {\"CLASS\": \"P4\"}}.",
            MATCH_TOLERANCE: "Items of the two variants closer than this many metres are the same item when "
            "their verdicts are compared (default 2 m).",
            MAP_WIDTH: "Width of the maps in pixels (default 900).",
            MAX_ROWS: "Most failing items listed per check and variant (default 25).",
            WITH_PDF: "Also print the report to PDF.",
            OUTPUT_HTML: "The report (HTML, maps embedded, one self-contained file).",
            OUTPUT_PDF: "The report as PDF (when WITH_PDF).",
            OUTPUT_FOLDER: "Folder for the checks' own output layers (GeoPackages), to open in QGIS.",
        },
        {OUTPUT_HTML: "The HTML report.", OUTPUT_PDF: "The PDF report.",
         OUTPUT_FOLDER: "The checks' output layers, one GeoPackage per check, output and variant."},
        "Each check runs as a child algorithm (processing.run with is_child_algorithm) with the plan's layers. "
        "The criteria come from the rule sets the checks use (knowledge/rulesets, or your own copies given in "
        "CHECK_PARAMETERS), each with its published source. Items of the two variants are matched by location.",
        "Start with the summary: the number of items assessed and failing per check and variant. The map of a "
        "check shows its verdicts (red fails); 'What changed' lists the items whose verdict the redesign changes.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        names = [tr(SPECS[c].title) for c in CHECK_IDS]
        self.addParameter(QgsProcessingParameterEnum(CHECKS, tr("Checks"), names, allowMultiple=True,
                                                     defaultValue=list(range(len(CHECK_IDS)))))
        self.addParameter(QgsProcessingParameterString(TITLE, tr("Report title"), tr("Security-by-design report")))
        self.addParameter(QgsProcessingParameterString(VARIANT_A, tr("Name of the plan variant"),
                                                       tr("Current situation")))
        self.addParameter(QgsProcessingParameterString(VARIANT_B, tr("Name of the second variant (_B layers)"),
                                                       tr("Redesign")))
        for suffix in ("", SUFFIX_B):
            for key, label in LAYERS.items():
                text = tr(label) if not suffix else tr("{} (second variant)").format(tr(label))
                param = QgsProcessingParameterVectorLayer(key + suffix, text, [VECTOR_ANY], optional=True)
                self.addParameter(set_advanced(param) if suffix else param)
        for key, (default, label) in FIELDS.items():
            self.addParameter(set_advanced(QgsProcessingParameterString(key, tr(label), default, optional=True)))
        self.addParameter(set_advanced(QgsProcessingParameterString(CHECK_PARAMETERS, tr("More check parameters "
                                                                                         "(JSON)"), "", True,
                                                                    optional=True)))
        self.add_number(MATCH_TOLERANCE, "Matching distance between variants (m)", 2.0, 0.0, advanced=True)
        self.add_number(MAP_WIDTH, "Map width (pixels)", 900, 200, 4000, integer=True, advanced=True)
        self.add_number(MAX_ROWS, "Failing items listed per check", 25, 0, integer=True, advanced=True)
        self.addParameter(QgsProcessingParameterBoolean(WITH_PDF, tr("Also write a PDF"), True))
        self.addParameter(QgsProcessingParameterFileDestination(OUTPUT_HTML, tr("Report (HTML)"),
                                                                tr("HTML files (*.html)")))
        self.addParameter(QgsProcessingParameterFileDestination(OUTPUT_PDF, tr("Report (PDF)"), tr("PDF files (*.pdf)"),
                                                                optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFolderDestination(OUTPUT_FOLDER, tr("Folder for the check outputs"),
                                                                  optional=True, createByDefault=True))
        self.addOutput(QgsProcessingOutputHtml("REPORT", tr("Security-by-design report")))
        self.addOutput(QgsProcessingOutputFile("REPORT_FILE", tr("Report file")))

    def parameter_help(self) -> dict[str, str]:
        texts = super().parameter_help()
        return {**texts, **{key + SUFFIX_B: texts[key] for key in LAYERS}}  # that text names the _B layers too

    # -- inputs -------------------------------------------------------------------------------
    def _variants(self, parameters, context) -> list[tuple[str, str, dict]]:
        """(key, name, plan layer -> layer) per variant; the second only when a _B layer is given."""
        plan_a = {k: self.parameterAsVectorLayer(parameters, k, context) for k in LAYERS}
        plan_a = {k: v for k, v in plan_a.items() if v is not None}
        variants = [("a", self.parameterAsString(parameters, VARIANT_A, context) or tr("Current situation"), plan_a)]
        plan_b = {k: self.parameterAsVectorLayer(parameters, k + SUFFIX_B, context) for k in LAYERS}
        plan_b = {k: v for k, v in plan_b.items() if v is not None}
        if plan_b:
            name_b = self.parameterAsString(parameters, VARIANT_B, context) or tr("Redesign")
            if name_b == variants[0][1]:
                name_b = f"{name_b} (2)"
            variants.append(("b", name_b, {**plan_a, **plan_b}))
        return variants

    def _extra(self, parameters, context) -> dict:
        text = self.parameterAsString(parameters, CHECK_PARAMETERS, context).strip()
        if not text:
            return {}
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError("CHECK_PARAMETERS is not valid JSON: {}.", exc) from exc
        if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
            raise InputError("CHECK_PARAMETERS must be a JSON object of check id -> {parameter: value}.")
        unknown = sorted(set(data) - set(CHECK_IDS))
        if unknown:
            raise InputError("CHECK_PARAMETERS names unknown checks: {} (known: {}).",
                             ', '.join(unknown), ', '.join(CHECK_IDS))
        return data

    # -- one check ----------------------------------------------------------------------------
    def _child_parameters(self, alg, spec: CheckSpec, plan: dict, fields: dict, extra: dict, folder: str, tag: str,  # noqa: C901
                          feedback) -> tuple[dict | None, str, dict]:  # (one branch per kind of child parameter)
        """Parameters for the child algorithm, or None and the reason it cannot run; and its outputs."""
        params: dict = {}
        chosen: dict[str, str] = {}
        for child_name, plan_keys in spec.layers.items():
            definition = alg.parameterDefinition(child_name)
            if definition is None:
                continue
            given = [key for key in plan_keys if key in plan]
            if not given:
                continue
            if isinstance(definition, QgsProcessingParameterMultipleLayers):
                # e.g. exits: the EXITS layer and, with it, the squares the paths open onto
                if given[0] != plan_keys[0]:
                    continue
                params[child_name] = [plan[key] for key in given]
            else:
                params[child_name] = plan[given[0]]
            chosen[child_name] = given[0]
        if chosen.get("ASSETS") == "ZONE":
            params.pop("EXCLUDE", None)  # the zone is the asset: it cannot also be closed to vehicles
        for child_name, field_key in spec.fields.items():
            definition = alg.parameterDefinition(child_name)
            name = fields.get(field_key)
            if definition is None or not name:
                continue
            if isinstance(definition, QgsProcessingParameterField) and definition.parentLayerParameterName():
                parent = params.get(definition.parentLayerParameterName())
                if parent is None or name not in parent.fields().names():
                    continue
            params[child_name] = name
        params.update(extra)
        missing = []
        for definition in alg.parameterDefinitions():
            name = definition.name()
            if definition.isDestination() or definition.flags() & FLAG_OPTIONAL or name in params:
                continue
            if definition.defaultValue() is None:
                missing.append(name)
        if missing:
            return None, tr("skipped: no layer or value for {}").format(", ".join(missing)), {}
        outputs = {}
        for definition in alg.destinationParameterDefinitions():
            name = definition.name()
            if name in params:
                continue
            if definition.flags() & FLAG_OPTIONAL and not definition.createByDefault():
                continue
            base = os.path.join(folder, f"{tag}_{name.lower()}")
            if isinstance(definition, (QgsProcessingParameterFeatureSink, QgsProcessingParameterVectorDestination)):
                outputs[name] = base + ".gpkg"
            elif isinstance(definition, QgsProcessingParameterRasterDestination):
                outputs[name] = base + ".tif"
            elif isinstance(definition, QgsProcessingParameterFolderDestination):
                outputs[name] = base
            else:
                outputs[name] = base + "." + (definition.defaultFileExtension() or "dat")
        params.update(outputs)
        return params, "ran", outputs

    def _run_check(self, check_id: str, variants, fields, extra, folder, context, feedback, options) -> CheckReport:
        import processing

        spec = SPECS[check_id]
        report = CheckReport(check_id, tr(spec.title), tr(spec.summary))
        alg = QgsApplication.processingRegistry().algorithmById(f"besecure:{check_id}")
        if alg is None:
            for _, name, _ in variants:
                report.status[name] = tr("skipped: the algorithm besecure:{} is not installed").format(check_id)
            feedback.pushInfo(tr("Check '{}' skipped: the algorithm besecure:{} is not registered.")
                              .format(check_id, check_id))
            return report
        outputs_by_variant: dict[str, dict[str, str]] = {}
        used_params: dict = {}
        for key, name, plan in variants:
            if feedback.isCanceled():
                raise Cancelled()
            params, status, outputs = self._child_parameters(alg, spec, plan, fields, extra.get(check_id, {}),
                                                             folder, f"{key}_{check_id}", feedback)
            if params is None:
                report.status[name] = status
                feedback.pushInfo(tr("Check '{}' on '{}' {}.").format(check_id, name, status))
                continue
            feedback.pushInfo(tr("Running check '{}' on '{}'.").format(check_id, name))
            try:
                results = processing.run(f"besecure:{check_id}", params, context=context, feedback=feedback,
                                         is_child_algorithm=True)
            except QgsProcessingException as exc:
                if feedback.isCanceled():
                    raise Cancelled() from None
                report.status[name] = tr("failed: {}").format(str(exc).strip())
                feedback.pushWarning(tr("Check '{}' on '{}' failed: {}").format(check_id, name, str(exc).strip()))
                continue
            report.status[name] = "ran"
            outputs_by_variant[name] = {k: str(results.get(k, v)) for k, v in outputs.items()}
            if not used_params:
                used_params = params
        self._summarise(report, alg, spec, variants, outputs_by_variant, used_params, options)
        return report

    def _summarise(self, report: CheckReport, alg, spec: CheckSpec, variants, outputs_by_variant, used_params,
                   options) -> None:
        layers_by_variant: dict[str, list] = {}
        items_by_variant: dict[str, list] = {}
        for _, name, _plan in variants:
            outputs = outputs_by_variant.get(name)
            if outputs is None:
                continue
            layers = []
            counts: dict[str, int] = {}
            items = []
            for out_name, path in outputs.items():
                if path.lower().endswith(".tif"):
                    lyr = QgsRasterLayer(path, out_name)
                elif path.lower().endswith(".gpkg"):
                    lyr = QgsVectorLayer(path, out_name, "ogr")
                else:
                    continue
                if not lyr.isValid():
                    continue
                layers.append(lyr)
                if out_name in spec.verdict_outputs and isinstance(lyr, QgsVectorLayer):
                    for value, n in verdict_counts(lyr).items():
                        counts[value] = counts.get(value, 0) + n
                    items += verdict_items(lyr)
            report.counts[name] = counts
            layers_by_variant[name] = layers
            items_by_variant[name] = items
            report.failing[name] = [i for i in items if i.verdict in FAILING][: options["max_rows"]]
        ran = [name for _, name, _ in variants if name in layers_by_variant]
        crs = next((lyr.crs() for name in ran for lyr in layers_by_variant[name]), None)
        if crs is not None:
            extent = layers_extent([lyr for name in ran for lyr in layers_by_variant[name]], crs)
            for _, name, plan in variants:
                if name not in layers_by_variant:
                    continue
                vectors = [lyr for lyr in layers_by_variant[name] if isinstance(lyr, QgsVectorLayer)]
                rasters = [lyr for lyr in layers_by_variant[name] if isinstance(lyr, QgsRasterLayer)]
                base = [_base_copy(plan[k]) for k in spec.base if k in plan]
                # First is drawn on top: points, then lines, then polygons, then the base and rasters.
                order = sorted(vectors, key=lambda lyr: enum_int(lyr.geometryType()))
                report.maps[name] = render_map_png(order + base + rasters, extent, crs, options["map_width"])
        if len(variants) > 1 and all(name in items_by_variant for _, name, _ in variants):
            report.changes = compare_items(items_by_variant[variants[0][1]], items_by_variant[variants[1][1]],
                                           options["tolerance"])
        self._criteria(report, alg, spec, used_params)

    @staticmethod
    def _criteria(report: CheckReport, alg, spec: CheckSpec, used_params: dict) -> None:
        if spec.ruleset is not None:
            source = spec.ruleset(used_params)
            try:
                data = load_ruleset(source)
            except InputError as exc:
                report.criteria_title = input_message(exc)
            else:
                report.criteria_title = tr("Rule set '{}': {}").format(data["id"], data["title"])
                report.criteria = ruleset_criteria(data)
        for definition in alg.parameterDefinitions():
            if definition.isDestination() or isinstance(definition, (QgsProcessingParameterFeatureSource,
                                                                     QgsProcessingParameterVectorLayer)):
                continue
            name = definition.name()
            value = used_params.get(name, definition.defaultValue())
            if value is None or value == "":
                continue
            if isinstance(definition, QgsProcessingParameterEnum) and not isinstance(value, str):
                options = definition.options()
                picks = value if isinstance(value, list) else [value]
                value = ", ".join(options[int(i)] for i in picks if 0 <= int(i) < len(options))
            report.parameters[f"{definition.description()} ({name})"] = str(value)

    # -- run ----------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        html_path = self.parameterAsFileOutput(parameters, OUTPUT_HTML, context)
        if not html_path.lower().endswith((".html", ".htm")):
            html_path += ".html"
        with_pdf = self.parameterAsBoolean(parameters, WITH_PDF, context)
        pdf_path = self.parameterAsFileOutput(parameters, OUTPUT_PDF, context) if with_pdf else ""
        if with_pdf and not pdf_path:
            pdf_path = os.path.splitext(html_path)[0] + ".pdf"
        folder = self.parameterAsString(parameters, OUTPUT_FOLDER, context)
        if not folder or folder == "TEMPORARY_OUTPUT":
            folder = os.path.splitext(html_path)[0] + "_files"
        chosen = [CHECK_IDS[i] for i in self.parameterAsEnums(parameters, CHECKS, context)]
        if not chosen:
            raise InputError("Choose at least one check (CHECKS).")
        extra = self._extra(parameters, context)
        fields = {k: self.parameterAsString(parameters, k, context) for k in FIELDS}
        variants = self._variants(parameters, context)
        if not variants[0][2]:
            raise InputError("Give at least one plan layer (e.g. ZONE and NETWORK for the vehicle access check).")
        options = {"tolerance": self.parameterAsDouble(parameters, MATCH_TOLERANCE, context),
                   "map_width": self.parameterAsInt(parameters, MAP_WIDTH, context),
                   "max_rows": self.parameterAsInt(parameters, MAX_ROWS, context)}
        for path in (html_path, pdf_path, folder):
            if path:
                self.will_create(path)
        os.makedirs(folder, exist_ok=True)
        feedback.pushInfo(tr("Variants: {}.").format(", ".join(name for _, name, _ in variants)))
        steps = QgsProcessingMultiStepFeedback(len(chosen) + 1, feedback)
        checks = []
        for k, check_id in enumerate(chosen):
            steps.setCurrentStep(k)
            checks.append(self._run_check(check_id, variants, fields, extra, folder, context, steps, options))
            if feedback.isCanceled():
                raise Cancelled()
        steps.setCurrentStep(len(chosen))
        report = ReportData(
            title=self.parameterAsString(parameters, TITLE, context) or tr("Security-by-design report"),
            created=dt.datetime.now().astimezone().isoformat(timespec="minutes"),
            version=plugin_version(),
            variants=[name for _, name, _ in variants],
            checks=checks,
        )
        document = sbd_report(report, lang=current_locale())
        document.write_html(html_path)
        results = {OUTPUT_HTML: html_path, OUTPUT_FOLDER: folder, "REPORT": html_path, "REPORT_FILE": html_path}
        if pdf_path:
            try:
                document.write_pdf(pdf_path)
            except OSError:  # QPrinter fails silently; the engine says so with an OSError
                raise InputError("Cannot write the PDF report '{}'; check that the folder exists and is writable.",
                                 pdf_path) from None
            results[OUTPUT_PDF] = pdf_path
        ran = sum(any(c.ran(v) for v in report.variants) for c in checks)
        feedback.pushInfo(tr("Report written to {} ({} of {} checks ran).").format(html_path, ran, len(checks)))
        return results
