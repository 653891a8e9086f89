"""The interview header: who is interviewing, the level, the phase and the countdown."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from mockloop.clock import mmss

PHASE_LABELS = {
    "intro": "Introduction",
    "clarify": "Clarifying",
    "approach": "Approach",
    "code": "Coding",
    "test": "Testing",
    "follow_up": "Follow-up",
    "wrap_up": "Wrap-up",
    "ended": "Ended",
}


def countdown(remaining: float) -> str:
    """Time left as mm:ss, or `+mm:ss over` once the budget is spent."""
    if remaining >= 0:
        return mmss(remaining + 0.999)
    return f"+{mmss(-remaining)} over"


class InterviewHeader(Horizontal):
    """One line: persona and company, level title, phase, activity and time left."""

    DEFAULT_CSS = """
    InterviewHeader {
        height: 1;
        dock: top;
        background: $panel;
        color: $foreground;
    }
    InterviewHeader > Static { width: auto; padding: 0 1; }
    InterviewHeader #who { text-style: bold; color: $accent; }
    InterviewHeader #activity { width: 1fr; color: $text-muted; text-style: italic; }
    InterviewHeader #timer { text-style: bold; }
    InterviewHeader #timer.low { color: $warning; }
    InterviewHeader #timer.over { color: $error; }
    """

    def __init__(self, who: str, level: str) -> None:
        super().__init__()
        self._who = who
        self._level = level
        self._shown: dict[str, str] = {}

    def compose(self) -> ComposeResult:
        """Persona, level, phase, activity, timer from left to right."""
        yield Static(self._who, id="who")
        yield Static(self._level, id="level")
        yield Static("", id="phase")
        yield Static("", id="activity")
        yield Static("", id="timer")

    def show(self, phase: str, remaining: float, activity: str) -> None:
        """Refresh the parts that change: phase, what is happening, time left."""
        self._set("#phase", f"Phase: {PHASE_LABELS.get(phase, phase)}")
        self._set("#activity", activity)
        timer = self._set("#timer", f"⏱ {countdown(remaining)}")
        timer.set_class(0 <= remaining < 300, "low")
        timer.set_class(remaining < 0, "over")

    def _set(self, selector: str, text: str) -> Static:
        """Update one part only when its text changed; re-layout only when its width did.

        The activity fills the rest of the line (`1fr`), so its text never changes a width.
        """
        part = self.query_one(selector, Static)
        shown = self._shown.get(selector)
        if shown != text:
            fixed = selector == "#activity" and shown is not None
            part.update(text, layout=not fixed and (shown is None or len(shown) != len(text)))
            self._shown[selector] = text
        return part
