"""A dyad's monthly coded activity from a log: SQLite's aggregate is the fold's."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

import tracker
from tests.coded.rows import gdelt, gdelt_rows, write
from tracker.coded import activity_by, activity_of_log, import_coded

NATO_RUS = tracker.Dyad("NATO", "RUS")


def _same(one: dict[str, tracker.CodedActivity], other: dict[str, tracker.CodedActivity]) -> None:
    assert list(one) == list(other)
    for month, bucket in one.items():
        theirs = other[month]
        assert (bucket.events, bucket.scored) == (theirs.events, theirs.scored)
        assert bucket.goldstein_total == pytest.approx(theirs.goldstein_total)
        assert bucket == tracker.CodedActivity(
            theirs.verbal_cooperation,
            theirs.material_cooperation,
            theirs.verbal_conflict,
            theirs.material_conflict,
            bucket.goldstein_total,
            theirs.scored,
        )


@settings(max_examples=30, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=gdelt_rows())
def test_sqlite_aggregates_what_the_fold_gives(
    tmp_path_factory: pytest.TempPathFactory, rows: list[str]
) -> None:
    tmp = tmp_path_factory.mktemp("activity")
    source = write(tmp / "in.tsv", *rows)
    import_coded([source], tmp / "log.sqlite")
    import_coded([source], tmp / "log.jsonl")
    if not (tmp / "log.jsonl").exists():
        return
    for pair in tracker.read_log(tmp / "log.jsonl").dyads():
        folded = activity_of_log(tracker.open_store(tmp / "log.jsonl"), pair)
        _same(activity_of_log(tracker.open_store(tmp / "log.sqlite"), pair), folded)
        assert sum(bucket.events for bucket in folded.values()) == sum(
            1 for entry in tracker.read_log(tmp / "log.jsonl").entries if entry.parties == pair
        )


def test_a_row_whose_columns_lie_is_reported_not_believed(tmp_path: Path) -> None:
    log = tmp_path / "log.sqlite"
    row = gdelt(Actor1Code="RUS", Actor2Code="IGOWSTNAT")
    import_coded([write(tmp_path / "a.tsv", row)], log)
    with sqlite3.connect(log) as db:
        db.execute("UPDATE entries SET on_day = '2010-01-01'")
    with pytest.raises(tracker.LogError, match="on_day column says"):
        activity_of_log(tracker.open_store(log), NATO_RUS)


def test_months_sum_into_years() -> None:
    months = {
        "2014-01": tracker.CodedActivity(1, 0, 0, 0, 2.0, 1),
        "2014-02": tracker.CodedActivity(0, 0, 0, 2, -9.0, 2),
        "2015-01": tracker.CodedActivity(0, 1, 0, 0, 0.0, 0),
    }
    years = activity_by(months, "year")
    assert years == {
        "2014": tracker.CodedActivity(1, 0, 0, 2, -7.0, 3),
        "2015": tracker.CodedActivity(0, 1, 0, 0, 0.0, 0),
    }
    assert years["2014"].goldstein_mean == pytest.approx(-7.0 / 3)
    assert years["2015"].goldstein_mean is None
    with pytest.raises(ValueError, match="by month or by year"):
        activity_by(months, "week")
