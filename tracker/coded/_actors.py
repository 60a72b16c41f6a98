"""Actor codes and names of coded event data mapped onto tracker's parties, by a data file."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from importlib.resources import files
from pathlib import Path
from typing import Any

from attrs import frozen

__all__ = ["ActorMap", "default_actors"]

_PARTY = re.compile(r"[A-Z][A-Z0-9]{1,11}")
_COUNTRY = re.compile(r"[A-Z]{3}")


def _folded(name: str) -> str:
    return " ".join(name.casefold().split())


@frozen
class ActorMap:
    """Which party an actor is: by the longest code prefix, the known group, the name (or a
    sector), else a country code that is no region. ``None`` when none applies."""

    codes: Mapping[str, str]
    groups: Mapping[str, str]
    names: Mapping[str, str]
    regions: frozenset[str]

    @classmethod
    def parse(cls, data: Mapping[str, Any], where: str) -> ActorMap:
        """Read the data file's tables (see ``parties.toml``); ``where`` names it in errors."""
        codes: dict[str, str] = {}
        groups: dict[str, str] = {}
        names: dict[str, str] = {}
        parties = data.get("parties", {})
        if not isinstance(parties, dict):
            msg = f"{where}: parties: must be a table of parties"
            raise ValueError(msg)
        for party, table in parties.items():
            if not _PARTY.fullmatch(party) or not isinstance(table, dict):
                msg = f"{where}: parties.{party}: not an actor code with a table of codes"
                raise ValueError(msg)
            tables = (("codes", codes, False), ("groups", groups, False), ("names", names, True))
            for key, into, fold in tables:
                for value in _strings(table.get(key, []), f"{where}: parties.{party}.{key}"):
                    into.setdefault(_folded(value) if fold else value.strip().upper(), party)
        regions = frozenset(_strings(data.get("regions", []), f"{where}: regions"))
        return cls(codes, groups, names, regions)

    @classmethod
    def load(cls, path: Path) -> ActorMap:
        """Read a data file of the same layout as the bundled one."""
        try:
            with path.open("rb") as file:
                data = tomllib.load(file)
        except OSError as error:
            msg = f"{path}: cannot read: {error.strerror}"
            raise ValueError(msg) from None
        except tomllib.TOMLDecodeError as error:
            msg = f"{path}: not valid TOML: {error}"
            raise ValueError(msg) from None
        return cls.parse(data, str(path))

    def merged(self, other: ActorMap) -> ActorMap:
        """This map with ``other``'s entries first."""
        return ActorMap(
            {**self.codes, **other.codes},
            {**self.groups, **other.groups},
            {**self.names, **other.names},
            self.regions | other.regions,
        )

    def of_code(self, code: str, group: str = "", country: str = "") -> str | None:
        """The party of a CAMEO-coded actor (``RUSGOV``), with GDELT's known-group and
        country codes when given."""
        code = code.strip().upper()
        for length in range(len(code), 2, -1):
            party = self.codes.get(code[:length])
            if party is not None:
                return party
        party = self.groups.get(group.strip().upper())
        if party is not None:
            return party
        country = country.strip()
        if _COUNTRY.fullmatch(country) and country not in self.regions:
            return self.codes.get(country, country)
        return None

    def of_name(self, name: str, sectors: Iterable[str] = (), country: str = "") -> str | None:
        """The party of an actor named in words (ICEWS): its name, one of its sectors, else
        its country's name."""
        for text in (name, *sectors, country):
            party = self.names.get(_folded(text))
            if party is not None:
                return party
        return None


def _strings(values: object, where: str) -> list[str]:
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        msg = f"{where}: must be a list of strings"
        raise ValueError(msg)
    return values


def default_actors() -> ActorMap:
    """The bundled mapping: NATO, the EU, Russia and a few countries."""
    text = files("tracker.coded").joinpath("parties.toml").read_text(encoding="utf-8")
    return ActorMap.parse(tomllib.loads(text), "parties.toml")
