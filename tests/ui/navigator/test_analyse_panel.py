"""Step 2, analyse, on the demo town: the counts per cell and the hot times against counts made
independently with plain QGIS geometry tests, the results linked in the dossier and the project,
and incomplete inputs refused with the reason and nothing added."""
from __future__ import annotations

from pathlib import Path

import pytest
from navigator_testlib import CATEGORY, area_dossier, feature_by_name, selected_incidents, wait_for

from besecure.knowledge import dossier as ds
from besecure.ui.navigator.storage import read_dossier


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
        inside = sum(1 for x, y, _, _ in expected
                     if box.xMinimum() <= x < box.xMaximum() and box.yMinimum() <= y < box.yMaximum())
        assert cell["count"] == inside, cell.attributes()
        total += cell["count"]
    assert total == len(expected)
    assert f"{len(expected)} incidents in {cells.featureCount()} cells" in runs["besecure:aggregateincidents"].summary

    table = project.mapLayer(runs["besecure:hottimes"].layer_ids[0])
    per_hour = {}
    for _, _, when, _ in expected:
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
    assert read_dossier(project).analyse.runs == dock.dossier.analyse.runs
    assert dock.analyse_panel.runs_list.count() == len(runs)
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
