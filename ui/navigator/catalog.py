"""What the Navigator shows from the knowledge base, in the user's language: the Guide, the
taxonomies, the checklist and the Library's practices (built-in and the user's own). No widgets;
the panels and the report builder share one :class:`Catalog`."""
from __future__ import annotations

from ...i18n import N_, current_locale, tr
from ...knowledge import dossier as ds
from ...knowledge.library import LANGUAGES, load_checklist, load_guide, load_taxonomies, localized
from ..user_practices import all_practices

__all__ = ["STATUS_LABELS", "Catalog"]

STATUS_LABELS = {"open": N_("Open"), "in_progress": N_("In progress"), "done": N_("Done"),
                 "not_applicable": N_("Not applicable")}


class Catalog:
    """The Guide, taxonomies, checklist and practices, with their texts in :attr:`lang`."""

    def __init__(self) -> None:
        self.lang = current_locale() if current_locale() in LANGUAGES else "en"
        self.taxonomies = load_taxonomies()
        self.checklist = load_checklist()
        self.guide = {step["id"]: step for step in load_guide()["steps"]}
        self.practices: list[dict] = []
        self.practice_by_id: dict[str, dict] = {}
        self.reload_practices()

    def text(self, value) -> str:
        """A multilingual value of the knowledge base in :attr:`lang`."""
        return localized(value, self.lang)

    def reload_practices(self) -> None:
        """The Library as the Library dock shows it: built-in practices and the user's own."""
        self.practices = all_practices()
        self.practice_by_id = {p["id"]: p for p in self.practices}

    def problem_labels(self) -> dict[str, str]:
        """Priority id -> label."""
        return {p["id"]: self.text(p["label"]) for p in self.taxonomies["priorities"]["items"]}

    def practice_title(self, pid: str) -> str:
        """The practice's title with its city and country; says so when it is not in the Library."""
        practice = self.practice_by_id.get(pid)
        if practice is None:
            return tr("{} (not in the Library)").format(pid)
        place = ", ".join(x for x in (practice.get("city"), practice.get("country")) if x)
        return f"{self.text(practice['title'])} ({place})" if place else self.text(practice["title"])

    def item_text(self, item: ds.ChecklistItem) -> str:
        """A checklist item's question: the built-in text in :attr:`lang`, or the user's own."""
        for _, builtin in ds.checklist_items(self.checklist):
            if builtin["id"] == item.item_id:
                return self.text(builtin["text"])
        return item.text

    def plan_sections(self, plan: ds.Plan) -> list[tuple[str, list[str]]]:
        """(section title, item ids) of the checklist, then the plan's own items."""
        sections = [(self.text(s["title"]), [i["id"] for i in s["items"]]) for s in self.checklist["sections"]]
        builtin = {iid for _, ids in sections for iid in ids}
        own = [i.item_id for i in plan.items if i.item_id not in builtin]
        if own:
            sections.append((tr("Own items"), own))
        return sections
