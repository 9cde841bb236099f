"""besecure:sbdreport: every chosen check gets its section with maps, verdicts and the criteria with their
sources from the rule sets; two variants give 'what changed'; missing checks or layers are skipped and
said so; bad input and Cancel leave no report behind."""
from __future__ import annotations

import re

import pytest
from qgis.core import QgsProcessingException, QgsVectorLayer
from testlib import wkt_layer as layer

from besecure.compat import FIELD_TYPE_DOUBLE, FIELD_TYPE_STRING

CHECK_INDEX = {"vehicleaccess": 0, "standoff": 1, "concealment": 2, "lightingcheck": 3}
RATING = "V/7200[N2B]/80/90:0.7"


def bollards(ys):
    return layer("Point", [f"POINT(1050 {y})" for y in ys], {"rating": FIELD_TYPE_STRING}, [[RATING]] * len(ys))


ROW = [1000.0 - 7.0 + 0.7 + 1.4 * k for k in range(10)]  # 1.2 m clear gaps across the road at y = 1000
GAP = [y for y in ROW if abs(y - 1000.0) > 1.0]  # the two middle bollards missing: a 4 m gap


def plan(**extra):
    veg_fields = {"kind": FIELD_TYPE_STRING, "height_m": FIELD_TYPE_DOUBLE, "crown_base_m": FIELD_TYPE_DOUBLE}
    params = {
        "ZONE": layer("Polygon", ["POLYGON((1050 900, 1250 900, 1250 1100, 1050 1100, 1050 900))"]),
        "NETWORK": layer("LineString", ["LINESTRING(1000 1000, 1150 1000)"]),
        "BARRIERS": bollards(GAP),
        "PATHS": layer("LineString", ["LINESTRING(1100 920, 1200 920)"]),
        "VEGETATION": layer("Point", ["POINT(1150 921.5)"], veg_fields, [["shrub", 1.6, None]]),
        "CHECKS": [CHECK_INDEX[c] for c in ("vehicleaccess", "standoff", "concealment", "lightingcheck")],
        "CHECK_PARAMETERS": '{"vehicleaccess": {"MAX_SPEED": 60}}',
    }
    params.update(extra)
    return params


def test_two_variant_report(run_alg, tmp_path):
    html_path = tmp_path / "report.html"
    veg_b = layer("Point", ["POINT(1150 921.5)"], {"kind": FIELD_TYPE_STRING, "height_m": FIELD_TYPE_DOUBLE},
                  [["shrub", 0.9]])
    res, fb = run_alg("sbdreport", plan(BARRIERS_B=bollards(ROW), VEGETATION_B=veg_b, OUTPUT_HTML=str(html_path)))
    html = html_path.read_text(encoding="utf-8")
    for check in ("vehicleaccess", "standoff", "concealment", "lightingcheck"):
        assert f'id="check-{check}"' in html
    # The lighting check has no lamps in this plan: skipped, and said so in the report and the log.
    assert "skipped: no layer or value for LAMPS" in html
    assert "Check 'lightingcheck' on 'Current situation' skipped" in fb.log
    # Criteria with their sources, read from the rule sets.
    assert "CISA Vehicle Ramming Self-Assessment Tool" in html
    assert "NCTC Bomb Threat Stand-Off Distances (320 ft / 98 m)" in html
    assert "Secured by Design: shrubs beside paths with a mature height of at most 1 m" in html
    # Maps: two per check that ran (vehicle access, stand-off, concealment).
    assert len(re.findall(r'<img [^>]*src="data:image/png;base64,', html)) == 6
    # The summary and what changed: the gap (4 m) closed by the redesign's bollards, the shrub pruned.
    assert re.search(r"Vehicle access \(hostile vehicle mitigation\)</td><td class=\"fail\">1 / 1</td>"
                     r"<td class=\"pass\">1 / 0</td>", html)
    changes = html[html.index("check-vehicleaccess"):html.index("check-standoff")]
    assert "What changed between the variants" in changes
    assert re.search(r'<td class="fail">inadequate</td><td class="pass">adequate</td>', changes)
    concealment = html[html.index("check-concealment"):html.index("check-lightingcheck")]
    assert re.search(r'<td class="fail">fail</td><td class="pass">pass</td>', concealment)
    assert res["OUTPUT_PDF"].endswith(".pdf")
    with open(res["OUTPUT_PDF"], "rb") as fh:
        assert fh.read(5) == b"%PDF-"
    outputs = sorted(p.name for p in (tmp_path / "report_files").glob("*.gpkg"))
    assert "a_vehicleaccess_output.gpkg" in outputs and "b_vehicleaccess_output.gpkg" in outputs


