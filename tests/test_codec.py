"""The JSON form of entries and states: canonical, and precise about what is wrong."""

from __future__ import annotations

import contextlib
from datetime import UTC, date, datetime
from typing import Any

import attrs
import orjson
import pytest
from builders import NATO_RUS, lunch
from hypothesis import assume, given
from hypothesis import strategies as st
from immutables import Map

import tracker
from tracker import _codec
from tracker._codec import of_another_dyad
from tracker.strategies import actors, dyads, entries, logs


def _line(bundled: tracker.Log, index: int) -> dict[str, Any]:
    return tracker.encode_entry(bundled.entries[index])


def test_the_bundled_log_is_written_canonically(bundled: tracker.Log) -> None:
    raw = bundled.path.read_bytes()
    assert raw == b"".join(tracker.dumps_entry(entry) + b"\n" for entry in bundled.entries)


def test_entries_carry_their_type_and_version_first(bundled: tracker.Log) -> None:
    for entry in bundled.entries:
        encoded = tracker.encode_entry(entry)
        assert list(encoded)[:4] == ["type", "v", "id", "on"]
        assert (encoded["type"], encoded["v"]) == (entry.TYPE, entry.VERSION)
        assert "." not in encoded["type"]


def test_every_bundled_entry_and_state_round_trips(
    bundled: tracker.Log, replay: tracker.Replay
) -> None:
    for entry in bundled.entries:
        assert tracker.loads_entry(tracker.dumps_entry(entry)) == entry
    for step in replay.steps():
        encoded = orjson.loads(orjson.dumps(tracker.encode_state(step.after)))
        assert tracker.decode_state(encoded) == step.after


def test_timestamps_keep_their_precision_and_offset() -> None:
    for published in (
        date(2008, 12, 19),
        datetime(2008, 12, 18, 17, 46),
        datetime(2008, 12, 19, 15, 49, 36, tzinfo=UTC),
    ):
        source = tracker.Source("Wire", "a.txt", published=published, quotes=("q",))
        decoded = tracker.loads_entry(tracker.dumps_entry(lunch(sources=(source,))))
        assert decoded.sources[0].published == published
        assert type(decoded.sources[0].published) is type(published)


def test_reported_defaults_to_the_first_publication_day() -> None:
    early = tracker.Source("Wire", "a.txt", published=datetime(2008, 12, 20, 9, 0), quotes=("q",))
    late = tracker.Source("Daily", "b.txt", published=date(2008, 12, 22), quotes=("q",))
    entry = tracker.InformalMeeting(
        id="x",
        on=date(2008, 12, 19),
        parties=tracker.Dyad("NATO", "RUS"),
        title="t",
        format="lunch",
        sources=(late, early),
    )
    assert entry.reported == date(2008, 12, 20)


@pytest.mark.parametrize(
    ("change", "field", "reason"),
    [
        (lambda d: d.pop("on"), "on", "required field is missing"),
        (lambda d: d.update(on="2008-02-30"), "on", "invalid date '2008-02-30'"),
        (lambda d: d.update(on=20081219), "on", "expected a date"),
        (lambda d: d.update(reported="2008-12-01"), "reported", "before the day it happened"),
        (lambda d: d.update(parties="NATO"), "parties", "invalid dyad 'NATO'"),
        (lambda d: d.update(parties="NATO-NATO"), "parties", "two different parties"),
        (lambda d: d.update(id="Has Spaces"), "id", "is not an id"),
        (lambda d: d.update(sources=[]), "sources", "at least one source"),
        (
            lambda d: d["sources"][0].update(published="yesterday"),
            "sources[0].published",
            "invalid timestamp",
        ),
        (lambda d: d["sources"][0]["quotes"].append(""), "sources[0].quotes[3]", "non-empty text"),
        (
            lambda d: d["follow_ups"][0]["expected"].update(to="2008-12-01"),
            "follow_ups[0].expected.to",
            "ends (2008-12-01) before",
        ),
        (
            lambda d: d["follow_ups"][0].update(actor="USA"),
            "follow_ups[0].actor",
            "USA is not a party of NATO-RUS",
        ),
        (
            lambda d: d["follow_ups"][0].update(kind="coded_event"),
            "follow_ups[0].kind",
            "'coded_event' is machine-coded evidence, which no expectation awaits",
        ),
        (
            lambda d: d["cooperation"][0].update(status="thriving"),
            "cooperation[0].status",
            "'thriving' is not one of",
        ),
        (lambda d: d.update(venue=3), "venue", "must be text, got a number 3"),
        (lambda d: d.update(colour="red"), "colour", "unknown field"),
        (lambda d: d.update(v=2), "v", "newer than this tracker reads"),
        (lambda d: d.pop("v"), "v", "missing"),
        (lambda d: d.update(type="no_such_type"), "type", "unknown entry type 'no_such_type'"),
    ],
)
def test_decoding_names_the_field_and_what_is_wrong(
    bundled: tracker.Log, change: Any, field: str, reason: str
) -> None:
    assert tracker.CodedEvent.TYPE == "coded_event"  # declared, so a follow-up may name it
    data = _line(bundled, 6)  # the AP report of the lunch: sources, follow-ups, cooperation
    change(data)
    with pytest.raises(tracker.FieldError) as caught:
        tracker.decode_entry(data)
    assert caught.value.path == field
    assert reason in caught.value.reason


