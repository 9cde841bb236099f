"""The security-by-design report: maps rendered from layers, the report's data, and its HTML and PDF.

One place for report templating: plain ``string.Template`` HTML with escaped values, maps rendered
offline with ``QgsMapRendererCustomPainterJob`` to PNG (embedded as base64 data URIs in the HTML,
passed as document resources to the PDF), and the PDF printed from the same HTML with
``QTextDocument`` and ``QPrinter``. No network access, no new dependency.
"""
from __future__ import annotations

import base64
import html
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from string import Template
from typing import Any

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeatureRequest,
    QgsMapLayer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QSize, QUrl
from qgis.PyQt.QtGui import QColor, QImage, QPainter, QTextDocument

from ..analysis.errors import InputError
from ..compat import REQUEST_NO_GEOMETRY, null_rectangle
from ..i18n import tr

FAILING = ("fail", "inadequate", "no barrier", "unrated", "too_far")
"""Verdict values that count as a failure in the summary (others: pass, adequate, ok, shelter, ...)."""
LABEL_FIELDS = ("name", "asset_id", "path_id", "camera_id", "barrier", "target_id", "kind", "rule")


# --------------------------------------------------------------------------------------------
# Rule-set criteria


def ruleset_criteria(data: Mapping[str, Any]) -> list[tuple[str, str, str]]:
    """Every ``{"value", "source"}`` constant of a rule set as (criterion, value, source) rows.

    The criterion is the path of keys to the constant (``classes.car.mass_kg``); rules of a list
    are named by their ``id``. Reads whatever the (possibly edited) rule set holds.
    """
    rows: list[tuple[str, str, str]] = []

    def walk(node: Any, path: list[str]) -> None:
        if isinstance(node, Mapping):
            if "value" in node and "source" in node and not isinstance(node["value"], (Mapping, list)):
                rows.append((".".join(path), f"{node['value']:g}" if isinstance(node["value"], (int, float))
                             else str(node["value"]), str(node["source"])))
                return
            for key, child in node.items():
                if key not in ("id", "kind", "title", "description", "sources", "source"):
                    walk(child, [*path, str(key)])
        elif isinstance(node, list):
            for i, child in enumerate(node):
                name = child.get("id", str(i)) if isinstance(child, Mapping) else str(i)
                if isinstance(child, Mapping) and {"id", "text", "source"} <= set(child):
                    rows.append((".".join([*path, str(name)]), str(child["text"]), str(child["source"])))
                else:
                    walk(child, [*path, str(name)])

    walk(data, [])
    return rows


# --------------------------------------------------------------------------------------------
# Reading outputs


def verdict_counts(layer: QgsVectorLayer, field_name: str = "verdict") -> dict[str, int]:
    """Number of features per verdict value (empty when the layer has no such field)."""
    idx = layer.fields().indexOf(field_name) if layer is not None and layer.isValid() else -1
    if idx < 0:
        return {}
    request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes([idx])
    counts: dict[str, int] = {}
    for feat in layer.getFeatures(request):
        value = feat.attributes()[idx]
        key = str(value) if value is not None and str(value) != "NULL" else ""
        counts[key] = counts.get(key, 0) + 1
    return counts


def _label(feat, names: Sequence[str]) -> str:
    for name in LABEL_FIELDS:
        if name in names:
            value = feat[name]
            if value is not None and str(value) not in ("", "NULL"):
                return str(value)
    return f"#{feat.id()}"


@dataclass(frozen=True)
class Item:
    """A feature of a verdict layer: label, verdict, reason and a representative point."""

    label: str
    verdict: str
    reason: str
    x: float
    y: float


def verdict_items(layer: QgsVectorLayer) -> list[Item]:
    """All features of a verdict layer as :class:`Item` (point: centroid or point on surface)."""
    if layer is None or not layer.isValid() or layer.fields().indexOf("verdict") < 0:
        return []
    names = layer.fields().names()
    items = []
    for feat in layer.getFeatures():
        geom = feat.geometry()
        pt = geom.pointOnSurface().asPoint() if geom is not None and not geom.isEmpty() else None
        reason = feat["reason"] if "reason" in names else ""
        label = _label(feat, names) + (f" ({pt.x():.0f}, {pt.y():.0f})" if pt else "")
        items.append(Item(label, str(feat["verdict"]), "" if reason in (None, "NULL") else str(reason),
                          pt.x() if pt else float("nan"), pt.y() if pt else float("nan")))
    return items


