"""One interview loop: the screen and `simulate` drive the same conductor, and a new round is
a registry entry, not edits across the code base."""

from __future__ import annotations

import datetime
import json
from collections.abc import AsyncIterator, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from test_tui_support import still_cursors
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from mockloop.catalog import Catalog
from mockloop.clock import SimulatedClock
from mockloop.conductor import TICK_SECONDS, Conductor, Round, Services
from mockloop.engine.base import Trigger
from mockloop.events import (
    CandidateSaid,
    CodeSnapshot,
    Event,
    HintGiven,
    InterviewerSaid,
    PhaseChanged,
    SessionStarted,
)
from mockloop.events import TestsRun as RunPayload
from mockloop.interviews import InterviewType, Panes, Report, catalog, register, unregister
from mockloop.models import LevelBar, Persona, Rubric
from mockloop.planning import plan_interview
from mockloop.scoring.advice import Advice
from mockloop.scoring.report import RoundSections, render
from mockloop.scoring.rules import score
from mockloop.scoring.tally import Tally
from mockloop.session import MemorySink, Session
from mockloop.simulation import SimulationScript, parse_script, simulate
from mockloop.store import Store
from mockloop.tui.app import InterviewApp
from mockloop.tui.context import Interview, Opening
from mockloop.tui.screens.interview import InterviewScreen

SOLUTION = (
    "def two_sum(nums, target):\n"
    "    seen = {}\n"
    "    for index, value in enumerate(nums):\n"
    "        if target - value in seen:\n"
    "            return [seen[target - value], index]\n"
    "        seen[value] = index\n"
)
SCRIPT = f"""
company: google
level: senior
problem: two-sum
seed: 11
minutes: 30
actions:
  - {{at: 20, say: "Can the list contain negative numbers?"}}
  - {{at: 75, say: "I'll keep a hash map from value to index, O(n) time and O(n) space."}}
  - {{at: 140, code: {json.dumps(SOLUTION)}}}
  - {{at: 170, run: true}}
  - {{at: 260, hint: true}}
  - {{at: 400, say: "I think that's it; it handles duplicates and negatives."}}
  - {{at: 520, end: true}}
"""


def essence(events: Sequence[Event]) -> list[tuple[str, float, object]]:
    """What must be equal between two drives of one script: kind, time, and what was said,
    written, run or changed (not ids, durations or who pressed which key)."""
    rows: list[tuple[str, float, object]] = []
    for event in events:
        payload = event.payload
        what: object = None
        if isinstance(payload, CandidateSaid | InterviewerSaid):
            what = payload.text
        elif isinstance(payload, CodeSnapshot):
            what = (payload.code, payload.reason)
        elif isinstance(payload, RunPayload):
            what = (payload.status, payload.passed, payload.total)
        elif isinstance(payload, HintGiven):
            what = payload.rung
        elif isinstance(payload, PhaseChanged):
            what = payload.phase
        rows.append((event.kind, event.t, what))
    return [row for row in rows if row[0] != "scorecard_written"]


async def settle(app: InterviewApp, pilot: Pilot[None]) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


