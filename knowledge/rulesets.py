"""Reading rule sets: a bundled name (``knowledge/rulesets/<name>.json``) or a user's JSON file.

The file part lives here so that ``analysis/`` stays free of file input; the checking is
:func:`analysis.design.rules.check_ruleset`, which every rule set read here passes.
"""
from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

# mypy checks knowledge/ as a top-level package, so it cannot follow these imports out of it.
from ..analysis.design.rules import Ruleset, check_ruleset  # type: ignore[import-not-found]
from ..analysis.errors import InputError  # type: ignore[import-not-found]

RULESET_DIR = Path(__file__).parent / "rulesets"


def load_ruleset(name_or_path: str | Path | Mapping[str, Any]) -> Ruleset:
    """Load and check a rule set.

    ``name_or_path`` is a bundled rule-set name (``"en13201"``, ``"dutch_social_safety"``,
    ``"secured_by_design"``, ``"brussels"``, ``"cctv_en62676"``, ``"vehicles"``, ``"standoff"``),
    a path to a user's JSON file, or an already loaded mapping (returned after the same check).
    Raises :class:`InputError` naming the file and the problem when the file is not valid.
    """
    if isinstance(name_or_path, Mapping):
        return check_ruleset(name_or_path)
    path = Path(name_or_path)
    if path.suffix.lower() != ".json" and not path.exists():
        path = RULESET_DIR / f"{name_or_path}.json"
    label = str(path)
    if not path.is_file():
        available = ", ".join(sorted(p.stem for p in RULESET_DIR.glob("*.json")))
        raise InputError("No rule set '{}'. Bundled rule sets: {}; or give a path to a JSON file.",
                         name_or_path, available)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        raise InputError("Rule set {} is not valid JSON: {}", label, exc) from exc
    return check_ruleset(data, label)
