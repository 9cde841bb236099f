"""The base of the Navigator's step pages, one :class:`StepPanel` subclass per step.

As QuickOSM's ``ui/base_panel.py``: the dock is a shell that holds the pages and the dossier, and
each page is its own class in its own file. A page opens with the Guide's box for its step, then
the widgets :meth:`StepPanel.build` adds; :meth:`StepPanel.populate` shows the dossier's part of
the step and :meth:`StepPanel.collect` copies the form back into it. A page reaches the dock
(its dossier, project, catalog, status line) through :attr:`StepPanel.dock`.
"""
from __future__ import annotations

import html
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from qgis.gui import QgsCollapsibleGroupBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QTextDocument
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableWidget,
    QTableWidgetItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...i18n import tr
from ...knowledge import dossier as ds
from .inputs import valid_date

if TYPE_CHECKING:
    from .dock import NavigatorDock

__all__ = ["StepPanel", "caption", "checked", "date_text", "fill_table", "layer_ref", "set_checked", "table_rows"]


class StepPanel(QWidget):
    """One step's page: the Guide's box, then the step's widgets. Subclasses set :attr:`STEP`."""

    STEP = ""
    """The step's id in :data:`besecure.knowledge.dossier.STEPS` (and in the Guide)."""

    def __init__(self, dock: NavigatorDock) -> None:
        super().__init__()
        self.dock = dock
        self.catalog = dock.catalog
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addWidget(self._guide_box())
        self.build(layout)
        layout.addStretch(1)

    # -- what a step implements --------------------------------------------------------------
    def build(self, layout: QVBoxLayout) -> None:
        """Add the step's widgets below the Guide."""

    def populate(self, dossier: ds.Dossier) -> None:
        """Show the step's part of ``dossier`` (called with the dock's updates suspended)."""

    def collect(self, dossier: ds.Dossier) -> None:
        """Copy the step's form into ``dossier``."""

    # -- the Guide ---------------------------------------------------------------------------
    def title(self) -> str:
        """The step's title in the Guide, in the user's language."""
        return self.catalog.text(self.catalog.guide[self.STEP]["title"])

    def _guide_box(self) -> QWidget:
        box = QgsCollapsibleGroupBox(tr("Guide"))
        box.setObjectName(f"navigatorGuide_{self.STEP}")
        box_layout = QVBoxLayout(box)
        self.guide_label = QLabel()
        self.guide_label.setWordWrap(True)
        self.guide_label.setTextFormat(Qt.TextFormat.RichText)
        guide = self.catalog.guide[self.STEP]
        questions = "".join(f"<li>{html.escape(self.catalog.text(q))}</li>" for q in guide.get("questions", []))
        self.guide_label.setText(f"<p>{html.escape(self.catalog.text(guide['text']))}</p>"
                                 + (f"<ul style='margin-left:-20px'>{questions}</ul>" if questions else ""))
        box_layout.addWidget(self.guide_label)
        return box

    def guide_text(self) -> str:
        """The Guide's text shown on the page (plain text)."""
        doc = QTextDocument()
        doc.setHtml(self.guide_label.text())
        return doc.toPlainText()

    # -- talking to the dock -----------------------------------------------------------------
    @contextmanager
    def quiet(self) -> Iterator[None]:
        """No model updates while the widgets are set from code."""
        was = self.dock.loading
        self.dock.loading = True
        try:
            yield
        finally:
            self.dock.loading = was

    def changed(self, *_args) -> None:
        """A widget changed: the dock copies the form into the dossier and stores it."""
        self.dock.changed()

    def missing(self, layer_id: str) -> bool:
        """True when the dossier names a layer that is not in the project (e.g. a moved file)."""
        return bool(layer_id) and self.dock.project.mapLayer(layer_id) is None

    # -- widgets the steps share -------------------------------------------------------------
    @staticmethod
    def form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return form

    @staticmethod
    def narrow(combo: QComboBox) -> QComboBox:
        """Let a combo box shrink with the dock instead of growing to its longest item."""
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    @staticmethod
    def check_list(height: int) -> QListWidget:
        widget = QListWidget()
        widget.setMaximumHeight(height)
        widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        return widget

    def date_edit(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(tr("YYYY-MM-DD"))
        edit.setMaximumWidth(110)
        edit.textChanged.connect(self.changed)
        return edit

    def table(self, headers: list[str], height: int, stretch: tuple[int, ...] | None = None) -> QTableWidget:
        """An editable table; the ``stretch`` columns (default: all) share the width, the others fit their text."""
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        for column in range(len(headers)):
            table.horizontalHeader().setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if stretch is None or column in stretch
                else QHeaderView.ResizeMode.ResizeToContents)
        table.verticalHeader().setVisible(False)
        table.setMaximumHeight(height)
        table.itemChanged.connect(self.changed)
        return table

    def row_buttons(self, table: QTableWidget) -> QHBoxLayout:
        row = QHBoxLayout()
        add = QToolButton()
        add.setText(tr("Add"))
        add.clicked.connect(lambda: self._add_row(table))
        remove = QToolButton()
        remove.setText(tr("Remove"))
        remove.clicked.connect(lambda: self._remove_row(table))
        row.addWidget(add)
        row.addWidget(remove)
        row.addStretch(1)
        return row

    def _add_row(self, table: QTableWidget, values: Sequence[str] = ()) -> None:
        with self.quiet():
            row = table.rowCount()
            table.insertRow(row)
            for col in range(table.columnCount()):
                table.setItem(row, col, QTableWidgetItem(values[col] if col < len(values) else ""))
        if not values:
            table.setCurrentCell(row, 0)
            table.editItem(table.item(row, 0))

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)
            self.changed()


# --------------------------------------------------------------------------- small helpers
def caption(text: str) -> QLabel:
    """A label above a field that wraps, so that it never widens the dock."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def date_text(edit: QLineEdit) -> str:
    """The edit's date when it is a valid ISO date, else "" (and the edit is marked)."""
    text = edit.text().strip()
    ok = not text or valid_date(text)
    edit.setStyleSheet("" if ok else "color: #b00020;")
    edit.setToolTip("" if ok else tr("Give the date as YYYY-MM-DD."))
    return text if ok else ""


def layer_ref(layer) -> ds.LayerRef:
    if layer is None:
        return ds.LayerRef()
    return ds.LayerRef(layer_id=layer.id(), name=layer.name(), source=layer.publicSource())


def checked(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def set_checked(widget: QListWidget, ids: Sequence[str]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                           else Qt.CheckState.Unchecked)


def fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(0)
    for row in rows:
        n = table.rowCount()
        table.insertRow(n)
        for col, value in enumerate(row):
            table.setItem(n, col, QTableWidgetItem(value))


def table_rows(table: QTableWidget) -> list[list[str]]:
    return [[(table.item(r, c).text().strip() if table.item(r, c) else "") for c in range(table.columnCount())]
            for r in range(table.rowCount())]
