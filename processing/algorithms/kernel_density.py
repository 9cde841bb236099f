"""besecure:kerneldensity - a kernel density surface of incidents in events per km², or a dual KDE risk surface."""
from __future__ import annotations

import math

import numpy as np
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterExtent,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterRasterDestination,
    QgsProcessingParameterRasterLayer,
)

from ...analysis.crime.kernel_density import (
    Kernel,
    canonical_bandwidth_ratio,
    dual_kernel_density,
    kde_grid,
    kernel_density,
    select_bandwidth,
    support_radius,
)
from ...analysis.crime.kernel_density_grid import (
    AUTO_MAX_CELLS,
    QUARTIC_RATIO,
    auto_cell,
    coarse_cell_advice,
    default_bounds,
    incident_weights,
    population_kept,
    raster_extent,
    weight_inside,
    wide_bandwidth,
)
from ...analysis.errors import InputError
from ...analysis.geometry.polygons import grid_points_in_polygon, points_in_polygon
from ...compat import FIELD_NUMERIC, VECTOR_POINT, VECTOR_POLYGON
from ...i18n import N_, tr
from ...layers import crs as crs_mod
from ...layers.read import read_points, read_raster_cells
from ...layers.style import with_ramp
from ...layers.write import write_geotiff
from .. import incidents, spatial_units
from ..base import BesecureAlgorithm, Help, check_cancel

WEIGHT_FIELD = "WEIGHT_FIELD"
KERNEL = "KERNEL"
BANDWIDTH = "BANDWIDTH"
BANDWIDTH_METHOD = "BANDWIDTH_METHOD"
SEED = "SEED"
CELL_SIZE = "CELL_SIZE"
EXTENT = "EXTENT"
STUDY_AREA = spatial_units.STUDY_AREA
EDGE_CORRECTION = "EDGE_CORRECTION"
EXACT = "EXACT"
POPULATION = "POPULATION"
POPULATION_FIELD = "POPULATION_FIELD"
POPULATION_RASTER = "POPULATION_RASTER"
MIN_POPULATION_DENSITY = "MIN_POPULATION_DENSITY"
MAX_CELLS = "MAX_CELLS"
OUTPUT = "OUTPUT"

KERNEL_NAMES = (N_("Quartic (biweight)"), N_("Triangular"), N_("Uniform"), N_("Epanechnikov"), N_("Triweight"),
                N_("Gaussian"))
# Appended, never reordered: scripts pass the index.
METHODS = ("fixed", "silverman", "scott", "lcv", "spatial")
METHOD_NAMES = (N_("Fixed (the BANDWIDTH given)"), N_("Silverman's rule of thumb"), N_("Scott's rule"),
                N_("Likelihood cross-validation"), N_("Spatial Silverman rule (as ArcGIS Pro)"))
DEFAULT_METHOD = METHODS.index("spatial")
LCV_MAX_POINTS = 3000  # select_bandwidth's subsample size for likelihood cross-validation
PER_RESIDENTS = 1000.0


