"""`mockloop simulate`: a scripted candidate driven through the real session, interviewer,
runner and scorer, headless, on a simulated clock.

The script drives the same `Conductor` as the interview screen, at the same cadence: the
simulated clock steps from one tick boundary to the next (`TICK_SECONDS`) up to each action's
`at`, pulsing the conductor at each, so check-ins, idle snapshots and time calls land as they
would on screen.

Determinism: the clock only moves as described, the offline interviewer is seeded by the
script's `seed` (0 when omitted), and the session is marked `simulated`; the report is dated
the day it runs, as history shows it, so the same script and seed give a byte-identical
report that day. Session ids stay random so runs never clash in the database; the report
body does not contain the id.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from mockloop import yaml_reader
from mockloop.clock import SimulatedClock
from mockloop.conductor import TICK_SECONDS, Conductor, Round, Services
from mockloop.engine.base import EndReason, Trigger
from mockloop.errors import UsageError
from mockloop.events import SEED_MAX, SEED_MIN
from mockloop.session import Session

if TYPE_CHECKING:
    from mockloop.store import Store

DEFAULT_SEED = 0


class ScriptAction(BaseModel):
    """One step of the scripted candidate, `at` seconds after the start."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    at: float = Field(ge=0, allow_inf_nan=False, description="Seconds since the start")
    say: str | None = Field(default=None, description="A chat message")
    code: str | None = Field(default=None, description="The editor's whole new content")
    notes: str | None = Field(default=None, description="The notes editor's whole new content")
    run: Literal[True] | None = Field(default=None, description="Run the tests (F5)")
    hint: Literal[True] | None = Field(default=None, description="Ask for a hint")
    end: Literal[True] | None = Field(default=None, description="End the interview")

    @model_validator(mode="after")
    def _one_thing(self) -> ScriptAction:
        names = ("say", "code", "notes", "run", "hint", "end")
        done = [name for name in names if getattr(self, name)]
        if len(done) != 1:
            raise ValueError("each action needs exactly one of say, code, notes, run, hint or end")
        return self


class SimulationScript(BaseModel):
    """A scripted candidate (the format in DESIGN.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    company: str
    level: str
    focus: str = "coding"
    problem: str | None = Field(default=None, description="Slug; chosen by the seed if omitted")
    seed: int = Field(default=DEFAULT_SEED, ge=SEED_MIN, le=SEED_MAX)
    minutes: int | None = Field(default=None, ge=5, le=180)
    description: str = Field(default="", description="Who this candidate is, for authors")
    actions: list[ScriptAction] = Field(min_length=1)


@dataclass(frozen=True)
class SimulationResult:
    """What `simulate` produced; `as_json` is the `--json` object of DESIGN.md."""

    session_id: str
    report: Path
    focus: str
    verdict: str
    score: float | None
    dimensions: dict[str, float]
    tests: tuple[int, int] | None
    """Passed and total cases of the final code, for rounds that run tests."""
    markdown: str

    def as_json(self) -> dict[str, Any]:
        """Exactly `{session_id, report, focus, verdict, score, dimensions, tests}`."""
        return {
            "session_id": self.session_id,
            "report": str(self.report),
            "focus": self.focus,
            "verdict": self.verdict,
            "score": self.score,
            "dimensions": self.dimensions,
            "tests": None
            if self.tests is None
            else {"passed": self.tests[0], "total": self.tests[1]},
        }


def _line_of(root: yaml.Node | None, location: tuple[int | str, ...]) -> int | None:
    """The 1-based line of the YAML node at a pydantic error location (nearest parent)."""
    node = root
    line = node.start_mark.line + 1 if node is not None else None
    for part in location:
        child: yaml.Node | None = None
        if isinstance(node, yaml.MappingNode):
            child = next((value for key, value in node.value if key.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if part < len(node.value) else None
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line


def parse_script(text: str, source: str = "script") -> SimulationScript:
    """Validate a script's text; UsageError names the line and field of every problem."""
    data, root = yaml_reader.parse(text, source, error=UsageError)
    if not isinstance(data, dict):
        raise UsageError(f"{source}: expected a mapping with company, level, problem, actions.")
    try:
        script = SimulationScript.model_validate(data)
    except ValidationError as error:
        lines = []
        for item in error.errors():
            location = tuple(part for part in item["loc"] if isinstance(part, int | str))
            field = yaml_reader.field_path(location)
            message = "unknown field" if item["type"] == "extra_forbidden" else item["msg"]
            line = _line_of(root, location)
            lines.append(f"{source}:{f' line {line}:' if line else ''} {field}: {message}")
        raise UsageError("\n".join(lines)) from None
    for index in range(1, len(script.actions)):
        if script.actions[index].at < script.actions[index - 1].at:
            line = _line_of(root, ("actions", index, "at"))
            raise UsageError(
                f"{source}: line {line}: actions.{index}.at: {script.actions[index].at:g} is "
                f"earlier than the previous action ({script.actions[index - 1].at:g}); "
                "`at` times must not decrease."
            )
    return script


