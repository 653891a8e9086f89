"""Strict mode (`--strict`, `strict: true`): closer to a real interview than practice mode.

Many interviews do not show which hidden test failed, or let the candidate run the tests as
often as they like. In strict mode a hidden case's name is replaced by its category and a
number, its error keeps only the exception's type (a message can quote the input), and the
runs per interview are capped by level. Visible examples are shown as always.
"""

from __future__ import annotations

from collections import Counter

from mockloop.results import CaseResult, RunResult

RUNS_PER_LEVEL = {"junior": 10, "mid": 8, "senior": 6, "staff": 5}
"""Test runs allowed per strict interview: more senior candidates are expected to reason
about their code before running it."""

HIDDEN_PREFIX = "hidden-"
"""What a concealed hidden case's name starts with (then its category and a number)."""

OUTCOMES = {
    "failed": "gave a wrong answer",
    "timeout": "ran out of time",
    "memory": "ran out of memory",
    "crashed": "crashed the run",
    "skipped": "was not reached",
}


def runs_allowed(level: str) -> int:
    """How many test runs a strict interview at this level allows."""
    return RUNS_PER_LEVEL.get(level, min(RUNS_PER_LEVEL.values()))


def is_concealed(case: CaseResult) -> bool:
    """Whether this case was concealed by `conceal` (shown only as a count)."""
    return not case.visible and case.name.startswith(HIDDEN_PREFIX)


def conceal(result: RunResult) -> RunResult:
    """The run as strict mode shows it: hidden cases anonymous, the message naming none."""
    numbers: Counter[str] = Counter()
    cases = []
    for case in result.cases:
        if case.visible:
            cases.append(case)
            continue
        numbers[case.category] += 1
        error = case.error.strip().splitlines()[-1].split(":")[0] if case.error.strip() else ""
        name = f"{HIDDEN_PREFIX}{case.category}-{numbers[case.category]}"
        cases.append(case.model_copy(update={"name": name, "error": error, "output": ""}))
    message = result.message
    culprit = next((case for case in cases if case.status != "passed"), None)
    if culprit is not None and is_concealed(culprit) and result.passed < result.total:
        if culprit.status == "error":
            what = f"raised {culprit.error or 'an exception'}"
        else:
            what = OUTCOMES.get(culprit.status, culprit.status)
        message = f"{result.passed}/{result.total} passed. A hidden {culprit.category} case {what}."
    return result.model_copy(update={"cases": cases, "message": message})


def category_counts(cases: list[CaseResult]) -> str:
    """'basic 3/5 · edge 1/4' for the concealed cases, in the order categories first appear."""
    passed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for case in cases:
        if is_concealed(case):
            total[case.category] += 1
            passed[case.category] += case.status == "passed"
    return " · ".join(f"{category} {passed[category]}/{count}" for category, count in total.items())
