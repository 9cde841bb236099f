"""besecure:createdemodata - the seeded demo town as a GeoPackage."""
from __future__ import annotations

import os

import pandas as pd
from qgis.core import QgsProcessingOutputMultipleLayers, QgsProcessingParameterFileDestination

from ...analysis.data.demo_town import CRS, make_demo_town
from ...i18n import tr
from ...layers.style import StylePostProcessor
from ...layers.wkb import polygon_wkb
from ...layers.write import line_wkb, point_wkb, provenance, write_geopackage_layers
from ..base import BesecureAlgorithm, Help, check_cancel

SEED = "SEED"
SCALE = "SCALE"
OUTPUT = "OUTPUT"
LAYERS = "LAYERS"

INCIDENT_STYLE = {
    "kind": "categorized",
    "field": "category",
    "categories": [
        ("residential burglary", "#e41a1c", "Residential burglary"),
        ("bicycle theft", "#377eb8", "Bicycle theft"),
        ("street robbery", "#984ea3", "Street robbery"),
        ("violence", "#ff7f00", "Violence"),
        ("vandalism", "#a65628", "Vandalism"),
        ("vehicle crime", "#4daf4a", "Vehicle crime"),
    ],
}
NEIGHBOURHOOD_STYLE = {"kind": "graduated", "field": "population", "classes": 4,
                       "colours": ("#f7fbff", "#c6dbef", "#6baed6", "#2171b5")}


def town_layers(town) -> list[dict]:
    """The demo town as layer dicts for :func:`write_geopackage_layers`."""
    inc = town.incidents.reset_index(drop=True)
    inc_frame = inc[["category", "occurred", "window_from", "window_to"]].copy()
    inc_frame.insert(0, "incident_id", range(1, len(inc) + 1))
    return [
        {"name": "neighbourhoods", "geometry": "Polygon", "wkb": [polygon_wkb([r]) for r in town.neighbourhoods.ring],
         "frame": town.neighbourhoods[["name", "population"]]},
        {"name": "streets", "geometry": "LineString", "wkb": [line_wkb(s) for s in town.streets.line],
         "frame": town.streets[["name", "kind"]]},
        {"name": "buildings", "geometry": "Polygon", "wkb": [polygon_wkb([r]) for r in town.buildings.ring],
         "frame": town.buildings[["use", "storeys"]]},
        {"name": "street_lamps", "geometry": "Point", "wkb": point_wkb(town.lamps.x, town.lamps.y),
         "frame": town.lamps[["height_m", "flux_lm", "maintenance_factor"]]},
        {"name": "pedestrian_zone", "geometry": "Polygon", "wkb": [polygon_wkb([town.pedestrian_zone])],
         "frame": pd.DataFrame({"name": ["Centrum pedestrian zone"]})},
        {"name": "incidents", "geometry": "Point", "wkb": point_wkb(inc.x, inc.y), "frame": inc_frame},
        {"name": "ground_truth", "geometry": "Point", "wkb": point_wkb(town.ground_truth.x, town.ground_truth.y),
         "frame": town.ground_truth[["name", "radius_m", "description"]]},
        *(plan_layers(town.plan) if town.plan is not None else []),
    ]


def _points(name: str, frame: pd.DataFrame) -> dict:
    return {"name": name, "geometry": "Point", "wkb": point_wkb(frame.x, frame.y),
            "frame": frame.drop(columns=["x", "y"]).reset_index(drop=True)}


def _lines(name: str, frame: pd.DataFrame) -> dict:
    return {"name": name, "geometry": "LineString", "wkb": [line_wkb(g) for g in frame.line],
            "frame": frame.drop(columns=["line"]).reset_index(drop=True)}


def _polygons(name: str, frame: pd.DataFrame) -> dict:
    return {"name": name, "geometry": "Polygon", "wkb": [polygon_wkb([r]) for r in frame.ring],
            "frame": frame.drop(columns=["ring"]).reset_index(drop=True)}


def plan_layers(plan) -> list[dict]:
    """The security-by-design plan layers (docs/demo_data.md lists their fields)."""
    return [
        _lines("paths", plan.paths),
        _polygons("public_space", plan.public_space),
        _points("openings", plan.openings),
        _points("cameras", plan.cameras),
        _points("cameras_redesign", plan.cameras_redesign),
        _points("street_lamps_redesign", plan.lamps_redesign),
        _points("barriers", plan.barriers),
        _points("barriers_redesign", plan.barriers_redesign),
        _lines("barrier_lines", plan.barrier_lines),
        _points("vegetation", plan.vegetation),
        _points("vegetation_redesign", plan.vegetation_redesign),
        _polygons("protected_zone", plan.protected_zone),
        _lines("drivable_network", plan.drivable_network),
        _polygons("drivable_areas", plan.drivable_areas),
        _points("plan_failures", plan.failures),
    ]


PATH_STYLE = {"kind": "categorized", "field": "lighting_class",
              "categories": [("P5", "#2c7bb6", "Lighting class P5"), ("P6", "#abd9e9", "Lighting class P6")]}
