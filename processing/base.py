"""The small base every BESECURE algorithm derives from: naming, help, errors, styled outputs."""
from __future__ import annotations

import contextlib
import functools
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingOutputLayerDefinition,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterCrs,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
)
from qgis.PyQt.QtGui import QIcon

from ..analysis.errors import Cancelled, InputError
from ..analysis.optional import MissingDependency, OptionalPackage
from ..compat import FLAG_OPTIONAL, NUMBER_DOUBLE, NUMBER_INTEGER, set_advanced
from ..i18n import N_, tr
from ..layers import crs as crs_mod
from ..layers.fields import preselect_time_field
from ..layers.naming import Selection, output_name
from ..layers.write import finish_geopackage, provenance, register_styled_output

ICON = Path(__file__).resolve().parents[1] / "icons" / "besecure.svg"
OUTPUT_CRS = "OUTPUT_CRS"
OUTPUT_CRS_HELP = N_("Optional CRS of the output layers (advanced). Default: the input layer's CRS when it is "
                     "projected (a layer in EPSG:3435 gives EPSG:3435, in feet), else the metric working CRS (the "
                     "UTM zone for a layer in degrees). Distances and areas in the output's fields stay in metres. "
                     "Rasters stay in the metric working CRS: reprojecting them would resample the cells.")

# Field parameters that hold the incident's date/time, whichever algorithm or shared helper declares them. Only
# required ones get a preselection: an optional time field only serves a period filter, and choosing it filters
# (incidents without a date are left out), so it stays empty until the user picks it.
TIME_FIELD_PARAMETERS = ("TIME_FIELD", "START_FIELD")

GROUPS = {
    "crimemaps": "Crime maps",
    "riskmaps": "Risk surfaces and hot spots",
    "prediction": "Prediction and evaluation",
    "sbd": "Security by design",
    "data": "Data",
}


@dataclass
class Help:
    """The parts of an algorithm's help, rendered to HTML for the Processing dialog."""

    summary: str
    parameters: dict[str, str] = field(default_factory=dict)
    outputs: dict[str, str] = field(default_factory=dict)
    method: str = ""
    reading: str = ""

    def by_name(self) -> dict[str, str]:
        """The (untranslated) help of each parameter and output by name; a key naming several
        ("CATEGORY_FIELD / TIME_FIELD", "ZONE, NETWORK") gives each of them its text."""
        texts = {}
        for key, text in (*self.parameters.items(), *self.outputs.items()):
            for name in re.split(r"[/,]", key):
                texts.setdefault(name.strip(), text)  # a parameter's own text before its output's
        return texts

    def html(self) -> str:
        parts = [f"<p>{tr(self.summary)}</p>"]
        if self.parameters:
            parts.append(f"<h3>{tr('Parameters')}</h3><dl>")
            parts += [f"<dt><b>{k}</b></dt><dd>{tr(v)}</dd>" for k, v in self.parameters.items()]
            parts.append("</dl>")
        if self.outputs:
            parts.append(f"<h3>{tr('Outputs')}</h3><dl>")
            parts += [f"<dt><b>{k}</b></dt><dd>{tr(v)}</dd>" for k, v in self.outputs.items()]
            parts.append("</dl>")
        if self.method:
            parts.append(f"<h3>{tr('Method')}</h3><p>{tr(self.method)}</p>")
        if self.reading:
            parts.append(f"<h3>{tr('How to read the result')}</h3><p>{tr(self.reading)}</p>")
        return "\n".join(parts)


