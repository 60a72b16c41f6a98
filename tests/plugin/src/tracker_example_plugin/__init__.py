"""Sanctions eased: an event type declared outside tracker, with its rule.

Importing the module declares the type and registers the rule; the entry point of the
package's ``pyproject.toml`` (group ``tracker.plugins``) has ``tracker`` import it before it
reads a log, and ``tracker --plugin tracker_example_plugin`` does the same by name.
"""

from __future__ import annotations

from typing import Any

from attrs import evolve, field

import tracker

__all__ = ["SanctionsEased"]


def _areas(_entry: object, _attribute: object, areas: tuple[str, ...]) -> None:
    if not areas or not all(isinstance(area, str) and area for area in areas):
        reason = "name at least one area of cooperation"
        raise tracker.FieldError(reason, "areas")


# The name is global to the process: pick one no other type uses.
@tracker.entry_type(
    "sanctions_eased",
    cameo="081",
    cameo_label="Ease administrative sanctions",
    goldstein=5.0,
    plover="CONCEDE",
    label="EASE",
    identity=("areas",),
)
class SanctionsEased(tracker.Entry):
    """One party eases the sanctions it put on areas of practical cooperation: they resume."""

    by: str
    areas: tuple[str, ...] = field(converter=tuple, validator=_areas)

    def __attrs_post_init__(self) -> None:
        super().__attrs_post_init__()
        if self.by not in self.parties:
            reason = f"{self.by!r} is not one of the parties ({self.parties})"
            raise tracker.FieldError(reason, "by")


@tracker.rule.register
def _sanctions_eased(entry: SanctionsEased, state: tracker.State) -> tracker.State:
    """Each area suspended resumes; easing an area that is not suspended is an anomaly."""
    changes: dict[str, Any] = {}
    cooperation, provenance = state.cooperation, state.provenance
    anomalies = list(state.anomalies)
    for area in entry.areas:
        if cooperation.get(area) is not tracker.CooperationStatus.SUSPENDED:
            message = f"{entry.by} eases sanctions on {area!r}, which is not suspended"
            anomalies.append(tracker.Anomaly(entry.id, "not_sanctioned", message))
            continue
        # The state's mappings are persistent (immutables.Map): set() shares the rest.
        cooperation = cooperation.set(area, tracker.CooperationStatus.RESUMED)
        provenance = provenance.set(f"cooperation.{area}", entry.id)
        changes = {"cooperation": cooperation, "provenance": provenance}
    return evolve(state, anomalies=tuple(anomalies), **changes)
