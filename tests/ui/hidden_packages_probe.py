"""Run by test_optional_packages.py in a fresh Python with the optional packages hidden (not collected by
the suite itself: its name does not start with ``test_``)."""
import importlib
import json
import os

import pytest
from qgis.core import QgsApplication, QgsVectorLayer

HIDDEN = os.environ["BESECURE_HIDDEN"].split(",")
EXPECTED_IDS = set(json.loads(os.environ["BESECURE_ALGORITHM_IDS"]))


def test_plugin_loads_and_runs_without_the_optional_packages(qgis_iface, qgis_app, qgis_processing, tmp_path):
    for name in HIDDEN:
        with pytest.raises(ImportError):
            importlib.import_module(name)
    import besecure
    import processing
    from besecure.processing.algorithms import import_errors
    from besecure.ui import DOCKS

    plugin = besecure.classFactory(qgis_iface)
    plugin.initGui()  # calls initProcessing
    try:
        provider = QgsApplication.processingRegistry().providerById("besecure")
        assert provider is not None and not import_errors
        assert {a.id() for a in provider.algorithms()} == EXPECTED_IDS
        out = tmp_path / "town.gpkg"
        processing.run("besecure:createdemodata", {"SEED": 1, "OUTPUT": str(out)})
        res = processing.run("besecure:aggregateincidents", {"INPUT": f"{out}|layername=incidents",
                                                             "OUTPUT": str(tmp_path / "cells.gpkg")})
        cells = QgsVectorLayer(res["OUTPUT"], "cells", "ogr")
        incidents = QgsVectorLayer(f"{out}|layername=incidents", "i", "ogr")
        assert sum(f["count"] for f in cells.getFeatures()) == incidents.featureCount() > 0
        for key in DOCKS:
            assert plugin.toggle_dock(key, True) is not None, key
        if "pyqtgraph" in HIDDEN:
            compass = plugin.docks["compass"]
            assert compass.trend_chart.plot_widget is None
            assert "python3-pyqtgraph" in compass.trend_chart.message.text()
    finally:
        plugin.unload()
