"""The compiled decode of entry lines reads exactly what the reference decoder reads."""

from __future__ import annotations

from typing import Any

import attrs
import msgspec
import orjson
import pytest
from builders import lunch
from hypothesis import given
from hypothesis import strategies as st

import tracker
from tracker._compiled import _struct, compiled_entry, read_line
from tracker.strategies import entries

#: Values a hand-edited or hostile line may put where another belongs.
_ODD_VALUES = st.sampled_from(
    [
        None,
        True,
        0,
        -1,
        1.5,
        2**63,
        2**64 - 1,
        "",
        " ",
        "x",
        "NATO-RUS",
        "nato-rus",
        "2008-12-19",
        "2008-02-30",
        "2008-12",
        "0000-01-01",
        "2008-12-19T10:00",
        "a/b.txt",
        "\x1b[31m",
        "a\n",
        "NATO\n",
        "\u2003",
        "\u2003x",
        "forum",
        "0834",
        "12345",
        4,
        5,
        10,
        -10,
        10.5,
        -10.0,
        2**63 - 1,
        [],
        ["x"],
        [{}],
        {},
        {"x": 1},
    ]
)

Path = tuple[str | int, ...]


def _paths(value: Any, path: Path = ()) -> list[Path]:
    """Every place in a JSON value: the value itself, each key of an object, each item."""
    found = [path]
    if isinstance(value, dict):
        for key, item in value.items():
            found += _paths(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            found += _paths(item, (*path, index))
    return found


def _replaced(value: Any, path: Path, new: Any) -> Any:
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(value, dict):
        return {**value, head: _replaced(value[head], rest, new)}
    return [
        _replaced(item, rest, new) if index == head else item for index, item in enumerate(value)
    ]


def _removed(value: Any, path: Path) -> Any:
    head, rest = path[0], path[1:]
    if not rest:
        if isinstance(value, dict):
            return {key: item for key, item in value.items() if key != head}
        return [item for index, item in enumerate(value) if index != head]
    if isinstance(value, dict):
        return {**value, head: _removed(value[head], rest)}
    return [_removed(item, rest) if index == head else item for index, item in enumerate(value)]


@st.composite
def mutated_lines(draw: st.DrawFn) -> bytes:
    """The line of a drawn entry with one value replaced, one key or item removed, or one
    unknown key added, anywhere in it; shrinks towards a change at the top of the object."""
    encoded = tracker.encode_entry(draw(entries()))
    path = draw(st.sampled_from(_paths(encoded)))
    target: Any = encoded
    for step in path:
        target = target[step]
    action = draw(st.sampled_from(["replace", "remove", "add"]))
    if action == "remove" and path:
        mutated = _removed(encoded, path)
    elif action == "add" and isinstance(target, dict):
        key = draw(st.sampled_from(["extra", "Type", "v2", "quote "]))
        mutated = _replaced(encoded, path, {**target, key: draw(_ODD_VALUES)})
    else:
        mutated = _replaced(encoded, path, draw(_ODD_VALUES))
    return orjson.dumps(mutated)


def _reference(line: bytes) -> tracker.Entry:
    """The line read by the reference decoder, as a log reader reports it."""
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        raise tracker.FieldError(f"not valid JSON: {error}") from None
    return tracker.decode_entry(data)


@given(entries())
def test_the_compiled_pass_reads_every_entry_as_the_reference_does(entry: tracker.Entry) -> None:
    line = tracker.dumps_entry(entry)
    built, expected = compiled_entry(line), _reference(line)
    assert built == expected == entry
    assert (hash(built), repr(built)) == (hash(expected), repr(expected))
    assert read_line(line) == entry


@given(mutated_lines())
def test_a_line_the_reference_refuses_the_compiled_pass_refuses(line: bytes) -> None:
    refused: tracker.FieldError | None = None
    try:
        expected = _reference(line)
    except tracker.FieldError as error:
        refused = error
    if refused is None:  # the change left a valid entry: both read it alike
        assert read_line(line) == expected
        if orjson.loads(line).get("v") == type(expected).VERSION:
            built = compiled_entry(line)
            assert built == expected
            assert (hash(built), repr(built)) == (hash(expected), repr(expected))
        return
    with pytest.raises((TypeError, ValueError)):
        compiled_entry(line)
    with pytest.raises(tracker.FieldError) as error:
        read_line(line)
    assert (error.value.path, error.value.reason) == (refused.path, refused.reason)


@pytest.mark.parametrize(
    "line",
    [
        b'{"type": "informal_meeting", "type": "council_meeting"}',
        b'{"type": "suspension", "v": 1, "id": "a", "id": "b"}',
        b'{"type": "suspension", "v": true}',
        b'{"type": "suspension", "v": 1.0}',
        b"[]",
        b'"suspension"',
        b'{"type": 1, "v": 1}',
        b'{"type": "suspension", "v": 123456789012345678901234567890}',
        b'{"type": "suspension", "v": 1e400}',
        b'{"type": "suspension", "v": 1, "title": "\\ud800"}',
        b'{"type": "suspension", "v": 1}  x',
    ],
)
def test_odd_lines_fail_alike(line: bytes) -> None:
    with pytest.raises(tracker.FieldError) as refused:
        _reference(line)
    with pytest.raises(tracker.FieldError) as error:
        tracker.loads_entry(line)
    assert str(error.value) == str(refused.value)


def test_a_key_given_twice_is_read_as_its_last_value_by_both() -> None:
    line = tracker.dumps_entry(lunch())
    twice = line.replace(b'"title":', b'"title": "first", "title":', 1)
    assert compiled_entry(twice) == _reference(twice) == lunch()


def test_a_line_of_an_older_version_is_left_to_the_upcasters() -> None:
    line = tracker.dumps_entry(lunch()).replace(b'"v":1,', b'"v":0,', 1)
    with pytest.raises(ValueError, match="version 0"):
        compiled_entry(line)
    with pytest.raises(tracker.FieldError) as error:
        read_line(line)
    assert error.value.path == "v"


class _Positive:
    """A validator object that cannot be hashed, so it states no constraint."""

    __hash__ = None  # type: ignore[assignment]

    def __call__(self, _instance: object, _attribute: object, value: int) -> None:
        if value <= 0:
            msg = f"{value} is not positive"
            raise ValueError(msg)


@attrs.frozen
class _Counted:
    count: int = attrs.field(validator=_Positive())


def test_a_check_that_states_no_constraint_runs_after_the_pass() -> None:
    struct, plan = _struct(_Counted)
    assert plan.build(msgspec.json.decode(b'{"count": 2}', type=struct)) == _Counted(2)
    with pytest.raises(ValueError, match="0 is not positive"):
        plan.build(msgspec.json.decode(b'{"count": 0}', type=struct))


@given(entries())
def test_an_entry_keeps_its_occurrence_key_however_it_was_built(
    entry: tracker.Entry,
) -> None:
    key = entry.occurrence()
    assert entry.occurrence() is key  # built once, however often a fold asks it
    assert compiled_entry(tracker.dumps_entry(entry)).occurrence() == key
