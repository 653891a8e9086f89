"""`mockloop history`: past sessions, newest first, as a table or JSON."""

from __future__ import annotations

import json
from json.encoder import encode_basestring_ascii
from typing import TYPE_CHECKING, Any

from mockloop.errors import unknown
from mockloop.store import Store

if TYPE_CHECKING:
    from mockloop.store import SessionSummary
    from mockloop.store.outcomes import Marker


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
        from mockloop.interviews import catalog as default_catalog

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
JSON_COLUMNS = (
    "id",
    "started_at",
    "company",
    "level",
    "level_title",
    "problem",
    "minutes",
    "verdict",
    "score",
    "status",
)
"""The `sessions` columns of one `--json` object, in its key order (`date` is `started_at`)."""
MARKER_COLUMNS = ("focus", "simulated", "incomplete")
"""Selected with them: the round and the markers, in the same scan."""


Markers = dict[str, "Marker"]
"""Session id -> (focus, simulated, incomplete, time used), from `Store.markers()`."""
NO_MARKERS = ("coding", False, False, 0.0)


def as_row(row: dict[str, Any], markers: Markers | None = None) -> dict[str, Any]:
    """The `--json` object for one session row (`started_at` is already ISO-8601 UTC)."""
    focus, simulated, incomplete, _ = (markers or {}).get(row["id"], NO_MARKERS)
    return {
        **{name: row["started_at" if name == "date" else name] for name in JSON_FIELDS},
        "verdict": row["verdict"],
        "score": row["score"],
        "status": row["status"],
        "focus": focus,
        "simulated": simulated,
        "incomplete": incomplete,
    }


def number(value: Any) -> str:
    """`json.dumps` of a number column: `repr` unless that is not JSON (inf, None ...)."""
    if value is None:
        return "null"
    text = repr(value)
    return text if text[-1].isdigit() else json.dumps(value)


def json_lines(rows: list[tuple[Any, ...]]) -> list[str]:
    """`json.dumps(as_row(...))` for each row of `JSON_COLUMNS + MARKER_COLUMNS`, byte for
    byte, faster.

    Text columns go through json's C string encoder; anything that is not text where text
    is expected makes the whole list fall back to `json.dumps` itself.
    """
    text = encode_basestring_ascii
    flag = {True: "true", False: "false"}
    try:
        return [
            f'{{"id": {text(id_)}, "date": {text(date)}, "company": {text(company)}, '
            f'"level": {text(level)}, "level_title": {text(title)}, '
            f'"problem": {text(problem)}, "minutes": {number(minutes)}, '
            f'"verdict": {"null" if verdict is None else text(verdict)}, '
            f'"score": {number(score)}, "status": {text(status)}, "focus": {text(focus)}, '
            f'"simulated": {flag[simulated == 1]}, "incomplete": {flag[incomplete == 1]}}}'
            for (
                id_,
                date,
                company,
                level,
                title,
                problem,
                minutes,
                verdict,
                score,
                status,
                focus,
                simulated,
                incomplete,
            ) in rows
        ]
    except (TypeError, KeyError):
        from mockloop.store.outcomes import Marker

        return [
            json.dumps(
                as_row(
                    dict(zip(JSON_COLUMNS, row[: len(JSON_COLUMNS)], strict=True)),
                    {row[0]: Marker(row[-3], row[-2] == 1, row[-1] == 1, 0.0)},
                )
            )
            for row in rows
        ]


def run(as_json: bool, company: str | None, level: str | None) -> None:
    """Print the history, optionally only one company and level."""
    store = Store.open()
    try:
        known = store.known_personas() if company is not None else set()
        persona_id, level_name = resolve_filters(company, level, known)
        if as_json:
            rows = store.history_tuples(JSON_COLUMNS + MARKER_COLUMNS, persona_id, level_name)
            body = ",\n".join(json_lines(rows))  # one object a line, like json.dumps
            print(f"[\n{body}\n]" if rows else "[]")
            return
        summaries = store.history(persona_id, level_name)
        markers = store.markers() if summaries else {}
    finally:
        store.close()
    print_table(summaries, markers)


def print_table(summaries: list[SessionSummary], markers: Markers | None = None) -> None:
    """A rich table, local dates, `-` where there is no verdict or score yet.

    Incomplete sessions show "Incomplete" as their verdict; simulated ones are marked. The id
    is cut to its first 8 characters (a unique prefix every command accepts) so it stays whole
    at 80 columns; "min" is the interview time used, not the time planned.
    """
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not summaries:
        console.print("No sessions yet. Start one with `mockloop start --company C --level L`.")
        return
    table = Table(title=f"Sessions ({len(summaries)})")
    rows = []
    for summary in summaries:
        focus, simulated, incomplete, used = (markers or {}).get(summary.id, NO_MARKERS)
        verdict = summary.verdict or ("in progress" if summary.status == "active" else "-")
        rows.append(
            {
                "id": summary.id[:8],
                "date": summary.started_at.astimezone().strftime("%Y-%m-%d %H:%M"),
                "company": summary.company,
                "level": f"{summary.level} ({summary.level_title})",
                "round": focus,
                "problem": f"{summary.problem} (simulated)" if simulated else summary.problem,
                "min": str(round(used / 60)),
                "verdict": "Incomplete" if incomplete else verdict,
                "score": "-" if summary.score is None else f"{summary.score:.2f}",
            }
        )
    columns = list(rows[0])
    if all(row["round"] == "coding" for row in rows):
        columns.remove("round")  # said once, in the title, when every session is coding
        table.title = f"Coding sessions ({len(summaries)})"
    for column in columns:
        table.add_column(
            column,
            justify="right" if column in ("min", "score") else "left",
            no_wrap=column in ("id", "problem", "min", "score"),
            min_width=8 if column == "id" else None,
        )
    for row in rows:
        table.add_row(*(row[column] for column in columns))
    console.print(table)
