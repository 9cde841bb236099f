"""Output styles: the one place that builds renderers for BESECURE outputs.

A style is a small dict (``{"kind": "graduated", "field": "count", "classes": 5}``) so algorithms declare
it without touching renderers (kinds ``single`` with a ``colour`` and, for lines, a ``width`` in mm;
``graduated``; ``categorized``). Raster outputs use ``{"kind": "raster_classes", "breaks": [...],
"colours": [...], "labels": [...]}`` (a discrete pseudo-colour ramp on band 1: each colour for values
up to its break) or ``{"kind": "raster_ramp", ...}`` with the same keys (a continuous ramp interpolated
between the stops ``breaks``; colours may carry an alpha as ``#AARRGGBB``, e.g. a transparent zero;
:func:`with_ramp` makes one from the raster's values). It is applied to a layer loaded in QGIS Desktop by a Processing
layer post-processor, and saved as the default style inside GeoPackage outputs, so the file opens
styled anywhere (qgis_process, another QGIS, a project).
"""
from __future__ import annotations

from typing import ClassVar

import numpy as np
from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsColorRampShader,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRasterLayer,
    QgsRasterShader,
    QgsRendererCategory,
    QgsRendererRange,
    QgsSingleBandPseudoColorRenderer,
    QgsSingleSymbolRenderer,
    QgsSymbol,
    QgsVectorLayer,
)
from qgis.PyQt.QtGui import QColor

from ..compat import (
    GEOMETRY_LINE,
    GEOMETRY_NULL,
    GEOMETRY_POLYGON,
    GEOMETRY_UNKNOWN,
    REQUEST_NO_GEOMETRY,
    SHADER_DISCRETE,
    SHADER_INTERPOLATED,
)

# ColorBrewer YlOrRd (sequential, colour-blind safe) for counts and rates.
YLORRD = ("#ffffb2", "#fecc5c", "#fd8d3c", "#f03b20", "#bd0026")


def _ramp(colours: tuple[str, ...]) -> QgsGradientColorRamp:
    ramp = QgsGradientColorRamp(QColor(colours[0]), QColor(colours[-1]))
    if len(colours) > 2:
        from qgis.core import QgsGradientStop

        n = len(colours) - 1
        ramp.setStops([QgsGradientStop(i / n, QColor(c)) for i, c in enumerate(colours[1:-1], start=1)])
    return ramp


def _base_symbol(layer: QgsVectorLayer) -> QgsSymbol:
    symbol = QgsSymbol.defaultSymbol(layer.geometryType())
    if layer.geometryType() == GEOMETRY_POLYGON:
        symbol = QgsFillSymbol.createSimple({"outline_color": "#80808080", "outline_width": "0.1"})
    return symbol


def apply_style(layer: QgsVectorLayer | QgsRasterLayer, spec: dict) -> None:
    """Apply a style spec to a vector layer (no-op for tables without geometry) or a raster layer."""
    if isinstance(layer, QgsRasterLayer):
        if layer.isValid() and spec.get("kind") in ("raster_classes", "raster_ramp"):
            layer.setRenderer(_raster_classes(layer, spec))
            layer.triggerRepaint()
        return
    if layer is None or not layer.isValid() or layer.geometryType() in (
        GEOMETRY_NULL, GEOMETRY_UNKNOWN
    ):
        return
    kind = spec.get("kind")
    if kind == "single":
        symbol = _base_symbol(layer)
        symbol.setColor(QColor(spec["colour"]))
        if "width" in spec and layer.geometryType() == GEOMETRY_LINE:
            symbol.setWidth(float(spec["width"]))
        layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    elif kind == "graduated":
        layer.setRenderer(_graduated(layer, spec))
    elif kind == "categorized":
        categories = []
        for value, colour, label in spec["categories"]:
            symbol = _base_symbol(layer)
            symbol.setColor(QColor(colour))
            categories.append(QgsRendererCategory(value, symbol, label))
        layer.setRenderer(QgsCategorizedSymbolRenderer(spec["field"], categories))
    layer.triggerRepaint()