def test_a_line_that_is_not_an_object_is_refused() -> None:
    with pytest.raises(tracker.FieldError, match="an entry is a JSON object, not a list"):
        tracker.loads_entry(b"[1, 2]")
    with pytest.raises(tracker.FieldError, match="not valid JSON"):
        tracker.loads_entry(b'{"type": ')


def test_states_carry_the_derived_phase_and_overdue_flags(replay: tracker.Replay) -> None:
    state = replay.at(date(2009, 1, 25))
    encoded = tracker.encode_state(state)
    assert list(encoded)[:4] == ["at", "known_at", "dyad", "phase"]
    assert encoded["phase"] == "contacts_resumed"
    assert [item["overdue"] for item in encoded["pending"]] == [True]


@tracker.entry_type(
    "renamed_meeting",
    cameo="040",
    cameo_label="Consult",
    goldstein=1.0,
    plover="CONSULT",
    version=3,
)
class RenamedMeeting(tracker.Entry):
    """A test type at version 3: v1 called ``format`` ``kind``, v2 had no ``venue``."""

    format: str
    venue: str


@tracker.upcaster("renamed_meeting", 1)
def _format_was_kind(fields: dict[str, Any]) -> dict[str, Any]:
    fields["format"] = fields.pop("kind")
    return fields


@tracker.upcaster("renamed_meeting", 2)
def _venue_was_added(fields: dict[str, Any]) -> dict[str, Any]:
    return {**fields, "venue": "unknown"}


def test_old_versions_are_lifted_before_decoding(bundled: tracker.Log) -> None:
    base = {
        key: value
        for key, value in _line(bundled, 6).items()
        if key not in ("format", "venue", "channel")
    }
    old = {**base, "type": "renamed_meeting", "v": 1, "kind": "lunch"}
    entry = tracker.decode_entry(old)
    assert (entry.format, entry.venue) == ("lunch", "unknown")
    assert tracker.encode_entry(entry)["v"] == 3
    assert (
        tracker.decode_entry({**base, "type": "renamed_meeting", "v": 2, "format": "tea"}).venue
        == "unknown"
    )


def test_an_upcaster_is_registered_once() -> None:
    with pytest.raises(ValueError, match="registered already"):
        tracker.upcaster("renamed_meeting", 1)(lambda fields: fields)


def test_a_missing_upcaster_is_named() -> None:
    @tracker.entry_type(
        "unlifted_meeting",
        cameo="040",
        cameo_label="Consult",
        goldstein=1.0,
        plover="CONSULT",
        version=2,
    )
    class Unlifted(tracker.Entry):
        format: str

    data = {**tracker.encode_entry(lunch()), "type": "unlifted_meeting", "v": 1}
    del data["channel"]
    with pytest.raises(tracker.FieldError, match="no upcaster from 1"):
        tracker.decode_entry(data)


def test_decoded_entries_share_one_object_per_day_and_dyad() -> None:
    first, second = (lunch(id=name) for name in ("lunch-one", "lunch-two"))
    one, two = (tracker.loads_entry(tracker.dumps_entry(entry)) for entry in (first, second))
    assert one.parties is two.parties
    assert one.on is two.on


@given(
    entry=entries(),
    asked=dyads(),
    parties=st.one_of(
        st.none(),
        st.text(max_size=12),
        st.integers(),
        dyads().map(str),
        dyads().map(lambda dyad: f"{dyad.second}-{dyad.first}".lower()),
    ),
    version=st.sampled_from([None, 0, 1, 2, "1"]),
)
def test_an_entry_judged_of_another_dyad_never_decodes_to_the_dyad_asked(
    entry: tracker.Entry, asked: tracker.Dyad, parties: Any, version: Any
) -> None:
    data = tracker.encode_entry(entry)
    if parties is not None:
        data["parties"] = parties
    if version is not None:
        data["v"] = version
    if of_another_dyad(data, asked):
        with contextlib.suppress(tracker.FieldError):
            assert tracker.decode_entry(data).parties != asked


