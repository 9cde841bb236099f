"""No DeprecationWarning from our code while the plugin loads its GUI and opens every dock (QGIS 3.40/3.44)."""
from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QEvent
from testlib import deprecations_from_plugin


def test_gui_and_every_dock_warn_nothing(qgis_iface, qgis_app, qgis_processing):
    import besecure
    from besecure.ui import DOCKS

    with deprecations_from_plugin() as found:
        plugin = besecure.classFactory(qgis_iface)
        plugin.initGui()
        docks = [plugin.toggle_dock(key, True) for key in DOCKS]
        plugin.unload()
        QgsProject.instance().clear()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert len(docks) == 3 and all(d is not None for d in docks)
    assert found == []
