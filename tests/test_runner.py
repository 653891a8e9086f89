"""The runner against real problems: verdicts, design replay, the async API and warm children."""

from __future__ import annotations

import asyncio
import signal
import tempfile
from functools import cache
from pathlib import Path

import pytest

from mockloop import events
from mockloop.catalog import Catalog, load_catalog, load_problem
from mockloop.digests import code_digest
from mockloop.models import Case, Problem
from mockloop.runner.sandbox import Runner, run_code, run_code_sync
from mockloop.runner.verdict import cached_plan

REQUIRED_SLUGS = [
    "two-sum",
    "valid-parentheses",
    "merge-intervals",
    "top-k-frequent",
    "number-of-islands",
    "longest-substring-without-repeating",
    "lru-cache",
]
ATTACK_PROBLEM = Path(__file__).parent / "attacks" / "add-numbers"
GOOD_ADD = "def add(first, second):\n    return first + second\n"

FIFO_CACHE = '''
class LRUCache:
    """Evicts the oldest inserted key, ignoring reads: wrong on purpose."""

    def __init__(self, capacity):
        self.capacity = capacity
        self.values = {}

    def get(self, key):
        return self.values.get(key, -1)

    def put(self, key, value):
        if key not in self.values and len(self.values) == self.capacity:
            del self.values[next(iter(self.values))]
        self.values[key] = value
'''


@cache
def _catalog() -> Catalog:
    """The built-in problems, loaded once for this module (loading the catalog is slow)."""
    return load_catalog(["problems"])


def catalog_problem(slug: str) -> Problem:
    return _catalog().problem(slug)


@pytest.mark.parametrize("slug", REQUIRED_SLUGS)
def test_reference_solution_passes_every_case(slug: str) -> None:
    problem = catalog_problem(slug)
    result = run_code_sync(problem, problem.solution)
    assert result.status == "passed", result.message
    assert result.passed == result.total == len(problem.all_cases)
    assert [case.name for case in result.cases] == [case.name for case in problem.all_cases]


@pytest.mark.parametrize("slug", REQUIRED_SLUGS)
def test_starter_code_fails(slug: str) -> None:
    problem = catalog_problem(slug)
    result = run_code_sync(problem, problem.starter)
    assert result.status in ("failed", "error")
    assert result.passed < result.total


def test_wrong_answer_shows_expected_and_actual_only_for_examples() -> None:
    problem = catalog_problem("two-sum")
    result = run_code_sync(problem, "def two_sum(nums, target):\n    return [0, 1]\n")
    assert result.status == "failed"
    first = result.cases[0]
    assert (first.status, first.expected, first.actual) == ("failed", [1, 3], [0, 1])
    assert first.args == [[3, 8, 11, 4], 12]
    hidden = [case for case in result.cases if not case.visible]
    assert hidden and all(case.args is None and case.expected is None for case in hidden)
    assert all(case.actual is None for case in hidden)
    assert "Wrong answer on example 'example-1'" in result.message


def test_brute_force_times_out_on_a_performance_case() -> None:
    problem = catalog_problem("two-sum")
    assert problem.brute_force is not None
    result = run_code_sync(problem, problem.brute_force)
    assert result.status == "timeout"
    timed_out = [case for case in result.cases if case.status == "timeout"]
    assert len(timed_out) == 1 and timed_out[0].category == "performance"
    assert all(case.status == "passed" for case in result.cases if case.visible)


def test_lru_operation_sequences_are_replayed_in_the_child() -> None:
    problem = catalog_problem("lru-cache")
    result = run_code_sync(problem, FIFO_CACHE)
    assert result.status == "failed"
    wrong = next(case for case in result.cases if case.visible and case.status == "failed")
    assert isinstance(wrong.actual, list) and len(wrong.actual) == len(wrong.expected)
    assert wrong.actual[0] is None and wrong.actual != wrong.expected


def test_lru_with_a_missing_method_is_an_error() -> None:
    problem = catalog_problem("lru-cache")
    source = "class LRUCache:\n    def __init__(self, capacity):\n        pass\n"
    result = run_code_sync(problem, source)
    assert result.status == "error"
    assert "AttributeError" in result.cases[0].error


def test_missing_entry_point_is_a_load_error() -> None:
    problem = catalog_problem("two-sum")
    result = run_code_sync(problem, "def twosum(nums, target):\n    return []\n")
    assert result.status == "error"
    assert "no function named 'two_sum'" in result.message
    assert all(case.status == "skipped" for case in result.cases)


def test_syntax_error_names_the_line() -> None:
    problem = catalog_problem("two-sum")
    result = run_code_sync(problem, "def two_sum(nums, target):\n    return [\n")
    assert result.status == "error"
    assert "line 2: SyntaxError" in result.message


def test_an_indentation_error_names_the_line_and_a_runtime_error_does_not() -> None:
    problem = catalog_problem("two-sum")
    indented = run_code_sync(problem, "def two_sum(nums, target):\n  x = 1\n    return x\n")
    assert "line 3: IndentationError" in indented.message
    raised = run_code_sync(problem, "def two_sum(nums, target):\n    pass\nraise KeyError(3)\n")
    assert raised.message == "Your code could not be loaded: KeyError: 3"


