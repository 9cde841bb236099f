"""A report document: blocks (headings, paragraphs, lists, tables, images) written as one self-contained HTML
page (images embedded as ``data:`` URIs, so the file can be mailed or archived as it is) or printed to PDF
through ``QTextDocument`` and ``QPrinter`` (offline, no browser).

Every text is escaped; only :meth:`Report.raw` and the ``markup`` options take HTML, built by the caller
with :func:`escape`, :func:`link` and :func:`file_link`. The one link rule: web addresses (:func:`safe_href`)
and files written beside the report (:func:`relative_href`), nothing else. Files are written atomically (a
temporary file, then a rename), so a failure leaves no half-written report.

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
import os
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Template
from urllib.parse import quote, urlsplit

from qgis.PyQt.QtCore import QMarginsF, QUrl
from qgis.PyQt.QtGui import QFont, QImage, QPageLayout, QPageSize, QTextDocument

__all__ = ["PRINT_WIDTH", "Report", "escape", "file_link", "link", "relative_href", "safe_href", "write_text_atomic"]

TEMPLATES = Path(__file__).with_name("templates")
PRINT_WIDTH = 640
"""Images wider than this (pixels) are scaled down to it in the PDF (QTextDocument ignores CSS max-width)."""
_UNSAFE = re.compile(r"[\x00-\x20\x7f\\]")


@cache
def template(name: str) -> Template:
    """A template of ``templates/`` (``string.Template``: ``$name`` placeholders, values escaped by the caller)."""
    return Template((TEMPLATES / name).read_text(encoding="utf-8"))


@cache
def style() -> str:
    """The reports' style sheet (``templates/report.css``), shared by the HTML page and the PDF."""
    return (TEMPLATES / "report.css").read_text(encoding="utf-8")


def escape(text: object) -> str:
    """``text`` as HTML text or attribute value (quotes escaped too)."""
    return html.escape(str(text), quote=True)


def safe_href(url: str) -> str | None:
    """The one link rule for addresses that come with the data (a practice's or a criterion's source):
    the ``href`` for ``url``, or None when a link to it is not allowed.

    Only web addresses are linked: ``http``/``https`` with a host. Everything else is refused and shown as
    text: ``javascript:``, ``data:``, ``file:`` (a report or a shared practice must not point into the
    reader's disk), relative and absolute paths, and addresses holding white space, control characters or
    backslashes (browsers drop some of them, so ``java\\tscript:`` would run). A report links to a file
    of its own only through :func:`file_link`.
    """
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or _UNSAFE.search(url):
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    return url if parts.scheme.lower() in ("http", "https") and parts.hostname else None


def link(text: str, url: str) -> str:
    """``text`` as a link to ``url`` when :func:`safe_href` allows it, else as plain text (escaped)."""
    href = safe_href(url)
    return f'<a href="{escape(href)}">{escape(text)}</a>' if href else escape(text)


def relative_href(path: str | os.PathLike[str], report_path: str | os.PathLike[str]) -> str | None:
    """The relative address of a file written with the report: ``path`` from the report at ``report_path``
    when it lies in the report's folder or below it, else None (a report links to nothing else on disk)."""
    folder = Path(report_path).resolve().parent
    try:
        rel = Path(path).resolve().relative_to(folder)
    except ValueError:
        return None
    return quote(rel.as_posix())


def file_link(text: str, path: str | os.PathLike[str], report_path: str | os.PathLike[str]) -> str:
    """``text`` linked to a file written with the report (:func:`relative_href`); a file elsewhere is named
    as text, ``text (path)``, so the reader still finds it and the report keeps working when moved."""
    href = relative_href(path, report_path)
    return f'<a href="{escape(href)}">{escape(text)}</a>' if href else f"{escape(text)} ({escape(path)})"


def write_text_atomic(path: str | os.PathLike[str], text: str) -> None:
    """Write a text file through a temporary file, so a failure leaves no half-written report."""
    tmp = f"{path}.partial"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            fh.write(text)
        os.replace(tmp, path)
    except OSError:
        Path(tmp).unlink(missing_ok=True)
        raise


@dataclass
class _Image:
    png: bytes
    caption: str
    width: int | None
    alt: str


