"""Pictures for reports as PNG bytes: maps rendered from QGIS layers (``QgsMapSettings`` +
``QgsMapRendererCustomPainterJob``, offline, in the calling thread, no canvas) and simple charts painted
with plain Qt (the 7 x 24 hot-times grid, grouped bars)."""
from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsMapLayer,
    QgsMapRendererCustomPainterJob,
    QgsMapSettings,
    QgsRectangle,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

from ...compat import null_rectangle

__all__ = ["bar_chart_png", "heatmap_png", "layers_extent", "render_map_png"]


def png_bytes(image: QImage) -> bytes:
    """``image`` encoded as PNG."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data)


# --------------------------------------------------------------------------- maps
def layers_extent(layers: Sequence[QgsMapLayer], crs: QgsCoordinateReferenceSystem, margin: float = 0.08,
                  min_size: float = 150.0) -> QgsRectangle:
    """The union of the layers' extents (all in ``crs``) with a relative margin, at least
    ``min_size`` map units wide and high so that a single entry point still shows its setting."""
    rect = null_rectangle()
    for lyr in layers:
        if lyr is None or not lyr.isValid():
            continue
        if isinstance(lyr, QgsVectorLayer):
            lyr.updateExtents()  # a GeoPackage written by a sink may not store its extent yet
            if lyr.featureCount() == 0:
                continue
        ext = lyr.extent()
        if np.isfinite([ext.xMinimum(), ext.yMinimum(), ext.xMaximum(), ext.yMaximum()]).all():
            rect.combineExtentWith(ext)
    if not np.isfinite(rect.width()) or rect.width() < 0:
        return QgsRectangle(0, 0, 1, 1)
    pad = max(rect.width(), rect.height()) * margin
    half_w = max(rect.width() / 2 + pad, min_size / 2)
    half_h = max(rect.height() / 2 + pad, min_size / 2)
    cx, cy = rect.center().x(), rect.center().y()
    return QgsRectangle(cx - half_w, cy - half_h, cx + half_w, cy + half_h)


def render_map_png(layers: Sequence[QgsMapLayer], extent: QgsRectangle, crs: QgsCoordinateReferenceSystem | None = None,
                   width: int = 800, height: int | None = None, background: str = "#ffffff") -> bytes:
    """Render ``layers`` (first on top, as in the layer tree) over ``extent`` to PNG bytes.

    ``crs`` defaults to the first layer's; ``height`` defaults to the extent's aspect ratio (between 200
    pixels and twice the width). Renders synchronously in the calling thread (a Processing thread too).
    """
    layers = [lyr for lyr in layers if lyr is not None and lyr.isValid()]
    if height is None:
        ratio = extent.height() / extent.width() if extent.width() > 0 else 1.0
        height = int(max(200, min(2 * width, round(width * ratio))))
    size = QSize(int(width), int(height))
    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs if crs is not None else (layers[0].crs() if layers else settings.destinationCrs()))
    settings.setBackgroundColor(QColor(background))
    settings.setOutputSize(size)
    settings.setOutputDpi(96)
    settings.setExtent(extent)
    image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(QColor(background))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    job = QgsMapRendererCustomPainterJob(settings, painter)
    job.renderSynchronously()
    painter.end()
    return png_bytes(image)


# --------------------------------------------------------------------------- charts
def _lerp(c0: QColor, c1: QColor, t: float) -> QColor:
    return QColor(int(c0.red() + (c1.red() - c0.red()) * t), int(c0.green() + (c1.green() - c0.green()) * t),
                  int(c0.blue() + (c1.blue() - c0.blue()) * t))


def _chart_canvas(width: int, height: int, title: str, title_height: int) -> tuple[QImage, QPainter]:
    """A white chart image and its painter (8 pt DejaVu Sans), the title written across the top."""
    image = QImage(width, height, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    painter.setFont(QFont("DejaVu Sans", 8))
    if title:
        painter.drawText(QRectF(4, 2, width - 8, title_height),
                         Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
    return image, painter


def heatmap_png(values: Sequence[Sequence[float]], row_labels: Sequence[str], col_labels: Sequence[str],
                title: str = "", cell: int = 22) -> bytes:
    """A heat grid (e.g. the 7 x 24 hot times): darker = more, linear from white to dark blue at the maximum."""
    n_rows, n_cols = len(values), len(values[0]) if values else 0
    left, top = 90, 40 if title else 16
    width, height = left + n_cols * cell + 10, top + n_rows * cell + 24
    image, painter = _chart_canvas(width, height, title, 22)
    peak = max((max(row) for row in values if len(row)), default=0.0)
    low, high = QColor("#f7fbff"), QColor("#08306b")
    for r, row in enumerate(values):
        painter.drawText(QRectF(2, top + r * cell, left - 6, cell),
                         Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, str(row_labels[r]))
        for c, value in enumerate(row):
            t = (value / peak) if peak > 0 else 0.0
            painter.fillRect(QRectF(left + c * cell, top + r * cell, cell - 1, cell - 1), _lerp(low, high, t))
    for c, label in enumerate(col_labels):
        painter.drawText(QRectF(left + c * cell, top + n_rows * cell + 2, cell, 18),
                         Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop, str(label))
    painter.end()
    return png_bytes(image)


def bar_chart_png(labels: Sequence[str], series: Sequence[tuple[str, Sequence[float], str]], title: str = "",
                  size: tuple[int, int] = (560, 260)) -> bytes:
    """Grouped bars: one group per label, one bar per series ``(name, values, colour)``, with a legend."""
    width, height = size
    left, right, top, bottom = 40, 10, 40 if title else 24, 36
    image, painter = _chart_canvas(width, height, title, 18)
    x = 4.0
    for name, _, colour in series:  # legend
        painter.fillRect(QRectF(x, top - 16, 10, 10), QColor(colour))
        painter.drawText(QRectF(x + 14, top - 20, 160, 16), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         name)
        x += 24 + painter.fontMetrics().horizontalAdvance(name)
    peak = max((v for _, values, _ in series for v in values), default=0.0) or 1.0
    plot_h = height - top - bottom
    group_w = (width - left - right) / max(len(labels), 1)
    bar_w = group_w * 0.8 / max(len(series), 1)
    painter.drawLine(left, top + plot_h, width - right, top + plot_h)
    painter.drawText(QRectF(0, top - 6, left - 4, 14), Qt.AlignmentFlag.AlignRight, f"{peak:g}")
    for g, label in enumerate(labels):
        x0 = left + g * group_w + group_w * 0.1
        for s, (_, values, colour) in enumerate(series):
            value = values[g]
            h = plot_h * value / peak
            painter.fillRect(QRectF(x0 + s * bar_w, top + plot_h - h, bar_w - 2, h), QColor(colour))
            painter.drawText(QRectF(x0 + s * bar_w, top + plot_h - h - 14, bar_w, 12),
                             Qt.AlignmentFlag.AlignHCenter, f"{value:g}")
        painter.drawText(QRectF(left + g * group_w, top + plot_h + 4, group_w, 28),
                         Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap, label)
    painter.end()
    return png_bytes(image)
