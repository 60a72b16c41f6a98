"""A persistent map kept as an append-only table of rows that the maps made from it share, so
that the states of a long fold do not each hold a copy of the bookkeeping of every occurrence.

A :class:`Table` is read as an immutable map is (it equals and hashes as the
:class:`immutables.Map` of its items); it is the first ``n`` rows of a table of rows, each a
key set to a value or removed, and what it holds of a key is the last of that key's rows among
its own. A row added to a map's table is appended after the others: the maps made before see
no more rows than they did, and share every row with the new one. :meth:`Table.mutate` gives
a :class:`TableMutation` to write, as :meth:`immutables.Map.mutate` does.

A mutation of a map whose table has rows after its own (a fold going on from a state it had
gone past) writes them again when it writes what they hold, in their order, as a fold of the
same entries does; at the first row it writes otherwise, it starts a table of its own that
holds the rows it shares by reference to the table they are in, and appends after them.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping
from itertools import chain
from typing import Any, TypeVar, overload

from immutables import Map

__all__ = ["KeyedMutation", "KeyedTable", "Table", "TableMutation", "table"]

K = TypeVar("K")
V = TypeVar("V")
D = TypeVar("D")

#: The value of a row that removes its key; and what a key no row holds reads as.
_GONE: Any = object()

#: The places of rows, each number one object that every table's index shares: a table of a
#: long fold indexes a place for each of its rows, and the tables of other dyads, and other
#: parts of the state, count the same places again.
_PLACES: list[int] = list(range(1 << 12))


def _place(number: int) -> int:
    """The shared object of place ``number`` (the list of them grown to hold it)."""
    places = _PLACES
    if number >= len(places):
        places.extend(range(len(places), 2 * number + 1))
    return places[number]


class _Rows:
    """The rows of a table: its first ``base_size`` rows those of ``base`` (a table of no base
    of its own), the others its own, each key's places among them in ``index`` (one place, or
    a list of them, ascending)."""

    __slots__ = ("base", "base_size", "index", "keys", "values")

    def __init__(self, base: _Rows | None = None, base_size: int = 0) -> None:
        self.base, self.base_size = base, base_size
        self.keys: list[Any] = []
        self.values: list[Any] = []
        self.index: dict[Any, int | list[int]] = {}

    def __len__(self) -> int:
        return self.base_size + len(self.keys)

    def add(self, key: Any, value: Any) -> None:
        """Append a row (a place counted from the first row of the table, base included); a
        key with a row already is kept as the object of its first row, not as the equal text
        each write makes (a measure's key is made again each time it is eased or lifted)."""
        place = _place(self.base_size + len(self.keys))
        found = self.index.get(key)
        if found is None:
            self.index[key] = place
        elif isinstance(found, int):
            key = self.keys[found - self.base_size]
            self.index[key] = [found, place]
        else:
            key = self.keys[found[0] - self.base_size]
            found.append(place)
        self.keys.append(key)
        self.values.append(value)

    def row(self, place: int) -> tuple[Any, Any]:
        """The key and value of the row at ``place``."""
        if place < self.base_size:
            assert self.base is not None  # a table with base rows has one
            return self.base.row(place)
        own = place - self.base_size
        return self.keys[own], self.values[own]

    def value(self, key: Any, size: int) -> Any:
        """What the first ``size`` rows hold of ``key``: its last value among them."""
        found = self.index.get(key)
        if found is not None:
            if isinstance(found, int):
                if found < size:
                    return self.values[found - self.base_size]
            else:
                at = bisect_left(found, size)
                if at:
                    return self.values[found[at - 1] - self.base_size]
        if self.base is not None:
            return self.base.value(key, min(size, self.base_size))
        return _GONE

    def names(self) -> Iterator[Any]:
        """Every key a row of the table has, base included, each once."""
        base = self.base
        if base is None:
            return iter(self.index)
        return chain(base.index, (key for key in self.index if key not in base.index))


class _Reads(Mapping[K, V]):
    """What a table and its mutation read alike, each over its own :meth:`_value`: what it
    holds of a key, :data:`_GONE` for none."""

    __slots__ = ()
    _size: int

    def _value(self, key: Any) -> Any:
        raise NotImplementedError

    def __getitem__(self, key: K) -> V:
        found = self._value(key)
        if found is _GONE:
            raise KeyError(key)
        return found  # type: ignore[no-any-return]

    @overload
    def get(self, key: K) -> V | None: ...

    @overload
    def get(self, key: K, default: D) -> V | D: ...

    def get(self, key: K, default: object = None) -> object:
        found = self._value(key)
        return default if found is _GONE else found

    def __contains__(self, key: object) -> bool:
        return self._value(key) is not _GONE

    def __len__(self) -> int:
        return self._size


class Table(_Reads[K, V]):
    """An immutable map of the first ``n`` rows of a table of rows, which the maps written from
    it share; equal to (and hashed as) the :class:`immutables.Map` of its items."""

    __slots__ = ("_hash", "_length", "_rows", "_size")

    _rows: _Rows
    _length: int  # how many rows of the table are this map's
    _size: int  # how many keys it holds
    _hash: int | None

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        rows = _Rows()
        pairs = items.items() if isinstance(items, Mapping) else items
        written: dict[K, V] = {}
        for key, value in pairs:
            written[key] = value
        for key, value in written.items():
            rows.add(key, value)
        self._rows, self._length, self._size, self._hash = rows, len(rows), len(rows), None

    @classmethod
    def _made(cls, rows: _Rows, length: int, size: int) -> Table[K, V]:
        made: Table[K, V] = object.__new__(cls)
        made._rows, made._length, made._size, made._hash = rows, length, size, None
        return made

    def _value(self, key: Any) -> Any:
        return self._rows.value(key, self._length)

    def __iter__(self) -> Iterator[K]:
        return (key for key, _ in self._items())

    def _items(self) -> Iterator[tuple[K, V]]:
        """The items, each key read once however many rows it has."""
        rows, length = self._rows, self._length
        for key in rows.names():
            value = rows.value(key, length)
            if value is not _GONE:
                yield key, value

    def items(self) -> Any:
        return dict(self._items()).items()

    def values(self) -> Any:
        return dict(self._items()).values()

    def keys(self) -> Any:
        return dict(self._items()).keys()

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if isinstance(other, Table):
            return self._size == other._size and dict(self._items()) == dict(other._items())
        if isinstance(other, Mapping):
            return self._size == len(other) and dict(self._items()) == dict(other.items())
        return NotImplemented

    def __hash__(self) -> int:
        if self._hash is None:
            self._hash = hash(Map(dict(self._items())))
        return self._hash

    def __repr__(self) -> str:
        return f"Table({dict(self._items())!r})"

    def __reduce__(self) -> tuple[Any, ...]:
        return (table, (dict(self._items()),))

    def set(self, key: K, value: V) -> Table[K, V]:
        """This map with ``key`` set to ``value``."""
        mutation = self.mutate()
        mutation[key] = value
        return mutation.finish()

    def delete(self, key: K) -> Table[K, V]:
        """This map without ``key`` (:class:`KeyError` when it has none)."""
        mutation = self.mutate()
        del mutation[key]
        return mutation.finish()

    def update(self, items: Mapping[K, V]) -> Table[K, V]:
        """This map with the items of ``items`` set."""
        mutation = self.mutate()
        for key, value in items.items():
            mutation[key] = value
        return mutation.finish()

    def mutate(self) -> TableMutation[K, V]:
        """A mutation of this map, sharing its rows."""
        return TableMutation(self._rows, self._length, self._size)


def table(items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> Table[K, V]:
    """``items`` as a table: a table as it is, anything else read into one."""
    return items if type(items) is Table else Table(items)


class TableMutation(_Reads[K, V]):
    """A :class:`Table` being written, as an :class:`immutables.MapMutation` is; :meth:`finish`
    makes the map it has become. What it writes it holds apart until then, each key's last
    write only, so that a key written many times between two maps (a month's activity) adds
    one row. :meth:`finish` writes them as rows, in the order their keys were first written:
    each appended to the table it shares when its rows are the table's last, found there when
    the table's next row is that write, and else appended to a table of its own that holds
    the shared rows by reference."""

    __slots__ = ("_length", "_rows", "_size", "_written")

    def __init__(self, rows: _Rows, length: int, size: int) -> None:
        self._rows, self._length, self._size = rows, length, size
        self._written: dict[Any, Any] = {}

    def _value(self, key: Any) -> Any:
        found = self._written.get(key, self)
        return self._rows.value(key, self._length) if found is self else found

    def __iter__(self) -> Iterator[K]:
        return iter(self.finish())

    def __setitem__(self, key: K, value: V) -> None:
        was = self._value(key)
        if was is value:
            return
        self._written[key] = value
        if was is _GONE:
            self._size += 1

    def set(self, key: K, value: V) -> None:
        self[key] = value

    def __delitem__(self, key: K) -> None:
        if self._value(key) is _GONE:
            raise KeyError(key)
        self._written[key] = _GONE
        self._size -= 1

    def pop(self, key: K, *default: V) -> V:
        found = self._value(key)
        if found is _GONE:
            if default:
                return default[0]
            raise KeyError(key)
        del self[key]
        return found  # type: ignore[no-any-return]

    def update(self, items: Mapping[K, V]) -> None:
        for key, value in items.items():
            self[key] = value

    def _write(self, key: Any, value: Any) -> None:
        rows, length = self._rows, self._length
        if len(rows) != length:
            next_key, next_value = rows.row(length)
            if next_key == key and (next_value is value or next_value == value):
                self._length += 1  # the row the table has next: this write, made before
                return
            rows = self._rows = _fork(rows, length)
        rows.add(key, value)
        self._length += 1

    def finish(self) -> Table[K, V]:
        """The map this mutation made (it goes on sharing its rows with it)."""
        self._flush()
        return Table._made(self._rows, self._length, self._size)

    def _flush(self) -> None:
        """Write what this mutation holds apart as rows."""
        written = self._written
        if written:
            rows = self._rows
            for key, value in written.items():
                if rows.value(key, self._length) is not value:
                    self._write(key, value)
                    rows = self._rows
            written.clear()


def _fork(rows: _Rows, length: int) -> _Rows:
    """A table of its own of the first ``length`` rows of ``rows``: those of its base by
    reference to the base, its own rows among them copied."""
    if rows.base is None:
        return _Rows(rows, length)
    if length <= rows.base_size:
        return _Rows(rows.base, length)
    forked = _Rows(rows.base, rows.base_size)
    for own in range(length - rows.base_size):
        forked.add(rows.keys[own], rows.values[own])
    return forked


class KeyedTable(Table[K, V]):
    """A :class:`Table` that keeps each key in a form of its own, its code (a number where the
    key is a long text that a long fold writes again and again): it reads, compares, hashes,
    prints and pickles by its keys, each written out from its code as it is read, and is read
    by a key or by its code alike. A subclass gives the two conversions, :meth:`_code` (of a
    key, or of a code, which it gives back) and :meth:`_key`; its mutations write codes."""

    __slots__ = ()

    @staticmethod
    def _code(key: Any) -> Any:
        """The code of ``key`` (a code given back as it is)."""
        raise NotImplementedError

    @staticmethod
    def _key(code: Any) -> Any:
        """The key of which ``code`` is the code."""
        raise NotImplementedError

    def __init__(self, items: Mapping[K, V] | Iterable[tuple[K, V]] = ()) -> None:
        pairs = items.items() if isinstance(items, Mapping) else items
        code = self._code
        super().__init__((code(key), value) for key, value in pairs)

    def _value(self, key: Any) -> Any:
        if type(key) is str:  # a key as text (a code is given back as it is)
            key = self._code(key)
        return self._rows.value(key, self._length)

    def _items(self) -> Iterator[tuple[K, V]]:
        key = self._key
        return ((key(code), value) for code, value in Table._items(self))

    def values(self) -> Any:
        return dict(Table._items(self)).values()

    def coded(self) -> dict[Any, V]:
        """The items by the codes of their keys (what reads every key but writes none out)."""
        return dict(Table._items(self))

    @classmethod
    def key_of(cls, code: Any) -> K:
        """The key of which ``code`` is the code (a key given back as it is)."""
        return cls._key(cls._code(code))  # type: ignore[no-any-return]

    def __eq__(self, other: object) -> bool:
        if type(other) is type(self):
            assert isinstance(other, KeyedTable)  # for the type checker
            return other is self or (
                self._size == other._size and dict(Table._items(self)) == dict(Table._items(other))
            )
        return super().__eq__(other)

    __hash__ = Table.__hash__

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (dict(self._items()),))

    def mutate(self) -> KeyedMutation[K, V]:
        return KeyedMutation(self._rows, self._length, self._size, type(self))


class KeyedMutation(TableMutation[K, V]):
    """A :class:`KeyedTable` being written: by keys or codes alike, holding codes."""

    __slots__ = ("_kind",)

    def __init__(self, rows: _Rows, length: int, size: int, kind: type[KeyedTable[K, V]]) -> None:
        self._rows, self._length, self._size = rows, length, size
        self._written: dict[Any, Any] = {}
        self._kind = kind

    def _value(self, key: Any) -> Any:
        if type(key) is str:  # a key as text (a code is given back as it is)
            key = self._kind._code(key)
        found = self._written.get(key, self)
        return self._rows.value(key, self._length) if found is self else found

    def __setitem__(self, key: K, value: V) -> None:
        code: Any = self._kind._code(key) if type(key) is str else key
        found = self._written.get(code, self)
        was = self._rows.value(code, self._length) if found is self else found
        if was is value:
            return
        self._written[code] = value
        if was is _GONE:
            self._size += 1

    def __delitem__(self, key: K) -> None:
        TableMutation.__delitem__(self, self._kind._code(key) if type(key) is str else key)

    def finish(self) -> KeyedTable[K, V]:
        self._flush()
        return self._kind._made(self._rows, self._length, self._size)  # type: ignore[return-value]