def test_visible_only_runs_just_the_examples() -> None:
    problem = catalog_problem("two-sum")
    result = run_code_sync(problem, problem.solution, include_hidden=False)
    assert result.status == "passed"
    assert result.total == len(problem.examples) == len(result.cases)
    assert all(case.visible and case.category == "example" for case in result.cases)


def test_the_tests_run_payload_counts_visible_cases() -> None:
    problem = load_problem(ATTACK_PROBLEM)
    source = "def add(first, second):\n    return 3\n"
    result = run_code_sync(problem, source)
    payload = events.TestsRun.of(result, source)
    assert payload.digest == code_digest(source)
    assert (payload.passed, payload.total) == (1, 14)
    assert (payload.visible_passed, payload.visible_total) == (1, 2)
    assert payload.status == "failed" and payload.message == result.message


def _slow_problem() -> Problem:
    return load_problem(ATTACK_PROBLEM).model_copy(update={"time_limit_ms": 10_000})


async def test_awaiting_a_run_leaves_the_event_loop_free() -> None:
    problem = load_problem(ATTACK_PROBLEM)
    ticks = 0

    async def ticker() -> None:
        nonlocal ticks
        while True:
            ticks += 1
            await asyncio.sleep(0)

    ticking = asyncio.create_task(ticker())
    try:
        result = await run_code(problem, GOOD_ADD)
    finally:
        ticking.cancel()
    assert result.status == "passed"
    assert ticks > 20


async def test_cancelling_a_run_kills_the_child_group_at_once() -> None:
    runner = Runner()
    task = asyncio.create_task(
        runner.run(_slow_problem(), "import time\ndef add(first, second):\n    time.sleep(600)\n")
    )
    for _ in range(10_000):
        if runner.active is not None:
            break
        await asyncio.sleep(0.001)
    child = runner.active
    assert child is not None
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    returncode = await asyncio.wait_for(child.process.wait(), 5)
    assert returncode == -signal.SIGKILL


async def test_warm_children_are_used_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setattr(tempfile, "tempdir", None)
    before = set(tmp_path.iterdir())
    problem = load_problem(ATTACK_PROBLEM)
    runner = Runner(keep_warm=True)
    runner.prepare()
    first = await runner.run(problem, GOOD_ADD)
    first_child = runner.active
    second = await runner.run(problem, "def add(first, second):\n    return 0\n")
    second_child = runner.active
    await runner.close()
    assert first.status == "passed" and second.status == "failed"
    assert first_child is not None and second_child is not None
    assert first_child.process.pid != second_child.process.pid
    assert first_child.process.returncode is not None
    assert set(tmp_path.iterdir()) == before  # no temp dir on the host, not even for a moment


async def test_preparing_for_a_problem_builds_its_cases_off_the_event_loop() -> None:
    problem = load_problem(ATTACK_PROBLEM)
    runner = Runner(keep_warm=True)
    runner.prepare(problem)
    assert cached_plan(problem, True) is None  # returned at once: nothing was built yet
    assert runner._warm is not None
    primed = await runner._warm
    assert primed.cases is cached_plan(problem, True) is not None
    result = await runner.run(problem, GOOD_ADD)
    assert runner.active is primed and result.passed == result.total == 14
    await runner.close()


async def test_a_warm_child_decodes_the_last_problems_cases_ahead_of_time() -> None:
    problem = load_problem(ATTACK_PROBLEM)
    other = problem.model_copy(update={"hidden": problem.hidden[:2]})
    runner = Runner(keep_warm=True)
    assert (await runner.run(problem, GOOD_ADD)).passed == 14
    assert runner._warm is not None
    primed = await runner._warm  # what the candidate's next submit will use
    assert primed.cases is not None and primed.unacknowledged_cases == 0
    again = await runner.run(problem, GOOD_ADD)
    assert runner.active is primed and again.passed == again.total == 14
    primed = await runner._warm
    switched = await runner.run(other, GOOD_ADD)  # another problem: its cases replace them
    assert runner.active is primed and switched.status == "passed" and switched.total == 4
    wrong = await runner.run(other, "def add(first, second):\n    return 0\n")
    assert (wrong.passed, wrong.total) == (1, 4)
    assert (await runner.run(problem, GOOD_ADD)).passed == 14
    await runner.close()


def test_arguments_arrive_as_fresh_json_values() -> None:
    """Tuples become lists, keys strings, and no two arguments share a list, as in JSON."""
    shared = [0]
    case = Case(
        name="shapes",
        args=[[(1, 2), {3: "x"}], [shared, shared]],
        expected=["list", ["3"], [[0, 1], [0]]],
    )
    problem = load_problem(ATTACK_PROBLEM).model_copy(update={"examples": [case], "hidden": []})
    source = (
        "def add(first, second):\n"
        "    second[0].append(1)\n"
        "    return [type(first[0]).__name__, list(first[1]), second]\n"
    )
    result = run_code_sync(problem, source)
    assert result.status == "passed", result.message
