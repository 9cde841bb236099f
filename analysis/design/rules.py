"""Security-by-design rule sets: checking, stand-off and vegetation verdicts.

Rule sets are JSON files in ``knowledge/rulesets/`` (or a user's own file with the same schema),
read by :func:`knowledge.rulesets.load_ruleset`; the functions here take the loaded mapping.
Every number in a rule set is written as ``{"value": <number>, "source": "<where it is
published>"}`` so that each constant carries its source; :func:`check_ruleset` refuses a rule set
where a number has no source, a required key is missing or the ``kind`` is unknown.

Kinds and what they require (besides ``id``, ``kind``, ``title``):

- ``lighting_classes``: ``classes`` -> name -> ``any_of`` (a non-empty list of criterion sets with
  keys among ``e_avg_min_lx``, ``e_min_min_lx``, ``uniformity_min``, ``ra_min``); optional
  ``over_lit_factor``.
- ``cctv_levels``: ``levels`` -> name -> ``px_per_m``.
- ``vehicles``: ``classes`` -> name -> ``mass_kg``, ``acceleration_ms2``, ``min_opening_m``.
- ``standoff``: ``threats`` -> name -> ``mandatory_m``, ``preferred_m``.
- ``vegetation``: ``clear_strip_m`` and ``rules`` (list of ``id``, ``kind``, ``attribute``,
  ``operator``, ``value``, ``near_path_only``).
- ``principles``: ``principles`` (list of ``id``, ``text``, ``source``).
"""
from __future__ import annotations

import operator as _op
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from ..errors import InputError

Ruleset = dict[str, Any]
# A loaded rule set (knowledge.rulesets.load_ruleset reads one from a bundled name or a file).
RulesetLike = Mapping[str, Any]

_CRITERION_KEYS = ("e_avg_min_lx", "e_min_min_lx", "uniformity_min", "ra_min")
_OPERATORS: dict[str, Callable[[Any, Any], Any]] = {
    "<": _op.lt,
    "<=": _op.le,
    ">": _op.gt,
    ">=": _op.ge,
}
_VEGETATION_ATTRIBUTES = ("height", "crown_base")


def constant(node: Any) -> float:
    """The number of a ``{"value": x, "source": s}`` rule-set constant."""
    return float(node["value"])


def check_ruleset(data: Any, label: str | None = None) -> Ruleset:
    """Check a loaded rule set and return it as a dict.

    Raises :class:`InputError` naming the rule set (``label``, else its ``id``) and the problem when
    a number has no source, a required key is missing or the ``kind`` is unknown. Reading a file or a
    bundled rule set by name is :func:`knowledge.rulesets.load_ruleset`'s part.
    """
    if label is None:
        label = str(data.get("id", "<mapping>")) if isinstance(data, Mapping) else "<mapping>"
    if not isinstance(data, Mapping):
        raise InputError("Rule set {} must be a JSON object.", label)
    data = dict(data)
    _check_ruleset(data, label)
    return data


def _require(node: Any, keys: Sequence[str], where: str, label: str) -> None:
    if not isinstance(node, Mapping):
        raise InputError("Rule set {}: '{}' must be an object.", label, where)
    missing = [k for k in keys if k not in node]
    if missing:
        raise InputError("Rule set {}: '{}' lacks required key(s) {}.", label, where, ', '.join(missing))


def _require_constant(node: Any, where: str, label: str) -> None:
    if not (
        isinstance(node, Mapping)
        and isinstance(node.get("value"), (int, float))
        and not isinstance(node.get("value"), bool)
        and isinstance(node.get("source"), str)
        and node["source"].strip()
    ):
        raise InputError("Rule set {}: '{}' must be {{\"value\": <number>, \"source\": \"<text>\"}}.", label, where)


def _check_sources(node: Any, where: str, label: str) -> None:
    """Every number must be the ``value`` of an object that also has a ``source`` string."""
    if isinstance(node, Mapping):
        for key, child in node.items():
            path = f"{where}.{key}" if where else str(key)
            if isinstance(child, (int, float)) and not isinstance(child, bool):
                if key != "value" or not isinstance(node.get("source"), str):
                    raise InputError("Rule set {}: number at '{}' has no source (write it as {{\"value\": ..., "
                                     '"source": ...}}).', label, path)
            else:
                _check_sources(child, path, label)
    elif isinstance(node, list):
        for i, child in enumerate(node):
            if isinstance(child, (int, float)) and not isinstance(child, bool):
                raise InputError("Rule set {}: number at '{}[{}]' has no source.", label, where, i)
            _check_sources(child, f"{where}[{i}]", label)


