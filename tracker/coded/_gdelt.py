"""GDELT event tables: 1.0 (57 columns before April 2013, 58 with SOURCEURL after) and 2.0
(61 columns, DATEADDED as a UTC time), tab-separated without a header; or with a header
naming the columns, as tools that re-export GDELT write them (comma-separated, ``NA`` empty).

SQLDATE is the day the event happened, DATEADDED the day GDELT recorded it. Codes stay text,
their leading zeros kept; GoldsteinScale is GDELT's own value of the event code.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date, datetime

from tracker.coded._rows import CodedRow, RowError, cameo_code, day_of, number, time_of, whole

__all__ = ["GDELT1_COLUMNS", "GDELT2_COLUMNS", "gdelt_row", "gdelt_version"]

_ACTOR = (
    "Code",
    "Name",
    "CountryCode",
    "KnownGroupCode",
    "EthnicCode",
    "Religion1Code",
    "Religion2Code",
    "Type1Code",
    "Type2Code",
    "Type3Code",
)
_EVENT = (
    "IsRootEvent",
    "EventCode",
    "EventBaseCode",
    "EventRootCode",
    "QuadClass",
    "GoldsteinScale",
    "NumMentions",
    "NumSources",
    "NumArticles",
    "AvgTone",
)
_GEO1 = ("Type", "FullName", "CountryCode", "ADM1Code", "Lat", "Long", "FeatureID")
_GEO2 = ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")


def _columns(geo: tuple[str, ...]) -> tuple[str, ...]:
    return (
        "GLOBALEVENTID",
        "SQLDATE",
        "MonthYear",
        "Year",
        "FractionDate",
        *(f"Actor1{name}" for name in _ACTOR),
        *(f"Actor2{name}" for name in _ACTOR),
        *_EVENT,
        *(f"{who}Geo_{name}" for who in ("Actor1", "Actor2", "Action") for name in geo),
        "DATEADDED",
        "SOURCEURL",
    )


#: GDELT 1.0's columns (the last, SOURCEURL, only from April 2013) and GDELT 2.0's.
GDELT1_COLUMNS = _columns(_GEO1)
GDELT2_COLUMNS = _columns(_GEO2)
_INDEX = {
    "gdelt1": {name: i for i, name in enumerate(GDELT1_COLUMNS)},
    "gdelt2": {name: i for i, name in enumerate(GDELT2_COLUMNS)},
}
_WIDTHS = {57: "gdelt1", 58: "gdelt1", 61: "gdelt2"}


def gdelt_version(width: int) -> str | None:
    """``gdelt1`` or ``gdelt2`` for a headerless row of ``width`` columns, else ``None``."""
    return _WIDTHS.get(width)


def gdelt_row(
    fields: Sequence[str], dataset: str, index: Mapping[str, int] | None = None
) -> CodedRow:
    """Read one row of ``dataset`` (``gdelt1`` or ``gdelt2``): by position, or by ``index``
    (column name to position) for a file with a header."""
    if index is None:
        expected = (57, 58) if dataset == "gdelt1" else (61,)
        if len(fields) not in expected:
            widths = " or ".join(map(str, expected))
            reason = f"{len(fields)} columns, where {dataset} rows have {widths}"
            raise RowError(column="row", reason=reason)
        index = _INDEX[dataset]

    def get(name: str) -> str:
        position = index.get(name)
        if position is None or position >= len(fields):
            return ""
        value = fields[position]
        return "" if value == "NA" else value

    record = get("GLOBALEVENTID").strip()
    if not record.isdigit():
        raise RowError(column="GLOBALEVENTID", reason=f"{record!r} is not a GDELT event id")
    day = day_of(get("SQLDATE"), "SQLDATE")
    added_text = get("DATEADDED").strip()
    added: date | datetime = day_of(added_text, "DATEADDED")
    if len(added_text) == 14:  # GDELT 2.0: the time, UTC
        added = time_of(added_text, "DATEADDED")
    if (added.date() if isinstance(added, datetime) else added) < day:
        raise RowError(
            column="DATEADDED", reason=f"{added_text} is before the event's SQLDATE {day:%Y%m%d}"
        )
    cameo = cameo_code(get("EventCode"), "EventCode")
    quad_text = get("QuadClass").strip()
    if quad_text not in ("1", "2", "3", "4"):
        raise RowError(column="QuadClass", reason=f"{quad_text!r} is not a quad class (1-4)")
    goldstein_text = get("GoldsteinScale").strip()
    goldstein = number(goldstein_text, "GoldsteinScale") if goldstein_text else None
    url = get("SOURCEURL").strip()
    source, target = get("Actor1Code").strip(), get("Actor2Code").strip()
    return CodedRow(
        dataset=dataset,
        record=record,
        day=day,
        added=added,
        source=source,
        target=target,
        quad_class=int(quad_text),
        # One article is coded into many rows: one event per day, actors, code and article.
        key=(day.isoformat(), cameo, url) if url else (record,),
        cameo=cameo,
        goldstein=goldstein,
        mentions=whole(get("NumMentions"), "NumMentions"),
        url=url,
        source_group=get("Actor1KnownGroupCode").strip(),
        target_group=get("Actor2KnownGroupCode").strip(),
        source_country=get("Actor1CountryCode").strip(),
        target_country=get("Actor2CountryCode").strip(),
    )
