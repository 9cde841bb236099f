"""BESECURE Urban Security Toolbox: QGIS plugin entry point.

QGIS calls :func:`classFactory`; nothing heavy (and nothing from QGIS) is imported at package
import time, so ``besecure.analysis`` stays importable without QGIS.
"""


def classFactory(iface):  # noqa: N802 (QGIS naming)
    """Return the plugin instance QGIS Desktop loads."""
    from .plugin import BesecurePlugin

    return BesecurePlugin(iface)
