"""The plan-check layer of analysis/design/visual_checks.py against analytic values, REFERENCES.md and the engines."""
import math

import numpy as np
import pandas as pd
import pytest

from besecure.analysis.design import visual_checks as sv
from besecure.analysis.design.lighting import CosinePowerDistribution, en13201_grid, point_illuminance
from besecure.analysis.errors import InputError
from besecure.analysis.geometry.visibility import OccluderSet, overlook_counts
from besecure.knowledge.rulesets import load_ruleset

EN13201 = load_ruleset("en13201")


def direct_isotropic(lamps, height, flux, points, mf=1.0):
    """E_h = I H / d^3 with I = flux / 4 pi, summed over lamps (REFERENCES.md), by plain numpy."""
    d = np.hypot(points[:, None, 0] - lamps[None, :, 0], points[:, None, 1] - lamps[None, :, 1])
    h = np.broadcast_to(height, (lamps.shape[0],))
    i = np.broadcast_to(flux, (lamps.shape[0],)) / (4 * math.pi)
    return (i * h * mf / (h * h + d * d) ** 1.5).sum(axis=1)


def test_isotropic_lamp_references():
    # REFERENCES.md: 4,000 lm isotropic at 5 m: 12.73 lx below, 4.50 at 5 m, 1.14 at 10 m, 0.40 at 15 m.
    lamps = sv.Lamps.build(np.array([[0.0, 0.0]]), 5.0, 4000.0)
    e = sv.illuminance(lamps, np.array([[0, 0], [5, 0], [0, -10], [15, 0]], dtype=float))
    assert e == pytest.approx([12.73, 4.50, 1.14, 0.40], abs=0.006)


def test_tiled_illuminance_equals_direct_sum():
    rng = np.random.default_rng(3)
    lamps = rng.uniform(0, 600, (80, 2))
    flux = rng.uniform(1000, 8000, 80)
    height = rng.uniform(4, 10, 80)
    pts = rng.uniform(-50, 650, (3000, 2))
    lamp_set = sv.Lamps.build(lamps, height, flux, 0.8)
    assert sv.illuminance(lamp_set, pts, reach=None) == pytest.approx(direct_isotropic(lamps, height, flux, pts, 0.8),
                                                                      rel=1e-12)
    # With a reach, exactly the lamps within it count.
    d = np.hypot(pts[:, None, 0] - lamps[None, :, 0], pts[:, None, 1] - lamps[None, :, 1])
    i = flux / (4 * math.pi)
    ref = np.where(d <= 60.0, i * height * 0.8 / (height**2 + d**2) ** 1.5, 0.0).sum(axis=1)
    assert sv.illuminance(lamp_set, pts, reach=60.0) == pytest.approx(ref, rel=1e-12)


def test_per_lamp_flux_with_a_distribution_scales_each_lamp():
    rng = np.random.default_rng(4)
    lamps = rng.uniform(0, 100, (6, 2))
    flux = np.array([1000.0, 2000.0, 3000.0, 500.0, 0.0, 4000.0])
    pts = rng.uniform(0, 100, (200, 2))
    lamp_set = sv.Lamps.build(lamps, 6.0, flux, 0.9, distribution=CosinePowerDistribution(1000.0, 1.0),
                              reference_flux_lm=1000.0)
    # Independent: the engine called lamp by lamp with a distribution of that lamp's own flux.
    ref = sum(point_illuminance(lamps[k:k + 1], 6.0, CosinePowerDistribution(flux[k], 1.0), pts, 0.9)
              for k in range(6) if flux[k] > 0)
    assert sv.illuminance(lamp_set, pts, reach=None) == pytest.approx(ref, rel=1e-12)


def test_line_fields_on_a_straight_path_are_the_en13201_grid():
    line = np.array([[10.0, 5.0], [34.0, 23.0]])  # 30 m long, oblique
    grid = sv.line_fields([line], 2.5)
    ref = en13201_grid(line, 2.5)
    assert grid.xy == pytest.approx(ref.xy)
    assert grid.along == pytest.approx(ref.distance_along)


