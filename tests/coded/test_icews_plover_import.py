"""Importing ICEWS rows and PLOVER records."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

import tracker
from tests.coded.rows import ICEWS_HEADER, icews, plover, write
from tracker.coded import ActorMap, BadRows, default_actors, import_coded


def _events(log: Path) -> list[tracker.CodedEvent]:
    return [e for e in tracker.read_log(log).entries if isinstance(e, tracker.CodedEvent)]


def test_icews_names_na_and_intensity(tmp_path: Path) -> None:
    source = write(
        tmp_path / "events.tab",
        ICEWS_HEADER,
        icews(**{"Event ID": "1", "CAMEO Code": "036", "Intensity": "4.0"}),
        icews(
            **{
                "Event ID": "2",
                "Intensity": "NA",
                "Source Name": "Sergey Lavrov",
                "Source Sectors": "Government,Executive",
                "CAMEO Code": "0311",
            }
        ),
    )
    log = tmp_path / "log.jsonl"
    report = import_coded([source], log)
    assert report.formats == {str(source): "icews"}
    assert report.kept == 2
    first, second = _events(log)
    assert first.record == "1-20140301"
    assert first.id == "icews-1-20140301"
    assert (first.by, first.target, first.cameo, first.goldstein) == ("RUS", "NATO", "036", 4.0)
    assert first.source_code == "Russian Federation"
    assert first.quad_class == 1
    assert second.goldstein is None
    assert second.cameo == "0311"
    assert second.by == "RUS"  # a person, placed by the country


def test_icews_repeated_ids_and_mirrored_visits_count_once(tmp_path: Path) -> None:
    visit = {"Event ID": "10", "CAMEO Code": "042", "Story ID": "77", "Sentence Number": "3"}
    host = {
        "Event ID": "11",
        "CAMEO Code": "043",
        "Story ID": "77",
        "Sentence Number": "3",
        "Source Name": "North Atlantic Treaty Organization",
        "Source Country": "NA",
        "Target Name": "Russian Federation",
        "Target Country": "Russian Federation",
    }
    source = write(
        tmp_path / "events.tab",
        ICEWS_HEADER,
        icews(**visit),
        icews(**host),
        icews(**{"Event ID": "20"}),
        icews(**{"Event ID": "20"}),  # the same event written again
        icews(**{"Event ID": "20", "Event Date": "2014-03-02"}),  # another event: another day
    )
    log = tmp_path / "log.jsonl"
    report = import_coded([source], log)
    assert (report.read, report.kept, report.merged) == (5, 3, 2)
    assert [e.record for e in _events(log)] == ["10-20140301", "20-20140301", "20-20140302"]


def test_icews_nato_officials_map_by_sector_with_a_mapping_that_says_so(tmp_path: Path) -> None:
    official = icews(
        **{
            "Source Name": "Secretary General (NATO)",
            "Source Country": "Denmark",
            "Source Sectors": "North Atlantic Treaty Organization,Government",
            "Target Name": "Russian Federation",
            "Target Country": "Russian Federation",
        }
    )
    log = tmp_path / "log.jsonl"
    import_coded([write(tmp_path / "e.tab", ICEWS_HEADER, official)], log)
    (event,) = _events(log)
    assert event.by == "NATO"  # the sector, before the nationality


def test_icews_files_need_their_header(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="header"):
        import_coded([write(tmp_path / "e.tab", icews())], tmp_path / "log.jsonl", dataset="icews")


def test_plover_records_current_and_older_schemas(tmp_path: Path) -> None:
    source = write(
        tmp_path / "records.jsonl",
        plover(id="A-1", event=["CONSULT"], event_scale=1.0),
        plover(
            id="A-2",
            event="DISAPPROVE",
            actor=None,
            source=[{"code": "RUS"}],
            recipient=None,
            target=[{"code": "IGOWSTNAT"}],
        ),
        plover(id="A-3", event=["DOCUMENT"]),
        plover(id="A-4", recipient=""),
        plover(id="A-5", date="2014-13-01"),
    )
    log = tmp_path / "log.jsonl"
    with pytest.raises(BadRows) as caught:
        import_coded([source], log)
    assert str(caught.value.problems[0]) == f"{source}:5: date: not a day as YYYY-MM-DD"
    report = import_coded([source], tmp_path / "other.jsonl", skip_bad=True)
    assert report.kept == 2
    assert report.skipped["not an event: event 'DOCUMENT' is not a PLOVER event category"] == 1
    assert report.skipped["not an event: no recipient"] == 1
    first, second = _events(tmp_path / "other.jsonl")
    assert (first.plover, first.quad_class, first.goldstein, first.cameo) == ("CONSULT", 1, 1.0, "")
    assert (second.plover, second.quad_class) == ("ACCUSE", 3)  # an earlier draft's name
    assert first.source_code == "RUSGOV"
    assert first.on == date(2014, 3, 1)


def test_a_json_array_of_records_is_read_too(tmp_path: Path) -> None:
    path = tmp_path / "records.json"
    path.write_text(f"[{plover(id='B-1')}, {plover(id='B-2', actor='x')}]", encoding="utf-8")
    report = import_coded([path], tmp_path / "log.jsonl", skip_bad=True)
    assert report.kept == 1
    assert [str(p) for p in report.bad] == [f"{path}: [1].actor: must be a list of entity objects"]


def test_the_actor_map_reads_extra_mappings_and_refuses_bad_ones(tmp_path: Path) -> None:
    extra = tmp_path / "more.toml"
    extra.write_text('[parties.OSCE]\ncodes = ["IGOOSC"]\nnames = ["OSCE"]\n', encoding="utf-8")
    actors = default_actors().merged(ActorMap.load(extra))
    assert actors.of_code("IGOOSCGOV") == "OSCE"
    assert actors.of_code("IGOWSTNATMIL") == "NATO"
    assert actors.of_code("GOV") is None
    assert actors.of_code("GOV", country="WST") is None  # a region is no party
    assert actors.of_name("  russian   federation ") == "RUS"
    broken = tmp_path / "broken.toml"
    broken.write_text('[parties.osce]\ncodes = ["X"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"parties\.osce: not an actor code"):
        ActorMap.load(broken)


def test_record_ids_that_differ_only_in_case_or_punctuation_stay_apart(tmp_path: Path) -> None:
    source = write(tmp_path / "r.jsonl", plover(id="Rec 1"), plover(id="rec-1"), plover(id="REC-1"))
    log = tmp_path / "log.jsonl"
    assert import_coded([source], log).kept == 3
    ids = [event.id for event in _events(log)]
    assert ids[1] == "plover-rec-1"
    assert len(set(ids)) == 3


def test_a_header_after_a_byte_order_mark_is_still_a_header(tmp_path: Path) -> None:
    source = tmp_path / "events.tab"
    source.write_bytes(b"\xef\xbb\xbf" + f"{ICEWS_HEADER}\n{icews()}\n".encode())
    report = import_coded([source], tmp_path / "log.jsonl")
    assert report.formats == {str(source): "icews"}
    assert report.kept == 1
