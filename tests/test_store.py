"""Reading, checking and appending logs: every bad line is named, nothing is half-loaded."""

from __future__ import annotations

import shutil
from pathlib import Path

import orjson
import pytest
from builders import lunch
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import tracker


@pytest.fixture
def copy(tmp_path: Path, bundled: tracker.Log) -> Path:
    """A writable copy of the bundled log, with its articles."""
    shutil.copytree(bundled.path.parent / "articles", tmp_path / "articles")
    return Path(shutil.copy(bundled.path, tmp_path / "log.jsonl"))


def _lines(path: Path) -> list[bytes]:
    return path.read_bytes().splitlines()


def test_the_bundled_log_checks_clean(bundled: tracker.Log) -> None:
    assert tracker.check_log(bundled.path) == ()
    assert [str(dyad) for dyad in bundled.dyads()] == ["NATO-RUS", "EU-RUS"]


def test_each_article_is_cited_and_shipped(bundled: tracker.Log) -> None:
    cited = {source.article for entry in bundled.entries for source in entry.sources}
    shipped = {path.name for path in (bundled.path.parent / "articles").iterdir()}
    assert cited == shipped
    assert len(shipped) == 5


def test_every_bad_line_is_reported_and_nothing_is_loaded(copy: Path) -> None:
    lines = _lines(copy)
    lines[1] = b"{not json"
    lines[4] = lines[4].replace(b'"v":1', b'"v":"one"')
    lines[7] = lines[0]
    copy.write_bytes(b"\n".join(lines) + b"\n")
    with pytest.raises(tracker.LogError) as caught:
        tracker.read_log(copy)
    assert [(p.line, p.field) for p in caught.value.problems] == [(2, None), (5, "v"), (8, "id")]
    assert (
        str(caught.value.problems[2])
        == f"{copy}:8: id: duplicate id 'nrc-established-2002', first used on line 1"
    )


def test_a_torn_last_line_is_named(copy: Path) -> None:
    copy.write_bytes(copy.read_bytes()[:-40])
    with pytest.raises(tracker.LogError, match=r":9: the last line is incomplete"):
        tracker.read_log(copy)


def test_a_missing_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    with pytest.raises(tracker.LogError, match="cannot read the log: No such file"):
        tracker.read_log(tmp_path / "absent.jsonl")


def test_blank_lines_are_skipped_and_lines_keep_their_numbers(copy: Path) -> None:
    copy.write_bytes(b"\n" + copy.read_bytes())
    log = tracker.read_log(copy)
    assert log.lines[0] == 2
    assert log.line_of("informal-nrc-2009-01-26") == 10


def test_checking_finds_quotes_the_articles_do_not_contain(copy: Path) -> None:
    copy.write_bytes(copy.read_bytes().replace(b"met over lunch Friday", b"met over dinner Friday"))
    problems = tracker.check_log(copy)
    assert [(p.line, p.field) for p in problems] == [(7, "sources[0].quotes[0]")]
    assert "not found verbatim in 000_e32c3813ae8f4a48.txt" in problems[0].message


def test_checking_finds_an_article_that_is_missing(copy: Path) -> None:
    (copy.parent / "articles" / "003_9d97e0fe09217663.txt").unlink()
    fields = {(p.line, p.field) for p in tracker.check_log(copy)}
    assert (3, "sources[0].article") in fields
    assert (9, "sources[0].article") in fields


def test_append_adds_whole_lines_after_what_was_there(copy: Path) -> None:
    before = copy.read_bytes()
    tracker.append_entries(
        copy, [lunch("2009-02-06", id="munich"), lunch("2009-02-07", id="after")]
    )
    after = copy.read_bytes()
    assert after.startswith(before)
    assert [entry.id for entry in tracker.read_log(copy).entries][-2:] == ["munich", "after"]


def test_append_refuses_a_known_id_and_writes_nothing(copy: Path) -> None:
    before = copy.read_bytes()
    with pytest.raises(
        tracker.LogError,
        match=r":11: id: id 'informal-nrc-2009-01-26' is in the log already, with other content",
    ):
        tracker.append_entries(
            copy,
            [lunch("2009-02-06", id="fine"), lunch("2009-02-07", id="informal-nrc-2009-01-26")],
        )
    assert copy.read_bytes() == before


def test_append_refuses_to_extend_a_broken_log(copy: Path) -> None:
    copy.write_bytes(copy.read_bytes()[:-10])
    before = copy.read_bytes()
    with pytest.raises(tracker.LogError):
        tracker.append_entries(copy, [lunch("2009-02-06", id="fine")])
    assert copy.read_bytes() == before


def _problems(path: Path) -> tuple[tracker.Problem, ...]:
    """What reading the log reports, if anything."""
    try:
        tracker.read_log(path)
    except tracker.LogError as error:
        return error.problems
    return ()


def _corrupt(line: bytes, data: st.DataObject) -> bytes:
    """Damage one line within itself: cut it, or overwrite, insert or delete bytes."""
    kind = data.draw(st.sampled_from(["truncate", "overwrite", "insert", "delete"]))
    at = data.draw(st.integers(0, len(line) - 1))
    if kind == "truncate":
        return line[:at]
    if kind == "delete":
        return line[:at] + line[at + 1 :]
    junk = data.draw(st.binary(min_size=1, max_size=8).map(lambda raw: raw.replace(b"\n", b" ")))
    if kind == "insert":
        return line[:at] + junk + line[at:]
    return line[:at] + junk + line[at + len(junk) :]


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=200)
@given(data=st.data())
def test_a_corrupted_line_never_crashes_the_loader_and_is_named(
    copy: Path, data: st.DataObject
) -> None:
    lines = _lines(copy)
    index = data.draw(st.integers(0, len(lines) - 1), label="line index")
    corrupted = _corrupt(lines[index], data)
    damaged = copy.with_name("damaged.jsonl")
    damaged.write_bytes(b"\n".join([*lines[:index], corrupted, *lines[index + 1 :]]) + b"\n")
    named = {problem.line for problem in _problems(damaged)}
    if named:
        assert index + 1 in named
        assert named <= {index + 1, len(lines)}
    else:
        # The damage left a valid entry (inside a free-text field, say), or a blank line.
        assert len(tracker.read_log(damaged)) == len(lines) - (not corrupted.strip())


@given(cut=st.integers(min_value=1))
def test_a_truncated_line_is_always_an_error_naming_it(bundled: tracker.Log, cut: int) -> None:
    lines = bundled.path.read_bytes().splitlines()
    index = cut % len(lines)
    line = lines[index]
    shortened = line[: cut % len(line)] if cut % len(line) else line[:1]
    with pytest.raises(tracker.FieldError):
        tracker.loads_entry(shortened)


def test_a_retried_append_finds_an_entry_written_by_hand(copy: Path) -> None:
    munich = lunch("2009-02-06", id="munich")
    by_hand = orjson.dumps(tracker.encode_entry(munich), option=orjson.OPT_INDENT_2)
    copy.write_bytes(copy.read_bytes() + by_hand.replace(b"\n", b"") + b"\n")
    lines = copy.read_bytes().count(b"\n")
    assert b'"id": "munich"' in copy.read_bytes()  # spelled with a space, not canonically
    assert tracker.append_entries(copy, [munich, lunch("2009-02-07", id="after")]) == lines + 1
    assert [entry.id for entry in tracker.read_log(copy).entries][-2:] == ["munich", "after"]
