"""The interview screen: shows an interview and hands what the candidate does to its conductor.

Everything shown is derived from the session log (the chat is the transcript, the timer is
`session.remaining()`, the phase is `session.state.phase`); the only live extra is the
interviewer's reply while it streams in. The conductor (mockloop/conductor.py) turns actions
into events and replies; slow work (replies, test runs, scoring) runs in async workers that
only post messages, and handlers here own the state.

Which panes show (a code editor and results, a notes editor, or chat only) comes from the
interview's type through the cover. The screen first draws the cover, then loads the
interview in a thread; what the candidate does meanwhile is held by an `OpeningGate`. So this
module imports nothing that imports pydantic at load time.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.reactive import reactive
from textual.screen import Screen
from textual.widgets import Footer, Static, TextArea
from textual.worker import Worker, WorkerState

from mockloop.clock import mmss
from mockloop.tui import wording
from mockloop.tui.context import Interview, Opening
from mockloop.tui.opening import STILL_OPENING, OpeningGate
from mockloop.tui.palette import InterviewCommands
from mockloop.tui.screens.confirm import ConfirmEnd
from mockloop.tui.widgets.chat import ChatPanel
from mockloop.tui.widgets.editor import CodeEditor
from mockloop.tui.widgets.header import InterviewHeader
from mockloop.tui.widgets.problem import ProblemPanel
from mockloop.tui.widgets.results import ResultsPanel

if TYPE_CHECKING:
    from mockloop.conductor import Conductor, Services
    from mockloop.engine.base import Trigger
    from mockloop.events import Event

ACTIONS_NEEDING_THE_SESSION = ("run_tests", "end", "hint")


class InterviewScreen(Screen[None]):
    """Header, problem and editor on the left, chat on the right, test results below."""

    BINDINGS = [
        Binding("f5", "run_tests", "Run tests", id="run_tests", priority=True),
        Binding("f6", "switch_focus", "Editor/Chat", id="switch_focus", priority=True),
        Binding("f7", "glance", "Numbers", id="glance", priority=True),
        Binding("f10", "end", "End", id="end", priority=True),
        Binding("ctrl+q", "app.quit", "Quit (resume later)", id="quit", priority=True),
    ]
    COMMANDS = {InterviewCommands}

    busy: reactive[frozenset[str]] = reactive(frozenset())
    """What is in progress: any of interviewer, tests, ending, scorecard."""

    @dataclass
    class Opened(Message):
        """The session is loaded: the screen can act on it."""

        interview: Interview

    @dataclass
    class Connected(Message):
        """The interviewer and runner are loaded."""

        services: Services

    @dataclass
    class ChunkReceived(Message):
        """A piece of the interviewer's streamed reply."""

        text: str

    @dataclass
    class ReplyFinished(Message):
        """The reply ended; events from `first_seq` on were appended while it ran."""

        first_seq: int
        streamed: bool

    @dataclass
    class TestsFinished(Message):
        """A run's `tests_run` event was appended (None: the session ended meanwhile)."""

        event: Event | None

    class GoodbyeSaid(Message):
        """The interviewer's closing words are in and the session has ended."""

    @dataclass
    class Finished(Message):
        """The interview is over and its report is ready (handled by the App)."""

        markdown: str
        location: str

    def __init__(self, opening: Opening) -> None:
        super().__init__()
        self.cover = opening.cover
        self._open = opening.open
        self._interview: Interview | None = None
        self.open_error: str | None = None
        self.gate = OpeningGate()
        self._cursor = 0
        self._notices_shown = 0
        self._aside_shown = opening.cover.aside
        self._editor: TextArea | None = None
        self.set_class(not self.cover.editor, "chat-only")
        if self.cover.editor:
            self._editor = CodeEditor.code_editor(
                self.cover.code,
                language=self.cover.editor_language or None,
                theme="css",
                soft_wrap=True,  # a long signature wraps instead of running off a narrow pane
                id="editor",
            )

    # --- layout -----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """Header, the two columns, footer: all from the cover."""
        cover = self.cover
        yield InterviewHeader(cover.who, cover.level)
        with Horizontal(id="columns"):
            with Vertical(id="left"):
                yield ProblemPanel(cover.title, cover.statement)
                if self._editor is not None:
                    yield self._editor
                if cover.runs_tests:
                    yield ResultsPanel()
                if cover.aside is not None:
                    yield Static(cover.aside, id="aside")
            yield ChatPanel(cover.interviewer, cover.greeting)
        yield Footer()

    @property
    def interview(self) -> Interview:
        """The open interview; only reached once `Opened` was handled."""
        if self._interview is None:
            raise RuntimeError("the interview is not open yet")
        return self._interview

    @property
    def conductor(self) -> Conductor:
        """The open interview's conductor."""
        return self.interview.conductor

    @property
    def is_open(self) -> bool:
        """Whether the session is loaded (a fraction of a second after the first frame)."""
        return self._interview is not None

    async def wait_open(self, timeout: float) -> bool:
        """Wait until the session is loaded; False when it is not within `timeout` seconds."""
        return await self.gate.wait(timeout)

    @property
    def editor(self) -> TextArea | None:
        """The editor, if the round has one (kept so quitting can read it after a crash)."""
        return self._editor

    def _text(self) -> str:
        return self._editor.text if self._editor is not None else ""

    @property
    def chat(self) -> ChatPanel:
        """The chat column."""
        return self.query_one(ChatPanel)

    def on_mount(self) -> None:
        """Focus the editor (or the chat) and show the cover; the session loads after."""
        (self._editor or self.chat.input).focus()
        self._refresh_header()
        self.call_after_refresh(self._load)

    @on(Opened)
    def _interview_opened(self, message: Opened) -> None:
        """Replay the log, start the clock and the greeting, then what came in meanwhile."""
        self._interview = interview = message.interview
        conductor = interview.conductor
        conductor.follow(self._text)
        held = self.gate.open()
        self._sync_log(replaying=True)
        self.set_interval(1.0, self._second)
        self._connect()
        session = interview.session
        if interview.resumed:
            self.chat.add_notice(
                f"Welcome back. The clock continues with {mmss(session.remaining())} left."
            )
            self._restore_view()
        self._greet(conductor)
        if held.edited:
            conductor.edited()
        for text in held.messages:
            self.post_message(ChatPanel.MessageSent(text))

    def _greet(self, conductor: Conductor) -> None:
        """Log the greeting the first frame showed, or stream one (none when resumed).

        Opening the session worked the greeting out again; it is the cover's (same seed,
        same log), unless the packs changed in between: then the logged words replace it.
        """
        shown = self.cover.greeting
        if shown is not None and conductor.foresee_greeting() == shown:
            conductor.log_greeting()
            self._sync_log()
            return
        if shown is not None:
            self.chat.withdraw_greeting()
        self._stream(conductor.greet())

    # --- deriving the view from the log -------------------------------------------------

    def _sync_log(self, replaying: bool = False) -> None:
        """Render events appended since the last sync, then refresh the header."""
        events = self.interview.session.events[self._cursor :]
        self._cursor += len(events)
        self._show_events(events, replaying)
        self._refresh_header()
        self._refresh_aside()

    def _refresh_aside(self) -> None:
        """The round's side pane (e.g. the current question's competency), from the log.

        Updated only when its text changes: every update re-lays out the whole screen.
        """
        round_ = self.conductor.round
        if self.cover.aside is not None and round_.kind.aside is not None:
            text = round_.kind.aside(round_.pack, self.interview.session.events)
            if text != self._aside_shown:
                self._aside_shown = text
                self.query_one("#aside", Static).update(text)

    def _show_events(self, events: Iterable[Event], replaying: bool) -> None:
        """Show each event; live interviewer replies are shown by the reply stream instead."""
        from mockloop import events as kinds

        for event in events:
            payload = event.payload
            if isinstance(payload, kinds.CandidateSaid):
                self.chat.add_candidate(payload.text)
            elif isinstance(payload, kinds.InterviewerSaid) and replaying:
                self.chat.add_interviewer(payload.text)
            elif isinstance(payload, kinds.HintRequested):
                self.chat.add_notice("You asked for a hint.")
            elif isinstance(payload, kinds.EngineFallback):
                fallbacks = self.interview.session.state.fallbacks
                at = next(i for i, item in enumerate(fallbacks) if item is payload)
                notice = wording.fallback_notice(payload, fallbacks[:at])
                if notice:
                    self.chat.add_notice(notice, warning=True)
            elif isinstance(payload, kinds.TestsRun) and self.cover.runs_tests:
                self.query_one(ResultsPanel).show_run(payload)
            elif isinstance(payload, kinds.PhaseChanged) and not replaying:
                self.conductor.save("phase")
            elif isinstance(payload, kinds.SessionEnded):
                self.chat.add_notice("The interview has ended.")
                self.chat.input.disabled = True

    def _refresh_header(self) -> None:
        doing = wording.activity(self.busy, self.cover.interviewer)
        header = self.query_one(InterviewHeader)
        if self._interview is None:
            header.show(self.cover.phase, self.cover.remaining, doing)
        else:
            session, round_ = self._interview.session, self.conductor.round
            phase = round_.kind.phase_words(
                round_.pack, session.events, session.elapsed(), session.state.phase
            )
            header.show(phase, session.remaining(), doing)

    def watch_busy(self) -> None:
        """Show what is in progress in the header."""
        if self.is_mounted:
            self._refresh_header()

    def _second(self) -> None:
        """Once a second: the conductor's pulse (idle saves, ticks), notices, the header."""
        tick = self.conductor.pulse()
        if tick is not None:
            self._respond(tick)
        notices = self.interview.notices()
        for notice in notices[self._notices_shown :]:
            self.notify(notice, severity="warning", timeout=10)
        self._notices_shown = len(notices)
        self._sync_log()

    # --- candidate actions --------------------------------------------------------------

    @on(TextArea.Changed, "#editor")
    def _edited(self) -> None:
        if self._interview is None:
            self.gate.hold_edit()
            return
        self.conductor.edited()

    def save_for_resume(self) -> None:
        """Record the code and the moment of quitting, so resume restores code and timer.

        Before the session is open there is nothing to add to it: the log already holds the
        start (or the state being resumed), and the app waits for the opening when it can.
        """
        if self._interview is None:
            return
        editor = self._editor
        if editor is None:
            self.conductor.quit()
        else:
            self.conductor.quit(editor.cursor_location, round(editor.scroll_offset.y))
        self._interview.durable()

    def _restore_view(self) -> None:
        """Put the editor's cursor and scroll back where the last snapshot that knew them was."""
        from mockloop.events import CodeSnapshot

        editor = self._editor
        for event in reversed(self.interview.session.events):
            payload = event.payload
            if editor is None or not isinstance(payload, CodeSnapshot):
                continue
            if payload.cursor is not None and payload.code == editor.text:
                editor.move_cursor(payload.cursor)
                if payload.scroll is not None:
                    editor.scroll_to(y=payload.scroll, animate=False, immediate=True)
            return

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Hide what the round lacks; grey out the interview's actions once it is ending."""
        if action == "run_tests" and not self.cover.runs_tests:
            return False
        if action in ("switch_focus", "select_all_code") and self._editor is None:
            return False
        if action == "glance" and not self.cover.glance:
            return False
        ended = self._interview is not None and self._interview.session.state.ended
        if action in ACTIONS_NEEDING_THE_SESSION and (ended or "ending" in self.busy):
            return None
        return True

    def _opening(self) -> bool:
        """True (and the candidate is told) while the session is loading after the first frame."""
        if self._interview is None:
            self.notify(STILL_OPENING, timeout=2)
        return self._interview is None

    @on(ChatPanel.MessageSent)
    def _message_sent(self, message: ChatPanel.MessageSent) -> None:
        if self._interview is None:
            self.gate.hold_message(message.text)
            return
        if self.interview.session.state.ended or "ending" in self.busy:
            return
        event = self.conductor.say(message.text)
        self._sync_log()
        self._respond(event)

    def action_hint(self) -> None:
        """Ask the interviewer for a hint (from the command palette)."""
        if self._opening():
            return
        event = self.conductor.ask_hint("palette")
        self._sync_log()
        self._respond(event)

    def action_run_tests(self) -> None:
        """Run the editor's code against the cases (F5)."""
        if self._opening() or not self.cover.runs_tests:
            return
        if "tests" in self.busy:
            self.notify("The tests are already running.", timeout=2)
            return
        if self.conductor.runs_left() == 0:
            self.notify(wording.NO_RUNS_LEFT, severity="warning", timeout=5)
            return
        self._begin("tests")
        self.query_one(ResultsPanel).running(True)
        self._run_tests()

    def action_glance(self) -> None:
        """Show the round's glance at the editor (F7), e.g. the back of the envelope."""
        glance = None if self._opening() else self.conductor.round.kind.glance
        if glance is not None:
            self.notify(glance(self.conductor.round.pack, self._text()), timeout=20)

    def action_switch_focus(self) -> None:
        """Move focus between the editor and the chat input (F6)."""
        if self._editor is not None and not self._editor.has_focus:
            self._editor.focus()
        else:
            self.chat.input.focus()

    def action_select_all_code(self) -> None:
        """Focus the editor and select all of it (palette; Ctrl+A or F7 in the editor)."""
        if self._editor is not None:
            self._editor.focus()
            self._editor.select_all()

    def action_toggle_problem(self) -> None:
        """Collapse or expand the problem statement."""
        self.query_one(ProblemPanel).toggle()

    def action_end(self) -> None:
        """Ask for confirmation, then end the interview (F10)."""
        if self._opening():
            return
        self.app.push_screen(ConfirmEnd(), self._end_confirmed)

    def _end_confirmed(self, confirmed: bool | None) -> None:
        if not confirmed or self.interview.session.state.ended or "ending" in self.busy:
            return
        self.workers.cancel_group(self, "tests")
        self._begin("ending")
        self._say_goodbye()

    # --- workers: they only await and post messages -------------------------------------

    def _begin(self, group: str) -> None:
        self.busy = self.busy | {group}

    def _respond(self, trigger: Trigger) -> None:
        from mockloop.engine.base import Tick

        self._stream(self.conductor.reply(trigger), typing=not isinstance(trigger, Tick))

    def _stream(self, chunks: AsyncIterator[str], *, typing: bool = True) -> None:
        """Show a reply as it streams (a clock tick is usually silent: no "typing…")."""
        if typing:
            self._begin("interviewer")
        self._reply(chunks)

    @work(thread=True, group="open", exit_on_error=False)
    def _load(self) -> None:
        """Load the session in a thread, after the first frame is drawn."""
        self.post_message(self.Opened(self._open()))

    @work(thread=True, group="connect", exit_on_error=False)
    def _connect(self) -> None:
        """Import and build the services in a thread, once the session is open."""
        self.post_message(self.Connected(self.interview.connect()))

    async def _converse(self, chunks: AsyncIterator[str]) -> None:
        """Post a reply's chunks as messages, then that it finished."""
        streamed = False
        try:
            async for chunk in chunks:
                streamed = streamed or bool(chunk)
                self.post_message(self.ChunkReceived(chunk))
        finally:
            self.post_message(self.ReplyFinished(self.conductor.reply_started, streamed))

    @work(group="interviewer", exit_on_error=False)
    async def _reply(self, chunks: AsyncIterator[str]) -> None:
        await self._converse(chunks)

    @work(exclusive=True, group="tests", exit_on_error=False)
    async def _run_tests(self) -> None:
        self.post_message(self.TestsFinished(await self.conductor.run()))

    @work(exclusive=True, group="ending", exit_on_error=False)
    async def _say_goodbye(self) -> None:
        await self._converse(self.conductor.end("candidate"))
        self.post_message(self.GoodbyeSaid())

    @work(exclusive=True, group="scorecard", exit_on_error=False)
    async def _write_scorecard(self) -> None:
        interview = self.interview
        assert interview.write_report is not None
        path, markdown = await interview.write_report()
        interview.durable()
        self.post_message(self.Finished(markdown, f"Report saved to {path}"))

    # --- handlers for what the workers post ---------------------------------------------

    @on(Connected)
    def _services_connected(self, message: Connected) -> None:
        self.conductor.attach(message.services)
        message.services.warm_up()

    @on(ChunkReceived)
    async def _chunk_received(self, message: ChunkReceived) -> None:
        await self.chat.stream(message.text)

    @on(ReplyFinished)
    async def _reply_finished(self, message: ReplyFinished) -> None:
        await self.chat.end_reply()
        if not message.streamed:
            from mockloop.events import InterviewerSaid

            for event in self.interview.session.events[message.first_seq :]:
                if isinstance(event.payload, InterviewerSaid):
                    self.chat.add_interviewer(event.payload.text)
        self._sync_log()

    @on(TestsFinished)
    def _tests_finished(self, message: TestsFinished) -> None:
        self._sync_log()
        failed = (
            message.event is not None and getattr(message.event.payload, "status", "") == "error"
        )
        if failed and isinstance(self._editor, CodeEditor):
            self._editor.go_to_syntax_error()  # a syntax error: show where it is
        if message.event is not None:
            self._respond(message.event)

    @on(GoodbyeSaid)
    def _goodbye_said(self) -> None:
        self._sync_log()
        if self.interview.write_report is None:
            self._finish_without_scorecard()
            return
        self._begin("scorecard")
        self._write_scorecard()

    def _finish_without_scorecard(self, problem: str = "") -> None:
        """Show the report screen with where the log is, since no scorecard was written."""
        self.interview.durable()
        session_id, location = self.interview.session.id, self.interview.log_location
        markdown = wording.no_scorecard(session_id, location, problem)
        self.post_message(self.Finished(markdown, wording.log_line(session_id, location)))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """Reset the busy state when a worker ends, however it ended; report failures."""
        worker = event.worker
        if worker.node is not self or not worker.is_finished:
            return
        group = worker.group
        if group == "tests":
            self.query_one(ResultsPanel).running(False)
        if event.state == WorkerState.ERROR:
            self._failed(group, str(worker.error))
        still_running = any(
            other.group == group and not other.is_finished and other is not worker
            for other in self.workers
            if other.node is self
        )
        if not still_running:
            self.busy = self.busy - {group}

    def _failed(self, group: str, error: str) -> None:
        """Turn a worker's failure into something the candidate can read; the interview goes on."""
        if group == "tests":
            self.query_one(ResultsPanel).show_error(f"Could not run the tests: {error}")
        elif group == "interviewer":
            self.chat.add_notice(f"The interviewer could not answer ({error}).", warning=True)
        elif group == "open":
            self.open_error = error
            self.app.exit(return_code=1)
        elif group == "connect":
            self.conductor.detach(error)
            self.chat.add_notice(f"Could not load the interviewer: {error}", warning=True)
        elif group == "ending":
            self._goodbye_said()
        elif group == "scorecard":
            self._finish_without_scorecard(error)
