"""The Policy Navigator's dossier: one area, one problem, five steps from scope to effect.

A dossier follows the BESECURE navigational aid and the Guide (``knowledge/guide.json``):

1. **scope** - the area (a feature of a polygon layer in the project), the problem (priority
   ids from ``knowledge/taxonomies.json``), core values, objectives, stakeholders and their roles;
2. **analyse** - the incidents used and links to the Processing results (algorithm id,
   parameters, outputs, layer ids, time);
3. **options** - practices chosen from the Library, each with a rationale;
4. **plan** - the implementation checklist (``knowledge/checklist.json``) with status, owner and
   date per item;
5. **monitor** - indicators, a baseline (before) and an after period, target / buffer / control
   areas and the intervention-effect result (WDQ, WDD from ``besecure:interventioneffect``).

Standard library only (no qgis, no Qt), like :mod:`.library`: the dock, the report, the tests and
a notebook share this one model. The dossier is stored as JSON (:func:`to_json`,
:func:`from_json`) with a format name and a schema version; :func:`validate_dossier` lists every
problem with its path (``plan.items[3].due``). Matching practices for the dossier's problem is
:func:`.library.search` with the problem as a filter (:func:`matching_practices`).
"""
from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from .library import load_checklist, search, taxonomy_ids

__all__ = [
    "EFFECT_COUNT_KEYS",
    "EFFECT_MEASURES",
    "FORMAT",
    "SCHEMA_VERSION",
    "STATUSES",
    "STEPS",
    "TODO",
    "Analyse",
    "AnalysisInputs",
    "AnalysisRun",
    "AreaRef",
    "ChecklistItem",
    "ChosenPractice",
    "Dossier",
    "EffectResult",
    "Indicator",
    "LayerRef",
    "Monitor",
    "Options",
    "Period",
    "Plan",
    "Scope",
    "Stakeholder",
    "checklist_items",
    "completeness",
    "from_dict",
    "from_json",
    "matching_practices",
    "new_dossier",
    "now_iso",
    "open_checklist_items",
    "sync_checklist",
    "to_dict",
    "to_json",
    "unknown_practices",
    "validate_dossier",
]

FORMAT = "besecure-dossier"
SCHEMA_VERSION = 1
#: The five steps, in order; the ids of the steps in ``knowledge/guide.json``.
STEPS: tuple[str, ...] = ("scope", "analyse", "options", "plan", "monitor")
#: Status of a checklist item.
STATUSES: tuple[str, ...] = ("open", "in_progress", "done", "not_applicable")
#: Keys of the effect's ``counts``, as ``besecure:interventioneffect`` names its fields: target T,
#: buffer D, the target's control Ct and the buffer's control Cd, before (b) and after (a)
#: (Wheeler & Ratcliffe 2018; with one control area Ct = Cd).
EFFECT_COUNT_KEYS: tuple[str, ...] = ("T_b", "T_a", "D_b", "D_a", "Ct_b", "Ct_a", "Cd_b", "Cd_a")
#: The measures of the effect kept in the dossier (fields of the algorithm's output).
EFFECT_MEASURES: tuple[str, ...] = ("wdq", "wdd", "wdd_se", "wdd_z", "p", "ci_low", "ci_high")
MAX_TEXT = 20_000

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_CUSTOM_ITEM = re.compile(r"^custom\.[a-z0-9_-]+$")


# --------------------------------------------------------------------------- the model
@dataclass
class LayerRef:
    """A layer in the QGIS project: its id (stable within the project) and name and source
    (to find it again, or to tell the user which layer is missing)."""

    layer_id: str = ""
    name: str = ""
    source: str = ""


@dataclass
class AreaRef:
    """The dossier's area: one feature of a polygon layer."""

    layer_id: str = ""
    layer_name: str = ""
    feature_id: int | None = None
    name: str = ""
    """What the user calls the area (the feature's name), for titles and the report."""


@dataclass
class Stakeholder:
    name: str = ""
    role: str = ""
    """What the party does in this dossier (owner of the problem, partner, informed, ...)."""
    interest: str = ""


