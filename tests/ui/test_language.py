"""The plugin's language follows the language QGIS itself chose (``qgis --lang``, Settings, the system)."""
import json
import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from qgis.core import (
    QgsApplication,
    QgsFeature,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsSettings,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from testlib import compiled_translator

ROOT = Path(__file__).resolve().parents[2]
KEYS = ("locale/overrideFlag", "locale/userLocale")


@pytest.fixture()
def settings(qgis_app):
    """QgsSettings with the locale keys and QGIS's translation code put back afterwards."""
    store = QgsSettings()
    old = {key: store.value(key) for key in KEYS}
    translation = qgis_app.translation()
    yield store
    QgsApplication.setTranslation(translation)
    for key, value in old.items():
        if value is None:
            store.remove(key)
        else:
            store.setValue(key, value)


def test_user_locale_counts_without_the_override_flag(settings):
    """`qgis --lang nl` writes locale/userLocale and leaves the override flag off (QGIS's main.cpp)."""
    from besecure.i18n import current_locale

    QgsApplication.setTranslation("")
    settings.setValue("locale/overrideFlag", False)
    settings.setValue("locale/userLocale", "nl_NL")
    assert current_locale() == "nl"
    settings.setValue("locale/userLocale", "en_GB")
    assert current_locale() == "en"
    settings.setValue("locale/overrideFlag", True)  # the Settings option: the same key decides
    settings.setValue("locale/userLocale", "nl")
    assert current_locale() == "nl"


def test_the_translation_qgis_loaded_comes_first(settings):
    from besecure.i18n import current_locale

    settings.setValue("locale/overrideFlag", False)
    settings.setValue("locale/userLocale", "en_US")
    QgsApplication.setTranslation("nl_BE")  # what QGIS's start-up records for its own translator
    assert current_locale() == "nl"
    QgsApplication.setTranslation("C")  # no locale: the settings decide
    assert current_locale() == "en"


def _qgis_process() -> str:
    for name in ("qgis_process.bin", "qgis_process"):  # Debian 12 wraps the real binary; later releases do not
        found = shutil.which(name)
        if found:
            return found
    pytest.fail("qgis_process is not installed")


@pytest.mark.parametrize(("user_locale", "expected"), [("nl", "Hot times (tijdstippen)"), ("en_US", "Hot times")])
def test_qgis_process_speaks_the_profile_language(tmp_path, user_locale, expected):
    """A fresh profile whose settings say Dutch (as `qgis --lang nl` leaves them, flag off) gives Dutch help."""
    profile = tmp_path / "profile"
    ini = profile / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True)
    ini.write_text(f"[PythonPlugins]\nbesecure=true\n\n[locale]\noverrideFlag=false\nuserLocale={user_locale}\n")
    (tmp_path / "xdg").mkdir(mode=0o700)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(tmp_path / "xdg"),
               QGIS_CUSTOM_CONFIG_PATH=str(profile), QGIS_PLUGINPATH=str(ROOT / ".build" / "plugins"),
               LC_ALL="C.UTF-8")  # the system locale says nothing, so the profile decides
    done = subprocess.run([_qgis_process(), "help", "besecure:hottimes"], env=env, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    first = next(line for line in done.stdout.splitlines() if "(besecure:hottimes)" in line)
    assert first == f"{expected} (besecure:hottimes)"


def _dutch_translator(tmp_path):
    """The Dutch catalogue as `make translations` will compile it: the .ts plus every i18n/pending/*.json."""
    catalogue = {}
    for msg in ET.parse(ROOT / "i18n" / "besecure_nl.ts").getroot().iter("message"):
        if msg.findtext("translation"):
            catalogue[msg.findtext("source")] = msg.findtext("translation")
    for path in sorted((ROOT / "i18n" / "pending").glob("*.json")):
        catalogue.update({k: v for k, v in json.loads(path.read_text(encoding="utf-8")).items() if v})
    return compiled_translator(catalogue, tmp_path)


def test_error_messages_come_in_dutch(run_alg, tmp_path):
    """Bad input stops with the message in QGIS's language (here Dutch), words filled into it included."""
    from besecure.analysis.errors import InputError
    from besecure.compat import FIELD_TYPE_STRING, make_field
    from besecure.layers.dates import parse_bound
    from besecure.processing.base import input_message

    layer = QgsVectorLayer("Point?crs=EPSG:28992", "pts", "memory")
    layer.dataProvider().addAttributes([make_field("t", FIELD_TYPE_STRING)])
    layer.updateFields()
    feature = QgsFeature(layer.fields())
    feature.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(1000.0, 1000.0)))
    feature.setAttributes(["2024-01-05 10:00"])
    layer.dataProvider().addFeatures([feature])
    translator = _dutch_translator(tmp_path)
    QCoreApplication.installTranslator(translator)
    try:
        with pytest.raises(InputError) as raised:
            parse_bound("gisteren", "START")
        assert input_message(raised.value) == ("START: 'gisteren' is geen datum; schrijf haar als JJJJ-MM-DD of "
                                               "JJJJ-MM-DD UU:MM.")
        with pytest.raises(QgsProcessingException) as raised:  # "the start" is filled in, in Dutch too
            run_alg("aggregateincidents", {"INPUT": layer, "TIME_FIELD": "t", "END": "2020-01-01",
                                           "OUTPUT": str(tmp_path / "o.gpkg")})
        assert str(raised.value) == "De laag heeft geen incidenten tussen het begin en 2020-01-01 in 't'."
    finally:
        QCoreApplication.removeTranslator(translator)
    assert not (tmp_path / "o.gpkg").exists()
