"""The Policy Navigator's runner without the dock: the analyse step's jobs run on the demo town
link their results in the dossier and the project, with counts per cell checked against a
selection made with plain QGIS geometry tests, and no widget is made on the way."""
from __future__ import annotations

import pytest
from navigator_testlib import area_dossier, feature_by_name, load_town, selected_incidents
from qgis.core import QgsProject
from qgis.PyQt.QtWidgets import QApplication

from besecure.knowledge import dossier as ds
from besecure.ui.navigator.runner import AGGREGATE, HOT_TIMES, NavigatorRunner


@pytest.fixture()
def town(demo_gpkg, besecure_provider):
    project = QgsProject()
    incidents, hoods = load_town(project, demo_gpkg)
    yield project, incidents, hoods
    project.clear()


def test_analysis_runs_and_links_its_results_without_widgets(town):
    project, incidents, hoods = town
    dossier = area_dossier(incidents, hoods)
    widgets = len(QApplication.allWidgets())
    runner = NavigatorRunner(project, lambda: dossier, background=False)
    finished, linked, messages = [], [], []
    runner.finished.connect(lambda group, ok: finished.append((group, ok)))
    runner.linked.connect(lambda: linked.append(len(dossier.analyse.runs)))
    runner.message.connect(lambda text, error: messages.append((text, error)))

    jobs = runner.analysis_jobs(dossier)
    assert [job.algorithm for job in jobs] == [AGGREGATE, HOT_TIMES]
    assert jobs[0].recorded["INPUT"] == incidents.id() and jobs[0].recorded["CELL_SIZE"] == 250.0
    runner.start("analyse", jobs)

    assert finished == [("analyse", True)], messages
    assert not runner.busy and not any(error for _, error in messages)
    runs = {run.algorithm: run for run in dossier.analyse.runs}
    assert linked == list(range(1, len(runs) + 1))  # one signal per linked result
    assert {AGGREGATE, HOT_TIMES} <= set(runs)
    cells = project.mapLayer(runs[AGGREGATE].layer_ids[0])
    expected = selected_incidents(incidents, feature_by_name(hoods, "Oosterwijk").geometry())
    assert sum(cell["count"] for cell in cells.getFeatures()) == len(expected) > 50
    group = project.layerTreeRoot().findGroup("Policy Navigator: Oosterwijk")
    assert {layer.layerId() for layer in group.findLayers()} == {i for run in runs.values() for i in run.layer_ids}
    assert len(QApplication.allWidgets()) == widgets  # the runner made no widget


def test_a_missing_algorithm_ends_the_run_and_frees_the_runner(town):
    project, incidents, hoods = town
    dossier = area_dossier(incidents, hoods)
    runner = NavigatorRunner(project, lambda: dossier, background=False)
    finished, messages = [], []
    runner.finished.connect(lambda group, ok: finished.append((group, ok)))
    runner.message.connect(lambda text, error: messages.append((text, error)))
    jobs = runner.analysis_jobs(dossier)
    jobs[0].algorithm = "besecure:nosuchalgorithm"
    runner.start("analyse", jobs)
    assert finished == [("analyse", False)]
    assert any(error and "nosuchalgorithm" in text for text, error in messages)
    assert not runner.busy  # the dock's run buttons come back
    assert not dossier.analyse.runs


def test_effect_job_says_which_input_is_missing(town):
    project, incidents, hoods = town
    dossier = area_dossier(incidents, hoods)
    runner = NavigatorRunner(project, lambda: dossier, background=False)
    with pytest.raises(ValueError, match="Give the before and after periods"):
        runner.effect_job(dossier)
    dossier.monitor.baseline = ds.Period("2023-01-01", "2023-12-31")
    dossier.monitor.after = ds.Period("2024-01-01", "2024-12-31")
    with pytest.raises(ValueError, match="Choose the target, buffer and control area layers in step 5"):
        runner.effect_job(dossier)
    dossier.analyse.inputs.time_field = ""
    with pytest.raises(ValueError, match="Choose the date/time field"):
        runner.effect_job(dossier)
    assert not runner.busy
