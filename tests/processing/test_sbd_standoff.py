"""besecure:standoff against the NCTC stand-off table in REFERENCES.md (mandatory / preferred evacuation:
pipe bomb 21/366 m, suicide vest 34/518, briefcase 46/564, sedan 98/580, SUV/van 122/732, small truck
195/1159) and exact planar distances."""
from __future__ import annotations

import json

import pytest
from qgis.core import QgsProcessingException
from testlib import as_layer
from testlib import wkt_layer as layer

from besecure.compat import FIELD_TYPE_STRING

TABLE = {"pipe_bomb": (21, 366), "suicide_vest": (34, 518), "briefcase": (46, 564), "sedan": (98, 580),
         "suv_van": (122, 732), "small_truck": (195, 1159)}
ROAD = "LINESTRING(-5000 0, 5000 0)"


def run(run_alg, tmp_path, assets, reachable, extra=None, files=False):
    tmp_path.mkdir(parents=True, exist_ok=True)
    params = {"ASSETS": assets, "ASSET_ID_FIELD": "name", "REACHABLE": reachable,
              "OUTPUT": str(tmp_path / "standoff.gpkg") if files else "memory:",
              "OUTPUT_LINKS": str(tmp_path / "links.gpkg") if files else "memory:"}
    params.update(extra or {})
    res, fb = run_alg("standoff", params)
    rows = {f["asset_id"]: f for f in as_layer(res["OUTPUT"]).getFeatures()}
    return res, fb, rows


def expected(distance, threat):
    mandatory, preferred = TABLE[threat]
    return "fail" if distance < mandatory else "shelter" if distance < preferred else "pass"


def test_point_assets_against_the_table(run_alg, tmp_path):
    distances = [20.0, 21.0, 97.9, 98.0, 150.0, 580.0, 1200.0]
    assets = layer("Point", [f"POINT(10 {d})" for d in distances], {"name": FIELD_TYPE_STRING},
                   [[f"d{d:g}"] for d in distances])
    _, _, rows = run(run_alg, tmp_path, assets, layer("LineString", [ROAD]), files=True)
    for d in distances:
        row = rows[f"d{d:g}"]
        assert row["min_distance_m"] == pytest.approx(d)
        assert row["threat"] == "sedan"
        assert row["verdict"] == expected(d, "sedan")
        for threat in TABLE:
            assert row[f"v_{threat}"] == expected(d, threat), (d, threat)
    assert rows["d98"]["mandatory_m"] == 98 and rows["d98"]["preferred_m"] == 580


def test_polygon_assets_exact_distances(run_alg, tmp_path):
    # A square 30 m north of the road, a square over the road (distance 0), and a diagonal case: the
    # nearest reachable place is a road end, sqrt(30² + 40²) = 50 m from the square's corner.
    assets = layer("Polygon", ["POLYGON((0 30, 20 30, 20 50, 0 50, 0 30))",
                               "POLYGON((100 -10, 120 -10, 120 10, 100 10, 100 -10))",
                               "POLYGON((5040 30, 5060 30, 5060 50, 5040 50, 5040 30))"],
                   {"name": FIELD_TYPE_STRING}, [["north"], ["over"], ["diagonal"]])
    res, _, rows = run(run_alg, tmp_path, assets, layer("LineString", [ROAD]), {"THREAT": 0})
    assert rows["north"]["min_distance_m"] == pytest.approx(30.0)
    assert rows["over"]["min_distance_m"] == pytest.approx(0.0)
    assert rows["diagonal"]["min_distance_m"] == pytest.approx(50.0)
    assert rows["north"]["threat"] == "pipe_bomb" and rows["north"]["verdict"] == "shelter"
    assert rows["over"]["verdict"] == "fail"
    links = {f["asset_id"]: f.geometry().length() for f in as_layer(res["OUTPUT_LINKS"]).getFeatures()}
    assert links["diagonal"] == pytest.approx(50.0)


def test_closed_zone_is_excluded(run_alg, tmp_path):
    # The road runs through a protected zone (x in [-200, 200]) around the asset; with the zone closed to
    # vehicles, the nearest reachable place is where the road leaves the zone: 200 m away.
    assets = layer("Point", ["POINT(0 0)"], {"name": FIELD_TYPE_STRING}, [["square"]])
    zone = layer("Polygon", ["POLYGON((-200 -100, 200 -100, 200 100, -200 100, -200 -100))"])
    _, _, rows = run(run_alg, tmp_path / "open", assets, layer("LineString", [ROAD]))
    assert rows["square"]["min_distance_m"] == pytest.approx(0.0)
    _, _, rows = run(run_alg, tmp_path / "closed", assets, layer("LineString", [ROAD]), {"EXCLUDE": zone})
    assert rows["square"]["min_distance_m"] == pytest.approx(200.0)
    assert rows["square"]["verdict"] == "shelter"
    # Reachable polygons (a car park) and points are clipped by the same zone.
    park = layer("Polygon", ["POLYGON((-300 -50, 300 -50, 300 50, -300 50, -300 -50))"])
    _, _, rows = run(run_alg, tmp_path / "park", assets, park, {"EXCLUDE": zone})
    assert rows["square"]["min_distance_m"] == pytest.approx(200.0)
    points = layer("Point", ["POINT(50 0)", "POINT(250 0)"])
    _, _, rows = run(run_alg, tmp_path / "pts", assets, points, {"EXCLUDE": zone})
    assert rows["square"]["min_distance_m"] == pytest.approx(250.0)


def test_own_ruleset_and_bad_ruleset(run_alg, tmp_path):
    from besecure.knowledge.rulesets import RULESET_DIR

    data = json.loads((RULESET_DIR / "standoff.json").read_text(encoding="utf-8"))
    data["threats"]["sedan"]["mandatory_m"]["value"] = 150
    path = tmp_path / "city_standoff.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assets = layer("Point", ["POINT(0 120)"], {"name": FIELD_TYPE_STRING}, [["a"]])
    _, _, rows = run(run_alg, tmp_path / "own", assets, layer("LineString", [ROAD]), {"RULESET": str(path)})
    assert rows["a"]["verdict"] == "fail" and rows["a"]["mandatory_m"] == 150
    data["threats"]["sedan"]["preferred_m"] = 580
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(QgsProcessingException, match=r"sedan.preferred_m.* must be"):
        run(run_alg, tmp_path / "bad", assets, layer("LineString", [ROAD]), {"RULESET": str(path)}, files=True)
    assert not (tmp_path / "bad" / "standoff.gpkg").exists()


def test_threat_per_asset(run_alg, tmp_path):
    # 150 m from the road: a small truck (195 m) fails, a pipe bomb (21/366 m) shelters; an unknown threat
    # falls back to THREAT (sedan 98/580 m: shelter), with a warning.
    assets = layer("Point", ["POINT(0 150)", "POINT(10 150)", "POINT(20 150)"],
                   {"name": FIELD_TYPE_STRING, "threat": FIELD_TYPE_STRING},
                   [["truck", "small_truck"], ["pipe", "Pipe bomb"], ["other", "drone"]])
    _, fb, rows = run(run_alg, tmp_path, assets, layer("LineString", [ROAD]), {"THREAT_FIELD": "threat"})
    assert (rows["truck"]["threat"], rows["truck"]["verdict"]) == ("small_truck", "fail")
    assert (rows["pipe"]["threat"], rows["pipe"]["verdict"]) == ("pipe_bomb", "shelter")
    assert (rows["other"]["threat"], rows["other"]["verdict"]) == ("sedan", "shelter")
    assert "1 assets have no known threat" in fb.log
