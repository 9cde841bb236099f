"""Step 4, plan: the implementation checklist (``knowledge/checklist.json``) and the user's own
items, each with a status, owner, date and note. Edits go into the dossier's plan as they are made."""
from __future__ import annotations

from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
)

from ...i18n import tr
from ...knowledge import dossier as ds
from .base_panel import StepPanel
from .catalog import STATUS_LABELS
from .inputs import valid_date

__all__ = ["PlanPanel"]


class PlanPanel(StepPanel):
    """Step 4: who does what, and when."""

    STEP = "plan"

    def build(self, layout) -> None:
        self.plan_tree = QTreeWidget()
        self.plan_tree.setColumnCount(2)
        self.plan_tree.setHeaderLabels([tr("Checklist item"), tr("Status")])
        self.plan_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.plan_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.plan_tree.header().setStretchLastSection(False)
        self.plan_tree.setMinimumHeight(200)
        self.plan_tree.currentItemChanged.connect(self._item_selected)
        layout.addWidget(self.plan_tree)

        self.plan_question = QLabel()
        self.plan_question.setWordWrap(True)
        layout.addWidget(self.plan_question)
        form = self.form()
        self.status_combo = self.narrow(QComboBox())
        for key, label in STATUS_LABELS.items():
            self.status_combo.addItem(tr(label), key)
        self.owner_edit = QLineEdit()
        self.due_edit = QLineEdit()
        self.due_edit.setPlaceholderText(tr("YYYY-MM-DD"))
        self.note_edit = QLineEdit()
        form.addRow(tr("Status"), self.status_combo)
        form.addRow(tr("Owner"), self.owner_edit)
        form.addRow(tr("Date"), self.due_edit)
        form.addRow(tr("Note"), self.note_edit)
        layout.addLayout(form)
        self.status_combo.currentIndexChanged.connect(self._item_edited)
        for edit in (self.owner_edit, self.due_edit, self.note_edit):
            edit.textChanged.connect(self._item_edited)
        add = QToolButton()
        add.setText(tr("Add own item…"))
        add.clicked.connect(self._ask_custom_item)
        layout.addWidget(add)

    def populate(self, dossier: ds.Dossier) -> None:
        self.plan_tree.clear()
        by_id = {item.item_id: item for item in dossier.plan.items}
        bold = QFont()
        bold.setBold(True)
        for title, ids in self.catalog.plan_sections(dossier.plan):
            parent = QTreeWidgetItem([title, ""])
            parent.setFont(0, bold)
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.plan_tree.addTopLevelItem(parent)
            for iid in ids:
                item = by_id[iid]
                child = QTreeWidgetItem([self.catalog.item_text(item), tr(STATUS_LABELS[item.status])])
                child.setData(0, Qt.ItemDataRole.UserRole, iid)
                child.setToolTip(0, self.catalog.item_text(item))
                parent.addChild(child)
            parent.setExpanded(True)
        self._item_selected(None)

    def collect(self, dossier: ds.Dossier) -> None:
        """Nothing to copy: the plan's items are edited in the dossier as they change."""

    def _item(self) -> ds.ChecklistItem | None:
        current = self.plan_tree.currentItem()
        iid = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        return next((i for i in self.dock.dossier.plan.items if i.item_id == iid), None) if iid else None

    def _item_selected(self, *_args) -> None:
        with self.quiet():
            item = self._item()
            for widget in (self.status_combo, self.owner_edit, self.due_edit, self.note_edit):
                widget.setEnabled(item is not None)
            self.plan_question.setText(self.catalog.item_text(item) if item else tr("Select an item to plan it."))
            self.status_combo.setCurrentIndex(self.status_combo.findData(item.status if item else "open"))
            self.owner_edit.setText(item.owner if item else "")
            self.due_edit.setText(item.due or "" if item else "")
            self.note_edit.setText(item.note if item else "")

    def _item_edited(self, *_args) -> None:
        if self.dock.loading:
            return
        item = self._item()
        if item is None:
            return
        item.status = self.status_combo.currentData()
        item.owner = self.owner_edit.text()
        item.note = self.note_edit.text()
        due = self.due_edit.text().strip()
        item.due = due if valid_date(due) else None
        self.plan_tree.currentItem().setText(1, tr(STATUS_LABELS[item.status]))
        self.dock.dossier.modified = ds.now_iso()
        if due and item.due is None:
            self.dock.show_status(tr("Give the date as YYYY-MM-DD."), error=True)
        elif self.dock.store():
            self.dock.show_status("")
        self.dock.update_marks()

    def add_custom_item(self, text: str) -> ds.ChecklistItem:
        """Add an own checklist item with ``text`` to the plan."""
        plan = self.dock.dossier.plan
        taken = {i.item_id for i in plan.items}
        n = 1
        while f"custom.item-{n}" in taken:
            n += 1
        item = ds.ChecklistItem(item_id=f"custom.item-{n}", text=text.strip())
        plan.items.append(item)
        self.populate(self.dock.dossier)
        self.dock.store()
        self.dock.update_marks()
        return item

    def _ask_custom_item(self) -> None:
        text, ok = QInputDialog.getText(self, tr("Own checklist item"), tr("Question or task"))
        if ok and text.strip():
            self.add_custom_item(text)
