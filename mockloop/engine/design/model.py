"""With a model, the model decides each system design chat turn, within rules the code enforces.

For a candidate message the model returns a `DesignDecision`: which requirement and scale
questions its reply answers (ids from the prompt pack), which estimate it challenges, which
deep dive it pushes into, which checkpoint it asks for, whether it moves the round to the next
phase, or steers back after an attempt to change the rules. The code holds it to the offline
round's rules: answers come from the pack, and every number the reply states is the pack's,
the candidate's own or the clock's (`numbers.py`); phases move forward one at a time, early
only once the current phase's checkpoints are covered; deep dives are the pack's, each pushed
once, from the high-level design on; an estimate is challenged only when the estimate checker
finds it an order of magnitude off, once; the reply never recites the reference design. The
opening, the clock's calls and the goodbye stay with the offline interviewer.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from mockloop import llm
from mockloop.coverage import PHASE_OF, PHASES, Coverage, phase_at
from mockloop.designs import CHECKPOINTS
from mockloop.engine.base import Trigger
from mockloop.engine.deciding import DecisionLoop, Rejected
from mockloop.engine.decision import MAX_REPLY_CHARACTERS, read_json
from mockloop.engine.design.interviewer import DesignInterviewer
from mockloop.engine.design.numbers import NoRecital, PackNumbers, allowed_numbers, recital
from mockloop.engine.design.prompt import design_messages
from mockloop.engine.guard import Violation
from mockloop.engine.round_guard import RoundGuard
from mockloop.estimates import Check
from mockloop.events import InterviewerSaid
from mockloop.session import Session

DesignPhase = Literal["requirements", "estimates", "high_level", "deep_dive", "wrap_up"]
CheckpointName = Literal[
    "requirements", "estimates", "api", "data_model", "high_level", "deep_dive", "bottlenecks",
    "tradeoffs",
]  # fmt: skip
REPLACEMENT = "Let's keep the numbers and the design yours. What would you do next?"


class DesignDecision(BaseModel):
    """What the model decides about a design message, before its reply."""

    model_config = ConfigDict(extra="ignore")

    answers: list[str] = Field(default_factory=list, max_length=6)
    challenge: str | None = Field(default=None, max_length=80)
    deep_dive: int | None = Field(default=None, ge=1, le=20)
    ask: CheckpointName | None = None
    move_to: DesignPhase | None = None
    steer: bool = False


class DesignReply(DesignDecision):
    """A whole design turn: the decision and the reply."""

    reply: str = Field(min_length=1, max_length=MAX_REPLY_CHARACTERS)


@dataclass
class DesignContext:
    """What the round covered and where it is, for this turn."""

    session: Session
    coverage: Coverage
    clock_phase: str
    phase: str
    """The phase the round is in: the clock's, or later if the interviewer already moved on."""
    level: str
    off: list[Check]
    """Written estimates the checker finds at least the tolerance off, not challenged yet."""

    def moves(self) -> list[str]:
        """The phase the round may move to now: the next one, once this one's checkpoints are
        covered (the clock moves it anyway when its budget runs out)."""
        index = PHASES.index(self.phase)
        if index + 1 >= len(PHASES):
            return []
        own = [c for c in CHECKPOINTS if PHASE_OF[c] == self.phase]
        done = all(self.coverage.covered(c) for c in own)
        if PHASES[index + 1] == "wrap_up" and "wrap_up" in self.coverage.asked:
            return []
        return [PHASES[index + 1]] if done else []

    def dives_open(self, target: str) -> bool:
        """Deep dives may be pushed: in the deep dive phase or after, or once the high-level
        design and the data model are down (as the offline interviewer does)."""
        return PHASES.index(target) >= PHASES.index("deep_dive") or (
            self.coverage.covered("high_level") and self.coverage.covered("data_model")
        )


def round_phase(coverage: Coverage, clock_phase: str) -> str:
    """The later of the clock's phase and the phase the interviewer's own moves reached."""
    index = PHASES.index(clock_phase)
    for intent in coverage.intents:
        kind, _, value = intent.partition(":")
        reached = {"ask": PHASE_OF.get(value), "dive": "deep_dive", "failure": "deep_dive"}.get(
            kind, value if kind == "time" else ("wrap_up" if kind == "wrap_up" else None)
        )
        if reached in PHASES:
            index = max(index, PHASES.index(reached))
    return PHASES[index]


