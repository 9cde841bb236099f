"""A small base for the BESECURE docks (Library, Compass, Policy Navigator).

Layout as in DataPlotly: a :class:`QgsDockWidget` whose widget is a :class:`QgsPanelWidgetStack`.
The stack's main panel (:attr:`BesecureDock.main_panel`, with an empty ``QVBoxLayout``) is what a
subclass fills in :meth:`BesecureDock.build_ui`; :meth:`BesecureDock.open_panel` pushes a sub-panel
(a detail view, a form) that the user leaves with the stack's back arrow.

A dock subclass::

    class LibraryDock(BesecureDock):
        KEY = "library"                 # its key in besecure.ui.DOCKS
        TITLE = N_("Library")           # English; translated with tr() when the dock is made
        ICON = "library.svg"            # file in icons/

        def build_ui(self, panel):
            panel.layout().addWidget(...)

        def cleanup(self):              # optional: undo what the dock did outside itself
            super().cleanup()

Signals: ``opened`` and ``closed`` (from QgsDockWidget) fire when the user shows or hides the
dock; ``openedStateChanged(bool)`` carries the state. Connections to objects that outlive the
dock (``QgsProject.instance()``, the map canvas, layers) go through :meth:`BesecureDock.connect_external`
so :meth:`BesecureDock.cleanup` (called by the plugin's ``unload``) disconnects them.
Icons and ``.ui`` files are loaded by path (:func:`icon`, :func:`load_ui`), never from a compiled
resources module.
"""
from __future__ import annotations

import contextlib
from pathlib import Path

from qgis.gui import QgsDockWidget, QgsPanelWidget, QgsPanelWidgetStack
from qgis.PyQt import uic
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QVBoxLayout, QWidget

from ..i18n import tr

__all__ = ["ICONS_DIR", "UI_DIR", "BesecureDock", "icon", "icon_path", "load_ui", "object_name"]

UI_DIR = Path(__file__).resolve().parent
ICONS_DIR = UI_DIR.parent / "icons"
DEFAULT_ICON = "besecure.svg"


def icon_path(name: str) -> Path:
    """Path of ``icons/<name>``; the plugin icon when that file does not exist."""
    path = ICONS_DIR / name
    return path if path.is_file() else ICONS_DIR / DEFAULT_ICON


def icon(name: str) -> QIcon:
    """A QIcon loaded from ``icons/<name>`` by path (falls back to the plugin icon)."""
    return QIcon(str(icon_path(name)))


def load_ui(name: str):
    """``uic.loadUiType`` of ``ui/<name>`` (e.g. ``"library_dock.ui"``): returns (form class, base class)."""
    return uic.loadUiType(str(UI_DIR / name))


def object_name(key: str) -> str:
    """The dock's Qt object name for a registry key: ``"library"`` -> ``"BesecureLibraryDock"``.

    QGIS saves dock positions in its window state by object name, so keep it stable.
    """
    return "Besecure" + "".join(part.capitalize() for part in key.split("_")) + "Dock"


class BesecureDock(QgsDockWidget):
    """Base of the BESECURE docks: a QgsPanelWidgetStack in a QgsDockWidget.

    Subclasses set :attr:`KEY`, :attr:`TITLE` and :attr:`ICON` and implement :meth:`build_ui`.
    Construct with ``(iface, parent)``; ``iface`` may be the pytest-qgis mock interface.
    """

    KEY: str = ""
    """Key of the dock in :data:`besecure.ui.DOCKS`; gives the object name."""
    TITLE: str = ""
    """English window title, marked with ``N_()``; shown translated."""
    ICON: str = DEFAULT_ICON
    """Icon file name in ``icons/``."""

    #: ``tr()`` of the plugin, reachable as ``self.tr`` in subclasses (one translation context).
    tr = staticmethod(tr)

    def __init__(self, iface, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self._external: list[tuple[object, object]] = []
        self.setObjectName(object_name(self.KEY or type(self).__name__.lower()))
        self.setWindowTitle(tr(self.TITLE) if self.TITLE else "")
        self.setWindowIcon(icon(self.ICON))
        self.setAllowedAreas(Qt.DockWidgetArea.LeftDockWidgetArea | Qt.DockWidgetArea.RightDockWidgetArea)

        self.stack = QgsPanelWidgetStack(self)
        self.stack.setObjectName(self.objectName() + "Stack")
        self.main_panel = QgsPanelWidget(self.stack)
        self.main_panel.setObjectName(self.objectName() + "MainPanel")
        self.main_panel.setDockMode(True)
        layout = QVBoxLayout(self.main_panel)
        layout.setContentsMargins(4, 4, 4, 4)
        self.stack.setMainPanel(self.main_panel)
        self.setWidget(self.stack)
        self.build_ui(self.main_panel)

    def build_ui(self, panel: QgsPanelWidget) -> None:
        """Fill the main panel (its layout is an empty QVBoxLayout). Subclasses implement this."""

    def open_panel(self, panel: QgsPanelWidget, title: str | None = None) -> QgsPanelWidget:
        """Show ``panel`` on top of the current one; the user returns with the back arrow.

        The stack takes ownership; connect to ``panel.panelAccepted`` to act when it closes.
        """
        if title is not None:
            panel.setPanelTitle(title)
        panel.setDockMode(True)
        self.stack.showPanel(panel)
        return panel

    def connect_external(self, signal, slot) -> None:
        """Connect ``signal`` of an object that outlives the dock; :meth:`cleanup` disconnects it."""
        signal.connect(slot)
        self._external.append((signal, slot))

    def cleanup(self) -> None:
        """Undo everything the dock did outside itself; the plugin calls this before deleting it.

        Subclasses that add map tools, rubber bands or project entries override this and call
        ``super().cleanup()``.
        """
        while self._external:
            signal, slot = self._external.pop()
            with contextlib.suppress(TypeError, RuntimeError):  # already gone with its sender
                signal.disconnect(slot)

    def screenshot(self, path: str | Path, size: tuple[int, int] = (420, 720)) -> Path:
        """Render the dock (undocked, ``size`` pixels) to a PNG file at ``path`` and return it.

        Works offscreen; used by ``make screenshots``.
        """
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        self.resize(*size)
        self.widget().resize(*size)
        if not self.grab().save(str(path), "PNG"):
            raise OSError(f"could not write {path}")
        return path
