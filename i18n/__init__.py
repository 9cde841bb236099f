"""Translation: ``tr()`` for every user-facing string and loading the .qm for the QGIS locale.

English strings are the source; Dutch is in ``besecure_nl.ts`` / ``.qm``. The translator is
installed once, by the plugin (Desktop) or by ``initProcessing`` (qgis_process, Python).
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication, QgsSettings
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator

CONTEXT = "besecure"
_HERE = Path(__file__).resolve().parent
_translator: QTranslator | None = None


def tr(text: str) -> str:
    """Translate ``text`` in the plugin's context."""
    return QCoreApplication.translate(CONTEXT, text)


def N_(text: str) -> str:  # noqa: N802 (the usual gettext-style marker)
    """Mark a string for translation where ``tr()`` is applied later (e.g. a default label)."""
    return text


def current_locale() -> str:
    """Two-letter code of the language QGIS's own user interface is in.

    QGIS chooses it at start-up: ``qgis --lang xx``, else the language set under Settings > Options >
    General (``locale/overrideFlag`` with ``locale/userLocale``), else the system's. It records the choice
    as ``QgsApplication.translation()`` and, on the desktop, in ``locale/userLocale`` whether or not the
    override flag is on (so ``--lang nl`` leaves the flag off). Those two are read first; where no QGIS
    start-up ran (a script with its own QgsApplication) ``QgsApplication.locale()`` and the system's
    locale follow. "C" (no locale) means English.
    """
    app = QgsApplication.instance()
    translation = getattr(app, "translation", None)
    candidates = (
        translation() if callable(translation) else "",
        QgsSettings().value("locale/userLocale", "", type=str),
        QgsApplication.locale(),
        QLocale.system().name(),
    )
    for name in candidates:
        if name and name != "C":
            return name[:2].lower()
    return "en"


def install_translator(locale: str | None = None) -> bool:
    """Install the plugin's translator for ``locale`` (default: QGIS's); True when one was loaded."""
    global _translator
    lang = locale or current_locale()
    qm = _HERE / f"besecure_{lang}.qm"
    if _translator is not None:
        QCoreApplication.removeTranslator(_translator)
        _translator = None
    if not qm.is_file():
        return False
    translator = QTranslator()
    if not translator.load(str(qm)):
        return False
    QCoreApplication.installTranslator(translator)
    _translator = translator
    return True
