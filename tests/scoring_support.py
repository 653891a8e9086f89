"""Builders for hand-made session logs, shared by the scoring and report tests."""

from __future__ import annotations

from collections.abc import Iterable

from mockloop.digests import code_digest
from mockloop.events import (
    AnyPayload,
    CandidateSaid,
    CodeSnapshot,
    Event,
    HintGiven,
    HintRequested,
    InterviewerSaid,
    SessionEnded,
    SessionStarted,
    TestsRun,
)
from mockloop.models import LevelName, Problem
from mockloop.results import CaseResult

SOLUTION = """def two_sum(nums: list[int], target: int) -> list[int]:
    position: dict[int, int] = {}
    for index, value in enumerate(nums):
        partner = target - value
        if partner in position:
            return [position[partner], index]
        position[value] = index
    return []
"""


def started(problem: Problem, level: LevelName = "senior", minutes: int = 45) -> SessionStarted:
    """A session_started payload for the problem."""
    return SessionStarted(
        company="Google",
        persona="google",
        level=level,
        level_title={"junior": "L3", "mid": "L4", "senior": "L5", "staff": "L6"}[level],
        problem=problem.slug,
        rubric="coding",
        minutes=minutes,
        seed=7,
        starter=problem.starter,
    )


def run(problem: Problem, code: str, failing: Iterable[str] = ()) -> TestsRun:
    """A tests_run payload where every case passes except the named ones."""
    failed = set(failing)
    cases = [
        CaseResult(
            name=case.name,
            status="failed" if case.name in failed else "passed",
            category="example" if index < len(problem.examples) else case.category,
            visible=index < len(problem.examples),
        )
        for index, case in enumerate(problem.all_cases)
    ]
    passed = sum(case.status == "passed" for case in cases)
    visible = [case for case in cases if case.visible]
    return TestsRun(
        digest=code_digest(code),
        status="passed" if passed == len(cases) else "failed",
        passed=passed,
        total=len(cases),
        visible_passed=sum(case.status == "passed" for case in visible),
        visible_total=len(visible),
        cases=cases,
        message=f"{passed}/{len(cases)} passed",
        duration_ms=12.0,
    )


def snapshot(code: str) -> CodeSnapshot:
    """A code snapshot payload."""
    return CodeSnapshot(digest=code_digest(code), code=code, reason="idle")


def log(first: SessionStarted, timed: Iterable[tuple[float, AnyPayload]]) -> list[Event]:
    """Number the payloads into events after the session_started at t=0."""
    events = [Event(seq=0, t=0.0, payload=first)]
    for t, payload in timed:
        events.append(Event(seq=len(events), t=t, payload=payload))
    return events


def strong(problem: Problem, level: LevelName = "senior") -> list[Event]:
    """A strong performance on two-sum: clarifies, plans, codes, tests, answers follow-ups."""
    return log(
        started(problem, level),
        [
            (5, InterviewerSaid(text="Welcome.", intent="greeting", engine="offline")),
            (30, CandidateSaid(text="Can the list contain negative numbers or duplicates?")),
            (60, CandidateSaid(text="Is there always exactly one answer?")),
            (
                120,
                CandidateSaid(
                    text="Brute force checks every pair in O(n^2). Better: one pass with a hash "
                    "map from value to index, looking up the complement: O(n) time, O(n) "
                    "space — a trade-off of extra memory for speed. Edge cases: negative "
                    "values, zero, duplicate values."
                ),
            ),
            (300, snapshot(SOLUTION)),
            (420, CandidateSaid(text="Now I store each value after checking its complement.")),
            (540, run(problem, SOLUTION)),
            (560, CandidateSaid(text="All pass; let me dry run example one by hand too.")),
            (
                600,
                InterviewerSaid(
                    text=problem.follow_ups[0].question, intent="follow_up", engine="offline"
                ),
            ),
            (660, CandidateSaid(text="With sorted input, two pointers give constant space.")),
            (900, SessionEnded(reason="candidate")),
        ],
    )


def hinted(problem: Problem, level: LevelName = "senior") -> list[Event]:
    """Works, but only after two hints, no trade-offs and no edge cases named."""
    brute = problem.brute_force or SOLUTION
    return log(
        started(problem, level),
        [
            (40, CandidateSaid(text="I'll check every pair with a nested loop.")),
            (200, snapshot(brute)),
            (400, run(problem, brute, failing=["large-random", "large-answer-last"])),
            (420, HintRequested(source="palette")),
            (425, HintGiven(rung=1, text=problem.hints[0])),
            (500, HintRequested(source="palette")),
            (505, HintGiven(rung=2, text=problem.hints[1])),
            (600, CandidateSaid(text="So I use a dict of seen values for the lookup, O(n).")),
            (800, snapshot(SOLUTION)),
            (900, run(problem, SOLUTION)),
            (1500, SessionEnded(reason="candidate")),
        ],
    )
