"""besecure:kerneldensity end to end: REFERENCES.md centre densities, mass, direct summation, QGIS's heatmap,
degrees worked in metres, edge correction, dual KDE on the Memphis population, bad input."""
import math

import numpy as np
import pytest
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProject,
    QgsRasterLayer,
    QgsRectangle,
    QgsVectorLayer,
)
from scipy.spatial import cKDTree
from testlib import memory_layer

CRS = "EPSG:28992"
GAUSS_Z = 1.0 - math.exp(-8.0)  # mass of a 2-D Gaussian inside 4 sigma (kde.py docstring)
# REFERENCES.md "Kernel density": density at the centre of one point, times pi r^2.
CENTRE_TIMES_PI_R2 = {0: 3.0, 1: 3.0, 2: 1.0, 3: 2.0, 4: 4.0, 5: 1.0 / (2.0 * GAUSS_Z)}


def read_raster(path):
    """(values with NaN for nodata, geotransform, CRS authid) of a single-band GeoTIFF."""
    from osgeo import gdal

    ds = gdal.Open(str(path))
    band = ds.GetRasterBand(1)
    assert band.DataType == gdal.GDT_Float32
    values = band.ReadAsArray().astype(float)
    nodata = band.GetNoDataValue()
    values[values == nodata] = np.nan
    authid = QgsRasterLayer(str(path), "r").crs().authid()
    return values, ds.GetGeoTransform(), authid


def centres(gt, shape):
    """x of the column centres and y of the row centres of a north-up raster."""
    return gt[0] + (np.arange(shape[1]) + 0.5) * gt[1], gt[3] + (np.arange(shape[0]) + 0.5) * gt[5]


def layer_xy(uri, where=None):
    layer = QgsVectorLayer(str(uri), "p", "ogr")
    assert layer.isValid(), uri
    pts = [f.geometry().asPoint() for f in layer.getFeatures() if where is None or where(f)]
    return np.array([[p.x(), p.y()] for p in pts])


def quartic_sum(xy, qx, qy, r, weights=None):
    """Independent direct summation of the normalised quartic kernel 3/(pi r^2)(1 - d²/r²)² at (qx, qy), per km²."""
    w = np.ones(len(xy)) if weights is None else weights
    d2 = (qx[:, None] - xy[None, :, 0]) ** 2 + (qy[:, None] - xy[None, :, 1]) ** 2
    k = np.where(d2 <= r * r, 3.0 / (math.pi * r * r) * (1.0 - d2 / (r * r)) ** 2, 0.0)
    return (k * w[None, :]).sum(axis=1) * 1e6


@pytest.fixture(scope="module")
def incidents(demo_gpkg):
    return f"{demo_gpkg}|layername=incidents"


@pytest.fixture(scope="module")
def incident_xy(incidents):
    return layer_xy(incidents)


# --------------------------------------------------------------------------------------------------
# REFERENCES.md: centre densities, normalisation, output format and style


@pytest.mark.parametrize("exact", [False, True])
@pytest.mark.parametrize("kernel", range(6))
def test_one_point_centre_density_every_kernel(run_alg, tmp_path, kernel, exact):
    r = 100.0
    point = memory_layer("Point", [], [("POINT(150005 450005)", [])])  # on a cell centre of a 10 m grid
    res, fb = run_alg("kerneldensity", {"INPUT": point, "KERNEL": kernel, "BANDWIDTH_METHOD": 0, "BANDWIDTH": r,
                                        "CELL_SIZE": 10, "EXACT": exact, "OUTPUT": str(tmp_path / "k.tif")})
    values, gt, authid = read_raster(res["OUTPUT"])
    xs, ys = centres(gt, values.shape)
    (col,), (row,) = np.nonzero(np.isclose(xs, 150005.0)), np.nonzero(np.isclose(ys, 450005.0))
    expected = CENTRE_TIMES_PI_R2[kernel] / (math.pi * r * r) * 1e6  # per km²
    assert values[row, col] == pytest.approx(expected, rel=1e-6)
    assert np.nanmax(values) == pytest.approx(expected, rel=1e-6)
    assert authid == CRS and gt[1] == 10.0 and gt[5] == -10.0
    assert "events per km²" in fb.log


