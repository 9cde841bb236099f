"""The Policy Navigator's shell: plugin wiring, the Guide in English and Dutch on every page, the
dossier restored when the project is reopened, an invalid edit kept out of the project, and a
layer missing from the project kept in the dossier while editing."""
from __future__ import annotations

import pytest
from navigator_testlib import CATEGORY, area_dossier, dispose, make_dock
from qgis.core import QgsSettings
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QEvent, Qt

from besecure.knowledge import dossier as ds
from besecure.knowledge.library import load_guide
from besecure.ui.navigator.storage import read_dossier


def test_dock_opens_and_closes_with_the_plugin(qgis_iface, qgis_app, qgis_processing, project):
    import besecure
    from besecure.ui.navigator import NavigatorDock

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


def test_one_panel_per_step_in_the_steps_order(dock):
    from besecure.ui.navigator.base_panel import StepPanel

    assert list(dock.panels) == list(ds.STEPS)
    for i, (step, panel) in enumerate(dock.panels.items()):
        assert isinstance(panel, StepPanel) and step == panel.STEP
        dock.show_step(i)
        assert dock.pages.currentWidget().widget() is panel


def test_cleanup_disconnects_the_project(qgis_iface, besecure_provider, project):
    dock = make_dock(qgis_iface)
    scope = dock.scope_panel
    scope.title_edit.setText("Kept")
    project.clear()  # connected: a cleared project empties the dossier
    assert dock.dossier.scope.title == ""
    scope.title_edit.setText("Kept")
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
        problems = dutch.scope_panel.problem_list
        labels = [problems.item(i).text() for i in range(problems.count())]
        assert "Polarisatie en radicalisering" in labels
        assert "Bepaal" not in docks["en"].guide_text("scope")
    finally:
        settings.setValue("locale/overrideFlag", old[0])
        settings.setValue("locale/userLocale", old[1])
        install_translator("en")
        for d in docks.values():
            dispose(d)


def test_dock_restores_the_dossier_when_the_project_is_reopened(dock, town, project, tmp_path):
    incidents, hoods = town
    scope, analyse, monitor = dock.scope_panel, dock.analyse_panel, dock.monitor_panel
    d = area_dossier(incidents, hoods)
    d.options.chosen = [ds.ChosenPractice("police-label-secure-housing", "Older homes lack good locks.")]
    d.plan.items[0].owner = "OOV"
    d.plan.items[0].due = "2025-06-30"
    d.monitor.indicators = [ds.Indicator("Recorded burglaries", "police", 120.0, 90.0)]
    d.monitor.baseline = ds.Period("2023-01-01", "2023-12-31")
    d.monitor.after = ds.Period("2024-01-01", "2024-12-31")
    dock.set_dossier(d)
    assert dock.status.text() == ""
    assert scope.area_combo.currentText() == "Oosterwijk"
    # an edit in the dock goes into the project at once
    scope.title_edit.setText("Woninginbraak Oosterwijk")
    assert read_dossier(project).scope.title == "Woninginbraak Oosterwijk"
    expected = ds.from_json(ds.to_json(dock.dossier))

    path = tmp_path / "town.qgz"
    assert project.write(str(path))
    project.clear()
    assert dock.dossier.scope.title == "" and scope.title_edit.text() == ""
    assert project.read(str(path))
    assert dock.dossier == expected
    assert scope.title_edit.text() == "Woninginbraak Oosterwijk"
    assert scope.area_combo.currentText() == "Oosterwijk"
    assert scope.objectives_edit.toPlainText() == "Fewer burglaries\nResidents feel safe"
    assert scope.stakeholders_table.item(1, 0).text() == "Municipality"
    assert analyse.incidents_combo.currentLayer().name() == "incidents"
    assert analyse.time_field_combo.currentField() == "occurred"
    categories = analyse.categories_list
    checked = [categories.item(i).text() for i in range(categories.count())
               if categories.item(i).checkState() == Qt.CheckState.Checked]
    assert checked == [CATEGORY]
    assert monitor.baseline_start.text() == "2023-01-01" and monitor.after_end.text() == "2024-12-31"
    assert monitor.indicators_table.item(0, 2).text() == "120"


def test_an_invalid_edit_is_not_stored(dock, town, project):
    incidents, hoods = town
    monitor = dock.monitor_panel
    dock.set_dossier(area_dossier(incidents, hoods))
    monitor.baseline_start.setText("2024-01-01")
    monitor.baseline_end.setText("2024-12-31")
    monitor.after_start.setText("2024-06-01")  # overlaps the baseline
    assert "monitor.after" in dock.status.text()
    assert read_dossier(project).monitor.after.start == ""  # the last valid dossier stays in the project
    monitor.after_start.setText("2025-01-01")
    monitor.after_end.setText("2025-12-31")
    assert dock.status.text() == ""
    assert read_dossier(project).monitor.after == ds.Period("2025-01-01", "2025-12-31")


def test_a_missing_layer_is_kept_in_the_dossier_while_editing(dock, town, project):
    incidents, hoods = town
    d = area_dossier(incidents, hoods)
    d.analyse.inputs.incidents = ds.LayerRef("incidents_moved_away", "incidents 2019", "/old/path.gpkg")
    dock.set_dossier(d)
    assert dock.analyse_panel.incidents_combo.currentLayer() is None
    dock.scope_panel.title_edit.setText("Edited")
    stored = read_dossier(project)
    assert stored.scope.title == "Edited"
    assert stored.analyse.inputs.incidents.layer_id == "incidents_moved_away"
    assert stored.analyse.inputs.time_field == "occurred" and stored.analyse.inputs.categories == [CATEGORY]
    assert not dock.run_analysis() and "Choose the incident layer in step 2" in dock.status.text()


#: The parts of the dossier a panel's collect() writes (options and plan are written as they are edited).
COLLECTED = {
    "scope": lambda d: d.scope,
    "analyse": lambda d: (d.analyse.inputs, d.analyse.findings),
    "monitor": lambda d: d.monitor,
}


@pytest.mark.parametrize("step", COLLECTED)
def test_populate_then_collect_gives_the_dossier_back(dock, town, step):
    """Each panel's collect() writes into an empty dossier what its populate() showed."""
    incidents, hoods = town
    d = area_dossier(incidents, hoods)
    d.analyse.findings = "A cluster in the east."
    d.monitor.indicators = [ds.Indicator("Recorded burglaries", "police", 120.0, 90.0, 80.5)]
    d.monitor.baseline = ds.Period("2023-01-01", "2023-12-31")
    d.monitor.after = ds.Period("2024-01-01", "2024-12-31")
    d.monitor.conclusion = "Fewer burglaries."
    dock.set_dossier(d)
    expected = COLLECTED[step](ds.from_json(ds.to_json(d)))
    empty = ds.new_dossier()
    assert COLLECTED[step](empty) != expected
    dock.panels[step].collect(empty)
    assert COLLECTED[step](empty) == expected
