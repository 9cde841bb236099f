"""Outputs people can use, on real data: zone attributes kept, the input's CRS kept, filters honoured.

References: GEOS point-in-polygon (QgsGeometry.intersects) on the incidents and community areas in their own
State Plane feet (no reprojection involved), a pandas filter of the incidents' attributes, the police's own
community_area attribute, and QGIS's QgsCoordinateTransform for the geometry round trip.
"""
from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest
from osgeo import gdal
from pyproj import Proj, Transformer
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsSpatialIndex,
)
from testlib import frame, output_rows, vector

US_FOOT = 0.3048006096  # metres per US survey foot


def _provenance(path) -> dict:
    ds = gdal.OpenEx(str(path))
    return json.loads(ds.GetLayer(0).GetMetadataItem("BESECURE_PROVENANCE"))


def test_chicago_burglaries_per_community_area_keep_names_and_codes(run_alg, shared_data, tmp_path):
    incidents_path = shared_data / "chicago" / "incidents_2017_2019.gpkg"
    areas_path = shared_data / "chicago" / "community_areas.gpkg"
    out = tmp_path / "areas.gpkg"
    _, fb = run_alg("aggregateincidents", {
        "INPUT": str(incidents_path), "AGGREGATION": 2, "ZONES": str(areas_path),
        "CATEGORY_FILTER_FIELD": "primary_type", "CATEGORY_VALUES": "burglary", "TIME_FIELD": "occurred",
        "START": "2019-01-01", "END": "2019-09-29", "OUTPUT": str(out)})
    result = frame(vector(out))
    assert {"COMMUNITY", "AREA_NUMBE", "AREA_NUM_1", "SHAPE_AREA", "zone_fid", "count"} <= set(result.columns)
    assert vector(out).crs().authid() == "EPSG:3435"  # the input's State Plane feet, not the UTM working CRS
    assert len(result) == 77

    # Independent reference: pandas filter of the attributes, GEOS point-in-polygon in feet.
    inc = vector(incidents_path)
    rows = [(f["primary_type"], f["occurred"].toPyDateTime(), f.geometry()) for f in inc.getFeatures()]
    ref = pd.DataFrame(rows, columns=["type", "occurred", "geom"])
    keep = (ref["type"].str.casefold() == "burglary") & (ref["occurred"] >= pd.Timestamp("2019-01-01")) \
        & (ref["occurred"] < pd.Timestamp("2019-09-30"))
    assert 200 < keep.sum() < 1000
    assert f"{keep.sum():,} of 25,000 incidents selected: primary_type in {{burglary}}, 2019-01-01 - 2019-09-29." \
        in fb.log
    areas = list(vector(areas_path).getFeatures())
    index = QgsSpatialIndex()
    for k, a in enumerate(areas):
        index.addFeature(k, a.geometry().boundingBox())
    expected = {a["AREA_NUMBE"]: 0 for a in areas}
    for geom in ref.loc[keep, "geom"]:
        hits = sorted(k for k in index.intersects(geom.boundingBox()) if areas[k].geometry().intersects(geom))
        if hits:
            expected[areas[hits[0]]["AREA_NUMBE"]] += 1
    got = dict(zip(result["AREA_NUMBE"], result["count"]))
    assert got == expected
    # Names and codes travel with their zone: the output row of area 32 is the Loop, as in the zones layer.
    names = {a["AREA_NUMBE"]: a["COMMUNITY"] for a in areas}
    assert dict(zip(result["AREA_NUMBE"], result["COMMUNITY"])) == names
    assert names["32"] == "LOOP"
    assert result["AREANO"].dtype.kind == "i"  # integer fields stay integer
    record = _provenance(out)
    assert record["name"] == "Burglary per zone (community_areas), 2019-01-01 - 2019-09-29"
    assert record["selection"]["n_selected"] == keep.sum()


