"""The greeting is worked out before the session opens: the cover carries it, the first frame
shows it, and the screen logs exactly those words, once, as soon as the session is open."""

from __future__ import annotations

import asyncio
import dataclasses
import threading
from pathlib import Path

import pytest
from test_tui_support import GREETING, ScriptedInterviewer, make_interview
from textual.pilot import Pilot

from mockloop.clock import SimulatedClock
from mockloop.commands import interview as command
from mockloop.conductor import Conductor, Round, Services
from mockloop.cover import HANDOFF_ENV, Cover
from mockloop.events import CodeSnapshot, InterviewerSaid
from mockloop.interviews import catalog
from mockloop.planning import plan_interview
from mockloop.session import MemorySink, Session
from mockloop.tui.app import InterviewApp
from mockloop.tui.context import Interview, Opening
from mockloop.tui.widgets.chat import InterviewerMessage

SIZE = (120, 36)


def said(interview: Interview) -> list[InterviewerSaid]:
    """The interviewer's logged messages."""
    return [e.payload for e in interview.session.events if isinstance(e.payload, InterviewerSaid)]


def shown(app: InterviewApp) -> list[str]:
    """The interviewer's messages on screen (their Markdown source)."""
    return [message.source for message in app.screen.query(InterviewerMessage)]


async def settle(app: InterviewApp, pilot: Pilot[None]) -> None:
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def held_open(interview: Interview) -> tuple[Opening, threading.Event]:
    """The production opening (greeting foreseen) whose session loads only once released."""
    release = threading.Event()

    def slow_open() -> Interview:
        release.wait(10)
        return interview

    return Opening(Opening.of(interview, foresee=True).cover, slow_open), release


def offline_greeting(seed: int, minutes: int, model: str | None = None) -> InterviewerSaid:
    """What the offline interviewer logs when it greets the same plan with nothing ahead."""
    plan = plan_interview(
        catalog(), "google", "senior", problem_slug="two-sum", seed=seed, minutes=minutes
    )
    started = plan.started.model_copy(update={"model": model})
    session = Session.start(started, MemorySink(), SimulatedClock())
    offline = plan.kind.interviewer(plan.persona, plan.pack, plan.rubric)
    conductor = Conductor(session, Round(plan.kind, plan.persona, plan.pack, plan.rubric))
    conductor.attach(Services(interviewer=offline))

    async def greet() -> None:
        async for _ in conductor.greet():
            pass

    asyncio.run(greet())
    [greeting] = [e.payload for e in session.events if isinstance(e.payload, InterviewerSaid)]
    return greeting


