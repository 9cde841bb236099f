"""besecure:aggregateincidents - counts, rates and concentration per grid cell or zone."""
from __future__ import annotations

import numpy as np
import pandas as pd
from qgis.core import QgsProcessingParameterFeatureSink, QgsProcessingParameterField

from ...analysis.crime.aggregate import aggregate_counts, category_codes, concentration
from ...compat import FIELD_ANY
from ...i18n import N_, tr
from ...layers.style import with_breaks
from ...layers.write import write_frame
from .. import incidents, spatial_units
from ..base import BesecureAlgorithm, Help, check_cancel

CATEGORY_FIELD = "CATEGORY_FIELD"
MIN_PUBLISH_COUNT = "MIN_PUBLISH_COUNT"
OUTPUT = "OUTPUT"

COUNT_STYLE = {"kind": "graduated", "field": "count", "classes": 5}


def unit_frame(u: spatial_units.SpatialUnits, table: pd.DataFrame) -> pd.DataFrame:
    """Prefix the unit identifier column and, for zones, every attribute of the zones layer to a per-unit table.

    A zone attribute named like a computed column (a zones layer with its own 'count') becomes 'zone_<name>'.
    """
    ids = u.ids
    frame = pd.DataFrame({u.id_field: ids if ids.dtype != object else ids.astype(str)})
    if u.attributes is not None:
        taken = {str(c).lower() for c in [*table.columns, u.id_field]}
        zone = u.attributes.rename(columns=lambda c: f"zone_{c}" if str(c).lower() in taken else c)
        frame = pd.concat([frame, zone.reset_index(drop=True)], axis=1)
    return pd.concat([frame, table.reset_index(drop=True)], axis=1)


class AggregateIncidents(BesecureAlgorithm):
    ALGORITHM_ID = "aggregateincidents"
    DISPLAY_NAME = "Aggregate incidents"
    GROUP_ID = "crimemaps"
    TAGS = "crime map,aggregate,count,hexagon,hex grid,square grid,grid,points in polygon,choropleth,concentration"
    HELP = Help(
        "Counts incidents per square cell, hexagon or zone and writes the crime map analysts use: counts, "
        "density, rate per 1,000 residents, share of all incidents, rank and cumulative share (the 80/20 "
        "concentration), one count per category, and optional suppression of small counts for publication.",
        {
            **incidents.HELP,
            **spatial_units.HELP,
            CATEGORY_FIELD: "Optional field with the incident type: one count column n_<type> per type "
            "(the 39 most frequent; the rest in n_other).",
            MIN_PUBLISH_COUNT: "For publishing: counts from 1 to this value minus 1 are withheld (null, "
            "suppressed = 1) with everything derived from them. 0 = show all.",
        },
        {
            OUTPUT: "Polygons with cell_id (grids) or the zone id, count, n_<category>, area_km2, per_km2 "
            "(incidents per km²), population and rate_1000 (with population), share, rank, cum_share and "
            "suppressed. CRS: the working CRS, stated in the log.",
        },
        "Grid cells are found by arithmetic on coordinates (a point on a cell edge belongs to the cell on its "
        "right/top; a point equidistant from two hexagon centres to the even column). Zones use an exact "
        "point-in-polygon test; a point on a boundary shared by two zones is counted once, in the first zone in "
        "layer order. Incidents outside every unit are left out and reported in the log. Concentration: Weisburd "
        "(2015), the law of crime concentration.",
        "Rank 1 is the unit with most incidents; cum_share tells which share of all incidents the units up to "
        "this rank hold, e.g. 'the top 5 % of cells hold 50 % of burglaries'.",
    )

    def initAlgorithm(self, config=None):  # noqa: N802
        incidents.add_input_parameter(self)
        spatial_units.add_unit_parameters(self)
        self.addParameter(QgsProcessingParameterField(CATEGORY_FIELD, tr("Category field"), None, incidents.INPUT,
                                                      FIELD_ANY, optional=True))
        incidents.add_filter_parameters(self)
        incidents.add_timezone_parameter(self)
        self.add_number(MIN_PUBLISH_COUNT, "Minimum count to publish (0 = all)", 0, 0, integer=True)
        self.addParameter(QgsProcessingParameterFeatureSink(OUTPUT, tr("Incidents per unit")))

    def compute(self, parameters, context, feedback):
        cat_field = self.parameterAsString(parameters, CATEGORY_FIELD, context)
        points = incidents.read_incidents(self, parameters, context, feedback, [cat_field])
        check_cancel(feedback)
        feedback.setProgress(30)
        u = spatial_units.resolve_units(self, parameters, context, points, feedback)
        check_cancel(feedback)
        feedback.setProgress(50)
        unit_index = u.assign(points.x, points.y)
        outside = int((unit_index < 0).sum())
        if outside:
            feedback.pushWarning(tr("{} incidents fall outside every unit and are not counted.").format(outside))
        cats = category_codes(points.attributes[cat_field]) if cat_field else None
        k = self.parameterAsInt(parameters, MIN_PUBLISH_COUNT, context)
        table = aggregate_counts(unit_index, u.n, u.area_m2, categories=cats, population=u.population,
                                 min_publish_count=k)
        if not self.parameterAsBoolean(parameters, spatial_units.KEEP_EMPTY, context):
            keep = np.bincount(unit_index[unit_index >= 0], minlength=u.n)[: u.n] > 0
            u = spatial_units.drop_units(u, keep)
            table = table[keep].reset_index(drop=True)
        check_cancel(feedback)
        counted = len(unit_index) - outside
        feedback.pushInfo(tr("{} incidents counted in {} units; the top 20 % of units hold {:.0%} of them.")
                          .format(counted, u.n, concentration(table)))
        frame = unit_frame(u, table)
        dest = write_frame(self, parameters, OUTPUT, context, frame, points.crs, wkb=u.geometries(),
                           wkb_type=u.wkb_type, feedback=feedback, progress_range=(60, 100))
        self.output_written(parameters, context, dest, with_breaks(COUNT_STYLE, frame["count"]),
                            N_("{what} per {unit}"), unit=u.label)
        return {OUTPUT: dest}
