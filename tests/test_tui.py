"""Pilot tests of the interview screen: what the candidate does lands in the log and on screen."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import AsyncIterator

import pytest
from test_tui_support import (
    GREETING,
    SOLUTION,
    ScriptedInterviewer,
    in_process_run,
    make_interview,
    pinned_persona,
    pinned_problem,
    rubric,
    still_cursors,
)
from textual.pilot import Pilot
from textual.widgets import Input, Markdown, Static, TextArea

from mockloop import events
from mockloop.clock import SimulatedClock, WallClock
from mockloop.engine.base import Trigger
from mockloop.events import CandidateSaid, CodeSnapshot, HintRequested
from mockloop.models import Problem
from mockloop.results import RunResult
from mockloop.session import MemorySink, Session
from mockloop.tui.app import InterviewApp
from mockloop.tui.context import Interview, Opening
from mockloop.tui.screens.confirm import ConfirmEnd
from mockloop.tui.screens.interview import InterviewScreen
from mockloop.tui.screens.report import ReportScreen
from mockloop.tui.widgets.chat import CandidateMessage, ChatNotice, InterviewerMessage
from mockloop.tui.widgets.results import ResultsPanel

SIZE = (120, 36)


async def settle(app: InterviewApp, pilot: Pilot[None]) -> None:
    """Wait until every worker finished and every posted message was handled."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def on_screen(app: InterviewApp) -> InterviewScreen:
    """The interview screen, which must be the one showing."""
    assert isinstance(app.screen, InterviewScreen)
    return app.screen


def interviewer_texts(app: InterviewApp) -> list[str]:
    """The interviewer messages as shown (the Markdown source of each)."""
    return [message.source for message in app.screen.query(InterviewerMessage)]


def kinds(interview: Interview) -> list[str]:
    """The kinds of the events in the log, in order."""
    return [event.kind for event in interview.session.events]


async def replace_code(pilot: Pilot[None], app: InterviewApp, code: str) -> None:
    """Select everything in the editor and type `code` as the candidate would."""
    editor = app.screen.query_one("#editor", TextArea)
    editor.focus()
    editor.select_all()
    await pilot.press("delete")
    editor.insert(code)
    await pilot.pause()


async def test_opening_focuses_editor_and_streams_the_greeting() -> None:
    interview = make_interview()
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert isinstance(app.focused, TextArea)
        assert app.focused.text == pinned_problem().starter
        assert interviewer_texts(app) == ["".join(GREETING)]
        assert kinds(interview) == ["session_started", "interviewer_said"]
        header = " ".join(str(static.render()) for static in app.screen.query("#who, #timer"))
        assert "Ada · Acme" in header
        assert "45:00" in header
        assert on_screen(app).busy == frozenset()


async def test_run_tests_shows_failing_then_passing_results() -> None:
    interview = make_interview()
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        panel = app.screen.query_one(ResultsPanel)
        assert not panel.has_class("-shown")
        await pilot.press("f5")
        await settle(app, pilot)
        failing = interview.session.state.last_run
        assert failing is not None and failing.status == "failed"
        outcome = str(panel.query_one("#outcome", Static).render())
        assert "expected [1, 3]  got None" in outcome
        assert panel.has_class("-shown") and not panel.has_class("-running")

        await replace_code(pilot, app, SOLUTION)
        await pilot.press("f5")
        await settle(app, pilot)
        passing = interview.session.state.last_run
        assert passing is not None and passing.status == "passed"
        assert "All tests passed" in str(panel.query_one("#outcome", Static).render())
        snapshots = [e.payload for e in interview.session.events if e.kind == "code_snapshot"]
        assert [s.reason for s in snapshots if isinstance(s, CodeSnapshot)] == ["run"]
        assert interviewer_texts(app)[-1] == "I see 2 of 2 passing."


