"""The Library dock: search, filter and read the practices; add, edit, delete, import and export your own.

Everything about practices (loading, validation, search, ids, merging, JSON exchange) is done by
:mod:`besecure.knowledge.library`; the user's practices are stored by
:class:`besecure.ui.user_practices.UserPracticeStore` in the QGIS profile. Texts are shown in the
QGIS language (Dutch or English; both are in the knowledge base). Source links open in the system
browser only when clicked; the dock itself never touches the network.
"""
from __future__ import annotations

import copy
import html
from pathlib import Path
from typing import Any

from qgis.core import Qgis, QgsApplication
from qgis.gui import QgsCollapsibleGroupBox, QgsFilterLineEdit
from qgis.PyQt.QtCore import QSize, Qt, QUrl
from qgis.PyQt.QtGui import QDesktopServices
from qgis.PyQt.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ..compat import exec_dialog
from ..i18n import N_, current_locale, tr
from ..knowledge import library
from ..layers.reports.document import safe_href
from ..layers.reports.practice import Taxonomy, practice_html, years_text
from .dock_base import BesecureDock, icon
from .user_practices import UserPracticeStore

__all__ = ["LibraryDock", "PracticeDialog"]

#: Filter key of knowledge.library.search -> (tool tip, first entry meaning "no filter"), in display order.
FILTERS: dict[str, tuple[str, str]] = {
    "problem": (N_("Problem"), N_("All problems")),
    "core_values": (N_("Core value"), N_("All core values")),
    "approach": (N_("Approach"), N_("All approaches")),
    "smart_city": (N_("Smart-city element"), N_("All smart-city elements")),
    "country": (N_("Country"), N_("All countries")),
    "min_evidence": (N_("Evidence at least"), N_("Any evidence")),
    "origin": (N_("Built-in or your own practices"), N_("All practices")),
}
MULTI_FIELDS = ("problem", "core_values", "approach", "smart_city")
UNKNOWN_YEAR = 1899  # spin box value shown as "unknown" / "ongoing"


def _open_in_browser(url: QUrl) -> bool:
    """Open ``url`` in the system browser (a separate function so tests can replace it)."""
    return QDesktopServices.openUrl(url)


def _language(lang: str | None) -> str:
    code = (lang or current_locale() or "en")[:2].lower()
    return code if code in library.LANGUAGES else "en"


