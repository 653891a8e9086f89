"""The scorer's data: evidence items, test summaries, dimension scores and the scorecard.

Everything is plain pydantic so the scorecard can be written next to the Markdown report as
JSON and read back by `mockloop report --format json`.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from mockloop.clock import mmss
from mockloop.results import Scaling

Effect = Literal["+", "-", "="]


class Frozen(BaseModel):
    """Base for scorer records: strict and immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Item(Frozen):
    """One observed moment: which event, when, which dimension it speaks to, and what it shows."""

    seq: int = Field(description="Event sequence number in the session log (-1: whole session)")
    t: float = Field(description="Session seconds of the event")
    dimension: str
    signal: str = Field(description="Machine name of the signal, e.g. clarifying_question")
    text: str = Field(description="What happened, in one line")
    effect: Effect = Field(description="'+' counts for the candidate, '-' against, '=' neutral")

    @property
    def when(self) -> str:
        """The event's time as mm:ss."""
        return mmss(self.t)


class LintFinding(Frozen):
    """One ruff finding on the final code."""

    code: str
    message: str
    line: int


class TestSummary(Frozen):
    """The final code's test result, split the ways the report and the caps need it."""

    source: Literal["run", "scorer"] = Field(
        description="'run': the candidate ran this exact code; 'scorer': checked after the end"
    )
    seq: int = Field(description="Event of the run (-1 when the scorer checked it)")
    status: str
    passed: int
    total: int
    visible_passed: int
    visible_total: int
    hidden_passed: int
    hidden_total: int
    performance_passed: int
    performance_total: int
    failing: dict[str, list[str]] = Field(description="Category -> names of failing cases")
    message: str

    @property
    def hidden_rate(self) -> float:
        """Share of hidden cases (performance included) that pass."""
        return self.hidden_passed / self.hidden_total if self.hidden_total else 0.0

    @property
    def all_passed(self) -> bool:
        """Every case passed."""
        return self.total > 0 and self.passed == self.total


class DimensionScore(Frozen):
    """One rubric dimension's score with the evidence behind it."""

    id: str
    name: str
    score: float = Field(ge=1.0, le=4.0)
    evidence_score: float = Field(ge=1.0, le=4.0, description="The rules' score before any judge")
    weight: float
    reason: str = Field(description="One line: why this score")
    items: list[Item] = Field(default_factory=list)
    caps: list[str] = Field(default_factory=list, description="Objective caps that applied")
    ceiling: float = Field(default=4.0, description="The highest score the caps allow")
    missed: list[str] = Field(default_factory=list, description="Level expectations not shown")
    no_evidence: bool = False
    judge_rationale: str = ""
    judge_citations: list[int] = Field(default_factory=list)


class Scorecard(Frozen):
    """The verdict, the per-dimension scores and how they were reached."""

    level: str
    verdict: str
    score: float
    dimensions: list[DimensionScore]
    judge: Literal["offline", "llm"] = "offline"
    judge_note: str = Field(default="", description="Why the LLM judge was or was not used")
    tests: TestSummary | None = None
    lint_ran: bool = True
    lint_note: str = Field(default="", description="Why the lint check could not run")
    lint: list[LintFinding] = Field(default_factory=list)
    scaling: Scaling | None = Field(
        default=None, description="The final code's measured growth (None: not attempted)"
    )

    def dimension(self, dimension_id: str) -> DimensionScore:
        """The score for one dimension (KeyError when absent)."""
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise KeyError(dimension_id)

    @property
    def scores(self) -> dict[str, float]:
        """Dimension id -> score, in rubric order."""
        return {dimension.id: dimension.score for dimension in self.dimensions}