def test_output_is_styled_with_a_transparent_zero(run_alg, incidents, tmp_path):
    res, _ = run_alg("kerneldensity", {"INPUT": incidents, "BANDWIDTH": 200, "CELL_SIZE": 20,
                                       "OUTPUT": str(tmp_path / "k.tif")})
    assert (tmp_path / "k.qml").is_file()
    raster = QgsRasterLayer(res["OUTPUT"], "k")
    assert raster.renderer().type() == "singlebandpseudocolor"
    items = raster.renderer().shader().rasterShaderFunction().colorRampItemList()
    assert items[0].value == 0.0 and items[0].color.alpha() == 0
    assert all(i.color.alpha() == 255 for i in items[1:])
    assert not list(tmp_path.glob("*partial*"))


def test_loaded_and_styled_when_run_from_the_gui(incidents, besecure_provider, layer_tree_view):
    import processing

    processing.runAndLoadResults("besecure:kerneldensity", {"INPUT": incidents, "BANDWIDTH": 300, "CELL_SIZE": 50,
                                                            "OUTPUT": "TEMPORARY_OUTPUT"})
    loaded = QgsProject.instance().mapLayersByName("Kernel density (events per km²) - 300 m bandwidth")
    assert loaded, [lyr.name() for lyr in QgsProject.instance().mapLayers().values()]
    assert loaded[-1].renderer().type() == "singlebandpseudocolor"
    QgsProject.instance().removeMapLayers([lyr.id() for lyr in loaded])


# --------------------------------------------------------------------------------------------------
# mass: the raster sums (times the cell area) to the total weight inside the extent


def test_mass_equals_number_of_demo_incidents(run_alg, incidents, incident_xy, tmp_path):
    res, fb = run_alg("kerneldensity", {"INPUT": incidents, "BANDWIDTH": 200, "CELL_SIZE": 10,
                                        "OUTPUT": str(tmp_path / "k.tif")})
    values, _gt, _ = read_raster(res["OUTPUT"])
    assert np.nansum(values) * 100.0 / 1e6 == pytest.approx(len(incident_xy), rel=1e-3)
    assert "Mass check" in fb.log and "binned-fft" in fb.log


def test_mass_of_weights_with_an_extent_in_degrees(run_alg, incidents, incident_xy, tmp_path):
    import processing

    weighted = processing.run("native:fieldcalculator", {
        "INPUT": incidents, "FIELD_NAME": "w", "FIELD_TYPE": 0, "FIELD_LENGTH": 10, "FIELD_PRECISION": 3,
        "FORMULA": "($id % 4) * 0.5", "OUTPUT": "TEMPORARY_OUTPUT"})["OUTPUT"]
    total = sum(f["w"] for f in weighted.getFeatures())
    # The town's bounds plus 1 km, given in WGS 84: the raster is in RD New metres and holds every incident's mass.
    lo, hi = incident_xy.min(axis=0) - 1000, incident_xy.max(axis=0) + 1000
    tr = QgsCoordinateTransform(QgsCoordinateReferenceSystem(CRS), QgsCoordinateReferenceSystem("EPSG:4326"),
                                QgsProject.instance())
    box = tr.transformBoundingBox(QgsRectangle(lo[0], lo[1], hi[0], hi[1]))
    extent = f"{box.xMinimum()},{box.xMaximum()},{box.yMinimum()},{box.yMaximum()} [EPSG:4326]"
    res, fb = run_alg("kerneldensity", {"INPUT": weighted, "WEIGHT_FIELD": "w", "BANDWIDTH": 200, "CELL_SIZE": 20,
                                        "EXTENT": extent, "OUTPUT": str(tmp_path / "k.tif")})
    values, gt, authid = read_raster(res["OUTPUT"])
    assert authid == CRS and gt[0] <= lo[0] and gt[3] >= hi[1]
    assert np.nansum(values) * 400.0 / 1e6 == pytest.approx(total, rel=1e-3)
    assert "transformed to the working CRS" in fb.log


