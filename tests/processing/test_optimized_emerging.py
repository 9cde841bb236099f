"""besecure:optimizedhotspots and besecure:emerginghotspots end to end on the demo town.

References: the planted ground truth of the demo town (analysis/data/demo_town.py), QGIS's own
native:countpointsinpolygon and native:joinattributesbylocation for the counts, a pandas groupby of
the incidents' months for the space-time cube, and a direct Gi* sum over neighbours found from the
output polygons' geometry.
"""
from __future__ import annotations

import re
import sqlite3

import numpy as np
import pandas as pd
import pytest
from qgis.core import (
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsSpatialIndex,
    QgsVectorLayer,
)
from testlib import frame, vector

from besecure.analysis.crime.emerging_hot_spots import CATEGORY_CODES, DISPLAY_NAMES
from besecure.analysis.data.demo_town import HOTSPOTS
from besecure.compat import FIELD_TYPE_STRING, make_field

ALPHA = 0.05
SQRT3 = np.sqrt(3.0)


def at_point(lyr, x, y):
    """The features of a polygon layer whose polygon holds (x, y), edges included (QGIS geometry
    test): one cell, or all the cells that meet there when the point is on a corner."""
    point = QgsGeometry.fromPointXY(QgsPointXY(x, y))
    found = [f for f in lyr.getFeatures() if f.geometry().intersects(point)]
    assert found
    return found


def native_counts(polygons_uri, points_uri) -> np.ndarray:
    """Incidents per output polygon by QGIS's own point-in-polygon count, in feature order."""
    import processing

    out = processing.run("native:countpointsinpolygon", {
        "POLYGONS": polygons_uri, "POINTS": points_uri, "FIELD": "native_n", "OUTPUT": "memory:"})["OUTPUT"]
    return np.array([f["native_n"] for f in out.getFeatures()])


def memory_points(points, times, crs="EPSG:28992"):
    lyr = QgsVectorLayer(f"Point?crs={crs}", "pts", "memory")
    lyr.dataProvider().addAttributes([make_field("t", FIELD_TYPE_STRING)])
    lyr.updateFields()
    feats = []
    for (x, y), t in zip(points, times):
        f = QgsFeature(lyr.fields())
        f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
        f.setAttributes([t])
        feats.append(f)
    lyr.dataProvider().addFeatures(feats)
    return lyr


# --------------------------------------------------------------------------------------------
# Optimized hot spot analysis
# --------------------------------------------------------------------------------------------


def test_optimized_finds_the_planted_hot_spots_and_logs_its_choices(demo_gpkg, run_alg, tmp_path):
    incidents = f"{demo_gpkg}|layername=incidents"
    res, fb = run_alg("optimizedhotspots", {"INPUT": incidents, "OUTPUT": str(tmp_path / "ohsa.gpkg")})
    log = fb.log
    size = float(re.search(r"Cell size: ([\d.]+) m, the first significant peak", log).group(1))
    # Every candidate of the scale search is logged with its z, and every decision with its reason.
    assert len(re.findall(r"^  \d+ m: I = [\d.]+, z = [\d.]+", log, re.M)) >= 3
    assert "<- first peak" in log and "locational outliers" in log and "convex hull" in log
    assert "Neighbours: the 6 hexagons" in log and "false discovery rate" in log
    out = vector(res["OUTPUT"])
    table = frame(out)
    # Hexagons of the logged size (area sqrt(3)/2 s^2, measured by QGIS).
    areas = np.array([f.geometry().area() for f in out.getFeatures()])
    assert np.allclose(areas, SQRT3 / 2 * size**2)
    # The station and the nightlife hot spots are 99 % hot spots.
    for name in ("station", "nightlife"):
        x, y, _ = HOTSPOTS[name]
        for cell in at_point(out, x, y):
            assert cell["gi_bin"] == 3 and cell["label"] == "Hot spot - 99% confidence", name
    # No background hexagon far from the planted spots is hot at 99 %.
    assert (table["gi_bin"] == 3).sum() < 0.05 * len(table)
    # Counts equal QGIS's own point-in-polygon count, and only the logged incidents are missing.
    assert np.array_equal(table["count"].to_numpy(), native_counts(res["OUTPUT"], incidents))
    n_total = vector(incidents).featureCount()
    missing = int(re.search(r"(\d+) outside the analysed hexagons", log).group(1))
    assert table["count"].sum() == n_total - missing
    assert (table["gi_q"] >= table["gi_p"] - 1e-12).all()
    assert out.renderer().type() == "categorizedSymbol"