def test_an_entry_of_another_dyad_is_judged_so_without_decoding() -> None:
    data = {**tracker.encode_entry(lunch()), "title": ""}  # not a valid entry: an empty title
    assert of_another_dyad({**data, "parties": "EU-RUS"}, tracker.Dyad("NATO", "RUS"))
    assert not of_another_dyad(data, tracker.Dyad("NATO", "RUS"))
    for version in (0, True, "1"):
        assert not of_another_dyad({**data, "parties": "EU-RUS", "v": version}, NATO_RUS)


def test_a_type_name_declared_elsewhere_is_refused_even_under_the_same_class_name() -> None:
    with pytest.raises(ValueError, match=r"already declared by tracker\._entries\.Suspension"):

        @tracker.entry_type("suspension", cameo="161", cameo_label="x", goldstein=0.0, plover=None)
        class Suspension(tracker.Entry):  # a plug-in's class of the built-in's name
            pass


def _records(value: Any) -> list[Any]:
    """Every attrs record inside a state's parts, the state's own fields walked."""
    if attrs.has(type(value)):
        inner = [getattr(value, f.name) for f in attrs.fields(type(value)) if f.init]
        return [value, *(record for part in inner for record in _records(part))]
    if isinstance(value, Map | dict):
        return [record for item in value.values() for record in _records(item)]
    if isinstance(value, tuple | list):
        return [record for item in value for record in _records(item)]
    return []


@given(log=logs(dyad=NATO_RUS, nonsense=True, max_size=14), stated=st.booleans())
def test_a_record_is_written_as_its_fields_one_by_one_would_be(
    log: tuple[tracker.Entry, ...], stated: bool
) -> None:
    state = tracker.Replay(log, dyad=NATO_RUS).at(None)
    for record in _records(state)[1:]:
        fields = _codec._fields(type(record))
        one_by_one = _codec._encode_fields(record, fields, omit_empty=False, stated=stated)
        assert _codec._whole_encoder(type(record), stated)(record) == one_by_one


@given(log=logs(dyad=NATO_RUS, nonsense=True, max_size=14))
def test_a_checkpoint_reads_back_through_the_written_out_readers_and_the_loop_alike(
    log: tuple[tracker.Entry, ...],
) -> None:
    state = tracker.Replay(log, dyad=NATO_RUS).at(None)
    data = orjson.loads(orjson.dumps(_codec.encode_checkpoint(state)))
    assert _codec.decode_checkpoint(data) == state
    assert _codec._build(tracker.State, data, stated=True) == state


def test_a_damaged_record_of_a_checkpoint_is_named_by_its_place() -> None:
    replay = tracker.Replay(tracker.read_log(tracker.bundled_log()).entries, dyad=NATO_RUS)
    data = orjson.loads(orjson.dumps(_codec.encode_checkpoint(replay.at(None))))
    key = next(iter(data["meetings"]))
    data["meetings"][key]["formal"] = "yes"
    with pytest.raises(tracker.FieldError) as caught:
        _codec.decode_checkpoint(data)
    assert caught.value.path == f"meetings.{key}.formal"
    del data["meetings"][key]["formal"]
    data["meetings"][key]["made_up"] = 1
    with pytest.raises(tracker.FieldError, match="unknown field") as caught:
        _codec.decode_checkpoint(data)
    assert caught.value.path == f"meetings.{key}.made_up"


@given(entry=entries(), outsider=actors())
def test_an_act_or_a_promise_of_a_third_party_is_refused(
    entry: tracker.Entry, outsider: str
) -> None:
    """Who acts, and who a follow-up expects to act, is one of the entry's two parties."""
    assume(outsider not in entry.parties)
    data = orjson.loads(tracker.dumps_entry(entry))
    wrong = {"by": {**data, "by": outsider}} if "by" in data else {}
    promise = {"kind": "presence_measure", "expected": {"from": "2030-01-01"}, "phrase": "soon"}
    promised = [*data.get("follow_ups", ()), {**promise, "actor": outsider}]
    wrong[f"follow_ups[{len(promised) - 1}].actor"] = {**data, "follow_ups": promised}
    for path, line in wrong.items():
        with pytest.raises(tracker.FieldError) as caught:
            tracker.loads_entry(orjson.dumps(line))
        assert (caught.value.path, caught.value.reason) == (
            path,
            f"{outsider} is not a party of {entry.parties}",
        )