def test_the_childs_cover_carries_the_greeting_the_ui_then_logs(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(command, "keep_loaded_objects", lambda: None)
    monkeypatch.setenv(HANDOFF_ENV, "1")
    command.start("google", "senior", "coding", "two-sum", None, None, 3, 30)
    cover = Cover.from_json(capsys.readouterr().out.strip())
    reference = offline_greeting(seed=3, minutes=30)
    assert cover.greeting == reference.text

    interview = command.open_session(cover.session_id, resumed=False)  # the UI's loader
    try:
        conductor = interview.conductor
        assert conductor.foresee_greeting() == cover.greeting
        assert conductor.log_greeting() == cover.greeting
        assert conductor.log_greeting() is None, "logged once"
        kinds = [event.kind for event in interview.session.events]
        assert kinds == ["session_started", "phase_changed", "interviewer_said"]
        assert said(interview) == [reference]
        assert interview.session.state.phase == "clarify"
    finally:
        interview.release()


@pytest.mark.parametrize(
    ("company", "level", "focus"),
    [("amazon", "senior", "behavioral"), ("google", "staff", "system-design")],
)
def test_every_round_hands_over_its_own_greeting(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    company: str,
    level: str,
    focus: str,
) -> None:
    monkeypatch.setattr(command, "keep_loaded_objects", lambda: None)
    monkeypatch.setenv(HANDOFF_ENV, "1")
    command.start(company, level, focus, None, None, None, 5, None)
    cover = Cover.from_json(capsys.readouterr().out.strip())
    assert cover.greeting

    interview = command.open_session(cover.session_id, resumed=False)
    try:
        conductor = interview.conductor
        assert conductor.foresee_greeting() == cover.greeting
        conductor.log_greeting()
        assert [s.text for s in said(interview)] == [cover.greeting]
    finally:
        interview.release()


def test_a_model_session_is_greeted_at_once_without_its_model(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The greeting never waits for litellm or a server: the offline interviewer says it, and
    the log has it before the services (where the model lives) are loaded at all."""
    monkeypatch.setattr(command, "keep_loaded_objects", lambda: None)
    monkeypatch.setenv(HANDOFF_ENV, "1")
    monkeypatch.setenv("OPENAI_API_KEY", "sk-test-greeting")  # the preflight wants one
    command.start("google", "senior", "coding", "two-sum", "openai/gpt-4o-mini", None, 3, 30)
    cover = Cover.from_json(capsys.readouterr().out.strip())
    assert cover.greeting == offline_greeting(seed=3, minutes=30).text

    interview = command.open_session(cover.session_id, resumed=False)
    try:
        conductor = interview.conductor
        assert interview.session.started.model == "openai/gpt-4o-mini"
        assert conductor.foresee_greeting() == cover.greeting

        async def greet() -> list[str]:
            return [chunk async for chunk in conductor.greet()]

        assert asyncio.run(asyncio.wait_for(greet(), timeout=5)) == [cover.greeting]
        [greeting] = said(interview)
        assert (greeting.engine, greeting.intent) == ("offline", "greeting")
    finally:
        interview.release()


async def test_the_first_frame_shows_the_greeting_and_opening_logs_it_once() -> None:
    interviewer = ScriptedInterviewer()
    interview = make_interview(interviewer=interviewer)
    opening, release = held_open(interview)
    greeting = opening.cover.greeting
    assert greeting and "Two Sum" in greeting
    app = InterviewApp(opening)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert not app.interview_screen.is_open
        assert shown(app) == [greeting], "drawn before the session is loaded"
        assert said(interview) == []

        release.set()
        await settle(app, pilot)
        assert shown(app) == [greeting], "not shown a second time"
        assert [s.text for s in said(interview)] == [greeting]
        assert interviewer.triggers == [], "the services' interviewer is not asked to greet"
        assert app.interview_screen.busy == frozenset()


async def test_quitting_right_after_the_greeting_keeps_it_in_the_log() -> None:
    sink = MemorySink()
    interview = make_interview(sink=sink)
    opening, release = held_open(interview)
    app = InterviewApp(opening)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        quitting = asyncio.ensure_future(pilot.press("ctrl+q"))
        await asyncio.sleep(0.05)
        release.set()
        await quitting
    events = sink.events["s1"]
    kinds = [event.kind for event in events]
    assert kinds == ["session_started", "phase_changed", "interviewer_said", "code_snapshot"]
    assert [s.text for s in said(interview)] == [opening.cover.greeting]
    last = events[-1].payload
    assert isinstance(last, CodeSnapshot) and last.reason == "quit"

    resumed = Conductor(
        Session("s1", events, MemorySink(), SimulatedClock()), interview.conductor.round
    )
    assert resumed.foresee_greeting() is None, "a resumed session is not greeted again"


async def test_the_greeting_is_logged_while_the_interviewer_is_still_loading() -> None:
    """Loading the services (the model's client with `--model`) can take seconds; the
    greeting is on screen and in the log meanwhile."""
    interview = make_interview()
    loaded = threading.Event()
    services = interview.connect()

    def slow_connect() -> Services:
        loaded.wait(10)
        return services

    interview.connect = slow_connect
    app = InterviewApp(Opening.of(interview, foresee=True))
    async with app.run_test(size=SIZE) as pilot:
        for _ in range(5):
            await pilot.pause()
        assert app.interview_screen.is_open
        assert [s.text for s in said(interview)] == [app.interview_screen.cover.greeting]
        loaded.set()
        await settle(app, pilot)


async def test_a_cover_greeting_that_no_longer_matches_gives_way_to_the_logged_one() -> None:
    """Same seed and same log give the same words; if the packs changed between the cover
    and the opening, the screen shows what the log says, once."""
    interview = make_interview()
    opening = Opening.of(interview, foresee=True)
    stale = dataclasses.replace(opening.cover, greeting="Words from an older pack.")
    app = InterviewApp(Opening(stale, opening.open))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        [logged] = said(interview)
        assert logged.text == opening.cover.greeting
        assert shown(app) == [logged.text]


class Left(Exception):
    """Raised by the stand-in for os._exit."""


@pytest.mark.parametrize(
    ("ending", "code"), [(None, 0), (SystemExit(2), 2), (SystemExit("no such session"), 1)]
)
def test_the_launchers_child_leaves_at_once_with_the_commands_code(
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    ending: SystemExit | None,
    code: int,
) -> None:
    """No interpreter teardown in the child (half a second of a core while the launcher
    draws): once the command is done it leaves through os._exit, with the command's code."""
    import mockloop.cli
    from mockloop import launcher

    def command_line() -> None:
        print('{"cover": "..."}')
        if ending is not None:
            raise ending

    def leave(status: int) -> None:
        raise Left(status)

    monkeypatch.setattr(mockloop.cli, "main", command_line)
    monkeypatch.setattr(launcher.os, "_exit", leave)
    monkeypatch.setenv(HANDOFF_ENV, "1")
    monkeypatch.setattr("sys.argv", ["mockloop", "start", "--company", "google"])
    with pytest.raises(Left) as left:
        launcher.main()
    assert left.value.args == (code,)
    out, err = capsys.readouterr()
    assert out == '{"cover": "..."}\n'
    assert err == ("no such session\n" if code == 1 else "")


def test_a_greeting_that_cannot_be_worked_out_ahead_is_left_to_the_services() -> None:
    def broken(*_: object) -> ScriptedInterviewer:
        raise RuntimeError("a pack the offline interviewer cannot read")

    interview = make_interview()
    conductor = interview.conductor
    conductor.round = dataclasses.replace(
        conductor.round, kind=dataclasses.replace(conductor.round.kind, interviewer=broken)
    )
    assert Opening.of(interview, foresee=True).cover.greeting is None
    conductor.attach(interview.connect())

    async def greet() -> str:
        return "".join([chunk async for chunk in conductor.greet()])

    assert asyncio.run(greet()) == "".join(GREETING), "the scripted services' greeting"


def test_the_child_words_the_greeting_without_loading_the_message_reader(tmp_path: Path) -> None:
    """The first frame waits for the child's cover; the reading stack (about 55 ms of imports)
    is for the first message, so the coding round's greeting must not load it."""
    import json
    import os
    import subprocess
    import sys

    probe = (
        "import sys, json\n"
        "from mockloop.cli import main\n"
        "sys.argv = ['mockloop', 'start', '--company', 'google', '--level', 'senior']\n"
        "try:\n"
        "    main()\n"
        "except SystemExit:\n"
        "    pass\n"
        "print(json.dumps(sorted(m for m in sys.modules if m.startswith('mockloop.'))))\n"
    )
    env = {**os.environ, HANDOFF_ENV: "1", "MOCKLOOP_HOME": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", probe], env=env, capture_output=True, text=True, timeout=60
    )
    lines = done.stdout.strip().splitlines()
    assert lines and Cover.from_json(lines[0]).greeting, done.stderr[-2000:]
    loaded = json.loads(lines[-1])
    assert "mockloop.engine.offline" in loaded  # it did word the greeting
    assert not [name for name in loaded if name.startswith("mockloop.reading")]
    assert "mockloop.engine.dialogue" not in loaded
