"""The laws of replay as checks, the naive fold they are checked against, and a Hypothesis state
machine that checks them on growing logs: property-test tracker, or your own event types.

Needs the ``testing`` extra (``pip install 'tracker[testing]'``)::

    from tracker.testing import ReplayMachine, check_replay_laws

    check_replay_laws(entries=my_entries)          # one call, or one subclass:

    class MyMachine(ReplayMachine):
        entries = my_entries

    TestMine = MyMachine.TestCase
"""

from __future__ import annotations

from tracker.strategies._laws import (
    Checkpoints,
    Law,
    LawViolation,
    Reducer,
    check_accumulator,
    check_anomalies,
    check_codec,
    check_determinism,
    check_duplicates,
    check_fold,
    check_follow_ups_resolved,
    check_in_force,
    check_known_at,
    check_lapse,
    check_level,
    check_measures,
    check_overdue,
    check_precision,
    check_replay,
    check_split_fold,
    check_state_at,
    check_steps,
    check_strict,
    reference_fold,
)
from tracker.strategies._machine import DEFAULT_SETTINGS, ReplayMachine, check_replay_laws

__all__ = [
    "DEFAULT_SETTINGS",
    "Checkpoints",
    "Law",
    "LawViolation",
    "Reducer",
    "ReplayMachine",
    "check_accumulator",
    "check_anomalies",
    "check_codec",
    "check_determinism",
    "check_duplicates",
    "check_fold",
    "check_follow_ups_resolved",
    "check_in_force",
    "check_known_at",
    "check_lapse",
    "check_level",
    "check_measures",
    "check_overdue",
    "check_precision",
    "check_replay",
    "check_replay_laws",
    "check_split_fold",
    "check_state_at",
    "check_steps",
    "check_strict",
    "reference_fold",
]