def test_optimized_with_study_area_given_size_and_permutations(demo_gpkg, run_alg, tmp_path):
    incidents = f"{demo_gpkg}|layername=incidents"
    study = QgsVectorLayer("Polygon?crs=EPSG:28992", "study", "memory")
    f = QgsFeature()
    f.setGeometry(QgsGeometry.fromWkt("POLYGON((150500 450500, 153500 450500, 153500 452500, 150500 452500, "
                                      "150500 450500))"))
    study.dataProvider().addFeatures([f])
    params = {"INPUT": incidents, "STUDY_AREA": study, "CELL_SIZE": 200, "PERMUTATIONS": 99, "SEED": 7}
    res, fb = run_alg("optimizedhotspots", {**params, "OUTPUT": str(tmp_path / "a.gpkg")})
    again, _ = run_alg("optimizedhotspots", {**params, "OUTPUT": str(tmp_path / "b.gpkg")})
    table, table2 = frame(vector(res["OUTPUT"])), frame(vector(again["OUTPUT"]))
    assert "Cell size: 200 m, as given" in fb.log and "99 conditional permutations" in fb.log
    xy = np.array([(p.geometry().asPoint().x(), p.geometry().asPoint().y()) for p in vector(incidents).getFeatures()])
    inside = (xy[:, 0] > 150500) & (xy[:, 0] < 153500) & (xy[:, 1] > 450500) & (xy[:, 1] < 452500)
    assert table["count"].sum() == inside.sum()
    assert f"{(~inside).sum()} incidents lie outside it" in fb.log
    # Pseudo p-values: multiples of 1/100, reproducible with the seed.
    p_sim = table["gi_p_sim"].to_numpy(dtype=float)
    assert np.allclose(p_sim * 100, np.round(p_sim * 100)) and p_sim.min() >= 0.01
    assert np.array_equal(p_sim, table2["gi_p_sim"].to_numpy(dtype=float))


def test_optimized_bad_input_and_cancel(run_alg, make_feedback, demo_gpkg, tmp_path):
    out = tmp_path / "o.gpkg"
    few = memory_points([(150000 + 10 * i, 450000 + 7 * i % 50) for i in range(12)], ["2024-01-01"] * 12)
    with pytest.raises(QgsProcessingException, match="at least 30 incidents"):
        run_alg("optimizedhotspots", {"INPUT": few, "OUTPUT": str(out)})
    assert not out.exists()
    fb = make_feedback(cancel_after_progress=6)
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("optimizedhotspots", {"INPUT": f"{demo_gpkg}|layername=incidents", "OUTPUT": str(out)}, feedback=fb)
    assert not out.exists()


# --------------------------------------------------------------------------------------------
# Emerging hot spot analysis
# --------------------------------------------------------------------------------------------


class LogFeedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.messages = []

    def pushInfo(self, info):  # noqa: N802
        self.messages.append(info)

    @property
    def log(self) -> str:
        return "\n".join(self.messages)


@pytest.fixture(scope="module")
def demo_emerging(demo_gpkg, besecure_provider, tmp_path_factory):
    """One run shared by the tests below (monthly, 250 m squares, 2023-2024)."""
    import processing

    folder = tmp_path_factory.mktemp("emerging")
    params = {"INPUT": f"{demo_gpkg}|layername=incidents", "TIME_FIELD": "occurred", "AGGREGATION": 0,
              "CELL_SIZE": 250, "TIME_STEP": 1, "START": "2023-01-01", "END": "2024-12-31",
              "OUTPUT_CUBE": str(folder / "cube.gpkg"), "OUTPUT": str(folder / "emerging.gpkg")}
    fb = LogFeedback()
    return processing.run("besecure:emerginghotspots", params, feedback=fb), fb


