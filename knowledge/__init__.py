"""Knowledge base of BESECURE for QGIS: the practice Library, taxonomies, checklist and Guide texts.

Data files live next to this module; :mod:`.library` loads, validates, searches and exchanges
them with the standard library only (no qgis, Qt or jsonschema).
"""
from .library import (
    EXPORT_FORMAT,
    EXPORT_VERSION,
    LANGUAGES,
    USER_PREFIX,
    evidence_rank,
    export_json,
    import_json,
    load_checklist,
    load_guide,
    load_practices,
    load_taxonomies,
    localized,
    merge_user_practices,
    new_user_practice_id,
    search,
    taxonomy_ids,
    user_practice_id,
    validate_practice,
)

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "LANGUAGES",
    "USER_PREFIX",
    "evidence_rank",
    "export_json",
    "import_json",
    "load_checklist",
    "load_guide",
    "load_practices",
    "load_taxonomies",
    "localized",
    "merge_user_practices",
    "new_user_practice_id",
    "search",
    "taxonomy_ids",
    "user_practice_id",
    "validate_practice",
]