# --------------------------------------------------------------------------- the dock
class LibraryDock(BesecureDock):
    """Catalogue of practices with full-text search, filters and a detail view.

    ``lang`` overrides the QGIS language, ``store`` the profile file (tests use both).
    """

    KEY = "library"
    TITLE = N_("Library")
    ICON = "library.svg"

    def __init__(self, iface, parent=None, *, lang: str | None = None, store: UserPracticeStore | None = None):
        self.lang = _language(lang)
        self.store = store or UserPracticeStore()
        self.taxonomies = library.load_taxonomies()
        self.taxonomy = Taxonomy(self.lang, self.taxonomies)
        self.builtin = library.load_practices()
        self.user: list[dict[str, Any]] = []
        self._load_warning: str | None = None
        self._load_user()
        super().__init__(iface, parent)
        self.refresh()

    # -- data ---------------------------------------------------------------------------------
    @property
    def practices(self) -> list[dict[str, Any]]:
        """Built-in practices followed by the user's."""
        return library.merge_user_practices(self.builtin, self.user, taxonomies=self.taxonomies)

    def practice(self, practice_id: str) -> dict[str, Any] | None:
        return next((p for p in self.practices if p["id"] == practice_id), None)

    def _load_user(self) -> None:
        try:
            self.user = self.store.load()
        except ValueError as error:
            moved = self.store.set_aside()
            self.user = []
            self._load_warning = tr("Your practices file could not be read and was renamed to {}: {}").format(
                moved.name, error)

    def _save_user(self) -> None:
        self.store.save(self.user)
        self.refresh()

    def add_practice(self, practice: dict[str, Any]) -> str:
        """Store a new user practice (given a fresh ``user-`` id); returns its id."""
        new = copy.deepcopy(practice)
        new["origin"] = "user"
        new["id"] = library.new_user_practice_id(library.localized(new.get("title"), "en") or "practice",
                                                 [p["id"] for p in self.practices])
        self._raise_if_invalid(new)
        self.user.append(new)
        self._save_user()
        self.select_practice(new["id"])
        return new["id"]

    def update_practice(self, practice_id: str, practice: dict[str, Any]) -> None:
        """Replace the user practice ``practice_id`` (it keeps its id)."""
        index = next((i for i, p in enumerate(self.user) if p["id"] == practice_id), None)
        if index is None:
            raise ValueError(f"'{practice_id}' is not one of your practices; only those can be edited.")
        new = copy.deepcopy(practice)
        new["id"], new["origin"] = practice_id, "user"
        self._raise_if_invalid(new)
        self.user[index] = new
        self._save_user()
        self.select_practice(practice_id)

    def delete_practice(self, practice_id: str) -> None:
        """Remove the user practice ``practice_id``."""
        kept = [p for p in self.user if p["id"] != practice_id]
        if len(kept) == len(self.user):
            raise ValueError(f"'{practice_id}' is not one of your practices; only those can be deleted.")
        self.user = kept
        self._save_user()

    def import_practices(self, path: str | Path) -> int:
        """Add the practices of a JSON file as user practices (same id: replaced); returns how many."""
        incoming = library.import_json(path, taxonomies=self.taxonomies)
        # merge_user_practices skips copies of built-in practices and lets a later id replace an earlier one.
        merged = library.merge_user_practices(self.builtin, [*self.user, *incoming], taxonomies=self.taxonomies)
        self.user = merged[len(self.builtin):]
        self._save_user()
        builtin_ids = {p["id"] for p in self.builtin}
        return sum(1 for p in incoming if not (p.get("origin") == "builtin" and p.get("id") in builtin_ids))

    def export_practices(self, path: str | Path, which: str = "user") -> int:
        """Write the user's practices (``which="user"``) or the listed ones (``"listed"``); returns how many."""
        if which == "user":
            items = self.user
        else:
            listed = set(self.listed_ids())
            items = [p for p in self.practices if p["id"] in listed]
        library.export_json(items, path, taxonomies=self.taxonomies)
        return len(items)

    def _raise_if_invalid(self, practice: dict[str, Any]) -> None:
        errors = library.validate_practice(practice, self.taxonomies)
        if errors:
            raise ValueError("; ".join(errors))

    # -- widgets ------------------------------------------------------------------------------
    def build_ui(self, panel) -> None:
        layout = panel.layout()
        self.search_edit = QgsFilterLineEdit(panel)
        self.search_edit.setObjectName("librarySearch")
        self.search_edit.setShowSearchIcon(True)
        self.search_edit.setPlaceholderText(tr("Search practices (words in either language, \"a phrase\")"))
        self.search_edit.textChanged.connect(self.refresh)
        layout.addWidget(self.search_edit)

        self.filter_box = QgsCollapsibleGroupBox(tr("Filters"), panel)
        self.filter_box.setObjectName("libraryFilters")
        grid = QGridLayout(self.filter_box)
        grid.setContentsMargins(4, 4, 4, 4)
        self.filter_combos: dict[str, QComboBox] = {}
        for n, (key, (label, _)) in enumerate(FILTERS.items()):
            combo = QComboBox(self.filter_box)
            combo.setObjectName(f"libraryFilter_{key}")
            combo.setToolTip(tr(label))
            combo.setAccessibleName(tr(label))
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
            self._fill_filter(key, combo)
            combo.currentIndexChanged.connect(self.refresh)
            grid.addWidget(combo, n // 2, n % 2)
            self.filter_combos[key] = combo
        layout.addWidget(self.filter_box)

        bar = QHBoxLayout()
        self.count_label = QLabel(panel)
        self.count_label.setObjectName("libraryCount")
        bar.addWidget(self.count_label, 1)
        self.add_button = self._tool_button("mActionAdd.svg", tr("Add a practice of your own"), self._on_add)
        self.edit_button = self._tool_button("mActionToggleEditing.svg", tr("Edit the selected practice"),
                                             self._on_edit)
        self.delete_button = self._tool_button("mActionDeleteSelected.svg", tr("Delete the selected practice"),
                                               self._on_delete)
        self.import_button = self._tool_button("mActionFileOpen.svg", tr("Import practices from a JSON file"),
                                               self._on_import)
        self.export_button = self._tool_button("mActionFileSaveAs.svg", tr("Export practices to a JSON file"), None)
        menu = QMenu(self.export_button)
        menu.addAction(tr("Export my practices…"), lambda: self._on_export("user"))
        menu.addAction(tr("Export the listed practices…"), lambda: self._on_export("listed"))
        self.export_button.setMenu(menu)
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        for button in (self.add_button, self.edit_button, self.delete_button, self.import_button, self.export_button):
            bar.addWidget(button)
        layout.addLayout(bar)

        splitter = QSplitter(Qt.Orientation.Vertical, panel)
        self.result_list = QListWidget(splitter)
        self.result_list.setObjectName("libraryResults")
        self.result_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.result_list.setWordWrap(True)
        self.result_list.setAlternatingRowColors(True)
        self.result_list.currentItemChanged.connect(self._show_current)
        self.detail = QTextBrowser(splitter)
        self.detail.setObjectName("libraryDetail")
        # Links are opened by _on_link only when clicked; the browser itself never follows them.
        self.detail.setOpenLinks(False)
        self.detail.setOpenExternalLinks(False)
        self.detail.anchorClicked.connect(self._on_link)
        splitter.addWidget(self.result_list)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout.addWidget(splitter, 1)

        if self._load_warning and self.iface is not None:
            self.iface.messageBar().pushWarning(tr("BESECURE Library"), self._load_warning)

    def _tool_button(self, theme_icon: str, tip: str, slot) -> QToolButton:
        button = QToolButton(self.main_panel)
        theme = QgsApplication.getThemeIcon(theme_icon)
        button.setIcon(theme if not theme.isNull() else icon("library.svg"))
        button.setIconSize(QSize(18, 18))
        button.setToolTip(tip)
        button.setAutoRaise(True)
        if slot is not None:
            button.clicked.connect(slot)
        return button

    def _fill_filter(self, key: str, combo: QComboBox) -> None:
        combo.blockSignals(True)
        current = combo.currentData()
        combo.clear()
        combo.addItem(tr(FILTERS[key][1]), None)
        if key == "origin":
            combo.addItem(tr("Built-in practices"), "builtin")
            combo.addItem(tr("My practices"), "user")
        elif key == "country":
            countries = sorted({c for p in self.practices for c in [p.get("country"), *p.get("other_countries", [])]
                                if c})
            for code in countries:
                combo.addItem(code, code)
        elif key == "min_evidence":
            for level_id, label in self.taxonomy.choices("evidence_level"):
                combo.addItem(label, level_id)
        else:
            for item_id, label in self.taxonomy.choices(key):
                combo.addItem(label, item_id)
                combo.setItemData(combo.count() - 1, label, Qt.ItemDataRole.ToolTipRole)
        index = combo.findData(current)
        combo.setCurrentIndex(max(index, 0))
        combo.blockSignals(False)

    # -- searching ----------------------------------------------------------------------------
    def current_filters(self) -> dict[str, Any]:
        """The filters as :func:`knowledge.library.search` takes them (unset ones left out)."""
        return {key: combo.currentData() for key, combo in self.filter_combos.items() if combo.currentData()}

    def set_filter(self, key: str, value: str | None) -> None:
        """Choose ``value`` (an id, or None for all) in the filter ``key``."""
        combo = self.filter_combos[key]
        index = combo.findData(value)
        if index < 0:
            raise ValueError(f"Filter {key!r} has no value {value!r}")
        combo.setCurrentIndex(index)

    def results(self) -> list[dict[str, Any]]:
        """The practices matching the search text and the filters, in search order."""
        return list(library.search(self.practices, self.search_edit.text(), self.current_filters(),
                                   taxonomies=self.taxonomies))

    def listed_ids(self) -> list[str]:
        return [self.result_list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.result_list.count())]

    def refresh(self) -> None:
        """Run the search again and refill the list, keeping the selection when it is still listed."""
        if not hasattr(self, "result_list"):
            return
        self._fill_filter("country", self.filter_combos["country"])
        selected = self.selected_id()
        found = self.results()
        self.result_list.blockSignals(True)
        self.result_list.clear()
        for practice in found:
            item = QListWidgetItem(self._list_text(practice))
            item.setData(Qt.ItemDataRole.UserRole, practice["id"])
            item.setToolTip(library.localized(practice["title"], self.lang))
            if practice.get("origin") == "user":
                item.setIcon(icon("library.svg"))
            self.result_list.addItem(item)
        self.result_list.blockSignals(False)
        self.count_label.setText(tr("{} of {} practices").format(len(found), len(self.practices)))
        ids = self.listed_ids()
        if selected in ids:
            self.select_practice(selected)
        elif ids:
            self.select_practice(ids[0])
        else:
            self.detail.setHtml(f"<p>{html.escape(tr('No practice matches the search and the filters.'))}</p>")
            self._update_buttons(None)

    def _list_text(self, practice: dict[str, Any]) -> str:
        place = ", ".join(v for v in (practice.get("city"), practice.get("country")) if v)
        return f"{library.localized(practice['title'], self.lang)}\n{place} · {years_text(practice)}"

    def selected_id(self) -> str | None:
        item = self.result_list.currentItem() if hasattr(self, "result_list") else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_practice(self, practice_id: str) -> None:
        for i in range(self.result_list.count()):
            if self.result_list.item(i).data(Qt.ItemDataRole.UserRole) == practice_id:
                self.result_list.setCurrentRow(i)
                self._show_current()
                return

    def _show_current(self, *_args) -> None:
        practice = self.practice(self.selected_id()) if self.selected_id() else None
        self.detail.setHtml(self.detail_html(practice) if practice else "")
        self._update_buttons(practice)

    def _update_buttons(self, practice) -> None:
        mine = practice is not None and practice.get("origin") == "user"
        self.edit_button.setEnabled(mine)
        self.delete_button.setEnabled(mine)

    # -- detail view --------------------------------------------------------------------------
    def detail_html(self, practice: dict[str, Any]) -> str:
        """The detail view of one practice as HTML (the reports' rendering: text escaped, links only to the web)."""
        return practice_html(practice, self.taxonomy)

    def _on_link(self, url: QUrl) -> None:
        if safe_href(url.toString()):
            _open_in_browser(url)

    # -- actions ------------------------------------------------------------------------------
    def _message(self, text: str, level=Qgis.MessageLevel.Info) -> None:
        if self.iface is not None:
            self.iface.messageBar().pushMessage(tr("BESECURE Library"), text, level, 6)

    def _on_add(self) -> None:
        dialog = PracticeDialog(self.lang, self.taxonomies, parent=self)
        if exec_dialog(dialog):
            self.add_practice(dialog.practice())

    def _on_edit(self) -> None:
        practice = self.practice(self.selected_id() or "")
        if practice is None or practice.get("origin") != "user":
            return
        dialog = PracticeDialog(self.lang, self.taxonomies, practice, parent=self)
        if exec_dialog(dialog):
            self.update_practice(practice["id"], dialog.practice())

    def _on_delete(self) -> None:
        practice = self.practice(self.selected_id() or "")
        if practice is None or practice.get("origin") != "user":
            return
        title = library.localized(practice["title"], self.lang)
        answer = QMessageBox.question(self, tr("Delete practice"),
                                      tr("Delete your practice '{}'? This cannot be undone.").format(title))
        if answer == QMessageBox.StandardButton.Yes:
            self.delete_practice(practice["id"])

    def _on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Import practices"), "", tr("JSON files (*.json)"))
        if not path:
            return
        try:
            count = self.import_practices(path)
        except (OSError, ValueError) as error:
            QMessageBox.warning(self, tr("Import practices"), str(error))
            return
        self._message(tr("{} practices imported as your own.").format(count), Qgis.MessageLevel.Success)

    def _on_export(self, which: str) -> None:
        path, _ = QFileDialog.getSaveFileName(self, tr("Export practices"), "besecure_practices.json",
                                              tr("JSON files (*.json)"))
        if not path:
            return
        try:
            count = self.export_practices(path, which)
        except (OSError, ValueError) as error:
            QMessageBox.warning(self, tr("Export practices"), str(error))
            return
        self._message(tr("{} practices exported to {}.").format(count, path), Qgis.MessageLevel.Success)