@dataclass(frozen=True)
class Change:
    """One difference between two variants: an item whose verdict changed, or that only one has."""

    label: str
    before: str
    after: str
    reason: str


def compare_items(before: Sequence[Item], after: Sequence[Item], tolerance: float) -> list[Change]:
    """Match the items of two variants by location (nearest within ``tolerance`` metres, each used
    once) and list those whose verdict changed, then those found in only one variant."""
    from scipy.spatial import cKDTree

    changes: list[Change] = []
    used = np.zeros(len(after), dtype=bool)
    xy_after = np.array([(i.x, i.y) for i in after], dtype=float).reshape(-1, 2)
    ok_after = np.isfinite(xy_after).all(axis=1)
    tree = cKDTree(xy_after[ok_after]) if ok_after.any() else None
    index_after = np.flatnonzero(ok_after)
    gone = []
    for item in before:
        match = -1
        if tree is not None and np.isfinite([item.x, item.y]).all():
            dist, cand = tree.query([item.x, item.y], k=min(8, index_after.size), distance_upper_bound=tolerance)
            for d, c in zip(np.atleast_1d(dist), np.atleast_1d(cand)):
                if np.isfinite(d) and not used[index_after[c]]:
                    match = int(index_after[c])
                    break
        if match < 0:
            gone.append(item)
            continue
        used[match] = True
        if after[match].verdict != item.verdict:
            changes.append(Change(item.label, item.verdict, after[match].verdict, after[match].reason))
    changes += [Change(i.label, i.verdict, tr("(not in this variant)"), i.reason) for i in gone]
    changes += [Change(a.label, tr("(not in this variant)"), a.verdict, a.reason)
                for a, u in zip(after, used) if not u]
    return changes


# --------------------------------------------------------------------------------------------
# Maps


def layers_extent(layers: Sequence[QgsMapLayer], crs: QgsCoordinateReferenceSystem, margin: float = 0.08,
                  min_size: float = 150.0) -> QgsRectangle:
    """The union of the layers' extents (all in ``crs``) with a relative margin, at least
    ``min_size`` map units wide and high so that a single entry point still shows its setting."""
    rect = null_rectangle()
    for lyr in layers:
        if lyr is None or not lyr.isValid():
            continue
        if isinstance(lyr, QgsVectorLayer):
            lyr.updateExtents()  # a GeoPackage written by a sink may not store its extent yet
            if lyr.featureCount() == 0:
                continue
        ext = lyr.extent()
        if np.isfinite([ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()]).all():
            rect.combineExtentWith(ext)
    if not np.isfinite(rect.width()) or rect.width() < 0:
        return QgsRectangle(0, 0, 1, 1)
    pad = max(rect.width(), rect.height()) * margin
    half_w = max(rect.width() / 2 + pad, min_size / 2)
    half_h = max(rect.height() / 2 + pad, min_size / 2)
    cx, cy = rect.center().x(), rect.center().y()
    return QgsRectangle(cx - half_w, cy - half_h, cx + half_w, cy + half_h)


def render_png(layers: Sequence[QgsMapLayer], extent: QgsRectangle, crs: QgsCoordinateReferenceSystem,
               width: int = 900, height: int | None = None) -> bytes:
    """Render ``layers`` (first on top) over ``extent`` to a PNG, offline and synchronously."""
    if height is None:
        ratio = extent.height() / extent.width() if extent.width() > 0 else 1.0
        height = int(max(200, min(2 * width, round(width * ratio))))
    settings = QgsMapSettings()
    settings.setLayers([lyr for lyr in layers if lyr is not None and lyr.isValid()])
    settings.setDestinationCrs(crs)
    settings.setExtent(extent)
    settings.setOutputSize(QSize(int(width), int(height)))
    settings.setBackgroundColor(QColor("white"))
    image = QImage(QSize(int(width), int(height)), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor("white"))
    painter = QPainter(image)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


# --------------------------------------------------------------------------------------------
# The report


