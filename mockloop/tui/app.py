"""The interview App: it only wires screens (interview, then report) and the quit key."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from contextlib import suppress

from textual import on
from textual.app import App

from mockloop.collector import TICK_SECONDS, IdleCollector
from mockloop.tui.context import Interview, Opening
from mockloop.tui.screens.interview import InterviewScreen
from mockloop.tui.screens.report import ReportScreen

HANGUP_SIGNALS = (signal.SIGHUP, signal.SIGTERM)
# Textual's shutdown writes to the terminal; when the terminal is gone its writer thread can
# die and leave shutdown blocked forever, so a hang-up gets this long to exit on its own.
HANGUP_GRACE_SECONDS = 3.0
# Ctrl+Q in the moment between the first frame and the session being loaded waits this long
# for the session, so that code typed meanwhile is saved too.
OPENING_WAIT_SECONDS = 10.0


class InterviewApp(App[None]):
    """Runs one interview; Ctrl+Q quits and leaves the session resumable."""

    CSS_PATH = "interview.tcss"
    TITLE = "MockLoop"

    def __init__(self, interview: Interview | Opening) -> None:
        super().__init__()
        opening = interview if isinstance(interview, Opening) else Opening.of(interview)
        self.interview_screen = InterviewScreen(opening)
        self.collector = IdleCollector()

    @property
    def interview(self) -> Interview | None:
        """The interview once its session is loaded (None before, or if loading failed)."""
        screen = self.interview_screen
        return screen.interview if screen.is_open else None

    def get_default_screen(self) -> InterviewScreen:
        """The interview is the first screen: no blank default screen is drawn before it."""
        return self.interview_screen

    def on_mount(self) -> None:
        """Collect garbage when idle; a closed terminal exits through the Ctrl+Q path."""
        self.collector.start()
        self.set_interval(TICK_SECONDS, self._collect_garbage)
        loop = asyncio.get_running_loop()
        for number in HANGUP_SIGNALS:
            with suppress(NotImplementedError, RuntimeError, ValueError):
                loop.add_signal_handler(number, self._hang_up, number)

    def _hang_up(self, number: int) -> None:
        """The terminal closed or we were told to stop: save, then exit even if shutdown hangs."""
        self.save_for_resume()
        if self.interview is not None:
            self.interview.durable()
        watchdog = threading.Timer(HANGUP_GRACE_SECONDS, self._abandon, args=(number,))
        watchdog.daemon = True
        watchdog.start()
        self.exit()

    def _abandon(self, number: int) -> None:
        """Shutdown is stuck (see HANGUP_GRACE_SECONDS): write what is left and leave now."""
        with suppress(Exception):
            if self.interview is not None:
                self.interview.release()
        os._exit(128 + number)

    def _collect_garbage(self) -> None:
        """Every TICK_SECONDS; not before the session is open (start-up's objects get frozen
        then)."""
        screen = self.interview_screen
        if screen.is_open:
            self.collector.tick(busy=bool(screen.busy))

    def on_unmount(self) -> None:
        """Give the signals and the garbage collector back."""
        self.collector.stop()
        loop = asyncio.get_running_loop()
        for number in HANGUP_SIGNALS:
            with suppress(NotImplementedError, RuntimeError, ValueError):
                loop.remove_signal_handler(number)

    def save_for_resume(self) -> None:
        """Snapshot the code and the moment of leaving; safe to call more than once."""
        self.interview_screen.save_for_resume()

    async def action_quit(self) -> None:
        """Save for resume (once the session is open), then exit."""
        await self.interview_screen.wait_open(OPENING_WAIT_SECONDS)
        self.save_for_resume()
        self.exit()

    @on(InterviewScreen.Finished)
    def _show_report(self, message: InterviewScreen.Finished) -> None:
        self.push_screen(ReportScreen(message.markdown, message.location))