async def test_message_is_logged_and_reply_streams_in() -> None:
    interview = make_interview()
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        assert isinstance(app.focused, Input)
        app.screen.query_one("#message", Input).value = "Can values be negative?"
        await pilot.press("enter")
        await settle(app, pilot)
        said = [e.payload for e in interview.session.events if e.kind == "candidate_said"]
        assert said == [CandidateSaid(text="Can values be negative?")]
        assert "Can values be negative?" in str(app.screen.query_one(CandidateMessage).render())
        assert interviewer_texts(app)[-1] == "Good question: yes, values can be negative."
        assert app.screen.query_one("#message", Input).value == ""
        await pilot.press("f6")
        assert isinstance(app.focused, TextArea)


async def test_hint_from_the_palette_is_logged_and_answered() -> None:
    interview = make_interview()
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("ctrl+p")
        await pilot.press(*"hint")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        requested = [e.payload for e in interview.session.events if e.kind == "hint_requested"]
        assert requested == [HintRequested(source="palette")]
        assert len(interview.session.state.hints) == 1
        notices = [str(notice.render()) for notice in app.screen.query(ChatNotice)]
        assert "You asked for a hint." in notices
        assert interviewer_texts(app)[-1] == "Think about what value would complete the pair."


async def test_end_asks_first_then_ends_and_shows_the_report() -> None:
    interview = make_interview()
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f10")
        assert isinstance(app.screen, ConfirmEnd)
        await pilot.press("escape")
        assert isinstance(app.screen, InterviewScreen)
        assert not interview.session.state.ended

        await pilot.press("f10", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReportScreen)
        assert kinds(interview)[-3:] == ["interviewer_said", "session_ended", "scorecard_written"]
        report = app.screen.query_one(Markdown).source
        assert report.startswith("# Acme · Two Sum")
        assert "/reports/acme-two-sum.md" in str(app.screen.query_one("#saved", Static).render())
        await pilot.press("q")
    assert app.return_code == 0


async def test_without_scoring_the_end_says_where_the_log_is() -> None:
    interview = make_interview(write_scorecard=None)
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f10", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReportScreen)
        assert interview.session.state.ended
        assert "/data/mockloop.db" in str(app.screen.query_one("#saved", Static).render())
        assert "mockloop report s1" in app.screen.query_one(Markdown).source


async def test_quit_and_resume_restore_code_chat_timer_and_phase() -> None:
    sink, clock = MemorySink(), SimulatedClock()
    interview = make_interview(sink=sink, clock=clock)
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        interview.session.change_phase("code", "test")
        await replace_code(pilot, app, SOLUTION)
        clock.advance(125.0)
        await pilot.press("ctrl+q")
    events = sink.events["s1"]
    last = events[-1].payload
    assert isinstance(last, CodeSnapshot) and last.reason == "quit" and last.code == SOLUTION
    assert not interview.session.state.ended

    resumed_session = Session("s1", events, sink, WallClock(offset=events[-1].t))
    resumed = make_interview(session=resumed_session, resumed=True)
    app = InterviewApp(resumed)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert app.screen.query_one("#editor", TextArea).text == SOLUTION
        assert interviewer_texts(app) == ["".join(GREETING)]
        timer = str(app.screen.query_one("#timer", Static).render())
        minutes, seconds = timer.split()[-1].split(":")
        left = int(minutes) * 60 + int(seconds)
        assert 42 * 60 + 45 <= left <= 42 * 60 + 55  # 45:00 less the 125 s before quitting
        assert "Coding" in str(app.screen.query_one("#phase", Static).render())
        services = await resumed.conductor.services()
        assert services.interviewer.triggers == []  # type: ignore[attr-defined]


async def test_idle_edits_are_snapshotted_after_the_pause() -> None:
    clock = SimulatedClock()
    interview = make_interview(clock=clock)
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, InterviewScreen)
        await pilot.press("end", "enter", *"x = 1")
        screen._second()
        assert interview.session.state.code == pinned_problem().starter
        clock.advance(3.0)
        screen._second()
        assert "x = 1" in interview.session.state.code
        assert interview.session.events[-1].payload.reason == "idle"  # type: ignore[union-attr]


