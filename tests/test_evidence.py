"""Evidence from the shared reading (issue 13): what counts, and which event each item cites."""

from __future__ import annotations

import pytest
from scoring_support import SOLUTION, log, run, snapshot, started

from mockloop.catalog import load_catalog
from mockloop.events import CandidateSaid, Event, InterviewerSaid, SessionEnded
from mockloop.models import LevelName, Problem, Rubric
from mockloop.scoring import Scorecard, collect, score
from mockloop.scoring.evidence import final_run
from mockloop.scoring.lint import LintReport

BRUTE = (
    "def two_sum(nums: list[int], target: int) -> list[int]:\n"
    "    for first in range(len(nums)):\n"
    "        for second in range(first + 1, len(nums)):\n"
    "            if nums[first] + nums[second] == target:\n"
    "                return [first, second]\n"
    "    return []\n"
)


@pytest.fixture(scope="module")
def packs() -> tuple[Problem, Rubric]:
    catalog = load_catalog(("rubrics", "problems"))
    return catalog.problems["two-sum"], catalog.rubrics["coding"]


def scored(
    events: list[Event], problem: Problem, rubric: Rubric, level: LevelName = "senior"
) -> Scorecard:
    evidence = collect(events, problem, final_run(events), LintReport())
    return score(evidence, rubric, level)


def items(card: Scorecard, signal: str) -> list[tuple[int, str, str]]:
    return [
        (item.seq, item.text, item.effect)
        for dimension in card.dimensions
        for item in dimension.items
        if item.signal == signal
    ]


def said(t: float, text: str) -> tuple[float, CandidateSaid]:
    return (t, CandidateSaid(text=text))


def coded(problem: Problem, code: str, at: float = 300) -> list[tuple[float, object]]:
    return [(at, snapshot(code)), (at + 60, run(problem, code))]


def test_small_talk_is_not_a_clarifying_question(packs):
    problem, rubric = packs
    events = log(
        started(problem),
        [
            said(20, "Hey! Before we start, what is it like to work here?"),
            said(40, "And how big is your team?"),
            *coded(problem, SOLUTION),
            (900, SessionEnded(reason="candidate")),
        ],
    )
    card = scored(events, problem, rubric)
    assert not items(card, "clarifying_question")
    assert not items(card, "clarifying_depth")
    assert items(card, "no_clarifying_question")


def test_a_question_about_the_problem_counts(packs):
    problem, rubric = packs
    events = log(
        started(problem),
        [
            said(20, "Hi! Can the numbers be negative?"),
            *coded(problem, SOLUTION),
            (900, SessionEnded(reason="candidate")),
        ],
    )
    assert items(scored(events, problem, rubric), "clarifying_question")[0][0] == 1


def test_a_hedged_mention_is_not_a_proposal(packs):
    problem, rubric = packs
    events = log(
        started(problem),
        [
            said(60, "It's O(n^2) I think. Could do better with a hash map maybe"),
            *coded(problem, BRUTE),
            (900, SessionEnded(reason="candidate")),
        ],
    )
    card = scored(events, problem, rubric)
    assert not items(card, "approach_before_code")
    assert items(card, "approach_hedged")[0][2] == "-"
    assert not items(card, "explained_plan")


def test_stated_and_implemented_earns_credit_stated_and_not_implemented_counts_against(packs):
    problem, rubric = packs
    plan = said(60, "I'll use a hash map from value to index and look up the complement.")
    kept = log(
        started(problem), [plan, *coded(problem, SOLUTION), (900, SessionEnded(reason="time"))]
    )
    broken = log(
        started(problem), [plan, *coded(problem, BRUTE), (900, SessionEnded(reason="time"))]
    )
    [(seq, text, effect)] = items(scored(kept, problem, rubric), "approach_before_code")
    assert (seq, effect) == (1, "+") and "implemented it" in text
    [(seq, text, effect)] = items(scored(broken, problem, rubric), "approach_not_implemented")
    assert (seq, effect) == (1, "-") and "the code implements" in text


