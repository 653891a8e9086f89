"""Turns a scorecard into advice: strengths, improvements, habits, practice problems and a
two-day "weekend sprint" built from the weakest dimensions."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from mockloop.models import Problem
from mockloop.scoring.models import DimensionScore, Item, Scorecard

HABITS = {
    "no_clarifying_question": "Ask two or three clarifying questions (input size, duplicates, "
    "empty input) before you type anything.",
    "no_approach": "Say your approach and its cost out loud before the first line of code.",
    "no_complexity": "State the time and space complexity of every approach you propose.",
    "complexity_mismatch": "Check the complexity you claim against the loops you actually wrote.",
    "hint": "Before asking for a hint, spend two minutes listing what you know and one idea "
    "to try; say both out loud.",
    "out_of_time": "Budget the clock: approach agreed by minute 10, first run by minute 25.",
    "too_slow": "Read the input limits first and pick an approach whose complexity fits them.",
    "lint": "Lint your practice solutions and fix unused names, shadowed builtins and mutable "
    "defaults until it becomes automatic.",
    "long_function": "Split any function over 40 lines into small named helpers.",
    "broken": "Run the code as soon as a first version exists, even if it is incomplete.",
    "hidden_pass_rate": "Trace your code on the examples and one edge case before running it.",
    "unrun_final": "Re-run the tests after every change, especially the last one.",
    "silent_coding": "Narrate while coding: say what the next few lines will do and why.",
    "silence": "Never let five minutes pass in silence; give a one-line status instead.",
    "follow_up_ignored": "Answer the interviewer's questions directly before going back to "
    "the code.",
    "check_in_ignored": "When the interviewer checks in, answer with where you are and what "
    "is next.",
    "run_spam": "Change something meaningful between runs; read the failure before re-running.",
}
EXPECTATION_HABITS = {
    "reach the optimal approach": "After a first working idea, ask yourself which repeated "
    "work a data structure could remove, and reach for the optimal approach.",
    "discuss trade-offs unprompted": "Compare at least two approaches out loud and name what "
    "each one costs in time, memory and simplicity.",
    "name or test edge cases unprompted": "List the edge cases (empty, single, duplicates, "
    "negatives, huge inputs) before coding, and test two of them.",
}
NO_EVIDENCE_HABITS = {
    "problem_solving": "Talk through the problem and a plan before coding; silence gives the "
    "interviewer nothing to score.",
    "coding": "Get a first version of the code written, even a brute force one.",
    "verification": "Run your code at least once and name the edge cases you worry about.",
    "communication": "Say what you are thinking: the interviewer can only score what you say.",
}
DRILLS = {
    "problem_solving": "solve it on paper first: clarify, list two approaches with their "
    "complexity, pick one, and only then code",
    "coding": "write it in one go without running, then lint it and compare with a clean "
    "reference; rewrite anything unclear",
    "verification": "before running, write down three edge cases and the expected output for "
    "each; run, and explain every failure before fixing it",
    "communication": "solve it while recording yourself and narrate every step; listen back "
    "for silences over a minute",
}
DIFFICULTY = {"easy": 0, "medium": 1, "hard": 2}


class Practice(Protocol):
    """What Next steps shows of a pack to practise: a problem, or another round's item."""

    @property
    def slug(self) -> str: ...

    @property
    def title(self) -> str: ...

    @property
    def difficulty(self) -> str: ...

    @property
    def topics(self) -> list[str]: ...


@dataclass(frozen=True)
class Advice:
    """Everything the report's Strengths, Improvements and Next steps sections show."""

    strengths: list[tuple[DimensionScore, Item]]
    improvements: list[tuple[DimensionScore, str]]
    habits: list[str]
    practice: Sequence[Practice]
    sprint: list[tuple[str, str]]


