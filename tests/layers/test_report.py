"""The report engine (layers/reports): the one link rule against hostile addresses, escaping of every user text,
the practice rendering, atomic writing, and maps and charts checked pixel by pixel against their geometry."""
from __future__ import annotations

import base64
import re
from html.parser import HTMLParser

import pytest
from qgis.core import QgsFillSymbol, QgsRectangle, QgsSingleSymbolRenderer
from qgis.PyQt.QtGui import QColor, QImage
from testlib import memory_layer

from besecure.knowledge import library
from besecure.layers.reports.document import Report, file_link, link, relative_href, safe_href
from besecure.layers.reports.images import bar_chart_png, heatmap_png, layers_extent, render_map_png
from besecure.layers.reports.practice import Taxonomy, practice_html
from besecure.layers.reports.sbd import CheckReport, Item, ReportData, compare_items, ruleset_criteria, sbd_report

HOSTILE = [
    "javascript:alert(1)", "JavaScript:alert(1)", "  javascript:alert(1)", "java\tscript:alert(1)",
    "java\nscript:alert(1)", "vbscript:msgbox(1)", "data:text/html;base64,PHNjcmlwdD4=", "file:///etc/passwd",
    "FILE:///C:/Windows/win.ini", "/etc/passwd", "../../etc/passwd", "passwd", "//evil.example/x", "http://",
    "https:///path-without-host", "http:\\\\evil.example", "ftp://example.org/x", "mailto:a@example.org", "",
]
SCRIPT = '<script>alert("x")</script>'


