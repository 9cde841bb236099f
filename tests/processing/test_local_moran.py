"""besecure:localmoran end to end: local Moran's I and quadrants against esda's Moran_Local on
Columbus, labels from the permutation p-values and their hand-computed FDR q-values, seeds, style,
islands and bad input."""
import warnings

import numpy as np
import pytest
from pysal_examples import COLUMBUS
from qgis.core import QgsFeature, QgsGeometry, QgsProcessingException, QgsRectangle, QgsVectorLayer
from testlib import columns, hand_bh

from besecure.compat import FIELD_TYPE_DOUBLE, make_field

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import esda
    import libpysal

pytestmark = pytest.mark.filterwarnings(
    "ignore::FutureWarning",
    "ignore::DeprecationWarning",
    "ignore:The weights matrix is not fully connected:UserWarning",
)

LABELS = {1: "High-High cluster", 2: "Low-High outlier", 3: "Low-Low cluster", 4: "High-Low outlier"}


def columbus_queen():
    return libpysal.weights.Queen.from_iterable(list(libpysal.io.open(COLUMBUS)))


def columbus_crime():
    return np.array(libpysal.io.open(COLUMBUS.replace(".shp", ".dbf")).by_col("CRIME"))


@pytest.mark.parametrize("neighbours,builder", [(0, "Queen"), (1, "Rook")])
def test_columbus_local_moran_equals_esda(run_alg, tmp_path, neighbours, builder):
    res, fb = run_alg("localmoran", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "NEIGHBOURS": neighbours,
                                     "PERMUTATIONS": 999, "SEED": 7, "OUTPUT": str(tmp_path / "lisa.gpkg")})
    local_i, p_sim, q, z, lag, n_nb = columns(res["OUTPUT"], "lisa_i", "lisa_p_sim", "lisa_q", "value_std",
                                              "lag_std", "n_neighbours")
    quadrant, label = columns(res["OUTPUT"], "quadrant", "label")
    lw = getattr(libpysal.weights, builder).from_iterable(list(libpysal.io.open(COLUMBUS)))
    theirs = esda.Moran_Local(columbus_crime(), lw, transformation="r", permutations=0)
    np.testing.assert_allclose(local_i, theirs.Is, rtol=0, atol=1e-10)
    np.testing.assert_allclose(z, theirs.z, rtol=0, atol=1e-12)
    assert quadrant == [{1: "HH", 2: "LH", 3: "LL", 4: "HL"}[k] for k in theirs.q]
    assert np.array_equal(n_nb, [lw.cardinalities[i] for i in lw.id_order])
    # The lag is the row-standardised average of the neighbours' standardised values.
    lw.transform = "r"
    np.testing.assert_allclose(lag, lw.sparse @ theirs.z, atol=1e-12)
    # Labels follow the FDR q-values of the permutation p-values at alpha 0.05.
    np.testing.assert_allclose(q, hand_bh(p_sim), rtol=1e-12)
    expected = [LABELS[k] if qi <= 0.05 else "Not significant" for k, qi in zip(theirs.q, q)]
    assert label == expected
    assert "High-High clusters: {}".format(sum(lab == "High-High cluster" for lab in label)) in fb.log


def test_permutation_p_values_agree_with_esda_in_distribution(run_alg, tmp_path):
    res, _ = run_alg("localmoran", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "PERMUTATIONS": 999, "SEED": 1,
                                    "FDR": False, "OUTPUT": str(tmp_path / "lisa.gpkg")})
    p_sim, label = columns(res["OUTPUT"], "lisa_p_sim", "label")
    theirs = esda.Moran_Local(columbus_crime(), columbus_queen(), transformation="r", permutations=999, seed=1,
                              n_jobs=1)
    # Different random draws, same conditional randomisation: within Monte Carlo error.
    assert np.max(np.abs(p_sim - theirs.p_sim)) < 0.1
    assert np.corrcoef(p_sim, theirs.p_sim)[0, 1] > 0.95
    assert [lab != "Not significant" for lab in label] == list(p_sim <= 0.05)


def test_seed_reproducible(run_alg, tmp_path):
    runs = [columns(run_alg("localmoran", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "SEED": seed,
                                           "OUTPUT": str(tmp_path / f"{k}.gpkg")})[0]["OUTPUT"], "lisa_p_sim")
            for k, seed in enumerate((5, 5, 6))]
    assert np.array_equal(runs[0], runs[1]) and not np.array_equal(runs[0], runs[2])


def test_cluster_map_style(run_alg, tmp_path):
    res, _ = run_alg("localmoran", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "OUTPUT": str(tmp_path / "s.gpkg")})
    lyr = QgsVectorLayer(res["OUTPUT"], "s", "ogr")
    renderer = lyr.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "label"
    colours = {c.value(): c.symbol().color().name() for c in renderer.categories()}
    assert colours["High-High cluster"] == "#d7191c" and colours["Low-Low cluster"] == "#2c7bb6"
    assert colours["High-Low outlier"] == "#f4a6a6" and colours["Low-High outlier"] == "#abd9e9"
    assert colours["Not significant"] == "#d9d9d9"


def test_island_gets_no_neighbours(run_alg, tmp_path):
    lyr = QgsVectorLayer("Polygon?crs=EPSG:3857", "sq", "memory")
    lyr.dataProvider().addAttributes([make_field("v", FIELD_TYPE_DOUBLE)])
    lyr.updateFields()
    cells = [(c, r) for c in range(5) for r in range(5)] + [(20, 20)]
    feats = []
    for k, (c, r) in enumerate(cells):
        f = QgsFeature(lyr.fields())
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(c * 50, r * 50, c * 50 + 50, r * 50 + 50)))
        f.setAttributes([float((c + r) ** 2 + k % 3)])
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    res, fb = run_alg("localmoran", {"INPUT": lyr, "VALUE_FIELD": "v", "NEIGHBOURS": 1, "PERMUTATIONS": 99,
                                     "OUTPUT": str(tmp_path / "o.gpkg")})
    local_i, p_sim, lag = columns(res["OUTPUT"], "lisa_i", "lisa_p_sim", "lag_std")
    quadrant, label = columns(res["OUTPUT"], "quadrant", "label")
    assert label[-1] == "No neighbours" and quadrant[-1] is None
    assert np.isnan(local_i[-1]) and np.isnan(p_sim[-1]) and np.isnan(lag[-1])
    assert np.all(np.isfinite(local_i[:-1]))
    assert "1 features have no neighbour (islands)" in fb.log and "ids 26" in fb.log


def test_zero_permutations_refused_by_the_parameter(run_alg, tmp_path):
    with pytest.raises(QgsProcessingException):
        run_alg("localmoran", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "PERMUTATIONS": 0,
                               "OUTPUT": str(tmp_path / "o.gpkg")})
    assert not (tmp_path / "o.gpkg").exists()
