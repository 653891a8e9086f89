"""Turns the user's choices (company, level, problem, model ...) into a `session_started`.

Shared by `mockloop start` and `mockloop simulate`, so both validate arguments the same way
before anything opens.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from dataclasses import dataclass

from mockloop.catalog import Catalog
from mockloop.config import load_settings, resolve_model
from mockloop.errors import UsageError
from mockloop.events import SessionStarted
from mockloop.models import Persona, Problem, Rubric


@dataclass(frozen=True)
class Plan:
    """Everything an interview needs, resolved and checked."""

    started: SessionStarted
    persona: Persona
    problem: Problem
    rubric: Rubric


def plan_interview(
    catalog: Catalog,
    company: str,
    level: str,
    *,
    focus: str = "coding",
    problem_slug: str | None = None,
    model: str | None = None,
    api_base: str | None = None,
    seed: int | None = None,
    minutes: int | None = None,
    done_slugs: Collection[str] = (),
) -> Plan:
    """Resolve and validate every choice; raises UsageError with the closest match."""
    persona = catalog.persona(company)
    level_name = catalog.level(persona, level)
    rubric = catalog.rubric(focus)
    chosen_seed = seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    if problem_slug is not None:
        problem = catalog.problem(problem_slug)
    else:
        problem = choose_problem(catalog, persona.id, level_name, done_slugs, chosen_seed)
    model_name, base = resolve_model(model, api_base)
    length = minutes or load_settings().minutes or persona.levels[level_name].minutes
    started = SessionStarted(
        company=persona.company,
        persona=persona.id,
        level=level_name,
        level_title=persona.levels[level_name].title,
        focus=focus,
        problem=problem.slug,
        rubric=rubric.id,
        minutes=length,
        seed=chosen_seed,
        model=model_name,
        api_base=base,
        starter=problem.starter,
    )
    return Plan(started=started, persona=persona, problem=problem, rubric=rubric)


def choose_problem(
    catalog: Catalog, company: str, level: str, done_slugs: Collection[str], seed: int
) -> Problem:
    """A problem for the company and level, preferring ones this user has not done.

    Chooses among slugs (`Catalog.slugs_for` reads only each problem's card) and loads
    just the chosen problem.
    """
    offered = catalog.slugs_for(company, level) or catalog.slugs_for(None, level)
    if not offered:
        raise UsageError(f"No problem in the bank suits level '{level}'. Pass --problem SLUG.")
    fresh = [slug for slug in offered if slug not in done_slugs]
    pool = fresh or offered
    return catalog.problem(random.Random(seed).choice(pool))
