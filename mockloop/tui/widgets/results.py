"""The test-results panel: hidden until the first run, a spinner while a run is going."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import LoadingIndicator, Static

if TYPE_CHECKING:  # the screen draws before pydantic is imported (see mockloop/cover.py)
    from mockloop.events import TestsRun
    from mockloop.runner.results import CaseResult

MARKS = {"passed": ("✓", "green"), "skipped": ("·", "dim")}


def _case_line(case: CaseResult) -> Text:
    """One case: mark, name, category, time; expected and actual for visible examples."""
    mark, style = MARKS.get(case.status, ("✗", "red"))
    line = Text.assemble((f"{mark} ", style), (case.name, "bold"))
    label = "example" if case.visible else case.category
    line.append(f"  {label}  {case.ms:.1f} ms", style="dim")
    if case.status != "passed":
        line.append(f"  {case.status}", style=style)
    if case.visible and case.status == "failed":
        line.append(f"\n    expected {case.expected!r}  got {case.actual!r}")
    if case.error:
        line.append(f"\n    {case.error.strip().splitlines()[-1]}", style="italic")
    return line


def summary(run: TestsRun) -> Text:
    """The headline of a run: status, counts, duration, message, then one line per case."""
    ok = run.status == "passed"
    text = Text.assemble(
        ("All tests passed" if ok else f"Tests {run.status}", "bold green" if ok else "bold red"),
        f"  {run.passed}/{run.total} cases · {run.duration_ms:.0f} ms",
    )
    if run.message:
        text.append(f"\n{run.message}", style="italic")
    for case in run.cases:
        text.append("\n")
        text.append_text(_case_line(case))
    return text


class ResultsPanel(Vertical):
    """Per-case status and time of the last run; the spinner shows while a run is going."""

    DEFAULT_CSS = """
    ResultsPanel {
        display: none;
        height: auto;
        max-height: 40%;
        border-top: solid $primary;
        border-title-color: $primary;
    }
    ResultsPanel.-shown { display: block; }
    ResultsPanel LoadingIndicator { height: 1; display: none; }
    ResultsPanel.-running LoadingIndicator { display: block; }
    ResultsPanel VerticalScroll { height: auto; max-height: 10; }
    ResultsPanel #outcome { padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__(id="results")
        self.border_title = "Tests"

    def compose(self) -> ComposeResult:
        """Spinner above the scrolling case list."""
        yield LoadingIndicator()
        with VerticalScroll():
            yield Static("", id="outcome")

    def running(self, active: bool) -> None:
        """Show the panel and toggle the spinner."""
        self.add_class("-shown")
        self.set_class(active, "-running")
        if active:
            self.border_title = "Tests · running…"

    def show_run(self, run: TestsRun) -> None:
        """Render one run's outcome."""
        self.add_class("-shown")
        self.border_title = f"Tests · {run.passed}/{run.total}"
        self.query_one("#outcome", Static).update(summary(run))

    def show_error(self, message: str) -> None:
        """The run itself could not happen (not the candidate's code failing)."""
        self.add_class("-shown")
        self.border_title = "Tests · not run"
        self.query_one("#outcome", Static).update(Text(message, style="red"))