class KernelDensity(BesecureAlgorithm):
    ALGORITHM_ID = "kerneldensity"
    DISPLAY_NAME = "Kernel density"
    GROUP_ID = "riskmaps"
    TAGS = "heat map,heatmap,KDE,kernel density,density,hot spot,bandwidth,raster,surface"
    HELP = Help(
        "Makes a heat map whose values mean something: a kernel density surface of the incidents in events per "
        "km², with kernels that integrate to 1, bandwidth in metres chosen by you or from the data, optional "
        "edge correction at the border of a study area, and optionally a dual KDE risk surface (incidents per "
        "1,000 residents).",
        {
            **incidents.HELP,
            WEIGHT_FIELD: "Optional numeric field with the weight of each incident (a count, an aoristic weight); "
            "default 1 each. Negative weights are refused; incidents with an empty weight are skipped and counted "
            "in the log.",
            KERNEL: "Kernel shape: 0 quartic (biweight), 1 triangular, 2 uniform, 3 Epanechnikov, 4 triweight, "
            "5 Gaussian. Each integrates to 1, so the surface holds exactly the incidents' total weight.",
            BANDWIDTH: "Bandwidth in metres: the radius of an incident's influence (for the Gaussian kernel its "
            "standard deviation; it is cut at 4 standard deviations). 0 = automatic, by BANDWIDTH_METHOD. A "
            "bandwidth above 0 is always used as given.",
            BANDWIDTH_METHOD: "How the bandwidth is chosen when BANDWIDTH is 0: 4 spatial Silverman rule (default; "
            "ArcGIS Pro's default search radius: 0.9 x min(SD, sqrt(1/ln 2) x Dm) x n^-0.2, with SD the standard "
            "distance and Dm the median distance of the incidents from their mean centre, n the number of incidents "
            "or the sum of WEIGHT_FIELD; it gives street- and block-scale maps), 0 fixed (needs BANDWIDTH > 0), "
            "1 Silverman's rule of thumb (normal reference with a robust spread per axis: smooth, city-wide "
            "surfaces), 2 Scott's rule, 3 likelihood cross-validation (data-driven; slower, on a random subsample of "
            "3,000 incidents for larger layers). A bandwidth above a tenth of the shorter side of the incidents' "
            "extent is warned about in the log: such a map shows a few blobs rather than places.",
            SEED: "Seed of the random subsample used by likelihood cross-validation (same seed, same bandwidth).",
            CELL_SIZE: "Cell size of the raster in metres. 0 = automatic: about a tenth of the kernel's radius, "
            "enlarged when the raster would exceed 4,000,000 cells.",
            EXTENT: "Optional extent of the raster, in any CRS (it is transformed to the working CRS). Default: "
            "the study area's bounds, or else the incidents' bounds grown by the kernel's radius. Incidents "
            "outside the extent still count in the cells within their reach.",
            STUDY_AREA: "Optional polygon layer with the study area: incidents outside it are left out (counted in "
            "the log) and cells whose centre lies outside it are nodata.",
            EDGE_CORRECTION: "Correct the underestimate near the border of the study area: each cell is divided by "
            "the share of its kernel that lies inside the study area (needs STUDY_AREA).",
            EXACT: "Compute by direct summation of the kernel at every cell centre (exact, slower). Default: the "
            "faster of direct summation and linear binning with FFT convolution (within 0.5 % of the peak).",
            POPULATION: "Optional point layer with residents (e.g. census block centroids): the output becomes a "
            "dual KDE, incidents per 1,000 residents.",
            POPULATION_FIELD: "Numeric field of POPULATION with the number of residents at each point.",
            POPULATION_RASTER: "Optional population raster (residents per cell) instead of population points; each "
            "cell counts as its residents at its centre.",
            MIN_POPULATION_DENSITY: "Dual KDE only: cells where the smoothed population density is below this "
            "many residents per km² are nodata, because there a rate is noise (default 100).",
            MAX_CELLS: "Refuse rasters with more cells than this (protects against a cell size typed in the wrong "
            "unit).",
        },
        {
            OUTPUT: "GeoTIFF (float32) in the metric working CRS (the grid is built there; OUTPUT_CRS does not "
            "resample it, the log says when it differs): events per km² at each cell centre (weights per km² "
            "with WEIGHT_FIELD), or incidents per 1,000 residents with a population; nodata outside the study "
            "area and, for a dual KDE, where too few people live. Styled with a colour ramp whose zero is "
            "transparent (a .qml beside the file).",
        },
        "Kernel density estimation (Silverman 1986) with kernels normalised to integrate to 1 (Wand & Jones "
        "1995), evaluated at cell centres; the raster's sum times the cell area equals the incidents' total "
        "weight inside the extent (logged as a check). Bandwidths: the spatial variant of Silverman's rule of "
        "ArcGIS Pro (Esri, \"How Kernel Density works\", default search radius; for other kernels converted from "
        "the quartic by canonical bandwidths); Silverman (1986) and Scott (1992) "
        "normal-reference rules converted to each kernel by canonical bandwidths (Marron & Nolan 1988); "
        "likelihood cross-validation (Silverman 1986, 3.4.4). Fast mode: linear binning and FFT convolution "
        "(Wand 1994). Edge correction: Diggle (1985). Dual KDE: the ratio of two kernel densities with the same "
        "kernel and bandwidth. Unlike QGIS's Heatmap, distances are in metres whatever the layer's CRS and the "
        "values are densities, not unscaled kernel sums.",
        "A value of 50 means 50 incidents per km² around that cell, smoothed over the bandwidth: compare areas "
        "with it, or multiply by an area to get an expected number of incidents. The bandwidth decides what you "
        "see: a small one shows street corners, a large one neighbourhoods. A dual KDE shows risk per resident, "
        "not where incidents concentrate.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        incidents.add_input_parameter(self)
        self.addParameter(QgsProcessingParameterField(WEIGHT_FIELD, tr("Weight field"), None, incidents.INPUT,
                                                      FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterEnum(KERNEL, tr("Kernel"), [tr(k) for k in KERNEL_NAMES],
                                                     defaultValue=0))
        self.addParameter(QgsProcessingParameterEnum(BANDWIDTH_METHOD, tr("Bandwidth method (when BANDWIDTH is 0)"),
                                                     [tr(m) for m in METHOD_NAMES],
                                                     defaultValue=DEFAULT_METHOD))
        self.add_number(BANDWIDTH, "Bandwidth (metres, 0 = automatic)", 0.0, 0.0)
        self.add_number(SEED, "Random seed (likelihood cross-validation)", 0, 0, integer=True, advanced=True)
        self.add_number(CELL_SIZE, "Cell size (metres, 0 = automatic)", 0.0, 0.0)
        self.addParameter(QgsProcessingParameterExtent(EXTENT, tr("Raster extent"), optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(STUDY_AREA, tr("Study area (optional mask)"),
                                                              [VECTOR_POLYGON], optional=True))
        self.add_bool(EDGE_CORRECTION, "Edge correction at the study-area border", False)
        incidents.add_filter_parameters(self)
        incidents.add_timezone_parameter(self)
        self.addParameter(QgsProcessingParameterFeatureSource(POPULATION, tr("Population points (dual KDE)"),
                                                              [VECTOR_POINT], optional=True))
        self.addParameter(QgsProcessingParameterField(POPULATION_FIELD, tr("Population field of the points"), None,
                                                      POPULATION, FIELD_NUMERIC, optional=True))
        self.addParameter(QgsProcessingParameterRasterLayer(POPULATION_RASTER, tr("Population raster (dual KDE)"),
                                                            optional=True))
        self.add_number(MIN_POPULATION_DENSITY, "Minimum population density for a rate (residents per km²)",
                        100.0, 0.0)
        self.add_bool(EXACT, "Exact computation (direct summation)", False, advanced=True)
        self.add_number(MAX_CELLS, "Maximum number of raster cells", 25_000_000, 1, integer=True, advanced=True)
        self.addParameter(QgsProcessingParameterRasterDestination(OUTPUT, tr("Kernel density")))

    # -- run ----------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        out_path = self.parameterAsOutputLayer(parameters, OUTPUT, context)
        if not out_path.lower().endswith((".tif", ".tiff")):
            raise InputError("The output is written as a GeoTIFF: give a file name ending in .tif, not '{}'.", out_path)
        kernel = Kernel(self.parameterAsEnum(parameters, KERNEL, context))
        method = METHODS[self.parameterAsEnum(parameters, BANDWIDTH_METHOD, context)]
        given_h = self.parameterAsDouble(parameters, BANDWIDTH, context)
        if not (math.isfinite(given_h) and given_h >= 0):
            raise InputError("The bandwidth must be 0 (automatic) or a positive number of metres, not {}.", given_h)
        if method == "fixed" and given_h <= 0:
            raise InputError("The fixed bandwidth method needs BANDWIDTH > 0 metres; give a bandwidth, or choose "
                             "the spatial Silverman rule, Silverman's rule, Scott's rule or likelihood "
                             "cross-validation.")
        edge = self.parameterAsBoolean(parameters, EDGE_CORRECTION, context)
        weight_field = self.parameterAsString(parameters, WEIGHT_FIELD, context)

        points = incidents.read_incidents(self, parameters, context, feedback, [weight_field])
        crs = points.crs
        feedback.pushInfo(tr("Working and output CRS: {}").format(crs_mod.describe(crs)))
        self.raster_crs_note(parameters, context, crs, feedback)
        check_cancel(feedback)
        x, y, w = self._weighted(points, weight_field, feedback)
        study = spatial_units.study_area_rings(self, parameters, context, crs, feedback)
        if edge and study is None:
            raise InputError("Edge correction needs a study area: give STUDY_AREA, or switch EDGE_CORRECTION off.")
        if study is not None:
            inside = points_in_polygon(x, y, study)
            if not inside.any():
                raise InputError("None of the incidents lies inside the study area; check STUDY_AREA and the "
                                 "layers' CRS.")
            if not inside.all():
                feedback.pushWarning(tr("{:,} incidents outside the study area are left out.")
                                     .format(int((~inside).sum())))
                x, y, w = x[inside], y[inside], w[inside]
        feedback.setProgress(15)
        check_cancel(feedback)

        h = self._bandwidth(parameters, context, x, y, w, kernel, method, given_h, feedback)
        self._warn_wide(x, y, w, kernel, h, automatic=given_h <= 0 and method == "spatial", feedback=feedback)
        feedback.setProgress(25)
        check_cancel(feedback)
        max_cells = self.parameterAsInt(parameters, MAX_CELLS, context)
        bounds, snap = self._bounds(parameters, context, crs, x, y, study, kernel, h, feedback)
        cell = self.parameterAsDouble(parameters, CELL_SIZE, context)
        if cell > 0:
            extent = raster_extent(bounds, cell, snap)
        else:
            cell, extent = self._auto_cell(bounds, snap, kernel, h, min(AUTO_MAX_CELLS, max_cells), feedback)
        grid = kde_grid(x, y, kernel=kernel, bandwidth=h, cell_size=cell, extent=extent, max_cells=max_cells)
        extent = (grid.xmin, grid.ymin, grid.xmax, grid.ymax)
        feedback.pushInfo(tr("Raster: {:,} columns x {:,} rows = {:,} cells of {:g} m; top-left corner ({:.2f}, "
                             "{:.2f}).").format(grid.ncols, grid.nrows, grid.ncols * grid.nrows, cell, grid.xmin,
                                                grid.ymax))
        better = coarse_cell_advice(cell, kernel, h)
        if better is not None:
            feedback.pushWarning(tr("The cells ({:g} m) are coarse for a kernel radius of {:,.1f} m: the surface is "
                                    "sampled too sparsely to keep its mass; a cell size of {:g} m or less is better.")
                                 .format(cell, support_radius(kernel, h), better))
        mask = None
        if study is not None:
            xc, yc = grid.cell_centres()
            mask = grid_points_in_polygon(xc, yc, study)
            if not mask.any():
                raise InputError("No cell centre lies inside the study area; choose a smaller CELL_SIZE.")
            feedback.pushInfo(tr("Study area: {:,} of {:,} cells have their centre inside it; the others are nodata.")
                              .format(int(mask.sum()), mask.size))
        population = self._population(parameters, context, crs, extent, kernel, h, feedback)
        check_cancel(feedback)
        feedback.setProgress(30)

        exact = self.parameterAsBoolean(parameters, EXACT, context)

        def progress(p):
            feedback.setProgress(30 + 0.6 * p)

        if population is None:
            result = kernel_density(x, y, w, kernel=kernel, bandwidth=h, cell_size=cell, extent=extent, exact=exact,
                                    study_area_mask=mask, edge_correction=edge, progress=progress,
                                    is_cancelled=feedback.isCanceled)
        else:
            if edge:
                feedback.pushInfo(tr("Edge correction is not applied to a dual KDE: incidents and population would "
                                     "be divided by the same kernel share, which cancels in the rate."))
            px, py, pw = population
            min_density = self.parameterAsDouble(parameters, MIN_POPULATION_DENSITY, context)
            result = dual_kernel_density(x, y, px, py, w, pw, kernel=kernel, bandwidth=h, cell_size=cell,
                                         extent=extent, exact=exact, study_area_mask=mask,
                                         min_population_density=min_density, per=PER_RESIDENTS, progress=progress,
                                         is_cancelled=feedback.isCanceled)
        check_cancel(feedback)
        self._log_result(result, x, y, w, weight_field, population, feedback)

        feedback.setProgress(92)
        write_geotiff(out_path, result.values, grid.xmin, grid.ymax, cell, crs.toWkt())
        name = (N_("Kernel density (events per km²)") if population is None
                else N_("Risk (incidents per 1,000 residents)"))
        self.output_written(parameters, context, out_path, with_ramp({}, result.values), name,
                            unit=tr("{} m bandwidth").format(f"{h:.0f}"))
        feedback.setProgress(100)
        return {OUTPUT: out_path}

    # -- inputs -------------------------------------------------------------------------------
    @staticmethod
    def _weighted(points, field, feedback):
        """Coordinates and weights; refuses negative weights, skips empty ones."""
        if not field:
            return points.x, points.y, np.ones(points.x.size)
        w, keep = incident_weights(points.attributes[field], field)
        if not keep.all():
            feedback.pushWarning(tr("{:,} incidents without a weight in '{}' are left out.")
                                 .format(int((~keep).sum()), field))
        return points.x[keep], points.y[keep], w[keep]

    def _bandwidth(self, parameters, context, x, y, w, kernel, method, given, feedback) -> float:
        kname = tr(KERNEL_NAMES[kernel]).lower()
        meaning = (tr("its standard deviation; cut at 4 standard deviations") if kernel == Kernel.GAUSSIAN
                   else tr("the radius at which an incident's influence ends"))
        if given > 0:
            if method != "fixed":
                feedback.pushWarning(tr("BANDWIDTH is {:g} m, so it is used as given; BANDWIDTH_METHOD only applies "
                                        "when BANDWIDTH is 0.").format(given))
            feedback.pushInfo(tr("Bandwidth: {:,.1f} m, fixed (given); {} kernel, {}.").format(given, kname, meaning))
            return given
        n_eff = float(w.sum() ** 2 / (w * w).sum())
        seed = self.parameterAsInt(parameters, SEED, context)
        h = select_bandwidth(x, y, w, method, kernel=kernel, max_points=LCV_MAX_POINTS, seed=seed)
        ratio = canonical_bandwidth_ratio(kernel)
        if method == "spatial":
            to_kernel = "" if kernel == Kernel.QUARTIC else tr(", times {:.3f} to convert the quartic radius to the "
                                                               "{} kernel").format(ratio / QUARTIC_RATIO, kname)
            feedback.pushInfo(tr("Bandwidth: {:,.1f} m by the spatial Silverman rule (ArcGIS Pro's default search "
                                 "radius): 0.9 x min(SD, sqrt(1/ln 2) x Dm) x n^-0.2 with the standard distance SD "
                                 "and the median distance Dm of the incidents from their mean centre, n = {:,.0f} "
                                 "(incidents, or the sum of their weights){}; {}.").format(h, float(w.sum()),
                                                                                        to_kernel, meaning))
        elif method in ("silverman", "scott"):
            spread = (tr("the robust spread min(SD, IQR / 1.349) per axis") if method == "silverman"
                      else tr("the standard deviations of x and y"))
            rule = tr(METHOD_NAMES[METHODS.index(method)])
            feedback.pushInfo(tr("Bandwidth: {:,.1f} m by {}: sigma x n^(-1/6) with {}, n = {:,.0f} (effective) "
                                 "incidents, times {:.3f} to convert the Gaussian bandwidth to the {} kernel; {}.")
                              .format(h, rule, spread, n_eff, ratio, kname, meaning))
        else:
            sample = ""
            n_weighted = int((w > 0).sum())  # select_bandwidth subsamples the incidents with a positive weight
            if n_weighted > LCV_MAX_POINTS:
                sample = tr(" on a random subsample of {:,} of the {:,} incidents (seed {}), scaled to the whole "
                            "sample by (n_sub / n)^(1/6)").format(LCV_MAX_POINTS, n_weighted, seed)
            feedback.pushInfo(tr("Bandwidth: {:,.1f} m by likelihood cross-validation: the {} kernel bandwidth that "
                                 "maximises the leave-one-out log-likelihood among 50 candidates from 1/20 to 2 times "
                                 "Scott's rule{}; {}.").format(h, kname, sample, meaning))
        return h

    @staticmethod
    def _warn_wide(x, y, w, kernel, h, *, automatic, feedback) -> None:
        """Warn when the bandwidth, as the quartic radius with the same smoothing, exceeds WIDE_BANDWIDTH_SHARE of
        the shorter side of the incidents' extent; say what the spatial Silverman rule would give."""
        wide = wide_bandwidth(x, y, kernel, h)
        if wide is None:
            return
        as_quartic = ("" if kernel == Kernel.QUARTIC
                      else tr(" (a quartic radius of {:,.0f} m)").format(wide.quartic_radius))
        message = tr("The bandwidth of {:,.0f} m{} is more than a tenth of the shorter side of the incidents' extent "
                     "({:,.0f} m): the map will show a few broad blobs, not places. For street- or neighbourhood-scale "
                     "detail give a smaller BANDWIDTH in metres (e.g. {:g} m).").format(
            h, as_quartic, wide.side, wide.suggested)
        if not automatic:
            try:
                spatial = select_bandwidth(x, y, w, "spatial", kernel=kernel)
            except ValueError:
                spatial = None
            if spatial is not None and spatial < h:
                message += tr(" The spatial Silverman rule (BANDWIDTH 0, BANDWIDTH_METHOD 4) gives {:,.0f} m here.") \
                    .format(spatial)
        feedback.pushWarning(message)

    def _bounds(self, parameters, context, crs, x, y, study, kernel, h, feedback):
        """(xmin, ymin, xmax, ymax) of the raster in the working CRS and whether to snap them to the cells."""
        if parameters.get(EXTENT):
            ext = self.parameterAsExtent(parameters, EXTENT, context, crs)
            if ext.isNull() or not ext.width() > 0 or not ext.height() > 0:
                raise InputError("The raster extent (EXTENT) is empty; give an extent with a width and a height.")
            ext_crs = self.parameterAsExtentCrs(parameters, EXTENT, context)
            if ext_crs.isValid() and ext_crs != crs:
                feedback.pushInfo(tr("Extent given in {} and transformed to the working CRS.").format(ext_crs.authid()))
            return (ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()), False
        return default_bounds(x, y, study, kernel, h), True

    @staticmethod
    def _auto_cell(bounds, snap, kernel, h, target, feedback):
        """The automatic cell size and extent (analysis.crime.kernel_density_grid.auto_cell), logged."""
        choice = auto_cell(bounds, snap, kernel, h, target)
        if choice.tenth_cells is None:
            feedback.pushInfo(tr("Cell size: {:g} m, about a tenth of the kernel's radius ({:,.1f} m).")
                              .format(choice.cell, choice.radius))
        else:
            feedback.pushWarning(tr("Cell size: {:g} m; a tenth of the kernel's radius would have made {:,} cells, "
                                    "more than the {:,} an automatic cell size allows. Give CELL_SIZE for a finer "
                                    "raster.").format(choice.cell, choice.tenth_cells, target))
        return choice.cell, choice.extent

    def _population(self, parameters, context, crs, extent, kernel, h, feedback):
        """(x, y, residents) of the population points or raster cells, or None without a population."""
        source = self.parameterAsSource(parameters, POPULATION, context)
        raster = self.parameterAsRasterLayer(parameters, POPULATION_RASTER, context)
        if source is None and raster is None:
            return None
        if source is not None and raster is not None:
            raise InputError("Give population points (POPULATION) or a population raster (POPULATION_RASTER), not "
                             "both.")
        if source is not None:
            field = self.parameterAsString(parameters, POPULATION_FIELD, context)
            if not field:
                raise InputError("Population points were given without POPULATION_FIELD (the residents per point).")
            pts = read_points(source, [field], layer=incidents.whole_layer(self, parameters, POPULATION, context),
                              working_crs=crs)
            px, py, pw = pts.x, pts.y, pts.attributes[field].astype(float)
            what = tr("points")
        else:
            pad = support_radius(kernel, h)
            xmin, ymin, xmax, ymax = extent
            px, py, pw = read_raster_cells(raster, crs, (xmin - pad, ymin - pad, xmax + pad, ymax + pad))
            what = tr("raster cells")
        keep = population_kept(pw)
        feedback.pushInfo(tr("Population: {:,.0f} residents at {:,} {} (dual KDE, incidents per 1,000 residents).")
                          .format(float(pw[keep].sum()), int(keep.sum()), what))
        return px[keep], py[keep], pw[keep]

    @staticmethod
    def _log_result(result, x, y, w, weight_field, population, feedback) -> None:
        values = result.values
        finite = np.isfinite(values)
        feedback.pushInfo(tr("Computed by {}.").format(result.method))
        if population is not None:
            feedback.pushInfo(tr("Unit: {}. {:,} of {:,} cells have a rate; the others are nodata (outside the study "
                                 "area or too few residents). Highest rate: {:,.3g}.")
                              .format(result.units, int(finite.sum()), values.size,
                                      float(np.nanmax(values)) if finite.any() else float("nan")))
            return
        cell_km2 = result.cell_size**2 / 1e6
        mass = float(values[finite].sum()) * cell_km2
        unit = result.units if not weight_field else tr("weight per km² (the sum of '{}')").format(weight_field)
        peak = float(np.nanmax(values)) if finite.any() else 0.0
        feedback.pushInfo(tr("Unit: {}. Peak: {:,.4g}.").format(unit, peak))
        if peak == 0:
            feedback.pushWarning(tr("No incident lies within the bandwidth of the raster: the surface is zero "
                                    "everywhere. Check EXTENT and the period."))
        feedback.pushInfo(tr("Mass check: raster sum x cell area = {:,.3f}; total weight {:,.3f}, of which {:,.3f} "
                             "inside the raster extent (they agree up to the kernel mass that crosses the extent's "
                             "border, the nodata cells and any edge correction).")
                          .format(mass, float(w.sum()),
                                  weight_inside(x, y, w, (result.xmin, result.ymin, result.xmax, result.ymax))))
