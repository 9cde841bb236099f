"""besecure:emerginghotspots - space-time cube, space-time Gi*, Mann-Kendall trend and the 17 patterns."""
from __future__ import annotations

import os

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ...analysis.crime.emerging_hot_spots import (
    ADVISED_TIME_STEPS,
    CATEGORY_CODES,
    DISPLAY_NAMES,
    build_cube,
    emerging_hot_spot_analysis,
    expected_neighbourhood_count,
    sparse_threshold,
    step_coverage,
    time_bins,
)
from ...analysis.errors import InputError
from ...analysis.geometry import grids
from ...analysis.spatial_stats.grid_weights import grid_contiguity
from ...compat import FIELD_ANY, VECTOR_POLYGON
from ...i18n import N_, tr
from ...layers import crs as crs_mod
from ...layers.dates import period_bounds, period_selection
from ...layers.write import write_frame, write_geopackage_layers
from .. import incidents, spatial_units
from ..base import BesecureAlgorithm, Help, check_cancel

TIME_FIELD = "TIME_FIELD"
TIME_STEP = "TIME_STEP"
START = "START"
END = "END"
NEIGHBOURS = "NEIGHBOURS"
TIME_LAG = "TIME_LAG"
ALPHA = "ALPHA"
PERMUTATIONS = "PERMUTATIONS"
SEED = "SEED"
OUTPUT_CUBE = "OUTPUT_CUBE"
OUTPUT = "OUTPUT"

STEPS = ("week", "month")
STEP_NAMES = {"week": N_("week"), "month": N_("month")}
STEP_COUNTS = {"week": N_("{} weekly time steps"), "month": N_("{} monthly time steps")}
GRID_NAMES = {"square": N_("square cells"), "hexagon": N_("hexagonal cells")}

# One colour per pattern, after the common Esri emerging hot spot legend: warm hues (reds, oranges, yellow,
# magenta) for hot patterns and cool ones (blues, teals, violet) for cold, the most alarming darkest; every pair
# at least 22 CIE76 units apart, so the 17 classes read apart on a map.
_HOT = {"new": "#ff7f00", "consecutive": "#fdbf6f", "intensifying": "#67000d", "persistent": "#cb181d",
        "diminishing": "#fb9a99", "sporadic": "#ffe135", "oscilating": "#c51b7d", "historical": "#a6761d"}
_COLD = {"new": "#00bfff", "consecutive": "#8ec3e6", "intensifying": "#08306b", "persistent": "#2171b5",
         "diminishing": "#a09be6", "sporadic": "#7fcdbb", "oscilating": "#6a51a3", "historical": "#1d6b63"}
PATTERN_STYLE = {
    "kind": "categorized",
    "field": "pattern_code",
    "categories": (
        [(CATEGORY_CODES[f"{k} hotspot"], c, DISPLAY_NAMES[f"{k} hotspot"]) for k, c in _HOT.items()]
        + [(0, "#f0f0f0", DISPLAY_NAMES["no pattern detected"])]
        + [(CATEGORY_CODES[f"{k} coldspot"], c, DISPLAY_NAMES[f"{k} coldspot"]) for k, c in _COLD.items()]
    ),
}