@pytest.mark.parametrize(("length", "n_along"), [(30.0, 10), (31.0, 11), (36.0, 12), (12.0, 10)])
def test_grid_points_along_rule(length, n_along):
    # EN 13201-3 (REFERENCES.md): N = 10 up to 30 m, else the smallest N with spacing <= 3 m; >= 3 across.
    grid = sv.line_fields([np.array([[0.0, 0.0], [length, 0.0]])], 2.0)
    row = grid.fields.iloc[0]
    assert (row.n_along, row.n_across, row.n_points) == (n_along, 3, 3 * n_along)
    assert grid.along.min() == pytest.approx(length / n_along / 2)


def test_bent_path_grid_follows_the_centreline():
    line = np.array([[0.0, 0.0], [20.0, 0.0], [20.0, 20.0]])
    grid = sv.line_fields([line], 3.0)
    assert grid.fields.iloc[0].n_along == 14  # 40 m: spacing <= 3 m
    centre = grid.xy.reshape(14, 3, 2).mean(axis=1)  # the middle of each row across lies on the centreline
    assert np.all(np.isclose(centre[:, 1], 0.0) | np.isclose(centre[:, 0], 20.0))
    # Each row across is perpendicular to its segment: constant y on the first leg, constant x on the second.
    rows = grid.xy.reshape(14, 3, 2)
    first = centre[:, 0] < 20.0 - 1e-9
    assert np.allclose(rows[first, :, 0], rows[first, :1, 0])
    assert np.allclose(rows[~first, :, 1], rows[~first, :1, 1])


def test_field_length_cuts_paths_into_equal_fields():
    grid = sv.line_fields([np.array([[0.0, 0.0], [100.0, 0.0]])], 2.0, field_length=30.0)
    assert list(grid.fields.length_m) == pytest.approx([25.0] * 4)


def test_area_fields_rule_and_inside_test():
    rect = [np.array([[0.0, 0.0], [30.0, 0.0], [30.0, 3.0], [0.0, 3.0]])]
    grid = sv.area_fields([rect])
    row = grid.fields.iloc[0]
    assert (row.n_along, row.n_across, row.n_points) == (10, 3, 30)  # as a 30 m path of width 3 m
    # An L-shape keeps only the points inside it.
    ell = [np.array([[0.0, 0.0], [60.0, 0.0], [60.0, 30.0], [30.0, 30.0], [30.0, 60.0], [0.0, 60.0]])]
    g = sv.area_fields([ell])
    assert not ((g.xy[:, 0] > 30) & (g.xy[:, 1] > 30)).any()
    # 60 m x 60 m box: 20 points at 3 m one way, 40 at 1.5 m the other; 3 of the 4 quadrants are inside.
    assert g.fields.iloc[0].n_points == 3 * 20 * 40 // 4


def test_class_minimum_for_mapping():
    assert sv.class_minimum("P4", EN13201) == 1.0
    # Dutch social safety: the most lenient of 0.3 x 3, 0.3 x 2 and 0.2 x 3 lx.
    assert sv.class_minimum("social_safety", load_ruleset("dutch_social_safety")) == pytest.approx(0.6)
    assert sv.resolve_class("p4", EN13201) == "P4"
    with pytest.raises(ValueError, match="P1, P2"):
        sv.resolve_class("P9", EN13201)


def test_check_lamps_counts_each_skipped_lamp_once_by_its_first_fault():
    nan = math.nan
    height = np.array([5.0, 0.0, nan, 6.0, 4.0, 5.0, 5.0])
    flux = np.array([4000.0, -1.0, 3000.0, nan, 2000.0, 1000.0, 0.0])
    mf = np.array([nan, 0.8, 0.8, 0.8, 1.5, 0.0, 1.0])
    azimuth = np.array([90.0, nan, nan, nan, nan, nan, nan])
    check = sv.check_lamps(height, flux, mf, azimuth, 0.85, has_distribution=False)
    # Lamp 0: fine (empty factor -> 0.85); 1, 2: no height (1 also a bad flux, counted once);
    # 3: no flux without a distribution; 4: factor above 1; 5: factor 0; 6: 0 lm is a lamp that is off, usable.
    assert check.use.tolist() == [True, False, False, False, False, False, True]
    assert (check.no_height, check.no_flux, check.bad_maintenance) == (2, 1, 2)
    assert check.maintenance[0] == 0.85 and check.azimuth.tolist() == [90.0] + [0.0] * 6
    # With a light distribution an empty flux means the distribution's own flux.
    with_dist = sv.check_lamps(height, flux, mf, azimuth, 0.85, has_distribution=True)
    assert with_dist.use.tolist() == [True, False, False, True, False, False, True] and with_dist.no_flux == 0
    xy = np.arange(14.0).reshape(7, 2)
    lamps = check.lamps(xy)
    assert lamps.n == 2 and lamps.xy.tolist() == [[0.0, 1.0], [12.0, 13.0]]
    assert lamps.height.tolist() == [5.0, 5.0] and lamps.maintenance.tolist() == [0.85, 1.0]


