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
from mockloop.design_words import (
    ALTERNATIVE,
    COMPONENTS,
    FAILURE,
    HOLLOW,
    REASON,
    expand,
    words_in,
)
from mockloop.designs import CHECKPOINTS, DesignPrompt
from mockloop.engine.base import Ending, Tick, Trigger, speak
from mockloop.estimates import compare, read, times
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
    "I don't have a number for that; pick something reasonable and say why.",
    "Make an assumption and write it down; we can revisit it.",
)
"""For a fact the pack does not have."""
YOUR_CALL = (
    "How to get there is your decision: pick one, tell me why, and we'll test it.",
    "I'd rather hear your reasoning than mine; there is no single right design here.",
    "That's the design question itself, so it's yours: choose and say what it costs you.",
)
"""For a request that the interviewer make a design choice or give the answer."""
CHOICE = re.compile(r"\b(should (i|we)|would you|which (one|is better)|better to)\b|\w \bor\b \w")
HAND_BACK = re.compile(
    r"\b(just tell me|tell me (what|how|the)|what (are|is) you looking for|"
    r"what would you (do|pick|use|choose)|which (one )?would you (pick|use|choose)|"
    r"what do you prefer|your preference|ideal (design|answer|solution)|the right answer)\b"
)
CHOOSING = re.compile(
    r"\b(i'll|i will|i'd like to|let me|let's|going to|start with|begin with|diving|dive into|"
    r"go deep on|next up)\b"
)
"""A message that announces what the candidate takes on next."""
BROAD = re.compile(r"\b(features?|requirements?|use cases?|scope|what should it do)\b")
"""A question about the whole scope: it gets the core of what the system must do."""
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
            return self._steer(state, rng)
        if QUESTION.search(text.strip()):
            return self._answer(text, state, rng)
        return self._react(state, trigger.t, minutes, session.started.level, rng, text)

    def _answer(self, text: str, state: Coverage, rng: random.Random) -> Reply:
        """Facts from the pack for what the question names, in the order it names them (one
        per question asked, two to three), not repeating one already given; a request for
        the interviewer's own choice or answer is handed back with any fact it touched."""
        given = {key for intent in state.intents if intent.startswith("answer:")
                 for key in intent.partition(":")[2].split(",")}  # fmt: skip
        found: list[tuple[int, int, str, str]] = []
        entries = [
            *((f"scale-{i}", s.ask_keywords, s.answer) for i, s in enumerate(self.prompt.scale)),
            *((r.id, r.keywords, r.answer) for r in self.prompt.requirements.all()),
        ]
        plain = expand(text)
        for key, keywords, answer in entries:
            hits = words_in(keywords, plain)
            if hits and key not in given:
                first = min(plain.find(word) % (len(plain) + 1) for word in hits)
                found.append((-len(hits), first, key, answer))
        if not found and SCALE_WORDS.search(plain):
            found = [(0, i, f"scale-{i}", s.answer) for i, s in enumerate(self.prompt.scale[:2])]
        if not found and BROAD.search(plain):
            core = self.prompt.requirements.functional[:2]
            found = [(0, i, r.id, r.answer) for i, r in enumerate(core) if r.id not in given]
        wanted = max(ANSWERS, min(3, plain.count("?") + plain.count(",")))
        chosen = sorted(found)[:wanted]
        chosen.sort(key=lambda entry: entry[1])
        facts = " ".join(answer for *_, answer in chosen)
        ids = ",".join(key for _, _, key, _ in chosen)
        if HAND_BACK.search(plain):
            return Reply(f"{facts} {rng.choice(YOUR_CALL)}".strip(), f"answer:{ids}")
        if not chosen:
            return Reply(rng.choice(YOUR_CALL if CHOICE.search(plain) else NO_ANSWER), "answer:")
        return Reply(facts, f"answer:{ids}")

    def _react(
        self, state: Coverage, t: float, minutes: int, level: str, rng: random.Random, text: str
    ) -> Reply:
        """After a statement: take a corrected number, challenge a wrong one, push where
        behind, let the candidate take the deep dive they chose, or go deeper."""
        corrected = self._corrected(state, text)
        if corrected is not None:
            return corrected
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
                    f"Let me check one number: {check.estimate.what.lower()}. You have "
                    f"{check.written.text}; with the figures I gave you that looks about "
                    f"{times(factor)} too {direction}. Can you walk me through it?",
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
        bare = _unexplained(text, state)
        if bare is not None:
            word, component = bare
            return Reply(
                f"Why {word}? What does that buy this system over something simpler?",
                f"why:{component}",
            )
        if PHASES[now] == "wrap_up":
            return Reply(rng.choice(self.persona.phrases.acknowledge), "ack")
        diving = now >= PHASES.index("deep_dive") or (
            state.covered("high_level") and state.covered("data_model")
        )
        if diving:
            chosen = self._chosen_dive(text)
            if chosen is not None:
                return Reply(
                    f"Sounds good: take me through the {chosen[1].lower()}.", f"dive:{chosen[0]}"
                )
            reply = self._dive(state, level)
            if reply is not None:
                return reply
        return Reply(rng.choice(self.persona.phrases.acknowledge), "ack")

    def _corrected(self, state: Coverage, text: str) -> Reply | None:
        """Right after a challenge, a message that gives the challenged estimate again within
        range is the correction: take it, and leave other numbers until the notes catch up."""
        last = state.intents[-1] if state.intents else ""
        if not last.startswith("challenge:"):
            return None
        estimate = next(e for e in self.prompt.estimates if e.id == last.partition(":")[2])
        for check in compare(read(text), [estimate]):
            if check.within(self.rules.estimate_tolerance) and check.written is not None:
                return Reply(f"Yes, {check.written.text} is about what I get too. Carry on.", "ack")
        return None

    def _chosen_dive(self, text: str) -> tuple[int, str] | None:
        """The deep dive a message says the candidate will take next ("I'll start with
        routing"), so the interviewer follows their choice instead of picking another."""
        plain = expand(text)
        if not CHOOSING.search(plain):
            return None
        named = [
            (plain.find(hits[0]), index, dive.component)
            for index, dive in enumerate(self.prompt.deep_dives)
            if (hits := words_in([*dive.keywords, *_words(dive.component)], plain))
        ]
        if not named:
            return None
        _, index, component = min(named)
        return index, component

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

    def _steer(self, state: Coverage, rng: random.Random) -> Reply:
        """Back to the design after a try at changing the rules, with the first checkpoint
        not yet covered as the question, unless it was asked already (intent
        `steer:<checkpoint>` counts as asking it)."""
        steer = rng.choice(STEER)
        for checkpoint in CHECKPOINTS:
            if not state.covered(checkpoint):
                if f"ask:{checkpoint}" in state.asked:
                    return Reply(steer, "steer")
                return Reply(f"{steer} {ASK[checkpoint]}", f"steer:{checkpoint}")
        return Reply(steer, "steer")

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