def _check_table(data: Mapping[str, Any], table: str, fields: Sequence[str], label: str) -> None:
    entries = data[table]
    if not isinstance(entries, Mapping) or not entries:
        raise InputError("Rule set {}: '{}' must be a non-empty object.", label, table)
    for name, entry in entries.items():
        _require(entry, fields, f"{table}.{name}", label)
        for f in fields:
            _require_constant(entry[f], f"{table}.{name}.{f}", label)


def _check_ruleset(data: Mapping[str, Any], label: str) -> None:  # noqa: C901 (one check per rule-set kind and field)
    _require(data, ("id", "kind", "title"), "<top>", label)
    kind = data["kind"]
    if kind == "lighting_classes":
        _require(data, ("classes",), "<top>", label)
        classes = data["classes"]
        if not isinstance(classes, Mapping) or not classes:
            raise InputError("Rule set {}: 'classes' must be a non-empty object.", label)
        for name, cls in classes.items():
            _require(cls, ("any_of",), f"classes.{name}", label)
            alternatives = cls["any_of"]
            if not isinstance(alternatives, list) or not alternatives:
                raise InputError("Rule set {}: 'classes.{}.any_of' must be a non-empty list.", label, name)
            for i, alt in enumerate(alternatives):
                keys = [k for k in _CRITERION_KEYS if isinstance(alt, Mapping) and k in alt]
                if not keys:
                    raise InputError("Rule set {}: 'classes.{}.any_of[{}]' needs at least one of {}.",
                                     label, name, i, ', '.join(_CRITERION_KEYS))
                for k in keys:
                    _require_constant(alt[k], f"classes.{name}.any_of[{i}].{k}", label)
        if "over_lit_factor" in data:
            _require_constant(data["over_lit_factor"], "over_lit_factor", label)
    elif kind == "cctv_levels":
        _require(data, ("levels",), "<top>", label)
        _check_table(data, "levels", ("px_per_m",), label)
    elif kind == "vehicles":
        _require(data, ("classes",), "<top>", label)
        _check_table(data, "classes", ("mass_kg", "acceleration_ms2", "min_opening_m"), label)
    elif kind == "standoff":
        _require(data, ("threats",), "<top>", label)
        _check_table(data, "threats", ("mandatory_m", "preferred_m"), label)
    elif kind == "vegetation":
        _require(data, ("clear_strip_m", "rules"), "<top>", label)
        _require_constant(data["clear_strip_m"], "clear_strip_m", label)
        rules = data["rules"]
        if not isinstance(rules, list) or not rules:
            raise InputError("Rule set {}: 'rules' must be a non-empty list.", label)
        for i, rule in enumerate(rules):
            _require(rule, ("id", "kind", "attribute", "operator", "value", "near_path_only"), f"rules[{i}]", label)
            _require_constant(rule["value"], f"rules[{i}].value", label)
            if rule["operator"] not in _OPERATORS:
                raise InputError("Rule set {}: 'rules[{}].operator' must be one of {}.",
                                 label, i, ', '.join(_OPERATORS))
            if rule["attribute"] not in _VEGETATION_ATTRIBUTES:
                raise InputError("Rule set {}: 'rules[{}].attribute' must be one of {}.",
                                 label, i, ', '.join(_VEGETATION_ATTRIBUTES))
    elif kind == "principles":
        _require(data, ("principles",), "<top>", label)
        principles = data["principles"]
        if not isinstance(principles, list) or not principles:
            raise InputError("Rule set {}: 'principles' must be a non-empty list.", label)
        for i, p in enumerate(principles):
            _require(p, ("id", "text", "source"), f"principles[{i}]", label)
    else:
        raise InputError("Rule set {}: unknown kind '{}' (expected lighting_classes, cctv_levels, vehicles, "
                         "standoff, vegetation or principles).", label, kind)
    _check_sources(data, "", label)


def _ruleset_of_kind(ruleset: RulesetLike, kind: str) -> Ruleset:
    data = check_ruleset(ruleset)
    if data["kind"] != kind:
        raise InputError("Rule set '{}' is of kind '{}', expected '{}'.", data['id'], data['kind'], kind)
    return data


# --------------------------------------------------------------------------------------------
# Stand-off


