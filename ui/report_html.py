"""Reports as HTML (and PDF): one small templating API for every BESECURE report.

A :class:`Report` collects blocks (headings, paragraphs, lists, tables, images) and writes them as
one self-contained HTML file (images embedded as ``data:`` URIs, so the file can be mailed or
archived as it is) or as a PDF through ``QTextDocument`` and ``QPrinter`` (offline, no browser).
Text is escaped; only :meth:`Report.raw` takes trusted markup. The image helpers render QGIS
layers (:func:`render_map_png`, ``QgsMapSettings`` + ``QgsMapRendererCustomPainterJob``) and
simple charts (:func:`heatmap_png`, :func:`bar_chart_png`) to PNG bytes with plain Qt painting.

Usage::

    report = Report("Dossier: burglary in Oosterwijk", lang="nl")
    report.heading("1. Scope")
    report.paragraph("Define the problem before choosing a solution.", css="guide")
    report.table(["Name", "Role"], [["Police", "partner"]])
    report.image(render_map_png([layer], layer.extent()), "Incidents per cell")
    report.write_html("dossier.html"); report.write_pdf("dossier.pdf")
"""
from __future__ import annotations

import base64
import html
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QRectF, QSize, Qt, QUrl
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPageLayout, QPageSize, QPainter, QTextDocument

__all__ = ["Report", "bar_chart_png", "heatmap_png", "image_size", "render_map_png"]

STYLE = """
body { font-family: 'DejaVu Sans', Arial, sans-serif; font-size: 10pt; color: #222; }
h1 { font-size: 18pt; color: #17375e; margin-bottom: 4px; }
h2 { font-size: 14pt; color: #17375e; margin-top: 18px; border-bottom: 1px solid #17375e; }
h3 { font-size: 11pt; color: #17375e; margin-top: 10px; }
p.meta { color: #555; }
p.guide { background-color: #eef3f8; color: #333; font-style: italic; padding: 6px; }
p.muted { color: #777; }
table { border-collapse: collapse; margin: 4px 0 8px 0; }
th { background-color: #dde6f0; text-align: left; padding: 3px 6px; }
td { padding: 3px 6px; vertical-align: top; }
p.caption { color: #555; font-size: 9pt; margin-top: 2px; }
"""


@dataclass
class _Image:
    png: bytes
    caption: str
    width: int | None


