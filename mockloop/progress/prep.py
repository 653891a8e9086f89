"""The prep plan in Home's sidebar: a weekend sprint, the next problem, the practice streak.

The sprint targets the weakest dimensions across the recent sessions that count, not just
the last one; the next problem is one not done yet on the topic the user scores lowest on.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import TYPE_CHECKING

from mockloop.progress.stats import dimension_label, selected

if TYPE_CHECKING:
    from mockloop.models import Problem
    from mockloop.store.outcomes import SessionOutcome

RECENT = 10
"""How many recent counted sessions the sprint looks at."""
DIFFICULTY = {"easy": 0, "medium": 1, "hard": 2}


@dataclass(frozen=True)
class Weakness:
    """A dimension's mean over recent sessions."""

    dimension: str
    mean: float
    sessions: int


@dataclass(frozen=True)
class Suggestion:
    """The next problem to try and why."""

    slug: str
    title: str
    topic: str
    topic_mean: float | None


@dataclass(frozen=True)
class PrepPlan:
    """What the sidebar shows."""

    weakest: list[Weakness]
    sprint: list[tuple[str, str]]
    suggestion: Suggestion | None
    streak: int


def weakest_dimensions(
    outcomes: Sequence[SessionOutcome], recent: int = RECENT, count: int = 2
) -> list[Weakness]:
    """The `count` lowest dimension means over the last `recent` counted sessions."""
    window = selected(outcomes, include_all=False)[-recent:]
    scores: dict[str, list[float]] = {}
    for outcome in window:
        for name, value in outcome.dimensions.items():
            scores.setdefault(name, []).append(float(value))
    ranked = sorted(
        (Weakness(name, round(fmean(values), 2), len(values)) for name, values in scores.items()),
        key=lambda weakness: (weakness.mean, weakness.dimension),
    )
    return ranked[:count]


def weekend_sprint(weakest: Sequence[Weakness], problem: str | None) -> list[tuple[str, str]]:
    """Two days: each morning drills one weak dimension, each afternoon a timed mock."""
    from mockloop.scoring.advice import DRILLS

    if not weakest:
        return []
    on = f" on `{problem}`" if problem else ""
    plan = []
    for day, weakness in zip(("Saturday", "Sunday"), weakest, strict=False):
        drill = DRILLS.get(
            weakness.dimension,
            "do one round that tests it, then read its evidence lines in the scorecard",
        )
        plan.append(
            (
                f"{day} morning",
                f"{dimension_label(weakness.dimension)} ({weakness.mean:.2f} over "
                f"{weakness.sessions}){on}: {drill}.",
            )
        )
    plan.append(("Sunday afternoon", "A full timed mock from Home, then compare the trends."))
    return plan


def topic_means(
    outcomes: Sequence[SessionOutcome], topics_of: dict[str, list[str]]
) -> dict[str, float]:
    """Topic -> mean session score over counted sessions on problems with that topic."""
    scores: dict[str, list[float]] = {}
    for outcome in selected(outcomes, include_all=False):
        for topic in topics_of.get(outcome.problem, []):
            scores.setdefault(topic, []).append(float(outcome.score or 0.0))
    return {topic: fmean(values) for topic, values in scores.items()}


def next_problem(outcomes: Sequence[SessionOutcome], bank: Iterable[Problem]) -> Suggestion | None:
    """An unseen problem on the weakest topic that still has one (easiest first).

    With no scored topic yet, the easiest unseen problem for the latest company and level.
    """
    problems = list(bank)
    done = {outcome.problem for outcome in outcomes if outcome.ended}
    latest = outcomes[0] if outcomes else None
    unseen = [problem for problem in problems if problem.slug not in done]
    if latest is not None:
        suited = [p for p in unseen if p.suits(latest.persona, latest.level)]
        unseen = suited or unseen
    unseen.sort(key=lambda problem: (DIFFICULTY.get(problem.difficulty, 1), problem.slug))
    means = topic_means(outcomes, {problem.slug: problem.topics for problem in problems})
    for topic, mean in sorted(means.items(), key=lambda item: (item[1], item[0])):
        for problem in unseen:
            if topic in problem.topics:
                return Suggestion(problem.slug, problem.title, topic, round(mean, 2))
    if unseen:
        first = unseen[0]
        return Suggestion(first.slug, first.title, first.topics[0], None)
    return None


def streak(outcomes: Sequence[SessionOutcome], today: datetime.date) -> int:
    """Consecutive local days with a real (not simulated) session, ending today or yesterday."""
    days = {outcome.started_at.astimezone().date() for outcome in outcomes if not outcome.simulated}
    day = today if today in days else today - datetime.timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= datetime.timedelta(days=1)
    return count


def prep_plan(
    outcomes: Sequence[SessionOutcome], bank: Iterable[Problem], today: datetime.date
) -> PrepPlan:
    """Everything the sidebar shows, from the history and the problem bank."""
    weakest = weakest_dimensions(outcomes)
    suggestion = next_problem(outcomes, bank)
    return PrepPlan(
        weakest=weakest,
        sprint=weekend_sprint(weakest, suggestion.slug if suggestion else None),
        suggestion=suggestion,
        streak=streak(outcomes, today),
    )


def prep_markdown(plan: PrepPlan) -> str:
    """The sidebar's Markdown."""
    lines = [f"**Practice streak:** {plan.streak} day{'s' if plan.streak != 1 else ''}", ""]
    if plan.suggestion is not None:
        why = (
            f"your weakest topic ({plan.suggestion.topic_mean:.2f})"
            if plan.suggestion.topic_mean is not None
            else "not done yet"
        )
        lines += [
            f"**Next problem:** {plan.suggestion.title} ({plan.suggestion.topic}, {why})",
            "",
            f"`--problem {plan.suggestion.slug}`",
            "",
        ]
    if plan.sprint:
        lines += ["**Weekend sprint**", ""]
        lines += [f"- *{when}*: {what}" for when, what in plan.sprint]
    else:
        lines.append("Finish a scored interview and a weekend sprint will appear here.")
    return "\n".join(lines)
