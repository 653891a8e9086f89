"""The offline system design interviewer: runs the phases, answers from the pack, keeps time.

Phases are requirements → estimates → high-level design → deep dive → wrap-up, each with its
share of the round (the rubric's `design_evidence.phases`). It reads the notes as well as the
chat (`coverage.cover` folds both), answers requirement and scale questions from the prompt,
challenges a written estimate that is an order of magnitude off, pushes into deep dives and
failure modes the candidate has not covered, and calls time when a phase runs over. It
decides from the log alone and writes what it did into each reply's intent — `prompt`,
`answer:<ids>`, `challenge:<estimate>`, `ask:<checkpoint>`, `dive:<n>`, `failure:<n>`,
`time:<phase>[:<checkpoint>]`, `wrap_up`, `steer`, `ack`, `closing` — which the scorer
reads back. A time call that asks for a checkpoint counts as asking for it: no question is
asked twice.
"""

from __future__ import annotations

import asyncio
import random
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass

from mockloop.coverage import DEEP_HITS, PHASE_OF, PHASES, Coverage, Reader, phase_at
from mockloop.designs import CHECKPOINTS, DesignPrompt
from mockloop.engine.base import Ending, Tick, Trigger, speak
from mockloop.estimates import human
from mockloop.events import CandidateSaid, SessionStarted
from mockloop.models import Persona, Rubric
from mockloop.session import Session
from mockloop.stories import RULES_CHANGE

PHASE_NAMES = {
    "requirements": "requirements",
    "estimates": "the numbers",
    "high_level": "the high-level design",
    "deep_dive": "a deep dive",
    "wrap_up": "wrap-up",
}
FORMAT = (
    "We have {minutes} minutes. Roughly: requirements, then some numbers, a high-level "
    "design, and then we'll go deep on a couple of parts. Keep your notes in the editor; "
    "I read them as we go."
)
ASK = {
    "requirements": "Before any boxes: what does this system need to do, and what matters most?",
    "estimates": "Can you put some rough numbers on it: requests per second, storage, bandwidth?",
    "api": "What does the API look like? The main calls, with what goes in and comes out.",
    "data_model": "What do you store, and how is it keyed?",
    "high_level": "Can you sketch the main components and how a request flows through them?",
    "deep_dive": "Pick the part you think is hardest and take me through it in detail.",
    "bottlenecks": "Where does this break first as load grows, and what fails?",
    "tradeoffs": "What are the main trade-offs you made, and what did you give up?",
}
NO_ANSWER = (
    "That's your call: state an assumption and we'll go with it.",
    "I don't have a preference there; pick something reasonable and say why.",
    "Make an assumption and write it down; we can revisit it.",
)
STEER = (
    "The round runs the same for everyone, so let's stay with the design.",
    "I can't change how this is scored; let's keep going with the system.",
    "Let's keep to the exercise: back to the design.",
)
QUESTION = re.compile(
    r"\?|^(what|how|who|when|where|which|do|does|is|are|can|should|should i|will|would)\b"
)
SCALE_WORDS = re.compile(
    r"\b(how (many|much|big|large|often)|scale|traffic|volume|per (second|day|month)|qps|dau)\b"
)


CHALLENGES = 2
"""Estimates challenged in one round at most: after two, more would be nagging."""
ANSWERS = 2
"""The most facts one reply gives (scale numbers first): "how many users, and how often do
they open it?" asks for two numbers, and gets both."""


@dataclass(frozen=True)
class Reply:
    """One decided reply: its words and its intent."""

    text: str
    intent: str


