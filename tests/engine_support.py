"""Helpers for engine tests: packs loaded once per test run, and an interview driver."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from mockloop import events, llm
from mockloop.catalog import load_persona, load_problem, load_rubric
from mockloop.clock import SimulatedClock
from mockloop.engine.base import Trigger
from mockloop.engine.llm_interviewer import LLMInterviewer
from mockloop.engine.offline import OfflineInterviewer
from mockloop.events import CandidateSaid, HintGiven, InterviewerSaid, SessionStarted
from mockloop.models import Persona, Problem, Rubric
from mockloop.session import MemorySink, Session

ROOT = Path(__file__).resolve().parent.parent


@cache
def packs(company: str, slug: str) -> tuple[Persona, Problem, Rubric]:
    """The persona, problem and coding rubric, parsed once (the catalog cache is per test)."""
    persona = load_persona(ROOT / "personas" / f"{company}.yaml")
    problem = load_problem(ROOT / "problems" / slug)
    rubric = load_rubric(ROOT / "rubrics" / "coding.yaml")
    return persona, problem, rubric


def started_event(
    persona: Persona,
    problem: Problem,
    *,
    seed: int = 7,
    model: str | None = None,
    api_base: str | None = None,
    level: str = "senior",
) -> SessionStarted:
    """A session_started payload for these packs."""
    return SessionStarted(
        company=persona.company,
        persona=persona.id,
        level=level,  # type: ignore[arg-type]
        level_title=persona.levels[level].title,  # type: ignore[index]
        problem=problem.slug,
        rubric="coding",
        minutes=45,
        seed=seed,
        model=model,
        api_base=api_base,
        starter=problem.starter,
    )


def last_said(session: Session) -> InterviewerSaid:
    """The latest interviewer_said payload."""
    for event in reversed(session.events):
        if isinstance(event.payload, InterviewerSaid):
            return event.payload
    raise AssertionError("the interviewer never spoke")


async def collect(interviewer: object, session: Session, trigger: Trigger) -> list[str]:
    """All chunks streamed for one trigger."""
    return [piece async for piece in interviewer.respond(session, trigger)]  # type: ignore[attr-defined]


def new_session(
    started: SessionStarted, sink: object | None = None
) -> tuple[Session, SimulatedClock]:
    """A session on a simulated clock."""
    clock = SimulatedClock()
    return Session.start(started, sink or MemorySink(), clock), clock  # type: ignore[arg-type]


def offline_for(company: str, slug: str) -> OfflineInterviewer:
    """An offline interviewer for the packs."""
    return OfflineInterviewer(*packs(company, slug))


def candidate(session: Session, text: str) -> object:
    """Append a candidate message and return the event."""
    return session.append(CandidateSaid(text=text))


CODE = """def two_sum(nums: list[int], target: int) -> list[int]:
    # brute force first, then I'll improve it
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
    return []
"""
BETTER = CODE.replace("    # brute force first, then I'll improve it\n", "    # nested loops\n")


def late_session(config: llm.ModelConfig | None = None) -> tuple[LLMInterviewer, Session]:
    """38 minutes into a 45-minute senior interview on two-sum: 60 exchanges, edits, a run and
    a hint, ending with a candidate message for the model to decide on."""
    config = config or llm.ModelConfig("openai/fixture", "http://x/v1")
    persona, problem, rubric = packs("google", "two-sum")
    started = started_event(persona, problem, model=config.model, api_base=config.api_base)
    session, clock = new_session(started)
    offline = OfflineInterviewer(persona, problem, rubric)
    interviewer = LLMInterviewer(offline, config)
    session.change_phase("clarify", "greeting")
    for turn in range(60):
        clock.advance(38)
        session.append(CandidateSaid(text=f"Thinking aloud, step {turn}: I check each pair."))
        text = f"Okay, go on (turn {turn}). What would you check next?"
        session.append(InterviewerSaid(text=text, intent="probe", engine="llm"))
        if turn == 20:
            session.snapshot(CODE, "idle")
        if turn == 30:
            session.append(HintGiven(rung=1, text=problem.hints[0]))
    session.change_phase("code", "model")
    session.snapshot(BETTER, "message")
    session.append(
        events.TestsRun(
            status="failed",
            passed=14,
            total=20,
            visible_passed=2,
            visible_total=2,
            cases=[],
            message="",
            duration_ms=12.0,
            digest=session.state.code_digest,
        )
    )
    session.append(CandidateSaid(text="Six fail on time. Could a dictionary help?"))
    return interviewer, session


def model_round(
    base_url: str, company: str, level: str, focus: str, problem: str, seed: int
) -> tuple[object, object, Session, SimulatedClock]:
    """A round planned as `mockloop start --model openai/fake-model` plans it, against the
    fake server at `base_url`: its offline interviewer, that interviewer with the model, a
    started session and its clock. OPENAI_API_KEY must be set."""
    from mockloop.engine.factory import with_model
    from mockloop.interviews import catalog
    from mockloop.planning import plan_interview

    plan = plan_interview(
        catalog(),
        company,
        level,
        focus=focus,
        problem_slug=problem,
        model="openai/fake-model",
        api_base=base_url,
        seed=seed,
    )
    config = llm.ModelConfig(
        "openai/fake-model", base_url, timeout=5.0, retry_base=0.01, max_attempts=2
    )
    offline = plan.kind.interviewer(plan.persona, plan.pack, plan.rubric)
    interviewer = with_model(offline, plan.started, config=config, deadline=10)
    clock = SimulatedClock()
    return offline, interviewer, Session.start(plan.started, MemorySink(), clock), clock
