"""The algorithms the provider registers: every BesecureAlgorithm subclass in this package.

Discovery keeps registration in one place: adding an algorithm means adding its module here. A
module that fails to import (e.g. a missing optional dependency) is reported and skipped, so one
broken algorithm never takes the whole toolbox down; ``import_errors`` tells which.
"""
from __future__ import annotations

import importlib
import pkgutil
import traceback

from ...i18n import tr
from ..base import BesecureAlgorithm

import_errors: dict[str, str] = {}


def algorithm_classes() -> list[type]:
    """Concrete algorithm classes, sorted by id (stable toolbox and test order)."""
    for info in pkgutil.iter_modules(__path__):
        try:
            importlib.import_module(f"{__name__}.{info.name}")
        except Exception:  # noqa: BLE001 - reported to the user, provider keeps loading
            import_errors[info.name] = traceback.format_exc()
            _report(info.name, import_errors[info.name])
    found = {}
    stack = list(BesecureAlgorithm.__subclasses__())
    while stack:
        cls = stack.pop()
        stack.extend(cls.__subclasses__())
        if cls.ALGORITHM_ID and cls.__module__.startswith(__name__):
            found[cls.ALGORITHM_ID] = cls
    return [found[k] for k in sorted(found)]


def _report(module: str, details: str) -> None:
    from qgis.core import Qgis, QgsMessageLog

    QgsMessageLog.logMessage(tr("BESECURE: the algorithm module '{}' could not be loaded:\n{}").format(module, details),
                             "BESECURE", Qgis.MessageLevel.Critical)
