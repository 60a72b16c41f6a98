"""Data is text: any string from a log, an article or a database, made safe to show.

Control characters (C0, DEL, C1), Unicode's bidirectional controls (marks, embeddings,
overrides, isolates), the line and paragraph separators and lone surrogates are written out as
escapes (``\\x1b``, ``\\u202e``), so that a terminal shows them instead of obeying them and the
text around them keeps its order. Markup is left as it is: the callers show the result as plain
text, never as markup.
"""

from __future__ import annotations

import re

__all__ = ["printable", "printable_json"]

#: The code points written out, as inclusive ranges: C0 and DEL, C1, Unicode's Bidi_Control
#: characters, the line and paragraph separators, surrogates.
_UNSAFE = (
    (0x00, 0x1F),
    (0x7F, 0x7F),
    (0x80, 0x9F),
    (0x061C, 0x061C),
    (0x200E, 0x200F),
    (0x2028, 0x202E),
    (0x2066, 0x2069),
    (0xD800, 0xDFFF),
)
_NAMED = {"\t": "\\t", "\n": "\\n", "\r": "\\r"}


def _class(ranges: tuple[tuple[int, int], ...]) -> str:
    return "".join(f"\\u{low:04x}-\\u{high:04x}" for low, high in ranges)


_ANY = re.compile(f"[{_class(_UNSAFE)}]")
#: The same, but for line feeds and tabs, and a line feed's carriage return to drop.
_IN_LINES = re.compile(f"\r\n|[{_class(((0x00, 0x08), (0x0B, 0x1F), *_UNSAFE[1:]))}]")


def _escape(match: re.Match[str]) -> str:
    char = match.group()
    if char == "\r\n":
        return "\n"
    if char in _NAMED:
        return _NAMED[char]
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with every character that could act on a terminal or reorder text written out as
    an escape; with ``lines``, line feeds and tabs are kept (and CRLF read as a line feed)."""
    return (_IN_LINES if lines else _ANY).sub(_escape, text)


def _by_first_byte(ranges: tuple[tuple[int, int], ...]) -> tuple[re.Pattern[bytes], ...]:
    """Patterns of the UTF-8 of ``ranges`` (the code points of a range differ only in their last
    byte), one per first byte: a pattern that starts with a literal byte is searched for fast."""
    tails: dict[bytes, list[bytes]] = {}
    for low, high in ranges:
        first, last = chr(low).encode(), chr(high).encode()
        tail = re.escape(first[1:-1]) + b"[\\x%02x-\\x%02x]" % (first[-1], last[-1])
        tails.setdefault(first[:1], []).append(tail if len(first) > 1 else b"")
    return tuple(
        re.compile(re.escape(lead) + b"(?:" + b"|".join(alternatives) + b")")
        for lead, alternatives in tails.items()
    )


#: In JSON, C0 controls are escaped already and surrogates cannot be written in UTF-8.
_IN_JSON = _by_first_byte(_UNSAFE[1:-1])


def _json_escape(match: re.Match[bytes]) -> bytes:
    return b"\\u%04x" % ord(match.group().decode())


def printable_json(document: bytes) -> bytes:
    """A UTF-8 JSON document with the characters :func:`printable` writes out as ``\\uXXXX``
    escapes: the same JSON, safe on a terminal."""
    for pattern in _IN_JSON:
        document = pattern.sub(_json_escape, document)
    return document
