"""The Policy Navigator dock: the shell around the five step pages.

The shell holds the dossier (:class:`besecure.knowledge.dossier.Dossier`), the step buttons with
their completeness marks, the stack of pages (one :class:`StepPanel` per step, in its own file),
the status line and progress bar, and the footer with the report menu. It stores the dossier in
the project (:mod:`.storage`) whenever it changes and is valid, and reads it back when a project is
read. Algorithms run through :class:`NavigatorRunner` (:mod:`.runner`), the report is built by
:mod:`.report`.
"""
from __future__ import annotations

import html
from pathlib import Path

from qgis.core import QgsProject
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import (
    QButtonGroup,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMenu,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from ...i18n import N_, tr
from ...knowledge import dossier as ds
from ..dock_base import BesecureDock
from .analyse_panel import AnalysePanel
from .base_panel import StepPanel
from .catalog import Catalog
from .monitor_panel import MonitorPanel
from .options_panel import OptionsPanel
from .plan_panel import PlanPanel
from .report import Report, build_report
from .runner import Job, NavigatorRunner
from .scope_panel import ScopePanel
from .storage import read_dossier, write_dossier

__all__ = ["NavigatorDock"]

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


class NavigatorDock(BesecureDock):
    """The Policy Navigator; see the module docstring."""

    KEY = "navigator"
    TITLE = N_("Policy Navigator")
    ICON = "navigator.svg"

    jobFinished = pyqtSignal(str, bool)  # noqa: N815 (Qt naming): algorithm group ("analyse"/"monitor"), success

    def __init__(self, iface, parent: QWidget | None = None, *, background: bool = True) -> None:
        self.catalog = Catalog()
        self.lang = self.catalog.lang
        self.project = QgsProject.instance()
        self._dossier = ds.new_dossier()
        self.loading = True  # no model updates while the widgets are built
        super().__init__(iface, parent)
        self.runner = NavigatorRunner(self.project, lambda: self._dossier, background=background, parent=self)
        self.runner.message.connect(self.show_status)
        self.runner.progress.connect(self.progress.setValue)
        self.runner.linked.connect(lambda: self.analyse_panel.fill_runs(self._dossier))
        self.runner.finished.connect(self._done)
        self.loading = False
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
        ds.sync_checklist(dossier.plan, self.catalog.checklist)
        self._dossier = dossier
        self.populate()
        if store:
            self.store()

    def new_dossier(self) -> None:
        self.set_dossier(ds.new_dossier(self.catalog.checklist))
        self.show_step(0)

    def store(self) -> bool:
        """Write the dossier to the project when it is valid; otherwise say what to fix."""
        errors = self._errors()
        if errors:
            self.show_status(tr("Not saved in the project yet: {}").format(errors[0]), error=True)
            return False
        write_dossier(self.project, self._dossier)
        return True

    def _load_from_project(self) -> None:
        try:
            stored = read_dossier(self.project)
        except ValueError as exc:
            self.show_status(tr("The dossier in this project cannot be read: {}").format(exc), error=True)
            stored = None
        self.set_dossier(stored or ds.new_dossier(self.catalog.checklist), store=False)

    def _project_read(self, *_args) -> None:
        self.cancel()
        self._load_from_project()

    def _project_cleared(self) -> None:
        self.cancel()
        self.set_dossier(ds.new_dossier(self.catalog.checklist), store=False)

    def changed(self, *_args) -> None:
        """A widget changed: copy the form into the model and store it."""
        if self.loading:
            return
        self.collect()
        self._dossier.modified = ds.now_iso()
        if self.store():
            self.show_status("")
        self.update_marks()

    def populate(self) -> None:
        """Show the model in the pages."""
        self.loading = True
        try:
            for panel in self.panels.values():
                panel.populate(self._dossier)
        finally:
            self.loading = False
        self.update_marks()

    def collect(self) -> None:
        """Copy the pages into the model (runs, effect, choices and plan items are kept as they are).

        A reference to a layer that is missing from the project is kept, so that editing a dossier
        whose data could not be loaded does not lose where its data was.
        """
        for panel in self.panels.values():
            panel.collect(self._dossier)

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
        self.scope_panel = ScopePanel(self)
        self.analyse_panel = AnalysePanel(self)
        self.options_panel = OptionsPanel(self)
        self.plan_panel = PlanPanel(self)
        self.monitor_panel = MonitorPanel(self)
        self.panels: dict[str, StepPanel] = {p.STEP: p for p in (self.scope_panel, self.analyse_panel,
                                                                 self.options_panel, self.plan_panel,
                                                                 self.monitor_panel)}
        for step in ds.STEPS:
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setWidget(self.panels[step])
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

    def guide_text(self, step: str) -> str:
        """The Guide's text shown on the page of ``step`` (plain text)."""
        return self.panels[step].guide_text()

    def show_step(self, index: int) -> None:
        index = max(0, min(len(ds.STEPS) - 1, index))
        self.pages.setCurrentIndex(index)
        self.step_buttons.button(index).setChecked(True)
        self.back_button.setEnabled(index > 0)
        self.next_button.setEnabled(index < len(ds.STEPS) - 1)
        if ds.STEPS[index] == "options":
            self.catalog.reload_practices()  # the user may have added practices in the Library meanwhile
            self.options_panel.refresh()

    def current_step(self) -> int:
        return self.pages.currentIndex()

    def screenshot(self, path, size: tuple[int, int] = (420, 720), step: int | None = None) -> Path:
        """Render the dock to a PNG file (``make screenshots``), on ``step`` when given."""
        if step is not None:
            self.show_step(step)
        return super().screenshot(path, size)

    def show_status(self, text: str, error: bool = False) -> None:
        """Say ``text`` in the status line (in red for an ``error``)."""
        self.status.setStyleSheet("color: #b00020;" if error else "")
        self.status.setText(text)

    def update_marks(self) -> None:
        """The steps' completeness marks, the header and which run buttons can be used."""
        todo = ds.completeness(self._dossier)
        for i, step in enumerate(ds.STEPS):
            button = self.step_buttons.button(i)
            title = self.panels[step].title()
            # Two lines keep five steps side by side in a narrow dock.
            button.setText(f"{i + 1}{' ✓' if not todo[step] else ''}\n{title}")
            button.setToolTip(tr("Complete") if not todo[step] else
                              tr("To do: {}").format("; ".join(self._todo_text(code) for code in todo[step])))
        scope = self._dossier.scope
        problems = self.catalog.problem_labels()
        title = scope.title or tr("New dossier")
        parts = [scope.area.name, ", ".join(problems[p] for p in scope.problem if p in problems)]
        self.header.setText(f"<b>{html.escape(title)}</b><br/><small>{html.escape(' · '.join(p for p in parts if p))}"
                            "</small>")
        self.monitor_panel.set_running(self.busy)
        self.analyse_panel.run_button.setEnabled(not self.busy)

    def _todo_text(self, code: str) -> str:
        if code == "checklist":
            return tr("{} checklist items are open or in progress").format(
                len(ds.open_checklist_items(self._dossier)))
        return tr(TODO_TEXTS[code])

    # -- running algorithms ------------------------------------------------------------------
    @property
    def busy(self) -> bool:
        """True while algorithms of the dossier are running."""
        return self.runner.busy

    def run_analysis(self) -> bool:
        """Run the analyse step's algorithms for the dossier's area and incidents.

        Returns False (with the reason in the status line) when an input is missing; otherwise the
        results are added to the project and linked in the dossier as each algorithm finishes, and
        :attr:`jobFinished` ("analyse", ok) is emitted at the end.
        """
        if self.busy or not self._ready():
            return False
        try:
            jobs = self.runner.analysis_jobs(self._dossier)
        except ValueError as exc:
            self.show_status(str(exc), error=True)
            return False
        self._dossier.analyse.runs = []
        self.analyse_panel.fill_runs(self._dossier)
        self._start("analyse", jobs)
        return True

    def run_effect(self) -> bool:
        """Run ``besecure:interventioneffect`` for the monitor step (see :meth:`run_analysis`)."""
        if self.busy or not self._ready():
            return False
        try:
            jobs = [self.runner.effect_job(self._dossier)]
        except ValueError as exc:
            self.show_status(str(exc), error=True)
            return False
        self._start("monitor", jobs)
        return True

    def _ready(self) -> bool:
        """Take the form into the model; False (with the first problem shown) when it is not a valid dossier."""
        self.collect()
        errors = self._errors()
        if errors:
            self.show_status(errors[0], error=True)
        return not errors

    def _errors(self) -> list[str]:
        """What makes the dossier invalid (:func:`besecure.knowledge.dossier.validate_dossier`); empty when valid."""
        return ds.validate_dossier(ds.to_dict(self._dossier), taxonomies=self.catalog.taxonomies,
                                   checklist=self.catalog.checklist)

    def cancel(self) -> None:
        """Stop the running algorithm and drop the ones waiting."""
        self.runner.cancel()

    def _start(self, group: str, jobs: list[Job]) -> None:
        self.analyse_panel.set_running(True)
        self.monitor_panel.set_running(True)
        self.progress.setVisible(True)
        self.runner.start(group, jobs)

    def _done(self, group: str, ok: bool) -> None:
        self.progress.setVisible(False)
        self.analyse_panel.cancel_button.setEnabled(False)
        if ok:
            self._dossier.modified = ds.now_iso()
            if self.store():
                self.show_status(tr("Done; the results are linked in the dossier."))
        self.analyse_panel.fill_runs(self._dossier)
        self.monitor_panel.show_effect(self._dossier)
        self.update_marks()
        self.jobFinished.emit(group, ok)

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
            self.show_status(str(exc), error=True)
            return
        self.show_status(tr("Report written to {}").format(written))

    def export_html(self, path) -> Path:
        """Write the dossier report as one self-contained HTML file."""
        return self.build_report().write_html(path)

    def export_pdf(self, path) -> Path:
        """Write the dossier report as a PDF (offline, through QPrinter)."""
        return self.build_report().write_pdf(path)

    def build_report(self) -> Report:
        """The dossier as a :class:`Report` (:func:`.report.build_report`), with the form taken in first."""
        self.collect()
        return build_report(self._dossier, self.catalog, self.project)

    def cleanup(self) -> None:
        self.cancel()
        super().cleanup()
