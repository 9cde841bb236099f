"""No DeprecationWarning from our code on the QGIS it runs on.

QGIS 3.40 and 3.44 deprecate APIs the plugin used (``QgsField(name, QVariant.Type)``,
``saveStyleToDatabase``, ``QgsRectangle.setMinimal`` ...): sip raises a Python DeprecationWarning
at the caller's line. pyproject.toml ignores DeprecationWarning for the whole suite (third-party
noise), so these tests record every warning themselves and fail on any raised from a file of the
plugin. On QGIS 3.22 nothing is deprecated yet; `make matrix` runs them on 3.44.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

from testlib import deprecations_from_plugin, in_plugin

from besecure.compat import null_rectangle

ROOT = Path(__file__).resolve().parents[2]


def test_the_recorder_sees_a_deprecation_raised_in_plugin_code():
    """The check bites: a DeprecationWarning raised from a plugin file is caught despite pyproject's filter."""
    code = compile("import warnings\nwarnings.warn('old API', DeprecationWarning)\n", str(ROOT / "layers" / "write.py"),
                   "exec")
    with deprecations_from_plugin() as found:
        exec(code, {})  # noqa: S102 (fixed source, compiled here)
        warnings.warn("not ours", DeprecationWarning, stacklevel=1)  # this test file is plugin code too
    assert len(found) == 2 and "old API" in found[0], found


def test_importing_every_module_warns_nothing():
    """Module-level code (compat's version switches above all) in a fresh interpreter."""
    script = """
import json, pkgutil, importlib, sys, warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    import besecure
    names = [m.name for m in pkgutil.walk_packages(besecure.__path__, "besecure.")]
    for name in names:
        importlib.import_module(name)
print(json.dumps({"modules": len(names), "warnings": [
    [w.filename, w.lineno, str(w.message)] for w in caught if issubclass(w.category, DeprecationWarning)]}))
"""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT / ".build" / "plugins"),
                                                         "/usr/share/qgis/python/plugins"])}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, timeout=300,
                          check=False)
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["modules"] > 50
    ours = [w for w in report["warnings"] if in_plugin(w[0])]
    assert ours == []


def test_algorithms_warn_nothing(demo_gpkg, run_alg, tmp_path):
    """Aggregation, hot spots and security-by-design checks on the demo town, written to styled GeoPackages."""
    def demo(name):
        return f"{demo_gpkg}|layername={name}"

    with deprecations_from_plugin() as found:
        res, _ = run_alg("aggregateincidents", {
            "INPUT": demo("incidents"), "AGGREGATION": 0, "CELL_SIZE": 250, "CATEGORY_FIELD": "category",
            "OUTPUT": str(tmp_path / "grid.gpkg")})
        run_alg("hotspots", {"INPUT": res["OUTPUT"], "VALUE_FIELD": "count", "NEIGHBOURS": 0,
                             "OUTPUT": str(tmp_path / "hotspots.gpkg")})
        run_alg("lightingcheck", {
            "LAMPS": demo("street_lamps"), "HEIGHT_FIELD": "height_m", "FLUX_FIELD": "flux_lm",
            "MAINTENANCE_FIELD": "maintenance_factor", "PATHS": demo("paths"), "PATH_ID_FIELD": "name",
            "CLASS_FIELD": "lighting_class", "OUTPUT": str(tmp_path / "lighting.gpkg"),
            "OUTPUT_FAILS": str(tmp_path / "lighting_fails.gpkg")})
        run_alg("sbdreport", {
            "ZONE": demo("protected_zone"), "NETWORK": demo("drivable_network"), "BARRIERS": demo("barriers"),
            "CHECKS": [0], "OUTPUT_HTML": str(tmp_path / "report.html")})
        null_rectangle()
    assert (tmp_path / "report.html").stat().st_size > 0
    assert found == []
