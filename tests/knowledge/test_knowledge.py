"""The practice Library: data integrity (schema, taxonomies, both languages), the plugin's own
validator (which must agree with the JSON Schema), search, user practices and exchange files."""
from __future__ import annotations

import ast
import copy
import json
import logging
import os
import re
from pathlib import Path

import pytest

from besecure.analysis.crime import intervention_effect as intervention
from besecure.knowledge import library
from besecure.knowledge.library import (
    export_json,
    import_json,
    load_checklist,
    load_guide,
    load_practices,
    load_taxonomies,
    localized,
    merge_user_practices,
    new_user_practice_id,
    search,
    taxonomy_ids,
    user_practice_id,
    validate_practice,
)

KNOWLEDGE = Path(library.__file__).resolve().parent
SEEDS = KNOWLEDGE.parent.parent / "shared" / "seeds"


def _jsonschema():
    """The jsonschema package; it comes with Debian's python3-qgis (via python3-plotly and
    python3-nbformat), so in CI its absence is a failure, elsewhere a skip. The plugin itself
    never needs it."""
    try:
        import jsonschema
    except ImportError:
        if os.environ.get("CI"):
            pytest.fail("jsonschema is missing in CI (install python3-jsonschema)")
        pytest.skip("jsonschema not installed")
    return jsonschema


@pytest.fixture(scope="module")
def practices():
    return load_practices()


@pytest.fixture(scope="module")
def tax():
    return load_taxonomies()


@pytest.fixture(scope="module")
def by_id(practices):
    return {p["id"]: p for p in practices}


@pytest.fixture
def sample(by_id):
    return copy.deepcopy(by_id["kirkholt-burglary-prevention"])


# --------------------------------------------------------------------------- library data
def test_at_least_40_practices_with_unique_ids(practices):
    ids = [p["id"] for p in practices]
    assert len(ids) >= 40
    assert len(set(ids)) == len(ids)
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", i) for i in ids)
    assert all(p["origin"] == "builtin" for p in practices)


def test_every_practice_passes_the_plugins_validator(practices):
    problems = {p["id"]: validate_practice(p) for p in practices}
    assert {k: v for k, v in problems.items() if v} == {}


def test_every_practice_passes_the_json_schema(practices):
    jsonschema = _jsonschema()
    schema = json.loads((KNOWLEDGE / "schema" / "practice.schema.json").read_text(encoding="utf-8"))
    validator_cls = jsonschema.validators.validator_for(schema)
    validator_cls.check_schema(schema)
    validator = validator_cls(schema)
    problems = {p["id"]: [e.message for e in validator.iter_errors(p)] for p in practices}
    assert {k: v for k, v in problems.items() if v} == {}


def test_schema_enums_match_the_taxonomies(tax):
    schema = json.loads((KNOWLEDGE / "schema" / "practice.schema.json").read_text(encoding="utf-8"))
    props = schema["properties"]
    ids = taxonomy_ids(tax)
    for field in ("problem", "core_values", "approach", "smart_city"):
        assert set(props[field]["items"]["enum"]) == ids[field], field
    assert set(props["evidence"]["properties"]["level"]["enum"]) == ids["evidence_level"]
    assert set(schema["required"]) == set(library.REQUIRED_FIELDS)
    assert set(props) == set(library.REQUIRED_FIELDS) | set(library.OPTIONAL_FIELDS)


def test_every_referenced_taxonomy_id_exists(practices, tax):
    ids = taxonomy_ids(tax)
    for p in practices:
        for field in ("problem", "core_values", "approach", "smart_city"):
            assert set(p[field]) <= ids[field], (p["id"], field)
        assert p["evidence"]["level"] in ids["evidence_level"], p["id"]
        assert p["problem"] and p["core_values"] and p["approach"], p["id"]


