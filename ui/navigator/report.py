"""The dossier report: every step with its Guide text, the chosen practices with their sources, the
plan, the linked result layers rendered as maps and the hot times and effect counts as charts.

:func:`build_report` returns a report of the engine in :mod:`besecure.layers.reports`, which writes
it as HTML or PDF. This module is the package's one door to that engine: the panels take
:func:`practice_detail` and :func:`fmt` from here.
"""
from __future__ import annotations

import contextlib
import math

from qgis.core import QgsCoordinateTransform, QgsFillSymbol, QgsProject, QgsSingleSymbolRenderer, QgsVectorLayer

from ...compat import GEOMETRY_POINT, geometry_type
from ...i18n import N_, tr
from ...knowledge import dossier as ds
from ...layers.reports.document import Report
from ...layers.reports.images import bar_chart_png, heatmap_png, render_map_png
from ...layers.reports.practice import Taxonomy, practice_html
from .catalog import STATUS_LABELS, Catalog
from .inputs import area_layer
from .runner import HOT_TIMES, hot_times_grid

__all__ = ["Report", "build_report", "fmt", "practice_detail"]

WEEKDAYS_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
AREA_OUTLINE = {"style": "no", "outline_color": "#d7191c", "outline_width": "0.8"}


def fmt(value: float | None, decimals: int | None = None) -> str:
    """A number for a table: ``g`` format, or ``decimals`` places ("—" when undefined)."""
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—" if decimals is not None else ""
    if decimals is None:
        return f"{value:g}"
    return f"{value:.{decimals}f}"


def practice_detail(practice: dict, catalog: Catalog) -> str:
    """A practice as HTML, as the Library shows it (:func:`besecure.layers.reports.practice.practice_html`)."""
    return practice_html(practice, Taxonomy(catalog.lang, catalog.taxonomies))


def build_report(dossier: ds.Dossier, catalog: Catalog, project: QgsProject) -> Report:
    """The dossier as a :class:`Report`: every step with its Guide text, maps and charts."""
    d, lang = dossier, catalog.lang
    report = Report(tr("Policy dossier: {}").format(d.scope.title or d.scope.area.name or tr("untitled")),
                    lang=lang)
    report.paragraph(tr("Created {}, last changed {}. Written with BESECURE for QGIS.")
                     .format(d.created[:10], d.modified[:10]), css="meta")
    sections = {"scope": _scope, "analyse": _analyse, "options": _options, "plan": _plan, "monitor": _monitor}
    for i, step in enumerate(ds.STEPS):
        report.heading(f"{i + 1}. {catalog.text(catalog.guide[step]['title'])}")
        report.paragraph(catalog.text(catalog.guide[step]["text"]), css="guide")
        sections[step](report, d, catalog, project)
    return report


def _scope(report: Report, d: ds.Dossier, catalog: Catalog, _project: QgsProject) -> None:
    s = d.scope
    problems = catalog.problem_labels()
    values = {v["id"]: catalog.text(v["label"]) for v in catalog.taxonomies["core_values"]}
    report.table([tr("Item"), tr("Value")], [
        (tr("Area"), f"{s.area.name} ({s.area.layer_name})" if s.area.name else ""),
        (tr("Problem"), ", ".join(problems.get(p, p) for p in s.problem)),
        (tr("Core values"), ", ".join(values.get(v, v) for v in s.core_values)),
    ])
    report.heading(tr("Objectives"), 3)
    if s.objectives:
        report.bullets(s.objectives)
    else:
        report.paragraph(tr("None stated yet."), css="muted")
    report.heading(tr("Stakeholders"), 3)
    if s.stakeholders:
        report.table([tr("Name"), tr("Role"), tr("Interest")], [(h.name, h.role, h.interest)
                                                                for h in s.stakeholders])
    else:
        report.paragraph(tr("None named yet."), css="muted")


def _analyse(report: Report, d: ds.Dossier, _catalog: Catalog, project: QgsProject) -> None:
    a = d.analyse
    inputs = a.inputs
    period = f"{inputs.period.start or '…'} – {inputs.period.end or '…'}" if inputs.period else tr("all")
    report.table([tr("Item"), tr("Value")], [
        (tr("Incidents"), inputs.incidents.name), (tr("Categories"), ", ".join(inputs.categories) or tr("all")),
        (tr("Period"), period), (tr("Cell size"), f"{inputs.cell_size:g} m")])
    if not a.runs:
        report.paragraph(tr("The analysis has not been run yet."), css="muted")
    else:
        report.table([tr("Result"), tr("Algorithm"), tr("Summary"), tr("Run")],
                     [(r.title, r.algorithm, r.summary, r.created.replace("T", " ")) for r in a.runs])
    area = None
    with contextlib.suppress(ValueError):
        area = area_layer(project, d.scope.area)
    for run in a.runs:
        layer = next((project.mapLayer(i) for i in run.layer_ids if project.mapLayer(i)), None)
        if layer is None:
            report.paragraph(tr("{}: the result layer is no longer in the project.").format(run.title),
                             css="muted")
        elif layer.isSpatial():
            report.image(_map_png(layer, area), f"{run.title}: {run.summary}", width=600)
        elif run.algorithm == HOT_TIMES:
            grid = hot_times_grid(layer)
            report.image(heatmap_png(grid.tolist(), [tr(day) for day in WEEKDAYS_SHORT], [f"{h}" for h in range(24)],
                                     tr("Incidents per weekday and hour")), f"{run.title}: {run.summary}")
    report.heading(tr("Findings"), 3)
    report.paragraph(a.findings or tr("None written yet."), css=None if a.findings else "muted")


