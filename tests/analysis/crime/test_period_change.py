"""Period comparison against published values (REFERENCES.md: 4 -> 9 gives z = 2.0; R's exactci
poisson.exact), hand-computed binomial cases, scipy's binomtest as an independent implementation of
the same two-sided rule, and seeded simulations of the false-positive rate and the power."""
import numpy as np
import pytest
from scipy import stats

from besecure.analysis.crime.period_change import compare_periods, exact_conditional_p, poisson_z

SEED = 20261207


def test_published_example():
    assert poisson_z(np.array([4]), np.array([9]))[0] == pytest.approx(2.0)


def test_table_values_and_labels():
    t = compare_periods(np.array([4, 9, 0, 100, 0]), np.array([9, 4, 5, 100, 10]), 31, 31, fdr=False)
    assert t["diff"].tolist() == [5, -5, 5, 0, 10]
    assert t["pct_change"].iloc[0] == pytest.approx(125.0)
    assert t["pct_change"].iloc[1] == pytest.approx(-55.5555556)
    assert np.isnan(t["pct_change"].iloc[2])  # undefined from zero
    assert np.isnan(t["rate_ratio"].iloc[2])
    assert t["rate_a"].iloc[3] == pytest.approx(100 / 31)
    # 4 -> 9: 9 of 13 under Binomial(13, 1/2): P(b >= 9) = 1093 / 8192, two-sided twice that.
    # 0 -> 5: 2 / 2^5; 0 -> 10: 2 / 2^10; 100 -> 100: 1.
    assert t["p_value"].tolist() == pytest.approx([2 * 1093 / 8192, 2 * 1093 / 8192, 2 / 32, 1.0, 2 / 1024])
    assert t["trend"].tolist() == ["no significant change"] * 4 + ["significant increase"]
    # 0 -> 5: z = 2 sqrt(5) = 4.47 (the old |z| >= 1.96 rule called 4 -> 9 and 0 -> 5 significant)
    assert t["poisson_z"].iloc[2] == pytest.approx(2 * np.sqrt(5))


def test_published_two_sample_poisson():
    # R: exactci::poisson.exact(c(60, 30), c(51477.5, 54308.7), tsmethod = "minlike") -> p = 0.000675182658686321
    # (the value statsmodels' test_poisson_2indep(method="exact-cond") is tested against).
    p = exact_conditional_p(np.array([30]), np.array([60]), 54308.7, 51477.5)
    assert p[0] == pytest.approx(0.000675182658686321, rel=1e-10)


@pytest.mark.parametrize("length_a, length_b", [(1, 1), (1, 2), (2, 1), (365, 273), (31, 29), (1, 10)])
def test_p_values_equal_scipy_binomtest(length_a, length_b):
    # Every split of n incidents for small and large n: scipy.stats.binomtest(b, n, Lb / (La + Lb)) uses the
    # same likelihood-ordering two-sided rule, computed one value at a time.
    p0 = length_b / (length_a + length_b)
    for n in [*range(1, 30), 100, 257, 600]:
        b = np.arange(n + 1)
        p = exact_conditional_p(n - b, b, length_a, length_b)
        expected = [stats.binomtest(int(k), n, p0).pvalue for k in b]
        assert p == pytest.approx(expected, rel=1e-10, abs=1e-300)
    assert exact_conditional_p(np.array([0]), np.array([0]), length_a, length_b)[0] == 1.0


def test_p_values_equal_statsmodels_exact_conditional():
    # statsmodels' two-sample Poisson test, method "exact-cond" (not installed in every test environment:
    # Debian 12 ships 0.13; the scipy comparison above always runs).
    rates = pytest.importorskip("statsmodels.stats.rates")
    for a, la, b, lb in [(30, 54308.7, 60, 51477.5), (4, 31, 9, 31), (0, 1, 5, 1), (100, 1, 200, 2), (7, 365, 2, 90),
                         (120, 28, 95, 28)]:
        # The two-sided conditional p-value is symmetric in the periods; statsmodels 0.13 divides by the
        # second count's rate, so that one is given the non-zero count.
        first, second = ((b, lb), (a, la)) if a > 0 else ((a, la), (b, lb))
        expected = rates.test_poisson_2indep(*first, *second, method="exact-cond").pvalue
        assert exact_conditional_p(np.array([a]), np.array([b]), la, lb)[0] == pytest.approx(expected, rel=1e-9)


