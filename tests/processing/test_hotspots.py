"""besecure:hotspots end to end: Gi / Gi* against esda's G_Local and the published toy example
(shared/docs/REFERENCES.md), FDR q-values against a hand computation, seeded permutations, style,
and bad input (one feature, equal values, islands, short distance bands, missing fields, NULLs)."""
import warnings

import numpy as np
import pytest
from pysal_examples import COLUMBUS
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsRectangle,
    QgsRenderContext,
    QgsVectorLayer,
)
from scipy import stats
from testlib import columns, hand_bh

from besecure.compat import FIELD_TYPE_DOUBLE, FIELD_TYPE_STRING, make_field

with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # libpysal warns about remote example data and PROJ
    import esda
    import libpysal

pytestmark = pytest.mark.filterwarnings(
    "ignore::FutureWarning",
    "ignore::DeprecationWarning",
    "ignore:The weights matrix is not fully connected:UserWarning",
)

TOY_POINTS = [(10, 10), (20, 10), (40, 10), (15, 20), (30, 20), (30, 30)]
TOY_Y = [2, 3, 3.2, 5, 8, 7]
# esda G_Local docstring, reproduced in REFERENCES.md.
TOY_GI_Z = [-1.0136729, -0.04361589, 1.31558703, -0.31412676, 1.15373986, 1.77833941]
TOY_GI_STAR_Z = [-1.39727626, -0.28917762, 0.65064964, -0.28917762, 1.23452088, 2.02424331]


def memory_points(points, values, crs="EPSG:28992"):
    lyr = QgsVectorLayer(f"Point?crs={crs}", "pts", "memory")
    lyr.dataProvider().addAttributes([make_field("v", FIELD_TYPE_DOUBLE)])
    lyr.updateFields()
    feats = []
    for p, v in zip(points, values):
        f = QgsFeature(lyr.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(*p)))
        f.setAttributes([None if v is None else float(v)])
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def memory_squares(cells, values, size=100.0, crs="EPSG:28992"):
    """Square polygons with lower-left corners ``cells`` (in cell units) and a value field v."""
    lyr = QgsVectorLayer(f"Polygon?crs={crs}", "squares", "memory")
    lyr.dataProvider().addAttributes([make_field("v", FIELD_TYPE_DOUBLE), make_field("name", FIELD_TYPE_STRING)])
    lyr.updateFields()
    feats = []
    for k, ((c, r), v) in enumerate(zip(cells, values)):
        f = QgsFeature(lyr.fields())
        f.setGeometry(QgsGeometry.fromRect(QgsRectangle(c * size, r * size, (c + 1) * size, (r + 1) * size)))
        f.setAttributes([None if v is None else float(v), f"cell {k}"])
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


def columbus_queen():
    polygons = list(libpysal.io.open(COLUMBUS))
    return libpysal.weights.Queen.from_iterable(polygons)


def columbus_crime():
    return np.array(libpysal.io.open(COLUMBUS.replace(".shp", ".dbf")).by_col("CRIME"))


# --- values against esda and the published toy example -------------------------------------------


@pytest.mark.parametrize("star", [True, False])
def test_columbus_gi_equals_esda(run_alg, tmp_path, star, gdal_exceptions):
    res, fb = run_alg("hotspots", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "NEIGHBOURS": 0, "STAR": star,
                                   "PERMUTATIONS": 0, "OUTPUT": str(tmp_path / "gi.gpkg")})
    z, p, p_sim, n_nb, fid = columns(res["OUTPUT"], "gi_z", "gi_p", "gi_p_sim", "n_neighbours", "source_fid")
    lw = columbus_queen()
    theirs = esda.G_Local(columbus_crime(), lw, transform="B", star=star, permutations=0)
    assert np.array_equal(fid, np.arange(49))
    np.testing.assert_allclose(z, theirs.Zs, rtol=0, atol=1e-8)
    np.testing.assert_allclose(p, 2 * theirs.p_norm, rtol=0, atol=1e-8)
    assert np.array_equal(n_nb, [lw.cardinalities[i] for i in lw.id_order])
    assert np.all(np.isnan(p_sim))  # PERMUTATIONS 0: analytical only
    labels = columns(res["OUTPUT"], "label")
    statistic = "(Gi*)" if star else "(Gi)"
    assert any(statistic in label for label in labels)
    assert ("Gi*: each feature's own value counts" in fb.log) is star
    assert "236 links, neighbours per feature min 2 / mean 4.82 / max 10" in fb.log
    # The output keeps the input's geometry and attributes (the layer has no CRS: nothing is moved).
    source = {f.id(): f for f in QgsVectorLayer(COLUMBUS, "c", "ogr").getFeatures()}
    for f in QgsVectorLayer(res["OUTPUT"], "o", "ogr").getFeatures():
        original = source[f["source_fid"]]
        assert f.geometry().equals(original.geometry()) or f.geometry().isGeosEqual(original.geometry())
        assert f["CRIME"] == original["CRIME"] and f["POLYID"] == original["POLYID"]


