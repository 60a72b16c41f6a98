"""Machine-coded event data beside the curated log: GDELT 1.0 and 2.0, ICEWS and PLOVER read
into a log as ``coded_event`` entries, and a dyad's entries written as PLOVER records or
CAMEO-coded rows.

Coded events are evidence of activity, not curated facts: they move no channel, measure or
level of relations, and count in the state's coded activity (:func:`tracker.coded_activity`).
"""

from tracker.coded._activity import activity_by, activity_of_log
from tracker.coded._actors import ActorMap, default_actors
from tracker.coded._codes import (
    PLOVER_CATEGORIES,
    QUAD_CLASSES,
    plover_category,
    plover_of,
    quad_of_cameo,
    quad_of_plover,
)
from tracker.coded._export import CAMEO_TSV_COLUMNS, write_cameo_tsv, write_plover
from tracker.coded._import import FORMATS, BadRows, ImportReport, detect_format, import_coded

__all__ = [
    "CAMEO_TSV_COLUMNS",
    "FORMATS",
    "PLOVER_CATEGORIES",
    "QUAD_CLASSES",
    "ActorMap",
    "BadRows",
    "ImportReport",
    "activity_by",
    "activity_of_log",
    "default_actors",
    "detect_format",
    "import_coded",
    "plover_category",
    "plover_of",
    "quad_of_cameo",
    "quad_of_plover",
    "write_cameo_tsv",
    "write_plover",
]
