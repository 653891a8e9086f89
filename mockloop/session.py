"""The Session: an append-only event log plus the clock, and the state folded from it."""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

from mockloop.clock import Clock
from mockloop.digests import code_digest
from mockloop.events import (
    AnyPayload,
    CandidateSaid,
    CodeSnapshot,
    EngineFallback,
    Event,
    HintGiven,
    InterviewerSaid,
    PhaseChanged,
    ScorecardWritten,
    SessionEnded,
    SessionStarted,
    SnapshotReason,
    TestsRun,
)
from mockloop.models import Phase


class EventSink(Protocol):
    """Where appended events go (the SQLite store, or memory in tests)."""

    def append(self, session_id: str, event: Event) -> None:
        """Persist one event; must be atomic."""
        ...


class MemorySink:
    """Keeps events in a dict; for tests and dry runs."""

    def __init__(self) -> None:
        self.events: dict[str, list[Event]] = {}

    def append(self, session_id: str, event: Event) -> None:
        """Record the event in memory."""
        self.events.setdefault(session_id, []).append(event)


@dataclass
class SessionState:
    """Everything the UI, engine and scorer need, derived from the log alone."""

    started: SessionStarted
    phase: Phase = "intro"
    code: str = ""
    code_digest: str = ""
    runs: list[TestsRun] = field(default_factory=list)
    hints: list[HintGiven] = field(default_factory=list)
    fallbacks: list[EngineFallback] = field(default_factory=list)
    ended: bool = False
    ended_at: float | None = None
    scorecard: ScorecardWritten | None = None
    last_candidate_t: float = 0.0
    last_event_t: float = 0.0
    intents: list[str] = field(default_factory=list)

    @property
    def last_run(self) -> TestsRun | None:
        """The most recent test run, if any."""
        return self.runs[-1] if self.runs else None

    @property
    def offline_for_good(self) -> bool:
        """The model failed repeatedly and the session stays on the offline interviewer."""
        return any(fallback.permanent for fallback in self.fallbacks)


def fold(events: Iterable[Event]) -> SessionState:
    """Fold a log into its state. The first event must be `session_started`."""
    iterator = iter(events)
    first = next(iterator, None)
    if first is None or not isinstance(first.payload, SessionStarted):
        raise ValueError("a session log starts with session_started")
    state = SessionState(started=first.payload, code=first.payload.starter)
    state.code_digest = code_digest(state.code)
    for event in iterator:
        apply(state, event)
    return state


def apply(state: SessionState, event: Event) -> None:
    """Apply one event to a state in place."""
    payload = event.payload
    state.last_event_t = event.t
    if isinstance(payload, CandidateSaid):
        state.last_candidate_t = event.t
    elif isinstance(payload, InterviewerSaid):
        state.intents.append(payload.intent)
    elif isinstance(payload, CodeSnapshot):
        state.code = payload.code
        state.code_digest = payload.digest
        state.last_candidate_t = max(state.last_candidate_t, event.t)
    elif isinstance(payload, TestsRun):
        state.runs.append(payload)
        state.last_candidate_t = event.t
    elif isinstance(payload, HintGiven):
        state.hints.append(payload)
    elif isinstance(payload, PhaseChanged):
        state.phase = payload.phase
    elif isinstance(payload, EngineFallback):
        state.fallbacks.append(payload)
    elif isinstance(payload, SessionEnded):
        state.ended = True
        state.ended_at = event.t
        state.phase = "ended"
    elif isinstance(payload, ScorecardWritten):
        state.scorecard = payload


class Session:
    """One interview: its id, its log, its clock and the sink that persists the log."""

    def __init__(self, session_id: str, events: Sequence[Event], sink: EventSink, clock: Clock):
        self.id = session_id
        self.sink = sink
        self.clock = clock
        self._events: list[Event] = list(events)
        self._state = fold(self._events)

    @classmethod
    def start(
        cls, started: SessionStarted, sink: EventSink, clock: Clock, session_id: str | None = None
    ) -> Session:
        """Begin a new session: appends `session_started` at t=0."""
        new_id = session_id or uuid.uuid4().hex[:12]
        first = Event(seq=0, t=0.0, payload=started)
        sink.append(new_id, first)
        return cls(new_id, [first], sink, clock)

    @property
    def events(self) -> list[Event]:
        """A copy of the log so far."""
        return list(self._events)

    @property
    def state(self) -> SessionState:
        """The state folded from the log (kept up to date on every append)."""
        return self._state

    @property
    def started(self) -> SessionStarted:
        """The setup event's payload."""
        return self._state.started

    def now(self) -> float:
        """Session seconds now, never earlier than the last event."""
        return max(self.clock.now(), self._state.last_event_t)

    def elapsed(self) -> float:
        """Seconds since the start (frozen at the end once the session ended)."""
        if self._state.ended_at is not None:
            return self._state.ended_at
        return self.now()

    def remaining(self) -> float:
        """Seconds left on the interview's time budget (negative when over)."""
        return self._state.started.minutes * 60 - self.elapsed()

    def append(self, payload: AnyPayload) -> Event:
        """Append one event at the current session time and persist it first."""
        if self._state.ended and payload.kind not in ("scorecard_written", "code_snapshot"):
            raise ValueError(f"session {self.id} has ended; cannot append {payload.kind}")
        event = Event(seq=len(self._events), t=round(self.now(), 3), payload=payload)
        self.sink.append(self.id, event)
        self._events.append(event)
        apply(self._state, event)
        return event

    def snapshot(self, code: str, reason: SnapshotReason) -> Event | None:
        """Append a code snapshot unless the code is unchanged since the last one."""
        snapshot = CodeSnapshot.of(code, reason)
        if snapshot.digest == self._state.code_digest:
            return None
        return self.append(snapshot)

    def change_phase(self, phase: Phase, reason: str) -> Event | None:
        """Move to another phase; no event when already there."""
        if phase == self._state.phase:
            return None
        return self.append(PhaseChanged(phase=phase, previous=self._state.phase, reason=reason))
