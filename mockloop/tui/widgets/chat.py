"""The chat: interviewer and candidate messages, visibly distinct, and the input below."""

from __future__ import annotations

from dataclasses import dataclass

from rich.markdown import Markdown as RichMarkdown
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Markdown, Static
from textual.widgets.markdown import MarkdownStream


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


class InterviewerMessage(Vertical):
    """Something the interviewer said: their name above its Markdown.

    A message still streaming in is a `Markdown` widget (one child widget per block, so
    chunks append cheaply); a finished one is a single `Static`, because every re-layout of
    the screen (each streamed chunk, each test run) walks every widget in the transcript.
    """

    DEFAULT_CSS = """
    InterviewerMessage {
        height: auto;
        margin: 0 4 1 0;
        padding: 0 1;
        border-left: thick $accent;
        background: $accent 8%;
    }
    InterviewerMessage > .speaker { text-style: bold; color: $accent; }
    InterviewerMessage > Markdown { margin: 0; padding: 0; background: transparent; }
    InterviewerMessage > .body { margin: 0; padding: 0; }
    InterviewerMessage MarkdownParagraph { margin: 0; }
    """

    def __init__(self, speaker: str, text: str | None = None) -> None:
        super().__init__()
        self.speaker = speaker
        self.body: Widget = Markdown() if text is None else FinishedMarkdown(text)

    def compose(self) -> ComposeResult:
        """Name, then the message."""
        yield Static(self.speaker, classes="speaker", markup=False)
        yield self.body

    async def finish(self) -> None:
        """The message is complete: swap the streamed Markdown widgets for one Static."""
        if isinstance(self.body, Markdown):
            streamed, self.body = self.body, FinishedMarkdown(self.body.source)
            await self.mount(self.body, after=streamed)
            await streamed.remove()


class FinishedMarkdown(Static):
    """A complete message's Markdown, drawn by one widget; `source` is the text, as Markdown's."""

    def __init__(self, source: str) -> None:
        super().__init__(RichMarkdown(source), classes="body")
        self.source = source


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
    """

    @dataclass
    class MessageSent(Message):
        """The candidate pressed Enter on a non-empty message."""

        text: str

    def __init__(self, interviewer_name: str) -> None:
        super().__init__(id="chat")
        self._interviewer_name = interviewer_name
        self._live: MarkdownStream | None = None
        self._streaming: InterviewerMessage | None = None

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

        `Markdown.get_stream` appends only the new text (never re-parsing the whole message)
        and batches chunks that arrive faster than the screen can draw them.
        """
        if self._live is None:
            message = InterviewerMessage(self._interviewer_name)
            await self.transcript.mount(message)
            assert isinstance(message.body, Markdown)
            self._live, self._streaming = Markdown.get_stream(message.body), message
        await self._live.write(chunk)

    async def end_reply(self) -> None:
        """The reply is complete: flush and close its stream."""
        if self._live is not None:
            live, self._live = self._live, None
            await live.stop()
        if self._streaming is not None:
            message, self._streaming = self._streaming, None
            await message.finish()