@dataclass
class Scope:
    title: str = ""
    area: AreaRef = field(default_factory=AreaRef)
    problem: list[str] = field(default_factory=list)
    """Priority ids (``taxonomies.json`` priorities)."""
    core_values: list[str] = field(default_factory=list)
    objectives: list[str] = field(default_factory=list)
    stakeholders: list[Stakeholder] = field(default_factory=list)


@dataclass
class AnalysisInputs:
    """The incidents the analyse step uses and how to read them."""

    incidents: LayerRef = field(default_factory=LayerRef)
    time_field: str = ""
    category_field: str = ""
    categories: list[str] = field(default_factory=list)
    """Values of the category field that belong to the problem; empty = all incidents."""
    period: Period | None = None
    cell_size: float = 100.0
    """Grid cell size in metres for the aggregation and hot-spot maps."""


@dataclass
class AnalysisRun:
    """One Processing result linked in the dossier."""

    algorithm: str = ""
    """Full id, e.g. ``besecure:aggregateincidents``."""
    title: str = ""
    parameters: dict[str, Any] = field(default_factory=dict)
    """The parameters as run, JSON values only (layers by id or source)."""
    outputs: dict[str, str] = field(default_factory=dict)
    """Output name -> path or layer id as Processing returned it."""
    layer_ids: list[str] = field(default_factory=list)
    """Layers added to the project for this run."""
    created: str = ""
    """ISO date and time of the run."""
    summary: str = ""
    """One sentence with the key figure (``412 incidents in 37 cells``)."""


@dataclass
class Analyse:
    inputs: AnalysisInputs = field(default_factory=AnalysisInputs)
    runs: list[AnalysisRun] = field(default_factory=list)
    findings: str = ""
    """What the analysis showed, in the user's words."""


@dataclass
class ChosenPractice:
    practice_id: str = ""
    rationale: str = ""
    """Why this practice fits the problem and the area."""


@dataclass
class Options:
    chosen: list[ChosenPractice] = field(default_factory=list)
    filters: dict[str, Any] = field(default_factory=dict)
    """Extra Library filters the user matched with (approach, min_evidence, ...)."""


@dataclass
class ChecklistItem:
    item_id: str = ""
    """A checklist item id (``cooperation.agreements``), or ``custom.<name>`` for the user's own."""
    status: str = "open"
    owner: str = ""
    due: str | None = None
    """ISO date (YYYY-MM-DD)."""
    note: str = ""
    text: str = ""
    """The question, only for custom items (built-in items take theirs from the checklist)."""


@dataclass
class Plan:
    items: list[ChecklistItem] = field(default_factory=list)


@dataclass
class Period:
    """A period of whole days, both ends inclusive (ISO dates)."""

    start: str = ""
    end: str = ""


@dataclass
class Indicator:
    name: str = ""
    definition: str = ""
    """How it is measured and from which source."""
    baseline: float | None = None
    target: float | None = None
    after: float | None = None


@dataclass
class EffectResult:
    """The result of ``besecure:interventioneffect`` linked in the dossier."""

    algorithm: str = "besecure:interventioneffect"
    parameters: dict[str, Any] = field(default_factory=dict)
    counts: dict[str, float] = field(default_factory=dict)
    """The eight counts (:data:`EFFECT_COUNT_KEYS`)."""
    wdq: float | None = None
    wdd: float | None = None
    wdd_se: float | None = None
    wdd_z: float | None = None
    p: float | None = None
    ci_low: float | None = None
    ci_high: float | None = None
    interpretation: str = ""
    """The algorithm's reading of the result, in the language it ran in."""
    output: str = ""
    layer_ids: list[str] = field(default_factory=list)
    created: str = ""


@dataclass
class Monitor:
    indicators: list[Indicator] = field(default_factory=list)
    baseline: Period = field(default_factory=Period)
    after: Period = field(default_factory=Period)
    target: LayerRef = field(default_factory=LayerRef)
    buffer: LayerRef = field(default_factory=LayerRef)
    control: LayerRef = field(default_factory=LayerRef)
    effect: EffectResult | None = None
    conclusion: str = ""


