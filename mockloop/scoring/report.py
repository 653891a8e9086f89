"""Renders a scored session as the Markdown report, in the section order of DESIGN.md.

Chat messages keep their inline Markdown (bold, code, lists' words) in the transcript, but
every line is defused first (`chat_markdown`), and text quoted elsewhere is escaped, so nothing
typed in the chat can add a heading, a table row or a fake verdict to the report.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from mockloop.clock import mmss
from mockloop.events import (
    CandidateSaid,
    CodeSnapshot,
    EngineFallback,
    Event,
    HintGiven,
    InterviewerSaid,
    PhaseChanged,
    SessionEnded,
    SessionStarted,
    TestsRun,
)
from mockloop.models import Rubric
from mockloop.scoring.advice import Advice
from mockloop.scoring.completeness import INCOMPLETE, INCOMPLETE_LINE, MINIMUM_SHARE
from mockloop.scoring.models import DimensionScore, Item, Scorecard
from mockloop.strictness import runs_allowed

SPECIAL = re.compile(r"([\\`*_\[\]<>#|~])")
EFFECT_MARK = {"+": "＋", "-": "－", "=": "·"}
BLOCK_START = re.compile(r"^(\s*)([#>|=+*-]|\d+[.)]|`{3,}|~{3,})")
"""A line start that would open a block (heading, quote, table, list, fence, rule)."""
PRODUCT_STAR = re.compile(r"(?<=[\w)])\*(?=[\w(])")
"""A `*` between operands (`m*n`) is multiplication, not emphasis."""
VERDICT_NAMES = "Strong No Hire|Lean No Hire|No Hire|Strong Hire|Lean Hire|Hire|Incomplete"
EMPHASISED_VERDICT = re.compile(rf"(\*\*|__|\*|_)(\s*(?:{VERDICT_NAMES})\b.*?)\1", re.IGNORECASE)


def escape(text: str) -> str:
    """One line of literal text: Markdown control characters escaped, newlines folded."""
    return SPECIAL.sub(r"\\\1", " ".join(text.split()))


def defuse(match: re.Match[str]) -> str:
    """Escape the character that would open a block (`1.` becomes `1\\.`)."""
    indent, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{indent}{marker[:-1]}\\{marker[-1]}"
    return f"{indent}\\{marker}"


def chat_markdown(text: str) -> str:
    """A chat message as Markdown for one list item: inline formatting kept, but no line can
    open a block (heading, quote, table row, list, fence), no raw HTML, no image, and no
    verdict name in bold; continuation lines are indented to stay inside the item."""
    lines: list[str] = []
    for raw in text.strip().splitlines():
        line = raw.rstrip().replace("|", "\\|").replace("<", "\\<").replace("![", "!\\[")
        line = PRODUCT_STAR.sub(r"\\*", line)
        line = EMPHASISED_VERDICT.sub(
            lambda m: m.group(0).replace("*", "\\*").replace("_", "\\_"), line
        )
        line = BLOCK_START.sub(defuse, line)
        lines.append(line)
    body = "\n".join(f"  {line}" if line else "" for line in lines).strip()
    return body.replace("\n\n", "\n  \n") if body else "(empty)"


def engine_label(events: Sequence[Event]) -> str:
    """Which interviewer ran the session: offline, or the model (with fallbacks noted)."""
    first = events[0].payload
    assert isinstance(first, SessionStarted)
    if first.model is None:
        return "offline interviewer"
    fallbacks = [event.payload for event in events if isinstance(event.payload, EngineFallback)]
    down = sum(fallback.unavailable for fallback in fallbacks)
    overruled = len(fallbacks) - down
    notes = [f"offline fallback {down}×"] if down else []
    turns = "1 turn" if overruled == 1 else f"{overruled} turns"
    notes += [f"{turns} overruled for breaking a rule"] if overruled else []
    suffix = "".join(f", {note}" for note in notes)
    return f"LLM interviewer ({escape(first.model)}{suffix})"


@dataclass(frozen=True)
class RoundSections:
    """What a round adds to the report: its results (in place of `## Tests`) and its final
    work (in place of `## Final code`; None when the round has none)."""

    results: str
    final: str | None = None
    first_work: str = "First code"
    """The timeline's label for the first change to the editor's starter."""
    statement: str | None = None
    """What the candidate read, shown once at the top of the transcript."""
    mode: str | None = None
    """What practice or strict mode meant in this round, for the `Mode:` line (None: the
    wording of a round that runs tests, from `tests_mode`)."""


def mode_name(first: SessionStarted) -> str:
    """The session's mode in one word: `strict` or `practice`."""
    return "strict" if first.strict else "practice"


