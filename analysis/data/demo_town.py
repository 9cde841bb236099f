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

Security-by-design plan layers (:class:`DemoPlan`, built by :func:`make_demo_plan`) add what the
plan checks need, each with a planted failure (``DemoPlan.failures``), and a "redesign" variant of
the layers a designer would change, so a report can compare the current situation with the plan.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from itertools import pairwise

import numpy as np
import pandas as pd

from ..geometry.visibility import facade_openings

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
LAMP_MAINTENANCE_FACTOR = 0.8  # a typical LED luminaire's maintenance factor (EN 13201-2 values are maintained)
PEDESTRIAN_ZONE = np.array([[X0 + 1_850, Y0 + 1_450], [X0 + 2_250, Y0 + 1_450], [X0 + 2_250, Y0 + 1_750],
                            [X0 + 1_850, Y0 + 1_750]])


@dataclass(frozen=True)
class DemoTown:
    """Layers of the demo town as plain arrays and frames (coordinates in EPSG:28992)."""

    neighbourhoods: pd.DataFrame  # name, population, ring (k,2 array)
    streets: pd.DataFrame  # name, kind, line (k,2 array)
    buildings: pd.DataFrame  # use, storeys, ring
    lamps: pd.DataFrame  # x, y, height_m, flux_lm, maintenance_factor
    pedestrian_zone: np.ndarray
    incidents: pd.DataFrame  # x, y, category, occurred, window_from, window_to
    ground_truth: pd.DataFrame  # name, x, y, radius_m, description
    plan: DemoPlan | None = field(default=None)


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
    frame = pd.DataFrame(rows, columns=["x", "y", "height_m", "flux_lm"])
    frame["maintenance_factor"] = LAMP_MAINTENANCE_FACTOR
    return frame


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
        return max(1, round(base * scale))

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
    town = DemoTown(hoods, streets, buildings, lamps, PEDESTRIAN_ZONE, inc, truth)
    return replace(town, plan=make_demo_plan(town))


# ----------------------------------------------------------------------------------------------
# Security-by-design plan layers
#
# Placed by construction, so every seed plants the same failures: house rows stand at 10-24 m and
# 176-190 m into each 250 m x 200 m block, and house k of a row spans [12 + 58 k, 12 + 58 k + w]
# with w in [30, 50] m, so the 8 m strip at 62-70 m (and 120-128 m, 178-186 m) into a block is
# always free (alleys), and 12-42 m into a block is always a facade.

SQUARE = np.array([[X0 + 2_030, Y0 + 1_630], [X0 + 2_130, Y0 + 1_630], [X0 + 2_130, Y0 + 1_700],
                   [X0 + 2_030, Y0 + 1_700]])
"""The Marktplein: a square in the block interior behind the main street, inside the pedestrian zone."""
PROTECTED_ZONE = np.array([[X0 + 1_850, Y0 + 1_450], [X0 + 2_244, Y0 + 1_450], [X0 + 2_244, Y0 + 1_750],
                           [X0 + 1_850, Y0 + 1_750]])
"""The pedestrian zone as a crowded place; its east edge 6 m inside the street on the zone's edge."""
LOADING_YARD = np.array([[X0 + 1_750, Y0 + 1_490], [X0 + 1_850, Y0 + 1_490], [X0 + 1_850, Y0 + 1_510],
                         [X0 + 1_750, Y0 + 1_510]])
"""Drivable open space: a loading yard from the street at x = 1750 up to the protected zone."""
BOLLARD_SPACING_M = 1.4  # centres; 0.2 m bollards leave the usual 1.2 m clear gap
BOLLARD_DIAMETER_M = 0.2
RATING_OK = {"south": "IWA 14-1 V/7200[N2B]/80/90:0.7", "north": "ASTM F2656 M50 P1",
             "east": "PAS 68 V/7500[N3C]/80/90.0/1.1/0", "west": "IWA 14-1 V/7200[N2B]/80/90:0.7"}
