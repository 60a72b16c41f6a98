"""Maps of a state read back from the index whose values are decoded only when they are read:
a late state of a long dyad holds its whole history (every meeting, measure, fulfilment and
occurrence), and folding a few entries onto it, or printing it, reads a few of its items.

A :class:`LazyMap` is an immutable map, as :class:`immutables.Map` is (the same reading
methods, ``set``, ``delete``, ``update`` and ``mutate``), of stored items, each decoded when
first read, and of the items set or removed since. Reading a key decodes that item alone (and
once many have been read one by one, every item at once); iterating its keys decodes none;
what reads the whole map (its values, comparing it, hashing it) decodes every stored item at once
into an :class:`immutables.Map`, once for every map made from the same stored items, so that
each item is decoded once and read back as the same object.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from collections.abc import Set as AbstractSet
from typing import Any, Generic, TypeVar, overload

from immutables import Map

__all__ = ["SINGLE_DECODES", "LazyMap", "LazyMutation", "Stored"]

V = TypeVar("V")
D = TypeVar("D")

#: Stands for a key a map does not hold.
_MISSING: Any = object()

#: How many items of a stored map are decoded one by one before all the others are decoded at
#: once (a fold onto a late state reads fewer of each map).
SINGLE_DECODES = 64


class Stored(Generic[V]):
    """Stored items (each key's value as stored) and how to decode some of them, shared by
    every map made from them: an item is decoded once, the whole map at most once."""

    __slots__ = ("_decode", "_keys", "_read", "_whole", "items")

    def __init__(
        self, items: Mapping[str, Any], decode: Callable[[dict[str, Any]], Mapping[str, V]]
    ) -> None:
        self.items = items
        self._decode = decode
        self._read: dict[str, V] = {}
        self._whole: Map[str, V] | None = None
        self._keys: Map[str, None] | None = None

    def value(self, key: str) -> V:
        """The decoded value of a stored key (:data:`_MISSING` when it is not stored); once
        :data:`SINGLE_DECODES` keys are decoded one at a time, every item, at once: what reads
        more (every key in turn, as writing the map does) reads them all, and decoding in bulk
        costs far less an item."""
        found = self._read.get(key, _MISSING)
        if found is _MISSING:
            if self._whole is not None:
                return self._whole.get(key, _MISSING)
            if len(self._read) >= SINGLE_DECODES:
                return self.whole().get(key, _MISSING)
            raw = self.items.get(key, _MISSING)
            if raw is _MISSING:
                return _MISSING  # type: ignore[no-any-return]
            found = self._read[key] = self._decode({key: raw})[key]
        return found  # type: ignore[no-any-return]

    def keys(self) -> Map[str, None]:
        """The stored keys, none of their values decoded, in the order of :meth:`whole`."""
        if self._whole is not None:
            return self._whole  # type: ignore[return-value]
        if self._keys is None:
            self._keys = Map(dict.fromkeys(self.items))
        return self._keys

    def whole(self) -> Map[str, V]:
        """Every stored item, decoded (those read before as they were read)."""
        if self._whole is None:
            unread = {key: raw for key, raw in self.items.items() if key not in self._read}
            if unread:
                self._read.update(self._decode(unread))
            self._whole = Map({key: self._read[key] for key in self.items})
        return self._whole


class _Layered(Generic[V]):
    """What a lazy map and its mutation read alike: the stored items, less those removed since
    (``_gone``), and those set since (``_changed``), ``_size`` of them in all."""

    __slots__ = ()
    _stored: Stored[V]
    _changed: Any
    _gone: AbstractSet[str]
    _size: int

    def __getitem__(self, key: str) -> V:
        found = _get(self._stored, self._changed, self._gone, key)
        if found is _MISSING:
            raise KeyError(key)
        return found

    @overload
    def get(self, key: str) -> V | None: ...

    @overload
    def get(self, key: str, default: D) -> V | D: ...

    def get(self, key: str, default: object = None) -> object:
        found = _get(self._stored, self._changed, self._gone, key)
        return default if found is _MISSING else found

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and _holds(self._stored, self._changed, self._gone, key)

    def __len__(self) -> int:
        return self._size


class LazyMap(_Layered[V], Mapping[str, V]):
    """An immutable map of :class:`Stored` items, less those removed since (``gone``), and
    of those set since (``changed``); ``size`` is how many items it holds."""

    __slots__ = ("_changed", "_gone", "_keys", "_map", "_size", "_stored")
    _gone: frozenset[str]

    def __init__(
        self,
        stored: Stored[V],
        changed: Map[str, V] | None = None,
        gone: frozenset[str] = frozenset(),
        size: int | None = None,
    ) -> None:
        self._stored = stored
        self._changed: Map[str, V] = Map() if changed is None else changed
        self._gone = gone
        self._size = len(stored.items) if size is None else size
        self._map: Map[str, V] | None = None
        self._keys: Map[str, Any] | None = None

    def whole(self) -> Map[str, V]:
        """This map as an :class:`immutables.Map`, every item decoded."""
        if self._map is None:
            whole = self._stored.whole()
            if self._gone or self._changed:
                mutation = whole.mutate()
                for key in self._gone:
                    mutation.pop(key)
                mutation.update(self._changed)
                whole = mutation.finish()
            self._map = whole
        return self._map

    def _key_map(self) -> Map[str, Any]:
        """A map of this map's keys, in the order of :meth:`whole`, no value decoded for it."""
        if self._map is not None:
            return self._map
        if self._keys is None:
            keys: Map[str, Any] = self._stored.keys()
            if self._gone or self._changed:
                mutation = keys.mutate()
                for key in self._gone:
                    mutation.pop(key)
                mutation.update(dict.fromkeys(self._changed.keys()))
                keys = mutation.finish()
            self._keys = keys
        return self._keys

    def __iter__(self) -> Iterator[str]:
        return iter(self._key_map())

    def keys(self) -> Any:
        return self._key_map().keys()

    def values(self) -> Any:
        return self.whole().values()

    def items(self) -> Any:
        return self.whole().items()

    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        if isinstance(other, LazyMap):
            return self.whole() == other.whole()
        if isinstance(other, Map):
            return self.whole() == other
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.whole())

    def __repr__(self) -> str:
        return repr(self.whole())

    def differing(self, other: LazyMap[V]) -> list[str] | None:
        """The keys whose items are not the same objects here and in ``other``, when both are
        made from the same stored items: found among those either changed or removed since,
        without reading the others; ``None`` for maps of other stored items."""
        if other._stored is not self._stored:
            return None
        keys = {*self._changed.keys(), *other._changed.keys(), *self._gone, *other._gone}
        return [key for key in keys if self.get(key) is not other.get(key)]

    def set(self, key: str, value: V) -> LazyMap[V]:
        mutation = self.mutate()
        mutation[key] = value
        return mutation.finish()

    def delete(self, key: str) -> LazyMap[V]:
        mutation = self.mutate()
        del mutation[key]
        return mutation.finish()

    def update(self, items: Mapping[str, V]) -> LazyMap[V]:
        mutation = self.mutate()
        for key, value in items.items():
            mutation[key] = value
        return mutation.finish()

    def mutate(self) -> LazyMutation[V]:
        """A mutation of this map, as :meth:`immutables.Map.mutate` gives."""
        return LazyMutation(self._stored, self._changed, self._gone, self._size)


