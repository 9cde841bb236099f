"""besecure:concealment against the Secured by Design / CPTED rules in REFERENCES.md (shrubs beside paths
<= 1 m, tree crowns raised >= 2 m, front boundaries < 1 m, rear >= 1.8 m) and escape routes on a
hand-made footpath network whose distances to the exit are known exactly."""
from __future__ import annotations

import pytest
from qgis.core import QgsProcessingException
from testlib import as_layer
from testlib import wkt_layer as layer

from besecure.compat import FIELD_TYPE_DOUBLE, FIELD_TYPE_STRING

# A square loop of footpaths (corners A(0,0), B(100,0), C(100,100), D(0,100)) with a 60 m spur from B east
# to a dead end E(160, 0). The exit is at A.
PATHS = ["LINESTRING(0 0, 100 0, 100 100, 0 100, 0 0)", "LINESTRING(100 0, 160 0)"]
FIELDS = {"name": FIELD_TYPE_STRING, "kind": FIELD_TYPE_STRING, "height": FIELD_TYPE_DOUBLE, "crown": FIELD_TYPE_DOUBLE}
OBJECTS = [
    # name, kind, height, crown base, WKT (paths along y = 0 between x = 0 and 100)
    ("shrub_high_near", "shrub", 1.2, None, "POINT(50 1.5)"),
    ("shrub_low_near", "Shrub ", 0.8, None, "POINT(40 -1.0)"),
    ("shrub_high_far", "shrub", 1.5, None, "POINT(50 -3.0)"),
    ("tree_low_crown", "tree", 8.0, 1.5, "POINT(30 1.0)"),
    ("tree_raised_crown", "tree", 8.0, 2.5, "POINT(70 1.0)"),
    ("front_fence", "front_boundary", 1.2, None, "LINESTRING(20 40, 40 40)"),
    ("rear_wall", "rear_boundary", 2.0, None, "LINESTRING(20 60, 40 60)"),
    ("bench", "bench", 0.5, None, "POINT(60 1.0)"),
    ("shrub_bed_on_path", None, 1.1, None, "POLYGON((10 -2, 20 -2, 20 2, 10 2, 10 -2))"),
    ("no_height", "shrub", None, None, "POINT(80 1.0)"),
]


def run(run_alg, tmp_path, objects, extra=None, files=False):
    tmp_path.mkdir(parents=True, exist_ok=True)
    out = {k: (str(tmp_path / f"{k.lower()}.gpkg") if files else "memory:")
           for k in ("OUTPUT", "OUTPUT_ESCAPE", "OUTPUT_DEAD_ENDS")}
    params = {"OBJECTS": objects, "HEIGHT_FIELD": "height", "CROWN_BASE_FIELD": "crown", "KIND_FIELD": "kind",
              "PATHS": layer("LineString", PATHS), "EXITS": [layer("Point", ["POINT(-1 -1)"])],
              "MAX_EXIT_DISTANCE": 150.0, **out}
    params.update(extra or {})
    return run_alg("concealment", params)


def by_kind_layers():
    """The test objects split per geometry type (a layer holds one type)."""
    out = {}
    for kind in ("Point", "LineString", "Polygon"):
        rows = [o for o in OBJECTS if o[4].upper().startswith(kind.upper())]
        out[kind] = layer(kind, [r[4] for r in rows], FIELDS, [r[:4] for r in rows])
    return out


def verdicts(res):
    return {f["object_fid"]: f for f in as_layer(res["OUTPUT"]).getFeatures()}


