"""The Compass dock with the Chicago data: wiring, figures against QGIS + pandas, project round trip.

Independent references: incidents inside a community area are found by QGIS itself (a prepared
GEOS ``contains`` on the area's polygon, in the layers' own CRS), per-area counts for share and rank
by ``native:countpointsinpolygon``, and months, categories and hot times by pandas group-bys. The
police's own ``community_area`` attribute is a sanity check (it differs for ~2.5 % of incidents,
those on boundary streets; tests/realdata explains why).
"""
import json
import xml.etree.ElementTree as ET
import zipfile

import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    QgsFeatureRequest,
    QgsGeometry,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt import sip
from qgis.PyQt.QtCore import QCoreApplication, QDate, QEvent, QLocale
from scipy import stats

from besecure.compat import FIELD_TYPE_INT, make_field

AUSTIN, LOOP = "25", "32"
DEFAULT_PERIOD = ("2018-10-01", "2019-10-01")  # the last 12 months with data (data end 2019-09-29)


def chicago_layers(shared_data):
    incidents = QgsVectorLayer(str(shared_data / "chicago" / "incidents_2017_2019.gpkg"), "incidents", "ogr")
    areas = QgsVectorLayer(str(shared_data / "chicago" / "community_areas.gpkg"), "community areas", "ogr")
    assert incidents.isValid() and areas.isValid()
    return incidents, areas


def area_feature(areas, number):
    return next(f for f in areas.getFeatures() if f["AREA_NUMBE"] == number)


@pytest.fixture(scope="module")
def reference(shared_data, qgis_app):
    """Per test area: its incidents (time, category) by GEOS contains, and per-area counts by QGIS."""
    incidents, areas = chicago_layers(shared_data)
    assert incidents.crs() == areas.crs()  # both EPSG:3435: no transformation needed for the reference
    out = {}
    for number in (AUSTIN, LOOP):
        geom = area_feature(areas, number).geometry()
        engine = QgsGeometry.createGeometryEngine(geom.constGet())
        engine.prepareGeometry()
        rows = [(f["occurred"].toPyDateTime(), f["primary_type"], f["community_area"])
                for f in incidents.getFeatures(QgsFeatureRequest().setFilterRect(geom.boundingBox()))
                if engine.contains(f.geometry().constGet())]
        out[number] = pd.DataFrame(rows, columns=["when", "category", "police_area"])
    return out


def counts_per_area(shared_data, start, end):
    """Incidents per community area in [start, end), in layer order, by native:countpointsinpolygon."""
    import processing

    incidents, areas = chicago_layers(shared_data)
    incidents.setSubsetString(f"\"occurred\" >= '{start}' AND \"occurred\" < '{end}'")
    result = processing.run("native:countpointsinpolygon", {
        "POLYGONS": areas, "POINTS": incidents, "FIELD": "n", "OUTPUT": "memory:"})["OUTPUT"]
    return pd.Series({f["AREA_NUMBE"]: int(f["n"]) for f in result.getFeatures()})


def expected_profile(frame, counts_now, number, start, end):
    s, e = pd.Timestamp(start), pd.Timestamp(end)
    now = frame[(frame["when"] >= s) & (frame["when"] < e)]
    before = frame[(frame["when"] >= s - (e - s)) & (frame["when"] < s)]
    ranks = counts_now.rank(method="first", ascending=False).astype(int)  # ties: first in layer order
    hot = np.zeros((7, 24))
    for (day, hour), n in now.groupby([now["when"].dt.dayofweek, now["when"].dt.hour]).size().items():
        hot[day, hour] = n
    return {
        "count": len(now), "previous": len(before),
        "z": 2 * (np.sqrt(len(now)) - np.sqrt(len(before))),
        # Exact conditional test, equal lengths: now given now + before is Binomial(n, 1/2) (scipy).
        "p": stats.binomtest(len(now), len(now) + len(before), 0.5).pvalue,
        "share": len(now) / counts_now.sum(), "rank": int(ranks[number]),
        "monthly": frame.groupby(frame["when"].dt.to_period("M")).size(),
        "categories": now["category"].value_counts().to_dict(), "hot": hot,
    }


