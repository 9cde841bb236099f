"""Chart widgets of the Compass (pyqtgraph): monthly trend, categories, 7 x 24 hot times, radar.

Every chart is a plain QWidget that holds a pyqtgraph plot, or, when pyqtgraph cannot be imported,
a short message saying how to install it, so the docks open either way (pyqtgraph is the Debian
package ``python3-pyqtgraph``; QGIS on Windows ships it). Colours are set per widget, never through
``pyqtgraph.setConfigOptions``, which would change other plugins' plots.
"""
from __future__ import annotations

import textwrap

import numpy as np
from qgis.PyQt.QtCore import QPointF, Qt
from qgis.PyQt.QtGui import QBrush, QColor, QFont, QPen, QPolygonF
from qgis.PyQt.QtWidgets import QGraphicsPolygonItem, QLabel, QSizePolicy, QVBoxLayout, QWidget

from ..analysis.optional import MissingDependency, optional_import
from ..i18n import N_, tr

try:  # any failure (absent, or built for another Qt binding) only costs the charts
    pg = optional_import("pyqtgraph")
except MissingDependency:
    pg = None

WEEKDAYS_SHORT = (N_("Mon"), N_("Tue"), N_("Wed"), N_("Thu"), N_("Fri"), N_("Sat"), N_("Sun"))
WEEKDAYS_LONG = (N_("Monday"), N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"), N_("Saturday"),
                 N_("Sunday"))
AREA_COLOUR = "#1f4e79"
CITY_COLOUR = "#7f7f7f"
PERIOD_COLOUR = (253, 174, 97, 60)
PREVIOUS_COLOUR = (160, 160, 160, 45)
# ColorBrewer YlOrRd, light = few incidents.
HEAT_STOPS = ((255, 255, 204), (254, 217, 118), (253, 141, 60), (227, 26, 28), (128, 0, 38))
TEXT_COLOUR = "#303030"
MAX_BARS = 10


def available() -> bool:
    """True when pyqtgraph can be used."""
    return pg is not None


def missing_message() -> str:
    return tr("Charts need the Python package pyqtgraph. On Debian or Ubuntu: sudo apt install python3-pyqtgraph; "
              "elsewhere: pip install pyqtgraph. The figures above work without it.")


