"""The category and period filter every incident algorithm shares (processing/incidents.py).

Reference: an independent pandas filter of the demo town's incidents as QGIS reads them feature by feature
(category compared case-insensitively, the QDateTime of 'occurred' in the period), and QGIS's own geometry
tests for the areas; each algorithm's counts must change exactly as that filter predicts.
"""
from __future__ import annotations

import json
import re

import numpy as np
import pandas as pd
import pytest
from qgis.core import QgsGeometry, QgsPointXY, QgsProcessingException
from testlib import frame, output_rows, vector, wkt_layer

CATEGORIES = "Residential Burglary,  VIOLENCE "  # any case, spaces around the values
START, END = "2023-03-01", "2023-10-31"
FILTER = {"CATEGORY_FILTER_FIELD": "category", "CATEGORY_VALUES": CATEGORIES}
PERIOD = {"TIME_FIELD": "occurred", "START": START, "END": END}


@pytest.fixture(scope="module")
def reference(demo_gpkg) -> pd.DataFrame:
    """The demo incidents with x, y, category, occurred (pandas Timestamps) and the two filter masks."""
    lyr = vector(f"{demo_gpkg}|layername=incidents")
    rows = [(f.geometry().asPoint().x(), f.geometry().asPoint().y(), f["category"],
             pd.Timestamp(f["occurred"].toPyDateTime())) for f in lyr.getFeatures()]
    ref = pd.DataFrame(rows, columns=["x", "y", "category", "occurred"])
    ref["in_category"] = ref["category"].str.lower().isin({"residential burglary", "violence"})
    ref["in_period"] = (ref["occurred"] >= pd.Timestamp(START)) & (ref["occurred"] < pd.Timestamp("2023-11-01"))
    return ref


def _inputs(demo_gpkg) -> dict:
    return {"INPUT": f"{demo_gpkg}|layername=incidents"}


def _selected(fb) -> tuple[int, int]:
    match = re.search(r"([\d,]+) of ([\d,]+) incidents selected: category in \{Residential Burglary, VIOLENCE\}, "
                      rf"{START} - {END}\.", fb.log)
    assert match, fb.log
    return int(match.group(1).replace(",", "")), int(match.group(2).replace(",", ""))


def _provenance(path: str) -> dict:
    from osgeo import gdal

    ds = gdal.OpenEx(path)
    text = (ds.GetLayer(0).GetMetadataItem("BESECURE_PROVENANCE") if ds.GetLayerCount()
            else ds.GetMetadataItem("BESECURE_PROVENANCE"))
    return json.loads(text)


def test_aggregate_counts_filtered_as_pandas_predicts(run_alg, demo_gpkg, reference, tmp_path):
    out = str(tmp_path / "agg.gpkg")
    _results, fb = run_alg("aggregateincidents", {**_inputs(demo_gpkg), **FILTER, **PERIOD, "AGGREGATION": 1,
                                                 "CELL_SIZE": 250, "KEEP_EMPTY": False, "OUTPUT": out})
    keep = reference["in_category"] & reference["in_period"]
    assert 100 < keep.sum() < 0.5 * len(reference)  # the filter does select, and not everything
    assert _selected(fb) == (keep.sum(), len(reference))
    rows = output_rows(out)
    assert sum(r["count"] for r in rows) == keep.sum()
    # Per hexagon: the pandas-filtered points inside each output polygon (QGIS geometry test).
    pts = reference[keep]
    for r, feat in zip(rows, vector(out).getFeatures()):
        geom = feat.geometry()
        bbox = geom.boundingBox()
        near = pts[(pts.x >= bbox.xMinimum()) & (pts.x <= bbox.xMaximum()) & (pts.y >= bbox.yMinimum())
                   & (pts.y <= bbox.yMaximum())]
        inside = sum(geom.contains(QgsGeometry.fromPointXY(QgsPointXY(x, y))) for x, y in zip(near.x, near.y))
        assert abs(r["count"] - inside) <= sum(geom.touches(QgsGeometry.fromPointXY(QgsPointXY(x, y)))
                                               for x, y in zip(near.x, near.y))
    record = _provenance(out)
    assert record["selection"]["categories"] == ["Residential Burglary", "VIOLENCE"]
    assert record["selection"]["n_selected"] == keep.sum()
    assert record["selection"]["start"] == START and record["selection"]["end"] == END
    assert record["name"] == f"Residential Burglary, VIOLENCE per 250 m hexagon, {START} - {END}"


