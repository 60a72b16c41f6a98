"""The colours of phases and channel statuses, shared by the command and the terminal UI.

Plain colour names (of the 256-colour palette both Rich and Textual read), so the core need not
import either. Each is mid-toned, readable on a dark and on a light terminal, and on it black
text stays readable (the UI's phase banner).
"""

from __future__ import annotations

from tracker._state import ChannelStatus, Phase

__all__ = ["CHANNEL_COLOURS", "PHASE_COLOURS"]

#: One colour a phase, from the worst (magenta, red) through oranges and ambers to greens.
PHASE_COLOURS: dict[Phase, str] = {
    Phase.SEVERED: "magenta3",
    Phase.SUSPENDED: "red3",
    Phase.REENGAGEMENT_DECIDED: "indian_red",
    Phase.CONTACTS_RESUMED: "dark_orange3",
    Phase.INFORMAL_COUNCIL: "orange4",
    Phase.COOPERATION_SUSPENDED: "dark_goldenrod",
    Phase.STRAINED: "chartreuse4",
    Phase.NORMALIZED: "green4",
    Phase.NORMAL: "spring_green4",
}

#: The colour of a channel's status, the colour of the phase it is most like.
CHANNEL_COLOURS: dict[ChannelStatus, str] = {
    ChannelStatus.DEFUNCT: PHASE_COLOURS[Phase.SEVERED],
    ChannelStatus.SUSPENDED: PHASE_COLOURS[Phase.SUSPENDED],
    ChannelStatus.RESUMPTION_DECIDED: PHASE_COLOURS[Phase.REENGAGEMENT_DECIDED],
    ChannelStatus.INFORMAL: PHASE_COLOURS[Phase.INFORMAL_COUNCIL],
    ChannelStatus.ACTIVE: PHASE_COLOURS[Phase.NORMAL],
}