def test_every_text_is_in_english_and_dutch(practices):
    for p in practices:
        for text in (p["title"], p["description"], p["evidence"]["summary"]):
            assert text["en"].strip() and text["nl"].strip(), p["id"]
        # a description copied untranslated into the other language is a defect
        assert p["description"]["en"] != p["description"]["nl"], p["id"]
        assert p["evidence"]["summary"]["en"] != p["evidence"]["summary"]["nl"], p["id"]


def test_countries_years_and_sources(practices):
    for p in practices:
        assert p["country"] in library.ISO_3166_ALPHA2 and p["country"] != "UK", p["id"]
        start, end = p["years"]["start"], p["years"]["end"]
        assert start is None or end is None or start <= end, p["id"]
        assert p["sources"], p["id"]
        for s in p["sources"]:
            assert s.get("url") or s.get("reference"), p["id"]
            assert "url" not in s or s["url"].startswith(("http://", "https://")), p["id"]


def test_examples_named_in_the_source_documents_are_in_the_library(by_id):
    named = {
        "nl-police-cas", "utrecht-burglary-predictor", "hague-international-zone", "misdaad-in-kaart",
        "rotterdam-neighbourhood-profile", "acoustic-fireworks-gunshot-detection", "amsterdam-scan-cars-anpr",
        "vetag-emergency-response", "stratumseind-living-lab", "utrecht-youth-nuisance-monitoring",
        "fieldlab-burglary-free-lombardijen", "brussels-security-by-design", "secu4all-public-space-training",
        "burgernet", "meld-misdaad-anoniem", "digital-buyers-register", "police-label-secure-housing",
        "rotterdam-child-friendly-neighbourhoods",
    }
    european = {
        "secured-by-design-uk", "kirkholt-burglary-prevention", "cardiff-model-violence-prevention",
        "glasgow-violence-reduction-unit", "hot-spots-policing", "cctv-public-areas", "improved-street-lighting",
        "boston-ceasefire-focused-deterrence", "top600-amsterdam", "zorg-en-veiligheidshuizen",
        "keurmerk-veilig-ondernemen", "stockholm-stad-licensed-premises", "barcelona-superblocks",
        "alley-gating-liverpool", "operation-bumblebee",
    }
    assert named | european <= set(by_id)


def test_library_covers_all_top_ten_priorities_and_every_approach(practices, tax):
    top10 = {p["id"] for p in tax["priorities"]["items"] if p["top10_rank"]}
    covered = {pid for p in practices for pid in p["problem"]}
    assert top10 <= covered
    assert {a["id"] for a in tax["approaches"]} <= {a for p in practices for a in p["approach"]}
    assert {s["id"] for s in tax["smart_city_elements"]} <= {s for p in practices for s in p["smart_city"]}


def test_practice_texts_are_not_copied_from_the_seed_documents(practices):
    if not SEEDS.is_dir():
        pytest.skip(f"{SEEDS} not present")
    words = re.compile(r"[a-z0-9à-ÿ]+")
    corpus = " ".join(words.findall(" ".join(
        f.read_text(encoding="utf-8", errors="ignore").lower() for f in SEEDS.glob("*.txt"))))
    texts = [(p["id"], t[lang]) for p in practices for lang in ("en", "nl")
             for t in (p["description"], p["evidence"]["summary"])]
    texts += [("checklist", t[lang]) for t in _texts(load_checklist()) for lang in ("en", "nl")]
    texts += [("guide", t[lang]) for t in _texts(load_guide()) for lang in ("en", "nl")]
    copied = []
    for owner, text in texts:
        tokens = words.findall(text.lower())
        copied += [(owner, " ".join(tokens[i:i + 8])) for i in range(len(tokens) - 7)
                   if " ".join(tokens[i:i + 8]) in corpus]
    assert copied == []


