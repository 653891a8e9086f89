"""Every session's outcome in one query: setup, verdict, dimension scores and markers.

Home, `mockloop stats` and `history --json` read this instead of loading logs. Each session
costs a few primary-key seeks into `events` (its first event, its last, its scorecard), and
only short sessions are searched for a passing run, so 10,000 sessions stay well under the
300 ms the trends query may take (bench/home.py).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from mockloop.progress.markers import INCOMPLETE_SHARE, is_incomplete

if TYPE_CHECKING:
    from mockloop.store.database import EventDatabase

SESSION_FACTS = """
    SELECT s.id, s.started_at, s.company, s.persona, s.level, s.level_title, s.focus,
           s.problem, s.minutes, s.status, s.verdict, s.score,
           coalesce(json_extract(opening.payload, '$.simulated'), 0) AS simulated,
           coalesce(
               (SELECT t FROM events e WHERE e.session_id = s.id AND e.kind = 'session_ended'
                ORDER BY e.seq DESC LIMIT 1),
               (SELECT t FROM events e WHERE e.session_id = s.id ORDER BY e.seq DESC LIMIT 1)
           ) AS used{dimensions}
    FROM sessions s JOIN events opening ON opening.session_id = s.id AND opening.seq = 0
"""
SCORECARD_DIMENSIONS = """,
           (SELECT json_extract(e.payload, '$.dimensions') FROM events e
            WHERE e.session_id = s.id AND e.kind = 'scorecard_written'
            ORDER BY e.seq DESC LIMIT 1) AS dimensions"""
PASSING_RUN = f"""
       CASE WHEN used < {INCOMPLETE_SHARE} * minutes * 60 THEN EXISTS (
           SELECT 1 FROM events run WHERE run.session_id = id AND run.kind = 'tests_run'
           AND json_extract(run.payload, '$.status') = 'passed'
       ) ELSE 1 END AS passing_run"""
OUTCOMES_SQL = f"""
SELECT id, started_at, company, persona, level, level_title, focus, problem, minutes, status,
       verdict, score, simulated, used, dimensions,{PASSING_RUN}
FROM ({SESSION_FACTS.format(dimensions=SCORECARD_DIMENSIONS)})
ORDER BY started_at DESC, id DESC
"""
MARKERS_SQL = f"""
SELECT id, focus, simulated, status, used, minutes,{PASSING_RUN}
FROM ({SESSION_FACTS.format(dimensions="")})
"""


@dataclass(frozen=True)
class SessionOutcome:
    """One session as Home and stats see it (`started_at` is UTC)."""

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
    dimensions: dict[str, float] = field(default_factory=dict)

    @property
    def ended(self) -> bool:
        """The interview is over (it may still be incomplete)."""
        return self.status == "ended"

    @property
    def counts(self) -> bool:
        """Stats and trends use it: ended, scored, neither incomplete nor simulated."""
        return self.ended and self.score is not None and not (self.incomplete or self.simulated)

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
    outcomes = []
    for (
        session_id,
        started_at,
        company,
        persona,
        level,
        level_title,
        focus,
        problem,
        minutes,
        status,
        verdict,
        score,
        simulated,
        used,
        dimensions,
        passing_run,
    ) in rows:
        used_seconds = float(used or 0.0)
        ended = status == "ended"
        outcomes.append(
            SessionOutcome(
                id=session_id,
                started_at=datetime.fromisoformat(started_at),
                company=company,
                persona=persona,
                level=level,
                level_title=level_title,
                focus=focus,
                problem=problem,
                minutes=int(minutes),
                status=status,
                verdict=verdict,
                score=score,
                simulated=bool(simulated),
                used_seconds=used_seconds,
                incomplete=is_incomplete(
                    ended=ended,
                    used_seconds=used_seconds,
                    minutes=int(minutes),
                    passing_run=bool(passing_run),
                ),
                dimensions=json.loads(dimensions) if dimensions else {},
            )
        )
    return outcomes


def read_markers(database: EventDatabase) -> dict[str, tuple[str, bool, bool]]:
    """Session id -> (focus, simulated, incomplete): the lean path for `history --json`."""
    rows = database.connection.execute(MARKERS_SQL).fetchall()
    return {
        session_id: (
            focus,
            bool(simulated),
            is_incomplete(
                ended=status == "ended",
                used_seconds=float(used or 0.0),
                minutes=int(minutes),
                passing_run=bool(passing_run),
            ),
        )
        for session_id, focus, simulated, status, used, minutes, passing_run in rows
    }