def test_each_complexity_claim_cites_its_own_message(packs):
    problem, rubric = packs
    events = log(
        started(problem),
        [
            said(60, "I'll use a hash map, that's O(n) time."),
            said(120, "And O(n) space for the map."),
            *coded(problem, SOLUTION),
            said(500, "Sorting first would be O(n log n) instead."),
            (900, SessionEnded(reason="candidate")),
        ],
    )
    claims = items(scored(events, problem, rubric), "complexity")
    assert [seq for seq, _, _ in claims] == [1, 2, 5]
    assert "O(n log n)" in claims[2][1] and "O(n)" not in claims[2][1].replace("O(n log n)", "")


def test_a_nested_complexity_is_quoted_as_written(packs):
    problem, rubric = packs
    events = log(
        started(problem),
        [said(60, "That is O(k·min(m, n)) overall."), (900, SessionEnded(reason="candidate"))],
    )
    [(_, text, _)] = items(scored(events, problem, rubric), "complexity")
    assert "O(k·min(m, n))" in text


def test_a_follow_up_answer_after_the_clock_spoke_is_still_an_answer(packs):
    problem, rubric = packs
    question = problem.follow_ups[0]
    events = log(
        started(problem),
        [
            *coded(problem, SOLUTION),
            (600, InterviewerSaid(text=question.question, intent="follow_up", engine="offline")),
            (610, InterviewerSaid(text="We're half way.", intent="time_half", engine="offline")),
            said(620, "ok"),
            said(640, f"I would use {question.answer_keywords[0]} for that."),
            (900, SessionEnded(reason="candidate")),
        ],
    )
    card = scored(events, problem, rubric)
    assert not items(card, "follow_up_ignored")
    [(seq, _, _)] = items(card, "follow_up_answered")
    assert seq == 6


def test_hint_requests_while_coding_are_not_talking_through_the_work(packs):
    problem, rubric = packs
    events = log(
        started(problem),
        [
            (300, snapshot(BRUTE)),
            said(400, "Can I get a hint?"),
            said(500, "What is it like to work on your team?"),
            (600, run(problem, BRUTE)),
            (900, SessionEnded(reason="candidate")),
        ],
    )
    card = scored(events, problem, rubric)
    assert not items(card, "narrated")
    assert items(card, "silent_coding")


def test_a_worked_example_is_not_a_trade_off(packs):
    problem, rubric = packs
    events = log(
        started(problem),
        [
            said(60, "For example with [2, 7, 11] and target 9: 2 vs 7 gives 9, so [0, 1]."),
            (900, SessionEnded(reason="candidate")),
        ],
    )
    card = scored(events, problem, rubric)
    assert not items(card, "tradeoffs")
    assert items(card, "traced")


def test_trial_and_error_scores_below_a_traced_first_pass(packs):
    problem, rubric = packs
    versions = [BRUTE.replace("first + 1", f"first + {k}") for k in (0, 2, 3, 4)] + [SOLUTION]
    trial: list[tuple[float, object]] = []
    for index, code in enumerate(versions):
        failing = [] if code == SOLUTION else ["example-1", "large-random"]
        trial += [
            (300 + 30 * index, snapshot(code)),
            (310 + 30 * index, run(problem, code, failing)),
        ]
    noisy = log(started(problem), [*trial, (900, SessionEnded(reason="candidate"))])
    traced = log(
        started(problem),
        [
            (300, snapshot(SOLUTION)),
            said(320, "Let me trace it by hand: for [2, 7, 11], 2 is stored, then 7 finds 2."),
            (360, run(problem, SOLUTION)),
            (900, SessionEnded(reason="candidate")),
        ],
    )
    noisy_card, traced_card = scored(noisy, problem, rubric), scored(traced, problem, rubric)
    assert items(noisy_card, "trial_and_error")[0][2] == "-"
    assert not items(noisy_card, "fail_to_pass")
    assert traced_card.dimension("verification").score > noisy_card.dimension("verification").score


