"""Calibration: scripted system design candidates get the verdict an experienced interviewer
would give (see `design_candidates.py` for each one's reason), in the right order."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from design_candidates import CANDIDATES, Candidate

from mockloop.simulation import SimulationResult, parse_script, simulate

VERDICTS = ["Strong No Hire", "No Hire", "Lean No Hire", "Lean Hire", "Hire", "Strong Hire"]


def script(candidate: Candidate) -> str:
    """A simulate script for a candidate: its actions, then the end a minute later."""
    lines = [
        f"  - {{at: {at}, {kind}: {json.dumps(text)}}}" for at, kind, text in candidate.actions
    ]
    lines.append(f"  - {{at: {candidate.actions[-1][0] + 60}, end: true}}")
    return (
        f"company: google\nlevel: {candidate.level}\nfocus: system-design\n"
        "problem: url-shortener\nseed: 3\nactions:\n" + "\n".join(lines) + "\n"
    )


PLAYED: dict[str, SimulationResult] = {}
"""Each candidate is played once per test run; the tests read the same results."""


@pytest.fixture
async def results(mockloop_home: Path) -> dict[str, SimulationResult]:
    for candidate in CANDIDATES:
        if candidate.name not in PLAYED:
            PLAYED[candidate.name] = await simulate(parse_script(script(candidate)))
    return PLAYED


def test_there_are_at_least_eight_candidates_with_reasons() -> None:
    assert len(CANDIDATES) >= 8
    assert all(c.reason and set(c.band) <= set(VERDICTS) for c in CANDIDATES)


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
    for weaker in CANDIDATES[1:]:
        if weaker.name != "solid_mid":
            assert score["thorough_staff"] > score[weaker.name], weaker.name
    assert score["no_estimates"] > score["buzzwords"]
    assert score["good_no_tradeoffs"] > score["buzzwords"]
    assert score["rules_change"] <= min(score["buzzwords"], score["out_of_time"])


async def test_the_dimensions_say_why(results: dict[str, SimulationResult]) -> None:
    dims = {name: result.dimensions for name, result in results.items()}
    assert dims["estimates_off_1000x"]["requirements"] <= 2.0
    assert dims["no_requirements"]["requirements"] <= 2.0
    assert dims["good_no_tradeoffs"]["tradeoffs"] < dims["thorough_staff"]["tradeoffs"]
    assert dims["buzzwords"]["high_level_design"] <= 2.5
    assert dims["out_of_time"]["deep_dive"] <= 2.0
    assert dims["thorough_staff"]["deep_dive"] >= 3.0
    assert dims["rules_change"]["communication"] <= 2.0