def test_no_usable_lamp_is_refused_with_the_count():
    check = sv.check_lamps(np.array([0.0, 3.0]), np.array([100.0, -5.0]), np.ones(2), np.zeros(2), 1.0, False)
    with pytest.raises(InputError, match="None of the 2 lamps"):
        check.lamps(np.zeros((2, 2)))


def test_assign_classes_resolves_defaults_and_counts_paths_without_one():
    classes, missing = sv.assign_classes(["p4", None, " ", "P1"], None, EN13201)
    assert (classes, missing) == (["P4", None, None, "P1"], 2)
    classes, missing = sv.assign_classes(["p4", None, ""], "p6", EN13201)
    assert (classes, missing) == (["P4", "P6", "P6"], 0)
    # A rule set with one class applies it to every path without one.
    assert sv.assign_classes([None, None], None, load_ruleset("dutch_social_safety")) == (["social_safety"] * 2, 0)
    with pytest.raises(InputError, match="Unknown lighting class 'P9'"):
        sv.assign_classes(["P4", "P9"], None, EN13201)
    with pytest.raises(InputError, match="Unknown lighting class 'X'"):
        sv.assign_classes(["P4"], "X", EN13201)
    with pytest.raises(InputError, match="No path has a lighting class"):
        sv.assign_classes([None, ""], None, EN13201)


def test_failing_stretch_starts_where_the_light_drops_below_the_minimum():
    # One isotropic 4,000 lm lamp at 5 m over the start of a 60 m path: E(r) = 318.3 x 5 / (25 + r^2)^1.5
    # falls to the P4 minimum of 1 lx at r = sqrt((318.3 x 5)^(2/3) - 25) = 10.42 m.
    lamps = sv.Lamps.build(np.array([[0.0, 0.0]]), 5.0, 4000.0)
    grid = sv.line_fields([np.array([[0.0, 0.0], [60.0, 0.0]])], 0.3)
    e = sv.illuminance(lamps, grid.xy)
    fields, stretches = sv.evaluate_fields(e, grid, ["P4"], EN13201)
    assert fields.verdict[0] == "fail"
    r_min = math.sqrt((4000 / (4 * math.pi) * 5) ** (2 / 3) - 25)
    spacing = fields.spacing_along_m[0]
    assert len(stretches) == 1
    assert abs(stretches.start_m[0] - r_min) <= spacing
    assert stretches.end_m[0] == pytest.approx(60.0)


def test_overlook_pieces_agree_with_the_engine_and_count_distinct_openings():
    rng = np.random.default_rng(9)
    rings = [np.array([[x, y], [x + 12, y], [x + 12, y + 8], [x, y + 8]])
             for x, y in rng.uniform(0, 150, (25, 2))]
    occ = OccluderSet.from_rings(rings)
    obs = rng.uniform(0, 160, (60, 2))
    facing = rng.uniform(0, 360, 60)
    lines = [rng.uniform(0, 160, (4, 2)) for _ in range(8)]
    samples = sv.line_samples(lines, 1.5, 20.0)
    counts, n_open = sv.overlook_pieces(obs, facing, 180.0, 25.0, samples, occ)
    ref = overlook_counts(obs, facing, 180.0, 25.0, samples.xy, occ)
    assert np.array_equal(counts, ref.counts)
    # Distinct openings per piece, from the engine's sight lines opening by opening.
    seen_by = np.zeros(len(samples.pieces), dtype=int)
    for j in range(60):
        seen = overlook_counts(obs[j:j + 1], facing[j], 180.0, 25.0, samples.xy, occ).any_visible
        seen_by[np.unique(samples.piece[seen])] += 1
    assert np.array_equal(n_open, seen_by)
    assert n_open.max() > 1  # the scene does test several openings per piece


