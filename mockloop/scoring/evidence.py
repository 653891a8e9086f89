"""Folds a session log into evidence: what the candidate did, when, and which event shows it.

Pure: events, the problem, the final test result and the lint report in; an `Evidence` out.
Every message is read once by the shared reader (`mockloop.reading`), the same reading the
interviewer used, and each fact keeps the event that shows it. Candidate text is only ever
matched against the problem's own vocabulary, so nothing typed in the chat can change how it
is scored.
"""

from __future__ import annotations

import re
from collections import Counter
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
from mockloop.models import Approach, Phase, Problem
from mockloop.reading.claims import COMPARED, Claim
from mockloop.reading.code import written_approach
from mockloop.reading.messages import READING_PHASES, Reading, reader_for
from mockloop.reading.vocabulary import keyword_in, phrase_pattern
from mockloop.results import Scaling
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
    "space for time",
    "time for space",
)
ITERATING = re.compile(
    r"\bwalk(?:ing)? through (?:them|each|every|all|the (?:list|array|input|items|elements"
    r"|intervals|string|numbers|grid|nodes|tree|rest))\b"
)
"""'Walk through' that names what a loop visits rather than an example being traced."""
COMPARING_WORDS = ("versus", " vs ", "extra memory", "extra space", "instead", "but ", "cheaper")
WALKTHROUGH_WORDS = (
    "walk through",
    "dry run",
    "trace",
    "step through",
    "by hand",
    "walk it",
    "for example",
    "e.g.",
    "let's try",
    "lets try",
)
FILLER_WORDS = frozenset(
    [
        "ok",
        "okay",
        "sure",
        "hmm",
        "hm",
        "right",
        "yes",
        "yeah",
        "yep",
        "no",
        "thanks",
        "thank",
        "you",
        "cool",
        "great",
        "got",
        "it",
        "alright",
    ]
)
WORKING_LABELS = frozenset(
    {
        "approach_committed",
        "approach_hedged",
        "complexity_claim",
        "edge_cases",
        "narration",
        "code_question",
        "done",
    }
)
"""Labels of a message about the work itself (what counts as talking while coding)."""


@dataclass(frozen=True)
class Moment:
    """A candidate message with its place in the log."""

    seq: int
    t: float
    text: str


@dataclass(frozen=True)
class Retry:
    """A run after a failing run: how much the code changed and whether anything was said."""

    seq: int
    t: float
    changed_lines: int
    spoke: bool


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
    hedged: list[tuple[Moment, Approach]] = field(default_factory=list)
    complexity_claims: list[tuple[Moment, Claim]] = field(default_factory=list)
    tradeoffs: list[Moment] = field(default_factory=list)
    edge_cases: list[tuple[Moment, str]] = field(default_factory=list)
    walkthroughs: list[Moment] = field(default_factory=list)
    working_messages: list[Moment] = field(default_factory=list)
    explained_failures: list[Moment] = field(default_factory=list)
    called_optimal: list[Moment] = field(default_factory=list)
    """Messages asserting the approach can't be beaten (weighed against what it was)."""
    retries: list[Retry] = field(default_factory=list)
    written: Approach | None = None
    """The approach the final code's shape fits, when one does."""
    implemented: list[Approach] = field(default_factory=list)
    run_codes: list[str] = field(default_factory=list)
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
    scaling: Scaling | None = None
    """How the final code's run time grew with input size, when it was measured."""

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
        """The strongest approach the candidate committed to (optionally before a time);
        a "maybe two pointers" is not a proposal and is not here."""
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


def collect(
    events: Sequence[Event],
    problem: Problem,
    final: TestSummary | None,
    lint: LintReport,
    scaling: Scaling | None = None,
) -> Evidence:
    """Fold the log into evidence (the final result, lint report and measured growth are
    computed by the caller)."""
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
        scaling=scaling,
    )
    evidence.code_changed = evidence.code.strip() != starter.strip()
    _fold(evidence, events, problem, starter)
    if evidence.code_changed:
        evidence.written = _approach_of(evidence, evidence.code)
    # The shape of the first code run and of the final code: enough to tell "stated X and
    # implemented X" (a plan is implemented first and may change later) at two parses.
    versions = [*evidence.run_codes[:1], evidence.code]
    for code in dict.fromkeys(versions):
        approach = _approach_of(evidence, code) if code.strip() != starter.strip() else None
        if approach is not None and all(approach is not a for a in evidence.implemented):
            evidence.implemented.append(approach)
    _silences(evidence)
    return evidence


