"""The Compass dock: understand one area through its figures, charts, core values and options.

Pick an incident layer (time and category fields) and an area layer (name and optional population
field); select an area on the map or in the list and the dock shows at once its count, rate per
1,000 residents, share of the city, rank and the change against the previous period (Poisson z; the
label from the exact test of equal rates with Benjamini-Hochberg over the areas, :mod:`analysis.crime.period_change`),
the monthly trend beside the city's, the categories and the 7 x 24 hot times
(:mod:`besecure.analysis.crime.area_profile`). Per area the user records a core-value profile (the seven
core values scored 0..5 with notes, drawn as a radar) and an issue/option matrix; the dock is a view
over their typed model (:mod:`besecure.knowledge.assessment`), stored in the QGIS project (scope
``besecure``) on every edit, so saving the project keeps them, and restored when a project is read.

Layers are read once per choice (:mod:`besecure.layers.read`; the areas and each incident's area through
:mod:`besecure.layers.areas`, as the algorithms' zone units do); a selection costs a few ``bincount``
calls (see ``bench/bench_compass.py``).
"""
from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass

import numpy as np
from qgis.core import QgsFieldProxyModel, QgsProject, QgsVectorLayer
from qgis.gui import QgsCollapsibleGroupBox, QgsFieldComboBox, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QDate, QLocale, Qt, QTimer
from qgis.PyQt.QtGui import QFont
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QCompleter,
    QDateEdit,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStyledItemDelegate,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..analysis.crime.area_profile import (
    AreaProfile,
    IncidentIndex,
    PeriodSummary,
    area_profile,
    build_index,
    default_period,
    summarise_period,
)
from ..analysis.crime.period_change import ALPHA
from ..analysis.errors import InputError
from ..compat import LAYER_FILTER_POINT, LAYER_FILTER_POLYGON
from ..i18n import N_, current_locale, tr
from ..knowledge.assessment import (
    CORE_SCORE_MAX,
    FORMAT_VERSION,
    MATRIX_MAX,
    MATRIX_MIN,
    AreaAssessment,
    Assessments,
    CoreValueScore,
    OptionMatrix,
)
from ..knowledge.library import load_taxonomies, localized
from ..layers.areas import read_areas
from ..layers.dates import parse_datetimes
from ..layers.fields import (
    best_area_layer,
    guess_category_field,
    guess_name_field,
    guess_population_field,
    guess_time_field,
)
from ..layers.read import read_points
from ..processing.base import input_message
from . import charts
from .dock_base import BesecureDock

SCOPE = "besecure"
ASSESSMENTS_KEY = "compass/assessments"
SETTINGS_KEY = "compass/settings"
INCREASE_COLOUR = "#b2182b"
DECREASE_COLOUR = "#2166ac"


@dataclass
class AreaTable:
    """The areas of the area layer, in the order the profile's unit indices use."""

    fids: np.ndarray
    keys: list[str]  # the name field's value (the feature id when there is none): key of the assessments
    names: list[str]
    unit_of_fid: dict[int, int]


def _error_text(error: ValueError) -> str:
    """What to show for a refusal: an InputError in the user's language, as the algorithms show it."""
    return input_message(error) if isinstance(error, InputError) else str(error)


class _ScoreDelegate(QStyledItemDelegate):
    """Integer editor for the matrix scores."""

    def createEditor(self, parent, option, index):  # noqa: N802 (Qt API)
        editor = QSpinBox(parent)
        editor.setRange(MATRIX_MIN, MATRIX_MAX)
        return editor


def _small(label: QLabel) -> QLabel:
    font = label.font()
    font.setPointSizeF(max(7.0, font.pointSizeF() - 1.0))
    label.setFont(font)
    label.setWordWrap(True)
    label.setStyleSheet("color: #555;")
    return label


def wrap_to_width(text: str, metrics, width: int) -> str:
    """``text`` with line breaks between words so that each line is at most ``width`` pixels in ``metrics``.

    A single word wider than ``width`` keeps its own line.
    """
    lines: list[str] = []
    for word in text.split():
        if lines and metrics.horizontalAdvance(f"{lines[-1]} {word}") <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return "\n".join(lines)


def core_values() -> list[dict]:
    """The seven core values of urban security (knowledge/taxonomies.json)."""
    return list(load_taxonomies()["core_values"])