def test_unequal_lengths_are_rates():
    # 100 incidents in 1 day against 200 in 2 days: the same rate, no change at all.
    t = compare_periods(np.array([100]), np.array([200]), 1.0, 2.0)
    assert (t["rate_a"].iloc[0], t["rate_b"].iloc[0], t["rate_ratio"].iloc[0]) == (100.0, 100.0, 1.0)
    assert t["pct_change"].iloc[0] == pytest.approx(0.0)
    assert t["diff"].iloc[0] == 100
    assert t["trend"].iloc[0] == "no significant change"
    assert t["p_value"].iloc[0] == pytest.approx(stats.binomtest(200, 300, 2 / 3).pvalue)


def test_q_values_are_benjamini_hochberg_over_units_with_incidents():
    a = np.array([0, 10, 20, 5, 50, 0, 3])
    b = np.array([0, 30, 21, 0, 80, 9, 3])
    t = compare_periods(a, b, 1, 1)
    p = t["p_value"].to_numpy()
    tested = np.flatnonzero(a + b > 0)
    # BH by its definition, brute force: q_i = min over j with p_j >= p_i of m p_j / rank_j.
    m = tested.size
    pt = p[tested]
    ranks = np.array([(pt <= v).sum() for v in pt])
    q = np.array([min(1.0, min(m * pt[j] / ranks[j] for j in range(m) if pt[j] >= v)) for v in pt])
    assert t["q_value"].to_numpy()[tested] == pytest.approx(q)
    assert t["q_value"].iloc[0] == 1.0 and p[0] == 1.0  # no incidents: not tested
    labels = np.where(q <= 0.05, np.where(b[tested] > a[tested], "significant increase", "significant decrease"),
                      "no significant change")
    assert t["trend"].to_numpy()[tested].tolist() == labels.tolist()


@pytest.mark.parametrize("kwargs, message", [
    ({"count_a": [-1]}, "whole numbers of 0 or more"),
    ({"count_b": [1.5]}, "whole numbers of 0 or more"),
    ({"length_a": 0}, "positive length"),
    ({"alpha": 1.5}, "between 0 and 1"),
    ({"count_a": [1, 2]}, "give one per unit"),
])
def test_bad_input_says_what_to_change(kwargs, message):
    args = {"count_a": [1], "count_b": [2], **kwargs}
    with pytest.raises(ValueError, match=message):
        compare_periods(np.array(args.pop("count_a")), np.array(args.pop("count_b")), **args)


# ----------------------------------------------------------------------------- simulations (seeded)
def flagged(table) -> float:
    return float((table["trend"] != "no significant change").mean())


@pytest.mark.parametrize("mean, length_a, length_b", [(100, 1, 1), (100, 1, 2), (3, 1, 1)])
def test_false_positive_rate_at_most_nominal(mean, length_a, length_b):
    # 20,000 units that did not change (the rate is scaled by the period length). Measured with this seed:
    # equal Poisson(100) 0.043 (|z| >= 1.96: 0.168), lengths 1 and 2 0.047 (z, blind to lengths: 1.0),
    # Poisson(3) 0.012 (z: 0.245; exact tests are conservative at small counts).
    rng = np.random.default_rng(SEED)
    a = rng.poisson(mean * length_a, 20_000)
    b = rng.poisson(mean * length_b, 20_000)
    share = flagged(compare_periods(a, b, length_a, length_b, alpha=0.05, fdr=False))
    assert share <= 0.05
    assert share >= (0.035 if mean >= 100 else 0.005)  # not trivially conservative
    if (mean, length_a, length_b) == (100, 1, 1):
        z = poisson_z(a, b)
        assert 0.15 < np.mean(np.abs(z) >= 1.96) < 0.19  # the old rule: about 17 %


def test_fdr_family_wise_rate_under_the_global_null():
    # 1,000 runs of 200 unchanged units: under the global null BH's FDR is the chance of any false flag,
    # at most alpha. Measured with this seed: 0.036.
    rng = np.random.default_rng(SEED)
    a = rng.poisson(100, (1000, 200))
    b = rng.poisson(100, (1000, 200))
    any_flag = [flagged(compare_periods(a[i], b[i], alpha=0.05, fdr=True)) > 0 for i in range(a.shape[0])]
    assert np.mean(any_flag) <= 0.05


def test_power_for_a_doubled_rate():
    rng = np.random.default_rng(SEED)
    a = rng.poisson(100, 20_000)
    b = rng.poisson(200, 20_000)
    for fdr in (False, True):
        t = compare_periods(a, b, alpha=0.05, fdr=fdr)
        assert (t["trend"] == "significant increase").mean() > 0.999
