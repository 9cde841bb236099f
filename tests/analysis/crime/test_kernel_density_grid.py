"""Planning the kernel density raster (analysis.crime.kernel_density_grid) against grids computed by hand.

The canonical bandwidth ratio of the quartic to the Gaussian kernel in two dimensions is worked out
here from its definition, (R(K) / mu2(K)²)^(1/6) (Marron & Nolan 1988): quartic R = 9/(5 pi),
mu2 = 1/8 per axis; Gaussian R = 1/(4 pi), mu2 = 1; ratio (2304/5)^(1/6) = 2.779.
"""
import math

import numpy as np
import pytest

from besecure.analysis.crime import kernel_density_grid as plan
from besecure.analysis.crime.kernel_density import Kernel, kde_grid
from besecure.analysis.errors import InputError


@pytest.mark.parametrize(("value", "up", "expected"), [
    (37.0, False, 25.0), (37.0, True, 50.0), (2.0, False, 2.0), (2.0, True, 2.0), (0.3, True, 0.5),
    (0.3, False, 0.25), (1000.0, False, 1000.0), (1001.0, True, 2000.0), (24.0, True, 25.0), (7.0, False, 5.0),
])
def test_nice_cell_picks_the_1_2_2p5_5_series(value, up, expected):
    assert plan.nice_cell(value, up) == pytest.approx(expected)


def test_snapped_grows_outwards_to_whole_cells():
    assert plan.snapped((3.0, -7.0, 998.0, 1001.0), 10.0) == (0.0, -10.0, 1000.0, 1010.0)
    assert plan.snapped((0.0, 0.0, 1000.0, 1000.0), 10.0) == (0.0, 0.0, 1000.0, 1000.0)


def test_n_cells_whole_cells_cover_the_extent():
    assert plan.n_cells((0.0, 0.0, 1000.0, 1000.0), 10.0) == 100 * 100
    assert plan.n_cells((0.0, 0.0, 1005.0, 1000.0), 10.0) == 101 * 100  # a part cell is a whole column
    assert plan.n_cells((0.0, 0.0, 0.0, 30.0), 10.0) == 1 * 3  # at least one column
    assert plan.n_cells((0.0, 0.0, 0.3, 0.3), 0.1) == 9  # 0.3 / 0.1 = 2.9999999999999996: no extra cell


@pytest.mark.parametrize("extent", [(0.0, 0.0, 1000.0, 1000.0), (0.0, 0.0, 1005.0, 1000.0),
                                    (12.5, -3.0, 97.0, 41.0)])
def test_n_cells_is_the_grid_kde_builds(extent):
    grid = kde_grid([0.0], [0.0], kernel=Kernel.QUARTIC, bandwidth=50.0, cell_size=10.0, extent=extent)
    assert plan.n_cells(extent, 10.0) == grid.nrows * grid.ncols


def test_default_bounds_pad_by_the_support_radius_or_take_the_study_area():
    x, y = np.array([0.0, 500.0, 200.0]), np.array([0.0, 200.0, 50.0])
    assert plan.default_bounds(x, y, None, Kernel.QUARTIC, 100.0) == (-100.0, -100.0, 600.0, 300.0)
    # The Gaussian is cut at 4 standard deviations.
    assert plan.default_bounds(x, y, None, Kernel.GAUSSIAN, 100.0) == (-400.0, -400.0, 900.0, 600.0)
    rings = [np.array([[10.0, 20.0], [90.0, 20.0], [90.0, 80.0], [10.0, 20.0]]),
             np.array([[-5.0, 0.0], [0.0, 100.0], [-5.0, 0.0]])]
    assert plan.default_bounds(x, y, rings, Kernel.QUARTIC, 100.0) == (-5.0, 0.0, 90.0, 100.0)


def test_raster_extent_snaps_only_when_asked():
    assert plan.raster_extent((3.0, 3.0, 97.0, 97.0), 10.0, snap=True) == (0.0, 0.0, 100.0, 100.0)
    assert plan.raster_extent((3.0, 3.0, 97.0, 97.0), 10.0, snap=False) == (3.0, 3.0, 97.0, 97.0)


def test_auto_cell_is_a_tenth_of_the_radius_when_it_fits():
    choice = plan.auto_cell((0.0, 0.0, 1000.0, 1000.0), True, Kernel.QUARTIC, 250.0, target=10_000)
    assert (choice.cell, choice.extent, choice.radius, choice.tenth_cells) == (25.0, (0.0, 0.0, 1000.0, 1000.0),
                                                                              250.0, None)
    # A radius of 370 m: a tenth is 37 m, rounded down on the series to 25 m.
    assert plan.auto_cell((0.0, 0.0, 1000.0, 1000.0), True, Kernel.QUARTIC, 370.0, 10_000).cell == 25.0


