"""The report screen: the scorecard's Markdown and where it was saved; q quits."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Markdown, Static


class ReportScreen(Screen[None]):
    """Shows the report after the interview ended."""

    DEFAULT_CSS = """
    ReportScreen #report { height: 1fr; padding: 0 2; }
    ReportScreen #saved { height: auto; padding: 0 2; background: $panel; color: $success; }
    """

    BINDINGS = [Binding("q", "app.quit", "Quit")]

    def __init__(self, markdown: str, location: str) -> None:
        super().__init__()
        self._markdown = markdown
        self._location = location

    def compose(self) -> ComposeResult:
        """The report, the file it lives in, and the footer."""
        with VerticalScroll(id="report"):
            yield Markdown(self._markdown)
        yield Static(self._location, id="saved", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        """Let the arrow keys scroll the report right away."""
        self.query_one("#report").focus()
