"""Areas incidents are counted in (layers/areas.py), against shapes whose answers are known by hand.

Chicago's community areas against GEOS, through the same function, are in tests/realdata/test_realdata.py.
"""
import numpy as np
import pytest
from qgis.core import QgsCoordinateReferenceSystem
from testlib import memory_layer

from besecure.analysis.errors import InputError
from besecure.analysis.geometry import grids
from besecure.layers.areas import read_areas

# Two 100 m squares side by side, a third above the left one with a 20 x 20 m courtyard, and one overlapping
# the right square (the right square comes first in layer order, so it keeps the overlap).
WKTS = [
    ("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))", ["west"]),
    ("POLYGON ((100 0, 200 0, 200 100, 100 100, 100 0))", ["east"]),
    ("POLYGON ((0 100, 100 100, 100 200, 0 200, 0 100), (40 140, 60 140, 60 160, 40 160, 40 140))", ["north"]),
    ("POLYGON ((150 50, 250 50, 250 150, 150 150, 150 50))", ["overlap"]),
]


@pytest.fixture()
def areas(qgis_app):
    layer = memory_layer("Polygon", ["name:string"], WKTS)
    return read_areas(layer, ["name"], working_crs=QgsCoordinateReferenceSystem("EPSG:28992"))


def test_areas_in_layer_order_with_holes_subtracted(areas):
    assert areas.n == 4
    assert areas.polygons.attributes["name"].tolist() == ["west", "east", "north", "overlap"]
    assert areas.area_m2.tolist() == pytest.approx([10_000, 10_000, 10_000 - 400, 10_000])


def test_each_incident_in_one_area_boundaries_as_on_grids(areas):
    x = np.array([50.0, 150.0, 50.0, 50.0, 100.0, 50.0, 100.0, 175.0, 225.0, 300.0, 0.0, 100.0])
    y = np.array([50.0, 50.0, 150.0, 150.0 + 1e-9, 50.0, 100.0, 150.0, 75.0, 75.0, 50.0, 50.0, 100.0])
    expected = [
        0,  # inside west
        1,  # inside east
        -1,  # in north's courtyard (a hole): outside every area
        -1,
        1,  # on the west|east edge: the area right of it, as floor binning gives cell 1 on a 100 m grid
        2,  # on the west/north edge: the area above it
        -1,  # on north's right edge with nothing beyond it
        1,  # where east and overlap overlap: the first in layer order
        3,  # overlap alone
        -1,  # outside
        0,  # on west's left edge: inside (the lower bound is closed)
        -1,  # on the corner of west, east and north: the square above and right of it, which is no area
    ]
    got = areas.assign(x, y)
    assert got.tolist() == expected
    # A square grid's floor binning (analysis.geometry.grids) gives the same answers away from the hole and the overlap.
    spec = grids.make_grid((0.0, 0.0, 199.0, 199.0), 100.0, "square")
    on_edges = np.array([4, 5, 10])
    cells = grids.bin_points(spec, x[on_edges], y[on_edges])
    cell_of_area = {0: grids.bin_points(spec, np.array([50.0]), np.array([50.0]))[0],
                    1: grids.bin_points(spec, np.array([150.0]), np.array([50.0]))[0],
                    2: grids.bin_points(spec, np.array([50.0]), np.array([150.0]))[0]}
    assert [cell_of_area[a] for a in got[on_edges]] == cells.tolist()


def test_residents_read_with_the_areas_and_checked(qgis_app):
    crs = QgsCoordinateReferenceSystem("EPSG:28992")
    rows = [(wkt, [name, pop]) for (wkt, (name,)), pop in zip(WKTS, [120, None, 0, 35.5])]
    areas = read_areas(memory_layer("Polygon", ["name:string", "pop:double"], rows), ["name"], working_crs=crs,
                       population_field="pop")
    assert areas.polygons.attributes["name"].tolist() == ["west", "east", "north", "overlap"]
    assert areas.population.tolist() == pytest.approx([120.0, np.nan, 0.0, 35.5], nan_ok=True)
    unnamed = memory_layer("Polygon", ["pop:double"], [(WKTS[0][0], [1.0])])
    assert read_areas(unnamed, working_crs=crs).population is None  # only when a field is named
    negative = memory_layer("Polygon", ["pop:double"], [(WKTS[0][0], [5.0]), (WKTS[1][0], [-2.0])])
    with pytest.raises(InputError, match="'pop' has 1 negative value"):
        read_areas(negative, working_crs=crs, population_field="pop")