def test_explaining_a_failure_before_fixing_it_earns_credit(packs):
    problem, rubric = packs
    events = log(
        started(problem),
        [
            (300, snapshot(BRUTE)),
            (360, run(problem, BRUTE, ["large-random"])),
            said(400, "It times out on the big input because the nested loop is O(n^2)."),
            (500, snapshot(SOLUTION)),
            (560, run(problem, SOLUTION)),
            (900, SessionEnded(reason="candidate")),
        ],
    )
    [(seq, _, effect)] = items(scored(events, problem, rubric), "explained_failure")
    assert (seq, effect) == (3, "+")


def test_every_dimension_that_lost_points_has_an_improvement_saying_how_to_earn_them(packs):
    from scoring_support import hinted, strong

    from mockloop.scoring.advice import advise

    problem, rubric = packs
    for build in (strong, hinted):
        card = scored(build(problem), problem, rubric)
        advice = advise(card, problem, [], "senior")
        explained = {dimension.id for dimension, _ in advice.improvements}
        lost = {d.id for d in card.dimensions if d.score < 4.0}
        assert explained == lost
    card = scored(hinted(problem), problem, rubric)
    lines = [text for _, text in advise(card, problem, [], "senior").improvements]
    assert "At senior, name the trade-off of your approach before you are asked." in lines


def test_improvements_say_none_only_when_nothing_was_lost(packs):
    from mockloop.scoring.advice import lost_points
    from mockloop.scoring.models import DimensionScore

    full = DimensionScore(
        id="coding", name="Coding", score=4.0, evidence_score=4.0, weight=1, reason="r"
    )
    assert lost_points(full, "senior") == []
    three = full.model_copy(update={"score": 3.0, "id": "verification"})
    assert lost_points(three, "senior")


def test_a_short_session_without_a_passing_run_is_incomplete_not_a_verdict(packs):
    import asyncio

    from mockloop.scoring import evaluate, render_report
    from mockloop.scoring.completeness import INCOMPLETE, is_incomplete

    problem, rubric = packs
    abandoned = log(
        started(problem),
        [said(20, "Hi, can the numbers be negative?"), (41, SessionEnded(reason="candidate"))],
    )
    quick_pass = log(
        started(problem),
        [*coded(problem, SOLUTION, at=100), (400, SessionEnded(reason="candidate"))],
    )
    long_fail = log(
        started(problem),
        [(300, snapshot(BRUTE)), (700, SessionEnded(reason="candidate"))],
    )
    assert is_incomplete(abandoned)
    assert not is_incomplete(quick_pass)  # a passing run inside 25% is enough evidence
    assert not is_incomplete(long_fail)  # over 25% of 45 minutes
    card = asyncio.run(evaluate(abandoned, problem, rubric, use_judge=False))
    assert card.verdict == INCOMPLETE
    markdown = render_report(abandoned, card, problem, rubric, date="2026-01-01")
    assert "**Incomplete: not enough evidence for a verdict.**" in markdown
    assert "Strong No Hire" not in markdown.split("## Scores")[0]


def test_lint_that_could_not_run_is_said_once_and_costs_nothing(packs):
    from mockloop.scoring import render_report

    problem, rubric = packs
    events = log(
        started(problem), [*coded(problem, SOLUTION), (900, SessionEnded(reason="candidate"))]
    )
    final = final_run(events)
    clean = score(collect(events, problem, final, LintReport()), rubric, "senior")
    missing = LintReport(ran=False, note="the lint check could not run: ruff is not installed")
    skipped = score(collect(events, problem, final, missing), rubric, "senior")
    assert skipped.dimension("coding").score == clean.dimension("coding").score
    markdown = render_report(events, skipped, problem, rubric, date="2026-01-01")
    assert markdown.count("could not run") == 1


def test_ruff_is_a_runtime_dependency():
    import tomllib
    from pathlib import Path

    project = tomllib.loads((Path(__file__).parents[1] / "pyproject.toml").read_text())
    assert any(dep.startswith("ruff==") for dep in project["project"]["dependencies"])
    lock = (Path(__file__).parents[1] / "requirements.lock").read_text()
    assert "\nruff==" in lock
