"""Spatial units shared by the crime-map algorithms: square grid, hexagon grid or polygon zones.

One place declares the parameters (AGGREGATION, CELL_SIZE, ZONES, ZONE_ID_FIELD, population,
STUDY_AREA, KEEP_EMPTY) and turns them into units that incidents can be assigned to, so
``aggregateincidents`` and ``periodchange`` (and later algorithms) behave identically.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from qgis.core import (
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
)

from ..analysis.errors import InputError
from ..analysis.geometry import grids
from ..analysis.geometry.polygons import points_in_polygon
from ..compat import (
    FIELD_ANY,
    FIELD_NUMERIC,
    INTEGER_FIELD_TYPES,
    VECTOR_POINT,
    VECTOR_POLYGON,
    WKB_MULTIPOLYGON,
    WKB_POLYGON,
)
from ..i18n import N_, tr
from ..layers import crs as crs_mod
from ..layers.areas import read_areas, residents
from ..layers.naming import grid_unit_name
from ..layers.read import PointTable, read_points, read_polygons
from ..layers.wkb import multipolygon_wkb, polygons_wkb
from .incidents import whole_layer

AGGREGATION = "AGGREGATION"
CELL_SIZE = "CELL_SIZE"
ZONES = "ZONES"
ZONE_ID_FIELD = "ZONE_ID_FIELD"
POPULATION_FIELD = "POPULATION_FIELD"
POPULATION_POINTS = "POPULATION_POINTS"
POPULATION_POINTS_FIELD = "POPULATION_POINTS_FIELD"
STUDY_AREA = "STUDY_AREA"
KEEP_EMPTY = "KEEP_EMPTY"
MAX_CELLS = "MAX_CELLS"

KINDS = ("square", "hexagon", "zones")

HELP = {
    AGGREGATION: "Spatial units: 0 square grid, 1 hexagon grid, 2 the polygons of ZONES.",
    CELL_SIZE: "Cell size in metres, whatever the layer's CRS (default 250). For hexagons, the distance "
    "between parallel sides. Grids are anchored to multiples of the size, so maps of different periods line up.",
    ZONES: "Polygon layer (neighbourhoods, beats, community areas) used when AGGREGATION is 2; any CRS.",
    ZONE_ID_FIELD: "Field that identifies a zone in the output (default: the feature id).",
    POPULATION_FIELD: "Numeric field of ZONES with residents, for rate_1000.",
    POPULATION_POINTS: "Point layer with population (e.g. census block centroids), summed per unit; works "
    "with grids and zones.",
    POPULATION_POINTS_FIELD: "Numeric field of POPULATION_POINTS with the number of residents.",
    STUDY_AREA: "Optional polygon mask: incidents outside it are left out (and counted in the log); grid "
    "cells are kept where they overlap it.",
    KEEP_EMPTY: "Keep units without incidents (default yes), so a map shows where nothing was recorded.",
    MAX_CELLS: "Refuse grids with more cells than this (protects against a cell size typed in the wrong unit).",
}


def add_zone_parameters(alg, label: str = N_("Zones (when the units are a polygon layer)")) -> None:
    """Declare ZONES and ZONE_ID_FIELD."""
    alg.addParameter(QgsProcessingParameterFeatureSource(ZONES, tr(label), [VECTOR_POLYGON], optional=True))
    alg.addParameter(QgsProcessingParameterField(ZONE_ID_FIELD, tr("Zone identifier field"), None, ZONES,
                                                 FIELD_ANY, optional=True))


def add_unit_parameters(alg, with_population: bool = True) -> None:
    """Declare the spatial-unit parameters on ``alg``."""
    alg.addParameter(QgsProcessingParameterEnum(
        AGGREGATION, tr("Spatial units"), [tr("Square grid"), tr("Hexagon grid"), tr("Polygon layer (zones)")],
        defaultValue=0))
    alg.add_number(CELL_SIZE, "Cell size (metres)", 250.0, 0.001)
    add_zone_parameters(alg)
    if with_population:
        alg.addParameter(QgsProcessingParameterField(POPULATION_FIELD, tr("Population field of the zones"), None,
                                                     ZONES, FIELD_NUMERIC, optional=True))
        alg.addParameter(QgsProcessingParameterFeatureSource(POPULATION_POINTS, tr("Population points"),
                                                             [VECTOR_POINT], optional=True))
        alg.addParameter(QgsProcessingParameterField(POPULATION_POINTS_FIELD, tr("Population field of the points"),
                                                     None, POPULATION_POINTS, FIELD_NUMERIC, optional=True))
    alg.addParameter(QgsProcessingParameterFeatureSource(STUDY_AREA, tr("Study area (optional mask)"),
                                                         [VECTOR_POLYGON], optional=True))
    alg.add_bool(KEEP_EMPTY, "Keep units without incidents", True)
    alg.add_number(MAX_CELLS, "Maximum number of grid cells", float(grids.DEFAULT_MAX_CELLS), 1, integer=True,
                   advanced=True)


@dataclass
class SpatialUnits:
    """Units incidents are counted in: ids, geometry (WKB), area and optional population."""

    kind: str
    ids: np.ndarray
    id_field: str
    wkb: list[bytes]
    area_m2: np.ndarray
    population: np.ndarray | None
    assign: object  # callable (x, y) -> unit index or -1
    label: str = ""  # what one unit is, for output names: '250 m hexagon', 'zone (community_areas)'
    attributes: pd.DataFrame | None = None  # every attribute of the zones layer (names, codes), in unit order

    @property
    def n(self) -> int:
        return int(self.ids.size)

    def geometries(self) -> list[bytes]:
        """WKB of every unit, in unit order."""
        return self.wkb.all() if isinstance(self.wkb, _GridWkb) else list(self.wkb)

    @property
    def wkb_type(self):
        """Polygon for grid cells, MultiPolygon for zones."""
        return WKB_MULTIPOLYGON if self.kind == "zones" else WKB_POLYGON

    @property
    def grid(self) -> grids.GridSpec | None:
        """The grid of grid units (``ids`` are its cell ids), None for zones."""
        return self.wkb.spec if isinstance(self.wkb, _GridWkb) else None


def resolve_units(alg, parameters, context, points: PointTable, feedback, with_population: bool = True) -> SpatialUnits:
    """Build the units from the parameters, in the points' working CRS.

    Grids cover the incidents (and the study area when given); zones come from ZONES.
    """
    kind = KINDS[alg.parameterAsEnum(parameters, AGGREGATION, context)]
    working = points.crs
    study = _study_area(alg, parameters, context, working, feedback)
    if kind == "zones":
        units = _zone_units(alg, parameters, context, working, feedback, with_population)
    else:
        size = alg.parameterAsDouble(parameters, CELL_SIZE, context)
        max_cells = alg.parameterAsInt(parameters, MAX_CELLS, context)
        units = _grid_units(kind, size, points, study, max_cells)
    if study is not None:
        units = _mask_units(units, study)
    if with_population and units.population is None:
        units.population = _population_from_points(alg, parameters, context, working, units)
    feedback.pushInfo(tr("Working CRS: {}; output CRS: {}").format(
        crs_mod.describe(working), crs_mod.describe(alg.output_crs(parameters, context, working))))
    return units


def study_area_rings(alg, parameters, context, working, feedback) -> list[np.ndarray] | None:
    """The rings of STUDY_AREA in the working CRS (all features together), None when not given."""
    return _study_area(alg, parameters, context, working, feedback)


def _study_area(alg, parameters, context, working, feedback):
    source = alg.parameterAsSource(parameters, STUDY_AREA, context)
    if source is None:
        return None
    polys = read_polygons(source, working_crs=working, feedback=feedback,
                          layer=whole_layer(alg, parameters, STUDY_AREA, context))
    if not polys.parts:
        raise InputError("The study area layer has no polygons.")
    return [ring for rings in polys.rings for ring in rings]


def _grid_units(kind: str, size: float, points: PointTable, study, max_cells: int) -> SpatialUnits:
    if points.x.size == 0 and study is None:
        raise InputError("There are no incidents to place a grid over; give a study area or check the filters.")
    xs = [points.x] + ([np.concatenate([r[:, 0] for r in study])] if study else [])
    ys = [points.y] + ([np.concatenate([r[:, 1] for r in study])] if study else [])
    allx, ally = np.concatenate(xs), np.concatenate(ys)
    spec = grids.make_grid((allx.min(), ally.min(), allx.max(), ally.max()), size, kind, max_cells=max_cells)
    ids = np.arange(spec.n_cells, dtype=np.int64)
    return SpatialUnits(kind, ids, "cell_id", _GridWkb(spec, ids), np.full(ids.size, spec.cell_area), None,
                        lambda x, y: grids.bin_points(spec, x, y), grid_unit_name(kind, size))


class _GridWkb:
    """Cell polygons made only when written (a grid may have millions of cells, most dropped)."""

    def __init__(self, spec: grids.GridSpec, ids: np.ndarray) -> None:
        self.spec, self.ids = spec, ids

    def all(self) -> list[bytes]:
        """Every cell's WKB at once (vectorised)."""
        return polygons_wkb(grids.cell_polygons(self.spec, self.ids))

    def subset(self, keep: np.ndarray) -> _GridWkb:
        return _GridWkb(self.spec, self.ids[keep])


