"""Rule sets, stand-off and vegetation rules (REFERENCES.md, Security by design)."""
from __future__ import annotations

import json

import numpy as np
import pytest

from besecure.analysis.design.rules import (
    asset_threats,
    check_ruleset,
    constant,
    standoff_table,
    standoff_verdict,
    vegetation_kinds,
    vegetation_verdicts,
)
from besecure.analysis.errors import InputError
from besecure.knowledge.rulesets import RULESET_DIR, load_ruleset

STANDOFF = load_ruleset("standoff")
SBD = load_ruleset("secured_by_design")

BUNDLED = ["en13201", "dutch_social_safety", "secured_by_design", "brussels", "cctv_en62676", "vehicles", "standoff"]


@pytest.mark.parametrize("name", BUNDLED)
def test_bundled_rulesets_load_and_cite_sources(name):
    data = load_ruleset(name)
    assert data["id"] == name
    assert load_ruleset(RULESET_DIR / f"{name}.json") == data


def test_no_other_bundled_files():
    assert sorted(p.stem for p in RULESET_DIR.glob("*.json")) == sorted(BUNDLED)


NCTC = {
    "pipe_bomb": (21, 366),
    "suicide_vest": (34, 518),
    "briefcase": (46, 564),
    "sedan": (98, 580),
    "suv_van": (122, 732),
    "small_truck": (195, 1159),
}


def test_standoff_table():
    threats = load_ruleset("standoff")["threats"]
    for name, (mandatory, preferred) in NCTC.items():
        assert constant(threats[name]["mandatory_m"]) == mandatory
        assert constant(threats[name]["preferred_m"]) == preferred


@pytest.mark.parametrize("threat,limits", NCTC.items())
def test_standoff_verdict_boundaries(threat, limits):
    mandatory, preferred = limits
    distance = np.array([0.0, mandatory - 0.1, mandatory, preferred - 0.1, preferred, 5000.0])
    v = standoff_verdict(distance, threat, STANDOFF)
    assert list(v.verdict) == ["fail", "fail", "shelter", "shelter", "pass", "pass"]
    assert (v.mandatory_m, v.preferred_m) == (mandatory, preferred)
    assert str(mandatory) in v.reason[0]


def test_standoff_bad_input():
    with pytest.raises(ValueError, match="Known threats"):
        standoff_verdict(10.0, "catapult", STANDOFF)
    with pytest.raises(ValueError, match="index 1"):
        standoff_verdict([10.0, -1.0], "sedan", STANDOFF)


def test_vegetation_rules():
    kinds = ["shrub", "shrub", "shrub", "tree", "tree", "tree", "front_boundary", "front_boundary",
             "rear_boundary", "rear_boundary", "bench", "shrub"]
    heights = np.array([1.0, 1.2, 1.2, 8.0, 8.0, 8.0, 0.9, 1.0, 1.8, 1.7, 0.5, 1.5])
    crowns = np.array([np.nan, np.nan, np.nan, 2.0, 1.9, 1.0, np.nan, np.nan, np.nan, np.nan, np.nan, np.nan])
    dist = np.array([0.5, 1.0, 10.0, 1.5, 2.0, 30.0, 3.0, 3.0, 40.0, 40.0, 0.0, np.nan])
    v = vegetation_verdicts(heights, crowns, dist, kinds, SBD)
    assert list(v.verdict) == [
        "pass",  # shrub 1.0 m beside the path
        "fail",  # shrub 1.2 m beside the path
        "not_assessed",  # 1.2 m shrub 10 m away: outside the clear strip
        "pass",  # crown raised to 2.0 m
        "fail",  # crown at 1.9 m, within the strip
        "not_assessed",  # low crown far from the path
        "pass",  # front boundary 0.9 m
        "fail",  # front boundary must be below 1 m
        "pass",  # rear boundary 1.8 m
        "fail",  # rear boundary 1.7 m
        "not_assessed",  # no rule for benches
        "not_assessed",  # distance to the path unknown
    ]
    assert v.rule[1] == "shrub_height_beside_path" and "1.2" in v.reason[1]
    assert v.rule[7] == "front_boundary_height"
    wider = vegetation_verdicts(heights[:3], crowns[:3], dist[:3], kinds[:3], SBD, clear_strip_m=12.0)
    assert list(wider.verdict) == ["pass", "fail", "fail"]


def test_vegetation_rule_constants():
    data = load_ruleset("secured_by_design")
    rules = {r["id"]: (r["operator"], constant(r["value"])) for r in data["rules"]}
    assert rules == {
        "shrub_height_beside_path": ("<=", 1.0),
        "tree_crown_beside_path": (">=", 2.0),
        "front_boundary_height": ("<", 1.0),
        "rear_boundary_height": (">=", 1.8),
    }


def test_vegetation_shape_mismatch():
    with pytest.raises(ValueError, match="crown_base"):
        vegetation_verdicts(np.ones(3), np.ones(2), np.ones(3), ["shrub"] * 3, SBD)


def test_brussels_is_principles_without_numbers():
    data = load_ruleset("brussels")
    assert data["kind"] == "principles"
    assert data["numeric_criteria"] == []
    assert all("brussels_integrated_security.txt" in p["source"] for p in data["principles"])
    text = json.dumps(data)
    assert '"value"' not in text  # no numeric thresholds were invented


# --------------------------------------------------------------------------------------------
# Schema check on user files


