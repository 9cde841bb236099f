"""The Policy Navigator's dossier model: JSON round trip with a schema version, validation with
messages that name the field, the checklist in the plan, and practice matching that is the
Library's own search (no second implementation)."""
from __future__ import annotations

import json
import math

import pytest

from besecure.knowledge import dossier as ds
from besecure.knowledge.library import load_checklist, load_practices, load_taxonomies, search


@pytest.fixture(scope="module")
def practices():
    return load_practices()


def full_dossier() -> ds.Dossier:
    """A dossier with every field of every step filled in (non-default values)."""
    d = ds.new_dossier()
    d.scope = ds.Scope(
        title="Woninginbraak in Oosterwijk — aanpak 2025",
        area=ds.AreaRef(layer_id="neighbourhoods_1a2b", layer_name="neighbourhoods", feature_id=6,
                        name="Oosterwijk"),
        problem=["high_impact_crime", "liveability"], core_values=["physical_integrity"],
        objectives=["20 % fewer residential burglaries in 2025", "Residents feel safer at home"],
        stakeholders=[ds.Stakeholder("Municipality, OOV", "owner", "integral security plan"),
                      ds.Stakeholder("Police", "partner", ""), ds.Stakeholder("Woonstichting Oost", "partner")])
    d.analyse = ds.Analyse(
        inputs=ds.AnalysisInputs(incidents=ds.LayerRef("incidents_9f", "incidents", "/data/town.gpkg|layername=inc"),
                                 time_field="occurred", category_field="category",
                                 categories=["residential burglary"], period=ds.Period("2023-01-01", "2024-12-31"),
                                 cell_size=150.0),
        runs=[ds.AnalysisRun("besecure:aggregateincidents", "Incidents per cell",
                             {"INPUT": "incidents_9f", "CELL_SIZE": 150.0, "KEEP_EMPTY": False, "AGGREGATION": 1,
                              "START": None, "nested": {"a": [1, 2.5, "x"]}},
                             {"OUTPUT": "/tmp/agg.gpkg"}, ["agg_layer_1"], "2025-03-01T10:15:00",
                             "412 incidents in 37 cells")],
        findings="Burglary concentrates in the east, Tuesday to Thursday afternoons.")
    d.options = ds.Options(chosen=[ds.ChosenPractice("police-label-secure-housing", "Many older homes lack locks.")],
                           filters={"approach": ["area"], "min_evidence": "descriptive"})
    d.plan.items[0].status = "done"
    d.plan.items[0].owner = "OOV"
    d.plan.items[0].due = "2025-06-30"
    d.plan.items.append(ds.ChecklistItem("custom.budget", "in_progress", "Finance", None, "", "Is the budget set?"))
    d.monitor = ds.Monitor(
        indicators=[ds.Indicator("Recorded burglaries", "police records", 120.0, 96.0, None)],
        baseline=ds.Period("2023-01-01", "2023-12-31"), after=ds.Period("2024-01-01", "2024-12-31"),
        target=ds.LayerRef("t1", "target"), buffer=ds.LayerRef("b1", "buffer"), control=ds.LayerRef("c1", "control"),
        effect=ds.EffectResult(parameters={"BUFFER": "b1"},
                               counts={"T_b": 100, "T_a": 70, "D_b": 50, "D_a": 45, "Ct_b": 200, "Ct_a": 190,
                                       "Cd_b": 200, "Cd_a": 190},
                               wdq=0.2, wdd=-15.0, wdd_se=9.0, wdd_z=-1.6, p=0.11, ci_low=-33.0, ci_high=3.0,
                               interpretation="WDQ = 0.20: diffusion.", output="/tmp/eff.gpkg",
                               layer_ids=["eff_1"], created="2025-03-02T09:00:00"),
        conclusion="Fewer burglaries, no displacement.")
    return d


def test_round_trip_through_json_keeps_every_field():
    d = full_dossier()
    text = ds.to_json(d)
    data = json.loads(text)  # plain JSON, readable by any tool
    assert data["format"] == "besecure-dossier" and data["version"] == ds.SCHEMA_VERSION
    assert set(data) == {"format", "version", "created", "modified", *ds.STEPS}
    assert ds.validate_dossier(data) == []
    back = ds.from_json(text)
    assert back == d  # dataclass equality: every field of every step
    assert back.scope.stakeholders[2].name == "Woonstichting Oost"
    assert back.analyse.inputs.period == ds.Period("2023-01-01", "2024-12-31")
    assert back.monitor.effect.counts["T_b"] == 100
    assert ds.to_json(back) == text


