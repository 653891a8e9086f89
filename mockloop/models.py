"""Strict pydantic models of the content packs: personas, rubrics and problems.

Every model forbids unknown fields, so a typo in a pack is an error naming the field
rather than a silently ignored setting.
"""

from __future__ import annotations

import re
import typing
from collections.abc import Sequence
from functools import cache
from typing import Any, Literal, TypeVar, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StrictStr,
    TypeAdapter,
    ValidationInfo,
    field_validator,
    model_validator,
)

LevelName = Literal["junior", "mid", "senior", "staff"]
LEVELS: tuple[LevelName, ...] = ("junior", "mid", "senior", "staff")
Phase = Literal["intro", "clarify", "approach", "code", "test", "follow_up", "wrap_up", "ended"]
PHASES: tuple[Phase, ...] = (
    "intro",
    "clarify",
    "approach",
    "code",
    "test",
    "follow_up",
    "wrap_up",
    "ended",
)
VERDICTS = ("Strong Hire", "Hire", "Lean Hire", "Lean No Hire", "No Hire", "Strong No Hire")
"""The verdict ladder, best first: the scorecard picks one by the level's thresholds."""


LevelMap = TypeVar("LevelMap", bound=dict[Any, Any])


def every_level(value: LevelMap) -> LevelMap:
    """Validator body: a per-level mapping must name all four levels."""
    missing = [name for name in LEVELS if name not in value]
    if missing:
        raise ValueError(f"missing levels: {', '.join(missing)}")
    return value


def offered(
    companies: Sequence[str], levels: Sequence[str], company: str | None, level: str | None
) -> bool:
    """The one rule for which problems a company and level get (None matches anything)."""
    company_ok = company is None or "any" in companies or company in companies
    return company_ok and (level is None or level in levels)


class Strict(BaseModel):
    """Base for pack models: unknown fields are errors, values are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- Personas -------------------------------------------------------------------------


class Interviewer(Strict):
    """Who the candidate talks to."""

    name: str
    role: str


class Style(Strict):
    """How the interviewer talks; each knob changes what the offline engine says."""

    warmth: float = Field(ge=0, le=1, description="0 terse and neutral, 1 warm and encouraging")
    directness: float = Field(ge=0, le=1, description="0 hints obliquely, 1 says it straight")
    socratic: bool = Field(description="Answers questions with questions when it can")
    verbosity: float = Field(default=0.5, ge=0, le=1, description="0 short replies, 1 long")


class Level(Strict):
    """A company's title for one of the four levels, and its time budget."""

    title: str = Field(description="Company title, e.g. L5, E5, SDE II")
    aliases: list[str] = Field(default_factory=list, description="Other accepted spellings")
    minutes: int = Field(ge=10, le=120, description="Length of the coding interview")


Situation = Literal[
    "greeting",
    "format",
    "present_problem",
    "acknowledge",
    "probe",
    "nudge",
    "hint_preface",
    "follow_up_preface",
    "time_check",
    "wrap_up",
    "steer_back",
    "check_in",
    "encourage",
    "closing",
]
"""A moment the persona has phrasings for (one `Phrases` field each)."""
PHRASE_SITUATIONS: tuple[Situation, ...] = get_args(Situation)


class Phrases(Strict):
    """Phrase banks, at least three variants per situation so sessions read differently.

    Variants may use `{name}` (interviewer), `{candidate}`, `{company}`, `{minutes}`,
    `{remaining}` and `{title}` placeholders.
    """

    greeting: list[str] = Field(min_length=3)
    format: list[str] = Field(min_length=3)
    present_problem: list[str] = Field(min_length=3)
    acknowledge: list[str] = Field(min_length=3)
    probe: list[str] = Field(min_length=3)
    nudge: list[str] = Field(min_length=3)
    hint_preface: list[str] = Field(min_length=3)
    follow_up_preface: list[str] = Field(min_length=3)
    time_check: list[str] = Field(min_length=3)
    wrap_up: list[str] = Field(min_length=3)
    steer_back: list[str] = Field(min_length=3)
    check_in: list[str] = Field(min_length=3)
    encourage: list[str] = Field(min_length=3)
    closing: list[str] = Field(min_length=3)


class QuestionAnswer(Strict):
    """An answer to a question the candidate may ask the interviewer."""

    patterns: list[str] = Field(min_length=1, description="Lowercase keywords or regexes")
    answer: str


Competency = Literal[
    "conflict",
    "failure",
    "ownership",
    "influence_without_authority",
    "ambiguity",
    "customer_focus",
    "delivering_under_pressure",
    "mentoring",
    "disagreeing_with_manager",
    "prioritisation",
    "technical_leadership",
    "cross_team_scope",
]
COMPETENCIES: tuple[Competency, ...] = typing.get_args(Competency)


