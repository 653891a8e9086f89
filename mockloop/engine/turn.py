"""What the offline interviewer decides for one turn, and the log-derived facts it decides from.

Nothing here keeps state between turns: every fact (hints given, follow-ups asked,
checkpoints announced, the approach discussed) is read back from the session log.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from mockloop.engine.phrasing import Voice
from mockloop.events import CandidateSaid, Intent, InterviewerSaid
from mockloop.models import PHASES, Approach, FollowUp, Persona, Phase, Problem, Rubric
from mockloop.session import Session, SessionState

if TYPE_CHECKING:  # the reading stack loads on the first message, not with the greeting
    from mockloop.reading.claims import Claim
    from mockloop.reading.messages import Reading

AGREEING = ("approve_approach", "complexity_ok", "complexity_agreed")


@dataclass
class Turn:
    """One interviewer reply: its words, its intent, and the log changes that go with it."""

    intent: Intent
    text: str
    phase: Phase | None = None
    phase_reason: str = ""
    hint_rung: int | None = None
    hint_text: str = ""


@dataclass
class Context:
    """Everything one decision reads: the packs, the session and a seeded voice."""

    persona: Persona
    problem: Problem
    rubric: Rubric
    session: Session
    voice: Voice

    @property
    def state(self) -> SessionState:
        """The state folded from the log."""
        return self.session.state

    @property
    def level(self) -> str:
        """The candidate's level name."""
        return self.state.started.level

    def said(self, intent: str) -> bool:
        """Whether the interviewer already said something with this intent."""
        return intent in self.state.intents

    def last_intent(self) -> str | None:
        """The intent of the interviewer's latest message."""
        return self.state.intents[-1] if self.state.intents else None

    def follow_up_open(self) -> bool:
        """A follow-up question waits for its answer: the interviewer's latest message asked
        or probed it, not counting check-ins ("what's your first instinct on that one?")."""
        asked = [intent for intent in self.state.intents if intent != "check_in"]
        return bool(asked) and asked[-1] in FOLLOW_UP_INTENTS

    def interviewer_texts(self) -> list[str]:
        """Everything the interviewer has said, in order."""
        return [
            event.payload.text
            for event in self.session.events
            if isinstance(event.payload, InterviewerSaid)
        ]

    def candidate_texts(self) -> list[str]:
        """Everything the candidate has said, in order, lowercased."""
        return [
            event.payload.text.lower()
            for event in self.session.events
            if isinstance(event.payload, CandidateSaid)
        ]

    def read(self, text: str) -> Reading:
        """The shared reading of a candidate message in the current phase."""
        from mockloop.reading.messages import READING_PHASES, reader_for

        phase = READING_PHASES[self.state.phase]
        if phase == "followup" and not self.follow_up_open():
            phase = "testing"
        return reader_for(self.problem, self.persona).read(text, phase)

    def discussed_approach(self) -> Approach | None:
        """The approach of the candidate's latest message that named one."""
        from mockloop.reading.messages import reader_for

        vocabulary = reader_for(self.problem, self.persona).vocabulary
        for text in reversed(self.candidate_texts()):
            approach = vocabulary.best_approach(text)
            if approach is not None:
                return approach
        return None

    def agreed_claims(self) -> list[Claim]:
        """Claims in candidate messages the interviewer agreed with (never challenged again)."""
        from mockloop.reading.claims import find_claims

        agreed: list[Claim] = []
        pending: list[Claim] = []
        for event in self.session.events:
            payload = event.payload
            if isinstance(payload, CandidateSaid):
                pending = find_claims(payload.text)
            elif isinstance(payload, InterviewerSaid):
                if payload.intent in AGREEING:
                    agreed.extend(pending)
                pending = []
        return agreed

    def follow_ups(self) -> list[FollowUp]:
        """Follow-ups that suit this level (all of them if none does), in pack order."""
        suited = [f for f in self.problem.follow_ups if self.level in f.levels]
        return suited or list(self.problem.follow_ups)

    def asked_follow_ups(self) -> list[FollowUp]:
        """Follow-ups already asked, recognised by their question text in the log."""
        texts = self.interviewer_texts()
        chosen = {
            event.payload.follow_up
            for event in self.session.events
            if isinstance(event.payload, InterviewerSaid) and event.payload.follow_up
        }
        return [
            f
            for f in self.follow_ups()
            if f.question in chosen or any(f.question in text for text in texts)
        ]

    def next_follow_up(self) -> FollowUp | None:
        """The first suitable follow-up not asked yet."""
        asked = self.asked_follow_ups()
        return next((f for f in self.follow_ups() if f not in asked), None)

    def next_hint_rung(self) -> int | None:
        """The next rung of the hint ladder (1-3), or None when all were given."""
        given = len(self.state.hints)
        return given + 1 if given < len(self.problem.hints) else None

    def ran_current_code(self) -> bool:
        """The latest run tested the code as it is now."""
        last = self.state.last_run
        return last is not None and last.digest == self.state.code_digest

    def phase_at_least(self, phase: Phase) -> bool:
        """The interview is at or past `phase`."""
        return PHASES.index(self.state.phase) >= PHASES.index(phase)


FOLLOW_UP_INTENTS = ("follow_up", "probe_follow_up", "follow_up_step")


def forward(context: Context, phase: Phase) -> Phase | None:
    """`phase` if it moves the interview forward, else None (phases never go back)."""
    return None if context.phase_at_least(phase) else phase