async def test_model_failure_shows_the_fallback_notice_and_goes_on() -> None:
    interview = make_interview(interviewer=ScriptedInterviewer(fail_next=True))
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        notices = [str(notice.render()) for notice in app.screen.query(ChatNotice)]
        assert any("offline interviewer steps in" in notice for notice in notices)
        assert interviewer_texts(app) == ["".join(GREETING)]


async def failing_run(problem: Problem, source: str) -> RunResult:
    """A runner that cannot start."""
    raise OSError("no interpreter")


async def test_a_runner_failure_is_shown_and_the_busy_state_resets() -> None:
    interview = make_interview(run_tests=failing_run)
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await settle(app, pilot)
        outcome = str(app.screen.query_one("#outcome", Static).render())
        assert "Could not run the tests: no interpreter" in outcome
        assert on_screen(app).busy == frozenset()
        (await interview.conductor.services()).run_tests = in_process_run
        await pilot.press("f5")
        await settle(app, pilot)
        assert isinstance(interview.session.events[-2].payload, events.TestsRun)


class SlowInterviewer(ScriptedInterviewer):
    """Starts talking, then waits for `go` before finishing its reply."""

    def __init__(self) -> None:
        super().__init__()
        self.go = asyncio.Event()

    async def respond(self, session: Session, trigger: Trigger) -> AsyncIterator[str]:
        """One chunk, a wait, then the rest."""
        yield "Let me think… "
        await self.go.wait()
        async for chunk in super().respond(session, trigger):
            yield chunk


async def test_candidate_types_code_while_the_interviewer_speaks() -> None:
    interviewer = SlowInterviewer()
    interview = make_interview(interviewer=interviewer)
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert "interviewer" in on_screen(app).busy
        await pilot.press("end", "enter", *"x = 1")
        assert "x = 1" in app.screen.query_one("#editor", TextArea).text
        interviewer.go.set()
        await settle(app, pilot)
        assert on_screen(app).busy == frozenset()
        assert interviewer_texts(app) == ["Let me think… " + "".join(GREETING)]


async def test_ending_cancels_a_running_test_and_resets_busy() -> None:
    started, release = asyncio.Event(), asyncio.Event()

    async def stuck_run(problem: Problem, source: str) -> RunResult:
        started.set()
        await release.wait()
        raise AssertionError("the run should have been cancelled")

    interview = make_interview(run_tests=stuck_run)
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f5")
        await started.wait()
        assert "tests" in on_screen(app).busy
        await pilot.press("f10", "enter")
        await settle(app, pilot)
        assert isinstance(app.screen, ReportScreen)
        assert "tests_run" not in kinds(interview)
        assert interview.session.state.ended


async def test_tab_indents_in_the_editor() -> None:
    app = InterviewApp(make_interview())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        still_cursors(app)
        await pilot.press("end", "enter", "tab")
        editor = app.screen.query_one("#editor", TextArea)
        assert app.focused is editor
        assert editor.text.splitlines()[1] == "        "  # auto-indent after `def`, then Tab


async def test_asking_for_a_hint_in_chat_reaches_the_real_offline_interviewer() -> None:
    from mockloop.engine.factory import make_interviewer

    interview = make_interview()
    started = interview.session.started
    offline = make_interviewer(pinned_persona(), pinned_problem(), rubric(), started)
    interview = make_interview(interviewer=offline)
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        assert interviewer_texts(app), "the offline interviewer greets first"
        app.screen.query_one("#message", Input).value = "I'm stuck, can I get a hint?"
        await pilot.press("f6", "enter")
        await settle(app, pilot)
        hints = interview.session.state.hints
        assert len(hints) == 1
        assert hints[0].text in interviewer_texts(app)[-1]