def test_mass_counts_only_the_incidents_inside_the_extent(run_alg, tmp_path):
    # Two clusters 3 km apart; the extent holds one with a margin wider than the bandwidth.
    rng = np.random.default_rng(3)
    a = rng.normal(0, 60, (300, 2)) + (150500, 450500)
    b = rng.normal(0, 60, (200, 2)) + (153500, 450500)
    w = rng.uniform(0, 2, 500)
    layer = memory_layer("Point", ["w:double"], [(f"POINT({x} {y})", [float(v)])
                                                  for (x, y), v in zip(np.vstack([a, b]), w)])
    res, _ = run_alg("kerneldensity", {"INPUT": layer, "WEIGHT_FIELD": "w", "KERNEL": 3, "BANDWIDTH": 150,
                                       "CELL_SIZE": 5, "EXTENT": f"149700,151300,449700,451300 [{CRS}]",
                                       "OUTPUT": str(tmp_path / "k.tif")})
    values, _, _ = read_raster(res["OUTPUT"])
    assert values.shape == (320, 320)
    assert np.nansum(values) * 25.0 / 1e6 == pytest.approx(w[:300].sum(), rel=1e-3)


def test_period_filter(run_alg, incidents, tmp_path):
    in_2024 = len(layer_xy(incidents, lambda f: f["occurred"].date().year() == 2024))
    res, _fb = run_alg("kerneldensity", {"INPUT": incidents, "TIME_FIELD": "occurred", "START": "2024-01-01",
                                        "END": "2024-12-31", "BANDWIDTH": 250, "CELL_SIZE": 25,
                                        "OUTPUT": str(tmp_path / "k.tif")})
    values, _, _ = read_raster(res["OUTPUT"])
    assert 1000 < in_2024 < 3000
    assert np.nansum(values) * 625.0 / 1e6 == pytest.approx(in_2024, rel=1e-3)


# --------------------------------------------------------------------------------------------------
# exact mode = direct summation; fast mode within 0.5 % of the peak


def test_exact_equals_an_independent_direct_summation(run_alg, incidents, incident_xy, tmp_path):
    r = 150.0
    res, fb = run_alg("kerneldensity", {"INPUT": incidents, "BANDWIDTH": r, "CELL_SIZE": 25, "EXACT": True,
                                        "OUTPUT": str(tmp_path / "k.tif")})
    values, gt, _ = read_raster(res["OUTPUT"])
    xs, ys = centres(gt, values.shape)
    rng = np.random.default_rng(0)
    rows, cols = np.nonzero(values > 0)
    pick = rng.choice(rows.size, 12, replace=False)
    peak = np.unravel_index(np.argmax(values), values.shape)
    rows = np.append(rows[pick], peak[0])
    cols = np.append(cols[pick], peak[1])
    expected = quartic_sum(incident_xy, xs[cols], ys[rows], r)
    np.testing.assert_allclose(values[rows, cols], expected, rtol=1e-6)
    assert "Computed by direct." in fb.log


@pytest.mark.parametrize(("kernel", "bandwidth"), [(0, 150.0), (4, 150.0), (5, 60.0)])
def test_fast_within_half_a_percent_of_the_exact_peak(run_alg, incidents, tmp_path, kernel, bandwidth):
    surfaces = []
    for exact in (False, True):
        res, fb = run_alg("kerneldensity", {"INPUT": incidents, "KERNEL": kernel, "BANDWIDTH": bandwidth,
                                            "CELL_SIZE": 25, "EXACT": exact, "OUTPUT": str(tmp_path / f"{exact}.tif")})
        surfaces.append(read_raster(res["OUTPUT"])[0])
        assert ("binned-fft" in fb.log) != exact
    fast, exact_values = surfaces
    assert np.abs(fast - exact_values).max() <= 0.005 * exact_values.max()


# --------------------------------------------------------------------------------------------------
# QGIS's own heatmap (qgis:heatmapkerneldensityestimation, QGIS 3.22)
#
# Its raw quartic output (OUTPUT_VALUE=0) is the unnormalised kernel sum, (1 - d²/r²)² per point
# (src/analysis/raster/qgskde.cpp, quarticKernel), so our surface should be exactly 3/(pi r²) x 1e6 times
# it (per km², map units in metres). Its grid is the layer extent grown by the radius, top-left anchored,
# with ceil(size / pixel) + 1 cells. Two caveats found here: it computes a cell's y from the bottom of the
# grid but writes the block from the top, which mirrors each kernel vertically within the point's pixel (up
# to one pixel off) unless points sit on pixel centres and the grid height is a whole number of pixels; and
# a point whose block starts outside the grid has its block offset truncated to 0 (a negative double cast
# to unsigned int), which moves that block by a pixel.


