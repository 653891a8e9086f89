"""The parent's half of the protocol: what a child is sent, and how its reports become a verdict.

Expected values never leave the parent. The child reports plain values as JSON; the parent
decodes them (so only exact plain types exist here) and compares them itself with
`checking.matches`. A report with the wrong token, out of order or malformed is treated as
tampering, never as a pass. What the child is sent goes as `marshal` data (it loads several
times faster than JSON in the child); nothing the child sends is ever unmarshalled.
"""

from __future__ import annotations

import json
import marshal
import re
from dataclasses import dataclass, field
from typing import Any

from mockloop.models import Case, Problem
from mockloop.results import CaseResult, CaseStatus, RunResult, RunStatus
from mockloop.runner import checking


@dataclass(frozen=True)
class CasePlan:
    """One case as the parent knows it: the expected value stays here."""

    case: Case
    args: list[Any]
    expected: Any
    visible: bool
    expected_text: str


def _text(value: Any) -> str:
    try:
        return json.dumps(value, sort_keys=True)
    except (TypeError, ValueError, RecursionError):
        return ""


@dataclass(frozen=True)
class Plan:
    """The cases of one run and their encoded form (a marshal frame) for the child's stdin."""

    problem: Problem
    cases: list[CasePlan]
    encoded: bytes


def frame(encoded: bytes) -> bytes:
    """One message on the child's stdin: its size on a line, then the marshal data."""
    return b"%d\n" % len(encoded) + encoded


PLAN_CACHE_SIZE = 16
_plans: dict[tuple[int, bool], Plan] = {}


def cached_plan(problem: Problem, include_hidden: bool) -> Plan | None:
    """The plan `plan_for` already built for this problem, if any (never blocks)."""
    cached = _plans.get((id(problem), include_hidden))
    return cached if cached is not None and cached.problem is problem else None


def plan_for(problem: Problem, include_hidden: bool) -> Plan:
    """Materialise and encode a problem's cases once per process (the Plan keeps it alive).

    The arguments go through JSON first, so the child gets JSON's values (tuples become lists,
    dictionary keys strings, no shared objects), then marshal, which it loads several times
    faster.
    """
    key = (id(problem), include_hidden)
    cached = cached_plan(problem, include_hidden)
    if cached is not None:
        return cached
    chosen = [*problem.examples, *(problem.hidden if include_hidden else [])]
    visible = {case.name for case in problem.examples}
    plans = []
    for case in chosen:
        args, expected = checking.materialize(problem, case)
        expected = json.loads(json.dumps(expected))
        plans.append(CasePlan(case, args, expected, case.name in visible, _text(expected)))
    wire: list[dict[str, Any]] = [
        {"name": item.case.name, "args": item.args, "visible": item.visible} for item in plans
    ]
    if problem.void_methods:  # design methods declared `-> None`: the child ignores returns
        for entry in wire:
            entry["void"] = problem.void_methods
    plan = Plan(problem, plans, frame(marshal.dumps(json.loads(json.dumps(wire)))))
    while len(_plans) >= PLAN_CACHE_SIZE:
        del _plans[next(iter(_plans))]
    _plans[key] = plan
    return plan


class Tampered(Exception):
    """A report on the result channel that the harness did not write."""


