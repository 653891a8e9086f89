"""The problem bank's rules from issue 20, over every problem folder on disk.

What a statement demands is enforced (a brute force fails a performance case, or the pack
says why not), design problems declare their methods, and wrong ideas that once passed on
luck now fail a small case. The rules for authors are in docs/isolation.md, "Problem packs".
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from problem_audit import BRUTE_MARGIN, AuditPool
from problem_support import outcome

from mockloop.catalog import load_problem
from mockloop.errors import PackError
from mockloop.models import design_methods
from mockloop.runner.checking import load_namespace, materialize

ROOT = Path(__file__).resolve().parent.parent
PROBLEM_FOLDERS = sorted(path.parent for path in (ROOT / "problems").glob("*/problem.yaml"))
# A statement naming one of these demands a complexity, so the brute force must fail a
# performance case (no `brute_passes_because`): the pack rules, docs/isolation.md "Problem packs".
COMPLEXITY_WORDS = re.compile(
    r"\bO\(|linear|logarithm|constant time|quadratic|n log n|(single|one) pass|too slow",
    re.IGNORECASE,
)


@pytest.mark.parametrize("folder", PROBLEM_FOLDERS, ids=lambda folder: folder.name)
def test_brute_force_is_too_slow_or_the_problem_says_why(
    folder: Path, problem_audits: AuditPool
) -> None:
    """Issue 20: every brute force fails a performance case, or `brute_passes_because` is true.

    Both are measured in CPU time, in the worker that audits this problem (problem_audit.py):
    the reference must fit the time limit on every performance case, and the brute force must
    need over BRUTE_MARGIN times the limit on one of them (it is interrupted there). A
    declared reason must be true as well: then the brute force passes every case within that
    margin.
    """
    problem = load_problem(folder)
    limit = problem.time_limit_ms / 1000
    seen = problem_audits.seen(folder)
    performance = [case.name for case in problem.all_cases if case.category == "performance"]
    assert list(seen.reference_cpu) == performance
    for name, spent in seen.reference_cpu.items():
        assert spent <= limit, f"the reference takes {spent:.2f} s CPU on {name}"
    if problem.brute_force is None:
        assert problem.brute_passes_because, "add brute.py, or brute_passes_because: why none"
        return
    verdicts = seen.brute_slow
    assert list(verdicts) == performance[: len(verdicts)]
    for name, verdict in verdicts.items():
        assert verdict is not False, f"brute.py is wrong on {name}, not slow"
        if verdict is None:
            assert not problem.brute_passes_because, (
                f"brute.py is too slow on {name}, so brute_passes_because is not true"
            )
            return
    if problem.brute_passes_because:
        return
    pytest.fail(
        f"brute.py finishes every performance case within {BRUTE_MARGIN:g}x the time limit "
        f"({sorted(verdicts)}): add a case it is too slow for, or say why not in "
        "brute_passes_because (and drop any complexity the statement demands)"
    )


@pytest.mark.parametrize("folder", PROBLEM_FOLDERS, ids=lambda folder: folder.name)
def test_statement_demands_only_what_the_tests_enforce(folder: Path) -> None:
    problem = load_problem(folder)
    named = COMPLEXITY_WORDS.search(problem.statement)
    if named is not None:
        assert problem.brute_passes_because is None, (
            f"the statement asks for '{named.group(0)}' but the brute force passes: "
            "make it a follow-up question instead"
        )


@pytest.mark.parametrize("folder", PROBLEM_FOLDERS, ids=lambda folder: folder.name)
def test_design_cases_call_declared_methods(folder: Path, problem_audits: AuditPool) -> None:
    """A design case starts with the class, calls only declared methods, and expects null
    from the constructor and every void method (the calls were read by problem_audit.py)."""
    problem = load_problem(folder)
    if problem.kind != "design":
        return
    methods = design_methods(problem.signature, problem.entry_point)
    void = set(problem.void_methods)
    starter = load_namespace(problem.starter, f"<{problem.slug}/starter.py>")
    assert all(hasattr(starter[problem.entry_point], name) for name in methods)
    seen = problem_audits.seen(folder)
    assert list(seen.calls) == [case.name for case in problem.all_cases]
    for name, calls in seen.calls.items():
        assert calls.first == problem.entry_point, f"{name} must start with the class"
        assert calls.rest <= set(methods) - {"__init__"}, name
        assert calls.one_value_each, f"{name}: one expected value per operation"
        valued_but_void = sorted(calls.valued & (void | {problem.entry_point}))
        assert not valued_but_void, f"{name}: {valued_but_void} return nothing (null)"


def test_a_design_signature_must_give_every_return_type() -> None:
    with pytest.raises(ValueError, match="needs a return type"):
        design_methods("class Box: __init__(self); put(self, item: int); size(self) -> int", "Box")
    with pytest.raises(ValueError, match="class Box"):
        design_methods("class Crate: __init__(self); size(self) -> int", "Box")
    methods = design_methods(
        "class Box: __init__(self, n: int); put(self, item: int) -> None", "Box"
    )
    assert methods == {"__init__": None, "put": "None"}


def test_brute_passes_because_is_a_real_reason(tmp_path: Path) -> None:
    folder = tmp_path / "search-in-rotated-sorted-array"
    source = ROOT / "problems" / folder.name
    folder.mkdir()
    for path in source.iterdir():
        (folder / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    spec = folder / "problem.yaml"
    text = spec.read_text(encoding="utf-8")
    reason = re.search(r"^brute_passes_because: .*$", text, re.MULTILINE)
    assert reason is not None
    spec.write_text(text.replace(reason.group(0), "brute_passes_because: fast"), encoding="utf-8")
    with pytest.raises(PackError, match="brute_passes_because"):
        load_problem(folder)


# Wrong ideas that once got through on luck (issue 20): each must now fail a case that is
# not a performance case, so the candidate hears "wrong answer", not "too slow".
WRONG_IDEAS = {
    "minimum-window-substring": """