def assert_profile(p, expected):
    assert p.count == expected["count"]
    assert p.previous_count == expected["previous"]
    assert p.poisson_z == pytest.approx(expected["z"])
    assert p.p_value == pytest.approx(expected["p"], rel=1e-9)
    assert p.q_value >= p.p_value
    assert p.trend == "no significant change" or p.q_value <= 0.05
    assert p.share == pytest.approx(expected["share"])
    assert p.rank == expected["rank"]
    months = pd.PeriodIndex([str(m) for m in p.months], freq="M")
    assert p.monthly.tolist() == expected["monthly"].reindex(months, fill_value=0).tolist()
    assert dict(zip(p.category_names, p.category_counts.tolist())) == expected["categories"]
    assert np.array_equal(p.hot_times, expected["hot"])


@pytest.fixture()
def plugin(qgis_iface, qgis_app, qgis_processing):
    import besecure

    qgis_iface.mainWindow().show()
    plugin = besecure.classFactory(qgis_iface)
    plugin.initGui()
    yield plugin
    plugin.unload()
    QgsProject.instance().clear()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture()
def loaded(plugin, shared_data):
    """The Chicago layers in the project and the Compass open on them."""
    incidents, areas = chicago_layers(shared_data)
    QgsProject.instance().addMapLayers([incidents, areas])
    dock = plugin.toggle_dock("compass", True)
    assert dock.reload()
    return dock, incidents, areas


# --------------------------------------------------------------------------- wiring
def test_dock_opens_and_closes_with_the_plugin(qgis_iface, qgis_app, qgis_processing):
    import besecure
    from besecure.ui.compass_dock import CompassDock

    qgis_iface.mainWindow().show()
    project = QgsProject.instance()
    before = project.receivers(project.readProject)
    plugin = besecure.classFactory(qgis_iface)
    plugin.initGui()
    try:
        action = plugin.dock_actions["compass"]
        action.trigger()
        dock = plugin.docks["compass"]
        assert isinstance(dock, CompassDock)
        assert dock.objectName() == "BesecureCompassDock"
        assert dock.isUserVisible() and action.isChecked()
        assert project.receivers(project.readProject) == before + 1  # restores its state on project load
        # No layers yet: the dock says what to do instead of failing.
        assert not dock.reload()
        assert "Choose an incident (point) layer" in dock.message.text()
        action.trigger()
        assert not dock.isUserVisible() and not action.isChecked()
    finally:
        plugin.unload()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert sip.isdeleted(dock)
    assert project.receivers(project.readProject) == before
    assert plugin.docks == {}


# --------------------------------------------------------------------------- figures
def test_selecting_an_area_on_the_map_shows_its_profile(loaded, reference, shared_data):
    dock, _incidents, areas = loaded
    assert (dock.time_field.currentField(), dock.category_field.currentField(),
            dock.name_field.currentField()) == ("occurred", "primary_type", "COMMUNITY")
    assert dock.working_crs.authid() == "EPSG:32616"  # Chicago's UTM zone: distances in metres
    assert dock.start_date.date() == QDate(2018, 10, 1) and dock.end_date.date() == QDate(2019, 9, 30)
    assert dock.profile is None  # nothing selected yet
    counts_now = counts_per_area(shared_data, *DEFAULT_PERIOD)

    austin = area_feature(areas, AUSTIN)
    areas.selectByIds([austin.id()])  # as the select tool on the map does
    p = dock.profile
    assert p is not None and dock.current_key() == "AUSTIN" and dock.area_list.currentText() == "AUSTIN"
    assert_profile(p, expected_profile(reference[AUSTIN], counts_now, AUSTIN, *DEFAULT_PERIOD))
    assert p.n_units == 77
    assert dock.figures["count"].text() == QLocale().toString(p.count)
    assert dock.figures["rank"].text() == f"{p.rank} of 77"
    tip = dock.figures["z"].toolTip()
    assert f"p = {QLocale().toString(p.p_value, 'g', 2)}" in tip and "q = " in tip
    assert np.isnan(p.rate_1000) and dock.figures["rate"].text() == "–"  # no population field chosen
    # Sanity check against the police's own attribute: almost all of Austin's incidents are theirs too.
    assert (reference[AUSTIN]["police_area"] == 25).mean() > 0.97

    loop = area_feature(areas, LOOP)
    areas.selectByIds([loop.id()])
    assert dock.current_key() == "LOOP"
    assert_profile(dock.profile, expected_profile(reference[LOOP], counts_now, LOOP, *DEFAULT_PERIOD))