def _zone_units(alg, parameters, context, working, feedback, with_population) -> SpatialUnits:
    units = zone_units(alg, parameters, context, working, feedback, with_population)
    if units is None:
        raise InputError("Spatial units are set to a polygon layer: choose the zones layer (ZONES).")
    return units


def zone_units(alg, parameters, context, working, feedback, with_population=False) -> SpatialUnits | None:
    """Units from the ZONES parameter (None when no zones layer was given)."""
    source = alg.parameterAsSource(parameters, ZONES, context)
    if source is None:
        return None
    id_field = alg.parameterAsString(parameters, ZONE_ID_FIELD, context) or ""
    pop_field = alg.parameterAsString(parameters, POPULATION_FIELD, context) if with_population else ""
    # Every attribute travels to the output (names and codes make a zone map readable); the GeoPackage
    # key column is the output's own.
    names = [n for n in source.fields().names() if n.lower() != "fid"]
    zones = read_areas(source, list(dict.fromkeys([*names, *([id_field] if id_field else [])])), working_crs=working,
                       population_field=pop_field, feedback=feedback,
                       layer=whole_layer(alg, parameters, ZONES, context))
    polys = zones.polygons
    if not polys.parts:
        raise InputError("The zones layer has no polygons.")
    ids = polys.attributes[id_field] if id_field else polys.fid
    wkb = [multipolygon_wkb(p) for p in polys.parts]
    return SpatialUnits("zones", np.asarray(ids), id_field or "zone_fid", wkb, zones.area_m2, zones.population,
                        zones.assign, tr("zone ({})").format(source.sourceName()),
                        _zone_attributes(source, polys, names, id_field))


