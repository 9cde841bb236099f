"""Output layer names and selection records: the one place that says what an output holds.

An output's name says which incidents it counts and how: "Burglary per 250 m hexagon, 2019-01-01 -
2019-09-29" rather than "Incidents per unit". The same :class:`Selection` (category filter and period)
goes into the provenance record in the layer metadata, so a file read months later still says it.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..i18n import tr


@dataclass(frozen=True)
class Selection:
    """Which incidents an algorithm used: category values of a field (as the user typed them) and a period."""

    category_field: str = ""
    categories: tuple[str, ...] = ()
    start: str = ""
    end: str = ""
    n_selected: int = 0
    n_total: int = 0

    @property
    def active(self) -> bool:
        return bool(self.categories or self.start or self.end)

    def category_text(self) -> str:
        """'Burglary' or 'Burglary, Theft' (capitalised as typed, the first letter upper case)."""
        return ", ".join(c[:1].upper() + c[1:] for c in self.categories)

    def period_text(self) -> str:
        """'2019-01-01 - 2019-09-29', 'from 2019-01-01', 'until 2019-09-29' or ''."""
        if self.start and self.end:
            return f"{self.start} - {self.end}"
        if self.start:
            return tr("from {}").format(self.start)
        if self.end:
            return tr("until {}").format(self.end)
        return ""

    def describe(self) -> str:
        """'category in {Burglary, Theft}, 2019-01-01 - 2019-09-29' for the log and the metadata."""
        parts = []
        if self.categories:
            parts.append(tr("{} in {{{}}}").format(self.category_field, ", ".join(self.categories)))
        if self.start or self.end:
            parts.append(self.period_text())
        return ", ".join(parts) if parts else tr("all incidents")

    def record(self) -> dict:
        """JSON-able form for the provenance record."""
        return {"category_field": self.category_field or None, "categories": list(self.categories),
                "start": self.start or None, "end": self.end or None, "n_selected": self.n_selected,
                "n_total": self.n_total, "description": self.describe()}


def grid_unit_name(kind: str, size_m: float) -> str:
    """'250 m hexagon' / '250 m square' (what one spatial unit is)."""
    text = tr("{} m hexagon") if kind == "hexagon" else tr("{} m square")
    return text.format(f"{size_m:g}")


def output_name(title: str, selection: Selection | None = None, unit: str = "", period: str = "") -> str:
    """The display name of an output layer.

    ``title`` is already translated. A title with ``{what}`` and ``{unit}`` placeholders (a count map:
    "{what} per {unit}") gets the categories (or "Incidents") and the unit; any other title gets them after
    a dash: "Emerging hot spots - Burglary, 250 m hexagon, 2019-01-01 - 2019-09-29". ``period`` replaces the
    selection's period (e.g. the two periods that are compared).
    """
    what = selection.category_text() if selection is not None else ""
    period = period or (selection.period_text() if selection is not None else "")
    if "{what}" in title:
        return ", ".join(p for p in (title.format(what=what or tr("Incidents"), unit=unit), period) if p)
    extras = [p for p in (what, unit, period) if p]
    return f"{title} - {', '.join(extras)}" if extras else title