def test_vegetation_rules(run_alg, tmp_path):
    layers = by_kind_layers()
    names = {}
    results = {}
    for kind, lyr in layers.items():
        res, _fb = run(run_alg, tmp_path / kind, lyr)
        for feat in lyr.getFeatures():
            names[feat["name"]] = (kind, feat.id())
        results[kind] = verdicts(res)
    out = {name: results[kind][fid] for name, (kind, fid) in names.items()}
    expected = {
        "shrub_high_near": "fail",        # 1.2 m > 1 m within the 2 m clear strip
        "shrub_low_near": "pass",         # 0.8 m; the kind is matched without case and spaces
        "shrub_high_far": "not_assessed",  # 3 m from the path: outside the clear strip
        "tree_low_crown": "fail",         # crown base 1.5 m < 2 m
        "tree_raised_crown": "pass",
        "front_fence": "fail",            # front boundaries below 1 m, anywhere
        "rear_wall": "pass",              # rear boundaries at least 1.8 m
        "bench": "not_assessed",          # no rule for this kind
        "shrub_bed_on_path": "fail",      # default kind shrub, the path crosses it (distance 0)
        "no_height": "not_assessed",
    }
    assert {k: v["verdict"] for k, v in out.items()} == expected
    assert out["shrub_high_near"]["distance_m"] == pytest.approx(1.5)
    assert out["shrub_bed_on_path"]["distance_m"] == pytest.approx(0.0)
    assert out["front_fence"]["distance_m"] == pytest.approx(20.0)  # to the path x = 0
    assert out["tree_low_crown"]["rule"] == "tree_crown_beside_path"
    assert "Secured by Design" in out["tree_low_crown"]["source"]
    # A 4 m clear strip brings the far shrub into the rule.
    res, _ = run(run_alg, tmp_path / "strip", layers["Point"], {"CLEAR_STRIP": 4.0})
    far = next(f for f in as_layer(res["OUTPUT"]).getFeatures()
               if f["object_fid"] == names["shrub_high_far"][1])
    assert far["verdict"] == "fail"


def test_dead_ends_and_distance_to_exit(run_alg, tmp_path):
    res, fb = run(run_alg, tmp_path, by_kind_layers()["Point"], files=True)
    dead = list(as_layer(res["OUTPUT_DEAD_ENDS"]).getFeatures())
    assert len(dead) == 1
    assert dead[0].geometry().asPoint().x() == pytest.approx(160.0)
    assert dead[0]["branch_m"] == pytest.approx(60.0)
    pieces = list(as_layer(res["OUTPUT_ESCAPE"]).getFeatures())
    total = sum(f.geometry().length() for f in pieces)
    assert total == pytest.approx(460.0)
    far = [f for f in pieces if f["verdict"] == "too_far"]
    # Farther than 150 m from A: from (100, 50) over C to (50, 100) (100 m) and the last 10 m of the spur.
    assert sum(f.geometry().length() for f in far) == pytest.approx(110.0)
    assert max(f["exit_distance_m"] for f in pieces) == pytest.approx(200.0)  # C, 200 m either way
    spur = [f for f in pieces if f["dead_end"] == 1]
    assert sum(f.geometry().length() for f in spur) == pytest.approx(60.0)
    assert "1 dead ends" in fb.log


def test_without_exits_junctions_count(run_alg, tmp_path):
    res, fb = run(run_alg, tmp_path, by_kind_layers()["Point"], {"EXITS": None})
    assert "the 1 junctions of three or more paths count as ways out" in fb.log
    pieces = list(as_layer(res["OUTPUT_ESCAPE"]).getFeatures())
    # From B the loop's far point (midway, 200 m round) is 200 m away.
    assert max(f["exit_distance_m"] for f in pieces) == pytest.approx(200.0)


def test_bad_input(run_alg, tmp_path):
    lyr = by_kind_layers()["Point"]
    with pytest.raises(QgsProcessingException, match="kind 'vehicles'"):
        from besecure.knowledge.rulesets import RULESET_DIR

        run(run_alg, tmp_path / "rs", lyr, {"RULESET": str(RULESET_DIR / "vehicles.json")})
    with pytest.raises(QgsProcessingException, match="no field 'nope'"):
        run(run_alg, tmp_path / "f", lyr, {"HEIGHT_FIELD": "nope"}, files=True)
    assert not (tmp_path / "f" / "output.gpkg").exists()
