"""Security-by-design engines: exact isovists among ~1,600 building vertices, illuminance of 20,000 grid
points from 500 lamps, and the three visual checks end to end on the demo town.

Goals (issue 4): at most 5 ms per isovist observer; illuminance under 2 s. The isovists run on momepy's
Prague-Bubenec buildings (1,807 vertices, moved to UTM 33N) when momepy is installed, else on a
synthetic scene of the same size. Observers stand on the streets (Bubenec) or between the blocks.
"""
from __future__ import annotations

import importlib.util
import math
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
from common import peak_rss_mb, qgis, save, timer


def bubenec_scene():
    """(rings, street sample points) of Bubenec in UTM 33N, or None without momepy."""
    from osgeo import ogr
    from pyproj import Transformer

    spec = importlib.util.find_spec("momepy")
    path = Path(next(iter(spec.submodule_search_locations))) / "datasets" / "bubenec.gpkg" if spec else None
    if path is None or not path.is_file():
        return None
    to_utm = Transformer.from_crs("EPSG:3857", "EPSG:32633", always_xy=True)
    ds = ogr.Open(str(path))
    rings = []
    for feat in ds.GetLayerByName("buildings"):
        ring = np.array(feat.GetGeometryRef().GetGeometryRef(0).GetPoints())[:, :2]
        x, y = to_utm.transform(ring[:, 0], ring[:, 1])
        rings.append(np.column_stack([x, y]))
    lines = []
    for feat in ds.GetLayerByName("streets"):
        line = np.array(feat.GetGeometryRef().GetPoints())[:, :2]
        x, y = to_utm.transform(line[:, 0], line[:, 1])
        lines.append(np.column_stack([x, y]))
    return rings, lines


def synthetic_scene(seed: int = 5):
    """~1,600 vertices: 400 rectangles of 4 vertices on a jittered block grid, streets between."""
    rng = np.random.default_rng(seed)
    rings = []
    for i in range(20):
        for j in range(20):
            x, y = i * 30.0 + rng.uniform(0, 6), j * 30.0 + rng.uniform(0, 6)
            w, h = rng.uniform(10, 20), rng.uniform(8, 18)
            rings.append(np.array([[x, y], [x + w, y], [x + w, y + h], [x, y + h]]))
    lines = [np.array([[0.0, j * 30.0 + 27.0], [600.0, j * 30.0 + 27.0]]) for j in range(20)]
    return rings, lines


def bench_isovists(record: dict) -> None:
    from besecure.analysis.design.visual_checks import line_samples
    from besecure.analysis.geometry.visibility import OccluderSet, isovist

    scene = bubenec_scene()
    record["isovist_scene"] = "momepy Bubenec (UTM 33N)" if scene else "synthetic"
    rings, lines = scene or synthetic_scene()
    occ = OccluderSet.from_rings(rings)
    record["isovist_vertices"] = occ.n_vertices
    samples = line_samples(lines, 1.0)
    rng = np.random.default_rng(0)
    observers = samples.xy[rng.choice(samples.xy.shape[0], 500, replace=False)]
    for reach in (25.0, 100.0, 1000.0):
        isovist(observers[0], occ, reach)  # warm-up
        start = time.perf_counter()
        vertices = sum(isovist(o, occ, reach).shape[0] for o in observers)
        ms = (time.perf_counter() - start) / observers.shape[0] * 1000
        record[f"isovist_ms_per_observer_range_{int(reach)}m"] = round(ms, 3)
        record[f"isovist_mean_vertices_range_{int(reach)}m"] = round(vertices / observers.shape[0], 1)


def bench_illuminance(record: dict) -> None:
    from besecure.analysis.design.lighting import point_illuminance
    from besecure.analysis.design.visual_checks import Lamps, illuminance

    rng = np.random.default_rng(1)
    lamps = rng.uniform(0, 2_000, (500, 2))
    flux = rng.uniform(2_000, 8_000, 500)
    height = rng.uniform(4, 10, 500)
    points = rng.uniform(0, 2_000, (20_000, 2))
    with timer(record, "illuminance_engine_all_lamps_s"):
        all_lamps = point_illuminance(lamps, height, flux, points, 0.8)
    lamp_set = Lamps.build(lamps, height, flux, 0.8)
    with timer(record, "illuminance_tiled_reach_100m_s"):
        tiled = illuminance(lamp_set, points, reach=100.0)
    d = np.hypot(points[:, None, 0] - lamps[None, :, 0], points[:, None, 1] - lamps[None, :, 1])
    ref = np.where(d <= 100, flux / (4 * math.pi) * height * 0.8 / (height**2 + d**2) ** 1.5, 0).sum(axis=1)
    record["illuminance_tiled_max_abs_error_lx"] = float(np.abs(tiled - ref).max())
    record["illuminance_far_lamps_share_of_light"] = round(float(1 - tiled.sum() / all_lamps.sum()), 5)


def bench_demo_checks(record: dict) -> None:
    processing = qgis()
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        demo = tmp / "town.gpkg"
        processing.run("besecure:createdemodata", {"SEED": 42, "OUTPUT": str(demo)})
        common = {"BUILDINGS": f"{demo}|layername=buildings"}
        with timer(record, "demo_lightingcheck_s"):
            processing.run("besecure:lightingcheck", {
                **common, "LAMPS": f"{demo}|layername=street_lamps", "HEIGHT_FIELD": "height_m",
                "FLUX_FIELD": "flux_lm", "MAINTENANCE_FIELD": "maintenance_factor",
                "PATHS": f"{demo}|layername=paths", "CLASS_FIELD": "lighting_class", "RASTER_CELL_SIZE": 2.0,
                "OUTPUT": str(tmp / "l.gpkg"), "OUTPUT_FAILS": str(tmp / "lf.gpkg"),
                "OUTPUT_RASTER": str(tmp / "l.tif")})
        with timer(record, "demo_naturalsurveillance_s"):
            processing.run("besecure:naturalsurveillance", {
                **common, "OPENINGS": f"{demo}|layername=openings", "FACING_FIELD": "facing_deg",
                "PATHS": f"{demo}|layername=paths", "PUBLIC_SPACE": f"{demo}|layername=public_space",
                "OUTPUT": str(tmp / "n.gpkg"), "OUTPUT_UNWATCHED": str(tmp / "nu.gpkg")})
        with timer(record, "demo_cctvcoverage_s"):
            processing.run("besecure:cctvcoverage", {
                **common, "CAMERAS": f"{demo}|layername=cameras_redesign", "HEIGHT_FIELD": "height_m",
                "AZIMUTH_FIELD": "azimuth_deg", "HFOV_FIELD": "hfov_deg", "WIDTH_PX_FIELD": "width_px",
                "RANGE_FIELD": "max_range_m", "TARGETS": f"{demo}|layername=public_space",
                "OUTPUT": str(tmp / "c.gpkg"), "OUTPUT_TARGETS": str(tmp / "ct.gpkg"),
                "OUTPUT_BLIND": str(tmp / "cb.gpkg")})


def main() -> int:
    qgis()  # puts the plugin on the path
    record: dict = {}
    bench_isovists(record)
    bench_illuminance(record)
    bench_demo_checks(record)
    record["peak_rss_mb"] = round(peak_rss_mb(), 1)
    save("sbd", record)
    ok = (record["isovist_ms_per_observer_range_100m"] <= 5.0 and record["illuminance_tiled_reach_100m_s"] < 2.0
          and record["illuminance_tiled_max_abs_error_lx"] < 1e-9)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
