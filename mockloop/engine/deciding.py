"""The decide/stream/guard loop every model-driven round shares: one chat turn, one decision.

A round supplies a `Mind`: the prompt a decision is asked with, how its decision JSON is read,
the rules the decision must keep, the guard its reply streams through, what the decision
appends to the log and how its message is logged. `DecisionLoop` does the rest the same way
for every round: it streams the model's JSON, checks the decision fields as soon as they
arrived (they come before `reply`), releases the reply through the guard, repairs an invalid
answer once, and cuts a reply that breaks a rule mid-stream, finishing it with our sentence.

A turn the model cannot produce raises `llm.LLMError`; a turn that breaks a rule before
anything was shown raises `Rejected`. Either way the log is untouched and the fallback
wrapper (`engine/fallback.py`) lets the round's offline interviewer answer.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, AsyncIterator
from typing import Generic, Protocol, TypeVar

from mockloop import llm
from mockloop.engine.base import WORDS, Interviewer, Trigger
from mockloop.engine.decision import InvalidDecision, ReplyScanner
from mockloop.engine.guard import Violation
from mockloop.engine.prompt import repair_messages
from mockloop.events import CandidateSaid, EngineFallback, Event
from mockloop.session import Session

CUT_NOTE = " [reply cut off]"

ContextT = TypeVar("ContextT")
HeadT = TypeVar("HeadT")


class Rejected(Exception):
    """The model's turn broke a rule or was not a valid decision; nothing was shown."""

    def __init__(self, failure: str, reason: str) -> None:
        super().__init__(reason)
        self.failure = failure
        self.reason = reason

    @classmethod
    def breaking(cls, violation: Violation) -> Rejected:
        """The turn broke `violation`'s rule before anything was shown."""
        return cls(f"rule:{violation.rule}", violation.reason)


def cut_and_replaced(violation: Violation) -> EngineFallback:
    """The log's record of a reply cut mid-stream for breaking a rule (the candidate is not
    told; the report's timeline lists it)."""
    return EngineFallback(
        reason=f"{violation.reason}; it was cut off and replaced", failure=f"rule:{violation.rule}"
    )


class Guard(Protocol):
    """Releases a streamed reply only as far as it keeps the rules (`engine/guard.py`)."""

    def feed(self, piece: str) -> str:
        """Add streamed text; return what may be shown now. Raises Violation."""
        ...

    def finish(self) -> str:
        """The stream ended: check the whole reply and return what is left to show."""
        ...


class Mind(Protocol[ContextT, HeadT]):
    """A round's side of a model-decided chat turn (the coding, behavioral and design rounds
    each implement one)."""

    def context(self, session: Session) -> ContextT:
        """Everything this turn's decision is asked and checked against, read from the log."""
        ...

    def decision_prompt(self, session: Session, context: ContextT) -> list[dict[str, str]]:
        """The messages the decision is asked with."""
        ...

    def read_head(self, text: str) -> HeadT:
        """The decision fields written before `reply`; raises InvalidDecision."""
        ...

    def read_decision(self, text: str) -> tuple[HeadT, str]:
        """A whole answer's decision and reply; raises InvalidDecision."""
        ...

    def check(self, head: HeadT, context: ContextT) -> None:
        """Raise Rejected when the decision breaks a rule of the round."""
        ...

    def guard_for(self, session: Session, context: ContextT, head: HeadT) -> Guard:
        """The guard this decision's reply streams through."""
        ...

    def apply(self, session: Session, context: ContextT, head: HeadT) -> None:
        """Append the decision's log changes (when its first word is shown)."""
        ...

    def tail(self, context: ContextT, head: HeadT) -> str:
        """Words of ours that follow the model's reply (the bank's next question), or ""."""
        ...

    def log(
        self,
        session: Session,
        context: ContextT,
        head: HeadT | None,
        text: str,
        *,
        cut: bool = False,
    ) -> None:
        """Append the interviewer's message with the intent its decision implies."""
        ...

    def replacement(self, violation: Violation) -> str:
        """Our sentence that finishes a reply cut off for breaking `violation`'s rule."""
        ...