@dataclass
class Dossier:
    scope: Scope = field(default_factory=Scope)
    analyse: Analyse = field(default_factory=Analyse)
    options: Options = field(default_factory=Options)
    plan: Plan = field(default_factory=Plan)
    monitor: Monitor = field(default_factory=Monitor)
    created: str = ""
    modified: str = ""


# --------------------------------------------------------------------------- helpers
def now_iso() -> str:
    """The current local time as an ISO string to the second."""
    return dt.datetime.now().replace(microsecond=0).isoformat()


def checklist_items(checklist: Mapping[str, Any] | None = None) -> list[tuple[str, Mapping[str, Any]]]:
    """(section id, item) for every item of the implementation checklist, in order."""
    data = checklist if checklist is not None else load_checklist()
    return [(section["id"], item) for section in data["sections"] for item in section["items"]]


def sync_checklist(plan: Plan, checklist: Mapping[str, Any] | None = None) -> Plan:
    """Give ``plan`` one item per checklist item, in checklist order, keeping what the user
    filled in; custom items and items of an older checklist stay, after the built-in ones."""
    known = {item.item_id: item for item in plan.items}
    ordered = [known.pop(item["id"]) if item["id"] in known else ChecklistItem(item_id=item["id"])
               for _, item in checklist_items(checklist)]
    plan.items = ordered + list(known.values())
    return plan


def new_dossier(checklist: Mapping[str, Any] | None = None) -> Dossier:
    """An empty dossier whose plan lists every checklist item as open."""
    stamp = now_iso()
    dossier = Dossier(created=stamp, modified=stamp)
    sync_checklist(dossier.plan, checklist)
    return dossier


def matching_practices(practices: Sequence[Mapping[str, Any]], problem: Iterable[str], text: str = "",
                       filters: Mapping[str, Any] | None = None, *,
                       taxonomies: Mapping[str, Any] | None = None) -> list[Mapping[str, Any]]:
    """Practices of the Library for ``problem`` (priority ids) and the extra ``filters``.

    This is :func:`.library.search` with ``problem`` added to the filters (a practice matches
    when it addresses any of the priorities and every other filter); a ``problem`` in
    ``filters`` is replaced by the dossier's.
    """
    merged = dict(filters or {})
    merged["problem"] = list(problem)
    return search(practices, text, merged, taxonomies=taxonomies)


def unknown_practices(dossier: Dossier, practices: Iterable[Mapping[str, Any]]) -> list[str]:
    """Ids of chosen practices that are not in ``practices`` (e.g. a user practice deleted
    since, or a dossier from another profile)."""
    ids = {p.get("id") for p in practices}
    return [c.practice_id for c in dossier.options.chosen if c.practice_id not in ids]


#: What :func:`completeness` can report, by code (English; the dock shows its own translations).
TODO: dict[str, str] = {
    "area": "choose the area",
    "problem": "choose the problem",
    "objectives": "state at least one objective",
    "stakeholders": "name the stakeholders and their roles",
    "incidents": "choose the incident layer",
    "analysis": "run the analysis",
    "practice": "choose at least one practice",
    "rationale": "give a rationale for every chosen practice",
    "checklist": "finish the checklist items that are open or in progress",
    "indicators": "define at least one indicator",
    "periods": "set the baseline and after periods",
    "effect": "measure the effect",
}


def open_checklist_items(dossier: Dossier) -> list[ChecklistItem]:
    """Checklist items of the plan that are still open or in progress (own items included)."""
    return [i for i in dossier.plan.items if i.status in ("open", "in_progress")]


