"""Builders of stored sessions for the Home, Replay and stats tests, at fixed dates."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from pathlib import Path

from factories import session_started

from mockloop.events import (
    CandidateSaid,
    CodeSnapshot,
    Event,
    InterviewerSaid,
    ScorecardWritten,
    SessionEnded,
    TestsRun,
)
from mockloop.session import code_digest
from mockloop.store.database import EventDatabase
from mockloop.store.records import Record

START = datetime.datetime(2026, 11, 2, 9, 0, tzinfo=datetime.UTC)
CODING = {"problem_solving": 2.5, "coding": 3.0, "verification": 2.0, "communication": 3.5}
BEHAVIORAL = {"ownership": 3.0, "communication": 2.5, "impact": 2.0}
CODE_STEPS = (
    "def two_sum(nums, target):\n    pass\n",
    "def two_sum(nums, target):\n    for i in range(len(nums)):\n        pass\n",
    "def two_sum(nums, target):\n    seen = {}\n    for i, n in enumerate(nums):\n"
    "        if target - n in seen:\n            return [seen[target - n], i]\n"
    "        seen[n] = i\n",
)


def run_payload(passed: bool) -> TestsRun:
    """A tests_run payload, all passed or all failed."""
    return TestsRun(
        digest="d",
        status="passed" if passed else "failed",
        passed=12 if passed else 0,
        total=12,
        visible_passed=2 if passed else 0,
        visible_total=2,
        cases=[],
        message="",
        duration_ms=5.0,
    )


def session_events(
    *,
    company: str = "Google",
    persona: str = "google",
    focus: str = "coding",
    problem: str = "two-sum",
    minutes: int = 45,
    used: float = 1800.0,
    passed: bool = True,
    simulated: bool = False,
    ended: bool = True,
    dimensions: dict[str, float] | None = None,
    verdict: str = "Lean Hire",
) -> list[Event]:
    """A small but complete log: greeting, a question, code, a run, the end, a scorecard."""
    started = session_started(
        company=company,
        persona=persona,
        focus=focus,
        problem=problem,
        minutes=minutes,
        simulated=simulated,
        starter="def two_sum(nums, target):\n    pass\n",
    )
    steps: list[tuple[float, object]] = [
        (0.0, started),
        (
            used * 0.05,
            InterviewerSaid(text="Hi! Let's look at Two Sum.", intent="greeting", engine="offline"),
        ),
        (used * 0.1, CandidateSaid(text="Can the list contain negative numbers?")),
        (
            used * 0.15,
            InterviewerSaid(text="Yes, it can.", intent="clarification", engine="offline"),
        ),
    ]
    for number, code in enumerate(CODE_STEPS[1:], 1):
        steps.append(
            (
                used * (0.2 + 0.2 * number),
                CodeSnapshot(digest=code_digest(code), code=code, reason="idle"),
            )
        )
    steps.append((used * 0.7, CandidateSaid(text="I use a hash map: O(n) time, O(n) space.")))
    steps.append((used * 0.8, run_payload(passed)))
    steps.append(
        (
            used * 0.9,
            InterviewerSaid(
                text="Nice. What about duplicates?", intent="follow_up", engine="offline"
            ),
        )
    )
    if ended:
        steps.append((used, SessionEnded(reason="candidate")))
        dims = dimensions if dimensions is not None else CODING
        score = round(sum(dims.values()) / len(dims), 2)
        steps.append(
            (
                used,
                ScorecardWritten(
                    path="/nonexistent/report.md",
                    verdict=verdict,
                    score=score,
                    dimensions=dims,
                    judge="offline",
                ),
            )
        )
    return [
        Event(seq=seq, t=round(t, 3), payload=payload)  # type: ignore[arg-type]
        for seq, (t, payload) in enumerate(steps)
    ]


def store_sessions(path: Path, sessions: Sequence[tuple[str, datetime.datetime, list[Event]]]):
    """Write (id, start time, events) to the database at `path` with those wall-clock times."""
    database = EventDatabase.open(path)
    try:
        for session_id, when, events in sessions:
            stamp = when.isoformat(timespec="microseconds")
            database.write([Record(session_id, event, stamp) for event in events])
    finally:
        database.close()


def twenty_sessions() -> list[tuple[str, datetime.datetime, list[Event]]]:
    """20 sessions across 3 companies and 2 rounds, one of them incomplete, one simulated."""
    companies = [("Google", "google"), ("Meta", "meta"), ("Amazon", "amazon")]
    sessions = []
    for number in range(20):
        company, persona = companies[number % 3]
        focus = "behavioral" if number % 4 == 3 else "coding"
        base = BEHAVIORAL if focus == "behavioral" else CODING
        drift = 0.05 * number
        dims = {name: min(4.0, round(value + drift, 2)) for name, value in base.items()}
        events = session_events(
            company=company,
            persona=persona,
            focus=focus,
            problem="two-sum" if number % 2 else "group-anagrams",
            used=300.0 if number == 5 else 1800.0 + 30 * number,
            passed=number != 5,
            simulated=number == 8,
            dimensions=dims,
            verdict=("Lean Hire", "Hire", "Lean No Hire")[number % 3],
        )
        when = START + datetime.timedelta(days=number // 2, hours=number % 2)
        sessions.append((f"s{number:02d}abcdef01", when, events))
    return sessions
