"""The interface every interviewer implements, and what it reacts to."""

from __future__ import annotations

import asyncio
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol

from mockloop.events import EndReason, Event, InterviewerSaid
from mockloop.session import Session


@dataclass(frozen=True)
class Tick:
    """No event happened, but time passed: the interviewer may check in or call time."""

    t: float


@dataclass(frozen=True)
class Ending:
    """The candidate (or the clock) is ending the interview; the interviewer says goodbye."""

    reason: EndReason


Trigger = Event | Tick | Ending

__all__ = ["EndReason", "Ending", "Interviewer", "Tick", "Trigger", "speak"]

WORDS = re.compile(r"\S+\s*")


async def speak(
    session: Session, text: str, intent: str, engine: str, delay: float = 0.0
) -> AsyncIterator[str]:
    """Stream `text` a word at a time, then append the whole `interviewer_said` — also when
    the stream is cut short (the log keeps what the interviewer meant to say)."""
    try:
        for piece in WORDS.findall(text):
            yield piece
            await asyncio.sleep(delay)
    finally:
        if not session.state.ended:
            session.append(InterviewerSaid(text=text, intent=intent, engine=engine))


class Interviewer(Protocol):
    """Reacts to what was appended to the session log.

    `respond` streams the reply as text chunks and, before the stream finishes, appends the
    complete `interviewer_said` event (plus `hint_given`, `phase_changed` or
    `engine_fallback` where they happen). It yields nothing when it has nothing to say.
    """

    name: str

    def respond(self, session: Session, trigger: Trigger) -> AsyncIterator[str]:
        """Stream the reply to `trigger`; the appended events are the durable record."""
        ...

    async def aclose(self) -> None:
        """Release resources (HTTP clients, background imports)."""
        ...
