"""The Policy Navigator's inputs, read without widgets: the dossier's area, its incidents filtered
by category and period, and the numbers and dates typed in the forms.

The incidents are read with the plugin's own readers and period rules (``layers.read``,
``layers.dates``, ``layers.dates.period_mask``), so the Navigator selects what the
algorithms would. Nothing here creates a widget; the functions are tested in tests/processing.
"""
from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence
from typing import Any

import numpy as np
from qgis.core import QgsFeatureRequest, QgsProject, QgsVectorLayer

from ...i18n import tr
from ...knowledge import dossier as ds
from ...layers.dates import parse_datetimes, period_mask
from ...layers.read import read_points

__all__ = ["area_layer", "category_mask", "dossier_incidents", "incident_layers", "number", "valid_date"]


def category_mask(values: np.ndarray, categories: Sequence[str]) -> np.ndarray:
    """Incidents whose category is one of ``categories`` (as the category list shows them)."""
    if values.dtype.kind == "f":  # numeric category field: compare as numbers (1 == 1.0)
        wanted = []
        for c in categories:
            try:
                wanted.append(float(c))
            except ValueError:
                continue
        return np.isin(values, wanted)
    return np.isin(np.array([None if v is None else str(v) for v in values], dtype=object), list(categories))


def dossier_incidents(layer: QgsVectorLayer, inputs: ds.AnalysisInputs, *, use_period: bool = True
                      ) -> QgsVectorLayer:
    """The dossier's incidents: ``layer`` itself, or a memory copy restricted to the chosen
    categories and (with ``use_period``) the period, read with the plugin's own readers and period
    rules (``layers.read``, ``layers.dates``, ``layers.dates.period_mask``).

    Raises ValueError when nothing is left.
    """
    period = inputs.period if use_period and inputs.period and (inputs.period.start or inputs.period.end) else None
    if not inputs.categories and period is None:
        return layer
    category = inputs.category_field if inputs.categories else ""
    time_field = inputs.time_field if period is not None else ""
    table = read_points(layer, [category, time_field], layer=layer)
    mask = np.ones(table.fid.size, dtype=bool)
    if category:
        mask &= category_mask(table.attributes[category], inputs.categories)
    if period is not None:
        parsed = parse_datetimes(table.attributes[time_field], None, utc_values=time_field in table.utc_fields)
        mask &= period_mask(parsed.times, period.start or None, period.end or None)
    if not mask.any():
        raise ValueError(tr("No incidents of the chosen categories in the chosen period; widen the selection in "
                            "step 2."))
    subset = layer.materialize(QgsFeatureRequest().setFilterFids([int(f) for f in table.fid[mask]]))
    subset.setName(layer.name())
    return subset


def incident_layers(project: QgsProject, inputs: ds.AnalysisInputs, *, use_period: bool
                    ) -> tuple[QgsVectorLayer, QgsVectorLayer]:
    """The dossier's incident layer in ``project`` and its selection (:func:`dossier_incidents`).

    Raises ValueError when the layer is not in the project or nothing is selected.
    """
    layer = project.mapLayer(inputs.incidents.layer_id) if inputs.incidents.layer_id else None
    if layer is None:
        raise ValueError(tr("Choose the incident layer in step 2."))
    return layer, dossier_incidents(layer, inputs, use_period=use_period)


def area_layer(project: QgsProject, area: ds.AreaRef) -> QgsVectorLayer:
    """The dossier's area as a one-feature memory layer. Raises ValueError when it cannot be found."""
    layer = project.mapLayer(area.layer_id) if area.layer_id else None
    if layer is None:
        raise ValueError(tr("Choose the area in step 1 (the area layer is not in the project)."))
    if area.feature_id is None:
        raise ValueError(tr("Choose the area in step 1."))
    single = layer.materialize(QgsFeatureRequest().setFilterFid(area.feature_id))
    if single.featureCount() != 1:
        raise ValueError(tr("The area is no longer in the layer '{}'; choose it again in step 1.")
                         .format(layer.name()))
    single.setName(area.name or layer.name())
    return single


def number(value: Any) -> float | None:
    """``value`` as a finite float, or None (an empty cell, text, NaN or infinity)."""
    try:
        result = float(value)
    except (TypeError, ValueError):
        return None
    return result if math.isfinite(result) else None


def valid_date(text: str) -> bool:
    """True for an ISO date ``YYYY-MM-DD``."""
    try:
        return len(text) == 10 and dt.date.fromisoformat(text) is not None
    except ValueError:
        return False
