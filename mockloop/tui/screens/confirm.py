"""The end-of-interview confirmation: Enter ends, Escape goes back."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Static


class ConfirmEnd(ModalScreen[bool]):
    """Asks once before ending; dismisses with True to end the interview."""

    DEFAULT_CSS = """
    ConfirmEnd { align: center middle; }
    ConfirmEnd > Vertical {
        width: 56;
        max-width: 90%;
        height: auto;
        padding: 1 2;
        border: thick $warning;
        background: $surface;
    }
    ConfirmEnd #question { text-style: bold; margin-bottom: 1; }
    ConfirmEnd Horizontal { height: auto; align-horizontal: right; margin-top: 1; }
    ConfirmEnd Button { margin-left: 1; }
    """

    BINDINGS = [
        Binding("enter", "confirm", "End interview", priority=True),
        Binding("escape", "cancel", "Keep going"),
    ]

    def compose(self) -> ComposeResult:
        """The question, what happens next, and the two choices."""
        with Vertical():
            yield Static("End the interview now?", id="question")
            yield Static(
                "Your code and the conversation are saved and the scorecard is written. "
                "Enter ends it, Escape goes back.",
                id="detail",
            )
            with Horizontal():
                yield Button("Keep going", id="cancel")
                yield Button("End interview", id="confirm", variant="warning")

    def action_confirm(self) -> None:
        """End the interview."""
        self.dismiss(True)

    def action_cancel(self) -> None:
        """Return to the interview."""
        self.dismiss(False)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm")
