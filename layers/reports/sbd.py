"""The security-by-design report: verdicts read from the checks' outputs, the two variants compared, and
the report as a :class:`.document.Report` (a summary table, then per check its verdicts, maps, failing items,
changes between the variants, criteria with their sources and parameters)."""
from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from qgis.core import QgsFeatureRequest, QgsVectorLayer

from ...compat import REQUEST_NO_GEOMETRY
from ...i18n import tr
from .document import Report, escape

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
    """The whole report: title, variants in order (current first) and checks."""

    title: str
    created: str
    version: str
    variants: list[str]
    checks: list[CheckReport]


def _verdict_class(verdict: str) -> str:
    return "fail" if verdict in FAILING else "pass" if verdict in ("pass", "adequate", "ok") else ""


def _n_failing(counts: Mapping[str, int]) -> int:
    return sum(n for v, n in counts.items() if v in FAILING)


def _summary(report: Report, data: ReportData) -> None:
    variants = data.variants
    header = [tr("Check")] + [f"{v}: {tr('assessed / failing')}" for v in variants]
    rows, classes = [], []
    for chk in data.checks:
        row, cls = [chk.title], [""]
        for v in variants:
            if chk.ran(v):
                counts = chk.counts.get(v, {})
                bad = _n_failing(counts)
                row.append(f"{sum(counts.values())} / {bad}" if counts else tr("ran (no verdicts)"))
                cls.append("fail" if bad else "pass")
            else:
                row.append(chk.status.get(v, tr("not run")))
                cls.append("")
        rows.append(row)
        classes.append(cls)
    report.heading(tr("Summary"), anchor="summary")
    report.table(header, rows, classes=classes)


def _section(report: Report, chk: CheckReport, variants: Sequence[str]) -> None:
    two = len(variants) > 1
    report.heading(chk.title, anchor=f"check-{chk.check_id}")
    report.paragraph(chk.summary)
    for v in variants:
        if not chk.ran(v):
            report.raw(f"<p><b>{escape(v)}</b>: {escape(chk.status.get(v, tr('not run')))}</p>")
    report.heading(tr("Verdicts"), 3)
    values = sorted({k for v in variants for k in chk.counts.get(v, {})})
    if values:
        rows, classes = [], []
        for value in values:
            row = [value or tr("(empty)")] + [chk.counts.get(v, {}).get(value, 0) for v in variants]
            if two:
                row.append(f"{row[2] - row[1]:+d}")
            rows.append(row)
            classes.append([_verdict_class(value)] + [""] * (len(row) - 1))
        report.table([tr("Verdict"), *variants] + ([tr("Change")] if two else []), rows, classes=classes)
    else:
        report.paragraph(tr("No verdicts."))
    for v in variants:
        if v in chk.maps:
            report.heading(f"{tr('Map')}: {v}", 3)
            report.image(chk.maps[v], alt=f"{chk.title} {v}")
    for v in variants:
        items = chk.failing.get(v, [])
        if items:
            report.heading(f"{tr('Failing items')}: {v}", 3)
            report.table([tr("Item"), tr("Verdict"), tr("Reason")], [(i.label, i.verdict, i.reason) for i in items],
                         classes=[["", "fail", ""] for _ in items])
    if two and chk.changes is not None:
        report.heading(tr("What changed between the variants"), 3)
        if chk.changes:
            report.table([tr("Item"), variants[0], variants[1], tr("Reason (redesign)")],
                         [(c.label, c.before, c.after, c.reason) for c in chk.changes],
                         classes=[["", _verdict_class(c.before), _verdict_class(c.after), ""] for c in chk.changes])
        else:
            report.paragraph(tr("No verdict changed."))
    report.heading(tr("Criteria and their sources"), 3)
    report.paragraph(chk.criteria_title)
    if chk.criteria:
        report.table([tr("Criterion"), tr("Value"), tr("Source")], chk.criteria)
    else:
        report.paragraph(tr("The criteria of this check are its parameters (below)."))
    if chk.parameters:
        report.heading(tr("Parameters"), 3)
        report.table([tr("Parameter"), tr("Value")], sorted(chk.parameters.items()))


def sbd_report(data: ReportData, lang: str = "en") -> Report:
    """The security-by-design report as a document, to write as HTML or PDF."""
    report = Report(data.title, lang=lang)
    report.paragraph(tr("Created {} with BESECURE {}. Variants: {}.").format(data.created, data.version,
                                                                             ", ".join(data.variants)), css="meta")
    _summary(report, data)
    for chk in data.checks:
        _section(report, chk, data.variants)
    return report
