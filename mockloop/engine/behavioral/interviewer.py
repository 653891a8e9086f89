"""The offline behavioral interviewer: asks the round's questions and probes each story.

It decides from the log alone (`plan.progress`), so a resumed session continues where it
stopped, and records what it did in each reply's intent: `question:<id>`, `probe:<part>`,
`steer`, `clarify`, `encourage`, `defer`, `wrap_up`, `answer`, `closing`. The scorer reads
the same intents. A message that is a request rather than a story (to skip, to clarify the
question, to hear about the team) gets an answer to the request, never a follow-up on a
story it does not tell.
"""

from __future__ import annotations

import random
import re
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass

from mockloop.engine.base import Ending, Tick, Trigger, speak
from mockloop.engine.behavioral.plan import (
    Progress,
    choose_questions,
    next_move,
    progress,
    question_budget,
)
from mockloop.events import CandidateSaid, SessionStarted
from mockloop.models import BehavioralBar, Persona, Rubric
from mockloop.questions import BankQuestion
from mockloop.session import Session
from mockloop.stories import SHORT_WORDS, Reading, asked_keywords, read_answer

FORMAT = (
    "This round is about your experience: I'll ask about {count} situations from your work, "
    "and I'll follow up on each. Real examples, in as much detail as you like."
)
MOVE_ON = (
    "Thanks, that gives me a good picture.",
    "Okay, let's go to a different area.",
    "Good, I'd like to cover something else.",
)
TIME_UP = (
    "We're at time on that one, so let's move on.",
    "I'll stop you there so we have time for the rest.",
    "Let's leave that story there and move on.",
)
STEER = (
    "I'll keep to the format: real situations from your work, in your own words.",
    "The round works the same for everyone, so let's stay with the question.",
    "I can't change how this is scored; let's stay with your example.",
)
ENCOURAGE = (
    "No rush. It doesn't need to be a big moment: a small example from any job, an internship "
    "or a side project works. If nothing comes to mind, we'll move on.",
    "Take a moment; a modest example is fine, from any role or project. If there isn't one, "
    "tell me and we'll go to the next question.",
)
SKIPPED = (
    "No problem, let's move on.",
    "That's fine, we'll go to something else.",
)
CLARIFY = (
    "Whichever you remember best and can walk me through in detail is fine.",
    "Any of those works: pick the example you know best.",
)
REAL_EXAMPLE = (
    "I'd like one specific time this actually happened, even a small one: when was it, and "
    "what did you do?"
)
"""The follow-up when an answer says what the candidate would do, or always does, instead of
what they did once."""
OTHER_STORY = (
    "That sounds like a different kind of story from the one I asked for. The question was:"
)
"""Before the question again, when a story answers another competency than the one asked."""
CODING_WORDS = re.compile(r"\b(code|coding|problem)\b", re.IGNORECASE)
"""A persona's greeting about a coding problem does not fit a behavioral round."""
GREETING = "Hi, I'm {name} from {company}. Thanks for making the time."
LATER = (
    "Good question, and I'll leave time for yours at the end. For now:",
    "Let's keep that for the end; there'll be time for your questions. Back to this one:",
)
"""Before the current question again, when the candidate asks about the job mid-round."""
CHECKING = re.compile(r"\b(make sense|answer (your|the) question|is that (ok|okay|enough|clear))\b")
"""A candidate checking their answer landed, not asking about the job."""
WRAP_UP = (
    "That's all my questions. What would you like to ask me?",
    "We've covered what I wanted to. Do you have any questions for me?",
    "That's it from my side. What can I tell you about the team or the role?",
)


@dataclass(frozen=True)
class Reply:
    """One decided reply: its words and its intent."""

    text: str
    intent: str


def fill(template: str, values: Mapping[str, object]) -> str:
    """A phrase with its `{placeholders}` filled (an unknown one is left as written)."""
    return re.sub(r"\{(\w+)\}", lambda m: str(values.get(m.group(1), m.group(0))), template)


