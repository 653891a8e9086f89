"""The problem statement as collapsible Markdown above the editor."""

from __future__ import annotations

from rich.markdown import Markdown
from textual.containers import VerticalScroll
from textual.widgets import Collapsible, Static


class ProblemPanel(Collapsible):
    """The problem's title (always visible) above its statement (collapsible, scrollable).

    The statement is one widget drawing Rich's Markdown, not Textual's Markdown widget (a
    widget per paragraph, list and item): every re-layout of the screen walks every widget,
    and the statement never changes.
    """

    DEFAULT_CSS = """
    ProblemPanel { height: auto; padding: 0; margin: 0; border: none; }
    ProblemPanel > Contents { padding: 0; }
    ProblemPanel VerticalScroll { height: auto; max-height: 12; }
    ProblemPanel #statement { margin: 0 1 0 0; padding: 0; }
    """

    def __init__(self, title: str, statement: str) -> None:
        super().__init__(
            VerticalScroll(Static(Markdown(statement), id="statement")),
            title=title,
            collapsed=False,
            id="problem",
        )

    def toggle(self) -> None:
        """Collapse or expand the statement."""
        self.collapsed = not self.collapsed