@dataclass
class CheckReport:
    """What the report says about one check, per variant name."""

    check_id: str
    title: str
    summary: str
    status: dict[str, str] = field(default_factory=dict)
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    maps: dict[str, bytes] = field(default_factory=dict)
    failing: dict[str, list[Item]] = field(default_factory=dict)
    changes: list[Change] | None = None
    criteria_title: str = ""
    criteria: list[tuple[str, str, str]] = field(default_factory=list)
    parameters: dict[str, str] = field(default_factory=dict)

    def ran(self, variant: str) -> bool:
        return self.status.get(variant) == "ran"


@dataclass
class ReportData:
    """The whole report: title, variants in order (current first), checks and notes for the log."""

    title: str
    created: str
    version: str
    variants: list[str]
    checks: list[CheckReport]
    notes: list[str] = field(default_factory=list)


_PAGE = Template("""<!DOCTYPE html>
<html lang="$lang"><head><meta charset="utf-8"><title>$title</title>
<style>
body { font-family: sans-serif; margin: 2em; color: #222; }
h1 { border-bottom: 2px solid #444; }
h2 { margin-top: 2em; border-bottom: 1px solid #999; }
table { border-collapse: collapse; margin: 0.5em 0 1em 0; }
th, td { border: 1px solid #bbb; padding: 3px 8px; text-align: left; vertical-align: top; font-size: 90%; }
th { background: #eee; }
td.fail { color: #b2182b; font-weight: bold; }
td.pass { color: #1a7837; }
.meta { color: #555; }
.maps img { max-width: 100%; border: 1px solid #ccc; margin: 4px 0; }
.source { color: #555; font-size: 85%; }
</style></head>
<body>
<h1>$title</h1>
<p class="meta">$meta</p>
$notes
<h2 id="summary">$summary_heading</h2>
$summary
$sections
</body></html>
""")

_SECTION = Template("""<section id="check-$check_id">
<h2>$title</h2>
<p>$summary</p>
$status
<h3>$verdicts_heading</h3>
$verdicts
$maps
$failing
$changes
<h3>$criteria_heading</h3>
$criteria
$parameters
</section>
""")


def _e(text: Any) -> str:
    return html.escape(str(text), quote=True)


def _table(header: Sequence[str], rows: Sequence[Sequence[Any]], classes: Sequence[Sequence[str]] | None = None) -> str:
    head = "".join(f"<th>{_e(h)}</th>" for h in header)
    body = []
    for r, row in enumerate(rows):
        cells = []
        for c, value in enumerate(row):
            cls = classes[r][c] if classes is not None else ""
            cells.append(f'<td class="{cls}">{_e(value)}</td>' if cls else f"<td>{_e(value)}</td>")
        body.append("<tr>" + "".join(cells) + "</tr>")
    return f"<table><tr>{head}</tr>{''.join(body)}</table>"


def _verdict_class(verdict: str) -> str:
    return "fail" if verdict in FAILING else "pass" if verdict in ("pass", "adequate", "ok") else ""


def _n_failing(counts: Mapping[str, int]) -> int:
    return sum(n for v, n in counts.items() if v in FAILING)


