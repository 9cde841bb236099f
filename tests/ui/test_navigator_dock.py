"""The Policy Navigator dock: plugin wiring, the Guide in English and Dutch, the dossier saved in
the project (.qgz round trip), the analyse step on the demo town against counts made independently
with plain QGIS geometry tests, practice matching against the Library's search, the monitor step
against hand-counted incidents and the WDQ / WDD formulas, and the HTML and PDF report."""
from __future__ import annotations

import base64
import datetime as dt
import html
import re
import time
from pathlib import Path

import pytest
from qgis.core import QgsFeatureRequest, QgsGeometry, QgsProject, QgsSettings, QgsVectorLayer
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt
from qgis.PyQt.QtGui import QImage

from besecure.knowledge import dossier as ds
from besecure.knowledge.library import load_checklist, load_guide, load_practices, search

CATEGORY = "residential burglary"
PERIOD = ("2024-01-01", "2024-12-31")


@pytest.fixture()
def project():
    """The QGIS project, emptied before and after the test."""
    instance = QgsProject.instance()
    instance.clear()
    yield instance
    instance.clear()


@pytest.fixture()
def town(project, demo_gpkg):
    """The demo town's incidents and neighbourhoods loaded in the project."""
    incidents = QgsVectorLayer(f"{demo_gpkg}|layername=incidents", "incidents", "ogr")
    hoods = QgsVectorLayer(f"{demo_gpkg}|layername=neighbourhoods", "neighbourhoods", "ogr")
    assert incidents.isValid() and hoods.isValid()
    project.addMapLayers([incidents, hoods])
    return incidents, hoods


def make_dock(iface, **kwargs):
    from besecure.ui.navigator_dock import NavigatorDock

    return NavigatorDock(iface, None, **kwargs)


def dispose(dock) -> None:
    dock.cleanup()
    dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture()
def dock(qgis_iface, besecure_provider, project):
    widget = make_dock(qgis_iface)
    yield widget
    dispose(widget)


def wait_for(dock, start, timeout: float = 120.0) -> bool:
    """Call ``start`` and run the event loop until the dock's algorithms are done; the success flag."""
    outcome: list[bool] = []
    dock.jobFinished.connect(lambda _group, ok: outcome.append(ok))
    assert start(), dock.status.text()
    end = time.monotonic() + timeout
    while not outcome and time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    assert outcome, "the algorithms did not finish in time"
    return outcome[0]


def feature_by_name(layer, name):
    return next(f for f in layer.getFeatures() if f["name"] == name)


def area_dossier(incidents, hoods, area="Oosterwijk") -> ds.Dossier:
    d = ds.new_dossier()
    feature = feature_by_name(hoods, area)
    d.scope = ds.Scope(title="Inbraak " + area, area=ds.AreaRef(hoods.id(), hoods.name(), feature.id(), area),
                       problem=["high_impact_crime"], core_values=["physical_integrity"],
                       objectives=["Fewer burglaries", "Residents feel safe"],
                       stakeholders=[ds.Stakeholder("Police", "partner", "fewer calls"),
                                     ds.Stakeholder("Municipality", "owner")])
    d.analyse.inputs = ds.AnalysisInputs(
        incidents=ds.LayerRef(incidents.id(), incidents.name(), incidents.source()), time_field="occurred",
        category_field="category", categories=[CATEGORY], period=ds.Period(*PERIOD), cell_size=250.0)
    return d


def selected_incidents(incidents, polygon: QgsGeometry | None, period=PERIOD) -> list:
    """(x, y, datetime) of the burglaries inside ``polygon`` in ``period`` (dates inclusive), found with
    plain attribute comparisons and QgsGeometry.contains: independent of the plugin's readers."""
    start, end = (dt.date.fromisoformat(p) for p in period)
    out = []
    for f in incidents.getFeatures():
        if f["category"] != CATEGORY:
            continue
        when = f["occurred"].toPyDateTime()
        if not start <= when.date() <= end:
            continue
        if polygon is None or polygon.contains(f.geometry()):
            point = f.geometry().asPoint()
            out.append((point.x(), point.y(), when))
    return out


