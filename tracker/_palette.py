"""The colours of phases and channel statuses, shared by the command and the terminal UI.

Colours of the 256-colour palette, written as ``#rrggbb`` (both Rich and Textual read them, and
a 256-colour terminal shows them exactly), so the core need not import either. Each is
mid-toned: it reads as text on a dark and on a light terminal, and under it :func:`ink` picks
the text colour (the UI's phase banner).
"""

from __future__ import annotations

from tracker._state import ChannelStatus, Phase

__all__ = ["CHANNEL_COLOURS", "PHASE_COLOURS", "ink", "phase_rgb", "rgb"]

#: One hue a phase, turning from the worst to the best: magenta, red, orange, amber, olive,
#: green, teal, azure, blue. Neighbours differ by a CIELAB distance of 20 or more.
PHASE_COLOURS: dict[Phase, str] = {
    Phase.SEVERED: "#af00af",  # magenta3
    Phase.SUSPENDED: "#d70000",  # red3
    Phase.REENGAGEMENT_DECIDED: "#d75f00",  # dark_orange3
    Phase.CONTACTS_RESUMED: "#af8700",  # dark_goldenrod
    Phase.INFORMAL_COUNCIL: "#5f8700",  # chartreuse4
    Phase.COOPERATION_SUSPENDED: "#008700",  # green4
    Phase.STRAINED: "#008787",  # turquoise4
    Phase.NORMALIZED: "#0087d7",  # dodger_blue3
    Phase.NORMAL: "#5f5fd7",  # slate_blue3
}

#: The colour of a channel's status, the colour of the phase it is most like.
CHANNEL_COLOURS: dict[ChannelStatus, str] = {
    ChannelStatus.DEFUNCT: PHASE_COLOURS[Phase.SEVERED],
    ChannelStatus.SUSPENDED: PHASE_COLOURS[Phase.SUSPENDED],
    ChannelStatus.RESUMPTION_DECIDED: PHASE_COLOURS[Phase.REENGAGEMENT_DECIDED],
    ChannelStatus.INFORMAL: PHASE_COLOURS[Phase.INFORMAL_COUNCIL],
    ChannelStatus.ACTIVE: PHASE_COLOURS[Phase.NORMAL],
}


def rgb(colour: str) -> tuple[int, int, int]:
    """A ``#rrggbb`` colour as red, green, blue: for the layers that paint phases themselves
    (the terminal UI's chart, ``tracker plot``)."""
    red, green, blue = (int(colour[at : at + 2], 16) for at in (1, 3, 5))
    return red, green, blue


def phase_rgb(phase: Phase) -> tuple[int, int, int]:
    """The colour of ``phase`` as red, green, blue."""
    return rgb(PHASE_COLOURS[phase])


def _luminance(colour: str) -> float:
    """The relative luminance of a ``#rrggbb`` colour, as WCAG defines it."""

    def linear(value: int) -> float:
        channel = value / 255
        return channel / 12.92 if channel <= 0.03928 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = rgb(colour)
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def ink(colour: str) -> str:
    """Black or white (``#000000``, ``#ffffff``), whichever reads better on the ``#rrggbb``
    background ``colour``."""
    luminance = _luminance(colour)
    return "#000000" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "#ffffff"
