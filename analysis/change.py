"""Period comparison per spatial unit: counts before and after, change and its significance.

The Poisson z used by crime analysts compares two counts through the variance-stabilising
square-root transform: z = 2 (sqrt(b) - sqrt(a)), approximately standard normal when both counts
come from the same Poisson rate (Anscombe 1948; e.g. 4 -> 9 gives z = 2.0).
"""
from __future__ import annotations

import numpy as np
import pandas as pd

Z_CRITICAL = 1.96


def poisson_z(count_a: np.ndarray, count_b: np.ndarray) -> np.ndarray:
    """2 * (sqrt(b) - sqrt(a)), element-wise."""
    return 2.0 * (np.sqrt(np.asarray(count_b, dtype=float)) - np.sqrt(np.asarray(count_a, dtype=float)))


def compare_periods(count_a: np.ndarray, count_b: np.ndarray, z_critical: float = Z_CRITICAL) -> pd.DataFrame:
    """Table with ``count_a``, ``count_b``, ``diff``, ``pct_change`` (null when a = 0),
    ``poisson_z`` and ``trend`` ('significant increase' / 'significant decrease' when
    |z| >= ``z_critical``, else 'no significant change')."""
    a = np.asarray(count_a, dtype=float)
    b = np.asarray(count_b, dtype=float)
    z = poisson_z(a, b)
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = np.where(a > 0, (b - a) / a * 100.0, np.nan)
    trend = np.where(z >= z_critical, "significant increase",
                     np.where(z <= -z_critical, "significant decrease", "no significant change"))
    return pd.DataFrame(
        {
            "count_a": a.astype(np.int64) if np.all(a == np.round(a)) else a,
            "count_b": b.astype(np.int64) if np.all(b == np.round(b)) else b,
            "diff": b - a,
            "pct_change": pct,
            "poisson_z": z,
            "trend": trend,
        }
    )
