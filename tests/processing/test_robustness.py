"""Every registered algorithm on a shared set of bad inputs: a clear message or a logged warning, never a
traceback, and nothing left behind in the output folder.

Each algorithm has a minimal valid parameter set on the demo town (``BASE``), with the parameter that takes
its main layer; the perturbations replace that layer by a broken copy (or send the outputs to a missing
folder), and each of its other layers in turn by an empty, geometry-less or CRS-less copy. A new algorithm
joins by being registered: ``test_every_algorithm_has_base_parameters`` fails until it has an entry here.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsMemoryProviderUtils,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterRasterDestination,
    QgsVectorLayer,
)

from besecure.compat import (
    DATE_FIELD_TYPES,
    FIELD_TYPE_DOUBLE,
    FIELD_TYPE_STRING,
    GEOMETRY_LINE,
    GEOMETRY_POINT,
    WKB_MULTILINESTRING,
    WKB_POINT,
    WKB_POLYGON,
    geometry_type,
    make_field,
)

# Demo-town layer names stand for the layers; "out:" values are replaced by paths in the output folder.
BASE: dict[str, tuple[str | None, dict]] = {
    "aggregateincidents": ("INPUT", {"INPUT": "incidents", "TIME_FIELD": "occurred", "START": "2023-01-01",
                                     "END": "2025-01-01", "ZONES": "neighbourhoods", "AGGREGATION": 2,
                                     "POPULATION_FIELD": "population"}),
    "cctvcoverage": ("CAMERAS", {"CAMERAS": "cameras", "CAMERA_ID_FIELD": "camera_id", "HEIGHT_FIELD": "height_m",
                                 "AZIMUTH_FIELD": "azimuth_deg", "HFOV_FIELD": "hfov_deg",
                                 "WIDTH_PX_FIELD": "width_px", "RANGE_FIELD": "max_range_m",
                                 "TARGETS": "public_space", "TARGET_ID_FIELD": "name"}),
    "concealment": ("OBJECTS", {"OBJECTS": "vegetation", "HEIGHT_FIELD": "height_m",
                                "CROWN_BASE_FIELD": "crown_base_m", "KIND_FIELD": "kind", "PATHS": "paths"}),
    "createdemodata": (None, {"SEED": 1}),
    "emerginghotspots": ("INPUT", {"INPUT": "incidents", "TIME_FIELD": "occurred", "CELL_SIZE": 500}),
    "globalautocorrelation": ("INPUT", {"INPUT": "neighbourhoods", "VALUE_FIELD": "population",
                                        "PERMUTATIONS": 99}),
    "hotspots": ("INPUT", {"INPUT": "neighbourhoods", "VALUE_FIELD": "population", "PERMUTATIONS": 99}),
    "hottimes": ("INPUT", {"INPUT": "incidents", "START_FIELD": "window_from", "END_FIELD": "window_to"}),
    "interventioneffect": ("INPUT", {"INPUT": "incidents", "TIME_FIELD": "occurred", "TARGET": "target",
                                     "BUFFER": "ring", "CONTROL": "control", "BEFORE_START": "2023-01-01",
                                     "BEFORE_END": "2023-12-31", "AFTER_START": "2024-01-01",
                                     "AFTER_END": "2024-12-31"}),
    "kerneldensity": ("INPUT", {"INPUT": "incidents", "CELL_SIZE": 50, "BANDWIDTH_METHOD": 0, "BANDWIDTH": 300,
                                "WEIGHT_FIELD": "incident_id"}),
    "lightingcheck": ("LAMPS", {"LAMPS": "lamps", "HEIGHT_FIELD": "height_m", "FLUX_FIELD": "flux_lm",
                                "MAINTENANCE_FIELD": "maintenance_factor", "PATHS": "paths", "PATH_ID_FIELD": "name",
                                "CLASS_FIELD": "lighting_class", "WIDTH_FIELD": "width_m"}),
    "localmoran": ("INPUT", {"INPUT": "neighbourhoods", "VALUE_FIELD": "population", "PERMUTATIONS": 99}),
    "naturalsurveillance": ("OPENINGS", {"OPENINGS": "openings", "FACING_FIELD": "facing_deg", "PATHS": "paths",
                                         "PATH_ID_FIELD": "name"}),
    "optimizedhotspots": ("INPUT", {"INPUT": "incidents"}),
    "periodchange": ("INPUT", {"INPUT": "incidents", "TIME_FIELD": "occurred", "PERIOD_A_START": "2023-01-01",
                               "PERIOD_A_END": "2023-12-31", "PERIOD_B_START": "2024-01-01",
                               "PERIOD_B_END": "2024-12-31", "CELL_SIZE": 500}),
    "sbdreport": ("PATHS", {"CHECKS": [2, 3], "PATHS": "paths", "VEGETATION": "vegetation", "LAMPS": "lamps",
                            "WITH_PDF": False}),
    "standoff": ("ASSETS", {"ASSETS": "public_space", "ASSET_ID_FIELD": "name", "REACHABLE": "drivable_network",
                            "EXCLUDE": "protected_zone"}),
    "vehicleaccess": ("ZONE", {"ZONE": "protected_zone", "NETWORK": "drivable_network", "BARRIERS": "barriers",
                               "RATING_FIELD": "rating", "DIAMETER_FIELD": "diameter_m",
                               "BARRIER_ID_FIELD": "barrier_id", "MAX_SPEED": 80.0}),
}

PERTURBATIONS = ["empty", "null_geometries", "wrong_geometry", "no_crs", "wrong_crs", "one_feature", "duplicates",
                 "nan_values", "huge_values", "bad_dates", "missing_folder"]
# Main layers that may hold any geometry type (vegetation as points, hedges or shrub areas; assets; zones as
# closed boundary lines): no geometry type is wrong for them.
ANY_GEOMETRY = {"concealment", "standoff", "vehicleaccess"}
# Inputs with nothing usable left: a run that does not refuse them must at least warn.
MUST_REFUSE_OR_WARN = {"empty", "null_geometries", "wrong_geometry", "wrong_crs", "missing_folder"}
CLASS_NAME = re.compile(r"\b[A-Z]\w*(Error|Exception)\b|Traceback|File \"")
AREAS = {"target": "POLYGON((152450 450250, 152750 450250, 152750 450550, 152450 450550, 152450 450250))",
         "ring": "POLYGON((152200 450000, 153000 450000, 153000 450800, 152200 450800, 152200 450000), "
                 "(152450 450250, 152750 450250, 152750 450550, 152450 450550, 152450 450250))",
         "control": "POLYGON((150200 450200, 150800 450200, 150800 450800, 150200 450800, 150200 450200))"}


@pytest.fixture(scope="module")
def town(demo_gpkg, tmp_path_factory) -> dict[str, QgsVectorLayer]:
    """Memory copies of the demo layers the base parameters use (the lamps near the paths only, for speed)."""
    layers = {}
    for name in ("incidents", "neighbourhoods", "cameras", "public_space", "vegetation", "paths", "openings",
                 "drivable_network", "protected_zone", "barriers", "street_lamps"):
        lyr = QgsVectorLayer(f"{demo_gpkg}|layername={name}", name, "ogr")
        assert lyr.isValid(), name
        layers[name] = lyr
    paths = QgsGeometry.unaryUnion([f.geometry() for f in layers["paths"].getFeatures()]).buffer(60, 4)
    lamps = [f for f in layers.pop("street_lamps").getFeatures() if paths.contains(f.geometry())]
    layers["lamps"] = _copy(layers["paths"], lamps, wkb_type=WKB_POINT, source=lamps[0].fields())
    for name, wkt in AREAS.items():
        lyr = QgsVectorLayer("Polygon?crs=EPSG:28992", name, "memory")
        feat = QgsFeature()
        feat.setGeometry(QgsGeometry.fromWkt(wkt))
        lyr.dataProvider().addFeatures([feat])
        layers[name] = lyr
    return layers


def _copy(template: QgsVectorLayer, features, *, wkb_type=None, source: QgsFields | None = None,
          crs: QgsCoordinateReferenceSystem | None = None, fields: QgsFields | None = None) -> QgsVectorLayer:
    """A memory layer like ``template`` (its CRS, fields, geometry type unless given) holding ``features``."""
    lyr = QgsMemoryProviderUtils.createMemoryLayer(
        "copy", fields if fields is not None else (source or template.fields()),
        template.wkbType() if wkb_type is None else wkb_type, template.crs())
    if crs is not None:  # createMemoryLayer makes an invalid CRS WGS 84
        lyr.setCrs(crs)
    out = []
    for feat in features:
        copy = QgsFeature(lyr.fields())
        copy.setGeometry(feat.geometry())
        copy.setAttributes(feat.attributes())
        out.append(copy)
    assert lyr.dataProvider().addFeatures(out)
    lyr.updateExtents()
    return lyr


def perturbed(layer: QgsVectorLayer, how: str) -> QgsVectorLayer:  # noqa: C901 (one branch per perturbation)
    """A broken copy of ``layer``."""
    feats = list(layer.getFeatures())
    if how == "empty":
        return _copy(layer, [])
    if how == "one_feature":
        return _copy(layer, feats[:1])
    if how == "no_crs":
        return _copy(layer, feats, crs=QgsCoordinateReferenceSystem())
    if how == "wrong_crs":  # metres labelled as degrees: a CRS picked wrongly when a file was loaded
        return _copy(layer, feats, crs=QgsCoordinateReferenceSystem("EPSG:4326"))
    if how in ("null_geometries", "duplicates"):
        for feat in feats:
            feat.setGeometry(QgsGeometry() if how == "null_geometries" else feats[0].geometry())
        return _copy(layer, feats)
    if how == "wrong_geometry":  # points -> polygons, lines -> points, polygons -> lines
        kind = geometry_type(layer.wkbType())
        for feat in feats:
            geom = feat.geometry()
            if kind == GEOMETRY_POINT:
                feat.setGeometry(geom.buffer(5, 4))
            elif kind == GEOMETRY_LINE:
                feat.setGeometry(geom.centroid())
            else:
                feat.setGeometry(QgsGeometry(geom.constGet().boundary()))
        wrong = {GEOMETRY_POINT: WKB_POLYGON, GEOMETRY_LINE: WKB_POINT}.get(kind, WKB_MULTILINESTRING)
        return _copy(layer, feats, wkb_type=wrong)
    fields = QgsFields()
    changed = []
    for field in layer.fields():
        if how in ("nan_values", "huge_values") and field.isNumeric() and field.name() != "fid":
            fields.append(make_field(field.name(), FIELD_TYPE_DOUBLE))
            changed.append(field.name())
        elif how == "bad_dates" and field.type() in DATE_FIELD_TYPES:
            fields.append(make_field(field.name(), FIELD_TYPE_STRING))
            changed.append(field.name())
        else:
            fields.append(field)
    bad = {"nan_values": [math.nan, math.inf, -math.inf], "huge_values": [1e308, -1e308, 1.7e308]}.get(
        how, ["not a date", "31/31/2024", ""])
    for i, feat in enumerate(feats):
        for name in changed:
            feat[name] = bad[i % 3]
    return _copy(layer, feats, fields=fields)


def outputs(alg, folder: Path) -> dict[str, str]:
    """Every destination of ``alg`` as a file (or folder) in ``folder``."""
    params = {}
    for definition in alg.destinationParameterDefinitions():
        name = definition.name()
        if isinstance(definition, QgsProcessingParameterFeatureSink):
            params[name] = QgsProcessingOutputLayerDefinition(str(folder / f"{name.lower()}.gpkg"))
        elif isinstance(definition, QgsProcessingParameterRasterDestination):
            params[name] = str(folder / f"{name.lower()}.tif")
        elif isinstance(definition, QgsProcessingParameterFileDestination):
            params[name] = str(folder / f"{name.lower()}.{definition.defaultFileExtension()}")
        elif isinstance(definition, QgsProcessingParameterFolderDestination):
            params[name] = str(folder / name.lower())
    return params


def parameters(alg_id: str, town, folder: Path, how: str | None, target: str | None = None) -> dict:
    """The base parameters with the ``target`` layer (default: the main one) broken as ``how`` says."""
    primary, base = BASE[alg_id]
    params = {k: town.get(v, v) if isinstance(v, str) else v for k, v in base.items()}
    if how not in (None, "missing_folder"):
        params[target or primary] = perturbed(params[target or primary], how)
    from qgis.core import QgsApplication

    alg = QgsApplication.processingRegistry().algorithmById(f"besecure:{alg_id}")
    return {**params, **outputs(alg, folder / "missing" if how == "missing_folder" else folder)}


def assert_clear(message: str) -> None:
    """A sentence for the user: no traceback, no Python exception class name."""
    assert not CLASS_NAME.search(message), message
    assert re.match(r"^['\"A-Z]", message.strip()) and len(message.split()) >= 4, message


def _secondary_layers() -> list[tuple[str, str]]:
    """(algorithm, parameter) of every other layer in the base parameters (zones, paths, targets...)."""
    layers = {*AREAS, "incidents", "neighbourhoods", "cameras", "public_space", "vegetation", "paths", "openings",
              "drivable_network", "protected_zone", "barriers", "lamps"}
    return [(alg_id, key) for alg_id, (primary, base) in sorted(BASE.items()) for key, value in base.items()
            if key != primary and isinstance(value, str) and value in layers]


def registered_ids(besecure_provider) -> list[str]:
    return sorted(alg.name() for alg in besecure_provider.algorithms())


def test_every_algorithm_has_base_parameters(besecure_provider):
    missing = sorted(set(registered_ids(besecure_provider)) - set(BASE))
    assert not missing, f"add base parameters to tests/processing/test_robustness.py BASE for: {missing}"


def _ids() -> list[str]:
    return sorted(BASE)


def _applicable(alg_id: str, how: str | None) -> bool:
    if how == "wrong_geometry" and alg_id in ANY_GEOMETRY:
        return False
    return BASE[alg_id][0] is not None or how in (None, "missing_folder")


@pytest.mark.parametrize("how", [None, *PERTURBATIONS])
@pytest.mark.parametrize("alg_id", _ids())
def test_bad_input(alg_id, how, run_alg, make_feedback, town, tmp_path):
    if not _applicable(alg_id, how):
        pytest.skip("not a bad input for this algorithm")
    check_run(alg_id, how, run_alg, make_feedback, town, tmp_path)


@pytest.mark.parametrize("how", ["empty", "null_geometries", "no_crs"])
@pytest.mark.parametrize("alg_id,target", _secondary_layers())
def test_bad_secondary_layer(alg_id, target, how, run_alg, make_feedback, town, tmp_path):
    """The other layers (zones, paths, targets, barriers...) broken in the same ways."""
    check_run(alg_id, how, run_alg, make_feedback, town, tmp_path, target)


def check_run(alg_id, how, run_alg, make_feedback, town, tmp_path, target=None) -> None:
    """Run with one bad input: refused with a clear message and nothing written, or run with a warning."""
    folder = tmp_path / "out"
    folder.mkdir()
    fb = make_feedback()
    try:
        run_alg(alg_id, parameters(alg_id, town, folder, how, target), feedback=fb)
    except QgsProcessingException as exc:
        assert how is not None, f"the base parameters of {alg_id} fail: {exc}"
        assert_clear(str(exc))
        assert not list(folder.rglob("*")), f"left behind: {sorted(folder.rglob('*'))}"
        return
    assert "Traceback" not in fb.log
    if how in MUST_REFUSE_OR_WARN or target is not None:
        assert fb.warnings, f"{alg_id} accepted {how} input ({target or 'main layer'}) without a warning"