def test_category_only_and_no_filter(run_alg, demo_gpkg, reference, tmp_path):
    out = str(tmp_path / "cat.gpkg")
    _, fb = run_alg("aggregateincidents", {**_inputs(demo_gpkg), **FILTER, "CELL_SIZE": 500, "OUTPUT": out})
    assert sum(r["count"] for r in output_rows(out)) == reference["in_category"].sum()
    assert f"{reference['in_category'].sum():,} of {len(reference):,} incidents selected" in fb.log
    out2 = str(tmp_path / "all.gpkg")
    _, fb = run_alg("aggregateincidents", {**_inputs(demo_gpkg), "CELL_SIZE": 500, "OUTPUT": out2})
    assert sum(r["count"] for r in output_rows(out2)) == len(reference)
    assert "incidents selected" not in fb.log
    assert _provenance(out2)["name"] == "Incidents per 500 m square"


def test_hot_times_filtered(run_alg, demo_gpkg, reference, tmp_path):
    out = str(tmp_path / "ht.gpkg")
    _, fb = run_alg("hottimes", {**_inputs(demo_gpkg), **FILTER, "START_FIELD": "occurred", "START": START,
                                 "END": END, "OUTPUT": out})
    keep = reference["in_category"] & reference["in_period"]
    assert _selected(fb)[0] == keep.sum()
    table = frame(vector(out))
    t = reference.loc[keep, "occurred"]
    expected = pd.Series(1.0, index=t).groupby([t.dt.weekday.to_numpy(), t.dt.hour.to_numpy()]).sum()
    got = table.set_index(["weekday", "hour"])["weight"]
    assert got.sum() == pytest.approx(keep.sum())
    for (d, h), w in expected.items():
        assert got[(d, h)] == pytest.approx(w)


def test_kernel_density_filtered(run_alg, demo_gpkg, reference, tmp_path):
    out = str(tmp_path / "kde.tif")
    _, fb = run_alg("kerneldensity", {**_inputs(demo_gpkg), **FILTER, **PERIOD, "BANDWIDTH": 200,
                                      "CELL_SIZE": 25, "OUTPUT": out})
    keep = reference["in_category"] & reference["in_period"]
    assert _selected(fb)[0] == keep.sum()
    mass = re.search(r"total weight ([\d,.]+)", fb.log)
    assert float(mass.group(1).replace(",", "")) == pytest.approx(keep.sum())
    assert _provenance(out)["selection"]["n_selected"] == keep.sum()


def test_optimized_hot_spots_filtered(run_alg, demo_gpkg, reference, tmp_path):
    out = str(tmp_path / "ohs.gpkg")
    _, fb = run_alg("optimizedhotspots", {**_inputs(demo_gpkg), **FILTER, **PERIOD, "CELL_SIZE": 300,
                                          "OUTPUT": out})
    keep = reference["in_category"] & reference["in_period"]
    assert _selected(fb)[0] == keep.sum()
    assert f"{keep.sum()} incidents read" in fb.log
    counted = re.search(r"; (\d+) of (\d+) incidents counted", fb.log)
    assert int(counted.group(2)) == keep.sum()
    assert sum(r["count"] for r in output_rows(out)) == int(counted.group(1))


def test_emerging_hot_spots_filtered(run_alg, demo_gpkg, reference, tmp_path):
    out = str(tmp_path / "ehs.gpkg")
    _, fb = run_alg("emerginghotspots", {**_inputs(demo_gpkg), **FILTER, **PERIOD, "TIME_STEP": 1,
                                         "CELL_SIZE": 400, "OUTPUT": out})
    keep = reference["in_category"] & reference["in_period"]
    assert _selected(fb)[0] == keep.sum()
    # Without a study area every incident falls in a location (the cells with incidents).
    assert sum(r["count"] for r in output_rows(out)) == keep.sum()


