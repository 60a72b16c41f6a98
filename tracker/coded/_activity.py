"""The coded activity of a dyad over a whole log: per month, or per year."""

from __future__ import annotations

from collections.abc import Mapping

from tracker._entries import CodedEvent, Dyad
from tracker._reducer import fold
from tracker._state import CODED_WINDOW, CodedActivity, State, coded_activity
from tracker._store import Store

__all__ = ["MONTHS", "activity_by", "activity_of_log", "coded_summary"]

MONTHS = "month"


def activity_of_log(store: Store, pair: Dyad) -> dict[str, CodedActivity]:
    """Every month's coded activity of ``pair`` in the log, oldest first: the fold of its
    coded events, as a replay makes it."""
    coded = (entry for entry in store.read(pair).entries if isinstance(entry, CodedEvent))
    state = fold(sorted(coded, key=lambda entry: entry.on), State(pair))
    return dict(sorted(state.coded.items()))


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
