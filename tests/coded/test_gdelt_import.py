"""Importing GDELT 1.0 and 2.0 event tables: days, codes as text, mapping, dedup, bad rows."""

from __future__ import annotations

import zipfile
from datetime import date, datetime
from pathlib import Path

import pytest

import tracker
from tests.coded.rows import gdelt, write
from tracker.coded import BadRows, import_coded

NATO_RUS = tracker.Dyad("NATO", "RUS")


def _coded(log: Path) -> list[tracker.CodedEvent]:
    entries = tracker.read_log(log).entries
    assert all(isinstance(entry, tracker.CodedEvent) for entry in entries)
    return [entry for entry in entries if isinstance(entry, tracker.CodedEvent)]


def test_gdelt1_rows_of_57_and_58_columns_keep_their_days_and_codes(tmp_path: Path) -> None:
    source = write(
        tmp_path / "events.tsv",
        gdelt(
            1,
            url=False,
            GLOBALEVENTID="126181121",
            SQLDATE="20110609",
            Actor1Code="RUS",
            Actor1CountryCode="RUS",
            Actor2Code="IGOWSTNAT",
            Actor2KnownGroupCode="NAT",
            EventCode="010",
            QuadClass="1",
            GoldsteinScale="0",
            DATEADDED="20130203",
        ),
        gdelt(
            1,
            GLOBALEVENTID="300000002",
            SQLDATE="20140301",
            Actor1Code=" RUS",
            Actor2Code="IGOWSTNAT",
            EventCode="0834",
            QuadClass="2",
            GoldsteinScale="5.0",
            DATEADDED="20140303",
        ),
    )
    log = tmp_path / "log.jsonl"
    report = import_coded([source], log)
    assert (report.read, report.kept, report.merged) == (2, 2, 0)
    first, second = _coded(log)
    assert first.on == date(2011, 6, 9)
    assert first.reported == date(2013, 2, 3)
    assert first.cameo == "010"
    assert first.goldstein == 0.0
    assert first.plover == ""
    assert first.by == "RUS"
    assert first.target == "NATO"
    assert first.parties == NATO_RUS
    assert first.sources[0].url == "https://www.gdeltproject.org/"  # no SOURCEURL before 2013
    assert second.cameo == "0834"
    assert second.quad_class == 2
    assert second.plover == "CONCEDE"
    assert second.source_code == "RUS"
    assert second.by == "RUS"
    assert second.sources[0].url == "https://news.example/nato-russia-talks"


def test_gdelt2_keeps_the_time_it_was_added_and_the_day_it_happened(tmp_path: Path) -> None:
    source = write(
        tmp_path / "20191024143000.export.CSV",
        gdelt(
            2,
            GLOBALEVENTID="881990900",
            SQLDATE="20181024",
            Actor1Code="IGOWSTNAT",
            Actor2Code="RUSMIL",
            EventCode="173",
            QuadClass="4",
            GoldsteinScale="-5.0",
            DATEADDED="20191024143000",
        ),
    )
    log = tmp_path / "log.sqlite"
    import_coded([source], log)
    (event,) = _coded(log)
    assert event.on == date(2018, 10, 24)  # a year before GDELT saw it
    assert event.reported == date(2019, 10, 24)
    assert event.sources[0].published == datetime(2019, 10, 24, 14, 30)
    assert (event.by, event.target, event.goldstein, event.dataset) == (
        "NATO",
        "RUS",
        -5.0,
        "gdelt2",
    )


