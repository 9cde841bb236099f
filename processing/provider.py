"""The ``besecure`` Processing provider."""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtGui import QIcon

from ..i18n import tr
from .algorithms import algorithm_classes

ICON = Path(__file__).resolve().parents[1] / "icons" / "besecure.svg"


class BesecureProvider(QgsProcessingProvider):
    """Registers every BESECURE algorithm under the id ``besecure``."""

    def id(self) -> str:  # noqa: A003 (QGIS API)
        return "besecure"

    def name(self) -> str:
        return tr("BESECURE")

    def longName(self) -> str:  # noqa: N802
        return tr("BESECURE Urban Security Toolbox")

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def svgIconPath(self) -> str:  # noqa: N802
        return str(ICON)

    def loadAlgorithms(self) -> None:  # noqa: N802
        for cls in algorithm_classes():
            self.addAlgorithm(cls())
