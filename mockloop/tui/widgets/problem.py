"""The problem statement as collapsible Markdown above the editor."""

from __future__ import annotations

from textual.containers import VerticalScroll
from textual.widgets import Collapsible, Markdown


class ProblemPanel(Collapsible):
    """The problem's title (always visible) above its statement (collapsible, scrollable)."""

    DEFAULT_CSS = """
    ProblemPanel { height: auto; padding: 0; margin: 0; border: none; }
    ProblemPanel > Contents { padding: 0; }
    ProblemPanel VerticalScroll { height: auto; max-height: 12; }
    ProblemPanel Markdown { margin: 0 1 0 0; padding: 0; }
    """

    def __init__(self, title: str, statement: str) -> None:
        super().__init__(
            VerticalScroll(Markdown(statement)), title=title, collapsed=False, id="problem"
        )

    def toggle(self) -> None:
        """Collapse or expand the statement."""
        self.collapsed = not self.collapsed