def heatmap(points, radius, pixel, out, weight_field=None):
    import processing

    path = processing.run("qgis:heatmapkerneldensityestimation", {
        "INPUT": points, "RADIUS": radius, "PIXEL_SIZE": pixel, "KERNEL": 0, "OUTPUT_VALUE": 0,
        "WEIGHT_FIELD": weight_field, "OUTPUT": str(out)})["OUTPUT"]
    from osgeo import gdal

    ds = gdal.Open(path)
    values = ds.GetRasterBand(1).ReadAsArray().astype(float)
    values[values == -9999] = 0.0  # QGIS's nodata where no kernel reached
    gt = ds.GetGeoTransform()
    extent = (gt[0], gt[3] + values.shape[0] * gt[5], gt[0] + values.shape[1] * gt[1], gt[3])
    return values, extent


def test_equals_qgis_heatmap_times_the_normalisation_on_pixel_centres(run_alg, tmp_path):
    # Points on the centres of QGIS's pixels, a radius of 20.5 pixels: no mirroring, so cell by cell. Two
    # weightless corner points 10 pixels further out keep every block of the real points inside the grid.
    rng = np.random.default_rng(5)
    cells = rng.integers(10, 70, (400, 2))
    cells[:2] = [[0, 0], [79, 79]]
    weights = np.r_[0.0, 0.0, rng.uniform(0.5, 2.0, 398)]
    xy = 150000.0 + cells * 10.0
    layer = memory_layer("Point", ["w:double"], [(f"POINT({x} {y})", [float(w)]) for (x, y), w in zip(xy, weights)])
    r = 205.0
    qgis, (xmin, ymin, xmax, ymax) = heatmap(layer, r, 10.0, tmp_path / "q.tif", "w")
    res, _ = run_alg("kerneldensity", {"INPUT": layer, "WEIGHT_FIELD": "w", "BANDWIDTH": r, "CELL_SIZE": 10,
                                       "EXTENT": f"{xmin},{xmax},{ymin},{ymax} [{CRS}]",
                                       "OUTPUT": str(tmp_path / "k.tif")})
    ours, gt, _ = read_raster(res["OUTPUT"])
    assert ours.shape == qgis.shape and (gt[0], gt[3]) == (xmin, ymax)
    scale = 3.0 / (math.pi * r * r) * 1e6
    assert np.abs(ours - scale * qgis).max() <= 1e-5 * ours.max()


def test_agrees_with_qgis_heatmap_on_the_demo_town(run_alg, incidents, tmp_path):
    r = 200.0
    qgis, (xmin, ymin, xmax, ymax) = heatmap(incidents, r, 10.0, tmp_path / "q.tif")
    res, _ = run_alg("kerneldensity", {"INPUT": incidents, "BANDWIDTH": r, "CELL_SIZE": 10,
                                       "EXTENT": f"{xmin},{xmax},{ymin},{ymax} [{CRS}]",
                                       "OUTPUT": str(tmp_path / "k.tif")})
    ours = read_raster(res["OUTPUT"])[0]
    assert ours.shape == qgis.shape
    a, b = ours.ravel(), qgis.ravel()
    assert np.corrcoef(a, b)[0, 1] > 0.999
    fitted = float(a @ b / (b @ b))  # least-squares scale of QGIS's raw surface onto ours
    assert fitted == pytest.approx(3.0 / (math.pi * r * r) * 1e6, rel=2e-3)
    # QGIS's "scaled" quartic is 116/(5 pi r²) x 15/16 = 7.25 x 3/(pi r²) (REFERENCES.md, issue #60616).
    assert fitted / (116.0 / (5.0 * math.pi * r * r) * 15.0 / 16.0 * 1e6) == pytest.approx(1 / 7.25, rel=2e-3)


# --------------------------------------------------------------------------------------------------
# real data in degrees, bandwidth selection, automatic cell size


