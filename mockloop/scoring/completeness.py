"""Whether a scored session gave enough evidence for a verdict (the rule is
`mockloop.completeness`; this reads its inputs from the log)."""

from __future__ import annotations

from collections.abc import Sequence

from mockloop.completeness import INCOMPLETE, INCOMPLETE_LINE, INCOMPLETE_SHARE, is_short
from mockloop.completeness import is_incomplete as incomplete
from mockloop.events import Event, SessionEnded, SessionStarted, TestsRun

MINIMUM_SHARE = INCOMPLETE_SHARE

__all__ = ["INCOMPLETE", "INCOMPLETE_LINE", "MINIMUM_SHARE", "is_incomplete", "is_short"]


def is_incomplete(events: Sequence[Event]) -> bool:
    """True when the session used under 25% of its time and never had a passing run (code
    that never changed from the starter cannot pass): too little to judge."""
    if not events or not isinstance(events[0].payload, SessionStarted):
        return False
    started = events[0].payload
    ended = next((e.t for e in events if isinstance(e.payload, SessionEnded)), events[-1].t)
    passed = any(isinstance(e.payload, TestsRun) and e.payload.status == "passed" for e in events)
    return incomplete(ended=True, used_seconds=ended, minutes=started.minutes, passing_run=passed)
