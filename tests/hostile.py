"""Hostile data for the tests of "data is text": markup and control characters in every text
of a log and its article, and how to tell that output is safe."""

from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import orjson
from builders import day, lunch, suspension
from hypothesis import strategies as st

import tracker

#: Unicode's Bidi_Control characters, listed by hand so that the tests do not trust the module.
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
#: Markup that Rich or Textual would turn into a style, a link or an action, and text that
#: acts on a terminal: a title, a clear screen, a colour, a CSI in one byte, a reversal.
FRAGMENTS = (
    "[bold red]x[/]",
    "[/]",
    "[link=file:///etc/passwd]LINK[/link]",
    '[link="file:///etc/passwd"]LINK[/link]',
    "[@click=app.quit]q[/]",
    "[#123456 on #abcdef]c[/]",
    "[blink]b[/blink]",
    ":smile:",
    "\\[",
    "[",
    "\x1b]0;pwned\x07",
    "\x1b[2J",
    "\x1b[31m",
    "\x9b2J",
    "\x00",
    "\x7f",
    "\x85",
    "\r",
    "\n",
    "\t",
    "\x08",
    "\u202e",
    "\u2066",
    "\u2069",
    "\u200f",
    "\u2028",
)
#: One text with a bit of each.
HOSTILE = (
    "T \x1b]0;pwned\x07 \x1b[2J [/] [link=file:///etc/passwd]LINK[/link] [bold red]x[/] \u202eend"
)


def acts_on_a_terminal(char: str) -> bool:
    """Whether a terminal would obey ``char`` or let it reorder the text around it."""
    return unicodedata.category(char) in {"Cc", "Cs", "Zl", "Zp"} or char in BIDI_CONTROLS


def unsafe(output: str) -> set[str]:
    """The characters of ``output`` that act on a terminal, but for the line feeds."""
    return {char for char in output if char != "\n" and acts_on_a_terminal(char)}


def hostile_texts(*, returns: bool = True) -> st.SearchStrategy[str]:
    """Non-empty text full of markup and control characters (without carriage returns, for
    quotes: an article's line ends are read as line feeds)."""
    fragments = FRAGMENTS if returns else tuple(f for f in FRAGMENTS if "\r" not in f)
    characters = st.characters(exclude_categories=("Cs",), exclude_characters="\r")
    pieces = st.sampled_from(fragments) | st.text(characters, max_size=4)
    return st.lists(pieces, min_size=1, max_size=5).map(lambda pieces: "T" + "".join(pieces))


def write_log(folder: Path, text: str, quote: str, article: str) -> Path:
    """A log in ``folder`` whose texts are all ``text``, quoting ``quote`` from ``article``."""
    (folder / "articles").mkdir()
    (folder / "articles" / "a.txt").write_text(f"{article}\n\n{quote} {article}\n", "utf-8")
    published = day("2008-12-19")
    source = tracker.Source(text, "a.txt", headline=text, published=published, quotes=(quote,))
    window = tracker.DateWindow(day("2009-01-01"), day("2009-01-31"))
    entries = [
        suspension(sources=(source,)),
        lunch(
            title=text,
            sources=(source,),
            stances=(tracker.Stance("RUS", "georgia_war", text, quote, text),),
            follow_ups=(tracker.FollowUp("council_meeting", window, text, quote),),
        ),
    ]
    path = folder / "log.jsonl"
    tracker.append_entries(path, entries)
    return path


def broken(path: Path, text: str) -> Path:
    """A copy of the log at ``path`` with two bad lines: one whose day is ``text``, one whose
    type is."""
    copy = path.with_name("broken.jsonl")
    shutil.copy(path, copy)
    line = {**orjson.loads(path.read_bytes().splitlines()[0]), "on": text, "id": "x"}
    with copy.open("ab") as log:
        log.write(orjson.dumps(line) + b"\n" + orjson.dumps({**line, "type": text}) + b"\n")
    return copy