def load_script(path: Path) -> SimulationScript:
    """Read and validate a script file (UsageError when missing or malformed)."""
    return parse_script(yaml_reader.read_text(path, error=UsageError), str(path))


class Driver:
    """Plays a script's actions into a conductor on a simulated clock, as a candidate would."""

    def __init__(
        self, session: Session, round_: Round, services: Services, clock: SimulatedClock
    ) -> None:
        self.clock = clock
        self.code = session.started.starter
        self.conductor = Conductor(session, round_, code=lambda: self.code)
        self.conductor.attach(services)

    @property
    def ended(self) -> bool:
        """The session log already holds `session_ended`."""
        return self.conductor.session.state.ended

    async def respond(self, trigger: Trigger) -> None:
        """Let the interviewer reply; its appended events are the record."""
        async for _ in self.conductor.reply(trigger):
            pass

    async def advance(self, target: float) -> None:
        """Move the clock to `target` one tick boundary at a time, pulsing at each."""
        while not self.ended:
            boundary = (self.clock.now() // TICK_SECONDS + 1) * TICK_SECONDS
            if boundary > target:
                break
            self.clock.advance_to(boundary)
            tick = self.conductor.pulse()
            if tick is not None:
                await self.respond(tick)
        self.clock.advance_to(target)

    async def act(self, action: ScriptAction) -> None:
        """Perform one action as the screen would, then let the interviewer react."""
        conductor = self.conductor
        if action.code is not None or action.notes is not None:
            self.code = action.code if action.code is not None else str(action.notes)
            conductor.edited()
        elif action.say is not None:
            await self.respond(conductor.say(action.say))
        elif action.run:
            event = await conductor.run()
            if event is not None:
                await self.respond(event)
        elif action.hint:
            await self.respond(conductor.ask_hint("script"))

    async def play(self, actions: list[ScriptAction]) -> None:
        """Open, play every action in time, then end (by script, or when time runs out).

        The greeting is foreseen, as `mockloop start` does for its first frame, so a model
        session greets with the offline interviewer's words here too.
        """
        self.conductor.foresee_greeting()
        async for _ in self.conductor.greet():
            pass
        budget = self.conductor.session.started.minutes * 60.0
        reason: EndReason = "script"
        for action in actions:
            if action.at > budget:
                await self.advance(budget)
                reason = "time"
                break
            await self.advance(action.at)
            if self.ended or action.end:
                break
            await self.act(action)
        if not self.ended:
            async for _ in self.conductor.end(reason):
                pass


async def simulate(
    script: SimulationScript,
    *,
    model: str | None = None,
    api_base: str | None = None,
    store: Store | None = None,
) -> SimulationResult:
    """Run the script through a real session and write the report (see the module doc)."""
    from mockloop.engine.factory import with_model
    from mockloop.interviews import catalog
    from mockloop.planning import plan_interview
    from mockloop.store import Store

    plan = plan_interview(
        catalog(),
        script.company,
        script.level,
        focus=script.focus,
        problem_slug=script.problem,
        model=model,
        api_base=api_base,
        seed=script.seed,
        minutes=script.minutes,
    )
    if plan.started.model is not None:
        from mockloop.llm import preflight

        preflight(plan.started.model, plan.started.api_base)
    own_store = store is None
    sink = store if store is not None else Store.open()
    clock = SimulatedClock()
    started = plan.started.model_copy(update={"simulated": True})
    session = Session.start(started, sink, clock)
    kind = plan.kind
    interviewer = with_model(kind.interviewer(plan.persona, plan.pack, plan.rubric), started)
    driver = Driver(
        session,
        Round(kind, plan.persona, plan.pack, plan.rubric),
        Services(interviewer=interviewer, run_tests=kind.one_off_run),
        clock,
    )
    try:
        await driver.play(script.actions)
        payload, report = await driver.conductor.score()
    finally:
        await interviewer.aclose()
        if own_store:
            sink.sync()
            sink.close()
    tests = report.scorecard.tests
    return SimulationResult(
        session_id=session.id,
        report=Path(payload.path),
        focus=kind.focus,
        verdict=payload.verdict,
        score=payload.score,
        dimensions=payload.dimensions,
        tests=(tests.passed, tests.total) if tests is not None else None,
        markdown=report.markdown,
    )
