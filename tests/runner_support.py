"""Helpers shared by the runner's attack tests: the tiny problem and a run that proves recovery."""

from __future__ import annotations

import json
from pathlib import Path

from mockloop.catalog import load_problem
from mockloop.models import Problem
from mockloop.results import RunResult
from mockloop.runner.sandbox import run_code_sync

PROBLEM_FOLDER = Path(__file__).parent / "attacks" / "add-numbers"
REPOSITORY = Path(__file__).resolve().parent.parent
GOOD = "def add(first, second):\n    return first + second\n"


def attack_problem(time_limit_ms: int | None = None) -> Problem:
    """The 200 ms add-numbers problem, or a copy with another case limit."""
    problem = load_problem(PROBLEM_FOLDER)
    if time_limit_ms is None:
        return problem
    return problem.model_copy(update={"time_limit_ms": time_limit_ms})


def run(problem: Problem, source: str) -> RunResult:
    """Run an attack, then prove the runner still works normally right after it."""
    result = run_code_sync(problem, source)
    # The follow-up proves the runner recovered, not that it is fast: a generous limit keeps
    # a loaded CI machine from turning a scheduling delay into a false timeout.
    follow_up = run_code_sync(problem.model_copy(update={"time_limit_ms": 2000}), GOOD)
    assert follow_up.status == "passed", follow_up.message
    assert follow_up.passed == follow_up.total == 14
    return result


def everything_shown(result: RunResult) -> str:
    """All the text a user could ever see from a run."""
    return json.dumps(result.model_dump())