def test_single_opening_overlooks_a_chord_of_its_range():
    # A window at the origin facing north (180 degrees) overlooks a path at y = 10 over the chord
    # 2 sqrt(25^2 - 10^2) = 45.83 m of its 25 m range.
    samples = sv.line_samples([np.array([[-50.0, 10.0], [50.0, 10.0]])], 0.05)
    counts, n_open = sv.overlook_pieces(np.array([[0.0, 0.0]]), 0.0, 180.0, 25.0, samples, OccluderSet.from_rings([]))
    assert (counts > 0).sum() * 0.05 == pytest.approx(2 * math.sqrt(25**2 - 10**2), abs=0.1)
    assert list(n_open) == [1]


def test_snap_to_walls_moves_openings_onto_the_facade():
    occ = OccluderSet.from_rings([np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 6.0], [0.0, 6.0]])])
    pts = np.array([[5.0, -0.4], [5.0, 0.3], [10.2, 3.0], [5.0, 20.0]])
    xy, facing = sv.snap_to_walls(pts, occ, 0.5)
    assert xy[:3] == pytest.approx(np.array([[5.0, 0.0], [5.0, 0.0], [10.0, 3.0]]))
    assert facing[:3] == pytest.approx([180.0, 180.0, 90.0])  # south wall faces south, east wall east
    assert np.isnan(facing[3]) and xy[3] == pytest.approx([5.0, 20.0])


def test_usable_rings_flags_degenerate_footprints():
    rings = [np.array([[0, 0], [1, 0], [1, 1]]), np.array([[0, 0], [1, 1], [2, 2]]),
             np.array([[0, 0], [0, 0], [0, 0], [0, 0]]), np.array([[0, 0], [1, 0], [np.nan, 1]])]
    assert list(sv.usable_rings(rings)) == [True, False, False, False]


def test_camera_coverage_reach_is_the_dori_distance():
    # REFERENCES.md: 1920 px at 90 degrees: observe 15.4 m, recognise 7.7 m, identify 3.8 m.
    levels = {"observe": 62.5, "recognise": 125.0, "identify": 250.0}
    cover = sv.camera_coverage(np.array([[0.0, 0.0]]), np.array([np.nan]), np.array([30.0]), np.array([90.0]),
                               np.array([1920.0]), np.array([np.nan]), OccluderSet.from_rings([]), levels, 1.7)
    extent = [float(np.hypot(*r.T).max()) for r in cover.ring]
    assert extent == pytest.approx([15.36, 7.68, 3.84], abs=0.005)
    # The 90-degree wedge of radius R has area pi R^2 / 4 (the arc is a polygon: 5e-5 relative).
    areas = [0.5 * abs(np.dot(r[:, 0], np.roll(r[:, 1], -1)) - np.dot(r[:, 1], np.roll(r[:, 0], -1)))
             for r in cover.ring]
    assert areas == pytest.approx([math.pi * d * d / 4 for d in (15.36, 7.68, 3.84)], rel=2e-3)


def test_camera_table_fills_defaults_and_names():
    nan = math.nan
    cams = sv.camera_table(np.array([0.0, 5.0]), np.array([1.0, 6.0]), np.array([7, 8]), ["gate", None],
                           np.array([4.0, nan]), np.array([90.0, 180.0]), np.array([nan, 60.0]),
                           np.array([1920.0, nan]), np.array([nan, 30.0]), default_hfov=90.0, default_px=1280,
                           default_range=50.0, azimuth_field="dir")
    assert cams["name"].tolist() == ["gate", "8"]  # a camera without a name is called by its feature id
    assert cams["hfov"].tolist() == [90.0, 60.0] and cams["px"].tolist() == [1920.0, 1280.0]
    assert cams["range"].tolist() == [50.0, 30.0] and np.isnan(cams["height"][1])
    # A default range of 0 means none: an empty range stays empty.
    none = sv.camera_table(np.zeros(1), np.zeros(1), np.array([1]), None, np.array([4.0]), np.array([0.0]),
                           np.array([90.0]), np.array([1000.0]), np.array([nan]), default_hfov=90.0,
                           default_px=1280, default_range=0.0, azimuth_field="dir")
    assert np.isnan(none["range"][0]) and none["name"].tolist() == ["1"]


