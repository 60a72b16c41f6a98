"""Draft typed entries of an event log from news articles, every field tied to its sentence.

``tracker ingest`` reads article pages, dates them by the stamps they show (:class:`Stamp`,
trusted by :class:`Trust`), classifies the event each reports and prints drafts for a person
to confirm; patterns and dictionaries live in ``data/``.
"""

from tracker.ingest._command import configure, encode_draft, run
from tracker.ingest._draft import Draft, DraftKind, Evidence, draft_article
from tracker.ingest._page import UndatedPageError
from tracker.ingest._stamps import Stamp, Trust
from tracker.ingest._when import DateMention, Tense, find_dates

__all__ = [
    "DateMention",
    "Draft",
    "DraftKind",
    "Evidence",
    "Stamp",
    "Tense",
    "Trust",
    "UndatedPageError",
    "configure",
    "draft_article",
    "encode_draft",
    "find_dates",
    "run",
]
