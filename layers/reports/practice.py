"""A Library practice as HTML: the one rendering shown by the Library's detail view, the Navigator's
options page and the dossier report. Every text is escaped; sources link by :func:`.document.link`."""
from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ...i18n import tr
from ...knowledge import library
from .document import escape, link

__all__ = ["Taxonomy", "practice_html", "years_text"]


class Taxonomy:
    """Localised labels of the taxonomy ids, in taxonomy order."""

    def __init__(self, lang: str, taxonomies: Mapping[str, Any]) -> None:
        self.lang = lang
        self.tax = taxonomies
        self.items = {
            "problem": taxonomies["priorities"]["items"],
            "core_values": taxonomies["core_values"],
            "approach": taxonomies["approaches"],
            "smart_city": taxonomies["smart_city_elements"],
            "evidence_level": sorted(taxonomies["evidence_levels"], key=lambda e: e["rank"]),
        }
        self._labels = {field: {i["id"]: library.localized(i["label"], lang) for i in items}
                        for field, items in self.items.items()}

    def label(self, field: str, item_id: str) -> str:
        return self._labels[field].get(item_id, item_id)

    def choices(self, field: str) -> list[tuple[str, str]]:
        return [(i["id"], self._labels[field][i["id"]]) for i in self.items[field]]


def years_text(practice: Mapping[str, Any]) -> str:
    """The practice's years: ``2004–2010``, ``since 2004``, ``±1998`` or ``years unknown``."""
    years = practice.get("years") or {}
    start, end = years.get("start"), years.get("end")
    approx = "±" if years.get("approximate") else ""
    if start is None and end is None:
        return tr("years unknown")
    if end is None:
        return tr("since {}").format(f"{approx}{start}")
    if start is None:
        return tr("until {}").format(f"{approx}{end}")
    return f"{approx}{start}" if start == end else f"{approx}{start}–{end}"


def _source_html(source: Mapping[str, Any]) -> str:
    title = link(str(source.get("title", "")), source.get("url") or "")
    extra = ", ".join(escape(v) for v in (source.get("reference"), source.get("year")) if v)
    return f"<li>{title}{' — ' + extra if extra else ''}</li>"


def practice_html(practice: Mapping[str, Any], taxonomy: Taxonomy, *, title: bool = True) -> str:
    """One practice as HTML: title (``title=False`` leaves it to the caller), place and years, taxonomy
    labels, description, evidence with its strength, sources (linked by the one link rule) and tags."""
    lang = taxonomy.lang
    place = ", ".join(v for v in (practice.get("city"), practice.get("country"),
                                  *practice.get("other_countries", [])) if v)

    def labels(field: str) -> str:
        values = [taxonomy.label(field, i) for i in practice.get(field) or []]
        return escape(", ".join(values)) if values else escape(tr("none"))

    evidence = practice.get("evidence") or {}
    level = evidence.get("level", "none")
    rank = library.evidence_rank(level, taxonomy.tax) if level in library.taxonomy_ids(
        taxonomy.tax)["evidence_level"] else 0
    top = max(e["rank"] for e in taxonomy.tax["evidence_levels"])
    strength = "●" * rank + "○" * (top - rank)
    strength_text = escape(tr("strength {} of {}").format(rank, top))
    sources = "".join(_source_html(s) for s in practice.get("sources") or [])
    mine = f"<p><i>{escape(tr('One of your own practices.'))}</i></p>" if practice.get("origin") == "user" else ""
    rows = [
        (tr("Problem"), labels("problem")),
        (tr("Core values"), labels("core_values")),
        (tr("Approach"), labels("approach")),
        (tr("Smart-city element"), labels("smart_city")),
    ]
    table = "<br>".join(f"<b>{escape(k)}:</b> {v}" for k, v in rows)
    tags = ", ".join(escape(t) for t in practice.get("tags") or [])
    heading = f"<h3>{escape(library.localized(practice.get('title'), lang))}</h3>" if title else ""
    return (
        f"{heading}<p>{escape(place)} · {escape(years_text(practice))}</p>{mine}"
        f"<p>{table}</p>"
        f"<p>{escape(library.localized(practice.get('description'), lang))}</p>"
        f"<h4>{escape(tr('Evidence of effect'))}</h4>"
        f"<p><b>{escape(taxonomy.label('evidence_level', level))}</b> "
        f"{strength} ({strength_text})<br>"
        f"{escape(library.localized(evidence.get('summary'), lang))}</p>"
        f"<h4>{escape(tr('Sources'))}</h4><ul>{sources}</ul>"
        + (f"<p><small>{escape(tr('Tags'))}: {tags}</small></p>" if tags else "")
    )
