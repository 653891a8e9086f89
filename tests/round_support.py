"""Late sessions of the behavioral and design rounds with a model, for the prompt-size tests
and bench/round_decisions.py."""

from __future__ import annotations

from mockloop import llm
from mockloop.clock import SimulatedClock
from mockloop.engine.behavioral.interviewer import BehavioralInterviewer
from mockloop.engine.behavioral.model import BehavioralModel
from mockloop.engine.design.interviewer import DesignInterviewer
from mockloop.engine.design.model import DesignModel
from mockloop.events import CandidateSaid, InterviewerSaid
from mockloop.interviews import catalog
from mockloop.planning import plan_interview
from mockloop.session import MemorySink, Session

CONFIG = llm.ModelConfig("openai/fixture", "http://x/v1")
STORY = (
    "At my last job I led the migration of our billing service, step {turn}: I traced the "
    "slow queries, wrote the plan with the two partner teams, and we cut latency by 30%. "
)


def late_behavioral(
    config: llm.ModelConfig = CONFIG, level: str = "staff"
) -> tuple[BehavioralModel, Session]:
    """Half-way through the second question of a staff Amazon round: long answers, probes,
    ending with a candidate answer for the model to decide on."""
    plan = plan_interview(
        catalog(), "amazon", level, focus="behavioral",
        problem_slug="ownership-unowned-problem", seed=7,
        model=config.model, api_base=config.api_base,
    )  # fmt: skip
    clock = SimulatedClock()
    session = Session.start(plan.started, MemorySink(), clock)
    offline = plan.kind.interviewer(plan.persona, plan.pack, plan.rubric)
    assert isinstance(offline, BehavioralInterviewer)
    questions = offline.questions(session)
    for number, question in enumerate(questions[:2]):
        session.append(
            InterviewerSaid(
                text=question.question.text, intent=f"question:{question.slug}", engine="offline"
            )
        )
        answers = 4 if number == 0 else 2
        for turn in range(answers):
            clock.advance(70)
            session.append(CandidateSaid(text=STORY.format(turn=turn) * 3))
            if turn < answers - 1:
                text = f"Thanks (probe {turn}). What did you do yourself?"
                intent = ("probe:you_not_we", "probe:metric", "probe:reflection")[turn]
                session.append(InterviewerSaid(text=text, intent=intent, engine="llm"))
    return BehavioralModel(offline, config), session


def design_notes(lines: int) -> str:
    """Design notes of about `lines` lines: numbers, components, a diagram."""
    body = [
        f"- {n}: 10k QPS through the cache -> the store, 2 KB per item, 50M DAU"
        for n in range(lines)
    ]
    return "## Requirements\n\n## Estimates\n" + "\n".join(body) + "\n"


def late_design(config: llm.ModelConfig = CONFIG) -> tuple[DesignModel, Session]:
    """38 minutes into a 45-minute staff URL-shortener round: 60 exchanges, 300 lines of notes
    written in six edits, ending with a candidate message for the model to decide on."""
    plan = plan_interview(
        catalog(), "google", "staff", focus="system-design", problem_slug="url-shortener",
        seed=3, model=config.model, api_base=config.api_base,
    )  # fmt: skip
    clock = SimulatedClock()
    session = Session.start(plan.started, MemorySink(), clock)
    offline = plan.kind.interviewer(plan.persona, plan.pack, plan.rubric)
    assert isinstance(offline, DesignInterviewer)
    model = DesignModel(offline, config)
    for turn in range(60):
        clock.advance(38)
        session.append(CandidateSaid(text=f"Thinking aloud, step {turn}: the cache fronts it."))
        text = f"Okay, go on (turn {turn}). What fails first?"
        session.append(InterviewerSaid(text=text, intent="ack", engine="llm"))
        if turn % 10 == 0:
            session.snapshot(design_notes(5 * (turn + 10)), "idle")
            model.context(session)  # the interviewer reads as the round goes
    session.snapshot(
        design_notes(300) + "## Failure\n- a cache node dies: reads fall to the store\n", "idle"
    )
    session.append(CandidateSaid(text="What happens when a cache node dies?"))
    return model, session
