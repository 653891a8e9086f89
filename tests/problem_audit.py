"""Each problem pack's code run on its cases once per test run, in background processes.

Two test modules run every problem's code on every case: test_content (the reference passes
every case, the starter fails one, the brute force never disagrees) and test_problem_rules
(the brute force is too slow on a performance case, the reference fast; a design case calls
only declared methods). That is about 140 s of CPU, most of the suite's. So `AuditPool`
measures each problem once, in a worker process (its generated cases built there, once),
starting when the first test starts; conftest.py runs the tests that read the audits last,
and meanwhile the rest of the suite runs in the pytest process on the other core. Budgets
are per process: CPU time is each worker's own, and a wall-clock budget only cuts off a
call that is slow anyway.
"""

from __future__ import annotations

import multiprocessing
import os
import traceback
from collections.abc import Iterable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from problem_support import cpu_seconds, outcome

from mockloop.catalog import load_problem
from mockloop.runner.checking import load_namespace, materialize

# The brute force must use more than this many times the time limit (CPU) on some
# performance case, so a machine half as fast again still rejects it.
BRUTE_MARGIN = 1.5
# Wall-clock budgets for code that may be slow on a case: the starter (it only has to fail
# one case) and the brute force on the cases that are not performance cases.
STARTER_BUDGET = 1.0
BRUTE_AGREEMENT_BUDGET = 0.25


@dataclass(frozen=True)
class CaseSeen:
    """One case of test_content's walk: whether the reference passed it and the brute force
    agreed (None: not run, or cut off at BRUTE_AGREEMENT_BUDGET; only False disagrees)."""

    name: str
    reference: bool | None
    brute: bool | None


@dataclass(frozen=True)
class Calls:
    """What a design case calls: its first operation, the rest, the operations that have an
    expected value (not null), and whether there is one expected value per operation."""

    first: str
    rest: frozenset[str]
    valued: frozenset[str]
    one_value_each: bool


@dataclass
class Audit:
    """What one problem's code did, or the error that stopped the measuring."""

    slug: str
    error: str | None = None
    # test_content: every case in order; the first case the starter does not pass in time.
    cases: list[CaseSeen] = field(default_factory=list)
    starter_failed_on: str | None = None
    # test_problem_rules: each case's calls, for a design problem.
    calls: dict[str, Calls] = field(default_factory=dict)
    # test_problem_rules: the reference's CPU seconds on each performance case, and the brute
    # force's outcome on them within BRUTE_MARGIN x the limit (CPU), in order, up to the first
    # that is not a pass.
    reference_cpu: dict[str, float] = field(default_factory=dict)
    brute_slow: dict[str, bool | None] = field(default_factory=dict)


class AuditPool:
    """Audits of problem folders, running in worker processes from the moment it is made."""

    def __init__(self, folders: Iterable[Path], home: Path, workers: int) -> None:
        folders = sorted(set(folders))
        self.pool: ProcessPoolExecutor | None = None
        self.futures: dict[str, Future[Audit]] = {}
        if folders:
            self.pool = ProcessPoolExecutor(
                min(workers, len(folders)),
                multiprocessing.get_context("spawn"),  # never fork a process with threads
                initializer=_in_home,
                initargs=(str(home),),
            )
            self.futures = {folder.name: self.pool.submit(audit, folder) for folder in folders}

    def seen(self, folder: Path) -> Audit:
        """The audit of one folder (waiting for it); the test fails if measuring it raised."""
        found = self.futures[folder.name].result()
        if found.error is not None:
            pytest.fail(f"auditing {folder.name} raised:\n{found.error}", pytrace=False)
        return found

    def close(self) -> None:
        """Stop the workers, dropping audits not yet started (an interrupted run)."""
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)


def _in_home(home: str) -> None:
    """Point a worker's MOCKLOOP_HOME at a directory of its own, as every test's is."""
    os.environ["MOCKLOOP_HOME"] = home


def audit(folder: Path) -> Audit:
    """Run one problem's reference, starter and brute force on its cases (see Audit)."""
    found = Audit(folder.name)
    try:
        _walk_cases(folder, found)
        _time_performance(folder, found)
    except Exception:
        found.error = traceback.format_exc()
    return found


def _walk_cases(folder: Path, found: Audit) -> None:
    problem = load_problem(folder)
    reference = load_namespace(problem.solution, f"<{problem.slug}/solution.py>")
    starter = load_namespace(problem.starter, f"<{problem.slug}/starter.py>")
    brute = load_namespace(problem.brute_force, "<brute.py>") if problem.brute_force else None
    for case in problem.all_cases:
        args, expected = materialize(problem, case)
        if problem.kind == "design":
            found.calls[case.name] = _calls(args, expected)
        passed = outcome(problem, reference, args, expected)
        if found.starter_failed_on is None:
            fresh = materialize(problem, case)[0]
            if outcome(problem, starter, fresh, expected, STARTER_BUDGET) is not True:
                found.starter_failed_on = case.name
        agreed = None
        if brute is not None and case.category != "performance":
            fresh = materialize(problem, case)[0]
            agreed = outcome(problem, brute, fresh, expected, BRUTE_AGREEMENT_BUDGET)
        found.cases.append(CaseSeen(case.name, passed, agreed))


def _calls(args: list[Any], expected: Any) -> Calls:
    operations, _ = args
    valued = {
        operation
        for operation, value in zip(operations, expected, strict=False)
        if value is not None
    }
    return Calls(
        operations[0],
        frozenset(operations[1:]),
        frozenset(valued),
        len(operations) == len(expected),
    )


def _time_performance(folder: Path, found: Audit) -> None:
    problem = load_problem(folder)
    limit = problem.time_limit_ms / 1000
    reference = load_namespace(problem.solution, f"<{problem.slug}/solution.py>")
    performance = [case for case in problem.all_cases if case.category == "performance"]
    for case in performance:
        found.reference_cpu[case.name] = cpu_seconds(problem, reference, case)
    if problem.brute_force is None:
        return
    brute = load_namespace(problem.brute_force, f"<{problem.slug}/brute.py>")
    for case in performance:
        args, expected = materialize(problem, case)
        verdict = outcome(problem, brute, args, expected, limit * BRUTE_MARGIN, cpu=True)
        found.brute_slow[case.name] = verdict
        if verdict is not True:
            return