class CompanyValue(Strict):
    """One of a company's values, in our words, and the competencies it is probed through."""

    value: str
    competencies: list[Competency] = Field(min_length=1)
    note: str = Field(description="How an interviewer there tends to probe it")


class BehavioralValues(Strict):
    """A persona's behavioral round: its values and the round's length per level."""

    values: list[CompanyValue] = Field(min_length=3)
    minutes: dict[LevelName, int] = Field(description="Round length, 30 to 45 minutes")
    questions: dict[LevelName, int] = Field(description="Questions asked, 3 to 5")

    @field_validator("minutes")
    @classmethod
    def _minutes(cls, value: dict[LevelName, int]) -> dict[LevelName, int]:
        if any(not 30 <= minutes <= 45 for minutes in value.values()):
            raise ValueError("a behavioral round lasts 30 to 45 minutes")
        return every_level(value)

    @field_validator("questions")
    @classmethod
    def _questions(cls, value: dict[LevelName, int]) -> dict[LevelName, int]:
        if any(not 3 <= count <= 5 for count in value.values()):
            raise ValueError("a behavioral round asks 3 to 5 questions")
        return every_level(value)

    def valued(self) -> list[Competency]:
        """The competencies the company's values point at, most often named first."""
        named = [c for value in self.values for c in value.competencies]
        return sorted(dict.fromkeys(named), key=lambda c: (-named.count(c), named.index(c)))


class Persona(Strict):
    """An interviewer for one company: voice, values, levels and phrase banks."""

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    company: str
    interviewer: Interviewer
    style: Style
    looks_for: list[str] = Field(min_length=2, description="What this company values")
    levels: dict[LevelName, Level]
    phrases: Phrases
    candidate_questions: list[QuestionAnswer] = Field(min_length=3)
    default_answer: str = Field(description="Reply to a question none of the patterns match")
    behavioral: BehavioralValues | None = Field(
        default=None, description="Values and round length for the behavioral round"
    )

    @field_validator("levels")
    @classmethod
    def _all_levels(cls, value: dict[LevelName, Level]) -> dict[LevelName, Level]:
        return every_level(value)

    def resolve_level(self, name: str) -> LevelName | None:
        """Map `senior`, `L5`, `l5` or an alias to the canonical level name."""
        wanted = name.strip().lower()
        for level_name, level in self.levels.items():
            spellings = {level_name, level.title.lower(), *(a.lower() for a in level.aliases)}
            if wanted in spellings:
                return level_name
        return None


# --- Rubrics --------------------------------------------------------------------------


class Descriptors(Strict):
    """What a score of 1, 2, 3 and 4 looks like on one dimension."""

    one: str = Field(alias="1")
    two: str = Field(alias="2")
    three: str = Field(alias="3")
    four: str = Field(alias="4")

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class Dimension(Strict):
    """One rubric dimension with its weight, anchors and observable signals."""

    id: str
    name: str
    weight: float = Field(gt=0)
    description: str
    descriptors: Descriptors
    signals: list[str] = Field(min_length=2, description="What the scorer observes")
    expectations: dict[LevelName, str] = Field(description="What each level must show")


class Thresholds(Strict):
    """Weighted-score cut-offs for the verdicts at one level (score >= cut-off)."""

    strong_hire: float
    hire: float
    lean_hire: float
    lean_no_hire: float
    no_hire: float

    @model_validator(mode="after")
    def _descending(self) -> Thresholds:
        values = [self.strong_hire, self.hire, self.lean_hire, self.lean_no_hire, self.no_hire]
        if values != sorted(values, reverse=True):
            raise ValueError("thresholds must decrease from strong_hire to no_hire")
        return self


class Bar(Strict):
    """What every round's per-level bar has: the verdict thresholds."""

    thresholds: Thresholds


class LevelBar(Bar):
    """The coding round's per-level bar: thresholds and what the level must demonstrate."""

    max_hints_without_penalty: int = Field(ge=0)
    needs_optimal: bool = Field(description="Must reach the optimal approach")
    needs_tradeoffs: bool = Field(description="Must discuss trade-offs unprompted")
    needs_edge_cases: bool = Field(description="Must name or test edge cases unprompted")


Scope = Literal["self", "team", "cross_team", "organisation"]
SCOPES: tuple[Scope, ...] = ("self", "team", "cross_team", "organisation")


class BehavioralBar(Bar):
    """The behavioral round's per-level bar: the scope, numbers and reflection a level shows."""

    expected_scope: Scope = Field(description="The widest scope a story should reach")
    needs_metric: bool = Field(description="A quantified result is expected in most stories")
    needs_reflection: bool = Field(description="Reflection is expected without a probe")
    max_we_ratio: float = Field(gt=0, le=1, description="Share of 'we' that hides the own role")


Driver = Literal["interviewer", "shared", "candidate"]