class DecisionLoop(Generic[ContextT, HeadT]):
    """Asks the model for one decision, checks it, streams its reply through the guard."""

    def __init__(
        self, mind: Mind[ContextT, HeadT], config: llm.ModelConfig, *, deadline: float = 45.0
    ) -> None:
        self.mind = mind
        self.config = config
        self.deadline = deadline
        self.json_mode: bool | None = None

    async def respond(
        self, offline: Interviewer, session: Session, trigger: Trigger
    ) -> AsyncIterator[str]:
        """A round's turn with a model: a chat message is decided by the model (`decide`);
        any other moment (the opening, the clock, the ending) is `offline`'s."""
        if session.state.ended:
            return
        if isinstance(trigger, Event) and isinstance(trigger.payload, CandidateSaid):
            async for piece in self.decide(session):
                yield piece
            return
        async for piece in offline.respond(session, trigger):
            yield piece

    async def decide(self, session: Session) -> AsyncIterator[str]:
        """Ask for a decision, check it, then stream its reply through the guard."""
        mind = self.mind
        context = mind.context(session)
        messages = mind.decision_prompt(session, context)
        scanner = ReplyScanner()
        head: HeadT | None = None
        guard: Guard | None = None
        shown: list[str] = []
        problem = ""
        stream = self.stream(messages)
        rest: str | None = None
        try:
            async for piece in stream:
                fresh = scanner.feed(piece)
                if head is None and scanner.head is not None and not scanner.reply_first:
                    try:
                        head = mind.read_head(scanner.head)
                    except InvalidDecision as error:
                        problem = str(error)
                        break
                    mind.check(head, context)
                    guard = mind.guard_for(session, context, head)
                if guard is None or head is None or not fresh:
                    continue
                released = guard.feed(fresh)
                if released:
                    if not shown:
                        mind.apply(session, context, head)
                    shown.append(released)
                    yield released
                if scanner.done:
                    break
            if head is not None and guard is not None and not problem:
                rest = guard.finish()
        except llm.StreamCut:
            if not shown:
                raise
            rest = held_back(guard)
            shown.append(rest)
            if rest.strip():
                yield rest.rstrip()
            yield CUT_NOTE
            ours = self._tail(context, head)
            if ours:
                yield ours
            mind.log(session, context, head, "".join(shown) + ours, cut=True)
            return
        except Violation as violation:
            if not shown:
                raise Rejected.breaking(violation) from None
            async for piece in self.replace(session, context, head, shown, violation):
                yield piece
            return
        finally:
            await stream.aclose()
        if head is not None and rest is not None:
            if not shown and not rest.strip():
                raise Rejected("invalid", "the model's reply was empty")
            if not shown:
                mind.apply(session, context, head)
            if rest:
                shown.append(rest)
                yield rest
            ours = self._tail(context, head)
            if ours:
                shown.append(ours)
                yield ours
            mind.log(session, context, head, "".join(shown))
            return
        decided, reply = await self.whole_decision(messages, scanner.text, problem)
        async for piece in self.show_whole(session, context, decided, reply):
            yield piece

    def _tail(self, context: ContextT, head: HeadT | None) -> str:
        """The round's words after the reply, with the space that separates them."""
        if head is None:
            return ""
        ours = self.mind.tail(context, head)
        return f" {ours}" if ours else ""

    async def whole_decision(
        self, messages: list[dict[str, str]], answer: str, problem: str
    ) -> tuple[HeadT, str]:
        """The decision from a complete answer, with one repair attempt; Rejected if invalid."""
        try:
            if not problem:
                return self.mind.read_decision(answer)
        except InvalidDecision as error:
            problem = str(error)
        repaired = await llm.chat(
            self.config,
            repair_messages(messages, answer, problem),
            deadline=self.deadline,
            json_mode=bool(self.json_mode),
        )
        try:
            return self.mind.read_decision(repaired)
        except InvalidDecision as error:
            raise Rejected("invalid", f"the model's decision was invalid twice ({error})") from None

    async def show_whole(
        self, session: Session, context: ContextT, head: HeadT, reply: str
    ) -> AsyncIterator[str]:
        """Check a decision that arrived whole, then show its reply a word at a time."""
        mind = self.mind
        mind.check(head, context)
        guard = mind.guard_for(session, context, head)
        try:
            guard.feed(reply)
            guard.finish()
        except Violation as violation:
            raise Rejected.breaking(violation) from None
        mind.apply(session, context, head)
        for piece in WORDS.findall(reply):
            yield piece
        ours = self._tail(context, head)
        if ours:
            yield ours
        mind.log(session, context, head, reply + ours)

    async def replace(
        self,
        session: Session,
        context: ContextT,
        head: HeadT | None,
        shown: list[str],
        violation: Violation,
    ) -> AsyncIterator[str]:
        """Finish a reply that broke a rule mid-stream with our sentence, and record why."""
        ending = continuation("".join(shown), self.mind.replacement(violation))
        ending += self._tail(context, head)
        yield ending
        self.mind.log(session, context, head, "".join(shown) + ending)
        session.append(cut_and_replaced(violation))

    async def stream(self, messages: list[dict[str, str]]) -> AsyncGenerator[str, None]:
        """The model's answer, in JSON mode where the model takes it; a server that refuses
        JSON mode is asked again without it, and not asked for it again."""
        if self.json_mode is None:
            await llm.ensure_litellm()
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


def continuation(shown: str, replacement: str) -> str:
    """What follows the words already shown of a reply cut for breaking a rule: our sentence,
    as a new sentence after a finished one, else as the interviewer catching themself
    ("Sure, … no, wait. I'll leave the writing to you.")."""
    text = shown.rstrip()
    if not text or text.endswith((".", "!", "?")):
        return ("" if shown.endswith((" ", "\n")) or not shown else " ") + replacement
    space = "" if shown.endswith((" ", "\n")) else " "
    rest = replacement.removeprefix("Actually, ")
    return f"{space}… no, wait. {rest[0].upper()}{rest[1:]}"


def held_back(guard: Guard | None) -> str:
    """What the guard still holds when a stream broke: shown if the whole text passes."""
    if guard is None:
        return ""
    try:
        return guard.finish()
    except Violation:
        return ""