def _zone_attributes(source, polys, names: list[str], id_field: str) -> pd.DataFrame:
    """The zones' attributes as columns, integers kept integer (the reader gives floats with NaN for NULL)."""
    fields = source.fields()
    columns = {}
    for name in names:
        if name == id_field:
            continue
        values = polys.attributes[name]
        if fields.field(name).type() in INTEGER_FIELD_TYPES and values.dtype.kind == "f" and np.isfinite(values).all():
            values = values.astype(np.int64)
        columns[name] = values
    return pd.DataFrame(columns)


def _mask_units(units: SpatialUnits, study) -> SpatialUnits:
    base_assign = units.assign
    if units.kind == "zones":
        keep = np.ones(units.n, dtype=bool)
    else:
        spec = units.wkb.spec
        keep = np.isin(units.ids, grids.cells_touching_polygon(spec, study))

    def assign(x, y):
        idx = base_assign(x, y)
        inside = points_in_polygon(x, y, study)
        return np.where(inside, idx, -1)

    return _subset_units(units, keep, assign)


def _subset_units(units: SpatialUnits, keep: np.ndarray, assign=None) -> SpatialUnits:
    """Units restricted to ``keep``; incidents in dropped units become -1."""
    base = assign or units.assign
    new_index = np.full(units.n, -1, dtype=np.int64)
    new_index[keep] = np.arange(int(keep.sum()))
    wkb = units.wkb.subset(keep) if isinstance(units.wkb, _GridWkb) else [w for w, k in zip(units.wkb, keep) if k]

    def remapped(x, y):
        idx = base(x, y)
        return np.where(idx >= 0, new_index[np.maximum(idx, 0)], -1)

    attributes = None if units.attributes is None else units.attributes[keep].reset_index(drop=True)
    return SpatialUnits(units.kind, units.ids[keep], units.id_field, wkb, units.area_m2[keep],
                        None if units.population is None else units.population[keep], remapped, units.label,
                        attributes)


def drop_units(units: SpatialUnits, keep: np.ndarray) -> SpatialUnits:
    """Units restricted to ``keep`` (e.g. non-empty cells when KEEP_EMPTY is off)."""
    return _subset_units(units, keep)


def _population_from_points(alg, parameters, context, working, units: SpatialUnits):
    source = alg.parameterAsSource(parameters, POPULATION_POINTS, context)
    if source is None:
        return units.population
    field = alg.parameterAsString(parameters, POPULATION_POINTS_FIELD, context)
    if not field:
        raise InputError("Population points were given without POPULATION_POINTS_FIELD (the residents per point).")
    pts = read_points(source, [field], layer=alg.parameterAsVectorLayer(parameters, POPULATION_POINTS, context),
                      working_crs=working)
    idx = units.assign(pts.x, pts.y)
    values = np.nan_to_num(residents(pts.attributes[field], field, pts.fid))
    inside = idx >= 0
    return np.bincount(idx[inside], weights=values[inside], minlength=units.n)[: units.n]

