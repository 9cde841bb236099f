"""The Library dock: plugin wiring, search and filters = knowledge.library.search, the detail view,
user practices kept in the profile file, JSON import/export round trip and Dutch texts."""
import copy
import json
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import Qgis, QgsApplication, QgsSettings
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, QUrl
from qgis.PyQt.QtGui import QImage
from testlib import compiled_translator

ROOT = Path(__file__).resolve().parents[2]
KNOWLEDGE = ROOT / "knowledge"


@pytest.fixture()
def library():
    from besecure.knowledge import library as lib

    return lib


@pytest.fixture()
def store(tmp_path):
    from besecure.ui.user_practices import UserPracticeStore

    return UserPracticeStore(tmp_path / "profile" / "besecure" / "user_practices.json")


@pytest.fixture()
def make_dock(qgis_app, store):
    from besecure.ui.library_dock import LibraryDock

    made = []

    def _make(lang="en", iface=None, store_=None):
        dock = LibraryDock(iface, None, lang=lang, store=store_ or store)
        made.append(dock)
        return dock

    yield _make
    for dock in made:
        dock.cleanup()
        dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def raw_practices():
    """The built-in practices straight from the JSON files (independent of the loader)."""
    out = []
    for path in sorted((KNOWLEDGE / "practices").glob("*.json")):
        out += json.loads(path.read_text(encoding="utf-8"))
    return out


def my_practice(title="Night-time lighting walk", **changes):
    """A valid user practice made from a built-in one, as a user would enter it."""
    base = copy.deepcopy(next(p for p in raw_practices() if p["id"] == "burgernet"))
    base.pop("id")
    base.pop("origin", None)
    base.update({"title": {"en": title, "nl": title + " (nl)"}, "city": "Zwolle", **changes})
    return base


# --------------------------------------------------------------------------- plugin wiring
def test_dock_opens_and_closes_with_the_plugin(qgis_iface, qgis_app, qgis_processing):
    import besecure
    from besecure.ui import DOCK_ACTIONS, DOCKS
    from besecure.ui.library_dock import LibraryDock
    from besecure.ui.user_practices import user_practices_path

    qgis_iface.mainWindow().show()
    plugin = besecure.classFactory(qgis_iface)
    plugin.initGui()
    try:
        names = [a.objectName() for a in plugin.actions]
        assert names[0] == "besecureShowToolbox"
        assert [f"besecureDock_{k}" for k in DOCKS] == names[1:]
        assert [a.text() for a in plugin.actions[1:]] == ["Library", "Compass", "Policy Navigator"]
        assert set(DOCK_ACTIONS) == set(DOCKS)
        assert plugin.docks == {}  # created lazily, on first use

        action = plugin.dock_actions["library"]
        action.trigger()  # what the menu entry / toolbar button does
        dock = plugin.docks["library"]
        assert isinstance(dock, LibraryDock)
        assert dock.objectName() == "BesecureLibraryDock"
        assert dock.isUserVisible() and action.isChecked()
        assert dock.store.path == user_practices_path()
        assert user_practices_path() == Path(QgsApplication.qgisSettingsDirPath()) / "besecure" / "user_practices.json"
        assert len(dock.listed_ids()) >= 40

        action.trigger()
        assert not dock.isUserVisible() and not action.isChecked()
        assert plugin.toggle_dock("library") is dock  # the same dock again, not a second one
        dock.close()  # the dock's own close button unchecks the action
        assert not action.isChecked()
    finally:
        plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert sip.isdeleted(dock)
    assert plugin.docks == {} and plugin.dock_actions == {} and not plugin.actions


def test_a_dock_that_cannot_load_is_reported_not_raised(qgis_iface, qgis_app, qgis_processing, monkeypatch):
    import besecure
    from besecure import ui

    monkeypatch.setitem(ui.DOCKS, "library", ("ui.no_such_dock", "NoSuchDock"))
    plugin = besecure.classFactory(qgis_iface)
    plugin.initGui()
    try:
        assert plugin.toggle_dock("library", True) is None
        assert not plugin.dock_actions["library"].isChecked() and plugin.docks == {}
        errors = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Critical)
        assert any("The Library dock could not be opened" in m and "no_such_dock" in m for m in errors)
    finally:
        plugin.unload()