def test_new_dossier_round_trips_and_nan_becomes_null():
    d = ds.new_dossier()
    assert ds.from_json(ds.to_json(d)) == d
    d.monitor.effect = ds.EffectResult(wdq=math.nan)  # an undefined WDQ (control count 0)
    data = json.loads(ds.to_json(d))
    assert data["monitor"]["effect"]["wdq"] is None
    assert ds.from_json(ds.to_json(d)).monitor.effect.wdq is None


def test_plan_lists_the_whole_checklist_in_order_and_keeps_user_values():
    checklist = load_checklist()
    expected = [item["id"] for section in checklist["sections"] for item in section["items"]]
    d = ds.new_dossier()
    assert [i.item_id for i in d.plan.items] == expected
    assert all(i.status == "open" for i in d.plan.items)
    # the sections the issue names are all in the plan, privacy and ethics among the preconditions
    sections = {i.item_id.split(".")[0] for i in d.plan.items}
    assert {"cooperation", "vulnerabilities", "preconditions", "data", "technology"} <= sections
    assert "preconditions.responsible" in expected
    # a stored plan missing items (an older checklist) and with an own item is completed, not reset
    d.plan.items = [ds.ChecklistItem("custom.budget", text="Budget?"),
                    ds.ChecklistItem("data.ownership", "done", "Police", "2025-01-31")]
    ds.sync_checklist(d.plan)
    assert [i.item_id for i in d.plan.items] == [*expected, "custom.budget"]
    kept = next(i for i in d.plan.items if i.item_id == "data.ownership")
    assert (kept.status, kept.owner, kept.due) == ("done", "Police", "2025-01-31")


def _broken(mutate) -> list[str]:
    data = ds.to_dict(full_dossier())
    mutate(data)
    return ds.validate_dossier(data)


@pytest.mark.parametrize(("mutate", "expected"), [
    (lambda d: d["scope"]["problem"].append("burglary"), "scope.problem[2]: unknown priority 'burglary'"),
    (lambda d: d["scope"]["problem"].append("liveability"), "scope.problem[2]: 'liveability' is listed twice"),
    (lambda d: d["scope"]["core_values"].append("safety"), "scope.core_values[1]: unknown core value 'safety'"),
    (lambda d: d["scope"]["stakeholders"].append({"role": "x"}), "scope.stakeholders[3]: missing field 'name'"),
    (lambda d: d["scope"]["area"].update(feature_id="6"), "scope.area.feature_id: expected a feature id"),
    (lambda d: d["plan"]["items"][1].update(status="finished"),
     "plan.items[1].status: expected one of open, in_progress, done, not_applicable, got 'finished'"),
    (lambda d: d["plan"]["items"][1].update(due="30-06-2025"),
     "plan.items[1].due: expected a date as YYYY-MM-DD, got '30-06-2025'"),
    (lambda d: d["plan"]["items"][1].update(due="2025-02-30"), "plan.items[1].due: '2025-02-30' is not a calendar"),
    (lambda d: d["plan"]["items"].append({"item_id": "custom.x"}), "the own item 'custom.x' needs its text"),
    (lambda d: d["plan"]["items"].append({"item_id": "budget", "text": "b"}), "'budget' is not in the checklist"),
    (lambda d: d["plan"]["items"].append({"item_id": "data.value"}), "'data.value' is listed twice"),
    (lambda d: d["monitor"]["after"].update(start="2023-06-01"),
     "monitor.after: starts on 2023-06-01, before the baseline ends on 2023-12-31"),
    (lambda d: d["monitor"]["baseline"].update(start="2024-01-01"),
     "monitor.baseline: starts on 2024-01-01 after it ends on 2023-12-31"),
    (lambda d: d["monitor"]["effect"]["counts"].update(T_b=-1), "monitor.effect.counts.T_b: expected a count"),
    (lambda d: d["monitor"]["effect"]["counts"].update(target=3), "unknown count 'target'"),
    (lambda d: d["monitor"]["effect"].update(wdd="big"), "monitor.effect.wdd: expected a number"),
    (lambda d: d["monitor"]["indicators"][0].update(baseline=math.inf), "indicators[0].baseline: expected a number"),
    (lambda d: d["analyse"]["runs"][0]["parameters"].update(X=math.nan), "analyse.runs[0].parameters.X: not a finite"),
    (lambda d: d["analyse"]["runs"][0].update(algorithm="hottimes"), "expected a full algorithm id"),
    (lambda d: d["analyse"]["runs"][0]["outputs"].update(OUTPUT=3), "analyse.runs[0].outputs.OUTPUT: expected a path"),
    (lambda d: d["analyse"]["runs"][0].update(created="yesterday"), "analyse.runs[0].created: expected an ISO date"),
    (lambda d: d["analyse"]["inputs"].update(cell_size=0), "analyse.inputs.cell_size: must be more than 0"),
    (lambda d: d["analyse"]["inputs"].update(category_field=""), "categories are chosen but no category field"),
    (lambda d: d["options"]["chosen"].append({"practice_id": "police-label-secure-housing"}),
     "practice 'police-label-secure-housing' is chosen twice"),
    (lambda d: d["options"].update(colour="red"), "options: unknown field 'colour'"),
])
def test_validation_names_the_field_and_the_problem(mutate, expected):
    errors = _broken(mutate)
    assert any(expected in e for e in errors), errors
    with pytest.raises(ValueError, match="The dossier cannot be read"):
        ds.from_dict(_apply(mutate))


