"""Folds a session log into evidence: what the candidate did, when, and which event shows it.

Pure: events, the problem, the final test result and the lint report in; an `Evidence` out.
Candidate text is only ever matched against the problem's own keywords, so nothing typed in
the chat can change how it is scored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from mockloop.digests import code_digest
from mockloop.events import (
    CandidateSaid,
    CodeSnapshot,
    Event,
    HintGiven,
    Intent,
    InterviewerSaid,
    PhaseChanged,
    SessionEnded,
    SessionStarted,
    TestsRun,
)
from mockloop.models import Approach, Problem
from mockloop.reading.messages import reader_for
from mockloop.reading.vocabulary import phrase_pattern
from mockloop.scoring.lint import LintReport
from mockloop.scoring.models import TestSummary

SILENCE_SECONDS = 300.0
CHECK_IN: Intent = "check_in"
FOLLOW_UP: Intent = "follow_up"
KIND_RANK = {"brute_force": 1, "better": 2, "optimal": 3}
TRADEOFF_WORDS = (
    "trade-off",
    "tradeoff",
    "trade off",
    "at the cost of",
    "in exchange",
    "versus",
    " vs ",
    "space for time",
    "time for space",
    "extra memory",
    "extra space",
)
WALKTHROUGH_WORDS = ("walk through", "dry run", "trace", "step through", "by hand", "walk it")


@dataclass(frozen=True)
class Moment:
    """A candidate message with its place in the log."""

    seq: int
    t: float
    text: str


@dataclass
class Evidence:
    """Facts the rules score, each pointing back at the events that show them."""

    started: SessionStarted
    duration: float
    ended_reason: str | None
    code: str
    code_changed: bool
    first_code: Moment | None
    last_code_t: float | None
    messages: list[Moment] = field(default_factory=list)
    questions_before_code: list[Moment] = field(default_factory=list)
    relevant_questions: list[Moment] = field(default_factory=list)
    approaches: list[tuple[Moment, Approach]] = field(default_factory=list)
    complexity_claims: list[tuple[Moment, str]] = field(default_factory=list)
    tradeoffs: list[Moment] = field(default_factory=list)
    edge_cases: list[tuple[Moment, str]] = field(default_factory=list)
    walkthroughs: list[Moment] = field(default_factory=list)
    hints: list[tuple[int, float, HintGiven]] = field(default_factory=list)
    runs: list[tuple[int, float, TestsRun]] = field(default_factory=list)
    corrections: list[tuple[int, float, int]] = field(default_factory=list)
    unchanged_reruns: int = 0
    final: TestSummary | None = None
    lint: LintReport = field(default_factory=LintReport)
    silences: list[tuple[float, float]] = field(default_factory=list)
    follow_ups: list[tuple[Moment, Moment | None, bool]] = field(default_factory=list)
    check_ins_unanswered: list[Moment] = field(default_factory=list)
    messages_by_phase: dict[str, int] = field(default_factory=dict)
    problem: Problem | None = None

    @property
    def budget(self) -> float:
        """The interview's time budget in seconds."""
        return self.started.minutes * 60.0

    @property
    def out_of_time(self) -> bool:
        """The clock, not the candidate, ended the interview."""
        return self.ended_reason == "time" or self.duration >= self.budget

    @property
    def coding_window(self) -> tuple[float, float] | None:
        """From the first code to the last code change or run: when the candidate was coding."""
        if self.first_code is None or self.last_code_t is None:
            return None
        last_run = max((t for _, t, _ in self.runs), default=self.last_code_t)
        return self.first_code.t, max(self.last_code_t, last_run)

    def best_approach(self, before: float | None = None) -> tuple[Moment, Approach] | None:
        """The strongest approach the candidate stated (optionally before a time)."""
        stated = [pair for pair in self.approaches if before is None or pair[0].t < before]
        if not stated:
            return None
        return max(stated, key=lambda pair: (KIND_RANK[pair[1].kind], -pair[0].t))


def summarize_run(run: TestsRun, seq: int, source: str = "run") -> TestSummary:
    """Split a run into visible, hidden and performance counts and failing categories."""
    hidden = [case for case in run.cases if not case.visible]
    performance = [case for case in run.cases if case.category == "performance"]
    failing: dict[str, list[str]] = {}
    for case in run.cases:
        if case.status != "passed":
            failing.setdefault(case.category, []).append(case.name)
    return TestSummary(
        source="run" if source == "run" else "scorer",
        seq=seq,
        status=run.status,
        passed=run.passed,
        total=run.total,
        visible_passed=run.visible_passed,
        visible_total=run.visible_total,
        hidden_passed=sum(case.status == "passed" for case in hidden),
        hidden_total=len(hidden),
        performance_passed=sum(case.status == "passed" for case in performance),
        performance_total=len(performance),
        failing=failing,
        message=run.message,
    )


def final_code(events: Sequence[Event]) -> str:
    """The code in the editor at the end of the log."""
    code = ""
    for event in events:
        if isinstance(event.payload, SessionStarted):
            code = event.payload.starter
        elif isinstance(event.payload, CodeSnapshot):
            code = event.payload.code
    return code


def final_run(events: Sequence[Event]) -> TestSummary | None:
    """The last run of exactly the final code, if the candidate ran it."""
    digest = code_digest(final_code(events))
    for event in reversed(events):
        if isinstance(event.payload, TestsRun) and event.payload.digest == digest:
            return summarize_run(event.payload, event.seq)
    return None


def _contains(text: str, phrase: str) -> bool:
    """Whole-word-ish match of a lowercase phrase (or a regex) in lowercase text."""
    return phrase_pattern([phrase]).search(text) is not None