# --------------------------------------------------------------------------- the form
class PracticeDialog(QDialog):
    """Form for a user practice. :meth:`practice` builds the practice; OK accepts only a valid one
    (checked by :func:`knowledge.library.validate_practice`, whose messages are shown)."""

    def __init__(self, lang: str, taxonomies: dict[str, Any], practice: dict[str, Any] | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("besecurePracticeDialog")
        self.lang = lang
        self.taxonomies = taxonomies
        self.taxonomy = Taxonomy(lang, taxonomies)
        self._id = practice.get("id") if practice else None
        self._order: dict[str, list[str]] = {}
        self.setWindowTitle(tr("Edit practice") if practice else tr("New practice"))
        self.resize(560, 680)
        other = "nl" if lang == "en" else "en"
        self.languages = (lang, other)

        outer = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        body = QWidget(scroll)
        form = QFormLayout(body)
        scroll.setWidget(body)
        outer.addWidget(scroll, 1)

        hint = QLabel(tr("Texts in the second language may be left empty: the first language is then used "
                         "for both."), body)
        hint.setWordWrap(True)
        form.addRow(hint)
        self.texts: dict[str, dict[str, QLineEdit | QPlainTextEdit]] = {}
        for key, label, multiline in (("title", N_("Title"), False), ("description", N_("Description"), True)):
            self.texts[key] = self._language_fields(form, tr(label), multiline)
        self.city = QLineEdit(body)
        self.city.setPlaceholderText(tr("empty for a national or regional practice"))
        form.addRow(tr("City"), self.city)
        self.country = QComboBox(body)
        self.country.setEditable(False)
        for code in sorted(library.ISO_3166_ALPHA2):
            self.country.addItem(code, code)
        self.country.setCurrentIndex(self.country.findData("NL"))
        form.addRow(tr("Country"), self.country)
        years = QHBoxLayout()
        self.start_year = self._year_box(tr("unknown"))
        self.end_year = self._year_box(tr("ongoing"))
        years.addWidget(self.start_year)
        years.addWidget(QLabel("–", body))
        years.addWidget(self.end_year)
        years.addStretch(1)
        form.addRow(tr("Years"), years)

        self.checks: dict[str, QListWidget] = {}
        for field in MULTI_FIELDS:
            widget = QListWidget(body)
            widget.setObjectName(f"practiceField_{field}")
            for item_id, text in self.taxonomy.choices(field):
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, item_id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Unchecked)
                widget.addItem(item)
            widget.setMaximumHeight(110 if widget.count() > 5 else 20 * widget.count() + 8)
            self.checks[field] = widget
            form.addRow(tr(FILTERS[field][0]), widget)

        self.evidence_level = QComboBox(body)
        for level_id, text in self.taxonomy.choices("evidence_level"):
            self.evidence_level.addItem(text, level_id)
        form.addRow(tr("Evidence level"), self.evidence_level)
        self.texts["evidence"] = self._language_fields(form, tr("Evidence of effect"), True)

        self.sources = QTableWidget(0, 4, body)
        self.sources.setObjectName("practiceSources")
        self.sources.setHorizontalHeaderLabels([tr("Title"), tr("Web address"), tr("Reference"), tr("Year")])
        self.sources.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.sources.setMinimumHeight(110)
        source_buttons = QHBoxLayout()
        add_source = QToolButton(body)
        add_source.setText("+")
        add_source.setToolTip(tr("Add a source"))
        add_source.clicked.connect(lambda: self.sources.insertRow(self.sources.rowCount()))
        remove_source = QToolButton(body)
        remove_source.setText("−")
        remove_source.setToolTip(tr("Remove the selected source"))
        remove_source.clicked.connect(lambda: self.sources.removeRow(self.sources.currentRow()))
        source_buttons.addWidget(add_source)
        source_buttons.addWidget(remove_source)
        source_buttons.addStretch(1)
        box = QVBoxLayout()
        box.addWidget(self.sources)
        box.addLayout(source_buttons)
        form.addRow(tr("Sources"), box)
        self.tags = QLineEdit(body)
        self.tags.setPlaceholderText(tr("comma-separated, e.g. street-lighting, night-time"))
        form.addRow(tr("Tags"), self.tags)

        self.error_label = QLabel(self)
        self.error_label.setObjectName("practiceErrors")
        self.error_label.setWordWrap(True)
        self.error_label.setStyleSheet("color: #b00020;")
        outer.addWidget(self.error_label)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        outer.addWidget(buttons)
        if practice:
            self.set_practice(practice)
        else:
            self.sources.insertRow(0)

    def _language_fields(self, form: QFormLayout, label: str, multiline: bool) -> dict[str, QWidget]:
        tabs = QTabWidget(form.parentWidget())
        fields = {}
        for code in self.languages:
            widget = QPlainTextEdit(tabs) if multiline else QLineEdit(tabs)
            if multiline:
                widget.setMinimumHeight(70)
            tabs.addTab(widget, tr("English") if code == "en" else tr("Dutch"))
            fields[code] = widget
        if not multiline:
            tabs.setMaximumHeight(tabs.sizeHint().height())
        form.addRow(label, tabs)
        return fields

    def _year_box(self, special: str) -> QSpinBox:
        box = QSpinBox(self)
        box.setRange(UNKNOWN_YEAR, library.YEAR_MAX)
        box.setSpecialValueText(special)
        box.setValue(UNKNOWN_YEAR)
        return box

    # -- practice <-> widgets ---------------------------------------------------------------------
    @staticmethod
    def _text_of(widget) -> str:
        return (widget.toPlainText() if isinstance(widget, QPlainTextEdit) else widget.text()).strip()

    def _localized(self, key: str) -> dict[str, str]:
        first, second = self.languages
        values = {code: self._text_of(w) for code, w in self.texts[key].items()}
        if not values[second]:
            values[second] = values[first]
        if not values[first]:
            values[first] = values[second]
        return {"en": values["en"], "nl": values["nl"]}

    def practice(self) -> dict[str, Any]:
        """The practice the form describes (``origin`` user; the id is kept when editing)."""
        def year(box: QSpinBox):
            return None if box.value() == UNKNOWN_YEAR else box.value()

        sources = []
        for row in range(self.sources.rowCount()):
            cells = [(self.sources.item(row, c).text().strip() if self.sources.item(row, c) else "") for c in range(4)]
            if not any(cells):
                continue
            source: dict[str, Any] = {"title": cells[0]}
            if cells[1]:
                source["url"] = cells[1]
            if cells[2]:
                source["reference"] = cells[2]
            source["year"] = int(cells[3]) if cells[3].isdigit() else (cells[3] or None)
            sources.append(source)
        tags = [t.strip().lower().replace(" ", "-") for t in self.tags.text().split(",") if t.strip()]
        return {
            "id": self._id or library.user_practice_id(self._localized("title")["en"] or "practice"),
            "origin": "user",
            "title": self._localized("title"),
            "city": self.city.text().strip() or None,
            "country": self.country.currentData(),
            "years": {"start": year(self.start_year), "end": year(self.end_year)},
            "problem": self._checked("problem"),
            "core_values": self._checked("core_values"),
            "approach": self._checked("approach"),
            "smart_city": self._checked("smart_city"),
            "description": self._localized("description"),
            "evidence": {"level": self.evidence_level.currentData(), "summary": self._localized("evidence")},
            "sources": sources,
            "tags": list(dict.fromkeys(tags)),
        }

    def _checked(self, field: str) -> list[str]:
        """Checked ids: those of the edited practice in its order (the first problem is the main
        one), then new ones in taxonomy order."""
        widget = self.checks[field]
        checked = [widget.item(i).data(Qt.ItemDataRole.UserRole) for i in range(widget.count())
                   if widget.item(i).checkState() == Qt.CheckState.Checked]
        kept = [i for i in self._order.get(field, []) if i in checked]
        return kept + [i for i in checked if i not in kept]

    def set_practice(self, practice: dict[str, Any]) -> None:
        """Fill the form from a practice."""
        for key, source in (("title", practice.get("title")), ("description", practice.get("description")),
                            ("evidence", (practice.get("evidence") or {}).get("summary"))):
            for code, widget in self.texts[key].items():
                value = (source or {}).get(code, "") if isinstance(source, dict) else ""
                if isinstance(widget, QPlainTextEdit):
                    widget.setPlainText(value)
                else:
                    widget.setText(value)
                    widget.setCursorPosition(0)
        self.city.setText(practice.get("city") or "")
        index = self.country.findData(practice.get("country"))
        if index >= 0:
            self.country.setCurrentIndex(index)
        years = practice.get("years") or {}
        self.start_year.setValue(years.get("start") or UNKNOWN_YEAR)
        self.end_year.setValue(years.get("end") or UNKNOWN_YEAR)
        self._order = {field: list(practice.get(field) or []) for field in MULTI_FIELDS}
        for field, widget in self.checks.items():
            wanted = set(practice.get(field) or [])
            for i in range(widget.count()):
                item = widget.item(i)
                checked = item.data(Qt.ItemDataRole.UserRole) in wanted
                item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        level = self.evidence_level.findData((practice.get("evidence") or {}).get("level"))
        self.evidence_level.setCurrentIndex(max(level, 0))
        self.sources.setRowCount(0)
        for source in practice.get("sources") or []:
            row = self.sources.rowCount()
            self.sources.insertRow(row)
            for col, key in enumerate(("title", "url", "reference", "year")):
                value = source.get(key)
                self.sources.setItem(row, col, QTableWidgetItem("" if value is None else str(value)))
        self.tags.setText(", ".join(practice.get("tags") or []))

    def errors(self) -> list[str]:
        """Problems :func:`knowledge.library.validate_practice` finds in the form's practice."""
        return library.validate_practice(self.practice(), self.taxonomies)

    def accept(self) -> None:
        problems = self.errors()
        if problems:
            self.error_label.setText(tr("Please correct:") + "\n• " + "\n• ".join(problems))
            return
        super().accept()
