"""Rows of coded event data written for the tests, in each dataset's exact layout: GDELT 1.0
(57 or 58 columns), GDELT 2.0 (61), ICEWS (20, with a header) and PLOVER records."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

import orjson
from hypothesis import strategies as st

import tracker
from tracker.coded._gdelt import GDELT1_COLUMNS, GDELT2_COLUMNS
from tracker.coded._icews import ICEWS_COLUMNS
from tracker.strategies import cameo_codes, goldstein_values


def gdelt(version: int = 2, *, url: bool = True, **cells: str) -> str:
    """One tab-separated GDELT row, every column empty but those given (and the few any row
    has); GDELT 1.0 rows without ``url`` have the 57 columns of events before April 2013."""
    columns = GDELT2_COLUMNS if version == 2 else GDELT1_COLUMNS
    if version == 1 and not url:
        columns = columns[:-1]
    base = {
        "GLOBALEVENTID": "500000001",
        "SQLDATE": "20140301",
        "EventCode": "042",
        "EventBaseCode": "042",
        "EventRootCode": "04",
        "QuadClass": "1",
        "GoldsteinScale": "1.9",
        "NumMentions": "4",
        "DATEADDED": "20140302103000" if version == 2 else "20140302",
        "SOURCEURL": "https://news.example/nato-russia-talks",
    }
    row = {**base, **cells}
    unknown = set(cells) - set(columns)
    assert not unknown, f"no such GDELT column: {unknown}"
    return "\t".join(row.get(name, "") for name in columns)


_ACTORS = ("RUS", "RUSGOV", " RUSMIL", "IGOWSTNAT", "IGOEUREEC", "USAGOV")


@st.composite
def gdelt_rows(draw: st.DrawFn) -> list[str]:
    """GDELT 2.0 rows of NATO, the EU, Russia and the US, any codes; shrinks towards one row."""
    rows = []
    for number in range(draw(st.integers(1, 8))):
        day = date(2014, 1, 1) + timedelta(draw(st.integers(0, 400)))
        added = day + timedelta(draw(st.integers(0, 30)))
        code = draw(cameo_codes())
        source, target = draw(st.lists(st.sampled_from(_ACTORS), min_size=2, max_size=2))
        rows.append(
            gdelt(
                GLOBALEVENTID=str(900000 + number),
                SQLDATE=f"{day:%Y%m%d}",
                DATEADDED=f"{added:%Y%m%d}{draw(st.integers(0, 23)):02d}1500",
                Actor1Code=source,
                Actor2Code=target,
                EventCode=code,
                QuadClass=str(tracker.coded.quad_of_cameo(code)),
                GoldsteinScale=str(draw(goldstein_values())),
                NumMentions=str(draw(st.integers(0, 50))),
                SOURCEURL=draw(st.sampled_from(["", "https://a.example/1", "https://b.example/2"])),
            )
        )
    return rows


def icews(**cells: str) -> str:
    """One tab-separated ICEWS row, ``NA`` where nothing is given."""
    base = {
        "Event ID": "30000001",
        "Event Date": "2014-03-01",
        "Source Name": "Russian Federation",
        "Source Sectors": "NA",
        "Source Country": "Russian Federation",
        "Event Text": "Consult",
        "CAMEO Code": "040",
        "Intensity": "1.0",
        "Target Name": "North Atlantic Treaty Organization",
        "Target Sectors": "NA",
        "Target Country": "NA",
        "Story ID": "40000001",
        "Sentence Number": "1",
        "Publisher": "Example Wire",
    }
    row = {**base, **cells}
    return "\t".join(row.get(name, "NA") for name in ICEWS_COLUMNS)


ICEWS_HEADER = "\t".join(ICEWS_COLUMNS)


def plover(**fields: Any) -> str:
    """One PLOVER record as a JSON line."""
    base: dict[str, Any] = {
        "id": "rec-0001",
        "date": "2014-03-01",
        "actor": [{"code": "RUS", "sector": "GOV"}],
        "recipient": [{"code": "IGOWSTNAT"}],
        "event": ["CONSULT"],
    }
    return orjson.dumps({**base, **fields}).decode()


def write(path: Path, *lines: str) -> Path:
    """The lines, one a line, in a new file."""
    path.write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
    return path


#: Coded events of NATO and Russia in the months of the bundled story: (day, CAMEO code), three
#: that cooperate in December 2008 and two that conflict in January 2009.
CODED = (
    ("20081203", "042"),
    ("20081210", "043"),
    ("20081219", "040"),
    ("20090112", "112"),
    ("20090120", "111"),
)


def with_coded_events(log: Path) -> Path:
    """``log`` with the :data:`CODED` events imported into it, as GDELT 2.0 rows."""
    rows = [
        gdelt(
            GLOBALEVENTID=str(700000 + number),
            SQLDATE=when,
            DATEADDED=f"{when}120000",
            Actor1Code="IGOWSTNAT" if number % 2 else "RUS",
            Actor2Code="RUS" if number % 2 else "IGOWSTNAT",
            EventCode=code,
            EventBaseCode=code,
            EventRootCode=code[:2],
            QuadClass=str(tracker.coded.quad_of_cameo(code)),
            SOURCEURL=f"https://news.example/{number}",
        )
        for number, (when, code) in enumerate(CODED)
    ]
    tracker.coded.import_coded([write(log.with_name("coded.tsv"), *rows)], log)
    return log
