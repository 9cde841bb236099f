"""besecure:globalautocorrelation: Moran's I on Columbus against the published values
(shared/docs/REFERENCES.md), General G against esda, the nearest neighbour index against
Clark & Evans's lattice value and a brute-force computation, and the table it writes."""
import warnings

import numpy as np
import pytest
from pysal_examples import COLUMBUS
from qgis.core import (
    NULL,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsRectangle,
    QgsVectorLayer,
)
from scipy import stats

from besecure.compat import FIELD_TYPE_DOUBLE, make_field

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import esda
    import libpysal

pytestmark = pytest.mark.filterwarnings(
    "ignore::FutureWarning",
    "ignore::DeprecationWarning",
)



def table(path):
    """{(test, statistic): value} of the output table."""
    lyr = QgsVectorLayer(str(path), "t", "ogr")
    assert lyr.isValid()
    return {(f["test"], f["statistic"]): (None if f["value"] == NULL else f["value"]) for f in lyr.getFeatures()}


def lattice_points(n_side=10, spacing=100.0, crs="EPSG:28992"):
    lyr = QgsVectorLayer(f"Point?crs={crs}", "grid", "memory")
    lyr.dataProvider().addAttributes([make_field("v", FIELD_TYPE_DOUBLE)])
    lyr.updateFields()
    feats = []
    for i in range(n_side):
        for j in range(n_side):
            f = QgsFeature(lyr.fields())
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(i * spacing, j * spacing)))
            f.setAttributes([float(i + (j % 3))])
            feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def test_columbus_queen_published_values(run_alg, tmp_path):
    res, fb = run_alg("globalautocorrelation", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "NEIGHBOURS": 0,
                                                "PERMUTATIONS": 99, "OUTPUT": str(tmp_path / "g.gpkg")})
    t = table(res["OUTPUT"])
    m = "Global Moran's I"
    assert t[(m, "I")] == pytest.approx(0.500188557, abs=1e-9)
    assert t[(m, "E[I]")] == pytest.approx(-0.0208333, abs=1e-7)
    assert t[(m, "z_rand")] == pytest.approx(5.589383, abs=1e-6)
    assert t[(m, "z_norm")] == pytest.approx(5.630313, abs=1e-6)
    assert t[(m, "p_rand")] == pytest.approx(2 * stats.norm.sf(5.589383), rel=1e-5)
    assert t[(m, "p_sim")] == pytest.approx(0.01)  # nothing beats the observed I in 99 permutations
    assert "Global Moran's I = 0.500189" in fb.log and "similar values cluster" in fb.log


def test_columbus_rook_published_value(run_alg, tmp_path):
    res, _ = run_alg("globalautocorrelation", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "NEIGHBOURS": 1,
                                               "PERMUTATIONS": 0, "OUTPUT": str(tmp_path / "g.gpkg")})
    t = table(res["OUTPUT"])
    assert t[("Global Moran's I", "I")] == pytest.approx(0.523670213, abs=1e-9)
    assert t[("Global Moran's I", "p_sim")] is None  # no permutations: NULL


def test_general_g_equals_esda(run_alg, tmp_path):
    res, fb = run_alg("globalautocorrelation", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "PERMUTATIONS": 0,
                                                "OUTPUT": str(tmp_path / "g.gpkg")})
    t = table(res["OUTPUT"])
    lw = libpysal.weights.Queen.from_iterable(list(libpysal.io.open(COLUMBUS)))
    crime = np.array(libpysal.io.open(COLUMBUS.replace(".shp", ".dbf")).by_col("CRIME"))
    theirs = esda.G(crime, lw, permutations=0)
    g = "Getis-Ord General G"
    assert t[(g, "G")] == pytest.approx(theirs.G, abs=1e-12)
    assert t[(g, "E[G]")] == pytest.approx(theirs.EG, abs=1e-12)
    assert t[(g, "z")] == pytest.approx(theirs.z_norm, abs=1e-8)
    assert t[(g, "p")] == pytest.approx(2 * theirs.p_norm, abs=1e-10)  # esda's p_norm is one-sided
    assert "high values cluster" in fb.log
    # Polygons: no nearest neighbour index.
    assert not any(k[0] == "Nearest neighbour index" for k in t)