class _Tags(HTMLParser):
    """Every start tag with its attributes, and the text, as a browser's parser sees them."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text = ""
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text += data

    def hrefs(self) -> list[str]:
        return [a["href"] for t, a in self.tags if t == "a"]


# --------------------------------------------------------------------------- the link rule
@pytest.mark.parametrize("url", HOSTILE)
def test_hostile_or_local_addresses_are_not_linked(url):
    assert safe_href(url) is None
    page = _Tags(link("Source", url))
    assert page.hrefs() == [] and page.text == "Source"


def test_web_addresses_are_linked_with_the_address_escaped():
    url = 'https://example.org/a?b=1&c="2"'
    page = _Tags(link("<b>Report & data</b>", url))
    assert page.hrefs() == [url]  # the parser's unescaped attribute is the address itself
    assert page.text == "<b>Report & data</b>" and [t for t, _ in page.tags] == ["a"]
    assert safe_href("http://www.burgernet.nl") == "http://www.burgernet.nl"


def test_files_are_linked_only_beside_the_report(tmp_path):
    report = tmp_path / "out" / "report.html"
    (tmp_path / "out" / "charts").mkdir(parents=True)
    assert relative_href(tmp_path / "out" / "chart.png", report) == "chart.png"
    assert relative_href(tmp_path / "out" / "charts" / "a b#1.png", report) == "charts/a%20b%231.png"
    assert relative_href(tmp_path / "elsewhere.png", report) is None
    assert _Tags(file_link("Chart", tmp_path / "out" / "chart.png", report)).hrefs() == ["chart.png"]
    outside = _Tags(file_link("Chart <png>", tmp_path / "elsewhere.png", report))
    assert outside.hrefs() == [] and outside.text == f"Chart <png> ({tmp_path / 'elsewhere.png'})"


# --------------------------------------------------------------------------- escaping
def test_every_user_text_is_escaped(qgis_app):
    report = Report(SCRIPT, lang='en"><script>')
    report.heading(SCRIPT, anchor='x"><script>')
    report.paragraph(f"{SCRIPT}\nsecond line")
    report.bullets([SCRIPT])
    report.table([SCRIPT], [[SCRIPT]], classes=[['x"><script>']])
    report.image(b"\x89PNG", SCRIPT)
    text = report.to_html()
    page = _Tags(text)
    assert "script" not in [t for t, _ in page.tags]
    assert page.text.count(SCRIPT) == 8  # <title>, h1, heading, paragraph, bullet, header, cell, caption
    assert '<html lang="en">' in text  # an invalid language falls back to English
    assert '<html lang="nl">' in Report("t", lang="nl_NL").to_html()


def _practice(**changes) -> dict:
    practice = {
        "id": "x", "title": {"en": SCRIPT}, "city": "<b>Delft</b>", "country": "NL", "years": {"start": 2004},
        "problem": [], "core_values": [], "approach": [], "smart_city": [],
        "description": {"en": "<img src=x onerror=alert(1)>"}, "evidence": {"level": "none", "summary": {"en": ""}},
        "sources": [{"title": "Good", "url": "https://example.org/report", "year": 2020},
                    {"title": "<i>Bad</i>", "url": "javascript:alert(1)"},
                    {"title": "Local", "url": "file:///etc/passwd", "reference": "<ref>"}],
        "tags": ["<tag>"],
    }
    practice.update(changes)
    return practice


def test_practice_html_escapes_the_practice_and_links_only_web_sources():
    taxonomy = Taxonomy("en", library.load_taxonomies())
    page = _Tags(practice_html(_practice(), taxonomy))
    assert page.hrefs() == ["https://example.org/report"]
    assert {t for t, _ in page.tags} <= {"h3", "h4", "p", "b", "br", "ul", "li", "a", "small"}
    for text in (SCRIPT, "<b>Delft</b>, NL · since 2004", "<img src=x onerror=alert(1)>", "<i>Bad</i>", "Local — <ref>",
                 "Tags: <tag>"):
        assert text in page.text
    assert SCRIPT not in _Tags(practice_html(_practice(), taxonomy, title=False)).text


def test_practice_html_matches_the_library_for_a_real_practice():
    practice = next(p for p in library.load_practices() if p["id"] == "burgernet")
    page = _Tags(practice_html(practice, Taxonomy("en", library.load_taxonomies())))
    assert page.hrefs() == [s["url"] for s in practice["sources"] if s.get("url")]
    assert practice["title"]["en"] in page.text and practice["description"]["en"] in page.text


# --------------------------------------------------------------------------- writing
def test_html_embeds_the_images_and_is_written_atomically(qgis_app, tmp_path):
    png = heatmap_png([[0.0, 1.0]], ["a"], ["0", "1"])
    report = Report("Images")
    report.image(png, "one")
    report.image(png, "two", width=100)
    path = report.write_html(tmp_path / "r.html")
    embedded = re.findall(r'src="data:image/png;base64,([A-Za-z0-9+/=]+)"', path.read_text(encoding="utf-8"))
    assert [base64.b64decode(b) for b in embedded] == [png, png]
    with pytest.raises(OSError):
        report.write_html(tmp_path / "missing" / "r.html")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r.html"]


def test_pdf_holds_every_image_and_leaves_no_partial_file(qgis_app, tmp_path):
    report = Report("PDF")
    report.paragraph("Two images.")
    report.image(heatmap_png([[1.0] * 24] * 7, list("abcdefg"), [str(h) for h in range(24)]), "wide")  # 628 px
    report.image(bar_chart_png(["a", "b"], [("s", [1.0, 2.0], "#ff0000")]), "bars")
    data = report.write_pdf(tmp_path / "r.pdf").read_bytes()
    assert data.startswith(b"%PDF-") and data.rstrip().endswith(b"%%EOF")
    assert data.count(b"/Subtype /Image") >= 2
    assert [p.name for p in tmp_path.iterdir()] == ["r.pdf"]


# --------------------------------------------------------------------------- pictures
def _red_square(x0: float, y0: float, side: float):
    layer = memory_layer("Polygon", ["id:integer"],
                         [(f"POLYGON(({x0} {y0}, {x0 + side} {y0}, {x0 + side} {y0 + side}, {x0} {y0 + side}, "
                           f"{x0} {y0}))", [1])])
    symbol = QgsFillSymbol.createSimple({"color": "255,0,0,255", "outline_style": "no"})
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    return layer


def test_map_puts_the_square_where_its_coordinates_say(qgis_app):
    layer = _red_square(1000.0, 2000.0, 100.0)
    # extent 400 m x 200 m at 2 px per metre: the square (x 1000..1100, y 2000..2100) covers columns 200..400 and,
    # y growing upwards, rows 0..200 from the top
    png = render_map_png([layer], QgsRectangle(900.0, 1900.0, 1300.0, 2100.0), layer.crs(), 800)
    image = QImage.fromData(png, "PNG")
    assert (image.width(), image.height()) == (800, 400)  # height from the extent's aspect ratio
    red = {(x, y) for x in range(0, 800, 10) for y in range(0, 400, 10) if image.pixelColor(x, y) == QColor("red")}
    assert {(x, y) for x in range(210, 400, 10) for y in range(10, 200, 10)} <= red
    assert not any(x < 200 or x > 400 or y > 200 for x, y in red)


def test_extent_is_the_union_with_a_margin_and_a_minimum_size(qgis_app):
    a, b = _red_square(0.0, 0.0, 100.0), _red_square(900.0, 400.0, 100.0)  # union 0..1000 x 0..500
    ext = layers_extent([a, b], a.crs(), margin=0.1)
    assert (ext.xMinimum(), ext.xMaximum(), ext.yMinimum(), ext.yMaximum()) == pytest.approx((-100, 1100, -100, 600))
    one = layers_extent([_red_square(10.0, 10.0, 2.0)], a.crs(), min_size=150.0)
    assert (one.width(), one.height()) == pytest.approx((150.0, 150.0)) and one.center().x() == pytest.approx(11.0)


def test_heatmap_colours_are_linear_from_white_to_dark_blue(qgis_app):
    cell = 22
    image = QImage.fromData(heatmap_png([[0.0, 2.0, 4.0]], ["row"], ["0", "1", "2"], "title", cell), "PNG")
    assert (image.width(), image.height()) == (90 + 3 * cell + 10, 40 + cell + 24)

    def colour(c):
        return image.pixelColor(90 + c * cell + cell // 2, 40 + cell // 2)

    low, high = QColor("#f7fbff"), QColor("#08306b")
    assert colour(0) == low and colour(2) == high
    mid = colour(1)
    assert (mid.red(), mid.green(), mid.blue()) == (int(low.red() + (high.red() - low.red()) * 0.5),
                                                    int(low.green() + (high.green() - low.green()) * 0.5),
                                                    int(low.blue() + (high.blue() - low.blue()) * 0.5))


def test_bars_are_as_high_as_their_values(qgis_app):
    image = QImage.fromData(bar_chart_png(["a", "b"], [("s", [1.0, 2.0], "#ff0000")], size=(560, 260)), "PNG")
    # plot 260 - 24 - 36 = 200 px high for the peak 2; groups (560 - 40 - 10) / 2 = 255 px wide
    heights = []
    for g in range(2):
        x = int(40 + g * 255 + 255 * 0.1 + 100)
        heights.append(sum(image.pixelColor(x, y) == QColor("#ff0000") for y in range(260)))
    assert heights == [pytest.approx(100, abs=1), pytest.approx(200, abs=1)]


# --------------------------------------------------------------------------- the security-by-design report
def test_variants_are_matched_by_location_within_the_tolerance():
    before = [Item("a", "fail", "", 0.0, 0.0), Item("b", "pass", "", 10.0, 0.0), Item("c", "pass", "", 50.0, 50.0)]
    after = [Item("a'", "pass", "fixed", 0.5, 0.0), Item("c'", "pass", "", 50.0, 51.0), Item("d", "fail", "new", 99, 0)]
    changes = compare_items(before, after, tolerance=2.0)
    assert [(c.label, c.before, c.after, c.reason) for c in changes] == [
        ("a", "fail", "pass", "fixed"), ("b", "pass", "(not in this variant)", ""),
        ("d", "(not in this variant)", "fail", "new")]


def test_ruleset_criteria_lists_every_sourced_constant():
    data = {"id": "r", "title": "t", "classes": {"car": {"mass_kg": {"value": 1500, "source": "EN 1"}}},
            "rules": [{"id": "gap", "text": "at most 1.2 m", "source": "SbD"}], "note": {"value": [1], "source": "x"}}
    assert ruleset_criteria(data) == [("classes.car.mass_kg", "1500", "EN 1"), ("rules.gap", "at most 1.2 m", "SbD")]


def test_sbd_report_escapes_titles_and_marks_verdicts(qgis_app):
    check = CheckReport("vehicleaccess", SCRIPT, "summary", status={"A": "ran", "B": "ran"},
                        counts={"A": {"fail": 2, "pass": 1}, "B": {"pass": 3}})
    text = sbd_report(ReportData(SCRIPT, "2026-01-01", "1.0", ["A", "B"], [check])).to_html()
    page = _Tags(text)
    assert "script" not in [t for t, _ in page.tags]
    assert f"{SCRIPT}</td><td class=\"fail\">3 / 2</td><td class=\"pass\">3 / 0</td>".replace(
        SCRIPT, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;") in text
    assert '<h2 id="check-vehicleaccess">' in text
    assert '<td class="fail">fail</td><td>2</td><td>0</td><td>-2</td>' in text
