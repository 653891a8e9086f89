"""The offline interviewer: a deterministic persona engine that needs no key and no network.

It decides a `Turn` from the session log alone (see `dialogue` and `reactions`), applies
the turn's log changes (phase, hint), streams the words in small chunks and appends the
complete `interviewer_said`. Same seed and same log give the same words.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

from mockloop.engine.base import Ending, Tick, Trigger
from mockloop.engine.phrasing import Voice, chunk, join
from mockloop.engine.reactions import (
    ending_turn,
    opening_turn,
    run_turn,
    started_coding_turn,
    tick_turn,
)
from mockloop.engine.turn import Context, Turn
from mockloop.events import (
    CandidateSaid,
    CodeSnapshot,
    HintGiven,
    HintRequested,
    InterviewerSaid,
    SessionStarted,
    TestsRun,
)
from mockloop.models import Persona, Problem, Rubric
from mockloop.session import Session


class OfflineInterviewer:
    """The default interviewer: phrase banks, intent rules and the problem pack."""

    name = "offline"

    def __init__(
        self, persona: Persona, problem: Problem, rubric: Rubric, *, chunk_delay: float = 0.0
    ) -> None:
        self.persona = persona
        self.problem = problem
        self.rubric = rubric
        self.chunk_delay = chunk_delay

    def context(self, session: Session) -> Context:
        """A decision context with a voice seeded by the session seed and log position."""
        started = session.started
        level = self.persona.levels.get(started.level)
        voice = Voice(
            self.persona,
            started.seed,
            len(session.events),
            minutes=started.minutes,
            title=level.title if level else started.level_title,
            recent=recent_replies(session, 3),
        )
        voice.set_remaining(session.remaining())
        return Context(self.persona, self.problem, self.rubric, session, voice)

    def plan(self, session: Session, trigger: Trigger) -> Turn | None:
        """What to do about `trigger`, without touching the log (None: stay quiet)."""
        context = self.context(session)
        if session.state.ended:
            return None
        if isinstance(trigger, Tick):
            return tick_turn(context)
        if isinstance(trigger, Ending):
            return ending_turn(context)
        payload = trigger.payload
        if isinstance(payload, SessionStarted):
            return opening_turn(context)
        # The dialogue and the reading stack under it (about 55 ms of imports) load with the
        # first message or hint, not before the greeting the first frame waits for.
        from mockloop.engine.dialogue import hint_turn, reply_to_message

        if isinstance(payload, CandidateSaid):
            return reply_to_message(context, payload.text)
        if isinstance(payload, HintRequested):
            return hint_turn(context)
        if isinstance(payload, TestsRun):
            return run_turn(context, payload)
        if isinstance(payload, CodeSnapshot):
            return started_coding_turn(context)
        return None

    def apply(self, session: Session, turn: Turn) -> None:
        """Append the turn's side events: the hint and the phase change."""
        if turn.hint_rung is not None:
            session.append(HintGiven(rung=turn.hint_rung, text=turn.hint_text))
        if turn.phase is not None:
            session.change_phase(turn.phase, turn.phase_reason or turn.intent)

    async def respond(
        self, session: Session, trigger: Trigger, *, preface: str = ""
    ) -> AsyncIterator[str]:
        """Stream the reply in small chunks; append `interviewer_said` even if cut short."""
        turn = self.plan(session, trigger)
        if turn is None:
            return
        self.apply(session, turn)
        text = join(preface, turn.text) if preface else turn.text
        if not text:
            return
        try:
            for piece in chunk(text):
                yield piece
                await asyncio.sleep(self.chunk_delay)
        finally:
            if not session.state.ended:
                session.append(InterviewerSaid(text=text, intent=turn.intent, engine=self.name))

    async def aclose(self) -> None:
        """Nothing to release."""


def recent_replies(session: Session, count: int) -> list[str]:
    """The interviewer's last `count` messages, oldest first (read back from the log's end)."""
    found: list[str] = []
    for event in reversed(session.events):
        if isinstance(event.payload, InterviewerSaid):
            found.append(event.payload.text)
            if len(found) == count:
                break
    return found[::-1]
