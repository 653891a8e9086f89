"""Every session's outcome in one query: setup, verdict, dimension scores and markers.

Home, `mockloop stats` and `history` read this instead of loading logs. The outcome columns
of `sessions` (simulated, time used, any passing run, the latest scorecard's dimensions; see
`schema.m002_session_outcomes`) are kept up to date as events are written, so 10,000
sessions are one scan of one table, well under the 300 ms the trends query may take
(bench/home.py).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, NamedTuple

from mockloop.completeness import INCOMPLETE_SHARE

if TYPE_CHECKING:
    from mockloop.store.database import EventDatabase

INCOMPLETE_SQL = f"""(status = 'ended' AND NOT passed
    AND used_seconds < {INCOMPLETE_SHARE} * minutes * 60)"""
"""`completeness.is_incomplete` over the outcome columns: SQLite decides it while it scans."""
OUTCOMES_SQL = f"""
SELECT id, started_at, company, persona, level, level_title, focus, problem, minutes, status,
       verdict, score, simulated, used_seconds, {INCOMPLETE_SQL}, dimensions
FROM sessions ORDER BY started_at DESC, id DESC
"""
MARKERS_SQL = f"SELECT id, focus, simulated, {INCOMPLETE_SQL}, used_seconds FROM sessions"
MARKER_EXPRESSIONS = {"focus": "focus", "simulated": "simulated", "incomplete": INCOMPLETE_SQL}
"""What `history_tuples` may select beside the summary columns, as SQL."""


class Marker(NamedTuple):
    """What `history` shows beside a session's row: its round, the markers, the time used."""

    focus: str
    simulated: bool
    incomplete: bool
    used_seconds: float


class SessionOutcome(NamedTuple):
    """One session as Home and stats see it (`started_at` is UTC).

    A named tuple: 10,000 of them are built for the trends query, and a tuple is the
    cheapest immutable record Python builds.
    """

    id: str
    started_at: datetime
    company: str
    persona: str
    level: str
    level_title: str
    focus: str
    problem: str
    minutes: int
    status: str
    verdict: str | None
    score: float | None
    simulated: bool
    used_seconds: float
    incomplete: bool
    dimensions: dict[str, float]

    @property
    def ended(self) -> bool:
        """The interview is over (it may still be incomplete)."""
        return self.status == "ended"

    @property
    def counts(self) -> bool:
        """Stats and trends use it: ended, scored, neither incomplete nor simulated."""
        # Inlined `ended`: this runs for every session in each stats and trends pass.
        return (
            self.status == "ended"
            and self.score is not None
            and not (self.incomplete or self.simulated)
        )

    @property
    def shown_verdict(self) -> str:
        """What a table shows in the verdict column."""
        if self.incomplete:
            return "Incomplete"
        if not self.ended:
            return "in progress"
        return self.verdict or "-"


def read_outcomes(database: EventDatabase) -> list[SessionOutcome]:
    """Every session, newest first, with its markers and dimension scores."""
    rows = database.connection.execute(OUTCOMES_SQL).fetchall()
    # One json.loads over every session's scores costs far less than one call per row.
    scores = json.loads("[" + ",".join(row[-1] or "{}" for row in rows) + "]")
    parse, make = datetime.fromisoformat, SessionOutcome._make
    return [
        make((row[0], parse(row[1]), *row[2:12], row[12] == 1, row[13], row[14] == 1, dimensions))
        for row, dimensions in zip(rows, scores, strict=True)
    ]


def read_markers(database: EventDatabase) -> dict[str, Marker]:
    """Session id -> its `Marker`: the lean path for `history`."""
    rows = database.connection.execute(MARKERS_SQL).fetchall()
    return {
        id_: Marker(focus, simulated == 1, incomplete == 1, used)
        for id_, focus, simulated, incomplete, used in rows
    }