def class_breaks(values: np.ndarray, classes: int) -> list[float]:
    """Upper bounds of classes for counts and rates: a class for zero, then head/tail breaks.

    Crime counts are mostly zero or small with a long tail. Head/tail breaks (Jiang 2013) split the
    positive values at their mean, then the part above the mean (the head) at its mean, and so on while
    the head stays under 40 % of its values: the last classes hold the few hot units, where quantiles
    would give the top class a fifth of all units. Duplicate bounds are merged.
    """
    v = values[np.isfinite(values)]
    positive = v[v > 0]
    if positive.size == 0:
        return [0.0]
    bounds = []
    head = positive
    while len(bounds) < classes - 2 and head.size > 1:
        mean = float(head.mean())
        next_head = head[head > mean]
        if next_head.size == 0 or next_head.size > 0.4 * head.size:
            break
        bounds.append(mean)
        head = next_head
    bounds.append(float(positive.max()))
    return ([0.0] if (v == 0).any() else []) + sorted(set(bounds))


NICE_STEPS = (1.0, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 7.5)


def nice_ceil(value: float, integer: bool = False) -> float:
    """The smallest of 1, 1.5, 2, 2.5, 3, 4, 5, 7.5 x 10^k at or above ``value`` (whole numbers only when
    ``integer``): class bounds a reader takes in at a glance, as 'pretty' breaks."""
    if value <= 0 or not np.isfinite(value):
        return float(value)
    exp = int(np.floor(np.log10(value)))
    for e in (exp - 1, exp, exp + 1):
        for step in NICE_STEPS:
            candidate = round(step * 10.0**e, 12)
            if candidate >= value * (1 - 1e-12) and (not integer or candidate == int(candidate)):
                return candidate
    return float(np.ceil(value))


def nice_bounds(bounds: list[float], integer: bool = False) -> list[float]:
    """Class bounds rounded up to nice numbers (:func:`nice_ceil`), duplicates merged, zero kept."""
    return sorted({nice_ceil(b, integer) if b > 0 else b for b in bounds})


def readable_breaks(values: np.ndarray, classes: int) -> tuple[list[float], bool]:
    """Class bounds for a crime map, and whether the values are whole numbers.

    Head/tail breaks (:func:`class_breaks`) find the few hot units; rounded up to nice numbers
    (:func:`nice_bounds`). They leave most units in one low class, so while fewer than ``classes`` classes
    exist the class holding most units is split at its median, rounded to a nice number (a class that cannot
    be split, e.g. the zeros, is passed over).
    """
    v = np.asarray(values, dtype=float)
    v = v[np.isfinite(v)]
    integer = _is_integer(v)
    bounds = nice_bounds(class_breaks(v, classes), integer)
    while v.size and len(bounds) < classes:
        lowers = [float(v.min()) - 1.0, *bounds[:-1]]
        members = [v[(v > lo) & (v <= hi)] for lo, hi in zip(lowers, bounds)]
        for i in np.argsort([-m.size for m in members], kind="stable"):
            cut = nice_ceil(float(np.median(members[i])), integer) if members[i].size else bounds[i]
            if lowers[i] < cut < bounds[i] and (members[i] > cut).any():
                bounds.insert(int(i), cut)
                break
        else:
            break
    return bounds, integer


def class_labels(bounds: list[float], lower: float, integer: bool = False) -> list[str]:
    """'0', '1 - 5', '6 - 10' for whole numbers (a count above 5 is at least 6); '0.5 - 1' otherwise."""
    labels = []
    for upper in bounds:
        low = lower
        if integer and labels:
            low = np.floor(lower) + 1
        labels.append(f"{upper:g}" if upper == low else f"{low:g} - {upper:g}")
        lower = upper
    return labels


def _is_integer(values: np.ndarray) -> bool:
    v = values[np.isfinite(values)]
    return bool(v.size) and bool(np.all(v == np.round(v)))


def with_breaks(spec: dict, values) -> dict:
    """The spec with class bounds computed from the output's values (saves reading them back), as
    :func:`readable_breaks` makes them."""
    numeric = np.asarray(values, dtype=float)
    bounds, integer = readable_breaks(numeric, int(spec.get("classes", 5)))
    return {**spec, "breaks": bounds, "minimum": float(np.nanmin(numeric)) if np.isfinite(numeric).any() else 0.0,
            "integer": integer}


