"""The one interview loop: what the candidate does becomes log events and interviewer replies.

The interview screen and `mockloop simulate` both drive a `Conductor`, on a wall clock or a
simulated one; neither appends to the log or calls the interviewer itself. So the same
actions at the same session times give the same log, whichever drives it.

The clock is one cadence for both: `pulse()` is called often (each second on screen, at
every tick boundary in a simulation); it saves idle edits and, once per `TICK_SECONDS` of
session time, lets the interviewer react to time passing.
"""

from __future__ import annotations

import asyncio
import datetime
import math
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mockloop import strictness
from mockloop.clock import SimulatedClock
from mockloop.engine.base import Ending, EndReason, Interviewer, Tick, Trigger
from mockloop.events import (
    CandidateSaid,
    CodeSnapshot,
    Event,
    HintRequested,
    HintSource,
    InterviewerSaid,
    ScorecardWritten,
    SessionEnded,
    SnapshotReason,
    TestsRun,
)
from mockloop.session import MemorySink, Session
from mockloop.snapshots import SnapshotPolicy

if TYPE_CHECKING:
    from mockloop.catalog import Catalog
    from mockloop.events import AnyPayload
    from mockloop.interviews import InterviewType, Report, RunTests
    from mockloop.models import Persona, Rubric

TICK_SECONDS = 5.0
"""Session seconds between the interviewer's chances to react to time passing."""


@dataclass
class Services:
    """The slow-to-load parts of an interview: the interviewer and, for rounds with code, a
    runner. The screen loads them off the event loop after its first frame."""

    interviewer: Interviewer
    run_tests: RunTests | None = None
    warm_up: Callable[[], None] = lambda: None
    """Called on the event loop once connected (e.g. pre-spawns the next sandbox child)."""


@dataclass
class Round:
    """What one interview is about: its type, persona, content pack and rubric."""

    kind: InterviewType
    persona: Persona
    pack: Any
    rubric: Rubric
    catalog: Catalog | None = field(default=None, repr=False)
    """The packs, for the report's next steps (the process's catalog when None)."""