class BehavioralInterviewer:
    """Asks, probes what each story lacks, and moves on when a question's time is up."""

    name = "offline"

    def __init__(
        self,
        persona: Persona,
        opening: BankQuestion,
        rubric: Rubric,
        bank: Mapping[str, BankQuestion],
        *,
        chunk_delay: float = 0.0,
    ) -> None:
        self.persona = persona
        self.opening = opening
        self.rubric = rubric
        self.bank = bank
        self.chunk_delay = chunk_delay
        self.keywords: dict[str, tuple[str, ...]] = {
            q.competency: q.keywords for q in bank.values()
        }
        self._readings: dict[tuple[str, str], Reading] = {}
        self._questions: dict[tuple[int, str], list[BankQuestion]] = {}

    def read(self, text: str, question_id: str = "") -> Reading:
        """One answer to a question, read with the question's own words counting for its
        competency, and remembered: each answer is read once per session."""
        reading = self._readings.get((question_id, text))
        if reading is None:
            asked = self.bank.get(question_id)
            keywords = (
                asked_keywords(self.keywords, asked.competency, asked.question.text)
                if asked
                else self.keywords
            )
            reading = self._readings[question_id, text] = read_answer(text, keywords)
        return reading

    def questions(self, session: Session) -> list[BankQuestion]:
        """The round's questions for this session (same seed, same questions)."""
        started = session.started
        values = self.persona.behavioral
        count = values.questions[started.level] if values else 4
        return choose_questions(self.bank, values, started.level, self.opening, started.seed, count)

    def plan(self, session: Session, trigger: Trigger) -> Reply | None:
        """The reply to `trigger`, without touching the log (None: stay quiet)."""
        if session.state.ended:
            return None
        rng = random.Random(f"{session.started.seed}:{len(session.events)}")
        questions = self.questions(session)
        state = progress(session.events, self.keywords, self.read)
        bar = self.rubric.levels[session.started.level]
        assert isinstance(bar, BehavioralBar), "the behavioral rubric has behavioral bars"
        budget = question_budget(session.started.minutes, len(questions))
        if isinstance(trigger, Ending):
            return Reply(rng.choice(self.persona.phrases.closing), "closing")
        if isinstance(trigger, Tick):
            late = state.asked and not state.wrapped and trigger.t - state.asked_at > budget
            return self._advance(state, questions, rng.choice(TIME_UP), rng) if late else None
        payload = trigger.payload
        if isinstance(payload, SessionStarted):
            fitting = [g for g in self.persona.phrases.greeting if not CODING_WORDS.search(g)]
            greeting = fill(rng.choice(fitting or [GREETING]), self._values(session))
            intro = FORMAT.format(count=len(questions))
            return Reply(
                f"{greeting} {intro} {questions[0].question.text}", self._ask(questions[0])
            )
        if not isinstance(payload, CandidateSaid):
            return None
        last = state.last_answer
        if last.rules_change:
            return Reply(f"{rng.choice(STEER)} {self._current_line(state, questions)}", "steer")
        if last.clarifying and not state.wrapped:
            return Reply(f"{rng.choice(CLARIFY)} {self._current_line(state, questions)}", "clarify")
        if self._asks_about_the_job(payload.text, last) and not state.wrapped:
            line = self._current_line(state, questions)
            return Reply(f"{rng.choice(LATER)} {line}", "defer")
        if last.declined and not state.wrapped:
            if state.story.words or state.encouraged:
                return self._advance(state, questions, rng.choice(SKIPPED), rng)
            return Reply(rng.choice(ENCOURAGE), "encourage")
        current = self._current(state, questions)
        move = next_move(
            state, session.now(), budget, bar, session.started.level, current.competency
        )
        if move.kind == "answer":
            return Reply(self._answer(payload.text), "answer")
        if move.kind == "probe":
            text = self._probe_line(current, move.probe)
            return Reply(
                f"{rng.choice(self.persona.phrases.acknowledge)} {text}", f"probe:{move.probe}"
            )
        return self._advance(state, questions, rng.choice(MOVE_ON), rng)

    def _advance(
        self, state: Progress, questions: list[BankQuestion], preface: str, rng: random.Random
    ) -> Reply:
        """The next question, or the wrap-up after the last."""
        if len(state.asked) >= len(questions):
            return Reply(f"{preface} {rng.choice(WRAP_UP)}", "wrap_up")
        upcoming = questions[len(state.asked)]
        return Reply(f"{preface} {upcoming.question.text}", self._ask(upcoming))

    def _current(self, state: Progress, questions: list[BankQuestion]) -> BankQuestion:
        asked = state.asked[-1] if state.asked else questions[0].slug
        return self.bank.get(asked, questions[0])

    def _current_line(self, state: Progress, questions: list[BankQuestion]) -> str:
        """What the candidate should answer now: the last probe, or the question."""
        current = self._current(state, questions)
        if state.wrapped:
            return "What would you like to ask me?"
        if state.probes:
            return self._probe_line(current, state.probes[-1])
        return current.question.text

    @staticmethod
    def _probe_line(question: BankQuestion, probe: str) -> str:
        """The follow-up for `probe`: the bank's wording, or the round's own for a real event."""
        if probe == "real_example":
            return REAL_EXAMPLE
        if probe == "fit":
            return f"{OTHER_STORY} {question.question.text}"
        return str(getattr(question.question.probes, probe))

    def _asks_about_the_job(self, text: str, reading: Reading) -> bool:
        """A short question to the interviewer about the team or the role, in mid-round."""
        lowered = text.lower().strip()
        if reading.words >= SHORT_WORDS or not lowered.endswith("?") or CHECKING.search(lowered):
            return False
        return any(
            re.search(pattern, lowered)
            for item in self.persona.candidate_questions
            for pattern in item.patterns
        )

    def _answer(self, text: str) -> str:
        """The persona's answer to a question the candidate asks at the end."""
        lowered = text.lower()
        for item in self.persona.candidate_questions:
            if any(re.search(pattern, lowered) for pattern in item.patterns):
                return item.answer
        return self.persona.default_answer

    def _values(self, session: Session) -> dict[str, object]:
        started = session.started
        return {
            "name": self.persona.interviewer.name,
            "company": self.persona.company,
            "minutes": started.minutes,
            "title": started.level_title,
            "candidate": "there",
        }

    @staticmethod
    def _ask(question: BankQuestion) -> str:
        return f"question:{question.slug}"

    async def respond(
        self, session: Session, trigger: Trigger, *, preface: str = ""
    ) -> AsyncIterator[str]:
        """Stream the reply word by word (after `preface`, a notice of the model fallback's);
        append `interviewer_said` even if cut short."""
        reply = self.plan(session, trigger)
        if reply is None:
            return
        text = f"{preface} {reply.text}" if preface else reply.text
        async for piece in speak(session, text, reply.intent, self.name, self.chunk_delay):
            yield piece

    async def aclose(self) -> None:
        """Nothing to release."""