class BesecureAlgorithm(QgsProcessingAlgorithm):
    """Subclasses set ``ALGORITHM_ID``, ``DISPLAY_NAME``, ``GROUP_ID``, ``TAGS``, ``HELP`` and implement
    ``initAlgorithm`` and ``compute``. ``compute`` raises InputError for input the user can fix; it is
    shown, translated, as a Processing error. Any other exception is a defect and shows as one."""

    ALGORITHM_ID = ""
    DISPLAY_NAME = ""
    GROUP_ID = "crimemaps"
    # Words an analyst would type in the toolbox search, comma-separated in one translatable string
    # (as QGIS's own algorithms do): the method's names, what it makes, its everyday synonyms.
    TAGS = ""
    HELP: Help = Help("")

    def __init_subclass__(cls, **kwargs) -> None:
        # OUTPUT_CRS is declared once, here, after each algorithm's own parameters (advanced); then every
        # parameter gets its tooltip from the Help record.
        super().__init_subclass__(**kwargs)
        init = cls.__dict__.get("initAlgorithm")
        if init is not None:
            @functools.wraps(init)
            def init_with_output_crs(self, config=None):
                init(self, config)
                self._add_output_crs()
                self._set_parameter_help()

            cls.initAlgorithm = init_with_output_crs

    def __init__(self) -> None:
        super().__init__()
        self._styled_outputs: list[tuple[str, dict | None, dict]] = []
        self._new_outputs: list[str] = []
        self.selection: Selection | None = None  # set by incidents.read_incidents

    def name(self) -> str:
        return self.ALGORITHM_ID

    def displayName(self) -> str:  # noqa: N802 (QGIS API)
        return tr(self.DISPLAY_NAME)

    def group(self) -> str:
        return tr(GROUPS[self.GROUP_ID])

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def tags(self) -> list[str]:
        """The translated tags, the English ones too (analysts search for 'hotspot' or 'KDE' whatever
        their QGIS language), and the group."""
        words = [*tr(self.TAGS).split(","), *self.TAGS.split(","), self.group()]
        return list(dict.fromkeys(w.strip() for w in words if w.strip()))

    def shortHelpString(self) -> str:  # noqa: N802
        html = self.HELP.html()
        if self.parameterDefinition(OUTPUT_CRS) is not None:
            html += f"\n<p><b>{OUTPUT_CRS}</b>: {tr(OUTPUT_CRS_HELP)}</p>"
        return html

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def createInstance(self):  # noqa: N802
        return type(self)()

    def tr(self, text: str) -> str:
        return tr(text)

    # -- parameter helpers -------------------------------------------------------------------
    def addParameter(self, parameter, createOutput=True):  # noqa: N802, N803 (QGIS API)
        """QGIS's addParameter; required date/time field parameters preselect the usual time field in the dialog."""
        if (isinstance(parameter, QgsProcessingParameterField) and parameter.name() in TIME_FIELD_PARAMETERS
                and not parameter.flags() & FLAG_OPTIONAL):
            preselect_time_field(parameter)
        return super().addParameter(parameter, createOutput)

    def add_number(self, name, label, default=None, minimum=None, maximum=None, *, integer=False,
                   optional=False, advanced=False):
        param = QgsProcessingParameterNumber(name, tr(label), NUMBER_INTEGER if integer else NUMBER_DOUBLE,
                                             default, optional)
        if minimum is not None:
            param.setMinimum(minimum)
        if maximum is not None:
            param.setMaximum(maximum)
        self.addParameter(set_advanced(param) if advanced else param)
        return param

    def add_bool(self, name, label, default, *, advanced=False):
        param = QgsProcessingParameterBoolean(name, tr(label), default)
        self.addParameter(set_advanced(param) if advanced else param)
        return param

    def _add_output_crs(self) -> None:
        """OUTPUT_CRS on every algorithm that writes layers with geometry (sinks, rasters)."""
        kinds = (QgsProcessingParameterFeatureSink, QgsProcessingParameterRasterDestination)
        if self.parameterDefinition(OUTPUT_CRS) is None and any(
                isinstance(p, kinds) for p in self.parameterDefinitions()):
            param = QgsProcessingParameterCrs(OUTPUT_CRS, tr("Output CRS (default: the input's, if projected)"),
                                              optional=True)
            param.setHelp(tr(OUTPUT_CRS_HELP))
            self.addParameter(set_advanced(param))

    def parameter_help(self) -> dict[str, str]:
        """Untranslated help text by parameter name (the Help record's); algorithms that declare
        parameters in families (e.g. a second variant's layers) extend it."""
        return self.HELP.by_name()

    def _set_parameter_help(self) -> None:
        """The dialog's tooltip and the Model Designer's help for every parameter: its Help text,
        unless the code that declared it gave one (shared helpers such as the rule-set parameter)."""
        texts = self.parameter_help()
        for definition in self.parameterDefinitions():
            text = texts.get(definition.name())
            if text and not definition.help():
                definition.setHelp(tr(text))

    # -- output CRS ----------------------------------------------------------------------------
    def output_crs(self, parameters, context, working):
        """The CRS vector outputs are written in (see :func:`layers.crs.output_crs`)."""
        chosen = (self.parameterAsCrs(parameters, OUTPUT_CRS, context)
                  if self.parameterDefinition(OUTPUT_CRS) is not None else None)
        if chosen is not None and chosen.isValid():
            return chosen
        return crs_mod.output_crs(None, self._input_crs(parameters, context), working)

    def _input_crs(self, parameters, context):
        """The CRS of the first feature-source parameter given (INPUT for most), or of a CSV's x/y columns."""
        for definition in self.parameterDefinitions():
            name = definition.name()
            if not isinstance(definition, QgsProcessingParameterFeatureSource) or parameters.get(name) in (None, ""):
                continue
            source = self.parameterAsSource(parameters, name, context)
            if source is None:
                return None
            if source.sourceCrs().isValid():
                return source.sourceCrs()
            if self.parameterDefinition("CSV_CRS") is not None:  # a CSV opened without geometry
                return self.parameterAsCrs(parameters, "CSV_CRS", context)
            return None
        return None

    def raster_crs_note(self, parameters, context, working, feedback) -> None:
        """Say that a raster stays in the working CRS when vector outputs would have gone elsewhere."""
        target = self.output_crs(parameters, context, working)
        if target != working:
            feedback.pushInfo(tr("The raster is written in the metric working CRS {} (its cells are built there; "
                                 "reprojecting to {} would resample them).").format(crs_mod.describe(working),
                                                                                     target.authid()))

    # -- checking ----------------------------------------------------------------------------
    def checkParameterValues(self, parameters, context):  # noqa: N802
        """QGIS's check, with the allowed range or choices named where it only says "Incorrect parameter value"."""
        unreadable = self._unreadable_layer_file(parameters, context)
        if unreadable:
            return False, unreadable
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            return ok, message
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if value is None or definition.checkValueIsAcceptable(value, context):
                continue
            if isinstance(definition, QgsProcessingParameterNumber):
                return False, number_range_message(definition, value)
            if isinstance(definition, QgsProcessingParameterEnum):
                choices = ", ".join(f"{i} {option}" for i, option in enumerate(definition.options()))
                return False, tr("{} ({}) must be one of {}; it is {}.").format(
                    definition.description(), definition.name(), choices, value)
        return ok, message

    def _unreadable_layer_file(self, parameters, context) -> str:
        """A message for a layer parameter given as an existing file QGIS cannot open (QGIS itself says
        "not found" of a .gpkg that is not a GeoPackage); '' when every such file opens."""
        for definition in self.parameterDefinitions():
            if not isinstance(definition, (QgsProcessingParameterFeatureSource, QgsProcessingParameterVectorLayer,
                                           QgsProcessingParameterRasterLayer)):
                continue
            value = parameters.get(definition.name())
            if not isinstance(value, str) or not os.path.isfile(value.split("|")[0]):
                continue
            # Loaded into the context's store, so the run reuses it rather than opening the file again.
            if QgsProcessingUtils.mapLayerFromString(value, context) is None:
                return tr("The file '{}' given for {} cannot be opened as a layer; check that it is a GeoPackage, "
                          "shapefile, CSV or another format QGIS reads (a file renamed to .gpkg is not a "
                          "GeoPackage).").format(value.split("|")[0], definition.name())
        return ""

    # -- running -----------------------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        self._styled_outputs = []
        self._new_outputs = []
        self.selection = None
        succeeded = False
        try:
            self._new_outputs = self._check_destinations(parameters, context)
            results = self.compute(parameters, context, feedback)
            succeeded = True
            return results
        except MissingDependency as exc:
            raise QgsProcessingException(missing_package_message(self.displayName(), exc.package)) from None
        except InputError as exc:
            raise QgsProcessingException(input_message(exc)) from None
        except Cancelled:
            raise QgsProcessingException(tr("Cancelled by the user; no output was written.")) from None
        finally:
            if not succeeded:  # all or nothing: a cube without its layer, a report without its PDF go too
                _remove(self._new_outputs)

    def will_create(self, path: str) -> None:
        """Note an output file or folder the run makes beyond its destination parameters (removed on failure)."""
        key = os.path.abspath(path)
        if not os.path.exists(key) and key not in self._new_outputs:
            self._new_outputs.append(key)

    def _check_destinations(self, parameters, context) -> list[str]:
        """Refuse, before any work, outputs that cannot be written: a missing or read-only folder, two
        outputs in one file. Returns the outputs that do not exist yet, to remove if the run fails."""
        new: list[str] = []
        seen: dict[str, str] = {}
        for definition in self.destinationParameterDefinitions():
            path = _file_destination(parameters.get(definition.name()), context)
            if path is None:
                continue
            label = f"{definition.description()} ({definition.name()})"
            key = os.path.abspath(path)
            if os.path.normcase(key) in seen:
                raise InputError("The outputs {} and {} are the same file '{}'; give each its own file name.",
                                 seen[os.path.normcase(key)], label, path)
            seen[os.path.normcase(key)] = label
            folder = os.path.dirname(key)
            if os.path.isfile(folder):
                raise InputError("'{}', the folder of the output {}, is a file; choose a folder.", folder, label)
            if not os.path.isdir(folder):
                raise InputError("The folder '{}' of the output {} does not exist; create it or choose another "
                                 "folder.", folder, label)
            if os.path.isdir(key) and not isinstance(definition, QgsProcessingParameterFolderDestination):
                raise InputError("The output {} '{}' is a folder; give a file name.", label, path)
            if not _writable(folder):
                raise InputError("The folder '{}' of the output {} cannot be written to; choose a folder where you "
                                 "may save files.", folder, label)
            if not os.path.exists(key):
                new.append(key)
        return new

    def compute(self, parameters, context, feedback) -> dict:
        """The algorithm's work (``run`` is QGIS's own method, so the hook has another name)."""
        raise NotImplementedError

    def output_written(self, parameters, context, dest_id: str, style: dict | None, display_name: str,
                       unit: str = "", period: str = "") -> None:
        """Record a finished output: styled on loading and, for GeoPackages, styled in the file.

        The layer is named by :func:`layers.naming.output_name` from ``display_name`` (an English source
        string, translated here), the incidents selected, the spatial ``unit`` and the ``period``; the
        selection also goes into the provenance record.
        """
        name = output_name(tr(display_name), self.selection, unit, period)
        register_styled_output(context, dest_id, style, name)
        self._styled_outputs.append((dest_id, style, self.provenance_record(parameters, context, name)))

    def provenance_record(self, parameters, context, name: str = "") -> dict:
        """The provenance record of an output: how it was made, its name and the incidents selected."""
        record = provenance(self, parameters, context)
        if name:
            record["name"] = name
        if self.selection is not None:
            record["selection"] = self.selection.record()
        return record

    def postProcessAlgorithm(self, context, feedback):  # noqa: N802
        for dest_id, style, record in self._styled_outputs:
            finish_geopackage(dest_id, style, record)
        return {}


