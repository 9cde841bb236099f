"""The Compass's assessment of an area: its core-value profile and its issue/option matrix.

Per area (keyed by the area's name, or its feature id when it has none) the user records:

- a **core-value profile**: each of the seven core values of urban security
  (``knowledge/taxonomies.json``) scored 0 (not at stake) .. :data:`CORE_SCORE_MAX` with a note;
  the Compass draws it as a radar;
- an **issue/option matrix**: the area's issues (rows) and the options considered (columns), each
  option scored per issue from :data:`MATRIX_MIN` (makes it worse) to :data:`MATRIX_MAX` (solves it
  well); an option's total is the sum of its column, and the options with the highest total lead.

Standard library only (no qgis, no Qt), like :mod:`.dossier`: the Compass dock is a view over this
model. The QGIS project stores :meth:`Assessments.to_json` (scope ``besecure``, key
``compass/assessments``) in the shape the Compass has written since format version 1::

    {"version": 1, "areas": {"AUSTIN": {"name": "AUSTIN",
        "core_values": {"social_cohesion": {"score": 3, "note": "..."}, ...},
        "matrix": {"issues": [...], "options": [...], "scores": [[2, 0], [1, -1]]}}}}
"""
from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "CORE_SCORE_MAX",
    "FORMAT_VERSION",
    "MATRIX_MAX",
    "MATRIX_MIN",
    "AreaAssessment",
    "Assessments",
    "CoreValueScore",
    "OptionMatrix",
]

FORMAT_VERSION = 1
CORE_SCORE_MAX = 5
MATRIX_MIN, MATRIX_MAX = -2, 2


def _int(value: Any, low: int, high: int) -> int:
    """``value`` as an integer within [low, high]; 0 (clipped) for what is not a number."""
    try:
        number = int(value)
    except (TypeError, ValueError, OverflowError):
        number = 0
    return min(high, max(low, number))


def _mapping(value: Any) -> Mapping[str, Any]:
    return value if isinstance(value, Mapping) else {}


def _texts(value: Any) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


@dataclass
class CoreValueScore:
    """How much one core value is at stake in the area (0..:data:`CORE_SCORE_MAX`), and why."""

    score: int = 0
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "note": self.note}

    @classmethod
    def from_dict(cls, data: Any) -> CoreValueScore:
        d = _mapping(data)
        return cls(_int(d.get("score", 0), 0, CORE_SCORE_MAX), str(d.get("note", "")))


@dataclass
class OptionMatrix:
    """Issues (rows) x options (columns); ``scores[i][j]`` is option j's score against issue i."""

    issues: list[str] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    scores: list[list[int]] = field(default_factory=list)

    def add_issue(self, name: str) -> bool:
        """Append an issue (a row of zeros); False, and nothing added, for a blank name."""
        name = name.strip()
        if not name:
            return False
        self.issues.append(name)
        self.scores.append([0] * len(self.options))
        return True

    def add_option(self, name: str) -> bool:
        """Append an option (a column of zeros); False, and nothing added, for a blank name."""
        name = name.strip()
        if not name:
            return False
        self.options.append(name)
        for row in self.scores:
            row.append(0)
        return True

    def remove_issues(self, indices: Iterable[int]) -> None:
        """Remove the issues (rows) at ``indices``."""
        for i in sorted(set(indices), reverse=True):
            del self.issues[i]
            del self.scores[i]

    def remove_options(self, indices: Iterable[int]) -> None:
        """Remove the options (columns) at ``indices``."""
        for j in sorted(set(indices), reverse=True):
            del self.options[j]
            for row in self.scores:
                del row[j]

    def rename(self, kind: str, index: int, name: str) -> bool:
        """Rename issue or option ``index`` (``kind`` 'issues' or 'options'); False for a blank name or
        an index out of range."""
        names = self.issues if kind == "issues" else self.options
        name = name.strip()
        if not name or not 0 <= index < len(names):
            return False
        names[index] = name
        return True

    def set_score(self, issue: int, option: int, score: Any) -> int:
        """Score ``option`` against ``issue``, clipped to [MATRIX_MIN, MATRIX_MAX] (0 when not a number);
        returns the score kept."""
        kept = _int(score, MATRIX_MIN, MATRIX_MAX)
        self.scores[issue][option] = kept
        return kept

    def totals(self) -> list[int]:
        """Per option, the sum of its scores over the issues (all 0 without issues)."""
        return [sum(row[j] for row in self.scores) for j in range(len(self.options))]

    def leading(self) -> list[int]:
        """Indices of the options with the highest total (ties all lead); none until there are issues."""
        totals = self.totals()
        if not self.issues or not totals:
            return []
        best = max(totals)
        return [j for j, total in enumerate(totals) if total == best]

    def to_dict(self) -> dict[str, Any]:
        return {"issues": list(self.issues), "options": list(self.options), "scores": [list(r) for r in self.scores]}

    @classmethod
    def from_dict(cls, data: Any) -> OptionMatrix:
        """Read :meth:`to_dict`'s shape; a scores table that does not fit the issues and options is cut
        or padded with zeros, so the matrix is always rectangular."""
        d = _mapping(data)
        issues, options = _texts(d.get("issues")), _texts(d.get("options"))
        stored = d.get("scores")
        rows: list[Any] = stored if isinstance(stored, list) else []
        scores = []
        for i in range(len(issues)):
            row = rows[i] if i < len(rows) and isinstance(rows[i], list) else []
            scores.append([_int(row[j], MATRIX_MIN, MATRIX_MAX) if j < len(row) else 0 for j in range(len(options))])
        return cls(issues, options, scores)


