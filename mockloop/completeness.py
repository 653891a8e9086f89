"""When a session counts: the incomplete rule, in one place.

A session that used under a quarter of its time and never had a passing run (which includes
never writing code) leaves too little evidence for a verdict. The scorer reports
"Incomplete" instead of a verdict; history marks it; stats and trends leave it out, as they
leave out simulated sessions unless asked. The scorer reads the inputs from the log
(`scoring.completeness`), history from the store's columns (`store.outcomes`).
"""

from __future__ import annotations

INCOMPLETE = "Incomplete"
"""The verdict of a session with too little evidence (beside the six verdicts)."""
INCOMPLETE_LINE = "Incomplete: not enough evidence for a verdict"
INCOMPLETE_SHARE = 0.25
"""A session that used less than this share of its minutes may be incomplete."""


def is_short(used_seconds: float, minutes: int) -> bool:
    """The session used under `INCOMPLETE_SHARE` of its time budget."""
    return used_seconds < INCOMPLETE_SHARE * minutes * 60


def is_incomplete(*, ended: bool, used_seconds: float, minutes: int, passing_run: bool) -> bool:
    """An ended session too short, and without a passing run, to deserve a verdict.

    Unfinished sessions are not incomplete: they are in progress and can be resumed.
    """
    return ended and is_short(used_seconds, minutes) and not passing_run