def test_memphis_robberies_in_degrees_are_worked_in_metres(run_alg, shared_data, tmp_path):
    path = shared_data / "memphis" / "robberies.gpkg"
    res, fb = run_alg("kerneldensity", {"INPUT": str(path), "BANDWIDTH": 500, "CELL_SIZE": 100,
                                        "OUTPUT": str(tmp_path / "k.tif")})
    values, gt, authid = read_raster(res["OUTPUT"])
    assert authid == "EPSG:32616"
    assert (gt[1], gt[5]) == (100.0, -100.0)
    assert gt[0] % 100 == 0 and gt[3] % 100 == 0  # snapped to whole cells in UTM metres
    n = QgsVectorLayer(str(path), "r", "ogr").featureCount()
    assert n == 2245
    assert np.nansum(values) * 0.01 == pytest.approx(n, rel=1e-3)
    assert "EPSG:32616" in fb.log


def silverman_quartic(xy):
    """Silverman (1986) eq. 3.30 / 4.14 per axis, times the canonical quartic/Gaussian ratio (Marron & Nolan 1988)."""
    n = len(xy)
    spread = [min(np.std(v, ddof=1), (np.percentile(v, 75) - np.percentile(v, 25)) / 1.349) for v in xy.T]
    sigma = math.sqrt((spread[0] ** 2 + spread[1] ** 2) / 2.0)
    r_quartic, mu_quartic = 9.0 / (5.0 * math.pi), 1.0 / 8.0
    r_gauss, mu_gauss = 1.0 / (4.0 * math.pi), 1.0
    ratio = (r_quartic / mu_quartic**2) ** (1 / 6) / (r_gauss / mu_gauss**2) ** (1 / 6)
    return sigma * n ** (-1 / 6) * ratio


def esri_search_radius(xy):
    """Esri, "How Kernel Density works" (ArcGIS Pro): 0.9 min(SD, sqrt(1/ln 2) Dm) n^-0.2, SD the standard
    distance and Dm the median distance from the mean centre."""
    d = np.hypot(*(xy - xy.mean(axis=0)).T)
    return 0.9 * min(math.sqrt((d**2).mean()), math.sqrt(1 / math.log(2)) * np.median(d)) * len(xy) ** -0.2


def test_default_bandwidth_is_the_spatial_silverman_rule_and_cell_a_tenth(run_alg, incidents, incident_xy,
                                                                          tmp_path):
    h = esri_search_radius(incident_xy)
    res, fb = run_alg("kerneldensity", {"INPUT": incidents, "OUTPUT": str(tmp_path / "k.tif")})
    assert f"Bandwidth: {h:,.1f} m by the spatial Silverman rule" in fb.log
    values, gt, _ = read_raster(res["OUTPUT"])
    assert 200 < h < 250 and gt[1] == 20.0  # a tenth of the radius on the 1-2-2.5-5 series
    assert np.nansum(values) * gt[1] ** 2 / 1e6 == pytest.approx(len(incident_xy), rel=1e-3)
    assert "more than a tenth" not in fb.log


def test_silverman_rule_is_still_available(run_alg, incidents, incident_xy, tmp_path):
    h = silverman_quartic(incident_xy)
    _, fb = run_alg("kerneldensity", {"INPUT": incidents, "BANDWIDTH_METHOD": 1, "CELL_SIZE": 50,
                                      "OUTPUT": str(tmp_path / "k.tif")})
    assert f"Bandwidth: {h:,.1f} m by Silverman's rule of thumb" in fb.log