def test_single_variant_without_pdf(run_alg, tmp_path):
    html_path = tmp_path / "one.html"
    res, _ = run_alg("sbdreport", plan(WITH_PDF=False, CHECKS=[0], OUTPUT_HTML=str(html_path)))
    html = html_path.read_text(encoding="utf-8")
    assert "What changed" not in html and 'id="check-standoff"' not in html
    assert "a gap of 4.00 m between barriers" in html  # the failing item with its reason
    assert "OUTPUT_PDF" not in res and not (tmp_path / "one.pdf").exists()


def test_unregistered_check_is_skipped(monkeypatch, make_feedback, besecure_provider):
    from qgis.core import QgsProcessingContext

    from besecure.processing.algorithms import sbd_report

    monkeypatch.setitem(sbd_report.SPECS, "nosuchcheck", sbd_report.CheckSpec("No such check", "", {}))
    fb = make_feedback()
    report = sbd_report.SbdReport()._run_check("nosuchcheck", [("a", "Current", {})], {}, {}, "/nonexistent",
                                               QgsProcessingContext(), fb, {})
    assert report.status == {"Current": "skipped: the algorithm besecure:nosuchcheck is not installed"}
    assert "besecure:nosuchcheck is not registered" in fb.log


@pytest.mark.parametrize(("extra", "message"), [
    ({"CHECK_PARAMETERS": "{not json"}, "not valid JSON"),
    ({"CHECK_PARAMETERS": '{"lighting": {}}'}, "unknown checks: lighting"),
    ({"ZONE": None, "NETWORK": None, "BARRIERS": None, "PATHS": None, "VEGETATION": None}, "at least one plan layer"),
])
def test_bad_input_writes_nothing(run_alg, tmp_path, extra, message):
    html_path = tmp_path / "bad.html"
    with pytest.raises(QgsProcessingException, match=message):
        run_alg("sbdreport", plan(OUTPUT_HTML=str(html_path), **extra))
    assert not html_path.exists() and not (tmp_path / "bad.pdf").exists()


def test_cancel_writes_no_report(run_alg, tmp_path, make_feedback):
    html_path = tmp_path / "c.html"
    fb = make_feedback(cancel_on_message="Running check 'standoff'")
    with pytest.raises(QgsProcessingException, match="Cancelled"):
        run_alg("sbdreport", plan(OUTPUT_HTML=str(html_path)), feedback=fb)
    assert not html_path.exists()


def test_demo_town_report(run_alg, demo_gpkg, tmp_path):
    def demo(name):
        return QgsVectorLayer(f"{demo_gpkg}|layername={name}", name, "ogr")

    html_path = tmp_path / "demo.html"
    run_alg("sbdreport", {
        "CHECKS": [0, 1, 2], "ZONE": demo("protected_zone"), "NETWORK": demo("drivable_network"),
        "OPEN_SPACE": demo("drivable_areas"), "BARRIERS": demo("barriers"), "BARRIER_LINES": demo("barrier_lines"),
        "BUILDINGS": demo("buildings"), "VEGETATION": demo("vegetation"), "PATHS": demo("paths"),
        "PUBLIC_SPACE": demo("public_space"), "EXITS": demo("streets"),
        "BARRIERS_B": demo("barriers_redesign"), "VEGETATION_B": demo("vegetation_redesign"),
        "CHECK_PARAMETERS": '{"vehicleaccess": {"MAX_SPEED": 80}, "concealment": {"EXIT_TOLERANCE": 12}}',
        "WITH_PDF": False, "OUTPUT_HTML": str(html_path)})
    html = html_path.read_text(encoding="utf-8")
    access = html[html.index('id="check-vehicleaccess"'):html.index('id="check-standoff"')]
    # Planted: the north gap and the under-rated west row fail now and pass in the redesign.
    assert "a gap of 2.60 m between barriers" in access
    assert "V/1500[M1]/32/90:2.5" in access
    changed = access[access.index("What changed"):]
    assert changed.count('<td class="fail">inadequate</td><td class="pass">adequate</td>') == 2
    concealment = html[html.index('id="check-concealment"'):]
    # Planted: the tall shrub and the low crown; the Steeg dead end stays in both variants.
    changed = concealment[concealment.index("What changed"):]
    assert changed.count('<td class="fail">fail</td><td class="pass">pass</td>') == 2
