"""Strict mode: hidden cases are counts per category, runs are limited, the report says so."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest
from test_tui_support import (
    make_interview,
    pinned_persona,
    pinned_problem,
    started_payload,
)
from textual.widgets import Static

from mockloop.clock import SimulatedClock
from mockloop.config import Settings
from mockloop.events import SessionStarted
from mockloop.interviews import catalog, interview_type
from mockloop.models import Problem
from mockloop.planning import plan_interview
from mockloop.results import CaseResult, RunResult
from mockloop.session import MemorySink, Session
from mockloop.simulation import parse_script, simulate
from mockloop.store import Store
from mockloop.strictness import category_counts, conceal, runs_allowed
from mockloop.tui.app import InterviewApp
from mockloop.tui.context import Interview


def case(
    name: str, status: str, category: str, visible: bool = False, error: str = ""
) -> CaseResult:
    return CaseResult(
        name=name,
        status=status,
        category=category,
        visible=visible,
        error=error,  # type: ignore[arg-type]
    )


def hidden_failure() -> RunResult:
    """One example passes; hidden 'negatives-with-duplicates' fails quoting its input."""
    cases = [
        case("example-1", "passed", "example", visible=True),
        case("first-and-last", "passed", "basic"),
        case("negatives-with-duplicates", "error", "edge", error="KeyError: -7"),
        case("million-zeros", "timeout", "performance"),
    ]
    message = "2/4 passed. Error on hidden edge case 'negatives-with-duplicates': KeyError: -7"
    return RunResult(
        problem="two-sum", status="error", passed=2, total=4, cases=cases, message=message
    )


def test_conceal_hides_hidden_names_and_inputs_but_keeps_examples() -> None:
    shown = conceal(hidden_failure())
    text = shown.model_dump_json()
    assert "negatives-with-duplicates" not in text and "million-zeros" not in text
    assert "-7" not in text and "first-and-last" not in text
    assert shown.cases[0].name == "example-1"
    assert shown.message == "2/4 passed. A hidden edge case raised KeyError."
    assert category_counts(shown.cases) == "basic 1/1 · edge 0/1 · performance 0/1"


def test_runs_are_limited_more_tightly_at_higher_levels() -> None:
    assert runs_allowed("junior") > runs_allowed("senior") > runs_allowed("staff") > 0


def test_strict_comes_from_the_flag_or_the_config() -> None:
    plain = plan_interview(catalog(), "google", "senior", problem_slug="two-sum", seed=1)
    assert not plain.started.strict
    flagged = plan_interview(
        catalog(), "google", "senior", problem_slug="two-sum", seed=1, strict=True
    )
    assert flagged.started.strict
    configured = plan_interview(
        catalog(),
        "google",
        "senior",
        problem_slug="two-sum",
        seed=1,
        settings=Settings(strict=True),
    )
    assert configured.started.strict


def strict_interview(run: RunResult) -> Interview:
    started = started_payload(pinned_problem(), pinned_persona()).model_copy(
        update={"strict": True}
    )
    session = Session.start(started, MemorySink(), SimulatedClock(), session_id="s1")

    async def run_tests(problem: Problem, source: str) -> RunResult:
        return run

    return make_interview(session=session, run_tests=run_tests)


async def test_the_screen_shows_counts_and_refuses_runs_past_the_limit() -> None:
    interview = strict_interview(hidden_failure())
    app = InterviewApp(interview)
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(3):
            await app.workers.wait_for_complete()
            await pilot.pause()
        level = interview.session.started.level
        limit = runs_allowed(level)
        for _ in range(limit + 2):
            await pilot.press("f5")
            for _ in range(3):
                await app.workers.wait_for_complete()
                await pilot.pause()
        runs = [e for e in interview.session.events if e.kind == "tests_run"]
        assert len(runs) == limit
        outcome = str(app.screen.query_one("#outcome", Static).render())
        assert "negatives-with-duplicates" not in outcome and "-7" not in outcome
        assert "hidden cases passed: basic 1/1 · edge 0/1 · performance 0/1" in outcome
        assert interview.conductor.runs_left() == 0


SCRIPTS = {
    "coding": 'problem: two-sum\nactions:\n  - {at: 60, code: "def two_sum(nums, target):\\n'
    '    return [0, 1]\\n"}\n  - {at: 70, run: true}\n  - {at: 300, end: true}\n',
    "behavioral": 'actions:\n  - {at: 60, say: "I owned the migration."}\n'
    "  - {at: 300, end: true}\n",
    "system-design": 'actions:\n  - {at: 60, notes: "## Requirements"}\n  - {at: 300, end: true}\n',
}
MODE_LINES = {
    ("coding", False): "Mode: practice — hidden test names shown, unlimited test runs.",
    ("coding", True): "Mode: strict — hidden test names concealed (only counts per category), "
    "at most 6 test runs at senior (1 used).",
    ("behavioral", False): "Mode: practice — a behavioral round has no tests to conceal or "
    "limit, so strict mode would play the same.",
    ("behavioral", True): "Mode: strict — a behavioral round has no tests to conceal or "
    "limit, so practice mode would play the same.",
    ("system-design", False): "Mode: practice — a system design round has no tests to "
    "conceal or limit, so strict mode would play the same.",
    ("system-design", True): "Mode: strict — a system design round has no tests to conceal "
    "or limit, so practice mode would play the same.",
}


@pytest.mark.parametrize(("focus", "strict"), list(MODE_LINES))
async def test_every_report_says_which_mode_was_used(
    focus: str, strict: bool, mockloop_home: Path
) -> None:
    text = f"company: google\nlevel: senior\nfocus: {focus}\nseed: 3\n" + SCRIPTS[focus]
    store = Store.open()
    result = await simulate(parse_script(text), store=store)
    events = store.load(result.session_id)
    store.close()
    first = events[0].payload
    assert isinstance(first, SessionStarted)
    events[0] = events[0].model_copy(
        update={"payload": first.model_copy(update={"strict": strict})}
    )
    kind = interview_type(focus)
    packs = catalog()
    report = await kind.evaluate(
        events,
        kind.pack(packs, first.problem),
        packs.rubric(kind.focus),
        packs,
        date=datetime.date(2000, 1, 1),
        use_judge=False,
    )
    title, verdict = report.markdown.split("\n\n## Scores")[0].split("\n", 1)
    assert f" · {'strict' if strict else 'practice'} mode · offline interviewer" in title
    assert verdict.rstrip().endswith(MODE_LINES[focus, strict])