@dataclass
class AreaAssessment:
    """The core-value profile and the issue/option matrix of one area."""

    name: str = ""
    """What the user calls the area (shown), which may differ from its key (a feature id)."""
    core_values: dict[str, CoreValueScore] = field(default_factory=dict)
    """Core value id -> score and note; a value not scored yet is absent (and counts as 0)."""
    matrix: OptionMatrix = field(default_factory=OptionMatrix)

    def core_value(self, value_id: str) -> CoreValueScore:
        """The score and note of one core value (0 and no note when not scored)."""
        return self.core_values.get(value_id) or CoreValueScore()

    def profile(self, value_ids: Sequence[str]) -> list[int]:
        """The scores of ``value_ids`` in that order: the radar's values."""
        return [self.core_value(v).score for v in value_ids]

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "core_values": {k: v.to_dict() for k, v in self.core_values.items()},
                "matrix": self.matrix.to_dict()}

    @classmethod
    def from_dict(cls, data: Any) -> AreaAssessment:
        d = _mapping(data)
        values = _mapping(d.get("core_values"))
        return cls(str(d.get("name", "")), {str(k): CoreValueScore.from_dict(v) for k, v in values.items()},
                   OptionMatrix.from_dict(d.get("matrix")))


@dataclass
class Assessments:
    """The assessments of every area, by area key (as stored in the QGIS project)."""

    areas: dict[str, AreaAssessment] = field(default_factory=dict)

    def get(self, key: str | None) -> AreaAssessment | None:
        """The assessment of area ``key``; None when it has none."""
        return self.areas.get(key) if key is not None else None

    def edit(self, key: str, name: str) -> AreaAssessment:
        """The assessment of area ``key`` to change (made when it has none), recording ``name``, the
        area's name as shown now."""
        entry = self.areas.setdefault(key, AreaAssessment())
        entry.name = name
        return entry

    def to_dict(self) -> dict[str, Any]:
        return {"version": FORMAT_VERSION, "areas": {k: a.to_dict() for k, a in self.areas.items()}}

    def to_json(self) -> str:
        """The text stored in the project (UTF-8 characters kept)."""
        return json.dumps(self.to_dict(), ensure_ascii=False)

    @classmethod
    def from_dict(cls, data: Any) -> Assessments:
        """Read :meth:`to_dict`'s shape; what is not in it (another version's keys, wrong types) reads as empty."""
        areas = _mapping(_mapping(data).get("areas"))
        return cls({str(k): AreaAssessment.from_dict(v) for k, v in areas.items()})

    @classmethod
    def from_json(cls, text: str) -> Assessments:
        """Read :meth:`to_json`'s text; empty or unreadable text gives no assessments (as the Compass always did)."""
        try:
            data = json.loads(text) if text else {}
        except json.JSONDecodeError:
            data = {}
        return cls.from_dict(data)
