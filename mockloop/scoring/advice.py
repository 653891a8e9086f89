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
    "complexity_contradicted": "Before stating a complexity, count the nested loops in the "
    "code you actually wrote.",
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
EARN = {
    "no_clarifying_question": "ask about the problem itself (input size, duplicates, empty "
    "input) before coding",
    "no_approach": "commit to an approach out loud before the first line of code",
    "approach_hedged": 'commit to one approach ("I\'ll use …") instead of floating it as a maybe',
    "approach_not_implemented": "implement the approach you proposed, or say why you changed it",
    "no_complexity": "state the time and space complexity of your approach",
    "complexity_mismatch": "check the complexity you claim against the loops you wrote",
    "complexity_contradicted": "count the loops in the code you wrote before you state its "
    "complexity: the measurement grew faster than you said",
    "hint": "work through one more idea out loud before asking for a hint",
    "out_of_time": "agree the approach by minute 10 and run a first version by minute 25",
    "too_slow": "pick an approach whose complexity fits the input limits",
    "lint": "fix the lint findings before you say you are done",
    "long_function": "split the long function into small named helpers",
    "broken": "run a first version as soon as it exists and fix what stops it running",
    "hidden_pass_rate": "trace the examples and an edge case through the code before running",
    "unrun_final": "re-run the tests after your last change",
    "first_run": "check the code by hand before the first run so it passes first time",
    "trial_and_error": "say what a failure means before changing the code, instead of "
    "trying small edits",
    "silent_coding": "say what the next few lines will do while you write them",
    "silence": "give a one-line status instead of a long silence",
    "follow_up_ignored": "answer the follow-up question directly",
    "check_in_ignored": "answer the interviewer's check-in with where you are and what is next",
    "run_spam": "change something meaningful between runs",
}
EXPECTATION_EARN = {
    "reach the optimal approach": "reach the optimal approach",
    "discuss trade-offs unprompted": "name the trade-off of your approach before you are asked",
    "name or test edge cases unprompted": "name the edge cases and test two of them before "
    "you are asked",
}
GAINS: dict[str, list[tuple[str, float, str]]] = {
    "problem_solving": [
        ("clarifying_question", 0.25, "Ask a question about the problem before coding."),
        ("approach_before_code", 0.75, "State an approach before coding and implement it."),
        ("optimal", 1.0, "Reach the optimal approach and show it passes the large inputs."),
        ("complexity", 0.25, "State the time and space complexity of your approach."),
        ("complexity_matches", 0.25, "Make your complexity claim match the code you wrote."),
        ("tradeoffs", 0.25, "Name the trade-off of your approach before you are asked."),
    ],
    "coding": [
        ("hidden_pass_rate", 2.0, "Make every hidden case pass."),
        ("performance", 0.5, "Make the code fast enough for the large inputs."),
        ("clean_code", 0.5, "Leave the final code lint-clean."),
    ],
    "verification": [
        ("traced", 0.5, "Trace an example by hand before the first run."),
        ("first_run", 0.75, "Make the first run pass: check the code by hand before it."),
        ("final_passes", 0.5, "Finish with a run that passes every case."),
        ("edge_case", 0.25, "Name the edge cases you are worried about and test them."),
    ],
    "communication": [
        ("spoke_first", 0.5, "Talk through the problem before coding."),
        ("explained_plan", 0.5, "Explain your plan before writing code."),
        ("narrated", 0.75, "Talk through what you are writing while you code."),
        ("explained_cost", 0.25, "Say what your approach costs."),
        ("debrief", 0.25, "Talk through the result once the code works."),
    ],
}
"""What earns each dimension's points, for an Improvements line when a point was lost and no
item says why."""
EXPLAINED_BY = {
    "clarifying_question": {"no_clarifying_question"},
    "approach_before_code": {"no_approach", "approach_hedged", "approach_not_implemented"},
    "optimal": {"too_slow", "reach the optimal approach"},
    "complexity": {"no_complexity"},
    "complexity_matches": {"complexity_mismatch", "complexity_contradicted", "no_complexity"},
    "tradeoffs": {"discuss trade-offs unprompted"},
    "follow_up": {"follow_up_ignored"},
    "hidden_pass_rate": {"broken"},
    "performance": {"too_slow"},
    "clean_code": {"lint", "lint_skipped"},
    "first_run": {"first_run"},
    "final_passes": {"unrun_final"},
    "edge_case": {"name or test edge cases unprompted"},
    "narrated": {"silent_coding"},
    "follow_up_answered": {"follow_up_ignored"},
}
"""A missing gain already explained by an item against (its signal or level expectation)."""
MORE = {
    "problem_solving": "Go one step further: compare two approaches and their costs out loud.",
    "coding": "Make every hidden and large case pass with lint-clean code.",
    "verification": "Trace an example by hand before running and name more edge cases.",
    "communication": "Talk through the code at more than one point while you write it.",
}
"""The last resort when a dimension lost part of a point that no single item explains."""


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
        improvements += [(dimension, line) for line in lost_points(dimension, level)]
        if dimension.no_evidence:
            habits.append(NO_EVIDENCE_HABITS.get(dimension.id, "Show this dimension next time."))
        for item in dimension.items:
            if item.effect == "-":
                habit = EXPECTATION_HABITS.get(item.text.split(": ", 1)[-1]) or HABITS.get(
                    item.signal
                )
                if habit:
                    habits.append(habit)
    practice = practice_problems(scorecard, problem, bank, level)
    return Advice(
        strengths=strengths,
        improvements=improvements,
        habits=list(dict.fromkeys(habits))[:5],
        practice=practice,
        sprint=sprint(weakest, practice, problem),
    )


def lost_points(dimension: DimensionScore, level: str) -> list[str]:
    """One line for every point the dimension lost, each saying what would have earned it;
    nothing when the dimension scored full marks."""
    if dimension.score >= 4.0:
        return []
    if dimension.no_evidence:
        return [
            "No evidence in this session; "
            + NO_EVIDENCE_HABITS.get(dimension.id, "show this dimension next time.").lower()
        ]
    lines = [f"Capped because {cap}" for cap in dimension.caps]
    for item in dimension.items:
        if item.effect != "-":
            continue
        if item.signal == "level_expectation":
            what = item.text.split(": ", 1)[-1]
            lines.append(f"At {level}, {EXPECTATION_EARN.get(what, what)}.")
        else:
            earn = EARN.get(item.signal)
            lines.append(f"{item.text}: {earn}." if earn else item.text)
    earned = {item.signal for item in dimension.items if item.effect == "+"}
    against = {item.signal for item in dimension.items if item.effect == "-"} | {
        item.text.split(": ", 1)[-1] for item in dimension.items if item.effect == "-"
    }
    covered = sum(0.25 for _ in lines) + dimension.score
    for signal, value, text in GAINS.get(dimension.id, []):
        if covered >= 4.0 and lines:
            break
        if signal not in earned and not EXPLAINED_BY.get(signal, set()) & against:
            lines.append(text)
            covered += value
    counted = {line: lines.count(line) for line in lines}
    merged = [line if times == 1 else f"{line} ({times}×)" for line, times in counted.items()]
    return merged or [MORE.get(dimension.id, "Show this dimension more fully.")]


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
