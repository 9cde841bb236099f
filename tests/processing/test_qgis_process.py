"""Batch: the algorithms run from qgis_process as a subprocess, with the plugin from QGIS_PLUGINPATH."""
import os
import subprocess
from pathlib import Path

import pytest
from qgis.core import QgsVectorLayer

ROOT = Path(__file__).resolve().parents[2]
QGIS_PROCESS = "/usr/bin/qgis_process.bin"


def qgis_process(*args, tmp_path):
    """Run qgis_process with its own profile under ``tmp_path``."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(ROOT / ".build" / "plugins"))
    env["XDG_RUNTIME_DIR"] = str(tmp_path / "xdg")
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(tmp_path / "profile")  # a fresh profile: the test enables the plugin
    (tmp_path / "xdg").mkdir(mode=0o700, exist_ok=True)
    return subprocess.run([QGIS_PROCESS, *args], env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def enabled(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("qp")
    done = qgis_process("plugins", "enable", "besecure", tmp_path=tmp)
    assert done.returncode == 0, done.stderr
    return tmp


def test_provider_listed(enabled):
    done = qgis_process("list", tmp_path=enabled)
    for alg in ("createdemodata", "aggregateincidents", "hottimes", "periodchange"):
        assert f"besecure:{alg}" in done.stdout


def test_aggregate_chicago_via_qgis_process(enabled, shared_data, tmp_path):
    out = tmp_path / "areas.gpkg"
    done = qgis_process(
        "run", "besecure:aggregateincidents", "--",
        f"INPUT={shared_data / 'chicago' / 'incidents_2017_2019.gpkg'}", "AGGREGATION=2",
        f"ZONES={shared_data / 'chicago' / 'community_areas.gpkg'}", "ZONE_ID_FIELD=AREA_NUMBE",
        "CATEGORY_FIELD=primary_type", f"OUTPUT={out}", tmp_path=enabled)
    assert done.returncode == 0, done.stdout + done.stderr
    layer = QgsVectorLayer(str(out), "areas", "ogr")
    assert layer.featureCount() == 77
    total = sum(f["count"] for f in layer.getFeatures())
    assert 24_900 < total <= 25_000
    assert "EPSG:32616" in done.stdout
    assert layer.renderer().type() == "graduatedSymbol"  # style saved in the GeoPackage


def test_bad_input_gives_message_not_traceback(enabled, tmp_path, shared_data):
    done = qgis_process("run", "besecure:aggregateincidents", "--",
                        f"INPUT={shared_data / 'chicago' / 'incidents_2017_2019.gpkg'}", "CELL_SIZE=0.5",
                        f"OUTPUT={tmp_path / 'x.gpkg'}", tmp_path=enabled)
    assert done.returncode != 0
    assert "cells, more than the limit" in done.stdout + done.stderr
    assert "Traceback" not in done.stdout + done.stderr
    assert not (tmp_path / "x.gpkg").exists()


def test_help_lists_parameters(enabled):
    done = qgis_process("help", "besecure:aggregateincidents", tmp_path=enabled)
    for name in ("MIN_PUBLISH_COUNT", "POPULATION_POINTS", "KEEP_EMPTY", "STUDY_AREA"):
        assert name in done.stdout
