"""besecure:standoff - distance from vehicle-reachable places to assets against the NCTC stand-off table."""
from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ...analysis.design.rules import asset_threats, constant, standoff_table
from ...analysis.errors import InputError
from ...analysis.geometry.proximity import nearest_places
from ...compat import FIELD_ANY, VECTOR_ANY, VECTOR_LINE, VECTOR_POINT, VECTOR_POLYGON, WKB_LINESTRING
from ...i18n import N_, tr
from ...knowledge.rulesets import load_ruleset
from ...layers.write import line_wkb, write_frame
from ..access_inputs import add_ruleset_parameter, read_features, read_zones, ruleset_from, verdict_style
from ..base import BesecureAlgorithm, Help, check_cancel
from ..plan_inputs import source_of, working_crs_of

ASSETS = "ASSETS"
ASSET_ID_FIELD = "ASSET_ID_FIELD"
REACHABLE = "REACHABLE"
EXCLUDE = "EXCLUDE"
THREAT = "THREAT"
THREAT_FIELD = "THREAT_FIELD"
RULESET = "RULESET"
OUTPUT = "OUTPUT"
OUTPUT_LINKS = "OUTPUT_LINKS"

_BUNDLED = load_ruleset("standoff")
THREAT_NAMES = tuple(_BUNDLED["threats"])
DEFAULT_THREAT = THREAT_NAMES.index("sedan")
VERDICTS = (("pass", "Beyond the preferred evacuation distance"),
            ("shelter", "Between mandatory and preferred distance"),
            ("fail", "Within the mandatory evacuation distance"))
ASSET_STYLE = verdict_style("verdict", list(VERDICTS))
LINK_STYLE = verdict_style("verdict", list(VERDICTS))


