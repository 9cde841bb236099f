"""The Policy Navigator's inputs without widgets: incidents filtered by category and period on the
demo town against a selection made with plain attribute comparisons, the category rule for text
and numeric fields, the area as a one-feature layer, and the reasons given for missing inputs."""
from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from navigator_testlib import area_dossier, feature_by_name, load_town, selected_incidents
from qgis.core import QgsProject

from besecure.knowledge import dossier as ds
from besecure.ui.navigator.inputs import area_layer, category_mask, dossier_incidents, incident_layers, number


@pytest.fixture()
def town(demo_gpkg):
    project = QgsProject()
    incidents, hoods = load_town(project, demo_gpkg)
    yield project, incidents, hoods
    project.clear()


def test_category_mask_on_text_and_numeric_fields():
    text = np.array(["burglary", None, "theft", "burglary "], dtype=object)
    assert category_mask(text, ["burglary"]).tolist() == [True, False, False, False]  # exact text, as listed
    assert category_mask(text, ["None"]).tolist() == [False] * 4  # a missing category is never chosen
    codes = np.array([1.0, 2.0, np.nan, 10.0])
    # the list shows a numeric category as the layer's text; "1" and "1.0" are the same number
    assert category_mask(codes, ["1", "10.0", "burglary"]).tolist() == [True, False, False, True]
    assert category_mask(np.array([1, 2, 3]), ["2"]).tolist() == [False, True, False]  # integers as text


def test_incidents_filtered_by_category_and_period(town):
    project, incidents, hoods = town
    inputs = area_dossier(incidents, hoods).analyse.inputs

    chosen = dossier_incidents(incidents, inputs)
    expected = selected_incidents(incidents, None)
    assert chosen is not incidents and chosen.name() == incidents.name()
    assert 0 < chosen.featureCount() == len(expected) < incidents.featureCount()
    assert sorted(f["fid"] for f in chosen.getFeatures()) == sorted(fid for *_, fid in expected)

    every_year = dossier_incidents(incidents, inputs, use_period=False)  # the monitor step's own periods
    assert every_year.featureCount() == len(selected_incidents(incidents, None, period=None))
    assert every_year.featureCount() > chosen.featureCount()

    inputs.categories = []
    only_period = dossier_incidents(incidents, inputs)
    assert only_period.featureCount() == len(selected_incidents(incidents, None, category=None))
    inputs.period = None
    assert dossier_incidents(incidents, inputs) is incidents  # nothing to filter: the layer itself

    assert incident_layers(project, area_dossier(incidents, hoods).analyse.inputs, use_period=True)[0] is incidents


def test_a_selection_without_incidents_says_what_to_widen(town):
    _project, incidents, hoods = town
    inputs = area_dossier(incidents, hoods).analyse.inputs
    inputs.period = ds.Period("1990-01-01", "1990-12-31")
    with pytest.raises(ValueError, match="No incidents of the chosen categories in the chosen period"):
        dossier_incidents(incidents, inputs)


def test_area_layer_is_the_chosen_feature(town):
    project, incidents, hoods = town
    area = area_dossier(incidents, hoods).scope.area
    single = area_layer(project, area)
    assert single.featureCount() == 1 and single.name() == "Oosterwijk"
    assert next(single.getFeatures()).geometry().equals(feature_by_name(hoods, "Oosterwijk").geometry())

    with pytest.raises(ValueError, match="the area layer is not in the project"):
        area_layer(project, ds.AreaRef("gone", "gone", 1, "x"))
    with pytest.raises(ValueError, match=r"^Choose the area in step 1\.$"):
        area_layer(project, ds.AreaRef(hoods.id(), hoods.name(), None, ""))
    with pytest.raises(ValueError, match="no longer in the layer 'neighbourhoods'"):
        area_layer(project, ds.AreaRef(hoods.id(), hoods.name(), 999_999, "x"))
    with pytest.raises(ValueError, match="Choose the incident layer in step 2"):
        incident_layers(project, ds.AnalysisInputs(), use_period=False)


@pytest.mark.parametrize(("value", "expected"), [("12.5", 12.5), (3, 3.0), ("", None), ("n/a", None),
                                                 (None, None), ("nan", None), ("inf", None)])
def test_number_reads_finite_numbers_only(value, expected):
    assert number(value) == expected



def test_the_widget_free_modules_import_no_panel():
    """inputs, storage, catalog and runner stand without the dock and its pages (a fresh interpreter)."""
    code = ("import sys\n"
            "import besecure.ui.navigator.inputs, besecure.ui.navigator.runner\n"
            "import besecure.ui.navigator.storage, besecure.ui.navigator.catalog\n"
            "print(sorted(m for m in sys.modules if m.startswith('besecure.ui.navigator.')))\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True, timeout=120)
    assert out.stdout.split("\n")[-2] == str(["besecure.ui.navigator.catalog", "besecure.ui.navigator.inputs",
                                             "besecure.ui.navigator.runner", "besecure.ui.navigator.storage"])
