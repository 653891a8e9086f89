"""How the runner judges (issue 20): failure labels, interviewer-like comparison, recursion.

Each failure label is triggered by code that really does that thing, and nothing else
gets the label. Comparison ignores what a void design method returns and reads tuples and
dictionary views as lists. Recursive solutions run at the depths the statements allow.
"""

from __future__ import annotations

import signal
from functools import cache
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from mockloop.catalog import load_problem
from mockloop.models import Problem
from mockloop.results import RunResult
from mockloop.runner import sandbox
from mockloop.runner.cpu import CpuClock
from mockloop.runner.sandbox import run_code_sync
from mockloop.runner.verdict import Verdict, plan_for

PROBLEMS = Path(__file__).resolve().parent.parent / "problems"
ADD_NUMBERS = Path(__file__).parent / "attacks" / "add-numbers"

MIN_STACK_POP_RETURNS = """
class MinStack:
    def __init__(self):
        self.entries = []

    def push(self, value):
        low = min(value, self.entries[-1][1]) if self.entries else value
        self.entries.append((value, low))
        return self  # not a plain value: ignored, because push is declared -> None

    def pop(self):
        return self.entries.pop()[0]  # the popped value: ignored too

    def top(self):
        return self.entries[-1][0]

    def get_min(self):
        return self.entries[-1][1]
"""

ANAGRAMS_AS_DICT_VALUES = """
def group_anagrams(strs):
    groups = {}
    for word in strs:
        groups.setdefault("".join(sorted(word)), []).append(word)
    return groups.values()
"""

ANAGRAMS_AS_SET = """
def group_anagrams(strs):
    return {tuple(strs)}
"""

COURSES_BY_RECURSIVE_DFS = """
def can_finish(num_courses, prerequisites):
    followers = [[] for _ in range(num_courses)]
    for course, required in prerequisites:
        followers[required].append(course)
    state = [0] * num_courses

    def visit(course):
        state[course] = 1
        for follower in followers[course]:
            if state[follower] == 1 or (state[follower] == 0 and not visit(follower)):
                return False
        state[course] = 2
        return True

    return all(state[course] == 2 or visit(course) for course in range(num_courses))
"""

ISLANDS_BY_RECURSIVE_FILL = """
def num_islands(grid):
    rows = len(grid)
    columns = len(grid[0]) if rows else 0

    def sink(row, column):
        if 0 <= row < rows and 0 <= column < columns and grid[row][column] == "1":
            grid[row][column] = "0"
            sink(row + 1, column)
            sink(row - 1, column)
            sink(row, column + 1)
            sink(row, column - 1)

    count = 0
    for row in range(rows):
        for column in range(columns):
            if grid[row][column] == "1":
                count += 1
                sink(row, column)
    return count
"""

ISLANDS_BY_RECURSIVE_UNION_FIND = """
from functools import lru_cache


def num_islands(grid):
    rows = len(grid)
    columns = len(grid[0]) if rows else 0
    parent = {}

    def find(cell):
        if parent[cell] != cell:
            parent[cell] = find(parent[cell])
        return parent[cell]

    # Link each land cell to the land cell before it on a snake walk, without ranks, so
    # the first find on a big island walks a chain as long as the island.
    order = []
    for row in range(rows):
        cells = range(columns) if row % 2 == 0 else range(columns - 1, -1, -1)
        order += [(row, column) for column in cells if grid[row][column] == "1"]
    for cell in order:
        parent[cell] = cell
    for earlier, later in zip(order, order[1:]):
        (r1, c1), (r2, c2) = earlier, later
        if abs(r1 - r2) + abs(c1 - c2) == 1:
            parent[earlier] = later
    for cell in order:
        row, column = cell
        for neighbour in ((row + 1, column), (row, column + 1)):
            if neighbour in parent:
                first, second = find(cell), find(neighbour)
                if first != second:
                    parent[first] = second
    return len({find(cell) for cell in order})
"""

KTH_BY_RECURSIVE_QUICKSELECT = """
def find_kth_largest(nums, k):
    def select(items, k):
        middle = len(items) // 2
        pivot, rest = items[middle], items[:middle] + items[middle + 1 :]
        higher = [value for value in rest if value >= pivot]
        if len(higher) == k - 1:
            return pivot
        if len(higher) >= k:
            return select(higher, k)
        return select([value for value in rest if value < pivot], k - len(higher) - 1)

    return select(nums, k)
"""


@cache
def problem(slug: str) -> Problem:
    return load_problem(PROBLEMS / slug)


def add_numbers() -> Problem:
    return load_problem(ADD_NUMBERS).model_copy(update={"time_limit_ms": 1000})


def examples_only(problem: Problem) -> Problem:
    """The problem with its two examples and no hidden cases, for code whose every case costs
    about a second (200,000 frames deep, or 300 MiB allocated) and says the same thing."""
    return problem.model_copy(update={"hidden": []})


def first_failure(result: RunResult) -> Any:
    return next(case for case in result.cases if case.status not in ("passed", "skipped"))


# --- Labels: each only when that is what happened ---------------------------------------


def test_a_busy_loop_is_a_timeout_judged_on_cpu_time() -> None:
    result = run_code_sync(
        add_numbers(), "def add(first, second):\n    while True:\n        pass\n"
    )
    assert result.status == "timeout", result.message
    assert "Time limit (1000 ms) exceeded" in result.message
    assert "ms of CPU" in first_failure(result).error


