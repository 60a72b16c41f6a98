"""An event type declared outside tracker, property-tested with the kit (the README's guide)."""

from __future__ import annotations

from datetime import timedelta

from example_custom_type import MilitaryContactsResumed
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker.strategies import DEFAULT_WINDOW, entries, entries_on, logs, names
from tracker.testing import ReplayMachine, check_codec, check_fold

#: A story of a dozen entries, each drawn with its sources, takes a while to draw.
LOGS = settings(max_examples=25, suppress_health_check=[HealthCheck.too_slow])

# Logs where the new type happens among the others, and entries of it alone.
CONTACTS = entries([MilitaryContactsResumed], parties=tracker.DEFAULT_DYAD)


@given(st.from_type(MilitaryContactsResumed))
def test_the_new_type_round_trips_through_the_codec(entry: MilitaryContactsResumed) -> None:
    check_codec(entry)


@LOGS
@given(logs(nonsense=True), CONTACTS)
def test_the_new_rule_keeps_the_laws_of_the_fold(
    log: tuple[tracker.Entry, ...], contacts: MilitaryContactsResumed
) -> None:
    check_fold((*log, contacts))


def after_the_log(
    data: st.DataObject,
    log: tuple[tracker.Entry, ...],
    channel: str,
    cls: type[tracker.Entry],
    **fields: object,
) -> tuple[tracker.State, MilitaryContactsResumed]:
    """The state after ``log`` and an entry of ``cls`` on ``channel`` the day after it, and
    contacts resumed on ``channel`` the day after that (both new occurrences, on exact days)."""
    last = max((entry.on for entry in log), default=DEFAULT_WINDOW.start)
    first = data.draw(
        entries_on(cls, id="first", parties=tracker.DEFAULT_DYAD, on=last + timedelta(1), **fields)
    )
    contacts = data.draw(
        entries_on(
            MilitaryContactsResumed,
            id="contacts",
            parties=tracker.DEFAULT_DYAD,
            on=last + timedelta(2),
            channel=channel,
        )
    )
    return tracker.apply(tracker.Replay(log, dyad=tracker.DEFAULT_DYAD).final, first), contacts


def fresh_channel(
    data: st.DataObject, log: tuple[tracker.Entry, ...], *, cooperation: bool = False
) -> str:
    """A channel the log never names, so that only what follows the log bears on it, of
    practical cooperation or not (its name's suffix says which: ``_treaty``, ``military``)."""
    named = tracker.Replay(log, dyad=tracker.DEFAULT_DYAD).final.roles
    fresh = names().filter(lambda name: name not in named)
    if cooperation:
        fresh = st.sampled_from(["military", "arms_treaty", "space_cooperation"]).filter(
            lambda name: name not in named
        )
    return data.draw(
        fresh.filter(
            lambda name: (tracker.channel_role(name) is tracker.Role.COOPERATION) is cooperation
        ),
        label="channel",
    )


@LOGS
@given(logs(), st.data())
def test_resumed_contacts_reopen_a_suspended_channel_informally(
    log: tuple[tracker.Entry, ...], data: st.DataObject
) -> None:
    channel = fresh_channel(data, log)
    suspended, contacts = after_the_log(
        data, log, channel, tracker.Suspension, channels=(channel,), effective=None
    )
    assert suspended.channels[channel] is tracker.ChannelStatus.SUSPENDED
    after = tracker.apply(suspended, contacts)
    assert after.channels[channel] is tracker.ChannelStatus.INFORMAL
    assert after.provenance[f"channels.{channel}"] == contacts.id
    assert after.anomalies == suspended.anomalies


@LOGS
@given(logs(), st.data())
def test_resumed_contacts_leave_a_formally_suspended_cooperation_suspended(
    log: tuple[tracker.Entry, ...], data: st.DataObject
) -> None:
    # Meeting on a channel of practical cooperation is not cooperating again: a formal
    # suspension of it stands until lifted; a de facto one ends with the meeting.
    channel = fresh_channel(data, log, cooperation=True)
    de_facto = data.draw(st.booleans(), label="de_facto")
    suspended, contacts = after_the_log(
        data,
        log,
        channel,
        tracker.Suspension,
        channels=(channel,),
        effective=None,
        de_facto=de_facto,
    )
    after = tracker.apply(suspended, contacts)
    expected = tracker.ChannelStatus.INFORMAL if de_facto else tracker.ChannelStatus.SUSPENDED
    assert after.channels[channel] is expected


@LOGS
@given(logs(), st.data())
def test_resumed_contacts_on_an_active_channel_are_an_anomaly(
    log: tuple[tracker.Entry, ...], data: st.DataObject
) -> None:
    channel = fresh_channel(data, log)
    met, contacts = after_the_log(
        data, log, channel, tracker.CouncilMeeting, council=channel, formal=True
    )
    assert met.channels[channel] is tracker.ChannelStatus.ACTIVE
    after = tracker.apply(met, contacts)
    new = after.anomalies[len(met.anomalies) :]
    assert [(anomaly.entry, anomaly.rule) for anomaly in new] == [(contacts.id, "not_suspended")]
    assert after.channels == met.channels


@settings(max_examples=15, stateful_step_count=15, deadline=None)
class ContactsMachine(ReplayMachine):
    """The kit's state machine, appending entries of every type and of the new one."""

    entries = st.one_of(entries(parties=tracker.DEFAULT_DYAD), CONTACTS)


TestContactsKeepTheLaws = ContactsMachine.TestCase