def completeness(dossier: Dossier) -> dict[str, list[str]]:
    """Per step, the codes of what is still to be done (keys of :data:`TODO`; empty = complete)."""
    scope, monitor = dossier.scope, dossier.monitor
    checks = {
        "scope": [("area", scope.area.feature_id is None or not scope.area.layer_id),
                  ("problem", not scope.problem),
                  ("objectives", not any(o.strip() for o in scope.objectives)),
                  ("stakeholders", not scope.stakeholders)],
        "analyse": [("incidents", not dossier.analyse.inputs.incidents.layer_id),
                    ("analysis", not dossier.analyse.runs)],
        "options": [("practice", not dossier.options.chosen),
                    ("rationale", any(not c.rationale.strip() for c in dossier.options.chosen))],
        "plan": [("checklist", bool(open_checklist_items(dossier)))],
        "monitor": [("indicators", not monitor.indicators),
                    ("periods", not (monitor.baseline.start and monitor.baseline.end and monitor.after.start
                                     and monitor.after.end)),
                    ("effect", monitor.effect is None)],
    }
    return {step: [code for code, missing in checks[step] if missing] for step in STEPS}


# --------------------------------------------------------------------------- (de)serialising
def to_dict(dossier: Dossier) -> dict[str, Any]:
    """The dossier as plain JSON values, with format name and schema version."""
    return {"format": FORMAT, "version": SCHEMA_VERSION, **asdict(dossier)}


def to_json(dossier: Dossier, *, indent: int | None = None) -> str:
    """The dossier as a JSON text (UTF-8 characters kept, NaN written as null)."""
    return json.dumps(_finite(to_dict(dossier)), ensure_ascii=False, indent=indent, allow_nan=False)


