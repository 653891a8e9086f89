"""`mockloop personas`, `problems` and `validate`: list and check content packs."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from mockloop.catalog import validate_path
from mockloop.errors import MockloopError, unknown
from mockloop.interviews import catalog as default_catalog
from mockloop.models import LEVELS


def list_personas(as_json: bool) -> None:
    """Print every persona with its interviewer and level titles."""
    catalog = default_catalog()
    rows = [
        {
            "id": persona.id,
            "company": persona.company,
            "interviewer": persona.interviewer.name,
            "role": persona.interviewer.role,
            "levels": {
                name: {"title": level.title, "minutes": level.minutes}
                for name, level in persona.levels.items()
            },
        }
        for persona in sorted(catalog.personas.values(), key=lambda p: p.id)
    ]
    if as_json:
        print(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Interviewer personas")
    for column in ("id", "company", "interviewer", *LEVELS):
        table.add_column(column)
    for row in rows:
        levels = row["levels"]
        assert isinstance(levels, dict)
        titles = [f"{levels[name]['title']} · {levels[name]['minutes']}m" for name in LEVELS]
        table.add_row(str(row["id"]), str(row["company"]), f"{row['interviewer']}", *titles)
    Console().print(table)


def list_problems(company: str | None, level: str | None, as_json: bool) -> None:
    """Print the problems offered for an optional company and level."""
    catalog = default_catalog()
    level_name: str | None = None
    if company is not None:
        persona = catalog.persona(company)
        company = persona.id
        if level is not None:
            level_name = catalog.level(persona, level)
    elif level is not None:
        if level.lower() not in LEVELS:
            raise unknown("level", level, LEVELS)
        level_name = level.lower()
    problems = catalog.problems_for(company, level_name)
    rows = [
        {
            "slug": problem.slug,
            "title": problem.title,
            "difficulty": problem.difficulty,
            "topics": list(problem.topics),
            "levels": list(problem.levels),
            "companies": list(problem.companies),
        }
        for problem in problems
    ]
    if as_json:
        print(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"Problems ({len(rows)})")
    for column in ("slug", "title", "difficulty", "topics", "levels"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["slug"]),
            str(row["title"]),
            str(row["difficulty"]),
            ", ".join(row["topics"]),
            ", ".join(row["levels"]),
        )
    Console().print(table)


def list_bank(focus: str, company: str | None, level: str | None, as_json: bool) -> None:
    """Print another round's bank (e.g. behavioral questions) for an optional company and
    level: with a company, only what that company's round draws on."""
    from mockloop.interviews import interview_type

    kind = interview_type(focus)
    catalog = default_catalog()
    level_name = _level(catalog, company, level)
    packs = kind.bank(catalog)
    chosen = list(packs.values())
    if company is not None:
        persona = catalog.persona(company).id
        levels = [level_name] if level_name else LEVELS
        slugs = {slug for name in levels for slug in kind.offered(catalog, persona, name)}
        chosen = [pack for pack in chosen if pack.slug in slugs]
    if level_name is not None:
        chosen = [pack for pack in chosen if level_name in _levels(pack)]
    rows = [
        {
            "slug": pack.slug,
            "title": pack.title,
            "topics": list(getattr(pack, "topics", [])),
            "levels": _levels(pack),
        }
        for pack in sorted(chosen, key=lambda pack: (list(getattr(pack, "topics", [])), pack.slug))
    ]
    if as_json:
        print(json.dumps(rows, indent=2))
        return
    from rich.console import Console
    from rich.table import Table

    table = Table(title=f"{kind.title} bank ({len(rows)})")
    for column in ("slug", "topics", "levels", "title"):
        table.add_column(column)
    for row in rows:
        table.add_row(
            str(row["slug"]), ", ".join(row["topics"]), ", ".join(row["levels"]), str(row["title"])
        )
    Console().print(table)


def _level(catalog: Any, company: str | None, level: str | None) -> str | None:
    """The canonical level: a company's title resolves through its persona."""
    if level is None:
        return None
    if company is not None:
        return str(catalog.level(catalog.persona(company), level))
    if level.lower() not in LEVELS:
        raise unknown("level", level, LEVELS)
    return level.lower()


def _levels(pack: Any) -> list[str]:
    """The levels a pack suits (a question keeps them on its `question`)."""
    levels = getattr(pack, "levels", None) or getattr(getattr(pack, "question", None), "levels", [])
    return list(levels)


def validate(path: Path) -> None:
    """Validate a pack file or folder; errors go to stderr and exit 1."""
    errors = validate_path(path)
    if not errors:  # well-formed: now run each reference against its own cases, sandboxed
        from mockloop.runner.references import audit_references

        errors, warnings = audit_references(path)
        for warning in warnings:
            print(f"warning: {warning}", file=sys.stderr)
    if errors:
        raise MockloopError("\n".join(errors))
    print(f"{path}: ok")
