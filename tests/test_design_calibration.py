"""Calibration: scripted system design candidates on three prompts (URL shortener, rate
limiter, news feed) get the verdict an experienced interviewer would give, within one step
(see `design_candidates*.py` for each one's reason), and the orderings an interviewer would
insist on hold. Run this file directly (`python tests/test_design_calibration.py`) to print
the calibration table in docs/how-it-works.md.
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

import pytest
from design_candidates import CANDIDATES as URL_SHORTENER
from design_candidates import Candidate
from design_candidates_chat import CANDIDATES as CHAT
from design_candidates_news_feed import CANDIDATES as NEWS_FEED
from design_candidates_rate_limiter import CANDIDATES as RATE_LIMITER

from mockloop.simulation import SimulationResult, parse_script, simulate

VERDICTS = ["Strong No Hire", "No Hire", "Lean No Hire", "Lean Hire", "Hire", "Strong Hire"]
CANDIDATES = [*URL_SHORTENER, *RATE_LIMITER, *NEWS_FEED, *CHAT]


PLAYED: dict[str, SimulationResult] = {}
"""Each candidate is played once per test run; the tests read the same results."""


async def play_all() -> dict[str, SimulationResult]:
    """Play every candidate not played yet (MOCKLOOP_HOME must point somewhere safe)."""
    for candidate in CANDIDATES:
        if candidate.name not in PLAYED:
            PLAYED[candidate.name] = await simulate(parse_script(candidate.script()))
    return PLAYED


@pytest.fixture
async def results(mockloop_home: Path) -> dict[str, SimulationResult]:
    return await play_all()


def steps_off(candidate: Candidate, verdict: str) -> int:
    """How many verdict steps the actual verdict is from the expected one."""
    return abs(VERDICTS.index(verdict) - VERDICTS.index(candidate.expected))


def test_there_are_candidates_on_three_prompts_with_reasons() -> None:
    assert len(CANDIDATES) >= 16
    assert len({c.name for c in CANDIDATES}) == len(CANDIDATES)
    assert {c.prompt for c in CANDIDATES} >= {"url-shortener", "rate-limiter", "news-feed"}
    assert all(c.reason and c.expected in VERDICTS for c in CANDIDATES)


async def test_each_verdict_is_within_one_step_of_the_interviewers(
    results: dict[str, SimulationResult],
) -> None:
    wrong = {
        c.name: (results[c.name].verdict, results[c.name].score, c.expected, c.reason)
        for c in CANDIDATES
        if steps_off(c, results[c.name].verdict) > 1
    }
    assert not wrong


async def test_orderings(results: dict[str, SimulationResult]) -> None:
    score = {name: result.score for name, result in results.items()}
    for weaker in URL_SHORTENER[1:]:
        if weaker.name != "solid_mid":
            assert score["thorough_staff"] > score[weaker.name], weaker.name
    assert score["no_estimates"] > score["buzzwords"]
    assert score["good_no_tradeoffs"] > score["buzzwords"]
    # Both sit at the floor: the verdict is what must not reward trying to change the rules.
    verdict = {name: VERDICTS.index(result.verdict) for name, result in results.items()}
    assert verdict["rules_change"] <= min(verdict["buzzwords"], verdict["out_of_time"])
    assert score["rules_change"] < score["out_of_time"]
    for strong, others in (("limiter_strong", RATE_LIMITER), ("feed_strong", NEWS_FEED)):
        for weaker in others:
            if weaker.name != strong:
                assert score[strong] > score[weaker.name], weaker.name
    assert score["limiter_no_deep_dive"] > score["limiter_buzzwords"]
    assert score["limiter_estimates_off"] > score["limiter_buzzwords"]
    assert score["feed_no_deep_dive"] > score["feed_buzzwords"]


async def test_the_dimensions_say_why(results: dict[str, SimulationResult]) -> None:
    dims = {name: result.dimensions for name, result in results.items()}
    assert dims["estimates_off_1000x"]["requirements"] <= 2.0
    assert dims["no_requirements"]["requirements"] <= 2.0
    assert dims["good_no_tradeoffs"]["tradeoffs"] < dims["thorough_staff"]["tradeoffs"]
    assert dims["buzzwords"]["high_level_design"] <= 2.5
    assert dims["out_of_time"]["deep_dive"] <= 2.0
    assert dims["thorough_staff"]["deep_dive"] >= 3.0
    assert dims["rules_change"]["communication"] <= 2.0
    for strong in ("limiter_strong", "feed_strong"):
        assert min(dims[strong].values()) >= 3.0, strong
    for off in ("limiter_estimates_off", "feed_estimates_off"):
        assert dims[off]["requirements"] <= 2.0, off
    for shallow in ("limiter_no_deep_dive", "feed_no_deep_dive"):
        assert dims[shallow]["deep_dive"] <= 2.0, shallow
    for buzz in ("limiter_buzzwords", "feed_buzzwords"):
        assert dims[buzz]["high_level_design"] <= 2.5 and dims[buzz]["tradeoffs"] <= 1.5, buzz


def table(played: dict[str, SimulationResult]) -> str:
    """The calibration table as Markdown: expected and actual verdicts, and why."""
    rows = [
        "| prompt | candidate | level | expected | actual | score | why (expected) |",
        "|---|---|---|---|---|---:|---|",
    ]
    for c in CANDIDATES:
        result = played[c.name]
        rows.append(
            f"| {c.prompt} | {c.name.replace('_', ' ')} | {c.level} | {c.expected} | "
            f"{result.verdict} | {result.score:.2f} | {c.reason} |"
        )
    exact = sum(1 for c in CANDIDATES if played[c.name].verdict == c.expected)
    near = sum(1 for c in CANDIDATES if steps_off(c, played[c.name].verdict) <= 1)
    rows.append("")
    rows.append(f"{exact} of {len(CANDIDATES)} exact, {near} within one step.")
    return "\n".join(rows)


if __name__ == "__main__":
    os.environ["MOCKLOOP_HOME"] = tempfile.mkdtemp(prefix="mockloop-calibration-")
    sys.stdout.write(table(asyncio.run(play_all())) + "\n")