@pytest.mark.parametrize("star,expected", [(True, TOY_GI_STAR_Z), (False, TOY_GI_Z)])
def test_toy_example_points_distance_band(run_alg, tmp_path, star, expected):
    res, _ = run_alg("hotspots", {"INPUT": memory_points(TOY_POINTS, TOY_Y), "VALUE_FIELD": "v", "NEIGHBOURS": 2,
                                  "DISTANCE": 15, "STAR": star, "PERMUTATIONS": 99,
                                  "OUTPUT": str(tmp_path / "toy.gpkg")})
    z, p_sim = columns(res["OUTPUT"], "gi_z", "gi_p_sim")
    np.testing.assert_allclose(z, expected, rtol=0, atol=1e-8)
    lw = libpysal.weights.DistanceBand(np.array(TOY_POINTS, dtype=float), 15, binary=True, silence_warnings=True)
    theirs = esda.G_Local(np.array(TOY_Y), lw, transform="B", star=star, permutations=0)
    np.testing.assert_allclose(z, theirs.Zs, rtol=0, atol=1e-8)
    assert np.all((p_sim >= 0.01) & (p_sim <= 1))  # folded pseudo p-values with 99 permutations
    np.testing.assert_allclose(p_sim * 100, np.round(p_sim * 100), atol=1e-9)


def test_knn_weights_equal_esda_on_libpysal_knn(run_alg, tmp_path):
    # Columbus has no CRS and nearest neighbours need distances: any metric CRS keeps its coordinates as they are.
    layer = QgsVectorLayer(COLUMBUS, "columbus", "ogr")
    layer.setCrs(QgsCoordinateReferenceSystem("EPSG:3857"))
    res, fb = run_alg("hotspots", {"INPUT": layer, "VALUE_FIELD": "CRIME", "NEIGHBOURS": 3, "K": 5,
                                   "PERMUTATIONS": 0, "OUTPUT": str(tmp_path / "knn.gpkg")})
    z = columns(res["OUTPUT"], "gi_z")
    # libpysal's KNN on the centroids QGIS computes (independent of our centroid code).
    lyr = QgsVectorLayer(COLUMBUS, "c", "ogr")
    cents = np.array([[f.geometry().centroid().asPoint().x(), f.geometry().centroid().asPoint().y()]
                      for f in lyr.getFeatures()])
    lw = libpysal.weights.KNN(cents, k=5)
    theirs = esda.G_Local(columbus_crime(), lw, transform="B", star=True, permutations=0)
    np.testing.assert_allclose(z, theirs.Zs, rtol=0, atol=1e-8)
    assert "not symmetric" in fb.log


# --- inference ------------------------------------------------------------------------------


def test_fdr_q_values_and_bins_by_hand(run_alg, tmp_path):
    res, fb = run_alg("hotspots", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "PERMUTATIONS": 0, "FDR": True,
                                   "OUTPUT": str(tmp_path / "fdr.gpkg")})
    z, p, q, bins = columns(res["OUTPUT"], "gi_z", "gi_p", "gi_q", "gi_bin")
    np.testing.assert_allclose(p, 2 * stats.norm.sf(np.abs(z)), rtol=0, atol=1e-12)
    np.testing.assert_allclose(q, hand_bh(p), rtol=1e-12, atol=0)
    strength = np.select([q <= 0.01, q <= 0.05, q <= 0.10], [3, 2, 1], 0)
    assert np.array_equal(bins, np.sign(z) * strength)
    assert "Benjamini-Hochberg" in fb.log
    # Without FDR the bins follow the raw p-values, so at least as many features are significant.
    res2, _ = run_alg("hotspots", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "PERMUTATIONS": 0, "FDR": False,
                                   "OUTPUT": str(tmp_path / "raw.gpkg")})
    bins_raw = columns(res2["OUTPUT"], "gi_bin")
    assert np.array_equal(bins_raw, np.sign(z) * np.select([p <= 0.01, p <= 0.05, p <= 0.10], [3, 2, 1], 0))
    assert np.count_nonzero(bins_raw) > np.count_nonzero(bins)


