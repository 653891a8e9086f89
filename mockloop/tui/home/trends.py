"""The trends panel: a sparkline per rubric dimension and round, latest score and change.

Textual's `Sparkline` rather than a plotext chart: at 80x24 eight plotext charts cannot be
read (each needs about ten rows for its axes), while a sparkline needs one row and still
shows the direction; at 200x50 the sparklines simply get wider.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.widgets import Label, Sparkline, Static

from mockloop.progress.stats import Trend, dimension_label, signed


class TrendRow(Horizontal):
    """One dimension: name, sparkline, latest score, change over the last five."""

    def __init__(self, trend: Trend) -> None:
        super().__init__(classes="trend-row")
        self.trend = trend

    def compose(self) -> ComposeResult:
        """The four cells."""
        yield Label(dimension_label(self.trend.dimension), classes="trend-name")
        yield Sparkline(self.trend.values, classes="trend-line")
        yield Label(f"{self.trend.latest:.2f}", classes="trend-latest")
        yield Label(signed(self.trend.change), classes="trend-change")


class TrendsPanel(VerticalScroll):
    """Trends for every round with counted sessions, or a line saying there are none yet."""

    def __init__(self, trends: Sequence[Trend], *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.trends = list(trends)

    def compose(self) -> ComposeResult:
        """A heading per round, then its dimensions."""
        if not self.trends:
            yield Static(
                "Trends appear after your first finished, scored interview "
                "(incomplete and simulated sessions are left out).",
                classes="empty",
            )
            return
        focus = None
        for trend in self.trends:
            if trend.focus != focus:
                focus = trend.focus
                count = len(trend.values)
                yield Label(
                    f"{focus.capitalize()} ({count}): latest, change over last 5",
                    classes="trend-heading",
                )
            yield TrendRow(trend)