BARRIER_STYLE = {"kind": "categorized", "field": "barrier_id",
                 "categories": [("north entry", "#d73027", "North entry"), ("south entry", "#4575b4", "South entry"),
                                ("east entry", "#1a9850", "East entry"), ("west entry", "#fdae61", "West entry")]}
STYLES = {"incidents": INCIDENT_STYLE, "neighbourhoods": NEIGHBOURHOOD_STYLE, "paths": PATH_STYLE,
          "barriers": BARRIER_STYLE, "barriers_redesign": BARRIER_STYLE}


class CreateDemoData(BesecureAlgorithm):
    ALGORITHM_ID = "createdemodata"
    DISPLAY_NAME = "Create demo town"
    GROUP_ID = "data"
    TAGS = "demo,sample data,example,test data,tutorial"
    HELP = Help(
        "Writes a small synthetic town (4 km x 3 km, Dutch RD New CRS) to a GeoPackage, to try every BESECURE "
        "tool without real data: neighbourhoods with population, streets, buildings, street lamps, a pedestrian "
        "zone and two years (2023-2024) of incidents in six categories, with a few planted patterns; and the "
        "layers of a security-by-design plan (paths, a square, windows and doors, cameras, bollards, planting, a "
        "protected zone, the drivable network) with a planted failure for each check and a redesign variant.",
        {
            SEED: "Random seed: the same seed always gives the same town.",
            SCALE: "Multiplies the number of incidents (1 gives about 4,000).",
            OUTPUT: "GeoPackage file to write (replaced if it exists).",
        },
        {OUTPUT: "GeoPackage with the layers neighbourhoods, streets, buildings, street_lamps (height_m, flux_lm, "
                 "maintenance_factor), pedestrian_zone, incidents (category, occurred, window_from, window_to for "
                 "burglaries) and ground_truth. Plan layers: paths (name, kind, lighting_class, width_m); "
                 "public_space (name, kind); openings (building_id, kind window/door, storey, z_m, facing_deg); "
                 "cameras (camera_id, mount, height_m, azimuth_deg, hfov_deg, width_px, max_range_m); barriers "
                 "(bollard points: barrier_id, kind, rating, diameter_m, height_m) and barrier_lines (barrier_id, "
                 "kind, rating, height_m); vegetation (name, kind shrub/tree, height_m, crown_base_m, "
                 "crown_radius_m); protected_zone (name, kind, threat); drivable_network (road lines split at "
                 "crossings: name, kind, speed_kmh) and drivable_areas (name, kind, speed_kmh); plan_failures (the "
                 "planted failures: name, check, layer, description). The redesign variant: street_lamps_redesign, "
                 "cameras_redesign, barriers_redesign and vegetation_redesign (same fields, plus change in "
                 "street_lamps_redesign)."},
        "Planted ground truth: a station hot spot (bicycle theft, robbery), a nightlife hot spot (violence on "
        "Friday/Saturday nights), an east neighbourhood with 9x the burglary rate and near-repeat chains, a "
        "park-and-ride where vehicle crime starts in 2024, and a street without lamps. See the ground_truth layer. "
        "Planted plan failures (layer plan_failures): the unlit Langstraat 12 footway, Achterpad and Marktsteeg "
        "(lighting), the Achterpad and the north of the Marktplein overlooked by no window (natural surveillance), a "
        "camera blind spot in the east of the Marktplein (CCTV), a 2.6 m gap in the north bollard row and car-rated "
        "bollards at the west entry (vehicle access), a 1.6 m shrub and a 1.4 m tree crown beside paths and a "
        "dead-end alley (concealment). docs/demo_data.md describes every layer and field.",
        "Everything is synthetic; use it to learn the tools and to check that an analysis finds what was planted.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.add_number(SEED, "Random seed", 42, 0, integer=True)
        self.add_number(SCALE, "Incident volume factor", 1.0, 0.01, 100.0, advanced=True)
        self.addParameter(QgsProcessingParameterFileDestination(OUTPUT, tr("Demo town GeoPackage"),
                                                                tr("GeoPackage (*.gpkg)")))
        self.addOutput(QgsProcessingOutputMultipleLayers(LAYERS, tr("Demo town layers")))

    def compute(self, parameters, context, feedback):
        path = self.parameterAsFileOutput(parameters, OUTPUT, context)
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        town = make_demo_town(self.parameterAsInt(parameters, SEED, context),
                              self.parameterAsDouble(parameters, SCALE, context))
        check_cancel(feedback)
        layers = town_layers(town)
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        write_geopackage_layers(path, layers, CRS)
        feedback.pushInfo(tr("Demo town written to {} ({} incidents).").format(path, len(town.incidents)))
        record = provenance(self, parameters, context)
        uris = []
        for spec in layers:
            uri = f"{path}|layername={spec['name']}"
            uris.append(uri)
            self._styled_outputs.append((uri, STYLES.get(spec["name"]), record))
            details = context.LayerDetails(spec["name"], context.project(), spec["name"])
            if spec["name"] in STYLES:
                details.setPostProcessor(StylePostProcessor.create(STYLES[spec["name"]]))
            context.addLayerToLoadOnCompletion(uri, details)
        return {OUTPUT: path, LAYERS: uris}