def test_seeded_permutations_are_reproducible(run_alg, tmp_path):
    def p_sim(seed, name):
        res, _ = run_alg("hotspots", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "PERMUTATIONS": 999, "SEED": seed,
                                      "OUTPUT": str(tmp_path / name)})
        return columns(res["OUTPUT"], "gi_p_sim")

    a, b, c = p_sim(3, "a.gpkg"), p_sim(3, "b.gpkg"), p_sim(4, "c.gpkg")
    assert np.array_equal(a, b)
    assert not np.array_equal(a, c)
    np.testing.assert_allclose(a * 1000, np.round(a * 1000), atol=1e-9)
    # Other draws, same distribution: the two seeds agree to within Monte Carlo error.
    assert np.max(np.abs(a - c)) < 0.1


def test_permutation_inference_bins_on_p_sim(run_alg, tmp_path):
    res, _ = run_alg("hotspots", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "PERMUTATIONS": 999, "SEED": 1,
                                  "INFERENCE": 1, "FDR": False, "OUTPUT": str(tmp_path / "perm.gpkg")})
    z, p_sim, q, bins = columns(res["OUTPUT"], "gi_z", "gi_p_sim", "gi_q", "gi_bin")
    assert np.array_equal(bins, np.sign(z) * np.select([p_sim <= 0.01, p_sim <= 0.05, p_sim <= 0.10], [3, 2, 1], 0))
    np.testing.assert_allclose(q, hand_bh(p_sim), rtol=1e-12)


def test_style_is_red_blue_on_gi_bin(run_alg, tmp_path):
    res, _ = run_alg("hotspots", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "PERMUTATIONS": 0, "FDR": False,
                                  "OUTPUT": str(tmp_path / "style.gpkg")})
    lyr = QgsVectorLayer(res["OUTPUT"], "s", "ogr")
    renderer = lyr.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "gi_bin"
    colours = {int(c.value()): c.symbol().color().name() for c in renderer.categories()}
    assert colours == {3: "#b2182b", 2: "#ef8a62", 1: "#fddbc7", 0: "#d9d9d9", -1: "#d1e5f0", -2: "#67a9cf",
                       -3: "#2166ac"}
    context = QgsRenderContext()
    renderer.startRender(context, lyr.fields())
    try:
        for f in lyr.getFeatures():  # every feature is drawn in the colour of its own bin
            assert renderer.symbolForFeature(f, context).color().name() == colours[f["gi_bin"]]
    finally:
        renderer.stopRender(context)


# --- bad input ------------------------------------------------------------------------------


def test_one_feature_refused(run_alg, tmp_path):
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match=r"1 feature\(s\) with a value in 'v'.*at least 3"):
        run_alg("hotspots", {"INPUT": memory_squares([(0, 0)], [5.0]), "VALUE_FIELD": "v", "OUTPUT": str(out)})
    assert not out.exists()


def test_all_equal_values_refused(run_alg, tmp_path):
    out = tmp_path / "o.gpkg"
    cells = [(c, r) for c in range(3) for r in range(3)]
    with pytest.raises(QgsProcessingException, match="All 9 values of 'v' are equal"):
        run_alg("hotspots", {"INPUT": memory_squares(cells, [4.0] * 9), "VALUE_FIELD": "v", "OUTPUT": str(out)})
    assert not out.exists()


def test_island_polygon_logged_and_labelled(run_alg, tmp_path):
    cells = [(c, r) for c in range(4) for r in range(4)] + [(10, 10)]
    values = list(np.arange(16.0) ** 1.5) + [50.0]
    res, fb = run_alg("hotspots", {"INPUT": memory_squares(cells, values), "VALUE_FIELD": "v", "NEIGHBOURS": 0,
                                   "PERMUTATIONS": 99, "OUTPUT": str(tmp_path / "o.gpkg")})
    z, p_sim, n_nb = columns(res["OUTPUT"], "gi_z", "gi_p_sim", "n_neighbours")
    labels = columns(res["OUTPUT"], "label")
    assert "1 features have no neighbour (islands)" in fb.log and "ids 17" in fb.log
    assert labels[-1] == "No neighbours" and np.isnan(z[-1]) and np.isnan(p_sim[-1]) and n_nb[-1] == 0
    assert np.all(np.isfinite(z[:-1])) and "without neighbours: 1" in fb.log
    # The 4 x 4 block is a queen lattice: corners 3, edges 5, inner cells 8 neighbours.
    assert sorted(n_nb[:-1].astype(int)) == sorted([3] * 4 + [5] * 8 + [8] * 4)