class LazyMutation(_Layered[V]):
    """A :class:`LazyMap` being changed in place, as an :class:`immutables.MapMutation` is;
    :meth:`finish` makes the map it has become."""

    __slots__ = ("_changed", "_gone", "_size", "_stored")
    _gone: set[str]

    def __init__(
        self, stored: Stored[V], changed: Map[str, V], gone: frozenset[str], size: int
    ) -> None:
        self._stored = stored
        self._changed = changed.mutate()
        self._gone = set(gone)
        self._size = size

    def __setitem__(self, key: str, value: V) -> None:
        if not _holds(self._stored, self._changed, self._gone, key):
            self._size += 1
        self._changed[key] = value
        self._gone.discard(key)

    def set(self, key: str, value: V) -> None:
        self[key] = value

    def __delitem__(self, key: str) -> None:
        if not _holds(self._stored, self._changed, self._gone, key):
            raise KeyError(key)
        self._size -= 1
        self._changed.pop(key, None)
        if key in self._stored.items:
            self._gone.add(key)

    def pop(self, key: str, *default: V) -> V:
        found = _get(self._stored, self._changed, self._gone, key)
        if found is _MISSING:
            if default:
                return default[0]
            raise KeyError(key)
        del self[key]
        return found

    def update(self, items: Mapping[str, V]) -> None:
        for key, value in items.items():
            self[key] = value

    def finish(self) -> LazyMap[V]:
        """The map this mutation made."""
        return LazyMap(self._stored, self._changed.finish(), frozenset(self._gone), self._size)


def _get(stored: Stored[V], changed: Any, gone: AbstractSet[str], key: str) -> V:
    found = changed.get(key, _MISSING)
    if found is not _MISSING or key in gone:
        return found  # type: ignore[no-any-return]
    return stored.value(key)


def _holds(stored: Stored[Any], changed: Any, gone: AbstractSet[str], key: str) -> bool:
    return key in changed or (key not in gone and key in stored.items)
