"""The sessions table: one row per past session, sortable by column, filtered by the screen."""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any

from textual.widgets import DataTable

from mockloop.clock import mmss
from mockloop.store.outcomes import SessionOutcome

COLUMNS = (
    ("date", "Date"),
    ("verdict", "Verdict"),
    ("score", "Score"),
    ("company", "Company"),
    ("round", "Round"),
    ("level", "Level"),
    ("problem", "Problem"),
    ("time", "Time used"),
    ("note", "Note"),
)
"""Verdict and score right after the date: at 80 columns the table shows four columns before
it scrolls sideways, and how a session went is what a row is read for."""
NEWEST_FIRST = ("date", True)


def cells(outcome: SessionOutcome) -> tuple[str, ...]:
    """The row for one session (local date; markers in Verdict and Note)."""
    notes = [note for note, on in (("simulated", outcome.simulated),) if on]
    return (
        time.strftime("%Y-%m-%d %H:%M", time.localtime(outcome.started_at.timestamp())),
        outcome.shown_verdict,
        "-" if outcome.score is None or outcome.incomplete else f"{outcome.score:.2f}",
        outcome.company,
        outcome.focus,
        outcome.level_title,
        outcome.problem,
        f"{mmss(outcome.used_seconds)}/{outcome.minutes}m",
        ", ".join(notes),
    )


def sort_key(column: str) -> Any:
    """How a column sorts: scores as numbers (blank last), the rest as text."""
    if column == "score":
        return lambda value: (value == "-", float(value) if value != "-" else 0.0)
    return lambda value: value


class SessionsTable(DataTable[str]):
    """Past sessions; Enter opens one, clicking a header sorts by it (again: reversed)."""

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.sorted_by: tuple[str, bool] = NEWEST_FIRST

    def on_mount(self) -> None:
        """Add the columns."""
        for key, label in COLUMNS:
            self.add_column(label, key=key)

    def show(self, outcomes: Sequence[SessionOutcome]) -> None:
        """Replace the rows with these sessions (newest first, as the store reads them),
        keeping the current sort."""
        self.clear()
        for outcome in outcomes:
            self.add_row(*cells(outcome), key=outcome.id)
        column, reverse = self.sorted_by
        if (column, reverse) != NEWEST_FIRST:  # already in that order: no sort to pay for
            self.sort(column, key=sort_key(column), reverse=reverse)

    def sort_by(self, column: str) -> None:
        """Sort by a column; the same column again flips the order."""
        current, reverse = self.sorted_by
        self.sorted_by = (column, not reverse if column == current else column in ("date",))
        self.sort(column, key=sort_key(column), reverse=self.sorted_by[1])

    def on_data_table_header_selected(self, event: DataTable.HeaderSelected) -> None:
        """A click on a header sorts by that column."""
        event.stop()
        self.sort_by(str(event.column_key.value))