def test_a_huge_allocation_is_a_memory_failure() -> None:
    source = "def add(first, second):\n    return len([0] * (10**9)) + first + second\n"
    result = run_code_sync(add_numbers(), source)
    assert result.status == "memory", result.message
    assert "Memory limit exceeded" in result.message


def test_endless_recursion_is_named_as_recursion() -> None:
    source = "def add(first, second):\n    return add(first, second)\n"
    result = run_code_sync(examples_only(add_numbers()), source)
    assert result.status == "error"
    assert result.message.split(". ", 1)[1].startswith("Recursion too deep on example")
    assert "RecursionError" in first_failure(result).error


def test_an_exception_is_an_error_not_recursion() -> None:
    result = run_code_sync(add_numbers(), "def add(first, second):\n    raise ValueError('no')\n")
    assert result.status == "error"
    assert "Error on example" in result.message and "Recursion" not in result.message


def test_a_wrong_answer_is_only_a_wrong_answer() -> None:
    result = run_code_sync(add_numbers(), "def add(first, second):\n    return first - second\n")
    assert result.status == "failed"
    assert "Wrong answer on example" in result.message


def test_a_kill_mockloop_did_not_send_is_not_called_memory() -> None:
    child: Any = SimpleNamespace(killed_by_us=False)
    status, reason = sandbox._died(child, -signal.SIGKILL)
    assert status == "crashed" and "outside MockLoop" in reason
    assert sandbox._died(child, -signal.SIGXCPU)[0] == "timeout"


def test_the_time_limit_is_judged_on_cpu_time_not_a_busy_machines_clock() -> None:
    # The root cause of the "386 ms timeout labelled memory": wall-clock time depends on
    # the machine's load, while running out of memory happens after a fixed amount of work.
    kth = problem("kth-largest-element")
    plan = plan_for(kth, include_hidden=False)
    item = plan.cases[0]

    def judged(wall_ms: float, cpu_seconds: float | None) -> str:
        verdict = Verdict(plan, "token")
        report = {"token": "token", "event": "case", "name": item.case.name, "status": "ok"}
        verdict.record({**report, "value": item.expected}, wall_ms, cpu_seconds)
        return verdict.results[0].status

    assert judged(wall_ms=3000.0, cpu_seconds=0.2) == "passed"  # starved, not slow
    assert judged(wall_ms=1100.0, cpu_seconds=1.05) == "timeout"
    assert judged(wall_ms=1100.0, cpu_seconds=None) == "timeout"  # no /proc: wall clock


def test_the_cpu_clock_reads_this_process() -> None:
    import os

    clock = CpuClock(os.getpid())
    start = clock.seconds()
    sum(range(3_000_000))
    used = clock.since(start)
    assert start is not None and used is not None and used >= 0
    assert CpuClock(2**22 + 12345).seconds() is None


# --- Comparison like an interviewer -----------------------------------------------------


def test_void_methods_may_return_anything() -> None:
    result = run_code_sync(problem("min-stack"), MIN_STACK_POP_RETURNS)
    assert result.status == "passed", result.message


def test_dict_values_read_as_a_list() -> None:
    result = run_code_sync(problem("group-anagrams"), ANAGRAMS_AS_DICT_VALUES)
    assert result.status == "passed", result.message


def test_a_set_is_still_not_a_list() -> None:
    result = run_code_sync(problem("group-anagrams"), ANAGRAMS_AS_SET)
    assert result.status == "error"
    assert "returned a set, expected a plain value" in result.message


# --- Recursion policy -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("slug", "source"),
    [
        ("course-schedule", COURSES_BY_RECURSIVE_DFS),
        ("number-of-islands", ISLANDS_BY_RECURSIVE_FILL),
        ("number-of-islands", ISLANDS_BY_RECURSIVE_UNION_FIND),
        ("kth-largest-element", KTH_BY_RECURSIVE_QUICKSELECT),
    ],
    ids=["course-dfs", "islands-fill", "islands-union-find", "kth-quickselect"],
)
def test_recursive_solutions_pass_at_the_deepest_allowed_inputs(slug: str, source: str) -> None:
    result = run_code_sync(problem(slug), source)
    assert result.status == "passed", result.message
    assert any(note.startswith("recursion: limit 200000") for note in result.isolation)


def test_the_deep_cases_are_there() -> None:
    courses = [case.name for case in problem("course-schedule").hidden]
    islands = [case.name for case in problem("number-of-islands").hidden]
    assert {"longest-chain", "longest-chain-closed"} <= set(courses)
    assert {"largest-all-land", "largest-land-and-lone-cell"} <= set(islands)


def test_the_memory_limit_still_holds_beside_the_stack() -> None:
    # The stack is reserved on top of the 512 MiB limit, so data still gets about 512 MiB.
    fits = "def add(first, second):\n    return len(bytearray(300 * 2**20)) * 0 + first + second\n"
    too_big = "def add(first, second):\n    return len(bytearray(600 * 2**20)) + first + second\n"
    assert run_code_sync(examples_only(add_numbers()), fits).status == "passed"
    assert run_code_sync(examples_only(add_numbers()), too_big).status == "memory"
