"""Aggregation table: counts, rates, rank / cumulative share and suppression, by hand."""
import numpy as np
import pytest

from besecure.analysis.crime.aggregate import aggregate_counts, category_codes, concentration


def test_counts_rates_rank_and_cum_share():
    unit = np.array([0, 0, 0, 1, 2, 2, -1])
    t = aggregate_counts(unit, 4, np.full(4, 250_000.0), population=np.array([1000, 0, 500, 10]))
    assert t["count"].tolist() == [3, 1, 2, 0]
    assert t["per_km2"].tolist() == [12.0, 4.0, 8.0, 0.0]
    assert t["rate_1000"].iloc[0] == pytest.approx(3.0)
    assert np.isnan(t["rate_1000"].iloc[1])  # no residents: no rate
    assert t["share"].tolist() == pytest.approx([0.5, 1 / 6, 1 / 3, 0.0])
    assert t["rank"].tolist() == [1, 3, 2, 4]
    assert t["cum_share"].tolist() == pytest.approx([0.5, 1.0, 5 / 6, 1.0])


def test_categories_sum_to_count():
    cats = category_codes(np.array(["burglary", "theft", None, "theft", "Theft!"], dtype=object))
    assert cats.columns[0] == "n_theft"
    t = aggregate_counts(np.array([0, 0, 1, 1, 1]), 2, np.ones(2), categories=cats)
    assert t["n_theft"].tolist() == [1, 1]
    assert t["n_burglary"].tolist() == [1, 0]
    assert "n_theft_2" in t.columns  # 'Theft!' slugs to the same name and gets its own column


def test_category_columns_by_frequency_ties_first_seen_and_other():
    values = np.array(["b", " a", "c", "a ", "b", "", None, "d", "e", "c"], dtype=object)
    cats = category_codes(values, max_columns=3)  # two own columns, the rest in 'other'
    # counts: b 2, a 2 (' a' and 'a ' are one category), c 2, d 1, e 1; ties keep first appearance: b, a, c
    assert cats.names == ("b", "a", "other") and cats.columns == ("n_b", "n_a", "n_other")
    assert cats.codes.tolist() == [0, 1, 2, 1, 0, -1, -1, 2, 2, 2]
    everything = category_codes(values)
    assert everything.names == ("b", "a", "c", "d", "e")


def test_suppression_hides_small_counts_and_derivatives():
    unit = np.array([0] * 5 + [1] * 2 + [2])
    cats = category_codes(np.array(["a"] * 4 + ["b"] + ["a"] * 3, dtype=object))
    t = aggregate_counts(unit, 4, np.ones(4), categories=cats, min_publish_count=3)
    assert t["suppressed"].tolist() == [0, 1, 1, 0]
    assert t["count"].iloc[0] == 5 and np.isnan(t["count"].iloc[1]) and t["count"].iloc[3] == 0
    for col in ("per_km2", "share", "rank", "cum_share", "n_a"):
        assert np.isnan(t[col].iloc[1]) and np.isnan(t[col].iloc[2])
    assert t["n_a"].iloc[0] == 4 and np.isnan(t["n_b"].iloc[0])  # 1 'b' in a published cell is hidden too


def test_concentration_80_20():
    t = aggregate_counts(np.repeat(np.arange(10), [50, 30, 5, 5, 2, 2, 2, 2, 1, 1]), 10, np.ones(10))
    assert concentration(t, 0.2) == pytest.approx(0.8)