# --------------------------------------------------------------------------- search and filters
def test_filter_choices_are_the_taxonomy(make_dock, library):
    dock = make_dock()
    tax = json.loads((KNOWLEDGE / "taxonomies.json").read_text(encoding="utf-8"))
    expected = {"problem": tax["priorities"]["items"], "core_values": tax["core_values"],
                "approach": tax["approaches"], "smart_city": tax["smart_city_elements"],
                "min_evidence": tax["evidence_levels"]}
    for key, items in expected.items():
        combo = dock.filter_combos[key]
        assert {combo.itemData(i) for i in range(1, combo.count())} == {i["id"] for i in items}
        assert combo.itemData(0) is None  # "all"
    countries = {p["country"] for p in raw_practices()}
    combo = dock.filter_combos["country"]
    assert countries <= {combo.itemData(i) for i in range(combo.count())}


def test_search_and_filters_give_what_library_search_gives(make_dock, library):
    dock = make_dock()
    practices = library.merge_user_practices(library.load_practices(), [])
    rank3 = next(e["id"] for e in library.load_taxonomies()["evidence_levels"] if e["rank"] == 3)
    cases = [
        ("", {}),
        ("camera", {}),
        ("radicalisering", {}),
        ('"street lighting"', {}),
        ("buurt", {"country": "NL"}),
        ("", {"problem": "high_impact_crime"}),
        ("", {"core_values": "social_cohesion", "approach": "area"}),
        ("", {"smart_city": "sensors", "country": "NL"}),
        ("", {"min_evidence": rank3}),
        ("", {"origin": "builtin", "approach": "person"}),
    ]
    sizes = set()
    for text, filters in cases:
        for key in dock.filter_combos:
            dock.set_filter(key, filters.get(key))
        dock.search_edit.setText(text)
        expected = [p["id"] for p in library.search(practices, text, filters)]
        assert dock.listed_ids() == expected, (text, filters)
        assert dock.current_filters() == filters
        assert dock.count_label.text() == f"{len(expected)} of {len(practices)} practices"
        sizes.add(len(expected))
    assert len(practices) in sizes and any(0 < s < len(practices) for s in sizes)
    # Independent check of one filter: every listed practice has the problem, none left out.
    dock.search_edit.setText("")
    for key in dock.filter_combos:
        dock.set_filter(key, None)
    dock.set_filter("problem", "high_impact_crime")
    assert set(dock.listed_ids()) == {p["id"] for p in raw_practices() if "high_impact_crime" in p["problem"]}


def test_detail_view_and_links_open_only_on_click(make_dock, monkeypatch):
    from besecure.ui import library_dock

    opened = []
    monkeypatch.setattr(library_dock, "_open_in_browser", opened.append)
    dock = make_dock()
    dock.search_edit.setText("burgernet")
    dock.select_practice("burgernet")
    text = dock.detail.toPlainText()
    raw = next(p for p in raw_practices() if p["id"] == "burgernet")
    assert raw["title"]["en"] in text and raw["description"]["en"] in text
    assert raw["evidence"]["summary"]["en"] in text
    assert "NL" in text and "since 2004" in text
    assert "Descriptive" in text and "strength 2 of 5" in text
    html = dock.detail_html(dock.practice("burgernet"))
    assert '<a href="https://www.burgernet.nl">Burgernet</a>' in html
    assert not dock.detail.openLinks() and not dock.detail.openExternalLinks()
    assert opened == []  # nothing is opened by showing the page
    dock.detail.anchorClicked.emit(QUrl("https://www.burgernet.nl"))
    dock.detail.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert [u.toString() for u in opened] == ["https://www.burgernet.nl"]
    assert not dock.edit_button.isEnabled() and not dock.delete_button.isEnabled()  # built-in: read only


