"""What a Processing dialog offers and preselects: point layers for incidents (a line layer listed first in
the project must not be picked), the date field rather than the first field, and a geometry-less CSV file
that still runs. Checked through QGIS's own widgets (QgsProcessingMapLayerComboBox, the field wrapper)."""
import pytest
from qgis.core import QgsProcessingContext, QgsProject, QgsVectorLayer
from qgis.gui import (
    QgsGui,
    QgsProcessingContextGenerator,
    QgsProcessingMapLayerComboBox,
    QgsProcessingParameterWidgetContext,
)
from qgis.PyQt.QtWidgets import QComboBox

from besecure.compat import PROCESSING_MODE_STANDARD

INCIDENT_ALGORITHMS = ("kerneldensity", "aggregateincidents", "hottimes", "emerginghotspots", "periodchange")


@pytest.fixture()
def project_with_line_first(demo_gpkg):
    project = QgsProject.instance()
    project.clear()
    # Named so that a name-sorted list shows the lines first, and added first.
    streets = QgsVectorLayer(f"{demo_gpkg}|layername=streets", "A streets", "ogr")
    incidents = QgsVectorLayer(f"{demo_gpkg}|layername=incidents", "B incidents", "ogr")
    assert streets.isValid() and incidents.isValid() and streets.geometryType() != incidents.geometryType()
    project.addMapLayers([streets, incidents])
    yield project, streets, incidents
    project.clear()


@pytest.mark.parametrize("alg_id", INCIDENT_ALGORITHMS)
def test_incident_input_offers_and_preselects_point_layers(besecure_provider, project_with_line_first, alg_id):
    _, _streets, incidents = project_with_line_first
    param = besecure_provider.algorithm(alg_id).parameterDefinition("INPUT")
    combo = QgsProcessingMapLayerComboBox(param)
    inner = combo.findChild(QComboBox)
    offered = [inner.itemText(i) for i in range(inner.count())]
    assert combo.currentLayer() is incidents
    assert not any(text.startswith("A streets") for text in offered)


class _Context(QgsProcessingContextGenerator):
    def __init__(self, project):
        super().__init__()
        self.context = QgsProcessingContext()
        self.context.setProject(project)

    def processingContext(self):  # noqa: N802
        return self.context


def dialog_field_choice(alg, field_param, layer, project):
    """The field a dialog preselects for ``field_param`` once ``layer`` is the input, through QGIS's wrappers."""
    generator = _Context(project)
    registry = QgsGui.processingGuiRegistry()
    wrappers, widgets = [], []
    for name in ("INPUT", field_param):
        wrapper = registry.createParameterWidgetWrapper(alg.parameterDefinition(name), PROCESSING_MODE_STANDARD)
        wrapper.setWidgetContext(QgsProcessingParameterWidgetContext())
        wrapper.registerProcessingContextGenerator(generator)
        widgets.append(wrapper.createWrappedWidget(generator.context))  # kept: Python owns the widgets
        wrappers.append(wrapper)
    source, field = wrappers
    source.setParameterValue(layer.id(), generator.context)
    field.setParentLayerWrapperValue(source)
    return field.parameterValue()


@pytest.mark.parametrize(("alg_id", "field_param"), [("hottimes", "START_FIELD"), ("emerginghotspots", "TIME_FIELD"),
                                                     ("periodchange", "TIME_FIELD"), ("kerneldensity", "TIME_FIELD")])
def test_date_field_is_preselected(besecure_provider, demo_gpkg, shared_data, alg_id, field_param):
    """Required date fields preselect the date field; an optional one (kernel density's period filter, which leaves
    out incidents without a date once chosen) stays empty, as before, but never falls back to fid."""
    alg = besecure_provider.algorithm(alg_id)
    project = QgsProject.instance()
    project.clear()
    town = QgsVectorLayer(f"{demo_gpkg}|layername=incidents", "town", "ogr")
    chicago = QgsVectorLayer(f"{shared_data / 'chicago' / 'incidents_2017_2019.gpkg'}|layername=incidents", "chicago",
                             "ogr")
    burglaries = QgsVectorLayer(f"file://{shared_data / 'chicago' / 'burglary_2016.csv'}?type=csv&xField=X&yField=Y"
                                "&crs=EPSG:26971", "burglaries", "delimitedtext")
    project.addMapLayers([town, chicago, burglaries])
    try:
        assert town.fields().names()[0] == "fid" and chicago.fields().names()[0] == "fid"
        required = alg_id != "kerneldensity"
        assert dialog_field_choice(alg, field_param, town, project) == ("occurred" if required else None)
        assert dialog_field_choice(alg, field_param, chicago, project) == ("occurred" if required else None)
        # A layer without that name gets no preselection rather than its first field.
        assert dialog_field_choice(alg, field_param, burglaries, project) in (None, "")
        # Scripts that leave the field out still get none.
        assert alg.parameterDefinition(field_param).defaultValue() is None
    finally:
        project.clear()


def test_a_geometry_less_csv_file_still_runs(run_alg, tmp_path):
    csv = tmp_path / "incidents.csv"
    csv.write_text("id,latitude,longitude\n" + "".join(
        f"{i},{41.88 + 0.001 * (i % 7)},{-87.63 + 0.001 * (i // 7)}\n" for i in range(49)))
    res, _fb = run_alg("aggregateincidents", {"INPUT": str(csv), "AGGREGATION": 0, "CELL_SIZE": 250,
                                             "OUTPUT": str(tmp_path / "grid.gpkg")})
    out = QgsVectorLayer(res["OUTPUT"], "grid", "ogr")
    assert sum(f["count"] for f in out.getFeatures()) == 49