@dataclass(frozen=True)
class StandoffVerdict:
    """Stand-off verdict per distance.

    ``verdict``: ``'fail'`` (closer than the mandatory evacuation distance: everyone, inside and
    outside buildings, must evacuate), ``'shelter'`` (between the mandatory and the preferred
    evacuation distance: people in buildings shelter away from windows, nobody outdoors) or
    ``'pass'`` (at or beyond the preferred evacuation distance).
    """

    threat: str
    mandatory_m: float
    preferred_m: float
    distance_m: np.ndarray
    verdict: np.ndarray
    reason: np.ndarray


def standoff_verdict(distance: float | np.ndarray, threat: str, ruleset: RulesetLike) -> StandoffVerdict:
    """Compare stand-off distances (metres) with the NCTC bomb-threat evacuation distances.

    Method: US National Counterterrorism Center, "Bomb Threat Stand-Off Distances" chart
    (mandatory and preferred evacuation distance per threat). A distance equal to the mandatory
    distance meets it; equal to the preferred distance passes. Vectorised over ``distance``.
    """
    data = _ruleset_of_kind(ruleset, "standoff")
    threats = data["threats"]
    if threat not in threats:
        raise InputError("Unknown threat '{}'. Known threats: {}.", threat, ', '.join(threats))
    entry = threats[threat]
    mandatory = constant(entry["mandatory_m"])
    preferred = constant(entry["preferred_m"])
    d = np.atleast_1d(np.asarray(distance, dtype=float))
    if np.isnan(d).any() or (d < 0).any():
        bad = int(np.flatnonzero(np.isnan(d) | (d < 0))[0])
        raise InputError("Stand-off distance at index {} is negative or missing.", bad)
    verdict = np.where(d < mandatory, "fail", np.where(d < preferred, "shelter", "pass")).astype(object)
    reason = np.empty(d.shape, dtype=object)
    reason[verdict == "fail"] = f"closer than the mandatory evacuation distance {mandatory:g} m for {threat}"
    reason[verdict == "shelter"] = (
        f"between the mandatory {mandatory:g} m and the preferred {preferred:g} m evacuation distance for {threat}"
    )
    reason[verdict == "pass"] = f"at or beyond the preferred evacuation distance {preferred:g} m for {threat}"
    return StandoffVerdict(threat, mandatory, preferred, d, verdict, reason)


def asset_threats(values: Sequence[str | None] | None, n: int, default: str,
                  ruleset: RulesetLike) -> tuple[np.ndarray, int]:
    """Each asset's threat: the rule set's threat whose name or label ``values`` gives (any case,
    surrounding spaces ignored), else ``default``; and how many assets fell back to the default
    (an empty or unknown value). All ``default`` without values."""
    if values is None:
        return np.full(n, default, dtype=object), 0
    threats = _ruleset_of_kind(ruleset, "standoff")["threats"]
    names = {k.lower(): k for k in threats}
    names.update({str(v.get("label", k)).lower(): k for k, v in threats.items()})
    given = [None if v is None else names.get(v.strip().lower()) for v in values]
    return np.array([g or default for g in given], dtype=object), sum(g is None for g in given)


def standoff_table(distance: np.ndarray, threats: np.ndarray, ruleset: RulesetLike) -> pd.DataFrame:
    """Per asset (its distance to the nearest vehicle-reachable place, inf when there is none, and
    its threat): ``min_distance_m`` (NaN for none), ``threat``, the ``mandatory_m`` and
    ``preferred_m`` evacuation distances of its threat with its ``verdict`` and ``reason``
    (:func:`standoff_verdict`), and ``v_<threat>``, the verdict against every threat of the rule set."""
    distance = np.asarray(distance, dtype=float)
    threats = np.asarray(threats, dtype=object)
    n = distance.size
    mandatory, preferred = np.full(n, np.nan), np.full(n, np.nan)
    verdict, reason = np.full(n, "", dtype=object), np.full(n, "", dtype=object)
    for name in np.unique(threats):
        rows = threats == name
        v = standoff_verdict(distance[rows], name, ruleset)
        mandatory[rows], preferred[rows] = v.mandatory_m, v.preferred_m
        verdict[rows], reason[rows] = v.verdict, v.reason
    frame = pd.DataFrame({"min_distance_m": np.where(np.isfinite(distance), distance, np.nan), "threat": threats,
                          "mandatory_m": mandatory, "preferred_m": preferred, "verdict": verdict, "reason": reason})
    for name in _ruleset_of_kind(ruleset, "standoff")["threats"]:
        frame[f"v_{name}"] = standoff_verdict(distance, name, ruleset).verdict
    return frame