def _graduated(layer: QgsVectorLayer, spec: dict) -> QgsGraduatedSymbolRenderer:
    field = spec["field"]
    if "breaks" in spec:
        bounds, lower, integer = list(spec["breaks"]), spec["minimum"], bool(spec.get("integer", False))
    else:
        idx = layer.fields().indexOf(field)
        request = QgsFeatureRequest().setFlags(REQUEST_NO_GEOMETRY).setSubsetOfAttributes([idx])
        values = [f.attributes()[idx] for f in layer.getFeatures(request)]
        numeric = np.array([float(v) if isinstance(v, (int, float)) else np.nan for v in values], dtype=float)
        bounds, integer = readable_breaks(numeric, int(spec.get("classes", 5)))
        lower = float(np.nanmin(numeric)) if np.isfinite(numeric).any() else 0.0
    ramp = _ramp(tuple(spec.get("colours", YLORRD)))
    ranges = []
    for i, (upper, label) in enumerate(zip(bounds, class_labels(bounds, lower, integer))):
        symbol = _base_symbol(layer)
        symbol.setColor(ramp.color(i / max(1, len(bounds) - 1)))
        ranges.append(QgsRendererRange(lower, upper, symbol, label))
        lower = upper
    renderer = QgsGraduatedSymbolRenderer(field, ranges)
    renderer.setSourceSymbol(_base_symbol(layer))
    renderer.setSourceColorRamp(ramp)
    return renderer


def with_ramp(spec: dict, values, colours: tuple[str, ...] = YLORRD) -> dict:
    """A ``raster_ramp`` spec for a density or intensity raster, with stops from its values.

    Zero is fully transparent and fades in up to 5 % of the top stop, so empty land shows the map
    below; the colours then run to the 99.5th percentile of the positive values (a few extreme
    cells would otherwise squeeze everything else into the first colour; cells above it take the
    last colour). NaN cells are left to the raster's nodata.
    """
    v = np.asarray(values, dtype=float)
    positive = v[np.isfinite(v) & (v > 0)]
    top = float(np.quantile(positive, 0.995)) if positive.size else 1.0
    if not top > 0:
        top = float(positive.max()) if positive.size else 1.0
    fractions = [0.05 + 0.95 * i / (len(colours) - 1) for i in range(len(colours))]
    stops = [0.0] + [top * f for f in fractions]
    return {**spec, "kind": "raster_ramp", "breaks": stops,
            "colours": ["#00" + colours[0].lstrip("#"), *colours],
            "labels": [f"{s:.3g}" for s in stops]}


def _raster_classes(layer: QgsRasterLayer, spec: dict) -> QgsSingleBandPseudoColorRenderer:
    """Pseudo-colour renderer on band 1: discrete (``colours[i]`` for values up to ``breaks[i]``) or,
    for ``raster_ramp``, interpolated between the stops ``breaks``."""
    ramp = QgsColorRampShader()
    interpolated = spec.get("kind") == "raster_ramp"
    ramp.setColorRampType(SHADER_INTERPOLATED if interpolated else SHADER_DISCRETE)
    labels = spec.get("labels") or [f"{b:g}" if interpolated else f"<= {b:g}" for b in spec["breaks"]]
    ramp.setColorRampItemList([
        QgsColorRampShader.ColorRampItem(float(b), QColor(c), str(lab))
        for b, c, lab in zip(spec["breaks"], spec["colours"], labels, strict=True)
    ])
    finite = [float(b) for b in spec["breaks"] if np.isfinite(b)]
    ramp.setMinimumValue(min(finite, default=0.0))
    ramp.setMaximumValue(max(finite, default=1.0))
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(ramp)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), 1, shader)
    renderer.setClassificationMin(ramp.minimumValue())
    renderer.setClassificationMax(ramp.maximumValue())
    return renderer


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Styles an output layer when QGIS Desktop loads it after the algorithm ran."""

    _alive: ClassVar[list[StylePostProcessor]] = []  # QGIS does not own Python post-processors

    def __init__(self, spec: dict) -> None:
        super().__init__()
        self.spec = spec

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 (QGIS API)
        if isinstance(layer, (QgsVectorLayer, QgsRasterLayer)):
            apply_style(layer, self.spec)

    @classmethod
    def create(cls, spec: dict) -> StylePostProcessor:
        proc = cls(spec)
        cls._alive.append(proc)
        return proc
