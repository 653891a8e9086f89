"""The event kinds of a session log and their typed payloads.

A session is nothing but its ordered events; every other view (state, transcript,
scorecard, history) is derived from them.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from mockloop.digests import code_digest
from mockloop.models import LevelName, Phase
from mockloop.results import CaseResult, RunResult, RunStatus

SnapshotReason = Literal["start", "idle", "run", "message", "phase", "end", "quit"]
HintSource = Literal["palette", "chat", "script"]
EndReason = Literal["candidate", "time", "script"]
Intent = Literal[
    "acknowledge",
    "acknowledge_edge",
    "answer_code",
    "answer_meta",
    "answer_question",
    "approve_approach",
    "ask_approach",
    "ask_approach_first",
    "ask_complexity",
    "ask_run",
    "check_in",
    "clarification",
    "clarification_unknown",
    "closing",
    "complexity_agreed",
    "complexity_check",
    "complexity_ok",
    "follow_up",
    "follow_up_step",
    "greeting",
    "hint",
    "hint_exhausted",
    "nudge_complexity",
    "nudge_edge",
    "nudge_error",
    "nudge_load_error",
    "nudge_logic",
    "nudge_not_done",
    "nudge_termination",
    "nudge_wrong_answer",
    "offer_step",
    "probe",
    "probe_better",
    "probe_follow_up",
    "push_to_code",
    "refuse",
    "small_talk",
    "started_coding",
    "steer_back",
    "time_five",
    "time_half",
    "time_up",
    "welcome_back",
    "wrap_up",
    "wrap_up_done",
]
"""What a coding interviewer's message does (logged as `interviewer_said.intent`; other
rounds' interviewers may log intents of their own, so the payload keeps a plain string)."""
SEED_MIN, SEED_MAX = -(2**63), 2**63 - 1
"""Seeds are stored as SQLite integers, which are 64-bit."""


class Payload(BaseModel):
    """Base for event payloads: strict and immutable once appended."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SessionStarted(Payload):
    """The interview's setup; the first event of every session."""

    kind: Literal["session_started"] = "session_started"
    company: str
    persona: str
    level: LevelName
    level_title: str
    focus: str = "coding"
    problem: str
    rubric: str
    minutes: int = Field(ge=1, le=24 * 60)
    seed: int = Field(ge=SEED_MIN, le=SEED_MAX)
    model: str | None = Field(default=None, description="Model name only, never a key")
    api_base: str | None = None
    starter: str = Field(description="The code the editor opened with")
    simulated: bool = Field(default=False, description="Run by `mockloop simulate`")
    strict: bool = Field(
        default=False, description="Strict mode: hidden cases concealed, runs limited by level"
    )


class CandidateSaid(Payload):
    """A chat message from the candidate."""

    kind: Literal["candidate_said"] = "candidate_said"
    text: str


class InterviewerSaid(Payload):
    """A complete interviewer message (never stored per token)."""

    kind: Literal["interviewer_said"] = "interviewer_said"
    text: str
    intent: str = Field(description="greeting, clarification, hint, nudge, time_check, ...")
    engine: str = Field(description="'offline' or 'llm'")
    cut: bool = Field(default=False, description="The stream broke; text is what arrived")
    follow_up: str | None = Field(
        default=None, description="The pack's follow-up question this message asks, if any"
    )


class CodeSnapshot(Payload):
    """The editor's content at a moment; stored once per distinct content by the store."""

    kind: Literal["code_snapshot"] = "code_snapshot"
    digest: str = Field(description="sha256 of the code")
    code: str
    reason: SnapshotReason
    cursor: tuple[int, int] | None = Field(
        default=None, description="(row, column) of the editor's cursor; kept on quit for resume"
    )
    scroll: int | None = Field(
        default=None, description="the editor's first visible line; kept on quit for resume"
    )

    @classmethod
    def of(
        cls,
        code: str,
        reason: SnapshotReason,
        cursor: tuple[int, int] | None = None,
        scroll: int | None = None,
    ) -> CodeSnapshot:
        """The snapshot of `code`, with its digest (and where the editor was, when known)."""
        return cls(digest=code_digest(code), code=code, reason=reason, cursor=cursor, scroll=scroll)


class TestsRun(Payload):
    """The result of running the code against the cases (F5 or `run: true`)."""

    kind: Literal["tests_run"] = "tests_run"
    digest: str = Field(description="Digest of the code that was run")
    status: RunStatus
    passed: int
    total: int
    visible_passed: int
    visible_total: int
    cases: list[CaseResult]
    message: str
    duration_ms: float

    @classmethod
    def of(cls, result: RunResult, source: str) -> TestsRun:
        """The payload recording a run of `source` (its digest and the visible counts)."""
        visible = [case for case in result.cases if case.visible]
        return cls(
            digest=code_digest(source),
            status=result.status,
            passed=result.passed,
            total=result.total,
            visible_passed=sum(1 for case in visible if case.status == "passed"),
            visible_total=len(visible),
            cases=result.cases,
            message=result.message,
            duration_ms=result.duration_ms,
        )


class HintRequested(Payload):
    """The candidate asked for a hint (palette, script or chat)."""

    kind: Literal["hint_requested"] = "hint_requested"
    source: HintSource = "palette"


class HintGiven(Payload):
    """The interviewer gave a rung of the hint ladder."""

    kind: Literal["hint_given"] = "hint_given"
    rung: int = Field(ge=1, le=3)
    text: str


class PhaseChanged(Payload):
    """The interview moved to another phase."""

    kind: Literal["phase_changed"] = "phase_changed"
    phase: Phase
    previous: Phase
    reason: str


FALLBACK_FAILURES = ("auth", "unreachable", "timeout", "rate_limit", "server", "refused", "cut")
"""Failures that mean the model is unavailable: the candidate is told, once per kind."""


class EngineFallback(Payload):
    """The model failed, or its turn broke a rule of the interview; the offline interviewer
    answered this turn (or from now on), or the broken reply was cut and replaced."""

    kind: Literal["engine_fallback"] = "engine_fallback"
    reason: str = Field(description="What went wrong, in our words, with no secrets")
    permanent: bool = False
    failure: str = Field(
        default="server",
        description="The kind: one of FALLBACK_FAILURES, or 'invalid' (the decision was not "
        "valid JSON) or 'rule:<name>' (it broke a rule; the candidate is not told)",
    )

    @property
    def unavailable(self) -> bool:
        """The model could not answer (as opposed to answering against the rules)."""
        return self.failure in FALLBACK_FAILURES


class SessionEnded(Payload):
    """The interview is over."""

    kind: Literal["session_ended"] = "session_ended"
    reason: EndReason


class ScorecardWritten(Payload):
    """The scorecard was computed and saved."""

    kind: Literal["scorecard_written"] = "scorecard_written"
    path: str
    verdict: str
    score: float
    dimensions: dict[str, float]
    judge: str = Field(description="'offline' or 'llm'")


AnyPayload = Annotated[
    SessionStarted
    | CandidateSaid
    | InterviewerSaid
    | CodeSnapshot
    | TestsRun
    | HintRequested
    | HintGiven
    | PhaseChanged
    | EngineFallback
    | SessionEnded
    | ScorecardWritten,
    Field(discriminator="kind"),
]


class Event(BaseModel):
    """One entry of the log: a gapless sequence number, session-clock time and payload."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    seq: int = Field(ge=0)
    t: float = Field(ge=0, description="Seconds since the session started, session clock")
    payload: AnyPayload

    @property
    def kind(self) -> str:
        """The payload's kind, e.g. `candidate_said`."""
        return self.payload.kind
