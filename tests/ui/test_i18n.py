"""Dutch translation: complete for every string the code translates, and used when the locale is nl."""
import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _collector():
    spec = importlib.util.spec_from_file_location("update_translations", ROOT / "scripts" / "update_translations.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_source_string_has_a_dutch_translation():
    sources = set(_collector().collect())
    done = {}
    for msg in ET.parse(ROOT / "i18n" / "besecure_nl.ts").getroot().iter("message"):
        tr = msg.find("translation")
        if tr is not None and tr.get("type") is None and (tr.text or "").strip():
            done[msg.findtext("source")] = tr.text
    missing = sorted(sources - set(done))
    assert not missing, f"untranslated (run make translations and translate): {missing[:5]}"


def test_dutch_names_and_help_with_locale_nl(qgis_app, besecure_provider):
    from besecure.i18n import install_translator
    from besecure.processing.algorithms.aggregate_incidents import AggregateIncidents

    try:
        assert install_translator("nl")
        alg = AggregateIncidents()
        alg.initAlgorithm()
        assert alg.displayName() == "Incidenten aggregeren"
        assert alg.group() == "Criminaliteitskaarten"
        assert alg.parameterDefinition("CELL_SIZE").description() == "Celgrootte (meter)"
        assert "Telt incidenten per vierkante cel" in alg.shortHelpString()
    finally:
        install_translator("en")  # no English .qm: removes the Dutch translator
    assert AggregateIncidents().displayName() == "Aggregate incidents"