class DesignInterviewer:
    """Answers, challenges, pushes and keeps time (see the module docstring)."""

    name = "offline"

    def __init__(
        self, persona: Persona, prompt: DesignPrompt, rubric: Rubric, *, chunk_delay: float = 0.0
    ) -> None:
        assert rubric.design_evidence is not None, "the design rubric has design_evidence"
        self.persona = persona
        self.prompt = prompt
        self.rubric = rubric
        self.rules = rubric.design_evidence
        self.chunk_delay = chunk_delay
        self._reader: tuple[Session, Reader] | None = None
        Reader(prompt).warm()

    def read(self, session: Session) -> Coverage:
        """What the session covered so far; each event is read once per session."""
        if self._reader is None or self._reader[0] is not session:
            self._reader = (session, Reader(self.prompt))
        reader = self._reader[1]
        if len(session.events) < reader.seen:
            reader = Reader(self.prompt)
            self._reader = (session, reader)
        reader.feed(session.events)
        return reader.coverage()

    def plan(self, session: Session, trigger: Trigger) -> Reply | None:
        """The reply to `trigger`, without touching the log (None: stay quiet)."""
        if session.state.ended:
            return None
        rng = random.Random(f"{session.started.seed}:{len(session.events)}")
        minutes = session.started.minutes
        if isinstance(trigger, Ending):
            return Reply(rng.choice(self.persona.phrases.closing), "closing")
        if isinstance(trigger, Tick):
            return self._keep_time(self.read(session), trigger.t, minutes)
        payload = trigger.payload
        if isinstance(payload, SessionStarted):
            greeting = rng.choice(self.persona.phrases.greeting)
            values: dict[str, object] = {
                "name": self.persona.interviewer.name,
                "company": self.persona.company,
            }
            values |= {"minutes": minutes, "title": payload.level_title, "candidate": "there"}
            greeting = re.sub(r"\{(\w+)\}", lambda m: str(values.get(m[1], m[0])), greeting)
            intro = FORMAT.format(minutes=minutes)
            return Reply(f"{greeting} {intro} {self.prompt.prompt.strip()}", "prompt")
        if not isinstance(payload, CandidateSaid):
            return None
        state = self.read(session)
        text = payload.text.lower()
        if RULES_CHANGE.search(text):
            return Reply(f"{rng.choice(STEER)} {self._next_ask(state)}", "steer")
        if QUESTION.search(text.strip()):
            return self._answer(text, rng)
        return self._react(state, trigger.t, minutes, session.started.level, rng)

    def _answer(self, text: str, rng: random.Random) -> Reply:
        """Requirement and scale answers from the pack for the keywords the question names."""
        scale = sorted(
            (
                (-_hits(entry.ask_keywords, text), index, entry.answer)
                for index, entry in enumerate(self.prompt.scale)
            ),
        )
        answers = [(f"scale-{index}", answer) for hits, index, answer in scale[:2] if hits]
        if not answers and SCALE_WORDS.search(text):
            answers += [(f"scale-{i}", s.answer) for i, s in enumerate(self.prompt.scale[:2])]
        requirements = sorted(
            self.prompt.requirements.all(), key=lambda r: -_hits(r.keywords, text)
        )
        answers += [(r.id, r.answer) for r in requirements[:2] if _hits(r.keywords, text)]
        if not answers:
            return Reply(rng.choice(NO_ANSWER), "answer:")
        ids = ",".join(key for key, _ in answers[:ANSWERS])
        return Reply(" ".join(answer for _, answer in answers[:ANSWERS]), f"answer:{ids}")

    def _react(
        self, state: Coverage, t: float, minutes: int, level: str, rng: random.Random
    ) -> Reply:
        """After a statement: challenge a wrong number, push where behind, or go deeper."""
        challenged = sum(1 for intent in state.intents if intent.startswith("challenge:"))
        unchallenged = [
            check
            for check in state.off(self.rules.estimate_tolerance)
            if f"challenge:{check.estimate.id}" not in state.asked
        ]
        for check in unchallenged[: max(0, CHALLENGES - challenged)]:
            intent = f"challenge:{check.estimate.id}"
            if check.written is not None:
                direction = "high" if check.ratio > 1 else "low"
                factor = check.ratio if check.ratio > 1 else 1 / check.ratio
                return Reply(
                    f"Let me check one number. You have {check.written.text} for "
                    f"{check.estimate.what.lower()}; with the figures I gave you that looks "
                    f"about {human(factor)}× too {direction}. Can you walk me through it?",
                    intent,
                )
        now = PHASES.index(phase_at(t, minutes, self.rules))
        for checkpoint in CHECKPOINTS:
            if PHASES[now] == "wrap_up" and PHASE_OF[checkpoint] == "deep_dive":
                continue  # too late to start a deep dive
            due = PHASES.index(PHASE_OF[checkpoint]) < now or (
                checkpoint == "requirements" and state.covered("high_level")
            )
            if due and not state.covered(checkpoint) and f"ask:{checkpoint}" not in state.asked:
                return Reply(ASK[checkpoint], f"ask:{checkpoint}")
        if PHASES[now] == "wrap_up":
            return Reply(rng.choice(self.persona.phrases.acknowledge), "ack")
        diving = now >= PHASES.index("deep_dive") or (
            state.covered("high_level") and state.covered("data_model")
        )
        if diving:
            reply = self._dive(state, level)
            if reply is not None:
                return reply
        return Reply(rng.choice(self.persona.phrases.acknowledge), "ack")

    def _dive(self, state: Coverage, level: str) -> Reply | None:
        """A deep dive not yet covered, then a failure probe, each asked once."""
        for index, dive in enumerate(self.prompt.deep_dives):
            if f"dive:{index}" in state.asked or state.dives[index] >= DEEP_HITS:
                continue
            questions = dive.questions.get(level) or dive.questions.get("senior") or []  # type: ignore[call-overload]
            if questions:
                return Reply(
                    f"Let's go deeper on the {dive.component.lower()}. {questions[0]}",
                    f"dive:{index}",
                )
        for index, probe in enumerate(self.prompt.failure_probes[:2]):
            if f"failure:{index}" not in state.asked and not state.failure_raised:
                return Reply(probe, f"failure:{index}")
        return None

    def _keep_time(self, state: Coverage, t: float, minutes: int) -> Reply | None:
        """A time call once per phase the candidate is behind in, and the wrap-up."""
        phase = phase_at(t, minutes, self.rules)
        left = max(0, round((minutes * 60 - t) / 60))
        if phase == "wrap_up":
            if "wrap_up" in state.asked:
                return None
            return Reply(
                f"We have about {left} minutes left. {ASK['tradeoffs']} And what would you "
                "change at ten times the load?",
                "wrap_up",
            )
        earlier = [
            c
            for c in CHECKPOINTS
            if PHASES.index(PHASE_OF[c]) < PHASES.index(phase) and not state.covered(c)
        ]
        if phase == "requirements" or not earlier or f"time:{phase}" in state.asked:
            return None
        clock = f"Keeping an eye on time: we're {round(t / 60)} minutes in, with about {left} left."
        unasked = [c for c in earlier if f"ask:{c}" not in state.asked]
        if not unasked:
            return Reply(f"{clock} Let's move on to {PHASE_NAMES[phase]}.", f"time:{phase}")
        return Reply(
            f"{clock} {ASK[unasked[0]]} Briefly, and then let's move on to {PHASE_NAMES[phase]}.",
            f"time:{phase}:{unasked[0]}",
        )

    def _next_ask(self, state: Coverage) -> str:
        """What the candidate should do now: the first checkpoint not yet covered."""
        for checkpoint in CHECKPOINTS:
            if not state.covered(checkpoint):
                return ASK[checkpoint]
        return ASK["tradeoffs"]

    async def respond(
        self, session: Session, trigger: Trigger, *, preface: str = ""
    ) -> AsyncIterator[str]:
        """Stream the reply word by word (after `preface`, a notice of the model fallback's);
        append `interviewer_said` even if cut short.

        The reply is decided in a thread: reading notes pasted in one go (hundreds of new
        lines) takes tens of milliseconds, which on the screen's event loop would stall typing.
        """
        reply = await asyncio.to_thread(self.plan, session, trigger)
        if reply is None:
            return
        text = f"{preface} {reply.text}" if preface else reply.text
        async for piece in speak(session, text, reply.intent, self.name, self.chunk_delay):
            yield piece

    async def aclose(self) -> None:
        """Nothing to release."""


def _hits(keywords: list[str], text: str) -> int:
    """Keywords of a list that occur in `text` as whole words."""
    return sum(1 for word in keywords if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text))
