"""Whether a session gave enough evidence for a verdict at all.

One rule, used by the scorer (which then reports "Incomplete" instead of a verdict) and by
anything else that lists sessions (history, trends): a session that used under a quarter of
its time and never had a passing run — or never had code at all — is incomplete.
"""

from __future__ import annotations

from collections.abc import Sequence

from mockloop.events import CodeSnapshot, Event, SessionEnded, SessionStarted, TestsRun

INCOMPLETE = "Incomplete"
"""The verdict of a session with too little evidence (beside the six verdicts)."""
INCOMPLETE_LINE = "Incomplete: not enough evidence for a verdict"
MINIMUM_SHARE = 0.25
"""Share of the time budget a session must use, unless it had a passing run."""


def is_incomplete(events: Sequence[Event]) -> bool:
    """True when the session used under 25% of its time and never had a passing run (or
    never had any code): too little to judge, so no verdict is given."""
    if not events or not isinstance(events[0].payload, SessionStarted):
        return False
    started = events[0].payload
    ended = next((e.t for e in events if isinstance(e.payload, SessionEnded)), events[-1].t)
    used_little = ended < MINIMUM_SHARE * started.minutes * 60.0
    passed = any(isinstance(e.payload, TestsRun) and e.payload.status == "passed" for e in events)
    has_code = any(
        isinstance(e.payload, CodeSnapshot) and e.payload.code.strip() != started.starter.strip()
        for e in events
    )
    return used_little and (not passed or not has_code)