# --------------------------------------------------------------------------- taxonomies
def test_priorities_match_the_hsd_analysis(tax):
    items = tax["priorities"]["items"]
    assert tax["priorities"]["plans_analysed"] == 14
    assert len(items) == 49 and len({p["id"] for p in items}) == 49
    top = sorted((p for p in items if p["top10_rank"]), key=lambda p: p["top10_rank"])
    assert [p["id"] for p in top] == [
        "high_impact_crime", "polarisation_radicalisation", "youth_safety", "undermining", "liveability",
        "confused_persons", "domestic_violence", "cybercrime", "drugs", "events"]
    assert [p["count"] for p in top] == [11, 11, 10, 10, 8, 8, 6, 4, 4, 4]
    assert all(p["count"] <= 4 for p in items if not p["top10_rank"])
    breadth = {b["id"] for b in tax["policy_breadth"]}
    values = {c["id"] for c in tax["core_values"]}
    for p in items:
        assert p["label"]["en"] and p["label"]["nl"]
        assert set(p["policy_breadth"]) <= breadth
        assert set(p.get("core_values", [])) <= values


def test_taxonomy_sizes_and_labels(tax):
    assert [c["id"] for c in tax["core_values"]] == [
        "physical_integrity", "prosperity", "social_cohesion", "political_institutions", "cultural_freedoms",
        "infrastructure", "ict_privacy"]
    assert {a["id"] for a in tax["approaches"]} == {
        "area", "person", "group", "branch", "theme", "information_led", "integration"}
    assert {a["group"] for a in tax["approaches"]} == {g["id"] for g in tax["approach_groups"]}
    assert [s["id"] for s in tax["smart_city_elements"]] == ["sensors", "data", "services"]
    assert len(tax["policy_breadth"]) == 5
    assert [e["rank"] for e in tax["evidence_levels"]] == list(range(6))
    for group in ("core_values", "approaches", "smart_city_elements", "policy_breadth", "evidence_levels"):
        for item in tax[group]:
            assert item["label"]["en"] and item["label"]["nl"], (group, item["id"])


# --------------------------------------------------------------------------- checklist and guide
def _texts(node):
    if isinstance(node, dict):
        if set(node) >= {"en", "nl"} and all(isinstance(v, str) for v in node.values()):
            yield node
        else:
            for value in node.values():
                yield from _texts(value)
    elif isinstance(node, list):
        for value in node:
            yield from _texts(value)


def test_checklist_is_bilingual_with_unique_items():
    checklist = load_checklist()
    ids = [item["id"] for s in checklist["sections"] for item in s["items"]]
    assert len(ids) == len(set(ids)) >= 25
    assert {s["id"] for s in checklist["sections"]} >= {
        "objective", "concept", "cooperation", "vulnerabilities", "preconditions", "data", "technology"}
    assert checklist["workshop"]["idea_questions"] and checklist["workshop"]["plan_questions"]
    for text in _texts(checklist):
        assert text["en"].strip() and text["nl"].strip()


def test_guide_has_the_five_navigator_steps():
    guide = load_guide()
    assert [s["id"] for s in guide["steps"]] == ["scope", "analyse", "options", "plan", "monitor"]
    sections = {s["id"] for s in load_checklist()["sections"]}
    tax = load_taxonomies()
    for step in guide["steps"]:
        for lang in ("en", "nl"):
            assert step["title"][lang]
            assert len(re.findall(r"[.!?](\s|$)", step["text"][lang])) >= 3, (step["id"], lang)
        assert step["questions"]
        assert set(step["related"].get("checklist", [])) <= sections
        assert set(step["related"].get("taxonomies", [])) <= set(tax)
        for method in step["related"].get("methods", []):
            assert hasattr(intervention, method.rsplit(".", 1)[1]), method
    for text in _texts(guide):
        assert text["en"].strip() and text["nl"].strip()