WHYS = 2
ARROW = re.compile(r"-+>|<-+|=>|→")
"""Components the interviewer asks the reason for in one round at most."""


def _unexplained(text: str, state: Coverage) -> tuple[str, str] | None:
    """The first component a message names in passing, with no reason, alternative, number or
    failure anywhere in it ("redis makes it fast"), never given a reason and not placed on a
    flow in the notes, as written and as a component; None when each was asked about, or two
    were: agreeing with a bare technology would teach the wrong lesson."""
    plain = expand(text)
    reasoning = REASON.search(HOLLOW.sub("", plain)) or ALTERNATIVE.search(plain) or read(text)
    if reasoning or FAILURE.search(plain):
        return None  # a reason, an alternative, a number, or how a part fails
    placed = "\n".join(line for line in expand(state.notes).splitlines() if ARROW.search(line))
    if sum(1 for intent in state.intents if intent.startswith("why:")) >= WHYS:
        return None
    named = sorted(
        (found.start(), found[0], component)
        for component in COMPONENTS
        if component in plain
        and not state.components.get(component)  # given a reason somewhere already
        and component not in placed  # on a drawn flow: part of the design, not a passing name
        and (found := re.search(rf"(?<![\w/]){re.escape(component)}\w*", plain))
    )
    fresh = [(word, c) for _, word, c in named if f"why:{c}" not in state.asked]
    return fresh[0] if fresh else None


def _words(component: str) -> list[str]:
    """A deep dive's own name as keywords: "Connection handling and routing" → routing, …"""
    return [w for w in re.findall(r"[a-z][a-z-]{4,}", component.lower()) if w not in ("which",)]
