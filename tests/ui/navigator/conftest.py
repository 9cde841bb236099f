"""Fixtures of the Policy Navigator dock's tests: an emptied project, the demo town in it, a dock."""
from __future__ import annotations

import pytest
from navigator_testlib import dispose, load_town, make_dock
from qgis.core import QgsProject


@pytest.fixture()
def project():
    """The QGIS project, emptied before and after the test."""
    instance = QgsProject.instance()
    instance.clear()
    yield instance
    instance.clear()


@pytest.fixture()
def town(project, demo_gpkg):
    """The demo town's incidents and neighbourhoods loaded in the project."""
    return load_town(project, demo_gpkg)


@pytest.fixture()
def dock(qgis_iface, besecure_provider, project):
    widget = make_dock(qgis_iface)
    yield widget
    dispose(widget)
