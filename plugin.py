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
        self.docks: dict = {}
        self.dock_actions: dict = {}

    def initProcessing(self) -> None:  # noqa: N802 (QGIS API)
        install_translator()
        if self.provider is None:
            provider = BesecureProvider()
            # False when another instance already registered the id (the registry then drops ours).
            if QgsApplication.processingRegistry().addProvider(provider):
                self.provider = provider

    def initGui(self) -> None:  # noqa: N802 (QGIS API)
        from qgis.PyQt.QtGui import QIcon

        from .compat import QAction

        self.initProcessing()
        self.toolbar = self.iface.addToolBar(tr("BESECURE"))
        self.toolbar.setObjectName("BesecureToolbar")
        toolbox = QAction(QIcon(str(ICON)), tr("BESECURE algorithms…"), self.iface.mainWindow())
        toolbox.setObjectName("besecureShowToolbox")
        toolbox.setToolTip(tr("Show the BESECURE algorithms in the Processing Toolbox"))
        toolbox.triggered.connect(self.show_toolbox)
        self.add_action(toolbox)
        self._add_dock_actions()

    def add_action(self, action) -> None:
        """Put an action in the BESECURE menu and toolbar (docks add theirs through this)."""
        self.iface.addPluginToMenu(tr(MENU), action)
        if self.toolbar is not None:
            self.toolbar.addAction(action)
        self.actions.append(action)

    def _add_dock_actions(self) -> None:
        """One checkable action per dock in ``ui.DOCKS``; the dock itself is made on first use."""
        from .compat import QAction
        from .ui import DOCK_ACTIONS, DOCKS
        from .ui.dock_base import icon

        for key in DOCKS:
            label, tip, icon_file = DOCK_ACTIONS[key]
            action = QAction(icon(icon_file), tr(label), self.iface.mainWindow())
            action.setObjectName(f"besecureDock_{key}")
            action.setToolTip(tr(tip))
            action.setCheckable(True)
            action.triggered.connect(lambda checked, k=key: self.toggle_dock(k, checked))
            self.add_action(action)
            self.dock_actions[key] = action

    def toggle_dock(self, key: str, visible: bool | None = None):
        """Create the dock ``key`` of ``ui.DOCKS`` on first use, then show, hide or flip it.

        Returns the dock, or None when its module cannot be loaded (the message bar says why).
        """
        import importlib

        from qgis.PyQt.QtCore import Qt

        from .ui import DOCK_ACTIONS, DOCKS

        dock = self.docks.get(key)
        action = self.dock_actions.get(key)
        if dock is None:
            module_name, class_name = DOCKS[key]
            try:
                module = importlib.import_module(f"{__package__}.{module_name}")
                dock = getattr(module, class_name)(self.iface, self.iface.mainWindow())
            except Exception as error:  # noqa: BLE001 (a broken dock must not break QGIS)
                if action is not None:
                    action.setChecked(False)
                self.iface.messageBar().pushCritical(
                    tr("BESECURE"), tr("The {name} dock could not be opened: {error}").format(
                        name=tr(DOCK_ACTIONS[key][0]), error=error))
                return None
            self.iface.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if action is not None:  # the dock's own close button unchecks the action
                dock.openedStateChanged.connect(action.setChecked)
            self.docks[key] = dock
            visible = True if visible is None else visible
        if visible is None:
            visible = not dock.isUserVisible()
        dock.setUserVisible(visible)
        if action is not None:
            action.setChecked(visible)
        if visible:
            dock.raise_()
        return dock

    def show_toolbox(self) -> None:
        """Open the Processing Toolbox filtered on this provider."""
        from qgis.utils import plugins

        processing = plugins.get("processing")
        if processing is not None and hasattr(processing, "toolbox"):
            processing.toolbox.setVisible(True)
            processing.toolbox.searchBox.setText("besecure")

    def unload(self) -> None:
        for dock in self.docks.values():
            dock.cleanup()
            self.iface.removeDockWidget(dock)
            dock.deleteLater()
        self.docks.clear()
        self.dock_actions.clear()
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
