"""The emerging hot spot legend: 17 classes that read apart, hot warm and cold cool.

Reference: an independent sRGB -> CIE L*a*b* conversion (D65, CIE 1976 colour difference) and Python's
colorsys hues.
"""
from __future__ import annotations

import colorsys
import itertools
import math

from besecure.analysis.crime.emerging_hot_spots import CATEGORY_CODES
from besecure.processing.algorithms.emerging_hot_spots import PATTERN_STYLE


def _rgb(hex_colour: str) -> tuple[float, float, float]:
    return tuple(int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5))


def _lab(hex_colour: str) -> tuple[float, float, float]:
    def linear(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = map(linear, _rgb(hex_colour))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t):
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_seventeen_distinct_colours_hot_warm_cold_cool():
    categories = PATTERN_STYLE["categories"]
    assert len(categories) == 17
    assert {value for value, _, _ in categories} == {*CATEGORY_CODES.values()} | {0}
    colours = {value: colour.lower() for value, colour, _ in categories}
    assert len(set(colours.values())) == 17
    # Every pair is told apart at a glance: CIE76 difference of 20 or more (2.3 is "just noticeable").
    closest = min(math.dist(_lab(a), _lab(b)) for a, b in itertools.combinations(colours.values(), 2))
    assert closest >= 20, closest
    for value, colour in colours.items():
        hue, saturation, _ = colorsys.rgb_to_hsv(*_rgb(colour))
        degrees = hue * 360
        if value > 0:  # hot: reds, oranges, yellows, magenta
            assert saturation > 0.3 and (degrees <= 60 or degrees >= 300), (value, colour)
        elif value < 0:  # cold: teals, blues, violets
            assert saturation > 0.3 and 150 <= degrees <= 270, (value, colour)
        else:
            assert saturation < 0.05  # no pattern: grey