def test_the_rows_one_article_gives_count_once(tmp_path: Path) -> None:
    """GDELT codes one article into many rows: the same day, code, article and parties."""
    url = "https://news.example/one-article"
    rows = [
        gdelt(GLOBALEVENTID=str(700 + n), Actor1Code=code, Actor2Code="IGOWSTNAT", SOURCEURL=url)
        for n, code in enumerate(["RUS", "RUSGOV", "RUSMIL", "RUS"])
    ]
    other_code = gdelt(
        GLOBALEVENTID="710",
        Actor1Code="RUS",
        Actor2Code="IGOWSTNAT",
        SOURCEURL=url,
        EventCode="036",
    )
    log = tmp_path / "log.jsonl"
    report = import_coded([write(tmp_path / "a.tsv", *rows, other_code)], log)
    assert (report.read, report.kept, report.merged) == (5, 2, 3)
    assert [event.record for event in _coded(log)] == ["700", "710"]
    again = import_coded([write(tmp_path / "b.tsv", *rows)], log)
    assert (again.kept, again.merged, again.present) == (0, 3, 1)


def test_actors_no_party_claims_are_counted_and_reported(tmp_path: Path) -> None:
    rows = [
        gdelt(GLOBALEVENTID="1", Actor1Code="GOV", Actor2Code="RUS"),  # whose government?
        gdelt(GLOBALEVENTID="2", Actor1Code="kur", Actor2Code="RUS"),
        gdelt(GLOBALEVENTID="3", Actor1Code="GOV", Actor2Code="IGOWSTNAT"),
        gdelt(GLOBALEVENTID="4", Actor1Code="RUS"),  # no second actor
        gdelt(GLOBALEVENTID="5", Actor1Code="RUSGOV", Actor2Code="RUSMIL"),
        gdelt(GLOBALEVENTID="6", Actor1Code="USAGOV", Actor2Code="RUS", Actor1CountryCode="USA"),
        gdelt(GLOBALEVENTID="7", Actor1Code="IGOWSTNAT", Actor2Code="RUS"),
    ]
    report = import_coded([write(tmp_path / "a.tsv", *rows)], tmp_path / "log.jsonl", dyad=NATO_RUS)
    assert report.read == 7
    assert report.kept == 1
    assert report.unmapped == {"GOV": 2, "kur": 1}
    assert report.skipped == {
        "an actor maps onto no party": 3,
        "one actor only: no pair to follow": 1,
        "both actors are one party": 1,
        "another dyad than the one asked for": 1,
    }
    assert "actors mapped onto no party: GOV (2), kur (1)" in "\n".join(report.lines())


def test_any_pair_of_countries_is_followed_by_its_country_codes(tmp_path: Path) -> None:
    row = gdelt(
        Actor1Code="GEOGOV", Actor1CountryCode="GEO", Actor2Code="ARMGOV", Actor2CountryCode="ARM"
    )
    import_coded([write(tmp_path / "a.tsv", row)], tmp_path / "log.jsonl")
    (event,) = _coded(tmp_path / "log.jsonl")
    assert event.parties == tracker.Dyad("ARM", "GEO")


@pytest.mark.parametrize(
    ("cells", "column", "what"),
    [
        ({"EventCode": "1a3"}, "EventCode", "is not a CAMEO code"),
        ({"EventCode": "250"}, "EventCode", "root 25 is not 01-20"),
        ({"SQLDATE": "20140231"}, "SQLDATE", "day is out of range"),
        ({"QuadClass": "5"}, "QuadClass", "is not a quad class"),
        ({"GoldsteinScale": "12.5"}, "GoldsteinScale", "outside -10..10"),
        ({"DATEADDED": "20140101103000"}, "DATEADDED", "before the event's SQLDATE"),
    ],
)
def test_a_bad_row_stops_the_import_naming_file_line_and_column(
    tmp_path: Path, cells: dict[str, str], column: str, what: str
) -> None:
    good = gdelt(GLOBALEVENTID="1", Actor1Code="RUS", Actor2Code="IGOWSTNAT")
    bad = gdelt(GLOBALEVENTID="2", Actor1Code="RUS", Actor2Code="IGOWSTNAT", **cells)
    source = write(tmp_path / "a.tsv", good, bad)
    with pytest.raises(BadRows) as caught:
        import_coded([source], tmp_path / "log.jsonl")
    (problem,) = caught.value.problems
    assert str(problem).startswith(f"{source}:2: {column}: ")
    assert what in problem.message


