"""Step 5, monitor: indicators, the before and after periods, the target, buffer and control areas,
the button that measures the effect (:meth:`NavigatorDock.run_effect`, ``besecure:interventioneffect``),
its counts and measures, and the conclusion."""
from __future__ import annotations

import html

from qgis.core import QgsApplication
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QHBoxLayout, QLabel, QPlainTextEdit, QPushButton

from ...compat import LAYER_FILTER_POLYGON
from ...i18n import tr
from ...knowledge import dossier as ds
from .base_panel import StepPanel, caption, date_text, fill_table, layer_ref, table_rows
from .inputs import number
from .report import fmt
from .runner import EFFECT

__all__ = ["MonitorPanel"]


class MonitorPanel(StepPanel):
    """Step 5: did it work?"""

    STEP = "monitor"

    def build(self, layout) -> None:
        layout.addWidget(caption(tr("Indicators")))
        # Free text in name and definition; the three short values fit their headers (Dutch "Streefwaarde").
        self.indicators_table = self.table([tr("Name"), tr("Definition"), tr("Baseline"), tr("Target value"),
                                            tr("After")], 120, stretch=(0, 1))
        layout.addWidget(self.indicators_table)
        layout.addLayout(self.row_buttons(self.indicators_table))

        form = self.form()
        for attr, label in (("baseline", tr("Before (baseline)")), ("after", tr("After"))):
            row = QHBoxLayout()
            start, end = self.date_edit(), self.date_edit()
            setattr(self, f"{attr}_start", start)
            setattr(self, f"{attr}_end", end)
            row.addWidget(start)
            row.addWidget(QLabel(tr("to")))
            row.addWidget(end)
            row.addStretch(1)
            form.addRow(label, row)
        self.area_combos: dict[str, QgsMapLayerComboBox] = {}
        for key, label in (("target", tr("Target area")), ("buffer", tr("Buffer area")),
                           ("control", tr("Control area"))):
            combo = self.narrow(QgsMapLayerComboBox())
            combo.setFilters(LAYER_FILTER_POLYGON)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
            combo.layerChanged.connect(self.changed)
            self.area_combos[key] = combo
            form.addRow(label, combo)
        layout.addLayout(form)

        self.effect_button = QPushButton(tr("Measure the effect"))
        self.effect_button.setObjectName("navigatorRunEffect")
        self.effect_button.clicked.connect(self.dock.run_effect)
        layout.addWidget(self.effect_button)
        self.effect_label = QLabel()
        self.effect_label.setWordWrap(True)
        self.effect_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.effect_label)
        layout.addWidget(caption(tr("Conclusion")))
        self.conclusion_edit = QPlainTextEdit()
        self.conclusion_edit.setMaximumHeight(70)
        self.conclusion_edit.textChanged.connect(self.changed)
        layout.addWidget(self.conclusion_edit)

    def show_effect(self, dossier: ds.Dossier) -> None:
        """Show the measured effect: the counts before and after, WDQ and WDD, the interpretation."""
        effect = dossier.monitor.effect
        if effect is None:
            self.effect_label.setText("")
            return
        c = effect.counts
        rows = [(tr("Target area"), "T"), (tr("Buffer area"), "D"), (tr("Control (target)"), "Ct"),
                (tr("Control (buffer)"), "Cd")]
        table = "".join(f"<tr><td>{html.escape(label)}</td><td align='right'>{fmt(c.get(k + '_b'))}</td>"
                        f"<td align='right'>{fmt(c.get(k + '_a'))}</td></tr>" for label, k in rows)
        self.effect_label.setText(
            f"<table cellpadding='2'><tr><th></th><th>{html.escape(tr('Before'))}</th>"
            f"<th>{html.escape(tr('After'))}</th></tr>{table}</table>"
            f"<p>WDQ {fmt(effect.wdq, 2)} · WDD {fmt(effect.wdd, 1)} (SE {fmt(effect.wdd_se, 1)}, "
            f"z {fmt(effect.wdd_z, 2)})</p><p>{html.escape(effect.interpretation)}</p>")

    def set_running(self, busy: bool) -> None:
        """The effect can be measured when its algorithm is installed and nothing else runs."""
        has_effect = QgsApplication.processingRegistry().algorithmById(EFFECT) is not None
        self.effect_button.setEnabled(has_effect and not busy)
        self.effect_button.setToolTip("" if has_effect else tr("The algorithm {} is not available.").format(EFFECT))

    def populate(self, dossier: ds.Dossier) -> None:
        m = dossier.monitor
        fill_table(self.indicators_table, [(i.name, i.definition, fmt(i.baseline), fmt(i.target), fmt(i.after))
                                           for i in m.indicators])
        self.baseline_start.setText(m.baseline.start)
        self.baseline_end.setText(m.baseline.end)
        self.after_start.setText(m.after.start)
        self.after_end.setText(m.after.end)
        for key, combo in self.area_combos.items():
            ref = getattr(m, key)
            combo.setLayer(self.dock.project.mapLayer(ref.layer_id) if ref.layer_id else None)
        self.show_effect(dossier)
        self.conclusion_edit.setPlainText(m.conclusion)

    def collect(self, dossier: ds.Dossier) -> None:
        """References to area layers missing from the project are kept."""
        m = dossier.monitor
        m.indicators = [ds.Indicator(name, definition, number(base), number(target), number(after))
                        for name, definition, base, target, after in table_rows(self.indicators_table) if name]
        m.baseline = ds.Period(date_text(self.baseline_start), date_text(self.baseline_end))
        m.after = ds.Period(date_text(self.after_start), date_text(self.after_end))
        for key, combo in self.area_combos.items():
            if not (combo.currentLayer() is None and self.missing(getattr(m, key).layer_id)):
                setattr(m, key, layer_ref(combo.currentLayer()))
        m.conclusion = self.conclusion_edit.toPlainText()
