"""A past session on its timeline: the state at any event is the log folded up to it.

Replay keeps no copy of the session's state: moving the cursor folds the log again up to
the new event (a 60-minute session folds in about a millisecond, bench/home.py).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from mockloop.events import Event
from mockloop.session import SessionState, fold

SPEEDS = (1, 4, 16)
EVIDENCE_REFERENCE = re.compile(r"event #(\d+)")


@dataclass(frozen=True)
class Moment:
    """The session as it was at one event."""

    index: int
    event: Event
    state: SessionState
    at_end: bool
    log: Sequence[Event]
    """The log up to and including this event."""


class Timeline:
    """Moves through a session's events; the state at each is folded from the log."""

    def __init__(self, events: Sequence[Event]) -> None:
        if not events:
            raise ValueError("a session log starts with session_started")
        self.events = list(events)
        self.times = [event.t for event in self.events]
        self.finished = any(event.kind == "session_ended" for event in self.events)

    @property
    def last(self) -> int:
        """Index of the last recorded event."""
        return len(self.events) - 1

    def at(self, index: int) -> Moment:
        """The moment at event `index` (clamped to the log)."""
        index = max(0, min(index, self.last))
        log = self.events[: index + 1]
        return Moment(index, self.events[index], fold(log), index == self.last, log)

    def index_of_seq(self, seq: int) -> int:
        """The index of the event with sequence number `seq` (the nearest before it)."""
        seqs = [event.seq for event in self.events]
        return max(0, bisect.bisect_right(seqs, seq) - 1)

    def index_at(self, seconds: float) -> int:
        """The last event at or before `seconds` of session time."""
        return max(0, bisect.bisect_right(self.times, seconds) - 1)

    def end_note(self) -> str:
        """What to say when asked to go past the last event."""
        if self.finished:
            return "This is the end of the session."
        return (
            "This session was not finished: the log stops here, so replay cannot go further. "
            "Continue it with `mockloop resume`."
        )


def evidence_seq(text: str) -> int | None:
    """The event number an evidence line cites ("event #16"), if any."""
    match = EVIDENCE_REFERENCE.search(text)
    return int(match.group(1)) if match else None