def test_skip_bad_reports_every_bad_row_and_imports_the_rest(tmp_path: Path) -> None:
    rows = [
        gdelt(GLOBALEVENTID="1", Actor1Code="RUS", Actor2Code="IGOWSTNAT"),
        gdelt(GLOBALEVENTID="2", Actor1Code="RUS", Actor2Code="IGOWSTNAT", EventCode="x"),
        "\t".join(["3", "20140301", "short row"]),
        gdelt(GLOBALEVENTID="4", Actor1Code="RUS", Actor2Code="IGOWSTNAT", SOURCEURL="u4"),
    ]
    source = write(tmp_path / "a.tsv", *rows)
    report = import_coded([source], tmp_path / "log.jsonl", skip_bad=True)
    assert (report.read, report.kept) == (4, 2)
    assert [str(problem).split(": ")[0:2] for problem in report.bad] == [
        [f"{source}:2", "EventCode"],
        [f"{source}:3", "row"],
    ]
    assert report.skipped["bad row"] == 2


def test_coded_events_move_no_channel_measure_or_level(
    tmp_path: Path, bundled: tracker.Log
) -> None:
    rows = [
        gdelt(
            GLOBALEVENTID=str(n),
            SQLDATE="20081215",
            DATEADDED="20081216103000",
            Actor1Code="RUS",
            Actor2Code="IGOWSTNAT",
            EventCode="190",
            QuadClass="4",
            GoldsteinScale="-10",
            SOURCEURL=f"https://news.example/{n}",
        )
        for n in range(5)
    ]
    log = tmp_path / "log.jsonl"
    import_coded([write(tmp_path / "a.tsv", *rows)], log)
    curated = tracker.Replay(bundled.entries, dyad=tracker.DEFAULT_DYAD).at(date(2009, 1, 31))
    both = tracker.Replay(
        [*bundled.entries, *tracker.read_log(log).entries], dyad=tracker.DEFAULT_DYAD
    ).at(date(2009, 1, 31))
    assert (both.phase, both.level, both.score, both.channels, both.measures) == (
        curated.phase,
        curated.level,
        curated.score,
        curated.channels,
        curated.measures,
    )
    assert both.coded["2008-12"].material_conflict == 5
    assert both.coded["2008-12"].goldstein_mean == -10.0
    assert dict(tracker.coded_activity(both, 2)) == {
        "2008-12": both.coded["2008-12"],
        "2009-01": tracker.CodedActivity(),
    }


def test_a_zipped_export_is_read_as_gdelt_publishes_it(tmp_path: Path) -> None:
    rows = [
        gdelt(
            GLOBALEVENTID=str(n),
            Actor1Code="RUS",
            Actor2Code="IGOWSTNAT",
            SOURCEURL=f"https://news.example/{n}",
        )
        for n in range(3)
    ]
    archive = tmp_path / "20140302103000.export.CSV.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as out:
        out.writestr("20140302103000.export.CSV", "".join(f"{row}\n" for row in rows))
    seen: list[int] = []
    report = import_coded([archive], tmp_path / "log.jsonl", progress=seen.append)
    assert report.formats == {str(archive): "gdelt2"}
    assert report.kept == 3
    assert seen[-1] == archive.stat().st_size
    broken = write(tmp_path / "broken.zip", "not a zip")
    with pytest.raises(ValueError, match="not a zip file"):
        import_coded([broken], tmp_path / "log.jsonl")


def test_only_regular_files_are_read(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="not a regular file"):
        import_coded([Path("/dev/zero")], tmp_path / "log.jsonl", dataset="gdelt2")
    with pytest.raises(ValueError, match="not a regular file"):
        import_coded([tmp_path], tmp_path / "log.jsonl")
