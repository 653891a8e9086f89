"""The Replay screen: step or play through a session; code, chat and runs as they were.

The cursor is the only state kept here; what is shown at each position is the log folded
up to that event (`mockloop.progress.replay.Timeline`).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from rich.console import Group, RenderableType
from rich.markdown import Markdown
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer, Header, OptionList, Static
from textual.widgets.option_list import Option

from mockloop.clock import mmss
from mockloop.events import CandidateSaid, Event, InterviewerSaid, TestsRun
from mockloop.progress.replay import SPEEDS, Moment, Timeline
from mockloop.tui.replay.code_view import CodeView
from mockloop.tui.widgets.chat import shown_text

TICK_SECONDS = 0.1


@lru_cache(maxsize=2048)
def interviewer_markdown(text: str) -> Markdown:
    """An interviewer message as the live chat draws it (Markdown), parsed once however
    often the replay redraws the chat."""
    return Markdown(text)


def chat_view(log: Sequence[Event]) -> Group:
    """The transcript up to now, one paragraph per message: the candidate's words as typed,
    the interviewer's rendered as Markdown, as in the interview."""
    parts: list[RenderableType] = []
    for event in log:
        payload = event.payload
        if not isinstance(payload, CandidateSaid | InterviewerSaid):
            continue
        mine = isinstance(payload, CandidateSaid)
        style = "bold cyan" if mine else "bold magenta"
        parts.append(Text(f"{mmss(event.t)} {'You' if mine else 'Interviewer'}", style=style))
        parts.append(Text(shown_text(payload.text)) if mine else interviewer_markdown(payload.text))
        parts.append(Text(""))
    return Group(*parts)


def runs_text(log: Sequence[Event]) -> Text:
    """One line per run so far."""
    runs = [(event.t, event.payload) for event in log if isinstance(event.payload, TestsRun)]
    if not runs:
        return Text("No runs yet.", style="dim")
    text = Text()
    for when, run in runs:
        style = "green" if run.status == "passed" else "red"
        text.append(f"{mmss(when)} {run.status} {run.passed}/{run.total}\n", style=style)
    return text


def running_counts(events: Sequence[Event], kinds: tuple[type, ...]) -> list[int]:
    """For each index, how many events of these payload types the log holds up to it."""
    counts, seen = [], 0
    for event in events:
        seen += isinstance(event.payload, kinds)
        counts.append(seen)
    return counts


