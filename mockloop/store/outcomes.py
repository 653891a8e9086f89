"""Every session's outcome in one query: setup, verdict, dimension scores and markers.

Home, `mockloop stats` and `history --json` read this instead of loading logs. Each session
costs a few primary-key seeks into `events` (its first event, its last, its scorecard), and
only short sessions are searched for a passing run, so 10,000 sessions stay well under the
300 ms the trends query may take (bench/home.py).
"""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any, NamedTuple

from mockloop.completeness import is_incomplete, is_short

if TYPE_CHECKING:
    from mockloop.store.database import EventDatabase

SIMULATED = """instr(opening.payload, '"simulated":true') > 0"""
"""The `simulated` flag of `session_started`, found without parsing its JSON (which holds the
starter code): in the stored compact JSON the key can only appear unescaped as a key."""
LAST_EVENT = """JOIN events last ON last.session_id = s.id
    AND last.seq = (SELECT max(seq) FROM events m WHERE m.session_id = s.id)"""
"""The session's last event: its time is the time used (the scorecard, when there is one,
is written the moment the session ends), and its payload is the scorecard."""
OUTCOMES_SQL = f"""
SELECT s.id, s.started_at, s.company, s.persona, s.level, s.level_title, s.focus, s.problem,
       s.minutes, s.status, s.verdict, s.score, {SIMULATED}, last.t,
       CASE WHEN last.kind = 'scorecard_written' THEN last.payload END
FROM sessions s JOIN events opening ON opening.session_id = s.id AND opening.seq = 0
{LAST_EVENT}
ORDER BY s.started_at DESC, s.id DESC
"""
MARKERS_SQL = f"""
SELECT s.id, s.focus, {SIMULATED}, s.status, last.t, s.minutes
FROM sessions s JOIN events opening ON opening.session_id = s.id AND opening.seq = 0
{LAST_EVENT}
"""
PASSED_SQL = """
SELECT DISTINCT session_id FROM events WHERE session_id IN ({marks}) AND kind = 'tests_run'
AND json_extract(payload, '$.status') = 'passed'
"""
BATCH = 500
"""Session ids per `PASSED_SQL` query (SQLite allows at least 999 parameters)."""


def passing_runs(database: EventDatabase, session_ids: list[str]) -> set[str]:
    """Which of these sessions had a passing run (asked only for short ones: they are few)."""
    found: set[str] = set()
    for first in range(0, len(session_ids), BATCH):
        batch = session_ids[first : first + BATCH]
        sql = PASSED_SQL.format(marks=",".join("?" * len(batch)))
        found.update(row[0] for row in database.connection.execute(sql, batch))
    return found


def incomplete_ids(
    database: EventDatabase, rows: list[tuple[Any, ...]], status: int, used: int, minutes: int
) -> set[str]:
    """Ids of the incomplete sessions among `rows` (see `markers.is_incomplete`).

    Only ended sessions that were short are searched for a passing run: they are few.
    """
    short = [row for row in rows if row[status] == "ended" and is_short(row[used], row[minutes])]
    passed = passing_runs(database, [row[0] for row in short])
    return {
        row[0]
        for row in short
        if is_incomplete(
            ended=True, used_seconds=row[used], minutes=row[minutes], passing_run=row[0] in passed
        )
    }


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
    incomplete = incomplete_ids(database, rows, status=9, used=13, minutes=8)
    # One json.loads over every scorecard costs far less than one call per row.
    scorecards = json.loads("[" + ",".join(row[14] or "{}" for row in rows) + "]")
    parse = datetime.fromisoformat
    return [
        SessionOutcome(
            row[0],
            parse(row[1]),
            row[2],
            row[3],
            row[4],
            row[5],
            row[6],
            row[7],
            row[8],
            row[9],
            row[10],
            row[11],
            bool(row[12]),
            row[13],
            row[0] in incomplete,
            scorecard.get("dimensions", {}),
        )
        for row, scorecard in zip(rows, scorecards, strict=True)
    ]


def read_markers(database: EventDatabase) -> dict[str, tuple[str, bool, bool]]:
    """Session id -> (focus, simulated, incomplete): the lean path for `history --json`."""
    rows = database.connection.execute(MARKERS_SQL).fetchall()
    incomplete = incomplete_ids(database, rows, status=3, used=4, minutes=5)
    return {row[0]: (row[1], bool(row[2]), row[0] in incomplete) for row in rows}