class Conductor:
    """Turns candidate actions (say, edit, run, hint, time passing, end) into events and replies.

    `code` reads the editor's current text (the screen's editor, or the script's last
    `code:`); until one is given, the code is the log's latest. Replies stream as text
    chunks; they are serialised, so two never interleave.
    """

    def __init__(
        self,
        session: Session,
        round_: Round,
        *,
        code: Callable[[], str] | None = None,
        policy: SnapshotPolicy | None = None,
        tick_seconds: float = TICK_SECONDS,
    ) -> None:
        self.session = session
        self.round = round_
        self._code = code or (lambda: session.state.code)
        self.policy = policy or SnapshotPolicy()
        self.tick_seconds = tick_seconds
        self._services: Services | None = None
        self._connected = asyncio.Event()
        self._failed: str | None = None
        self._speaking = asyncio.Lock()
        self._last_tick = self._boundary(session.now())
        self._greeting: Greeting | None = None
        self._foreseen = False
        self.reply_started = len(session.events)
        """The log length when the latest reply began (its events follow from there)."""

    # --- services ------------------------------------------------------------------------

    def attach(self, services: Services) -> None:
        """The interviewer (and runner) are loaded: replies waiting for them go ahead."""
        self._services = services
        self._connected.set()

    def detach(self, reason: str) -> None:
        """Loading the services failed: anything waiting for them fails with `reason`."""
        self._failed = reason
        self._connected.set()

    async def services(self) -> Services:
        """The services, once loaded; RuntimeError when loading them failed."""
        await self._connected.wait()
        if self._services is None:
            raise RuntimeError(self._failed or "the interviewer could not be loaded")
        return self._services

    @property
    def speaking(self) -> bool:
        """Whether a reply is being produced now."""
        return self._speaking.locked()

    def follow(self, code: Callable[[], str]) -> None:
        """Read the code from `code` from now on (the screen's editor, once it is open)."""
        self._code = code

    # --- what the candidate does -----------------------------------------------------------

    def edited(self) -> None:
        """The editor's content changed; it is saved after an idle pause (see `pulse`)."""
        self.policy.edited(self.session.clock.now())

    def save(self, reason: SnapshotReason) -> Event | None:
        """Snapshot the editor (nothing is appended when it is unchanged)."""
        self.policy.saved()
        if self.session.state.ended:
            return None
        return self.session.snapshot(self._code(), reason)

    def say(self, text: str) -> Event:
        """A chat message: the code is saved first, so the reply sees what was on screen."""
        self.save("message")
        return self.session.append(CandidateSaid(text=text))

    def ask_hint(self, source: HintSource) -> Event:
        """The candidate asked for a hint (the reply gives it)."""
        return self.session.append(HintRequested(source=source))

    async def run(self) -> Event | None:
        """Save and run the code against the cases; the appended `tests_run`, or None when
        the session ended meanwhile. RuntimeError when this round runs no tests."""
        source = self._code()
        self.save("run")
        run_tests = (await self.services()).run_tests
        if run_tests is None:
            raise RuntimeError(f"the {self.round.kind.title.lower()} round runs no tests")
        result = await run_tests(self.round.pack, source)
        if self.session.state.ended:
            return None
        if self.session.started.strict:
            result = strictness.conceal(result)
        return self.session.append(TestsRun.of(result, source))

    def runs_left(self) -> int | None:
        """Test runs this strict interview still allows; None when runs are not limited."""
        started = self.session.started
        if not started.strict:
            return None
        used = sum(1 for event in self.session.events if event.kind == "tests_run")
        return max(strictness.runs_allowed(started.level) - used, 0)

    def pulse(self) -> Tick | None:
        """Time passed: save idle edits; a `Tick` to reply to once per tick of session time.

        No tick while a reply is being produced: the next pulse after it gets one.
        """
        now = self.session.clock.now()
        if self.policy.due(now):
            self.save("idle")
        if self.session.state.ended or self.speaking:
            return None
        boundary = self._boundary(now)
        if boundary <= self._last_tick:
            return None
        self._last_tick = boundary
        return Tick(self.session.now())

    async def reply(self, trigger: Trigger) -> AsyncIterator[str]:
        """The interviewer's reply to `trigger`, streamed; its events are appended as it goes."""
        async with self._speaking:
            self.reply_started = len(self.session.events)
            if self.session.state.ended and not isinstance(trigger, Ending):
                return
            interviewer = (await self.services()).interviewer
            async for chunk in interviewer.respond(self.session, trigger):
                yield chunk

    def greet(self) -> AsyncIterator[str]:
        """The opening words of a new session (nothing for a resumed or ended one): the
        foreseen greeting, logged at once, else the services' interviewer's reply.

        Decided now, not when the stream is first read: a message sent meanwhile must not
        make a new session look resumed.
        """
        events = self.session.events
        if len(events) != 1 or self.session.state.ended:
            return _silence()
        if self._greeting is not None:
            return _words(self.log_greeting() or "")
        return self.reply(events[0])

    def foresee_greeting(self) -> str | None:
        """The words the round's offline interviewer opens this new session with, worked out
        on a copy of the log: nothing is appended and no services are needed, so the first
        frame can show them (with a model too: they never wait for litellm). Same seed, same
        log, same words, in whichever process. None for a resumed or ended session.

        Once foreseen, the greeting is this one: `greet` and `log_greeting` log its events.
        One that fails to be worked out is left to the services' interviewer, whose failure
        the screen reports like any reply's.
        """
        session = self.session
        if not self._foreseen and len(session.events) == 1 and not session.state.ended:
            self._foreseen = True
            round_ = self.round
            with ThreadPoolExecutor(max_workers=1) as apart:  # the caller may be in a loop
                try:
                    offline = round_.kind.interviewer(round_.persona, round_.pack, round_.rubric)
                    self._greeting = apart.submit(asyncio.run, _foresee(offline, session)).result()
                except Exception:  # any failure: greet the ordinary way
                    self._greeting = None
        return self._greeting.text if self._greeting is not None else None

    def log_greeting(self) -> str | None:
        """Append the foreseen greeting's events now (its words may be on screen already);
        its text, or None when there is none or the session is no longer new."""
        greeting, session = self._greeting, self.session
        if greeting is None or len(session.events) != 1 or session.state.ended:
            return None
        self.reply_started = len(session.events)
        for payload in greeting.payloads:
            session.append(payload)
        return greeting.text

    async def end(self, reason: EndReason) -> AsyncIterator[str]:
        """The interviewer's goodbye, then `session_ended`, even when the goodbye fails."""
        self.save("end")
        try:
            async for chunk in self.reply(Ending(reason)):
                yield chunk
        finally:
            if not self.session.state.ended:
                self.session.append(SessionEnded(reason=reason))

    def quit(self, cursor: tuple[int, int] | None = None, scroll: int | None = None) -> None:
        """Leaving for now: record the code, the editor's cursor and scroll, and the moment."""
        session = self.session
        if session.state.ended:
            return
        code = self._code()
        self.policy.saved()
        snapshot = CodeSnapshot.of(code, "quit", cursor, scroll)
        last = session.events[-1].payload
        if not (isinstance(last, CodeSnapshot) and last == snapshot):
            session.append(snapshot)

    async def score(self, *, today: datetime.date | None = None) -> tuple[ScorecardWritten, Report]:
        """Score the ended session, save its report and append `scorecard_written`."""
        from mockloop.interviews import catalog
        from mockloop.scoring import save_scorecard

        round_ = self.round
        report = await round_.kind.evaluate(
            self.session.events,
            round_.pack,
            round_.rubric,
            round_.catalog or catalog(),
            date=today or datetime.date.today(),
        )
        payload = save_scorecard(self.session, report.scorecard, report.markdown, today=today)
        return payload, report

    def _boundary(self, now: float) -> float:
        return math.floor(now / self.tick_seconds) * self.tick_seconds


@dataclass(frozen=True)
class Greeting:
    """A new session's opening words, worked out ahead, and the events that say them."""

    text: str
    payloads: tuple[AnyPayload, ...]


async def _foresee(interviewer: Interviewer, session: Session) -> Greeting | None:
    """What `interviewer` appends when it greets a copy of `session` (None: it says nothing)."""
    copy = Session(session.id, session.events, MemorySink(), SimulatedClock())
    async for _ in interviewer.respond(copy, copy.events[0]):
        pass
    appended = [event.payload for event in copy.events[len(session.events) :]]
    said = [payload.text for payload in appended if isinstance(payload, InterviewerSaid)]
    return Greeting(said[-1], tuple(appended)) if said else None


async def _words(text: str) -> AsyncIterator[str]:
    """A reply already decided, as one chunk."""
    if text:
        yield text


async def _silence() -> AsyncIterator[str]:
    """A reply with nothing in it."""
    return
    yield  # an async generator that yields nothing