def test_nearest_neighbour_index_of_a_lattice_is_two(run_alg, tmp_path):
    # Clark & Evans: a square lattice of spacing s has R = s / (0.5 s) = 2 when the area is n s².
    area = QgsVectorLayer("Polygon?crs=EPSG:28992", "area", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromRect(QgsRectangle(-50, -50, 950, 950)))
    area.dataProvider().addFeatures([f])
    res, fb = run_alg("globalautocorrelation", {"INPUT": lattice_points(), "STUDY_AREA": area,
                                                "OUTPUT": str(tmp_path / "nni.gpkg")})
    t = table(res["OUTPUT"])
    nni = "Nearest neighbour index"
    assert t[(nni, "R")] == pytest.approx(2.0, abs=1e-12)
    assert t[(nni, "observed")] == pytest.approx(100.0)
    assert t[(nni, "area")] == pytest.approx(1_000_000.0)
    assert t[(nni, "n")] == 100
    assert "over the study area" in fb.log and "the points are dispersed" in fb.log
    assert not any(k[0] == "Global Moran's I" for k in t)  # no value field: only the index


def test_nearest_neighbour_index_convex_hull_and_values(run_alg, tmp_path):
    res, fb = run_alg("globalautocorrelation", {"INPUT": lattice_points(), "VALUE_FIELD": "v", "NEIGHBOURS": 2,
                                                "DISTANCE": 150, "PERMUTATIONS": 0,
                                                "OUTPUT": str(tmp_path / "nni.gpkg")})
    t = table(res["OUTPUT"])
    nni = "Nearest neighbour index"
    # Convex hull of the 10 x 10 lattice: 900 m x 900 m. Expected distance 0.5 / sqrt(n / A) = 45 m.
    assert t[(nni, "area")] == pytest.approx(810_000.0)
    assert t[(nni, "expected")] == pytest.approx(45.0)
    assert t[(nni, "R")] == pytest.approx(100 / 45)
    se = 0.26136 / np.sqrt(100**2 / 810_000.0)
    assert t[(nni, "z")] == pytest.approx((100 - 45) / se)
    assert "the convex hull of the points" in fb.log
    # Moran's I on a 150 m band (the 8 lattice neighbours), against esda on libpysal's DistanceBand.
    xy = np.array([(i * 100.0, j * 100.0) for i in range(10) for j in range(10)])
    y = np.array([float(i + (j % 3)) for i in range(10) for j in range(10)])
    lw = libpysal.weights.DistanceBand(xy, 150, binary=True)
    assert t[("Global Moran's I", "I")] == pytest.approx(esda.Moran(y, lw, permutations=0).I, abs=1e-12)


def test_polygons_without_value_field_refused(run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match="Choose the field with the values"):
        run_alg("globalautocorrelation", {"INPUT": COLUMBUS, "OUTPUT": str(tmp_path / "o.gpkg")})
    assert not (tmp_path / "o.gpkg").exists()


def test_negative_values_skip_general_g(run_alg, tmp_path):
    lyr = QgsVectorLayer("Polygon?crs=EPSG:28992", "sq", "memory")
    lyr.dataProvider().addAttributes([make_field("change", FIELD_TYPE_DOUBLE)])
    lyr.updateFields()
    feats = []
    for c in range(4):
        for r in range(4):
            f = QgsFeature(lyr.fields())
            f.setGeometry(QgsGeometry.fromRect(QgsRectangle(c * 10, r * 10, c * 10 + 10, r * 10 + 10)))
            f.setAttributes([float(c - 2 + 0.1 * r)])
            feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    res, fb = run_alg("globalautocorrelation", {"INPUT": lyr, "VALUE_FIELD": "change", "PERMUTATIONS": 0,
                                                "OUTPUT": str(tmp_path / "o.gpkg")})
    t = table(res["OUTPUT"])
    assert ("Global Moran's I", "I") in t and not any(k[0] == "Getis-Ord General G" for k in t)
    assert "General G is skipped" in fb.log
    lw = libpysal.weights.lat2W(4, 4, rook=False)
    y = np.array([c - 2 + 0.1 * r for c in range(4) for r in range(4)])
    assert t[("Global Moran's I", "I")] == pytest.approx(esda.Moran(y, lw, permutations=0).I, abs=1e-12)
