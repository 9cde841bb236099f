"""The report engine: every BESECURE report (the security-by-design report, the Navigator's dossier, hot times)
is built here, widget-free, so that processing/ and ui/ both use it.

- :mod:`.document`: :class:`~.document.Report`, a document built block by block, written as one
  self-contained HTML page from ``templates/page.html`` or printed to PDF; the one link rule
  (:func:`~.document.safe_href`) and the atomic file writing.
- :mod:`.images`: maps rendered from layers and simple charts, as PNG bytes.
- :mod:`.practice`: a Library practice as HTML (the Library's detail view, the Navigator, the dossier).
- :mod:`.sbd`: the security-by-design report's data (verdicts read from the checks' outputs) and its document.

Like QGIS's MetaSearch back end: no widgets, HTML from templates (``string.Template``, no dependency),
every user text escaped, no network access.
"""