def test_period_change_category_filter(run_alg, demo_gpkg, reference, tmp_path):
    out = str(tmp_path / "pc.gpkg")
    _, fb = run_alg("periodchange", {**_inputs(demo_gpkg), **FILTER, "TIME_FIELD": "occurred", "CELL_SIZE": 500,
                                     "PERIOD_A_START": "2023-01-01", "PERIOD_A_END": "2023-12-31",
                                     "PERIOD_B_START": "2024-01-01", "PERIOD_B_END": "2024-12-31",
                                     "OUTPUT": out})
    cat = reference[reference["in_category"]]
    rows = output_rows(out)
    assert sum(r["count_a"] for r in rows) == (cat.occurred.dt.year == 2023).sum()
    assert sum(r["count_b"] for r in rows) == (cat.occurred.dt.year == 2024).sum()
    assert f"{len(cat):,} of {len(reference):,} incidents selected" in fb.log
    assert _provenance(out)["name"] == ("Change between periods - Residential Burglary, VIOLENCE, 500 m square, "
                                        "2023-01-01 – 2023-12-31 vs 2024-01-01 – 2024-12-31")


def test_intervention_effect_category_filter(run_alg, demo_gpkg, reference, tmp_path):
    centre = QgsGeometry.fromPointXY(QgsPointXY(152_600, 450_400))
    target, ring = centre.buffer(300, 32), centre.buffer(700, 32).difference(centre.buffer(300, 32))
    control = QgsGeometry.fromWkt("POLYGON((150000 450000, 151000 450000, 151000 451000, 150000 451000, "
                                  "150000 450000))")
    out = str(tmp_path / "ie.gpkg")
    run_alg("interventioneffect", {
        **_inputs(demo_gpkg), **FILTER, "TIME_FIELD": "occurred",
        "TARGET": wkt_layer("Polygon", [target.asWkt()]), "BUFFER": wkt_layer("Polygon", [ring.asWkt()]),
        "CONTROL": wkt_layer("Polygon", [control.asWkt()]), "BEFORE_START": "2023-01-01",
        "BEFORE_END": "2023-12-31", "AFTER_START": "2024-01-01", "AFTER_END": "2024-12-31", "OUTPUT": out})
    row = output_rows(out)[0]
    cat = reference[reference["in_category"]]
    for key, area in (("T", target), ("D", ring), ("Ct", control)):
        inside = np.array([area.contains(QgsGeometry.fromPointXY(QgsPointXY(x, y))) for x, y in zip(cat.x, cat.y)])
        assert row[f"{key}_b"] == (inside & (cat.occurred.dt.year == 2023)).sum()
        assert row[f"{key}_a"] == (inside & (cat.occurred.dt.year == 2024)).sum()


def test_unknown_category_is_refused_naming_the_values(run_alg, demo_gpkg, tmp_path):
    with pytest.raises(QgsProcessingException, match="commonest values are: bicycle theft"):
        run_alg("aggregateincidents", {**_inputs(demo_gpkg), "CATEGORY_FILTER_FIELD": "category",
                                       "CATEGORY_VALUES": "arson", "OUTPUT": str(tmp_path / "x.gpkg")})
    _, fb = run_alg("aggregateincidents", {**_inputs(demo_gpkg), "CATEGORY_FILTER_FIELD": "category",
                                           "CATEGORY_VALUES": "arson, violence", "OUTPUT": str(tmp_path / "y.gpkg")})
    assert "No incident has 'arson' in 'category'." in fb.log
    with pytest.raises(QgsProcessingException, match="need CATEGORY_FILTER_FIELD"):
        run_alg("hottimes", {**_inputs(demo_gpkg), "START_FIELD": "occurred", "CATEGORY_VALUES": "violence",
                             "OUTPUT": str(tmp_path / "z.gpkg")})
    assert not (tmp_path / "x.gpkg").exists() and not (tmp_path / "z.gpkg").exists()


def test_numeric_category_field(run_alg, tmp_path):
    from besecure.compat import FIELD_TYPE_DOUBLE

    pts = wkt_layer("Point", [f"POINT({i * 10} 0)" for i in range(6)], {"code": FIELD_TYPE_DOUBLE},
                    [(1.0,), (2.0,), (2.0,), (3.0,), (None,), (2.0,)])
    out = str(tmp_path / "n.gpkg")
    _, _fb = run_alg("aggregateincidents", {"INPUT": pts, "CATEGORY_FILTER_FIELD": "code", "CATEGORY_VALUES": "2, 3",
                                           "CELL_SIZE": 1000, "OUTPUT": out})
    assert sum(r["count"] for r in output_rows(out)) == 4


