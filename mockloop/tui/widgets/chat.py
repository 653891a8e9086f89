"""The chat: interviewer and candidate messages, visibly distinct, and the input below."""

from __future__ import annotations

import time
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.markdown import Markdown as RichMarkdown
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Markdown, Static
from textual.widgets.markdown import MarkdownStream

STREAM_UPDATES_PER_SECOND = 8


class CandidateMessage(Static):
    """Something the candidate said: plain text under "You", indented from the left."""

    DEFAULT_CSS = """
    CandidateMessage {
        margin: 0 0 1 4;
        padding: 0 1;
        border-left: thick $secondary;
        background: $secondary 10%;
    }
    """

    def __init__(self, text: str) -> None:
        super().__init__(Content.assemble(("You", "bold $secondary"), "\n", text))


class InterviewerMessage(Widget):
    """Something the interviewer said, complete: their name above its Markdown, one widget.

    Every re-layout of the screen (each streamed chunk, each test run) walks every widget
    in the transcript, so a finished message is drawn by a single widget.
    """

    def __init__(self, speaker: str, source: str) -> None:
        super().__init__(classes="interviewer")
        self.speaker = speaker
        self.source = source
        self._markdown = RichMarkdown(source)

    def render(self) -> RenderableType:
        """The name in the theme's accent colour, then the Markdown."""
        accent = self.app.theme_variables.get("accent", "")
        name = Text(self.speaker, style=f"bold {accent}".strip())
        return Group(name, self._markdown)


class StreamingMessage(Vertical):
    """The interviewer's reply while it streams in: their name above a growing Markdown.

    Chunks go through `Markdown.get_stream`, which appends only the new text; once the
    reply is complete the message is replaced by an `InterviewerMessage`.
    """

    DEFAULT_CSS = """
    StreamingMessage > .speaker { text-style: bold; color: $accent; }
    StreamingMessage > Markdown { margin: 0; padding: 0; background: transparent; }
    StreamingMessage MarkdownParagraph { margin: 0; }
    """

    def __init__(self, speaker: str) -> None:
        super().__init__(classes="interviewer")
        self.speaker = speaker
        self.body = Markdown()

    def compose(self) -> ComposeResult:
        """Name, then the message so far."""
        yield Static(self.speaker, classes="speaker", markup=False)
        yield self.body


class ChatNotice(Static):
    """A line about the interview rather than from a person (fallbacks, hints asked)."""

    DEFAULT_CSS = """
    ChatNotice { margin: 0 2 1 2; color: $text-muted; text-style: italic; }
    ChatNotice.warning { color: $warning; }
    """

    def __init__(self, text: str, warning: bool = False) -> None:
        super().__init__(text, markup=False, classes="warning" if warning else "")


class ChatPanel(Vertical):
    """The transcript (anchored to the bottom) above a one-line input; Enter sends."""

    DEFAULT_CSS = """
    ChatPanel { height: 1fr; }
    ChatPanel #transcript { height: 1fr; padding: 0 1; scrollbar-size-vertical: 1; }
    ChatPanel #message { dock: bottom; }
    ChatPanel .interviewer {
        height: auto;
        margin: 0 4 1 0;
        padding: 0 1;
        border-left: thick $accent;
        background: $accent 8%;
    }
    """

    @dataclass
    class MessageSent(Message):
        """The candidate pressed Enter on a non-empty message."""

        text: str

    def __init__(self, interviewer_name: str) -> None:
        super().__init__(id="chat")
        self._interviewer_name = interviewer_name
        self._live: MarkdownStream | None = None
        self._streaming: StreamingMessage | None = None
        self._unshown: list[str] = []
        self._shown_at = 0.0
        self._show_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Transcript above, input below."""
        yield VerticalScroll(id="transcript")
        yield Input(placeholder="Message — Enter sends", id="message")

    def on_mount(self) -> None:
        """Keep the newest message in view while it streams in."""
        self.transcript.anchor()

    @property
    def transcript(self) -> VerticalScroll:
        """The scrolling list of messages."""
        return self.query_one("#transcript", VerticalScroll)

    @property
    def input(self) -> Input:
        """The message input."""
        return self.query_one("#message", Input)

    @on(Input.Submitted, "#message")
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        if not text:
            return
        event.input.clear()
        self.post_message(self.MessageSent(text))

    def add_candidate(self, text: str) -> None:
        """Show a candidate message."""
        self.transcript.mount(CandidateMessage(text))

    def add_interviewer(self, text: str) -> None:
        """Show a complete interviewer message."""
        self.transcript.mount(InterviewerMessage(self._interviewer_name, text))

    def add_notice(self, text: str, warning: bool = False) -> None:
        """Show a notice line."""
        self.transcript.mount(ChatNotice(text, warning))

    async def stream(self, chunk: str) -> None:
        """Append a chunk of the interviewer's reply, starting a new message on the first one.

        `Markdown.get_stream` appends only the new text (never re-parsing the whole message).
        Each append re-lays out the whole screen, so the text shown grows at most
        STREAM_UPDATES_PER_SECOND times a second, with every chunk that came in meanwhile;
        otherwise a fast stream keeps the event loop busy laying out (bench/startup.py).
        """
        if self._live is None:
            message = StreamingMessage(self._interviewer_name)
            await self.transcript.mount(message)
            self._live, self._streaming = Markdown.get_stream(message.body), message
        self._unshown.append(chunk)
        if self._show_timer is None:
            wait = self._shown_at + 1 / STREAM_UPDATES_PER_SECOND - time.monotonic()
            if wait <= 0:
                await self._show()
            else:
                self._show_timer = self.set_timer(wait, self._show)

    async def _show(self) -> None:
        """Append what arrived since the last update to the streaming message."""
        self._show_timer = None
        text, self._unshown = "".join(self._unshown), []
        self._shown_at = time.monotonic()
        if text and self._live is not None:
            await self._live.write(text)

    async def end_reply(self) -> None:
        """The reply is complete: show the rest, then close its stream."""
        if self._show_timer is not None:
            self._show_timer.stop()
        await self._show()
        if self._live is not None:
            live, self._live = self._live, None
            await live.stop()
        if self._streaming is not None:
            streamed, self._streaming = self._streaming, None
            if not self.transcript.is_attached:  # the app is closing: nothing left to show
                return
            finished = InterviewerMessage(streamed.speaker, streamed.body.source)
            await self.transcript.mount(finished, after=streamed)
            await streamed.remove()