@pytest.mark.parametrize(("column", "value", "what"), [
    ("azimuth", math.nan, "has no viewing direction in 'dir'"),
    ("hfov", 180.0, "has a field of view outside 0-180 degrees"),
    ("px", 0.0, "has no positive horizontal resolution"),
    ("height", 0.0, "has a mounting height <= 0 m"),
    ("range", -1.0, "has a maximum range <= 0 m"),
])
def test_camera_table_refuses_the_first_bad_camera(column, value, what):
    values = {"height": np.full(3, 4.0), "azimuth": np.zeros(3), "hfov": np.full(3, 90.0), "px": np.full(3, 1e3),
              "range": np.full(3, 40.0)}
    values[column][1:] = value  # cameras 2 and 3 (feature ids 11 and 12)
    with pytest.raises(InputError) as err:
        sv.camera_table(np.zeros(3), np.zeros(3), np.array([10, 11, 12]), ["a", "b", "c"], values["height"],
                        values["azimuth"], values["hfov"], values["px"], values["range"], default_hfov=90.0,
                        default_px=1000, default_range=0.0, azimuth_field="dir")
    assert str(err.value) == (f"Camera 'b' (feature 11) {what}; 2 camera(s) like this. "
                              "Fill in the field or fix the value.")


def test_coverage_verdict():
    assert sv.coverage_verdict(0.8, "identify", 0.8) == ("pass", "80% covered at 'identify' (at least the required "
                                                                  "80%)")
    assert sv.coverage_verdict(0.795, "observe", 0.8) == ("fail", "80% covered at 'observe' (below the required 80%)")


def test_building_storeys_rounds_given_numbers_and_falls_back():
    given = np.array([2.4, 2.6, 0.5, math.nan, 7.0])
    assert sv.building_storeys(given, 5, 3).tolist() == [2, 3, 3, 3, 7]
    assert sv.building_storeys(None, 2, 4).tolist() == [4, 4]


def test_generated_openings_follow_each_buildings_storeys():
    # Two 10 x 10 m squares, openings every 5 m: 2 per wall, 8 per storey; one of 1 storey, one of 3.
    square = np.array([[0.0, 0.0], [10.0, 0.0], [10.0, 10.0], [0.0, 10.0], [0.0, 0.0]])
    xy, facing = sv.generated_openings([square, square + 100.0], np.array([1, 3]), 5.0, 3.0)
    assert xy.shape == (8 + 3 * 8, 2) and facing.size == xy.shape[0]
    assert int((xy[:, 0] < 50).sum()) == 8  # the one-storey building
    # On the south wall (y = 0) of the counter-clockwise square the openings face south (180 degrees).
    assert set(facing[(xy[:, 1] == 0.0)].tolist()) == {180.0}
    xy, facing = sv.generated_openings([], np.zeros(0, dtype=int), 5.0, 3.0)
    assert xy.shape == (0, 2) and facing.size == 0


def test_openings_without_a_facing_look_all_around():
    facing, views, n_free = sv.opening_views(np.array([90.0, math.nan, 270.0]), 120.0)
    assert facing.tolist() == [90.0, 0.0, 270.0] and views.tolist() == [120.0, 360.0, 120.0] and n_free == 1


def test_overlooked_share_and_verdicts_per_piece():
    # Two pieces: 4 samples (2 seen) and 1 sample (not seen).
    pieces = pd.DataFrame({"part": [0, 0], "start_m": [0.0, 8.0], "end_m": [8.0, 10.0], "length_m": [8.0, 2.0],
                           "n_samples": [4, 1]})
    samples = sv.Samples(np.zeros((5, 2)), np.array([0, 0, 0, 0, 1]), pieces)
    share = sv.overlooked_share(samples, np.array([0, 2, 1, 0, 0]))
    assert share.tolist() == [0.5, 0.0]
    verdicts, reasons = sv.overlook_verdicts(share, 0.5)
    assert verdicts.tolist() == ["pass", "fail"]
    assert reasons == ["50% overlooked (at least the required 50%)", "0% overlooked (below the required 50%)"]
