"""Gi* hot spots with 999 permutations on about 100,000 hexagons, against PySAL esda's G_Local.

The hexagons come from the real pipeline: 300,000 clustered points over 30 km x 30 km aggregated to
100 m hexagons (empty cells kept) by ``besecure:aggregateincidents``. Then, in one process:
- ``besecure:hotspots`` end to end (read, queen contiguity, Gi*, FDR, write), timed;
- the statistic alone: our ``getis_ord_local`` and esda's ``G_Local(transform='B', star=True)`` on the
  same weights (our queen contiguity handed to esda as a libpysal W), with esda's defaults
  (``keep_simulations=True``, ``n_jobs=-1``) and with its leanest settings (no kept simulations, one
  job); the ratios, and the agreement of the z-scores (to 1e-8) and of the permutation p-values.
esda runs with numba when it is importable (it is not in the test venv); the record says which.
"""
from __future__ import annotations

import importlib.util
import sys
import tempfile
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
from common import peak_rss_mb, qgis, save, timer, write_points_gpkg

N_POINTS = 300_000
SIDE = 30_000.0
CELL = 100.0
X0, Y0 = 140_000.0, 440_000.0
PERMUTATIONS = 999
SEED = 1


def make_points(path: Path, seed: int = 3) -> None:
    """Clustered and background points (EPSG:28992) written as a GeoPackage through GDAL."""
    rng = np.random.default_rng(seed)
    k = N_POINTS // 2
    centres = rng.uniform(2_000, SIDE - 2_000, (60, 2))
    cluster = centres[rng.integers(0, 60, k)] + rng.normal(0, 500, (k, 2))
    background = rng.uniform(0, SIDE, (N_POINTS - k, 2))
    xy = np.clip(np.vstack([cluster, background]), 1e-3, SIDE - 1e-3)
    write_points_gpkg(path, pd.DataFrame({"x": xy[:, 0] + X0, "y": xy[:, 1] + Y0}))


def read_hexagons(path: Path):
    """Counts and flat ring arrays of the hexagons, read with OGR (independent of the plugin's reader)."""
    from osgeo import ogr

    from besecure.layers.wkb import polygon_parts

    ds = ogr.Open(str(path))
    lyr = ds.GetLayer(0)
    counts, rings, owner = [], [], []
    for i, feat in enumerate(lyr):
        counts.append(feat.GetField("count"))
        for part in polygon_parts(bytes(feat.GetGeometryRef().ExportToIsoWkb())):
            rings += part
            owner += [i] * len(part)
    offsets = np.concatenate([[0], np.cumsum([len(r) for r in rings])])
    return np.asarray(counts, dtype=float), np.concatenate(rings), offsets, np.asarray(owner)


def output_column(path: str, name: str) -> np.ndarray:
    from osgeo import ogr

    ds = ogr.Open(path.split("|")[0])  # the layer lives only as long as its data source
    lyr = ds.GetLayer(0)
    idx = lyr.GetLayerDefn().GetFieldIndex(name)
    return np.array([f.GetFieldAsDouble(idx) if f.IsFieldSetAndNotNull(idx) else np.nan for f in lyr])


def main() -> int:
    processing = qgis()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import esda
        import libpysal
    from besecure.analysis.spatial_stats.autocorrelation import getis_ord_local
    from besecure.analysis.spatial_stats.weights import contiguity_tolerance, contiguity_weights_flat

    record: dict = {"points": N_POINTS, "cell_size_m": CELL, "permutations": PERMUTATIONS,
                    "esda_version": esda.__version__, "esda_with_numba": importlib.util.find_spec("numba") is not None}
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        points = tmp / "points.gpkg"
        hexes = tmp / "hexagons.gpkg"
        make_points(points)
        processing.run("besecure:aggregateincidents", {"INPUT": str(points), "AGGREGATION": 1, "CELL_SIZE": CELL,
                                                       "KEEP_EMPTY": True, "OUTPUT": str(hexes)})
        y, xy, offsets, owner = read_hexagons(hexes)
        n = y.size
        record["hexagons"] = n

        out = tmp / "hotspots.gpkg"
        with timer(record, "besecure_hotspots_algorithm_s"):
            processing.run("besecure:hotspots", {"INPUT": str(hexes), "VALUE_FIELD": "count", "NEIGHBOURS": 0,
                                                 "PERMUTATIONS": PERMUTATIONS, "SEED": SEED, "OUTPUT": str(out)})

        with timer(record, "besecure_queen_weights_s"):
            w = contiguity_weights_flat(xy, offsets, owner, "queen", contiguity_tolerance(xy, offsets, owner), n=n)
        record["links"] = w.n_links
        with timer(record, "besecure_gi_star_s"):
            ours = getis_ord_local(y, w, star=True, permutations=PERMUTATIONS, seed=SEED)

        lw = libpysal.weights.WSP(w.matrix).to_W(silence_warnings=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            with timer(record, "esda_g_local_defaults_s"):
                esda.G_Local(y, lw, transform="B", star=True, permutations=PERMUTATIONS, seed=SEED)
            lw = libpysal.weights.WSP(w.matrix).to_W(silence_warnings=True)  # esda changed its transform
            with timer(record, "esda_g_local_lean_s"):
                theirs = esda.G_Local(y, lw, transform="B", star=True, permutations=PERMUTATIONS, seed=SEED,
                                      keep_simulations=False, n_jobs=1)
        record["speedup_vs_esda_defaults"] = round(record["esda_g_local_defaults_s"] / record["besecure_gi_star_s"], 1)
        record["speedup_vs_esda_lean"] = round(record["esda_g_local_lean_s"] / record["besecure_gi_star_s"], 1)

        ok = np.isfinite(theirs.Zs)
        record["max_abs_z_difference_engine"] = float(np.abs(ours.z[ok] - theirs.Zs[ok]).max())
        algorithm_z = output_column(str(out), "gi_z")
        record["max_abs_z_difference_algorithm"] = float(np.nanmax(np.abs(algorithm_z - theirs.Zs)))
        record["algorithm_neighbours_equal"] = bool(np.array_equal(output_column(str(out), "n_neighbours"),
                                                                   w.neighbour_counts))
        # Different random draws: the p-values agree in distribution, not feature by feature.
        record["mean_abs_p_sim_difference"] = round(float(np.nanmean(np.abs(ours.p_sim - theirs.p_sim))), 4)
        record["share_p_sim_below_0_05_ours"] = round(float(np.nanmean(ours.p_sim <= 0.05)), 4)
        record["share_p_sim_below_0_05_esda"] = round(float(np.nanmean(theirs.p_sim <= 0.05)), 4)
    record["peak_rss_mb"] = round(peak_rss_mb(), 1)
    save("hotspots", record)
    good = (record["max_abs_z_difference_engine"] < 1e-8 and record["max_abs_z_difference_algorithm"] < 1e-8
            and record["algorithm_neighbours_equal"])
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
