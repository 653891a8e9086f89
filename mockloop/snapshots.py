"""When the TUI saves the editor's code: after a short idle pause in typing.

Runs, messages, phase changes and quitting snapshot too (the conductor does it there);
`Session.snapshot` skips code identical to the last snapshot, and the store keeps each
distinct content once.
"""

from __future__ import annotations


class SnapshotPolicy:
    """Tracks edits and says when an idle pause has passed since the last unsaved edit."""

    def __init__(self, idle_seconds: float = 3.0) -> None:
        self.idle_seconds = idle_seconds
        self._last_edit: float | None = None

    def edited(self, now: float) -> None:
        """The code changed at session time `now`."""
        self._last_edit = now

    def due(self, now: float) -> bool:
        """True when there are unsaved edits and `idle_seconds` passed since the last one."""
        return self._last_edit is not None and now - self._last_edit >= self.idle_seconds

    def saved(self) -> None:
        """The current code was snapshotted (for any reason); nothing is unsaved now."""
        self._last_edit = None