def tests_mode(first: SessionStarted, events: Sequence[Event]) -> str:
    """What the mode meant in a round that runs tests: hidden names shown or not, the cap."""
    if not first.strict:
        return "hidden test names shown, unlimited test runs"
    used = sum(isinstance(event.payload, TestsRun) for event in events)
    return (
        "hidden test names concealed (only counts per category), at most "
        f"{runs_allowed(first.level)} test runs at {first.level} ({used} used)"
    )


def no_tests_mode(first: SessionStarted, round_name: str) -> str:
    """What the mode meant in a round with no tests: nothing to conceal or limit."""
    other = "practice" if first.strict else "strict"
    return f"{round_name} has no tests to conceal or limit, so {other} mode would play the same"


def render(
    events: Sequence[Event],
    scorecard: Scorecard,
    rubric: Rubric,
    *,
    title: str,
    advice: Advice,
    sections: RoundSections,
    date: str,
) -> str:
    """The whole report as Markdown, in DESIGN.md's order; the same inputs give the same bytes.

    `title` names what was practised (the problem); `advice` and `sections` come from the
    round, everything else from the log and the scorecard.
    """
    first = events[0].payload
    assert isinstance(first, SessionStarted)
    ended = next((e for e in events if isinstance(e.payload, SessionEnded)), None)
    duration = ended.t if ended else events[-1].t
    heading = (
        f"# {escape(first.company)} · {first.level} ({escape(first.level_title)}) · "
        f"{escape(title)} · {date} · {mmss(duration)} of {mmss(first.minutes * 60)} · "
        f"{mode_name(first)} mode · {engine_label(events)}"
    )
    mode = f"Mode: {mode_name(first)} — {sections.mode or tests_mode(first, events)}."
    parts = [
        heading,
        _verdict(scorecard, rubric, first, ended is not None, mode),
        _scores(scorecard),
        "## Strengths\n\n"
        + (
            "\n".join(
                f"- **{d.name}**: {_item_text(item)} {_where(item)}" for d, item in advice.strengths
            )
            or "- Nothing stood out this time; the improvements below are where to start."
        ),
        "## Improvements\n\n"
        + ("\n".join(f"- **{d.name}**: {text}" for d, text in advice.improvements) or "- None."),
        _next_steps(advice, first),
        sections.results,
        _timeline(events, sections.first_work),
        *([sections.final] if sections.final is not None else []),
        _transcript(events, sections.statement),
    ]
    return "\n\n".join(parts).rstrip() + "\n"


def _verdict(
    scorecard: Scorecard, rubric: Rubric, first: SessionStarted, ended: bool, mode: str
) -> str:
    """The verdict against the level's bar, who scored it, and the mode it was played in."""
    bar = rubric.levels[first.level].thresholds
    if scorecard.verdict == INCOMPLETE:
        return "\n".join(
            [
                "## Verdict",
                "",
                f"**{INCOMPLETE_LINE}.** The session used under "
                f"{MINIMUM_SHARE:.0%} of its {first.minutes} minutes without a passing run, "
                "so no verdict is given. The scores below show what the evidence did cover "
                f"(weighted {scorecard.score:.2f} / 4.00).",
                "",
                f"Scored by: {scorecard.judge_note or 'the offline evidence rules.'}",
                "",
                mode,
            ]
        )
    lines = [
        "## Verdict",
        "",
        f"**{scorecard.verdict}** for {first.level} ({escape(first.level_title)}): weighted "
        f"score **{scorecard.score:.2f} / 4.00**.",
        "",
        f"Bar at {first.level}: Strong Hire ≥ {bar.strong_hire:.2f} · Hire ≥ {bar.hire:.2f} · "
        f"Lean Hire ≥ {bar.lean_hire:.2f} · Lean No Hire ≥ {bar.lean_no_hire:.2f} · "
        f"No Hire ≥ {bar.no_hire:.2f}.",
        "",
        f"Scored by: {scorecard.judge_note or 'the offline evidence rules.'}",
        "",
        mode,
    ]
    if not ended:
        lines += ["", "Provisional: this session has not ended."]
    return "\n".join(lines)


def _scores(scorecard: Scorecard) -> str:
    rows = [
        "## Scores",
        "",
        "| Dimension | Score | Weight | Why |",
        "| --- | --- | --- | --- |",
    ]
    for d in scorecard.dimensions:
        rows.append(f"| {d.name} | {d.score:.2f} | {d.weight:.2f} | {_cell(d.reason)} |")
    for d in scorecard.dimensions:
        rows += ["", f"### {d.name}: {d.score:.2f}", ""]
        rows += _dimension_bullets(d)
    return "\n".join(rows)