class EmergingHotSpots(BesecureAlgorithm):
    ALGORITHM_ID = "emerginghotspots"
    DISPLAY_NAME = "Emerging hot spot analysis"
    GROUP_ID = "riskmaps"
    TAGS = "emerging hot spot,hotspot,space-time,trend,Mann-Kendall,Getis-Ord,Gi*,time series"
    HELP = Help(
        "Tells which hot spots are new, growing, persistent, fading or on and off: incidents are counted per grid "
        "cell and week or month (a space-time cube), every cell and step gets a space-time Gi* z-score, the "
        "trend of each cell's z-scores is tested (Mann-Kendall), and each cell gets one of 17 patterns.",
        {
            incidents.INPUT: incidents.HELP[incidents.INPUT],
            TIME_FIELD: "Date/time of each incident. Incidents without a time or with an unreadable one are "
            "skipped and counted in the log.",
            incidents.TIMEZONE: incidents.HELP[incidents.TIMEZONE],
            spatial_units.AGGREGATION: "Cells: 0 square grid, 1 hexagon grid.",
            spatial_units.CELL_SIZE: spatial_units.HELP[spatial_units.CELL_SIZE],
            spatial_units.STUDY_AREA: "Optional polygons: every cell overlapping them is a location, with or without "
            "incidents, and incidents outside are left out. Without it the locations are the cells with at least "
            "one incident in the period.",
            TIME_STEP: "Length of a time step: 0 week (Monday to Sunday), 1 calendar month.",
            START: "Optional first day of the period (YYYY-MM-DD), inclusive; best the first day of a week or "
            "month. Default: the step of the first incident.",
            END: "Optional last day of the period, inclusive for a date; best the last day of a week or month. "
            "Default: the end of the step of the last incident.",
            incidents.CATEGORY_FILTER_FIELD: incidents.HELP[incidents.CATEGORY_FILTER_FIELD],
            incidents.CATEGORY_VALUES: incidents.HELP[incidents.CATEGORY_VALUES],
            NEIGHBOURS: "Spatial neighbours of a cell: the cells within this many rings (1 = the 8 squares or 6 "
            "hexagons around it).",
            TIME_LAG: "Earlier time steps in a bin's neighbourhood (1 = the previous step too; 0 = the same step "
            "only).",
            ALPHA: "Significance level of a hot or cold bin and of the trend (default 0.05).",
            PERMUTATIONS: "0 (default) = p-values from the normal approximation; more (e.g. 199, as R sfdep) = "
            "permutation pseudo p-values (slower).",
            SEED: "Random seed of the permutations.",
            spatial_units.MAX_CELLS: spatial_units.HELP[spatial_units.MAX_CELLS],
            OUTPUT_CUBE: "Optional GeoPackage keeping the space-time cube: layer 'locations' (cells with cell_id, "
            "count, pattern) and table 'cube' (one row per cell and time step: cell_id, step, step_start, count, "
            "gi_z, gi_p), to reuse or inspect the analysis.",
        },
        {
            OUTPUT: "Cells with cell_id, pattern (e.g. 'New Hot Spot'), pattern_code (1 new, 2 consecutive, 3 "
            "intensifying, 4 persistent, 5 diminishing, 6 sporadic, 7 oscillating, 8 historical; negative for cold "
            "spots; 0 no pattern), count (incidents in the period), n_hot and n_cold (significant hot / cold "
            "steps), last_z and last_p (final step), trend_tau, trend_z and trend_p (Mann-Kendall trend of the "
            "z-scores). Styled by pattern: warm colours hot, cool colours cold, grey none.",
        },
        "Space-time Gi* (Getis & Ord 1992, Ord & Getis 1995): a bin's neighbourhood is its cell and the cells "
        "within NEIGHBOURS rings, at its own and TIME_LAG earlier steps (binary weights); mean and variance of the "
        "whole cube (ArcGIS's 'entire cube' window). Trend: Mann-Kendall on each cell's z-scores (as R "
        "Kendall::MannKendall). Patterns: the 17 rules of R package sfdep (emerging_hotspot_analysis), in its "
        "order; significant means p <= ALPHA. At least 4 time steps are needed, 10 or more are advisable. Sparse "
        "data are warned about when a bin's space-time neighbourhood (its cell and the cells within NEIGHBOURS "
        "rings, at TIME_LAG + 1 steps) expects fewer incidents than z² at ALPHA (3.84 at 0.05; with the defaults "
        "about 0.2 incidents per cell and step): then not even an empty neighbourhood can be a significant cold "
        "spot, and on random data most locations come out 'sporadic'.",
        "A new hot spot is significantly hot only in the final step; consecutive: a final run of hot steps; "
        "intensifying / diminishing: hot in at least 90 % of the steps with a rising / falling trend; "
        "persistent: hot in 90 % without trend; sporadic: on and off hot; oscillating: hot now, cold before; "
        "historical: hot in 90 % of the steps but not now. Cold patterns mirror them.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        incidents.add_input_parameter(self)
        self.addParameter(QgsProcessingParameterField(TIME_FIELD, tr("Date/time field"), None, incidents.INPUT,
                                                      FIELD_ANY))
        incidents.add_timezone_parameter(self)
        self.addParameter(QgsProcessingParameterEnum(spatial_units.AGGREGATION, tr("Cells"),
                                                     [tr("Square grid"), tr("Hexagon grid")], defaultValue=0))
        self.add_number(spatial_units.CELL_SIZE, "Cell size (metres)", 250.0, 0.001)
        self.addParameter(QgsProcessingParameterFeatureSource(spatial_units.STUDY_AREA, tr("Study area (optional)"),
                                                              [VECTOR_POLYGON], optional=True))
        self.addParameter(QgsProcessingParameterEnum(TIME_STEP, tr("Time step"), [tr("Week"), tr("Month")],
                                                     defaultValue=1))
        self.addParameter(QgsProcessingParameterString(START, tr("Period start"), optional=True))
        self.addParameter(QgsProcessingParameterString(END, tr("Period end"), optional=True))
        incidents.add_filter_parameters(self)
        self.add_number(NEIGHBOURS, "Neighbour rings", 1, 1, 6, integer=True)
        self.add_number(TIME_LAG, "Time steps back (time lag)", 1, 0, 52, integer=True)
        self.add_number(ALPHA, "Significance level (alpha)", 0.05, 0.0001, 0.5)
        self.add_number(PERMUTATIONS, "Permutations (0 = normal p-values)", 0, 0, integer=True, advanced=True)
        self.add_number(SEED, "Random seed", 0, 0, integer=True, advanced=True)
        self.add_number(spatial_units.MAX_CELLS, "Maximum number of grid cells", float(grids.DEFAULT_MAX_CELLS), 1,
                        integer=True, advanced=True)
        self.addParameter(QgsProcessingParameterFileDestination(OUTPUT_CUBE, tr("Space-time cube (GeoPackage)"),
                                                                tr("GeoPackage (*.gpkg)"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Emerging hot spots")))

    def compute(self, parameters, context, feedback):
        time_field = self.parameterAsString(parameters, TIME_FIELD, context)
        step = STEPS[self.parameterAsEnum(parameters, TIME_STEP, context)]
        start_text = self.parameterAsString(parameters, START, context)
        end_text = self.parameterAsString(parameters, END, context)
        start, end = period_bounds(start_text, end_text)

        points = incidents.read_incidents(self, parameters, context, feedback, [time_field])
        parsed = incidents.incident_times(self, parameters, context, points, time_field, feedback)
        in_period = period_selection(parsed, start_text, end_text, time_field)
        points = points.subset(in_period)
        times = parsed.times[in_period]
        time_index, step_starts = time_bins(times, step, start, end)
        n_times = int(step_starts.size)
        self._check_steps(step, step_starts, times, start, end, feedback)
        check_cancel(feedback)
        feedback.setProgress(10)

        u, unit_index = self._locations(parameters, context, points, feedback)
        cube = build_cube(unit_index, time_index, u.n, n_times)
        rings = self.parameterAsInt(parameters, NEIGHBOURS, context)
        w = grid_contiguity(u.grid, u.ids, order=rings)
        counts = w.neighbour_counts
        feedback.pushInfo(tr("Space-time cube: {} locations x {} time steps = {} bins, {} incidents.").format(
            u.n, n_times, u.n * n_times, int(cube.sum())))
        feedback.pushInfo(tr("Spatial neighbours: the cells within {} ring(s) ({}); per location min {} / mean {:.1f} "
                             "/ max {}.").format(rings, tr("queen steps") if u.kind == "square" else
                                                 tr("hexagon steps"), int(counts.min()), float(counts.mean()),
                                                 int(counts.max())))
        if w.islands.size:
            feedback.pushWarning(tr("{} locations have no spatial neighbour among the locations; their Gi* uses "
                                    "only their own earlier steps.").format(int(w.islands.size)))
        time_lag = self.parameterAsInt(parameters, TIME_LAG, context)
        alpha = self.parameterAsDouble(parameters, ALPHA, context)
        self._warn_sparse(cube, w, time_lag, alpha, feedback)
        check_cancel(feedback)
        feedback.setProgress(25)

        permutations = self.parameterAsInt(parameters, PERMUTATIONS, context)
        result = emerging_hot_spot_analysis(cube, w.matrix, time_lag, alpha, permutations=permutations,
                                            seed=self.parameterAsInt(parameters, SEED, context))
        check_cancel(feedback)
        feedback.setProgress(70)
        self._log_patterns(result, time_lag, alpha, permutations, feedback)

        ids = u.ids
        total = cube.sum(axis=0)
        significant = result.p <= alpha
        frame = pd.DataFrame({
            "cell_id": ids,
            "pattern": result.display_names,
            "pattern_code": result.codes,
            "count": total.astype(np.int64),
            "n_hot": (significant & (result.z > 0)).sum(axis=0).astype(np.int64),
            "n_cold": (significant & (result.z < 0)).sum(axis=0).astype(np.int64),
            "last_z": result.z[-1],
            "last_p": result.p[-1],
            "trend_tau": result.tau,
            "trend_z": result.trend_z,
            "trend_p": result.trend_p,
        })
        geometries = u.geometries()
        check_cancel(feedback)  # last chance: from here on the outputs are written
        outputs = {}
        cube_path = self.parameterAsFileOutput(parameters, OUTPUT_CUBE, context)
        if cube_path:
            outputs[OUTPUT_CUBE] = self._write_cube(parameters, context, cube_path, frame, geometries, cube,
                                                    step_starts, result, points.crs)
            feedback.pushInfo(tr("Space-time cube written to {}.").format(outputs[OUTPUT_CUBE]))
        dest = write_frame(self, parameters, OUTPUT, context, frame, points.crs, wkb=geometries,
                           wkb_type=u.wkb_type, feedback=feedback)
        self.output_written(parameters, context, dest, PATTERN_STYLE, "Emerging hot spots", unit=u.label)
        outputs[OUTPUT] = dest
        return outputs

    # -- steps -----------------------------------------------------------------------------------
    @staticmethod
    def _check_steps(step, step_starts, times, start, end, feedback) -> None:
        """Enough time steps; warn about few steps and steps the data or the period only partly cover."""
        cover = step_coverage(step, step_starts, times, start, end)
        first, last = times.min(), times.max()
        name = tr(STEP_NAMES[step])
        feedback.pushInfo(tr("{} from {} to {} (incidents from {} to {}).").format(
            tr(STEP_COUNTS[step]).format(cover.n_times), _day(cover.first_start), _day(cover.last_end - 1),
            _minute(first), _minute(last)))
        if cover.n_times < ADVISED_TIME_STEPS:
            feedback.pushWarning(tr("Only {} time steps: with fewer than {} the patterns that need 90 % of the steps "
                                    "need every step.").format(cover.n_times, ADVISED_TIME_STEPS))
        if cover.start_cuts_first:
            feedback.pushWarning(tr("The period starts on {}, inside the first step (from {}): that step is only "
                                    "partly covered. Start on the first day of a {}.")
                                 .format(_minute(start), _day(cover.first_start), name))
        if cover.end_cuts_last:
            feedback.pushWarning(tr("The period ends before {}, inside the last step: that step is only partly "
                                    "covered. End on the last day of a {}.").format(_day(cover.last_end), name))
        if cover.days_before_data is not None:
            feedback.pushWarning(tr("The first incident is on {}, {} days into the first step: if the data start "
                                    "there, that step is incomplete. Set START to the first day of a {}.")
                                 .format(_day(first), cover.days_before_data, name))
        if cover.days_after_data is not None:
            feedback.pushWarning(tr("The last incident is on {}, {} days before the end of the last step: if the "
                                    "data end there, that step is incomplete. Set END to the last day of a {}.")
                                 .format(_day(last), cover.days_after_data, name))

    @staticmethod
    def _warn_sparse(cube, w, time_lag, alpha, feedback) -> None:
        """Warn, before labelling, when a bin's neighbourhood expects fewer incidents than z² of ALPHA."""
        expected = expected_neighbourhood_count(cube, w.matrix, time_lag)
        threshold = sparse_threshold(alpha)
        if expected < threshold:
            feedback.pushWarning(tr("Sparse data: {:.2f} incidents per location and time step, so a bin's space-time "
                                    "neighbourhood expects {:.2f} incidents, fewer than {:.2f} (z² at ALPHA {:g}). "
                                    "Then not even an empty neighbourhood is a significant cold spot, and chance alone "
                                    "makes most locations 'sporadic'. Use larger cells, monthly steps, more "
                                    "NEIGHBOURS rings or a larger TIME_LAG.")
                                 .format(float(cube.mean()), expected, threshold, alpha))

    # -- locations ---------------------------------------------------------------------------------
    def _locations(self, parameters, context, points, feedback):
        """Grid cells: all cells overlapping the study area, else those with an incident in the period."""
        # resolve_units reads AGGREGATION as an index into square / hexagon / zones: 0 and 1 agree.
        u = spatial_units.resolve_units(self, parameters, context, points, feedback, with_population=False)
        kind = tr(GRID_NAMES[u.kind])
        index = u.assign(points.x, points.y)
        outside = int((index < 0).sum())
        if outside:
            feedback.pushWarning(tr("{} incidents fall outside the study area and are left out.").format(outside))
        has_study = self.parameterAsSource(parameters, spatial_units.STUDY_AREA, context) is not None
        if not has_study:
            occupied = np.bincount(index[index >= 0], minlength=u.n)[: u.n] > 0
            u = spatial_units.drop_units(u, occupied)
            index = u.assign(points.x, points.y)
            feedback.pushInfo(tr("Locations: the {} {} of {:g} m with at least one incident in the period "
                                 "(give a study area to include empty cells).").format(u.n, kind, u.grid.size))
        else:
            feedback.pushInfo(tr("Locations: the {} {} of {:g} m overlapping the study area.")
                              .format(u.n, kind, u.grid.size))
        if u.n < 3:
            raise InputError("Only {} location(s) hold incidents; emerging hot spot analysis needs at least 3. "
                             "Choose smaller cells or a longer period.", u.n)
        return u, index

    # -- log and cube ------------------------------------------------------------------------------
    @staticmethod
    def _log_patterns(result, time_lag, alpha, permutations, feedback) -> None:
        feedback.pushInfo(tr("Space-time Gi*: neighbourhood = the cell and its neighbours at the same step and {} "
                             "earlier step(s); mean and variance of the whole cube; {}; a bin is significant at "
                             "p <= {:g}.").format(time_lag, tr("normal p-values") if not permutations else
                                                  tr("pseudo p-values from {} permutations").format(permutations),
                                                  alpha))
        names, counts = np.unique(result.display_names, return_counts=True)
        order = np.argsort(-counts, kind="stable")
        feedback.pushInfo(tr("Patterns: {}.").format(
            "; ".join(f"{names[i]} {int(counts[i])}" for i in order)))

    def _write_cube(self, parameters, context, path, frame, geometries, cube, step_starts, result, crs) -> str:
        if not path.lower().endswith(".gpkg"):
            path += ".gpkg"
        n_times, n_loc = cube.shape
        long = pd.DataFrame({
            "cell_id": np.tile(frame["cell_id"].to_numpy(), n_times),
            "step": np.repeat(np.arange(n_times, dtype=np.int64), n_loc),
            "step_start": np.repeat(step_starts.astype("datetime64[ns]"), n_loc),
            "count": cube.ravel().astype(np.int64),
            "gi_z": result.z.ravel(),
            "gi_p": result.p.ravel(),
        })
        locations = frame[["cell_id", "count", "pattern", "pattern_code"]]
        target = self.output_crs(parameters, context, crs)
        geometries, crs = crs_mod.transform_wkb(geometries, crs, target), target
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
        write_geopackage_layers(path, [
            {"name": "locations", "geometry": "Polygon", "wkb": geometries, "frame": locations},
            {"name": "cube", "geometry": None, "wkb": None, "frame": long},
        ], crs.authid() or crs.toWkt())
        record = self.provenance_record(parameters, context)
        self._styled_outputs.append((f"{path}|layername=locations", PATTERN_STYLE, record))
        self._styled_outputs.append((f"{path}|layername=cube", None, record))
        return path


def _day(t) -> str:
    return str(np.datetime64(t, "D"))


def _minute(t) -> str:
    return str(np.datetime64(t, "m")).replace("T", " ")
