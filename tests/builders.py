"""Small, explicit entries for unit tests: each call names only what the test is about."""

from __future__ import annotations

from datetime import date
from typing import Any

import tracker

NATO_RUS = tracker.Dyad("NATO", "RUS")
SOURCE = tracker.Source(
    "Test Wire", "test.txt", published=date(2009, 1, 1), quotes=("A sentence.",)
)


def day(text: str) -> date:
    return date.fromisoformat(text)


def entry(kind: type[tracker.Entry], on: str, id: str | None = None, **fields: Any) -> Any:
    """An entry of type ``kind`` on day ``on`` with a source; ``fields`` add or override."""
    base: dict[str, Any] = {
        "id": id or f"{kind.TYPE}-{on}",
        "on": day(on),
        "reported": day(on),
        "parties": NATO_RUS,
        "title": f"{kind.TYPE} on {on}",
        "sources": (SOURCE,),
    }
    return kind(**{**base, **fields})


def follow_up(kind: str, start: str, end: str, phrase: str = "soon") -> tracker.FollowUp:
    return tracker.FollowUp(kind, tracker.DateWindow(day(start), day(end)), phrase, "A sentence.")


def suspension(on: str = "2008-08-19", **fields: Any) -> tracker.Suspension:
    defaults = {"by": "NATO", "channels": (tracker.NRC, tracker.HIGH_LEVEL), "reason": "war"}
    return entry(tracker.Suspension, on, **{**defaults, **fields})


def decision(on: str = "2008-12-02", **fields: Any) -> tracker.MinisterialDecision:
    defaults = {
        "by": "NATO",
        "body": "foreign ministers",
        "decision": "re-engage",
        "resumes": (tracker.NRC, tracker.HIGH_LEVEL),
    }
    return entry(tracker.MinisterialDecision, on, **{**defaults, **fields})


def lunch(on: str = "2008-12-19", **fields: Any) -> tracker.InformalMeeting:
    return entry(tracker.InformalMeeting, on, **{"format": "lunch", **fields})


def council(
    on: str = "2009-01-26", *, formal: bool = False, **fields: Any
) -> tracker.CouncilMeeting:
    return entry(
        tracker.CouncilMeeting, on, **{"level": "ambassadorial", "formal": formal, **fields}
    )


def established(on: str = "2002-05-28", **fields: Any) -> tracker.ChannelEstablished:
    defaults = {"channel": tracker.NRC, "body": "NATO-Russia Council"}
    return entry(tracker.ChannelEstablished, on, **{**defaults, **fields})


def replay_of(*entries: tracker.Entry) -> tracker.State:
    """The state after folding ``entries`` in order."""
    return tracker.fold(entries, tracker.State(NATO_RUS))


def lift(target: str, *levels: str, effective: str | None = None) -> tracker.Lift:
    return tracker.Lift(target, levels, day(effective) if effective else None)


def lifting(on: str, *lifts: tracker.Lift, **fields: Any) -> tracker.MinisterialDecision:
    """A decision of NATO's ministers that lifts ``lifts``."""
    return decision(on, **{"resumes": (), "lifts": lifts, "id": f"lifting-{on}", **fields})


def presence(
    on: str, action: str, mission: str = "rus_mission", of: str = "RUS", **fields: Any
) -> tracker.PresenceMeasure:
    defaults = {"by": "NATO", "mission": mission, "of": of, "action": action}
    return entry(
        tracker.PresenceMeasure, on, **{"id": f"{mission}-{action}-{on}", **defaults, **fields}
    )


def expulsion(on: str, **fields: Any) -> tracker.Expulsion:
    defaults = {"by": "NATO", "mission": "rus_mission", "persons": "eight officials", "count": 8}
    return entry(tracker.Expulsion, on, **{**defaults, **fields})
