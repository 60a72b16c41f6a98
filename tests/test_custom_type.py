"""An event type declared outside tracker, property-tested with the kit (the README's guide)."""

from __future__ import annotations

from example_custom_type import MilitaryContactsResumed
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import tracker
from tracker.strategies import entries, logs
from tracker.testing import ReplayMachine, check_codec, check_fold

# Logs where the new type happens among the others, and entries of it alone.
CONTACTS = entries([MilitaryContactsResumed], parties=tracker.DEFAULT_DYAD)


@given(st.from_type(MilitaryContactsResumed))
def test_the_new_type_round_trips_through_the_codec(entry: MilitaryContactsResumed) -> None:
    check_codec(entry)


@settings(max_examples=25)
@given(logs(nonsense=True), CONTACTS)
def test_the_new_rule_keeps_the_laws_of_the_fold(
    log: tuple[tracker.Entry, ...], contacts: MilitaryContactsResumed
) -> None:
    check_fold((*log, contacts))


@settings(max_examples=25)
@given(logs(), CONTACTS)
def test_resumed_contacts_reopen_a_suspended_channel_informally(
    log: tuple[tracker.Entry, ...], contacts: MilitaryContactsResumed
) -> None:
    before = tracker.Replay(log).final
    assume(contacts.occurrence() not in before.occurrences)  # else it is a second report
    after = tracker.apply(before, contacts)
    status = before.channels.get(contacts.channel)
    if status is tracker.ChannelStatus.ACTIVE:
        assert after.anomalies[-1].entry == contacts.id
        assert after.channels == before.channels
    else:
        assert after.channels[contacts.channel] is tracker.ChannelStatus.INFORMAL
        assert after.provenance[f"channels.{contacts.channel}"] == contacts.id


@settings(max_examples=15, stateful_step_count=15, deadline=None)
class ContactsMachine(ReplayMachine):
    """The kit's state machine, appending entries of every type and of the new one."""

    entries = st.one_of(entries(parties=tracker.DEFAULT_DYAD), CONTACTS)


TestContactsKeepTheLaws = ContactsMachine.TestCase