# --------------------------------------------------------------------------- user practices
def test_add_edit_delete_persist_in_the_profile_file(make_dock, store, library):
    from besecure.ui.library_dock import PracticeDialog

    dock = make_dock()
    dialog = PracticeDialog("en", dock.taxonomies)
    dialog.set_practice(my_practice())
    new_id = dock.add_practice(dialog.practice())
    assert new_id == "user-night-time-lighting-walk"
    saved = json.loads(store.path.read_text(encoding="utf-8"))
    assert saved["format"] == "besecure-practices"
    assert [p["id"] for p in saved["practices"]] == [new_id]
    assert saved["practices"][0]["origin"] == "user" and saved["practices"][0]["city"] == "Zwolle"
    assert dock.selected_id() == new_id and dock.edit_button.isEnabled() and dock.delete_button.isEnabled()

    again = make_dock()  # a new dock (as after restarting QGIS) reads the same file
    assert new_id in again.listed_ids()
    again.set_filter("origin", "user")
    assert again.listed_ids() == [new_id]
    edited = copy.deepcopy(again.practice(new_id))
    edited["title"]["en"] = "Lighting walk with residents"
    edited["years"] = {"start": 2021, "end": 2023}
    again.update_practice(new_id, edited)

    third = make_dock()
    practice = third.practice(new_id)
    assert practice["title"]["en"] == "Lighting walk with residents"  # the id stays
    assert practice["years"] == {"start": 2021, "end": 2023}
    third.select_practice(new_id)
    assert "2021–2023" in third.detail.toPlainText()
    with pytest.raises(ValueError, match="only those can be edited"):
        third.update_practice("burgernet", edited)
    third.delete_practice(new_id)

    fourth = make_dock()
    assert new_id not in fourth.listed_ids()
    assert json.loads(store.path.read_text(encoding="utf-8"))["practices"] == []
    assert len(fourth.practices) == len(raw_practices())  # built-ins untouched


def test_form_round_trip_and_validation(make_dock, library):
    from besecure.ui.library_dock import PracticeDialog

    dock = make_dock()
    user = library.merge_user_practices([], [my_practice() | {"id": "user-x"}])[0]
    dialog = PracticeDialog("en", dock.taxonomies, user)
    assert dialog.practice() == user  # every field survives the form
    assert dialog.errors() == []

    empty = PracticeDialog("nl", dock.taxonomies)
    empty.accept()
    assert empty.result() != PracticeDialog.Accepted  # stays open
    expected = library.validate_practice(empty.practice())
    assert expected and all(e in empty.error_label.text() for e in expected)
    assert any(e.startswith("title.") for e in expected) and any(e.startswith("sources") for e in expected)
    # Only the first language filled: the other language gets the same text.
    empty.texts["title"]["nl"].setText("Buurtschouw")
    assert empty.practice()["title"] == {"nl": "Buurtschouw", "en": "Buurtschouw"}


def test_damaged_profile_file_is_set_aside(make_dock, store, qgis_iface):
    store.path.parent.mkdir(parents=True)
    store.path.write_text("{not json", encoding="utf-8")
    dock = make_dock(iface=qgis_iface)
    assert dock.user == [] and len(dock.listed_ids()) == len(raw_practices())
    kept = list(store.path.parent.glob("user_practices.damaged-*.json"))
    assert len(kept) == 1 and kept[0].read_text(encoding="utf-8") == "{not json"
    assert not store.path.exists()
    warnings = qgis_iface.messageBar().get_messages(Qgis.MessageLevel.Warning)
    assert any(kept[0].name in m and "could not be read" in m for m in warnings)