def test_emerging_finds_the_planted_patterns(demo_emerging):
    res, fb = demo_emerging
    out = vector(res["OUTPUT"])
    table = frame(out)
    assert "24 monthly time steps from 2023-01-01 to 2024-12-31" in fb.log
    # The park-and-ride has vehicle crime only in 2024: an emerging hot spot.
    x, y, _ = HOTSPOTS["park_and_ride"]
    for cell in at_point(out, x, y):
        assert cell["pattern"] in ("New Hot Spot", "Consecutive Hot Spot", "Intensifying Hot Spot")
    # The station and the nightlife spot are busy in every month: persistent.
    for name in ("station", "nightlife"):
        x, y, _ = HOTSPOTS[name]
        cells = at_point(out, x, y)
        assert [c["pattern"] for c in cells] == ["Persistent Hot Spot"] * len(cells), name
    assert (table["pattern"] == "No Pattern Detected").mean() > 0.6
    codes = {DISPLAY_NAMES[k]: v for k, v in CATEGORY_CODES.items()}
    assert all(codes[p] == c for p, c in zip(table["pattern"], table["pattern_code"]))
    assert out.renderer().type() == "categorizedSymbol"


def test_emerging_cube_round_trip(demo_emerging, demo_gpkg):
    import processing

    res, _ = demo_emerging
    with sqlite3.connect(res["OUTPUT_CUBE"]) as con:
        cube = pd.read_sql("SELECT cell_id, step, step_start, count, gi_z, gi_p FROM cube", con)
        locations = pd.read_sql("SELECT cell_id, count, pattern FROM locations", con)
    result = frame(vector(res["OUTPUT"]))
    n_loc = len(locations)
    assert len(cube) == 24 * n_loc and len(result) == n_loc
    # Independent: each incident joined to the output cell that contains it (QGIS), its month from the
    # text of 'occurred' (pandas); the cube holds exactly these counts.
    joined = processing.run("native:joinattributesbylocation", {
        "INPUT": f"{demo_gpkg}|layername=incidents", "JOIN": res["OUTPUT"], "PREDICATE": [5],
        "JOIN_FIELDS": ["cell_id"], "METHOD": 0, "DISCARD_NONMATCHING": False, "OUTPUT": "memory:"})["OUTPUT"]
    inc = frame(joined)
    month = pd.to_datetime(inc["occurred"].map(lambda v: v.toString("yyyy-MM-dd HH:mm"))).dt.to_period("M")
    assert inc["cell_id"].notna().all()
    expected = inc.groupby([inc["cell_id"].astype(int), month.astype(str)]).size()
    cube["month"] = pd.to_datetime(cube["step_start"]).dt.to_period("M").astype(str)
    got = cube.set_index(["cell_id", "month"])["count"]
    assert got.sum() == len(inc) == 3909
    assert got[got > 0].sort_index().equals(expected.sort_index().rename("count"))
    # Locations and the result agree with the cube.
    per_location = cube.groupby("cell_id")["count"].sum()
    assert per_location.reindex(locations["cell_id"]).to_numpy().tolist() == locations["count"].tolist()
    merged = result.set_index("cell_id")
    last = cube[cube["step"] == 23].set_index("cell_id")
    assert np.allclose(merged.loc[last.index, "last_z"], last["gi_z"])
    sig = cube[(cube["gi_p"] <= ALPHA)]
    n_hot = sig[sig["gi_z"] > 0].groupby("cell_id").size().reindex(merged.index, fill_value=0)
    assert np.array_equal(n_hot.to_numpy(), merged["n_hot"].to_numpy())


def test_emerging_gi_star_equals_a_direct_sum_over_touching_cells(demo_emerging):
    """z of every bin recomputed from the cube table with neighbours taken from the output polygons
    (cells that touch, corners included: queen) at the same and the previous month."""
    res, _ = demo_emerging
    out = vector(res["OUTPUT"])
    feats = list(out.getFeatures())
    ids = [f["cell_id"] for f in feats]
    index = QgsSpatialIndex(out.getFeatures())
    by_fid = {f.id(): k for k, f in enumerate(feats)}
    members = []
    for f in feats:
        near = index.intersects(f.geometry().boundingBox())
        members.append(sorted(by_fid[j] for j in near if feats[by_fid[j]].geometry().intersects(f.geometry())))
    with sqlite3.connect(res["OUTPUT_CUBE"]) as con:
        cube = pd.read_sql("SELECT cell_id, step, count, gi_z FROM cube", con)
    x = cube.pivot(index="step", columns="cell_id", values="count").loc[:, ids].to_numpy(dtype=float)
    z_cube = cube.pivot(index="step", columns="cell_id", values="gi_z").loc[:, ids].to_numpy()
    n = x.size
    mean, sd = x.mean(), x.std()
    z = np.empty_like(x)
    for t in range(x.shape[0]):
        for i, m in enumerate(members):
            vals = np.concatenate([x[s, m] for s in range(max(0, t - 1), t + 1)])
            w = float(vals.size)
            z[t, i] = (vals.sum() - mean * w) / (sd * np.sqrt((n * w - w * w) / (n - 1)))
    assert np.allclose(z, z_cube, rtol=1e-9, atol=1e-9)


