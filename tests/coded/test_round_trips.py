"""Coded events out and back in: PLOVER records and CAMEO-coded rows give the same events;
curated entries go out with their types' codes; coded events never touch the curated state."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import attrs
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker
from tests.coded.rows import ICEWS_HEADER, gdelt_rows, icews, plover, write
from tracker.coded import import_coded, write_cameo_tsv, write_plover
from tracker.strategies import entries, logs


def _through(
    tmp: Path, name: str, writer: object, events: list[tracker.Entry]
) -> list[tracker.Entry]:
    buffer = io.BytesIO()
    assert callable(writer)
    writer(events, buffer)
    source = tmp / f"{name}.out"
    source.write_bytes(buffer.getvalue())
    back = tmp / f"{name}.jsonl"
    import_coded([source], back)
    return list(tracker.read_log(back).entries) if back.exists() else []


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=gdelt_rows())
def test_gdelt_events_come_back_whole_from_plover_and_cameo_rows(
    tmp_path_factory: object, rows: list[str]
) -> None:
    tmp = tmp_path_factory.mktemp("trip")  # type: ignore[attr-defined]
    log = tmp / "log.jsonl"
    import_coded([write(tmp / "in.tsv", *rows)], log)
    events = list(tracker.read_log(log).entries) if log.exists() else []
    assert _through(tmp, "plover", write_plover, events) == events
    assert _through(tmp, "cameo", write_cameo_tsv, events) == events


def test_icews_and_plover_events_come_back_whole(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    import_coded(
        [
            write(
                tmp_path / "e.tab",
                ICEWS_HEADER,
                icews(),
                icews(**{"Event ID": "2", "Intensity": "NA"}),
            ),
            write(tmp_path / "p.jsonl", plover(event_scale=2.5, cameo="040", mentions=3)),
        ],
        log,
    )
    events = list(tracker.read_log(log).entries)
    assert len(events) == 3
    assert _through(tmp_path, "plover", write_plover, events) == events
    assert _through(tmp_path, "cameo", write_cameo_tsv, events) == events


def test_a_plover_only_record_has_no_cameo_row(tmp_path: Path) -> None:
    log = tmp_path / "log.jsonl"
    import_coded([write(tmp_path / "p.jsonl", plover())], log)
    buffer = io.BytesIO()
    assert write_cameo_tsv(tracker.read_log(log).entries, buffer) == 0
    assert buffer.getvalue().count(b"\n") == 1  # the header alone


def test_curated_entries_go_out_with_their_types_codes(
    tmp_path: Path, bundled: tracker.Log
) -> None:
    curated = [entry for entry in bundled.entries if entry.parties == tracker.DEFAULT_DYAD]
    back = _through(tmp_path, "plover", write_plover, curated)
    assert len(back) == len(curated)
    for entry, event in zip(curated, back, strict=True):
        assert isinstance(event, tracker.CodedEvent)
        code = entry.event_code()
        assert (event.cameo, event.plover, event.goldstein) == (
            code.cameo,
            code.plover or "",
            code.goldstein,
        )
        assert event.record == entry.id
        assert event.on == entry.on.period.start
        assert event.by == (entry.actor or entry.parties.first)
    rows = _through(tmp_path, "cameo", write_cameo_tsv, curated)
    assert [event.record for event in rows] == [entry.id for entry in curated]


def _curated(state: tracker.State) -> tracker.State:
    return attrs.evolve(
        state,
        coded={},
        occurrences={
            k: v for k, v in state.occurrences.items() if not k.startswith("coded_event|")
        },
        provenance={k: v for k, v in state.provenance.items() if k != "coded"},
        applied=0,
    )


def _day(entry: tracker.Entry) -> date:
    """The day an entry is placed on (the last known day of a month or a year stated)."""
    return date(entry.on.year, entry.on.month, entry.on.day)


_CODED = st.lists(entries([tracker.CodedEvent], parties=tracker.DEFAULT_DYAD), max_size=6)


@settings(max_examples=60, deadline=None)
@given(log=logs(types=tracker.strategies.BUILT_IN, max_size=12), coded=_CODED)
def test_coded_events_change_nothing_but_the_coded_activity(
    log: tuple[tracker.Entry, ...], coded: list[tracker.CodedEvent]
) -> None:
    """Whatever the log, its coded events (with whatever else they carry) leave the curated
    state as it is, day by day, and count once per occurrence in the coded activity."""
    coded = [attrs.evolve(event, id=f"coded-{n}") for n, event in enumerate(coded)]
    full, curated = (
        tracker.Replay(entries, dyad=tracker.DEFAULT_DYAD) for entries in ([*log, *coded], log)
    )
    for day in sorted({_day(entry) for entry in (*log, *coded)}):
        assert _curated(full.at(day)) == _curated(curated.at(day))
        counted = {event.occurrence() for event in coded if _day(event) <= day}
        assert sum(bucket.events for bucket in full.at(day).coded.values()) == len(counted)
