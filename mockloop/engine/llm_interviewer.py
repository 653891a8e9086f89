"""The LLM interviewer: the offline policy decides what happens, the model says it.

Phases, hints and follow-ups stay deterministic and log-derived (the offline planner);
the model turns each planned turn into natural words in the persona's voice. The planned
turn's events are appended only once the first token arrives, so a failed call leaves
the log untouched and the offline interviewer can answer the same turn.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

from mockloop import llm
from mockloop.engine.base import Trigger
from mockloop.engine.offline import OfflineInterviewer
from mockloop.engine.prompt import build_messages
from mockloop.events import InterviewerSaid
from mockloop.session import Session

CUT_NOTE = " [reply cut off]"


class LLMInterviewer:
    """Streams model replies; raises `llm.LLMError` when no token arrived."""

    name = "llm"

    def __init__(
        self, planner: OfflineInterviewer, config: llm.ModelConfig, *, deadline: float = 45.0
    ) -> None:
        self.planner = planner
        self.config = config
        self.deadline = deadline

    async def respond(self, session: Session, trigger: Trigger) -> AsyncIterator[str]:
        """Plan the turn offline, then stream the model's wording of it."""
        turn = self.planner.plan(session, trigger)
        if turn is None:
            return
        if not turn.text:
            self.planner.apply(session, turn)
            return
        planner = self.planner
        messages = build_messages(
            planner.persona,
            planner.problem,
            planner.rubric,
            session,
            turn,
            context_tokens=llm.context_window(self.config.model),
        )
        stream = llm.stream_chat(self.config, messages, deadline=self.deadline)
        parts: list[str] = []
        cut = False
        try:
            async for piece in stream:
                if not parts:
                    planner.apply(session, turn)
                parts.append(piece)
                yield piece
        except llm.StreamCut:
            cut = True
            yield CUT_NOTE
        except GeneratorExit:
            cut = True
            raise
        finally:
            await stream.aclose()
            if parts and not session.state.ended:
                text = "".join(parts).strip()
                session.append(
                    InterviewerSaid(text=text, intent=turn.intent, engine=self.name, cut=cut)
                )

    async def aclose(self) -> None:
        """Nothing to release: litellm manages its own HTTP clients."""
