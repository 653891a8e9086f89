"""The interview App: it only wires screens (interview, then report) and the quit key."""

from __future__ import annotations

import asyncio
import signal
from contextlib import suppress

from textual import on
from textual.app import App

from mockloop.tui.context import Interview
from mockloop.tui.screens.interview import InterviewScreen
from mockloop.tui.screens.report import ReportScreen

HANGUP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)


class InterviewApp(App[None]):
    """Runs one interview; Ctrl+Q quits and leaves the session resumable."""

    CSS_PATH = "interview.tcss"
    TITLE = "MockLoop"

    def __init__(self, interview: Interview) -> None:
        super().__init__()
        self.interview = interview
        self.interview_screen = InterviewScreen(interview)

    def on_mount(self) -> None:
        """Show the interview; a closed terminal exits cleanly through the same quit path."""
        self.push_screen(self.interview_screen)
        loop = asyncio.get_running_loop()
        for number in HANGUP_SIGNALS:
            with suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, self.exit)

    def on_unmount(self) -> None:
        """Give the signals back."""
        loop = asyncio.get_running_loop()
        for number in HANGUP_SIGNALS:
            with suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(number)

    def save_for_resume(self) -> None:
        """Snapshot the code and the moment of leaving; safe to call more than once."""
        self.interview_screen.save_for_resume()

    async def action_quit(self) -> None:
        """Save for resume, then exit."""
        self.save_for_resume()
        self.exit()

    @on(InterviewScreen.Finished)
    def _show_report(self, message: InterviewScreen.Finished) -> None:
        self.switch_screen(ReportScreen(message.markdown, message.location))
