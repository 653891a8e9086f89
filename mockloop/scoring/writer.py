"""Scores an ended session end to end and saves the report: the impure shell around the pure
evidence -> rules -> report core (runs the final check, ruff and the optional LLM judge)."""

from __future__ import annotations

import asyncio
import datetime
import json
import os
import re
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path

from mockloop import paths
from mockloop.errors import MockloopError
from mockloop.events import Event, ScorecardWritten, SessionStarted, TestsRun
from mockloop.models import Problem, Rubric
from mockloop.results import RunResult, Scaling
from mockloop.scoring.coding_card import score
from mockloop.scoring.completeness import INCOMPLETE, is_incomplete
from mockloop.scoring.evidence import collect, final_code, final_run, summarize_run
from mockloop.scoring.lint import lint
from mockloop.scoring.models import Scorecard, TestSummary
from mockloop.session import Session

RunOnce = Callable[[Problem, str], Awaitable[RunResult]]
"""Runs code once against a problem's cases (the sandbox, injected by the round)."""
Measure = Callable[[Problem, str], Awaitable[Scaling]]
"""Times code on growing inputs (the sandbox's `measure_scaling`, injected by the round)."""


async def measured(
    events: Sequence[Event], problem: Problem, measure: Measure | None
) -> Scaling | None:
    """The final code's measured growth; None when there is no measurer, a note when skipped."""
    if measure is None:
        return None
    started = events[0].payload
    code = final_code(events)
    if isinstance(started, SessionStarted) and code.strip() == started.starter.strip():
        return Scaling(note="no code was written")
    try:
        return await measure(problem, code)
    except (MockloopError, OSError) as error:
        return Scaling(note=f"the sandbox could not run it ({type(error).__name__})")


async def final_check(
    events: Sequence[Event], problem: Problem, run: RunOnce | None
) -> TestSummary | None:
    """The final code's result: the candidate's own run of it, else the scorer runs it now."""
    ran = final_run(events)
    if ran is not None or run is None:
        return ran
    code = final_code(events)
    try:
        result = await run(problem, code)
    except (MockloopError, OSError):
        return None
    return summarize_run(TestsRun.of(result, code), -1, source="scorer")


async def evaluate(
    events: Sequence[Event],
    problem: Problem,
    rubric: Rubric,
    *,
    run: RunOnce | None = None,
    measure: Measure | None = None,
    use_judge: bool = True,
) -> Scorecard:
    """Evidence, rules and (when a model is configured and wanted) the LLM judge.

    A session too short to judge (`completeness.is_incomplete`) keeps its dimension scores
    but gets the verdict "Incomplete" whatever the scores (or the judge) say.

    `run` checks a final version the candidate never ran; without it that version counts
    as unchecked. `measure` times the final code on growing inputs (at most 3 s), so a
    complexity claim can be held against what the code does.
    """
    started = events[0].payload
    if not isinstance(started, SessionStarted):
        raise ValueError("a session log starts with session_started")
    final = await final_check(events, problem, run)
    report = await asyncio.to_thread(lint, final_code(events))
    scaling = await measured(events, problem, measure)
    evidence = collect(events, problem, final, report, scaling)
    scorecard = score(evidence, rubric, started.level)
    if use_judge and started.model:
        from mockloop.llm import ModelConfig
        from mockloop.scoring.judge import judge

        config = ModelConfig(model=started.model, api_base=started.api_base)
        scorecard = await judge(scorecard, events, rubric, started.level, config)
    if is_incomplete(events):
        scorecard = scorecard.model_copy(update={"verdict": INCOMPLETE})
    return scorecard


def slug(text: str) -> str:
    """A file-name-safe lowercase word."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "session"


def report_path(date: str, started: SessionStarted, session_id: str) -> Path:
    """`<reports dir>/<date>-<company>-<problem>-<session id>.md`."""
    name = f"{date}-{slug(started.persona)}-{slug(started.problem)}-{slug(session_id)}.md"
    return paths.reports_dir() / name


def date_of(path: str) -> str | None:
    """The date a saved report was written, read back from its file name."""
    match = re.match(r"(\d{4}-\d{2}-\d{2})-", Path(path).name)
    return match.group(1) if match else None


def scorecard_json(scorecard: Scorecard) -> str:
    """The scorecard as JSON; a lone surrogate from candidate output is written escaped."""
    from pydantic_core import PydanticSerializationError

    try:
        return scorecard.model_dump_json(indent=2) + "\n"
    except PydanticSerializationError:
        return json.dumps(scorecard.model_dump(mode="json"), indent=2) + "\n"


def save(path: Path, markdown: str, scorecard: Scorecard) -> None:
    """Write the report and its JSON scorecard atomically; MockloopError names the file."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for target, text in (
            (path, markdown.encode("utf-8", "replace").decode("utf-8")),  # lone surrogates
            (path.with_suffix(".json"), scorecard_json(scorecard)),
        ):
            temporary = target.with_name(target.name + ".tmp")
            temporary.write_text(text, encoding="utf-8")
            os.replace(temporary, target)
    except OSError as error:
        raise MockloopError(
            f"Could not write the report to {path} ({error.strerror}). Check that the folder "
            "is writable, or set MOCKLOOP_HOME to another folder."
        ) from None


def save_scorecard(
    session: Session, scorecard: Scorecard, markdown: str, *, today: datetime.date | None = None
) -> ScorecardWritten:
    """Write the report and its JSON, then append `scorecard_written` to the session.

    `today` dates the report (the log has no wall-clock time); simulations pass a fixed date
    so the same script gives the same bytes.
    """
    date = (today or datetime.date.today()).isoformat()
    path = report_path(date, session.started, session.id)
    save(path, markdown, scorecard)
    payload = ScorecardWritten(
        path=str(path),
        verdict=scorecard.verdict,
        score=scorecard.score,
        dimensions=scorecard.scores,
        judge=scorecard.judge,
    )
    session.append(payload)
    return payload