RATING_UNDER = "IWA 14-1 V/1500[M1]/32/90:2.5"  # a car at 32 km/h: planted under-rated barrier (west entry)
REDESIGN_LAMP = (8.0, 6_500.0)  # height m, flux lm of the lamps the redesign puts on the dark street
ALLEY_LAMP = (4.0, 1_500.0)  # and of the wall lamp it hangs in the Marktsteeg alley


@dataclass(frozen=True)
class DemoPlan:
    """Plan layers of the demo town (frames with x/y, ``line`` or ``ring`` columns; EPSG:28992).

    Layers ending in ``_redesign`` are the redesign variant of the layer of the same name; the
    others are the current situation (or shared by both). ``failures`` lists the planted failures
    with the check that should find them.
    """

    paths: pd.DataFrame  # name, kind, lighting_class, width_m, line
    public_space: pd.DataFrame  # name, kind, ring
    openings: pd.DataFrame  # x, y, building_id, kind, storey, z_m, facing_deg
    cameras: pd.DataFrame  # x, y, camera_id, mount, height_m, azimuth_deg, hfov_deg, width_px, max_range_m
    cameras_redesign: pd.DataFrame
    lamps_redesign: pd.DataFrame  # street lamps plus new ones; change
    barriers: pd.DataFrame  # x, y, barrier_id, kind, rating, diameter_m, height_m
    barriers_redesign: pd.DataFrame
    barrier_lines: pd.DataFrame  # barrier_id, kind, rating, height_m, line
    vegetation: pd.DataFrame  # x, y, name, kind, height_m, crown_base_m, crown_radius_m
    vegetation_redesign: pd.DataFrame
    protected_zone: pd.DataFrame  # name, kind, threat, ring
    drivable_network: pd.DataFrame  # name, kind, speed_kmh, line
    drivable_areas: pd.DataFrame  # name, kind, speed_kmh, ring
    failures: pd.DataFrame  # name, check, layer, x, y, description


def _plan_paths() -> pd.DataFrame:
    rows = [
        # A vertex wherever another path joins, so the paths form a noded network.
        ("Langstraat 12 north footway", "footway", "P5", 2.0,
         [[X0 + 510, Y0 + 2_406], [X0 + 816, Y0 + 2_406], [X0 + 1_490, Y0 + 2_406]]),
        ("Langstraat 11 north footway", "footway", "P6", 2.0,
         [[X0 + 510, Y0 + 2_206], [X0 + 1_490, Y0 + 2_206]]),
        ("Achterpad", "footpath", "P6", 2.0, [[X0 + 756, Y0 + 2_300], [X0 + 994, Y0 + 2_300]]),
        ("Steeg", "alley", "P6", 2.0, [[X0 + 816, Y0 + 2_406], [X0 + 816, Y0 + 2_330]]),
        ("Marktsteeg", "alley", "P6", 3.0, [[X0 + 2_066, Y0 + 1_606], [X0 + 2_066, Y0 + 1_630]]),
        ("Hoofdstraat north footway", "footway", "P5", 2.0,
         [[X0 + 1_856, Y0 + 1_606], [X0 + 2_066, Y0 + 1_606], [X0 + 2_244, Y0 + 1_606]]),
    ]
    return pd.DataFrame([(n, k, c, w, np.array(line, dtype=float)) for n, k, c, w, line in rows],
                        columns=["name", "kind", "lighting_class", "width_m", "line"])


