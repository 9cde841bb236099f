"""The plugin loads in QGIS Desktop (pytest-qgis iface) through classFactory, and unloads cleanly."""
from pathlib import Path

from qgis.core import QgsApplication

ROOT = Path(__file__).resolve().parents[2]
_KEEP = []  # providers re-registered for later tests stay referenced from Python


def metadata() -> dict:
    out = {}
    for line in (ROOT / "metadata.txt").read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith("["):
            key, value = line.split("=", 1)
            out[key.strip()] = value.strip()
    return out


def test_metadata_has_what_plugins_qgis_org_requires():
    meta = metadata()
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                "repository", "tracker", "homepage", "license", "hasProcessingProvider", "icon"):
        assert meta.get(key), key
    assert meta["name"] == "BESECURE Urban Security Toolbox"
    assert meta["qgisMinimumVersion"] == "3.22"
    assert meta["hasProcessingProvider"] == "yes"
    assert meta["license"] == "GPL-2.0-or-later"
    assert (ROOT / meta["icon"]).is_file()
    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / "LICENSE").read_text()
    # every icon the manifest names exists
    qrc = (ROOT / "resources.qrc").read_text()
    assert "icons/besecure.svg" in qrc


def _fresh_registry():
    """Remove a provider registered by other tests; returns a function that puts one back."""
    registry = QgsApplication.processingRegistry()
    existing = registry.providerById("besecure")
    if existing is not None:
        registry.removeProvider(existing)

    def restore():
        if existing is not None and registry.providerById("besecure") is None:
            from besecure.processing.provider import BesecureProvider

            provider = BesecureProvider()
            _KEEP.append(provider)
            registry.addProvider(provider)

    return restore


def test_init_processing_is_gui_free_and_registers(qgis_app, qgis_processing):
    import besecure

    restore = _fresh_registry()
    plugin = besecure.classFactory(None)  # qgis_process passes no iface to initProcessing
    plugin.initProcessing()
    try:
        provider = QgsApplication.processingRegistry().providerById("besecure")
        assert provider is not None
        ids = {a.id() for a in provider.algorithms()}
        assert {"besecure:aggregateincidents", "besecure:hottimes", "besecure:periodchange",
                "besecure:createdemodata"} <= ids
        for alg in provider.algorithms():
            assert alg.shortHelpString().strip(), alg.id()
    finally:
        plugin.unload()
        restore()


def test_init_gui_menu_toolbar_and_unload(qgis_iface, qgis_app, qgis_processing):
    import besecure

    registry = QgsApplication.processingRegistry()
    restore = _fresh_registry()
    plugin = besecure.classFactory(qgis_iface)
    plugin.initGui()
    assert registry.providerById("besecure") is not None
    assert plugin.toolbar is not None and plugin.actions
    assert plugin.actions[0].objectName() == "besecureShowToolbox"
    added = plugin.provider
    plugin.unload()
    from qgis.PyQt import sip

    assert sip.isdeleted(added)  # the registry removed and deleted the plugin's provider
    assert plugin.provider is None and plugin.toolbar is None
    assert not plugin.actions
    restore()


def test_every_algorithm_module_loads(qgis_app):
    from besecure.processing.algorithms import algorithm_classes, import_errors

    classes = algorithm_classes()
    assert not import_errors, import_errors
    assert len({c.ALGORITHM_ID for c in classes}) == len(classes)
