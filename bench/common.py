"""Shared set-up for the benchmarks: a headless QGIS with Processing and the BESECURE provider."""
from __future__ import annotations

import json
import os
import resource
import sys
import time
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
sys.path[:0] = [str(ROOT / ".build" / "plugins"), "/usr/share/qgis/python/plugins"]
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

_APP = None
_PLUGIN = None  # the plugin must stay alive or its provider is dropped


def qgis():
    """Start QGIS, Processing and the plugin's provider once; returns the processing module."""
    global _APP, _PLUGIN
    if _APP is None:
        from qgis.core import QgsApplication

        _APP = QgsApplication([], False)
        _APP.initQgis()
        from processing.core.Processing import Processing

        Processing.initialize()
        import besecure

        _PLUGIN = besecure.classFactory(None)
        _PLUGIN.initProcessing()
    import processing

    return processing


@contextmanager
def timer(record: dict, key: str):
    """Store the wall-clock seconds of the block in ``record[key]``."""
    start = time.perf_counter()
    yield
    record[key] = round(time.perf_counter() - start, 3)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def save(name: str, record: dict) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(record, indent=2))
    print(json.dumps(record, indent=2))


def write_points_gpkg(path: Path, frame, crs: str = "EPSG:28992") -> None:
    """Write a frame with x/y columns (and attributes) as a point GeoPackage layer 'points' through GDAL."""
    from osgeo import gdal

    csv = path.with_suffix(".csv")
    frame.to_csv(csv, index=False)
    src = gdal.OpenEx(str(csv), gdal.OF_VECTOR,
                      open_options=["X_POSSIBLE_NAMES=x", "Y_POSSIBLE_NAMES=y", "KEEP_GEOM_COLUMNS=NO"])
    gdal.VectorTranslate(str(path), src, format="GPKG", layerName="points", dstSRS=crs, srcSRS=crs)
    src = None
    csv.unlink()
