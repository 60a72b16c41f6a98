"""ICEWS coded event data: tab-separated with a header of 20 columns, actors named in words
with their sectors and country, ``NA`` for empty.

The real key of an ICEWS event is its Event ID with its Event Date (ids repeat); a visit is
written twice, once as the visit (042) and once as the hosting (043) with the actors swapped,
and counts once. Intensity is ICEWS's own value, on its own scale (-10 to 10).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from tracker.coded._codes import quad_of_cameo
from tracker.coded._rows import CodedRow, RowError, cameo_code, number

__all__ = ["ICEWS_COLUMNS", "icews_row"]

#: ICEWS's columns, in order.
ICEWS_COLUMNS = (
    "Event ID",
    "Event Date",
    "Source Name",
    "Source Sectors",
    "Source Country",
    "Event Text",
    "CAMEO Code",
    "Intensity",
    "Target Name",
    "Target Sectors",
    "Target Country",
    "Story ID",
    "Sentence Number",
    "Publisher",
    "City",
    "District",
    "Province",
    "Country",
    "Latitude",
    "Longitude",
)
_VISIT, _HOST = "042", "043"


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise RowError(column="Event Date", reason=f"{text!r} is not a day as YYYY-MM-DD") from None


def _sectors(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(",") if part.strip())


def icews_row(fields: Sequence[str], index: Mapping[str, int]) -> CodedRow:
    """Read one ICEWS row, its columns found by ``index`` (name to position, from the header)."""

    def get(name: str) -> str:
        position = index[name]
        value = fields[position].strip() if position < len(fields) else ""
        return "" if value == "NA" else value

    record = get("Event ID")
    if not record:
        raise RowError(column="Event ID", reason="empty")
    day = _day(get("Event Date"))
    cameo = cameo_code(get("CAMEO Code"), "CAMEO Code")
    intensity = get("Intensity")
    source, target = get("Source Name"), get("Target Name")
    if not source or not target:
        raise RowError(column="Target Name" if source else "Source Name", reason="empty")
    story, sentence = get("Story ID"), get("Sentence Number")
    visit = cameo in (_VISIT, _HOST) and bool(story)
    # A visit and its hosting, from one sentence, are one event (keyed visitor first).
    key = ("visit", story, sentence, day.isoformat()) if visit else (record, day.isoformat())
    return CodedRow(
        dataset="icews",
        record=f"{record}-{day:%Y%m%d}",
        day=day,
        added=day,
        source=source,
        target=target,
        quad_class=quad_of_cameo(cameo),
        key=key,
        cameo=cameo,
        goldstein=number(intensity, "Intensity") if intensity else None,
        url="",
        story=f"{story}:{sentence}" if story else "",
        source_country=get("Source Country"),
        target_country=get("Target Country"),
        source_sectors=_sectors(get("Source Sectors")),
        target_sectors=_sectors(get("Target Sectors")),
        named=True,
        mirrored=visit and cameo == _HOST,
    )