@dataclass
class Verdict:
    """Accumulates per-case outcomes as the child reports them."""

    plan: Plan
    token: str
    results: list[CaseResult] = field(default_factory=list)
    isolation: list[str] = field(default_factory=list)
    output: str = ""
    load_failure: tuple[RunStatus, str] | None = None

    def decode(self, line: bytes, event: str) -> dict[str, Any]:
        """Parse one report and check it is the one expected next."""
        try:
            message = json.loads(line)
        except (ValueError, RecursionError) as error:
            raise Tampered(f"unreadable report ({str(error)[:80]})") from None
        if not isinstance(message, dict) or message.get("token") != self.token:
            raise Tampered("a report without the run's token")
        if message.get("event") != event and not (
            event == "loaded" and message.get("event") == "load_error"
        ):
            raise Tampered(f"expected '{event}', got '{str(message.get('event'))[:40]}'")
        return message

    @property
    def next_case(self) -> CasePlan | None:
        """The case the child should report next, if any."""
        index = len(self.results)
        return self.plan.cases[index] if index < len(self.plan.cases) else None

    def record(
        self, message: dict[str, Any], parent_ms: float, cpu_seconds: float | None = None
    ) -> None:
        """Judge one case report against the expected value the parent holds.

        The time limit is judged on the CPU time the parent read from /proc for the case
        (`cpu_seconds`), so a busy machine cannot turn a fast case into a timeout; without
        it, on wall-clock time.
        """
        item = self.next_case
        if item is None or message.get("name") != item.case.name:
            raise Tampered("a report for an unexpected case")
        ms = parent_ms  # the parent's clock only: the child can patch its own
        limit = self.plan.problem.time_limit_ms
        status: CaseStatus
        actual = message.get("value")
        error = str(message.get("error", ""))[:8000]
        if message.get("status") == "ok":
            status = "passed" if _matches(self.plan.problem, item, actual) else "failed"
            if cpu_seconds is not None and cpu_seconds * 1000 > limit:
                used = cpu_seconds * 1000
                status, error = (
                    "timeout",
                    f"used {used:.0f} ms of CPU time, the limit is {limit} ms",
                )
            elif cpu_seconds is None and ms > limit:
                status, error = "timeout", f"took {ms:.0f} ms, the limit is {limit} ms"
        elif message.get("status") in ("error", "memory"):
            status = "memory" if message.get("status") == "memory" else "error"
        else:
            raise Tampered("a report with an unknown status")
        output = str(message.get("output", ""))[:70_000] if item.visible else ""
        self.results.append(self._case(item, status, ms, actual, error, output))

    def stop(self, status: CaseStatus, ms: float, error: str) -> None:
        """The child died or was killed during the next case: record it, skip the rest."""
        item = self.next_case
        if item is not None:
            self.results.append(self._case(item, status, ms, None, error, ""))
        while (item := self.next_case) is not None:
            self.results.append(self._case(item, "skipped", 0.0, None, "", ""))

    def _case(
        self, item: CasePlan, status: CaseStatus, ms: float, actual: Any, error: str, output: str
    ) -> CaseResult:
        shown = item.visible
        return CaseResult(
            name=item.case.name,
            status=status,
            ms=round(ms, 3),
            category="example" if shown else item.case.category,
            visible=shown,
            args=item.args if shown else None,
            expected=item.expected if shown else None,
            actual=actual if shown and status in ("passed", "failed") else None,
            output=output,
            error=error,
        )

    def result(self, duration_ms: float) -> RunResult:
        """The finished RunResult: overall status is the first case that did not pass."""
        problem = self.plan.problem
        passed = sum(1 for case in self.results if case.status == "passed")
        total = len(self.plan.cases)
        status: RunStatus = "passed"
        message = f"All {total} cases passed."
        if self.load_failure is not None:
            status, detail = self.load_failure
            message = f"Your code could not be loaded: {located(detail)}"
        else:
            culprit = next((c for c in self.results if c.status not in ("passed",)), None)
            if culprit is not None:
                status = "crashed" if culprit.status == "skipped" else culprit.status
                message = f"{passed}/{total} passed. {describe_case(culprit, problem)}"
        return RunResult(
            problem=problem.slug,
            status=status,
            passed=passed,
            total=total,
            cases=self.results,
            message=message,
            isolation=self.isolation,
            duration_ms=round(duration_ms, 3),
            output=self.output,
        )


def _matches(problem: Problem, item: CasePlan, actual: Any) -> bool:
    if problem.checker == "exact" and _text(actual) == item.expected_text:
        return True  # identical JSON text is strict equality (true != 1, 1.0 != 1), in C
    try:
        return checking.matches(problem, item.args, item.expected, actual)
    except Exception:  # a custom checker may choke on a strange answer: that is a wrong answer
        return False


SYNTAX_ERRORS = ("SyntaxError", "IndentationError", "TabError")


def located(detail: str) -> str:
    """The load error's telling line, led by "line N: " when it is a syntax error.

    A syntax error's traceback names the line only in its `File "solution.py", line N`
    header, which `first_line` drops; the candidate needs it to find the mistake.
    """
    error = first_line(detail)
    found = re.search(r'File "solution\.py", line (\d+)', detail)
    if error.startswith(SYNTAX_ERRORS) and found is not None:
        return f"line {found.group(1)}: {error}"
    return error


def first_line(text: str) -> str:
    """The most telling line of an error: the last non-empty one."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "unknown error"


def is_recursion(error: str) -> bool:
    """Whether an error report is Python's recursion limit (the README's recursion policy)."""
    return first_line(error).startswith("RecursionError")


def describe_case(case: CaseResult, problem: Problem) -> str:
    """One sentence about the first case that did not pass (hidden inputs never appear)."""
    label = (
        f"example '{case.name}'" if case.visible else f"hidden {case.category} case '{case.name}'"
    )
    if case.status == "failed":
        if case.visible:
            expected, actual = f"{case.expected!r:.200}", f"{case.actual!r:.200}"
            return f"Wrong answer on {label}: expected {expected}, got {actual}."
        return f"Wrong answer on {label}."
    if case.status == "timeout":
        return f"Time limit ({problem.time_limit_ms} ms) exceeded on {label}."
    if case.status == "memory":
        return f"Memory limit exceeded on {label}."
    if case.status == "error" and is_recursion(case.error):
        return f"Recursion too deep on {label}: {first_line(case.error)}"
    if case.status == "error":
        return f"Error on {label}: {first_line(case.error)}"
    return f"The run crashed on {label}: {first_line(case.error)}"