class DesignBar(Bar):
    """The system design round's per-level bar: what the level shows without being asked."""

    needs_estimates: bool = Field(description="Back-of-the-envelope numbers unprompted")
    min_deep_dives: int = Field(ge=0, le=4, description="Deep dives expected at real depth")
    needs_failure_modes: bool = Field(description="Failure modes raised, not only answered")
    needs_evolution: bool = Field(description="How the design changes as it grows")
    driver: Driver = Field(description="Who is expected to drive the conversation")
    quantified_tradeoffs: bool = Field(description="Trade-offs backed by a number")


class DesignPhases(Strict):
    """Each phase's share of a design round; the shares add up to 1."""

    requirements: float = Field(gt=0, lt=1)
    estimates: float = Field(gt=0, lt=1)
    high_level: float = Field(gt=0, lt=1)
    deep_dive: float = Field(gt=0, lt=1)
    wrap_up: float = Field(gt=0, lt=1)

    @model_validator(mode="after")
    def _whole(self) -> DesignPhases:
        if abs(sum(self.model_dump().values()) - 1) > 1e-6:
            raise ValueError("phase shares must add up to 1")
        return self


class DesignEvidence(Strict):
    """What a design round measures: its phase plan and how far an estimate may be off."""

    estimate_tolerance: float = Field(gt=1, description="Factor either way that still counts")
    phases: DesignPhases


class AnswerSeconds(Strict):
    """How long one answer may run before it counts as too short or rambling."""

    too_short: float = Field(gt=0)
    too_long: float = Field(gt=0)


class StoryEvidence(Strict):
    """What a round that hears stories measures in each one, and its limits."""

    star_parts: list[StrictStr] = Field(min_length=1)
    pronouns: str
    quantified_result: str
    reflection: str
    answer_seconds: AnswerSeconds
    scope: str
    competency_fit: str


class Rubric(Strict):
    """A scoring rubric: dimensions with weights and a bar per level.

    The bar's model depends on the round (`BARS`): the coding knobs (`LevelBar`) unless the
    focus names another, such as `BehavioralBar`. Each round's code knows which it reads.
    """

    id: str
    name: str
    focus: str = Field(description="Interview focus this rubric scores, e.g. coding")
    dimensions: list[Dimension] = Field(min_length=1)
    levels: dict[LevelName, Any] = Field(description="The focus's bar model, per level")
    story_evidence: StoryEvidence | None = Field(
        default=None, description="Per-story measures, for rounds that hear stories"
    )
    design_evidence: DesignEvidence | None = Field(
        default=None, description="Phase plan and estimate tolerance, for design rounds"
    )

    @field_validator("levels", mode="before")
    @classmethod
    def _bars(cls, value: Any, info: ValidationInfo) -> dict[LevelName, Bar]:
        """Each level validated as the focus's bar; every level must be there."""
        focus = info.data.get("focus")
        bar = BARS.get(focus, LevelBar) if isinstance(focus, str) else LevelBar
        return every_level(_levels_adapter(bar).validate_python(value))

    def dimension(self, dimension_id: str) -> Dimension:
        """The dimension with this id (KeyError when absent)."""
        for dimension in self.dimensions:
            if dimension.id == dimension_id:
                return dimension
        raise KeyError(dimension_id)


BARS: dict[str, type[Bar]] = {"behavioral": BehavioralBar, "system-design": DesignBar}
"""Rounds whose level bar is not the coding one, by focus."""


@cache
def _levels_adapter(bar: type[Bar]) -> TypeAdapter[dict[LevelName, Bar]]:
    """Validates a rubric's levels as one bar model (built once per model)."""
    return TypeAdapter(dict[LevelName, bar])  # type: ignore[valid-type]


# --- Problems -------------------------------------------------------------------------

Difficulty = Literal["easy", "medium", "hard"]
Category = Literal["basic", "edge", "performance"]
Checker = Literal["exact", "unordered", "unordered_nested", "float", "custom"]


class Case(Strict):
    """One test case. Arguments are positional; big inputs come from a generator.

    For design problems (`kind: design`) `args` is `[operations, operation_args]` and
    `expected` is the list of each operation's return value (None for the constructor).
    """

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    args: list[Any] | None = None
    generator: str | None = Field(
        default=None, description="Function in the problem's cases.py returning the args"
    )
    expected: Any = None
    category: Category = "basic"
    note: str = Field(default="", description="What the case covers (never shown for hidden)")

    @model_validator(mode="after")
    def _args_or_generator(self) -> Case:
        if (self.args is None) == (self.generator is None):
            raise ValueError("a case needs exactly one of 'args' or 'generator'")
        if self.generator is None and "expected" not in self.model_fields_set:
            raise ValueError("a case with literal 'args' needs 'expected'")
        return self