def min_window(s, t):
    need = [0] * 52  # indexed by ord(c) - ord("a"): "A"-"F" land on "u"-"z"
    for character in t:
        need[ord(character) - ord("a")] += 1
    missing, left, best = len(t), 0, (0, 10**9)
    for right, character in enumerate(s):
        if need[ord(character) - ord("a")] > 0:
            missing -= 1
        need[ord(character) - ord("a")] -= 1
        while missing == 0:
            if right - left < best[1] - best[0]:
                best = (left, right)
            need[ord(s[left]) - ord("a")] += 1
            if need[ord(s[left]) - ord("a")] > 0:
                missing += 1
            left += 1
    return "" if best[1] == 10**9 else s[best[0] : best[1] + 1]
""",
    "lru-cache": """
from collections import OrderedDict


class LRUCache:
    def __init__(self, capacity):
        self.capacity, self.values = capacity, OrderedDict()

    def get(self, key):
        if key not in self.values:
            return -1
        self.values.move_to_end(key)
        return self.values[key]

    def put(self, key, value):
        if len(self.values) == self.capacity:  # evicts even when the key is already there
            self.values.popitem(last=False)
        self.values[key] = value
        self.values.move_to_end(key)
""",
}


@pytest.mark.parametrize("slug", sorted(WRONG_IDEAS))
def test_classic_wrong_ideas_fail_a_small_case(slug: str) -> None:
    problem = load_problem(ROOT / "problems" / slug)
    wrong = load_namespace(WRONG_IDEAS[slug], f"<wrong {slug}>")
    caught = []
    for case in problem.all_cases:
        if case.category != "performance":
            args, expected = materialize(problem, case)
            if outcome(problem, wrong, args, expected, budget=1.0) is not True:
                caught.append(case.name)
    assert caught, f"no small case of {slug} catches the wrong idea"
