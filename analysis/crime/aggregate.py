"""Crime-map aggregation: counts per spatial unit, rates, concentration and publication safety.

The spatial assignment (grid binning or point-in-polygon) happens before; this module turns
"unit index per incident" into the table analysts map: counts, density, rate per 1,000 residents,
share of all incidents, rank and cumulative share (the 80/20 concentration curve, Weisburd's law of
crime concentration), counts per category, and small-count suppression for publication.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
import pandas as pd

MAX_CATEGORY_COLUMNS = 40


@dataclass(frozen=True)
class CategoryCodes:
    """Integer codes per incident (-1 = no category) and the column name of each code."""

    codes: np.ndarray
    names: tuple[str, ...]
    columns: tuple[str, ...]


def category_codes(values: np.ndarray | list, max_columns: int = MAX_CATEGORY_COLUMNS) -> CategoryCodes:
    """Encode category values; the most frequent ``max_columns - 1`` get their own column, the rest 'other'.

    Column names are ``n_`` plus a lower-case slug of the category (unique, at most 60 characters).
    """
    # Distinct raw values first (a million incidents carry a handful of categories), cleaned once each.
    raw_codes, distinct = pd.factorize(pd.Series(values, dtype="object"))
    cleaned = [None if v is None or str(v).strip() == "" else str(v).strip() for v in distinct]
    raw_counts = np.bincount(raw_codes[raw_codes >= 0], minlength=len(distinct))
    count: dict[str, int] = {}
    for name, n in zip(cleaned, (int(k) for k in raw_counts)):
        if name is not None:
            count[name] = count.get(name, 0) + n
    # Most frequent first; equal counts in order of first appearance (dicts keep insertion order).
    ranked = sorted(count, key=lambda name: -count[name])
    names = ranked[: max_columns - 1] + ["other"] if len(ranked) > max_columns else ranked
    lookup = {name: i for i, name in enumerate(names)}
    other = lookup["other"] if len(ranked) > max_columns else -1
    code_of_raw = np.array([-1 if name is None else lookup.get(name, other) for name in cleaned] + [-1], dtype=np.int64)
    codes = code_of_raw[raw_codes]  # raw code -1 (a missing value) picks the trailing -1
    columns: list[str] = []
    for name in names:
        slug = re.sub(r"[^0-9a-z]+", "_", name.lower()).strip("_")[:58] or "blank"
        col = f"n_{slug}"
        k = 2
        while col in columns:
            col = f"n_{slug}_{k}"
            k += 1
        columns.append(col)
    return CategoryCodes(codes, tuple(names), tuple(columns))


def aggregate_counts(
    unit: np.ndarray,
    n_units: int,
    area_m2: np.ndarray,
    *,
    categories: CategoryCodes | None = None,
    population: np.ndarray | None = None,
    min_publish_count: int = 0,
    weights: np.ndarray | None = None,
) -> pd.DataFrame:
    """Per-unit incident table, one row per unit in unit order.

    ``unit`` holds each incident's unit index (-1: outside every unit, not counted). Columns:
    ``count``, one ``n_<category>`` per category, ``area_km2``, ``per_km2``, ``population`` and
    ``rate_1000`` (when ``population`` is given; null where population is not positive),
    ``share`` (of all incidents counted), ``rank`` (1 = most incidents; ties by unit order) and
    ``cum_share`` (share of incidents in this unit and all higher-ranked ones), ``suppressed``.

    Suppression (``min_publish_count`` = k > 1): a unit with 1..k-1 incidents gets ``count`` and
    every value derived from it (density, rate, share, rank, cum_share, categories) set to null and
    ``suppressed`` = 1; in other units, category counts of 1..k-1 are nulled. Zero counts are shown:
    an empty unit reveals no one.
    """
    unit = np.asarray(unit, dtype=np.int64)
    inside = unit >= 0
    w = None if weights is None else np.asarray(weights, dtype=float)[inside]
    counts = np.bincount(unit[inside], weights=w, minlength=n_units)[:n_units]
    total = counts.sum()
    table = pd.DataFrame({"count": counts if w is not None else counts.astype(np.int64)})
    if categories is not None:
        codes = categories.codes[inside]
        has = codes >= 0
        ncat = len(categories.names)
        flat = unit[inside][has] * ncat + codes[has]
        per = np.bincount(flat, weights=None if w is None else w[has], minlength=n_units * ncat)
        per = per[: n_units * ncat].reshape(n_units, ncat)
        for j, col in enumerate(categories.columns):
            table[col] = per[:, j] if w is not None else per[:, j].astype(np.int64)
    area = np.asarray(area_m2, dtype=float) / 1e6
    table["area_km2"] = area
    with np.errstate(divide="ignore", invalid="ignore"):
        table["per_km2"] = np.where(area > 0, counts / area, np.nan)
        if population is not None:
            pop = np.asarray(population, dtype=float)
            table["population"] = pop
            table["rate_1000"] = np.where(pop > 0, counts / pop * 1000.0, np.nan)
        table["share"] = counts / total if total > 0 else np.zeros(n_units)
    order = np.lexsort((np.arange(n_units), -counts))
    rank = np.empty(n_units, dtype=np.int64)
    rank[order] = np.arange(1, n_units + 1)
    cum = np.empty(n_units)
    cum[order] = np.cumsum(counts[order]) / total if total > 0 else 0.0
    table["rank"] = rank
    table["cum_share"] = cum
    suppressed = np.zeros(n_units, dtype=np.int64)
    if min_publish_count > 1:
        small = (counts > 0) & (counts < min_publish_count)
        suppressed[small] = 1
        derived = ["count", "per_km2", "share", "rank", "cum_share"]
        if population is not None:
            derived.append("rate_1000")
        table = table.astype({c: "float64" for c in ("count", "rank")})
        table.loc[small, derived] = np.nan
        if categories is not None:
            for col in categories.columns:
                v = table[col].to_numpy(dtype=float)
                hide = small | ((v > 0) & (v < min_publish_count))
                table[col] = np.where(hide, np.nan, v)
    table["suppressed"] = suppressed
    return table


def concentration(table: pd.DataFrame, share_of_units: float = 0.2) -> float:
    """Share of incidents in the top ``share_of_units`` of units (the 80/20 figure)."""
    counts = np.sort(table["count"].fillna(0).to_numpy(dtype=float))[::-1]
    if counts.sum() <= 0:
        return 0.0
    k = max(1, round(share_of_units * len(counts)))
    return float(counts[:k].sum() / counts.sum())
