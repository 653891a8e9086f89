"""The chat: interviewer and candidate messages, visibly distinct, and the input below."""

from __future__ import annotations

import time
from dataclasses import dataclass

from rich.console import Group, RenderableType
from rich.markdown import Markdown as RichMarkdown
from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Input, Markdown, Static
from textual.widgets.markdown import MarkdownStream

STREAM_UPDATES_PER_SECOND = 8
MESSAGE_LIMIT = 4000
"""The most characters one chat message may hold (typed or pasted); the rest is refused."""
SHOWN_LIMIT = 1200
"""The most characters of a candidate message drawn in the transcript (the log has all).

Every re-layout of the chat re-wraps every message, so one huge message would make each
streamed chunk and each test run slow for the rest of the interview."""


def shown_text(text: str) -> str:
    """A candidate message as drawn: whole, or its start and how much more there is."""
    if len(text) <= SHOWN_LIMIT:
        return text
    return f"{text[:SHOWN_LIMIT]}\n… {len(text) - SHOWN_LIMIT:,} more characters (kept in the log)"


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
        super().__init__(Content.assemble(("You", "bold $secondary"), "\n", shown_text(text)))


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


class ChatInput(Input):
    """The one-line message input: Enter sends at once, pastes are bounded.

    Enter is handled as the key arrives, not through the app's binding (which runs only
    after the key has bubbled up through every parent's queue): keys typed just after
    Enter would otherwise reach the input first and be sent with the message.
    """

    def __init__(self) -> None:
        super().__init__(
            placeholder="Message — Enter sends", id="message", max_length=MESSAGE_LIMIT
        )
        self._told_full = False

    async def on_key(self, event: events.Key) -> None:
        """Send on Enter right away, with exactly what was typed before it; once the message
        is full, drop further characters before the input does any work for them (a paste
        that arrives as keystrokes would otherwise cost time for every character)."""
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            await self.action_submit()
        elif event.is_printable and len(self.value) >= MESSAGE_LIMIT:
            event.stop()
            event.prevent_default()
            self._say_full()

    def _say_full(self) -> None:
        """Tell the candidate once per message that it is full."""
        if not self._told_full:
            self._told_full = True
            self.notify(
                f"A message holds at most {MESSAGE_LIMIT:,} characters; the rest was not "
                "added. Put long code in the editor instead.",
                severity="warning",
                timeout=6,
            )

    async def action_submit(self) -> None:
        """Post the message and empty the input in the same step."""
        text, self.value = self.value, ""
        self._told_full = False
        self.post_message(self.Submitted(self, text))

    def on_paste(self, event: events.Paste) -> None:
        """Insert a paste as one line, cut to what fits in a message (and say so)."""
        event.stop()
        event.prevent_default()
        text = " ".join(event.text.split("\n")).replace("\r", "")
        start, end = sorted(self.selection)
        room = MESSAGE_LIMIT - (len(self.value) - (end - start))
        if len(text) > room:
            text = text[: max(room, 0)]
            self._say_full()
        if text:
            self.replace(text, start, end)


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

    def __init__(self, interviewer_name: str, greeting: str | None = None) -> None:
        super().__init__(id="chat")
        self._interviewer_name = interviewer_name
        self._greeting = InterviewerMessage(interviewer_name, greeting) if greeting else None
        self._live: MarkdownStream | None = None
        self._streaming: StreamingMessage | None = None
        self._unshown: list[str] = []
        self._shown_at = 0.0
        self._show_timer: Timer | None = None

    def compose(self) -> ComposeResult:
        """Transcript (opening with the greeting, when it is known ahead) above, input below."""
        with VerticalScroll(id="transcript"):
            if self._greeting is not None:
                yield self._greeting
        yield ChatInput()

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
        if text:
            self.post_message(self.MessageSent(text[:MESSAGE_LIMIT]))

    def withdraw_greeting(self) -> None:
        """Take back the greeting drawn in the first frame (the log says otherwise)."""
        if self._greeting is not None:
            self._greeting.remove()
            self._greeting = None

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