# --------------------------------------------------------------------------- validator
@pytest.mark.parametrize(("mutate", "message"), [
    (lambda p: p["title"].pop("nl"), "title: missing the 'nl' text"),
    (lambda p: p["description"].update(en="   "), "description.en"),
    (lambda p: p["problem"].append("burglary"), "unknown id 'burglary'"),
    (lambda p: p.update(problem=[]), "problem: give at least one id"),
    (lambda p: p.update(core_values=["prosperity", "prosperity"]), "listed twice"),
    (lambda p: p.update(country="UK"), "use 'GB'"),
    (lambda p: p.update(country="nl"), "not an ISO 3166-1"),
    (lambda p: p.update(years={"start": 2010, "end": 2005}), "start 2010 is after end 2005"),
    (lambda p: p.update(years={"start": 2010}), "missing 'end'"),
    (lambda p: p["evidence"].update(level="strong"), "evidence.level"),
    (lambda p: p.update(sources=[]), "at least one public source"),
    (lambda p: p["sources"][0].pop("reference"), "give a 'url' or a bibliographic 'reference'"),
    (lambda p: p["sources"][0].update(url="www.example.org"), "sources[0].url"),
    (lambda p: p.update(id="Kirkholt Project"), "id:"),
    (lambda p: p.update(id="user-kirkholt"), "reserved for user practices"),
    (lambda p: p.update(origin="user"), "must start with 'user-'"),
    (lambda p: p.update(tags=["Burglary"]), "tags[0]"),
    (lambda p: p.update(colour="red"), "colour: unknown field"),
    (lambda p: p.pop("smart_city"), "missing required field(s): smart_city"),
])
def test_validator_reports_each_error(sample, mutate, message):
    mutate(sample)
    errors = validate_practice(sample)
    assert any(message in e for e in errors), errors


@pytest.mark.parametrize("mutate", [
    lambda p: p["title"].pop("nl"),
    lambda p: p["problem"].append("burglary"),
    lambda p: p.update(country="nl"),
    lambda p: p.update(years={"start": 2010}),
    lambda p: p["evidence"].update(level="strong"),
    lambda p: p.update(sources=[]),
    lambda p: p["sources"][0].pop("reference"),
    lambda p: p.update(colour="red"),
    lambda p: p.update(tags=["Burglary"]),
])
def test_json_schema_rejects_what_the_validator_rejects(sample, mutate):
    jsonschema = _jsonschema()
    schema = json.loads((KNOWLEDGE / "schema" / "practice.schema.json").read_text(encoding="utf-8"))
    mutate(sample)
    assert validate_practice(sample)
    assert list(jsonschema.validators.validator_for(schema)(schema).iter_errors(sample))


def test_validator_accepts_a_user_practice_and_rejects_non_objects(sample):
    sample.update(id="user-my-kirkholt", origin="user", title={"en": "Mine", "nl": "Van mij", "de": "Meins"})
    assert validate_practice(sample) == []
    assert validate_practice(["not", "a", "practice"]) == ["practice: expected an object, got array"]


def test_knowledge_modules_need_neither_qgis_nor_jsonschema():
    for module in ("library.py", "__init__.py"):
        tree = ast.parse((KNOWLEDGE / module).read_text(encoding="utf-8"))
        imported = {alias.name.split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for alias in node.names}
        imported |= {(node.module or "").split(".")[0] for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                     and node.level == 0}
        assert not imported & {"qgis", "PyQt5", "PyQt6", "jsonschema"}, module


# --------------------------------------------------------------------------- search
def test_search_is_bilingual_and_ignores_case_and_accents(practices):
    found = {p["id"] for p in search(practices, "INBRAAK")}
    assert {"police-label-secure-housing", "misdaad-in-kaart", "kirkholt-burglary-prevention"} <= found
    assert {p["id"] for p in search(practices, "burglary")} >= {"police-label-secure-housing", "misdaad-in-kaart"}
    assert "secu4all-public-space-training" in {p["id"] for p in search(practices, "xabia")}
    # taxonomy labels are searchable too: no practice text says 'radicalisering' literally
    assert "aarhus-model-radicalisation" in {p["id"] for p in search(practices, "radicalisering")}


def test_search_terms_are_combined_and_phrases_kept_together(practices):
    both = {p["id"] for p in search(practices, "wheelie utrecht")}
    assert both == {"utrecht-burglary-predictor"}
    assert search(practices, "wheelie amsterdam") == []
    assert {p["id"] for p in search(practices, '"scan cars"')} == {"amsterdam-scan-cars-anpr"}