def test_auto_cell_is_enlarged_to_the_target():
    # 25 m cells make 40 x 40 = 1,600 > 100; sqrt(1e6 / 100) = 100 m is on the series and gives 10 x 10.
    choice = plan.auto_cell((0.0, 0.0, 1000.0, 1000.0), True, Kernel.QUARTIC, 250.0, target=100)
    assert (choice.cell, choice.extent, choice.tenth_cells) == (100.0, (0.0, 0.0, 1000.0, 1000.0), 1600)


def test_auto_cell_steps_up_when_snapping_adds_cells():
    bounds = (5.0, 5.0, 1005.0, 1005.0)
    # Unsnapped, 100 m cells cover it in 10 x 10 = 100 cells.
    assert plan.auto_cell(bounds, False, Kernel.QUARTIC, 250.0, target=100).cell == 100.0
    # Snapped, 100 m cells need 0..1100, 11 x 11 = 121 > 100; the next step, 200 m, needs 0..1200: 6 x 6.
    choice = plan.auto_cell(bounds, True, Kernel.QUARTIC, 250.0, target=100)
    assert (choice.cell, choice.extent) == (200.0, (0.0, 0.0, 1200.0, 1200.0))
    assert choice.tenth_cells == 41 * 41  # 25 m cells on 0..1025


def test_coarse_cell_advice_above_half_the_radius():
    assert plan.coarse_cell_advice(60.0, Kernel.QUARTIC, 100.0) == 20.0  # a fifth of 100 m
    assert plan.coarse_cell_advice(50.0, Kernel.QUARTIC, 100.0) is None
    # Gaussian 30 m: the radius is 120 m, a fifth 24 m, rounded down to 20 m.
    assert plan.coarse_cell_advice(61.0, Kernel.GAUSSIAN, 30.0) == 20.0


def test_wide_bandwidth_against_a_tenth_of_the_shorter_side():
    x, y = np.array([0.0, 1000.0, 300.0]), np.array([0.0, 500.0, 100.0])
    wide = plan.wide_bandwidth(x, y, Kernel.QUARTIC, 60.0)
    assert (wide.side, wide.suggested) == (500.0, 25.0) and wide.quartic_radius == pytest.approx(60.0)
    assert plan.wide_bandwidth(x, y, Kernel.QUARTIC, 49.0) is None
    # A Gaussian sigma of 20 m smooths as a quartic radius of 20 x (2304/5)^(1/6) = 55.6 m > 50 m.
    gauss = plan.wide_bandwidth(x, y, Kernel.GAUSSIAN, 20.0)
    assert gauss.quartic_radius == pytest.approx(20.0 * (2304 / 5) ** (1 / 6), rel=1e-9)
    assert plan.wide_bandwidth(x, y, Kernel.GAUSSIAN, 17.0) is None  # 47.2 m
    assert plan.wide_bandwidth(x, np.zeros(3), Kernel.QUARTIC, 1e6) is None  # on a line: no side


def test_incident_weights_skip_empty_and_refuse_bad():
    w, keep = plan.incident_weights(np.array([1.0, np.nan, 2.5, 0.0]), "w")
    assert keep.tolist() == [True, False, True, True] and w[keep].sum() == 3.5
    with pytest.raises(InputError, match="not numeric") as err:
        plan.incident_weights(np.array(["a", 1], dtype=object), "w")
    assert err.value.values == ("w",)
    with pytest.raises(InputError, match="has 2 negative values") as err:
        plan.incident_weights(np.array([1.0, -1.0, -3.0]), "w")
    assert err.value.values == ("w", 2, -3.0)
    with pytest.raises(InputError, match="sum to zero"):
        plan.incident_weights(np.array([0.0, np.nan]), "w")


def test_population_kept_refuses_negative_and_empty():
    assert plan.population_kept(np.array([3.0, 0.0, np.nan, 1.0])).tolist() == [True, False, False, True]
    with pytest.raises(InputError, match="1 negative values"):
        plan.population_kept(np.array([3.0, -1.0]))
    with pytest.raises(InputError, match="population is empty"):
        plan.population_kept(np.array([0.0, np.nan]))


def test_weight_inside_follows_the_top_left_anchored_cells():
    # Cells are [xmin, xmax) x (ymin, ymax]: the west and north borders are in, the east and south out.
    x = np.array([0.0, 100.0, 50.0, 50.0, 50.0])
    y = np.array([50.0, 50.0, 0.0, 100.0, 50.0])
    w = np.array([1.0, 2.0, 4.0, 8.0, 16.0])
    assert plan.weight_inside(x, y, w, (0.0, 0.0, 100.0, 100.0)) == 1.0 + 8.0 + 16.0
    assert math.isclose(plan.weight_inside(x, y, w, (-1.0, -1.0, 101.0, 101.0)), w.sum())
