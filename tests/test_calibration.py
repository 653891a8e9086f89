"""The calibration set (issue 13): scripted candidates played through the real conductor,
each beside the verdict an experienced interviewer would give and why.

Each verdict must land within one step of the expected one (an abandoned session must be
"Incomplete"), and the orderings an interviewer would insist on must hold. Run this file
directly (`python tests/test_calibration.py`) to print the README's calibration table.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from mockloop.interviews import catalog as default_catalog
from mockloop.simulation import SimulationResult, load_script, simulate

HERE = Path(__file__).parent / "calibration"
VERDICTS = ["Strong No Hire", "No Hire", "Lean No Hire", "Lean Hire", "Hire", "Strong Hire"]


class Expected(NamedTuple):
    script: str
    verdict: str
    reason: str


CALIBRATION = [
    Expected(
        "strong",
        "Strong Hire",
        "clarified, committed to the optimal plan with its cost and trade-off, traced it, "
        "passed first time and answered every follow-up",
    ),
    Expected(
        "hint_reliant",
        "Lean No Hire",
        "reached the optimal code only after three hints, with no questions, trade-offs or "
        "edge cases at senior",
    ),
    Expected(
        "reasoned",
        "Hire",
        "one bug, explained before it was fixed and traced after; a clear plan with its cost",
    ),
    Expected(
        "trial_and_error",
        "Lean No Hire",
        "working code reached by silent small edits and re-runs, no plan beyond 'a dictionary'",
    ),
    Expected(
        "silent",
        "Lean No Hire",
        "optimal code, but not one word: nothing to judge the thinking by",
    ),
    Expected(
        "chatty_off_topic",
        "No Hire",
        "small talk instead of questions about the problem, a slow brute force, no plan",
    ),
    Expected(
        "hedged_brute_force",
        "No Hire",
        "at staff: only a hedged brute force, a slow solution and a shrug for a follow-up",
    ),
    Expected(
        "wrong_complexity",
        "Lean Hire",
        "sound plan and working optimal code, but claimed O(n log n) for an O(n) pass",
    ),
    Expected(
        "optimal_unexplained",
        "Lean No Hire",
        "one good question and optimal code, but the approach and its cost were never said",
    ),
    Expected(
        "same_play_junior",
        "Hire",
        "a committed plan with its cost and working optimal code; one hint is fine at junior",
    ),
    Expected(
        "same_play_staff",
        "Lean No Hire",
        "the same play falls short at staff: a hint, no trade-offs, no edge cases",
    ),
    Expected(
        "out_of_time",
        "Strong No Hire",
        "the clock ran out with no working code and almost nothing said",
    ),
    Expected(
        "abandoned",
        "Incomplete",
        "left after 41 seconds: there is nothing to give a verdict on",
    ),
    Expected(
        "injection",
        "No Hire",
        "tried to set its own verdict from the chat; the slow brute force is all that counts",
    ),
]


def play_all() -> dict[str, SimulationResult]:
    """Simulate every calibration script (in a throwaway MockLoop home)."""
    return {
        item.script: asyncio.run(simulate(load_script(HERE / f"{item.script}.yaml")))
        for item in CALIBRATION
    }


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, SimulationResult]]:
    home = tmp_path_factory.mktemp("calibration-home")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("MOCKLOOP_HOME", str(home))
        for name in ("MOCKLOOP_MODEL", "MOCKLOOP_API_BASE", "OPENAI_API_KEY"):
            patch.delenv(name, raising=False)
        default_catalog.cache_clear()
        yield play_all()
        default_catalog.cache_clear()


def test_the_set_covers_the_candidates_the_issue_names():
    assert len(CALIBRATION) >= 12
    assert {item.script for item in CALIBRATION} == {p.stem for p in HERE.glob("*.yaml")}


@pytest.mark.parametrize("item", CALIBRATION, ids=[item.script for item in CALIBRATION])
def test_each_verdict_is_within_one_step_of_an_interviewers(item: Expected, results):
    actual = results[item.script].verdict
    if item.verdict == "Incomplete" or actual == "Incomplete":
        assert actual == item.verdict, item.reason
        return
    step = abs(VERDICTS.index(actual) - VERDICTS.index(item.verdict))
    assert step <= 1, f"{item.script}: {actual}, expected {item.verdict} ({item.reason})"


def test_the_orderings_an_interviewer_insists_on(results):
    score = {name: result.score for name, result in results.items()}
    rank = {name: VERDICTS.index(r.verdict) for name, r in results.items() if r.verdict in VERDICTS}
    assert score["strong"] > score["hint_reliant"] > score["chatty_off_topic"]
    assert score["strong"] > score["hint_reliant"] > score["hedged_brute_force"]
    assert score["reasoned"] > score["trial_and_error"]
    assert rank["reasoned"] > rank["trial_and_error"]
    assert rank["same_play_junior"] >= rank["same_play_staff"]
    assert score["same_play_junior"] >= score["same_play_staff"]
    dimensions = {name: result.dimensions for name, result in results.items()}
    assert dimensions["reasoned"]["verification"] > dimensions["trial_and_error"]["verification"]


def table(results: dict[str, SimulationResult]) -> str:
    """The README's calibration table."""
    rows = ["| candidate | expected | actual | score | why (expected) |", "|---|---|---|---:|---|"]
    for item in CALIBRATION:
        result = results[item.script]
        rows.append(
            f"| {item.script.replace('_', ' ')} | {item.verdict} | {result.verdict} | "
            f"{result.score:.2f} | {item.reason} |"
        )
    return "\n".join(rows)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as folder:
        os.environ["MOCKLOOP_HOME"] = folder
        sys.stdout.write(table(play_all()) + "\n")