class DesignModel:
    """The design round's `Mind`: the model decides chat turns, the code keeps the rules."""

    name = "llm"

    def __init__(
        self, planner: DesignInterviewer, config: llm.ModelConfig, *, deadline: float = 45.0
    ) -> None:
        self.planner = planner
        self.config = config
        self.loop = DecisionLoop(self, config, deadline=deadline)
        self.recital = recital(planner.prompt)

    async def respond(self, session: Session, trigger: Trigger) -> AsyncIterator[str]:
        """Decide a chat message with the model; the offline interviewer says the rest."""
        async for piece in self.loop.respond(self.planner, session, trigger):
            yield piece

    def context(self, session: Session) -> DesignContext:
        """The coverage of notes and chat, as the offline interviewer reads it."""
        coverage = self.planner.read(session)
        clock_phase = phase_at(session.now(), session.started.minutes, self.planner.rules)
        tolerance = self.planner.rules.estimate_tolerance
        off = [
            check
            for check in coverage.off(tolerance)
            if f"challenge:{check.estimate.id}" not in coverage.asked
        ]
        return DesignContext(
            session=session,
            coverage=coverage,
            clock_phase=clock_phase,
            phase=round_phase(coverage, clock_phase),
            level=session.started.level,
            off=off,
        )

    def decision_prompt(self, session: Session, context: DesignContext) -> list[dict[str, str]]:
        """The pack's answers, the coverage, the notes since the last look, the contract."""
        return design_messages(self.planner, session, context)

    def read_head(self, text: str) -> DesignDecision:
        """The decision fields written before `reply`."""
        return read_json(text, DesignDecision, head=True)

    def read_decision(self, text: str) -> tuple[DesignDecision, str]:
        """A whole answer's decision and reply."""
        whole = read_json(text, DesignReply)
        return whole, whole.reply

    def check(self, head: DesignDecision, context: DesignContext) -> None:
        """Rejected when the decision breaks a rule of the round."""
        try:
            check_design(head, context, self.planner)
        except Violation as violation:
            raise Rejected.breaking(violation) from None

    def guard_for(
        self, session: Session, context: DesignContext, head: DesignDecision
    ) -> RoundGuard:
        """No code, the clock's time, only the pack's numbers, no recital of the design."""
        factor = None
        for check in context.off:
            if check.estimate.id == head.challenge:
                factor = check.ratio if check.ratio > 1 else 1 / check.ratio
        numbers = PackNumbers(allowed_numbers(self.planner.prompt, session), factor)
        return RoundGuard.for_session(session, (numbers, NoRecital(self.recital)))

    def apply(self, session: Session, context: DesignContext, head: DesignDecision) -> None:
        """Nothing but the message: the round's state is read back from its intent."""

    def tail(self, context: DesignContext, head: DesignDecision) -> str:
        """Nothing follows a design reply."""
        return ""

    def log(
        self,
        session: Session,
        context: DesignContext,
        head: DesignDecision | None,
        text: str,
        *,
        cut: bool = False,
    ) -> None:
        """Append the message with the intent the offline round and the scorer read back."""
        if session.state.ended or not text.strip():
            return
        intent = design_intent(head)
        session.append(InterviewerSaid(text=text.strip(), intent=intent, engine="llm", cut=cut))

    def replacement(self, violation: Violation) -> str:
        """Back to the candidate's design, whatever the broken rule."""
        return REPLACEMENT

    async def aclose(self) -> None:
        """Nothing to release: litellm manages its own HTTP clients."""


def check_design(head: DesignDecision, context: DesignContext, planner: DesignInterviewer) -> None:
    """Raise Violation when the decision breaks a rule of the design round."""
    prompt, now = planner.prompt, context.phase
    if head.move_to not in (None, now, *context.moves()):
        raise Violation("phase", f"the model moved the round from {now} to {head.move_to}")
    target = head.move_to or now
    known = {r.id for r in prompt.requirements.all()} | {
        f"scale-{i}" for i in range(len(prompt.scale))
    }
    for answer in head.answers:
        if answer not in known:
            raise Violation("answer", f"the model answered '{answer[:40]}', not in the prompt")
    if head.ask is not None and PHASES.index(PHASE_OF[head.ask]) > PHASES.index(target):
        raise Violation("phase", f"the model asked for {head.ask} in the {target} phase")
    if head.deep_dive is not None:
        if head.deep_dive > len(prompt.deep_dives):
            raise Violation("deep_dive", f"the model chose deep dive {head.deep_dive}, not listed")
        if f"dive:{head.deep_dive - 1}" in context.coverage.asked:
            raise Violation("deep_dive", "the model pushed into the same deep dive twice")
        if not context.dives_open(target):
            raise Violation("phase", f"the model pushed into a deep dive in the {target} phase")
    if head.challenge is not None and head.challenge not in {c.estimate.id for c in context.off}:
        raise Violation(
            "challenge",
            f"the model challenged '{head.challenge[:40]}', which the estimate checker does "
            "not find an order of magnitude off",
        )


def design_intent(head: DesignDecision | None) -> str:
    """The intent of the decision's message, in the offline round's vocabulary (a move to a
    phase with nothing else chosen asks for its first checkpoint, so the log keeps the move)."""
    if head is None:
        return "ack"
    if head.challenge is not None:
        return f"challenge:{head.challenge}"
    if head.deep_dive is not None:
        return f"dive:{head.deep_dive - 1}"
    if head.move_to == "wrap_up":
        return "wrap_up"
    if head.ask is not None:
        return f"ask:{head.ask}"
    if head.move_to is not None:
        first = next(c for c in CHECKPOINTS if PHASE_OF[c] == head.move_to)
        return f"ask:{first}"
    if head.answers:
        return f"answer:{','.join(head.answers[:2])}"
    if head.steer:
        return "steer"
    return "ack"