def test_every_incident_algorithm_has_the_filter(besecure_provider):
    """Every algorithm that reads incidents through processing/incidents.py declares the same filter."""
    ids = [a.name() for a in besecure_provider.algorithms() if a.parameterDefinition("INPUT") is not None
           and a.parameterDefinition("CSV_CRS") is not None]
    assert {"aggregateincidents", "hottimes", "periodchange", "kerneldensity", "optimizedhotspots",
            "emerginghotspots", "interventioneffect"} <= set(ids)
    for alg_id in ids:
        alg = besecure_provider.algorithm(alg_id)
        assert alg.parameterDefinition("CATEGORY_FILTER_FIELD") is not None, alg_id
        assert alg.parameterDefinition("CATEGORY_VALUES") is not None, alg_id
        if alg_id not in ("periodchange", "interventioneffect"):  # they compare two periods of their own
            assert alg.parameterDefinition("START") is not None and alg.parameterDefinition("END") is not None
        assert "case-insensitive" in alg.shortHelpString(), alg_id


def test_hot_times_chart_and_report(run_alg, demo_gpkg, reference, tmp_path):
    """The PNG has the 7 x 24 grid's size, the HTML embeds and links it, and its 168 values are the table's."""
    import base64
    import html as html_mod
    from html.parser import HTMLParser

    from qgis.PyQt.QtGui import QImage

    chart, page, out = tmp_path / "ht.png", tmp_path / "ht.html", str(tmp_path / "ht.gpkg")
    results, _ = run_alg("hottimes", {**_inputs(demo_gpkg), **FILTER, "START_FIELD": "occurred",
                                      "END_FIELD": "window_to", "START": START, "END": END, "OUTPUT": out,
                                      "OUTPUT_CHART": str(chart), "OUTPUT_HTML": str(page)})
    assert results["OUTPUT_CHART"] == str(chart) and results["OUTPUT_HTML"] == str(page)
    image = QImage(str(chart))
    # 90 px of day labels + 24 cells of 22 px + 10 px margin; title line 40 px + 7 rows + 24 px of hour labels.
    assert (image.width(), image.height()) == (90 + 24 * 22 + 10, 40 + 7 * 22 + 24)
    text = page.read_text(encoding="utf-8")
    assert base64.b64encode(chart.read_bytes()).decode("ascii") in text  # the same PNG, embedded
    assert 'href="ht.png"' in text  # linked relative to the report, beside it
    assert html_mod.escape("category in {Residential Burglary, VIOLENCE}, 2023-03-01 - 2023-10-31") in text

    class Cells(HTMLParser):
        def __init__(self):
            super().__init__()
            self.rows, self._cell = [], None

        def handle_starttag(self, tag, attrs):
            if tag == "tr":
                self.rows.append([])
            elif tag == "td":
                self._cell = ""

        def handle_data(self, data):
            if self._cell is not None:
                self._cell += data

        def handle_endtag(self, tag):
            if tag == "td":
                self.rows[-1].append(self._cell)
                self._cell = None

    parser = Cells()
    parser.feed(text)
    grid = np.array([[float(v) for v in row[1:]] for row in parser.rows if len(row) == 25])
    assert grid.shape == (7, 24)
    table = frame(vector(out)).sort_values(["weekday", "hour"])
    assert np.allclose(grid.ravel(), table["weight"].to_numpy(), atol=0.005)
    assert grid.sum() > 100


def test_hot_times_report_in_an_unwritable_place_leaves_nothing(run_alg, demo_gpkg, tmp_path):
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    chart, out = tmp_path / "ht.png", tmp_path / "ht.gpkg"
    # Refused before any work by the check every algorithm makes of its output folders (processing/base.py).
    with pytest.raises(QgsProcessingException, match=r"not_a_folder', the folder of the output .* is a file"):
        run_alg("hottimes", {**_inputs(demo_gpkg), "START_FIELD": "occurred", "OUTPUT": str(out),
                             "OUTPUT_CHART": str(chart), "OUTPUT_HTML": str(blocker / "ht.html")})
    assert sorted(p.name for p in tmp_path.iterdir()) == ["not_a_folder"]