def _dimension_bullets(d: DimensionScore) -> list[str]:
    bullets = [
        f"- {EFFECT_MARK[item.effect]} {_item_text(item)} {_where(item)}" for item in d.items
    ]
    if d.no_evidence:
        bullets.append("- No evidence: nothing in the session showed this dimension.")
    # A scored dimension's caps are its tightest (Tally.limit); one scored at the floor names
    # the cap it would have had.
    bound = 2.0 if d.no_evidence else d.ceiling
    bullets += [f"- Cap: at most {bound:.2f} because {cap}." for cap in d.caps]
    if d.judge_rationale:
        cited = ", ".join(f"#{seq}" for seq in d.judge_citations)
        moved = f" (evidence score {d.evidence_score:.2f})" if d.score != d.evidence_score else ""
        bullets.append(
            f"- Judge{moved}: {escape(d.judge_rationale)}" + (f" [{cited}]" if cited else "")
        )
    return bullets


def _item_text(item: Item) -> str:
    """Item texts quote the candidate, so they are escaped like any candidate text."""
    return escape(item.text)


def _where(item: Item) -> str:
    if item.seq < 0:
        return "(whole session)" if item.t == 0 else f"({mmss(item.t)})"
    return f"({mmss(item.t)}, event #{item.seq})"


def _cell(text: str) -> str:
    return escape(text)


def _next_steps(advice: Advice, first: SessionStarted) -> str:
    lines = ["## Next steps", "", "Habits to practise:", ""]
    lines += [f"- {habit}" for habit in advice.habits] or ["- Keep doing what you did here."]
    lines += ["", "Problems from the bank on the same topics:", ""]
    focus = f" --focus {first.focus}" if first.focus != "coding" else ""
    lines += [
        f"- `{p.slug}`: {escape(p.title)} ({p.difficulty}; {', '.join(p.topics)}): "
        f"`mockloop start --company {first.persona} --level {first.level}{focus} "
        f"--problem {p.slug}`"
        for p in advice.practice
    ] or ["- No other problem in the bank shares these topics yet."]
    lines += ["", "Weekend sprint:", ""]
    lines += [f"- **{when}**: {what}" for when, what in advice.sprint]
    return "\n".join(lines)


def event_time(events: Sequence[Event], seq: int) -> float:
    """The time of the event numbered `seq` (the last event's time when it is absent)."""
    return next((e.t for e in events if e.seq == seq), events[-1].t)


def _timeline(events: Sequence[Event], first_work: str = "First code") -> str:
    rows = ["## Timeline", "", "| Time | Event |", "| --- | --- |", "| 00:00 | Interview started |"]
    first_code_seen = False
    first_run_seen = False
    first = events[0].payload
    starter = first.starter.strip() if isinstance(first, SessionStarted) else ""
    for event in events[1:]:
        payload = event.payload
        text = ""
        if isinstance(payload, PhaseChanged):
            text = f"Phase: {payload.phase.replace('_', ' ')}"
        elif isinstance(payload, CodeSnapshot) and not first_code_seen:
            if payload.code.strip() != starter:
                first_code_seen = True
                text = first_work
        elif isinstance(payload, TestsRun):
            label = "First run" if not first_run_seen else "Run"
            first_run_seen = True
            text = f"{label}: {payload.passed}/{payload.total} passed"
        elif isinstance(payload, HintGiven):
            text = f"Hint (rung {payload.rung})"
        elif isinstance(payload, EngineFallback):
            text = (
                "Model failed; offline interviewer answered"
                if payload.unavailable
                else f"Model overruled: {escape(payload.reason)}"
            )
        elif isinstance(payload, SessionEnded):
            text = f"Interview ended ({payload.reason})"
        if text:
            rows.append(f"| {mmss(event.t)} | {text} |")
    return "\n".join(rows)


def _transcript(events: Sequence[Event], statement: str | None = None) -> str:
    lines = ["## Transcript", ""]
    if statement:
        lines += ["### Problem", "", statement.strip(), "", "### Conversation", ""]
    said = len(lines)
    for event in events:
        payload = event.payload
        if isinstance(payload, CandidateSaid):
            lines.append(f"- **{mmss(event.t)} You** (#{event.seq}): {chat_markdown(payload.text)}")
        elif isinstance(payload, InterviewerSaid):
            cut = " (cut off)" if payload.cut else ""
            text = payload.text
            if statement and len(statement) > 40 and statement.split("\n\n")[0] in text:
                text = text.replace(statement.split("\n\n")[0], "(the problem, shown above)")
            lines.append(
                f"- **{mmss(event.t)} Interviewer** (#{event.seq}){cut}: {chat_markdown(text)}"
            )
    if len(lines) == said:
        lines.append("- Nothing was said.")
    return "\n".join(lines)