def test_emerging_bad_input(demo_gpkg, run_alg, make_feedback, tmp_path):
    incidents = f"{demo_gpkg}|layername=incidents"
    out, cube = tmp_path / "o.gpkg", tmp_path / "c.gpkg"
    base = {"INPUT": incidents, "TIME_FIELD": "occurred", "OUTPUT": str(out), "OUTPUT_CUBE": str(cube)}
    with pytest.raises(QgsProcessingException, match=r"at least 4 time steps .* only 3 monthly step"):
        run_alg("emerginghotspots", {**base, "START": "2024-01-01", "END": "2024-03-31"})
    with pytest.raises(QgsProcessingException, match="no incidents between 2030-01-01 and 2030-06-30"):
        run_alg("emerginghotspots", {**base, "START": "2030-01-01", "END": "2030-06-30"})
    fb = make_feedback(cancel_on_message="Space-time cube:")
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("emerginghotspots", base, feedback=fb)
    assert not out.exists() and not cube.exists()


def test_emerging_skips_and_counts_unparseable_dates(run_alg, tmp_path):
    rng = np.random.default_rng(1)
    pts = list(zip(150000 + rng.random(60) * 1000, 450000 + rng.random(60) * 1000))
    days = rng.integers(0, 180, 60)
    times = [str(np.datetime64("2024-01-01") + int(d)) + " 12:00" for d in days]
    times[:3] = ["not a date", "31/31/2024", "yesterday"]
    times[3:5] = [None, ""]
    res, fb = run_alg("emerginghotspots", {"INPUT": memory_points(pts, times), "TIME_FIELD": "t", "CELL_SIZE": 250,
                                           "TIME_STEP": 1, "OUTPUT": str(tmp_path / "o.gpkg")})
    assert "2 incidents without a time and 3 with an unparseable time in 't' were skipped" in fb.log
    assert "6 monthly time steps" in fb.log and "Only 6 time steps" in fb.log
    assert frame(vector(res["OUTPUT"]))["count"].sum() == 55


@pytest.mark.parametrize("dense", [False, True])
def test_emerging_warns_on_sparse_data_before_labelling(run_alg, tmp_path, dense):
    """Sparse: 150 incidents over 26 weeks in 100 m cells (well under 0.2 per cell and week, the threshold for 1
    ring of squares and time lag 1: 3.84 / 18 bins). Dense: 3,000 incidents over 6 months in 250 m cells."""
    rng = np.random.default_rng(8)
    n, days, cell, step = (3000, 181, 250, 1) if dense else (150, 182, 100, 0)
    pts = list(zip(150000 + rng.random(n) * 1000, 450000 + rng.random(n) * 1000))
    times = [str(np.datetime64("2024-01-01") + int(d)) + " 12:00" for d in rng.integers(0, days, n)]
    _, fb = run_alg("emerginghotspots", {"INPUT": memory_points(pts, times), "TIME_FIELD": "t", "CELL_SIZE": cell,
                                         "TIME_STEP": step, "START": "2024-01-01",
                                         "END": "2024-06-30",
                                         "OUTPUT": str(tmp_path / "o.gpkg")})
    cube_line = next(m for m in fb.messages if m.startswith("Space-time cube:"))
    locations, steps, incidents = (int(v) for v in re.findall(r"(\d+) (?:locations|time steps|incidents)", cube_line))
    per_bin = incidents / (locations * steps)
    warning = [m for m in fb.messages if m.startswith("Sparse data:")]
    if dense:
        assert per_bin > 1 and not warning
    else:
        assert per_bin < 0.1 and len(warning) == 1
        assert f"{per_bin:.2f} incidents per location and time step" in warning[0]
        assert fb.messages.index(warning[0]) < next(i for i, m in enumerate(fb.messages) if m.startswith("Patterns:"))
