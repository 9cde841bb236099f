"""Step 2, analyse: the incidents (layer, date/time and category fields, categories, period), the
cell size, the button that runs the analysis (:meth:`NavigatorDock.run_analysis`), the results
linked in the dossier and the findings."""
from __future__ import annotations

from collections.abc import Sequence

from qgis.gui import QgsDoubleSpinBox, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPlainTextEdit, QPushButton

from ...compat import LAYER_FILTER_POINT
from ...i18n import tr
from ...knowledge import dossier as ds
from .base_panel import StepPanel, caption, date_text, layer_ref

__all__ = ["AnalysePanel"]

MAX_CATEGORIES = 200


class AnalysePanel(StepPanel):
    """Step 2: what to analyse, the run and its results."""

    STEP = "analyse"

    def build(self, layout) -> None:
        form = self.form()
        self.incidents_combo = self.narrow(QgsMapLayerComboBox())
        self.incidents_combo.setFilters(LAYER_FILTER_POINT)
        self.incidents_combo.setAllowEmptyLayer(True)
        self.incidents_combo.setLayer(None)
        form.addRow(tr("Incidents"), self.incidents_combo)
        self.time_field_combo = self.narrow(QgsFieldComboBox())
        self.time_field_combo.setAllowEmptyFieldName(True)
        form.addRow(tr("Date/time field"), self.time_field_combo)
        self.category_field_combo = self.narrow(QgsFieldComboBox())
        self.category_field_combo.setAllowEmptyFieldName(True)
        form.addRow(tr("Category field"), self.category_field_combo)
        self.incidents_combo.layerChanged.connect(self._incidents_layer_changed)
        self.time_field_combo.fieldChanged.connect(self.changed)
        self.category_field_combo.fieldChanged.connect(self._category_field_changed)
        layout.addLayout(form)

        layout.addWidget(caption(tr("Categories that belong to the problem (none checked = all)")))
        self.categories_list = self.check_list(110)
        self.categories_list.itemChanged.connect(self.changed)
        layout.addWidget(self.categories_list)

        form = self.form()
        period = QHBoxLayout()
        self.period_start = self.date_edit()
        self.period_end = self.date_edit()
        period.addWidget(self.period_start)
        period.addWidget(QLabel(tr("to")))
        period.addWidget(self.period_end)
        period.addStretch(1)
        form.addRow(tr("Period"), period)
        self.cell_size = QgsDoubleSpinBox()
        self.cell_size.setRange(1.0, 10_000.0)
        self.cell_size.setDecimals(0)
        self.cell_size.setClearValue(100.0)
        self.cell_size.setSuffix(" m")
        self.cell_size.valueChanged.connect(self.changed)
        form.addRow(tr("Cell size"), self.cell_size)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.run_button = QPushButton(tr("Run the analysis"))
        self.run_button.setObjectName("navigatorRunAnalysis")
        self.run_button.setToolTip(tr("Counts per cell, hot times and hot spots for the area, added to the project "
                                      "and linked in the dossier"))
        self.run_button.clicked.connect(self.dock.run_analysis)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.dock.cancel)
        row.addWidget(self.run_button, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)

        layout.addWidget(caption(tr("Results linked in the dossier")))
        self.runs_list = QListWidget()
        self.runs_list.setMaximumHeight(110)
        self.runs_list.setWordWrap(True)
        layout.addWidget(self.runs_list)
        layout.addWidget(caption(tr("Findings")))
        self.findings_edit = QPlainTextEdit()
        self.findings_edit.setMaximumHeight(80)
        self.findings_edit.setPlaceholderText(tr("What does the analysis show, and what are its limits?"))
        self.findings_edit.textChanged.connect(self.changed)
        layout.addWidget(self.findings_edit)

    def _incidents_layer_changed(self, layer) -> None:
        with self.quiet():
            self.time_field_combo.setLayer(layer)
            self.category_field_combo.setLayer(layer)
            self.time_field_combo.setField("")
            self.category_field_combo.setField("")
            self.categories_list.clear()
        self.changed()

    def _category_field_changed(self, name: str) -> None:
        self._fill_categories(name, [])
        self.changed()

    def _fill_categories(self, name: str, checked: Sequence[str]) -> None:
        with self.quiet():
            self.categories_list.clear()
            layer = self.incidents_combo.currentLayer()
            if layer is not None and name and layer.fields().indexOf(name) >= 0:
                values = layer.uniqueValues(layer.fields().indexOf(name), MAX_CATEGORIES)
                texts = sorted({str(v) for v in values if v is not None and str(v) != "NULL"} | set(checked))
                for text in texts:
                    item = QListWidgetItem(text)
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if text in checked else Qt.CheckState.Unchecked)
                    self.categories_list.addItem(item)

    def fill_runs(self, dossier: ds.Dossier) -> None:
        """List the results linked in the dossier, saying which layers left the project."""
        self.runs_list.clear()
        for run in dossier.analyse.runs:
            missing = [i for i in run.layer_ids if self.dock.project.mapLayer(i) is None]
            text = f"{run.title}: {run.summary}" + (f" ({tr('layer removed from the project')})" if missing else "")
            item = QListWidgetItem(text)
            item.setToolTip(f"{run.algorithm} · {run.created}\n{', '.join(run.outputs.values())}")
            self.runs_list.addItem(item)

    def set_running(self, busy: bool) -> None:
        """One run at a time: the run button waits, the cancel button stops it."""
        self.run_button.setEnabled(not busy)
        self.cancel_button.setEnabled(busy)

    def populate(self, dossier: ds.Dossier) -> None:
        inputs = dossier.analyse.inputs
        incidents = self.dock.project.mapLayer(inputs.incidents.layer_id) if inputs.incidents.layer_id else None
        self.incidents_combo.setLayer(incidents)
        self.time_field_combo.setLayer(incidents)
        self.category_field_combo.setLayer(incidents)
        self.time_field_combo.setField(inputs.time_field)
        self.category_field_combo.setField(inputs.category_field)
        self._fill_categories(inputs.category_field, inputs.categories)
        self.period_start.setText(inputs.period.start if inputs.period else "")
        self.period_end.setText(inputs.period.end if inputs.period else "")
        self.cell_size.setValue(inputs.cell_size)
        self.fill_runs(dossier)
        self.findings_edit.setPlainText(dossier.analyse.findings)

    def collect(self, dossier: ds.Dossier) -> None:
        """A reference to an incident layer missing from the project is kept, with its fields and categories."""
        inputs = dossier.analyse.inputs
        incidents = self.incidents_combo.currentLayer()
        if not (incidents is None and self.missing(inputs.incidents.layer_id)):
            inputs.incidents = layer_ref(incidents)
            inputs.time_field = self.time_field_combo.currentField()
            inputs.category_field = self.category_field_combo.currentField()
            inputs.categories = [self.categories_list.item(i).text() for i in range(self.categories_list.count())
                                 if self.categories_list.item(i).checkState() == Qt.CheckState.Checked]
        start, end = date_text(self.period_start), date_text(self.period_end)
        inputs.period = ds.Period(start, end) if start or end else None
        inputs.cell_size = float(self.cell_size.value())
        dossier.analyse.findings = self.findings_edit.toPlainText()