# --------------------------------------------------------------------------- import / export
def test_import_export_round_trip(make_dock, tmp_path, library):
    from besecure.ui.user_practices import UserPracticeStore

    dock = make_dock()
    dock.add_practice(my_practice("Lighting walk"))
    dock.add_practice(my_practice("Shop watch", country="BE", city="Gent"))
    exported = tmp_path / "share" / "our_practices.json"
    exported.parent.mkdir()
    assert dock.export_practices(exported, "user") == 2

    other = make_dock(store_=UserPracticeStore(tmp_path / "other_city" / "user_practices.json"))
    assert other.import_practices(exported) == 2
    assert other.user == dock.user  # equal practices, ids and all
    assert library.import_json(exported) == dock.user
    assert other.import_practices(exported) == 2 and other.user == dock.user  # re-import replaces, no copies

    # The listed practices (a filtered view, built-in and own) export and read back equal.
    dock.set_filter("country", "BE")
    listed = tmp_path / "listed.json"
    count = dock.export_practices(listed, "listed")
    assert count == len(dock.listed_ids()) > 1
    assert [p["id"] for p in library.import_json(listed)] == dock.listed_ids()
    # Importing built-in practices adds nothing (they are already in the library).
    assert other.import_practices(listed) == 1 and len(other.user) == 2

    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([{"id": "x", "title": "no"}]), encoding="utf-8")
    before = other.store.path.read_bytes()
    with pytest.raises(ValueError, match=r"bad.json has invalid practices"):
        other.import_practices(bad)
    assert other.store.path.read_bytes() == before and len(other.user) == 2


# --------------------------------------------------------------------------- language
def test_dutch_practice_texts_with_locale_nl(make_dock):
    settings = QgsSettings()
    old = (settings.value("locale/overrideFlag"), settings.value("locale/userLocale"))
    settings.setValue("locale/overrideFlag", True)
    settings.setValue("locale/userLocale", "nl_NL")
    try:
        dock = make_dock(lang=None)  # follows the QGIS locale
    finally:
        for key, value in zip(("locale/overrideFlag", "locale/userLocale"), old):
            if value is None:
                settings.remove(key)
            else:
                settings.setValue(key, value)
    assert dock.lang == "nl"
    raw = next(p for p in raw_practices() if p["id"] == "burgernet")
    dock.select_practice("burgernet")
    text = dock.detail.toPlainText()
    assert raw["title"]["nl"] in text and raw["description"]["nl"] in text
    assert raw["title"]["en"] not in text
    item = dock.result_list.item(dock.listed_ids().index("burgernet"))
    assert item.text().startswith(raw["title"]["nl"])
    tax = json.loads((KNOWLEDGE / "taxonomies.json").read_text(encoding="utf-8"))
    combo = dock.filter_combos["core_values"]
    assert [combo.itemText(i) for i in range(1, combo.count())] == [c["label"]["nl"] for c in tax["core_values"]]
    assert make_dock(lang="en").lang == "en"


def _dutch_catalogue() -> dict:
    """Dutch translations: the project's .ts plus this area's pending ones."""
    out = {}
    for msg in ET.parse(ROOT / "i18n" / "besecure_nl.ts").getroot().iter("message"):
        text = msg.findtext("translation")
        if text:
            out[msg.findtext("source")] = text
    pending = ROOT / "i18n" / "pending" / "library.json"
    if pending.is_file():
        out.update(json.loads(pending.read_text(encoding="utf-8")))
    return out


def test_dutch_labels_with_a_dutch_translator(make_dock, tmp_path):
    catalogue = _dutch_catalogue()
    translator = compiled_translator(catalogue, tmp_path)
    QCoreApplication.installTranslator(translator)
    try:
        dock = make_dock(lang="nl")
        shown = {
            "Library": dock.windowTitle(),
            "All problems": dock.filter_combos["problem"].itemText(0),
            "Evidence at least": dock.filter_combos["min_evidence"].toolTip(),
            "Delete the selected practice": dock.delete_button.toolTip(),
            "Add a practice of your own": dock.add_button.toolTip(),
        }
        for source, text in shown.items():
            assert text == catalogue[source] != source
        n = len(raw_practices())
        assert dock.count_label.text() == catalogue["{} of {} practices"].format(n, n)
    finally:
        QCoreApplication.removeTranslator(translator)


def test_screenshot(make_dock, tmp_path):
    dock = make_dock()
    path = dock.screenshot(tmp_path / "shots" / "library.png")
    image = QImage(str(path))
    assert not image.isNull() and (image.width(), image.height()) == (420, 720)
