"""Strict models of the system design prompts: one file per prompt, `problems/system-design/`.

A prompt carries what the interviewer needs to run the round from the pack alone: the
requirements to discover with its answers, the scale numbers to give when asked, reference
estimates with their derivations, the eight checkpoints in order, deep dives with questions
per level, failure probes, trade-offs and pitfalls. Text fields are `StrictStr`: YAML reads an
unquoted `301` or `100:1` as a number, and a coerced keyword would never match the notes.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, StrictFloat, StrictInt, StrictStr, model_validator

from mockloop.models import LevelName, Strict

CHECKPOINTS = (
    "requirements",
    "estimates",
    "api",
    "data_model",
    "high_level",
    "deep_dive",
    "bottlenecks",
    "tradeoffs",
)
"""Every prompt's checkpoints, in the order a well-run round reaches them."""

EstimateUnit = Literal[
    "MB", "GB", "TB", "PB", "MB/s", "GB/s", "Tbit/s",
    "req/s", "writes/s", "messages/s", "updates/s", "pages/s", "changes/s", "samples/s",
    "evals/s", "runs/s", "hours/day", "dollars/day",
    "characters", "connections", "keys", "links", "nodes", "requests", "runs", "series",
    "servers",
]  # fmt: skip
"""The closed set of units a reference estimate's `value` is written in (not base units)."""

SNAKE = r"^[a-z0-9]+(_[a-z0-9]+)*$"
Keywords = list[StrictStr]


def _lowercase(words: list[str], where: str) -> None:
    if any(word != word.lower() for word in words):
        raise ValueError(f"{where} must be lowercase")


class Requirement(Strict):
    """A requirement the candidate should discover, and the interviewer's answer when asked."""

    id: StrictStr = Field(pattern=SNAKE)
    text: StrictStr = Field(min_length=5)
    answer: StrictStr = Field(min_length=10)
    keywords: Keywords = Field(min_length=2)

    @model_validator(mode="after")
    def _lower(self) -> Requirement:
        _lowercase(self.keywords, f"requirement {self.id}: keywords")
        return self


class Requirements(Strict):
    """Functional and non-functional requirements, with distinct ids."""

    functional: list[Requirement] = Field(min_length=3)
    non_functional: list[Requirement] = Field(min_length=3)

    @model_validator(mode="after")
    def _distinct(self) -> Requirements:
        ids = [r.id for r in (*self.functional, *self.non_functional)]
        repeated = sorted({i for i in ids if ids.count(i) > 1})
        if repeated:
            raise ValueError(f"requirement ids repeat: {', '.join(repeated)}")
        return self

    def all(self) -> list[Requirement]:
        """Functional then non-functional."""
        return [*self.functional, *self.non_functional]


class ScaleAnswer(Strict):
    """A scale number the interviewer gives when a question names one of its keywords."""

    ask_keywords: Keywords = Field(min_length=1)
    answer: StrictStr = Field(min_length=10)
    facts: dict[StrictStr, StrictInt | StrictFloat] = Field(min_length=1)

    @model_validator(mode="after")
    def _lower(self) -> ScaleAnswer:
        _lowercase(self.ask_keywords, "scale: ask_keywords")
        return self


class Estimate(Strict):
    """A reference back-of-the-envelope number, in its own unit, and how it is derived."""

    id: StrictStr = Field(pattern=SNAKE)
    what: StrictStr = Field(min_length=5)
    value: StrictInt | StrictFloat = Field(gt=0)
    unit: EstimateUnit
    derive: StrictStr = Field(min_length=3)


class Checkpoint(Strict):
    """One milestone of the round: the words that show it is covered, and what good covers."""

    id: Literal[CHECKPOINTS]  # type: ignore[valid-type]
    keywords: Keywords = Field(min_length=3)
    expect: StrictStr = Field(min_length=20)


class DeepDive(Strict):
    """A component worth going deep on, with the interviewer's questions per level."""

    component: StrictStr
    keywords: Keywords = Field(min_length=3)
    questions: dict[LevelName, list[StrictStr]]

    @model_validator(mode="after")
    def _levels(self) -> DeepDive:
        _lowercase(self.keywords, f"deep dive {self.component}: keywords")
        for level in ("mid", "senior", "staff"):
            if not self.questions.get(level):
                raise ValueError(f"deep dive {self.component} needs {level} questions")
        return self


class Tradeoff(Strict):
    """A decision the design faces: the usual choice, its alternative, and their words."""

    choice: StrictStr
    alternative: StrictStr
    keywords: Keywords = Field(min_length=2)


class DesignPrompt(Strict):
    """One system design prompt: the round's content pack."""

    slug: StrictStr = Field(pattern=r"^[a-z0-9]+(-[a-z0-9]+)*$")
    title: StrictStr
    companies: list[StrictStr] = Field(min_length=1, description="Personas that favour it")
    levels: list[LevelName] = Field(min_length=1)
    prompt: StrictStr = Field(min_length=40, max_length=600)
    requirements: Requirements
    scale: list[ScaleAnswer] = Field(min_length=2)
    estimates: list[Estimate] = Field(min_length=2)
    checkpoints: list[Checkpoint]
    deep_dives: list[DeepDive] = Field(min_length=2, max_length=4)
    failure_probes: list[StrictStr] = Field(min_length=3)
    tradeoffs: list[Tradeoff] = Field(min_length=3)
    pitfalls: list[StrictStr] = Field(min_length=3)

    @model_validator(mode="after")
    def _consistent(self) -> DesignPrompt:
        found = tuple(checkpoint.id for checkpoint in self.checkpoints)
        if found != CHECKPOINTS:
            raise ValueError(f"checkpoints must be, in order: {', '.join(CHECKPOINTS)}")
        ids = [estimate.id for estimate in self.estimates]
        if len(set(ids)) != len(ids):
            raise ValueError("estimate ids repeat")
        if "junior" in self.levels:
            for dive in self.deep_dives:
                if not dive.questions.get("junior"):
                    raise ValueError(f"deep dive {dive.component} needs junior questions")
        return self

    def facts(self) -> dict[str, float]:
        """Every scale fact the interviewer can give, by name."""
        return {name: float(value) for entry in self.scale for name, value in entry.facts.items()}

    def checkpoint(self, checkpoint_id: str) -> Checkpoint:
        """The checkpoint with this id (KeyError when absent)."""
        for checkpoint in self.checkpoints:
            if checkpoint.id == checkpoint_id:
                return checkpoint
        raise KeyError(checkpoint_id)

    @property
    def difficulty(self) -> str:
        """The lowest level the prompt suits (lists sort and show it like a difficulty)."""
        return self.levels[0]

    @property
    def topics(self) -> list[str]:
        """The deep-dive components, as topics."""
        return [dive.component for dive in self.deep_dives]
