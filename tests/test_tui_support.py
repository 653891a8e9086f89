"""Fakes and builders shared by the interview-UI tests (no tests of its own).

The persona and problem are pinned copies so screen snapshots do not change when the
content packs are edited; the interviewer is scripted so replies are known in advance.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from textual.widgets import Input, TextArea

from mockloop import events
from mockloop.catalog import load_persona, load_problem, load_rubric
from mockloop.clock import SimulatedClock
from mockloop.conductor import Conductor, Round, Services
from mockloop.engine.base import Ending, Tick, Trigger
from mockloop.events import (
    CandidateSaid,
    EngineFallback,
    Event,
    HintGiven,
    HintRequested,
    InterviewerSaid,
    ScorecardWritten,
    SessionStarted,
)
from mockloop.interviews import interview_type
from mockloop.models import Persona, Problem, Rubric
from mockloop.results import CaseResult, RunResult
from mockloop.session import MemorySink, Session
from mockloop.snapshots import SnapshotPolicy
from mockloop.tui.app import InterviewApp
from mockloop.tui.context import Interview

REPO = Path(__file__).resolve().parent.parent
GREETING = ["Hi, I'm Ada from Acme. ", "Today we'll work on **Two Sum**. ", "Ask me anything."]
SOLUTION = (
    "def two_sum(nums, target):\n"
    "    seen = {}\n"
    "    for index, value in enumerate(nums):\n"
    "        if target - value in seen:\n"
    "            return [seen[target - value], index]\n"
    "        seen[value] = index\n"
)


@cache
def pinned_persona() -> Persona:
    """A persona with fixed names and titles, whatever the packs say today."""
    persona = load_persona(REPO / "personas" / "google.yaml")
    levels = {
        name: level.model_copy(update={"title": title})
        for (name, level), title in zip(
            persona.levels.items(), ("A1", "A2", "A3", "A4"), strict=True
        )
    }
    interviewer = persona.interviewer.model_copy(update={"name": "Ada"})
    return persona.model_copy(
        update={"id": "acme", "company": "Acme", "interviewer": interviewer, "levels": levels}
    )


@cache
def pinned_problem() -> Problem:
    """Two Sum with a fixed statement, examples and starter code."""
    problem = load_problem(REPO / "problems" / "two-sum")
    examples = [
        problem.examples[0].model_copy(
            update={"name": "example-1", "args": [[3, 8, 11, 4], 12], "expected": [1, 3]}
        )
    ]
    return problem.model_copy(
        update={
            "title": "Two Sum",
            "statement": "Return the positions `[i, j]` of the two numbers adding to `target`.",
            "examples": examples,
            "starter": "def two_sum(nums, target):\n    pass\n",
        }
    )


@cache
def rubric() -> Rubric:
    """The coding rubric from the packs (not shown on screen)."""
    return load_rubric(REPO / "rubrics" / "coding.yaml")


@dataclass
class ScriptedInterviewer:
    """Replies with known text in a few chunks and appends `interviewer_said` like an engine."""

    name: str = "scripted"
    fail_next: bool = False
    triggers: list[str] = field(default_factory=list)

    async def respond(self, session: Session, trigger: Trigger) -> AsyncIterator[str]:
        """Yield the reply for `trigger` chunk by chunk (nothing for a clock tick)."""
        self.triggers.append(type(trigger).__name__)
        chunks = self._reply(session, trigger)
        if not chunks:
            return
        if self.fail_next:
            self.fail_next = False
            session.append(EngineFallback(reason="the model timed out"))
        intent = "hint" if isinstance(trigger, Event) and trigger.kind == "hint_requested" else ""
        if intent:
            session.append(HintGiven(rung=1, text="".join(chunks)))
        for chunk in chunks:
            yield chunk
        session.append(
            InterviewerSaid(text="".join(chunks), intent=intent or "reply", engine="offline")
        )

    def _reply(self, session: Session, trigger: Trigger) -> list[str]:
        if isinstance(trigger, Tick):
            return []
        if isinstance(trigger, Ending):
            return ["Thanks, ", "that's our time."]
        payload = trigger.payload
        if isinstance(payload, SessionStarted):
            return list(GREETING)
        if isinstance(payload, CandidateSaid):
            return ["Good question: ", "yes, values ", "can be negative."]
        if isinstance(payload, HintRequested):
            return ["Think about ", "what value ", "would complete the pair."]
        if isinstance(payload, events.TestsRun):
            return [f"I see {payload.passed} of {payload.total} passing."]
        return []

    async def aclose(self) -> None:
        """Nothing to release."""


async def in_process_run(problem: Problem, source: str) -> RunResult:
    """A deterministic stand-in for the sandbox: runs the examples in this process."""
    namespace: dict[str, object] = {}
    exec(compile(source, "<candidate>", "exec"), namespace)
    function = namespace[problem.entry_point]
    cases = []
    for case in problem.examples:
        actual = function(*(case.args or []))  # type: ignore[operator]
        status = "passed" if actual == case.expected else "failed"
        cases.append(
            CaseResult(
                name=case.name,
                status=status,
                ms=0.5,
                visible=True,
                category="example",
                args=case.args,
                expected=case.expected,
                actual=actual,
            )
        )
    cases.append(CaseResult(name="negatives", status=cases[0].status, ms=0.25, category="edge"))
    passed = sum(case.status == "passed" for case in cases)
    status = "passed" if passed == len(cases) else "failed"
    return RunResult(
        problem=problem.slug,
        status=status,
        passed=passed,
        total=len(cases),
        cases=cases,
        message=f"{passed}/{len(cases)} passed.",
        duration_ms=12.0,
    )


async def fake_scorecard(session: Session) -> tuple[str, str]:
    """Appends a fixed scorecard and returns where it was saved and its Markdown."""
    payload = ScorecardWritten(
        path="/reports/acme-two-sum.md",
        verdict="Hire",
        score=3.2,
        dimensions={"coding": 3.0},
        judge="offline",
    )
    session.append(payload)
    return payload.path, "# Acme · Two Sum\n\n## Verdict\n\n**Hire** (3.2 / 4)\n"


def started_payload(problem: Problem, persona: Persona) -> SessionStarted:
    """The setup event of the pinned interview."""
    return SessionStarted(
        company=persona.company,
        persona=persona.id,
        level="senior",
        level_title=persona.levels["senior"].title,
        problem=problem.slug,
        rubric="coding",
        minutes=45,
        seed=7,
        starter=problem.starter,
    )


def make_interview(
    sink: MemorySink | None = None,
    clock: SimulatedClock | None = None,
    *,
    session: Session | None = None,
    interviewer: object | None = None,
    run_tests: object = in_process_run,
    write_scorecard: object = fake_scorecard,
    policy: SnapshotPolicy | None = None,
    resumed: bool = False,
) -> Interview:
    """A fresh (or given) interview on a simulated clock with every service faked.

    `write_scorecard=None` makes an interview that cannot be scored. Ticks come once an
    hour, so scripted tests see no check-ins unless they ask for them.
    """
    persona, problem = pinned_persona(), pinned_problem()
    session = session or Session.start(
        started_payload(problem, persona),
        sink or MemorySink(),
        clock or SimulatedClock(),
        session_id="s1",
    )
    round_ = Round(interview_type("coding"), persona, problem, rubric())
    conductor = Conductor(session, round_, policy=policy, tick_seconds=3600.0)
    services = Services(
        interviewer=interviewer or ScriptedInterviewer(),  # type: ignore[arg-type]
        run_tests=run_tests,  # type: ignore[arg-type]
    )
    scorer = write_scorecard

    async def write_report() -> tuple[str, str]:
        return await scorer(session)  # type: ignore[operator,no-any-return]

    return Interview(
        conductor=conductor,
        connect=lambda: services,
        write_report=write_report if scorer is not None else None,
        log_location="/data/mockloop.db",
        resumed=resumed,
    )


def still_cursors(app: InterviewApp) -> None:
    """Stop cursors blinking so screenshots do not depend on timing."""
    for widget in app.screen.query(TextArea):
        widget.cursor_blink = False
    for field_widget in app.screen.query(Input):
        field_widget.cursor_blink = False


def round_interview(
    company: str, level: str, focus: str, problem: str, *, seed: int, session_id: str
) -> Interview:
    """An interview of any round as `mockloop start` plans it, on a simulated clock, with
    the round's own offline interviewer."""
    from mockloop.interviews import catalog
    from mockloop.planning import plan_interview

    plan = plan_interview(catalog(), company, level, focus=focus, problem_slug=problem, seed=seed)
    session = Session.start(plan.started, MemorySink(), SimulatedClock(), session_id=session_id)
    kind = plan.kind
    return Interview(
        conductor=Conductor(session, Round(kind, plan.persona, plan.pack, plan.rubric)),
        connect=lambda: Services(
            interviewer=kind.interviewer(plan.persona, plan.pack, plan.rubric)
        ),
    )


async def settled(app: InterviewApp, pilot: object) -> None:
    """Let the app's workers finish and the screen catch up (three rounds)."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()  # type: ignore[attr-defined]
