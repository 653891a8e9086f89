"""One past session: its scorecard as Markdown, with Replay and Export."""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button, Footer, Header, Markdown

from mockloop.errors import MockloopError
from mockloop.events import Event
from mockloop.tui.home.sources import HomeSources, Scorecard

EVIDENCE = re.compile(r"event #(\d+)")


def linked(markdown: str) -> str:
    """Evidence references ("event #16") become links that open the replay there."""
    return EVIDENCE.sub(lambda match: f"[event #{match[1]}](#replay-{match[1]})", markdown)


class SessionScreen(Screen[None]):
    """Shows a session's scorecard; R replays it, E exports the report, Escape goes back."""

    BINDINGS = [
        Binding("r", "replay", "Replay", id="session.replay"),
        Binding("e", "export", "Export", id="session.export"),
        Binding("escape,q", "app.pop_screen", "Back", id="session.back"),
    ]

    @dataclass
    class ReplayRequested(Message):
        """Open the replay of this session at an event (None: the start)."""

        session_id: str
        events: list[Event]
        evidence: list[tuple[int, str]]
        seq: int | None = None

    def __init__(self, session_id: str, sources: HomeSources) -> None:
        super().__init__()
        self.session_id = session_id
        self.sources = sources
        self.events: list[Event] = []
        self.scorecard: Scorecard | None = None

    def compose(self) -> ComposeResult:
        """The report, then the two actions."""
        yield Header()
        with VerticalScroll(id="scorecard"):
            yield Markdown("Loading the scorecard…", id="scorecard-text", open_links=False)
        with Horizontal(id="session-actions"):
            yield Button("Replay", id="replay", compact=True)
            yield Button("Export", id="export", compact=True)
        yield Footer()

    def on_mount(self) -> None:
        """Load the log and the report off the event loop."""
        self.sub_title = f"Session {self.session_id}"
        self.load()

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load(self) -> None:
        """Read the log and the saved (or re-derived) report."""
        try:
            events = self.sources.events(self.session_id)
            scorecard = self.sources.scorecard(self.session_id, events)
        except MockloopError as error:
            self.app.call_from_thread(self._show_error, error.message)
            return
        self.app.call_from_thread(self._show, events, scorecard)

    def _show(self, events: list[Event], scorecard: Scorecard) -> None:
        self.events, self.scorecard = events, scorecard
        self.query_one("#scorecard-text", Markdown).update(linked(scorecard.markdown))
        self.query_one("#scorecard").focus()

    def _show_error(self, message: str) -> None:
        self.query_one("#scorecard-text", Markdown).update(f"**Cannot open it:** {message}")

    @on(Markdown.LinkClicked)
    def _link(self, event: Markdown.LinkClicked) -> None:
        if event.href.startswith("#replay-"):
            event.prevent_default()
            self.replay_at(int(event.href.removeprefix("#replay-")))

    @on(Button.Pressed, "#replay")
    def action_replay(self) -> None:
        """Open the replay at the start."""
        self.replay_at(None)

    def replay_at(self, seq: int | None) -> None:
        """Ask the app for the replay (once the log is loaded)."""
        if not self.events:
            self.notify("The session is still loading.")
            return
        evidence = self.scorecard.evidence if self.scorecard else []
        self.post_message(self.ReplayRequested(self.session_id, self.events, evidence, seq))

    @on(Button.Pressed, "#export")
    def action_export(self) -> None:
        """Write the report next to where MockLoop was started (off the event loop: a slow
        or full disk must not freeze the screen)."""
        if self.scorecard is None:
            self.notify("The scorecard is still loading.")
            return
        self.export(self.scorecard.markdown)

    @work(thread=True, group="export", exit_on_error=False)
    def export(self, markdown: str) -> None:
        """Write the file; say where, or why not."""
        try:
            path = self.sources.export(self.session_id, markdown)
        except MockloopError as error:
            self.app.call_from_thread(self.notify, error.message, severity="error")
            return
        self.app.call_from_thread(self.notify, f"Exported to {path}")