def test_short_distance_band_leaves_features_without_neighbours(run_alg, tmp_path):
    res, fb = run_alg("hotspots", {"INPUT": memory_points(TOY_POINTS, TOY_Y), "VALUE_FIELD": "v", "NEIGHBOURS": 2,
                                   "DISTANCE": 10.5, "PERMUTATIONS": 0, "OUTPUT": str(tmp_path / "o.gpkg")})
    z, n_nb = columns(res["OUTPUT"], "gi_z", "n_neighbours")
    labels = columns(res["OUTPUT"], "label")
    # Only (10,10)-(20,10) and (30,20)-(30,30) are 10 m apart; (40,10) and (15,20) have nobody within 10.5 m.
    assert n_nb.tolist() == [1, 1, 0, 0, 1, 1]
    assert [labels[2], labels[3]] == ["No neighbours", "No neighbours"]
    assert np.isnan(z[2]) and np.isnan(z[3]) and np.all(np.isfinite(z[[0, 1, 4, 5]]))
    assert "2 features have no neighbour" in fb.log
    assert "at least 14.1421 m would give every feature a neighbour" in fb.log


def test_automatic_distance_band_connects_every_feature(run_alg, tmp_path):
    res, fb = run_alg("hotspots", {"INPUT": memory_points(TOY_POINTS, TOY_Y), "VALUE_FIELD": "v", "NEIGHBOURS": 2,
                                   "DISTANCE": 0, "PERMUTATIONS": 0, "OUTPUT": str(tmp_path / "o.gpkg")})
    n_nb = columns(res["OUTPUT"], "n_neighbours")
    threshold = libpysal.weights.min_threshold_distance(np.array(TOY_POINTS, dtype=float))
    assert threshold == pytest.approx(np.sqrt(200))  # (40,10) to (30,20)
    assert "Automatic distance band: 14.1421 m" in fb.log
    assert n_nb.min() >= 1
    lw = libpysal.weights.DistanceBand(np.array(TOY_POINTS, dtype=float), threshold * (1 + 1e-9), binary=True)
    assert n_nb.tolist() == [lw.cardinalities[i] for i in lw.id_order]


def test_distance_band_without_any_link_refused(run_alg, tmp_path):
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match=r"No feature has a neighbour within 1 m.*at least 14\.1421 m"):
        run_alg("hotspots", {"INPUT": memory_points(TOY_POINTS, TOY_Y), "VALUE_FIELD": "v", "NEIGHBOURS": 2,
                             "DISTANCE": 1, "OUTPUT": str(out)})
    assert not out.exists()


def test_missing_value_field(run_alg, tmp_path):
    out = tmp_path / "o.gpkg"
    with pytest.raises(QgsProcessingException, match="has no field 'crimes'"):
        run_alg("hotspots", {"INPUT": COLUMBUS, "VALUE_FIELD": "crimes", "OUTPUT": str(out)})
    assert not out.exists()


def test_text_value_field_refused(run_alg, tmp_path):
    cells = [(c, r) for c in range(3) for r in range(3)]
    with pytest.raises(QgsProcessingException, match="'name' of 'squares' is not numeric"):
        run_alg("hotspots", {"INPUT": memory_squares(cells, range(9)), "VALUE_FIELD": "name",
                             "OUTPUT": str(tmp_path / "o.gpkg")})


def test_null_values_skipped_and_logged(run_alg, tmp_path):
    cells = [(c, r) for c in range(4) for r in range(4)]
    values = [float(v) for v in range(16)]
    values[5] = values[10] = None
    res, fb = run_alg("hotspots", {"INPUT": memory_squares(cells, values), "VALUE_FIELD": "v", "PERMUTATIONS": 0,
                                   "OUTPUT": str(tmp_path / "o.gpkg")})
    fid, v, z = columns(res["OUTPUT"], "source_fid", "v", "gi_z")
    assert "2 features have no value in 'v' (NULL) and are left out: ids 6, 11" in fb.log
    assert fid.size == 14 and 6 not in fid and 11 not in fid and np.all(np.isfinite(v))
    assert np.all(np.isfinite(z))
    # Same statistic as esda on the 14 remaining squares (a queen lattice with two holes).
    keep = [i for i in range(16) if values[i] is not None]
    lw = libpysal.weights.lat2W(4, 4, rook=False)
    sub = libpysal.weights.w_subset(lw, [lw.id_order[i] for i in keep], silence_warnings=True)
    theirs = esda.G_Local(np.array([values[i] for i in keep]), sub, transform="B", star=True, permutations=0)
    # Square k = 4 c + r is lat2W's cell k (rows and columns swapped, which keeps every adjacency).
    np.testing.assert_allclose(z, theirs.Zs, rtol=0, atol=1e-8)


