"""Regenerate docs/screenshot.svg: the interview screen as the app itself draws it.

Headless (Textual's test driver, no terminal needed), in a throwaway MOCKLOOP_HOME, with the
real catalog, the offline interviewer and the real sandbox: a Google senior interview on
Two Sum, one clarifying question, a first attempt run with F5. The clock is simulated so the
header always shows the same time. Run from the repository root:

    .venv/bin/python scripts/screenshot.py [OUTPUT.svg]
"""

from __future__ import annotations

import asyncio
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT = ROOT / "docs" / "screenshot.svg"
SIZE = (120, 34)
QUESTION = "Can the list hold negative numbers, and is there always exactly one pair?"
ATTEMPT = """def two_sum(nums: list[int], target: int) -> list[int]:
    seen = {}
    for index, value in enumerate(nums):
        if target - value in seen:
            return [seen[target - value], index]
    return []
"""


async def capture(output: Path) -> None:
    """Open an interview, ask, write and run an attempt, then save the screen as SVG."""
    from textual.widgets import Input, TextArea

    from mockloop.clock import SimulatedClock
    from mockloop.commands.interview import prepare
    from mockloop.interviews import catalog
    from mockloop.planning import plan_interview
    from mockloop.session import Session
    from mockloop.store import Store
    from mockloop.tui.app import InterviewApp

    store = Store.open()
    clock = SimulatedClock()
    plan = plan_interview(catalog(), "google", "senior", problem_slug="two-sum", seed=7)
    session = Session.start(plan.started, store, clock)
    app = InterviewApp(prepare(session, store, resumed=False))
    try:
        async with app.run_test(size=SIZE) as pilot:

            async def settle() -> None:
                for _ in range(4):
                    await app.workers.wait_for_complete()
                    await pilot.pause()

            await settle()
            clock.advance_to(6 * 60 + 25)
            app.screen.query_one("#message", Input).value = QUESTION
            await pilot.press("f6", "enter")
            await settle()
            editor = app.screen.query_one("#editor", TextArea)
            editor.load_text(ATTEMPT)
            editor.focus()
            clock.advance_to(14 * 60 + 40)
            await pilot.press("f5")
            await settle()
            for widget in app.screen.query(TextArea):
                widget.cursor_blink = False
            for field in app.screen.query(Input):
                field.cursor_blink = False
            await pilot.pause()
            output.parent.mkdir(parents=True, exist_ok=True)
            output.write_text(app.export_screenshot(title="MockLoop"), encoding="utf-8")
    finally:
        store.close()


def main(arguments: list[str]) -> int:
    """Write the screenshot to the path given (default docs/screenshot.svg)."""
    output = Path(arguments[0]).resolve() if arguments else OUTPUT
    with tempfile.TemporaryDirectory(prefix="mockloop-screenshot-") as home:
        os.environ["MOCKLOOP_HOME"] = home
        asyncio.run(capture(output))
    print(f"wrote {output}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
