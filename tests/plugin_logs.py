"""A log that uses the example plug-in's type (``sanctions_eased``), its sources cited by
address: a suspension, then the sanctions eased."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

SOURCE = {"outlet": "NATO", "published": "2014-04-01", "url": "https://www.nato.int/a"}
SUSPENDED = {
    "type": "suspension",
    "v": 1,
    "id": "nato-suspends-military-2014-04-01",
    "on": "2014-04-01",
    "parties": "NATO-RUS",
    "title": "NATO suspends practical cooperation",
    "by": "NATO",
    "channels": ["military"],
    "reason": "the annexation of Crimea",
    "cooperation": [{"area": "military_cooperation", "status": "suspended", "quote": "all of it"}],
    "sources": [SOURCE],
}
EASED = {
    "type": "sanctions_eased",
    "v": 1,
    "id": "nato-eases-2015-06-01",
    "on": "2015-06",
    "reported": "2015-06-30",
    "parties": "NATO-RUS",
    "title": "NATO eases its sanctions on military cooperation",
    "by": "NATO",
    "areas": ["military_cooperation"],
    "sources": [{**SOURCE, "published": "2015-06-30", "url": "https://www.nato.int/b"}],
}


def write_log(path: Path, *entries: dict[str, Any]) -> Path:
    path.write_text("".join(json.dumps(entry) + "\n" for entry in entries), encoding="utf-8")
    return path
