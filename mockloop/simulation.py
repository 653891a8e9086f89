"""`mockloop simulate`: a scripted candidate driven through the real session, interviewer,
runner and scorer, headless, on a simulated clock.

Determinism: the clock only moves to the script's `at` times (with a `Tick` every 30
simulated seconds in between), the offline interviewer is seeded by the script's `seed`
(0 when omitted), and the session is marked `simulated`; the report is dated the day it
runs, as history shows it, so the same script and seed give a byte-identical report that
day. Session ids stay random so runs never clash in the database; the report body does not
contain the id.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from mockloop.clock import SimulatedClock
from mockloop.engine.base import Ending, Interviewer, Tick, Trigger
from mockloop.errors import UsageError
from mockloop.events import CandidateSaid, HintRequested, SessionEnded
from mockloop.models import Problem
from mockloop.session import Session

if TYPE_CHECKING:
    from mockloop.store import Store

TICK_SECONDS = 30.0
DEFAULT_SEED = 0
EndReason = Literal["candidate", "time", "script"]


class ScriptAction(BaseModel):
    """One step of the scripted candidate, `at` seconds after the start."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    at: float = Field(ge=0, allow_inf_nan=False, description="Seconds since the start")
    say: str | None = Field(default=None, description="A chat message")
    code: str | None = Field(default=None, description="The editor's whole new content")
    run: Literal[True] | None = Field(default=None, description="Run the tests (F5)")
    hint: Literal[True] | None = Field(default=None, description="Ask for a hint")
    end: Literal[True] | None = Field(default=None, description="End the interview")

    @model_validator(mode="after")
    def _one_thing(self) -> ScriptAction:
        done = [name for name in ("say", "code", "run", "hint", "end") if getattr(self, name)]
        if len(done) != 1:
            raise ValueError("each action needs exactly one of say, code, run, hint or end")
        return self


class SimulationScript(BaseModel):
    """A scripted candidate (the format in DESIGN.md)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    company: str
    level: str
    problem: str
    seed: int = DEFAULT_SEED
    minutes: int | None = Field(default=None, ge=5, le=180)
    description: str = Field(default="", description="Who this candidate is, for authors")
    actions: list[ScriptAction] = Field(min_length=1)


@dataclass(frozen=True)
class SimulationResult:
    """What `simulate` produced; `as_json` is the `--json` object of DESIGN.md."""

    session_id: str
    report: Path
    verdict: str
    score: float
    dimensions: dict[str, float]
    passed: int
    total: int
    markdown: str

    def as_json(self) -> dict[str, Any]:
        """Exactly `{session_id, report, verdict, score, dimensions, tests}`."""
        return {
            "session_id": self.session_id,
            "report": str(self.report),
            "verdict": self.verdict,
            "score": self.score,
            "dimensions": self.dimensions,
            "tests": {"passed": self.passed, "total": self.total},
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
    try:
        data = yaml.safe_load(text)
        root = yaml.compose(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" line {mark.line + 1}:" if mark else ""
        raise UsageError(
            f"{source}:{where} invalid YAML: {getattr(error, 'problem', error)}."
        ) from None
    if not isinstance(data, dict):
        raise UsageError(f"{source}: expected a mapping with company, level, problem, actions.")
    try:
        script = SimulationScript.model_validate(data)
    except ValidationError as error:
        lines = []
        for item in error.errors():
            location = tuple(part for part in item["loc"] if isinstance(part, int | str))
            field = ".".join(str(part) for part in location) or "(top level)"
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
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        reason = getattr(error, "strerror", None) or "not UTF-8 text"
        raise UsageError(f"Cannot read the script {path}: {reason}.") from None
    return parse_script(text, str(path))


class Driver:
    """Plays the actions into the session and lets the interviewer react to each one."""

    def __init__(self, session: Session, interviewer: Interviewer, problem: Problem) -> None:
        self.session = session
        self.interviewer = interviewer
        self.problem = problem
        self.clock = session.clock
        self.code = session.started.starter

    @property
    def ended(self) -> bool:
        """The session log already holds `session_ended`."""
        return self.session.state.ended

    async def respond(self, trigger: Trigger) -> None:
        """Let the interviewer react; its appended events are the record."""
        if self.ended and not isinstance(trigger, Ending):
            return
        async for _ in self.interviewer.respond(self.session, trigger):
            pass

    async def advance(self, target: float) -> None:
        """Move the simulated clock to `target`, ticking every TICK_SECONDS on the way."""
        assert isinstance(self.clock, SimulatedClock)
        while not self.ended:
            next_tick = (math.floor(self.clock.now() / TICK_SECONDS) + 1) * TICK_SECONDS
            if next_tick > target:
                break
            self.clock.advance_to(next_tick)
            await self.respond(Tick(next_tick))
        self.clock.advance_to(target)

    async def act(self, action: ScriptAction) -> None:
        """Perform one action as the TUI would, then let the interviewer react."""
        from mockloop.runner.sandbox import run_code, tests_run_payload

        session = self.session
        if action.code is not None:
            self.code = action.code
            session.snapshot(self.code, "idle")
        elif action.say is not None:
            session.snapshot(self.code, "message")
            await self.respond(session.append(CandidateSaid(text=action.say)))
        elif action.run:
            session.snapshot(self.code, "run")
            result = await run_code(self.problem, self.code)
            await self.respond(session.append(tests_run_payload(result, self.code)))
        elif action.hint:
            await self.respond(session.append(HintRequested(source="script")))

    async def play(self, actions: list[ScriptAction]) -> None:
        """Open, play every action in time, then end (by script, or when time runs out)."""
        await self.respond(self.session.events[0])
        budget = self.session.started.minutes * 60.0
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
            self.session.snapshot(self.code, "end")
            await self.respond(Ending(reason))
        if not self.ended:
            self.session.append(SessionEnded(reason=reason))


async def simulate(
    script: SimulationScript,
    *,
    model: str | None = None,
    api_base: str | None = None,
    store: Store | None = None,
) -> SimulationResult:
    """Run the script through a real session and write the report (see the module doc)."""
    from mockloop.catalog import default_catalog
    from mockloop.engine.factory import make_interviewer
    from mockloop.planning import plan_interview
    from mockloop.scoring.writer import score_and_save
    from mockloop.store import Store

    catalog = default_catalog()
    plan = plan_interview(
        catalog,
        script.company,
        script.level,
        problem_slug=script.problem,
        model=model,
        api_base=api_base,
        seed=script.seed,
        minutes=script.minutes,
    )
    own_store = store is None
    sink = store if store is not None else Store.open()
    started = plan.started.model_copy(update={"simulated": True})
    session = Session.start(started, sink, SimulatedClock())
    interviewer = make_interviewer(plan.persona, plan.problem, plan.rubric, plan.started)
    try:
        await Driver(session, interviewer, plan.problem).play(script.actions)
        payload, markdown, scorecard = await score_and_save(session, plan.problem, plan.rubric)
    finally:
        await interviewer.aclose()
        if own_store:
            sink.sync()
            sink.close()
    tests = scorecard.tests
    return SimulationResult(
        session_id=session.id,
        report=Path(payload.path),
        verdict=payload.verdict,
        score=payload.score,
        dimensions=payload.dimensions,
        passed=tests.passed if tests else 0,
        total=tests.total if tests else 0,
        markdown=markdown,
    )