def test_list_choice_selects_on_the_map_with_rates_and_another_period(plugin, shared_data, reference):
    incidents, file_areas = chicago_layers(shared_data)
    # A memory copy with a population field (2010 census figures; NULL elsewhere): the feature path of
    # the reader, and rates.
    areas = file_areas.materialize(QgsFeatureRequest())
    areas.dataProvider().addAttributes([make_field("pop2010", FIELD_TYPE_INT)])
    areas.updateFields()
    population = {AUSTIN: 98514, LOOP: 29283}
    index = areas.fields().indexOf("pop2010")
    areas.dataProvider().changeAttributeValues(
        {f.id(): {index: population[f["AREA_NUMBE"]]} for f in areas.getFeatures() if f["AREA_NUMBE"] in population})
    QgsProject.instance().addMapLayers([incidents, areas])
    dock = plugin.toggle_dock("compass", True)
    dock.area_layer.setLayer(areas)
    assert dock.population_field.currentField() == ""  # 'pop2010' is not a name it guesses
    dock.population_field.setField("pop2010")
    assert dock.reload()
    dock.start_date.setDate(QDate(2019, 1, 1))
    dock.end_date.setDate(QDate(2019, 6, 30))  # included: the period is 181 days, as is the one before

    row = dock.area_list.findText("LOOP")
    dock.area_list.activated.emit(row)  # the user picks the Loop in the list
    loop = area_feature(areas, LOOP)
    assert areas.selectedFeatureIds() == [loop.id()]
    p = dock.profile
    counts_now = counts_per_area(shared_data, "2019-01-01", "2019-07-01")
    assert_profile(p, expected_profile(reference[LOOP], counts_now, LOOP, "2019-01-01", "2019-07-01"))
    assert p.previous_start == np.datetime64("2018-07-04")
    assert p.rate_1000 == pytest.approx(p.count / 29283 * 1000)
    assert dock.figures["rate"].text() == QLocale().toString(p.count / 29283 * 1000, "f", 1)


def test_bad_choices_are_explained(loaded):
    dock, _incidents, areas = loaded
    areas.selectByIds([area_feature(areas, AUSTIN).id()])
    dock.start_date.setDate(QDate(2019, 6, 1))
    dock.end_date.setDate(QDate(2019, 1, 1))
    assert "must be after its start" in dock.message.text() and dock.profile is None
    dock.end_date.setDate(QDate(2019, 6, 30))  # fixed: the message goes, Austin comes back
    assert not dock.message.isVisibleTo(dock) and dock.current_key() == "AUSTIN" and dock.profile.count > 0
    dock.time_field.setField("")
    assert not dock.reload()
    assert dock.message.text() == "Choose the date/time field of the incidents."


def test_negative_residents_are_refused_as_by_the_algorithms(plugin, shared_data):
    incidents, file_areas = chicago_layers(shared_data)
    areas = file_areas.materialize(QgsFeatureRequest())
    areas.dataProvider().addAttributes([make_field("pop2010", FIELD_TYPE_INT)])
    areas.updateFields()
    loop = area_feature(areas, LOOP)
    areas.dataProvider().changeAttributeValues({loop.id(): {areas.fields().indexOf("pop2010"): -5}})
    QgsProject.instance().addMapLayers([incidents, areas])
    dock = plugin.toggle_dock("compass", True)
    dock.area_layer.setLayer(areas)
    dock.population_field.setField("pop2010")
    assert not dock.reload()
    assert dock.message.text() == ("The population field 'pop2010' has 1 negative value(s), e.g. -5 in feature "
                                   f"{loop.id()}; residents must be zero or more.")
    dock.population_field.setField("")
    assert dock.reload() and not dock.message.isVisibleTo(dock)