def _approach_of(evidence: Evidence, code: str) -> Approach | None:
    """The approach the code implements; the final code's clear measured growth has the
    last word over its shape."""
    assert evidence.problem is not None
    scaling = evidence.scaling
    final = code == evidence.code and scaling is not None and scaling.clear
    measured = scaling.exponent if final and scaling is not None else None
    stated = evidence.best_approach()
    return written_approach(
        evidence.problem, code, measured, stated[1] if stated is not None else None
    )


def _fold(evidence: Evidence, events: Sequence[Event], problem: Problem, starter: str) -> None:
    """One pass over the log, filling the evidence lists."""
    reader = reader_for(problem)
    phase: Phase = "intro"
    pending_follow_up: Moment | None = None
    pending_check_in: Moment | None = None
    previous_status: dict[str, str] = {}
    previous_digest = ""
    code = starter
    run_code: str | None = None
    last_failed = False
    spoke_since_run = False
    awaiting_fix = False
    explaining: Moment | None = None
    for event in events:
        payload = event.payload
        if isinstance(payload, CodeSnapshot):
            if payload.code.strip() != starter.strip():
                if evidence.first_code is None:
                    evidence.first_code = Moment(event.seq, event.t, "")
                evidence.last_code_t = event.t
            if payload.code != code:
                awaiting_fix = False
                if explaining is not None:
                    # Words count as explaining the failure once the code changes after them.
                    evidence.explained_failures.append(explaining)
                    explaining = None
            code = payload.code
        elif isinstance(payload, InterviewerSaid):
            moment = Moment(event.seq, event.t, payload.text)
            if _is_follow_up(payload, problem):
                # A new follow-up question closes the last one; anything else the
                # interviewer says in between (the clock's remark) leaves it open.
                if pending_follow_up is not None:
                    evidence.follow_ups.append((pending_follow_up, None, False))
                pending_follow_up = moment
            if payload.intent == CHECK_IN:
                pending_check_in = moment
        elif isinstance(payload, CandidateSaid):
            moment = Moment(event.seq, event.t, payload.text)
            reading = reader.read(payload.text, READING_PHASES[phase])
            _message(evidence, moment, reading)
            evidence.messages_by_phase[phase] = evidence.messages_by_phase.get(phase, 0) + 1
            if not substantive(payload.text):
                continue
            if pending_follow_up is not None:
                good = _answers(pending_follow_up.text, payload.text.lower(), problem)
                evidence.follow_ups.append((pending_follow_up, moment, good))
                pending_follow_up = None
            pending_check_in = None
            spoke_since_run = True
            if awaiting_fix and reading.labels & (WORKING_LABELS - {"done"}):
                explaining = moment
                awaiting_fix = False
        elif isinstance(payload, TestsRun):
            if payload.digest == previous_digest:
                evidence.unchanged_reruns += 1
            previous_digest = payload.digest
            if run_code is not None and last_failed:
                evidence.retries.append(
                    Retry(event.seq, event.t, changed_lines(run_code, code), spoke_since_run)
                )
            evidence.runs.append((event.seq, event.t, payload))
            evidence.run_codes.append(code)
            fixed = sum(
                previous_status.get(case.name, "passed") != "passed" and case.status == "passed"
                for case in payload.cases
            )
            if fixed:
                evidence.corrections.append((event.seq, event.t, fixed))
            previous_status = {case.name: case.status for case in payload.cases}
            run_code, last_failed = code, payload.status != "passed"
            spoke_since_run, awaiting_fix = False, last_failed
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


