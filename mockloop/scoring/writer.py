"""Scores an ended session end to end and saves the report: the impure shell around the pure
evidence -> rules -> report core (runs the final check, ruff and the optional LLM judge)."""

from __future__ import annotations

import asyncio
import datetime
import json
import os
import re
from collections.abc import Sequence
from pathlib import Path

from mockloop import paths
from mockloop.errors import MockloopError
from mockloop.events import Event, ScorecardWritten, SessionStarted
from mockloop.models import Persona, Problem, Rubric
from mockloop.scoring.evidence import collect, final_code, final_run, summarize_run
from mockloop.scoring.lint import lint
from mockloop.scoring.models import Scorecard, TestSummary
from mockloop.scoring.report import render_report
from mockloop.scoring.rules import score
from mockloop.session import Session


async def final_check(events: Sequence[Event], problem: Problem) -> TestSummary | None:
    """The final code's result: the candidate's own run of it, else the scorer runs it now."""
    ran = final_run(events)
    if ran is not None:
        return ran
    from mockloop.runner.sandbox import run_code, tests_run_payload

    code = final_code(events)
    try:
        result = await run_code(problem, code)
    except (MockloopError, OSError):
        return None
    return summarize_run(tests_run_payload(result, code), -1, source="scorer")


async def evaluate(
    events: Sequence[Event], problem: Problem, rubric: Rubric, *, use_judge: bool = True
) -> Scorecard:
    """Evidence, rules and (when a model is configured and wanted) the LLM judge."""
    started = events[0].payload
    if not isinstance(started, SessionStarted):
        raise ValueError("a session log starts with session_started")
    final = await final_check(events, problem)
    report = await asyncio.to_thread(lint, final_code(events))
    evidence = collect(events, problem, final, report)
    scorecard = score(evidence, rubric, started.level)
    if use_judge and started.model:
        from mockloop.llm import ModelConfig
        from mockloop.scoring.judge import judge

        config = ModelConfig(model=started.model, api_base=started.api_base)
        scorecard = await judge(scorecard, events, rubric, started.level, config)
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


async def write_scorecard(
    session: Session,
    persona: Persona,
    problem: Problem,
    rubric: Rubric,
    *,
    today: datetime.date | None = None,
    bank: Sequence[Problem] | None = None,
) -> tuple[ScorecardWritten, str]:
    """Score the ended session, write the report and append `scorecard_written`.

    `today` dates the report (the log has no wall-clock time); simulations pass a fixed date
    so the same script gives the same bytes. `bank` is the problem bank for next steps
    (the default catalog when omitted).
    """
    payload, markdown, _ = await score_and_save(session, problem, rubric, today=today, bank=bank)
    return payload, markdown


async def score_and_save(
    session: Session,
    problem: Problem,
    rubric: Rubric,
    *,
    today: datetime.date | None = None,
    bank: Sequence[Problem] | None = None,
) -> tuple[ScorecardWritten, str, Scorecard]:
    """`write_scorecard`, also returning the full scorecard (for `mockloop simulate`)."""
    events = session.events
    scorecard = await evaluate(events, problem, rubric)
    if bank is None:
        from mockloop.catalog import default_catalog

        bank = list(default_catalog().problems.values())
    date = (today or datetime.date.today()).isoformat()
    markdown = render_report(events, scorecard, problem, rubric, date=date, bank=bank)
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
    return payload, markdown, scorecard
