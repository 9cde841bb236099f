"""Step 3, options: practices from the Library that match the dossier's problem
(:func:`besecure.knowledge.dossier.matching_practices`, the Library's own search), each chosen with
a rationale. Choices, rationales and filters go into the dossier as they are made."""
from __future__ import annotations

import html
from typing import Any

from qgis.gui import QgsFilterLineEdit
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QListWidget, QListWidgetItem, QPlainTextEdit, QTextBrowser

from ...i18n import tr
from ...knowledge import dossier as ds
from .base_panel import StepPanel, caption
from .report import practice_detail

__all__ = ["OptionsPanel"]


class OptionsPanel(StepPanel):
    """Step 3: the Library's practices for the problem, and the ones chosen."""

    STEP = "options"

    def build(self, layout) -> None:
        self.practice_search = QgsFilterLineEdit()
        self.practice_search.setPlaceholderText(tr("Search the Library"))
        self.practice_search.textChanged.connect(self._filter_changed)
        layout.addWidget(self.practice_search)
        row = QHBoxLayout()
        taxonomies = self.catalog.taxonomies
        self.approach_combo = self.narrow(QComboBox())
        self.approach_combo.addItem(tr("Any approach"), "")
        for approach in taxonomies["approaches"]:
            self.approach_combo.addItem(self.catalog.text(approach["label"]), approach["id"])
        self.approach_combo.currentIndexChanged.connect(self._filter_changed)
        self.evidence_combo = self.narrow(QComboBox())
        self.evidence_combo.addItem(tr("Any evidence"), "")
        for level in sorted(taxonomies["evidence_levels"], key=lambda e: e["rank"])[1:]:
            self.evidence_combo.addItem(tr("At least: {}").format(self.catalog.text(level["label"])), level["id"])
        self.evidence_combo.currentIndexChanged.connect(self._filter_changed)
        row.addWidget(self.approach_combo, 1)
        row.addWidget(self.evidence_combo, 1)
        layout.addLayout(row)

        self.practice_list = QListWidget()
        self.practice_list.setMinimumHeight(120)
        self.practice_list.setMaximumHeight(190)
        self.practice_list.itemChanged.connect(self._practice_checked)
        self.practice_list.currentItemChanged.connect(self._practice_selected)
        layout.addWidget(self.practice_list)
        self.practice_detail = QTextBrowser()
        self.practice_detail.setOpenExternalLinks(True)
        self.practice_detail.setMaximumHeight(170)
        layout.addWidget(self.practice_detail)
        self.rationale_label = caption(tr("Why this practice fits here (rationale)"))
        layout.addWidget(self.rationale_label)
        self.rationale_edit = QPlainTextEdit()
        self.rationale_edit.setMaximumHeight(70)
        self.rationale_edit.textChanged.connect(self._rationale_changed)
        layout.addWidget(self.rationale_edit)

    def practice_filters(self) -> dict[str, Any]:
        """The extra Library filters chosen on the page."""
        filters: dict[str, Any] = {}
        if self.approach_combo.currentData():
            filters["approach"] = [self.approach_combo.currentData()]
        if self.evidence_combo.currentData():
            filters["min_evidence"] = self.evidence_combo.currentData()
        return filters

    def matching(self) -> list[dict]:
        """Practices matching the dossier's problem and the filters (the Library's search)."""
        dossier = self.dock.dossier
        if not dossier.scope.problem:
            return []
        return ds.matching_practices(self.catalog.practices, dossier.scope.problem, self.practice_search.text(),
                                     self.practice_filters(), taxonomies=self.catalog.taxonomies)

    def _filter_changed(self, *_args) -> None:
        if self.dock.loading:
            return
        self.dock.dossier.options.filters = self.practice_filters()
        self.dock.store()
        self.refresh()

    def refresh(self) -> None:
        """List the chosen practices first, then the matching ones."""
        with self.quiet():
            current = self.practice_list.currentItem()
            current_id = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
            self.practice_list.clear()
            dossier = self.dock.dossier
            chosen = [c.practice_id for c in dossier.options.chosen]
            ids = chosen + [p["id"] for p in self.matching() if p["id"] not in chosen]
            for pid in ids:
                item = QListWidgetItem(self.catalog.practice_title(pid))
                item.setData(Qt.ItemDataRole.UserRole, pid)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if pid in chosen else Qt.CheckState.Unchecked)
                self.practice_list.addItem(item)
                if pid == current_id:
                    self.practice_list.setCurrentItem(item)
            if not ids:
                hint = tr("Choose the problem in step 1 to see matching practices.") if not dossier.scope.problem \
                    else tr("No practice in the Library matches; loosen the filters.")
                self.practice_detail.setPlainText(hint)
        self._practice_selected(self.practice_list.currentItem())

    def _chosen(self, pid: str) -> ds.ChosenPractice | None:
        return next((c for c in self.dock.dossier.options.chosen if c.practice_id == pid), None)

    def _practice_checked(self, item: QListWidgetItem) -> None:
        if self.dock.loading:
            return
        dossier = self.dock.dossier
        pid = item.data(Qt.ItemDataRole.UserRole)
        chosen = self._chosen(pid)
        if item.checkState() == Qt.CheckState.Checked and chosen is None:
            dossier.options.chosen.append(ds.ChosenPractice(pid, ""))
        elif item.checkState() != Qt.CheckState.Checked and chosen is not None:
            dossier.options.chosen.remove(chosen)
        dossier.modified = ds.now_iso()
        self.dock.store()
        self.dock.update_marks()
        self.practice_list.setCurrentItem(item)
        self._practice_selected(item)

    def _practice_selected(self, item, _previous=None) -> None:
        with self.quiet():
            pid = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
            chosen = self._chosen(pid) if pid else None
            if pid:
                self.practice_detail.setHtml(self._practice_html(pid))
            self.rationale_edit.setEnabled(chosen is not None)
            self.rationale_edit.setPlainText(chosen.rationale if chosen else "")
            self.rationale_edit.setPlaceholderText(tr("Check the practice to choose it, then say why it fits.")
                                                   if chosen is None else "")

    def _rationale_changed(self) -> None:
        if self.dock.loading:
            return
        item = self.practice_list.currentItem()
        chosen = self._chosen(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        if chosen is not None:
            chosen.rationale = self.rationale_edit.toPlainText()
            self.dock.dossier.modified = ds.now_iso()
            self.dock.store()
            self.dock.update_marks()

    def _practice_html(self, pid: str) -> str:
        practice = self.catalog.practice_by_id.get(pid)
        if practice is None:
            return html.escape(tr("This practice is not in the Library (any more); its rationale is kept."))
        return practice_detail(practice, self.catalog)

    def populate(self, dossier: ds.Dossier) -> None:
        filters = dossier.options.filters
        self.approach_combo.setCurrentIndex(max(0, self.approach_combo.findData(
            (filters.get("approach") or [""])[0])))
        self.evidence_combo.setCurrentIndex(max(0, self.evidence_combo.findData(filters.get("min_evidence", ""))))
        self.refresh()

    def collect(self, dossier: ds.Dossier) -> None:
        """Nothing to copy: choices, rationales and filters are written into the dossier as they are made."""