def test_a_bandwidth_wider_than_a_tenth_of_the_extent_is_warned_about(run_alg, shared_data, tmp_path):
    """Chicago's 11,701 burglaries of 2016: the normal-reference Silverman rule gives 4,669 m, more than a tenth of
    the 26.9 km shorter side of the incidents' extent; the default spatial rule gives 1,565 m and no warning."""
    csv = shared_data / "chicago" / "burglary_2016.csv"
    frame = np.genfromtxt(csv, delimiter=",", skip_header=1, usecols=(0, 1))
    side = min(np.ptp(frame, axis=0))
    layer = QgsVectorLayer(f"file://{csv}?type=csv&xField=X&yField=Y&crs=EPSG:26971", "burglaries", "delimitedtext")
    assert layer.isValid() and layer.featureCount() == 11701
    QgsProject.instance().addMapLayer(layer)
    try:
        _, wide = run_alg("kerneldensity", {"INPUT": layer.id(), "BANDWIDTH_METHOD": 1, "CELL_SIZE": 500,
                                            "OUTPUT": str(tmp_path / "wide.tif")})
        _, default = run_alg("kerneldensity", {"INPUT": layer.id(), "CELL_SIZE": 500,
                                               "OUTPUT": str(tmp_path / "default.tif")})
        _, gauss = run_alg("kerneldensity", {"INPUT": layer.id(), "KERNEL": 5, "BANDWIDTH": 1500, "CELL_SIZE": 500,
                                             "OUTPUT": str(tmp_path / "gauss.tif")})
    finally:
        QgsProject.instance().removeMapLayer(layer.id())
    assert 26_000 < side < 27_500
    warning = (f"The bandwidth of 4,669 m is more than a tenth of the shorter side of the incidents' extent "
               f"({side:,.0f} m)")
    assert warning in wide.log
    assert "The spatial Silverman rule (BANDWIDTH 0, BANDWIDTH_METHOD 4) gives 1,565 m here." in wide.log
    # A Gaussian sigma of 1,500 m smooths like a quartic radius of 1,500 x 2.779 = 4,169 m (canonical bandwidths).
    assert "The bandwidth of 1,500 m (a quartic radius of 4,169 m) is more than a tenth" in gauss.log
    assert f"gives {1564.6 / (2304 / 5) ** (1 / 6):,.0f} m here." in gauss.log
    assert "Bandwidth: 1,564.6 m by the spatial Silverman rule" in default.log
    assert "more than a tenth" not in default.log


def test_likelihood_cross_validation_is_seeded_and_logged(run_alg, incidents, tmp_path):
    logs = [run_alg("kerneldensity", {"INPUT": incidents, "BANDWIDTH_METHOD": 3, "SEED": seed, "CELL_SIZE": 50,
                                      "OUTPUT": str(tmp_path / f"k{i}.tif")})[1].log
            for i, seed in enumerate((1, 1))]
    line = next(m for m in logs[0].splitlines() if m.startswith("Bandwidth:"))
    assert "likelihood cross-validation" in line and "subsample of 3,000 of the 3,909" in line
    assert line in logs[1]


def test_automatic_cell_size_is_capped(run_alg, shared_data, tmp_path):
    res, fb = run_alg("kerneldensity", {"INPUT": str(shared_data / "memphis" / "robberies.gpkg"), "BANDWIDTH": 20,
                                        "OUTPUT": str(tmp_path / "k.tif")})
    values, gt, _ = read_raster(res["OUTPUT"])
    assert values.size <= 4_000_000 and gt[1] > 2.0
    assert "more than the 4,000,000 an automatic cell size allows" in fb.log


# --------------------------------------------------------------------------------------------------
# study area and edge correction (Diggle 1985)


def half_plane_share(r, d, n=4001):
    """Share of a quartic kernel of radius r centred at distance d inside a straight edge (midpoint rule)."""
    t = (np.arange(n) + 0.5) / n * 2 * r - r
    gx, gy = np.meshgrid(t, t)
    u2 = (gx**2 + gy**2) / r**2
    k = np.where(u2 <= 1, (1 - u2) ** 2, 0.0)
    return float(k[gx >= -d].sum() / k.sum())


def test_edge_correction_raises_the_border_and_keeps_the_interior(run_alg, incidents, tmp_path):
    x0, y0, x1, y1 = 150500, 450500, 153500, 452500
    area = memory_layer("Polygon", [], [(f"POLYGON(({x0} {y0}, {x1} {y0}, {x1} {y1}, {x0} {y1}, {x0} {y0}))", [])])
    r, c = 200.0, 20.0
    out = {}
    for edge in (False, True):
        res, fb = run_alg("kerneldensity", {"INPUT": incidents, "BANDWIDTH": r, "CELL_SIZE": c, "STUDY_AREA": area,
                                            "EDGE_CORRECTION": edge, "OUTPUT": str(tmp_path / f"{edge}.tif")})
        out[edge] = read_raster(res["OUTPUT"])
    plain, gt, _ = out[False]
    corrected = out[True][0]
    assert (gt[0], gt[3], plain.shape) == (x0, y1, (100, 150))  # the study area's bounds, whole cells
    assert "incidents outside the study area are left out" in fb.log
    xs, ys = centres(gt, plain.shape)
    dist = np.minimum.outer(np.minimum(ys - y0, y1 - ys), np.minimum(xs - x0, x1 - xs))
    interior = dist > r + c
    np.testing.assert_allclose(corrected[interior], plain[interior], rtol=1e-6)
    border = (dist < r) & (plain > 0)
    assert (corrected[border] >= plain[border] * (1 - 1e-9)).all()
    assert (corrected[border & (dist < r / 2)] > plain[border & (dist < r / 2)] * 1.05).all()
    # Mid-west edge, away from the corners: divided by the share of the kernel inside the half-plane.
    rows = np.nonzero(np.abs(ys - (y0 + y1) / 2) < 400)[0]
    ratio = corrected[rows, 0] / plain[rows, 0]
    assert ratio == pytest.approx(np.full(rows.size, 1.0 / half_plane_share(r, c / 2)), rel=2e-3)


