"""`mockloop history`: past sessions, newest first, as a table or JSON."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from mockloop.errors import unknown
from mockloop.store import Store

if TYPE_CHECKING:
    from mockloop.store import SessionSummary


def resolve_filters(
    company: str | None, level: str | None, known_personas: set[str]
) -> tuple[str | None, str | None]:
    """Turn `--company`/`--level` into a persona id and level name, or a usage error.

    Companies come from the catalog (with a closest-match suggestion); a persona that is no
    longer installed but appears in the history is still accepted.
    """
    persona_id: str | None = None
    level_name: str | None = None
    persona = None
    if company is not None:
        from mockloop.catalog import default_catalog

        catalog = default_catalog()
        key = company.strip().lower()
        if key in catalog.personas:
            persona = catalog.personas[key]
            persona_id = persona.id
        elif key in known_personas:
            persona_id = key
        else:
            raise unknown("company", company, {*catalog.personas, *known_personas})
        if level is not None and persona is not None:
            level_name = catalog.level(persona, level)
    if level is not None and level_name is None:
        from mockloop.models import LEVELS

        if level.strip().lower() not in LEVELS:
            raise unknown("level", level, LEVELS)
        level_name = level.strip().lower()
    return persona_id, level_name


JSON_FIELDS = ("id", "date", "company", "level", "level_title", "problem", "minutes")


def as_row(row: dict[str, Any]) -> dict[str, Any]:
    """The `--json` object for one session row (`started_at` is already ISO-8601 UTC)."""
    return {
        **{name: row["started_at" if name == "date" else name] for name in JSON_FIELDS},
        "verdict": row["verdict"],
        "score": row["score"],
        "status": row["status"],
    }


def run(as_json: bool, company: str | None, level: str | None) -> None:
    """Print the history, optionally only one company and level."""
    store = Store.open()
    try:
        known = store.known_personas() if company is not None else set()
        persona_id, level_name = resolve_filters(company, level, known)
        if as_json:
            rows = store.history_rows(persona_id, level_name)
            lines = ",\n".join(json.dumps(as_row(row)) for row in rows)  # C encoder: no indent
            print(f"[\n{lines}\n]" if rows else "[]")
            return
        summaries = store.history(persona_id, level_name)
    finally:
        store.close()
    print_table(summaries)


def print_table(summaries: list[SessionSummary]) -> None:
    """A rich table, local dates, `-` where there is no verdict or score yet."""
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not summaries:
        console.print("No sessions yet. Start one with `mockloop start --company C --level L`.")
        return
    table = Table(title=f"Sessions ({len(summaries)})")
    for column in ("id", "date", "company", "level", "problem", "min", "verdict", "score"):
        table.add_column(column, justify="right" if column in ("min", "score") else "left")
    for summary in summaries:
        verdict = summary.verdict or ("in progress" if summary.status == "active" else "-")
        table.add_row(
            summary.id,
            summary.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
            summary.company,
            f"{summary.level} ({summary.level_title})",
            summary.problem,
            str(summary.minutes),
            verdict,
            "-" if summary.score is None else f"{summary.score:.2f}",
        )
    console.print(table)