def _apply(mutate):
    data = ds.to_dict(full_dossier())
    mutate(data)
    return data


def test_other_files_and_versions_are_refused_with_a_clear_message():
    with pytest.raises(ValueError, match="not valid JSON"):
        ds.from_json('{"format": ')
    with pytest.raises(ValueError, match="empty"):
        ds.from_json("  ")
    with pytest.raises(ValueError, match="not a BESECURE dossier"):
        ds.from_json(json.dumps({"format": "besecure-practices", "version": 1, "practices": []}))
    newer = ds.to_dict(ds.new_dossier())
    newer["version"] = ds.SCHEMA_VERSION + 1
    with pytest.raises(ValueError, match=r"newer BESECURE .* update the plugin"):
        ds.from_dict(newer)
    assert ds.validate_dossier([]) == ["dossier: expected an object, got array"]


def test_a_minimal_stored_dossier_gets_defaults():
    d = ds.from_dict({"format": ds.FORMAT, "version": 1})
    assert d == ds.Dossier()
    assert d.analyse.inputs.cell_size == 100.0


@pytest.mark.parametrize(("problem", "filters", "text"), [
    (["high_impact_crime"], {}, ""),
    (["high_impact_crime", "youth_safety"], {"approach": ["area"]}, ""),
    (["liveability"], {"min_evidence": "quasi_experimental"}, ""),
    (["high_impact_crime"], {"smart_city": True}, "camera"),
    (["events"], {"country": "NL"}, ""),
])
def test_practice_matching_is_the_library_search(practices, problem, filters, text):
    found = ds.matching_practices(practices, problem, text, filters)
    assert found == search(practices, text, {**filters, "problem": problem})
    if not text:
        # independently: exactly the practices sharing a priority and passing each filter, in library order
        tax = load_taxonomies()
        ranks = {e["id"]: e["rank"] for e in tax["evidence_levels"]}

        def passes(p):
            ok = bool(set(p["problem"]) & set(problem))
            if "approach" in filters:
                ok &= bool(set(p["approach"]) & set(filters["approach"]))
            if "min_evidence" in filters:
                ok &= ranks[p["evidence"]["level"]] >= ranks[filters["min_evidence"]]
            if "country" in filters:
                ok &= filters["country"] in {p["country"], *p.get("other_countries", [])}
            return ok

        assert [p["id"] for p in found] == [p["id"] for p in practices if passes(p)]
    assert found, "the library should hold a practice for this problem"
    # the dossier's problem wins over a stale problem filter
    assert ds.matching_practices(practices, problem, text, {**filters, "problem": ["drugs"]}) == found


def test_unknown_practices_and_completeness(practices):
    d = full_dossier()
    assert ds.unknown_practices(d, practices) == []
    d.options.chosen.append(ds.ChosenPractice("user-deleted-one", "x"))
    assert ds.unknown_practices(d, practices) == ["user-deleted-one"]

    todo = ds.completeness(ds.new_dossier())
    assert todo == {"scope": ["area", "problem", "objectives", "stakeholders"], "analyse": ["incidents", "analysis"],
                    "options": ["practice"], "plan": ["checklist"], "monitor": ["indicators", "periods", "effect"]}
    assert {code for codes in todo.values() for code in codes} <= set(ds.TODO)
    d = full_dossier()
    assert ds.completeness(d) == {"scope": [], "analyse": [], "options": [], "plan": ["checklist"], "monitor": []}
    # every item of the checklist, and the own item, is still open or in progress but the first
    assert len(ds.open_checklist_items(d)) == len(ds.checklist_items())
    for item in d.plan.items:
        item.status = "not_applicable" if item.item_id.startswith("custom.") else "done"
    assert ds.completeness(d)["plan"] == []
    d.options.chosen.append(ds.ChosenPractice("user-x", " "))
    assert ds.completeness(d)["options"] == ["rationale"]
