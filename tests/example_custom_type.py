"""An event type declared outside tracker, with its rule and its strategy: the example of the
README's "Property-test your own event type"."""

from __future__ import annotations

from attrs import evolve

import tracker
from tracker.strategies import register_entry_type, texts


# entry_type registers the name for the whole process: pick one no other type uses.
@tracker.entry_type(
    "military_contacts_resumed",
    cameo="060",
    cameo_label="Engage in material cooperation",
    goldstein=6.0,
    plover="COOPERATE",
    label="MIL",
    identity=("channel",),
)
class MilitaryContactsResumed(tracker.Entry):
    """Military staff of the two sides meet again: their channel reopens, informally."""

    format: str
    channel: str = tracker.MILITARY


@tracker.rule.register
def _contacts_resumed(entry: MilitaryContactsResumed, state: tracker.State) -> tracker.State:
    if state.channels.get(entry.channel) is tracker.ChannelStatus.ACTIVE:
        message = f"resumes contacts on channel {entry.channel!r}, which is active"
        anomaly = tracker.Anomaly(entry.id, "not_suspended", message)
        return evolve(
            state,
            anomalies=(*state.anomalies, anomaly),
            provenance=state.provenance.set("anomalies", entry.id),
        )
    # A channel's status derives from the measures on it and the meetings held on it since:
    # an informal meeting on the channel makes it informal. The state's mappings are
    # persistent (immutables.Map): set() shares the rest of the map.
    meeting = tracker.Meeting(
        entry.id,
        entry.TYPE,
        entry.on,
        entry.channel,
        formal=False,
        reports=(entry.id,),
        precision=entry.on.precision,
    )
    latest = max(entry.on, state.latest.get(entry.channel, entry.on))
    return evolve(
        state,
        meetings=state.meetings.set(entry.id, meeting),
        latest=state.latest.set(entry.channel, latest),
        provenance=state.provenance.set(f"channels.{entry.channel}", entry.id),
    )


# The kit draws the common fields (id, days, parties, sources, follow-ups...) and the fields it
# can read from the declaration (here ``channel``, by its name); give a strategy for any other
# field, or one you want drawn your way. From here on, logs() and entries() draw the type too.
register_entry_type(MilitaryContactsResumed, format=texts())
