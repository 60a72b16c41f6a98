"""The fast way of headerless GDELT rows into a SQLite log stores what the general way stores,
byte for byte, and reports the same: odd, bad, duplicate and unmapped rows included."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import tracker
from tests.coded.rows import gdelt, write
from tracker._sqlite import SqliteStore
from tracker.coded import BadRows, import_coded
from tracker.strategies import cameo_codes

#: Each cell the import reads: values it takes, then values it refuses or reads otherwise.
_CELLS = {
    "GLOBALEVENTID": (["900001", "900002", "900003"], ["9x", " 9", "NA", ""]),
    "SQLDATE": (["20140301", "20140302"], ["20140230", "2014030", " 20140301", "NA"]),
    "DATEADDED": (
        ["20140302103000", "20140301000059", "20140302", "20140303235959"],
        ["20140302240000", "20140302126000", "20140228120000", "2014030210", "NA"],
    ),
    "Actor1Code": (["RUS", "RUSGOV", "IGOWSTNAT", "IGOEUREEC", "USAGOV"], ["", "NA", " RUSMIL"]),
    "Actor2Code": (["RUS", "RUSMIL", "IGOWSTNAT", "USA", "XYZ"], ["", "NA", "RUS "]),
    "Actor1CountryCode": (["", "RUS", "NA"], [" USA"]),
    "Actor2KnownGroupCode": (["", "NAT", "NA"], [" EEC"]),
    "QuadClass": (["1", "2", "3", "4"], ["5", " 1", "", "NA"]),
    "GoldsteinScale": (["1.9", "-10", "10.0", "0", "", "NA", "1e1"], ["nan", "11", " 2.5", "x"]),
    "NumMentions": (["4", "0", "00", "", "NA", "17"], [" 3", "x", "\u00b2"]),
    "SOURCEURL": (
        ["https://a.example/1", "https://b.example/2", "", "NA"],
        [" https://c.example/3"],
    ),
}


@st.composite
def odd_gdelt_rows(draw: st.DrawFn) -> list[str]:
    """GDELT 1.0 or 2.0 rows, most cells valid, one in ten refused or odd; shrinks towards one
    row of the first values."""
    version = draw(st.sampled_from([2, 1]))
    rows = []
    for _ in range(draw(st.integers(1, 12))):
        cells = {}
        for name, (valid, odd) in _CELLS.items():
            odd_one = draw(st.integers(0, 9)) == 0
            cells[name] = draw(st.sampled_from(odd if odd_one else valid))
        cells["EventCode"] = draw(
            st.sampled_from(["NA", "999", " 042", "4"])
            if draw(st.integers(0, 9)) == 0
            else cameo_codes()
        )
        url = version == 2 or draw(st.booleans())
        if not url:
            del cells["SOURCEURL"]
        row = gdelt(version, url=url, **cells)
        if rows and draw(st.integers(0, 20)) == 0:  # now and then a row cut short
            row = row.rsplit("\t", 3)[0]
        rows.append(row)
    return rows


_LINES = "SELECT line FROM entries ORDER BY position"


def _imported(
    source: Path, log: Path, dyad: tracker.Dyad | None, skip_bad: bool, batch: int
) -> list[object]:
    """What each of two imports of ``source`` into ``log`` reported, or the error it raised."""
    outcomes: list[object] = []
    for _ in range(2):  # the second finds every event in the log already
        try:
            report = import_coded([source], log, dyad=dyad, skip_bad=skip_bad, batch_size=batch)
        except BadRows as error:
            outcomes.append(("bad rows", str(error), error.report.as_json()))
        except tracker.LogError as error:
            outcomes.append(("log error", str(error).replace(str(log), "LOG")))
        else:
            outcomes.append(report.as_json())
    return outcomes


@settings(max_examples=150, deadline=None)
@given(
    odd_gdelt_rows(),
    st.sampled_from([None, tracker.Dyad("NATO", "RUS")]),
    st.booleans(),
    st.integers(1, 5),
)
def test_the_fast_way_stores_and_reports_what_the_general_way_does(
    rows: list[str], dyad: tracker.Dyad | None, skip_bad: bool, batch: int
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        source = write(folder / "events.tsv", *rows)
        fast = _imported(source, folder / "fast.sqlite", dyad, skip_bad, batch)
        general = _imported(source, folder / "general.jsonl", dyad, skip_bad, batch)
        assert fast == general
        stored: list[object] = []
        if (folder / "fast.sqlite").exists():
            store = tracker.open_store(folder / "fast.sqlite")
            assert isinstance(store, SqliteStore)
            stored = [bytes(line) for (line,) in store.select(_LINES)]  # type: ignore[arg-type]
        written = (folder / "general.jsonl").read_bytes() if stored else b""
        assert stored == written.splitlines()


def test_the_fast_way_reads_plain_rows_itself(tmp_path: Path) -> None:
    """A plain GDELT 2.0 row is stored as the general encoder writes it, and indexed so."""
    source = write(
        tmp_path / "events.tsv",
        gdelt(GLOBALEVENTID="900001", Actor1Code="RUSGOV", Actor2Code="IGOWSTNAT"),
    )
    log = tmp_path / "coded.sqlite"
    report = import_coded([source], log)
    assert (report.read, report.kept) == (1, 1)
    (entry,) = tracker.read_log(log).entries
    assert tracker.dumps_entry(entry) == (
        b'{"type":"coded_event","v":1,"id":"gdelt2-900001","on":"2014-03-01",'
        b'"reported":"2014-03-02","parties":"NATO-RUS","title":"RUSGOV 042 IGOWSTNAT",'
        b'"by":"RUS","dataset":"gdelt2","record":"900001","source_code":"RUSGOV",'
        b'"target_code":"IGOWSTNAT","quad_class":1,"cameo":"042","goldstein":1.9,'
        b'"plover":"CONSULT","mentions":4,"sources":[{"outlet":"GDELT 2.0 event table",'
        b'"published":"2014-03-02T10:30:00","url":"https://news.example/nato-russia-talks"}]}'
    )
    assert tracker.open_store(log).problems() == ()


@pytest.mark.parametrize(
    ("column", "value"),
    [(name, value) for name, (valid, odd) in _CELLS.items() for value in valid + odd],
)
def test_each_cell_value_is_read_alike_both_ways(tmp_path: Path, column: str, value: str) -> None:
    """One row of NATO and Russia, one cell changed: the same report and line either way."""
    cells = {"Actor1Code": "RUSGOV", "Actor2Code": "IGOWSTNAT", column: value}
    source = write(tmp_path / "events.tsv", gdelt(**cells))
    fast = _imported(source, tmp_path / "fast.sqlite", None, True, 10)
    general = _imported(source, tmp_path / "general.jsonl", None, True, 10)
    assert fast == general
    log = tmp_path / "fast.sqlite"
    stored = tracker.open_store(log).read().entries if log.exists() else ()
    assert [tracker.dumps_entry(entry) for entry in stored] == (
        (tmp_path / "general.jsonl").read_bytes().splitlines() if stored else []
    )