def missing_package_message(feature: str, package: OptionalPackage) -> str:
    """What to install for ``feature`` (e.g. an algorithm's name) to work, in the user's language."""
    return tr("{} needs the Python package {}, which is not installed. On Debian or Ubuntu: sudo apt install {}; "
              "elsewhere: pip install {}.").format(feature, package.pip, package.debian, package.pip)


def input_message(exc: InputError) -> str:
    """The user's message of ``exc`` in the plugin's language (its template translated, then filled)."""
    return tr(exc.template).format(*exc.values) if exc.values else tr(exc.template)


def number_range_message(definition: QgsProcessingParameterNumber, value) -> str:
    """'Path width (m) (PATH_WIDTH) must be between 0.01 and 1000; it is 1000000.' for a number out of range."""
    low, high = definition.minimum(), definition.maximum()
    label = f"{definition.description()} ({definition.name()})"
    # QGIS stores "no limit" as the extremes of a double.
    has_low, has_high = low > -1e300, high < 1e300
    if has_low and has_high:
        return tr("{} must be between {:g} and {:g}; it is {}.").format(label, low, high, value)
    if has_low:
        return tr("{} must be at least {:g}; it is {}.").format(label, low, value)
    if has_high:
        return tr("{} must be at most {:g}; it is {}.").format(label, high, value)
    return tr("{} must be a number; it is '{}'.").format(label, value)


