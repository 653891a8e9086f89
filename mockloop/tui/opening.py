"""The moment between the first frame and the open session, and what the candidate does in it.

The screen draws the cover at once and loads the session behind it (a fraction of a second).
Meanwhile a chat message is held and sent once the session is open, an edit is remembered
(so the idle snapshot still happens), and actions that need the session (run, hint, end)
are declined with a short note. Once open, the gate hands over what it held and the screen
deals only with an open interview.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field

STILL_OPENING = "One moment: the interview is still opening."


@dataclass
class Held:
    """What the candidate did before the session was open."""

    edited: bool = False
    messages: list[str] = field(default_factory=list)


class OpeningGate:
    """Holds early actions until `open()`; afterwards it holds nothing."""

    def __init__(self) -> None:
        self._opened = asyncio.Event()
        self._held = Held()

    @property
    def is_open(self) -> bool:
        """Whether the session is loaded."""
        return self._opened.is_set()

    def hold_message(self, text: str) -> None:
        """A message sent while opening: it is sent as soon as the session is open."""
        self._held.messages.append(text)

    def hold_edit(self) -> None:
        """The code changed while opening."""
        self._held.edited = True

    def open(self) -> Held:
        """The session is open: hand over what was held (once)."""
        self._opened.set()
        held, self._held = self._held, Held()
        return held

    async def wait(self, timeout: float) -> bool:
        """Wait until the session is open; False when it is not within `timeout` seconds."""
        try:
            await asyncio.wait_for(self._opened.wait(), timeout)
        except TimeoutError:
            return False
        return True