# --------------------------------------------------------------------------- plugin wiring
def test_dock_opens_and_closes_with_the_plugin(qgis_iface, qgis_app, qgis_processing, project):
    import besecure
    from besecure.ui.navigator_dock import NavigatorDock

    qgis_iface.mainWindow().show()
    plugin = besecure.classFactory(qgis_iface)
    plugin.initGui()
    try:
        dock = plugin.toggle_dock("navigator", True)
        assert isinstance(dock, NavigatorDock)
        assert dock.objectName() == "BesecureNavigatorDock"
        action = plugin.dock_actions["navigator"]
        assert dock.isUserVisible() and action.isChecked()
        action.trigger()
        assert not dock.isUserVisible() and not action.isChecked()
        assert plugin.toggle_dock("navigator", True) is dock  # made once, shown again
    finally:
        plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert sip.isdeleted(dock)
    project.clear()  # the project's signals no longer reach the deleted dock


def test_cleanup_disconnects_the_project(qgis_iface, besecure_provider, project):
    dock = make_dock(qgis_iface)
    dock.title_edit.setText("Kept")
    project.clear()  # connected: a cleared project empties the dossier
    assert dock.dossier.scope.title == ""
    dock.title_edit.setText("Kept")
    dock.cleanup()
    project.clear()  # disconnected: nothing happens to the dock
    assert dock.dossier.scope.title == "Kept"
    dock.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_guide_texts_in_english_and_dutch(qgis_iface, besecure_provider, project):
    from besecure.i18n import install_translator

    guide = {s["id"]: s for s in load_guide()["steps"]}
    settings = QgsSettings()
    old = (settings.value("locale/overrideFlag", False, type=bool), settings.value("locale/userLocale", "", type=str))
    docks = {}
    try:
        for lang in ("en", "nl"):
            settings.setValue("locale/overrideFlag", True)
            settings.setValue("locale/userLocale", lang)
            install_translator(lang)
            docks[lang] = make_dock(qgis_iface)
            assert docks[lang].lang == lang
            for i, step in enumerate(ds.STEPS):
                shown = docks[lang].guide_text(step)
                assert guide[step]["text"][lang] in shown
                for question in guide[step]["questions"]:
                    assert question[lang] in shown
                assert docks[lang].step_buttons.button(i).text().endswith(guide[step]["title"][lang])
        dutch = docks["nl"]
        assert "Bepaal het probleem voordat je een oplossing kiest." in dutch.guide_text("scope")
        assert dutch.step_buttons.button(4).text().endswith("Monitoren")
        # the taxonomy and checklist come in Dutch as well
        labels = [dutch.problem_list.item(i).text() for i in range(dutch.problem_list.count())]
        assert "Polarisatie en radicalisering" in labels
        assert "Bepaal" not in docks["en"].guide_text("scope")
    finally:
        settings.setValue("locale/overrideFlag", old[0])
        settings.setValue("locale/userLocale", old[1])
        install_translator("en")
        for d in docks.values():
            dispose(d)


# --------------------------------------------------------------------------- saved in the project
def test_dossier_round_trips_through_a_saved_project(qgis_app, tmp_path):
    from besecure.ui.navigator_dock import read_dossier, write_dossier

    d = ds.new_dossier()
    d.scope.title = "Ondermijning — haven"
    d.scope.problem = ["undermining"]
    d.plan.items[3].status = "done"
    d.plan.items.append(ds.ChecklistItem("custom.item-1", text="Budget?"))
    d.monitor.effect = ds.EffectResult(counts={"T_b": 10, "T_a": 4}, wdq=float("nan"), wdd=-3.0)
    first = QgsProject()
    write_dossier(first, d)
    path = tmp_path / "dossier.qgz"
    assert first.write(str(path))
    second = QgsProject()
    assert second.read(str(path))
    back = read_dossier(second)
    d.monitor.effect.wdq = None  # an undefined WDQ is stored as null
    assert back == d
    assert read_dossier(QgsProject()) is None
    second.writeEntry("besecure", "dossier", '{"format": "besecure-dossier", "version": 1, "plan": 3}')
    with pytest.raises(ValueError, match="plan: expected an object"):
        read_dossier(second)


