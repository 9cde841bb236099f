"""Knowledge base of BESECURE for QGIS: the practice Library, taxonomies, checklist and Guide texts.

Data files live next to this module; :mod:`.library` loads, validates, searches and exchanges
them with the standard library only (no qgis, Qt or jsonschema). Its public names are re-exported here.
"""
from . import library
from .library import *  # noqa: F403 (the public API is library.__all__)

__all__ = list(library.__all__)
