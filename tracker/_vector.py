"""A persistent sequence: an immutable tuple kept in blocks, which the vectors made from it
share, so that the states of a long fold do not each hold a copy of every expectation.

A :class:`Vector` is read as a tuple is (it equals, hashes and prints as the tuple of its
items); :meth:`Vector.draft` gives a :class:`Draft` to write, which copies a block only when
it writes into it and :meth:`Draft.freeze` makes a vector of again. Appending and replacing
near the end, as a fold does, cost a block and the list of blocks, not the whole sequence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import chain
from typing import Any, Generic, TypeVar, overload

__all__ = ["BLOCK", "Draft", "Vector", "vector"]

T = TypeVar("T")

#: The most items a block holds: a draft writing one item copies at most this many.
BLOCK = 64

_Block = tuple[T, ...] | list[T]


def _blocks_of(items: Sequence[T]) -> tuple[tuple[T, ...], ...]:
    return tuple(tuple(items[at : at + BLOCK]) for at in range(0, len(items), BLOCK))


class Vector(Sequence[T]):
    """An immutable sequence, equal to the tuple of its items (and hashed as it), stored as
    blocks of at most :data:`BLOCK` items that the vectors drafted from it share."""

    __slots__ = ("_blocks", "_size")

    _blocks: tuple[tuple[T, ...], ...]
    _size: int

    def __init__(self, items: Iterable[T] = ()) -> None:
        blocks = _blocks_of(items if type(items) is tuple else tuple(items))
        self._blocks, self._size = blocks, sum(map(len, blocks))

    @classmethod
    def _made(cls, blocks: tuple[tuple[T, ...], ...], size: int) -> Vector[T]:
        made: Vector[T] = object.__new__(cls)
        made._blocks, made._size = blocks, size
        return made

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[T]:
        return chain.from_iterable(self._blocks)

    def __reversed__(self) -> Iterator[T]:
        return chain.from_iterable(map(reversed, reversed(self._blocks)))

    @overload
    def __getitem__(self, index: int) -> T: ...

    @overload
    def __getitem__(self, index: slice) -> Vector[T]: ...

    def __getitem__(self, index: int | slice) -> T | Vector[T]:
        if isinstance(index, slice):
            return Vector(tuple(self)[index])
        block, at = _place(self._blocks, self._size, index)
        return self._blocks[block][at]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Vector | tuple):
            return NotImplemented
        return len(self) == len(other) and tuple(self) == tuple(other)

    def __hash__(self) -> int:
        return hash(tuple(self))

    def __repr__(self) -> str:
        return repr(tuple(self))

    def __reduce__(self) -> tuple[Any, ...]:
        return (Vector, (tuple(self),))

    def draft(self) -> Draft[T]:
        """A draft of this vector to write, sharing every block until it writes into it."""
        return Draft(list(self._blocks), self._size)


def vector(items: Iterable[T]) -> Vector[T]:
    """``items`` as a vector: a vector as it is, anything else read into one."""
    return items if type(items) is Vector else Vector(items)


class Draft(Generic[T]):
    """A vector being written: its blocks shared (tuples) until written, then its own
    (lists). Removing items leaves no block less than half full beside another it fits in."""

    __slots__ = ("_blocks", "_size")

    def __init__(self, blocks: list[_Block[T]], size: int) -> None:
        self._blocks, self._size = blocks, size

    def __len__(self) -> int:
        return self._size

    def __iter__(self) -> Iterator[T]:
        return chain.from_iterable(self._blocks)

    def __reversed__(self) -> Iterator[T]:
        return chain.from_iterable(map(reversed, reversed(self._blocks)))

    def __getitem__(self, index: int) -> T:
        block, at = _place(self._blocks, self._size, index)
        return self._blocks[block][at]

    def __setitem__(self, index: int, item: T) -> None:
        block, at = _place(self._blocks, self._size, index)
        self._own(block)[at] = item

    def __delitem__(self, index: int) -> None:
        block, at = _place(self._blocks, self._size, index)
        del self._own(block)[at]
        self._size -= 1
        blocks = self._blocks
        left = len(blocks[block])
        if not left:
            del blocks[block]
        elif left < BLOCK // 2 and block and len(blocks[block - 1]) + left <= BLOCK:
            blocks[block - 1 : block + 1] = [[*blocks[block - 1], *blocks[block]]]

    def append(self, item: T) -> None:
        """Add ``item`` at the end."""
        blocks = self._blocks
        if blocks and len(blocks[-1]) < BLOCK:
            self._own(len(blocks) - 1).append(item)
        else:
            blocks.append([item])
        self._size += 1

    def freeze(self) -> Vector[T]:
        """The vector written so far; the draft shares its blocks with it from now on."""
        blocks = self._blocks
        for number, block in enumerate(blocks):
            if type(block) is list:
                blocks[number] = tuple(block)
        return Vector._made(tuple(blocks), self._size)  # type: ignore[arg-type]

    def _own(self, block: int) -> list[T]:
        """The block at ``block``, copied first if it is shared."""
        found = self._blocks[block]
        if type(found) is not list:
            found = self._blocks[block] = list(found)
        return found


def _place(blocks: Sequence[_Block[Any]], size: int, index: int) -> tuple[int, int]:
    """The block that holds item ``index`` of a vector of ``size`` items, and its place there;
    sought from the nearer end, as a fold writes mostly near the end."""
    if index < 0:
        index += size
    if not 0 <= index < size:
        msg = f"index {index} out of range for {size} items"
        raise IndexError(msg)
    if index < size // 2:
        for number, block in enumerate(blocks):
            if index < len(block):
                return number, index
            index -= len(block)
    back, number = size - index, len(blocks)  # back: 1 for the last item
    while True:
        number -= 1
        length = len(blocks[number])
        if back <= length:
            return number, length - back
        back -= length