def test_search_ranks_title_matches_first(practices):
    results = search(practices, "stratumseind")
    assert results[0]["id"] == "stratumseind-living-lab"


def test_search_without_text_keeps_order_and_applies_filters(practices):
    assert search(practices) == list(practices)
    hits = search(practices, "", {"problem": "domestic_violence"})
    assert hits and all("domestic_violence" in p["problem"] for p in hits)
    strong = search(practices, filters={"min_evidence": "experimental"})
    assert strong and all(p["evidence"]["level"] in {"experimental", "systematic_review"} for p in strong)
    either = search(practices, filters={"approach": ["person", "group"], "country": "nl"})
    assert either and all(p["country"] == "NL" and {"person", "group"} & set(p["approach"]) for p in either)
    assert "secu4all-public-space-training" in {p["id"] for p in search(practices, filters={"country": "LV"})}
    smart = search(practices, filters={"smart_city": True})
    assert smart and all(p["smart_city"] for p in smart)
    assert all(not p["smart_city"] for p in search(practices, filters={"smart_city": False}))
    assert all(p["city"] == "Rotterdam" for p in search(practices, filters={"city": "rotterdam"}))
    youth = search(practices, filters={"policy_breadth": "youth"})
    assert "kiva-antibullying" in {p["id"] for p in youth}


def test_search_year_filter(practices):
    in_1995 = {p["id"] for p in search(practices, filters={"year": 1995})}
    assert "kirkholt-burglary-prevention" not in in_1995  # ended 1990
    assert "police-label-secure-housing" not in in_1995  # started 1996
    assert "operation-bumblebee" in in_1995  # started 1991, open end


def test_search_rejects_unknown_filters(practices):
    with pytest.raises(ValueError, match="Unknown filter 'colour'"):
        search(practices, filters={"colour": "red"})
    with pytest.raises(ValueError, match="unknown id"):
        search(practices, filters={"problem": "burglary"})
    with pytest.raises(ValueError, match="min_evidence"):
        search(practices, filters={"min_evidence": "strong"})


# --------------------------------------------------------------------------- user practices
def _user_practice(sample, pid="my-neighbourhood-approach", **extra):
    p = copy.deepcopy(sample)
    p.pop("origin", None)
    p.update(id=pid, title={"en": "My approach", "nl": "Mijn aanpak"}, **extra)
    return p


def test_user_practices_get_a_prefix_and_never_replace_builtins(practices, sample):
    clash = _user_practice(sample, pid="kirkholt-burglary-prevention")
    own = _user_practice(sample)
    before = copy.deepcopy(clash)
    merged = merge_user_practices(practices, [clash, own])
    assert clash == before  # inputs are not changed
    assert len(merged) == len(practices) + 2
    assert merged[:len(practices)] == list(practices)
    assert [p["id"] for p in merged[len(practices):]] == ["user-kirkholt-burglary-prevention",
                                                          "user-my-neighbourhood-approach"]
    assert all(p["origin"] == "user" for p in merged[len(practices):])
    assert next(p for p in merged if p["id"] == "kirkholt-burglary-prevention")["origin"] == "builtin"


def test_later_user_practice_with_the_same_id_wins(practices, sample):
    first = _user_practice(sample, pid="user-a")
    other = _user_practice(sample, pid="user-b")
    newer = _user_practice(sample, pid="user-a", city="Delft")
    merged = merge_user_practices(practices, [first, other, newer])[len(practices):]
    assert [(p["id"], p["city"]) for p in merged] == [("user-a", "Delft"), ("user-b", sample["city"])]


def test_invalid_user_practices_are_skipped_with_a_warning(practices, sample, caplog):
    bad = _user_practice(sample)
    del bad["title"]["nl"]
    with caplog.at_level(logging.WARNING, logger="besecure.knowledge.library"):
        merged = merge_user_practices(practices, [bad, "nonsense"])
    assert len(merged) == len(practices)
    assert "user-my-neighbourhood-approach" in caplog.text and "title" in caplog.text


