"""The one place that guesses fields and area layers (layers/fields.py), on the real layers it must read."""
import pytest
from qgis.core import QgsVectorLayer

from besecure.layers.fields import area_layer_score, best_area_layer, guess_category_field, guess_time_field


@pytest.mark.parametrize(("name", "score"), [
    ("Neighbourhoods", 2), ("community_areas", 2), ("Wijken 2023", 2), ("CBS buurten", 2), ("Police precincts", 2),
    ("Buildings", 0), ("BAG panden", 0), ("Incidents per 250 m hexagon", 0), ("Parks", 1), ("Streets", 1),
])
def test_area_layer_names(name, score):
    assert area_layer_score(name) == score


def test_best_area_layer_keeps_the_first_of_equals():
    class Named:
        def __init__(self, name):
            self._name = name

        def name(self):
            return self._name

    layers = [Named("Buildings"), Named("Parks"), Named("Wijken"), Named("Districts")]
    assert best_area_layer(layers) is layers[2]
    assert best_area_layer(layers[:2]) is layers[1]
    assert best_area_layer([]) is None


def test_time_and_category_fields_of_real_layers(shared_data, demo_gpkg):
    chicago = QgsVectorLayer(f"{shared_data / 'chicago' / 'incidents_2017_2019.gpkg'}|layername=incidents", "c", "ogr")
    memphis = QgsVectorLayer(str(shared_data / "memphis" / "robberies.gpkg"), "m", "ogr")
    town = QgsVectorLayer(f"{demo_gpkg}|layername=incidents", "t", "ogr")
    assert (guess_time_field(chicago.fields()), guess_category_field(chicago.fields())) == ("occurred", "primary_type")
    assert (guess_time_field(memphis.fields()), guess_category_field(memphis.fields())) == ("date", "offense_type")
    assert (guess_time_field(town.fields()), guess_category_field(town.fields())) == ("occurred", "category")
