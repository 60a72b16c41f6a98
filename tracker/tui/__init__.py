"""The terminal UI of tracker: step through a log, entry by entry, with the state and evidence."""

from tracker.tui.app import TrackerApp, run

__all__ = ["TrackerApp", "run"]
