"""besecure:vehicleaccess - hostile vehicle mitigation: entry points, run-up, impact speed and barrier ratings."""
from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ...analysis.design.vehicle import kinetic_energy_kj, vehicle_classes
from ...analysis.design.vehicle_access import AccessSettings, assess_vehicle_access
from ...analysis.errors import InputError
from ...analysis.geometry.network import MAX_SNAP_M
from ...compat import (
    FIELD_ANY,
    FIELD_NUMERIC,
    NUMBER_DOUBLE,
    VECTOR_ANY,
    VECTOR_LINE,
    VECTOR_POLYGON,
    WKB_LINESTRING,
    WKB_POINT,
    set_advanced,
)
from ...i18n import N_, tr
from ...knowledge.rulesets import load_ruleset
from ...layers.write import line_wkb, point_wkb, write_frame
from ..access_inputs import (
    add_ruleset_parameter,
    read_barriers,
    read_network,
    read_zones,
    ruleset_from,
    verdict_style,
)
from ..base import BesecureAlgorithm, Help, check_cancel
from ..plan_inputs import source_of, working_crs_of

ZONE = "ZONE"
NETWORK = "NETWORK"
OPEN_SPACE = "OPEN_SPACE"
BUILDINGS = "BUILDINGS"
BARRIERS = "BARRIERS"
BARRIER_LINES = "BARRIER_LINES"
RATING_FIELD = "RATING_FIELD"
DIAMETER_FIELD = "DIAMETER_FIELD"
BARRIER_ID_FIELD = "BARRIER_ID_FIELD"
BOLLARD_DIAMETER = "BOLLARD_DIAMETER"
VEHICLE_CLASS = "VEHICLE_CLASS"
MAX_GAP = "MAX_GAP"
V0 = "V0"
ACCELERATION = "ACCELERATION"
FRICTION = "FRICTION"
MAX_SPEED = "MAX_SPEED"
TURN_LOOKAHEAD = "TURN_LOOKAHEAD"
BARRIER_TOLERANCE = "BARRIER_TOLERANCE"
MAX_LINK = "MAX_LINK"
REACH = "REACH"
SNAP = "SNAP"
OPEN_SPACE_SPACING = "OPEN_SPACE_SPACING"
RULESET = "RULESET"
OUTPUT = "OUTPUT"
OUTPUT_PATHS = "OUTPUT_PATHS"

CLASS_NAMES = tuple(vehicle_classes(load_ruleset("vehicles")))
VERDICTS = (("adequate", "Adequate barrier"), ("unrated", "Barrier without a usable rating"),
            ("inadequate", "Inadequate barrier or gap"), ("no barrier", "No barrier"))
ENTRY_STYLE = verdict_style("verdict", list(VERDICTS))
PATH_STYLE = {"kind": "graduated", "field": "speed_kmh", "classes": 4,
              "colours": ("#fd8d3c", "#f03b20", "#bd0026", "#67000d")}


def _optional_number(alg, parameters, name, context) -> float | None:
    value = parameters.get(name)
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    return alg.parameterAsDouble(parameters, name, context)