def test_reimported_library_copies_are_skipped(practices):
    merged = merge_user_practices(practices, copy.deepcopy(practices[:3]))
    assert len(merged) == len(practices)


def test_user_ids():
    assert user_practice_id("Buurtpreventie Zuid-Oost!") == "user-buurtpreventie-zuid-oost"
    assert user_practice_id("user-abc") == "user-abc"
    assert user_practice_id("Écoles sûres") == "user-ecoles-sures"
    assert user_practice_id("???") == "user-practice"
    assert len(user_practice_id("x" * 200)) == 80
    assert new_user_practice_id("Abc", ["user-abc", "user-abc-2"]) == "user-abc-3"
    assert new_user_practice_id("Abc", []) == "user-abc"


def test_localized_falls_back_to_english():
    assert localized({"en": "Safety", "nl": "Veiligheid"}, "nl") == "Veiligheid"
    assert localized({"en": "Safety", "nl": "Veiligheid"}, "fr") == "Safety"
    assert localized(None) == "" and localized("plain") == "plain"


# --------------------------------------------------------------------------- export / import
def test_export_and_import_round_trip(tmp_path, practices, sample):
    items = merge_user_practices(practices, [_user_practice(sample)])
    path = tmp_path / "practices.json"
    export_json(items, path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "besecure-practices" and data["version"] == 1
    assert "Secured by Design" in path.read_text(encoding="utf-8")
    assert import_json(path) == items
    assert not list(tmp_path.glob("*.tmp"))


def test_import_accepts_a_plain_list_and_a_single_practice(tmp_path, sample):
    (tmp_path / "list.json").write_text(json.dumps([sample]), encoding="utf-8")
    (tmp_path / "one.json").write_text(json.dumps(sample), encoding="utf-8-sig")
    assert import_json(tmp_path / "list.json") == [sample]
    assert import_json(tmp_path / "one.json") == [sample]


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"{not json", "is not valid JSON"),
    (b"\xff\xfe\x00bad", "not a UTF-8 text file"),
    (json.dumps({"colour": "red"}).encode(), "does not contain BESECURE practices"),
    (json.dumps({"format": "besecure-practices", "version": 99, "practices": []}).encode(), "newer version"),
    (json.dumps({"format": "besecure-practices", "version": 1, "practices": {}}).encode(), "must be a list"),
])
def test_import_rejects_bad_files_with_a_clear_message(tmp_path, content, message):
    path = tmp_path / "colleague.json"
    path.write_bytes(content)
    with pytest.raises(ValueError, match=message) as info:
        import_json(path)
    assert "colleague.json" in str(info.value)


def test_import_names_the_invalid_practice_and_field(tmp_path, sample):
    broken = copy.deepcopy(sample)
    broken["country"] = "UK"
    path = tmp_path / "shared.json"
    path.write_text(json.dumps([sample, broken]), encoding="utf-8")
    with pytest.raises(ValueError) as info:
        import_json(path)
    text = str(info.value)
    assert "practice 2 ('kirkholt-burglary-prevention')" in text and "country" in text and "'GB'" in text
    assert "used twice" in text


def test_export_refuses_invalid_practices(tmp_path, sample):
    sample["evidence"]["level"] = "strong"
    with pytest.raises(ValueError, match=r"evidence.level"):
        export_json([sample], tmp_path / "out.json")
    assert not (tmp_path / "out.json").exists()


def test_import_of_a_missing_file_raises_file_not_found(tmp_path):
    with pytest.raises(FileNotFoundError):
        import_json(tmp_path / "nope.json")


def test_load_practices_reports_duplicates_and_errors(tmp_path, sample):
    (tmp_path / "a.json").write_text(json.dumps([sample]), encoding="utf-8")
    (tmp_path / "b.json").write_text(json.dumps([sample]), encoding="utf-8")
    with pytest.raises(ValueError, match="used twice"):
        load_practices(tmp_path)
    assert len(load_practices(tmp_path / "a.json")) == 1
