"""`mockloop replay ID`: an app with only the Replay screen."""

from __future__ import annotations

from textual.app import App

from mockloop.events import Event
from mockloop.tui.replay.screen import ReplayScreen


class ReplayApp(App[None]):
    """Replays one session; Escape or q quits."""

    CSS_PATH = "../home/home.tcss"  # Home and Replay share one stylesheet
    TITLE = "MockLoop"

    def __init__(
        self, events: list[Event], session_id: str, evidence: list[tuple[int, str]] | None = None
    ) -> None:
        super().__init__()
        self.replay_screen = ReplayScreen(events, session_id, evidence)

    def get_default_screen(self) -> ReplayScreen:
        """The replay is the only screen."""
        return self.replay_screen