def _file_destination(value, context) -> str | None:
    """The file (or folder) path of a destination parameter's value; None for memory, temporary and
    database outputs (QGIS makes those)."""
    if isinstance(value, QgsProcessingOutputLayerDefinition):
        value = value.sink.valueAsString(context.expressionContext(), "")[0]
    if not isinstance(value, str) or not value.strip() or value == "TEMPORARY_OUTPUT":
        return None
    path = value.split("|")[0]
    if re.match(r"^[A-Za-z][\w+]+:", path):  # memory:, ogr:, postgres: ... (not a Windows drive letter)
        return None
    return path


def _writable(folder: str) -> bool:
    """Whether a file can be made in ``folder`` (tried: permissions alone mislead on read-only mounts)."""
    try:
        with tempfile.TemporaryFile(dir=folder):
            return True
    except OSError:
        return False


def _remove(paths: list[str]) -> None:
    """Remove the files and folders a failed run made."""
    for path in paths:
        if os.path.isdir(path):
            shutil.rmtree(path, ignore_errors=True)
        elif os.path.exists(path):
            # OSError: e.g. still open on Windows; nothing more can be done here.
            with contextlib.suppress(OSError):
                os.remove(path)


def check_cancel(feedback) -> None:
    """Raise Cancelled when the user pressed Cancel."""
    if feedback is not None and feedback.isCanceled():
        raise Cancelled()