def _write(tmp_path, data) -> str:
    path = tmp_path / "custom.json"
    path.write_text(json.dumps(data) if not isinstance(data, str) else data, encoding="utf-8")
    return str(path)


def test_user_ruleset_accepted(tmp_path):
    data = load_ruleset("standoff")
    data["id"] = "my_standoff"
    data["threats"] = {"drone": {"mandatory_m": {"value": 50, "source": "local assessment 2026"},
                                 "preferred_m": {"value": 400, "source": "local assessment 2026"}}}
    path = _write(tmp_path, data)
    own = load_ruleset(path)
    assert list(standoff_verdict([10.0, 100.0, 500.0], "drone", own).verdict) == ["fail", "shelter", "pass"]


@pytest.mark.parametrize(
    "mutate,message",
    [
        (lambda d: d.pop("kind"), "kind"),
        (lambda d: d.update(kind="magic"), "unknown kind"),
        (lambda d: d["threats"]["sedan"].pop("preferred_m"), "preferred_m"),
        (lambda d: d["threats"]["sedan"].update(mandatory_m=98), "mandatory_m"),
        (lambda d: d["threats"]["sedan"]["mandatory_m"].pop("source"), "mandatory_m"),
        (lambda d: d["threats"]["sedan"].update(explosive_kg_tnt=227), "no source"),
        (lambda d: d.update(threats={}), "non-empty"),
    ],
)
def test_broken_user_file_raises(tmp_path, mutate, message):
    data = load_ruleset("standoff")
    mutate(data)
    with pytest.raises(ValueError, match=message):
        load_ruleset(_write(tmp_path, data))


def test_broken_lighting_and_vegetation_files(tmp_path):
    light = load_ruleset("en13201")
    light["classes"]["P1"]["any_of"] = [{}]
    with pytest.raises(ValueError, match="any_of"):
        load_ruleset(_write(tmp_path, light))
    veg = load_ruleset("secured_by_design")
    veg["rules"][0]["operator"] = "=="
    with pytest.raises(ValueError, match="operator"):
        load_ruleset(_write(tmp_path, veg))


def test_check_ruleset_on_a_mapping_names_the_rule_set():
    data = load_ruleset("standoff")
    data["threats"]["sedan"]["mandatory_m"] = 98  # a bare number: no source
    with pytest.raises(InputError, match=r"Rule set standoff: 'threats.sedan.mandatory_m'"):
        check_ruleset(data)
    with pytest.raises(InputError, match=r"Rule set mine.json: 'threats.sedan.mandatory_m'"):
        check_ruleset(data, "mine.json")
    with pytest.raises(InputError, match="must be a JSON object"):
        check_ruleset([1, 2])
    assert check_ruleset(STANDOFF) == STANDOFF


def test_not_json_and_missing(tmp_path):
    with pytest.raises(ValueError, match="not valid JSON"):
        load_ruleset(_write(tmp_path, "{not json"))
    with pytest.raises(ValueError, match="Bundled rule sets"):
        load_ruleset("no_such_ruleset")


def test_vegetation_kinds_normalised_with_a_default_and_unknown_listed():
    kinds, unknown, known = vegetation_kinds([" Shrub", None, "", "HEDGE", "tree"], 5, " Tree ", SBD)
    assert kinds.tolist() == ["shrub", "tree", "tree", "hedge", "tree"]
    assert unknown == ["hedge"] and known == ["front_boundary", "rear_boundary", "shrub", "tree"]
    kinds, unknown, _ = vegetation_kinds(None, 2, "shrub", SBD)
    assert kinds.tolist() == ["shrub", "shrub"] and unknown == []
    with pytest.raises(InputError, match="expected 'vegetation'"):
        vegetation_kinds(None, 1, "shrub", STANDOFF)


def test_asset_threats_by_name_or_label_else_the_default():
    threats, unknown = asset_threats(["SEDAN", " Pipe bomb ", None, "catapult", "suv_van"], 5, "briefcase", STANDOFF)
    assert threats.tolist() == ["sedan", "pipe_bomb", "briefcase", "briefcase", "suv_van"] and unknown == 2
    threats, unknown = asset_threats(None, 2, "sedan", STANDOFF)
    assert threats.tolist() == ["sedan", "sedan"] and unknown == 0


def test_standoff_table_against_the_nctc_distances():
    # Sedan: mandatory 98 m, preferred 580 m (NCTC); pipe bomb: 21 m and 366 m.
    distance = np.array([50.0, 100.0, 20.0, np.inf])
    table = standoff_table(distance, np.array(["sedan", "sedan", "pipe_bomb", "sedan"], dtype=object), STANDOFF)
    assert table["verdict"].tolist() == ["fail", "shelter", "fail", "pass"]
    assert table["mandatory_m"].tolist() == [98.0, 98.0, 21.0, 98.0]
    assert table["preferred_m"].tolist() == [580.0, 580.0, 366.0, 580.0]
    assert np.isnan(table["min_distance_m"][3]) and table["min_distance_m"][:3].tolist() == [50.0, 100.0, 20.0]
    # Against every threat: 100 m passes the pipe bomb's mandatory 21 m but not its preferred 366 m.
    assert table["v_pipe_bomb"].tolist() == ["shelter", "shelter", "fail", "pass"]
    assert table["v_semi_trailer"].tolist() == ["fail", "fail", "fail", "pass"]
    assert table["reason"][2] == "closer than the mandatory evacuation distance 21 m for pipe_bomb"