class CompassDock(BesecureDock):
    KEY = "compass"
    TITLE = N_("Compass")
    ICON = "compass.svg"

    # ------------------------------------------------------------------ construction
    def build_ui(self, panel) -> None:
        self._index: IncidentIndex | None = None
        self._summary: PeriodSummary | None = None
        self._areas: AreaTable | None = None
        self._profile: AreaProfile | None = None
        self._unit: int | None = None
        self._area_layer: QgsVectorLayer | None = None
        self._assessments = Assessments()
        self._restoring = False
        self._area_auto = True  # the area layer is ours to choose until the user (or the project) picks one
        self._syncing = False
        self._wanted_key: str | None = None
        self._keep_next = False  # the next reload keeps the period in the editors (restored from a project)
        self._loaded_source: tuple = ()
        self.working_crs = None  # metric CRS the layers were read in (layers.crs chooses it)
        # Charts on hidden tabs are drawn when their tab is opened: a selection redraws one chart, not four.
        self._stale: set[str] = set()
        self._lang = current_locale()
        self._values = core_values()

        scroll = QScrollArea(panel)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        content = QWidget(scroll)
        layout = QVBoxLayout(content)
        layout.setContentsMargins(0, 0, 4, 0)
        scroll.setWidget(content)
        panel.layout().addWidget(scroll)

        layout.addWidget(self._build_inputs(content))
        area_row = QHBoxLayout()
        area_row.addWidget(QLabel(tr("Area"), content))
        self.area_list = QComboBox(content)
        self.area_list.setObjectName("compassAreaList")
        self.area_list.setEditable(True)
        self.area_list.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.area_list.setMinimumContentsLength(8)
        self.area_list.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.area_list.completer().setFilterMode(Qt.MatchFlag.MatchContains)
        self.area_list.completer().setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.area_list.lineEdit().setPlaceholderText(tr("Select an area on the map or here"))
        self.area_list.setToolTip(tr("Choose an area, or select one feature of the area layer on the map"))
        area_row.addWidget(self.area_list, 1)
        layout.addLayout(area_row)

        self.message = QLabel(content)
        self.message.setObjectName("compassMessage")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {INCREASE_COLOUR};")
        self.message.setVisible(False)
        layout.addWidget(self.message)
        layout.addWidget(self._build_figures(content))
        self.tabs = QTabWidget(content)
        self.tabs.setObjectName("compassTabs")
        self._build_tabs()
        layout.addWidget(self.tabs, 1)

        self._reload_timer = QTimer(self)
        self._reload_timer.setSingleShot(True)
        self._reload_timer.setInterval(150)
        self._reload_timer.timeout.connect(self.reload)

        self.incident_layer.layerChanged.connect(self._on_incident_layer_changed)
        self.area_layer.layerChanged.connect(self._on_area_layer_changed)
        self.area_layer.activated.connect(self._area_chosen)
        for combo in (self.time_field, self.category_field, self.name_field, self.population_field):
            combo.fieldChanged.connect(self._inputs_changed)
        self.start_date.dateChanged.connect(self._period_changed)
        self.end_date.dateChanged.connect(self._period_changed)
        self.reload_button.clicked.connect(lambda: self.reload())
        self.area_list.activated.connect(self._on_list_activated)
        project = QgsProject.instance()
        self.connect_external(project.readProject, self._on_project_read)
        self.connect_external(project.cleared, self._on_project_cleared)
        self.connect_external(project.layersAdded, self._prefer_area_layer)
        self.connect_external(project.writeProject, self._on_project_write)
        self._restore_from_project()

    def _build_inputs(self, parent) -> QWidget:
        box = QgsCollapsibleGroupBox(tr("Data"), parent)
        box.setObjectName("compassDataGroup")
        form = QFormLayout(box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.incident_layer = QgsMapLayerComboBox(box)
        self.incident_layer.setFilters(LAYER_FILTER_POINT)
        self.incident_layer.setToolTip(tr("Point layer of incidents"))
        self.time_field = QgsFieldComboBox(box)
        self.time_field.setFilters(QgsFieldProxyModel.Filter.Date | QgsFieldProxyModel.Filter.DateTime
                                   | QgsFieldProxyModel.Filter.String)
        self.time_field.setToolTip(tr("Date/time of each incident"))
        self.category_field = QgsFieldComboBox(box)
        self.category_field.setAllowEmptyFieldName(True)
        self.category_field.setToolTip(tr("Optional: type of incident, for the category chart"))
        self.area_layer = QgsMapLayerComboBox(box)
        self.area_layer.setFilters(LAYER_FILTER_POLYGON)
        self.area_layer.setToolTip(tr("Polygon layer of areas (neighbourhoods, districts, community areas)"))
        self.name_field = QgsFieldComboBox(box)
        self.name_field.setAllowEmptyFieldName(True)
        self.name_field.setToolTip(tr("Field that names each area; it also keys the core values and the matrix"))
        self.population_field = QgsFieldComboBox(box)
        self.population_field.setAllowEmptyFieldName(True)
        self.population_field.setFilters(QgsFieldProxyModel.Filter.Numeric)
        self.population_field.setToolTip(tr("Optional: residents per area, for the rate per 1,000 residents"))
        for combo in (self.incident_layer, self.time_field, self.category_field, self.area_layer, self.name_field,
                      self.population_field):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        period = QHBoxLayout()
        self.start_date = QDateEdit(box)
        self.end_date = QDateEdit(box)
        for edit in (self.start_date, self.end_date):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.start_date.setToolTip(tr("First day of the period"))
        self.end_date.setToolTip(tr("Last day of the period (included); the previous period has the same length"))
        period.addWidget(self.start_date, 1)
        period.addWidget(QLabel("–", box))
        period.addWidget(self.end_date, 1)
        self.reload_button = QToolButton(box)
        self.reload_button.setText("↻")
        self.reload_button.setToolTip(tr("Read the layers again (after editing them)"))
        period.addWidget(self.reload_button)
        form.addRow(tr("Incidents"), self.incident_layer)
        form.addRow(tr("Time field"), self.time_field)
        form.addRow(tr("Category field"), self.category_field)
        form.addRow(tr("Areas"), self.area_layer)
        form.addRow(tr("Name field"), self.name_field)
        form.addRow(tr("Population field"), self.population_field)
        form.addRow(tr("Period"), period)
        self.status = _small(QLabel(box))
        self.status.setObjectName("compassStatus")
        form.addRow(self.status)
        self._prefer_area_layer()
        self.time_field.setLayer(self.incident_layer.currentLayer())
        self.category_field.setLayer(self.incident_layer.currentLayer())
        self.name_field.setLayer(self.area_layer.currentLayer())
        self.population_field.setLayer(self.area_layer.currentLayer())
        self._guess_incident_fields(self.incident_layer.currentLayer())
        self._guess_area_fields(self.area_layer.currentLayer())
        self._connect_area_layer(self.area_layer.currentLayer())
        return box

    def _build_figures(self, parent) -> QWidget:
        frame = QFrame(parent)
        frame.setObjectName("compassFigures")
        grid = QGridLayout(frame)
        grid.setContentsMargins(0, 2, 0, 2)
        grid.setHorizontalSpacing(6)
        grid.setVerticalSpacing(2)
        captions = {
            "count": N_("Incidents"), "rate": N_("Per 1,000 residents"), "share": N_("Share of the city"),
            "rank": N_("Rank (1 = most)"), "previous": N_("Previous period"), "diff": N_("Change"),
            "pct": N_("Change in %"), "z": N_("Poisson z"),
        }
        self.figures: dict[str, QLabel] = {}
        big = QFont()
        big.setPointSizeF(big.pointSizeF() + 3)
        big.setBold(True)
        for i, (key, caption) in enumerate(captions.items()):
            value = QLabel("–", frame)
            value.setObjectName(f"compassFigure_{key}")
            value.setFont(big)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setMinimumWidth(10)
            row, col = divmod(i, 4)
            grid.addWidget(value, 2 * row, col)
            grid.addWidget(_small(QLabel(tr(caption), frame)), 2 * row + 1, col)
            self.figures[key] = value
        self.period_label = _small(QLabel(frame))
        for col in range(4):
            grid.setColumnStretch(col, 1)
        grid.addWidget(self.period_label, 4, 0, 1, 4)
        return frame

    def _build_tabs(self) -> None:
        guides = {
            "trend": N_("Incidents per month in the area (solid) and in the whole city, scaled to the area's total "
                        "(dashed): do they move together? Orange: the period; grey: the previous one."),
            "categories": N_("Incidents per category in the period."),
            "hot": N_("When incidents happen in the period: hours across, days down; darker = more. Plan "
                      "patrols, lighting and opening hours around the dark cells."),
            "values": N_("Score how much each core value is at stake in this area, 0 (not at all) to 5 (very "
                         "much), and note why. Stored in the project, per area."),
            "matrix": N_("Rows: the area's issues; columns: the options you consider. Score each option per "
                         "issue from -2 (makes it worse) to +2 (solves it well); the totals show which option "
                         "helps most. Stored in the project, per area."),
        }
        self.trend_chart = charts.TrendChart()
        self.category_chart = charts.CategoryChart()
        self.hot_chart = charts.HeatMapChart()
        self.hot_peak = _small(QLabel())
        self.radar_chart = charts.RadarChart([localized(v["label"], self._lang) for v in self._values])
        for key, title, widgets in (
            ("trend", N_("Trend"), [self.trend_chart]),
            ("categories", N_("Categories"), [self.category_chart]),
            ("hot", N_("Hot times"), [self.hot_chart, self.hot_peak]),
            ("values", N_("Core values"), [self.radar_chart, self._build_core_table()]),
            ("matrix", N_("Options"), [self._build_matrix()]),
        ):
            page = QWidget()
            page.setObjectName(f"compassTab_{key}")
            box = QVBoxLayout(page)
            box.setContentsMargins(4, 4, 4, 4)
            box.addWidget(_small(QLabel(tr(guides[key]))))
            for widget in widgets:
                box.addWidget(widget, 0 if widget in (self.hot_peak, self.core_table) else 1)
            # Five tabs share a narrow dock: a translation's parenthetical gloss ("Hot times (tijdstippen)") goes
            # to the tooltip, so that all titles fit in the bar at 1366 x 768.
            self.tabs.addTab(page, tr(title).split(" (")[0])
            self.tabs.setTabToolTip(self.tabs.count() - 1, tr(title))
        self.tabs.setTabToolTip(4, tr("The issue/option matrix of the area"))
        self.tabs.currentChanged.connect(self._draw_current_tab)

    def _build_core_table(self) -> QTableWidget:
        table = QTableWidget(len(self._values), 2)
        table.setObjectName("compassCoreValues")
        table.setHorizontalHeaderLabels([tr("Score"), tr("Note")])
        header_width = 190
        # Long names (Dutch) wrap onto two lines in the row header instead of being cut off.
        metrics = table.verticalHeader().fontMetrics()
        table.setVerticalHeaderLabels([wrap_to_width(localized(v["label"], self._lang), metrics, header_width - 12)
                                       for v in self._values])
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().setMaximumWidth(header_width)
        self.core_spins: dict[str, QSpinBox] = {}
        for row, value in enumerate(self._values):
            header = table.verticalHeaderItem(row)
            header.setToolTip(localized(value.get("description"), self._lang))
            spin = QSpinBox(table)
            spin.setRange(0, CORE_SCORE_MAX)
            spin.setObjectName(f"compassScore_{value['id']}")
            spin.valueChanged.connect(self._core_values_edited)
            table.setCellWidget(row, 0, spin)
            table.setItem(row, 1, QTableWidgetItem(""))
            self.core_spins[value["id"]] = spin
        table.itemChanged.connect(self._core_values_edited)
        table.resizeRowsToContents()
        # All seven values in view: the radar above takes what height is left.
        table.setMinimumHeight(table.verticalHeader().length() + table.horizontalHeader().sizeHint().height()
                               + 2 * table.frameWidth())
        self.core_table = table
        return table

    def _build_matrix(self) -> QWidget:
        box = QWidget()
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        self.matrix_name = QLineEdit(box)
        self.matrix_name.setPlaceholderText(tr("Name of an issue or option"))
        self.add_issue_button = QPushButton(tr("Add issue"), box)
        self.add_option_button = QPushButton(tr("Add option"), box)
        self.remove_button = QPushButton(tr("Remove"), box)
        self.remove_button.setToolTip(tr("Remove the issue (row) or option (column) of the selected header, "
                                         "or the row of the current cell"))
        row.addWidget(self.matrix_name, 1)
        row.addWidget(self.add_issue_button)
        row.addWidget(self.add_option_button)
        row.addWidget(self.remove_button)
        layout.addLayout(row)
        self.matrix_table = QTableWidget(0, 0, box)
        self.matrix_table.setObjectName("compassMatrix")
        self.matrix_table.setItemDelegate(_ScoreDelegate(self.matrix_table))
        self.matrix_table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.matrix_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.matrix_table.verticalHeader().setMaximumWidth(160)
        layout.addWidget(self.matrix_table, 1)
        self.matrix_totals = _small(QLabel(box))
        layout.addWidget(self.matrix_totals)
        self.add_issue_button.clicked.connect(lambda: self._add_from_name("issues"))
        self.add_option_button.clicked.connect(lambda: self._add_from_name("options"))
        self.remove_button.clicked.connect(self._remove_selected)
        self.matrix_table.itemChanged.connect(self._matrix_edited)
        self.matrix_table.horizontalHeader().sectionDoubleClicked.connect(lambda i: self._rename("options", i))
        self.matrix_table.verticalHeader().sectionDoubleClicked.connect(lambda i: self._rename("issues", i))
        return box

    # ------------------------------------------------------------------ inputs
    def _guess_incident_fields(self, layer) -> None:
        if layer is None:
            return
        fields = layer.fields()
        self.time_field.setField(guess_time_field(fields) or "")
        self.category_field.setField(guess_category_field(fields) or "")

    def _guess_area_fields(self, layer) -> None:
        if layer is None:
            return
        fields = layer.fields()
        self.name_field.setField(guess_name_field(fields) or "")
        self.population_field.setField(guess_population_field(fields) or "")

    def _prefer_area_layer(self, *_args) -> None:
        """Preselect the polygon layer whose name looks most like areas (neighbourhoods before buildings), as
        long as neither the user nor the project has chosen one."""
        if not self._area_auto:
            return
        combo = self.area_layer
        best = best_area_layer(layer for layer in (combo.layer(i) for i in range(combo.count())) if layer)
        if best is not None and best is not combo.currentLayer():
            combo.setLayer(best)

    def _area_chosen(self, *_args) -> None:
        self._area_auto = False

    def _on_incident_layer_changed(self, layer) -> None:
        for combo in (self.time_field, self.category_field):
            combo.blockSignals(True)
            combo.setLayer(layer)
            combo.blockSignals(False)
        if not self._restoring:
            self._guess_incident_fields(layer)
        self._inputs_changed()

    def _on_area_layer_changed(self, layer) -> None:
        for combo in (self.name_field, self.population_field):
            combo.blockSignals(True)
            combo.setLayer(layer)
            combo.blockSignals(False)
        if not self._restoring:
            self._guess_area_fields(layer)
        self._connect_area_layer(layer)
        self._inputs_changed()

    def _connect_area_layer(self, layer) -> None:
        if self._area_layer is not None:
            with contextlib.suppress(TypeError, RuntimeError):  # deleted with its project, or never connected
                self._area_layer.selectionChanged.disconnect(self._on_selection_changed)
        self._area_layer = layer if isinstance(layer, QgsVectorLayer) else None
        if self._area_layer is not None:
            self._area_layer.selectionChanged.connect(self._on_selection_changed)

    def _inputs_changed(self, *_args) -> None:
        if not self._restoring:
            self._reload_timer.start()

    def _period_changed(self, *_args) -> None:
        if not self._restoring and self._index is not None:
            self._recompute_period()

    def period(self) -> tuple[np.datetime64, np.datetime64]:
        """[start, end) of the chosen period: the end date is included, so ``end`` is the next midnight."""
        start = np.datetime64(self.start_date.date().toString("yyyy-MM-dd"), "m")
        end = np.datetime64(self.end_date.date().toString("yyyy-MM-dd"), "m") + np.timedelta64(1, "D")
        return start, end

    def set_period(self, start: np.datetime64, end: np.datetime64) -> None:
        """Show [start, end) in the date editors (the end editor shows the last included day)."""
        last = (np.datetime64(end, "D") - np.timedelta64(1, "D")).astype(str)
        for edit, text in ((self.start_date, str(np.datetime64(start, "D"))), (self.end_date, last)):
            edit.blockSignals(True)
            edit.setDate(QDate.fromString(text, "yyyy-MM-dd"))
            edit.blockSignals(False)

    # ------------------------------------------------------------------ computing
    def reload(self, keep_period: bool | None = None) -> bool:
        """Read the incident and area layers again and rebuild the index; True when a profile can be shown.

        The period is reset to the last 12 months with data when the incident layer or its time
        field changed (or ``keep_period`` is False). Also the slot of the reload button and of the
        (debounced) input changes.
        """
        self._reload_timer.stop()
        previous_key = self.current_key() or self._wanted_key
        self._index = self._summary = self._areas = self._profile = None
        self._unit = None
        incidents = self.incident_layer.currentLayer()
        areas = self.area_layer.currentLayer()
        time_field = self.time_field.currentField()
        if incidents is None or areas is None:
            return self._not_ready(tr("Choose an incident (point) layer and an area (polygon) layer."))
        if not time_field:
            return self._not_ready(tr("Choose the date/time field of the incidents."))
        source = (incidents.id(), time_field)
        if keep_period is None:
            keep_period = self._keep_next or source == self._loaded_source
        self._keep_next = False
        category = self.category_field.currentField()
        name = self.name_field.currentField()
        population = self.population_field.currentField()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            points = read_points(incidents, [time_field, category], layer=incidents)
            self.working_crs = points.crs
            times = parse_datetimes(points.attributes[time_field], None,
                                    utc_values=time_field in points.utc_fields).times
            if np.isnat(times).all():
                return self._not_ready(tr("No incident has a date/time in '{}'.").format(time_field))
            zones = read_areas(areas, [name] if name else [], working_crs=points.crs, population_field=population)
            polys = zones.polygons
            if not polys.parts:
                return self._not_ready(tr("The area layer has no polygons."))
            self._index = build_index(
                zones.assign(points.x, points.y), times, zones.n, area_m2=zones.area_m2, population=zones.population,
                categories=points.attributes[category] if category else None,
            )
        except ValueError as error:
            return self._not_ready(_error_text(error))
        finally:
            QApplication.restoreOverrideCursor()
        names = ([("" if v is None else str(v)) for v in polys.attributes[name]] if name
                 else [str(f) for f in polys.fid])
        keys = [n if n else str(f) for n, f in zip(names, polys.fid)]
        self._areas = AreaTable(polys.fid, keys, [n or str(f) for n, f in zip(names, polys.fid)],
                                {int(f): i for i, f in enumerate(polys.fid)})
        self._loaded_source = source
        self._fill_area_list()
        if not keep_period:
            span = default_period(self._index)
            if span is not None:
                self.set_period(*span)
        outside = int((self._index.unit < 0).sum())
        self._set_message("")
        loc = QLocale()
        self.status.setText(tr("{n} incidents in {a} areas; {o} outside every area are not counted.").format(
            n=loc.toString(int((self._index.unit >= 0).sum())), a=len(keys), o=loc.toString(outside)))
        if not self._recompute_period():
            return False
        unit = self._selected_unit()
        if unit is None and previous_key in keys:
            unit = keys.index(previous_key)
        if unit is not None:
            self.show_area(unit, select_on_map=False)
        return True

    def _set_message(self, text: str) -> None:
        """Show what the user must change (hidden when there is nothing to say)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def _not_ready(self, text: str) -> bool:
        self._set_message(text)
        self.status.setText("")
        self.area_list.clear()
        self._clear_profile()
        return False

    def _fill_area_list(self) -> None:
        self.area_list.blockSignals(True)
        self.area_list.clear()
        order = sorted(range(len(self._areas.names)), key=lambda i: self._areas.names[i].casefold())
        for i in order:
            self.area_list.addItem(self._areas.names[i], i)
        self.area_list.setCurrentIndex(-1)
        self.area_list.blockSignals(False)

    def _recompute_period(self) -> bool:
        start, end = self.period()
        try:
            self._summary = summarise_period(self._index, start, end)
        except ValueError as error:
            self._summary = None
            self._wanted_key = self.current_key() or self._wanted_key  # shown again once the period is fixed
            self._clear_profile()
            self._set_message(_error_text(error))
            return False
        self._set_message("")
        if self._unit is None and self._wanted_key in self._areas.keys:
            self._unit = self._areas.keys.index(self._wanted_key)
        if self._unit is not None:
            self.show_area(self._unit, select_on_map=False)
        return True

    def _selected_unit(self) -> int | None:
        layer = self._area_layer
        if layer is None or self._areas is None:
            return None
        for fid in reversed(list(layer.selectedFeatureIds())):
            if int(fid) in self._areas.unit_of_fid:
                return self._areas.unit_of_fid[int(fid)]
        return None

    # ------------------------------------------------------------------ selection
    def _on_selection_changed(self, selected, _deselected, _clear) -> None:
        if self._syncing or self._areas is None:
            return
        unit = None
        for fid in reversed(list(selected)):
            if int(fid) in self._areas.unit_of_fid:
                unit = self._areas.unit_of_fid[int(fid)]
                break
        if unit is None:
            unit = self._selected_unit()
        if unit is not None and self._summary is not None:
            self.show_area(unit, select_on_map=False)

    def _on_list_activated(self, row: int) -> None:
        unit = self.area_list.itemData(row)
        if unit is not None and self._summary is not None:
            self.show_area(int(unit), select_on_map=True)

    def show_area(self, unit: int, select_on_map: bool = True) -> AreaProfile | None:
        """Show the profile of area ``unit`` (index in the area layer's order); select it on the map."""
        if self._index is None or self._summary is None or self._areas is None:
            return None
        self._unit = unit
        self._profile = area_profile(self._index, self._summary, unit)
        row = self.area_list.findData(unit)
        self.area_list.blockSignals(True)
        self.area_list.setCurrentIndex(row)
        self.area_list.blockSignals(False)
        if select_on_map and self._area_layer is not None:
            fid = int(self._areas.fids[unit])
            self._syncing = True
            try:
                self._area_layer.selectByIds([fid])
            finally:
                self._syncing = False
            if self.iface is not None:
                self.iface.mapCanvas().flashFeatureIds(self._area_layer, [fid])
        self._show_figures(self._profile)
        self._show_charts(self._profile)
        self._show_assessment()
        return self._profile

    def current_key(self) -> str | None:
        """Key of the shown area in the stored assessments (its name), None when no area is shown."""
        if self._unit is None or self._areas is None:
            return None
        return self._areas.keys[self._unit]

    @property
    def profile(self) -> AreaProfile | None:
        """The profile shown (None when no area is)."""
        return self._profile

    @property
    def index(self) -> IncidentIndex | None:
        """Per-incident lookups of the loaded layers."""
        return self._index

    @property
    def summary(self) -> PeriodSummary | None:
        """City-wide figures of the chosen period."""
        return self._summary

    @property
    def areas(self) -> AreaTable | None:
        """The areas of the loaded area layer, in profile order."""
        return self._areas

    # ------------------------------------------------------------------ showing
    def _clear_profile(self) -> None:
        self._profile = None
        self._unit = None
        for label in self.figures.values():
            label.setText("–")
            label.setStyleSheet("")
            label.setToolTip("")
        self.period_label.setText("")
        self._stale -= {"trend", "categories", "hot"}
        self.trend_chart.clear()
        self.category_chart.clear()
        self.hot_chart.clear()
        self.hot_peak.setText("")
        self._show_assessment()

    def _show_figures(self, p: AreaProfile) -> None:
        loc = QLocale()
        f = self.figures
        f["count"].setText(loc.toString(p.count))
        if np.isfinite(p.rate_1000):
            f["rate"].setText(loc.toString(p.rate_1000, "f", 1))
            f["rate"].setToolTip("")
        else:
            f["rate"].setText("–")
            f["rate"].setToolTip(tr("Choose a population field of the area layer to see the rate"))
        f["share"].setText(tr("{} %").format(loc.toString(100.0 * p.share, "f", 1)))
        f["rank"].setText(tr("{rank} of {n}").format(rank=p.rank, n=p.n_units))
        f["previous"].setText(loc.toString(p.previous_count))
        sign = "+" if p.diff > 0 else ""
        f["diff"].setText(sign + loc.toString(p.diff))
        f["pct"].setText("–" if not np.isfinite(p.pct_change)
                         else tr("{} %").format(sign + loc.toString(p.pct_change, "f", 0)))
        f["z"].setText(("+" if p.poisson_z > 0 else "") + loc.toString(p.poisson_z, "f", 2))
        trend_text = {"significant increase": tr("significant increase"),
                      "significant decrease": tr("significant decrease")}.get(p.trend, tr("no significant change"))
        colour = {"significant increase": INCREASE_COLOUR, "significant decrease": DECREASE_COLOUR}.get(p.trend, "")
        for key in ("diff", "pct", "z"):
            f[key].setStyleSheet(f"color: {colour};" if colour else "")
            f[key].setToolTip(tr("Exact test of equal rates: p = {p}, q = {q} (Benjamini-Hochberg over the areas); "
                                 "significant when q ≤ {alpha}: {trend}. Poisson z = 2 (√now − √before) is shown "
                                 "for reference.").format(p=loc.toString(p.p_value, "g", 2),
                                                          q=loc.toString(p.q_value, "g", 2),
                                                          alpha=loc.toString(ALPHA), trend=trend_text))
        last = np.datetime64(p.end, "D") - np.timedelta64(1, "D")
        previous_last = np.datetime64(p.start, "D") - np.timedelta64(1, "D")
        self.period_label.setText(tr("{area}: {start} – {end} against {pstart} – {pend}: {trend}.").format(
            area=self._areas.names[p.unit], start=np.datetime64(p.start, "D"), end=last,
            pstart=np.datetime64(p.previous_start, "D"), pend=previous_last, trend=trend_text))

    def _show_charts(self, p: AreaProfile) -> None:
        self._stale |= {"trend", "categories", "hot"}
        self._draw_current_tab()
        if p.hot_times.sum() > 0:
            day, hour = np.unravel_index(int(np.argmax(p.hot_times)), p.hot_times.shape)
            self.hot_peak.setText(tr("Busiest hour: {day} {h:02d}:00–{h1:02d}:00 ({n} incidents).").format(
                day=tr(charts.WEEKDAYS_LONG[day]), h=int(hour), h1=(int(hour) + 1) % 24,
                n=QLocale().toString(float(p.hot_times[day, hour]), "f", 1)))
        else:
            self.hot_peak.setText(tr("No incidents with a time in this period."))

    # ------------------------------------------------------------------ assessments (stored in the project)
    def assessment(self, key: str | None = None) -> AreaAssessment | None:
        """The core values and matrix of area ``key`` (default: the shown area); None when it has none."""
        return self._assessments.get(self.current_key() if key is None else key)

    @property
    def assessments(self) -> Assessments:
        """The assessments of every area, as stored in the project."""
        return self._assessments

    def _entry(self) -> AreaAssessment | None:
        """The shown area's assessment to change (made at its first edit); None when no area is shown."""
        key = self.current_key()
        if key is None:
            return None
        return self._assessments.edit(key, self._areas.names[self._unit])

    def _show_assessment(self) -> None:
        entry = self.assessment() or AreaAssessment()
        enabled = self.current_key() is not None
        self.core_table.blockSignals(True)
        for row, value in enumerate(self._values):
            score = entry.core_value(value["id"])
            spin = self.core_spins[value["id"]]
            spin.blockSignals(True)
            spin.setValue(score.score)
            spin.blockSignals(False)
            self.core_table.item(row, 1).setText(score.note)
        self.core_table.blockSignals(False)
        self.core_table.setEnabled(enabled)
        self._draw_radar()
        matrix = entry.matrix
        table = self.matrix_table
        table.blockSignals(True)
        table.clear()
        table.setRowCount(len(matrix.issues))
        table.setColumnCount(len(matrix.options))
        table.setVerticalHeaderLabels(matrix.issues)
        table.setHorizontalHeaderLabels(matrix.options)
        for i, scores in enumerate(matrix.scores):
            for j, score in enumerate(scores):
                item = QTableWidgetItem()
                item.setData(Qt.ItemDataRole.EditRole, score)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                table.setItem(i, j, item)
        table.blockSignals(False)
        for widget in (table, self.matrix_name, self.add_issue_button, self.add_option_button, self.remove_button):
            widget.setEnabled(enabled)
        self._show_totals(matrix)

    def _draw_radar(self) -> None:
        self._stale.add("values")
        self._draw_current_tab()

    def _draw_current_tab(self, *_args) -> None:
        key = self.tabs.currentWidget().objectName().removeprefix("compassTab_")
        if key not in self._stale:
            return
        self._stale.discard(key)
        p = self._profile
        if key == "values":
            entry = self.assessment() or AreaAssessment()
            self.radar_chart.set_scores(entry.profile([v["id"] for v in self._values]))
        elif p is None:
            return
        elif key == "trend":
            self.trend_chart.set_series(p.months, p.monthly, p.city_monthly_scaled, (p.start, p.end),
                                        (p.previous_start, p.start))
        elif key == "categories":
            self.category_chart.set_counts(p.category_names, p.category_counts)
        elif key == "hot":
            self.hot_chart.set_grid(p.hot_times)

    def _core_values_edited(self, *_args) -> None:
        entry = self._entry()
        if entry is None:
            return
        entry.core_values = {
            v["id"]: CoreValueScore(self.core_spins[v["id"]].value(), self.core_table.item(row, 1).text())
            for row, v in enumerate(self._values)
        }
        self._draw_radar()
        self._save_assessments()

    def set_core_value(self, value_id: str, score: int, note: str | None = None) -> None:
        """Score a core value of the shown area (as the user does in the table)."""
        row = [v["id"] for v in self._values].index(value_id)
        if note is not None:
            self.core_table.item(row, 1).setText(note)
        self.core_spins[value_id].setValue(score)

    def _matrix_edited(self, item: QTableWidgetItem) -> None:
        entry = self._entry()
        if entry is None:
            return
        value = item.data(Qt.ItemDataRole.EditRole)
        score = entry.matrix.set_score(item.row(), item.column(), value)
        if score != value:
            self.matrix_table.blockSignals(True)
            item.setData(Qt.ItemDataRole.EditRole, score)
            self.matrix_table.blockSignals(False)
        self._show_totals(entry.matrix)
        self._save_assessments()

    def add_issue(self, name: str) -> None:
        self._add("issues", name)

    def add_option(self, name: str) -> None:
        self._add("options", name)

    def set_matrix_score(self, issue: int, option: int, score: int) -> None:
        """Score option ``option`` against issue ``issue`` (as typing in the cell does)."""
        item = self.matrix_table.item(issue, option)
        item.setData(Qt.ItemDataRole.EditRole, int(score))

    def _add_from_name(self, kind: str) -> None:
        self._add(kind, self.matrix_name.text())
        self.matrix_name.clear()

    def _add(self, kind: str, name: str) -> None:
        entry = self._entry()
        if entry is None:
            return
        if entry.matrix.add_issue(name) if kind == "issues" else entry.matrix.add_option(name):
            self._save_assessments()
            self._show_assessment()

    def _remove_selected(self) -> None:
        entry = self._entry()
        if entry is None:
            return
        table = self.matrix_table
        rows = table.selectionModel().selectedRows()
        columns = table.selectionModel().selectedColumns()
        if columns and not rows:
            entry.matrix.remove_options(c.column() for c in columns)
        else:
            targets = {r.row() for r in rows} or ({table.currentRow()} if table.currentRow() >= 0 else set())
            entry.matrix.remove_issues(targets)
        self._save_assessments()
        self._show_assessment()

    def _rename(self, kind: str, index: int) -> None:
        entry = self._entry()
        if entry is None:
            return
        names = entry.matrix.issues if kind == "issues" else entry.matrix.options
        if not 0 <= index < len(names):
            return
        label = tr("Issue") if kind == "issues" else tr("Option")
        name, ok = QInputDialog.getText(self, tr("Rename"), label, text=names[index])
        if ok and entry.matrix.rename(kind, index, name):
            self._save_assessments()
            self._show_assessment()

    def _show_totals(self, matrix: OptionMatrix) -> None:
        if not matrix.options:
            self.matrix_totals.setText("")
            return
        leading = set(matrix.leading())
        parts = []
        for j, (name, total) in enumerate(zip(matrix.options, matrix.totals())):
            text = f"{name} {total:+d}"
            parts.append(f"<b>{text}</b>" if j in leading else text)
        self.matrix_totals.setText(tr("Totals: {}").format(" · ".join(parts)))

    # ------------------------------------------------------------------ project storage
    def _save_assessments(self) -> None:
        if self._restoring:
            return
        QgsProject.instance().writeEntry(SCOPE, ASSESSMENTS_KEY, self._assessments.to_json())

    def _save_settings(self) -> None:
        incidents = self.incident_layer.currentLayer()
        areas = self.area_layer.currentLayer()
        settings = {
            "version": FORMAT_VERSION,
            "incidents": incidents.id() if incidents else "",
            "time_field": self.time_field.currentField(),
            "category_field": self.category_field.currentField(),
            "areas": areas.id() if areas else "",
            "name_field": self.name_field.currentField(),
            "population_field": self.population_field.currentField(),
            "start": self.start_date.date().toString("yyyy-MM-dd"),
            "end": self.end_date.date().toString("yyyy-MM-dd"),
            "area": self.current_key() or "",
        }
        QgsProject.instance().writeEntry(SCOPE, SETTINGS_KEY, json.dumps(settings))

    def _restore_from_project(self) -> None:
        """Load the assessments and the dock's choices stored in the current project."""
        project = QgsProject.instance()
        text, ok = project.readEntry(SCOPE, ASSESSMENTS_KEY, "")
        self._assessments = Assessments.from_json(text if ok else "")
        text, ok = project.readEntry(SCOPE, SETTINGS_KEY, "")
        try:
            settings = json.loads(text) if ok and text else {}
        except json.JSONDecodeError:
            settings = {}
        if settings:
            self._restoring = True
            try:
                for combo, key in ((self.incident_layer, "incidents"), (self.area_layer, "areas")):
                    layer = project.mapLayer(settings.get(key, ""))
                    if layer is not None:
                        combo.setLayer(layer)
                        if combo is self.area_layer:
                            self._area_auto = False
                for combo, key in ((self.time_field, "time_field"), (self.category_field, "category_field"),
                                   (self.name_field, "name_field"), (self.population_field, "population_field")):
                    combo.setField(settings.get(key, ""))
                for edit, key in ((self.start_date, "start"), (self.end_date, "end")):
                    date = QDate.fromString(settings.get(key, ""), "yyyy-MM-dd")
                    if date.isValid():
                        edit.setDate(date)
            finally:
                self._restoring = False
        self._prefer_area_layer()
        self._show_assessment()
        self._wanted_key = settings.get("area") or None
        self._keep_next = bool(settings)
        if self.incident_layer.currentLayer() is not None and self.area_layer.currentLayer() is not None:
            self._reload_timer.start()

    def _on_project_read(self, *_args) -> None:
        self._restore_from_project()

    def _on_project_write(self, *_args) -> None:
        # Choices are written with the project (entries set now still reach the file); the assessments
        # are stored on every edit, so they need nothing here.
        self._save_settings()

    def _on_project_cleared(self) -> None:
        self._area_auto = True
        self._assessments = Assessments()
        self._index = self._summary = self._areas = None
        self._loaded_source = ()
        self._wanted_key = None
        self._not_ready(tr("Choose an incident (point) layer and an area (polygon) layer."))

    def cleanup(self) -> None:
        self._reload_timer.stop()
        self._connect_area_layer(None)
        super().cleanup()
