"""`mockloop` alone, in a terminal: Home, then (if its form asked) the interview.

Submitting Home's start form exits Home and calls the `launch` it was given (the launcher's
own, so the interview starts the way `mockloop start` does from the shell) with the `start`
arguments.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from mockloop.errors import MockloopError
from mockloop.store import Store

if TYPE_CHECKING:
    from mockloop.events import Event
    from mockloop.progress.prep import PrepPlan
    from mockloop.store.outcomes import SessionOutcome
    from mockloop.tui.home.sources import Choices, HomeSources, Scorecard, StartRequest


def run(launch: Callable[[Sequence[str]], int]) -> int:
    """Open Home; when its form was submitted, start that interview with `launch`. Returns
    the exit code."""
    from mockloop.tui.home.app import HomeApp

    app = HomeApp(default_sources())
    request = app.run()
    if request is None:
        return app.return_code or 0
    return launch(request.arguments())


def default_sources() -> HomeSources:
    """Home's data from the real store and catalog."""
    from mockloop.tui.home.sources import HomeSources

    store = Store.open()
    try:
        outcomes = store.outcomes()
    finally:
        store.close()
    return HomeSources(
        outcomes=outcomes,
        choices=choices,
        prep=prep,
        check=check,
        events=events,
        scorecard=scorecard,
        export=export,
    )


def choices() -> Choices:
    """Companies with their level titles, and the rounds there are rubrics for."""
    from mockloop.interviews import catalog as default_catalog
    from mockloop.models import LEVELS
    from mockloop.tui.home.sources import Choices, Company

    catalog = default_catalog()
    companies = [
        Company(
            persona.id,
            persona.company,
            [(level, persona.levels[level].title) for level in LEVELS],
        )
        for persona in sorted(catalog.personas.values(), key=lambda persona: persona.company)
    ]
    rounds = sorted({rubric.focus for rubric in catalog.rubrics.values()})
    return Choices(companies, rounds)


def prep(outcomes: list[SessionOutcome]) -> PrepPlan:
    """The prep plan from the history and the problem bank."""
    from mockloop.interviews import catalog as default_catalog
    from mockloop.progress.prep import prep_plan

    bank = default_catalog().problems.values()
    return prep_plan(outcomes, bank, datetime.date.today())


def check(request: StartRequest) -> str | None:
    """The message `mockloop start` would give for these choices, or None when they are fine."""
    from mockloop.interviews import catalog as default_catalog
    from mockloop.planning import plan_interview

    if request.minutes is not None and not 5 <= request.minutes <= 180:
        return "Minutes must be between 5 and 180."
    try:
        plan_interview(
            default_catalog(),
            request.company,
            request.level,
            focus=request.focus,
            problem_slug=request.problem,
            minutes=request.minutes,
            seed=1,
        )
    except MockloopError as error:
        return error.message
    return None


def events(session_id: str) -> list[Event]:
    """One session's log."""
    store = Store.open()
    try:
        return store.load(session_id)
    finally:
        store.close()


def scorecard(session_id: str, log: list[Event]) -> Scorecard:
    """The saved (or re-derived) report and its evidence; a note for unfinished sessions."""
    from mockloop.commands.scorecard import load_or_render
    from mockloop.tui.home.sources import Scorecard, evidence_of

    if not any(event.kind == "session_ended" for event in log):
        return Scorecard(
            f"# Session {session_id}\n\nThis session is not finished, so it has no scorecard "
            f"yet. Continue it with `mockloop resume {session_id}`, or replay what happened."
        )
    markdown, card = load_or_render(log, session_id)
    return Scorecard(markdown, evidence_of(card))


def export(session_id: str, markdown: str) -> str:
    """Write the report to `mockloop-<id>.md` in the current folder; returns the path."""
    target = Path.cwd() / f"mockloop-{session_id}.md"
    try:
        target.write_text(markdown, encoding="utf-8")
    except OSError as error:
        raise MockloopError(f"Cannot write {target}: {error.strerror}.") from None
    return str(target)
