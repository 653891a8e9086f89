"""The LLM interviewer: the model thinks about each candidate message, the code keeps the rules.

For a chat message the model returns a structured decision (`engine/decision.py`): the
questions and their answers, the approach and complexity it heard, whether to give the next
hint, move the phase or ask a follow-up, and the reply. The decision is checked against the
interview's rules (`engine/guard.py`) before a word is shown; the reply then streams through
a guard that cuts it off before code, hidden data, a later hint or a wrong time remark reach
the candidate. The decide/check/stream loop is the one every model-driven round shares
(`engine/deciding.py`); this class is the coding round's `Mind` for it. A run, a hint from
the palette and the ending are decided by the offline policy, whose turn the model words,
through the same guard; the greeting and the clock's check-ins are the offline policy's own
words.

A turn the model cannot produce raises `llm.LLMError`; a turn that breaks a rule before
anything was shown raises `Rejected`. Either way the log is untouched and the fallback
wrapper lets the offline interviewer answer. A reply that breaks a rule after some words were
shown is cut there and finished with a sentence of ours.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from mockloop import llm
from mockloop.engine.base import Tick, Trigger
from mockloop.engine.deciding import (
    CUT_NOTE,
    DecisionLoop,
    Rejected,
    continuation,
    cut_and_replaced,
    held_back,
)
from mockloop.engine.decision import DecisionHead, parse_decision, parse_head
from mockloop.engine.guard import ReplyGuard, Secrets, Violation, allowed_moves, check_decision
from mockloop.engine.offline import OfflineInterviewer
from mockloop.engine.prompt import build_messages, decision_messages
from mockloop.engine.turn import Context, Turn
from mockloop.events import (
    CandidateSaid,
    Event,
    HintGiven,
    InterviewerSaid,
    SessionStarted,
)
from mockloop.session import Session

REPLACEMENT = "Actually, I'll leave the writing to you. Walk me through your next step."
REPLACEMENTS = {
    "hint": "Actually, let me not give that much away yet. What are you thinking so far?",
    "time": "Never mind the clock; I'll tell you when time is short. Carry on.",
    "hidden": "Actually, the test data stays with me. Try an example of your own.",
}
"""What finishes a reply cut off for breaking a rule, by rule (code and solution: REPLACEMENT)."""


class LLMInterviewer:
    """Streams model turns; raises `llm.LLMError` or `Rejected` when nothing was shown."""

    name = "llm"

    def __init__(
        self, planner: OfflineInterviewer, config: llm.ModelConfig, *, deadline: float = 45.0
    ) -> None:
        self.planner = planner
        self.config = config
        self.deadline = deadline
        self.secrets = Secrets.of(planner.problem)
        self.loop = DecisionLoop(self, config, deadline=deadline)

    async def respond(self, session: Session, trigger: Trigger) -> AsyncIterator[str]:
        """Decide a chat message with the model; word the offline plan for anything else."""
        if session.state.ended:
            return
        if isinstance(trigger, Tick) or (
            isinstance(trigger, Event) and isinstance(trigger.payload, SessionStarted)
        ):
            # The greeting and the clock's words are the offline policy's, verbatim: the
            # greeting never waits for litellm's import, and time remarks come from the clock.
            async for piece in self.planner.respond(session, trigger):
                yield piece
            return
        if isinstance(trigger, Event) and isinstance(trigger.payload, CandidateSaid):
            async for piece in self.decide(session):
                yield piece
            return
        async for piece in self.reword(session, trigger):
            yield piece

    # --- a chat message: the model decides ----------------------------------------------------

    def decide(self, session: Session) -> AsyncIterator[str]:
        """Ask for a decision, check it, then stream its reply through the guard."""
        return self.loop.decide(session)

    def context(self, session: Session) -> Context:
        """The offline reading's context for this turn (hints, follow-ups, phase, clock)."""
        return self.planner.context(session)

    def read_head(self, text: str) -> DecisionHead:
        """The decision fields written before `reply`."""
        return parse_head(text)

    def read_decision(self, text: str) -> tuple[DecisionHead, str]:
        """A whole answer's decision and reply."""
        decision = parse_decision(text)
        return decision, decision.reply

    def tail(self, context: Context, head: DecisionHead) -> str:
        """Nothing follows a coding reply."""
        return ""

    def replacement(self, violation: Violation) -> str:
        """Our sentence for a reply cut off for breaking a rule."""
        return REPLACEMENTS.get(violation.rule, REPLACEMENT)

    def decision_prompt(self, session: Session, context: Context) -> list[dict[str, str]]:
        """The messages one decision is asked with (bench/engine.py and a fixture read it)."""
        planner = self.planner
        asked = context.asked_follow_ups()
        return decision_messages(
            planner.persona,
            planner.problem,
            planner.rubric,
            session,
            allowed_moves(context),
            [(n, f.question, f in asked) for n, f in enumerate(context.follow_ups(), 1)],
        )

    def check(self, head: DecisionHead, context: Context) -> None:
        """Rejected when the decision breaks a rule of the interview."""
        try:
            check_decision(head, context)
        except Violation as violation:
            raise Rejected.breaking(violation) from None

    def guard_for(self, session: Session, context: Context, head: DecisionHead) -> ReplyGuard:
        """The reply guard for this turn: the hints it may give, the clock it must match."""
        given = len(context.state.hints)
        return ReplyGuard(
            self.secrets,
            given + (1 if head.give_hint else 0),
            session.remaining(),
            session.elapsed() / max(session.started.minutes * 60, 1),
        )

    def apply(self, session: Session, context: Context, head: DecisionHead) -> None:
        """The decision's log changes, appended when its first word is shown."""
        rung = context.next_hint_rung()
        if head.give_hint and rung is not None:
            session.append(HintGiven(rung=rung, text=self.planner.problem.hints[rung - 1]))
        if head.move_to is not None:
            session.change_phase(head.move_to, "model")

    def log(
        self,
        session: Session,
        context: Context,
        head: DecisionHead | None,
        text: str,
        *,
        cut: bool = False,
    ) -> None:
        """Append the interviewer's message with the intent its decision implies."""
        if session.state.ended or not text.strip():
            return
        follow_up = None
        if head is not None and head.follow_up is not None:
            follow_up = context.follow_ups()[head.follow_up - 1].question
        session.append(
            InterviewerSaid(
                text=text.strip(),
                intent=intent_of(head),
                engine=self.name,
                cut=cut,
                follow_up=follow_up,
            )
        )

    # --- other moments: the offline policy decides, the model words it ------------------------

    async def reword(self, session: Session, trigger: Trigger) -> AsyncIterator[str]:
        """Plan the turn offline, then stream the model's wording of it through the guard."""
        planner = self.planner
        turn = planner.plan(session, trigger)
        if turn is None:
            return
        if not turn.text:
            planner.apply(session, turn)
            return
        messages = build_messages(
            planner.persona,
            planner.problem,
            planner.rubric,
            session,
            turn,
            context_tokens=llm.context_window(self.config.model),
        )
        hints = len(session.state.hints) + (1 if turn.hint_rung is not None else 0)
        guard = ReplyGuard(
            self.secrets,
            hints,
            session.remaining(),
            session.elapsed() / max(session.started.minutes * 60, 1),
        )
        stream = llm.stream_chat(self.config, messages, deadline=self.deadline)
        parts: list[str] = []
        cut = False
        try:
            async for piece in stream:
                released = guard.feed(piece)
                if released:
                    if not parts:
                        planner.apply(session, turn)
                    parts.append(released)
                    yield released
            rest = guard.finish()
            if rest:
                if not parts:
                    planner.apply(session, turn)
                parts.append(rest)
                yield rest
        except llm.StreamCut:
            if not parts:
                raise
            cut = True
            rest = held_back(guard)
            parts.append(rest)
            if rest.strip():
                yield rest.rstrip()
            yield CUT_NOTE
        except Violation as violation:
            if not parts:
                raise Rejected.breaking(violation) from None
            ending = continuation("".join(parts), self.replacement(violation))
            parts.append(ending)
            yield ending
            session.append(cut_and_replaced(violation))
        finally:
            await stream.aclose()
            if parts and not session.state.ended:
                text = "".join(parts).strip()
                session.append(
                    InterviewerSaid(text=text, intent=turn.intent, engine=self.name, cut=cut)
                )

    async def aclose(self) -> None:
        """Nothing to release: litellm manages its own HTTP clients."""


def intent_of(head: DecisionHead | None) -> str:
    """The intent a decision's message has, in the offline interviewer's vocabulary (the
    offline policy reads intents back when it answers a later turn)."""
    if head is None:
        return "acknowledge"
    if head.give_hint:
        return "hint"
    if head.follow_up is not None:
        return "follow_up"
    if head.move_to == "wrap_up":
        return "wrap_up"
    if head.questions:
        return "answer_question"
    if head.complexity and all(claim.correct for claim in head.complexity):
        return "complexity_ok"
    if head.approach == "committed" and head.move_to == "code":
        return "approve_approach"
    if head.approach != "none":
        return "probe"
    return "acknowledge"


__all__ = ["CUT_NOTE", "LLMInterviewer", "Rejected", "Turn", "intent_of"]
