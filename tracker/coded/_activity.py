"""The coded activity of a dyad over a whole log: per month, or per year."""

from __future__ import annotations

from collections.abc import Mapping

from tracker._entries import CodedEvent, Dyad
from tracker._log import Store
from tracker._reducer import fold
from tracker._sqlite import SqliteStore
from tracker._state import CODED_WINDOW, CodedActivity, State, coded_activity

__all__ = ["MONTHS", "activity_by", "activity_of_log", "coded_summary"]

MONTHS = "month"


def activity_of_log(store: Store, pair: Dyad) -> dict[str, CodedActivity]:
    """Every month's coded activity of ``pair`` in the log, oldest first: the fold of its
    coded events, as a replay makes it; from a SQLite log, the same aggregated by SQLite
    through the dyad index (each event counted once by its day, party, dataset and record)."""
    if isinstance(store, SqliteStore):
        months = _aggregated(store, pair)
        if months is not None:
            return months
    coded = (entry for entry in store.read(pair).entries if isinstance(entry, CodedEvent))
    state = fold(sorted(coded, key=lambda entry: entry.on), State(pair))
    return dict(sorted(state.coded.items()))


#: Each month's events of a dyad per quad class, with the sum and count of their values, and
#: whether every row's line says what its indexed columns say.
_MONTHS = """
SELECT month, quad, count(*), total(goldstein), count(goldstein), min(told) FROM (
  SELECT substr(on_day, 1, 7) AS month,
         json_extract(line, '$.quad_class') AS quad,
         json_extract(line, '$.goldstein') AS goldstein,
         min(json_extract(line, '$.type') = type AND json_extract(line, '$.parties') = ?
             AND substr(json_extract(line, '$.on'), 1, 7) = substr(on_day, 1, 7)) OVER () AS told,
         row_number() OVER (
           PARTITION BY json_extract(line, '$.on'), json_extract(line, '$.by'),
                        json_extract(line, '$.dataset'), json_extract(line, '$.record')
           ORDER BY position
         ) AS nth
  FROM (SELECT position, type, on_day, CAST(line AS TEXT) AS line FROM entries
        WHERE first = ? AND second = ? AND type = 'coded_event')
) WHERE nth = 1 GROUP BY month, quad ORDER BY month
"""


def _aggregated(store: SqliteStore, pair: Dyad) -> dict[str, CodedActivity] | None:
    """The months from SQLite; ``None`` when a row's columns disagree with its line (then the
    entries are read, and the disagreement reported, as any read reports it)."""
    rows = store.select(_MONTHS, (str(pair), pair.first, pair.second))
    months: dict[str, list[float]] = {}
    for month, quad, events, total, scored, told in rows:
        if not told or quad not in (1, 2, 3, 4):
            return None
        counts = months.setdefault(str(month), [0, 0, 0, 0, 0.0, 0])
        counts[int(quad) - 1] += int(events)  # type: ignore[call-overload]
        counts[4] += float(total)  # type: ignore[arg-type]
        counts[5] += int(scored)  # type: ignore[call-overload]
    return {
        month: CodedActivity(int(a), int(b), int(c), int(d), total, int(scored))
        for month, (a, b, c, d, total, scored) in months.items()
    }


def activity_by(months: Mapping[str, CodedActivity], period: str) -> dict[str, CodedActivity]:
    """Months summed into longer periods (``year``)."""
    if period != "year":
        msg = f"coded activity is given by month or by year, not by {period!r}"
        raise ValueError(msg)
    years: dict[str, CodedActivity] = {}
    for month, bucket in months.items():
        year = month[:4]
        years[year] = _sum(years.get(year, CodedActivity()), bucket)
    return years


def _sum(one: CodedActivity, other: CodedActivity) -> CodedActivity:
    return CodedActivity(
        one.verbal_cooperation + other.verbal_cooperation,
        one.material_cooperation + other.material_cooperation,
        one.verbal_conflict + other.verbal_conflict,
        one.material_conflict + other.material_conflict,
        one.goldstein_total + other.goldstein_total,
        one.scored + other.scored,
    )


def coded_summary(state: State) -> str | None:
    """One line on the coded activity of the trailing window, ``None`` when there is none."""
    window = coded_activity(state)
    total = CodedActivity()
    for bucket in window.values():
        total = _sum(total, bucket)
    if not total.events:
        return None
    mean = total.goldstein_mean
    tone = "" if mean is None else f", mean Goldstein {mean:+.2f} ({total.scored} scored)"
    return (
        f"coded activity, {CODED_WINDOW} months to {max(window)}: {total.events} events "
        f"({total.verbal_cooperation} verbal and {total.material_cooperation} material "
        f"cooperation, {total.verbal_conflict} verbal and {total.material_conflict} material "
        f"conflict){tone}"
    )
