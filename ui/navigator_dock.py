"""The Policy Navigator dock: a step-by-step dossier for one area and problem, with the Guide.

Five steps (``knowledge/guide.json``), each page opening with the Guide's few sentences on what to
do and why: (1) scope, (2) analyse - one click runs ``besecure:aggregateincidents`` and
``besecure:hottimes`` for the dossier's area and incidents and, when installed, ``besecure:hotspots``
(Gi*) on the counts per cell, adds the results to the project and links them in the dossier,
(3) options - practices
from the Library that match the problem (:func:`besecure.knowledge.dossier.matching_practices`,
which is the Library's search), each chosen with a rationale, (4) plan - the implementation
checklist with status, owner and date, (5) monitor - indicators, periods and the effect through
``besecure:interventioneffect``.

The model is :class:`besecure.knowledge.dossier.Dossier`. It is stored in the project
(:func:`write_dossier`: scope ``besecure``, key ``dossier``, as JSON) whenever it changes and is a
valid dossier, and read back when a project is read, so it survives save, close and reopen. The
report (:meth:`NavigatorDock.build_report`) goes to HTML or PDF through :mod:`besecure.layers.reports`, with
the linked result layers rendered as maps and the hot times and counts as charts.
"""
from __future__ import annotations

import datetime as dt
import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from qgis.core import (
    QgsApplication,
    QgsCoordinateTransform,
    QgsExpression,
    QgsExpressionContext,
    QgsExpressionContextUtils,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsDoubleSpinBox, QgsFieldComboBox, QgsFilterLineEdit, QgsMapLayerComboBox
from qgis.PyQt.QtCore import Qt, pyqtSignal, pyqtSlot
from qgis.PyQt.QtGui import QFont, QTextDocument
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QToolButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..compat import GEOMETRY_POINT, LAYER_FILTER_POINT, LAYER_FILTER_POLYGON, REQUEST_NO_GEOMETRY, geometry_type
from ..i18n import N_, current_locale, tr
from ..knowledge import dossier as ds
from ..knowledge.library import LANGUAGES, load_checklist, load_guide, load_taxonomies, localized
from ..layers.dates import parse_datetimes, period_mask
from ..layers.read import read_points
from ..layers.reports.document import Report
from ..layers.reports.images import bar_chart_png, heatmap_png, render_map_png
from ..layers.reports.practice import Taxonomy, practice_html
from .dock_base import BesecureDock
from .user_practices import all_practices

__all__ = ["NavigatorDock", "PROJECT_KEY", "PROJECT_SCOPE", "dossier_incidents", "read_dossier", "write_dossier"]

PROJECT_SCOPE = "besecure"
PROJECT_KEY = "dossier"

AGGREGATE = "besecure:aggregateincidents"
HOT_TIMES = "besecure:hottimes"
HOT_SPOTS = "besecure:hotspots"
EFFECT = "besecure:interventioneffect"

STATUS_LABELS = {"open": N_("Open"), "in_progress": N_("In progress"), "done": N_("Done"),
                 "not_applicable": N_("Not applicable")}
WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
            N_("Sunday"))
WEEKDAYS_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
AREA_OUTLINE = {"style": "no", "outline_color": "#d7191c", "outline_width": "0.8"}
#: The dock's texts for the codes of knowledge.dossier.completeness ("checklist" is counted).
TODO_TEXTS = {
    "area": N_("choose the area"),
    "problem": N_("choose the problem"),
    "objectives": N_("state at least one objective"),
    "stakeholders": N_("name the stakeholders and their roles"),
    "incidents": N_("choose the incident layer"),
    "analysis": N_("run the analysis"),
    "practice": N_("choose at least one practice"),
    "rationale": N_("give a rationale for every chosen practice"),
    "indicators": N_("define at least one indicator"),
    "periods": N_("set the baseline and after periods"),
    "effect": N_("measure the effect"),
}
MAX_AREA_FEATURES = 5000
MAX_CATEGORIES = 200


# --------------------------------------------------------------------------- project storage
def write_dossier(project: QgsProject, dossier: ds.Dossier) -> None:
    """Store ``dossier`` in ``project`` (scope ``besecure``, key ``dossier``, JSON)."""
    project.writeEntry(PROJECT_SCOPE, PROJECT_KEY, ds.to_json(dossier))


def read_dossier(project: QgsProject) -> ds.Dossier | None:
    """The dossier stored in ``project``, its plan completed with new checklist items; None when
    the project holds none. Raises ValueError when the stored dossier cannot be read."""
    text, found = project.readEntry(PROJECT_SCOPE, PROJECT_KEY, "")
    if not found or not text.strip():
        return None
    dossier = ds.from_json(text)
    ds.sync_checklist(dossier.plan)
    return dossier


# --------------------------------------------------------------------------- inputs of the algorithms
def _category_mask(values: np.ndarray, categories: Sequence[str]) -> np.ndarray:
    """Incidents whose category is one of ``categories`` (as the category list shows them)."""
    if values.dtype.kind == "f":  # numeric category field: compare as numbers (1 == 1.0)
        wanted = []
        for c in categories:
            try:
                wanted.append(float(c))
            except ValueError:
                continue
        return np.isin(values, wanted)
    return np.isin(np.array([None if v is None else str(v) for v in values], dtype=object), list(categories))


def dossier_incidents(layer: QgsVectorLayer, inputs: ds.AnalysisInputs, *, use_period: bool = True
                      ) -> QgsVectorLayer:
    """The dossier's incidents: ``layer`` itself, or a memory copy restricted to the chosen
    categories and (with ``use_period``) the period, read with the plugin's own readers and period
    rules (``layers.read``, ``layers.dates``, ``processing.incidents.period_mask``).

    Raises ValueError when nothing is left.
    """
    period = inputs.period if use_period and inputs.period and (inputs.period.start or inputs.period.end) else None
    if not inputs.categories and period is None:
        return layer
    category = inputs.category_field if inputs.categories else ""
    time_field = inputs.time_field if period is not None else ""
    table = read_points(layer, [category, time_field], layer=layer)
    mask = np.ones(table.fid.size, dtype=bool)
    if category:
        mask &= _category_mask(table.attributes[category], inputs.categories)
    if period is not None:
        parsed = parse_datetimes(table.attributes[time_field], None, utc_values=time_field in table.utc_fields)
        mask &= period_mask(parsed.times, period.start or None, period.end or None)
    if not mask.any():
        raise ValueError(tr("No incidents of the chosen categories in the chosen period; widen the selection in "
                            "step 2."))
    subset = layer.materialize(QgsFeatureRequest().setFilterFids([int(f) for f in table.fid[mask]]))
    subset.setName(layer.name())
    return subset


def area_layer(project: QgsProject, area: ds.AreaRef) -> QgsVectorLayer:
    """The dossier's area as a one-feature memory layer. Raises ValueError when it cannot be found."""
    layer = project.mapLayer(area.layer_id) if area.layer_id else None
    if layer is None:
        raise ValueError(tr("Choose the area in step 1 (the area layer is not in the project)."))
    if area.feature_id is None:
        raise ValueError(tr("Choose the area in step 1."))
    single = layer.materialize(QgsFeatureRequest().setFilterFid(area.feature_id))
    if single.featureCount() != 1:
        raise ValueError(tr("The area is no longer in the layer '{}'; choose it again in step 1.")
                         .format(layer.name()))
    single.setName(area.name or layer.name())
    return single


def _output_folder(project: QgsProject) -> Path:
    """Where results are written: next to a saved project (so they outlive the session), else the
    Processing temporary folder."""
    if project.fileName():
        base = Path(project.fileName())
        folder = base.with_name(base.stem + "_besecure")
    else:
        folder = Path(QgsProcessingUtils.tempFolder())
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _output_path(project: QgsProject, name: str) -> str:
    stamp = dt.datetime.now().strftime("%Y%m%d_%H%M%S")
    folder = _output_folder(project)
    path, n = folder / f"{name}_{stamp}.gpkg", 1
    while path.exists():
        n += 1
        path = folder / f"{name}_{stamp}_{n}.gpkg"
    return str(path)


def _number(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) else None