def _finite(value: Any) -> Any:
    if isinstance(value, float) and not math.isfinite(value):
        return None
    if isinstance(value, dict):
        return {k: _finite(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_finite(v) for v in value]
    return value


def from_json(text: str) -> Dossier:
    """Read a dossier written by :func:`to_json`. Raises ValueError listing every problem."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("The dossier is empty.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValueError(f"The dossier is not valid JSON: {exc.msg} (line {exc.lineno}, column {exc.colno}).") \
            from None
    return from_dict(data)


def from_dict(data: Any, *, taxonomies: Mapping[str, Any] | None = None) -> Dossier:
    """Build a :class:`Dossier` from :func:`to_dict` output after :func:`validate_dossier`.

    Raises ValueError that lists every problem (at most 20) when the data is not a valid dossier.
    """
    errors = validate_dossier(data, taxonomies=taxonomies)
    if errors:
        shown = errors[:20]
        more = f"\n... and {len(errors) - len(shown)} more" if len(errors) > len(shown) else ""
        raise ValueError("The dossier cannot be read:\n- " + "\n- ".join(shown) + more)
    return _build(data)


def _period(d: Mapping[str, Any] | None) -> Period | None:
    return None if d is None else Period(start=d.get("start", ""), end=d.get("end", ""))


def _layer(d: Mapping[str, Any] | None) -> LayerRef:
    return LayerRef(**(d or {}))


def _build(data: Mapping[str, Any]) -> Dossier:
    s = data.get("scope", {})
    scope = Scope(
        title=s.get("title", ""), area=AreaRef(**s.get("area", {})), problem=list(s.get("problem", [])),
        core_values=list(s.get("core_values", [])), objectives=list(s.get("objectives", [])),
        stakeholders=[Stakeholder(**x) for x in s.get("stakeholders", [])])
    a = data.get("analyse", {})
    i = a.get("inputs", {})
    inputs = AnalysisInputs(
        incidents=_layer(i.get("incidents")), time_field=i.get("time_field", ""),
        category_field=i.get("category_field", ""), categories=list(i.get("categories", [])),
        period=_period(i.get("period")), cell_size=float(i.get("cell_size", AnalysisInputs.cell_size)))
    analyse = Analyse(inputs=inputs, runs=[AnalysisRun(**r) for r in a.get("runs", [])],
                      findings=a.get("findings", ""))
    o = data.get("options", {})
    options = Options(chosen=[ChosenPractice(**c) for c in o.get("chosen", [])], filters=dict(o.get("filters", {})))
    p = data.get("plan", {})
    plan = Plan(items=[ChecklistItem(**x) for x in p.get("items", [])])
    m = data.get("monitor", {})
    effect = m.get("effect")
    monitor = Monitor(
        indicators=[Indicator(**x) for x in m.get("indicators", [])],
        baseline=_period(m.get("baseline")) or Period(), after=_period(m.get("after")) or Period(),
        target=_layer(m.get("target")), buffer=_layer(m.get("buffer")), control=_layer(m.get("control")),
        effect=EffectResult(**effect) if effect is not None else None, conclusion=m.get("conclusion", ""))
    return Dossier(scope=scope, analyse=analyse, options=options, plan=plan, monitor=monitor,
                   created=data.get("created", ""), modified=data.get("modified", ""))


# --------------------------------------------------------------------------- validation
def _type_name(value: Any) -> str:
    return {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null",
            int: "integer", float: "number"}.get(type(value), type(value).__name__)


class _Checker:
    """Collects error messages, each prefixed with the path of the offending value."""

    def __init__(self) -> None:
        self.errors: list[str] = []

    def add(self, where: str, message: str) -> None:
        self.errors.append(f"{where}: {message}")

    def obj(self, value: Any, where: str, fields: Iterable[str], required: Iterable[str] = ()) -> bool:
        """True when ``value`` is an object with only ``fields`` and every ``required`` one."""
        if not isinstance(value, dict):
            self.add(where, f"expected an object, got {_type_name(value)}")
            return False
        allowed = set(fields)
        for key in value:
            if key not in allowed:
                self.add(where, f"unknown field {key!r}")
        for key in required:
            if key not in value:
                self.add(where, f"missing field {key!r}")
        return True

    def text(self, d: Mapping[str, Any], key: str, where: str, *, required: bool = False) -> None:
        if key not in d:
            return
        value = d[key]
        if not isinstance(value, str):
            self.add(f"{where}.{key}", f"expected text, got {_type_name(value)}")
        elif len(value) > MAX_TEXT:
            self.add(f"{where}.{key}", f"longer than {MAX_TEXT} characters")
        elif required and not value.strip():
            self.add(f"{where}.{key}", "must not be empty")

    def texts(self, d: Mapping[str, Any], key: str, where: str) -> None:
        if key not in d:
            return
        value = d[key]
        if not isinstance(value, list):
            self.add(f"{where}.{key}", f"expected a list of texts, got {_type_name(value)}")
            return
        for n, item in enumerate(value):
            if not isinstance(item, str):
                self.add(f"{where}.{key}[{n}]", f"expected text, got {_type_name(item)}")

    def ids(self, d: Mapping[str, Any], key: str, where: str, valid: frozenset[str], what: str) -> None:
        if key not in d:
            return
        value = d[key]
        if not isinstance(value, list):
            self.add(f"{where}.{key}", f"expected a list of {what} ids, got {_type_name(value)}")
            return
        seen: set[str] = set()
        for n, item in enumerate(value):
            if not isinstance(item, str):
                self.add(f"{where}.{key}[{n}]", f"expected a {what} id, got {_type_name(item)}")
            elif item not in valid:
                self.add(f"{where}.{key}[{n}]", f"unknown {what} {item!r}")
            elif item in seen:
                self.add(f"{where}.{key}[{n}]", f"{item!r} is listed twice")
            else:
                seen.add(item)

    def number(self, d: Mapping[str, Any], key: str, where: str, *, optional: bool = True,
               positive: bool = False) -> None:
        if key not in d:
            return
        value = d[key]
        if value is None and optional:
            return
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
            self.add(f"{where}.{key}", f"expected a number, got {value!r}")
        elif positive and value <= 0:
            self.add(f"{where}.{key}", f"must be more than 0, got {value!r}")

    def date(self, d: Mapping[str, Any], key: str, where: str, *, optional: bool = True) -> dt.date | None:
        value = d.get(key)
        if value in (None, "") and optional:
            return None
        if not isinstance(value, str) or not _DATE.match(value):
            self.add(f"{where}.{key}", f"expected a date as YYYY-MM-DD, got {value!r}")
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.add(f"{where}.{key}", f"{value!r} is not a calendar date")
            return None

    def timestamp(self, d: Mapping[str, Any], key: str, where: str) -> None:
        value = d.get(key)
        if value in (None, ""):
            return
        try:
            dt.datetime.fromisoformat(value)
        except (TypeError, ValueError):
            self.add(f"{where}.{key}", f"expected an ISO date and time (YYYY-MM-DDTHH:MM:SS), got {value!r}")

    def period(self, value: Any, where: str) -> tuple[dt.date | None, dt.date | None]:
        if not self.obj(value, where, ("start", "end")):
            return None, None
        start, end = self.date(value, "start", where), self.date(value, "end", where)
        if start and end and start > end:
            self.add(where, f"starts on {start} after it ends on {end}; swap the dates")
        return start, end

    def json_value(self, value: Any, where: str, depth: int = 0) -> None:
        if depth > 8:
            self.add(where, "nested too deeply")
        elif isinstance(value, dict):
            for k, v in value.items():
                if not isinstance(k, str):
                    self.add(where, f"key {k!r} is not text")
                self.json_value(v, f"{where}.{k}", depth + 1)
        elif isinstance(value, list):
            for n, v in enumerate(value):
                self.json_value(v, f"{where}[{n}]", depth + 1)
        elif isinstance(value, float) and not math.isfinite(value):
            self.add(where, "not a finite number")
        elif not isinstance(value, (str, int, float, bool, type(None))):
            self.add(where, f"{_type_name(value)} cannot be stored as JSON")

    def layer(self, value: Any, where: str) -> None:
        if self.obj(value, where, ("layer_id", "name", "source")):
            for key in ("layer_id", "name", "source"):
                self.text(value, key, where)


def _check_scope(c: _Checker, s: Any, ids: Mapping[str, frozenset[str]]) -> None:
    if not c.obj(s, "scope", ("title", "area", "problem", "core_values", "objectives", "stakeholders")):
        return
    c.text(s, "title", "scope")
    area = s.get("area", {})
    if c.obj(area, "scope.area", ("layer_id", "layer_name", "feature_id", "name")):
        for key in ("layer_id", "layer_name", "name"):
            c.text(area, key, "scope.area")
        fid = area.get("feature_id")
        if fid is not None and (isinstance(fid, bool) or not isinstance(fid, int)):
            c.add("scope.area.feature_id", f"expected a feature id (integer) or null, got {fid!r}")
        if fid is not None and not area.get("layer_id"):
            c.add("scope.area", "a feature id needs the layer id of the area layer")
    c.ids(s, "problem", "scope", ids["problem"], "priority")
    c.ids(s, "core_values", "scope", ids["core_values"], "core value")
    c.texts(s, "objectives", "scope")
    holders = s.get("stakeholders", [])
    if not isinstance(holders, list):
        c.add("scope.stakeholders", f"expected a list, got {_type_name(holders)}")
        return
    for n, h in enumerate(holders):
        where = f"scope.stakeholders[{n}]"
        if c.obj(h, where, ("name", "role", "interest"), ("name",)):
            c.text(h, "name", where, required=True)
            c.text(h, "role", where)
            c.text(h, "interest", where)


def _check_analyse(c: _Checker, a: Any) -> None:
    if not c.obj(a, "analyse", ("inputs", "runs", "findings")):
        return
    c.text(a, "findings", "analyse")
    inputs = a.get("inputs", {})
    where = "analyse.inputs"
    if c.obj(inputs, where, ("incidents", "time_field", "category_field", "categories", "period", "cell_size")):
        c.layer(inputs.get("incidents", {}), f"{where}.incidents")
        c.text(inputs, "time_field", where)
        c.text(inputs, "category_field", where)
        c.texts(inputs, "categories", where)
        if inputs.get("categories") and not inputs.get("category_field"):
            c.add(where, "categories are chosen but no category field; choose the field or clear the categories")
        if inputs.get("period") is not None:
            c.period(inputs["period"], f"{where}.period")
            if not inputs.get("time_field"):
                c.add(where, "a period needs the time field of the incidents")
        c.number(inputs, "cell_size", where, optional=False, positive=True)
    runs = a.get("runs", [])
    if not isinstance(runs, list):
        c.add("analyse.runs", f"expected a list, got {_type_name(runs)}")
        return
    for n, run in enumerate(runs):
        where = f"analyse.runs[{n}]"
        if not c.obj(run, where, ("algorithm", "title", "parameters", "outputs", "layer_ids", "created", "summary"),
                     ("algorithm",)):
            continue
        c.text(run, "algorithm", where, required=True)
        if isinstance(run.get("algorithm"), str) and run["algorithm"] and ":" not in run["algorithm"]:
            c.add(f"{where}.algorithm",
                  f"expected a full algorithm id like 'besecure:hottimes', got {run['algorithm']!r}")
        for key in ("title", "summary"):
            c.text(run, key, where)
        _check_mapping(c, run, "parameters", where, values_are_text=False)
        _check_mapping(c, run, "outputs", where, values_are_text=True)
        c.texts(run, "layer_ids", where)
        c.timestamp(run, "created", where)


def _check_mapping(c: _Checker, d: Mapping[str, Any], key: str, where: str, *, values_are_text: bool) -> None:
    if key not in d:
        return
    value = d[key]
    if not isinstance(value, dict):
        c.add(f"{where}.{key}", f"expected an object, got {_type_name(value)}")
    elif values_are_text:
        for k, v in value.items():
            if not isinstance(v, str):
                c.add(f"{where}.{key}.{k}", f"expected a path or layer id (text), got {_type_name(v)}")
    else:
        c.json_value(value, f"{where}.{key}")


def _check_options(c: _Checker, o: Any) -> None:
    if not c.obj(o, "options", ("chosen", "filters")):
        return
    _check_mapping(c, o, "filters", "options", values_are_text=False)
    chosen = o.get("chosen", [])
    if not isinstance(chosen, list):
        c.add("options.chosen", f"expected a list, got {_type_name(chosen)}")
        return
    seen: set[str] = set()
    for n, item in enumerate(chosen):
        where = f"options.chosen[{n}]"
        if not c.obj(item, where, ("practice_id", "rationale"), ("practice_id",)):
            continue
        c.text(item, "practice_id", where, required=True)
        c.text(item, "rationale", where)
        pid = item.get("practice_id")
        if isinstance(pid, str):
            if pid in seen:
                c.add(where, f"practice {pid!r} is chosen twice")
            seen.add(pid)


def _check_plan(c: _Checker, p: Any, builtin: frozenset[str]) -> None:
    if not c.obj(p, "plan", ("items",)):
        return
    items = p.get("items", [])
    if not isinstance(items, list):
        c.add("plan.items", f"expected a list, got {_type_name(items)}")
        return
    seen: set[str] = set()
    for n, item in enumerate(items):
        where = f"plan.items[{n}]"
        if not c.obj(item, where, ("item_id", "status", "owner", "due", "note", "text"), ("item_id",)):
            continue
        iid = item.get("item_id")
        for key in ("owner", "note", "text"):
            c.text(item, key, where)
        if not isinstance(iid, str):
            c.add(f"{where}.item_id", f"expected a checklist item id, got {_type_name(iid)}")
        else:
            if iid in seen:
                c.add(f"{where}.item_id", f"{iid!r} is listed twice")
            seen.add(iid)
            if iid not in builtin:
                if not _CUSTOM_ITEM.match(iid):
                    c.add(f"{where}.item_id", f"{iid!r} is not in the checklist; own items need an id "
                          "'custom.<name>' and a text")
                elif not str(item.get("text", "")).strip():
                    c.add(where, f"the own item {iid!r} needs its text")
        status = item.get("status", "open")
        if status not in STATUSES:
            c.add(f"{where}.status", f"expected one of {', '.join(STATUSES)}, got {status!r}")
        c.date(item, "due", where)


def _check_monitor(c: _Checker, m: Any) -> None:  # noqa: C901 (one check per field of the monitor step)
    if not c.obj(m, "monitor", ("indicators", "baseline", "after", "target", "buffer", "control", "effect",
                                "conclusion")):
        return
    c.text(m, "conclusion", "monitor")
    indicators = m.get("indicators", [])
    if not isinstance(indicators, list):
        c.add("monitor.indicators", f"expected a list, got {_type_name(indicators)}")
    else:
        for n, ind in enumerate(indicators):
            where = f"monitor.indicators[{n}]"
            if c.obj(ind, where, ("name", "definition", "baseline", "target", "after"), ("name",)):
                c.text(ind, "name", where, required=True)
                c.text(ind, "definition", where)
                for key in ("baseline", "target", "after"):
                    c.number(ind, key, where)
    _, before_end = c.period(m.get("baseline", {}), "monitor.baseline")
    after_start, _ = c.period(m.get("after", {}), "monitor.after")
    if before_end and after_start and after_start <= before_end:
        c.add("monitor.after", f"starts on {after_start}, before the baseline ends on {before_end}; "
              "the after period must follow the baseline")
    for key in ("target", "buffer", "control"):
        if key in m:
            c.layer(m[key], f"monitor.{key}")
    effect = m.get("effect")
    if effect is None:
        return
    where = "monitor.effect"
    if not c.obj(effect, where, ("algorithm", "parameters", "counts", *EFFECT_MEASURES, "interpretation", "output",
                                 "layer_ids", "created")):
        return
    for key in ("algorithm", "interpretation", "output"):
        c.text(effect, key, where)
    c.texts(effect, "layer_ids", where)
    c.timestamp(effect, "created", where)
    _check_mapping(c, effect, "parameters", where, values_are_text=False)
    for key in EFFECT_MEASURES:
        c.number(effect, key, where)
    counts = effect.get("counts", {})
    if not isinstance(counts, dict):
        c.add(f"{where}.counts", f"expected an object, got {_type_name(counts)}")
        return
    for key, value in counts.items():
        if key not in EFFECT_COUNT_KEYS:
            c.add(f"{where}.counts", f"unknown count {key!r}; use {', '.join(EFFECT_COUNT_KEYS)}")
        elif isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
            c.add(f"{where}.counts.{key}", f"expected a count of 0 or more, got {value!r}")


def validate_dossier(data: Any, *, taxonomies: Mapping[str, Any] | None = None,
                     checklist: Mapping[str, Any] | None = None) -> list[str]:
    """Check a dossier as stored (the output of :func:`to_dict`).

    Returns readable messages, each starting with the path of the value (``monitor.after``,
    ``plan.items[3].due``); an empty list means valid. Problem and core-value ids are checked
    against the taxonomies and plan items against the implementation checklist. Chosen practice
    ids are not checked against the Library (a user practice may have been deleted since):
    see :func:`unknown_practices`.
    """
    c = _Checker()
    if not isinstance(data, dict):
        return [f"dossier: expected an object, got {_type_name(data)}"]
    fmt, version = data.get("format"), data.get("version")
    if fmt != FORMAT:
        return [f"format: this is not a BESECURE dossier (expected format {FORMAT!r}, got {fmt!r})"]
    if isinstance(version, bool) or not isinstance(version, int) or version < 1:
        return [f"version: expected a schema version number, got {version!r}"]
    if version > SCHEMA_VERSION:
        return [f"version: the dossier was written by a newer BESECURE (schema version {version}; "
                f"this one reads up to {SCHEMA_VERSION}); update the plugin to open it"]
    c.obj(data, "dossier", ("format", "version", "created", "modified", *STEPS))
    c.timestamp(data, "created", "dossier")
    c.timestamp(data, "modified", "dossier")
    ids = taxonomy_ids(taxonomies)
    builtin = frozenset(item["id"] for _, item in checklist_items(checklist))
    if "scope" in data:
        _check_scope(c, data["scope"], ids)
    if "analyse" in data:
        _check_analyse(c, data["analyse"])
    if "options" in data:
        _check_options(c, data["options"])
    if "plan" in data:
        _check_plan(c, data["plan"], builtin)
    if "monitor" in data:
        _check_monitor(c, data["monitor"])
    return c.errors
