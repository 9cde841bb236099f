"""besecure:hotspots, localmoran and globalautocorrelation on real data: Chicago incidents
aggregated to hexagons and to community areas, Memphis robberies (degrees) aggregated to hexagons.
The references are esda and libpysal run on the geometries the algorithms wrote, read
independently with geopandas."""
import re
import warnings

import numpy as np
import pytest
from qgis.core import QgsVectorLayer

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import esda
    import geopandas as gpd
    import libpysal
    import shapely.ops

pytestmark = pytest.mark.filterwarnings(
    "ignore::FutureWarning",
    "ignore::DeprecationWarning",
    "ignore::UserWarning",
)


def cardinalities(lw):
    return np.array([lw.cardinalities[i] for i in lw.id_order])


def rounded(geometries, decimals=3):
    """Coordinates rounded to the millimetre. libpysal's Queen needs bit-identical shared vertices,
    and adjacent hexagons computed from their own centres differ in the last bits; the plugin snaps
    with a tolerance instead (see analysis.spatial_stats.weights.contiguity_tolerance)."""
    def snap(x, y, z=None):
        return np.round(x, decimals), np.round(y, decimals)

    return [shapely.ops.transform(snap, g) for g in geometries]


def test_chicago_hexagons_gi_star_equals_esda(run_alg, shared_data, tmp_path):
    hexes, _ = run_alg("aggregateincidents", {
        "INPUT": str(shared_data / "chicago" / "incidents_2017_2019.gpkg"), "AGGREGATION": 1, "CELL_SIZE": 1000,
        "KEEP_EMPTY": False, "OUTPUT": str(tmp_path / "hex.gpkg")})
    res, fb = run_alg("hotspots", {"INPUT": hexes["OUTPUT"], "VALUE_FIELD": "count", "NEIGHBOURS": 0,
                                   "PERMUTATIONS": 0, "OUTPUT": str(tmp_path / "gi.gpkg")})
    out = gpd.read_file(res["OUTPUT"])
    lw = libpysal.weights.Queen.from_iterable(rounded(out.geometry))
    theirs = esda.G_Local(out["count"].to_numpy(dtype=float), lw, transform="B", star=True, permutations=0)
    assert np.array_equal(out["n_neighbours"].to_numpy(), cardinalities(lw))
    islands = cardinalities(lw) == 0
    assert islands.sum() >= 1  # cells with incidents cut off from the rest of the city
    z = out["gi_z"].to_numpy(dtype=float)
    np.testing.assert_allclose(z[~islands], theirs.Zs[~islands], rtol=0, atol=1e-8)
    assert np.all(np.isnan(z[islands])) and set(out["label"][islands]) == {"No neighbours"}
    assert f"{int(islands.sum())} features have no neighbour (islands)" in fb.log
    assert "EPSG:32616" in fb.log  # the feet of the incidents became UTM metres in aggregateincidents
    assert (out["gi_bin"] == 3).sum() > 0  # Chicago has hot spots at 99 % confidence


