"""What the behavioral interviewer does next, as pure functions of the log and the bank.

`choose_questions` picks the round's questions (the opening one, then the company's valued
competencies, one question each). `progress` folds the log into where the round is, and
`next_move` decides between probing the current story, moving on and wrapping up. Nothing
here touches the log or the clock, so replaying a log gives the same decisions.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from mockloop.events import CandidateSaid, Event, InterviewerSaid
from mockloop.models import COMPETENCIES, BehavioralBar, BehavioralValues, LevelName
from mockloop.questions import BankQuestion
from mockloop.stories import EMPTY, Reading, off_topic, read_answer, scope_reaches

OPENING_SECONDS = 120.0
"""The greeting and the format, before the first question."""
CLOSING_SECONDS = 240.0
"""Kept for the candidate's own questions at the end."""
MAX_PROBES = 4
"""Follow-ups on one story before moving on, however much is still missing."""
TOP_VALUES = 6
"""How many of the company's most-named competencies the round draws from first."""

MoveKind = Literal["probe", "next", "wrap_up", "answer"]


def question_budget(minutes: int, count: int) -> float:
    """Seconds each question may take before the interviewer moves on."""
    return max(120.0, (minutes * 60 - OPENING_SECONDS - CLOSING_SECONDS) / max(count, 1))


def choose_questions(
    bank: Mapping[str, BankQuestion],
    values: BehavioralValues | None,
    level: LevelName,
    opening: BankQuestion,
    seed: int,
    count: int,
) -> list[BankQuestion]:
    """The opening question, then one question per further competency, favouring the
    company's valued ones; deterministic for a seed."""
    rng = random.Random(seed)
    valued = list(values.valued() if values else COMPETENCIES)
    top, rest = valued[:TOP_VALUES], [c for c in COMPETENCIES if c not in valued[:TOP_VALUES]]
    rng.shuffle(top)
    chosen, used = [opening], {opening.competency}
    for competency in [*top, *rest]:
        if len(chosen) >= count:
            break
        if competency in used:
            continue
        options = sorted(
            (q for q in bank.values() if q.competency == competency and level in q.question.levels),
            key=lambda q: q.slug,
        )
        if options:
            chosen.append(rng.choice(options))
            used.add(competency)
    return chosen


@dataclass
class Progress:
    """Where the round is, folded from the log."""

    asked: list[str] = field(default_factory=list)
    """Question ids asked, in order."""
    asked_at: float = 0.0
    probes: list[str] = field(default_factory=list)
    """Probes asked on the current question."""
    story: Reading = EMPTY
    """The current story so far (its answer and the replies to probes)."""
    last_answer: Reading = EMPTY
    encouraged: bool = False
    """The candidate said no example came to mind and was encouraged to find one."""
    wrapped: bool = False


def progress(
    events: Sequence[Event],
    keywords: Mapping[str, Sequence[str]],
    read: Callable[[str, str], Reading] | None = None,
) -> Progress:
    """Fold the log: which questions were asked, the current story and its probes.

    Only the current story's answers are read (earlier stories do not change what to do
    next), so the cost stays that of one story however long the session is. `read` reads
    an answer to a question id (the interviewer passes one that remembers what it has read).
    """
    state = Progress()
    current = 0
    for index, event in enumerate(events):
        payload = event.payload
        if isinstance(payload, InterviewerSaid):
            kind, _, value = payload.intent.partition(":")
            if kind == "question":
                state.asked.append(value)
                state.asked_at, state.probes, current = event.t, [], index
                state.encouraged = False
            elif kind == "encourage":
                state.encouraged = True
            elif kind == "probe":
                state.probes.append(value)
            elif kind == "wrap_up":
                state.wrapped = True
    if not state.asked or state.wrapped:
        return state
    for event in events[current:]:
        if isinstance(event.payload, CandidateSaid):
            text = event.payload.text
            asked = state.asked[-1]
            state.last_answer = read(text, asked) if read else read_answer(text, keywords)
            if not state.last_answer.request:
                state.story = state.story.merge(state.last_answer)
    return state


@dataclass(frozen=True)
class Move:
    """The interviewer's next step: a probe by name, the next question, or the wrap-up."""

    kind: MoveKind
    probe: str = ""


def next_probe(
    story: Reading, asked: Sequence[str], bar: BehavioralBar, level: str, competency: str = ""
) -> str | None:
    """The most important thing the story still lacks, not already probed for: first a real
    event, when the answer was what the candidate would do, then the question asked, when
    the story is clearly about another competency (`competency` given)."""
    wanted: list[tuple[bool, str]] = [
        (story.hypothetical, "real_example"),
        (bool(competency) and off_topic(story, competency), "fit"),
        ("action" not in story.parts, "action"),
        (story.we_ratio > bar.max_we_ratio or story.i_count == 0, "you_not_we"),
        ("situation" not in story.parts, "situation"),
        ("result" not in story.parts, "result"),
        (not story.metric and (bar.needs_metric or "result" in story.parts), "metric"),
        (not story.specifics, "specifics"),
        ("task" not in story.parts, "task"),
        (not story.reflection, "reflection"),
        (level == "staff" and not scope_reaches(story, bar.expected_scope), "scope"),
    ]
    return next((probe for lacking, probe in wanted if lacking and probe not in asked), None)


def next_move(
    state: Progress, now: float, budget: float, bar: BehavioralBar, level: str, competency: str = ""
) -> Move:
    """After an answer: probe what the story lacks while its time lasts, else move on."""
    if state.wrapped:
        return Move("answer")
    if state.story.hypothetical and "real_example" in state.probes:
        return Move("next")  # still no real event: details of an imagined one tell nothing
    if competency and "fit" in state.probes and off_topic(state.story, competency):
        return Move("next")  # still another question's story: its details tell nothing here
    if now - state.asked_at < budget and len(state.probes) < MAX_PROBES:
        probe = next_probe(state.story, state.probes, bar, level, competency)
        if probe is not None:
            return Move("probe", probe)
    return Move("next")
