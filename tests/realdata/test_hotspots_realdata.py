"""Emerging and optimized hot spot analysis on the Chicago incidents (EPSG:3435, US feet).

References: the incidents moved into the output CRS by QGIS's own coordinate transform and given to
the nearest output cell (see nearest_cell_counts), and a pandas groupby of the published 'occurred'
text for the months.
"""
from __future__ import annotations

import re
import sqlite3

import numpy as np
import pandas as pd
from qgis.core import QgsCoordinateTransform, QgsProject
from scipy.spatial import cKDTree
from testlib import frame, vector


def nearest_cell_counts(cells_uri, points_uri) -> np.ndarray:
    """Incidents per output cell, in feature order: each incident moved into the cells' CRS by
    QGIS's own coordinate transform and given to the cell with the nearest centroid (QGIS geometry),
    which for a regular grid is the cell that contains it."""
    cells, points = vector(cells_uri), vector(points_uri)
    transform = QgsCoordinateTransform(points.crs(), cells.crs(), QgsProject.instance())
    xy = np.array([(p.x(), p.y()) for p in (transform.transform(f.geometry().asPoint())
                                            for f in points.getFeatures())])
    centres = np.array([(c.x(), c.y()) for c in (f.geometry().centroid().asPoint() for f in cells.getFeatures())])
    _, nearest = cKDTree(centres).query(xy)
    return np.bincount(nearest, minlength=len(centres))


def test_chicago_emerging_hot_spots_by_month(shared_data, run_alg, tmp_path):
    path = shared_data / "chicago" / "incidents_2017_2019.gpkg"
    res, fb = run_alg("emerginghotspots", {
        "INPUT": str(path), "TIME_FIELD": "occurred", "TIMEZONE": "America/Chicago", "AGGREGATION": 1,
        "CELL_SIZE": 1000, "TIME_STEP": 1, "OUTPUT_CUBE": str(tmp_path / "cube.gpkg"),
        "OUTPUT": str(tmp_path / "emerging.gpkg")})
    with sqlite3.connect(path) as con:
        occurred = pd.read_sql("SELECT occurred FROM incidents", con)["occurred"]
    months = pd.to_datetime(occurred, errors="coerce").dt.to_period("M")
    assert months.notna().all()
    # 2017-01 .. 2019-09: 33 monthly steps; the data end on 2019-09-29, which the log points out.
    assert "33 monthly time steps from 2017-01-01 to 2019-09-30" in fb.log
    assert "UTM zone 16N" in fb.log
    result = frame(vector(res["OUTPUT"]))
    # Every incident is in exactly one location, and each location's count equals an independent
    # count of the incidents (in feet) in the output hexagon (in UTM metres).
    assert result["count"].sum() == len(occurred) == 25_000
    assert np.array_equal(result["count"].to_numpy(), nearest_cell_counts(res["OUTPUT"], path))
    assert (result["count"] > 0).all()
    with sqlite3.connect(res["OUTPUT_CUBE"]) as con:
        cube = pd.read_sql("SELECT cell_id, step, step_start, count, gi_z FROM cube", con)
    per_month = cube.groupby(pd.to_datetime(cube["step_start"]).dt.to_period("M"))["count"].sum()
    expected = months.value_counts().sort_index()
    assert per_month.index.tolist() == expected.index.tolist()
    assert per_month.to_numpy().tolist() == expected.to_numpy().tolist()
    per_cell = cube.groupby("cell_id")["count"].sum().reindex(result["cell_id"])
    assert per_cell.to_numpy().tolist() == result["count"].tolist()
    # Chicago's concentrated crime gives persistent hot spots and, on 1 km cells, mostly no pattern.
    patterns = result["pattern"].value_counts()
    assert patterns.get("Persistent Hot Spot", 0) >= 10
    assert patterns.idxmax() == "No Pattern Detected"


def test_chicago_optimized_hot_spots_fall_back_and_count_every_incident(shared_data, run_alg, tmp_path):
    path = shared_data / "chicago" / "incidents_2017_2019.gpkg"
    res, fb = run_alg("optimizedhotspots", {"INPUT": str(path), "OUTPUT": str(tmp_path / "ohsa.gpkg")})
    # City-wide crime clusters at every scale tested: no peak, the median-count fallback decides.
    assert "z keeps rising up to the widest band" in fb.log
    size = float(re.search(r"Fallback cell size: ([\d.]+) m", fb.log).group(1))
    assert 150 <= size <= 400
    result = frame(vector(res["OUTPUT"]))
    # No incident is remote (the sparse ones at the city's edge stay in): all are counted, in the
    # hexagon an independent assignment gives them.
    assert "None of them is remote" in fb.log and "0 outside the analysed hexagons" in fb.log
    assert result["count"].sum() == 25_000
    assert np.array_equal(result["count"].to_numpy(), nearest_cell_counts(res["OUTPUT"], path))
    assert (result["gi_bin"] == 3).sum() > 100