class VehicleAccess(BesecureAlgorithm):
    ALGORITHM_ID = "vehicleaccess"
    DISPLAY_NAME = "Vehicle access (hostile vehicle mitigation)"
    GROUP_ID = "sbd"
    TAGS = ("vehicle access,hostile vehicle mitigation,HVM,vehicle ramming,bollard,barrier,crowded place,"
            "approach speed")
    HELP = Help(
        "Finds every place where a vehicle of a chosen class can get into a protected pedestrian or crowded "
        "zone: roads crossing its boundary, gaps between bollards or barrier ends wide enough for the vehicle, and "
        "unprotected edges of drivable open space. For each entry it traces the worst-case approach along the "
        "network, the speed the vehicle can reach there and its kinetic energy, and checks whether the barrier's "
        "crash rating (IWA 14-1, ISO 22343-1, PAS 68, ASTM F2656, K ratings) covers that impact.",
        {
            ZONE: "The protected zone(s): polygons, or closed boundary lines. Invalid polygons are repaired and "
            "reported; a boundary line whose ends do not meet (farther apart than SNAP) is refused.",
            NETWORK: "Drivable network: road centrelines (lines). Lines are joined where they cross and where an end "
            "lies within SNAP metres of another line.",
            OPEN_SPACE: "Optional drivable open space (squares, car parks, wide pavements) as polygons: a vehicle "
            "can drive straight anywhere inside them.",
            BUILDINGS: "Optional building footprints: they block straight run-ups across open space.",
            BARRIERS: "Optional barriers: bollards (points) or walls, fences and rated barriers (lines). Only "
            "barriers within BARRIER_TOLERANCE metres of the zone boundary close it.",
            BARRIER_LINES: "Optional second barrier layer, e.g. the lines when BARRIERS holds the bollards; the "
            "rating, diameter and name fields are read from it by the same names.",
            RATING_FIELD: "Text field with each barrier's crash rating, e.g. 'V/7200[N2B]/80/90:0.7' (IWA 14-1), "
            "'V/7500[N3C]/80/90.0/1.1/0' (PAS 68), 'M50 P1' (ASTM F2656), 'K12'. Empty = unrated.",
            DIAMETER_FIELD: "Optional numeric field with each bollard's diameter in metres.",
            BARRIER_ID_FIELD: "Optional field naming each barrier in the reasons.",
            BOLLARD_DIAMETER: "Diameter in metres of bollards without their own (default 0.2 m).",
            VEHICLE_CLASS: "Design (threat) vehicle from the vehicle rule set: mass, acceleration and the narrowest "
            "opening it passes (CISA width classes: under 1.50 m admits no car).",
            RULESET: "Optional own vehicle rule set (JSON, the layout of knowledge/rulesets/vehicles.json).",
            MAX_GAP: "Optional largest clear gap in metres that still counts as closed (e.g. 1.2 m, the usual "
            "maximum between HVM bollards). Default: any gap narrower than the vehicle class's narrowest opening.",
            V0: "Speed in km/h at which the vehicle starts its run-up (default 0: from standstill).",
            ACCELERATION: "Optional acceleration in m/s² replacing the class's (car 3, van 2, rigid truck 1).",
            FRICTION: "Side friction f of the curve cap v = sqrt(f g r): 0.6 typical, 1.0 conservative (faster "
            "through bends).",
            MAX_SPEED: "Highest speed in km/h the vehicle reaches (default 112 km/h, the highest test speed of "
            "IWA 14-1 and PAS 68).",
            TURN_LOOKAHEAD: "Metres over which a driver rounds a corner: the turn radius at a vertex is the circle "
            "through it and the points this far back and ahead (a right angle gives 0.71 x this; default 15 m).",
            BARRIER_TOLERANCE: "Barriers within this many metres of the zone boundary count as on it (default 5 m).",
            MAX_LINK: "A passable opening between two barriers up to this width (m) is a gap in a barrier line; "
            "wider openings are open boundary (default 10 m).",
            REACH: "A gap counts as an entry when a road outside the zone passes within this many metres, or it "
            "lies in drivable open space (default 25 m).",
            SNAP: "Line ends and junctions closer than this many metres are joined (default 0.5 m, at most 10 m).",
            OPEN_SPACE_SPACING: "Spacing in metres of the points tried along open-space boundary (default 5 m).",
        },
        {
            OUTPUT: "Entry points: kind (road, gap, open_space), vehicle_class, mass_kg, speed_kmh (impact speed), "
            "energy_kj, run_up_m, start_speed_kmh, opening_m (clear width at the entry, 0 when a barrier covers it), "
            "barrier, rating, rating_standard, rated_speed_kmh, rated_energy_kj, verdict (adequate, unrated, "
            "inadequate, no barrier) and reason.",
            OUTPUT_PATHS: "The worst-case run-up to each entry (from where the vehicle was last slowest) with "
            "speed_kmh and run_up_m.",
        },
        "Run-up v = sqrt(v0² + 2 a s), capped in bends by the friction circle v = sqrt(f g r) and by MAX_SPEED; "
        "kinetic energy E = ½ m v² (7,500 kg at 64 km/h = 1,185 kJ). The fastest approach over the whole network is "
        "found by a Bellman-type fixed point over the directed edges (analysis/geometry/network.py). "
        "A barrier is adequate when its test vehicle is of the same or a heavier class, and its test speed and test "
        "energy are at least the impact's (analysis/design/vehicle.py). Vehicle classes, accelerations and width "
        "classes are in the editable rule set knowledge/rulesets/vehicles.json.",
        "Red entries let the design vehicle in: no barrier, a gap it fits through, or a barrier rated for less "
        "than the impact; orange ones need a rating to be judged. The paths show where the vehicle gathers speed: "
        "a chicane or a barrier closer to the last bend lowers the impact speed.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterFeatureSource(ZONE, tr("Protected zone"), [VECTOR_POLYGON,
                                                                                            VECTOR_LINE]))
        self.addParameter(QgsProcessingParameterFeatureSource(NETWORK, tr("Drivable network (roads)"),
                                                              [VECTOR_LINE]))
        self.addParameter(QgsProcessingParameterFeatureSource(OPEN_SPACE, tr("Drivable open space"),
                                                              [VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(BUILDINGS, tr("Buildings"), [VECTOR_POLYGON],
                                                              optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(BARRIERS, tr("Barriers (bollards or lines)"),
                                                              [VECTOR_ANY], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(BARRIER_LINES, tr("More barriers (e.g. lines)"),
                                                              [VECTOR_ANY], optional=True))
        self.addParameter(QgsProcessingParameterField(RATING_FIELD, tr("Crash rating field"), None, BARRIERS,
                                                      FIELD_ANY, optional=True))
        self.addParameter(QgsProcessingParameterField(DIAMETER_FIELD, tr("Bollard diameter field (m)"), None,
                                                      BARRIERS, FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterField(BARRIER_ID_FIELD, tr("Barrier name field"), None, BARRIERS,
                                                      FIELD_ANY, optional=True))
        self.add_number(BOLLARD_DIAMETER, "Bollard diameter (m)", 0.2, 0.0)
        bundled = vehicle_classes(load_ruleset("vehicles")).values()
        labels = [f"{v.label} ({v.mass_kg:g} kg, {v.min_opening_m:g} m)" for v in bundled]
        param = QgsProcessingParameterEnum(VEHICLE_CLASS, tr("Vehicle class"), labels, defaultValue=0)
        self.addParameter(param)
        add_ruleset_parameter(self, "vehicles")
        max_gap = QgsProcessingParameterNumber(MAX_GAP, tr("Largest gap counted as closed (m, optional)"),
                                               NUMBER_DOUBLE, None, True, 0.0)
        self.addParameter(max_gap)
        self.add_number(V0, "Start speed (km/h)", 0.0, 0.0)
        self.addParameter(set_advanced(QgsProcessingParameterNumber(
            ACCELERATION, tr("Acceleration (m/s², optional)"), NUMBER_DOUBLE, None, True, 0.01)))
        self.add_number(FRICTION, "Side friction in bends (0.6 typical, 1.0 conservative)", 0.6, 0.05, 2.0)
        self.add_number(MAX_SPEED, "Highest speed (km/h)", 112.0, 1.0)
        self.add_number(TURN_LOOKAHEAD, "Corner look-ahead (m)", 15.0, 0.5, advanced=True)
        self.add_number(BARRIER_TOLERANCE, "Barrier distance to the boundary (m)", 5.0, 0.0)
        self.add_number(MAX_LINK, "Widest gap in a barrier line (m)", 10.0, 0.0, advanced=True)
        self.add_number(REACH, "Reach from a road to a gap (m)", 25.0, 0.0, advanced=True)
        self.add_number(SNAP, "Snapping tolerance (m)", 0.5, 0.0, MAX_SNAP_M, advanced=True)
        self.add_number(OPEN_SPACE_SPACING, "Spacing along open-space boundary (m)", 5.0, 0.1, advanced=True)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Vehicle entry points")))
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT_PATHS, tr("Worst-case approach paths"),
                                                            VECTOR_LINE))

    def _settings(self, parameters, context, feedback) -> AccessSettings:
        ruleset = ruleset_from(self, parameters, context, "vehicles", "vehicles")
        classes = vehicle_classes(ruleset)
        name = CLASS_NAMES[self.parameterAsEnum(parameters, VEHICLE_CLASS, context)]
        if name not in classes:
            raise InputError("The rule set '{}' has no vehicle class '{}'; it has {}.",
                             ruleset['id'], name, ', '.join(classes))
        vehicle = classes[name]
        accel = _optional_number(self, parameters, ACCELERATION, context) or vehicle.acceleration_ms2
        v0 = self.parameterAsDouble(parameters, V0, context) / 3.6
        vmax = self.parameterAsDouble(parameters, MAX_SPEED, context) / 3.6
        if v0 > vmax:
            raise InputError("The start speed V0 is higher than the highest speed MAX_SPEED.")
        settings = AccessSettings(
            vehicle=vehicle, accel=accel, v0=v0, vmax=vmax,
            friction=self.parameterAsDouble(parameters, FRICTION, context),
            lookahead=self.parameterAsDouble(parameters, TURN_LOOKAHEAD, context),
            max_gap=_optional_number(self, parameters, MAX_GAP, context),
            tolerance=self.parameterAsDouble(parameters, BARRIER_TOLERANCE, context),
            max_link=self.parameterAsDouble(parameters, MAX_LINK, context),
            reach=self.parameterAsDouble(parameters, REACH, context),
            snap=self.parameterAsDouble(parameters, SNAP, context),
            open_space_spacing=self.parameterAsDouble(parameters, OPEN_SPACE_SPACING, context),
            ruleset=ruleset,
        )
        feedback.pushInfo(tr("Design vehicle: {} ({:g} kg, {:g} m/s², narrowest opening {:g} m).").format(
            vehicle.label, vehicle.mass_kg, accel, vehicle.min_opening_m))
        return settings

    def compute(self, parameters, context, feedback):
        settings = self._settings(parameters, context, feedback)
        crs = working_crs_of(source_of(self, parameters, ZONE, context, tr("zone")))
        zones, zone_fids = read_zones(self, parameters, ZONE, context, crs, feedback, max(settings.snap, 1e-6))
        lines, _ = read_network(self, parameters, NETWORK, context, crs, feedback, tr("network"))
        open_space = []
        if source_of(self, parameters, OPEN_SPACE, context, "open space", optional=True) is not None:
            open_space, _ = read_zones(self, parameters, OPEN_SPACE, context, crs, feedback,
                                       max(settings.snap, 1e-6), label=N_("open space"))
        buildings = []
        if source_of(self, parameters, BUILDINGS, context, "buildings", optional=True) is not None:
            footprints, _ = read_zones(self, parameters, BUILDINGS, context, crs, feedback, 1e-6, label=N_("building"),
                                       allow_empty=True)
            buildings = [poly[0] for poly in footprints]
        barriers = read_barriers(
            self, parameters, (BARRIERS, BARRIER_LINES), context, crs, feedback,
            self.parameterAsString(parameters, RATING_FIELD, context),
            self.parameterAsString(parameters, DIAMETER_FIELD, context),
            self.parameterAsString(parameters, BARRIER_ID_FIELD, context),
            self.parameterAsDouble(parameters, BOLLARD_DIAMETER, context),
        )
        check_cancel(feedback)
        feedback.setProgress(10)
        result = assess_vehicle_access(zones, lines, barriers, settings, open_space=open_space,
                                       buildings=buildings,
                                       cancel=feedback.isCanceled)
        check_cancel(feedback)
        feedback.setProgress(90)
        if result.n_lines_skipped:
            feedback.pushWarning(tr("{} network lines without two distinct vertices were skipped.")
                                 .format(result.n_lines_skipped))
        if result.n_unreachable_gaps:
            feedback.pushInfo(tr("{} gaps wide enough for the vehicle are out of reach of the roads and open space "
                                 "and were not counted as entries.").format(result.n_unreachable_gaps))
        vehicle = settings.vehicle
        rows, points, paths = [], [], []
        for i, e in enumerate(result.entries, start=1):
            speed = e.path.impact_speed
            j = e.judgement
            rows.append({
                "entry_id": i, "zone_fid": int(zone_fids[e.zone]), "kind": e.kind, "vehicle_class": vehicle.name,
                "mass_kg": vehicle.mass_kg, "accel_ms2": settings.accel, "speed_kmh": speed * 3.6,
                "energy_kj": float(kinetic_energy_kj(vehicle.mass_kg, speed)), "run_up_m": e.path.run_up_m,
                "start_speed_kmh": e.path.start_speed * 3.6, "opening_m": e.opening_m, "barrier": j.barrier,
                "rating": j.rating, "rating_standard": j.standard, "rated_speed_kmh": j.rated_speed_kmh,
                "rated_energy_kj": j.rated_energy_kj, "verdict": j.verdict, "reason": j.reason,
            })
            points.append((e.x, e.y))
            paths.append(e.path.coords)
        columns = ["entry_id", "zone_fid", "kind", "vehicle_class", "mass_kg", "accel_ms2", "speed_kmh", "energy_kj",
                   "run_up_m", "start_speed_kmh", "opening_m", "barrier", "rating", "rating_standard",
                   "rated_speed_kmh", "rated_energy_kj", "verdict", "reason"]
        frame = pd.DataFrame(rows, columns=columns)
        for col in ("entry_id", "zone_fid"):
            frame[col] = frame[col].astype(np.int64)
        for col in ("mass_kg", "accel_ms2", "speed_kmh", "energy_kj", "run_up_m", "start_speed_kmh", "opening_m",
                    "rated_speed_kmh", "rated_energy_kj"):
            frame[col] = frame[col].astype(float)
        xy = np.array(points, dtype=float).reshape(-1, 2)
        dest = write_frame(self, parameters, OUTPUT, context, frame, crs, wkb=point_wkb(xy[:, 0], xy[:, 1]),
                           wkb_type=WKB_POINT, feedback=feedback)
        self.output_written(parameters, context, dest, ENTRY_STYLE, "Vehicle entry points")
        path_frame = frame[["entry_id", "kind", "speed_kmh", "run_up_m", "start_speed_kmh", "verdict"]].copy()
        path_dest = write_frame(self, parameters, OUTPUT_PATHS, context, path_frame, crs,
                                wkb=[line_wkb(p if p.shape[0] >= 2 else np.vstack([p, p])) for p in paths],
                                wkb_type=WKB_LINESTRING, feedback=feedback)
        self.output_written(parameters, context, path_dest, PATH_STYLE, "Worst-case approach paths")
        counts = frame["verdict"].value_counts()
        feedback.pushInfo(tr("{} entry points: {}.").format(
            len(frame), ", ".join(f"{counts.get(v, 0)} {tr(label).lower()}" for v, label in VERDICTS)))
        return {OUTPUT: dest, OUTPUT_PATHS: path_dest}