def test_without_pyqtgraph_the_dock_opens_with_a_message(monkeypatch, qgis_iface, qgis_app, shared_data):
    from besecure.ui import charts
    from besecure.ui.compass_dock import CompassDock

    monkeypatch.setattr(charts, "pg", None)
    incidents, areas = chicago_layers(shared_data)
    QgsProject.instance().addMapLayers([incidents, areas])
    dock = CompassDock(qgis_iface, None)
    try:
        for chart in (dock.trend_chart, dock.category_chart, dock.hot_chart, dock.radar_chart):
            assert chart.plot_widget is None
            assert "python3-pyqtgraph" in chart.message.text()
        assert dock.reload()
        areas.selectByIds([area_feature(areas, AUSTIN).id()])
        assert dock.profile.count > 0 and dock.figures["count"].text() != "–"
    finally:
        dock.cleanup()
        dock.deleteLater()
        QgsProject.instance().clear()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


# --------------------------------------------------------------------------- stored in the project
def project_entry(path, *keys):
    """An entry read straight from the .qgs inside a .qgz (not through QGIS)."""
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".qgs"))
        root = ET.fromstring(archive.read(name))
    node = root.find("properties")
    for key in keys:
        node = node.find(key)
    return node.text


def test_core_values_and_matrix_round_trip_through_a_qgz(loaded, tmp_path):
    from besecure.ui.compass_dock import core_values

    dock, _incidents, areas = loaded
    project = QgsProject.instance()
    areas.selectByIds([area_feature(areas, AUSTIN).id()])
    dock.core_spins["physical_integrity"].setValue(5)  # as the user does in the table
    dock.set_core_value("social_cohesion", 3, "Block clubs, low trust")
    for name in ("Street robbery", "Youth nuisance"):
        dock.add_issue(name)
    for name in ("Hot-spot patrols", "Lighting", "Youth work"):
        dock.add_option(name)
    dock.set_matrix_score(0, 0, 2)
    dock.set_matrix_score(1, 0, 1)
    dock.set_matrix_score(1, 2, 2)
    dock.set_matrix_score(1, 1, 7)  # typed out of range: kept at the maximum, +2
    assert dock.matrix_totals.text() == "Totals: <b>Hot-spot patrols +3</b> · Lighting +2 · Youth work +2"
    areas.selectByIds([area_feature(areas, LOOP).id()])
    assert dock.core_spins["physical_integrity"].value() == 0  # per area: the Loop has its own
    dock.set_core_value("infrastructure", 4, "Crowded stations")
    areas.selectByIds([area_feature(areas, AUSTIN).id()])
    austin = dock.assessment().to_dict()
    loop = dock.assessment("LOOP").to_dict()
    assert austin["matrix"] == {"issues": ["Street robbery", "Youth nuisance"],
                                "options": ["Hot-spot patrols", "Lighting", "Youth work"],
                                "scores": [[2, 0, 0], [1, 2, 2]]}
    assert austin["core_values"]["social_cohesion"] == {"score": 3, "note": "Block clubs, low trust"}
    assert austin["core_values"]["physical_integrity"]["score"] == 5
    assert loop["core_values"]["infrastructure"] == {"score": 4, "note": "Crowded stations"}

    path = tmp_path / "compass.qgz"
    assert project.write(str(path))
    stored = json.loads(project_entry(path, "besecure", "compass", "assessments"))
    assert stored["areas"]["AUSTIN"]["matrix"] == austin["matrix"]
    settings = json.loads(project_entry(path, "besecure", "compass", "settings"))
    assert (settings["time_field"], settings["area"], settings["start"]) == ("occurred", "AUSTIN", "2018-10-01")

    project.clear()
    assert dock.assessment("AUSTIN") is None and dock.core_spins["physical_integrity"].value() == 0

    assert project.read(str(path))
    dock.reload()
    assert dock.current_key() == "AUSTIN"  # the area shown when the project was saved
    assert dock.assessment().to_dict() == austin and dock.assessment("LOOP").to_dict() == loop
    assert dock.core_spins["physical_integrity"].value() == 5
    row = [v["id"] for v in core_values()].index("social_cohesion")
    assert dock.core_table.item(row, 1).text() == "Block clubs, low trust"
    table = dock.matrix_table
    assert [table.horizontalHeaderItem(j).text() for j in range(table.columnCount())] == austin["matrix"]["options"]
    assert [[table.item(i, j).data(0) for j in range(3)] for i in range(2)] == austin["matrix"]["scores"]
    assert not project.isDirty()  # restoring does not count as an edit


