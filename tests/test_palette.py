"""One palette for the command and the UI: a colour each phase and status, readable anywhere."""

from __future__ import annotations

import itertools
import math

import pytest
from rich.color import Color

import tracker
from tracker._palette import CHANNEL_COLOURS, PHASE_COLOURS, ink


def _linear(value: int) -> float:
    channel = value / 255
    return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4


def _luminance(name: str) -> float:
    """The relative luminance of a colour, as WCAG defines it (computed here through Rich)."""
    red, green, blue = (_linear(value) for value in Color.parse(name).get_truecolor())
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def _contrast(first: float, second: float) -> float:
    return (max(first, second) + 0.05) / (min(first, second) + 0.05)


def _lab(name: str) -> tuple[float, float, float]:
    """The CIELAB coordinates of a colour (D65 white)."""
    red, green, blue = (_linear(value) for value in Color.parse(name).get_truecolor())
    x = (0.4124 * red + 0.3576 * green + 0.1805 * blue) / 0.95047
    y = 0.2126 * red + 0.7152 * green + 0.0722 * blue
    z = (0.0193 * red + 0.1192 * green + 0.9505 * blue) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def test_each_phase_has_its_own_colour_in_order_from_worst_to_best() -> None:
    assert list(PHASE_COLOURS) == list(tracker.Phase)
    assert len(set(PHASE_COLOURS.values())) == len(tracker.Phase)


@pytest.mark.parametrize(
    ("first", "second"), list(itertools.combinations(tracker.Phase, 2)), ids=str
)
def test_any_two_phases_are_told_apart(first: tracker.Phase, second: tracker.Phase) -> None:
    distance = math.dist(_lab(PHASE_COLOURS[first]), _lab(PHASE_COLOURS[second]))
    assert distance >= 20, (first, second, distance)


def test_each_channel_status_has_a_colour() -> None:
    assert set(CHANNEL_COLOURS) == set(tracker.ChannelStatus)


@pytest.mark.parametrize("name", sorted({*PHASE_COLOURS.values(), *CHANNEL_COLOURS.values()}))
def test_a_colour_reads_on_dark_and_light_terminals(name: str) -> None:
    luminance = _luminance(name)
    assert min(_contrast(luminance, 0.0), _contrast(luminance, 1.0)) >= 3.3, name


@pytest.mark.parametrize("name", sorted(PHASE_COLOURS.values()))
def test_the_ink_on_a_phase_colour_is_the_more_readable(name: str) -> None:
    luminance = _luminance(name)
    black, white = _contrast(luminance, 0.0), _contrast(luminance, 1.0)
    assert ink(name) == ("#000000" if black >= white else "#ffffff")
    assert max(black, white) >= 4.5, name
