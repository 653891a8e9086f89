"""Wraps the LLM interviewer so a failing or rule-breaking model never stalls the interview.

When the model fails before its first token, or its turn breaks a rule of the interview
before anything was shown, an `engine_fallback` event records why and the offline
interviewer answers that turn. Credential and request errors, or three unavailable answers
in a row, switch the session to the offline interviewer for good, and it says so.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from mockloop.engine.base import Interviewer, Trigger
from mockloop.engine.deciding import Rejected
from mockloop.events import EngineFallback, InterviewerSaid
from mockloop.llm import LLMError
from mockloop.session import Session

MAX_FAILURES = 3
GOING_OFFLINE = (
    "(The model isn't answering, so I'll carry on offline for the rest of this session.)"
)


def consecutive_failures(session: Session) -> int:
    """Times the model was unavailable since it last answered, read from the log (turns it
    answered against the rules don't count: it is there, just overruled)."""
    count = 0
    for event in reversed(session.events):
        payload = event.payload
        if isinstance(payload, EngineFallback) and payload.unavailable:
            count += 1
        elif isinstance(payload, InterviewerSaid) and payload.engine == "llm":
            break
    return count


class OfflineRound(Protocol):
    """A round's offline interviewer: it can open its reply with a notice of ours."""

    name: str

    def respond(
        self, session: Session, trigger: Trigger, *, preface: str = ""
    ) -> AsyncIterator[str]:
        """Stream the reply to `trigger`, `preface` first when given."""
        ...

    async def aclose(self) -> None:
        """Release resources."""
        ...


class FallbackInterviewer:
    """A round's model interviewer with the round's offline one as a safety net."""

    name = "llm"

    def __init__(
        self,
        primary: Interviewer,
        offline: OfflineRound,
        *,
        max_failures: int = MAX_FAILURES,
    ) -> None:
        self.primary = primary
        self.offline = offline
        self.max_failures = max_failures

    async def respond(self, session: Session, trigger: Trigger) -> AsyncIterator[str]:
        """Stream the model's reply, or the offline one when the model fails."""
        if session.state.offline_for_good:
            async for piece in self.offline.respond(session, trigger):
                yield piece
            return
        try:
            async for piece in self.primary.respond(session, trigger):
                yield piece
            return
        except Rejected as rejected:
            session.append(EngineFallback(reason=rejected.reason, failure=rejected.failure))
            async for piece in self.offline.respond(session, trigger):
                yield piece
            return
        except LLMError as error:
            failure = error
        failures = consecutive_failures(session) + 1
        permanent = not failure.retryable or failures >= self.max_failures
        session.append(
            EngineFallback(reason=failure.message, permanent=permanent, failure=failure.kind)
        )
        preface = GOING_OFFLINE if permanent else ""
        async for piece in self.offline.respond(session, trigger, preface=preface):
            yield piece

    async def aclose(self) -> None:
        """Close both interviewers."""
        await self.primary.aclose()
        await self.offline.aclose()
