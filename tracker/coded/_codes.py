"""CAMEO and PLOVER codes: what quad class a CAMEO code falls in, and its PLOVER category.

Facts of the two ontologies (the CAMEO codebook's twenty root codes; the PLOVER manual's
sixteen event categories), written here as tables of our own.
"""

from __future__ import annotations

from types import MappingProxyType

__all__ = [
    "PLOVER_CATEGORIES",
    "QUAD_CLASSES",
    "plover_category",
    "plover_of",
    "quad_of_cameo",
    "quad_of_plover",
]

#: The quad classes of CAMEO, by number.
QUAD_CLASSES = MappingProxyType(
    {
        1: "verbal_cooperation",
        2: "material_cooperation",
        3: "verbal_conflict",
        4: "material_conflict",
    }
)

#: PLOVER's event categories, each with its quad class.
_PLOVER_QUADS = {
    "AGREE": 1,
    "CONSULT": 1,
    "SUPPORT": 1,
    "CONCEDE": 2,
    "COOPERATE": 2,
    "AID": 2,
    "RETREAT": 2,
    "REQUEST": 3,
    "ACCUSE": 3,
    "REJECT": 3,
    "THREATEN": 3,
    "PROTEST": 4,
    "SANCTION": 4,
    "MOBILIZE": 4,
    "COERCE": 4,
    "ASSAULT": 4,
}
PLOVER_CATEGORIES = tuple(_PLOVER_QUADS)
#: Categories of earlier PLOVER drafts (the gold-standard records use them), by today's name.
_FORMER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE", "FIGHT": "ASSAULT"}

#: The PLOVER category of each CAMEO root code, as the PLOVER manual translates them; ``""``
#: for statements and appeals, which PLOVER drops.
_ROOT_PLOVER = {
    "01": "",
    "02": "",
    "03": "AGREE",
    "04": "CONSULT",
    "05": "SUPPORT",
    "06": "COOPERATE",
    "07": "AID",
    "08": "CONCEDE",
    "09": "ACCUSE",
    "10": "REQUEST",
    "11": "ACCUSE",
    "12": "REJECT",
    "13": "THREATEN",
    "14": "PROTEST",
    "15": "MOBILIZE",
    "16": "SANCTION",
    "17": "COERCE",
    "18": "ASSAULT",
    "19": "ASSAULT",
    "20": "ASSAULT",
}
#: The codes (and those below them) whose category differs from their root's: to yield by
#: returning, easing, giving access or de-escalating is to retreat, not to concede; an embargo
#: coerces; violent repression assaults; a blockade or an occupation coerces.
_PREFIX_PLOVER = {
    "0813": "RETREAT",
    "0814": "RETREAT",
    "084": "RETREAT",
    "085": "RETREAT",
    "086": "RETREAT",
    "087": "RETREAT",
    "163": "COERCE",
    "1712": "ASSAULT",
    "175": "ASSAULT",
    "191": "COERCE",
    "192": "COERCE",
}


def quad_of_cameo(code: str) -> int:
    """The quad class of a CAMEO code, by its root (01-05 verbal cooperation, 06-08
    material cooperation, 09-13 verbal conflict, 14-20 material conflict)."""
    root = int(code[:2])
    if not 1 <= root <= 20:
        msg = f"{code!r} is not a CAMEO code: its root {code[:2]} is not 01-20"
        raise ValueError(msg)
    if root <= 5:
        return 1
    if root <= 8:
        return 2
    return 3 if root <= 13 else 4


def plover_of(code: str) -> str:
    """The PLOVER category of a CAMEO code; ``""`` for statements and appeals (01, 02)."""
    quad_of_cameo(code)  # refuses what is no CAMEO code
    for length in (4, 3):
        category = _PREFIX_PLOVER.get(code[:length])
        if category is not None:
            return category
    return _ROOT_PLOVER[code[:2]]


def plover_category(name: str) -> str | None:
    """A PLOVER category by its name, an earlier draft's name read as today's; ``None`` for
    what is no category."""
    upper = name.strip().upper()
    category = _FORMER.get(upper, upper)
    return category if category in _PLOVER_QUADS else None


def quad_of_plover(category: str) -> int:
    """The quad class of a PLOVER category."""
    try:
        return _PLOVER_QUADS[category.upper()]
    except KeyError:
        known = ", ".join(PLOVER_CATEGORIES)
        msg = f"{category!r} is not a PLOVER category ({known})"
        raise ValueError(msg) from None