def test_chicago_hexagons_stay_in_state_plane_feet(run_alg, shared_data, tmp_path):
    base = {"INPUT": str(shared_data / "chicago" / "incidents_2017_2019.gpkg"), "AGGREGATION": 1,
            "CELL_SIZE": 1000, "KEEP_EMPTY": False}
    feet, fb = run_alg("aggregateincidents", {**base, "OUTPUT": str(tmp_path / "feet.gpkg")})
    metres, _ = run_alg("aggregateincidents", {**base, "OUTPUT_CRS": "EPSG:32616",
                                               "OUTPUT": str(tmp_path / "m.gpkg")})
    lf, lm = vector(feet["OUTPUT"]), vector(metres["OUTPUT"])
    assert lf.crs().authid() == "EPSG:3435" and lm.crs().authid() == "EPSG:32616"
    assert "Working CRS: EPSG:32616" in fb.log and "output CRS: EPSG:3435" in fb.log
    a, b = output_rows(feet["OUTPUT"]), output_rows(metres["OUTPUT"])
    assert [(r["cell_id"], r["count"]) for r in a] == [(r["cell_id"], r["count"]) for r in b]
    assert sum(r["count"] for r in a) == 25_000
    # The same cells: each State Plane hexagon taken back to UTM by QGIS is the UTM hexagon.
    back = QgsCoordinateTransform(lf.crs(), lm.crs(), QgsCoordinateTransformContext())
    areas_ft, areas_m = [], []
    for ff, fm in zip(lf.getFeatures(), lm.getFeatures()):
        g = ff.geometry()
        areas_ft.append(g.area())
        areas_m.append(fm.geometry().area())
        g.transform(back)
        ours = np.array([(v.x(), v.y()) for v in g.vertices()])
        theirs = np.array([(v.x(), v.y()) for v in fm.geometry().vertices()])
        assert np.allclose(ours, theirs, atol=1e-3)
    # Area in square feet = area in square metres / 0.3048006096², once each projection's own areal scale at the
    # cell (pyproj's projection factors: UTM about 0.9992, the State Plane about 0.99995 in Chicago) is taken out.
    centres = [f.geometry().centroid().asPoint() for f in lm.getFeatures()]
    to_lonlat = Transformer.from_crs("EPSG:32616", "EPSG:4326", always_xy=True)
    lon, lat = to_lonlat.transform([c.x() for c in centres], [c.y() for c in centres])
    scale_ft = Proj("EPSG:3435").get_factors(lon, lat).areal_scale
    scale_m = Proj("EPSG:32616").get_factors(lon, lat).areal_scale
    ground_ft2 = np.array(areas_ft) / scale_ft
    ground_m2 = np.array(areas_m) / scale_m
    assert ground_ft2 == pytest.approx(ground_m2 / US_FOOT**2, rel=2e-5)
    assert np.allclose(areas_m, np.sqrt(3) / 2 * 1000**2)


def test_memphis_degrees_go_to_utm_or_the_crs_asked_for(run_alg, shared_data, tmp_path):
    base = {"INPUT": str(shared_data / "memphis" / "robberies.gpkg"), "AGGREGATION": 0, "CELL_SIZE": 1000,
            "KEEP_EMPTY": False}
    utm, _ = run_alg("aggregateincidents", {**base, "OUTPUT": str(tmp_path / "utm.gpkg")})
    rd, _ = run_alg("aggregateincidents", {**base, "OUTPUT_CRS": "EPSG:28992", "OUTPUT": str(tmp_path / "rd.gpkg")})
    assert vector(utm["OUTPUT"]).crs().authid() == "EPSG:32616"
    assert vector(rd["OUTPUT"]).crs().authid() == "EPSG:28992"
    a, b = output_rows(utm["OUTPUT"]), output_rows(rd["OUTPUT"])
    assert [r["count"] for r in a] == [r["count"] for r in b]
    to_rd = QgsCoordinateTransform(QgsCoordinateReferenceSystem("EPSG:32616"),
                                   QgsCoordinateReferenceSystem("EPSG:28992"), QgsCoordinateTransformContext())
    for fu, fr in zip(vector(utm["OUTPUT"]).getFeatures(), vector(rd["OUTPUT"]).getFeatures()):
        g = fu.geometry()
        g.transform(to_rd)
        assert np.allclose([(v.x(), v.y()) for v in g.vertices()], [(v.x(), v.y()) for v in fr.geometry().vertices()],
                           atol=1e-3)