class Standoff(BesecureAlgorithm):
    ALGORITHM_ID = "standoff"
    DISPLAY_NAME = "Stand-off distances"
    GROUP_ID = "sbd"
    TAGS = "stand-off,standoff distance,blast,hostile vehicle,asset,protection,security by design"
    HELP = Help(
        "Measures the shortest distance from each asset (a building, a crowded square, an entrance) to the places a "
        "vehicle can reach (roads, parking, or the entry points of the vehicle access check) and compares it with "
        "the bomb-threat stand-off table: the mandatory and the preferred evacuation distance of each threat.",
        {
            ASSETS: "Assets or crowded zones: points or polygons, any CRS.",
            ASSET_ID_FIELD: "Optional field naming each asset in the output.",
            REACHABLE: "Places a vehicle can reach: the drivable network (lines), parking or open space (polygons), "
            "or the entry points of besecure:vehicleaccess (points).",
            EXCLUDE: "Optional polygons a vehicle cannot enter (a protected zone with adequate barriers): reachable "
            "places inside them are left out.",
            THREAT: "Threat whose distances give the main verdict; the output also has a verdict column for every "
            "threat of the rule set.",
            THREAT_FIELD: "Optional field of the assets naming the threat to assess each against (a threat name of "
            "the rule set, e.g. small_truck, or its label); empty or unknown values take THREAT.",
            RULESET: "Optional own stand-off rule set (JSON, the layout of knowledge/rulesets/standoff.json).",
        },
        {
            OUTPUT: "Assets with min_distance_m, threat, mandatory_m, preferred_m, verdict (fail: within the "
            "mandatory evacuation distance; shelter: between mandatory and preferred; pass: beyond the preferred), "
            "reason, and v_<threat> for every threat in the rule set.",
            OUTPUT_LINKS: "The shortest link from each asset to the nearest reachable place, with its distance and "
            "verdict.",
        },
        "Exact planar distances between the asset's outline and the reachable lines, points and polygons (0 when "
        "they overlap). Distances from the NCTC 'Bomb Threat Stand-Off Distances' chart in the editable rule set "
        "knowledge/rulesets/standoff.json (e.g. sedan 98 m mandatory / 580 m preferred).",
        "A 'fail' asset is closer to vehicle access than the distance everyone would have to be evacuated from for "
        "that threat: move the access, add barriers, or harden the asset. For general emergency planning only.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(ASSETS, tr("Assets or crowded zones"),
                                                              [VECTOR_POINT, VECTOR_POLYGON]))
        self.addParameter(QgsProcessingParameterField(ASSET_ID_FIELD, tr("Asset name field"), None, ASSETS, FIELD_ANY,
                                                      optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(REACHABLE, tr("Vehicle-reachable places"),
                                                              [VECTOR_ANY]))
        self.addParameter(QgsProcessingParameterFeatureSource(EXCLUDE, tr("Areas closed to vehicles"),
                                                              [VECTOR_POLYGON], optional=True))
        labels = [str(t.get("label", name)) for name, t in _BUNDLED["threats"].items()]
        self.addParameter(QgsProcessingParameterEnum(THREAT, tr("Threat"), labels, defaultValue=DEFAULT_THREAT))
        self.addParameter(QgsProcessingParameterField(THREAT_FIELD, tr("Threat field of the assets"), None, ASSETS,
                                                      FIELD_ANY, optional=True))
        add_ruleset_parameter(self, "standoff")
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Stand-off per asset")))
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT_LINKS, tr("Nearest vehicle access"), VECTOR_LINE))

    def compute(self, parameters, context, feedback):
        ruleset = ruleset_from(self, parameters, context, "standoff", "standoff")
        threat = THREAT_NAMES[self.parameterAsEnum(parameters, THREAT, context)]
        if threat not in ruleset["threats"]:
            raise InputError("The rule set '{}' has no threat '{}'; it has {}.",
                             ruleset['id'], threat, ', '.join(ruleset['threats']))
        crs = working_crs_of(source_of(self, parameters, ASSETS, context, tr("assets")))
        id_field = self.parameterAsString(parameters, ASSET_ID_FIELD, context)
        threat_field = self.parameterAsString(parameters, THREAT_FIELD, context)
        assets = read_features(self, parameters, ASSETS, context, crs, feedback, tr("assets"),
                               [id_field, threat_field])
        n = len(assets.fid)
        if n == 0:
            raise InputError("The asset layer has no feature with a usable geometry.")
        threats, unknown = asset_threats(assets.text(threat_field) if threat_field else None, n, threat, ruleset)
        if unknown:
            feedback.pushWarning(tr("{} assets have no known threat in '{}'; they are assessed against '{}'.")
                                 .format(unknown, threat_field, threat))
        exclude = None
        if source_of(self, parameters, EXCLUDE, context, "exclude", optional=True) is not None:
            exclude, _ = read_zones(self, parameters, EXCLUDE, context, crs, feedback, 1e-6, label=N_("closed area"))
        reach = read_features(self, parameters, REACHABLE, context, crs, feedback, tr("reachable places"),
                              exclude=exclude)
        check_cancel(feedback)
        if reach.shapes.n_segments == 0:
            feedback.pushWarning(tr("No vehicle-reachable place is left: every asset passes."))
        near = nearest_places(assets.shapes, n, reach.shapes)
        check_cancel(feedback)
        frame = pd.DataFrame({"asset_fid": assets.fid.astype(np.int64)})
        if id_field:
            frame["asset_id"] = assets.text(id_field)
        frame = pd.concat([frame, standoff_table(near.distance, threats, ruleset)], axis=1)
        wkb = assets.wkb
        dest = write_frame(self, parameters, OUTPUT, context, frame, crs, wkb=wkb, wkb_type=assets.wkb_type,
                           feedback=feedback)
        self.output_written(parameters, context, dest, ASSET_STYLE, "Stand-off per asset")
        ok = np.isfinite(near.distance)
        links = frame.loc[ok, ["asset_fid"] + (["asset_id"] if id_field else []) + ["min_distance_m", "verdict"]]
        link_wkb = [line_wkb(np.vstack([a, b])) for a, b in zip(near.asset_xy[ok], near.reach_xy[ok])]
        link_dest = write_frame(self, parameters, OUTPUT_LINKS, context, links.reset_index(drop=True), crs,
                                wkb=link_wkb, wkb_type=WKB_LINESTRING, feedback=feedback)
        self.output_written(parameters, context, link_dest, LINK_STYLE, "Nearest vehicle access")
        counts = frame["verdict"].value_counts()
        entry = ruleset["threats"][threat]
        feedback.pushInfo(tr("{} assets (default threat '{}': mandatory {:g} m, preferred {:g} m): {} fail, {} "
                             "shelter, {} pass.").format(n, threat, constant(entry["mandatory_m"]),
                                                         constant(entry["preferred_m"]), counts.get("fail", 0),
                                                         counts.get("shelter", 0), counts.get("pass", 0)))
        return {OUTPUT: dest, OUTPUT_LINKS: link_dest}
