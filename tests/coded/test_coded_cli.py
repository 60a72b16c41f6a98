"""``tracker import`` of coded data, ``tracker export --format plover|cameo-tsv`` and
``tracker activity``, run as a user runs them."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

import tracker
from tests.coded.rows import gdelt, plover, write
from tests.commands import run


@pytest.fixture
def coded(tmp_path: Path) -> Path:
    """A GDELT 2.0 file of NATO-RUS events in two months, one article coded twice, and an
    event of another pair."""
    return write(
        tmp_path / "20140301.export.CSV",
        gdelt(
            GLOBALEVENTID="1",
            Actor1Code="RUSGOV",
            Actor2Code="IGOWSTNAT",
            EventCode="036",
            QuadClass="1",
            GoldsteinScale="4.0",
            SOURCEURL="https://a.example/1",
        ),
        gdelt(
            GLOBALEVENTID="2",
            Actor1Code="RUS",
            Actor2Code="IGOWSTNAT",
            EventCode="036",
            QuadClass="1",
            GoldsteinScale="4.0",
            SOURCEURL="https://a.example/1",
        ),
        gdelt(
            GLOBALEVENTID="3",
            SQLDATE="20140402",
            DATEADDED="20140402090000",
            Actor1Code="IGOWSTNAT",
            Actor2Code="RUSMIL",
            EventCode="163",
            QuadClass="4",
            GoldsteinScale="-8.0",
            SOURCEURL="https://a.example/2",
        ),
        gdelt(
            GLOBALEVENTID="4",
            Actor1Code="USAGOV",
            Actor1CountryCode="USA",
            Actor2Code="\x1b[31mRED",
            SOURCEURL="https://a.example/3",
        ),
    )


def test_import_tells_the_format_and_reports_every_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, coded: Path
) -> None:
    log = tmp_path / "coded.sqlite"
    status, out, err = run(capsys, "import", str(coded), "--log", str(log))
    assert status == 0, err
    assert f"{log}: 4 rows read: 2 events kept, 1 rows merged into an event read before" in out
    assert "actors mapped onto no party: \\x1b[31mRED (1)" in out  # data is text, escaped
    status, out, _ = run(capsys, "import", str(coded), "--log", str(log), "--json")
    report = orjson.loads(out)
    assert (report["kept"], report["already_in_log"], report["merged"]) == (0, 2, 1)
    assert report["formats"] == {str(coded): "gdelt2"}


def test_a_bad_row_exits_2_and_says_where_and_how_to_go_on(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = write(
        tmp_path / "a.tsv",
        gdelt(Actor1Code="RUS", Actor2Code="IGOWSTNAT"),
        gdelt(GLOBALEVENTID="9", SQLDATE="2014-03-01"),
    )
    log = tmp_path / "log.jsonl"
    status, _, err = run(capsys, "import", str(source), "--log", str(log), "--format", "gdelt2")
    assert status == 2
    assert f"{source}:2: SQLDATE: '2014-03-01' is not a day as YYYYMMDD" in err
    assert "give --skip-bad" in err
    status, out, err = run(capsys, "import", str(source), "--log", str(log), "--skip-bad")
    assert status == 0
    assert f"{source}:2: SQLDATE" in err
    assert "1 events already in the log" in out


def test_a_tracker_log_still_imports_as_a_log(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    log = tmp_path / "log.jsonl"
    status, out, _ = run(capsys, "import", str(tracker.bundled_log()), "--log", str(log))
    assert status == 0
    assert "entries appended" in out


def test_activity_by_month_and_year(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, coded: Path
) -> None:
    log = tmp_path / "coded.sqlite"
    run(capsys, "import", str(coded), "--log", str(log))
    status, out, _ = run(capsys, "activity", "--dyad", "RUS-NATO", "--log", str(log), "--json")
    assert status == 0
    periods = orjson.loads(out)["periods"]
    assert periods["2014-03"]["events"] == 1
    assert periods["2014-03"]["verbal_cooperation"] == 1
    assert periods["2014-04"]["material_conflict"] == 1
    assert periods["2014-04"]["goldstein_mean"] == -8.0
    status, out, _ = run(
        capsys, "activity", "--dyad", "NATO-RUS", "--log", str(log), "--by", "year"
    )
    assert status == 0
    assert "2014" in out
    assert "-4.0" in out  # the year's Goldstein sum
    status, out, _ = run(capsys, "activity", "--dyad", "NATO-USA", "--log", str(log))
    assert "no coded event of NATO-USA" in out


def test_state_json_carries_the_coded_activity_of_the_trailing_year(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, coded: Path
) -> None:
    log = tmp_path / "coded.sqlite"
    run(capsys, "import", str(coded), "--log", str(log))
    status, out, _ = run(capsys, "state", "--log", str(log), "--at", "2014-04-30", "--json")
    assert status == 0
    state = orjson.loads(out)
    window = state["coded_activity"]
    assert next(iter(window)) == "2013-05"
    assert list(window)[-1] == "2014-04"
    assert window["2014-03"]["events"] == 1
    assert window["2014-02"]["goldstein_mean"] is None
    assert state["level"]["value"] == 0.0  # coded events are no curated fact
    assert (
        tracker.decode_state(state).coded
        == tracker.Replay(tracker.read_log(log).entries, dyad=tracker.DEFAULT_DYAD)
        .at(tracker.parse_day("2014-04-30"))
        .coded
    )


def test_export_writes_plover_records_and_cameo_rows_that_import_back(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, coded: Path
) -> None:
    log = tmp_path / "coded.sqlite"
    run(capsys, "import", str(coded), "--log", str(log))
    records = tmp_path / "out.jsonl"
    status, _, err = run(
        capsys,
        "export",
        "--log",
        str(log),
        "--format",
        "plover",
        "--output",
        str(records),
        "--dyad",
        "NATO-RUS",
    )
    assert status == 0
    assert "2 plover records written" in err
    first = orjson.loads(records.read_text().splitlines()[0])
    assert first["cameo"] == "036"
    assert first["event"] == ["AGREE"]
    assert first["actor"][0]["code"] == "RUSGOV"
    status, out, _ = run(capsys, "export", "--log", str(log), "--format", "cameo-tsv")
    assert out.splitlines()[0].startswith("id\tdate\trecorded\tdataset")
    assert "\t163\t4\t-8.0\tCOERCE\t" in out
    rows = write(tmp_path / "rows.tsv", *out.splitlines())
    for source in (records, rows):
        again = tmp_path / f"{source.stem}.sqlite"
        status, _, err = run(capsys, "import", str(source), "--log", str(again))
        assert status == 0, err
        assert tracker.read_log(again).entries == tracker.read_log(log).entries
    status, _, err = run(
        capsys, "export", "--log", str(log), "--format", "plover", "--output", str(records)
    )
    assert status == 2
    assert "exists already" in err


def test_plover_records_import_without_a_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    source = write(tmp_path / "r.jsonl", plover())
    status, out, _ = run(capsys, "import", str(source), "--log", str(tmp_path / "l.jsonl"))
    assert status == 0
    assert "1 events kept" in out


def test_export_of_one_pair_in_canonical_form(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = run(capsys, "export", "--dyad", "EU-RUS")
    assert status == 0
    lines = out.splitlines()
    assert lines
    assert all(orjson.loads(line)["parties"] == "EU-RUS" for line in lines)
