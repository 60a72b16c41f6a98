"""``tracker ingest``: draft entries from articles, show each field with its sentence, and append
the confirmed drafts to a log.

Exit status: 0 when the drafts are printed (or appended), 2 when the input is wrong (a file that
cannot be read, a page with no trustworthy date, a log that does not read or refuses the append).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import orjson

from tracker._arguments import UsageError, day
from tracker._codec import encode_entry
from tracker._entries import Entry
from tracker._errors import LogError
from tracker._store import append_entries, bundled_log, read_log
from tracker._text import printable, printable_json
from tracker.ingest._draft import Draft, DraftKind, draft_article
from tracker.ingest._page import UndatedPageError

__all__ = ["configure", "encode_draft", "run"]


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the arguments of ``tracker ingest`` to its parser."""
    parser.add_argument(
        "articles", nargs="+", type=Path, metavar="ARTICLE", help="article text files"
    )
    parser.add_argument("--json", action="store_true", help="print the drafts as JSON")
    parser.add_argument(
        "--published", type=day, help="the publication day, for pages without a trustworthy one"
    )
    parser.add_argument(
        "--append", type=Path, metavar="LOG", help="append the new drafts to this log, after checks"
    )
    parser.add_argument(
        "--log",
        type=Path,
        help="the log drafts are matched against (default: --append's log, else the bundled one)",
    )


def run(args: argparse.Namespace) -> int:
    """Draft every article; print the drafts, or append the new ones. Returns the exit status."""
    try:
        drafts = _drafts(args)
        if args.json:
            _print_json(drafts)
        else:
            _print_drafts(drafts)
        if args.append:
            _append(args.append, drafts)
    except LogError as error:
        return _fail("\n".join(printable(str(problem)) for problem in error.problems))
    except (UsageError, UndatedPageError) as error:
        return _fail(str(error))
    return 0


def _fail(message: str) -> int:
    _say(f"tracker: error: {message}")
    return 2


def _say(message: str) -> None:
    """A message (which may hold data) to stderr, made printable."""
    print(printable(message, lines=True), file=sys.stderr)


def _drafts(args: argparse.Namespace) -> list[Draft]:
    log_path = args.log or args.append or bundled_log()
    logged = read_log(log_path).entries if Path(log_path).exists() or args.log else ()
    drafts = []
    for path in args.articles:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as error:
            msg = f"{path}: cannot read the article: {error.strerror or error}"
            raise UsageError(msg) from None
        except UnicodeDecodeError as error:
            msg = f"{path}: not UTF-8 text ({error.reason} at byte {error.start})"
            raise UsageError(msg) from None
        drafts.append(draft_article(path.name, text, published=args.published, logged=logged))
    return drafts


def encode_draft(draft: Draft) -> dict[str, Any]:
    """A draft as JSON: its kind, the entry in the codec's form, evidence per field, reasons."""
    return {
        "article": draft.article,
        "kind": draft.kind.value,
        "corroborates": draft.corroborates or None,
        "entry": encode_entry(draft.entry) if draft.entry else None,
        "evidence": {
            item.field: {"quotes": list(item.quotes), "note": item.note} for item in draft.evidence
        },
        "reasons": list(draft.reasons),
        "published": {
            "day": draft.published.isoformat(),
            "how": next((e.note for e in draft.evidence if e.field == "published"), ""),
            "stamps": [
                {
                    "date": stamp.published.isoformat(),
                    "line": stamp.line,
                    "line_number": stamp.number,
                    "trust": stamp.trust.value,
                    "chosen": stamp == draft.stamp,
                }
                for stamp in draft.stamps
            ],
        },
        "dates": [
            {
                "phrase": mention.phrase,
                "from": mention.window.start.isoformat(),
                "to": mention.window.last.isoformat(),
                "tense": mention.tense.value,
                "quote": mention.quote,
            }
            for mention in draft.dates
        ],
    }


def _print_json(drafts: list[Draft]) -> None:
    payload = [encode_draft(draft) for draft in drafts]
    document = orjson.dumps(payload, option=orjson.OPT_INDENT_2)
    sys.stdout.buffer.write(printable_json(document) + b"\n")
    sys.stdout.flush()


_HEADS = {
    DraftKind.NEW: "new entry",
    DraftKind.CORROBORATION: "corroboration",
    DraftKind.UNCLASSIFIED: "unclassified",
}


def _print_drafts(drafts: list[Draft]) -> None:
    """Each draft, field by field, each field followed by how it was read and its sentences."""
    lines: list[str] = []
    for draft in drafts:
        head = f"{draft.article}: {_HEADS[draft.kind]}"
        lines.append(f"{head} of {draft.corroborates}" if draft.corroborates else head)
        if draft.entry is not None:
            for name, value in _fields(draft.entry):
                lines.append(f"  {name} = {value}")
                evidence = draft.evidence_for(name)
                if evidence is None:
                    continue
                if evidence.note:
                    lines.append(f"      ({evidence.note})")
                lines.extend(f"      “{quote}”" for quote in evidence.quotes)
        lines.extend(f"  ! {reason}" for reason in draft.reasons)
        lines.append("")
    sys.stdout.write("\n".join(map(printable, lines)) + "\n")
    sys.stdout.flush()


def _fields(entry: Entry) -> list[tuple[str, str]]:
    """The fields of a drafted entry as printed, with its first source's day and outlet."""
    data = encode_entry(entry)
    rows = [("type", data["type"])]
    for key, value in data.items():
        if key in ("type", "v", "sources", "participants", "follow_ups", "stances", "cooperation"):
            continue
        rows.append((key, _short(value)))
    for name in ("participants", "follow_ups", "stances", "cooperation"):
        for index, item in enumerate(data.get(name, [])):
            rows.append((f"{name}[{index}]", _short(item)))
    source = data["sources"][0]
    rows.append(("published", str(source.get("published", ""))))
    rows.append(("outlet", source["outlet"]))
    return rows


def _short(value: Any) -> str:
    if isinstance(value, dict):
        skip = ("quote",)
        return ", ".join(f"{k}: {_short(v)}" for k, v in value.items() if k not in skip)
    if isinstance(value, list):
        return "; ".join(_short(item) for item in value)
    return str(value)


def _append(path: Path, drafts: list[Draft]) -> None:
    """Append the new drafts in one write; say which drafts are left out and why."""
    for draft in drafts:
        if draft.kind is DraftKind.UNCLASSIFIED:
            _say(f"not appended: {draft.article} is unclassified")
        elif draft.kind is DraftKind.CORROBORATION:
            _say(
                f"not appended: {draft.article} corroborates {draft.corroborates}; "
                "add its source to that entry by hand"
            )
    new = [draft.entry for draft in drafts if draft.kind is DraftKind.NEW and draft.entry]
    if not new:
        _say(f"nothing appended to {path}")
        return
    if not path.exists():
        msg = f"{path}: no such log (create it first, even empty)"
        raise UsageError(msg)
    append_entries(path, new)
    _say(f"appended {len(new)} entr{'y' if len(new) == 1 else 'ies'} to {path}")
