"""The `mockloop` entry point: interviews open in two processes, everything else is plain CLI.

`mockloop start` and `mockloop resume` need Textual (about half a second to import) and the
checked session (pydantic, the packs, SQLite: about as long again). They do not need each
other until the first frame is drawn, so the launcher runs the ordinary command in a child
process with `MOCKLOOP_HANDOFF=1` set (it checks the arguments, creates or finds the session
and prints its `Cover` as one JSON line) and imports Textual meanwhile. A bad argument is
reported by the child, with its exit code, before the terminal's screen is touched. Then the
launcher draws the cover (with a new session's greeting) and loads the session by id behind
it. See bench/startup.py.

Every other command (and `--help`) goes straight to the typer CLI in `mockloop.cli`.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, NoReturn

from mockloop.collector import collector_paused, keep_loaded_objects
from mockloop.cover import HANDOFF_ENV, MODEL_UNREACHABLE, Cover, handing_off

if TYPE_CHECKING:
    from mockloop.tui.context import Interview

INTERVIEW_COMMANDS = frozenset({"start", "resume"})


def main() -> None:
    """Console entry point (`mockloop`, `python -m mockloop`)."""
    arguments = sys.argv[1:]
    if not arguments and sys.stdin.isatty() and sys.stdout.isatty():  # bare `mockloop`: Home
        from mockloop.commands.home import run as run_home

        sys.exit(run_home(launch))
    if handing_off():
        hand_off()
    if not opens_interview(arguments):
        from mockloop.cli import main as cli_main

        cli_main()
        return
    sys.exit(launch(arguments))


def hand_off() -> NoReturn:
    """The launcher's child: run the command (which prints the cover), then leave at once.

    Once the cover is out and the store is closed, nothing is left to do. An ordinary exit
    tears the interpreter down (a full garbage collection over everything loaded, then every
    module), which took about half a second of a core on the loaded 2-core machine: while the
    launcher draws its first frame on the other, and before it may open the session (it waits
    for this process to exit). A failure exits with its code, its message already printed;
    an unexpected error still ends with its traceback.
    """
    from mockloop.cli import main as cli_main

    try:
        cli_main()
        code = 0
    except SystemExit as exited:
        code = exit_code(exited)
    with contextlib.suppress(OSError, ValueError):  # the launcher may be gone
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(code)


def exit_code(exited: SystemExit) -> int:
    """The process exit code `exited` stands for (a message is printed, as Python would)."""
    if exited.code is None or isinstance(exited.code, int):
        return exited.code or 0
    print(exited.code, file=sys.stderr)
    return 1


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
        if code == MODEL_UNREACHABLE:
            return offer_offline(arguments)
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


def offer_offline(arguments: Sequence[str]) -> int:
    """The model's server did not answer (the child said so): in a terminal, ask whether to
    go on with the offline interviewer; otherwise stop (exit 1)."""
    if not (sys.stdin.isatty() and sys.stdout.isatty()):
        return 1
    try:
        answer = input("Go on with the offline interviewer instead? [Y/n] ").strip().lower()
    except (EOFError, KeyboardInterrupt):
        print()
        return 1
    if answer not in ("", "y", "yes"):
        return 1
    return prepare_and_show([*arguments, "--offline"])


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
        # The reading stack the first reply needs (the child that worded the greeting never
        # loaded it): loaded here too, so the first message does not pay ~55 ms for it.
        import mockloop.engine.dialogue  # noqa: F401

        keep_loaded_objects()  # start-up's objects live as long as the process
        return interview

    try:
        return run_interview(Opening(cover, open_interview))
    finally:
        if loaded:
            from mockloop.commands.interview import finish

            finish(loaded[0].notices, loaded[0].release)