# --------------------------------------------------------------------------------------------
# Vegetation and boundaries


@dataclass(frozen=True)
class VegetationVerdicts:
    """Per-feature verdicts: ``'pass'``, ``'fail'`` or ``'not_assessed'`` with the reason and rule id."""

    verdict: np.ndarray
    reason: np.ndarray
    rule: np.ndarray


def vegetation_kinds(values: Sequence[str | None] | None, n: int, default: str,
                     ruleset: RulesetLike) -> tuple[np.ndarray, list[str], list[str]]:
    """Each object's kind, lower case without surrounding spaces (an empty one takes ``default``), the
    sorted kinds no rule of the rule set knows (their objects are not assessed) and the sorted known ones."""
    default = default.strip().lower()
    kinds = np.array([(k or default).strip().lower() for k in (values if values is not None else [None] * n)],
                     dtype=object)
    known = {rule["kind"] for rule in _ruleset_of_kind(ruleset, "vegetation")["rules"]}
    return kinds, sorted(set(kinds) - known), sorted(known)


def vegetation_verdicts(
    heights: np.ndarray,
    crown_bases: np.ndarray,
    distances_to_path: np.ndarray,
    kinds: Sequence[str] | np.ndarray,
    ruleset: RulesetLike,
    clear_strip_m: float | None = None,
) -> VegetationVerdicts:
    """Check planting and boundaries against concealment rules (Secured by Design / CPTED).

    Each feature has a ``kind`` (``'shrub'``, ``'tree'``, ``'front_boundary'``,
    ``'rear_boundary'`` in the bundled rules), a height (m), a crown base height (m, trees; NaN
    otherwise) and its distance to the nearest path (m; NaN when unknown). A rule with
    ``near_path_only`` applies only inside the clear strip (``clear_strip_m`` either side of the
    path, from the rule set unless given). A feature is ``'fail'`` when any applicable rule fails,
    ``'pass'`` when at least one applies and all pass, and ``'not_assessed'`` when no rule applies
    or the attribute a rule needs is missing. Vectorised over features (one pass per rule).
    """
    data = _ruleset_of_kind(ruleset, "vegetation")
    strip = constant(data["clear_strip_m"]) if clear_strip_m is None else float(clear_strip_m)
    attrs = {
        "height": np.asarray(heights, dtype=float),
        "crown_base": np.asarray(crown_bases, dtype=float),
    }
    dist = np.asarray(distances_to_path, dtype=float)
    kind_arr = np.asarray(kinds, dtype=object)
    n = kind_arr.shape[0]
    for name, arr in (*attrs.items(), ("distances_to_path", dist)):
        if arr.shape != (n,):
            raise ValueError(f"'{name}' has shape {arr.shape}; expected ({n},) like 'kinds'.")
    verdict = np.full(n, "not_assessed", dtype=object)
    reason = np.full(n, "no rule applies to this kind at this distance", dtype=object)
    rule_id = np.full(n, "", dtype=object)
    assessed = np.zeros(n, dtype=bool)
    failed = np.zeros(n, dtype=bool)
    near = dist <= strip  # NaN distance -> False: near-path rules do not apply
    for rule in data["rules"]:
        applies = kind_arr == rule["kind"]
        if rule["near_path_only"]:
            applies &= near
        values = attrs[rule["attribute"]]
        applies &= ~np.isnan(values)
        if not applies.any():
            continue
        limit = constant(rule["value"])
        ok = _OPERATORS[rule["operator"]](values, limit)
        new_fail = applies & ~ok & ~failed
        where = "within the clear strip " if rule["near_path_only"] else ""
        verdict[new_fail] = "fail"
        rule_id[new_fail] = rule["id"]
        reason[new_fail] = [
            f"{rule['kind']} {rule['attribute']} {v:g} m {where}breaks "
            f"'{rule['attribute']} {rule['operator']} {limit:g} m'"
            for v in values[new_fail]
        ]
        failed |= new_fail
        first_pass = applies & ok & ~assessed & ~failed
        rule_id[first_pass] = rule["id"]
        reason[first_pass] = f"meets '{rule['attribute']} {rule['operator']} {limit:g} m'"
        assessed |= applies
    verdict[assessed & ~failed] = "pass"
    return VegetationVerdicts(verdict, reason, rule_id)
