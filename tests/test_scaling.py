"""Measured complexity: the runner's growth fit, `check --json`, and the scorecard's use of it."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
import typer
from scoring_support import SOLUTION, log, run, snapshot, started

from mockloop.catalog import load_catalog
from mockloop.commands import check
from mockloop.events import CandidateSaid, SessionEnded
from mockloop.models import Problem
from mockloop.results import Scaling
from mockloop.runner.scaling import fit, ladder, measure_scaling
from mockloop.scoring import evaluate, render_report
from mockloop.scoring.growth import degree

QUADRATIC = """def two_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return []
"""


@pytest.fixture(scope="module")
def two_sum() -> Problem:
    return load_catalog(("rubrics", "problems")).problems["two-sum"]


@pytest.fixture(scope="module")
def measured(two_sum: Problem) -> dict[str, Scaling]:
    """The linear and the quadratic solution, each measured once for the whole module."""

    async def both() -> dict[str, Scaling]:
        return {
            "linear": await measure_scaling(two_sum, SOLUTION),
            "quadratic": await measure_scaling(two_sum, QUADRATIC),
        }

    return asyncio.run(both())


def test_a_linear_and_a_quadratic_solution_are_told_apart(measured: dict[str, Scaling]) -> None:
    linear, quadratic = measured["linear"], measured["quadratic"]
    assert linear.exponent is not None and quadratic.exponent is not None, (linear, quadratic)
    assert linear.exponent < 1.5 < quadratic.exponent, (linear, quadratic)
    assert linear.shown == "O(n^1.0)" and quadratic.shown == "O(n^2.0)"
    # The quadratic one stops before the sizes it could not finish within the budget.
    assert quadratic.sizes[-1] < linear.sizes[-1] == 100_000


def test_the_same_code_is_measured_once_per_process(
    two_sum: Problem, measured: dict[str, Scaling]
) -> None:
    again = asyncio.run(measure_scaling(two_sum, SOLUTION))
    assert again is measured["linear"]  # a simulation scored twice reads the same


def test_the_budget_is_kept_even_when_the_code_never_returns(two_sum: Problem) -> None:
    forever = "def two_sum(nums, target):\n    while True:\n        pass\n"
    began = time.perf_counter()
    result = asyncio.run(measure_scaling(two_sum, forever, budget_seconds=1.0))
    assert time.perf_counter() - began < 6  # 1 s of budget; without it, the CPU limit
    assert result.exponent is None
    assert result.note == "no input size finished within the 1 s budget"


def test_skipped_measurements_say_why(two_sum: Problem) -> None:
    failing = "def two_sum(nums, target):\n    return nums[10**9]\n"
    result = asyncio.run(measure_scaling(two_sum, failing))
    assert result.exponent is None and result.note.startswith("the code fails on a smaller")
    assert "IndexError" in result.note
    stairs = load_catalog(("rubrics", "problems")).problems["climbing-stairs"]
    assert ladder(stairs) == "the large input is too small to cut down (it is numbers only)"
    distance = load_catalog(("rubrics", "problems")).problems["edit-distance"]
    assert ladder(distance) == (
        "the large input is too small to cut down (its longest list or text has 250 elements)"
    )
    plain = two_sum.model_copy(update={"hidden": [c for c in two_sum.hidden if c.args]})
    assert ladder(plain) == "the problem has no generator of large inputs"


def test_a_fit_is_clear_only_with_enough_sizes_above_the_floor() -> None:
    sizes = [100, 200, 400, 800, 1600]
    assert fit(sizes, [1.0, 4.0, 16.0, 64.0, 256.0]).clear  # 3 sizes >= 2 ms, 16x apart
    rough = fit(sizes, [0.1, 0.2, 0.4, 2.5, 9.0])
    assert not rough.clear and "too few" in rough.note
    assert fit(sizes, [0.5] * 5).note == "the code ran under 2 ms at every size measured"


def test_check_json_carries_the_scaling_field(
    two_sum: Problem, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "solution.py"
    file.write_text(SOLUTION + "# measured afresh: not the module's cached fit\n")
    with pytest.raises(typer.Exit):
        check.run("two-sum", file, True, False)
    data = json.loads(capsys.readouterr().out)
    scaling = data["scaling"]
    assert set(scaling) == {"exponent", "sizes", "ms"}
    assert scaling["exponent"] < 1.5 and len(scaling["sizes"]) == len(scaling["ms"])
    assert scaling["sizes"] == sorted(scaling["sizes"])


@pytest.mark.parametrize(
    ("form", "power"),
    [("n", 1), ("n^2", 2), ("n*log n", 1), ("m*n", 2), ("E + V", 1), ("1", 0), ("log n", 0)],
)
def test_the_degree_of_a_claimed_form(form: str, power: float) -> None:
    assert degree(form) == power
    assert degree("2^n") == float("inf")


def claimed(problem: Problem, claim: str, code: str) -> list:
    return log(
        started(problem, "mid"),
        [
            (60, CandidateSaid(text=f"I'll check each pair with a hash map. {claim}")),
            (300, snapshot(code)),
            (400, run(problem, code)),
            (900, SessionEnded(reason="candidate")),
        ],
    )


def scored(problem: Problem, events: list, scaling: Scaling):
    async def measure(_problem: Problem, _code: str) -> Scaling:
        return scaling

    rubric = load_catalog(("rubrics", "problems")).rubrics["coding"]
    card = asyncio.run(evaluate(events, problem, rubric, measure=measure, use_judge=False))
    return card, render_report(events, card, problem, rubric, date="2000-01-01")


QUADRATIC_FIT = Scaling(exponent=1.97, sizes=[400, 800, 1600], ms=[5, 20, 80], clear=True)


def test_a_claim_the_measurement_contradicts_is_evidence_against(two_sum: Problem) -> None:
    card, markdown = scored(two_sum, claimed(two_sum, "It is O(n) time.", QUADRATIC), QUADRATIC_FIT)
    items = card.dimension("problem_solving").items
    against = [item for item in items if item.signal == "complexity_contradicted"]
    assert [item.effect for item in against] == ["-"]
    assert against[0].text == (
        "Claimed O(n) time, but the final code measured ≈ O(n^2.0) on growing inputs"
    )
    assert against[0].seq == 1  # cites the message that made the claim
    assert "Growth with input size: measured ≈ O(n^2.0)" in markdown
    improvements = markdown.split("## Improvements")[1].split("## Next steps")[0]
    assert "measured ≈ O(n^2.0) on growing inputs: count the loops" in improvements
    honest, _ = scored(two_sum, claimed(two_sum, "It is O(n^2) time.", QUADRATIC), QUADRATIC_FIT)
    assert card.dimension("problem_solving").score < honest.dimension("problem_solving").score


def test_an_unclear_or_agreeing_measurement_does_not_count_against(two_sum: Problem) -> None:
    noisy = QUADRATIC_FIT.model_copy(update={"clear": False, "note": "too noisy to judge"})
    events = claimed(two_sum, "It is O(n) time.", QUADRATIC)
    card, markdown = scored(two_sum, events, noisy)
    items = card.dimension("problem_solving").items
    assert not [item for item in items if item.signal == "complexity_contradicted"]
    assert "the timings were too rough to hold against the claim" in markdown
    linear = Scaling(exponent=1.18, sizes=[25_000, 50_000, 100_000], ms=[5, 11, 26], clear=True)
    card, _ = scored(two_sum, claimed(two_sum, "It is O(n log n) time.", SOLUTION), linear)
    measured = [i for i in card.dimension("problem_solving").items if "measured" in i.text]
    assert [(i.signal, i.effect) for i in measured] == [("complexity_measured", "=")]


def test_the_report_says_when_the_measurement_was_skipped(two_sum: Problem) -> None:
    events = claimed(two_sum, "It is O(n) time.", SOLUTION)
    skipped = Scaling(note="no input size finished within the 3 s budget")
    card, markdown = scored(two_sum, events, skipped)
    assert card.scaling == skipped
    assert (
        "Growth with input size: not measured (no input size finished within the 3 s budget)."
        in markdown
    )


def test_a_class_claimed_constant_per_call_is_not_held_against_linear_growth() -> None:
    from pathlib import Path

    from mockloop.catalog import load_problem

    lru = load_problem(Path(__file__).parents[1] / "problems" / "lru-cache")
    code = (Path(__file__).parents[1] / "problems" / "lru-cache" / "solution.py").read_text()
    events = log(
        started(lru, "senior"),
        [
            (60, CandidateSaid(text="A dict plus a doubly linked list: get and put are O(1).")),
            (300, snapshot(code)),
            (400, run(lru, code)),
            (900, SessionEnded(reason="candidate")),
        ],
    )
    linear = Scaling(exponent=1.02, sizes=[25_000, 50_000, 100_000], ms=[5, 10, 20], clear=True)
    card, markdown = scored(lru, events, linear)
    items = card.dimension("problem_solving").items
    assert not [item for item in items if item.signal == "complexity_contradicted"]
    assert "Claimed O(1) time; the final code measured ≈ O(n^1.0) over n calls" in markdown
