"""The words that signal each type (data/events.toml, keyed by type name): checked against the
declared types as they load, every type drafted by a reader of its fields, and the new types
drafted from the sentences that report them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker.ingest import DraftKind, _draft, _events, draft_article
from tracker.ingest._data import load

PUBLISHED = date(2021, 10, 6)  # a Wednesday
NUMBERS = load("events")["expulsion"]["numbers"]


def article(headline: str, lead: str) -> str:
    return f"{headline}\n\nBRUSSELS (Reuters) - {lead}\n"


@pytest.fixture
def vocabulary(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """A copy of the vocabulary that a test may change, read afresh by ingest."""
    rules = dict(load("events"))
    rules["types"] = [dict(spec) for spec in rules["types"]]
    monkeypatch.setattr(_events, "load", lambda name: rules if name == "events" else load(name))
    _events._type_patterns.cache_clear()
    yield rules
    _events._type_patterns.cache_clear()


def test_every_type_of_the_vocabulary_is_declared_and_has_a_reader() -> None:
    named = {spec["type"] for spec in load("events")["types"]} - {_events.MEETING}
    assert named <= set(_draft._READERS)
    assert {"council_meeting", "informal_meeting"} <= set(_draft._READERS)
    assert set(_draft._READERS) <= set(tracker.entry_types())


@pytest.mark.parametrize("table", ["types", "follow_ups"])
def test_a_vocabulary_naming_an_unknown_type_fails_as_it_loads(
    vocabulary: dict[str, Any], table: str
) -> None:
    key = "type" if table == "types" else "kind"
    vocabulary[table] = [{**vocabulary[table][0], key: "picnic_held"}, *vocabulary[table][1:]]
    with pytest.raises(ValueError, match=rf"data/events.toml: \[\[{table}\]\] names 'picnic_held'"):
        draft_article(
            "a.txt",
            article("NATO expels diplomats", "NATO expelled two Russian diplomats."),
            published=PUBLISHED,
        )


def test_a_type_without_a_reader_is_an_error_never_an_informal_meeting(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delitem(_draft._READERS, "expulsion")
    text = article("NATO expels diplomats", "NATO expelled two Russian diplomats on Wednesday.")
    with pytest.raises(ValueError, match="cannot draft an entry of type 'expulsion'"):
        draft_article("a.txt", text, published=PUBLISHED)


DRAFTED = [
    (
        article(
            "NATO expels Russian diplomats",
            "NATO expelled eight members of Russia's mission to the alliance on Wednesday, "
            "saying they were undeclared intelligence officers.",
        ),
        tracker.Expulsion,
        {
            "by": "NATO",
            "mission": "rus_mission",
            "persons": "eight members of Russia's mission",
            "count": 8,
            "accreditation": False,
        },
    ),
    (
        article(
            "NATO strips Russian officials of their accreditation",
            "NATO on Wednesday withdrew the accreditation of 3 Russian officials.",
        ),
        tracker.Expulsion,
        {"by": "NATO", "persons": "3 Russian officials", "count": 3, "accreditation": True},
    ),
    (
        article(
            "NATO cuts Russia's mission",
            "NATO on Wednesday capped the size of Russia's mission to the alliance at 10 staff.",
        ),
        tracker.PresenceMeasure,
        {"by": "NATO", "of": "RUS", "mission": "rus_mission", "action": "capped", "cap": 10},
    ),
    (
        article(
            "Russia opens a mission to NATO", "Russia opened its mission to NATO on Wednesday."
        ),
        tracker.PresenceMeasure,
        {"by": "RUS", "of": "RUS", "mission": "rus_mission", "action": "opened", "cap": 0},
    ),
    (
        article(
            "Russia calls the NATO-Russia Council defunct",
            "Russia declared on Wednesday that the NATO-Russia Council was defunct.",
        ),
        tracker.BodyDefunct,
        {"by": "RUS", "channel": "nrc", "body": "NATO-Russia Council"},
    ),
    (
        article("NATO condemns Russia", "NATO on Wednesday condemned Russia's missile tests."),
        tracker.Condemnation,
        {"by": "NATO", "issue": "missile_deployment_threat", "protest": False},
    ),
    (
        article(
            "Russia proposes a treaty", "Russia on Wednesday proposed a security treaty to NATO."
        ),
        tracker.Proposal,
        {"by": "RUS"},
    ),
]


@pytest.mark.parametrize(
    ("text", "kind", "fields"),
    DRAFTED,
    ids=[f"{kind.TYPE}-{i}" for i, (_, kind, _) in enumerate(DRAFTED)],
)
def test_the_new_types_draft_from_the_sentences_that_report_them(
    text: str, kind: type[tracker.Entry], fields: dict[str, Any]
) -> None:
    draft = draft_article("news.txt", text, published=PUBLISHED)
    assert draft.kind is DraftKind.NEW
    assert type(draft.entry) is kind
    assert (draft.entry.on, draft.entry.parties) == (PUBLISHED, tracker.DEFAULT_DYAD)
    assert {name: getattr(draft.entry, name) for name in fields} == fields
    assert draft.evidence_for("type") is not None


@given(st.integers(1, len(NUMBERS)), st.booleans())
def test_an_expulsion_counts_the_persons_in_digits_or_words(count: int, in_words: bool) -> None:
    told = NUMBERS[count - 1] if in_words else str(count)
    text = article("NATO expels diplomats", f"NATO on Wednesday expelled {told} Russian diplomats.")
    draft = draft_article("news.txt", text, published=PUBLISHED)
    assert isinstance(draft.entry, tracker.Expulsion)
    assert draft.entry.count == count
    assert draft.entry.persons == f"{told} Russian diplomats"


def wire(lead: str) -> str:
    """A wire report with no headline of its own, its lead as it opens the page."""
    return f"ANKARA (Reuters) - {lead}\n\nThe ministry gave no further details, officials said.\n"


@pytest.mark.parametrize(
    ("lead", "kind", "parties"),
    [
        (
            "Turkey on Wednesday recalled its ambassador to Israel for consultations.",
            "presence_measure",
            "ISR-TUR",
        ),
        (
            "Britain on Wednesday ordered the closure of the Iranian embassy in London.",
            "presence_measure",
            "GBR-IRN",
        ),
        (
            "Turkey on Wednesday asked the Israeli ambassador to leave the country for a while.",
            "expulsion",
            "ISR-TUR",
        ),
        (
            "Turkey on Wednesday called on the Israeli consul general to return to his country.",
            "expulsion",
            "ISR-TUR",
        ),
        (
            "The African Union on Wednesday suspended Niger from all of its institutions.",
            "suspension",
            "AU-NER",
        ),
        (
            "The African Union on Wednesday suspended the membership of Niger after the coup.",
            "suspension",
            "AU-NER",
        ),
    ],
)
def test_recalls_closures_sending_envoys_home_and_suspensions_from_a_body_are_drafted(
    lead: str, kind: str, parties: str
) -> None:
    draft = draft_article("news.txt", wire(lead), published=PUBLISHED)
    assert draft.entry is not None
    assert (draft.entry.TYPE, str(draft.entry.parties), draft.entry.on) == (
        kind,
        parties,
        PUBLISHED,
    )


@pytest.mark.parametrize(
    "lead",
    [
        "The minister recalled that the two ambassadors had met in 2019, officials said.",
        "Turkey on Wednesday asked Israel to open its border crossings.",
    ],
)
def test_remembering_or_asking_something_else_is_no_measure(lead: str) -> None:
    draft = draft_article("news.txt", wire(lead), published=PUBLISHED)
    assert draft.entry is None or draft.entry.TYPE not in {"presence_measure", "expulsion"}


@pytest.mark.parametrize(
    ("lead", "proposal"),
    [
        ("Russia on Wednesday proposed to France an exchange of prisoners, officials said.", True),
        ("The topic of the talks between France and Russia is the EU proposal on Syria.", False),
        ("France and Russia on Wednesday discussed a French proposal on Syria.", False),
    ],
)
def test_a_proposal_named_by_its_author_is_one_made_before(lead: str, *, proposal: bool) -> None:
    draft = draft_article("news.txt", wire(lead), published=PUBLISHED)
    assert (draft.entry is not None and draft.entry.TYPE == "proposal") is proposal
