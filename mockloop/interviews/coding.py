"""The coding round: a problem, a code editor, hidden tests on F5, and the coding rubric.

Importing this module registers the round; the engine, runner and scorers it uses are
imported only when a coding interview needs them.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from mockloop.interviews import InterviewType, Panes, Report, RunTests, register
from mockloop.languages import default_language

if TYPE_CHECKING:
    from mockloop.catalog import Catalog
    from mockloop.engine.base import Interviewer
    from mockloop.events import Event
    from mockloop.models import Persona, Problem, Rubric
    from mockloop.results import RunResult

DIMENSIONS = frozenset({"problem_solving", "coding", "verification", "communication"})


def bank(catalog: Catalog) -> Mapping[str, Any]:
    """Every coding problem, by slug."""
    return catalog.problems


def offered(catalog: Catalog, persona: str, level: str) -> list[str]:
    """Problems for the company and level; any company's when it has none of its own."""
    return catalog.slugs_for(persona, level) or catalog.slugs_for(None, level)


def statement(problem: Problem) -> str:
    """The statement plus its signature and visible examples, as the candidate reads them."""
    lines = [problem.statement.strip(), "", f"`{problem.signature}`", ""]
    for example in problem.examples:
        arguments = ", ".join(repr(argument) for argument in example.args or [])
        lines.append(f"- `{problem.entry_point}({arguments})` → `{example.expected!r}`")
    return "\n".join(lines)


def interviewer(persona: Persona, problem: Problem, rubric: Rubric) -> Interviewer:
    """The offline coding interviewer."""
    from mockloop.engine.offline import OfflineInterviewer

    return OfflineInterviewer(persona, problem, rubric)


async def run_once(problem: Problem, source: str) -> RunResult:
    """Run `source` once in a fresh sandbox child."""
    from mockloop.runner.sandbox import run_code

    return await run_code(problem, source)


def runner() -> tuple[RunTests, Callable[[Any], None]]:
    """A runner that keeps the next child warm, and its warm-up for a problem."""
    from mockloop.runner.sandbox import Runner

    warm = Runner(keep_warm=True)
    return warm.run, warm.prepare


async def evaluate(
    events: Sequence[Event],
    problem: Problem,
    rubric: Rubric,
    catalog: Catalog,
    *,
    date: datetime.date,
    use_judge: bool = True,
    note: str = "",
) -> Report:
    """Score the session (checking a final version that was never run) and render it."""
    from mockloop.runner.scaling import measure_scaling
    from mockloop.scoring import evaluate as score_session
    from mockloop.scoring import render_report

    scorecard = await score_session(
        events, problem, rubric, run=run_once, measure=measure_scaling, use_judge=use_judge
    )
    if note:
        scorecard = scorecard.model_copy(update={"judge_note": note})
    markdown = render_report(
        events,
        scorecard,
        problem,
        rubric,
        date=date.isoformat(),
        bank=list(catalog.problems.values()),
    )
    return Report(scorecard, markdown)


CODING = register(
    InterviewType(
        focus="coding",
        title="Coding",
        panes=Panes(
            editor="code",
            editor_language=default_language().editor_language,
            runs_tests=True,
        ),
        dimensions=DIMENSIONS,
        bank=bank,
        offered=offered,
        starter=lambda problem: problem.starter,
        statement=statement,
        heading=lambda problem: f"{problem.title} · {problem.difficulty}",
        interviewer=interviewer,
        evaluate=evaluate,
        runner=runner,
        one_off_run=run_once,
    )
)