def collect(
    events: Sequence[Event], problem: Problem, final: TestSummary | None, lint: LintReport
) -> Evidence:
    """Fold the log into evidence (the final result and lint report are computed by the caller)."""
    first = events[0].payload
    if not isinstance(first, SessionStarted):
        raise ValueError("a session log starts with session_started")
    starter = first.starter
    evidence = Evidence(
        started=first,
        duration=events[-1].t,
        ended_reason=None,
        code=final_code(events),
        code_changed=False,
        first_code=None,
        last_code_t=None,
        final=final,
        lint=lint,
        problem=problem,
    )
    evidence.code_changed = evidence.code.strip() != starter.strip()
    _fold(evidence, events, problem, starter)
    _silences(evidence)
    return evidence


def _fold(evidence: Evidence, events: Sequence[Event], problem: Problem, starter: str) -> None:
    """One pass over the log, filling the evidence lists."""
    phase = "intro"
    pending_follow_up: Moment | None = None
    pending_check_in: Moment | None = None
    previous_status: dict[str, str] = {}
    previous_digest = ""
    for event in events:
        payload = event.payload
        if isinstance(payload, CodeSnapshot):
            if payload.code.strip() != starter.strip():
                if evidence.first_code is None:
                    evidence.first_code = Moment(event.seq, event.t, "")
                evidence.last_code_t = event.t
        elif isinstance(payload, InterviewerSaid):
            moment = Moment(event.seq, event.t, payload.text)
            if pending_follow_up is not None:
                evidence.follow_ups.append((pending_follow_up, None, False))
            pending_follow_up = moment if _is_follow_up(payload, problem) else None
            if payload.intent == CHECK_IN:
                pending_check_in = moment
        elif isinstance(payload, CandidateSaid):
            moment = Moment(event.seq, event.t, payload.text)
            _message(evidence, moment, problem)
            evidence.messages_by_phase[phase] = evidence.messages_by_phase.get(phase, 0) + 1
            if pending_follow_up is not None:
                good = _answers(pending_follow_up.text, payload.text.lower(), problem)
                evidence.follow_ups.append((pending_follow_up, moment, good))
                pending_follow_up = None
            pending_check_in = None
        elif isinstance(payload, TestsRun):
            if payload.digest == previous_digest:
                evidence.unchanged_reruns += 1
            previous_digest = payload.digest
            evidence.runs.append((event.seq, event.t, payload))
            fixed = sum(
                previous_status.get(case.name, "passed") != "passed" and case.status == "passed"
                for case in payload.cases
            )
            if fixed:
                evidence.corrections.append((event.seq, event.t, fixed))
            previous_status = {case.name: case.status for case in payload.cases}
        elif isinstance(payload, HintGiven):
            evidence.hints.append((event.seq, event.t, payload))
        elif isinstance(payload, SessionEnded):
            evidence.ended_reason = payload.reason
            evidence.duration = event.t
        if isinstance(payload, PhaseChanged):
            phase = payload.phase
        if pending_check_in is not None and event.t - pending_check_in.t > 120:
            evidence.check_ins_unanswered.append(pending_check_in)
            pending_check_in = None
    if pending_follow_up is not None:
        evidence.follow_ups.append((pending_follow_up, None, False))


def _message(evidence: Evidence, moment: Moment, problem: Problem) -> None:
    """Record what one candidate message shows, from the shared reading of it."""
    evidence.messages.append(moment)
    reader = reader_for(problem)
    reading = reader.read(moment.text)
    text = f" {moment.text.lower()} "
    before_code = evidence.first_code is None
    if "?" in text and before_code:
        evidence.questions_before_code.append(moment)
    if "?" in text and any(q.clarification is not None for q in reading.questions):
        evidence.relevant_questions.append(moment)
    for approach in reading.approaches:
        evidence.approaches.append((moment, approach))
    for claim in reading.claims:
        evidence.complexity_claims.append((moment, claim.form))
    if any(word in text for word in TRADEOFF_WORDS):
        evidence.tradeoffs.append(moment)
    named = {phrase for _, phrase in evidence.edge_cases}
    for phrase in reading.edge_cases:
        if phrase not in named:
            evidence.edge_cases.append((moment, phrase))
            named.add(phrase)
    if any(word in text for word in WALKTHROUGH_WORDS):
        evidence.walkthroughs.append(moment)


def _is_follow_up(payload: InterviewerSaid, problem: Problem) -> bool:
    """The interviewer asked one of the problem's follow-up questions."""
    if payload.intent == FOLLOW_UP:
        return True
    return any(item.question in payload.text for item in problem.follow_ups)


def _answers(question: str, answer: str, problem: Problem) -> bool:
    """The answer uses a keyword the problem lists for this follow-up."""
    for item in problem.follow_ups:
        if item.question in question or question in item.question:
            return any(_contains(answer, keyword) for keyword in item.answer_keywords)
    keywords = {keyword for item in problem.follow_ups for keyword in item.answer_keywords}
    return any(_contains(answer, keyword) for keyword in keywords)


def _silences(evidence: Evidence) -> None:
    """Gaps of five minutes or more without a word while the candidate was coding."""
    window = evidence.coding_window
    if window is None:
        return
    start, end = window
    spoken = [m.t for m in evidence.messages if start <= m.t <= end]
    marks = [start, *spoken, end]
    for before, after in zip(marks, marks[1:], strict=False):
        if after - before >= SILENCE_SECONDS:
            evidence.silences.append((before, after))