class ReplayScreen(Screen[None]):
    """←/→ step an event, Space plays at 1×/4×/16× (S changes speed), evidence jumps."""

    BINDINGS = [
        Binding("left", "step(-1)", "Back", key_display="←", priority=True, id="replay.back"),
        Binding("right", "step(1)", "Forward", key_display="→", priority=True, id="replay.forward"),
        Binding("space", "play", "Play/pause", id="replay.play"),
        Binding("s", "speed", "Speed", id="replay.speed"),
        Binding("home", "go(0)", "Start", show=False, priority=True, id="replay.start"),
        Binding("end", "go(-1)", "End", show=False, priority=True, id="replay.end"),
        Binding("escape,q", "leave", "Close", id="replay.close"),
    ]

    def __init__(
        self,
        events: list[Event],
        session_id: str,
        evidence: list[tuple[int, str]] | None = None,
        seq: int | None = None,
    ) -> None:
        super().__init__()
        self.timeline = Timeline(events)
        self.session_id = session_id
        self.evidence = evidence or []
        self.index = 0 if seq is None else self.timeline.index_of_seq(seq)
        self.speed = SPEEDS[0]
        self.playing: Timer | None = None
        self.play_clock = 0.0
        self.shown_digest = ""
        # Most steps are code snapshots: chat and runs are redrawn only when they change.
        self.chat_counts = running_counts(events, (CandidateSaid, InterviewerSaid))
        self.run_counts = running_counts(events, (TestsRun,))
        self.shown_chat = self.shown_runs = -1

    def compose(self) -> ComposeResult:
        """Position line; code on the left; chat and runs on the right; evidence below."""
        yield Header()
        yield Static("", id="replay-position")
        with Horizontal(id="replay-body"):
            yield CodeView(id="replay-code")
            with Vertical(id="replay-side"):
                with VerticalScroll(id="replay-chat-scroll"):
                    yield Static("", id="replay-chat")
                yield Static("", id="replay-runs")
        # No option ids: several evidence lines often cite the same event.
        options = [Option(f"#{seq} {text}") for seq, text in self.evidence]
        yield OptionList(*options, id="replay-evidence")
        yield Footer()

    def on_mount(self) -> None:
        """Show the first moment (or the one asked for)."""
        started = self.timeline.events[0].payload
        self.sub_title = f"Replay {self.session_id} · {getattr(started, 'problem', '')}"
        language = "python" if getattr(started, "focus", "coding") == "coding" else None
        self.query_one("#replay-code", CodeView).language = language
        evidence = self.query_one("#replay-evidence", OptionList)
        evidence.display = bool(self.evidence)
        if self.evidence:
            evidence.focus()
        self.show(self.index)

    def show(self, index: int) -> Moment:
        """Move the cursor to `index` and draw the session as it was there."""
        moment = self.timeline.at(index)
        self.index = moment.index
        state = moment.state
        if state.code_digest != self.shown_digest:
            self.shown_digest = state.code_digest
            self.query_one("#replay-code", CodeView).show_code(state.code)
        if self.chat_counts[moment.index] != self.shown_chat:
            self.shown_chat = self.chat_counts[moment.index]
            self.query_one("#replay-chat", Static).update(chat_view(moment.log))
            self.query_one("#replay-chat-scroll", VerticalScroll).scroll_end(animate=False)
        if self.run_counts[moment.index] != self.shown_runs:
            self.shown_runs = self.run_counts[moment.index]
            self.query_one("#replay-runs", Static).update(runs_text(moment.log))
        self.query_one("#replay-position", Static).update(self.position(moment))
        return moment

    def position(self, moment: Moment) -> Text:
        """`event 16/120 · 12:30 of 45:00 · candidate_said · playing 4×` and the end note."""
        minutes = getattr(self.timeline.events[0].payload, "minutes", 0)
        text = Text(
            f"event #{moment.event.seq} ({moment.index + 1}/{self.timeline.last + 1}) · "
            f"{mmss(moment.event.t)} of {mmss(minutes * 60)} · {moment.event.kind} · "
            f"{'playing' if self.playing else 'paused'} {self.speed}×"
        )
        if moment.at_end:
            text.append("  " + self.timeline.end_note(), style="bold yellow")
        return text

    def action_step(self, delta: int) -> None:
        """One event back or forward; past the end of an unfinished log, say so."""
        target = self.index + delta
        if target > self.timeline.last:
            self.notify(self.timeline.end_note(), severity="warning")
            return
        self.show(max(0, target))

    def action_go(self, index: int) -> None:
        """Jump to the start (0) or the last event (-1)."""
        self.show(self.timeline.last if index < 0 else index)

    def action_play(self) -> None:
        """Play from here in session time at the current speed, or pause."""
        if self.playing is not None:
            self.stop()
            return
        if self.index >= self.timeline.last:
            self.notify(self.timeline.end_note(), severity="warning")
            return
        self.play_clock = self.timeline.events[self.index].t
        self.playing = self.set_interval(TICK_SECONDS, self._tick)
        self.show(self.index)

    def _tick(self) -> None:
        self.play_clock += TICK_SECONDS * self.speed
        target = self.timeline.index_at(self.play_clock)
        if target != self.index:
            self.show(target)
        if self.index >= self.timeline.last:
            self.stop()
            self.notify(self.timeline.end_note())

    def stop(self) -> None:
        """Pause playing."""
        if self.playing is not None:
            self.playing.stop()
            self.playing = None
        self.show(self.index)

    def action_speed(self) -> None:
        """1× → 4× → 16× → 1×."""
        self.speed = SPEEDS[(SPEEDS.index(self.speed) + 1) % len(SPEEDS)]
        self.show(self.index)

    def action_leave(self) -> None:
        """Back to the session (or quit when replay is the whole app)."""
        self.stop()
        if len(self.app.screen_stack) > 1:
            self.app.pop_screen()
        else:
            self.app.exit()

    @on(OptionList.OptionSelected, "#replay-evidence")
    def _jump(self, event: OptionList.OptionSelected) -> None:
        seq, _ = self.evidence[event.option_index]
        self.stop()
        self.show(self.timeline.index_of_seq(seq))