class Clarification(Strict):
    """A clarifying question pattern and the interviewer's answer."""

    patterns: list[str] = Field(min_length=1, description="Lowercase keywords or regexes")
    answer: str


class Approach(Strict):
    """A known approach with its complexity, recognised from the candidate's words."""

    name: str
    kind: Literal["brute_force", "better", "optimal"]
    time: str = Field(pattern=r"^O\(.+\)$")
    space: str = Field(pattern=r"^O\(.+\)$")
    summary: str
    keywords: list[str] = Field(min_length=2, description="Lowercase words that signal it")


class FollowUp(Strict):
    """A follow-up question and the levels it suits."""

    question: str
    levels: list[LevelName] = Field(min_length=1)
    answer_keywords: list[str] = Field(default_factory=list, description="Signals of a good answer")


DESIGN_SIGNATURE = re.compile(r"^class (?P<name>\w+): (?P<methods>.+)$")
METHOD = re.compile(r"^(?P<name>\w+)\((?P<parameters>self\b[^()]*)\)(?: -> (?P<returns>.+))?$")


def design_methods(signature: str, entry_point: str) -> dict[str, str | None]:
    """A design signature's methods and return types, checked: each method but __init__ has one.

    The form is `class Name: __init__(self, ...); method(self, ...) -> Type; ...`; it is both
    what the candidate reads and what decides which methods return nothing (`-> None`).
    """
    whole = DESIGN_SIGNATURE.match(signature.strip())
    if whole is None or whole["name"] != entry_point:
        raise ValueError(
            f"a design signature reads 'class {entry_point}: __init__(self, ...); "
            "method(self, ...) -> Type; ...'"
        )
    methods: dict[str, str | None] = {}
    for part in whole["methods"].split("; "):
        method = METHOD.match(part.strip())
        if method is None:
            raise ValueError(f"cannot read the method '{part.strip()}' in the signature")
        name, returns = method["name"], method["returns"]
        if returns is None and name != "__init__":
            raise ValueError(f"the signature's method '{name}' needs a return type ('-> None')")
        methods[name] = returns
    return methods


class Problem(Strict):
    """A coding problem: statement, code, cases, and what the interviewer knows about it."""

    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    difficulty: Difficulty
    topics: list[str] = Field(min_length=1)
    companies: list[str] = Field(min_length=1, description="Persona ids, or ['any']")
    levels: list[LevelName] = Field(min_length=1, description="Levels it suits")
    kind: Literal["function", "design"] = "function"
    entry_point: str = Field(description="Function name, or class name for design problems")
    signature: str
    statement: str
    time_limit_ms: int = Field(ge=50, le=10_000, description="Per case, wall and CPU")
    checker: Checker = "exact"
    examples: list[Case] = Field(min_length=1, description="Visible to the candidate")
    hidden: list[Case] = Field(min_length=12)
    clarifications: list[Clarification] = Field(min_length=3)
    hints: list[str] = Field(min_length=3, max_length=3, description="Gentle to near-solution")
    approaches: list[Approach] = Field(min_length=1)
    follow_ups: list[FollowUp] = Field(min_length=2)
    edge_cases: list[str] = Field(
        default_factory=list, description="Lowercase phrases a careful candidate mentions"
    )
    brute_passes_because: str | None = Field(
        default=None,
        min_length=30,
        description="Why no performance case can make brute.py fail (absent: it must fail)",
    )

    # Filled in by the catalog from the problem folder, not written in problem.yaml.
    starter: str = ""
    solution: str = ""
    brute_force: str | None = None
    cases_source: str | None = None
    checker_source: str | None = None

    @model_validator(mode="after")
    def _unique_case_names(self) -> Problem:
        names = [case.name for case in [*self.examples, *self.hidden]]
        duplicates = sorted({name for name in names if names.count(name) > 1})
        if duplicates:
            raise ValueError(f"duplicate case names: {', '.join(duplicates)}")
        return self

    @model_validator(mode="after")
    def _design_methods_declared(self) -> Problem:
        if self.kind == "design":
            design_methods(self.signature, self.entry_point)
        return self

    @property
    def void_methods(self) -> list[str]:
        """Design methods declared `-> None`: their return values are ignored, like `pop()`."""
        if self.kind != "design":
            return []
        methods = design_methods(self.signature, self.entry_point)
        return [name for name, returns in methods.items() if returns == "None"]

    @property
    def all_cases(self) -> list[Case]:
        """Examples first, then hidden cases."""
        return [*self.examples, *self.hidden]

    def optimal(self) -> Approach | None:
        """The optimal approach, if the problem lists one."""
        return next((a for a in self.approaches if a.kind == "optimal"), None)

    def suits(self, company: str | None, level: str | None) -> bool:
        """Whether this problem is offered for a company and level."""
        return offered(self.companies, self.levels, company, level)
