"""The test-results panel: hidden until the first run, a spinner while a run is going."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.timer import Timer
from textual.widgets import Static

if TYPE_CHECKING:  # the screen draws before pydantic is imported (see mockloop/cover.py)
    from mockloop.events import TestsRun
    from mockloop.results import CaseResult

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
    from mockloop.strictness import category_counts, is_concealed

    for case in run.cases:
        if not is_concealed(case):
            text.append("\n")
            text.append_text(_case_line(case))
    counts = category_counts(run.cases)
    if counts:  # strict mode: hidden cases only as counts per category
        text.append(f"\nhidden cases passed: {counts}", style="dim")
    return text


SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏"


class ResultsPanel(Vertical):
    """Per-case status and time of the last run; a spinner in its title while a run goes.

    Once shown, the panel keeps one height and the spinner lives in its border title, so a
    run changes no widget's size: resizing the editor above re-highlights all of it, and a
    widget appearing and disappearing re-lays out the screen.
    """

    DEFAULT_CSS = """
    ResultsPanel {
        display: none;
        height: 12;
        max-height: 40%;
        border-top: solid $primary;
        border-title-color: $primary;
    }
    ResultsPanel.-shown { display: block; }
    ResultsPanel VerticalScroll { height: 1fr; }
    ResultsPanel #outcome { padding: 0 1; }
    """

    def __init__(self) -> None:
        super().__init__(id="results")
        self.border_title = "Tests"
        self._title = "Tests"
        self._frame = 0
        self._spinner: Timer | None = None

    def compose(self) -> ComposeResult:
        """The scrolling case list."""
        with VerticalScroll():
            yield Static("", id="outcome")

    def running(self, active: bool) -> None:
        """Show the panel and start or stop the spinner."""
        self.add_class("-shown")
        self.set_class(active, "-running")
        if self._spinner is not None:
            self._spinner.stop()
            self._spinner = None
        if active:
            self._spinner = self.set_interval(0.1, self._spin)
            self._spin()
        else:
            self.border_title = self._title

    def _spin(self) -> None:
        self._frame = (self._frame + 1) % len(SPINNER)
        self.border_title = f"Tests · running {SPINNER[self._frame]}"

    def show_run(self, run: TestsRun) -> None:
        """Render one run's outcome."""
        self.add_class("-shown")
        self._title = f"Tests · {run.passed}/{run.total}"
        if self._spinner is None:
            self.border_title = self._title
        self.query_one("#outcome", Static).update(summary(run))

    def show_error(self, message: str) -> None:
        """The run itself could not happen (not the candidate's code failing)."""
        self.add_class("-shown")
        self._title = "Tests · not run"
        if self._spinner is None:
            self.border_title = self._title
        self.query_one("#outcome", Static).update(Text(message, style="red"))
