"""tracker: the history of a diplomatic relationship as an event log, replayed into its state.

The core (entries, state, reducer, replay, codec, stores) is pure and imports no UI; the
``tracker`` command and the terminal UI are thin layers over it. Each public name is imported
from its module when it is first used, so that a command loads only the modules it uses.
"""

import importlib
import typing

if typing.TYPE_CHECKING:
    from tracker._codec import (
        Upcaster,
        decode_entry,
        decode_state,
        dumps_entry,
        encode_entry,
        encode_state,
        upcaster,
    )
    from tracker._compiled import loads_entry
    from tracker._dates import DateWindow, Day, Precision, parse_day, parse_stated_day
    from tracker._entries import (
        HIGH_LEVEL,
        LEVELS,
        MILITARY,
        NRC,
        BodyDefunct,
        ChannelEstablished,
        CodedEvent,
        Condemnation,
        CooperationNote,
        CooperationStatus,
        CouncilMeeting,
        Declaration,
        Dyad,
        EconomicKind,
        EconomicMeasure,
        EconomicTarget,
        Entry,
        EventCode,
        Expulsion,
        FollowUp,
        ForceAction,
        InformalMeeting,
        Lift,
        MeetingAnnouncement,
        MinisterialDecision,
        Participant,
        PresenceAction,
        PresenceMeasure,
        Proposal,
        Role,
        Source,
        Stance,
        Suspension,
        UseOfForce,
        channel_role,
        entry_type,
        entry_types,
        level_of,
    )
    from tracker._errors import (
        AnomalyError,
        ConflictError,
        FieldError,
        LogError,
        Problem,
        StorageError,
        TrackerError,
    )
    from tracker._log import Log, Store
    from tracker._reducer import apply, checkpoints, fold, rule
    from tracker._replay import (
        DEFAULT_DYAD,
        Change,
        Explanation,
        Quote,
        Replay,
        Step,
        diff,
        flatten,
        replays,
    )
    from tracker._sqlite import SqliteStore
    from tracker._state import (
        Activity,
        Anomaly,
        ChannelStatus,
        CodedActivity,
        Effect,
        Fulfilment,
        Lifting,
        Measure,
        Meeting,
        Pending,
        Phase,
        State,
        coded_activity,
    )
    from tracker._store import (
        JsonlStore,
        Repair,
        append_entries,
        bundled_log,
        check_log,
        open_store,
        read_log,
    )
    from tracker._vector import Vector

    __version__: str

__all__ = [
    "DEFAULT_DYAD",
    "HIGH_LEVEL",
    "LEVELS",
    "MILITARY",
    "NRC",
    "Activity",
    "Anomaly",
    "AnomalyError",
    "BodyDefunct",
    "Change",
    "ChannelEstablished",
    "ChannelStatus",
    "CodedActivity",
    "CodedEvent",
    "Condemnation",
    "ConflictError",
    "CooperationNote",
    "CooperationStatus",
    "CouncilMeeting",
    "DateWindow",
    "Day",
    "Declaration",
    "Dyad",
    "EconomicKind",
    "EconomicMeasure",
    "EconomicTarget",
    "Effect",
    "Entry",
    "EventCode",
    "Explanation",
    "Expulsion",
    "FieldError",
    "FollowUp",
    "ForceAction",
    "Fulfilment",
    "InformalMeeting",
    "JsonlStore",
    "Lift",
    "Lifting",
    "Log",
    "LogError",
    "Measure",
    "Meeting",
    "MeetingAnnouncement",
    "MinisterialDecision",
    "Participant",
    "Pending",
    "Phase",
    "Precision",
    "PresenceAction",
    "PresenceMeasure",
    "Problem",
    "Proposal",
    "Quote",
    "Repair",
    "Replay",
    "Role",
    "Source",
    "SqliteStore",
    "Stance",
    "State",
    "Step",
    "StorageError",
    "Store",
    "Suspension",
    "TrackerError",
    "Upcaster",
    "UseOfForce",
    "Vector",
    "append_entries",
    "apply",
    "bundled_log",
    "channel_role",
    "check_log",
    "checkpoints",
    "coded_activity",
    "decode_entry",
    "decode_state",
    "diff",
    "dumps_entry",
    "encode_entry",
    "encode_state",
    "entry_type",
    "entry_types",
    "flatten",
    "fold",
    "level_of",
    "loads_entry",
    "open_store",
    "parse_day",
    "parse_stated_day",
    "read_log",
    "replays",
    "rule",
    "upcaster",
]

#: The module of the package that defines each public name.
_MODULES = {
    "_codec": (
        "Upcaster",
        "decode_entry",
        "decode_state",
        "dumps_entry",
        "encode_entry",
        "encode_state",
        "upcaster",
    ),
    "_compiled": ("loads_entry",),
    "_dates": ("DateWindow", "Day", "Precision", "parse_day", "parse_stated_day"),
    "_entries": (
        "HIGH_LEVEL",
        "LEVELS",
        "MILITARY",
        "NRC",
        "BodyDefunct",
        "ChannelEstablished",
        "CodedEvent",
        "Condemnation",
        "CooperationNote",
        "CooperationStatus",
        "CouncilMeeting",
        "Declaration",
        "Dyad",
        "EconomicKind",
        "EconomicMeasure",
        "EconomicTarget",
        "Entry",
        "EventCode",
        "Expulsion",
        "FollowUp",
        "ForceAction",
        "InformalMeeting",
        "Lift",
        "MeetingAnnouncement",
        "MinisterialDecision",
        "Participant",
        "PresenceAction",
        "PresenceMeasure",
        "Proposal",
        "Role",
        "Source",
        "Stance",
        "Suspension",
        "UseOfForce",
        "channel_role",
        "entry_type",
        "entry_types",
        "level_of",
    ),
    "_errors": (
        "AnomalyError",
        "ConflictError",
        "FieldError",
        "LogError",
        "Problem",
        "StorageError",
        "TrackerError",
    ),
    "_log": ("Log", "Store"),
    "_reducer": ("apply", "checkpoints", "fold", "rule"),
    "_replay": (
        "DEFAULT_DYAD",
        "Change",
        "Explanation",
        "Quote",
        "Replay",
        "Step",
        "diff",
        "flatten",
        "replays",
    ),
    "_sqlite": ("SqliteStore",),
    "_state": (
        "Activity",
        "Anomaly",
        "ChannelStatus",
        "CodedActivity",
        "Effect",
        "Fulfilment",
        "Lifting",
        "Measure",
        "Meeting",
        "Pending",
        "Phase",
        "State",
        "coded_activity",
    ),
    "_store": (
        "JsonlStore",
        "Repair",
        "append_entries",
        "bundled_log",
        "check_log",
        "open_store",
        "read_log",
    ),
    "_vector": ("Vector",),
}
_DEFINED_IN = {name: module for module, names in _MODULES.items() for name in names}


def __getattr__(name: str) -> object:
    """A public name, imported from its module the first time it is asked for; the version,
    read from the package's metadata."""
    if name == "__version__":
        value: object = _version()
    elif name in _DEFINED_IN:
        value = getattr(importlib.import_module(f"tracker.{_DEFINED_IN[name]}"), name)
    else:
        msg = f"module {__name__!r} has no attribute {name!r}"
        raise AttributeError(msg)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__, "__version__"})


def _version() -> str:
    """The installed package's version (one source of truth: its metadata)."""
    import importlib.metadata  # noqa: PLC0415 - costly, and only --version asks

    try:
        return importlib.metadata.version("tracker")
    except importlib.metadata.PackageNotFoundError:  # a source tree that was never installed
        return "0+unknown"
