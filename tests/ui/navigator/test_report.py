"""The dossier report in HTML and PDF: every step with its Guide text, the chosen practices with
their sources, the plan, the maps (with the area's outline) and the charts."""
from __future__ import annotations

import base64
import html
import re

from navigator_testlib import area_dossier, dispose, make_dock, wait_for
from qgis.PyQt.QtGui import QImage

from besecure.knowledge import dossier as ds
from besecure.knowledge.library import load_checklist, load_guide, load_practices


def test_report_holds_every_step_the_guide_practices_and_maps(qgis_iface, besecure_provider, town, project,
                                                              tmp_path):
    incidents, hoods = town
    dock = make_dock(qgis_iface, background=False)  # the synchronous path of the runner
    try:
        d = area_dossier(incidents, hoods)
        practices = {p["id"]: p for p in load_practices()}
        chosen = ["police-label-secure-housing", next(iter(practices))]
        d.options.chosen = [ds.ChosenPractice(pid, f"Reason for {pid}.") for pid in chosen]
        d.plan.items[0].owner = "Team OOV"
        d.monitor.effect = ds.EffectResult(counts={"T_b": 40, "T_a": 25, "D_b": 30, "D_a": 28, "Ct_b": 100,
                                                   "Ct_a": 98, "Cd_b": 100, "Cd_a": 98},
                                           wdq=0.11, wdd=-13.0, wdd_se=21.3, wdd_z=-0.61, p=0.54, ci_low=-54.7,
                                           ci_high=28.7, interpretation="WDQ = 0.11: diffusion of benefits.")
        dock.set_dossier(d)
        assert wait_for(dock, dock.run_analysis)
        html_path = dock.export_html(tmp_path / "dossier.html")
        pdf_path = dock.export_pdf(tmp_path / "dossier.pdf")
    finally:
        dispose(dock)

    text = html_path.read_text(encoding="utf-8")
    guide = load_guide()["steps"]
    for i, step in enumerate(guide):
        assert f"<h2>{i + 1}. {html.escape(step['title']['en'])}</h2>" in text
        assert html.escape(step["text"]["en"]) in text
    # the steps in order
    positions = [text.index(f"<h2>{i + 1}. ") for i in range(len(guide))]
    assert positions == sorted(positions)
    for pid in chosen:
        practice = practices[pid]
        assert html.escape(practice["title"]["en"]) in text
        assert html.escape(f"Reason for {pid}.") in text
        for source in practice["sources"]:
            assert html.escape(source["title"]) in text
            if source.get("url"):
                assert f'href="{html.escape(source["url"], quote=True)}"' in text
    for section in load_checklist()["sections"]:
        assert html.escape(section["title"]["en"]) in text
    assert "Team OOV" in text and "WDQ = 0.11: diffusion of benefits." in text
    assert "Fewer burglaries" in text and "Municipality" in text

    images = [QImage.fromData(base64.b64decode(b), "PNG")
              for b in re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', text)]
    assert len(images) >= 3  # counts per cell map, hot-times chart, effect chart (and hot spots when installed)
    maps = [im for im in images if (im.width(), im.height()) == (800, 560)]
    assert maps, [(im.width(), im.height()) for im in images]
    picture = maps[0]
    colours = {picture.pixel(x, y) for x in range(0, 800, 8) for y in range(0, 560, 8)}
    assert len(colours) > 3  # a rendered map, not a blank image
    outline = QImage(picture).convertToFormat(QImage.Format.Format_RGB32)
    assert any(outline.pixelColor(x, y).name() == "#d7191c" for x in range(800) for y in range(0, 560, 4)), \
        "the area outline is drawn"

    data = pdf_path.read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert data.count(b"/Subtype /Image") >= len(images)