def _options(report: Report, d: ds.Dossier, catalog: Catalog, _project: QgsProject) -> None:
    chosen = d.options.chosen
    if not chosen:
        report.paragraph(tr("No practice chosen yet."), css="muted")
    for c in chosen:
        report.heading(catalog.practice_title(c.practice_id), 3)
        practice = catalog.practice_by_id.get(c.practice_id)
        report.paragraph(tr("Rationale: {}").format(c.rationale or "—"))
        if practice is None:
            report.paragraph(tr("This practice is not in the Library (any more)."), css="muted")
            continue
        report.raw(practice_html(practice, Taxonomy(catalog.lang, catalog.taxonomies), title=False))


def _plan(report: Report, d: ds.Dossier, catalog: Catalog, _project: QgsProject) -> None:
    by_id = {i.item_id: i for i in d.plan.items}
    for title, ids in catalog.plan_sections(d.plan):
        report.heading(title, 3)
        report.table([tr("Checklist item"), tr("Status"), tr("Owner"), tr("Date"), tr("Note")],
                     [(catalog.item_text(by_id[i]), tr(STATUS_LABELS[by_id[i].status]), by_id[i].owner,
                       by_id[i].due, by_id[i].note) for i in ids if i in by_id])


def _monitor(report: Report, d: ds.Dossier, _catalog: Catalog, _project: QgsProject) -> None:
    m = d.monitor
    report.heading(tr("Indicators"), 3)
    if m.indicators:
        report.table([tr("Name"), tr("Definition"), tr("Baseline"), tr("Target value"), tr("After")],
                     [(i.name, i.definition, fmt(i.baseline), fmt(i.target), fmt(i.after))
                      for i in m.indicators])
    else:
        report.paragraph(tr("None defined yet."), css="muted")
    report.table([tr("Item"), tr("Value")], [
        (tr("Before (baseline)"), f"{m.baseline.start} – {m.baseline.end}"),
        (tr("After"), f"{m.after.start} – {m.after.end}"),
        (tr("Target area"), m.target.name), (tr("Buffer area"), m.buffer.name),
        (tr("Control area"), m.control.name)])
    report.heading(tr("Effect"), 3)
    effect = m.effect
    if effect is None:
        report.paragraph(tr("The effect has not been measured yet."), css="muted")
    else:
        c = effect.counts
        labels = [tr("Target area"), tr("Buffer area"), tr("Control (target)"), tr("Control (buffer)")]
        keys = ("T", "D", "Ct", "Cd")
        report.table([tr("Area"), tr("Before"), tr("After")],
                     [(label, fmt(c.get(k + "_b")), fmt(c.get(k + "_a"))) for label, k in zip(labels, keys,
                                                                                                strict=True)])
        report.image(bar_chart_png(labels, [(tr("Before"), [c.get(k + "_b", 0.0) for k in keys], "#9ecae1"),
                                            (tr("After"), [c.get(k + "_a", 0.0) for k in keys], "#08519c")],
                                   tr("Incidents before and after")), tr("Counts used for WDQ and WDD"))
        report.table([tr("Measure"), tr("Value")], [
            ("WDQ", fmt(effect.wdq, 2)), ("WDD", fmt(effect.wdd, 1)), (tr("WDD standard error"),
                                                                       fmt(effect.wdd_se, 1)),
            ("z", fmt(effect.wdd_z, 2)), ("p", fmt(effect.p, 3)),
            (tr("95 % interval"), f"{fmt(effect.ci_low, 1)} – {fmt(effect.ci_high, 1)}")])
        report.paragraph(effect.interpretation)
    report.heading(tr("Conclusion"), 3)
    report.paragraph(m.conclusion or tr("None written yet."), css=None if m.conclusion else "muted")


def _map_png(layer: QgsVectorLayer, area: QgsVectorLayer | None) -> bytes:
    """The result layer with the area's outline on top, zoomed to the area (or the layer)."""
    layers = [layer]
    extent = layer.extent()
    if area is not None:
        outline = area.clone()
        outline.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(AREA_OUTLINE)))
        layers.insert(0, outline)
        transform = QgsCoordinateTransform(area.crs(), layer.crs(), QgsProject.instance())
        extent = transform.transformBoundingBox(area.extent())
    extent.scale(1.08)
    if geometry_type(layer.wkbType()) == GEOMETRY_POINT and extent.isEmpty():
        extent.grow(100.0)
    return render_map_png(layers, extent, layer.crs(), 800, 560)
