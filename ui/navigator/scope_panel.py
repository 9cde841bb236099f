"""Step 1, scope: the dossier's title, area (a feature of a polygon layer), problem, core values,
objectives and stakeholders."""
from __future__ import annotations

from qgis.core import QgsExpression, QgsExpressionContext, QgsExpressionContextUtils, QgsFeatureRequest
from qgis.gui import QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QComboBox, QHBoxLayout, QLineEdit, QListWidgetItem, QPlainTextEdit, QToolButton

from ...compat import LAYER_FILTER_POLYGON, REQUEST_NO_GEOMETRY
from ...i18n import tr
from ...knowledge import dossier as ds
from .base_panel import StepPanel, caption, checked, fill_table, set_checked, table_rows

__all__ = ["ScopePanel"]

MAX_AREA_FEATURES = 5000


class ScopePanel(StepPanel):
    """Step 1: what the dossier is about and for whom."""

    STEP = "scope"

    def build(self, layout) -> None:
        form = self.form()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("e.g. Burglary in the east"))
        self.title_edit.textChanged.connect(self.changed)
        form.addRow(tr("Title"), self.title_edit)

        self.area_layer_combo = self.narrow(QgsMapLayerComboBox())
        self.area_layer_combo.setFilters(LAYER_FILTER_POLYGON)
        self.area_layer_combo.setAllowEmptyLayer(True)
        self.area_layer_combo.setLayer(None)
        self.area_layer_combo.layerChanged.connect(self._area_layer_changed)
        form.addRow(tr("Area layer"), self.area_layer_combo)
        row = QHBoxLayout()
        self.area_combo = self.narrow(QComboBox())
        self.area_combo.currentIndexChanged.connect(self.changed)
        row.addWidget(self.area_combo, 1)
        selection = QToolButton()
        selection.setText(tr("From selection"))
        selection.setToolTip(tr("Use the feature selected on the map"))
        selection.clicked.connect(self._area_from_selection)
        row.addWidget(selection)
        form.addRow(tr("Area"), row)
        layout.addLayout(form)

        taxonomies = self.catalog.taxonomies
        layout.addWidget(caption(tr("Problem (priorities of the integral security plan)")))
        self.problem_list = self.check_list(140)
        items = taxonomies["priorities"]["items"]
        ranked = sorted(items, key=lambda p: (p.get("top10_rank") or 99, -p.get("count", 0)))
        for priority in ranked:
            item = QListWidgetItem(self.catalog.text(priority["label"]))
            item.setData(Qt.ItemDataRole.UserRole, priority["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.problem_list.addItem(item)
        self.problem_list.itemChanged.connect(self.changed)
        layout.addWidget(self.problem_list)

        layout.addWidget(caption(tr("Core values at stake")))
        self.values_list = self.check_list(120)
        for value in taxonomies["core_values"]:
            item = QListWidgetItem(self.catalog.text(value["label"]))
            item.setData(Qt.ItemDataRole.UserRole, value["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.values_list.addItem(item)
        self.values_list.itemChanged.connect(self.changed)
        layout.addWidget(self.values_list)

        layout.addWidget(caption(tr("Objectives (one per line)")))
        self.objectives_edit = QPlainTextEdit()
        self.objectives_edit.setMaximumHeight(70)
        self.objectives_edit.textChanged.connect(self.changed)
        layout.addWidget(self.objectives_edit)

        layout.addWidget(caption(tr("Stakeholders and their roles")))
        self.stakeholders_table = self.table([tr("Name"), tr("Role"), tr("Interest")], 130)
        layout.addWidget(self.stakeholders_table)
        layout.addLayout(self.row_buttons(self.stakeholders_table))

    def _area_layer_changed(self, layer) -> None:
        with self.quiet():
            self.area_combo.clear()
            if layer is not None:
                context = QgsExpressionContext()
                context.appendScopes(QgsExpressionContextUtils.globalProjectLayerScopes(layer))
                expression = QgsExpression(layer.displayExpression())
                request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setLimit(MAX_AREA_FEATURES)
                entries = []
                for feature in layer.getFeatures(request):
                    context.setFeature(feature)
                    value = expression.evaluate(context)
                    entries.append((str(value) if value not in (None, "") else str(feature.id()), feature.id()))
                for name, fid in sorted(entries, key=lambda e: e[0].casefold()):
                    self.area_combo.addItem(name, fid)
                self.area_combo.setCurrentIndex(-1)
        self.changed()

    def _area_from_selection(self) -> None:
        layer = self.area_layer_combo.currentLayer()
        ids = layer.selectedFeatureIds() if layer is not None else []
        if not ids:
            self.dock.show_status(tr("Select the area on the map first (one feature of the area layer)."),
                                  error=True)
            return
        index = self.area_combo.findData(ids[0])
        if index >= 0:
            self.area_combo.setCurrentIndex(index)

    def populate(self, dossier: ds.Dossier) -> None:
        scope = dossier.scope
        self.title_edit.setText(scope.title)
        layer = self.dock.project.mapLayer(scope.area.layer_id) if scope.area.layer_id else None
        self.area_layer_combo.setLayer(layer)
        self._area_layer_changed(layer)
        self.area_combo.setCurrentIndex(self.area_combo.findData(scope.area.feature_id)
                                        if scope.area.feature_id is not None else -1)
        set_checked(self.problem_list, scope.problem)
        set_checked(self.values_list, scope.core_values)
        self.objectives_edit.setPlainText("\n".join(scope.objectives))
        fill_table(self.stakeholders_table, [(s.name, s.role, s.interest) for s in scope.stakeholders])

    def collect(self, dossier: ds.Dossier) -> None:
        """A reference to an area layer missing from the project is kept (see :meth:`NavigatorDock.collect`)."""
        scope = dossier.scope
        scope.title = self.title_edit.text()
        layer = self.area_layer_combo.currentLayer()
        fid = self.area_combo.currentData()
        if not (layer is None and self.missing(scope.area.layer_id)):
            scope.area = ds.AreaRef(layer_id=layer.id() if layer else "", layer_name=layer.name() if layer else "",
                                    feature_id=int(fid) if fid is not None and layer is not None else None,
                                    name=self.area_combo.currentText() if fid is not None else "")
        scope.problem = checked(self.problem_list)
        scope.core_values = checked(self.values_list)
        scope.objectives = [line.strip() for line in self.objectives_edit.toPlainText().splitlines() if line.strip()]
        scope.stakeholders = [ds.Stakeholder(*row) for row in table_rows(self.stakeholders_table) if row[0]]