async def test_a_hang_up_saves_for_resume_and_cannot_hang_the_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """SIGHUP (a closed terminal) snapshots the code, and if Textual's shutdown then blocks
    on the dead terminal, a watchdog releases the store and leaves with 128+signal."""
    import signal

    import mockloop.tui.app as app_module

    exits: list[int] = []
    released: list[bool] = []
    left = asyncio.Event()
    loop = asyncio.get_running_loop()

    def fake_exit(code: int) -> None:
        exits.append(code)
        loop.call_soon_threadsafe(left.set)

    monkeypatch.setattr(app_module, "HANGUP_GRACE_SECONDS", 0.01)
    monkeypatch.setattr(app_module.os, "_exit", fake_exit)
    sink = MemorySink()
    interview = make_interview(sink=sink)
    interview.release = lambda: released.append(True)
    app = InterviewApp(interview)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await replace_code(pilot, app, SOLUTION)
        app._hang_up(signal.SIGHUP)
    await asyncio.wait_for(left.wait(), timeout=5)
    last = sink.events["s1"][-1].payload
    assert isinstance(last, CodeSnapshot) and last.reason == "quit" and last.code == SOLUTION
    assert not interview.session.state.ended
    assert released == [True]
    assert exits == [128 + signal.SIGHUP]


async def test_the_cover_shows_first_and_nothing_done_before_the_session_opens_is_lost() -> None:
    """The launcher's first frame is the cover; the session loads behind it (in a thread)."""
    interview = make_interview()
    release = threading.Event()

    def slow_open() -> Interview:
        release.wait(10)
        return interview

    app = InterviewApp(Opening(Opening.of(interview).cover, slow_open))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = on_screen(app)
        assert not screen.is_open
        assert isinstance(app.focused, TextArea) and app.focused.text == pinned_problem().starter
        assert "45:00" in str(screen.query_one("#timer", Static).render())
        await pilot.press("f5")  # refused with a note, not lost silently
        assert any("still opening" in str(n.message) for n in app._notifications)
        await pilot.press("end", "enter", *"y = 2")
        await pilot.press("f6")
        screen.query_one("#message", Input).value = "Is the input sorted?"
        await pilot.press("enter")
        await pilot.pause()
        assert kinds(interview) == ["session_started"]

        release.set()
        await settle(app, pilot)
        assert screen.is_open
        assert kinds(interview)[:3] == ["session_started", "code_snapshot", "candidate_said"]
        said = [e.payload for e in interview.session.events if e.kind == "candidate_said"]
        assert said == [CandidateSaid(text="Is the input sorted?")]
        assert "y = 2" in interview.session.state.code  # saved with the message
        assert interviewer_texts(app)[0] == "".join(GREETING)


async def test_quitting_before_the_session_opens_waits_for_it_and_saves_the_code() -> None:
    sink = MemorySink()
    interview = make_interview(sink=sink)
    release = threading.Event()

    def slow_open() -> Interview:
        release.wait(10)
        return interview

    app = InterviewApp(Opening(Opening.of(interview).cover, slow_open))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("end", "enter", *"z = 3")
        quitting = asyncio.ensure_future(pilot.press("ctrl+q"))
        await asyncio.sleep(0.05)
        release.set()
        await quitting
    last = sink.events["s1"][-1].payload
    assert isinstance(last, CodeSnapshot) and last.reason == "quit" and "z = 3" in last.code


