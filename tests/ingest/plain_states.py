"""States of the party dictionary that a text can name by their usual name alone, for drawing
sentences about any pair."""

from __future__ import annotations

from tracker.ingest._data import load
from tracker.ingest._parties import party_mentions, party_name


def plain_names(before: str) -> list[tuple[str, str]]:
    """The (name, code) of every state whose usual name names it alone at the start of a
    sentence and after the words ``before`` ("mediated by", "ties with")."""
    plain = []
    for code in load("countries")["countries"]:
        name = party_name(code)
        if name == code or name.startswith("the "):
            continue
        after = party_mentions(f"{before} {name}.")
        if party_mentions(f"{name} said") == ((code, 0),) and after == ((code, len(before) + 1),):
            plain.append((name, code))
    return plain
