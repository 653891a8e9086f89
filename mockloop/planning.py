"""Turns the user's choices (company, level, problem, model ...) into a `session_started`.

Shared by `mockloop start` and `mockloop simulate`, so both validate arguments the same way
before anything opens.
"""

from __future__ import annotations

import random
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from mockloop.catalog import Catalog
from mockloop.config import Settings, load_settings, resolve_model
from mockloop.errors import UsageError
from mockloop.events import SessionStarted
from mockloop.interviews import InterviewType, interview_type
from mockloop.models import Persona, Rubric


@dataclass(frozen=True)
class Plan:
    """Everything an interview needs, resolved and checked."""

    started: SessionStarted
    persona: Persona
    pack: Any
    rubric: Rubric
    kind: InterviewType


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
    settings: Settings | None = None,
    strict: bool = False,
    offline: bool = False,
) -> Plan:
    """Resolve and validate every choice; raises UsageError with the closest match.

    `settings` is the user's config when the caller has already read it (read here if not).
    `offline` leaves out any configured model.
    """
    kind = interview_type(focus)
    persona = catalog.persona(company)
    level_name = catalog.level(persona, level)
    rubric = catalog.rubric(kind.focus)
    chosen_seed = seed if seed is not None else random.SystemRandom().randrange(1, 1_000_000)
    if problem_slug is not None:
        pack = kind.pack(catalog, problem_slug)
    else:
        pack = choose_pack(kind, catalog, persona.id, level_name, done_slugs, chosen_seed)
    settings = settings or load_settings()
    model_name, base = (None, None) if offline else resolve_model(model, api_base, settings)
    own = kind.minutes(persona, level_name) if kind.minutes else None
    length = minutes or own or settings.minutes or persona.levels[level_name].minutes
    started = SessionStarted(
        company=persona.company,
        persona=persona.id,
        level=level_name,
        level_title=persona.levels[level_name].title,
        focus=kind.focus,
        problem=pack.slug,
        rubric=rubric.id,
        minutes=length,
        seed=chosen_seed,
        model=model_name,
        api_base=base,
        starter=kind.starter(pack),
        strict=strict or settings.strict,
    )
    return Plan(started=started, persona=persona, pack=pack, rubric=rubric, kind=kind)


def choose_pack(
    kind: InterviewType,
    catalog: Catalog,
    company: str,
    level: str,
    done_slugs: Collection[str],
    seed: int,
) -> Any:
    """A pack of the round for the company and level, preferring ones not done yet.

    Chooses among slugs (the coding round reads only each problem's card) and loads just
    the chosen pack.
    """
    offered = kind.offered(catalog, company, level)
    if not offered:
        raise UsageError(
            f"Nothing in the {kind.title.lower()} bank suits level '{level}'. Pass --problem SLUG."
        )
    fresh = [slug for slug in offered if slug not in done_slugs]
    pool = fresh or offered
    return kind.pack(catalog, random.Random(seed).choice(pool))
