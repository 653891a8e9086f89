"""The coding round's report: the shared report core plus its `## Tests` and `## Final code`."""

from __future__ import annotations

from collections.abc import Sequence

from mockloop.clock import mmss
from mockloop.events import Event, TestsRun
from mockloop.languages import default_language
from mockloop.models import Problem, Rubric
from mockloop.results import Scaling
from mockloop.scoring.advice import advise
from mockloop.scoring.evidence import final_code
from mockloop.scoring.models import Scorecard
from mockloop.scoring.report import RoundSections, escape, event_time, render


def render_report(
    events: Sequence[Event],
    scorecard: Scorecard,
    problem: Problem,
    rubric: Rubric,
    *,
    date: str,
    bank: Sequence[Problem] = (),
) -> str:
    """The coding report as Markdown; the same inputs always give the same bytes."""
    first = events[0].payload
    level = getattr(first, "level", scorecard.level)
    sections = RoundSections(
        results=tests_section(scorecard, events),
        final=final_code_section(final_code(events)),
        statement=problem_statement(problem),
    )
    return render(
        events,
        scorecard,
        rubric,
        title=problem.title,
        advice=advise(scorecard, problem, bank, level),
        sections=sections,
        date=date,
    )


def tests_section(scorecard: Scorecard, events: Sequence[Event]) -> str:
    lines = ["## Tests", ""]
    final = scorecard.tests
    if final is None:
        lines.append("The final code could not be checked.")
    else:
        source = (
            f"your run at {mmss(event_time(events, final.seq))}"
            if final.source == "run"
            else "checked by the scorer after the interview; you never ran this version"
        )
        lines.append(
            f"Final code: **{final.passed}/{final.total}** cases pass ({source}): visible "
            f"{final.visible_passed}/{final.visible_total}, hidden "
            f"{final.hidden_passed}/{final.hidden_total}, large inputs "
            f"{final.performance_passed}/{final.performance_total}. Status: {final.status}."
        )
        for category, names in sorted(final.failing.items()):
            lines.append(f"- Failing {category} cases: {', '.join(names)}")
    if scorecard.scaling is not None:
        lines += ["", growth_line(scorecard.scaling)]
    runs = [(e.t, e.payload) for e in events if isinstance(e.payload, TestsRun)]
    lines += ["", f"Runs during the interview: {len(runs)}."]
    if runs:
        lines += ["", "| Time | Passed | Status |", "| --- | --- | --- |"]
        lines += [f"| {mmss(t)} | {run.passed}/{run.total} | {run.status} |" for t, run in runs]
    if not scorecard.lint_ran:
        pass  # said once, under Coding, with "nothing deducted"
    elif scorecard.lint:
        lines += ["", "Lint findings on the final code:", ""]
        lines += [f"- line {f.line} {f.code}: {escape(f.message)}" for f in scorecard.lint]
    else:
        lines += ["", "Lint: no findings on the final code."]
    return "\n".join(lines)


def growth_line(scaling: Scaling) -> str:
    """How the final code's time grew with the input, or why that was not measured."""
    if scaling.exponent is None:
        return f"Growth with input size: not measured ({scaling.note})."
    return (
        f"Growth with input size: measured ≈ {scaling.shown} in CPU time, on prefixes of "
        "a large input from a small fraction of it up to all of it."
    )


def problem_statement(problem: Problem) -> str:
    """The statement with its signature and visible examples, as the candidate read it."""
    lines = [problem.statement.strip(), "", f"`{problem.signature}`", ""]
    for example in problem.examples:
        arguments = ", ".join(repr(argument) for argument in example.args or [])
        lines.append(f"- `{problem.entry_point}({arguments})` → `{example.expected!r}`")
    return "\n".join(lines).rstrip()


def final_code_section(code: str) -> str:
    fence = "```"
    while fence in code:
        fence += "`"
    return f"## Final code\n\n{fence}{default_language().fence}\n{code.rstrip()}\n{fence}"