async def drive_the_screen(script: SimulationScript) -> list[Event]:
    """Play the script through the real interview screen with Pilot, on a simulated clock
    stepped exactly as `simulate` steps it."""
    plan = plan_interview(
        catalog(),
        script.company,
        script.level,
        problem_slug=script.problem,
        seed=script.seed,
        minutes=script.minutes,
    )
    clock, sink = SimulatedClock(), MemorySink()
    session = Session.start(plan.started, sink, clock, session_id="screen")
    kind = plan.kind
    interview = Interview(
        conductor=Conductor(session, Round(kind, plan.persona, plan.pack, plan.rubric)),
        connect=lambda: Services(
            interviewer=kind.interviewer(plan.persona, plan.pack, plan.rubric),
            run_tests=kind.one_off_run,
        ),
    )
    app = InterviewApp(Opening.of(interview, foresee=True))  # as `mockloop start` opens
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(app, pilot)
        still_cursors(app)
        screen = app.screen
        assert isinstance(screen, InterviewScreen) and screen.editor is not None
        for action in script.actions:
            while (boundary := (clock.now() // TICK_SECONDS + 1) * TICK_SECONDS) <= action.at:
                clock.advance_to(boundary)
                screen._second()  # the screen's once-a-second timer
                await settle(app, pilot)
            clock.advance_to(action.at)
            if action.end:
                await pilot.press("f10")
                await pilot.press("enter")
                await settle(app, pilot)
                break
            if action.say is not None:
                screen.query_one("#message", Input).value = action.say
                screen.query_one("#message", Input).focus()
                await pilot.press("enter")
            elif action.code is not None:
                editor = screen.query_one("#editor", TextArea)
                editor.focus()
                editor.load_text(action.code)
            elif action.run:
                await pilot.press("f5")
            elif action.hint:
                screen.action_hint()
            await settle(app, pilot)
    return sink.events["screen"]


async def test_the_screen_and_simulate_write_the_same_log(mockloop_home: Path) -> None:
    script = parse_script(SCRIPT)
    store = Store.open()
    result = await simulate(script, store=store)
    simulated = store.load(result.session_id)
    store.close()
    on_screen = await drive_the_screen(script)

    assert essence(on_screen) == essence(simulated)
    kinds = {event.kind for event in on_screen}
    assert {"code_snapshot", "tests_run", "hint_given", "session_ended"} <= kinds
    runs = [e.payload for e in on_screen if isinstance(e.payload, RunPayload)]
    assert [run.status for run in runs] == ["passed"]
    assert sum(isinstance(e.payload, InterviewerSaid) for e in on_screen) >= 5


# --- a toy round, registered by this test only ------------------------------------------


@dataclass(frozen=True)
class Riddle:
    """The toy round's pack."""

    slug: str
    title: str
    question: str
    answer: str
    topics: tuple[str, ...] = ("riddles",)
    difficulty: str = "easy"


RIDDLES = {"echo": Riddle("echo", "Echo", "What speaks without a mouth?", "an echo")}


class RiddleMaster:
    """Asks the riddle, then says whether each message is the answer."""

    name = "offline"

    def __init__(self, riddle: Riddle) -> None:
        self.riddle = riddle

    async def respond(self, session: Session, trigger: Trigger) -> AsyncIterator[str]:
        if isinstance(trigger, Event) and isinstance(trigger.payload, SessionStarted):
            text = self.riddle.question
        elif isinstance(trigger, Event) and isinstance(trigger.payload, CandidateSaid):
            right = self.riddle.answer in trigger.payload.text.lower()
            text = "Correct." if right else "Not quite; think again."
        else:
            return
        yield text
        session.append(InterviewerSaid(text=text, intent="riddle", engine="offline"))

    async def aclose(self) -> None:
        """Nothing to release."""


def solved(evidence: Sequence[Event], bar: LevelBar, level: str) -> Tally | None:
    """The one toy dimension: 4 when the answer was found, else 1."""
    replies = [e.payload.text for e in evidence if isinstance(e.payload, InterviewerSaid)]
    if len(replies) < 2:
        return None
    tally = Tally("wit")
    if "Correct." in replies:
        tally.note(-1, 0.0, "answered", "Found the answer", 3.0)
    return tally


async def evaluate_riddle(
    events: Sequence[Event],
    pack: Riddle,
    rubric: Rubric,
    packs: Catalog,
    *,
    date: datetime.date,
    use_judge: bool = True,
    note: str = "",
) -> Report:
    started = events[0].payload
    assert isinstance(started, SessionStarted)
    card = score(events, rubric, started.level, {"wit": solved})
    advice = Advice(strengths=[], improvements=[], habits=[], practice=[], sprint=[])
    sections = RoundSections(results=f"## Answers\n\nThe riddle was: {pack.question}")
    markdown = render(
        events,
        card,
        rubric,
        title=pack.title,
        advice=advice,
        sections=sections,
        date=date.isoformat(),
    )
    return Report(card, markdown)


def riddle_master(persona: Persona, riddle: Any, rubric: Rubric) -> RiddleMaster:
    return RiddleMaster(riddle)


TOY = InterviewType(
    focus="riddles",
    title="Riddles",
    panes=Panes(editor=None),
    dimensions=frozenset({"wit"}),
    bank=lambda packs: RIDDLES,
    offered=lambda packs, persona, level: list(RIDDLES),
    starter=lambda riddle: "",
    statement=lambda riddle: riddle.question,
    heading=lambda riddle: riddle.title,
    interviewer=riddle_master,
    evaluate=evaluate_riddle,
)


@pytest.fixture
def toy_round(mockloop_home: Path) -> Iterator[InterviewType]:
    """The toy round registered, with its rubric among the user's packs."""
    coding = (Path(__file__).parent.parent / "rubrics" / "coding.yaml").read_text()
    head, _, _ = coding.partition("dimensions:")
    levels = coding[coding.index("\nlevels:") :]
    rubric = (
        head.replace("id: coding", "id: riddles").replace("focus: coding", "focus: riddles")
        + """dimensions:
  - id: wit
    name: Wit
    weight: 1.0
    description: Finds the answer.
    descriptors: {"1": none, "2": close, "3": found, "4": found fast}
    signals: [answer given, answer right]
    expectations: {junior: finds it, mid: finds it, senior: finds it, staff: finds it}"""
        + levels
    )
    (mockloop_home / "rubrics").mkdir()
    (mockloop_home / "rubrics" / "riddles.yaml").write_text(rubric, encoding="utf-8")
    catalog.cache_clear()
    register(TOY)
    yield TOY
    unregister(TOY.focus)
    catalog.cache_clear()


async def test_a_toy_round_runs_end_to_end_through_simulate(toy_round: InterviewType) -> None:
    script = parse_script(
        """
company: netflix
level: mid
focus: riddles
actions:
  - {at: 30, say: "A parrot?"}
  - {at: 60, say: "An echo!"}
  - {at: 90, end: true}
"""
    )
    result = await simulate(script)
    assert result.as_json()["focus"] == "riddles"
    assert result.tests is None and result.as_json()["tests"] is None
    assert result.dimensions == {"wit": 4.0}
    markdown = result.markdown
    assert markdown.index("## Verdict") < markdown.index("## Answers")
    assert markdown.index("## Answers") < markdown.index("## Timeline")
    assert "## Final code" not in markdown and "## Tests" not in markdown
    assert "Correct." in markdown and "What speaks without a mouth?" in markdown