def test_study_area_cells_outside_are_nodata(run_alg, incidents, tmp_path):
    # A triangle with a square hole: the mask must agree with GEOS on every cell centre.
    wkt = ("POLYGON((150100 450100, 153900 450400, 151500 452900, 150100 450100), "
           "(151500 451000, 152000 451000, 152000 451500, 151500 451500, 151500 451000))")
    area = memory_layer("Polygon", [], [(wkt, [])])
    res, fb = run_alg("kerneldensity", {"INPUT": incidents, "BANDWIDTH": 150, "CELL_SIZE": 25, "STUDY_AREA": area,
                                        "OUTPUT": str(tmp_path / "k.tif")})
    values, gt, _ = read_raster(res["OUTPUT"])
    geom = QgsGeometry.fromWkt(wkt)
    xs, ys = centres(gt, values.shape)
    inside = np.array([[geom.contains(QgsGeometry.fromWkt(f"POINT({x} {y})")) for x in xs] for y in ys])
    assert inside.sum() > 1000 and (~inside).sum() > 1000
    assert (np.isfinite(values) == inside).all()
    assert f"{int(inside.sum()):,} of {inside.size:,} cells have their centre inside it" in fb.log


# --------------------------------------------------------------------------------------------------
# dual KDE: incidents per 1,000 residents


def test_dual_kde_with_the_memphis_population(run_alg, shared_data, tmp_path):
    from pyproj import Transformer

    robberies = shared_data / "memphis" / "robberies.gpkg"
    population = shared_data / "memphis" / "population.gpkg"
    r, minimum = 1000.0, 500.0
    res, fb = run_alg("kerneldensity", {"INPUT": str(robberies), "BANDWIDTH": r, "CELL_SIZE": 250, "EXACT": True,
                                        "POPULATION": str(population), "POPULATION_FIELD": "population",
                                        "MIN_POPULATION_DENSITY": minimum, "OUTPUT": str(tmp_path / "k.tif")})
    values, gt, authid = read_raster(res["OUTPUT"])
    assert authid == "EPSG:32616"
    to_utm = Transformer.from_crs("EPSG:4326", "EPSG:32616", always_xy=True)
    events = np.column_stack(to_utm.transform(*layer_xy(robberies).T))
    pop_layer = QgsVectorLayer(str(population), "p", "ogr")
    residents = np.array([f["population"] or 0.0 for f in pop_layer.getFeatures()], dtype=float)
    homes = np.column_stack(to_utm.transform(*layer_xy(population).T))
    xs, ys = centres(gt, values.shape)
    gx, gy = np.meshgrid(xs, ys)
    cells = np.column_stack([gx.ravel(), gy.ravel()])

    def density(xy, w):
        # Independent direct summation of the normalised quartic over the pairs within the radius, per km².
        pairs = cKDTree(cells).sparse_distance_matrix(cKDTree(xy), r, output_type="coo_matrix")
        k = 3.0 / (math.pi * r * r) * (1.0 - pairs.data**2 / r**2) ** 2 * w[pairs.col]
        return np.bincount(pairs.row, weights=k, minlength=len(cells)).reshape(values.shape) * 1e6

    ev, pop = density(events, np.ones(len(events))), density(homes, residents)
    clear = np.abs(pop - minimum) > 1e-6 * minimum  # leave out cells on the threshold itself
    rated = pop >= minimum
    assert (np.isfinite(values) == rated)[clear].all()
    assert rated.sum() > 1000 and (~rated).sum() > 1000
    np.testing.assert_allclose(values[rated], 1000.0 * ev[rated] / pop[rated], rtol=1e-5, atol=1e-9)
    assert "incidents per 1,000 residents" in fb.log


