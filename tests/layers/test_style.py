"""Class breaks of graduated crime-map styles: a zero class, then head/tail breaks (Jiang 2013)."""
import numpy as np
import pytest

from besecure.layers.style import class_breaks


def test_head_tail_breaks_by_hand():
    values = np.array([0, 0, 1, 1, 1, 2, 2, 3, 5, 8, 13, 40, 90, 200], dtype=float)
    # positives: mean 366 / 12 = 30.5; head {40, 90, 200}: mean 110; head {200}: one value, stop.
    assert class_breaks(values, 5) == pytest.approx([0.0, 30.5, 110.0, 200.0])


def test_no_zero_class_without_zeros_and_class_limit():
    values = np.array([1, 1, 1, 1, 2, 4, 8, 16, 32, 64, 128, 256], dtype=float)
    breaks = class_breaks(values, 3)
    assert breaks[0] > 0 and breaks[-1] == 256.0
    assert len(breaks) <= 2  # at most classes - 2 head/tail bounds plus the maximum
    assert class_breaks(np.array([0.0, np.nan]), 5) == [0.0]
