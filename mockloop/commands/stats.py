"""`mockloop stats`: per-dimension averages and trends, verdicts, companies and rounds."""

from __future__ import annotations

import json

from mockloop.errors import UsageError
from mockloop.store import Store


def run(as_json: bool, include_all: bool, as_markdown: bool) -> None:
    """Print the stats as a table, JSON (`--json`) or a Markdown summary (`--md`)."""
    if as_json and as_markdown:
        raise UsageError("Choose one of --json and --md.")
    from mockloop.progress.stats import compute_stats, markdown_summary

    store = Store.open()
    try:
        outcomes = store.outcomes()
    finally:
        store.close()
    if as_json:
        print(json.dumps(compute_stats(outcomes, include_all), indent=2))
    elif as_markdown:
        print(markdown_summary(outcomes, include_all), end="")
    else:
        print_tables(compute_stats(outcomes, include_all), include_all)


def print_tables(stats: dict[str, object], include_all: bool) -> None:
    """A rich summary: dimensions with last 5 vs previous 5, then the counts."""
    from rich.console import Console
    from rich.table import Table

    from mockloop.progress.stats import COUNTS, dimension_label, fixed

    console = Console()
    if not stats["sessions"]:
        hint = "" if include_all else " (incomplete and simulated ones need --all)"
        console.print(f"No scored sessions to summarise{hint}.")
        return
    scope = "all scored" if include_all else "finished, real"
    table = Table(title=f"{stats['sessions']} {scope} sessions")
    for column in ("dimension", "mean", "last 5", "previous 5"):
        table.add_column(column, justify="left" if column == "dimension" else "right")
    dimensions = stats["dimensions"]
    assert isinstance(dimensions, dict)
    for name, values in dimensions.items():
        table.add_row(
            dimension_label(name),
            fixed(values["mean"]),
            fixed(values["last5"]),
            fixed(values["prev5"]),
        )
    console.print(table)
    for title, key in COUNTS:
        counts = stats[key]
        assert isinstance(counts, dict)
        console.print(f"{title}: " + ", ".join(f"{name} {count}" for name, count in counts.items()))
