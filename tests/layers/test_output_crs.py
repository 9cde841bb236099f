"""OUTPUT_CRS and the default output CRS (layers/crs.py, layers/write.py, processing/base.py).

References: QGIS's own QgsCoordinateTransform applied to QgsGeometry for the WKB reprojection, and the demo
town's layers (EPSG:28992) for the defaults.
"""
from __future__ import annotations

import struct

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsRasterLayer,
)
from testlib import output_rows, vector

from besecure.compat import FLAG_ADVANCED
from besecure.layers.crs import output_crs, transform_wkb

RD = QgsCoordinateReferenceSystem("EPSG:28992")
WGS = QgsCoordinateReferenceSystem("EPSG:4326")
UTM31 = QgsCoordinateReferenceSystem("EPSG:32631")


def _qgis_transformed(wkt_or_wkb, src, dst) -> QgsGeometry:
    geom = QgsGeometry.fromWkt(wkt_or_wkb) if isinstance(wkt_or_wkb, str) else QgsGeometry()
    if not isinstance(wkt_or_wkb, str):
        geom.fromWkb(wkt_or_wkb)
    geom.transform(QgsCoordinateTransform(src, dst, QgsCoordinateTransformContext()))
    return geom


def _vertices(geom: QgsGeometry) -> np.ndarray:
    return np.array([(v.x(), v.y(), v.z() if v.is3D() else 0.0) for v in geom.vertices()])


@pytest.mark.parametrize("wkts", [
    # grid cells: one layout, the vectorised path
    [f"POLYGON(({x} 450000, {x + 250} 450000, {x + 250} 450250, {x} 450250, {x} 450000))"
     for x in range(150000, 152000, 250)],
    # mixed types, holes, several parts, Z values: the walker
    ["MULTIPOLYGON(((150000 450000, 151000 450000, 151000 451000, 150000 450000),"
     "(150200 450100, 150800 450100, 150700 450300, 150200 450100)),((152000 452000, 152500 452000, 152500 452500, "
     "152000 452000)))", "LINESTRING Z(150000 450000 5, 151000 452000 7)", "POINT(153000 454000)",
     "MULTILINESTRING((150000 450000, 150100 450100),(150200 450200, 150300 450300, 150400 450100))"],
])
def test_reprojected_wkb_equals_qgis_transform(wkts):
    wkb = [bytes(QgsGeometry.fromWkt(w).asWkb()) for w in wkts]
    moved = transform_wkb(wkb, RD, UTM31)
    assert len(moved) == len(wkb)
    for w, blob in zip(wkts, moved):
        ours = QgsGeometry()
        ours.fromWkb(blob)
        theirs = _qgis_transformed(w, RD, UTM31)
        assert ours.wkbType() == theirs.wkbType()
        assert np.allclose(_vertices(ours), _vertices(theirs), rtol=0, atol=1e-6)
    assert transform_wkb(wkb, RD, RD) is wkb


def test_big_endian_wkb_is_reprojected_and_keeps_its_byte_order():
    blob = struct.pack(">BIdd", 0, 1, 151000.0, 452000.0)
    (moved,) = transform_wkb([blob], RD, WGS)
    assert moved[0] == 0
    lon, lat = struct.unpack_from(">dd", moved, 5)
    theirs = _qgis_transformed("POINT(151000 452000)", RD, WGS).asPoint()
    assert (lon, lat) == pytest.approx((theirs.x(), theirs.y()), abs=1e-9)


def test_default_output_crs():
    feet = QgsCoordinateReferenceSystem("EPSG:3435")
    assert output_crs(None, feet, UTM31) == feet  # projected input (feet): kept
    assert output_crs(None, WGS, UTM31) == UTM31  # degrees: the metric working CRS
    assert output_crs(None, None, UTM31) == UTM31
    assert output_crs(RD, feet, UTM31) == RD  # the user's choice wins


def test_every_algorithm_with_a_layer_output_has_output_crs(besecure_provider):
    for alg in besecure_provider.algorithms():
        outputs = [p for p in alg.parameterDefinitions() if p.isDestination()]
        if any(p.type() in ("sink", "rasterDestination") for p in outputs):
            param = alg.parameterDefinition("OUTPUT_CRS")
            assert param is not None, alg.name()
            assert param.flags() & FLAG_ADVANCED
            assert "OUTPUT_CRS" in alg.shortHelpString()


def test_output_crs_honoured_and_counts_unchanged(run_alg, demo_gpkg, tmp_path):
    base = {"INPUT": f"{demo_gpkg}|layername=incidents", "AGGREGATION": 1, "CELL_SIZE": 400, "KEEP_EMPTY": False}
    rd, fb = run_alg("aggregateincidents", {**base, "OUTPUT": str(tmp_path / "rd.gpkg")})
    wgs, _ = run_alg("aggregateincidents", {**base, "OUTPUT_CRS": "EPSG:4326", "OUTPUT": str(tmp_path / "w.gpkg")})
    assert vector(rd["OUTPUT"]).crs().authid() == "EPSG:28992"  # the input's projected CRS
    assert vector(wgs["OUTPUT"]).crs().authid() == "EPSG:4326"
    assert "output CRS: EPSG:28992" in fb.log
    a, b = output_rows(rd["OUTPUT"]), output_rows(wgs["OUTPUT"])
    assert [r["count"] for r in a] == [r["count"] for r in b]
    assert [r["area_km2"] for r in a] == [r["area_km2"] for r in b]  # areas stay in metres
    for fa, fb_ in zip(vector(rd["OUTPUT"]).getFeatures(), vector(wgs["OUTPUT"]).getFeatures()):
        back = _qgis_transformed(bytes(fb_.geometry().asWkb()), WGS, RD)
        assert np.allclose(_vertices(back), _vertices(fa.geometry()), atol=1e-4)


def test_raster_stays_in_the_working_crs_and_says_so(run_alg, demo_gpkg, tmp_path):
    out = str(tmp_path / "kde.tif")
    _, fb = run_alg("kerneldensity", {"INPUT": f"{demo_gpkg}|layername=incidents", "BANDWIDTH": 300,
                                      "CELL_SIZE": 50, "OUTPUT_CRS": "EPSG:4326", "OUTPUT": out})
    assert QgsRasterLayer(out, "k").crs().authid() == "EPSG:28992"
    assert "The raster is written in the metric working CRS EPSG:28992" in fb.log