def test_dual_kde_with_a_population_raster(run_alg, tmp_path):
    from osgeo import gdal, osr

    # 1,000 residents in every 100 m cell of a 6 km square (100,000 per km²) and one incident in its middle.
    path = str(tmp_path / "pop.tif")
    ds = gdal.GetDriverByName("GTiff").Create(path, 60, 60, 1, gdal.GDT_Float32)
    ds.SetGeoTransform((147000.0, 100.0, 0.0, 453000.0, 0.0, -100.0))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(28992)
    ds.SetProjection(srs.ExportToWkt())
    ds.GetRasterBand(1).WriteArray(np.full((60, 60), 1000.0, dtype=np.float32))
    ds = None
    point = memory_layer("Point", [], [("POINT(150005 450005)", [])])
    r = 1000.0
    res, _ = run_alg("kerneldensity", {"INPUT": point, "BANDWIDTH": r, "CELL_SIZE": 10, "POPULATION_RASTER": path,
                                       "OUTPUT": str(tmp_path / "k.tif")})
    values, gt, _ = read_raster(res["OUTPUT"])
    xs, ys = centres(gt, values.shape)
    col, row = int(np.argmin(np.abs(xs - 150005))), int(np.argmin(np.abs(ys - 450005)))
    expected = 1000.0 * (3.0 / (math.pi * r * r) * 1e6) / 100_000.0
    assert values[row, col] == pytest.approx(expected, rel=2e-3)


# --------------------------------------------------------------------------------------------------
# bad input: a clear message, nothing written


def refused(run_alg, params, out, match, feedback=None):
    with pytest.raises(QgsProcessingException, match=match):
        run_alg("kerneldensity", {**params, "OUTPUT": str(out)}, feedback)
    assert not out.exists() and not list(out.parent.glob("*partial*"))


def test_fixed_method_needs_a_positive_bandwidth(run_alg, incidents, tmp_path):
    refused(run_alg, {"INPUT": incidents, "BANDWIDTH_METHOD": 0, "BANDWIDTH": 0}, tmp_path / "k.tif",
            "fixed bandwidth method needs BANDWIDTH > 0")


def test_too_small_a_cell_size_is_refused_with_the_cell_count(run_alg, incidents, incident_xy, tmp_path):
    r, c = 200.0, 0.5
    lo = np.floor((incident_xy.min(axis=0) - r) / c) * c
    hi = np.ceil((incident_xy.max(axis=0) + r) / c) * c
    cols, rows = np.round((hi - lo) / c).astype(int)
    refused(run_alg, {"INPUT": incidents, "BANDWIDTH": r, "CELL_SIZE": c}, tmp_path / "k.tif",
            f"would have {rows * cols:,} cells .* more than the limit of 25,000,000")


def test_empty_layer_is_refused(run_alg, tmp_path):
    empty = memory_layer("Point", [], [])
    refused(run_alg, {"INPUT": empty, "BANDWIDTH": 100}, tmp_path / "k.tif", "has no points")


def test_negative_weights_are_refused(run_alg, tmp_path):
    layer = memory_layer("Point", ["w:double"], [("POINT(150000 450000)", [1.0]), ("POINT(150100 450000)", [-2.0])])
    refused(run_alg, {"INPUT": layer, "WEIGHT_FIELD": "w", "BANDWIDTH": 100}, tmp_path / "k.tif",
            "'w' has 1 negative values")


def test_edge_correction_without_a_study_area_is_refused(run_alg, incidents, tmp_path):
    refused(run_alg, {"INPUT": incidents, "BANDWIDTH": 100, "EDGE_CORRECTION": True}, tmp_path / "k.tif",
            "Edge correction needs a study area")


def test_cancel_writes_nothing(run_alg, incidents, make_feedback, tmp_path):
    refused(run_alg, {"INPUT": incidents, "BANDWIDTH": 100, "CELL_SIZE": 5, "EXACT": True}, tmp_path / "k.tif",
            "Cancelled", make_feedback(cancel_after_progress=40))
