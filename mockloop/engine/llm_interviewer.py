"""The LLM interviewer: the model thinks about each candidate message, the code keeps the rules.

For a chat message the model returns a structured decision (`engine/decision.py`): the
questions and their answers, the approach and complexity it heard, whether to give the next
hint, move the phase or ask a follow-up, and the reply. The decision is checked against the
interview's rules (`engine/guard.py`) before a word is shown; the reply then streams through
a guard that cuts it off before code, hidden data, a later hint or a wrong time remark reach
the candidate. A run, a hint from the palette and the ending are decided by the offline
policy, whose turn the model words, through the same guard; the greeting and the clock's
check-ins are the offline policy's own words.

A turn the model cannot produce raises `llm.LLMError`; a turn that breaks a rule before
anything was shown raises `Rejected`. Either way the log is untouched and the fallback
wrapper lets the offline interviewer answer. A reply that breaks a rule after some words were
shown is cut there and finished with a sentence of ours.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator

from mockloop import llm
from mockloop.engine.base import WORDS, Tick, Trigger
from mockloop.engine.decision import (
    Decision,
    DecisionHead,
    InvalidDecision,
    ReplyScanner,
    parse_decision,
    parse_head,
)
from mockloop.engine.guard import ReplyGuard, Secrets, Violation, allowed_moves, check_decision
from mockloop.engine.offline import OfflineInterviewer
from mockloop.engine.prompt import build_messages, decision_messages, repair_messages
from mockloop.engine.turn import Context, Turn
from mockloop.events import (
    CandidateSaid,
    EngineFallback,
    Event,
    HintGiven,
    InterviewerSaid,
    SessionStarted,
)
from mockloop.session import Session

CUT_NOTE = " [reply cut off]"
REPLACEMENT = "Actually, I'll leave the writing to you. Walk me through your next step."
REPLACEMENTS = {
    "hint": "Actually, let me not give that much away yet. What are you thinking so far?",
    "time": "Never mind the clock; I'll tell you when time is short. Carry on.",
    "hidden": "Actually, the test data stays with me. Try an example of your own.",
}
"""What finishes a reply cut off for breaking a rule, by rule (code and solution: REPLACEMENT)."""


class Rejected(Exception):
    """The model's turn broke a rule or was not a valid decision; nothing was shown."""

    def __init__(self, failure: str, reason: str) -> None:
        super().__init__(reason)
        self.failure = failure
        self.reason = reason


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
        self.json_mode: bool | None = None

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

    async def decide(self, session: Session) -> AsyncIterator[str]:
        """Ask for a decision, check it, then stream its reply through the guard."""
        context = self.planner.context(session)
        messages = self.decision_prompt(session, context)
        scanner = ReplyScanner()
        head: DecisionHead | None = None
        guard: ReplyGuard | None = None
        shown: list[str] = []
        problem = ""
        stream = self.stream(messages)
        try:
            async for piece in stream:
                fresh = scanner.feed(piece)
                if head is None and scanner.head is not None and not scanner.reply_first:
                    try:
                        head = parse_head(scanner.head)
                    except InvalidDecision as error:
                        problem = str(error)
                        break
                    self.check(head, context)
                    guard = self.guard_for(session, context, head)
                if guard is None or head is None or not fresh:
                    continue
                released = guard.feed(fresh)
                if released:
                    if not shown:
                        self.apply(session, context, head)
                    shown.append(released)
                    yield released
                if scanner.done:
                    break
        except llm.StreamCut:
            if not shown:
                raise
            rest = held_back(guard)
            shown.append(rest)
            if rest.strip():
                yield rest.rstrip()
            yield CUT_NOTE
            self.log(session, context, head, "".join(shown), cut=True)
            return
        except Violation as violation:
            if not shown:
                raise Rejected(f"rule:{violation.rule}", violation.reason) from None
            async for piece in self.replace(session, context, head, shown, violation):
                yield piece
            return
        finally:
            await stream.aclose()
        if head is not None and guard is not None and not problem:
            try:
                rest = guard.finish()
            except Violation as violation:
                if not shown:
                    raise Rejected(f"rule:{violation.rule}", violation.reason) from None
                async for piece in self.replace(session, context, head, shown, violation):
                    yield piece
                return
            if not shown and not rest.strip():
                raise Rejected("invalid", "the model's reply was empty")
            if not shown:
                self.apply(session, context, head)
            if rest:
                shown.append(rest)
                yield rest
            self.log(session, context, head, "".join(shown))
            return
        decision = await self.whole_decision(messages, scanner.text, problem)
        async for piece in self.show_whole(session, context, decision):
            yield piece

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

    async def whole_decision(
        self, messages: list[dict[str, str]], answer: str, problem: str
    ) -> Decision:
        """The decision from a complete answer, with one repair attempt; Rejected if invalid."""
        try:
            if not problem:
                return parse_decision(answer)
        except InvalidDecision as error:
            problem = str(error)
        repaired = await llm.chat(
            self.config,
            repair_messages(messages, answer, problem),
            deadline=self.deadline,
            json_mode=bool(self.json_mode),
        )
        try:
            return parse_decision(repaired)
        except InvalidDecision as error:
            raise Rejected("invalid", f"the model's decision was invalid twice ({error})") from None

    async def show_whole(
        self, session: Session, context: Context, decision: Decision
    ) -> AsyncIterator[str]:
        """Check a decision that arrived whole, then show its reply a word at a time."""
        self.check(decision, context)
        guard = self.guard_for(session, context, decision)
        try:
            guard.feed(decision.reply)
            guard.finish()
        except Violation as violation:
            raise Rejected(f"rule:{violation.rule}", violation.reason) from None
        self.apply(session, context, decision)
        for piece in WORDS.findall(decision.reply):
            yield piece
        self.log(session, context, decision, decision.reply)

    def check(self, head: DecisionHead, context: Context) -> None:
        """Rejected when the decision breaks a rule of the interview."""
        try:
            check_decision(head, context)
        except Violation as violation:
            raise Rejected(f"rule:{violation.rule}", violation.reason) from None

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

    async def replace(
        self,
        session: Session,
        context: Context,
        head: DecisionHead | None,
        shown: list[str],
        violation: Violation,
    ) -> AsyncIterator[str]:
        """Finish a reply that broke a rule mid-stream with our sentence, and record why."""
        ending = continuation("".join(shown), violation)
        yield ending
        self.log(session, context, head, "".join(shown) + ending)
        session.append(
            EngineFallback(
                reason=f"{violation.reason}; it was cut off and replaced",
                failure=f"rule:{violation.rule}",
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
                raise Rejected(f"rule:{violation.rule}", violation.reason) from None
            ending = continuation("".join(parts), violation)
            parts.append(ending)
            yield ending
            session.append(
                EngineFallback(
                    reason=f"{violation.reason}; it was cut off and replaced",
                    failure=f"rule:{violation.rule}",
                )
            )
        finally:
            await stream.aclose()
            if parts and not session.state.ended:
                text = "".join(parts).strip()
                session.append(
                    InterviewerSaid(text=text, intent=turn.intent, engine=self.name, cut=cut)
                )

    async def stream(self, messages: list[dict[str, str]]) -> AsyncGenerator[str, None]:
        """The model's answer, in JSON mode where the model takes it; a server that refuses
        JSON mode is asked again without it, and not asked for it again."""
        if self.json_mode is None:
            await llm.ensure_litellm()  # it knows which models take JSON mode
            self.json_mode = llm.supports_json_mode(self.config.model)
        try:
            async for piece in llm.stream_chat(
                self.config, messages, deadline=self.deadline, json_mode=self.json_mode
            ):
                yield piece
            return
        except llm.LLMError as error:
            if not (self.json_mode and error.status == 400):
                raise
        self.json_mode = False
        async for piece in llm.stream_chat(self.config, messages, deadline=self.deadline):
            yield piece

    async def aclose(self) -> None:
        """Nothing to release: litellm manages its own HTTP clients."""


def continuation(shown: str, violation: Violation) -> str:
    """What follows the words already shown of a reply cut for breaking a rule: our sentence,
    as a new sentence after a finished one, else as the interviewer catching themself."""
    replacement = REPLACEMENTS.get(violation.rule, REPLACEMENT)
    text = shown.rstrip()
    if not text or text.endswith((".", "!", "?")):
        return ("" if shown.endswith((" ", "\n")) or not shown else " ") + replacement
    space = "" if shown.endswith((" ", "\n")) else " "
    rest = replacement.removeprefix("Actually, ")
    return f"{space}… no, wait. {rest[0].upper()}{rest[1:]}"


def held_back(guard: ReplyGuard | None) -> str:
    """What the guard still holds when a stream broke: shown if the whole text passes."""
    if guard is None:
        return ""
    try:
        return guard.finish()
    except Violation:
        return ""


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