class Report:
    """An HTML report built block by block; see the module docstring."""

    def __init__(self, title: str, *, lang: str = "en") -> None:
        self.title = title
        self.lang = lang
        self._blocks: list[str | _Image] = []

    # -- blocks ------------------------------------------------------------------------------
    def heading(self, text: str, level: int = 2) -> None:
        level = min(max(level, 1), 4)
        self._blocks.append(f"<h{level}>{html.escape(text)}</h{level}>")

    def paragraph(self, text: str, *, css: str | None = None) -> None:
        """A paragraph of plain text; line breaks are kept."""
        if not text:
            return
        cls = f' class="{html.escape(css)}"' if css else ""
        body = "<br/>".join(html.escape(line) for line in text.splitlines())
        self._blocks.append(f"<p{cls}>{body}</p>")

    def bullets(self, items: Iterable[str], *, markup: bool = False) -> None:
        """A bulleted list; ``markup=True`` when the items are already HTML (e.g. from :func:`link`)."""
        rows = [item if markup else html.escape(item) for item in items]
        if rows:
            self._blocks.append("<ul>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul>")

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[object]], *, markup_columns: Iterable[int] = ()
              ) -> None:
        """A table; cells are escaped except in ``markup_columns``. ``None`` shows as empty."""
        keep = set(markup_columns)

        def cell(i: int, value: object) -> str:
            text = "" if value is None else str(value)
            return text if i in keep else html.escape(text)

        head = "".join(f"<th>{html.escape(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(f"<td>{cell(i, v)}</td>" for i, v in enumerate(row)) + "</tr>"
                       for row in rows)
        self._blocks.append(f'<table width="100%" border="1" cellspacing="0" cellpadding="3"><tr>{head}</tr>{body}'
                            "</table>")

    def image(self, png: bytes, caption: str = "", *, width: int | None = None) -> None:
        """A PNG image with a caption, ``width`` in pixels as shown (default: its own)."""
        self._blocks.append(_Image(bytes(png), caption, width))

    def raw(self, markup: str) -> None:
        """Trusted HTML (built with :func:`html.escape` or :func:`link` by the caller)."""
        self._blocks.append(markup)

    @staticmethod
    def link(text: str, url: str) -> str:
        """An escaped link; anything but http(s) and file addresses is shown as text only."""
        if url.startswith(("http://", "https://", "file://")):
            return f'<a href="{html.escape(url, quote=True)}">{html.escape(text)}</a>'
        return html.escape(text)

    @property
    def images(self) -> list[bytes]:
        """The PNG images in the report, in order."""
        return [b.png for b in self._blocks if isinstance(b, _Image)]

    # -- output ------------------------------------------------------------------------------
    def _body(self, src) -> str:
        parts = [f"<h1>{html.escape(self.title)}</h1>"]
        n = 0
        for block in self._blocks:
            if isinstance(block, _Image):
                width = f' width="{block.width}"' if block.width else ""
                alt = html.escape(block.caption, quote=True)
                parts.append(f'<p><img src="{src(n, block)}" alt="{alt}"{width}/></p>')
                if block.caption:
                    parts.append(f'<p class="caption">{html.escape(block.caption)}</p>')
                n += 1
            else:
                parts.append(block)
        return "\n".join(parts)

    def to_html(self) -> str:
        """The report as one self-contained HTML document (images as data URIs)."""
        def data_uri(_n: int, image: _Image) -> str:
            return "data:image/png;base64," + base64.b64encode(image.png).decode("ascii")

        return (f'<!DOCTYPE html>\n<html lang="{html.escape(self.lang)}">\n<head>\n<meta charset="utf-8"/>\n'
                f"<title>{html.escape(self.title)}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
                f"{self._body(data_uri)}\n</body>\n</html>\n")

    def write_html(self, path: str | Path) -> Path:
        path = Path(path)
        path.write_text(self.to_html(), encoding="utf-8")
        return path

    def to_document(self) -> QTextDocument:
        """The report as a QTextDocument (images as document resources, as Qt does not read data URIs)."""
        doc = QTextDocument()
        doc.setDefaultStyleSheet(STYLE)
        doc.setDefaultFont(QFont("DejaVu Sans", 10))
        names: list[tuple[str, bytes]] = []

        def resource(n: int, image: _Image) -> str:
            name = f"besecure-image-{n}.png"
            names.append((name, image.png))
            return name

        body = self._body(resource)
        for name, png in names:
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), QImage.fromData(png, "PNG"))
        doc.setHtml(f"<html><head><title>{html.escape(self.title)}</title></head><body>{body}</body></html>")
        return doc

    def write_pdf(self, path: str | Path) -> Path:
        """Print the report to an A4 PDF with ``QPrinter`` (no network, no browser)."""
        from qgis.PyQt.QtPrintSupport import QPrinter

        path = Path(path)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(path))
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                          QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        printer.setDocName(self.title)
        doc = self.to_document()
        doc.print(printer)
        if not path.is_file() or path.stat().st_size == 0:
            raise OSError(f"could not write {path}")
        return path


# --------------------------------------------------------------------------- images
def _png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def image_size(png: bytes) -> tuple[int, int]:
    """(width, height) of a PNG."""
    image = QImage.fromData(png, "PNG")
    return image.width(), image.height()