def test_dock_restores_the_dossier_when_the_project_is_reopened(dock, town, project, tmp_path):
    from besecure.ui.navigator_dock import read_dossier

    incidents, hoods = town
    d = area_dossier(incidents, hoods)
    d.options.chosen = [ds.ChosenPractice("police-label-secure-housing", "Older homes lack good locks.")]
    d.plan.items[0].owner = "OOV"
    d.plan.items[0].due = "2025-06-30"
    d.monitor.indicators = [ds.Indicator("Recorded burglaries", "police", 120.0, 90.0)]
    d.monitor.baseline = ds.Period("2023-01-01", "2023-12-31")
    d.monitor.after = ds.Period("2024-01-01", "2024-12-31")
    dock.set_dossier(d)
    assert dock.status.text() == ""
    assert dock.area_combo.currentText() == "Oosterwijk"
    # an edit in the dock goes into the project at once
    dock.title_edit.setText("Woninginbraak Oosterwijk")
    assert read_dossier(project).scope.title == "Woninginbraak Oosterwijk"
    expected = ds.from_json(ds.to_json(dock.dossier))

    path = tmp_path / "town.qgz"
    assert project.write(str(path))
    project.clear()
    assert dock.dossier.scope.title == "" and dock.title_edit.text() == ""
    assert project.read(str(path))
    assert dock.dossier == expected
    assert dock.title_edit.text() == "Woninginbraak Oosterwijk"
    assert dock.area_combo.currentText() == "Oosterwijk"
    assert dock.objectives_edit.toPlainText() == "Fewer burglaries\nResidents feel safe"
    assert dock.stakeholders_table.item(1, 0).text() == "Municipality"
    assert dock.incidents_combo.currentLayer().name() == "incidents"
    assert dock.time_field_combo.currentField() == "occurred"
    checked = [dock.categories_list.item(i).text() for i in range(dock.categories_list.count())
               if dock.categories_list.item(i).checkState() == Qt.CheckState.Checked]
    assert checked == [CATEGORY]
    assert dock.baseline_start.text() == "2023-01-01" and dock.after_end.text() == "2024-12-31"
    assert dock.indicators_table.item(0, 2).text() == "120"


def test_an_invalid_edit_is_not_stored(dock, town, project):
    from besecure.ui.navigator_dock import read_dossier

    incidents, hoods = town
    dock.set_dossier(area_dossier(incidents, hoods))
    dock.baseline_start.setText("2024-01-01")
    dock.baseline_end.setText("2024-12-31")
    dock.after_start.setText("2024-06-01")  # overlaps the baseline
    assert "monitor.after" in dock.status.text()
    assert read_dossier(project).monitor.after.start == ""  # the last valid dossier stays in the project
    dock.after_start.setText("2025-01-01")
    dock.after_end.setText("2025-12-31")
    assert dock.status.text() == ""
    assert read_dossier(project).monitor.after == ds.Period("2025-01-01", "2025-12-31")


