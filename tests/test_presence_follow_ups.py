"""Follow-ups of measures on a presence that name who acts, where, and in which direction."""

from __future__ import annotations

from datetime import date

import attrs
import pytest
from builders import day, entry
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tracker._replay import expected_text
from tracker.strategies import dyads, entries_on, follow_ups

AUS_FRA = tracker.Dyad("AUS", "FRA")
FIRST = date(2010, 1, 4)
CANBERRA = "fra_embassy_canberra"


def presence(on: str, by: str, mission: str, action: str, **fields: object) -> tracker.Entry:
    """A measure of ``by`` on its own ``mission`` of the AUS-FRA dyad."""
    return entry(
        tracker.PresenceMeasure,
        on,
        id=f"{by.lower()}-{action}-{on}",
        parties=AUS_FRA,
        by=by,
        of=by,
        mission=mission,
        action=action,
        **fields,
    )


def back_to(mission: str, by: str, **said: object) -> tracker.FollowUp:
    """The promise that ``by`` sends its envoy back to ``mission``, from the next day on."""
    window = tracker.DateWindow(day("2021-09-18"))
    return tracker.FollowUp(
        "presence_measure", window, "will return", "A sentence.", actor=by, mission=mission, **said
    )


def test_an_envoy_promised_back_is_back_only_when_its_own_party_sends_it_back() -> None:
    """France recalls its ambassador from Canberra and says he will return: a recall of
    Australia's own envoy does not keep that promise, nor a further reduction of France's
    embassy; France reopening it does."""
    recall = presence(
        "2021-09-17",
        "FRA",
        CANBERRA,
        "restricted",
        follow_ups=(back_to(CANBERRA, "FRA", restores=True),),
    )
    others = presence("2021-09-20", "AUS", "aus_embassy_paris", "restricted")
    further = presence("2021-09-25", "FRA", CANBERRA, "suspended")
    back = presence("2021-10-06", "FRA", CANBERRA, "opened")
    replay = tracker.Replay([recall, others, further, back])
    (awaited,) = replay.at(date(2021, 10, 5)).pending
    assert expected_text(awaited) == f"presence_measure by FRA restoring {CANBERRA}"
    assert not replay.at(date(2021, 10, 5)).fulfilled
    (kept,) = replay.final.fulfilled.values()
    assert (kept.by, kept.on, kept.pending.source) == (back.id, day("2021-10-06"), recall.id)
    assert replay.final.pending == ()


def test_a_follow_up_that_names_nothing_is_met_by_any_measure_on_a_presence() -> None:
    """A log written before follow-ups named who acts reads as it did: any measure of the
    kind meets the expectation, even the other party's."""
    said = back_to(CANBERRA, "FRA")
    plain = attrs.evolve(said, actor="", mission="")
    recall = presence("2021-09-17", "FRA", CANBERRA, "restricted", follow_ups=(plain,))
    line = tracker.dumps_entry(recall)
    assert b'"actor"' not in line
    assert b'"restores"' not in line
    assert tracker.loads_entry(line) == recall
    others = presence("2021-09-20", "AUS", "aus_embassy_paris", "restricted")
    (kept,) = tracker.Replay([recall, others]).final.fulfilled.values()
    assert kept.by == others.id


def test_a_follow_up_names_its_party_by_an_actor_code() -> None:
    data = tracker.encode_entry(
        presence("2021-09-17", "FRA", CANBERRA, "closed", follow_ups=(back_to(CANBERRA, "FRA"),))
    )
    data["follow_ups"][0]["actor"] = "france"
    with pytest.raises(tracker.FieldError) as raised:
        tracker.decode_entry(data)
    assert raised.value.path == "follow_ups[0].actor"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_a_follow_up_naming_a_party_is_never_met_by_the_other_partys_measure(
    data: st.DataObject,
) -> None:
    pair = data.draw(dyads(), label="dyad")
    drawn = follow_ups(["presence_measure"], between=tracker.DateWindow(FIRST, FIRST), parties=pair)
    said = data.draw(drawn.filter(lambda f: bool(f.actor)), label="follow-up")
    said = attrs.evolve(said, forum="", level="", formal=None)  # what no measure could meet
    other = pair.second if said.actor == pair.first else pair.first
    announcing = data.draw(
        entries_on(tracker.Declaration, id="said", parties=pair, on=FIRST, follow_ups=(said,))
    )
    on = said.expected.start
    theirs = data.draw(
        entries_on(tracker.PresenceMeasure, id="theirs", parties=pair, on=on, by=other)
    )
    assert not theirs.fulfils(said)
    assert not tracker.Replay([announcing, theirs]).final.fulfilled
    # The named party's measure, as the follow-up says it, meets it: the test can tell.
    action = {True: "opened", False: "closed", None: theirs.action}[said.restores]
    mine = attrs.evolve(
        theirs, id="mine", by=said.actor, mission=said.mission or theirs.mission, action=action
    )
    (kept,) = tracker.Replay([announcing, theirs, mine]).final.fulfilled.values()
    assert kept.by == "mine"