def test_chicago_community_areas(run_alg, shared_data, tmp_path):
    zones, _ = run_alg("aggregateincidents", {
        "INPUT": str(shared_data / "chicago" / "incidents_2017_2019.gpkg"), "AGGREGATION": 2,
        "ZONES": str(shared_data / "chicago" / "community_areas.gpkg"), "ZONE_ID_FIELD": "AREA_NUMBE",
        "OUTPUT": str(tmp_path / "zones.gpkg")})
    gi, _ = run_alg("hotspots", {"INPUT": zones["OUTPUT"], "VALUE_FIELD": "count", "PERMUTATIONS": 0,
                                 "OUTPUT": str(tmp_path / "gi.gpkg")})
    lisa, _ = run_alg("localmoran", {"INPUT": zones["OUTPUT"], "VALUE_FIELD": "count", "PERMUTATIONS": 99,
                                     "OUTPUT": str(tmp_path / "lisa.gpkg")})
    glob, _ = run_alg("globalautocorrelation", {"INPUT": zones["OUTPUT"], "VALUE_FIELD": "count",
                                                "PERMUTATIONS": 0, "OUTPUT": str(tmp_path / "global.gpkg")})
    out = gpd.read_file(gi["OUTPUT"])
    assert len(out) == 77
    # The community area boundaries share their vertices exactly: no rounding needed.
    lw = libpysal.weights.Queen.from_dataframe(out, silence_warnings=True)
    counts = out["count"].to_numpy(dtype=float)
    assert np.array_equal(out["n_neighbours"].to_numpy(), cardinalities(lw))
    theirs = esda.G_Local(counts, lw, transform="B", star=True, permutations=0)
    np.testing.assert_allclose(out["gi_z"].to_numpy(dtype=float), theirs.Zs, rtol=0, atol=1e-8)
    lisa_out = gpd.read_file(lisa["OUTPUT"])
    lw = libpysal.weights.Queen.from_dataframe(out, silence_warnings=True)  # esda changed the transform
    local = esda.Moran_Local(counts, lw, transformation="r", permutations=0)
    np.testing.assert_allclose(lisa_out["lisa_i"].to_numpy(dtype=float), local.Is, rtol=0, atol=1e-10)
    lw = libpysal.weights.Queen.from_dataframe(out, silence_warnings=True)
    moran = esda.Moran(counts, lw, permutations=0)
    layer = QgsVectorLayer(glob["OUTPUT"], "g", "ogr")
    rows = {(f["test"], f["statistic"]): f["value"] for f in layer.getFeatures()}
    assert rows[("Global Moran's I", "I")] == pytest.approx(moran.I, abs=1e-12)
    assert rows[("Global Moran's I", "z_rand")] == pytest.approx(moran.z_rand, abs=1e-9)


def test_memphis_degrees_worked_in_metres(run_alg, shared_data, tmp_path):
    import processing

    hexes, _ = run_alg("aggregateincidents", {
        "INPUT": str(shared_data / "memphis" / "robberies.gpkg"), "AGGREGATION": 1, "CELL_SIZE": 500,
        "KEEP_EMPTY": False, "OUTPUT": str(tmp_path / "hex.gpkg")})
    # Back to degrees, so that the hot-spot algorithm has to find metres itself.
    degrees = processing.run("native:reprojectlayer", {"INPUT": hexes["OUTPUT"], "TARGET_CRS": "EPSG:4326",
                                                       "OUTPUT": str(tmp_path / "deg.gpkg")})["OUTPUT"]
    res, fb = run_alg("hotspots", {"INPUT": degrees, "VALUE_FIELD": "count", "NEIGHBOURS": 2, "DISTANCE": 750,
                                   "PERMUTATIONS": 0, "OUTPUT": str(tmp_path / "gi.gpkg")})
    assert "Working CRS: EPSG:32616" in fb.log
    utm = gpd.read_file(hexes["OUTPUT"])
    out = gpd.read_file(res["OUTPUT"])
    assert out.crs.to_epsg() == 32616
    assert np.array_equal(out["cell_id"].to_numpy(), utm["cell_id"].to_numpy())
    centres = np.column_stack([utm.geometry.centroid.x, utm.geometry.centroid.y])
    # 750 m reaches the six adjacent 500 m hexagons (centres 500 m apart) and no further (866 m).
    lw = libpysal.weights.DistanceBand(centres, 750, binary=True, silence_warnings=True)
    assert np.array_equal(out["n_neighbours"].to_numpy(), cardinalities(lw))
    assert cardinalities(lw).max() == 6
    theirs = esda.G_Local(utm["count"].to_numpy(dtype=float), lw, transform="B", star=True, permutations=0)
    z = out["gi_z"].to_numpy(dtype=float)
    islands = cardinalities(lw) == 0
    np.testing.assert_allclose(z[~islands], theirs.Zs[~islands], rtol=0, atol=1e-8)
    assert set(out["label"][islands]) <= {"No neighbours"}

    auto, fb = run_alg("hotspots", {"INPUT": degrees, "VALUE_FIELD": "count", "NEIGHBOURS": 2, "DISTANCE": 0,
                                    "PERMUTATIONS": 0, "OUTPUT": str(tmp_path / "auto.gpkg")})
    logged = float(re.search(r"Automatic distance band: ([0-9.e+]+) m", fb.log).group(1))
    assert logged == pytest.approx(libpysal.weights.min_threshold_distance(centres), rel=1e-5)
    assert gpd.read_file(auto["OUTPUT"])["n_neighbours"].min() >= 1