# --------------------------------------------------------------------------- step 2: analyse
def test_analyse_step_on_the_demo_town_matches_independent_counts(dock, town, project):
    incidents, hoods = town
    dock.set_dossier(area_dossier(incidents, hoods))
    area = feature_by_name(hoods, "Oosterwijk").geometry()
    expected = selected_incidents(incidents, area)
    assert len(expected) > 50  # the planted burglary cluster

    assert wait_for(dock, dock.run_analysis), dock.status.text()
    runs = {run.algorithm: run for run in dock.dossier.analyse.runs}
    assert {"besecure:aggregateincidents", "besecure:hottimes"} <= set(runs)
    for run in runs.values():
        assert run.layer_ids and all(project.mapLayer(i) is not None for i in run.layer_ids)
        assert Path(run.outputs["OUTPUT"]).is_file()
        if run.algorithm == "besecure:hotspots":  # runs on the counts per cell
            assert run.parameters["INPUT"]["output"] == runs["besecure:aggregateincidents"].outputs["OUTPUT"]
        else:
            assert run.parameters["INPUT"] == incidents.id() and run.parameters["categories"] == [CATEGORY]

    cells = project.mapLayer(runs["besecure:aggregateincidents"].layer_ids[0])
    total = 0
    for cell in cells.getFeatures():
        box = cell.geometry().boundingBox()
        # a point on a cell's left/bottom edge belongs to that cell (the plugin's documented rule)
        inside = sum(1 for x, y, _ in expected
                     if box.xMinimum() <= x < box.xMaximum() and box.yMinimum() <= y < box.yMaximum())
        assert cell["count"] == inside, cell.attributes()
        total += cell["count"]
    assert total == len(expected)
    assert f"{len(expected)} incidents in {cells.featureCount()} cells" in runs["besecure:aggregateincidents"].summary

    table = project.mapLayer(runs["besecure:hottimes"].layer_ids[0])
    per_hour = {}
    for _, _, when in expected:
        per_hour[(when.weekday(), when.hour)] = per_hour.get((when.weekday(), when.hour), 0) + 1
    rows = list(table.getFeatures())
    assert len(rows) == 168
    for row in rows:
        assert row["weight"] == pytest.approx(per_hour.get((row["weekday"], row["hour"]), 0)), row.attributes()

    if "besecure:hotspots" in runs:  # Gi* on the counts per cell: one row per cell, the same counts
        spots = project.mapLayer(runs["besecure:hotspots"].layer_ids[0])
        assert spots.featureCount() == cells.featureCount()
        assert sum(f["count"] for f in spots.getFeatures()) == len(expected)

    # linked in the dossier that the project holds, and shown in the dock
    from besecure.ui.navigator_dock import read_dossier

    assert read_dossier(project).analyse.runs == dock.dossier.analyse.runs
    assert dock.runs_list.count() == len(runs)
    group = project.layerTreeRoot().findGroup("Policy Navigator: Oosterwijk")
    assert group is not None and {layer.layerId() for layer in group.findLayers()} == \
        {i for run in runs.values() for i in run.layer_ids}


@pytest.mark.parametrize(("change", "message"), [
    (lambda d: setattr(d.scope, "area", ds.AreaRef()), "Choose the area in step 1"),
    (lambda d: setattr(d.analyse.inputs, "time_field", ""), "a period needs the time field"),
    (lambda d: setattr(d.analyse.inputs, "categories", ["no such category"]), "No incidents of the chosen"),
])
def test_analyse_refuses_incomplete_inputs_and_says_why(dock, town, project, change, message):
    incidents, hoods = town
    d = area_dossier(incidents, hoods)
    change(d)
    dock.set_dossier(d)
    assert not dock.run_analysis()
    assert message in dock.status.text()
    assert dock.dossier.analyse.runs == [] and not dock.busy
    assert project.layerTreeRoot().findGroups() == []  # nothing was added


def test_a_missing_layer_is_kept_in_the_dossier_while_editing(dock, town, project):
    from besecure.ui.navigator_dock import read_dossier

    incidents, hoods = town
    d = area_dossier(incidents, hoods)
    d.analyse.inputs.incidents = ds.LayerRef("incidents_moved_away", "incidents 2019", "/old/path.gpkg")
    dock.set_dossier(d)
    assert dock.incidents_combo.currentLayer() is None
    dock.title_edit.setText("Edited")
    stored = read_dossier(project)
    assert stored.scope.title == "Edited"
    assert stored.analyse.inputs.incidents.layer_id == "incidents_moved_away"
    assert stored.analyse.inputs.time_field == "occurred" and stored.analyse.inputs.categories == [CATEGORY]
    assert not dock.run_analysis() and "Choose the incident layer in step 2" in dock.status.text()


