"""Calibration: scripted behavioral candidates get the verdict an experienced interviewer
would give (see `behavioral_candidates.py` for each one's reason), in the right order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from behavioral_candidates import CANDIDATES, Candidate

from mockloop.simulation import SimulationResult, parse_script, simulate

VERDICTS = ["Strong No Hire", "No Hire", "Lean No Hire", "Lean Hire", "Hire", "Strong Hire"]
GAP = 90
"""Seconds between the candidate's messages."""


def script(candidate: Candidate) -> str:
    """A simulate script: each answer 90 s after the last, then the end."""
    actions = [
        f"  - {{at: {GAP * (index + 1)}, say: {json.dumps(text)}}}"
        for index, text in enumerate(candidate.answers)
    ]
    actions.append(f"  - {{at: {GAP * (len(candidate.answers) + 1)}, end: true}}")
    return (
        f"company: amazon\nlevel: {candidate.level}\nfocus: behavioral\n"
        "problem: ownership-unowned-problem\nseed: 7\nactions:\n" + "\n".join(actions) + "\n"
    )


async def play(candidate: Candidate) -> SimulationResult:
    return await simulate(parse_script(script(candidate)))


PLAYED: dict[str, SimulationResult] = {}
"""Each candidate is played once per test run; the tests read the same results."""


@pytest.fixture
async def results(mockloop_home: Path) -> dict[str, SimulationResult]:
    for candidate in CANDIDATES:
        if candidate.name not in PLAYED:
            PLAYED[candidate.name] = await play(candidate)
    return PLAYED


async def test_each_candidate_gets_the_verdict_an_interviewer_would(
    results: dict[str, SimulationResult],
) -> None:
    wrong = {
        c.name: (results[c.name].verdict, results[c.name].score, c.band, c.reason)
        for c in CANDIDATES
        if results[c.name].verdict not in c.band
    }
    assert not wrong


async def test_orderings(results: dict[str, SimulationResult]) -> None:
    score = {name: result.score for name, result in results.items()}
    for weaker in (
        "we_only",
        "no_result",
        "rambling",
        "one_liners",
        "wrong_competency",
        "hypothetical",
    ):
        assert score["strong"] > score[weaker], weaker
    assert score["rambling"] > score["one_liners"]
    assert score["rules_change"] <= score["one_liners"]
    junior, staff = results["junior_moderate"], results["staff_moderate"]
    assert VERDICTS.index(junior.verdict) > VERDICTS.index(staff.verdict)


async def test_the_dimensions_say_why(results: dict[str, SimulationResult]) -> None:
    assert results["we_only"].dimensions["ownership"] <= 2.0
    assert results["strong"].dimensions["ownership"] >= 3.0
    assert results["no_result"].dimensions["impact"] <= 2.0
    assert results["hypothetical"].dimensions["ownership"] <= 2.0  # "I would" is not "I did"
    assert results["wrong_competency"].dimensions["communication"] <= 2.0
    assert (
        results["rambling"].dimensions["communication"]
        < results["strong"].dimensions["communication"]
    )