# --------------------------------------------------------------------------- running algorithms
class _Feedback(QgsProcessingFeedback):
    """Keeps the error messages to show when an algorithm fails."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API)
        self.errors.append(error)
        super().reportError(error, fatalError)


@dataclass
class _Job:
    """One algorithm to run for the dossier."""

    algorithm: str
    title: str
    parameters: dict[str, Any]
    recorded: dict[str, Any]
    """The parameters as stored in the dossier (JSON values: layer ids instead of layer objects)."""
    finish: Callable[[_Job, dict, QgsVectorLayer | None], None]
    keep: list = field(default_factory=list)
    """Objects that must live as long as the job (memory layers passed as parameters)."""


# --------------------------------------------------------------------------- the dock
class NavigatorDock(BesecureDock):
    """The Policy Navigator; see the module docstring."""

    KEY = "navigator"
    TITLE = N_("Policy Navigator")
    ICON = "navigator.svg"

    jobFinished = pyqtSignal(str, bool)  # noqa: N815 (Qt naming): algorithm group ("analyse"/"monitor"), success

    def __init__(self, iface, parent: QWidget | None = None, *, background: bool = True) -> None:
        self.lang = current_locale() if current_locale() in LANGUAGES else "en"
        self.background = background
        self.project = QgsProject.instance()
        self._dossier = ds.new_dossier()
        self._loading = True  # no model updates while the widgets are built
        self._jobs: list[_Job] = []
        self._running: tuple | None = None
        self._group = ""
        self._taxonomies = load_taxonomies()
        self._checklist = load_checklist()
        self._guide = {step["id"]: step for step in load_guide()["steps"]}
        self._practices: list[dict] = []
        self._practice_by_id: dict[str, dict] = {}
        self._reload_practices()
        super().__init__(iface, parent)
        self._loading = False
        self.connect_external(self.project.readProject, self._project_read)
        self.connect_external(self.project.cleared, self._project_cleared)
        self._load_from_project()

    # -- the model ---------------------------------------------------------------------------
    @property
    def dossier(self) -> ds.Dossier:
        """The dossier shown (the dock's live model)."""
        return self._dossier

    def set_dossier(self, dossier: ds.Dossier, *, store: bool = True) -> None:
        """Show ``dossier`` (its plan completed with the checklist) and store it in the project."""
        ds.sync_checklist(dossier.plan, self._checklist)
        self._dossier = dossier
        self._populate()
        if store:
            self._store()

    def new_dossier(self) -> None:
        self.set_dossier(ds.new_dossier(self._checklist))
        self.show_step(0)

    def _store(self) -> bool:
        """Write the dossier to the project when it is valid; otherwise say what to fix."""
        errors = ds.validate_dossier(ds.to_dict(self._dossier), taxonomies=self._taxonomies,
                                     checklist=self._checklist)
        if errors:
            self._status(tr("Not saved in the project yet: {}").format(errors[0]), error=True)
            return False
        write_dossier(self.project, self._dossier)
        return True

    def _load_from_project(self) -> None:
        try:
            stored = read_dossier(self.project)
        except ValueError as exc:
            self._status(tr("The dossier in this project cannot be read: {}").format(exc), error=True)
            stored = None
        self.set_dossier(stored or ds.new_dossier(self._checklist), store=False)

    def _project_read(self, *_args) -> None:
        self.cancel()
        self._load_from_project()

    def _project_cleared(self) -> None:
        self.cancel()
        self.set_dossier(ds.new_dossier(self._checklist), store=False)

    def _changed(self, *_args) -> None:
        """A widget changed: copy the form into the model and store it."""
        if self._loading:
            return
        self._collect()
        self._dossier.modified = ds.now_iso()
        if self._store():
            self._status("")
        self._update_marks()

    # -- layout ------------------------------------------------------------------------------
    def build_ui(self, panel) -> None:
        layout = panel.layout()
        self.header = QLabel()
        self.header.setWordWrap(True)
        self.header.setObjectName("navigatorHeader")
        layout.addWidget(self.header)

        steps_row = QHBoxLayout()
        steps_row.setSpacing(2)
        self.step_buttons = QButtonGroup(self)
        self.step_buttons.setExclusive(True)
        for i, step in enumerate(ds.STEPS):
            button = QToolButton()
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            button.setMinimumWidth(40)
            button.setObjectName(f"navigatorStep_{step}")
            self.step_buttons.addButton(button, i)
            steps_row.addWidget(button)
        self.step_buttons.idClicked.connect(self.show_step)
        layout.addLayout(steps_row)

        self.pages = QStackedWidget()
        self.guide_labels: dict[str, QLabel] = {}
        builders = (self._scope_page, self._analyse_page, self._options_page, self._plan_page, self._monitor_page)
        for step, builder in zip(ds.STEPS, builders, strict=True):
            content = QWidget()
            page_layout = QVBoxLayout(content)
            page_layout.setContentsMargins(2, 2, 2, 2)
            page_layout.addWidget(self._guide_box(step))
            builder(page_layout)
            page_layout.addStretch(1)
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(content)
            self.pages.addWidget(scroll)
        layout.addWidget(self.pages, 1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.setVisible(False)
        layout.addWidget(self.progress)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.status.setObjectName("navigatorStatus")
        layout.addWidget(self.status)

        footer = QHBoxLayout()
        self.back_button = QPushButton(tr("Back"))
        self.back_button.clicked.connect(lambda: self.show_step(self.current_step() - 1))
        self.next_button = QPushButton(tr("Next"))
        self.next_button.clicked.connect(lambda: self.show_step(self.current_step() + 1))
        self.report_button = QToolButton()
        self.report_button.setText(tr("Dossier"))
        self.report_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.report_button)
        menu.addAction(tr("New dossier"), self._ask_new_dossier)
        menu.addAction(tr("Export report as HTML…"), lambda: self._ask_export("html"))
        menu.addAction(tr("Export report as PDF…"), lambda: self._ask_export("pdf"))
        self.report_button.setMenu(menu)
        footer.addWidget(self.back_button)
        footer.addWidget(self.next_button)
        footer.addStretch(1)
        footer.addWidget(self.report_button)
        layout.addLayout(footer)
        self.show_step(0)

    def _guide_box(self, step: str) -> QWidget:
        box = QgsCollapsibleGroupBox(tr("Guide"))
        box.setObjectName(f"navigatorGuide_{step}")
        box_layout = QVBoxLayout(box)
        label = QLabel()
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        guide = self._guide[step]
        questions = "".join(f"<li>{html.escape(localized(q, self.lang))}</li>" for q in guide.get("questions", []))
        label.setText(f"<p>{html.escape(localized(guide['text'], self.lang))}</p>"
                      + (f"<ul style='margin-left:-20px'>{questions}</ul>" if questions else ""))
        box_layout.addWidget(label)
        self.guide_labels[step] = label
        return box

    def guide_text(self, step: str) -> str:
        """The Guide's text shown on the page of ``step`` (plain text)."""
        doc = QTextDocument()
        doc.setHtml(self.guide_labels[step].text())
        return doc.toPlainText()

    def show_step(self, index: int) -> None:
        index = max(0, min(len(ds.STEPS) - 1, index))
        self.pages.setCurrentIndex(index)
        self.step_buttons.button(index).setChecked(True)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(ds.STEPS) - 1)
        if ds.STEPS[index] == "options":
            self._reload_practices()  # the user may have added practices in the Library meanwhile
            self._refresh_practices()

    def current_step(self) -> int:
        return self.pages.currentIndex()

    def screenshot(self, path, size: tuple[int, int] = (420, 720), step: int | None = None) -> Path:
        """Render the dock to a PNG file (``make screenshots``), on ``step`` when given."""
        if step is not None:
            self.show_step(step)
        return super().screenshot(path, size)

    def _status(self, text: str, *, error: bool = False) -> None:
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)

    @staticmethod
    def _form() -> QFormLayout:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        return form

    @staticmethod
    def _narrow(combo: QComboBox) -> QComboBox:
        """Let a combo box shrink with the dock instead of growing to its longest item."""
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    @staticmethod
    def _check_list(height: int) -> QListWidget:
        widget = QListWidget()
        widget.setMaximumHeight(height)
        widget.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        return widget

    def _date_edit(self) -> QLineEdit:
        edit = QLineEdit()
        edit.setPlaceholderText(tr("YYYY-MM-DD"))
        edit.setMaximumWidth(110)
        edit.textChanged.connect(self._changed)
        return edit

    # -- step 1: scope -----------------------------------------------------------------------
    def _scope_page(self, layout: QVBoxLayout) -> None:
        form = self._form()
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(tr("e.g. Burglary in the east"))
        self.title_edit.textChanged.connect(self._changed)
        form.addRow(tr("Title"), self.title_edit)

        self.area_layer_combo = self._narrow(QgsMapLayerComboBox())
        self.area_layer_combo.setFilters(LAYER_FILTER_POLYGON)
        self.area_layer_combo.setAllowEmptyLayer(True)
        self.area_layer_combo.setLayer(None)
        self.area_layer_combo.layerChanged.connect(self._area_layer_changed)
        form.addRow(tr("Area layer"), self.area_layer_combo)
        row = QHBoxLayout()
        self.area_combo = self._narrow(QComboBox())
        self.area_combo.currentIndexChanged.connect(self._changed)
        row.addWidget(self.area_combo, 1)
        selection = QToolButton()
        selection.setText(tr("From selection"))
        selection.setToolTip(tr("Use the feature selected on the map"))
        selection.clicked.connect(self._area_from_selection)
        row.addWidget(selection)
        form.addRow(tr("Area"), row)
        layout.addLayout(form)

        layout.addWidget(_caption(tr("Problem (priorities of the integral security plan)")))
        self.problem_list = self._check_list(140)
        items = self._taxonomies["priorities"]["items"]
        ranked = sorted(items, key=lambda p: (p.get("top10_rank") or 99, -p.get("count", 0)))
        for priority in ranked:
            item = QListWidgetItem(localized(priority["label"], self.lang))
            item.setData(Qt.ItemDataRole.UserRole, priority["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.problem_list.addItem(item)
        self.problem_list.itemChanged.connect(self._changed)
        layout.addWidget(self.problem_list)

        layout.addWidget(_caption(tr("Core values at stake")))
        self.values_list = self._check_list(120)
        for value in self._taxonomies["core_values"]:
            item = QListWidgetItem(localized(value["label"], self.lang))
            item.setData(Qt.ItemDataRole.UserRole, value["id"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.values_list.addItem(item)
        self.values_list.itemChanged.connect(self._changed)
        layout.addWidget(self.values_list)

        layout.addWidget(_caption(tr("Objectives (one per line)")))
        self.objectives_edit = QPlainTextEdit()
        self.objectives_edit.setMaximumHeight(70)
        self.objectives_edit.textChanged.connect(self._changed)
        layout.addWidget(self.objectives_edit)

        layout.addWidget(_caption(tr("Stakeholders and their roles")))
        self.stakeholders_table = self._table([tr("Name"), tr("Role"), tr("Interest")], 130)
        layout.addWidget(self.stakeholders_table)
        layout.addLayout(self._row_buttons(self.stakeholders_table))

    def _table(self, headers: list[str], height: int) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setVisible(False)
        table.setMaximumHeight(height)
        table.itemChanged.connect(self._changed)
        return table

    def _row_buttons(self, table: QTableWidget) -> QHBoxLayout:
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
        was = self._loading
        self._loading = True
        row = table.rowCount()
        table.insertRow(row)
        for col in range(table.columnCount()):
            table.setItem(row, col, QTableWidgetItem(values[col] if col < len(values) else ""))
        self._loading = was
        if not values:
            table.setCurrentCell(row, 0)
            table.editItem(table.item(row, 0))

    def _remove_row(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0:
            table.removeRow(row)
            self._changed()

    def _area_layer_changed(self, layer) -> None:
        was = self._loading
        self._loading = True
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
        self._loading = was
        self._changed()

    def _area_from_selection(self) -> None:
        layer = self.area_layer_combo.currentLayer()
        ids = layer.selectedFeatureIds() if layer is not None else []
        if not ids:
            self._status(tr("Select the area on the map first (one feature of the area layer)."), error=True)
            return
        index = self.area_combo.findData(ids[0])
        if index >= 0:
            self.area_combo.setCurrentIndex(index)

    # -- step 2: analyse ---------------------------------------------------------------------
    def _analyse_page(self, layout: QVBoxLayout) -> None:
        form = self._form()
        self.incidents_combo = self._narrow(QgsMapLayerComboBox())
        self.incidents_combo.setFilters(LAYER_FILTER_POINT)
        self.incidents_combo.setAllowEmptyLayer(True)
        self.incidents_combo.setLayer(None)
        form.addRow(tr("Incidents"), self.incidents_combo)
        self.time_field_combo = self._narrow(QgsFieldComboBox())
        self.time_field_combo.setAllowEmptyFieldName(True)
        form.addRow(tr("Date/time field"), self.time_field_combo)
        self.category_field_combo = self._narrow(QgsFieldComboBox())
        self.category_field_combo.setAllowEmptyFieldName(True)
        form.addRow(tr("Category field"), self.category_field_combo)
        self.incidents_combo.layerChanged.connect(self._incidents_layer_changed)
        self.time_field_combo.fieldChanged.connect(self._changed)
        self.category_field_combo.fieldChanged.connect(self._category_field_changed)
        layout.addLayout(form)

        layout.addWidget(_caption(tr("Categories that belong to the problem (none checked = all)")))
        self.categories_list = self._check_list(110)
        self.categories_list.itemChanged.connect(self._changed)
        layout.addWidget(self.categories_list)

        form = self._form()
        period = QHBoxLayout()
        self.period_start = self._date_edit()
        self.period_end = self._date_edit()
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
        self.cell_size.valueChanged.connect(self._changed)
        form.addRow(tr("Cell size"), self.cell_size)
        layout.addLayout(form)

        row = QHBoxLayout()
        self.run_button = QPushButton(tr("Run the analysis"))
        self.run_button.setObjectName("navigatorRunAnalysis")
        self.run_button.setToolTip(tr("Counts per cell, hot times and hot spots for the area, added to the project "
                                      "and linked in the dossier"))
        self.run_button.clicked.connect(self.run_analysis)
        self.cancel_button = QPushButton(tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.cancel_button.clicked.connect(self.cancel)
        row.addWidget(self.run_button, 1)
        row.addWidget(self.cancel_button)
        layout.addLayout(row)

        layout.addWidget(_caption(tr("Results linked in the dossier")))
        self.runs_list = QListWidget()
        self.runs_list.setMaximumHeight(110)
        self.runs_list.setWordWrap(True)
        layout.addWidget(self.runs_list)
        layout.addWidget(_caption(tr("Findings")))
        self.findings_edit = QPlainTextEdit()
        self.findings_edit.setMaximumHeight(80)
        self.findings_edit.setPlaceholderText(tr("What does the analysis show, and what are its limits?"))
        self.findings_edit.textChanged.connect(self._changed)
        layout.addWidget(self.findings_edit)

    def _incidents_layer_changed(self, layer) -> None:
        was = self._loading
        self._loading = True
        self.time_field_combo.setLayer(layer)
        self.category_field_combo.setLayer(layer)
        self.time_field_combo.setField("")
        self.category_field_combo.setField("")
        self.categories_list.clear()
        self._loading = was
        self._changed()

    def _category_field_changed(self, name: str) -> None:
        self._fill_categories(name, [])
        self._changed()

    def _fill_categories(self, name: str, checked: Sequence[str]) -> None:
        was = self._loading
        self._loading = True
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
        self._loading = was

    # -- step 3: options ---------------------------------------------------------------------
    def _options_page(self, layout: QVBoxLayout) -> None:
        self.practice_search = QgsFilterLineEdit()
        self.practice_search.setPlaceholderText(tr("Search the Library"))
        self.practice_search.textChanged.connect(self._options_filter_changed)
        layout.addWidget(self.practice_search)
        row = QHBoxLayout()
        self.approach_combo = self._narrow(QComboBox())
        self.approach_combo.addItem(tr("Any approach"), "")
        for approach in self._taxonomies["approaches"]:
            self.approach_combo.addItem(localized(approach["label"], self.lang), approach["id"])
        self.approach_combo.currentIndexChanged.connect(self._options_filter_changed)
        self.evidence_combo = self._narrow(QComboBox())
        self.evidence_combo.addItem(tr("Any evidence"), "")
        for level in sorted(self._taxonomies["evidence_levels"], key=lambda e: e["rank"])[1:]:
            self.evidence_combo.addItem(tr("At least: {}").format(localized(level["label"], self.lang)), level["id"])
        self.evidence_combo.currentIndexChanged.connect(self._options_filter_changed)
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
        self.rationale_label = _caption(tr("Why this practice fits here (rationale)"))
        layout.addWidget(self.rationale_label)
        self.rationale_edit = QPlainTextEdit()
        self.rationale_edit.setMaximumHeight(70)
        self.rationale_edit.textChanged.connect(self._rationale_changed)
        layout.addWidget(self.rationale_edit)

    def _reload_practices(self) -> None:
        """The Library as the Library dock shows it: built-in practices and the user's own."""
        self._practices = all_practices()
        self._practice_by_id = {p["id"]: p for p in self._practices}

    def practice_filters(self) -> dict[str, Any]:
        """The extra Library filters chosen on the options page."""
        filters: dict[str, Any] = {}
        if self.approach_combo.currentData():
            filters["approach"] = [self.approach_combo.currentData()]
        if self.evidence_combo.currentData():
            filters["min_evidence"] = self.evidence_combo.currentData()
        return filters

    def matching(self) -> list[dict]:
        """Practices matching the dossier's problem and the filters (the Library's search)."""
        if not self._dossier.scope.problem:
            return []
        return ds.matching_practices(self._practices, self._dossier.scope.problem, self.practice_search.text(),
                                     self.practice_filters(), taxonomies=self._taxonomies)

    def _options_filter_changed(self, *_args) -> None:
        if self._loading:
            return
        self._dossier.options.filters = self.practice_filters()
        self._store()
        self._refresh_practices()

    def _practice_title(self, pid: str) -> str:
        practice = self._practice_by_id.get(pid)
        if practice is None:
            return tr("{} (not in the Library)").format(pid)
        place = ", ".join(x for x in (practice.get("city"), practice.get("country")) if x)
        return f"{localized(practice['title'], self.lang)} ({place})" if place else localized(practice["title"],
                                                                                                self.lang)

    def _refresh_practices(self) -> None:
        was = self._loading
        self._loading = True
        current = self.practice_list.currentItem()
        current_id = current.data(Qt.ItemDataRole.UserRole) if current is not None else None
        self.practice_list.clear()
        chosen = [c.practice_id for c in self._dossier.options.chosen]
        ids = chosen + [p["id"] for p in self.matching() if p["id"] not in chosen]
        for pid in ids:
            item = QListWidgetItem(self._practice_title(pid))
            item.setData(Qt.ItemDataRole.UserRole, pid)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if pid in chosen else Qt.CheckState.Unchecked)
            self.practice_list.addItem(item)
            if pid == current_id:
                self.practice_list.setCurrentItem(item)
        if not ids:
            hint = tr("Choose the problem in step 1 to see matching practices.") if not self._dossier.scope.problem \
                else tr("No practice in the Library matches; loosen the filters.")
            self.practice_detail.setPlainText(hint)
        self._loading = was
        self._practice_selected(self.practice_list.currentItem())

    def _chosen(self, pid: str) -> ds.ChosenPractice | None:
        return next((c for c in self._dossier.options.chosen if c.practice_id == pid), None)

    def _practice_checked(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        pid = item.data(Qt.ItemDataRole.UserRole)
        chosen = self._chosen(pid)
        if item.checkState() == Qt.CheckState.Checked and chosen is None:
            self._dossier.options.chosen.append(ds.ChosenPractice(pid, ""))
        elif item.checkState() != Qt.CheckState.Checked and chosen is not None:
            self._dossier.options.chosen.remove(chosen)
        self._dossier.modified = ds.now_iso()
        self._store()
        self._update_marks()
        self.practice_list.setCurrentItem(item)
        self._practice_selected(item)

    def _practice_selected(self, item, _previous=None) -> None:
        was = self._loading
        self._loading = True
        pid = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        chosen = self._chosen(pid) if pid else None
        if pid:
            self.practice_detail.setHtml(self._practice_html(pid))
        self.rationale_edit.setEnabled(chosen is not None)
        self.rationale_edit.setPlainText(chosen.rationale if chosen else "")
        self.rationale_edit.setPlaceholderText(tr("Check the practice to choose it, then say why it fits.")
                                               if chosen is None else "")
        self._loading = was

    def _rationale_changed(self) -> None:
        if self._loading:
            return
        item = self.practice_list.currentItem()
        chosen = self._chosen(item.data(Qt.ItemDataRole.UserRole)) if item is not None else None
        if chosen is not None:
            chosen.rationale = self.rationale_edit.toPlainText()
            self._dossier.modified = ds.now_iso()
            self._store()
            self._update_marks()

    def _practice_html(self, pid: str) -> str:
        practice = self._practice_by_id.get(pid)
        if practice is None:
            return html.escape(tr("This practice is not in the Library (any more); its rationale is kept."))
        return practice_html(practice, Taxonomy(self.lang, self._taxonomies))

    # -- step 4: plan ------------------------------------------------------------------------
    def _plan_page(self, layout: QVBoxLayout) -> None:
        self.plan_tree = QTreeWidget()
        self.plan_tree.setColumnCount(2)
        self.plan_tree.setHeaderLabels([tr("Checklist item"), tr("Status")])
        self.plan_tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.plan_tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.plan_tree.header().setStretchLastSection(False)
        self.plan_tree.setMinimumHeight(200)
        self.plan_tree.currentItemChanged.connect(self._plan_item_selected)
        layout.addWidget(self.plan_tree)

        self.plan_question = QLabel()
        self.plan_question.setWordWrap(True)
        layout.addWidget(self.plan_question)
        form = self._form()
        self.status_combo = self._narrow(QComboBox())
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
        self.status_combo.currentIndexChanged.connect(self._plan_item_edited)
        for edit in (self.owner_edit, self.due_edit, self.note_edit):
            edit.textChanged.connect(self._plan_item_edited)
        add = QToolButton()
        add.setText(tr("Add own item…"))
        add.clicked.connect(self._ask_custom_item)
        layout.addWidget(add)

    def _item_text(self, item: ds.ChecklistItem) -> str:
        for _, builtin in ds.checklist_items(self._checklist):
            if builtin["id"] == item.item_id:
                return localized(builtin["text"], self.lang)
        return item.text

    def _fill_plan(self) -> None:
        self.plan_tree.clear()
        by_id = {item.item_id: item for item in self._dossier.plan.items}
        bold = QFont()
        bold.setBold(True)
        sections = [(localized(s["title"], self.lang), [i["id"] for i in s["items"]])
                    for s in self._checklist["sections"]]
        builtin = {iid for _, ids in sections for iid in ids}
        own = [i.item_id for i in self._dossier.plan.items if i.item_id not in builtin]
        if own:
            sections.append((tr("Own items"), own))
        for title, ids in sections:
            parent = QTreeWidgetItem([title, ""])
            parent.setFont(0, bold)
            parent.setFlags(parent.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.plan_tree.addTopLevelItem(parent)
            for iid in ids:
                item = by_id[iid]
                child = QTreeWidgetItem([self._item_text(item), tr(STATUS_LABELS[item.status])])
                child.setData(0, Qt.ItemDataRole.UserRole, iid)
                child.setToolTip(0, self._item_text(item))
                parent.addChild(child)
            parent.setExpanded(True)
        self._plan_item_selected(None)

    def _plan_item(self) -> ds.ChecklistItem | None:
        current = self.plan_tree.currentItem()
        iid = current.data(0, Qt.ItemDataRole.UserRole) if current is not None else None
        return next((i for i in self._dossier.plan.items if i.item_id == iid), None) if iid else None

    def _plan_item_selected(self, *_args) -> None:
        was = self._loading
        self._loading = True
        item = self._plan_item()
        for widget in (self.status_combo, self.owner_edit, self.due_edit, self.note_edit):
            widget.setEnabled(item is not None)
        self.plan_question.setText(self._item_text(item) if item else tr("Select an item to plan it."))
        self.status_combo.setCurrentIndex(self.status_combo.findData(item.status if item else "open"))
        self.owner_edit.setText(item.owner if item else "")
        self.due_edit.setText(item.due or "" if item else "")
        self.note_edit.setText(item.note if item else "")
        self._loading = was

    def _plan_item_edited(self, *_args) -> None:
        if self._loading:
            return
        item = self._plan_item()
        if item is None:
            return
        item.status = self.status_combo.currentData()
        item.owner = self.owner_edit.text()
        item.note = self.note_edit.text()
        due = self.due_edit.text().strip()
        item.due = due if _valid_date(due) else None
        self.plan_tree.currentItem().setText(1, tr(STATUS_LABELS[item.status]))
        self._dossier.modified = ds.now_iso()
        if due and item.due is None:
            self._status(tr("Give the date as YYYY-MM-DD."), error=True)
        elif self._store():
            self._status("")
        self._update_marks()

    def add_custom_item(self, text: str) -> ds.ChecklistItem:
        """Add an own checklist item with ``text`` to the plan."""
        taken = {i.item_id for i in self._dossier.plan.items}
        n = 1
        while f"custom.item-{n}" in taken:
            n += 1
        item = ds.ChecklistItem(item_id=f"custom.item-{n}", text=text.strip())
        self._dossier.plan.items.append(item)
        self._fill_plan()
        self._store()
        self._update_marks()
        return item

    def _ask_custom_item(self) -> None:
        text, ok = QInputDialog.getText(self, tr("Own checklist item"), tr("Question or task"))
        if ok and text.strip():
            self.add_custom_item(text)

    # -- step 5: monitor ---------------------------------------------------------------------
    def _monitor_page(self, layout: QVBoxLayout) -> None:
        layout.addWidget(_caption(tr("Indicators")))
        self.indicators_table = self._table([tr("Name"), tr("Definition"), tr("Baseline"), tr("Target value"),
                                             tr("After")], 120)
        layout.addWidget(self.indicators_table)
        layout.addLayout(self._row_buttons(self.indicators_table))

        form = self._form()
        for attr, label in (("baseline", tr("Before (baseline)")), ("after", tr("After"))):
            row = QHBoxLayout()
            start, end = self._date_edit(), self._date_edit()
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
            combo = self._narrow(QgsMapLayerComboBox())
            combo.setFilters(LAYER_FILTER_POLYGON)
            combo.setAllowEmptyLayer(True)
            combo.setLayer(None)
            combo.layerChanged.connect(self._changed)
            self.area_combos[key] = combo
            form.addRow(label, combo)
        layout.addLayout(form)

        self.effect_button = QPushButton(tr("Measure the effect"))
        self.effect_button.setObjectName("navigatorRunEffect")
        self.effect_button.clicked.connect(self.run_effect)
        layout.addWidget(self.effect_button)
        self.effect_label = QLabel()
        self.effect_label.setWordWrap(True)
        self.effect_label.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.effect_label)
        layout.addWidget(_caption(tr("Conclusion")))
        self.conclusion_edit = QPlainTextEdit()
        self.conclusion_edit.setMaximumHeight(70)
        self.conclusion_edit.textChanged.connect(self._changed)
        layout.addWidget(self.conclusion_edit)

    def _effect_html(self) -> str:
        effect = self._dossier.monitor.effect
        if effect is None:
            return ""
        c = effect.counts
        rows = [(tr("Target area"), "T"), (tr("Buffer area"), "D"), (tr("Control (target)"), "Ct"),
                (tr("Control (buffer)"), "Cd")]
        table = "".join(f"<tr><td>{html.escape(label)}</td><td align='right'>{_fmt(c.get(k + '_b'))}</td>"
                        f"<td align='right'>{_fmt(c.get(k + '_a'))}</td></tr>" for label, k in rows)
        return (f"<table cellpadding='2'><tr><th></th><th>{html.escape(tr('Before'))}</th>"
                f"<th>{html.escape(tr('After'))}</th></tr>{table}</table>"
                f"<p>WDQ {_fmt(effect.wdq, 2)} · WDD {_fmt(effect.wdd, 1)} (SE {_fmt(effect.wdd_se, 1)}, "
                f"z {_fmt(effect.wdd_z, 2)})</p><p>{html.escape(effect.interpretation)}</p>")

    # -- model <-> widgets -------------------------------------------------------------------
    def _populate(self) -> None:
        """Show the model in the widgets."""
        self._loading = True
        try:
            d = self._dossier
            self.title_edit.setText(d.scope.title)
            area_layer_ = self.project.mapLayer(d.scope.area.layer_id) if d.scope.area.layer_id else None
            self.area_layer_combo.setLayer(area_layer_)
            self._area_layer_changed(area_layer_)
            self.area_combo.setCurrentIndex(self.area_combo.findData(d.scope.area.feature_id)
                                            if d.scope.area.feature_id is not None else -1)
            _set_checked(self.problem_list, d.scope.problem)
            _set_checked(self.values_list, d.scope.core_values)
            self.objectives_edit.setPlainText("\n".join(d.scope.objectives))
            _fill_table(self.stakeholders_table, [(s.name, s.role, s.interest) for s in d.scope.stakeholders])

            inputs = d.analyse.inputs
            incidents = self.project.mapLayer(inputs.incidents.layer_id) if inputs.incidents.layer_id else None
            self.incidents_combo.setLayer(incidents)
            self.time_field_combo.setLayer(incidents)
            self.category_field_combo.setLayer(incidents)
            self.time_field_combo.setField(inputs.time_field)
            self.category_field_combo.setField(inputs.category_field)
            self._fill_categories(inputs.category_field, inputs.categories)
            self._loading = True
            self.period_start.setText(inputs.period.start if inputs.period else "")
            self.period_end.setText(inputs.period.end if inputs.period else "")
            self.cell_size.setValue(inputs.cell_size)
            self._fill_runs()
            self.findings_edit.setPlainText(d.analyse.findings)

            filters = d.options.filters
            self.approach_combo.setCurrentIndex(max(0, self.approach_combo.findData(
                (filters.get("approach") or [""])[0])))
            self.evidence_combo.setCurrentIndex(max(0, self.evidence_combo.findData(filters.get("min_evidence", ""))))
            self._refresh_practices()

            self._fill_plan()
            m = d.monitor
            _fill_table(self.indicators_table, [(i.name, i.definition, _fmt(i.baseline), _fmt(i.target),
                                                 _fmt(i.after)) for i in m.indicators])
            self.baseline_start.setText(m.baseline.start)
            self.baseline_end.setText(m.baseline.end)
            self.after_start.setText(m.after.start)
            self.after_end.setText(m.after.end)
            for key, combo in self.area_combos.items():
                ref = getattr(m, key)
                combo.setLayer(self.project.mapLayer(ref.layer_id) if ref.layer_id else None)
            self.effect_label.setText(self._effect_html())
            self.conclusion_edit.setPlainText(m.conclusion)
        finally:
            self._loading = False
        self._update_marks()

    def _missing(self, layer_id: str) -> bool:
        """True when the dossier names a layer that is not in the project (e.g. a moved file)."""
        return bool(layer_id) and self.project.mapLayer(layer_id) is None

    def _collect(self) -> None:
        """Copy the widgets into the model (runs, effect, choices and plan items are kept as they are).

        A reference to a layer that is missing from the project is kept, so that editing a dossier
        whose data could not be loaded does not lose where its data was.
        """
        d = self._dossier
        d.scope.title = self.title_edit.text()
        layer = self.area_layer_combo.currentLayer()
        fid = self.area_combo.currentData()
        if not (layer is None and self._missing(d.scope.area.layer_id)):
            d.scope.area = ds.AreaRef(layer_id=layer.id() if layer else "", layer_name=layer.name() if layer else "",
                                      feature_id=int(fid) if fid is not None and layer is not None else None,
                                      name=self.area_combo.currentText() if fid is not None else "")
        d.scope.problem = _checked(self.problem_list)
        d.scope.core_values = _checked(self.values_list)
        d.scope.objectives = [line.strip() for line in self.objectives_edit.toPlainText().splitlines() if line.strip()]
        d.scope.stakeholders = [ds.Stakeholder(*row) for row in _table_rows(self.stakeholders_table) if row[0]]

        inputs = d.analyse.inputs
        incidents = self.incidents_combo.currentLayer()
        if not (incidents is None and self._missing(inputs.incidents.layer_id)):
            inputs.incidents = _layer_ref(incidents)
            inputs.time_field = self.time_field_combo.currentField()
            inputs.category_field = self.category_field_combo.currentField()
            inputs.categories = [self.categories_list.item(i).text() for i in range(self.categories_list.count())
                                 if self.categories_list.item(i).checkState() == Qt.CheckState.Checked]
        start, end = _date_text(self.period_start), _date_text(self.period_end)
        inputs.period = ds.Period(start, end) if start or end else None
        inputs.cell_size = float(self.cell_size.value())
        d.analyse.findings = self.findings_edit.toPlainText()

        m = d.monitor
        m.indicators = [ds.Indicator(name, definition, _number(base), _number(target), _number(after))
                        for name, definition, base, target, after in _table_rows(self.indicators_table) if name]
        m.baseline = ds.Period(_date_text(self.baseline_start), _date_text(self.baseline_end))
        m.after = ds.Period(_date_text(self.after_start), _date_text(self.after_end))
        for key, combo in self.area_combos.items():
            if not (combo.currentLayer() is None and self._missing(getattr(m, key).layer_id)):
                setattr(m, key, _layer_ref(combo.currentLayer()))
        m.conclusion = self.conclusion_edit.toPlainText()

    def _update_marks(self) -> None:
        todo = ds.completeness(self._dossier)
        for i, step in enumerate(ds.STEPS):
            button = self.step_buttons.button(i)
            title = localized(self._guide[step]["title"], self.lang)
            # Two lines keep five steps side by side in a narrow dock.
            button.setText(f"{i + 1}{' ✓' if not todo[step] else ''}\n{title}")
            button.setToolTip(tr("Complete") if not todo[step] else
                              tr("To do: {}").format("; ".join(self._todo_text(code) for code in todo[step])))
        scope = self._dossier.scope
        problems = {p["id"]: localized(p["label"], self.lang) for p in self._taxonomies["priorities"]["items"]}
        title = scope.title or tr("New dossier")
        parts = [scope.area.name, ", ".join(problems[p] for p in scope.problem if p in problems)]
        self.header.setText(f"<b>{html.escape(title)}</b><br/><small>{html.escape(' · '.join(p for p in parts if p))}"
                            "</small>")
        algorithms = QgsApplication.processingRegistry()
        has_effect = algorithms.algorithmById(EFFECT) is not None
        self.effect_button.setEnabled(has_effect and not self.busy)
        self.effect_button.setToolTip("" if has_effect else tr("The algorithm {} is not available.").format(EFFECT))
        self.run_button.setEnabled(not self.busy)

    def _todo_text(self, code: str) -> str:
        if code == "checklist":
            return tr("{} checklist items are open or in progress").format(
                len(ds.open_checklist_items(self._dossier)))
        return tr(TODO_TEXTS[code])

    def _fill_runs(self) -> None:
        self.runs_list.clear()
        for run in self._dossier.analyse.runs:
            missing = [i for i in run.layer_ids if self.project.mapLayer(i) is None]
            text = f"{run.title}: {run.summary}" + (f" ({tr('layer removed from the project')})" if missing else "")
            item = QListWidgetItem(text)
            item.setToolTip(f"{run.algorithm} · {run.created}\n{', '.join(run.outputs.values())}")
            self.runs_list.addItem(item)

    # -- running algorithms ------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while algorithms of the dossier are running."""
        return self._running is not None or bool(self._jobs)

    def run_analysis(self) -> bool:
        """Run the analyse step's algorithms for the dossier's area and incidents.

        Returns False (with the reason in the status line) when an input is missing; otherwise the
        results are added to the project and linked in the dossier as each algorithm finishes, and
        :attr:`jobFinished` ("analyse", ok) is emitted at the end.
        """
        if self.busy or not self._ready():
            return False
        try:
            jobs = self._analysis_jobs()
        except ValueError as exc:
            self._status(str(exc), error=True)
            return False
        self._dossier.analyse.runs = []
        self._fill_runs()
        self._start("analyse", jobs)
        return True

    def run_effect(self) -> bool:
        """Run ``besecure:interventioneffect`` for the monitor step (see :meth:`run_analysis`)."""
        if self.busy or not self._ready():
            return False
        try:
            jobs = [self._effect_job()]
        except ValueError as exc:
            self._status(str(exc), error=True)
            return False
        self._start("monitor", jobs)
        return True

    def _ready(self) -> bool:
        """Take the form into the model; False (with the first problem shown) when it is not a valid dossier."""
        self._collect()
        errors = ds.validate_dossier(ds.to_dict(self._dossier), taxonomies=self._taxonomies,
                                     checklist=self._checklist)
        if errors:
            self._status(errors[0], error=True)
        return not errors

    def cancel(self) -> None:
        """Stop the running algorithm and drop the ones waiting."""
        self._jobs = []
        if self._running is not None:
            self._running[2].cancel()

    def _incidents(self, *, use_period: bool) -> tuple[QgsVectorLayer, QgsVectorLayer]:
        inputs = self._dossier.analyse.inputs
        layer = self.project.mapLayer(inputs.incidents.layer_id) if inputs.incidents.layer_id else None
        if layer is None:
            raise ValueError(tr("Choose the incident layer in step 2."))
        return layer, dossier_incidents(layer, inputs, use_period=use_period)

    def _analysis_jobs(self) -> list[_Job]:
        d = self._dossier
        area = area_layer(self.project, d.scope.area)
        layer, incidents = self._incidents(use_period=True)
        inputs = d.analyse.inputs
        keep = [area, incidents]
        common = {"INPUT": layer.id(), "categories": list(inputs.categories),
                  "period": [inputs.period.start, inputs.period.end] if inputs.period else None}
        area_id = {"layer_id": d.scope.area.layer_id, "feature_id": d.scope.area.feature_id}
        jobs = [_Job(AGGREGATE, tr("Incidents per cell"),
                     {"INPUT": incidents, "AGGREGATION": 0, "CELL_SIZE": inputs.cell_size, "STUDY_AREA": area,
                      "CATEGORY_FIELD": inputs.category_field or None, "KEEP_EMPTY": True,
                      "OUTPUT": _output_path(self.project, "incidents_per_cell")},
                     {**common, "AGGREGATION": 0, "CELL_SIZE": inputs.cell_size, "STUDY_AREA": area_id,
                      "CATEGORY_FIELD": inputs.category_field or None, "KEEP_EMPTY": True},
                     self._finish_aggregate, keep)]
        if inputs.time_field:
            jobs.append(_Job(HOT_TIMES, tr("Hot times"),
                             {"INPUT": incidents, "START_FIELD": inputs.time_field, "ZONES": area,
                              "OUTPUT": _output_path(self.project, "hot_times")},
                             {**common, "START_FIELD": inputs.time_field, "ZONES": area_id},
                             self._finish_hot_times, keep))
        return jobs

    def _hot_spots_job(self, cells: str, recorded_cells: dict[str, Any]) -> _Job | None:
        """Gi* hot spots on the counts per cell just written (None when the algorithm is not installed)."""
        if QgsApplication.processingRegistry().algorithmById(HOT_SPOTS) is None:
            return None
        params = {"INPUT": cells, "VALUE_FIELD": "count", "NEIGHBOURS": 0, "STAR": True, "PERMUTATIONS": 999,
                  "SEED": 1, "FDR": True}
        return _Job(HOT_SPOTS, tr("Hot spots"), {**params, "OUTPUT": _output_path(self.project, "hot_spots")},
                    {**params, "INPUT": recorded_cells}, self._finish_hot_spots)

    def _effect_job(self) -> _Job:
        m = self._dossier.monitor
        if not (m.baseline.start and m.baseline.end and m.after.start and m.after.end):
            raise ValueError(tr("Give the before and after periods (YYYY-MM-DD) in step 5."))
        if not self._dossier.analyse.inputs.time_field:
            raise ValueError(tr("Choose the date/time field of the incidents in step 2."))
        areas = {}
        for key in ("target", "buffer", "control"):
            ref = getattr(m, key)
            layer = self.project.mapLayer(ref.layer_id) if ref.layer_id else None
            if layer is None:
                raise ValueError(tr("Choose the target, buffer and control area layers in step 5."))
            areas[key.upper()] = layer
        layer, incidents = self._incidents(use_period=False)
        inputs = self._dossier.analyse.inputs
        periods = {"BEFORE_START": m.baseline.start, "BEFORE_END": m.baseline.end,
                   "AFTER_START": m.after.start, "AFTER_END": m.after.end}
        return _Job(EFFECT, tr("Intervention effect"),
                    {"INPUT": incidents, "TIME_FIELD": inputs.time_field, **areas, **periods,
                     "OUTPUT": _output_path(self.project, "intervention_effect")},
                    {"INPUT": layer.id(), "categories": list(inputs.categories), "TIME_FIELD": inputs.time_field,
                     **{k: v.id() for k, v in areas.items()}, **periods},
                    self._finish_effect, [incidents])

    def _start(self, group: str, jobs: list[_Job]) -> None:
        self._group = group
        self._jobs = list(jobs)
        self.run_button.setEnabled(False)
        self.effect_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setVisible(True)
        self._next_job()

    def _next_job(self) -> None:
        if not self._jobs:
            self._done(True)
            return
        job = self._jobs.pop(0)
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(job.algorithm)
        if algorithm is None:
            self._status(tr("The algorithm {} is not available.").format(job.algorithm), error=True)
            self._done(False)
            return
        context = QgsProcessingContext()
        context.setProject(self.project)
        feedback = _Feedback()
        feedback.progressChanged.connect(self._progress)
        self._status(tr("Running: {}…").format(job.title))
        if self.background:
            task = QgsProcessingAlgRunnerTask(algorithm, job.parameters, context, feedback)
            self._running = (job, context, feedback, task)
            task.executed.connect(self._executed)
            QgsApplication.taskManager().addTask(task)
        else:
            self._running = (job, context, feedback, None)
            results, ok = algorithm.run(job.parameters, context, feedback)
            self._executed(ok, results)

    @pyqtSlot(float)
    def _progress(self, value: float) -> None:
        """Progress of the running algorithm (queued to the GUI thread when it runs in a task)."""
        self.progress.setValue(int(value))

    def _executed(self, ok: bool, results: dict) -> None:
        if self._running is None:
            return
        job, _context, feedback, _task = self._running
        self._running = None
        if not ok or feedback.isCanceled():
            reason = tr("cancelled") if feedback.isCanceled() else (feedback.errors[-1] if feedback.errors else "")
            self._status(tr("{} failed: {}").format(job.title, reason), error=True)
            self._jobs = []
            self._done(False)
            return
        output = results.get("OUTPUT")
        layer = self._add_result(job, output) if isinstance(output, str) else None
        try:
            job.finish(job, results, layer)
        except (ValueError, KeyError, TypeError) as exc:  # an unexpected output layout
            self._status(tr("{} finished, but its result could not be read: {}").format(job.title, exc), error=True)
        self._next_job()

    def _done(self, ok: bool) -> None:
        self.progress.setVisible(False)
        self.cancel_button.setEnabled(False)
        if ok:
            self._dossier.modified = ds.now_iso()
            if self._store():
                self._status(tr("Done; the results are linked in the dossier."))
        self._fill_runs()
        self.effect_label.setText(self._effect_html())
        self._update_marks()
        self.jobFinished.emit(self._group, ok)

    def _add_result(self, job: _Job, output: str) -> QgsVectorLayer | None:
        """Load an output file into the project, in the dossier's layer group."""
        area = self._dossier.scope.area.name
        name = f"{job.title} – {area}" if area else job.title
        layer = QgsVectorLayer(output, name, "ogr")
        if not layer.isValid():
            return None
        self.project.addMapLayer(layer, False)
        root = self.project.layerTreeRoot()
        group_name = tr("Policy Navigator") + (f": {area}" if area else "")
        group = root.findGroup(group_name) or root.insertGroup(0, group_name)
        group.insertLayer(0, layer)
        return layer

    def _link(self, job: _Job, results: dict, layer: QgsVectorLayer | None, summary: str) -> None:
        self._dossier.analyse.runs.append(ds.AnalysisRun(
            algorithm=job.algorithm, title=job.title, parameters=job.recorded,
            outputs={k: v for k, v in results.items() if isinstance(v, str)},
            layer_ids=[layer.id()] if layer is not None else [], created=ds.now_iso(), summary=summary))
        self._fill_runs()

    def _finish_aggregate(self, job: _Job, results: dict, layer: QgsVectorLayer | None) -> None:
        summary, counts = "", []
        if layer is not None:
            counts = [f["count"] or 0 for f in layer.getFeatures()]
            summary = tr("{} incidents in {} cells of {} m; the busiest cell has {}.").format(
                int(sum(counts)), len(counts), f"{job.parameters['CELL_SIZE']:g}", int(max(counts, default=0)))
        self._link(job, results, layer, summary)
        # Hot spots are computed on these counts, so their job is made now and run next.
        hot_spots = self._hot_spots_job(results["OUTPUT"], {"algorithm": AGGREGATE, "output": results["OUTPUT"]})
        if hot_spots is not None and len(counts) > 1:
            self._jobs.insert(0, hot_spots)

    def _finish_hot_spots(self, job: _Job, results: dict, layer: QgsVectorLayer | None) -> None:
        summary = ""
        if layer is not None:
            bins = [f["gi_bin"] for f in layer.getFeatures()]
            summary = tr("{} cells are hot spots and {} are cold spots (90 % confidence or more, Gi*).").format(
                sum(1 for b in bins if b and b > 0), sum(1 for b in bins if b and b < 0))
        self._link(job, results, layer, summary)

    def _finish_hot_times(self, job: _Job, results: dict, layer: QgsVectorLayer | None) -> None:
        summary = ""
        if layer is not None:
            grid = _hot_times_grid(layer)
            weekday, hour = np.unravel_index(int(np.argmax(grid)), grid.shape)
            summary = tr("Busiest hour: {} {}:00 ({} incidents over the period).").format(
                tr(WEEKDAYS[weekday]), f"{hour:02d}", f"{grid[weekday, hour]:.1f}")
        self._link(job, results, layer, summary)

    def _finish_effect(self, job: _Job, results: dict, layer: QgsVectorLayer | None) -> None:
        if layer is None:
            raise ValueError(tr("the output table could not be opened"))
        feature = next(layer.getFeatures())
        names = layer.fields().names()
        values = {name: feature[name] for name in names}
        self._dossier.monitor.effect = ds.EffectResult(
            algorithm=job.algorithm, parameters=job.recorded,
            counts={k: _number(values.get(k)) or 0.0 for k in ds.EFFECT_COUNT_KEYS},
            **{k: _number(values.get(k)) for k in ds.EFFECT_MEASURES},
            interpretation=str(values.get("interpretation") or ""), output=results.get("OUTPUT", ""),
            layer_ids=[layer.id()], created=ds.now_iso())

    # -- report ------------------------------------------------------------------------------
    def _ask_new_dossier(self) -> None:
        from qgis.PyQt.QtWidgets import QMessageBox

        answer = QMessageBox.question(self, tr("New dossier"),
                                      tr("Replace the dossier of this project by an empty one?"))
        if answer == QMessageBox.StandardButton.Yes:
            self.new_dossier()

    def _ask_export(self, kind: str) -> None:
        filters = tr("HTML files (*.html)") if kind == "html" else tr("PDF files (*.pdf)")
        path, _ = QFileDialog.getSaveFileName(self, tr("Export the dossier"), "", filters)
        if not path:
            return
        if not path.lower().endswith(f".{kind}"):
            path += f".{kind}"
        try:
            written = self.export_html(path) if kind == "html" else self.export_pdf(path)
        except OSError as exc:
            self._status(str(exc), error=True)
            return
        self._status(tr("Report written to {}").format(written))

    def export_html(self, path) -> Path:
        """Write the dossier report as one self-contained HTML file."""
        return self.build_report().write_html(path)

    def export_pdf(self, path) -> Path:
        """Write the dossier report as a PDF (offline, through QPrinter)."""
        return self.build_report().write_pdf(path)

    def build_report(self) -> Report:
        """The dossier as a :class:`Report`: every step with its Guide text, maps and charts."""
        self._collect()
        d, lang = self._dossier, self.lang
        problems = {p["id"]: localized(p["label"], lang) for p in self._taxonomies["priorities"]["items"]}
        values = {v["id"]: localized(v["label"], lang) for v in self._taxonomies["core_values"]}
        report = Report(tr("Policy dossier: {}").format(d.scope.title or d.scope.area.name or tr("untitled")),
                        lang=lang)
        report.paragraph(tr("Created {}, last changed {}. Written with BESECURE for QGIS.")
                         .format(d.created[:10], d.modified[:10]), css="meta")
        for i, step in enumerate(ds.STEPS):
            report.heading(f"{i + 1}. {localized(self._guide[step]['title'], lang)}")
            report.paragraph(localized(self._guide[step]["text"], lang), css="guide")
            getattr(self, f"_report_{step}")(report, problems, values)
        return report

    def _report_scope(self, report: Report, problems: dict, values: dict) -> None:
        s = self._dossier.scope
        report.table([tr("Item"), tr("Value")], [
            (tr("Area"), f"{s.area.name} ({s.area.layer_name})" if s.area.name else ""),
            (tr("Problem"), ", ".join(problems.get(p, p) for p in s.problem)),
            (tr("Core values"), ", ".join(values.get(v, v) for v in s.core_values)),
        ])
        report.heading(tr("Objectives"), 3)
        if s.objectives:
            report.bullets(s.objectives)
        else:
            report.paragraph(tr("None stated yet."), css="muted")
        report.heading(tr("Stakeholders"), 3)
        if s.stakeholders:
            report.table([tr("Name"), tr("Role"), tr("Interest")], [(h.name, h.role, h.interest)
                                                                    for h in s.stakeholders])
        else:
            report.paragraph(tr("None named yet."), css="muted")

    def _report_analyse(self, report: Report, _problems: dict, _values: dict) -> None:
        a = self._dossier.analyse
        inputs = a.inputs
        period = f"{inputs.period.start or '…'} – {inputs.period.end or '…'}" if inputs.period else tr("all")
        report.table([tr("Item"), tr("Value")], [
            (tr("Incidents"), inputs.incidents.name), (tr("Categories"), ", ".join(inputs.categories) or tr("all")),
            (tr("Period"), period), (tr("Cell size"), f"{inputs.cell_size:g} m")])
        if not a.runs:
            report.paragraph(tr("The analysis has not been run yet."), css="muted")
        else:
            report.table([tr("Result"), tr("Algorithm"), tr("Summary"), tr("Run")],
                         [(r.title, r.algorithm, r.summary, r.created.replace("T", " ")) for r in a.runs])
        area = None
        try:
            area = area_layer(self.project, self._dossier.scope.area)
        except ValueError:
            pass
        for run in a.runs:
            layer = next((self.project.mapLayer(i) for i in run.layer_ids if self.project.mapLayer(i)), None)
            if layer is None:
                report.paragraph(tr("{}: the result layer is no longer in the project.").format(run.title),
                                 css="muted")
            elif layer.isSpatial():
                report.image(_map_png(layer, area), f"{run.title}: {run.summary}", width=600)
            elif run.algorithm == HOT_TIMES:
                grid = _hot_times_grid(layer)
                report.image(heatmap_png(grid.tolist(), [tr(d) for d in WEEKDAYS_SHORT], [f"{h}" for h in range(24)],
                                         tr("Incidents per weekday and hour")), f"{run.title}: {run.summary}")
        report.heading(tr("Findings"), 3)
        report.paragraph(a.findings or tr("None written yet."), css=None if a.findings else "muted")

    def _report_options(self, report: Report, _problems: dict, _values: dict) -> None:
        chosen = self._dossier.options.chosen
        if not chosen:
            report.paragraph(tr("No practice chosen yet."), css="muted")
        for c in chosen:
            report.heading(self._practice_title(c.practice_id), 3)
            practice = self._practice_by_id.get(c.practice_id)
            report.paragraph(tr("Rationale: {}").format(c.rationale or "—"))
            if practice is None:
                report.paragraph(tr("This practice is not in the Library (any more)."), css="muted")
                continue
            report.raw(practice_html(practice, Taxonomy(self.lang, self._taxonomies), title=False))

    def _report_plan(self, report: Report, _problems: dict, _values: dict) -> None:
        by_id = {i.item_id: i for i in self._dossier.plan.items}
        sections = [(localized(s["title"], self.lang), [i["id"] for i in s["items"]])
                    for s in self._checklist["sections"]]
        builtin = {iid for _, ids in sections for iid in ids}
        own = [i.item_id for i in self._dossier.plan.items if i.item_id not in builtin]
        if own:
            sections.append((tr("Own items"), own))
        for title, ids in sections:
            report.heading(title, 3)
            report.table([tr("Checklist item"), tr("Status"), tr("Owner"), tr("Date"), tr("Note")],
                         [(self._item_text(by_id[i]), tr(STATUS_LABELS[by_id[i].status]), by_id[i].owner,
                           by_id[i].due, by_id[i].note) for i in ids if i in by_id])

    def _report_monitor(self, report: Report, _problems: dict, _values: dict) -> None:
        m = self._dossier.monitor
        report.heading(tr("Indicators"), 3)
        if m.indicators:
            report.table([tr("Name"), tr("Definition"), tr("Baseline"), tr("Target value"), tr("After")],
                         [(i.name, i.definition, _fmt(i.baseline), _fmt(i.target), _fmt(i.after))
                          for i in m.indicators])
        else:
            report.paragraph(tr("None defined yet."), css="muted")
        report.table([tr("Item"), tr("Value")], [
            (tr("Before (baseline)"), f"{m.baseline.start} – {m.baseline.end}"),
            (tr("After"), f"{m.after.start} – {m.after.end}"),
            (tr("Target area"), m.target.name), (tr("Buffer area"), m.buffer.name),
            (tr("Control area"), m.control.name)])
        report.heading(tr("Effect"), 3)
        effect = m.effect
        if effect is None:
            report.paragraph(tr("The effect has not been measured yet."), css="muted")
        else:
            c = effect.counts
            labels = [tr("Target area"), tr("Buffer area"), tr("Control (target)"), tr("Control (buffer)")]
            keys = ("T", "D", "Ct", "Cd")
            report.table([tr("Area"), tr("Before"), tr("After")],
                         [(label, _fmt(c.get(k + "_b")), _fmt(c.get(k + "_a"))) for label, k in zip(labels, keys,
                                                                                                      strict=True)])
            report.image(bar_chart_png(labels, [(tr("Before"), [c.get(k + "_b", 0.0) for k in keys], "#9ecae1"),
                                                (tr("After"), [c.get(k + "_a", 0.0) for k in keys], "#08519c")],
                                       tr("Incidents before and after")), tr("Counts used for WDQ and WDD"))
            report.table([tr("Measure"), tr("Value")], [
                ("WDQ", _fmt(effect.wdq, 2)), ("WDD", _fmt(effect.wdd, 1)), (tr("WDD standard error"),
                                                                             _fmt(effect.wdd_se, 1)),
                ("z", _fmt(effect.wdd_z, 2)), ("p", _fmt(effect.p, 3)),
                (tr("95 % interval"), f"{_fmt(effect.ci_low, 1)} – {_fmt(effect.ci_high, 1)}")])
            report.paragraph(effect.interpretation)
        report.heading(tr("Conclusion"), 3)
        report.paragraph(m.conclusion or tr("None written yet."), css=None if m.conclusion else "muted")

    def cleanup(self) -> None:
        self.cancel()
        super().cleanup()


# --------------------------------------------------------------------------- small helpers
def _caption(text: str) -> QLabel:
    """A label above a field that wraps, so that it never widens the dock."""
    label = QLabel(text)
    label.setWordWrap(True)
    return label


def _valid_date(text: str) -> bool:
    try:
        return len(text) == 10 and dt.date.fromisoformat(text) is not None
    except ValueError:
        return False


def _date_text(edit: QLineEdit) -> str:
    """The edit's date when it is a valid ISO date, else "" (and the edit is marked)."""
    text = edit.text().strip()
    ok = not text or _valid_date(text)
    edit.setStyleSheet("" if ok else "color: #b00020;")
    edit.setToolTip("" if ok else tr("Give the date as YYYY-MM-DD."))
    return text if ok else ""


def _fmt(value: float | None, decimals: int | None = None) -> str:
    if value is None or (isinstance(value, float) and not math.isfinite(value)):
        return "—" if decimals is not None else ""
    if decimals is None:
        return f"{value:g}"
    return f"{value:.{decimals}f}"


def _layer_ref(layer) -> ds.LayerRef:
    if layer is None:
        return ds.LayerRef()
    return ds.LayerRef(layer_id=layer.id(), name=layer.name(), source=layer.publicSource())


def _checked(widget: QListWidget) -> list[str]:
    return [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
            if widget.item(i).checkState() == Qt.CheckState.Checked]


def _set_checked(widget: QListWidget, ids: Sequence[str]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in ids
                           else Qt.CheckState.Unchecked)


def _fill_table(table: QTableWidget, rows: Sequence[Sequence[str]]) -> None:
    table.setRowCount(0)
    for row in rows:
        n = table.rowCount()
        table.insertRow(n)
        for col, value in enumerate(row):
            table.setItem(n, col, QTableWidgetItem(value))


def _table_rows(table: QTableWidget) -> list[list[str]]:
    return [[(table.item(r, c).text().strip() if table.item(r, c) else "") for c in range(table.columnCount())]
            for r in range(table.rowCount())]


def _hot_times_grid(layer: QgsVectorLayer) -> np.ndarray:
    """The 7 x 24 weights of a hot-times table (summed over zones)."""
    grid = np.zeros((7, 24))
    for feature in layer.getFeatures():
        grid[int(feature["weekday"]), int(feature["hour"])] += float(feature["weight"] or 0.0)
    return grid


def _map_png(layer: QgsVectorLayer, area: QgsVectorLayer | None) -> bytes:
    """The result layer with the area's outline on top, zoomed to the area (or the layer)."""
    layers = [layer]
    extent = layer.extent()
    if area is not None:
        outline = area.clone()
        outline.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(AREA_OUTLINE)))
        layers.insert(0, outline)
        transform = QgsCoordinateTransform(area.crs(), layer.crs(), QgsProject.instance())
        extent = transform.transformBoundingBox(area.extent())
    extent.scale(1.08)
    if geometry_type(layer.wkbType()) == GEOMETRY_POINT and extent.isEmpty():
        extent.grow(100.0)
    return render_map_png(layers, extent, layer.crs(), 800, 560)