# --------------------------------------------------------------------------- step 3: options
def test_practices_shown_are_the_library_search(dock, town):
    from besecure.ui.user_practices import all_practices

    incidents, hoods = town
    practices = all_practices()  # what the Library dock shows: built-in and the user's own practices
    practices_by_id = {p["id"]: p for p in practices}
    dock.set_dossier(area_dossier(incidents, hoods))
    dock.show_step(2)

    def shown():
        return [dock.practice_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(dock.practice_list.count())]

    assert shown() == [p["id"] for p in search(practices, "", {"problem": ["high_impact_crime"]})]
    dock.approach_combo.setCurrentIndex(dock.approach_combo.findData("area"))
    dock.evidence_combo.setCurrentIndex(dock.evidence_combo.findData("quasi_experimental"))
    filters = {"problem": ["high_impact_crime"], "approach": ["area"], "min_evidence": "quasi_experimental"}
    expected = [p["id"] for p in search(practices, "", filters)]
    assert expected and shown() == expected
    assert dock.dossier.options.filters == {"approach": ["area"], "min_evidence": "quasi_experimental"}
    dock.practice_search.setText("lighting")
    assert shown() == [p["id"] for p in search(practices, "lighting", filters)]

    # choosing a practice with a rationale: kept first in the list even when the filters change
    item = dock.practice_list.item(0)
    pid = item.data(Qt.ItemDataRole.UserRole)
    item.setCheckState(Qt.CheckState.Checked)
    dock.rationale_edit.setPlainText("Dark alleys behind the houses.")
    assert dock.dossier.options.chosen == [ds.ChosenPractice(pid, "Dark alleys behind the houses.")]
    dock.practice_search.setText("no practice is called like this")
    assert shown() == [pid]
    # the detail view shows the practice with its sources; the rationale comes back with it
    dock.practice_list.setCurrentRow(0)
    detail = dock.practice_detail.toPlainText()
    assert practices_by_id[pid]["title"]["en"] in detail
    assert all(source["title"] in detail for source in practices_by_id[pid]["sources"])
    assert dock.rationale_edit.toPlainText() == "Dark alleys behind the houses."


# --------------------------------------------------------------------------- step 5: monitor
def test_monitor_step_counts_and_effect_match_hand_computation(dock, town, project):
    incidents, hoods = town

    def area_layer(name):
        fid = feature_by_name(hoods, name).id()
        layer = hoods.materialize(QgsFeatureRequest().setFilterFid(fid))
        layer.setName(name)
        project.addMapLayer(layer)
        return layer

    target, buffer, control = area_layer("Oosterwijk"), area_layer("Centrum"), area_layer("Westhaven")
    d = area_dossier(incidents, hoods)
    # equal periods (184 days each, no 29 February) so the WDD needs no length scaling
    d.monitor.baseline = ds.Period("2023-03-01", "2023-08-31")
    d.monitor.after = ds.Period("2024-03-01", "2024-08-31")
    d.monitor.target, d.monitor.buffer, d.monitor.control = (ds.LayerRef(x.id(), x.name())
                                                             for x in (target, buffer, control))
    dock.set_dossier(d)
    assert dock.effect_button.isEnabled()
    assert wait_for(dock, dock.run_effect), dock.status.text()

    def count(layer, period):
        geometry = next(layer.getFeatures()).geometry()
        return len(selected_incidents(incidents, geometry, (period.start, period.end)))

    m = d.monitor
    t_b, t_a = count(target, m.baseline), count(target, m.after)
    d_b, d_a = count(buffer, m.baseline), count(buffer, m.after)
    c_b, c_a = count(control, m.baseline), count(control, m.after)
    effect = dock.dossier.monitor.effect
    assert effect.counts == {"T_b": t_b, "T_a": t_a, "D_b": d_b, "D_a": d_a, "Ct_b": c_b, "Ct_a": c_a,
                             "Cd_b": c_b, "Cd_a": c_a}
    # Wheeler & Ratcliffe (2018) with one control area; Bowers & Johnson (2003)
    wdd = (t_a - t_b) - (c_a - c_b) + (d_a - d_b) - (c_a - c_b)
    assert effect.wdd == pytest.approx(wdd)
    assert effect.wdd_se == pytest.approx((t_a + t_b + d_a + d_b + 4 * (c_a + c_b)) ** 0.5)
    assert effect.wdd_z == pytest.approx(wdd / effect.wdd_se)
    assert effect.wdq == pytest.approx((d_a / c_a - d_b / c_b) / (t_a / c_a - t_b / c_b))
    assert effect.interpretation and effect.parameters["TARGET"] == target.id()
    assert str(t_b) in dock.effect_label.text()
    assert "effect" not in ds.completeness(dock.dossier)["monitor"]


