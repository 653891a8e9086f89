"""The `mockloop` entry point: interviews open in two processes, everything else is plain CLI.

`mockloop start` and `mockloop resume` need Textual (about half a second to import) and the
checked session (pydantic, the packs, SQLite: about as long again). They do not need each
other until the first frame is drawn, so the launcher runs the ordinary command in a child
process with `MOCKLOOP_HANDOFF=1` set (it checks the arguments, creates or finds the session
and prints its `Cover` as one JSON line) and imports Textual meanwhile. A bad argument is
reported by the child, with its exit code, before the terminal's screen is touched. Then the
launcher draws the cover and loads the session by id behind it. See bench/startup.py.

Every other command (and `--help`) goes straight to the typer CLI in `mockloop.cli`.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from mockloop.collector import collector_paused, keep_loaded_objects
from mockloop.cover import HANDOFF_ENV, Cover, handing_off

if TYPE_CHECKING:
    from mockloop.tui.context import Interview

INTERVIEW_COMMANDS = frozenset({"start", "resume"})


def main() -> None:
    """Console entry point (`mockloop`, `python -m mockloop`)."""
    arguments = sys.argv[1:]
    if not arguments and sys.stdin.isatty() and sys.stdout.isatty():  # bare `mockloop`: Home
        from mockloop.commands.home import run as run_home

        sys.exit(run_home(launch))
    if handing_off() or not opens_interview(arguments):
        from mockloop.cli import main as cli_main

        cli_main()
        return
    sys.exit(launch(arguments))


def opens_interview(arguments: Sequence[str]) -> bool:
    """Whether the command line opens the interview UI (and is not asking for help)."""
    return bool(arguments) and arguments[0] in INTERVIEW_COMMANDS and "--help" not in arguments


def launch(arguments: Sequence[str]) -> int:
    """Prepare the session in a child while Textual loads here; then run the UI.

    No automatic garbage collection while starting (see mockloop/collector.py); once the
    interview is on screen its `IdleCollector` collects.
    """
    with collector_paused():
        return prepare_and_show(arguments)


def prepare_and_show(arguments: Sequence[str]) -> int:
    """Run the child, wait for its cover (importing Textual meanwhile), then show it."""
    child = subprocess.Popen(
        [sys.executable, "-m", "mockloop", *arguments],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        env={**os.environ, HANDOFF_ENV: "1"},
    )
    assert child.stdout is not None
    try:
        import mockloop.tui.app  # noqa: F401  (the import is the point: it overlaps the child)

        line = child.stdout.readline()  # the cover is the child's last output
    except KeyboardInterrupt:
        child.kill()
        child.wait()
        print("mockloop: interrupted.", file=sys.stderr)
        return 130
    if not line:
        code = child.wait()
        if code != 0:
            return code  # the child has said what was wrong
    try:
        cover = Cover.from_json(line.decode("utf-8"))
    except (ValueError, TypeError, UnicodeDecodeError):
        child.wait()
        print(
            "mockloop: the interview was prepared but could not be handed to the UI. "
            "Try `mockloop resume`.",
            file=sys.stderr,
        )
        return 1
    try:
        return show(cover, ready=child.wait)
    finally:
        child.stdout.close()
        child.wait()  # it only had to exit


def show(cover: Cover, ready: Callable[[], object] = lambda: None) -> int:
    """Draw `cover` at once, load its session behind it, run the interview, then report.

    `ready` waits until the child that prepared the session has exited, so its claim on the
    session (one writer per session) is released before the UI takes it. The cover's greeting
    is on screen from the first frame; loading works it out again (same seed, same log, same
    words) so that the screen can log it as soon as the session is open.
    """
    from mockloop.tui.context import Opening
    from mockloop.tui.run import run_interview

    loaded: list[Interview] = []

    def open_interview() -> Interview:
        from mockloop.commands.interview import open_session

        ready()
        interview = open_session(cover.session_id, resumed=cover.resumed)
        loaded.append(interview)
        if cover.greeting is not None:
            interview.conductor.foresee_greeting()  # here, off the UI's event loop
        keep_loaded_objects()  # start-up's objects live as long as the process
        return interview

    try:
        return run_interview(Opening(cover, open_interview))
    finally:
        if loaded:
            from mockloop.commands.interview import finish

            finish(loaded[0].notices, loaded[0].release)
