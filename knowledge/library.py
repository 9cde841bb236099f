"""The BESECURE practice library: load, validate, search, merge, export and import practices.

Standard library only (no qgis, no Qt, no jsonschema), so the Library dock, the Processing help,
tests and notebooks all share one implementation. ``knowledge/schema/practice.schema.json``
describes the same rules as :func:`validate_practice` for external tools; a test keeps the two
in step.

Built-in practices live in ``knowledge/practices/*.json`` (a list of practices per file) or in
``knowledge/practices.json``. Practices that a user adds or imports are *user practices*: they
have ``"origin": "user"`` and an id that starts with ``user-``, so a user practice can never
replace or shadow a built-in one (:func:`merge_user_practices`).

Returned taxonomies, checklists and guide texts are shared cached objects: treat them as
read-only.
"""
from __future__ import annotations

import copy
import json
import logging
import os
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeGuard

__all__ = [
    "EXPORT_FORMAT",
    "EXPORT_VERSION",
    "FILTER_KEYS",
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

log = logging.getLogger(__name__)

KNOWLEDGE_DIR = Path(__file__).resolve().parent
PRACTICES_DIR = KNOWLEDGE_DIR / "practices"
PRACTICES_FILE = KNOWLEDGE_DIR / "practices.json"
TAXONOMIES_FILE = KNOWLEDGE_DIR / "taxonomies.json"
SCHEMA_FILE = KNOWLEDGE_DIR / "schema" / "practice.schema.json"
CHECKLIST_FILE = KNOWLEDGE_DIR / "checklist.json"
GUIDE_FILE = KNOWLEDGE_DIR / "guide.json"

#: Languages every text field must have.
LANGUAGES: tuple[str, ...] = ("en", "nl")
USER_PREFIX = "user-"
ORIGINS = ("builtin", "user")
EXPORT_FORMAT = "besecure-practices"
EXPORT_VERSION = 1
MAX_ID_LENGTH = 80
MAX_IMPORT_BYTES = 20 * 1024 * 1024
YEAR_MIN, YEAR_MAX = 1900, 2100

REQUIRED_FIELDS = (
    "id", "title", "city", "country", "years", "problem", "core_values", "approach",
    "smart_city", "description", "evidence", "sources", "tags",
)
OPTIONAL_FIELDS = ("origin", "other_countries")
# Practice field -> key in taxonomy_ids(); an empty list is allowed only for smart_city.
TAXONOMY_FIELDS = {
    "problem": "problem", "core_values": "core_values", "approach": "approach",
    "smart_city": "smart_city",
}

_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_TAG = re.compile(r"^[a-z0-9]+(?:[-_][a-z0-9]+)*$")
_LANG_KEY = re.compile(r"^[a-z]{2}$")
_URL = re.compile(r"^https?://\S+$")
_TERM = re.compile(r'"([^"]+)"|(\S+)')

#: ISO 3166-1 alpha-2 codes (from Debian's iso-codes). "UK" is not one: the code is GB.
ISO_3166_ALPHA2 = frozenset((
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE "
    "BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD "
    "CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM "
    "DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF "
    "GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU "
    "ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN "
    "KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME "
    "MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA "
    "NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM "
    "PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI "
    "SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK "
    "TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI "
    "VN VU WF WS YE YT ZA ZM ZW"
).split())
_COUNTRY_HINTS = {"UK": "GB", "EL": "GR", "EN": "GB"}


# --------------------------------------------------------------------------- data files
@lru_cache(maxsize=16)
def _read_json_cached(path: str) -> Any:
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def load_taxonomies(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Return the taxonomies (priorities, core values, approaches, smart-city elements,
    policy breadth, evidence levels) from ``knowledge/taxonomies.json``."""
    return _read_json_cached(str(Path(path) if path else TAXONOMIES_FILE))


def load_checklist(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Return the implementation checklist from ``knowledge/checklist.json``."""
    return _read_json_cached(str(Path(path) if path else CHECKLIST_FILE))


def load_guide(path: str | os.PathLike[str] | None = None) -> dict[str, Any]:
    """Return the Guide texts for the Policy Navigator steps from ``knowledge/guide.json``."""
    return _read_json_cached(str(Path(path) if path else GUIDE_FILE))


def taxonomy_ids(taxonomies: Mapping[str, Any] | None = None) -> dict[str, frozenset[str]]:
    """The valid ids per practice field: problem, core_values, approach, smart_city,
    evidence_level and policy_breadth."""
    tax = taxonomies if taxonomies is not None else load_taxonomies()
    return {
        "problem": frozenset(p["id"] for p in tax["priorities"]["items"]),
        "core_values": frozenset(c["id"] for c in tax["core_values"]),
        "approach": frozenset(a["id"] for a in tax["approaches"]),
        "smart_city": frozenset(s["id"] for s in tax["smart_city_elements"]),
        "evidence_level": frozenset(e["id"] for e in tax["evidence_levels"]),
        "policy_breadth": frozenset(b["id"] for b in tax["policy_breadth"]),
    }


def evidence_rank(level: str, taxonomies: Mapping[str, Any] | None = None) -> int:
    """Rank of an evidence level: 0 (none) up to 5 (systematic review).

    Raises ValueError for an unknown level.
    """
    tax = taxonomies if taxonomies is not None else load_taxonomies()
    for item in tax["evidence_levels"]:
        if item["id"] == level:
            return int(item["rank"])
    raise ValueError(f"Unknown evidence level {level!r}")


def localized(text: Mapping[str, str] | str | None, lang: str = "en") -> str:
    """The text in ``lang``, falling back to English, then to any language present."""
    if text is None:
        return ""
    if isinstance(text, str):
        return text
    for key in (lang, "en"):
        value = text.get(key)
        if isinstance(value, str) and value.strip():
            return value
    return next((v for v in text.values() if isinstance(v, str) and v.strip()), "")


# --------------------------------------------------------------------------- validation
def _type_name(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null",
            int: "integer", float: "number"}.get(type(value), type(value).__name__)


def _is_int(value: Any) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool)


def _check_text(value: Any, where: str, errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append(f"{where}: expected an object with 'en' and 'nl' texts, got {_type_name(value)}")
        return
    for lang in LANGUAGES:
        text = value.get(lang)
        if text is None:
            errors.append(f"{where}: missing the '{lang}' text")
        elif not isinstance(text, str) or not text.strip():
            errors.append(f"{where}.{lang}: expected a non-empty string")
    for key, text in value.items():
        if key in LANGUAGES:
            continue
        if not _LANG_KEY.match(str(key)):
            errors.append(f"{where}: {key!r} is not a two-letter language code")
        elif not isinstance(text, str) or not text.strip():
            errors.append(f"{where}.{key}: expected a non-empty string")


def _check_id_list(value: Any, where: str, valid: frozenset[str], allow_empty: bool,
                   errors: list[str]) -> None:
    if not isinstance(value, list):
        errors.append(f"{where}: expected a list of ids, got {_type_name(value)}")
        return
    if not value and not allow_empty:
        errors.append(f"{where}: give at least one id")
    seen: set[str] = set()
    for i, item in enumerate(value):
        if not isinstance(item, str):
            errors.append(f"{where}[{i}]: expected a string id, got {_type_name(item)}")
        elif item not in valid:
            errors.append(f"{where}[{i}]: unknown id {item!r}")
        elif item in seen:
            errors.append(f"{where}[{i}]: {item!r} is listed twice")
        else:
            seen.add(item)


def _check_country(value: Any, where: str, errors: list[str]) -> None:
    if not isinstance(value, str):
        errors.append(f"{where}: expected an ISO 3166-1 alpha-2 code, got {_type_name(value)}")
    elif value not in ISO_3166_ALPHA2:
        hint = _COUNTRY_HINTS.get(value.upper())
        suffix = f" (use {hint!r})" if hint else ""
        errors.append(f"{where}: {value!r} is not an ISO 3166-1 alpha-2 country code{suffix}")


def _check_year(value: Any, where: str, errors: list[str]) -> None:
    if value is None:
        return
    if not _is_int(value):
        errors.append(f"{where}: expected a year (integer) or null, got {_type_name(value)}")
    elif not YEAR_MIN <= value <= YEAR_MAX:
        errors.append(f"{where}: {value} is outside {YEAR_MIN}-{YEAR_MAX}")


def _check_years(value: Any, errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append(f"years: expected an object with 'start' and 'end', got {_type_name(value)}")
        return
    for key in ("start", "end"):
        if key not in value:
            errors.append(f"years: missing '{key}' (use null when unknown or ongoing)")
        else:
            _check_year(value[key], f"years.{key}", errors)
    for key in value:
        if key not in ("start", "end", "approximate"):
            errors.append(f"years: unknown field {key!r}")
    if "approximate" in value and not isinstance(value["approximate"], bool):
        errors.append("years.approximate: expected true or false")
    start, end = value.get("start"), value.get("end")
    if _is_int(start) and _is_int(end) and start > end:
        errors.append(f"years: start {start} is after end {end}")


def _check_source(value: Any, where: str, errors: list[str]) -> None:
    if not isinstance(value, dict):
        errors.append(f"{where}: expected an object, got {_type_name(value)}")
        return
    for key in value:
        if key not in ("title", "url", "reference", "year"):
            errors.append(f"{where}: unknown field {key!r}")
    title = value.get("title")
    if not isinstance(title, str) or not title.strip():
        errors.append(f"{where}.title: expected a non-empty string")
    url, ref = value.get("url"), value.get("reference")
    if url is None and ref is None:
        errors.append(f"{where}: give a 'url' or a bibliographic 'reference'")
    if url is not None and (not isinstance(url, str) or not _URL.match(url)):
        errors.append(f"{where}.url: expected an http(s) address without spaces")
    if ref is not None and (not isinstance(ref, str) or not ref.strip()):
        errors.append(f"{where}.reference: expected a non-empty string")
    if "year" not in value:
        errors.append(f"{where}: missing 'year' (use null for an undated web page)")
    else:
        _check_year(value["year"], f"{where}.year", errors)


def validate_practice(practice: Any, taxonomies: Mapping[str, Any] | None = None) -> list[str]:  # noqa: C901
    # (one check per field of the practice schema, in the schema's order)
    """Check one practice against the practice schema and the taxonomies.

    Returns a list of readable error messages, each starting with the field path
    (``title.nl``, ``sources[1].url``); an empty list means the practice is valid.
    Needs no third-party package.
    """
    if not isinstance(practice, dict):
        return [f"practice: expected an object, got {_type_name(practice)}"]
    errors: list[str] = []
    ids = taxonomy_ids(taxonomies)
    for key in practice:
        if key not in REQUIRED_FIELDS and key not in OPTIONAL_FIELDS:
            errors.append(f"{key}: unknown field")
    missing = [key for key in REQUIRED_FIELDS if key not in practice]
    if missing:
        errors.append("missing required field(s): " + ", ".join(missing))

    pid, origin = practice.get("id"), practice.get("origin", "builtin")
    if "id" in practice:
        if not isinstance(pid, str):
            errors.append(f"id: expected a string, got {_type_name(pid)}")
        else:
            core = pid[len(USER_PREFIX):] if pid.startswith(USER_PREFIX) else pid
            if not _SLUG.match(core):
                errors.append(f"id: {pid!r} must be lower-case letters and digits joined by single hyphens")
            if len(pid) > MAX_ID_LENGTH:
                errors.append(f"id: longer than {MAX_ID_LENGTH} characters")
            if origin == "user" and not pid.startswith(USER_PREFIX):
                errors.append(f"id: a user practice id must start with {USER_PREFIX!r}")
            if origin == "builtin" and pid.startswith(USER_PREFIX):
                errors.append(f"id: {USER_PREFIX!r} is reserved for user practices (set origin to 'user')")
    if origin not in ORIGINS:
        errors.append(f"origin: expected one of {', '.join(ORIGINS)}, got {origin!r}")

    for key in ("title", "description"):
        if key in practice:
            _check_text(practice[key], key, errors)
    if "city" in practice:
        city = practice["city"]
        if city is not None and (not isinstance(city, str) or not city.strip()):
            errors.append("city: expected a city name or null")
    if "country" in practice:
        _check_country(practice["country"], "country", errors)
    if "other_countries" in practice:
        others = practice["other_countries"]
        if not isinstance(others, list):
            errors.append(f"other_countries: expected a list, got {_type_name(others)}")
        else:
            for i, code in enumerate(others):
                _check_country(code, f"other_countries[{i}]", errors)
            if len(set(map(str, others))) != len(others):
                errors.append("other_countries: a country is listed twice")
    if "years" in practice:
        _check_years(practice["years"], errors)
    for field, key in TAXONOMY_FIELDS.items():
        if field in practice:
            _check_id_list(practice[field], field, ids[key], field == "smart_city", errors)

    if "evidence" in practice:
        evidence = practice["evidence"]
        if not isinstance(evidence, dict):
            errors.append(f"evidence: expected an object, got {_type_name(evidence)}")
        else:
            for key in evidence:
                if key not in ("level", "summary"):
                    errors.append(f"evidence: unknown field {key!r}")
            level = evidence.get("level")
            if level not in ids["evidence_level"]:
                errors.append(f"evidence.level: expected one of {', '.join(sorted(ids['evidence_level']))}, "
                              f"got {level!r}")
            if "summary" not in evidence:
                errors.append("evidence: missing 'summary'")
            else:
                _check_text(evidence["summary"], "evidence.summary", errors)

    if "sources" in practice:
        sources = practice["sources"]
        if not isinstance(sources, list):
            errors.append(f"sources: expected a list, got {_type_name(sources)}")
        elif not sources:
            errors.append("sources: give at least one public source")
        else:
            for i, source in enumerate(sources):
                _check_source(source, f"sources[{i}]", errors)

    if "tags" in practice:
        tags = practice["tags"]
        if not isinstance(tags, list):
            errors.append(f"tags: expected a list, got {_type_name(tags)}")
        else:
            for i, tag in enumerate(tags):
                if not isinstance(tag, str) or not _TAG.match(tag):
                    errors.append(f"tags[{i}]: {tag!r} must be lower-case words joined by '-' or '_'")
            if len(set(map(str, tags))) != len(tags):
                errors.append("tags: a tag is listed twice")
    return errors


# --------------------------------------------------------------------------- loading
def _practices_in(data: Any, where: str) -> list[Any]:
    """The practices in a parsed file: a list, an export wrapper or a single practice."""
    if isinstance(data, list):
        return data
    if isinstance(data, dict):
        if data.get("format") == EXPORT_FORMAT or ("practices" in data and "id" not in data):
            version = data.get("version", EXPORT_VERSION)
            if _is_int(version) and version > EXPORT_VERSION:
                raise ValueError(f"{where} was written by a newer version of BESECURE "
                                 f"(format version {version}); update the plugin to read it")
            practices = data.get("practices")
            if not isinstance(practices, list):
                raise ValueError(f"{where}: 'practices' must be a list of practices")
            return practices
        if "id" in data and "title" in data:
            return [data]
    raise ValueError(f"{where} does not contain BESECURE practices "
                     "(expected a list of practices or an exported practice file)")


def _raise_if_errors(problems: list[str], what: str) -> None:
    if not problems:
        return
    shown = problems[:20]
    more = f"\n... and {len(problems) - len(shown)} more" if len(problems) > len(shown) else ""
    raise ValueError(f"{what}:\n- " + "\n- ".join(shown) + more)


def _check_collection(practices: Sequence[Any], where: str, taxonomies: Mapping[str, Any] | None,
                      labels: Sequence[str] | None = None) -> list[str]:
    problems: list[str] = []
    seen: dict[str, str] = {}
    for i, practice in enumerate(practices):
        pid = practice.get("id") if isinstance(practice, dict) else None
        label = labels[i] if labels else f"{where}, practice {i + 1}"
        if isinstance(pid, str):
            label += f" ({pid!r})"
        problems += [f"{label}: {e}" for e in validate_practice(practice, taxonomies)]
        if isinstance(pid, str):
            if pid in seen:
                problems.append(f"{label}: id {pid!r} is used twice (also in {seen[pid]})")
            else:
                seen[pid] = label
    return problems


def load_practices(path: str | os.PathLike[str] | None = None, *, validate: bool = True,
                   taxonomies: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Load the built-in practices.

    ``path`` may be a JSON file or a folder of JSON files (read in name order); by default
    ``knowledge/practices/*.json`` and ``knowledge/practices.json``, whichever exist. Each
    practice gets ``origin`` 'builtin' unless it says otherwise. With ``validate`` (the
    default) an invalid practice or a duplicate id raises ValueError listing every problem.
    """
    if path is None:
        files = sorted(PRACTICES_DIR.glob("*.json")) if PRACTICES_DIR.is_dir() else []
        if PRACTICES_FILE.is_file():
            files.append(PRACTICES_FILE)
    else:
        root = Path(path)
        files = sorted(root.glob("*.json")) if root.is_dir() else [root]
    practices: list[dict[str, Any]] = []
    labels: list[str] = []
    for file in files:
        with open(file, encoding="utf-8") as f:
            data = json.load(f)
        for i, practice in enumerate(_practices_in(data, file.name)):
            if isinstance(practice, dict):
                practice.setdefault("origin", "builtin")
            practices.append(practice)
            labels.append(f"{file.name}, practice {i + 1}")
    if validate:
        _raise_if_errors(_check_collection(practices, "practices", taxonomies, labels),
                         "The practice library has errors")
    return practices


# --------------------------------------------------------------------------- user practices
def _slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def user_practice_id(value: str) -> str:
    """Turn an id or a title into a valid user-practice id: a slug with the ``user-`` prefix
    (added once), at most 80 characters."""
    core = value[len(USER_PREFIX):] if value.startswith(USER_PREFIX) else value
    slug = _slugify(core) or "practice"
    return (USER_PREFIX + slug)[:MAX_ID_LENGTH].rstrip("-")


def new_user_practice_id(title: str, existing_ids: Iterable[str]) -> str:
    """A fresh user-practice id for ``title`` that is not in ``existing_ids`` (adds -2, -3, ...)."""
    taken = set(existing_ids)
    base = user_practice_id(title)
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        suffix = f"-{n}"
        candidate = base[:MAX_ID_LENGTH - len(suffix)].rstrip("-") + suffix
    return candidate


def merge_user_practices(builtin: Sequence[Mapping[str, Any]], user: Iterable[Mapping[str, Any]], *,
                         taxonomies: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """The built-in practices followed by the user's practices.

    User practices never override built-in ones: each user practice is copied, marked
    ``origin: "user"`` and given the ``user-`` id prefix if it lacks it (``kirkholt`` becomes
    ``user-kirkholt``). When two user practices share an id, the later one wins and keeps the
    earlier one's place (a re-saved or re-imported practice replaces the old version). A
    practice marked ``origin: "builtin"`` whose id is a built-in id is a copy of the library
    itself (for example an exported library imported back) and is skipped. Invalid user
    practices are skipped with a warning in the log, so one damaged entry in a profile cannot
    hide the library.
    """
    builtin_list = [dict(p) for p in builtin]
    builtin_ids = {p.get("id") for p in builtin_list}
    merged: dict[str, dict[str, Any]] = {}
    for original in user:
        if not isinstance(original, Mapping):
            log.warning("Skipped a user practice that is not an object: %r", original)
            continue
        if original.get("origin") == "builtin" and original.get("id") in builtin_ids:
            continue
        practice = copy.deepcopy(dict(original))
        practice["origin"] = "user"
        if isinstance(practice.get("id"), str):
            practice["id"] = user_practice_id(practice["id"])
        errors = validate_practice(practice, taxonomies)
        if errors:
            log.warning("Skipped invalid user practice %r: %s", practice.get("id"), "; ".join(errors))
            continue
        merged[practice["id"]] = practice
    return builtin_list + list(merged.values())


# --------------------------------------------------------------------------- exchange
def export_json(practices: Sequence[Mapping[str, Any]], path: str | os.PathLike[str], *,
                taxonomies: Mapping[str, Any] | None = None) -> None:
    """Write practices to a UTF-8 JSON file that :func:`import_json` reads back.

    The file is ``{"format": "besecure-practices", "version": 1, "practices": [...]}``. Invalid
    practices raise ValueError before anything is written; the file is replaced atomically.
    """
    items = [dict(p) for p in practices]
    _raise_if_errors(_check_collection(items, "export", taxonomies), "Cannot export these practices")
    target = Path(path)
    tmp = target.with_name(target.name + ".tmp")
    payload = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "practices": items}
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        json.dump(payload, f, ensure_ascii=False, indent=2)
        f.write("\n")
    os.replace(tmp, target)


def import_json(path: str | os.PathLike[str], *,
                taxonomies: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Read and validate practices from a JSON file.

    Accepts a file written by :func:`export_json`, a plain list of practices or a single
    practice. Raises ValueError with a message that names the file and every problem when
    the file is not UTF-8 JSON, does not hold practices, holds an invalid practice or repeats
    an id. The practices are returned as they are in the file; pass them to
    :func:`merge_user_practices` to add them as user practices. A missing file raises
    FileNotFoundError.
    """
    source = Path(path)
    name = source.name
    if source.stat().st_size > MAX_IMPORT_BYTES:
        raise ValueError(f"{name} is larger than {MAX_IMPORT_BYTES // (1024 * 1024)} MB; "
                         "this is not a practice file")
    raw = source.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{name} is not a UTF-8 text file (byte {exc.start})") from None
    if not text.strip():
        raise ValueError(f"{name} is empty")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"{name} is not valid JSON: {exc.msg} (line {exc.lineno}, "
                         f"column {exc.colno})") from None
    practices = _practices_in(data, name)
    _raise_if_errors(_check_collection(practices, name, taxonomies), f"{name} has invalid practices")
    return [dict(p) for p in practices]


# --------------------------------------------------------------------------- search
FILTER_KEYS = frozenset({
    "problem", "core_values", "approach", "smart_city", "policy_breadth", "country", "city",
    "evidence_level", "min_evidence", "origin", "tags", "year",
})


def _fold(text: str) -> str:
    """Case- and accent-insensitive form for matching ('Ondermijning' ~ 'ondermijning',
    'Xàbia' ~ 'xabia')."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _as_set(value: Any, key: str) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, Iterable):
        items = list(value)
        if all(isinstance(v, str) for v in items):
            return set(items)
    raise ValueError(f"Filter {key!r}: expected a string or a list of strings, got {value!r}")


def _labels_by_field(tax: Mapping[str, Any]) -> dict[str, dict[str, list[str]]]:
    def labels(items: Iterable[Mapping[str, Any]]) -> dict[str, list[str]]:
        return {i["id"]: [v for v in i["label"].values() if isinstance(v, str)] for i in items}
    return {"problem": labels(tax["priorities"]["items"]), "core_values": labels(tax["core_values"]),
            "approach": labels(tax["approaches"]), "smart_city": labels(tax["smart_city_elements"])}


def _weighted_texts(practice: Mapping[str, Any], labels: Mapping[str, Mapping[str, list[str]]]
                    ) -> list[tuple[int, str]]:
    """(weight, folded text) pairs: titles count most, then ids, places and tags."""
    out: list[tuple[int, str]] = []

    def add(weight: int, value: Any) -> None:
        if isinstance(value, str):
            out.append((weight, _fold(value)))
        elif isinstance(value, Mapping):
            for v in value.values():
                add(weight, v)
        elif isinstance(value, list):
            for v in value:
                add(weight, v)

    add(3, practice.get("title"))
    add(2, [practice.get("id"), practice.get("city"), practice.get("country"), practice.get("tags")])
    add(2, [str(t).replace("-", " ").replace("_", " ") for t in practice.get("tags") or []])
    add(1, practice.get("description"))
    add(1, (practice.get("evidence") or {}).get("summary"))
    for source in practice.get("sources") or []:
        if isinstance(source, Mapping):
            add(1, [source.get("title"), source.get("reference")])
    for field, by_id in labels.items():
        for pid in practice.get(field) or []:
            add(1, by_id.get(pid, []))
    return out


def _matches(practice: Mapping[str, Any], key: str, wanted: Any, tax: Mapping[str, Any]) -> bool:
    if key == "smart_city" and isinstance(wanted, bool):
        return bool(practice.get("smart_city")) == wanted
    if key == "year":
        years = practice.get("years") or {}
        start, end = years.get("start"), years.get("end")
        return (start is None or start <= wanted) and (end is None or end >= wanted)
    if key == "min_evidence":
        level = (practice.get("evidence") or {}).get("level")
        if not isinstance(level, str):
            return False  # no level recorded: below every minimum
        try:
            return evidence_rank(level, tax) >= evidence_rank(wanted, tax)
        except ValueError:
            return False
    if key == "evidence_level":
        return (practice.get("evidence") or {}).get("level") in wanted
    if key == "country":
        countries = {practice.get("country"), *(practice.get("other_countries") or [])}
        return bool({str(c).upper() for c in countries if c} & {w.upper() for w in wanted})
    if key == "city":
        city = practice.get("city")
        return isinstance(city, str) and _fold(city) in {_fold(w) for w in wanted}
    if key == "origin":
        return practice.get("origin", "builtin") in wanted
    if key == "policy_breadth":
        breadth = {p["id"]: set(p.get("policy_breadth", [])) for p in tax["priorities"]["items"]}
        covered = set().union(*(breadth.get(p, set()) for p in practice.get("problem") or []))
        return bool(covered & wanted)
    return bool(set(practice.get(key) or []) & wanted)


def _normalise_filters(filters: Mapping[str, Any] | None, tax: Mapping[str, Any]) -> dict[str, Any]:
    ids = taxonomy_ids(tax)
    out: dict[str, Any] = {}
    for key, value in (filters or {}).items():
        if key not in FILTER_KEYS:
            raise ValueError(f"Unknown filter {key!r}; use one of {', '.join(sorted(FILTER_KEYS))}")
        if value is None or value == "" or (isinstance(value, (list, tuple, set, frozenset)) and not value):
            continue
        if key == "smart_city" and isinstance(value, bool):
            out[key] = value
        elif key == "year":
            if not _is_int(value):
                raise ValueError(f"Filter 'year': expected a year, got {value!r}")
            out[key] = value
        elif key == "min_evidence":
            if value not in ids["evidence_level"]:
                raise ValueError(f"Filter 'min_evidence': unknown evidence level {value!r}")
            out[key] = value
        else:
            wanted = _as_set(value, key)
            valid_key = "evidence_level" if key == "evidence_level" else key
            if valid_key in ids:
                unknown = wanted - ids[valid_key]
                if unknown:
                    raise ValueError(f"Filter {key!r}: unknown id(s) {', '.join(sorted(unknown))}")
            out[key] = wanted
    return out


def search(practices: Sequence[Mapping[str, Any]], text: str = "",
           filters: Mapping[str, Any] | None = None, *,
           taxonomies: Mapping[str, Any] | None = None) -> list[Mapping[str, Any]]:
    """Practices that match every word of ``text`` and every filter.

    Text matching ignores case and accents and looks in both languages: titles, ids, city,
    country, tags, descriptions, evidence summaries, source titles and the labels of the
    practice's taxonomy ids (so 'radicalisering' finds practices tagged
    polarisation_radicalisation). Put a phrase in double quotes to match it whole. With text,
    results are ordered by relevance (title matches first); without, the input order is kept.

    ``filters`` maps a key to a value or a list of values; a practice must match every key and,
    within a key, any of the values:

    - ``problem``, ``core_values``, ``approach``, ``smart_city``, ``tags``: shared ids
      (``smart_city=True``/``False``: has / has no smart-city element)
    - ``policy_breadth``: via the priorities' policy breadth in the taxonomy
    - ``country`` (also matches ``other_countries``), ``city``, ``origin``, ``evidence_level``
    - ``min_evidence``: this evidence level or stronger
    - ``year``: active in that year (an unknown start or end counts as open)

    Raises ValueError for an unknown filter key or taxonomy id.
    """
    tax = taxonomies if taxonomies is not None else load_taxonomies()
    wanted = _normalise_filters(filters, tax)
    terms = [_fold(a or b) for a, b in _TERM.findall(text or "")]
    labels = _labels_by_field(tax) if terms else {}
    scored: list[tuple[int, int, Mapping[str, Any]]] = []
    for index, practice in enumerate(practices):
        if not all(_matches(practice, key, value, tax) for key, value in wanted.items()):
            continue
        score = 0
        if terms:
            texts = _weighted_texts(practice, labels)
            for term in terms:
                hits = [weight for weight, t in texts if term in t]
                if not hits:
                    break
                score += max(hits) * 10 + len(hits)
            else:
                scored.append((-score, index, practice))
            continue
        scored.append((0, index, practice))
    scored.sort(key=lambda item: (item[0], item[1]))
    return [practice for _, _, practice in scored]
