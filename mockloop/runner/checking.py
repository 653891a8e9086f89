"""Case materialisation and answer checking, shared by the sandbox runner and pack tests.

Everything here runs in the trusted parent: expected values never leave it, and answers
are compared as canonical plain values so objects with odd `__eq__` cannot pass.
"""

from __future__ import annotations

import copy
import math
from functools import cache
from typing import Any

from mockloop.models import Case, Problem

PLAIN_SCALARS = (int, float, str, bool, type(None))
# What an interviewer reads as a list: tuples and dictionary views (the child does the same).
LIST_LIKE: tuple[type, ...] = (list, tuple, type({}.keys()), type({}.values()), type({}.items()))


class NotPlain(TypeError):
    """The candidate returned something that is not a plain value (int, str, list, ...)."""


def canonical(value: Any, depth: int = 0) -> Any:
    """Convert to exact plain types (tuples and dict views become lists); else rejected."""
    if depth > 200:
        raise NotPlain("value is nested too deeply")
    if type(value) in PLAIN_SCALARS:
        return value
    if type(value) in LIST_LIKE:
        return [canonical(item, depth + 1) for item in value]
    if type(value) is dict:
        return {canonical(k, depth + 1): canonical(v, depth + 1) for k, v in value.items()}
    raise NotPlain(f"returned a {type(value).__name__}, expected a plain value")


def strict_equal(expected: Any, actual: Any) -> bool:
    """Equality that tells bools from ints and compares containers element by element."""
    if isinstance(expected, bool) or isinstance(actual, bool):
        return type(expected) is type(actual) and expected == actual
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(expected) == len(actual)
            and all(strict_equal(e, a) for e, a in zip(expected, actual, strict=True))
        )
    if isinstance(expected, dict):
        return (
            isinstance(actual, dict)
            and expected.keys() == actual.keys()
            and all(strict_equal(expected[k], actual[k]) for k in expected)
        )
    return type(expected) in PLAIN_SCALARS and type(actual) in PLAIN_SCALARS and expected == actual


def _sort_key(value: Any) -> str:
    return repr(value)


def matches(problem: Problem, args: list[Any], expected: Any, actual: Any) -> bool:
    """Whether `actual` (already canonical) is a correct answer for this case."""
    checker = problem.checker
    if checker == "exact":
        return strict_equal(expected, actual)
    if checker == "unordered":
        if not isinstance(actual, list) or not isinstance(expected, list):
            return False
        return sorted(actual, key=_sort_key) == sorted(expected, key=_sort_key)
    if checker == "unordered_nested":
        if not isinstance(actual, list) or not isinstance(expected, list):
            return False
        inner = [sorted(item, key=_sort_key) if isinstance(item, list) else item for item in actual]
        want = [
            sorted(item, key=_sort_key) if isinstance(item, list) else item for item in expected
        ]
        return sorted(inner, key=_sort_key) == sorted(want, key=_sort_key)
    if checker == "float":
        return _close(expected, actual)
    return bool(
        _custom_checker(problem.slug, problem.checker_source or "")(
            copy.deepcopy(args), expected, actual
        )
    )


def _close(expected: Any, actual: Any) -> bool:
    if isinstance(expected, list):
        return (
            isinstance(actual, list)
            and len(actual) == len(expected)
            and all(_close(e, a) for e, a in zip(expected, actual, strict=True))
        )
    if isinstance(expected, bool) or not isinstance(expected, int | float):
        return bool(expected == actual)
    if isinstance(actual, bool) or not isinstance(actual, int | float):
        return False
    return math.isclose(float(expected), float(actual), rel_tol=1e-6, abs_tol=1e-6)


@cache
def _custom_checker(slug: str, source: str) -> Any:
    namespace: dict[str, Any] = {"__name__": f"mockloop_checker_{slug}"}
    exec(compile(source, f"<{slug}/checker.py>", "exec"), namespace)
    return namespace["check"]


@cache
def _generators(slug: str, source: str) -> dict[str, Any]:
    namespace: dict[str, Any] = {"__name__": f"mockloop_cases_{slug}"}
    exec(compile(source, f"<{slug}/cases.py>", "exec"), namespace)
    return namespace


def generated_arguments(problem: Problem, case: Case) -> list[Any]:
    """A generated case's arguments (as built for a run in this process, else built now by
    the pack's generator, with no expected value). Callers must not change them."""
    if (problem.slug, case.name) in _generated:
        return _generated[(problem.slug, case.name)][0]
    return list(_generators(problem.slug, problem.cases_source or "")[str(case.generator)]())


_generated: dict[tuple[str, str], tuple[list[Any], Any]] = {}


def materialize(problem: Problem, case: Case) -> tuple[list[Any], Any]:
    """A case's arguments and expected value; generated cases are built once per process.

    A generated case's expected value comes from the reference solution, run in a sandbox
    child like candidate code (see `references.py`); the generators in `cases.py` run here.
    """
    if case.args is not None:
        return copy.deepcopy(case.args), case.expected
    if (problem.slug, case.name) not in _generated:
        _generate(problem)
    args, expected = _generated[(problem.slug, case.name)]
    return copy.deepcopy(args), expected


def _generate(problem: Problem) -> None:
    """Build every generated case of a problem, asking the reference for all answers at once."""
    from mockloop.runner.references import ReferenceFailed, reference_values

    generators = _generators(problem.slug, problem.cases_source or "")
    pending = [case for case in problem.all_cases if case.generator is not None]
    arguments: list[list[Any]] = []
    for case in pending:
        try:
            arguments.append(generators[str(case.generator)]())
        except Exception as error:
            raise ReferenceFailed(
                f"problem '{problem.slug}': cases.py generator '{case.generator}' failed: "
                f"{type(error).__name__}: {str(error)[:200]}"
            ) from None
    asking = [
        index for index, case in enumerate(pending) if "expected" not in case.model_fields_set
    ]
    answers = reference_values(problem, [arguments[index] for index in asking]) if asking else []
    expected = dict(zip(asking, answers, strict=True))
    for index, case in enumerate(pending):
        _generated[(problem.slug, case.name)] = (
            arguments[index],
            expected.get(index, case.expected),
        )


def load_namespace(source: str, label: str) -> dict[str, Any]:
    """Execute solution source in a fresh namespace (trusted code only: ours or tests')."""
    namespace: dict[str, Any] = {"__name__": "__main__"}
    exec(compile(source, label, "exec"), namespace)
    return namespace


def call(problem: Problem, namespace: dict[str, Any], args: list[Any]) -> Any:
    """Call the entry point with a case's args; design problems replay the operations.

    What a method declared `-> None` returns is ignored, as an interviewer would.
    """
    entry = namespace[problem.entry_point]
    if problem.kind == "function":
        return entry(*args)
    operations, operation_args = args
    void = set(problem.void_methods)
    results: list[Any] = []
    instance: Any = None
    for operation, arguments in zip(operations, operation_args, strict=True):
        if operation == problem.entry_point:
            instance = entry(*arguments)
            results.append(None)
        else:
            value = getattr(instance, operation)(*arguments)
            results.append(None if operation in void else value)
    return results
