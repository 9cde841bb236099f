"""Running the Navigator's algorithms and taking in their results, without widgets.

As QGIS's ``processing/gui/AlgorithmExecutor.py`` and ``Postprocessing.py`` keep runs out of the
dialogs: :meth:`NavigatorRunner.analysis_jobs` and :meth:`NavigatorRunner.effect_job` turn the
dossier into algorithm parameters, :meth:`NavigatorRunner.start` runs the jobs one after the other
(in a ``QgsProcessingAlgRunnerTask``, or in the calling thread when ``background`` is False), adds
each output to the project in the dossier's layer group and links it in the dossier (the analyse
step's runs, the monitor step's effect). Progress and cancelling go through the job's
:class:`QgsProcessingFeedback`; the runner reports through its signals, and the dock shows them.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingUtils,
    QgsProject,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal, pyqtSlot

from ...i18n import N_, tr
from ...knowledge import dossier as ds
from .inputs import area_layer, incident_layers, number

__all__ = ["AGGREGATE", "EFFECT", "HOT_SPOTS", "HOT_TIMES", "WEEKDAYS", "Job", "NavigatorRunner", "hot_times_grid",
           "output_folder", "output_path"]

AGGREGATE = "besecure:aggregateincidents"
HOT_TIMES = "besecure:hottimes"
HOT_SPOTS = "besecure:hotspots"
EFFECT = "besecure:interventioneffect"

WEEKDAYS = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
            N_("Sunday"))


class _Feedback(QgsProcessingFeedback):
    """Keeps the error messages to show when an algorithm fails."""

    def __init__(self) -> None:
        super().__init__()
        self.errors: list[str] = []

    def reportError(self, error, fatalError=False):  # noqa: N802, N803 (QGIS API)
        self.errors.append(error)
        super().reportError(error, fatalError)


@dataclass
class Job:
    """One algorithm to run for the dossier."""

    algorithm: str
    title: str
    parameters: dict[str, Any]
    recorded: dict[str, Any]
    """The parameters as stored in the dossier (JSON values: layer ids instead of layer objects)."""
    finish: Callable[[Job, dict, QgsVectorLayer | None], None]
    keep: list = field(default_factory=list)
    """Objects that must live as long as the job (memory layers passed as parameters)."""


def output_folder(project: QgsProject) -> Path:
    """Where results are written: next to a saved project (so they outlive the session), else the
    Processing temporary folder."""
    if project.fileName():
        base = Path(project.fileName())
        folder = base.with_name(base.stem + "_besecure")
    else:
        folder = Path(QgsProcessingUtils.tempFolder())
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def output_path(project: QgsProject, name: str) -> str:
    """A new GeoPackage path ``<name>_<timestamp>.gpkg`` in :func:`output_folder`."""
    stamp = dt.datetime.now().strftime("%Y%m%d_%H%M%S")
    folder = output_folder(project)
    path, n = folder / f"{name}_{stamp}.gpkg", 1
    while path.exists():
        n += 1
        path = folder / f"{name}_{stamp}_{n}.gpkg"
    return str(path)


def hot_times_grid(layer: QgsVectorLayer) -> np.ndarray:
    """The 7 x 24 weights of a hot-times table (summed over zones)."""
    grid = np.zeros((7, 24))
    for feature in layer.getFeatures():
        grid[int(feature["weekday"]), int(feature["hour"])] += float(feature["weight"] or 0.0)
    return grid


class NavigatorRunner(QObject):
    """Runs the dossier's algorithms one after the other and links their results in the dossier.

    ``dossier`` gives the dossier the results go to (the dock's current one).
    """

    message = pyqtSignal(str, bool)  # text, is an error
    progress = pyqtSignal(int)  # percent of the running algorithm
    linked = pyqtSignal()  # a result was linked in the dossier's analyse step
    finished = pyqtSignal(str, bool)  # group ("analyse"/"monitor"), success

    def __init__(self, project: QgsProject, dossier: Callable[[], ds.Dossier], *, background: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.background = background
        self._dossier = dossier
        self._jobs: list[Job] = []
        self._running: tuple | None = None
        self.group = ""

    @property
    def busy(self) -> bool:
        """True while algorithms of the dossier are running."""
        return self._running is not None or bool(self._jobs)

    # -- the jobs ----------------------------------------------------------------------------
    def analysis_jobs(self, dossier: ds.Dossier) -> list[Job]:
        """Counts per cell and (with a time field) hot times for the dossier's area and incidents;
        hot spots follow the counts (:meth:`_finish_aggregate`). Raises ValueError for a missing input."""
        area = area_layer(self.project, dossier.scope.area)
        inputs = dossier.analyse.inputs
        layer, incidents = incident_layers(self.project, inputs, use_period=True)
        keep = [area, incidents]
        common = {"INPUT": layer.id(), "categories": list(inputs.categories),
                  "period": [inputs.period.start, inputs.period.end] if inputs.period else None}
        area_id = {"layer_id": dossier.scope.area.layer_id, "feature_id": dossier.scope.area.feature_id}
        jobs = [Job(AGGREGATE, tr("Incidents per cell"),
                    {"INPUT": incidents, "AGGREGATION": 0, "CELL_SIZE": inputs.cell_size, "STUDY_AREA": area,
                     "CATEGORY_FIELD": inputs.category_field or None, "KEEP_EMPTY": True,
                     "OUTPUT": output_path(self.project, "incidents_per_cell")},
                    {**common, "AGGREGATION": 0, "CELL_SIZE": inputs.cell_size, "STUDY_AREA": area_id,
                     "CATEGORY_FIELD": inputs.category_field or None, "KEEP_EMPTY": True},
                    self._finish_aggregate, keep)]
        if inputs.time_field:
            jobs.append(Job(HOT_TIMES, tr("Hot times"),
                            {"INPUT": incidents, "START_FIELD": inputs.time_field, "ZONES": area,
                             "OUTPUT": output_path(self.project, "hot_times")},
                            {**common, "START_FIELD": inputs.time_field, "ZONES": area_id},
                            self._finish_hot_times, keep))
        return jobs

    def _hot_spots_job(self, cells: str, recorded_cells: dict[str, Any]) -> Job | None:
        """Gi* hot spots on the counts per cell just written (None when the algorithm is not installed)."""
        if QgsApplication.processingRegistry().algorithmById(HOT_SPOTS) is None:
            return None
        params = {"INPUT": cells, "VALUE_FIELD": "count", "NEIGHBOURS": 0, "STAR": True, "PERMUTATIONS": 999,
                  "SEED": 1, "FDR": True}
        return Job(HOT_SPOTS, tr("Hot spots"), {**params, "OUTPUT": output_path(self.project, "hot_spots")},
                   {**params, "INPUT": recorded_cells}, self._finish_hot_spots)

    def effect_job(self, dossier: ds.Dossier) -> Job:
        """``besecure:interventioneffect`` for the monitor step. Raises ValueError for a missing input."""
        m = dossier.monitor
        if not (m.baseline.start and m.baseline.end and m.after.start and m.after.end):
            raise ValueError(tr("Give the before and after periods (YYYY-MM-DD) in step 5."))
        if not dossier.analyse.inputs.time_field:
            raise ValueError(tr("Choose the date/time field of the incidents in step 2."))
        areas = {}
        for key in ("target", "buffer", "control"):
            ref = getattr(m, key)
            layer = self.project.mapLayer(ref.layer_id) if ref.layer_id else None
            if layer is None:
                raise ValueError(tr("Choose the target, buffer and control area layers in step 5."))
            areas[key.upper()] = layer
        inputs = dossier.analyse.inputs
        layer, incidents = incident_layers(self.project, inputs, use_period=False)
        periods = {"BEFORE_START": m.baseline.start, "BEFORE_END": m.baseline.end,
                   "AFTER_START": m.after.start, "AFTER_END": m.after.end}
        return Job(EFFECT, tr("Intervention effect"),
                   {"INPUT": incidents, "TIME_FIELD": inputs.time_field, **areas, **periods,
                    "OUTPUT": output_path(self.project, "intervention_effect")},
                   {"INPUT": layer.id(), "categories": list(inputs.categories), "TIME_FIELD": inputs.time_field,
                    **{k: v.id() for k, v in areas.items()}, **periods},
                   self._finish_effect, [incidents])

    # -- running -----------------------------------------------------------------------------
    def start(self, group: str, jobs: list[Job]) -> None:
        """Run ``jobs`` in order; :attr:`finished` (group, ok) is emitted at the end."""
        self.group = group
        self._jobs = list(jobs)
        self._next_job()

    def cancel(self) -> None:
        """Stop the running algorithm and drop the ones waiting."""
        self._jobs = []
        if self._running is not None:
            self._running[2].cancel()

    def _next_job(self) -> None:
        if not self._jobs:
            self.finished.emit(self.group, True)
            return
        job = self._jobs.pop(0)
        algorithm = QgsApplication.processingRegistry().createAlgorithmById(job.algorithm)
        if algorithm is None:
            self._jobs = []  # the jobs behind it need its results: the run ends here, not busy any more
            self.message.emit(tr("The algorithm {} is not available.").format(job.algorithm), True)
            self.finished.emit(self.group, False)
            return
        context = QgsProcessingContext()
        context.setProject(self.project)
        feedback = _Feedback()
        feedback.progressChanged.connect(self._progress)
        self.message.emit(tr("Running: {}…").format(job.title), False)
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
        self.progress.emit(int(value))

    def _executed(self, ok: bool, results: dict) -> None:
        if self._running is None:
            return
        job, _context, feedback, _task = self._running
        self._running = None
        if not ok or feedback.isCanceled():
            reason = tr("cancelled") if feedback.isCanceled() else (feedback.errors[-1] if feedback.errors else "")
            self.message.emit(tr("{} failed: {}").format(job.title, reason), True)
            self._jobs = []
            self.finished.emit(self.group, False)
            return
        output = results.get("OUTPUT")
        layer = self._add_result(job, output) if isinstance(output, str) else None
        try:
            job.finish(job, results, layer)
        except (ValueError, KeyError, TypeError) as exc:  # an unexpected output layout
            self.message.emit(tr("{} finished, but its result could not be read: {}").format(job.title, exc), True)
        self._next_job()

    # -- the results -------------------------------------------------------------------------
    def _add_result(self, job: Job, output: str) -> QgsVectorLayer | None:
        """Load an output file into the project, in the dossier's layer group."""
        area = self._dossier().scope.area.name
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

    def _link(self, job: Job, results: dict, layer: QgsVectorLayer | None, summary: str) -> None:
        self._dossier().analyse.runs.append(ds.AnalysisRun(
            algorithm=job.algorithm, title=job.title, parameters=job.recorded,
            outputs={k: v for k, v in results.items() if isinstance(v, str)},
            layer_ids=[layer.id()] if layer is not None else [], created=ds.now_iso(), summary=summary))
        self.linked.emit()

    def _finish_aggregate(self, job: Job, results: dict, layer: QgsVectorLayer | None) -> None:
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

    def _finish_hot_spots(self, job: Job, results: dict, layer: QgsVectorLayer | None) -> None:
        summary = ""
        if layer is not None:
            bins = [f["gi_bin"] for f in layer.getFeatures()]
            summary = tr("{} cells are hot spots and {} are cold spots (90 % confidence or more, Gi*).").format(
                sum(1 for b in bins if b and b > 0), sum(1 for b in bins if b and b < 0))
        self._link(job, results, layer, summary)

    def _finish_hot_times(self, job: Job, results: dict, layer: QgsVectorLayer | None) -> None:
        summary = ""
        if layer is not None:
            grid = hot_times_grid(layer)
            weekday, hour = np.unravel_index(int(np.argmax(grid)), grid.shape)
            summary = tr("Busiest hour: {} {}:00 ({} incidents over the period).").format(
                tr(WEEKDAYS[weekday]), f"{hour:02d}", f"{grid[weekday, hour]:.1f}")
        self._link(job, results, layer, summary)

    def _finish_effect(self, job: Job, results: dict, layer: QgsVectorLayer | None) -> None:
        if layer is None:
            raise ValueError(tr("the output table could not be opened"))
        feature = next(layer.getFeatures())
        names = layer.fields().names()
        values = {name: feature[name] for name in names}
        self._dossier().monitor.effect = ds.EffectResult(
            algorithm=job.algorithm, parameters=job.recorded,
            counts={k: number(values.get(k)) or 0.0 for k in ds.EFFECT_COUNT_KEYS},
            **{k: number(values.get(k)) for k in ds.EFFECT_MEASURES},
            interpretation=str(values.get("interpretation") or ""), output=results.get("OUTPUT", ""),
            layer_ids=[layer.id()], created=ds.now_iso())
