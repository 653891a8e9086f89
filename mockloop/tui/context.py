"""What the interview UI needs from the rest of MockLoop, as plain values.

`commands/interview.py` builds them from the real store, engine, runner and scorer; tests
build them from small fakes. This module imports neither Textual nor (at run time) pydantic:
the UI first draws an `Opening`'s cover, then opens the `Interview` and its `Services`.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from mockloop.cover import Cover, cover_of

if TYPE_CHECKING:  # types only: the UI draws its first frame before pydantic is imported
    from mockloop.engine.base import Interviewer
    from mockloop.events import ScorecardWritten, TestsRun
    from mockloop.models import Persona, Problem, Rubric
    from mockloop.runner.results import RunResult
    from mockloop.session import Session


class RunTests(Protocol):
    """Runs candidate code against a problem's cases without blocking the event loop."""

    def __call__(self, problem: Problem, source: str, /) -> Awaitable[RunResult]:
        """Start the run; awaiting gives the result, cancelling kills the child."""
        ...


class RecordRun(Protocol):
    """Turns a run's result into the `tests_run` payload appended to the log."""

    def __call__(self, result: RunResult, source: str, /) -> TestsRun:
        """Build the payload (digest of `source`, visible counts)."""
        ...


class WriteScorecard(Protocol):
    """Scores an ended session, writes the report and appends `scorecard_written`."""

    def __call__(
        self, session: Session, persona: Persona, problem: Problem, rubric: Rubric, /
    ) -> Awaitable[tuple[ScorecardWritten, str]]:
        """Return the appended payload and the report's Markdown."""
        ...


class EditPolicy(Protocol):
    """Decides when edits in the editor deserve an idle code snapshot."""

    def edited(self, now: float) -> None:
        """The code changed at `now`."""
        ...

    def due(self, now: float) -> bool:
        """There are unsaved edits and the editor has been idle long enough."""
        ...

    def saved(self) -> None:
        """A snapshot was just taken."""
        ...


@dataclass
class Services:
    """The slow-to-import parts: interviewer, runner and scorer.

    They are loaded off the event loop after the first frame, so the screen appears as soon
    as Textual can draw it.
    """

    interviewer: Interviewer
    run_tests: RunTests
    record_run: RecordRun
    write_scorecard: WriteScorecard | None = None
    warm_up: Callable[[], None] = lambda: None  # called on the event loop once connected


@dataclass
class Interview:
    """One interview's session, what it is about, and how to reach its services."""

    session: Session
    persona: Persona
    problem: Problem
    rubric: Rubric
    connect: Callable[[], Services]
    policy: EditPolicy
    log_location: str = "memory"
    durable: Callable[[], None] = lambda: None
    release: Callable[[], object] = lambda: None  # last resort: write what is left, close
    notices: Callable[[], list[str]] = list
    tick_seconds: float = 5.0
    resumed: bool = False


@dataclass
class Opening:
    """What to draw at once (`cover`) and how to load the interview behind it (`open`).

    `open` runs in a thread after the first frame; it imports the session's modules, so it
    is the slow part of starting.
    """

    cover: Cover
    open: Callable[[], Interview]

    @classmethod
    def of(cls, interview: Interview) -> Opening:
        """An opening for an interview that is already loaded (tests, benchmarks)."""
        cover = cover_of(
            interview.session, interview.persona, interview.problem, resumed=interview.resumed
        )
        return cls(cover, lambda: interview)