def test_contiguity_needs_polygons(run_alg, tmp_path):
    with pytest.raises(QgsProcessingException,
                       match=r"Contiguity .* needs polygons; for points choose a distance band"):
        run_alg("hotspots", {"INPUT": memory_points(TOY_POINTS, TOY_Y), "VALUE_FIELD": "v", "NEIGHBOURS": 0,
                             "OUTPUT": str(tmp_path / "o.gpkg")})


def test_k_too_large_refused(run_alg, tmp_path):
    with pytest.raises(QgsProcessingException, match="K = 8 nearest neighbours needs more than 8 features"):
        run_alg("hotspots", {"INPUT": memory_points(TOY_POINTS, TOY_Y), "VALUE_FIELD": "v", "NEIGHBOURS": 3,
                             "OUTPUT": str(tmp_path / "o.gpkg")})


@pytest.mark.parametrize("cancel", [{"cancel_on_message": "Spatial weights"}, {"cancel_after_progress": 30}])
def test_cancel_writes_nothing(run_alg, make_feedback, tmp_path, cancel):
    out = tmp_path / "o.gpkg"
    fb = make_feedback(**cancel)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("hotspots", {"INPUT": COLUMBUS, "VALUE_FIELD": "CRIME", "PERMUTATIONS": 999, "OUTPUT": str(out)},
                feedback=fb)
    assert not out.exists()


def test_bulk_multipolygon_encoder_equals_the_per_feature_one():
    from besecure.layers.wkb import multipolygon_wkb, multipolygons_wkb

    rng = np.random.default_rng(0)
    features = []  # 0-2 parts of 1-2 rings (exterior, hole), closed or open, far from the origin
    for _ in range(200):
        parts = []
        for _ in range(rng.integers(0, 3)):
            rings = [rng.normal(size=(rng.integers(3, 8), 2)) * 100 + 4e6 for _ in range(rng.integers(1, 3))]
            parts.append([np.vstack([r, r[:1]]) if rng.random() < 0.5 else r for r in rings])
        features.append(parts)
    rings = [(i, j, r) for i, parts in enumerate(features) for part in parts for j, r in enumerate(part)]
    offsets = np.concatenate([[0], np.cumsum([len(r) for _, _, r in rings])])
    bulk = multipolygons_wkb(np.concatenate([r for _, _, r in rings]), offsets, np.array([i for i, _, _ in rings]),
                             np.array([j > 0 for _, j, _ in rings]), len(features))
    assert bulk == [multipolygon_wkb(parts) for parts in features]
    geom = QgsGeometry()
    geom.fromWkb(next(b for b, parts in zip(bulk, features) if len(parts) == 2))
    assert geom.isMultipart() and geom.constGet().numGeometries() == 2  # QGIS reads it back


def hexagon_layer(size=500.0):
    """A real 500 m hexagon grid (analysis/geometry/grids.py) as a polygon layer with a value per cell."""
    from testlib import memory_layer

    from besecure.analysis.geometry.grids import cell_polygons, make_grid

    grid = make_grid((120_000.3, 480_000.7, 126_000.0, 484_000.0), size, "hexagon")
    rings = cell_polygons(grid, np.arange(grid.ncols * grid.nrows))
    values = np.random.default_rng(2).poisson(5, len(rings))
    rows = [("POLYGON((" + ", ".join(f"{float(x)!r} {float(y)!r}" for x, y in [*ring, ring[0]]) + "))", [int(v)])
            for ring, v in zip(rings, values)]
    return memory_layer("Polygon", ["count:integer"], rows)


def test_knn_ties_and_a_band_at_the_grid_spacing_on_hexagons(run_alg, tmp_path):
    layer = hexagon_layer()
    _, fb = run_alg("hotspots", {"INPUT": layer, "VALUE_FIELD": "count", "NEIGHBOURS": 3, "K": 3,
                                 "PERMUTATIONS": 0, "OUTPUT": str(tmp_path / "knn.gpkg")})
    # Inner cells have 6 neighbours at 500 m, so K = 3 ties for every cell with at least 4 at that distance.
    assert "3 nearest neighbours" in fb.log and "neighbours per feature min 3 / " in fb.log
    line = next(m for m in fb.messages if m.startswith("K nearest neighbours:"))
    assert "have more than 3 neighbours (up to 6)" in line
    _, fb = run_alg("hotspots", {"INPUT": layer, "VALUE_FIELD": "count", "NEIGHBOURS": 2, "DISTANCE": 1000,
                                 "PERMUTATIONS": 0, "OUTPUT": str(tmp_path / "band.gpkg")})
    assert "max 18." in fb.log  # 6 cells at 500 m, 6 at 866 m and all 6 at 1000 m
