"""The Home app: wires Home, a session's scorecard and its replay. Its return value is the
start form's request, which the caller launches (mockloop/commands/home.py)."""

from __future__ import annotations

from textual import on
from textual.app import App

from mockloop.tui.home.screen import HomeScreen
from mockloop.tui.home.session_screen import SessionScreen
from mockloop.tui.home.sources import HomeSources, StartRequest
from mockloop.tui.replay.screen import ReplayScreen


class HomeApp(App[StartRequest]):
    """Home first; Enter on a session shows its scorecard; R replays it."""

    CSS_PATH = "home.tcss"
    TITLE = "MockLoop"

    def __init__(self, sources: HomeSources) -> None:
        super().__init__()
        self.sources = sources
        self.home_screen = HomeScreen(sources)

    def get_default_screen(self) -> HomeScreen:
        """Home is the first screen."""
        return self.home_screen

    @on(HomeScreen.SessionChosen)
    def _open_session(self, message: HomeScreen.SessionChosen) -> None:
        self.push_screen(SessionScreen(message.session_id, self.sources))

    @on(SessionScreen.ReplayRequested)
    def _open_replay(self, message: SessionScreen.ReplayRequested) -> None:
        self.push_screen(
            ReplayScreen(message.events, message.session_id, message.evidence, message.seq)
        )
