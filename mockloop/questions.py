"""Strict models of the behavioral question bank: one file per competency, with its questions.

Files live in `problems/behavioral/<competency>.yaml` (see docs/ARCHITECTURE.md, "Content
layout"). Keyword and signal lists must be strings: YAML reads an unquoted `1:1` as a number,
and a silently coerced keyword would never match what a candidate says.
"""

from __future__ import annotations

from pydantic import Field, StrictStr, model_validator

from mockloop.models import Competency, LevelName, Strict

STAR = ("situation", "task", "action", "result")
"""The parts of a story, in the order a good answer tells them."""


class Probes(Strict):
    """The follow-ups for one question, by what the answer lacks."""

    situation: str
    task: str
    action: str
    result: str
    you_not_we: str
    specifics: str
    metric: str
    reflection: str
    scope: str | None = Field(default=None, description="Required for questions that suit staff")


class Question(Strict):
    """One behavioral question, the levels it suits and its probes."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    text: str = Field(min_length=20)
    levels: list[LevelName] = Field(min_length=1)
    probes: Probes

    @model_validator(mode="after")
    def _staff_scope(self) -> Question:
        if "staff" in self.levels and not self.probes.scope:
            raise ValueError("a question that suits staff needs a 'scope' probe")
        return self


class Signals(Strict):
    """What a strong and a weak answer to this competency look like."""

    strong: list[StrictStr] = Field(min_length=3)
    weak: list[StrictStr] = Field(min_length=3)


class CompetencyFile(Strict):
    """A competency: what it means, the words that show a story is about it, its questions."""

    competency: Competency
    title: str
    summary: str
    keywords: list[StrictStr] = Field(
        min_length=5, description="Lowercase words or stems a story about it contains"
    )
    signals: Signals
    questions: list[Question] = Field(min_length=3)

    @model_validator(mode="after")
    def _lowercase_unique(self) -> CompetencyFile:
        if any(word != word.lower() for word in self.keywords):
            raise ValueError("keywords must be lowercase")
        ids = [question.id for question in self.questions]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate question ids: {', '.join(duplicates)}")
        return self


class BankQuestion(Strict):
    """A question as a round's content pack: the question with its competency's context."""

    question: Question
    competency: Competency
    competency_title: str
    keywords: tuple[str, ...]

    @property
    def slug(self) -> str:
        """The question id (what `--problem` takes)."""
        return self.question.id

    @property
    def title(self) -> str:
        """The competency and the question, as lists and reports name it."""
        return f"{self.competency_title}: {self.question.text}"

    @property
    def difficulty(self) -> str:
        """The lowest level the question suits (lists sort and show it like a difficulty)."""
        return self.question.levels[0]

    @property
    def topics(self) -> list[str]:
        """The competency, as a topic."""
        return [self.competency]