def render_map_png(layers: Sequence, extent, crs=None, size: tuple[int, int] = (800, 600),
                   background: str = "#ffffff") -> bytes:
    """Render ``layers`` (first on top, as in the layer tree) over ``extent`` to PNG bytes.

    Uses ``QgsMapSettings`` and ``QgsMapRendererCustomPainterJob`` in the calling thread, so it works
    offscreen and needs no canvas. ``crs`` defaults to the first layer's CRS.
    """
    from qgis.core import QgsMapRendererCustomPainterJob, QgsMapSettings

    layers = [layer for layer in layers if layer is not None and layer.isValid()]
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs if crs is not None else (layers[0].crs() if layers else settings.destinationCrs()))
    settings.setBackgroundColor(QColor(background))
    settings.setOutputSize(QSize(*size))
    settings.setOutputDpi(96)
    settings.setExtent(extent)
    image = QImage(QSize(*size), QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.start()
    job.waitForFinished()
    painter.end()
    return _png_bytes(image)


def _lerp(c0: QColor, c1: QColor, t: float) -> QColor:
    return QColor(int(c0.red() + (c1.red() - c0.red()) * t), int(c0.green() + (c1.green() - c0.green()) * t),
                  int(c0.blue() + (c1.blue() - c0.blue()) * t))


def heatmap_png(values: Sequence[Sequence[float]], row_labels: Sequence[str], col_labels: Sequence[str],
                title: str = "", cell: int = 22) -> bytes:
    """A heat grid (e.g. the 7 x 24 hot times): darker = more; the maximum is written in the title line."""
    n_rows, n_cols = len(values), len(values[0]) if values else 0
    left, top = 90, 40 if title else 16
    width, height = left + n_cols * cell + 10, top + n_rows * cell + 24
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont("DejaVu Sans", 8))
    if title:
        painter.drawText(QRectF(4, 2, width - 8, 22), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         title)
    peak = max((max(row) for row in values if len(row)), default=0.0)
    low, high = QColor("#f7fbff"), QColor("#08306b")
    for r, row in enumerate(values):
        painter.drawText(QRectF(2, top + r * cell, left - 6, cell),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(row_labels[r]))
        for c, value in enumerate(row):
            t = (value / peak) if peak > 0 else 0.0
            painter.fillRect(QRectF(left + c * cell, top + r * cell, cell - 1, cell - 1), _lerp(low, high, t))
    for c, label in enumerate(col_labels):
        painter.drawText(QRectF(left + c * cell, top + n_rows * cell + 2, cell, 18),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(label))
    painter.end()
    return _png_bytes(image)


def bar_chart_png(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float], str]], title: str = "",
                  size: tuple[int, int] = (560, 260)) -> bytes:
    """Grouped bars: one group per label, one bar per series ``(name, values, colour)``, with a legend."""
    width, height = size
    left, right, top, bottom = 40, 10, 40 if title else 24, 36
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont("DejaVu Sans", 8))
    if title:
        painter.drawText(QRectF(4, 2, width - 8, 18), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         title)
    x = 4.0
    for name, _, colour in series:  # legend
        painter.fillRect(QRectF(x, top - 16, 10, 10), QColor(colour))
        painter.drawText(QRectF(x + 14, top - 20, 160, 16), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         name)
        x += 24 + painter.fontMetrics().horizontalAdvance(name)
    peak = max((v for _, values, _ in series for v in values), default=0.0) or 1.0
    plot_h = height - top - bottom
    group_w = (width - left - right) / max(len(labels), 1)
    bar_w = group_w * 0.8 / max(len(series), 1)
    painter.drawLine(left, top + plot_h, width - right, top + plot_h)
    painter.drawText(QRectF(0, top - 6, left - 4, 14), Qt.AlignmentFlag.AlignRight, f"{peak:g}")
    for g, label in enumerate(labels):
        x0 = left + g * group_w + group_w * 0.1
        for s, (_, values, colour) in enumerate(series):
            value = values[g]
            h = plot_h * value / peak
            painter.fillRect(QRectF(x0 + s * bar_w, top + plot_h - h, bar_w - 2, h), QColor(colour))
            painter.drawText(QRectF(x0 + s * bar_w, top + plot_h - h - 14, bar_w, 12),
                             Qt.AlignmentFlag.AlignHCenter, f"{value:g}")
        painter.drawText(QRectF(left + g * group_w, top + plot_h + 4, group_w, 28),
                         Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, label)
    painter.end()
    return _png_bytes(image)