def _plan_openings(buildings: pd.DataFrame, spacing: float = 6.0, storey_height: float = 3.0) -> pd.DataFrame:
    """Windows and doors on every facade of the plan blocks: the centre of the pedestrian zone and the
    blocks either side of the dark street."""
    blocks = [(X0 + 1_750, Y0 + 1_400), (X0 + 2_000, Y0 + 1_400), (X0 + 1_750, Y0 + 1_600),
              (X0 + 2_000, Y0 + 1_600)]
    blocks += [(X0 + bx, Y0 + by) for bx in (500, 750, 1_000, 1_250) for by in (2_200, 2_400)]
    rows = []
    for b, (ring, storeys) in enumerate(zip(buildings.ring, buildings.storeys, strict=True)):
        x0, y0 = ring.min(axis=0)
        if not any(bx <= x0 < bx + 250 and by <= y0 < by + 200 for bx, by in blocks):
            continue
        ops = facade_openings([ring], spacing=spacing, storeys=int(storeys), storey_height=storey_height)
        ground = ops.z < storey_height
        # The opening nearest the middle of each long facade is the front or back door.
        door = np.zeros(ops.x.size, dtype=bool)
        for facing in np.unique(ops.facing_deg[ground]):
            on = np.flatnonzero(ground & (ops.facing_deg == facing))
            if on.size >= 3:
                mid = np.array([ops.x[on].mean(), ops.y[on].mean()])
                door[on[np.argmin(np.hypot(ops.x[on] - mid[0], ops.y[on] - mid[1]))]] = True
        for i in range(ops.x.size):
            rows.append((ops.x[i], ops.y[i], b + 1, "door" if door[i] else "window",
                         int(ops.z[i] // storey_height), float(ops.z[i]), float(ops.facing_deg[i])))
    return pd.DataFrame(rows, columns=["x", "y", "building_id", "kind", "storey", "z_m", "facing_deg"])


def _plan_cameras(redesign: bool) -> pd.DataFrame:
    rows = [
        # 4K camera on the rear facade of the first house of the main-street row, over the square.
        ("CAM-1 Markt south-west", "facade", X0 + 2_028, Y0 + 1_624, 6.0, 45.0, 90.0, 3840, 80.0),
        # HD camera on a pole in the main street, looking north into the Marktsteeg (the walls cut its wedge).
        ("CAM-2 Marktsteeg", "pole", X0 + 2_066, Y0 + 1_603, 5.0, 0.0, 60.0, 1920, 60.0),
    ]
    if redesign:
        # A second 4K camera in the north-east corner of the square closes the blind spot.
        rows.append(("CAM-3 Markt north-east", "pole", X0 + 2_130, Y0 + 1_700, 6.0, 225.0, 90.0, 3840, 80.0))
    return pd.DataFrame(rows, columns=["camera_id", "mount", "x", "y", "height_m", "azimuth_deg", "hfov_deg",
                                       "width_px", "max_range_m"])


def _bollard_row(entry: str, cx: float, cy: float, across_x: bool, rating: str, skip: int | None) -> list:
    offsets = (np.arange(8) - 3.5) * BOLLARD_SPACING_M
    rows = []
    for k, off in enumerate(offsets):
        if k == skip:
            continue
        x, y = (cx + off, cy) if across_x else (cx, cy + off)
        rows.append((x, y, f"{entry} entry", "bollard", rating, BOLLARD_DIAMETER_M, 1.0))
    return rows


def _plan_barriers(redesign: bool) -> pd.DataFrame:
    rows = []
    rows += _bollard_row("south", X0 + 2_000, Y0 + 1_450, True, RATING_OK["south"], None)
    # Planted gap: one bollard missing in the north row leaves 2.6 m clear (a car needs 1.5 m).
    rows += _bollard_row("north", X0 + 2_000, Y0 + 1_750, True, RATING_OK["north"], None if redesign else 3)
    rows += _bollard_row("east", X0 + 2_244, Y0 + 1_600, False, RATING_OK["east"], None)
    # Planted under-rated row: car-rated bollards at the end of the longest straight run-up.
    rows += _bollard_row("west", X0 + 1_850, Y0 + 1_600, False, RATING_OK["west"] if redesign else RATING_UNDER,
                         None)
    return pd.DataFrame(rows, columns=["x", "y", "barrier_id", "kind", "rating", "diameter_m", "height_m"])


def _plan_vegetation(redesign: bool) -> pd.DataFrame:
    nan = float("nan")
    rows = [
        ("shrub Achterpad 1", "shrub", X0 + 800, Y0 + 2_298.5, 0.8, nan, 0.8),
        # Planted: a 1.6 m shrub 1.5 m from the Achterpad (shrubs beside paths <= 1 m).
        ("shrub Achterpad 2", "shrub", X0 + 850, Y0 + 2_301.5, 0.9 if redesign else 1.6, nan, 1.0),
        ("shrub Langstraat 12", "shrub", X0 + 600, Y0 + 2_407.5, 0.9, nan, 0.6),
        ("tree Hoofdstraat 1", "tree", X0 + 2_100, Y0 + 1_607.5, 9.0, 2.5, 3.0),
        # Planted: a tree crown down to 1.4 m beside the Hoofdstraat footway (crowns >= 2 m).
        ("tree Hoofdstraat 2", "tree", X0 + 2_150, Y0 + 1_607.5, 7.0, 2.2 if redesign else 1.4, 3.0),
        ("shrub Markt courtyard", "shrub", X0 + 2_100, Y0 + 1_740, 1.8, nan, 1.5),  # far from paths
    ]
    return pd.DataFrame(rows, columns=["name", "kind", "x", "y", "height_m", "crown_base_m", "crown_radius_m"])


def _drivable_network(streets: pd.DataFrame) -> pd.DataFrame:
    """The street grid split at every crossing, with the parts inside the protected zone marked."""
    xs = sorted({float(line[0, 0]) for line in streets.line if line[0, 0] == line[1, 0]})
    ys = sorted({float(line[0, 1]) for line in streets.line if line[0, 1] == line[1, 1]})
    zx0, zy0 = PROTECTED_ZONE.min(axis=0)
    zx1, zy1 = PROTECTED_ZONE.max(axis=0)
    rows = []
    for name, kind, line in zip(streets.name, streets.kind, streets.line, strict=True):
        (x1, y1), (x2, y2) = line
        vertical = x1 == x2
        cuts = [y1, *[y for y in ys if y1 < y < y2], y2] if vertical else [x1, *[x for x in xs if x1 < x < x2], x2]
        # Also cut where the street crosses the protected zone's edge, so a part is inside or outside.
        edges = (zy0, zy1) if vertical else (zx0, zx1)
        inside_band = (zx0 < x1 < zx1) if vertical else (zy0 < y1 < zy1)
        if inside_band:
            cuts = sorted(set(cuts) | {e for e in edges if cuts[0] < e < cuts[-1]})
        for a, b in pairwise(cuts):
            seg = np.array([[x1, a], [x1, b]]) if vertical else np.array([[a, y1], [b, y1]])
            mid = seg.mean(axis=0)
            inside = zx0 < mid[0] < zx1 and zy0 < mid[1] < zy1
            seg_kind = "pedestrian" if inside else kind
            speed = 15.0 if inside else (50.0 if kind == "main" else 30.0)
            rows.append((name, seg_kind, speed, seg))
    return pd.DataFrame(rows, columns=["name", "kind", "speed_kmh", "line"])


def _redesign_lamps(lamps: pd.DataFrame) -> pd.DataFrame:
    """The street lamps plus new lamps on the dark street, where the originals stood, and in the Marktsteeg."""
    (dx1, dy), (dx2, _) = DARK_STREET
    xs = [X0 + t for t in np.arange(15.0, WIDTH, 30.0) if dx1 <= X0 + t <= dx2]
    new = pd.DataFrame({"x": [*xs, X0 + 2_066], "y": [dy + 4.0] * len(xs) + [Y0 + 1_622],
                        "height_m": [REDESIGN_LAMP[0]] * len(xs) + [ALLEY_LAMP[0]],
                        "flux_lm": [REDESIGN_LAMP[1]] * len(xs) + [ALLEY_LAMP[1]],
                        "maintenance_factor": LAMP_MAINTENANCE_FACTOR, "change": "added"})
    old = lamps.assign(change="")
    return pd.concat([old, new], ignore_index=True)


def make_demo_plan(town: DemoTown) -> DemoPlan:
    """The security-by-design plan layers of a demo town, with planted failures and a redesign."""
    (dx1, dy), (dx2, _) = DARK_STREET
    failures = pd.DataFrame(
        [
            ("dark_street", "lightingcheck", "paths", (dx1 + dx2) / 2, dy + 6,
             "Langstraat 12 north footway (class P5) has no lamps between x = 150500 and 151500: it fails; the "
             "redesign puts lamps back (street_lamps_redesign)."),
            ("unlit_achterpad", "lightingcheck", "paths", X0 + 875, Y0 + 2_300,
             "The Achterpad through a block interior is lit only at its ends: a failing stretch in the middle."),
            ("dark_alley", "lightingcheck", "paths", X0 + 2_066, Y0 + 1_624,
             "The Marktsteeg alley between two houses is shadowed from the main-street lamps: it fails P6; the "
             "redesign hangs a wall lamp in it."),
            ("unwatched_achterpad", "naturalsurveillance", "paths", X0 + 875, Y0 + 2_300,
             "The Achterpad runs 76 m from the nearest facades: no window overlooks it (range 25 m)."),
            ("unwatched_square", "naturalsurveillance", "public_space", X0 + 2_080, Y0 + 1_680,
             "The north part of the Marktplein is more than 25 m from every facade: overlooked by nobody."),
            ("cctv_blind_spot", "cctvcoverage", "public_space", X0 + 2_115, Y0 + 1_685,
             "The east of the Marktplein, beyond the 77 m detect reach of CAM-1, is a blind spot (about 40 % of "
             "the square); the redesign adds CAM-3 in the north-east corner (cameras_redesign)."),
            ("bollard_gap", "vehicleaccess", "barriers", X0 + 2_000 - 0.7, Y0 + 1_750,
             "North entry of the pedestrian zone: one bollard missing leaves a 2.6 m clear gap (a car needs 1.5 m)."),
            ("under_rated_barrier", "vehicleaccess", "barriers", X0 + 1_850, Y0 + 1_600,
             f"West entry: bollards rated '{RATING_UNDER}' (a car at 32 km/h) at the end of a 1.8 km straight "
             "main street."),
            ("tall_shrub", "concealment", "vegetation", X0 + 850, Y0 + 2_301.5,
             "A 1.6 m shrub 1.5 m from the Achterpad (shrubs beside paths at most 1 m)."),
            ("low_crown", "concealment", "vegetation", X0 + 2_150, Y0 + 1_607.5,
             "A tree crown down to 1.4 m beside the Hoofdstraat footway (crowns at least 2 m)."),
            ("dead_end", "concealment", "paths", X0 + 816, Y0 + 2_330,
             "The Steeg alley leaves the dark-street footway and ends blind in a block interior, 70 m from the "
             "street."),
        ],
        columns=["name", "check", "layer", "x", "y", "description"],
    )
    return DemoPlan(
        paths=_plan_paths(),
        public_space=pd.DataFrame({"name": ["Marktplein"], "kind": ["square"], "ring": [SQUARE]}),
        openings=_plan_openings(town.buildings),
        cameras=_plan_cameras(False),
        cameras_redesign=_plan_cameras(True),
        lamps_redesign=_redesign_lamps(town.lamps),
        barriers=_plan_barriers(False),
        barriers_redesign=_plan_barriers(True),
        barrier_lines=pd.DataFrame({
            "barrier_id": ["loading yard"], "kind": ["planter"], "rating": [RATING_OK["east"]], "height_m": [0.9],
            "line": [np.array([[X0 + 1_850, Y0 + 1_490], [X0 + 1_850, Y0 + 1_510]])]}),
        vegetation=_plan_vegetation(False),
        vegetation_redesign=_plan_vegetation(True),
        protected_zone=pd.DataFrame({"name": ["Centrum pedestrian zone"], "kind": ["crowded place"],
                                     "threat": ["small_truck"], "ring": [PROTECTED_ZONE]}),
        drivable_network=_drivable_network(town.streets),
        drivable_areas=pd.DataFrame({"name": ["Laadplein"], "kind": ["loading yard"], "speed_kmh": [15.0],
                                     "ring": [LOADING_YARD]}),
        failures=failures,
    )
