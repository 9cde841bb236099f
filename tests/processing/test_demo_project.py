"""`make demo`'s project: opens zoomed to the town on a readable crime map (scripts/demo.py, layers/style.py).

References: the demo town's neighbourhood layer for the extent, the hexagon counts in the output file for the
classes, and a render of the project's own view (QgsMapRendererParallelJob, offscreen) for what a user sees.
"""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import numpy as np
import pytest
from qgis.core import QgsMapRendererParallelJob, QgsMapSettings, QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import QSize, Qt
from qgis.PyQt.QtGui import QColor

from besecure.layers.style import NICE_STEPS, class_labels, readable_breaks

DEMO = Path(__file__).resolve().parents[2] / "scripts" / "demo.py"


@pytest.fixture(scope="module")
def demo_project(besecure_provider, tmp_path_factory):
    spec = importlib.util.spec_from_file_location("besecure_demo_script", DEMO)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("demo_output")
    qgz = module.make_demo(out)
    assert qgz is not None and qgz.is_file()
    project = QgsProject()
    assert project.read(str(qgz))
    return project, out


def _nice(value: float) -> bool:
    if value == 0:
        return True
    exp = np.floor(np.log10(value))
    return any(np.isclose(value, s * 10**exp) for s in NICE_STEPS)


def test_opens_zoomed_to_the_town(demo_project):
    project, out = demo_project
    town = QgsVectorLayer(f"{out / 'demo_town.gpkg'}|layername=neighbourhoods", "n", "ogr")
    view = project.viewSettings().defaultViewExtent()
    assert view.crs().authid() == "EPSG:28992" == project.crs().authid()
    ext = town.extent()
    assert view.contains(ext)  # the whole town ...
    assert view.width() == pytest.approx(1.05 * ext.width()) and view.height() == pytest.approx(1.05 * ext.height())
    assert project.viewSettings().presetFullExtent() == view  # ... and 'zoom full' returns there


def test_crime_map_outlines_and_rounded_classes(demo_project):
    project, _out = demo_project
    shown = [node.layer().name() for node in project.layerTreeRoot().findLayers() if node.isVisible()]
    assert shown == ["Neighbourhoods", "Streets", "Incidents per 250 m hexagon"]  # top to bottom
    hoods = project.mapLayersByName("Neighbourhoods")[0]
    fill = hoods.renderer().symbol().symbolLayer(0)
    assert fill.brushStyle() == Qt.BrushStyle.NoBrush and fill.strokeWidth() > 0  # outlines, no fill
    assert hoods.labelsEnabled()
    crime = project.mapLayersByName("Incidents per 250 m hexagon")[0]
    renderer = crime.renderer()
    assert renderer.type() == "graduatedSymbol"
    ranges = renderer.ranges()
    assert 4 <= len(ranges) <= 6
    assert all(_nice(r.upperValue()) for r in ranges)
    assert all(re.fullmatch(r"\d+( - \d+)?", r.label()) for r in ranges), [r.label() for r in ranges]
    counts = np.array([f["count"] for f in crime.getFeatures()], dtype=float)
    assert ranges[-1].upperValue() >= counts.max() and ranges[0].label() == "0"
    # Every class holds units; the lowest positive class starts at 1 (counts are whole numbers).
    lowers = [r.lowerValue() for r in ranges]
    for lo, r in zip(lowers, ranges):
        inside = (counts == 0) if r.upperValue() == 0 else ((counts > lo) & (counts <= r.upperValue()))
        assert inside.any(), r.label()
    assert ranges[1].label().startswith("1 - ")


def test_readable_breaks_by_hand():
    values = np.array([0, 0, 1, 1, 1, 2, 2, 3, 5, 8, 13, 40, 90, 200], dtype=float)
    # Head/tail: 30.5, 110, 200 -> nice 40, 150, 200; then the class 1..40 (8 of the 14 units) is split at its
    # median 2.5, rounded up to the whole number 3.
    bounds, integer = readable_breaks(values, 5)
    assert integer and bounds == [0.0, 3.0, 40.0, 150.0, 200.0]
    assert class_labels(bounds, 0.0, integer) == ["0", "1 - 3", "4 - 40", "41 - 150", "151 - 200"]
    shares, integer = readable_breaks(np.array([0.05, 0.1, 0.12, 0.2, 0.33, 0.9]), 4)
    assert not integer and all(_nice(b) for b in shares)


def test_rendered_map_is_readable(demo_project, tmp_path):
    project, _ = demo_project
    layers = [node.layer() for node in project.layerTreeRoot().findLayers() if node.isVisible()]
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(project.crs())
    settings.setExtent(project.viewSettings().defaultViewExtent())
    settings.setOutputSize(QSize(600, 600))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    image = job.renderedImage()
    image.save(str(tmp_path / "demo_map.png"))
    colours = [QColor(image.pixel(x, y)) for x in range(0, 600, 6) for y in range(0, 600, 6)]
    coloured = sum(c.saturation() > 60 for c in colours) / len(colours)
    dark = sum(c.value() < 80 for c in colours) / len(colours)
    reds = {c.name() for c in colours if c.saturation() > 60}
    assert coloured > 0.6  # the crime map fills the view ...
    assert 0.003 < dark < 0.1  # ... with the neighbourhood outlines drawn over it, not covering it
    assert len(reds) >= 4  # and several classes show
