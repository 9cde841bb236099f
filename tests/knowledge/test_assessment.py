"""The Compass's assessment model (knowledge/assessment.py): totals by hand, the stored shape of format 1."""
import ast
import json
from pathlib import Path

import pytest

from besecure.knowledge.assessment import (
    AreaAssessment,
    Assessments,
    CoreValueScore,
    OptionMatrix,
)

# What the Compass wrote into a project before the model existed (its dock kept these dicts and stored
# json.dumps({"version": 1, "areas": areas}, ensure_ascii=False)): a project saved then must read the same.
OLD_AREAS = {
    "AUSTIN": {
        "name": "AUSTIN",
        "core_values": {
            "physical_integrity": {"score": 5, "note": ""},
            "social_cohesion": {"score": 3, "note": "Block clubs, low trust"},
            "infrastructure": {"score": 0, "note": ""},
        },
        "matrix": {"issues": ["Street robbery", "Youth nuisance"],
                   "options": ["Hot-spot patrols", "Lighting", "Youth work"],
                   "scores": [[2, 0, 0], [1, 2, 2]]},
    },
    "Zuid-Oost": {
        "name": "Zuid-Oost",
        "core_values": {},
        "matrix": {"issues": [], "options": [], "scores": []},
    },
    "17": {  # an area without a name is keyed by its feature id
        "name": "17",
        "core_values": {"privacy": {"score": 2, "note": "Camerabewaking, straatverlichting"}},
        "matrix": {"issues": ["Inbraak"], "options": ["Verlichting", "Buurtpreventie"], "scores": [[-1, 2]]},
    },
}
OLD_TEXT = json.dumps({"version": 1, "areas": OLD_AREAS}, ensure_ascii=False)


def test_a_project_saved_before_the_model_reads_and_writes_back_unchanged():
    model = Assessments.from_json(OLD_TEXT)
    austin = model.get("AUSTIN")
    assert austin.name == "AUSTIN"
    assert austin.core_value("social_cohesion") == CoreValueScore(3, "Block clubs, low trust")
    assert austin.matrix.issues == ["Street robbery", "Youth nuisance"]
    assert austin.matrix.scores == [[2, 0, 0], [1, 2, 2]]
    assert model.get("17").matrix.options == ["Verlichting", "Buurtpreventie"]
    assert model.get("NOWHERE") is None and model.get(None) is None
    assert model.to_dict() == {"version": 1, "areas": OLD_AREAS}
    assert model.to_json() == OLD_TEXT  # byte for byte, so saving an unchanged project changes nothing


def test_totals_and_leading_options_by_hand():
    # Columns of [[2, 0, 0], [1, 2, 2]]: 2 + 1 = 3, 0 + 2 = 2, 0 + 2 = 2; the patrols lead alone.
    matrix = Assessments.from_json(OLD_TEXT).get("AUSTIN").matrix
    assert matrix.totals() == [3, 2, 2]
    assert matrix.leading() == [0]
    # [-1, 2] alone: -1 and 2.
    assert Assessments.from_json(OLD_TEXT).get("17").matrix.totals() == [-1, 2]
    tie = OptionMatrix(["a", "b"], ["x", "y", "z"], [[2, -2, 2], [-1, 0, -1]])
    assert tie.totals() == [1, -2, 1]
    assert tie.leading() == [0, 2]  # ties all lead
    # Options without issues: all 0 and none leads (nothing has been scored yet).
    assert OptionMatrix([], ["x", "y"], []).totals() == [0, 0]
    assert OptionMatrix([], ["x", "y"], []).leading() == []
    assert OptionMatrix().totals() == [] and OptionMatrix().leading() == []


def test_editing_the_matrix_keeps_it_rectangular():
    matrix = OptionMatrix()
    assert matrix.add_issue("  Street robbery ")
    assert not matrix.add_issue("   ")  # blank names are not added
    assert matrix.add_option("Lighting") and matrix.add_option("Patrols")
    assert matrix.add_issue("Nuisance")
    assert matrix.to_dict() == {"issues": ["Street robbery", "Nuisance"], "options": ["Lighting", "Patrols"],
                                "scores": [[0, 0], [0, 0]]}
    assert matrix.set_score(0, 1, 2) == 2
    assert matrix.set_score(1, 1, 7) == 2  # typed out of range: the maximum
    assert matrix.set_score(1, 0, -9) == -2
    assert matrix.set_score(0, 0, "x") == 0  # not a number: 0
    assert matrix.scores == [[0, 2], [-2, 2]]
    assert matrix.totals() == [-2, 4]
    assert matrix.rename("options", 1, " Hot-spot patrols ") and matrix.options[1] == "Hot-spot patrols"
    assert not matrix.rename("issues", 5, "x") and not matrix.rename("issues", 0, " ")
    matrix.remove_options([0])
    assert matrix.to_dict() == {"issues": ["Street robbery", "Nuisance"], "options": ["Hot-spot patrols"],
                                "scores": [[2], [2]]}
    matrix.remove_issues([1, 0, 1])
    assert matrix.to_dict() == {"issues": [], "options": ["Hot-spot patrols"], "scores": []}


def test_core_value_profile_follows_the_taxonomy_order():
    entry = Assessments.from_json(OLD_TEXT).get("AUSTIN")
    ids = ["infrastructure", "social_cohesion", "privacy", "physical_integrity"]
    assert entry.profile(ids) == [0, 3, 0, 5]  # not scored: 0
    assert AreaAssessment().profile(ids) == [0, 0, 0, 0]


def test_editing_an_area_records_its_name_and_makes_it_once():
    model = Assessments()
    entry = model.edit("25", "AUSTIN")
    entry.core_values["privacy"] = CoreValueScore(4, "")
    assert model.edit("25", "Austin") is entry and entry.name == "Austin"
    assert model.to_dict() == {"version": 1, "areas": {"25": {
        "name": "Austin", "core_values": {"privacy": {"score": 4, "note": ""}},
        "matrix": {"issues": [], "options": [], "scores": []}}}}


@pytest.mark.parametrize("text", ["", "not json", "[1, 2]", '{"version": 1}', '{"areas": 3}'])
def test_unreadable_stored_text_gives_no_assessments(text):
    assert Assessments.from_json(text).areas == {}


def test_hand_edited_entries_are_read_leniently():
    model = Assessments.from_dict({"areas": {
        "A": {"core_values": {"privacy": {"score": 9}, "freedom": "high"}},
        "B": {"matrix": {"issues": ["i1", "i2"], "options": ["o1", "o2"], "scores": [[1, "2", 5], None]}},
    }})
    assert model.get("A").core_value("privacy") == CoreValueScore(5, "")  # clipped to the scale
    assert model.get("A").core_value("freedom") == CoreValueScore(0, "")
    assert model.get("A").matrix.to_dict() == {"issues": [], "options": [], "scores": []}
    # A scores table that does not fit is cut and padded, clipped to -2..2.
    assert model.get("B").matrix.scores == [[1, 2], [0, 0]]
    assert model.get("B").name == ""


def test_the_model_is_free_of_qgis_and_qt():
    path = Path(__file__).resolve().parents[2] / "knowledge" / "assessment.py"
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module.split(".")[0])
    assert modules <= {"__future__", "json", "collections", "dataclasses", "typing"}
