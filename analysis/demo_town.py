"""A small, coherent, seeded demo town for examples, the demo job and tests ("Veldhoven-aan-Zee").

Everything is synthetic. The town is 4 km x 3 km in the Dutch RD New CRS (EPSG:28992), with a
street grid, nine neighbourhoods with population, building footprints along the streets, street
lamps, a pedestrian zone, and two years (2023-2024) of incidents in six categories with realistic
hot times. The planted ground truth (returned in ``ground_truth`` and documented in
docs/demo_data.md) is what later analyses should find:

1. ``station``: bicycle theft and street robbery around the station square (radius 120 m),
   weekdays 7-19 h (thefts) and evenings (robbery).
2. ``nightlife``: violence on Friday and Saturday nights 22-04 h in the pedestrian zone (radius 90 m).
3. ``burglary_east``: residential burglary concentrated in the east neighbourhood, with
   near-repeat chains: 3-6 follow-up burglaries within 150 m and 1-14 days of an initiating one.
4. ``park_and_ride``: an emerging hot spot of vehicle crime that starts in 2024 (none there in 2023).
5. ``dark_street``: a street stretch whose lamps are missing (for the lighting check).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

X0, Y0 = 150_000.0, 450_000.0
WIDTH, HEIGHT = 4_000.0, 3_000.0
CRS = "EPSG:28992"
START = np.datetime64("2023-01-01T00:00")
DAYS = 731  # 2023-01-01 .. 2024-12-31

HOTSPOTS = {
    "station": (X0 + 1_000.0, Y0 + 1_500.0, 120.0),
    "nightlife": (X0 + 2_000.0, Y0 + 1_600.0, 90.0),
    "burglary_east": (X0 + 3_300.0, Y0 + 1_500.0, 450.0),
    "park_and_ride": (X0 + 2_600.0, Y0 + 400.0, 80.0),
}
DARK_STREET = ((X0 + 500.0, Y0 + 2_400.0), (X0 + 1_500.0, Y0 + 2_400.0))
PEDESTRIAN_ZONE = np.array([[X0 + 1_850, Y0 + 1_450], [X0 + 2_250, Y0 + 1_450], [X0 + 2_250, Y0 + 1_750],
                            [X0 + 1_850, Y0 + 1_750]])


@dataclass(frozen=True)
class DemoTown:
    """Layers of the demo town as plain arrays and frames (coordinates in EPSG:28992)."""

    neighbourhoods: pd.DataFrame  # name, population, ring (k,2 array)
    streets: pd.DataFrame  # name, kind, line (k,2 array)
    buildings: pd.DataFrame  # use, storeys, ring
    lamps: pd.DataFrame  # x, y, height_m, flux_lm
    pedestrian_zone: np.ndarray
    incidents: pd.DataFrame  # x, y, category, occurred, window_from, window_to
    ground_truth: pd.DataFrame  # name, x, y, radius_m, description


def _street_lines() -> pd.DataFrame:
    rows = []
    for i, x in enumerate(np.arange(X0 + 250, X0 + WIDTH, 250.0)):
        rows.append((f"Dwarsstraat {i + 1}", "main" if i % 4 == 3 else "local", np.array([[x, Y0], [x, Y0 + HEIGHT]])))
    for j, y in enumerate(np.arange(Y0 + 200, Y0 + HEIGHT, 200.0)):
        rows.append((f"Langstraat {j + 1}", "main" if j % 4 == 3 else "local", np.array([[X0, y], [X0 + WIDTH, y]])))
    return pd.DataFrame(rows, columns=["name", "kind", "line"])


def _neighbourhoods(rng: np.random.Generator) -> pd.DataFrame:
    names = ["Westhaven", "Molenwijk", "Noorderpark", "Stationskwartier", "Centrum", "Oosterwijk",
             "Zuidrand", "Bedrijvenpark", "Duinzicht"]
    rows = []
    for k, name in enumerate(names):
        r, c = divmod(k, 3)
        x1, x2 = X0 + c * WIDTH / 3, X0 + (c + 1) * WIDTH / 3
        y1, y2 = Y0 + HEIGHT - (r + 1) * HEIGHT / 3, Y0 + HEIGHT - r * HEIGHT / 3
        pop = 0 if name == "Bedrijvenpark" else int(rng.integers(3_000, 9_000))
        rows.append((name, pop, np.array([[x1, y1], [x2, y1], [x2, y2], [x1, y2]])))
    return pd.DataFrame(rows, columns=["name", "population", "ring"])


def _buildings(rng: np.random.Generator) -> pd.DataFrame:
    rows = []
    for bx in np.arange(X0 + 250, X0 + WIDTH - 250, 250.0):
        for by in np.arange(Y0 + 200, Y0 + HEIGHT - 200, 200.0):
            # Two rows of houses per block, set back 8 m from the streets.
            for k in range(4):
                w = rng.uniform(30, 50)
                x = bx + 12 + k * 58
                for y, d in ((by + 10, 14.0), (by + 200 - 24, 14.0)):
                    rows.append(("residential" if rng.random() < 0.85 else "shop", int(rng.integers(1, 4)),
                                 np.array([[x, y], [x + w, y], [x + w, y + d], [x, y + d]])))
    return pd.DataFrame(rows, columns=["use", "storeys", "ring"])


def _lamps(streets: pd.DataFrame) -> pd.DataFrame:
    rows = []
    (dx1, dy), (dx2, _) = DARK_STREET
    for _, s in streets.iterrows():
        (x1, y1), (x2, y2) = s.line
        length = float(np.hypot(x2 - x1, y2 - y1))
        for t in np.arange(15.0, length, 30.0):
            x = x1 + (x2 - x1) * t / length
            y = y1 + (y2 - y1) * t / length
            if abs(y - dy) < 1 and dx1 <= x <= dx2:
                continue  # the planted dark street
            rows.append((x + (4.0 if x1 == x2 else 0.0), y + (0.0 if x1 == x2 else 4.0),
                         8.0 if s.kind == "main" else 5.0, 6_000.0 if s.kind == "main" else 3_000.0))
    return pd.DataFrame(rows, columns=["x", "y", "height_m", "flux_lm"])


def _times(rng, n, weekday_p, hour_p, days=None):
    """Random local times with the given weekday and hour probabilities."""
    day = rng.integers(0, DAYS, n) if days is None else days
    dates = START + day.astype("timedelta64[D]")
    # Shift each date to a weekday drawn from weekday_p by moving within the same week.
    weekday = (dates.astype("datetime64[D]").astype(np.int64) - 4) % 7
    target = rng.choice(7, n, p=np.asarray(weekday_p) / np.sum(weekday_p))
    dates = dates + (target - weekday).astype("timedelta64[D]")
    hour = rng.choice(24, n, p=np.asarray(hour_p) / np.sum(hour_p))
    minute = rng.integers(0, 60, n)
    return dates + hour.astype("timedelta64[h]") + minute.astype("timedelta64[m]")


def _around(rng, centre, radius, n):
    cx, cy, _ = centre if len(centre) == 3 else (*centre, 0)
    r = radius * np.sqrt(rng.random(n))
    a = rng.uniform(0, 2 * np.pi, n)
    return cx + r * np.cos(a), cy + r * np.sin(a)


def make_demo_town(seed: int = 42, scale: float = 1.0) -> DemoTown:
    """Generate the town; ``scale`` multiplies the number of incidents (1.0 gives about 4,000)."""
    rng = np.random.default_rng(seed)
    streets = _street_lines()
    hoods = _neighbourhoods(rng)
    buildings = _buildings(rng)
    lamps = _lamps(streets)
    flat = np.ones(7)
    day_hours = np.r_[np.full(7, 0.3), np.full(12, 3.0), np.full(5, 1.0)]
    evening = np.r_[np.full(2, 2.0), np.full(4, 0.5), np.full(12, 0.6), np.full(6, 2.5)]
    night = np.r_[np.full(4, 4.0), np.full(18, 0.15), np.full(2, 3.0)]
    weekend = np.array([0.3, 0.3, 0.4, 0.6, 1.0, 3.0, 3.0])
    parts = []

    def add(category, x, y, t, t_from=None, t_to=None):
        n = len(x)
        parts.append(pd.DataFrame({
            "x": x, "y": y, "category": category, "occurred": t,
            "window_from": t if t_from is None else t_from,
            "window_to": np.full(n, np.datetime64("NaT"), dtype="datetime64[m]") if t_to is None else t_to,
        }))

    def n_of(base):
        return max(1, int(round(base * scale)))

    # Background: every category spread over the town.
    for cat, n, hours, days in (("bicycle theft", 500, day_hours, flat), ("street robbery", 150, evening, flat),
                                ("violence", 250, evening, weekend), ("vandalism", 350, night, weekend),
                                ("vehicle crime", 300, night, flat)):
        k = n_of(n)
        add(cat, X0 + rng.random(k) * WIDTH, Y0 + rng.random(k) * HEIGHT, _times(rng, k, days, hours))
    # 1. station: bicycle theft (weekday daytime) and robbery (evenings).
    k = n_of(700)
    x, y = _around(rng, HOTSPOTS["station"], HOTSPOTS["station"][2], k)
    add("bicycle theft", x, y, _times(rng, k, [1, 1, 1, 1, 1, 0.4, 0.3], day_hours))
    k = n_of(200)
    x, y = _around(rng, HOTSPOTS["station"], HOTSPOTS["station"][2], k)
    add("street robbery", x, y, _times(rng, k, flat, evening))
    # 2. nightlife: violence on Friday/Saturday nights.
    k = n_of(450)
    x, y = _around(rng, HOTSPOTS["nightlife"], HOTSPOTS["nightlife"][2], k)
    add("violence", x, y, _times(rng, k, [0, 0, 0, 0.2, 0.5, 3, 3], night))
    # 3. burglary: homes everywhere, concentrated in the east; windows while residents are out.
    res = buildings[buildings.use == "residential"]
    centres = np.array([r.mean(axis=0) for r in res.ring])
    cx, cy, rad = HOTSPOTS["burglary_east"]
    weight = 1.0 + 8.0 * (np.hypot(centres[:, 0] - cx, centres[:, 1] - cy) < rad)
    k = n_of(700)
    pick = rng.choice(len(centres), k, p=weight / weight.sum())
    bx, by = centres[pick, 0] + rng.normal(0, 3, k), centres[pick, 1] + rng.normal(0, 3, k)
    t_from = _times(rng, k, [1, 1, 1, 1, 1, 0.6, 0.6], np.r_[np.zeros(7), np.full(3, 5.0), np.full(14, 0.3)])
    dur = rng.integers(30, 11 * 60, k).astype("timedelta64[m]")
    t_to = t_from + dur
    no_window = rng.random(k) < 0.15  # witnessed: exact time, empty end
    t_to[no_window] = np.datetime64("NaT")
    # Police records date a burglary at the start of its window ("pleegdatum van").
    add("residential burglary", bx, by, t_from, t_from, t_to)
    # Near-repeat chains around initiating burglaries in the east.
    east = np.nonzero(weight[pick] > 1)[0]
    initiators = rng.choice(east, size=min(len(east), n_of(25)), replace=False)
    for i in initiators:
        m = int(rng.integers(3, 7))
        ang = rng.uniform(0, 2 * np.pi, m)
        dist = rng.uniform(10, 150, m)
        lag = rng.integers(1, 15, m).astype("timedelta64[D]") + rng.integers(0, 600, m).astype("timedelta64[m]")
        f = t_from[i] + lag
        d2 = rng.integers(30, 8 * 60, m).astype("timedelta64[m]")
        add("residential burglary", bx[i] + dist * np.cos(ang), by[i] + dist * np.sin(ang), f, f, f + d2)
    # 4. park and ride: vehicle crime from 2024 only (an emerging hot spot).
    k = n_of(220)
    x, y = _around(rng, HOTSPOTS["park_and_ride"], HOTSPOTS["park_and_ride"][2], k)
    days_2024 = rng.integers(365, DAYS, k)
    add("vehicle crime", x, y, _times(rng, k, flat, night, days=days_2024))
    inc = pd.concat(parts, ignore_index=True)
    inside = (inc.x >= X0) & (inc.x <= X0 + WIDTH) & (inc.y >= Y0) & (inc.y <= Y0 + HEIGHT)
    in_period = (inc.occurred >= START) & (inc.occurred < START + np.timedelta64(DAYS, "D"))
    inc = inc[inside & in_period].sort_values("occurred", kind="stable").reset_index(drop=True)
    truth = pd.DataFrame(
        [
            ("station", *HOTSPOTS["station"], "Bicycle theft (weekdays 7-19 h) and street robbery (evenings)."),
            ("nightlife", *HOTSPOTS["nightlife"], "Violence on Friday and Saturday nights, 22-04 h."),
            ("burglary_east", *HOTSPOTS["burglary_east"],
             "Residential burglary, 9x the town's rate, with near-repeat chains (3-6 within 150 m and 14 days)."),
            ("park_and_ride", *HOTSPOTS["park_and_ride"], "Vehicle crime at night, only in 2024 (emerging)."),
            ("dark_street", (DARK_STREET[0][0] + DARK_STREET[1][0]) / 2, DARK_STREET[0][1], 500.0,
             "1 km of street without working lamps."),
        ],
        columns=["name", "x", "y", "radius_m", "description"],
    )
    return DemoTown(hoods, streets, buildings, lamps, PEDESTRIAN_ZONE, inc, truth)