class _Chart(QWidget):
    """A pyqtgraph PlotWidget with a white background, or a message when pyqtgraph is missing.

    Plot items are made once and then only updated: removing an item from a pyqtgraph scene inside
    QGIS raises "unable to convert a QVariant back to a Python object" in pyqtgraph's
    ``GraphicsObject.itemChange`` (pyqtgraph issue #774; QGIS keeps null QVariants as objects).
    """

    def __init__(self, parent: QWidget | None = None, min_height: int = 150) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.setMinimumHeight(min_height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.plot_widget = None
        self.message = None
        if pg is None:
            self.message = QLabel(missing_message(), self)
            self.message.setWordWrap(True)
            self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.message.setObjectName("chartMissingMessage")
            layout.addWidget(self.message)
            return
        self.plot_widget = pg.PlotWidget(self, background="w")
        self.plot_widget.setMenuEnabled(False)
        self.plot = self.plot_widget.getPlotItem()
        self.plot.hideButtons()
        self.plot.setMouseEnabled(x=False, y=False)
        # Every chart sets its own ranges; auto-ranging would recompute bounds on each update.
        self.plot.disableAutoRange()
        self.font = QFont()
        self.font.setPointSizeF(max(7.0, self.font.pointSizeF() - 1.5))
        for name in ("left", "bottom"):
            self._style_axis(self.plot.getAxis(name))
        layout.addWidget(self.plot_widget)

    def _style_axis(self, axis) -> None:
        axis.setPen(pg.mkPen(CITY_COLOUR))
        axis.setTextPen(pg.mkPen(TEXT_COLOUR))
        axis.setStyle(tickFont=self.font)

    def clear(self) -> None:
        """Show nothing (subclasses empty their items)."""


class TrendChart(_Chart):
    """Incidents per month in the area, with the city's monthly series scaled to the area's total.

    The city's line is *normalised* (multiplied by area total / city total), so both lines share one
    axis and one reads whether the area moves with the city or against it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if self.plot_widget is None:
            return
        self.plot_widget.setAxisItems({"bottom": pg.DateAxisItem(orientation="bottom")})
        self._style_axis(self.plot.getAxis("bottom"))
        self.plot.setLabel("left", tr("Incidents per month"), color=TEXT_COLOUR)
        self.plot.addLegend(offset=(6, 4), labelTextColor=TEXT_COLOUR, brush=pg.mkBrush(255, 255, 255, 200))
        self.regions = []
        for colour in (PREVIOUS_COLOUR, PERIOD_COLOUR):
            region = pg.LinearRegionItem((0, 1), movable=False, brush=pg.mkBrush(*colour), pen=pg.mkPen(None))
            region.setZValue(-10)
            region.setVisible(False)
            self.plot.addItem(region)
            self.regions.append(region)
        self.city_curve = self.plot.plot([], [], pen=pg.mkPen(CITY_COLOUR, width=1.5, style=Qt.PenStyle.DashLine),
                                         name=tr("City (scaled to the area's total)"))
        self.area_curve = self.plot.plot([], [], pen=pg.mkPen(AREA_COLOUR, width=2), symbol="o", symbolSize=4,
                                         symbolBrush=AREA_COLOUR, symbolPen=None, name=tr("This area"))

    def set_series(self, months: np.ndarray, area: np.ndarray, city_scaled: np.ndarray,
                   period: tuple[np.datetime64, np.datetime64] | None = None,
                   previous: tuple[np.datetime64, np.datetime64] | None = None) -> None:
        """``months`` datetime64[M]; ``period`` / ``previous`` (start, end) shaded behind the lines."""
        if self.plot_widget is None:
            return
        if len(months) == 0:
            self.clear()
            return
        # Points sit mid-month so a month's dot lies inside its shaded period.
        start_s = months.astype("datetime64[s]").astype(np.int64).astype(float)
        end_s = (months + 1).astype("datetime64[s]").astype(np.int64).astype(float)
        x = (start_s + end_s) / 2
        for region, span in zip(self.regions, (previous, period)):
            region.setVisible(span is not None)
            if span is not None:
                region.setRegion([float(np.datetime64(v, "s").astype(np.int64)) for v in span])
        self.city_curve.setData(x, np.asarray(city_scaled, dtype=float))
        self.area_curve.setData(x, np.asarray(area, dtype=float))
        top = max(float(np.max(area)), float(np.max(city_scaled)), 1.0)
        self.plot.setYRange(0, top * 1.3, padding=0)
        self.plot.setXRange(start_s[0], end_s[-1], padding=0.01)

    def clear(self) -> None:
        if self.plot_widget is None:
            return
        for region in self.regions:
            region.setVisible(False)
        self.city_curve.setData([], [])
        self.area_curve.setData([], [])


class CategoryChart(_Chart):
    """Horizontal bars: incidents per category, most frequent on top (at most ``MAX_BARS``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if self.plot_widget is None:
            return
        self.bars = pg.BarGraphItem(x0=[0.0], y=[0.0], height=0.7, width=[0.0], brush=AREA_COLOUR, pen=None)
        self.plot.addItem(self.bars)
        self.labels = []
        for _ in range(MAX_BARS):
            text = pg.TextItem("", color=TEXT_COLOUR, anchor=(0, 0.5))
            text.setFont(self.font)
            text.setVisible(False)
            self.plot.addItem(text)
            self.labels.append(text)

    def set_counts(self, names: tuple[str, ...], counts: np.ndarray) -> None:
        if self.plot_widget is None:
            return
        names, values = list(names), [float(c) for c in counts]
        if len(names) > MAX_BARS:
            names = names[: MAX_BARS - 1] + [tr("Other")]
            values = values[: MAX_BARS - 1] + [sum(values[MAX_BARS - 1:])]
        n = len(names)
        if n == 0:
            self.clear()
            return
        y = np.arange(n)[::-1].astype(float)
        self.bars.setOpts(x0=np.zeros(n), y=y, height=0.7, width=np.asarray(values))
        self.bars.setVisible(True)
        ticks = [_short(name.capitalize() if name.isupper() else name, 24) for name in names]
        self.plot.getAxis("left").setTicks([list(zip(y, ticks))])
        for k, text in enumerate(self.labels):
            text.setVisible(k < n)
            if k < n:
                text.setText(f"{values[k]:,.0f}")
                text.setPos(values[k], y[k])
        self.plot.setYRange(-0.6, n - 0.4, padding=0)
        self.plot.setXRange(0, max(values) * 1.2 if max(values) > 0 else 1.0, padding=0)

    def clear(self) -> None:
        if self.plot_widget is None:
            return
        self.bars.setVisible(False)
        for text in self.labels:
            text.setVisible(False)
        self.plot.getAxis("left").setTicks([[]])


class HeatMapChart(_Chart):
    """The 7 x 24 hot-times grid as an image: hours across, Monday on top, darker = more incidents."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        if self.plot_widget is None:
            return
        self.image = pg.ImageItem(axisOrder="row-major")
        cmap = pg.ColorMap(np.linspace(0, 1, len(HEAT_STOPS)), [QColor(*c) for c in HEAT_STOPS])
        self.image.setLookupTable(cmap.getLookupTable(nPts=256))
        self.plot.addItem(self.image)
        self.plot.invertY(True)
        self.plot.getAxis("left").setTicks([[(d + 0.5, tr(name)) for d, name in enumerate(WEEKDAYS_SHORT)]])
        self.plot.getAxis("bottom").setTicks([[(h + 0.5, f"{h:02d}") for h in range(0, 24, 3)],
                                              [(h + 0.5, "") for h in range(24)]])
        self.plot.setLabel("bottom", tr("Hour of the day"), color=TEXT_COLOUR)
        self.plot.setXRange(0, 24, padding=0)
        self.plot.setYRange(0, 7, padding=0)
        self.set_grid(np.zeros((7, 24)))

    def set_grid(self, grid: np.ndarray) -> None:
        """``grid`` (7, 24): Monday..Sunday x hour 0..23."""
        if self.plot_widget is None:
            return
        grid = np.asarray(grid, dtype=float)
        top = float(grid.max()) if grid.size else 0.0
        self.image.setImage(grid, levels=(0.0, top if top > 0 else 1.0), autoLevels=False)
        self.image.setRect(0, 0, 24, 7)

    def clear(self) -> None:
        self.set_grid(np.zeros((7, 24)))


class RadarChart(_Chart):
    """Scores 0..``maximum`` on one spoke per label, as a filled polygon over a web of rings."""

    def __init__(self, labels: list[str], parent: QWidget | None = None, maximum: int = 5) -> None:
        super().__init__(parent, min_height=170)
        self.maximum = maximum
        n = len(labels)
        if self.plot_widget is None or n < 3:
            return
        self.plot.hideAxis("left")
        self.plot.hideAxis("bottom")
        self.plot.setAspectLocked(True)
        self.angles = np.pi / 2 - np.arange(n) * 2 * np.pi / n
        web = pg.mkPen("#c8c8c8", width=1)
        for r in range(1, maximum + 1):
            xs, ys = _ring(self.angles, np.full(n, float(r)))
            self.plot.plot(xs, ys, pen=web)
        for a in self.angles:
            self.plot.plot([0, maximum * np.cos(a)], [0, maximum * np.sin(a)], pen=web)
        self.polygon = QGraphicsPolygonItem()
        colour = QColor(AREA_COLOUR)
        self.polygon.setPen(QPen(colour, 0))
        colour.setAlpha(90)
        self.polygon.setBrush(QBrush(colour))
        self.plot.addItem(self.polygon)
        self.curve = self.plot.plot([], [], pen=pg.mkPen(AREA_COLOUR, width=2), symbol="o", symbolSize=5,
                                    symbolBrush=AREA_COLOUR, symbolPen=None)
        self.labels = []
        reach = maximum * 1.12
        for a, label in zip(self.angles, labels):
            cx, cy = np.cos(a), np.sin(a)
            text = pg.TextItem(textwrap.fill(label, 26), color=TEXT_COLOUR,
                               anchor=(0.5 - 0.5 * _sign(cx), 0.5 + 0.5 * _sign(cy)))
            text.setFont(self.font)
            text.setPos(reach * cx, reach * cy)
            self.plot.addItem(text)
            self.labels.append(text)
        # Room for the labels: wider than tall (labels wrap at 26 characters, so the side ones are wide), two lines
        # above the top spoke, and more below, where the lower labels hang down.
        self.plot.setRange(xRange=(-maximum * 2.0, maximum * 2.0), yRange=(-maximum * 2.0, maximum * 1.7), padding=0)
        self.set_scores([0] * n)

    def set_scores(self, scores: list[float]) -> None:
        if self.plot_widget is None or not hasattr(self, "angles"):
            return
        values = np.clip(np.asarray(scores, dtype=float), 0, self.maximum)
        xs, ys = _ring(self.angles, values)
        self.polygon.setPolygon(QPolygonF([QPointF(x, y) for x, y in zip(xs[:-1], ys[:-1])]))
        self.curve.setData(xs, ys)

    def clear(self) -> None:
        if hasattr(self, "angles"):
            self.set_scores([0] * len(self.angles))


def _ring(angles: np.ndarray, radii: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    xs = radii * np.cos(angles)
    ys = radii * np.sin(angles)
    return np.append(xs, xs[0]), np.append(ys, ys[0])


def _sign(v: float, dead: float = 0.2) -> float:
    return 0.0 if abs(v) < dead else float(np.sign(v))


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
