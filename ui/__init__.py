"""The plugin's dock widgets: Library, Compass and Policy Navigator.

How a dock gets into QGIS (nothing to change in ``plugin.py`` to add one):

- :data:`DOCKS` maps a key to ``(module, class name)``, the module relative to the plugin
  package. ``BesecurePlugin.initGui`` makes one checkable menu + toolbar action per key, in
  this order, labelled with :data:`DOCK_ACTIONS`; the dock module is imported and the dock
  created only when the user first triggers the action (``BesecurePlugin.toggle_dock``), so a
  dock that fails to import (a missing optional package) never breaks loading the plugin.
- The class subclasses :class:`besecure.ui.dock_base.BesecureDock`, takes ``(iface, parent)``
  and fills its main panel in ``build_ui``. ``unload`` calls ``dock.cleanup()`` and deletes it.

This module imports nothing from Qt at import time beyond the ``N_`` marker, so listing the
docks is cheap.
"""
from __future__ import annotations

from ..i18n import N_

#: key -> (module relative to the plugin package, class name). Keys are stable: they name the
#: dock's object name (``Besecure<Key>Dock``), its action (``besecureDock_<key>``) and settings.
DOCKS: dict[str, tuple[str, str]] = {
    "library": ("ui.library_dock", "LibraryDock"),
    "compass": ("ui.compass_dock", "CompassDock"),
    "navigator": ("ui.navigator", "NavigatorDock"),
}

#: key -> (action label, tool tip, icon file in ``icons/``); English, translated with tr() at use.
DOCK_ACTIONS: dict[str, tuple[str, str, str]] = {
    "library": (N_("Library"),
                N_("Show or hide the Library: practices from European cities, with their evidence and sources"),
                "library.svg"),
    "compass": (N_("Compass"),
                N_("Show or hide the Compass: the profile of an area, with charts, core values and options"),
                "compass.svg"),
    "navigator": (N_("Policy Navigator"),
                  N_("Show or hide the Policy Navigator: a step-by-step dossier from analysis to effect"),
                  "navigator.svg"),
}
