"""The interface every interviewer implements, and what it reacts to."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol

from mockloop.events import EndReason, Event
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

__all__ = ["EndReason", "Ending", "Interviewer", "Tick", "Trigger"]


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
