"""Hypothesis strategies for tracker's entries, logs and states, for property-based tests.

Needs the ``testing`` extra (``pip install 'tracker[testing]'``). Importing this module also
registers the strategies with ``st.from_type``, so ``st.from_type(tracker.Suspension)``
draws valid suspensions. :mod:`tracker.testing` holds the laws of replay and a state machine
that checks them.
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as error:
    msg = (
        "tracker.strategies needs Hypothesis, which tracker installs with its testing extra: "
        "pip install 'tracker[testing]'"
    )
    raise ImportError(msg) from error

from hypothesis import strategies as st

from tracker._dates import DateWindow, Day
from tracker._entries import (
    CooperationNote,
    Dyad,
    Entry,
    FollowUp,
    Lift,
    Participant,
    Source,
    Stance,
)
from tracker._state import State
from tracker.strategies._entries import (
    MEETING_KINDS,
    drawable_types,
    entries,
    entries_on,
    register_entry_type,
)
from tracker.strategies._logs import BUILT_IN, corroborations, logs, states
from tracker.strategies._values import (
    DEFAULT_WINDOW,
    actors,
    cameo_codes,
    channels,
    cooperation_notes,
    date_windows,
    days,
    dyads,
    follow_ups,
    goldstein_values,
    ids,
    levels,
    lifts,
    missions,
    names,
    participants,
    precisions,
    roles,
    sources,
    stances,
    stated_days,
    texts,
    urls,
)

__all__ = [
    "BUILT_IN",
    "DEFAULT_WINDOW",
    "MEETING_KINDS",
    "actors",
    "cameo_codes",
    "channels",
    "cooperation_notes",
    "corroborations",
    "date_windows",
    "days",
    "drawable_types",
    "dyads",
    "entries",
    "entries_on",
    "follow_ups",
    "goldstein_values",
    "ids",
    "levels",
    "lifts",
    "logs",
    "missions",
    "names",
    "participants",
    "precisions",
    "register_entry_type",
    "roles",
    "sources",
    "stances",
    "stated_days",
    "states",
    "texts",
    "urls",
]

for _cls in drawable_types():
    st.register_type_strategy(_cls, entries([_cls]))
st.register_type_strategy(Entry, entries())
st.register_type_strategy(State, states())
st.register_type_strategy(Dyad, dyads())
st.register_type_strategy(DateWindow, date_windows(open_ended=True))
st.register_type_strategy(Day, stated_days())
st.register_type_strategy(Lift, lifts())
st.register_type_strategy(Source, sources())
st.register_type_strategy(Participant, participants())
st.register_type_strategy(Stance, stances())
st.register_type_strategy(FollowUp, follow_ups())
st.register_type_strategy(CooperationNote, cooperation_notes())
