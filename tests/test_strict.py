"""Strict mode: hidden cases are counts per category, runs are limited, the report says so."""

from __future__ import annotations

import pytest
from test_tui_support import (
    make_interview,
    pinned_persona,
    pinned_problem,
    rubric,
    started_payload,
)
from textual.widgets import Static

from mockloop.clock import SimulatedClock
from mockloop.config import Settings
from mockloop.interviews import catalog
from mockloop.models import Problem
from mockloop.planning import plan_interview
from mockloop.results import CaseResult, RunResult
from mockloop.session import MemorySink, Session
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


@pytest.mark.parametrize("strict", [True, False])
def test_the_report_says_strict_mode_was_used(strict: bool) -> None:
    from mockloop.scoring import report as report_module

    first = started_payload(pinned_problem(), pinned_persona()).model_copy(
        update={"strict": strict}
    )

    class Card:
        verdict, score, judge_note = "Hire", 3.1, ""

    text = report_module._verdict(Card(), rubric(), first, True)  # type: ignore[arg-type]
    assert ("Mode: strict" in text) is strict
