"""Screen snapshots of the interview UI (pytest-textual-snapshot).

Every app runs on a simulated clock with a scripted interviewer and an in-process runner, so
the timer, the chat and the results are the same on every run.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from test_tui_support import SOLUTION, make_interview, still_cursors
from textual.pilot import Pilot
from textual.widgets import TextArea

from mockloop.tui.app import InterviewApp
from mockloop.tui.context import Interview

SnapCompare = Callable[..., bool]
Steps = Callable[[Pilot[Any]], Awaitable[None]]


async def settle(pilot: Pilot[Any]) -> None:
    """Let the greeting (and any reply or run) finish, then stop the cursors blinking."""
    for _ in range(3):
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
    assert isinstance(pilot.app, InterviewApp)
    still_cursors(pilot.app)


def then(*keys: str, code: str | None = None) -> Steps:
    """Settle, optionally replace the editor's code, press `keys`, settle again."""

    async def steps(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        if code is not None:
            editor = pilot.app.screen.query_one("#editor", TextArea)
            editor.load_text(code)
        await pilot.press(*keys)
        await settle(pilot)

    return steps


def quiet_app(interview: Interview) -> InterviewApp:
    """The app with its editor's cursor never blinking, so no frame depends on the moment the
    screenshot is taken (a blink toggled before `still_cursors` could leave a stale line)."""
    app = InterviewApp(interview)
    editor = app.interview_screen.editor
    assert editor is not None
    editor.cursor_blink = False
    return app


def test_opening_screen(snap_compare: SnapCompare) -> None:
    """Header "Ada · Acme  A3 (senior)  Phase: Introduction" and "45:00"; the Two Sum statement
    expanded above the editor holding the starter code (line numbers, editor focused); the
    chat shows Ada's greeting; the footer lists F5, F6, F10, ^q and ^p."""
    assert snap_compare(quiet_app(make_interview()), terminal_size=(120, 36), run_before=then())


def test_opening_screen_at_80x24(snap_compare: SnapCompare) -> None:
    """The same opening at 80x24: header, problem title and editor on the left, chat on the
    right, footer keys still visible; nothing overlaps."""
    assert snap_compare(quiet_app(make_interview()), terminal_size=(80, 24), run_before=then())


def test_after_a_failing_run(snap_compare: SnapCompare) -> None:
    """The starter code was run (F5): the "Tests · 0/2" panel under the editor says "Tests
    failed", lists example-1 with "expected [1, 3]  got None" and the hidden edge case as
    failed; Ada comments "I see 0 of 2 passing."."""
    app = quiet_app(make_interview())
    assert snap_compare(app, terminal_size=(120, 36), run_before=then("f5"))


def test_after_a_passing_run(snap_compare: SnapCompare) -> None:
    """A hash-map solution was run: the panel is titled "Tests · 2/2" and says "All tests
    passed" with each case ticked; Ada says "I see 2 of 2 passing."."""
    app = quiet_app(make_interview())
    assert snap_compare(app, terminal_size=(120, 36), run_before=then("f5", code=SOLUTION))


def test_end_confirmation(snap_compare: SnapCompare) -> None:
    """F10 opened a centred dialog "End the interview now?" with "Keep going" and "End
    interview" buttons over the dimmed interview screen."""
    app = quiet_app(make_interview())
    assert snap_compare(app, terminal_size=(120, 36), run_before=then("f10"))


def test_report_screen(snap_compare: SnapCompare) -> None:
    """After F10 and Enter: the report Markdown "Acme · Two Sum" with the Verdict "Hire
    (3.2 / 4)", the line "Report saved to /reports/acme-two-sum.md" and a footer with "q Quit"."""
    app = quiet_app(make_interview())
    assert snap_compare(app, terminal_size=(120, 36), run_before=then("f10", "enter"))


LONG_SIGNATURE = (
    "def nearest_charger(grid: list[str], closures: list[list[int]], cars: list[list[int]])"
    " -> list[int]:\n    pass\n"
)


def test_a_long_signature_wraps_at_80x24(snap_compare: SnapCompare) -> None:
    """At 80 columns the editor is about 44 wide: the signature wraps and stays readable."""
    app = quiet_app(make_interview())
    assert snap_compare(app, terminal_size=(80, 24), run_before=then(code=LONG_SIGNATURE))