def advise(scorecard: Scorecard, problem: Problem, bank: Sequence[Problem], level: str) -> Advice:
    """Derive the advice from the scores; deterministic for the same inputs."""
    ranked = sorted(scorecard.dimensions, key=lambda d: (-d.score, -d.weight))
    strengths = [
        (dimension, item)
        for dimension in ranked
        for item in dimension.items
        if item.effect == "+" and dimension.score >= 2.5
    ][:5]
    weakest = sorted(scorecard.dimensions, key=lambda d: (d.score, -d.weight))
    improvements: list[tuple[DimensionScore, str]] = []
    habits: list[str] = []
    for dimension in weakest:
        if dimension.no_evidence:
            improvements.append((dimension, "No evidence in this session"))
            habits.append(NO_EVIDENCE_HABITS.get(dimension.id, "Show this dimension next time."))
        for cap in dimension.caps:
            improvements.append((dimension, f"Capped because {cap}"))
        for item in dimension.items:
            if item.effect == "-":
                improvements.append((dimension, item.text))
                habit = EXPECTATION_HABITS.get(item.text.split(": ", 1)[-1]) or HABITS.get(
                    item.signal
                )
                if habit:
                    habits.append(habit)
    practice = practice_problems(scorecard, problem, bank, level)
    return Advice(
        strengths=strengths,
        improvements=improvements[:8],
        habits=list(dict.fromkeys(habits))[:5],
        practice=practice,
        sprint=sprint(weakest, practice, problem),
    )


def practice_problems(
    scorecard: Scorecard, problem: Problem, bank: Sequence[Problem], level: str
) -> list[Problem]:
    """Up to three other problems from the bank on this problem's topics.

    When problem solving or coding went wrong the same topics are practised at the same
    difficulty or easier; when they went well, at the same difficulty or harder.
    """
    struggled = any(
        d.score < 3.0 for d in scorecard.dimensions if d.id in ("problem_solving", "coding")
    )
    topics = set(problem.topics)
    here = DIFFICULTY[problem.difficulty]

    def fits(candidate: Problem) -> bool:
        step = DIFFICULTY[candidate.difficulty] - here
        return step <= 0 if struggled else step >= 0

    others = [
        candidate
        for candidate in bank
        if candidate.slug != problem.slug and topics & set(candidate.topics)
    ]
    pool = sorted(
        others,
        key=lambda c: (
            not (fits(c) and c.suits(None, level)),
            -len(topics & set(c.topics)),
            abs(DIFFICULTY[c.difficulty] - here),
            c.slug,
        ),
    )
    return pool[:3]


def sprint(
    weakest: Sequence[DimensionScore], practice: Sequence[Problem], problem: Problem
) -> list[tuple[str, str]]:
    """A two-day plan: each morning drills one of the two weakest dimensions on a problem."""
    focus = list(weakest[:2]) or []
    names = [p.slug for p in practice] or [problem.slug]
    while len(names) < 3:
        names.append(names[-1])
    plan: list[tuple[str, str]] = []
    if focus:
        first = focus[0]
        plan.append(
            (
                "Saturday morning",
                f"{first.name} ({first.score:.2f}): on `{names[0]}`, "
                f"{DRILLS.get(first.id, 'practise this dimension deliberately')}.",
            )
        )
        plan.append(
            (
                "Saturday afternoon",
                f"Timed 30 minutes on `{names[1]}` with the habits above on a sticky note; "
                "check it with `mockloop check`.",
            )
        )
    if len(focus) > 1:
        second = focus[1]
        plan.append(
            (
                "Sunday morning",
                f"{second.name} ({second.score:.2f}): on `{names[2]}`, "
                f"{DRILLS.get(second.id, 'practise this dimension deliberately')}.",
            )
        )
    plan.append(
        (
            "Sunday afternoon",
            f"A full mock on a new problem with `mockloop start`, then compare its scorecard "
            f"with this one on {', '.join(d.name.lower() for d in focus) or 'every dimension'}.",
        )
    )
    return plan
