"""Folds a behavioral session's log into stories: one per question asked, with its reading.

The interviewer marks each question and probe in its reply's intent (`question:<id>`,
`probe:<part>`), so a story is everything the candidate said between one question and the
next, read with the same rules the interviewer used (`mockloop.stories`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from mockloop.events import CandidateSaid, Event, InterviewerSaid, SessionEnded, SessionStarted
from mockloop.models import BehavioralBar, LevelName, Rubric
from mockloop.questions import BankQuestion
from mockloop.stories import EMPTY, Reading, asked_keywords, fits, read_answer

TOO_SHORT, TOO_LONG = 45.0, 240.0
"""Answer length limits in seconds when the rubric names none."""


@dataclass
class Story:
    """One question and everything the candidate told about it."""

    number: int
    question: BankQuestion | None
    """None when the log names a question the bank no longer has."""
    question_id: str
    seq: int
    t: float
    first: Reading = EMPTY
    """The first answer, before any probe."""
    reading: Reading = EMPTY
    """The whole story: the first answer and every reply to a probe."""
    answer_seq: int = -1
    answer_t: float = 0.0
    probes: list[str] = field(default_factory=list)
    replies: int = 0
    asked_whose: Reading = EMPTY
    """The replies after "what did *you* do?" was asked (empty when it never was)."""

    @property
    def answered(self) -> bool:
        """Whether the candidate said anything to this question."""
        return self.replies > 0

    @property
    def competency(self) -> str:
        """The question's competency id ("" when unknown)."""
        return self.question.competency if self.question else ""

    @property
    def competency_title(self) -> str:
        """The competency as people say it."""
        return self.question.competency_title if self.question else "Unknown"

    @property
    def fits(self) -> bool:
        """Whether the story is about the competency asked."""
        return not self.question or fits(self.reading, self.question.competency)

    def role(self, bar: BehavioralBar) -> Literal["told", "asked", "unclear"]:
        """Whether the candidate's own part came through: in the story as told, only once
        asked ("what did *you* do?" answered in "I"), or not at all."""
        if self.reading.i_count >= 2 and self.reading.we_ratio <= bar.max_we_ratio:
            return "told"
        whose = self.asked_whose
        return "asked" if whose.i_count >= 2 and whose.we_ratio <= bar.max_we_ratio else "unclear"

    def about(self) -> str:
        """The competency the story's words point to most (its own when they tie)."""
        best = max(self.reading.fit.items(), key=lambda item: item[1], default=("", 0))
        own = self.reading.fit.get(self.competency, 0)
        return self.competency if own >= best[1] else best[0]


@dataclass(frozen=True)
class StoryEvidence:
    """Everything the behavioral scorers read."""

    level: LevelName
    bar: BehavioralBar
    stories: list[Story]
    too_short: float
    too_long: float
    rules_changes: list[tuple[int, float]]
    """Messages that tried to change the format or the score (seq, t)."""
    duration: float

    @property
    def told(self) -> list[Story]:
        """The stories the candidate answered."""
        return [story for story in self.stories if story.answered]


def collect_stories(
    events: Sequence[Event], bank: Mapping[str, BankQuestion], rubric: Rubric
) -> StoryEvidence:
    """Stories from the log, in the order the questions were asked."""
    started = events[0].payload
    assert isinstance(started, SessionStarted)
    bar = rubric.levels[started.level]
    assert isinstance(bar, BehavioralBar), "the behavioral rubric has behavioral bars"
    limits = rubric.story_evidence.answer_seconds if rubric.story_evidence else None
    keywords: dict[str, tuple[str, ...]] = {q.competency: q.keywords for q in bank.values()}
    stories: list[Story] = []
    rules: list[tuple[int, float]] = []
    wrapped = False
    for event in events:
        payload = event.payload
        if isinstance(payload, InterviewerSaid):
            kind, _, value = payload.intent.partition(":")
            if kind == "question":
                stories.append(Story(len(stories) + 1, bank.get(value), value, event.seq, event.t))
            elif kind == "probe" and stories:
                stories[-1].probes.append(value)
            elif kind == "wrap_up":
                wrapped = True
        elif isinstance(payload, CandidateSaid) and stories and not wrapped:
            asked = stories[-1].question
            reading = read_answer(
                payload.text,
                asked_keywords(keywords, asked.competency, asked.question.text)
                if asked
                else keywords,
            )
            if reading.rules_change:
                rules.append((event.seq, event.t))
                continue
            if reading.request:
                continue  # asking to skip or what the question means is not part of a story
            story = stories[-1]
            if not story.answered:
                story.first, story.answer_seq, story.answer_t = reading, event.seq, event.t
            story.reading = story.reading.merge(reading)
            story.replies += 1
            if "you_not_we" in story.probes:
                story.asked_whose = story.asked_whose.merge(reading)
    ended = next((e.t for e in events if isinstance(e.payload, SessionEnded)), events[-1].t)
    return StoryEvidence(
        level=started.level,
        bar=bar,
        stories=stories,
        too_short=limits.too_short if limits else TOO_SHORT,
        too_long=limits.too_long if limits else TOO_LONG,
        rules_changes=rules,
        duration=ended,
    )