def report_html(report: ReportData, image_src: Callable[[str, bytes], str] | None = None, lang: str = "en") -> str:
    """The report as one HTML page. ``image_src(key, png)`` gives an image's ``src`` (default: a
    base64 data URI, so the page is self-contained)."""
    def data_uri(_key: str, png: bytes) -> str:
        return "data:image/png;base64," + base64.b64encode(png).decode("ascii")

    src = image_src or data_uri
    variants = report.variants
    two = len(variants) > 1
    header = [tr("Check")] + [f"{v}: {tr('assessed / failing')}" for v in variants]
    rows, classes = [], []
    for chk in report.checks:
        row, cls = [chk.title], [""]
        for v in variants:
            if chk.ran(v):
                counts = chk.counts.get(v, {})
                total = sum(counts.values())
                bad = _n_failing(counts)
                row.append(f"{total} / {bad}" if counts else tr("ran (no verdicts)"))
                cls.append("fail" if bad else "pass")
            else:
                row.append(chk.status.get(v, tr("not run")))
                cls.append("")
        rows.append(row)
        classes.append(cls)
    sections = []
    for chk in report.checks:
        status = "".join(f"<p><b>{_e(v)}</b>: {_e(chk.status.get(v, tr('not run')))}</p>"
                         for v in variants if not chk.ran(v))
        values = sorted({k for v in variants for k in chk.counts.get(v, {})})
        if values:
            vrows = []
            vcls = []
            for value in values:
                r = [value or tr("(empty)")] + [chk.counts.get(v, {}).get(value, 0) for v in variants]
                if two:
                    r.append(f"{r[2] - r[1]:+d}")
                vrows.append(r)
                vcls.append([_verdict_class(value)] + [""] * (len(r) - 1))
            verdicts = _table([tr("Verdict")] + list(variants) + ([tr("Change")] if two else []), vrows, vcls)
        else:
            verdicts = f"<p>{_e(tr('No verdicts.'))}</p>"
        maps = "".join(
            f'<div class="maps"><h3>{_e(tr("Map"))}: {_e(v)}</h3><img alt="{_e(chk.title)} {_e(v)}" '
            f'src="{src(f"{chk.check_id}_{i}", chk.maps[v])}"></div>'
            for i, v in enumerate(variants) if v in chk.maps)
        failing = ""
        for v in variants:
            items = chk.failing.get(v, [])
            if items:
                failing += f"<h3>{_e(tr('Failing items'))}: {_e(v)}</h3>" + _table(
                    [tr("Item"), tr("Verdict"), tr("Reason")], [(i.label, i.verdict, i.reason) for i in items],
                    [["", "fail", ""] for _ in items])
        changes = ""
        if two and chk.changes is not None:
            changes = f"<h3>{_e(tr('What changed between the variants'))}</h3>"
            if chk.changes:
                changes += _table([tr("Item"), variants[0], variants[1], tr("Reason (redesign)")],
                                  [(c.label, c.before, c.after, c.reason) for c in chk.changes],
                                  [["", _verdict_class(c.before), _verdict_class(c.after), ""] for c in chk.changes])
            else:
                changes += f"<p>{_e(tr('No verdict changed.'))}</p>"
        criteria = (f"<p>{_e(chk.criteria_title)}</p>" if chk.criteria_title else "") + (
            _table([tr("Criterion"), tr("Value"), tr("Source")], chk.criteria) if chk.criteria
            else f"<p>{_e(tr('The criteria of this check are its parameters (below).'))}</p>")
        parameters = ""
        if chk.parameters:
            parameters = f"<h3>{_e(tr('Parameters'))}</h3>" + _table([tr("Parameter"), tr("Value")],
                                                                      sorted(chk.parameters.items()))
        sections.append(_SECTION.substitute(
            check_id=_e(chk.check_id), title=_e(chk.title), summary=_e(chk.summary), status=status,
            verdicts_heading=_e(tr("Verdicts")), verdicts=verdicts, maps=maps, failing=failing, changes=changes,
            criteria_heading=_e(tr("Criteria and their sources")), criteria=criteria, parameters=parameters))
    meta = tr("Created {} with BESECURE {}. Variants: {}.").format(report.created, report.version,
                                                                    ", ".join(variants))
    notes = "".join(f"<p class=\"meta\">{_e(n)}</p>" for n in report.notes)
    return _PAGE.substitute(lang=_e(lang), title=_e(report.title), meta=_e(meta), notes=notes,
                            summary_heading=_e(tr("Summary")), summary=_table(header, rows, classes),
                            sections="\n".join(sections))


def write_text_atomic(path: str, text: str) -> None:
    """Write a text file through a temporary file, so a failure leaves no half-written report."""
    tmp = f"{path}.partial"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise


def write_pdf(report: ReportData, path: str) -> None:
    """Print the report to PDF with QTextDocument and QPrinter (maps as document resources)."""
    from qgis.PyQt.QtPrintSupport import QPrinter

    doc = QTextDocument()
    images: dict[str, bytes] = {}

    def resource(key: str, png: bytes) -> str:
        images[f"{key}.png"] = png
        return f"{key}.png"

    page = report_html(report, resource)
    for name, png in images.items():
        image = QImage()
        image.loadFromData(png, "PNG")
        # Scale maps to the page's text width (QTextDocument does not honour CSS max-width).
        doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image.scaledToWidth(640))
    doc.setHtml(page)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    tmp = f"{path}.partial.pdf"
    printer.setOutputFileName(tmp)
    doc.print(printer)
    if not os.path.isfile(tmp):  # QPrinter fails silently
        raise InputError("Cannot write the PDF report '{}'; check that the folder exists and is writable.", path)
    os.replace(tmp, path)