# --------------------------------------------------------------------------- report
def test_report_holds_every_step_the_guide_practices_and_maps(qgis_iface, besecure_provider, town, project,
                                                              tmp_path):
    incidents, hoods = town
    dock = make_dock(qgis_iface, background=False)  # the synchronous path of the runner
    try:
        d = area_dossier(incidents, hoods)
        practices = {p["id"]: p for p in load_practices()}
        chosen = ["police-label-secure-housing", next(iter(practices))]
        d.options.chosen = [ds.ChosenPractice(pid, f"Reason for {pid}.") for pid in chosen]
        d.plan.items[0].owner = "Team OOV"
        d.monitor.effect = ds.EffectResult(counts={"T_b": 40, "T_a": 25, "D_b": 30, "D_a": 28, "Ct_b": 100,
                                                   "Ct_a": 98, "Cd_b": 100, "Cd_a": 98},
                                           wdq=0.11, wdd=-13.0, wdd_se=21.3, wdd_z=-0.61, p=0.54, ci_low=-54.7,
                                           ci_high=28.7, interpretation="WDQ = 0.11: diffusion of benefits.")
        dock.set_dossier(d)
        assert wait_for(dock, dock.run_analysis)
        html_path = dock.export_html(tmp_path / "dossier.html")
        pdf_path = dock.export_pdf(tmp_path / "dossier.pdf")
    finally:
        dispose(dock)

    text = html_path.read_text(encoding="utf-8")
    guide = load_guide()["steps"]
    for i, step in enumerate(guide):
        assert f"<h2>{i + 1}. {html.escape(step['title']['en'])}</h2>" in text
        assert html.escape(step["text"]["en"]) in text
    # the steps in order
    positions = [text.index(f"<h2>{i + 1}. ") for i in range(len(guide))]
    assert positions == sorted(positions)
    for pid in chosen:
        practice = practices[pid]
        assert html.escape(practice["title"]["en"]) in text
        assert html.escape(f"Reason for {pid}.") in text
        for source in practice["sources"]:
            assert html.escape(source["title"]) in text
            if source.get("url"):
                assert f'href="{html.escape(source["url"], quote=True)}"' in text
    for section in load_checklist()["sections"]:
        assert html.escape(section["title"]["en"]) in text
    assert "Team OOV" in text and "WDQ = 0.11: diffusion of benefits." in text
    assert "Fewer burglaries" in text and "Municipality" in text

    images = [QImage.fromData(base64.b64decode(b), "PNG")
              for b in re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', text)]
    assert len(images) >= 3  # counts per cell map, hot-times chart, effect chart (and hot spots when installed)
    maps = [im for im in images if (im.width(), im.height()) == (800, 560)]
    assert maps, [(im.width(), im.height()) for im in images]
    picture = maps[0]
    colours = {picture.pixel(x, y) for x in range(0, 800, 8) for y in range(0, 560, 8)}
    assert len(colours) > 3  # a rendered map, not a blank image
    outline = QImage(picture).convertToFormat(QImage.Format.Format_RGB32)
    assert any(outline.pixelColor(x, y).name() == "#d7191c" for x in range(800) for y in range(0, 560, 4)), \
        "the area outline is drawn"

    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert data.count(b"/Subtype /Image") >= len(images)