def substantive(text: str) -> bool:
    """More than a filler ("ok", "hmm", "thanks"): something an answer could be."""
    words = re.findall(r"[a-z']+", text.lower())
    return any(word not in FILLER_WORDS for word in words)


def changed_lines(before: str, after: str) -> int:
    """Lines added or removed between two versions of the code."""
    if before == after:
        return 0
    difference = Counter(before.splitlines())
    difference.subtract(after.splitlines())
    return sum(abs(count) for count in difference.values())


def _message(evidence: Evidence, moment: Moment, reading: Reading) -> None:
    """Record what one candidate message shows, from the shared reading of it."""
    evidence.messages.append(moment)
    text = f" {moment.text.lower()} "
    problem_questions = [q for q in reading.questions if q.about == "problem"]
    if problem_questions and evidence.first_code is None:
        evidence.questions_before_code.append(moment)
    if any(q.clarification is not None or q.statement_line for q in problem_questions):
        evidence.relevant_questions.append(moment)
    committed, hedged = _proposals(reading)
    evidence.approaches += [(moment, approach) for approach in committed]
    evidence.hedged += [(moment, approach) for approach in hedged]
    evidence.complexity_claims += [(moment, claim) for claim in reading.claims]
    if _weighs_tradeoffs(text, reading):
        evidence.tradeoffs.append(moment)
    named = {phrase for _, phrase in evidence.edge_cases}
    for phrase in reading.edge_cases:
        if phrase not in named:
            evidence.edge_cases.append((moment, phrase))
            named.add(phrase)
    if _walks_through(text, reading):
        evidence.walkthroughs.append(moment)
    if reading.labels & WORKING_LABELS:
        evidence.working_messages.append(moment)
    if reading.calls_optimal:
        evidence.called_optimal.append(moment)


def _proposals(reading: Reading) -> tuple[list[Approach], list[Approach]]:
    """Approaches proposed in committed sentences, and those only floated ("maybe …")."""
    if not reading.approaches:
        return [], []
    committed: list[Approach] = []
    if reading.committed:
        for sentence in reading.sentences:
            if "approach_committed" in sentence.labels:
                committed += [
                    a
                    for a in reading.approaches
                    if _names(sentence.text, a) and all(a is not c for c in committed)
                ]
        if not committed and reading.approach is not None:
            committed = [reading.approach]
    hedged = [a for a in reading.approaches if all(a is not c for c in committed)]
    return committed, hedged


def _names(sentence: str, approach: Approach) -> bool:
    """The sentence names the approach by one of its keywords."""
    return phrase_pattern(approach.keywords).search(sentence) is not None


def _weighs_tradeoffs(text: str, reading: Reading) -> bool:
    """A trade-off named as such, or a comparison of approaches or costs (not a worked
    example that happens to say "vs")."""
    if any(word in text for word in TRADEOFF_WORDS):
        return True
    comparing = any(word in text for word in COMPARING_WORDS) or COMPARED.search(text) is not None
    return comparing and bool(reading.claims) and len(reading.approaches) >= 1


def _walks_through(text: str, reading: Reading) -> bool:
    """Tracing an example by hand: said so, or stepping through concrete values ('I'll walk
    through them and extend…' describes the loop, not a trace)."""
    text = ITERATING.sub(" ", text)
    if any(word in text for word in WALKTHROUGH_WORDS[:6]):
        return True
    example = any(word in text for word in WALKTHROUGH_WORDS[6:])
    return example and re.search(r"\d", text) is not None and not reading.questions


def _is_follow_up(payload: InterviewerSaid, problem: Problem) -> bool:
    """The interviewer asked one of the problem's follow-up questions."""
    if payload.intent == FOLLOW_UP:
        return True
    return any(item.question in payload.text for item in problem.follow_ups)


def _answers(question: str, answer: str, problem: Problem) -> bool:
    """The answer uses a keyword the problem lists for this follow-up."""
    for item in problem.follow_ups:
        if item.question in question or question in item.question:
            return bool(keyword_in(item.answer_keywords, answer))
    keywords = [keyword for item in problem.follow_ups for keyword in item.answer_keywords]
    return bool(keyword_in(keywords, answer))


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
