"""What the interview UI needs from the rest of MockLoop, as plain values.

`commands/interview.py` builds them from the real store and interview type; tests build
them from small fakes. This module imports neither Textual nor (at run time) pydantic: the
UI first draws an `Opening`'s cover, then opens the `Interview` and connects its services.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from mockloop.cover import Cover, cover_of

if TYPE_CHECKING:  # types only: the UI draws its first frame before pydantic is imported
    from mockloop.conductor import Conductor, Services
    from mockloop.session import Session

WriteReport = Callable[[], Awaitable[tuple[str, str]]]
"""Scores the ended session and saves its report: (where it was saved, its Markdown)."""


@dataclass
class Interview:
    """One open interview: the conductor that runs it and the store around it."""

    conductor: Conductor
    connect: Callable[[], Services]
    """Imports and builds the interviewer and runner (slow: called in a thread)."""
    write_report: WriteReport | None = None
    """None when this interview cannot be scored (the report screen says where the log is)."""
    log_location: str = "memory"
    durable: Callable[[], None] = lambda: None
    release: Callable[[], object] = lambda: None  # last resort: write what is left, close
    notices: Callable[[], list[str]] = list
    resumed: bool = False

    @property
    def session(self) -> Session:
        """The session the conductor appends to."""
        return self.conductor.session


@dataclass
class Opening:
    """What to draw at once (`cover`) and how to load the interview behind it (`open`).

    `open` runs in a thread after the first frame; it imports the session's modules, so it
    is the slow part of starting.
    """

    cover: Cover
    open: Callable[[], Interview]

    @classmethod
    def of(cls, interview: Interview, *, foresee: bool = False) -> Opening:
        """An opening for an interview that is already loaded.

        `foresee` puts a new session's greeting on the cover, worked out ahead by the
        offline interviewer (as `mockloop start` does); otherwise the greeting comes from
        the interview's services once they are connected (tests with scripted ones).
        """
        conductor = interview.conductor
        greeting = conductor.foresee_greeting() if foresee else None
        cover = cover_of(
            interview.session, conductor.round, resumed=interview.resumed, greeting=greeting
        )
        return cls(cover, lambda: interview)