class Report:
    """A report built block by block; see the module docstring."""

    def __init__(self, title: str, *, lang: str = "en") -> None:
        self.title = title
        code = (lang or "")[:2].lower()  # a locale such as nl_NL gives nl; anything else English
        self.lang = code if len(code) == 2 and code.isalpha() else "en"
        self._blocks: list[str | _Image] = []

    # -- blocks ------------------------------------------------------------------------------
    def heading(self, text: str, level: int = 2, *, anchor: str | None = None) -> None:
        """A heading (levels 1 to 4); ``anchor`` gives it an ``id`` to link to."""
        level = min(max(level, 1), 4)
        ident = f' id="{escape(anchor)}"' if anchor else ""
        self._blocks.append(f"<h{level}{ident}>{escape(text)}</h{level}>")

    def paragraph(self, text: str, *, css: str | None = None) -> None:
        """A paragraph of plain text; line breaks are kept."""
        if not text:
            return
        cls = f' class="{escape(css)}"' if css else ""
        body = "<br/>".join(escape(line) for line in text.splitlines())
        self._blocks.append(f"<p{cls}>{body}</p>")

    def bullets(self, items: Iterable[str], *, markup: bool = False) -> None:
        """A bulleted list; ``markup=True`` when the items are already HTML (e.g. from :func:`link`)."""
        rows = [item if markup else escape(item) for item in items]
        if rows:
            self._blocks.append("<ul>" + "".join(f"<li>{r}</li>" for r in rows) + "</ul>")

    def table(self, headers: Sequence[str], rows: Iterable[Sequence[object]], *, markup_columns: Iterable[int] = (),
              classes: Sequence[Sequence[str]] | None = None) -> None:
        """A table; cells are escaped except in ``markup_columns``, ``None`` shows as empty and
        ``classes[row][column]`` (e.g. ``fail``, ``pass``) styles a cell."""
        keep = set(markup_columns)

        def cell(r: int, c: int, value: object) -> str:
            text = "" if value is None else str(value)
            css = classes[r][c] if classes is not None else ""
            attr = f' class="{escape(css)}"' if css else ""
            return f"<td{attr}>{text if c in keep else escape(text)}</td>"

        head = "".join(f"<th>{escape(h)}</th>" for h in headers)
        body = "".join("<tr>" + "".join(cell(r, c, v) for c, v in enumerate(row)) + "</tr>"
                       for r, row in enumerate(rows))
        self._blocks.append(f'<table width="100%" border="1" cellspacing="0" cellpadding="3"><tr>{head}</tr>{body}'
                            "</table>")

    def image(self, png: bytes, caption: str = "", *, width: int | None = None, alt: str | None = None) -> None:
        """A PNG image with a caption below it, ``width`` in pixels as shown (default: its own); ``alt``
        defaults to the caption."""
        self._blocks.append(_Image(bytes(png), caption, width, caption if alt is None else alt))

    def raw(self, markup: str) -> None:
        """Trusted HTML (built with :func:`escape` and :func:`link` by the caller)."""
        self._blocks.append(markup)

    @property
    def images(self) -> list[bytes]:
        """The PNG images in the report, in order."""
        return [b.png for b in self._blocks if isinstance(b, _Image)]

    # -- output ------------------------------------------------------------------------------
    def _body(self, src: Callable[[int, _Image], str]) -> str:
        parts = [f"<h1>{escape(self.title)}</h1>"]
        n = 0
        for block in self._blocks:
            if isinstance(block, _Image):
                width = f' width="{block.width}"' if block.width else ""
                parts.append(f'<p><img src="{src(n, block)}" alt="{escape(block.alt)}"{width}/></p>')
                if block.caption:
                    parts.append(f'<p class="caption">{escape(block.caption)}</p>')
                n += 1
            else:
                parts.append(block)
        return "\n".join(parts)

    def to_html(self) -> str:
        """The report as one self-contained HTML page (``templates/page.html``, images as data URIs)."""
        def data_uri(_n: int, image: _Image) -> str:
            return "data:image/png;base64," + base64.b64encode(image.png).decode("ascii")

        return template("page.html").substitute(lang=escape(self.lang), title=escape(self.title), style=style(),
                                                body=self._body(data_uri))

    def write_html(self, path: str | os.PathLike[str]) -> Path:
        """Write :meth:`to_html` to ``path`` (atomically)."""
        write_text_atomic(path, self.to_html())
        return Path(path)

    def to_document(self) -> QTextDocument:
        """The report as a QTextDocument (images as document resources, as Qt does not read data URIs;
        images wider than :data:`PRINT_WIDTH` scaled down to it)."""
        doc = QTextDocument()
        doc.setDefaultStyleSheet(style())
        doc.setDefaultFont(QFont("DejaVu Sans", 10))
        names: list[tuple[str, _Image]] = []

        def resource(n: int, image: _Image) -> str:
            name = f"besecure-image-{n}.png"
            names.append((name, image))
            return name

        body = self._body(resource)
        for name, block in names:
            image = QImage.fromData(block.png, "PNG")
            if block.width is None and image.width() > PRINT_WIDTH:
                image = image.scaledToWidth(PRINT_WIDTH)
            doc.addResource(QTextDocument.ResourceType.ImageResource, QUrl(name), image)
        doc.setHtml(f"<html><head><title>{escape(self.title)}</title></head><body>{body}</body></html>")
        return doc

    def write_pdf(self, path: str | os.PathLike[str]) -> Path:
        """Print the report to an A4 PDF with ``QPrinter`` (no network, no browser), atomically."""
        from qgis.PyQt.QtPrintSupport import QPrinter

        path = Path(path)
        tmp = path.with_name(path.name + ".partial.pdf")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp))
        printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                                          QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter))
        printer.setDocName(self.title)
        self.to_document().print(printer)
        if not tmp.is_file() or tmp.stat().st_size == 0:
            tmp.unlink(missing_ok=True)
            raise OSError(f"could not write {path}")
        os.replace(tmp, path)
        return path
