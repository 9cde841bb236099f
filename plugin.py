"""The QGIS plugin object: provider registration (GUI-free) and the menu / toolbar."""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication

from .i18n import install_translator, tr
from .processing.provider import BesecureProvider

ICON = Path(__file__).resolve().parent / "icons" / "besecure.svg"
MENU = "&BESECURE"


class BesecurePlugin:
    """Loaded by QGIS through :func:`besecure.classFactory`.

    ``initProcessing`` registers the provider without touching the GUI, which is all
    ``qgis_process`` calls; ``initGui`` adds the BESECURE menu and toolbar, where the Library,
    Compass and Policy Navigator docks hang their actions.
    """

    def __init__(self, iface) -> None:
        self.iface = iface
        self.provider: BesecureProvider | None = None
        self.actions: list = []
        self.toolbar = None

    def initProcessing(self) -> None:  # noqa: N802 (QGIS API)
        install_translator()
        if self.provider is None:
            provider = BesecureProvider()
            # False when another instance already registered the id (the registry then drops ours).
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        from qgis.PyQt.QtGui import QIcon
        from qgis.PyQt.QtWidgets import QAction

        self.initProcessing()
        self.toolbar = self.iface.addToolBar(tr("BESECURE"))
        self.toolbar.setObjectName("BesecureToolbar")
        toolbox = QAction(QIcon(str(ICON)), tr("BESECURE algorithms…"), self.iface.mainWindow())
        toolbox.setObjectName("besecureShowToolbox")
        toolbox.setToolTip(tr("Show the BESECURE algorithms in the Processing Toolbox"))
        toolbox.triggered.connect(self.show_toolbox)
        self.add_action(toolbox)

    def add_action(self, action) -> None:
        """Put an action in the BESECURE menu and toolbar (docks add theirs through this)."""
        self.iface.addPluginToMenu(tr(MENU), action)
        if self.toolbar is not None:
            self.toolbar.addAction(action)
        self.actions.append(action)

    def show_toolbox(self) -> None:
        """Open the Processing Toolbox filtered on this provider."""
        from qgis.utils import plugins

        processing = plugins.get("processing")
        if processing is not None and hasattr(processing, "toolbox"):
            processing.toolbox.setVisible(True)
            processing.toolbox.searchBox.setText("besecure")

    def unload(self) -> None:
        for action in self.actions:
            self.iface.removePluginMenu(tr(MENU), action)
            if self.toolbar is not None:
                self.toolbar.removeAction(action)
        self.actions.clear()
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