async def test_a_fast_stream_is_shown_in_a_few_updates_and_whole(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every shown update re-lays out the screen, so chunks are gathered between updates."""
    from textual.widgets.markdown import MarkdownStream

    from mockloop.tui.widgets.chat import STREAM_UPDATES_PER_SECOND

    writes: list[str] = []
    original = MarkdownStream.write

    async def counted(self: MarkdownStream, fragment: str) -> None:
        writes.append(fragment)
        await original(self, fragment)

    monkeypatch.setattr(MarkdownStream, "write", counted)
    chunks = [f"word{number} " for number in range(40)]
    app = InterviewApp(make_interview())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        writes.clear()
        chat = on_screen(app).chat
        started = asyncio.get_running_loop().time()
        for chunk in chunks:
            await chat.stream(chunk)
            await asyncio.sleep(0.005)  # 200 chunks a second
        await chat.end_reply()
        seconds = asyncio.get_running_loop().time() - started
        await pilot.pause()
        assert "".join(writes) == "".join(chunks)
        assert len(writes) <= seconds * STREAM_UPDATES_PER_SECOND + 2
        assert interviewer_texts(app)[-1] == "".join(chunks)


def test_the_code_editor_builds_its_syntax_tree_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from textual.document._syntax_aware_document import SyntaxAwareDocument

    from mockloop.tui.widgets.editor import CodeEditor

    built: list[str] = []
    original = SyntaxAwareDocument.prepare_query

    def counted(self: SyntaxAwareDocument, query: str) -> object:
        built.append(query)
        return original(self, query)

    monkeypatch.setattr(SyntaxAwareDocument, "prepare_query", counted)
    editor = CodeEditor.code_editor("def f():\n    pass\n", language="python")
    assert len(built) == 1
    assert isinstance(editor.document, SyntaxAwareDocument) and editor.language == "python"
    editor.language = None  # a later change still rebuilds the document
    assert not isinstance(editor.document, SyntaxAwareDocument)


async def test_resume_puts_the_cursor_and_scroll_back() -> None:
    sink, clock = MemorySink(), SimulatedClock()
    interview = make_interview(sink=sink, clock=clock)
    app = InterviewApp(interview)
    code = SOLUTION + "".join(f"\nx{number} = {number}" for number in range(80))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await replace_code(pilot, app, code)
        editor = app.screen.query_one("#editor", TextArea)
        editor.move_cursor((60, 3))
        await pilot.pause()
        scroll = round(editor.scroll_offset.y)
        assert scroll > 0
        await pilot.press("ctrl+q")
    events = sink.events["s1"]
    last = events[-1].payload
    assert isinstance(last, CodeSnapshot) and last.cursor == (60, 3) and last.scroll == scroll

    resumed_session = Session("s1", events, sink, WallClock(offset=events[-1].t))
    app = InterviewApp(make_interview(session=resumed_session, resumed=True))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        editor = app.screen.query_one("#editor", TextArea)
        assert editor.cursor_location == (60, 3)
        assert round(editor.scroll_offset.y) == scroll
        notices = [str(notice.render()) for notice in app.screen.query(ChatNotice)]
        assert any("continues with" in notice and "left" in notice for notice in notices)


async def test_a_syntax_error_run_moves_the_cursor_to_its_line() -> None:
    async def syntax_error_run(problem: Problem, source: str) -> RunResult:
        message = "Your code could not be loaded: line 3: SyntaxError: '(' was never closed"
        return RunResult(
            problem=problem.slug, status="error", passed=0, total=2, cases=[], message=message
        )

    app = InterviewApp(make_interview(run_tests=syntax_error_run))
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        broken = "def two_sum(nums, target):\n    seen = {}\n    for i in range(len(nums)\n"
        await replace_code(pilot, app, broken + "        pass\n")
        editor = app.screen.query_one("#editor", TextArea)
        editor.move_cursor((0, 0))
        app.screen.query_one("#message", Input).focus()
        await pilot.press("f5")
        await settle(app, pilot)
        assert "line 3: SyntaxError" in str(app.screen.query_one("#outcome", Static).render())
        assert editor.cursor_location[0] == 2
        assert app.focused is editor


async def test_select_all_from_the_palette_and_with_ctrl_a() -> None:
    app = InterviewApp(make_interview())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        editor = app.screen.query_one("#editor", TextArea)
        app.screen.query_one("#message", Input).focus()
        await pilot.press("ctrl+p", *"select all")
        await pilot.pause()
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.focused is editor
        assert editor.selected_text == editor.text
        editor.move_cursor((0, 0))
        await pilot.press("ctrl+a")
        assert editor.selected_text == editor.text
