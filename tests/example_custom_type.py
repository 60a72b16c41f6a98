"""An event type declared outside tracker, with its rule and its strategy: the example of the
README's "Property-test your own event type"."""

from __future__ import annotations

from attrs import evolve

import tracker
from tracker.strategies import channels, register_entry_type, texts


# entry_type registers the name for the whole process: pick one no other type uses.
@tracker.entry_type(
    "military_contacts_resumed",
    cameo="060",
    cameo_label="Engage in material cooperation",
    goldstein=6.0,
    plover="COOPERATE",
)
class MilitaryContactsResumed(tracker.Entry):
    """Military staff of the two sides meet again: their channel reopens, informally."""

    format: str
    channel: str = tracker.MILITARY


@tracker.rule.register
def _contacts_resumed(entry: MilitaryContactsResumed, state: tracker.State) -> tracker.State:
    status = state.channels.get(entry.channel)
    if status is tracker.ChannelStatus.ACTIVE:
        message = f"resumes contacts on channel {entry.channel!r}, which is active"
        anomaly = tracker.Anomaly(entry.id, "not_suspended", message)
        return evolve(state, anomalies=(*state.anomalies, anomaly))
    # The state's mappings are persistent (immutables.Map): set() shares the rest of the map.
    return evolve(
        state,
        channels=state.channels.set(entry.channel, tracker.ChannelStatus.INFORMAL),
        provenance=state.provenance.set(f"channels.{entry.channel}", entry.id),
    )


# The kit draws the common fields (id, days, parties, sources, follow-ups...); say how to draw
# the fields this type adds. From here on, logs() and entries() draw the type too.
register_entry_type(MilitaryContactsResumed, format=texts(), channel=channels())
