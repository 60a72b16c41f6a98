"""One palette for the command and the UI: a colour each phase and status, readable anywhere."""

from __future__ import annotations

import pytest
from rich.color import Color

import tracker
from tracker._palette import CHANNEL_COLOURS, PHASE_COLOURS


def _luminance(name: str) -> float:
    """The relative luminance of a colour, as WCAG defines it."""
    rgb = Color.parse(name).get_truecolor()

    def linear(value: int) -> float:
        channel = value / 255
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(rgb.red) + 0.7152 * linear(rgb.green) + 0.0722 * linear(rgb.blue)


def test_each_phase_has_its_own_colour_in_order_from_worst_to_best() -> None:
    assert list(PHASE_COLOURS) == list(tracker.Phase)
    assert len(set(PHASE_COLOURS.values())) == len(tracker.Phase)


def test_each_channel_status_has_a_colour() -> None:
    assert set(CHANNEL_COLOURS) == set(tracker.ChannelStatus)


@pytest.mark.parametrize("name", sorted({*PHASE_COLOURS.values(), *CHANNEL_COLOURS.values()}))
def test_a_colour_reads_on_dark_and_light_terminals(name: str) -> None:
    luminance = _luminance(name)
    on_black = (luminance + 0.05) / 0.05
    on_white = 1.05 / (luminance + 0.05)
    assert min(on_black, on_white) >= 3.3, (name, on_black, on_white)
