"""Output styles: the one place that builds renderers for BESECURE outputs.

A style is a small dict (``{"kind": "graduated", "field": "count", ...}``) so algorithms declare
it without touching renderers. It is applied to a layer loaded in QGIS Desktop by a Processing
layer post-processor, and saved as the default style inside GeoPackage outputs, so the file opens
styled anywhere (qgis_process, another QGIS, a project).
"""
from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsClassificationJenks,
    QgsClassificationQuantile,
    QgsFillSymbol,
    QgsGradientColorRamp,
    QgsGraduatedSymbolRenderer,
    QgsProcessingLayerPostProcessorInterface,
    QgsRendererCategory,
    QgsSymbol,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtGui import QColor

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
    if layer.geometryType() == QgsWkbTypes.PolygonGeometry:
        symbol = QgsFillSymbol.createSimple({"outline_color": "#80808080", "outline_width": "0.1"})
    return symbol


def apply_style(layer: QgsVectorLayer, spec: dict) -> None:
    """Apply a style spec to a vector layer (no-op for tables without geometry)."""
    if layer is None or not layer.isValid() or layer.geometryType() in (
        QgsWkbTypes.NullGeometry, QgsWkbTypes.UnknownGeometry
    ):
        return
    kind = spec.get("kind")
    if kind == "graduated":
        renderer = QgsGraduatedSymbolRenderer(spec["field"])
        renderer.setSourceSymbol(_base_symbol(layer))
        renderer.setSourceColorRamp(_ramp(tuple(spec.get("colours", YLORRD))))
        method = QgsClassificationQuantile() if spec.get("mode") == "quantile" else QgsClassificationJenks()
        renderer.setClassificationMethod(method)
        renderer.updateClasses(layer, int(spec.get("classes", 5)))
        layer.setRenderer(renderer)
    elif kind == "categorized":
        categories = []
        for value, colour, label in spec["categories"]:
            symbol = _base_symbol(layer)
            symbol.setColor(QColor(colour))
            categories.append(QgsRendererCategory(value, symbol, label))
        layer.setRenderer(QgsCategorizedSymbolRenderer(spec["field"], categories))
    layer.triggerRepaint()


class StylePostProcessor(QgsProcessingLayerPostProcessorInterface):
    """Styles an output layer when QGIS Desktop loads it after the algorithm ran."""

    _alive: list[StylePostProcessor] = []  # QGIS does not own Python post-processors

    def __init__(self, spec: dict) -> None:
        super().__init__()
        self.spec = spec

    def postProcessLayer(self, layer, context, feedback) -> None:  # noqa: N802 (QGIS API)
        if isinstance(layer, QgsVectorLayer):
            apply_style(layer, self.spec)

    @classmethod
    def create(cls, spec: dict) -> StylePostProcessor:
        proc = cls(spec)
        cls._alive.append(proc)
        return proc