def test_removing_and_renaming_edit_the_stored_matrix(loaded, monkeypatch):
    from besecure.knowledge.assessment import Assessments
    from besecure.ui import compass_dock

    dock, _incidents, areas = loaded
    areas.selectByIds([area_feature(areas, LOOP).id()])
    for name in ("Theft", "Robbery", "Nuisance"):
        dock.add_issue(name)
    for name in ("Cameras", "Patrols"):
        dock.add_option(name)
    dock.set_matrix_score(0, 1, 2)
    dock.set_matrix_score(2, 0, -1)
    dock.matrix_table.selectColumn(0)  # the header of 'Cameras'
    dock._remove_selected()
    dock.matrix_table.clearSelection()
    dock.matrix_table.selectRow(1)  # 'Robbery'
    dock._remove_selected()
    monkeypatch.setattr(compass_dock.QInputDialog, "getText", lambda *args, **kwargs: (" Street theft ", True))
    dock.matrix_table.verticalHeader().sectionDoubleClicked.emit(0)
    expected = {"issues": ["Street theft", "Nuisance"], "options": ["Patrols"], "scores": [[2], [0]]}
    assert dock.assessment().matrix.to_dict() == expected
    table = dock.matrix_table
    assert [table.verticalHeaderItem(i).text() for i in range(table.rowCount())] == expected["issues"]
    assert dock.matrix_totals.text() == "Totals: <b>Patrols +2</b>"
    text, _ok = QgsProject.instance().readEntry("besecure", "compass/assessments", "")
    assert Assessments.from_json(text).get("LOOP").matrix.to_dict() == expected  # stored at once



# --------------------------------------------------------------------------- area layer preference
def test_areas_are_preferred_over_buildings(plugin, demo_gpkg):
    """The demo project holds two polygon layers; the Compass must offer the neighbourhoods first, also when the
    layers arrive after the dock opened, and keep a layer the user picked."""
    project = QgsProject.instance()
    project.clear()
    buildings = QgsVectorLayer(f"{demo_gpkg}|layername=buildings", "Buildings", "ogr")
    neighbourhoods = QgsVectorLayer(f"{demo_gpkg}|layername=neighbourhoods", "Neighbourhoods", "ogr")
    incidents = QgsVectorLayer(f"{demo_gpkg}|layername=incidents", "Incidents", "ogr")
    project.addMapLayers([buildings, incidents])
    dock = plugin.toggle_dock("compass", True)
    assert dock.area_layer.currentLayer() is buildings  # the only polygon layer so far
    project.addMapLayer(neighbourhoods)
    assert dock.area_layer.currentLayer() is neighbourhoods
    assert dock.name_field.currentField() == "name"
    # The user's choice stays when more layers arrive.
    dock.area_layer.setLayer(buildings)
    dock.area_layer.activated.emit(dock.area_layer.currentIndex())
    project.addMapLayer(QgsVectorLayer(f"{demo_gpkg}|layername=neighbourhoods", "Wijken", "ogr"))
    assert dock.area_layer.currentLayer() is buildings


def test_a_new_dock_on_a_project_preselects_the_areas(plugin, demo_gpkg):
    project = QgsProject.instance()
    project.clear()
    layers = [QgsVectorLayer(f"{demo_gpkg}|layername={name}", title, "ogr")
              for name, title in (("buildings", "Buildings"), ("neighbourhoods", "Neighbourhoods"),
                                  ("incidents", "Incidents"))]
    project.addMapLayers(layers)
    dock = plugin.toggle_dock("compass", True)
    assert dock.area_layer.currentLayer() is layers[1]
    assert dock.incident_layer.currentLayer() is layers[2]
    assert dock.time_field.currentField() == "occurred"
