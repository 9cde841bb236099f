"""The test venv runs on Debian's compiled stack (make venv pins pip to it, .ci/debian_pins.py).

QGIS, GDAL and the plugin's numpy/scipy/pandas users are built and tested against the packages
Debian installs; a pip upgrade of one of them in the venv (numpy 2 wheels over Debian 12's 1.24,
say) would test a combination no user has.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

DEBIAN_SITE = Path("/usr/lib/python3/dist-packages")
COMPILED = ["numpy", "scipy", "pandas", "sklearn", "shapely", "pyproj", "geopandas"]


@pytest.mark.skipif(not DEBIAN_SITE.is_dir(), reason="not a Debian system Python")
@pytest.mark.parametrize("module", COMPILED)
def test_compiled_stack_is_debians(module):
    spec = importlib.util.find_spec(module)
    assert spec is not None and spec.origin, f"{module} is not installed"
    assert Path(spec.origin).is_relative_to(DEBIAN_SITE), (
        f"{module} comes from {spec.origin}, not Debian's {DEBIAN_SITE} (sys.prefix {sys.prefix}): "
        "pip replaced it in the venv; make venv pins it to Debian's version")


def test_pyproj_finds_its_database():
    """pyproj >= 3.7 in a venv raises DataDirError unless PROJ_DATA points at Debian's proj.db."""
    pyproj = pytest.importorskip("pyproj")
    assert pyproj.CRS.from_epsg(28992).name == "Amersfoort / RD New"
