"""Period comparison against REFERENCES.md (4 -> 9 gives z = 2.0) and hand-computed values."""
import numpy as np
import pytest

from besecure.analysis.change import compare_periods, poisson_z


def test_published_example():
    assert poisson_z(np.array([4]), np.array([9]))[0] == pytest.approx(2.0)


def test_table_values_and_labels():
    t = compare_periods(np.array([4, 9, 0, 100]), np.array([9, 4, 5, 100]))
    assert t["diff"].tolist() == [5, -5, 5, 0]
    assert t["pct_change"].iloc[0] == pytest.approx(125.0)
    assert t["pct_change"].iloc[1] == pytest.approx(-55.5555556)
    assert np.isnan(t["pct_change"].iloc[2])  # undefined from zero
    assert t["trend"].tolist() == ["significant increase", "significant decrease", "significant increase",
                                   "no significant change"]
    # 0 -> 5: z = 2 sqrt(5) = 4.47
    assert t["poisson_z"].iloc[2] == pytest.approx(2 * np.sqrt(5))
