"""The behavioral round: chat only, 3 to 5 questions on the company's values, probed for STAR.

Importing this module registers the round. Its content is the question bank under
`problems/behavioral/` (one file per competency), the persona's `behavioral` values and
`rubrics/behavioral.yaml`. The session's pack is the opening question; the interviewer picks
the rest from the seed, the company's values and the level.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mockloop.interviews import InterviewType, Panes, Report, catalog, register

if TYPE_CHECKING:
    from mockloop.catalog import Catalog
    from mockloop.engine.base import Interviewer
    from mockloop.events import Event
    from mockloop.models import Persona, Rubric
    from mockloop.questions import BankQuestion

DIMENSIONS = frozenset({"ownership", "impact", "collaboration", "self_awareness", "communication"})
DEFAULT_MINUTES = {"junior": 30, "mid": 35, "senior": 40, "staff": 45}


def bank(packs: Catalog) -> Mapping[str, BankQuestion]:
    """Every behavioral question by id, with its competency (loads the 12 competency files)."""
    from mockloop.questions import BankQuestion

    return {
        question.id: BankQuestion(
            question=question,
            competency=competency.competency,
            competency_title=competency.title,
            keywords=tuple(competency.keywords),
        )
        for competency in packs.competencies.values()
        for question in competency.questions
    }


def offered(packs: Catalog, persona: str, level: str) -> list[str]:
    """Questions for the level on the competencies the company values most."""
    from mockloop.engine.behavioral.plan import TOP_VALUES

    values = packs.persona(persona).behavioral if persona in packs.personas else None
    valued = set(values.valued()[:TOP_VALUES]) if values else None
    return sorted(
        slug
        for slug, question in bank(packs).items()
        if level in question.question.levels and (valued is None or question.competency in valued)
    )


def minutes(persona: Persona, level: str) -> int:
    """The round's length for the company and level (30 to 45 minutes)."""
    values = persona.behavioral
    return values.minutes[level] if values else DEFAULT_MINUTES[level]  # type: ignore[index]


def interviewer(persona: Persona, opening: BankQuestion, rubric: Rubric) -> Interviewer:
    """The offline behavioral interviewer (with a model, `engine.factory.with_model` lets the
    model decide chat turns within its rules, and this one is the fallback)."""
    from mockloop.engine.behavioral.interviewer import BehavioralInterviewer

    return BehavioralInterviewer(persona, opening, rubric, bank(catalog()))


def aside(opening: BankQuestion, events: Sequence[Event]) -> str:
    """The side pane: the competency of the question being asked; nothing once it is over."""
    from mockloop.events import InterviewerSaid, SessionEnded

    current = opening.competency_title
    for event in events:
        payload = event.payload
        if isinstance(payload, SessionEnded):
            return ""
        if isinstance(payload, InterviewerSaid):
            kind, _, value = payload.intent.partition(":")
            if kind == "question":
                question = bank(catalog()).get(value)
                current = question.competency_title if question else current
            elif kind == "wrap_up":
                return "Your questions for the interviewer"
    return f"Competency: {current}"


def phase(opening: BankQuestion, events: Sequence[Event], t: float) -> str:
    """The header's phase: the introduction, which question of how many, the candidate's own
    questions, or the end (the coding phases never move in this round)."""
    from mockloop.events import InterviewerSaid, SessionEnded, SessionStarted

    if events and isinstance(events[-1].payload, SessionEnded):
        return "Ended"
    asked: set[str] = set()
    for event in events:
        payload = event.payload
        if isinstance(payload, InterviewerSaid):
            kind, _, value = payload.intent.partition(":")
            if kind == "wrap_up":
                return "Your questions"
            if kind == "question":
                asked.add(value)
    started = events[0].payload if events else None
    if not asked or not isinstance(started, SessionStarted):
        return "Introduction"
    packs = catalog()
    values = (
        packs.persona(started.persona).behavioral if started.persona in packs.personas else None
    )
    total = values.questions.get(started.level) if values is not None else None
    return f"Question {len(asked)} of {total}" if total else f"Question {len(asked)}"


async def evaluate(
    events: Sequence[Event],
    opening: BankQuestion,
    rubric: Rubric,
    packs: Catalog,
    *,
    date: datetime.date,
    use_judge: bool = True,
    note: str = "",
) -> Report:
    """Stories from the log, the five scorers, and the report with its Stories table."""
    from mockloop.events import SessionStarted
    from mockloop.scoring.behavioral.evidence import collect_stories
    from mockloop.scoring.behavioral.report import advise, stories_section
    from mockloop.scoring.behavioral.scorers import SCORERS
    from mockloop.scoring.report import RoundSections, no_tests_mode, render
    from mockloop.scoring.rules import score

    started = events[0].payload
    assert isinstance(started, SessionStarted)
    questions = bank(packs)
    evidence = collect_stories(events, questions, rubric)
    scorecard = score(evidence, rubric, started.level, SCORERS)
    if note:
        scorecard = scorecard.model_copy(update={"judge_note": note})
    advice = advise(scorecard, evidence, packs.persona(started.persona), questions)
    markdown = render(
        events,
        scorecard,
        rubric,
        title=f"Behavioral: {len(evidence.stories)} questions",
        advice=advice,
        sections=RoundSections(
            results=stories_section(evidence),
            mode=no_tests_mode(started, "a behavioral round"),
        ),
        date=date.isoformat(),
    )
    return Report(scorecard, markdown)


def _statement(opening: Any) -> str:
    return (
        "A conversation about your experience. The interviewer asks about real situations "
        "from your work and follows up on each; answer in the chat."
    )


BEHAVIORAL = register(
    InterviewType(
        focus="behavioral",
        title="Behavioral",
        panes=Panes(editor=None),
        dimensions=DIMENSIONS,
        bank=bank,
        offered=offered,
        starter=lambda opening: "",
        statement=_statement,
        heading=lambda opening: "Behavioral round",
        interviewer=interviewer,
        evaluate=evaluate,
        minutes=minutes,
        aside=aside,
        phase=phase,
    )
)
