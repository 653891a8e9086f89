"""`mockloop doctor`: check what MockLoop needs on this machine, each line ok / warn / fail.

Each check says what it found and, when it is not ok, how to fix it. Nothing here prints a
key's value: the model check only says whether the key's environment variable is set.
Exit 1 when any check fails, so a script can stop early.
"""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Literal

import typer

from mockloop import llm, paths
from mockloop.errors import MockloopError

Status = Literal["ok", "warn", "fail"]

MINIMUM_PYTHON = (3, 11)
MINIMUM_SIZE = (80, 24)
OLLAMA_URL = llm.OLLAMA_URL
ANSWER_TIMEOUT = 2.0
"""Seconds a model server has to answer before doctor calls it unreachable."""


@dataclass
class Check:
    """One line of the doctor's report."""

    name: str
    status: Status
    detail: str
    fix: str = ""
    notes: list[str] = field(default_factory=list)


def python_check() -> Check:
    """The interpreter's version against the one MockLoop requires."""
    version = ".".join(str(part) for part in sys.version_info[:3])
    if sys.version_info[:2] >= MINIMUM_PYTHON:
        return Check("python", "ok", f"Python {version} ({sys.executable})")
    needed = ".".join(str(part) for part in MINIMUM_PYTHON)
    return Check("python", "fail", f"Python {version}", f"Install Python {needed} or newer.")


def terminal_check() -> Check:
    """The terminal's size and colours, as the interview screen will see them."""
    from rich.console import Console

    terminal = next((fd for fd in (1, 2, 0) if os.isatty(fd)), None)
    if terminal is None:
        return Check(
            "terminal",
            "warn",
            "not run in a terminal, so its size and colours are unknown",
            "Run `mockloop doctor` in the terminal you will interview in.",
        )
    columns, rows = os.get_terminal_size(terminal)
    colours = Console().color_system or "none"
    detail = f"{columns}x{rows}, colours: {colours}"
    if columns < MINIMUM_SIZE[0] or rows < MINIMUM_SIZE[1]:
        return Check("terminal", "warn", detail, "Make the window at least 80 columns by 24 rows.")
    if colours in ("none", "standard"):
        fix = "Use a terminal with 256 colours or truecolor (e.g. TERM=xterm-256color)."
        return Check("terminal", "warn", detail, fix)
    return Check("terminal", "ok", detail)


def sandbox_check() -> Check:
    """Run a known-good solution in the sandbox and report the isolation it applied."""
    from mockloop.interviews import catalog
    from mockloop.runner.sandbox import run_code_sync

    try:
        problem = catalog().problem("two-sum")
        result = run_code_sync(problem, problem.solution, include_hidden=False)
    except (MockloopError, OSError) as error:
        message = getattr(error, "message", None) or str(error)
        return Check("sandbox", "fail", f"could not run code: {message}", SANDBOX_FIX)
    notes = list(result.isolation)
    if result.status != "passed":
        return Check("sandbox", "fail", f"a known-good run ended '{result.status}'", SANDBOX_FIX)
    missing = [name for name in ("landlock", "seccomp") if not any(name in n for n in notes)]
    warned = [note for note in notes if "WARNING" in note]
    if warned or missing:
        detail = "runs, with weaker isolation: " + (
            ", ".join(f"no {name}" for name in missing) or warned[0]
        )
        fix = (
            "Use Linux 5.13 or newer with Landlock and seccomp enabled, and a system "
            "interpreter the unprivileged user can read; `mockloop check --verbose` shows more."
        )
        return Check("sandbox", "warn", detail, fix, notes)
    return Check("sandbox", "ok", "runs code confined (what is blocked, below)", notes=notes)


SHOWN_NOTES = ("user:", "confirmed", "disk:", "landlock", "seccomp")
"""The isolation notes printed as text (who runs the code, what is blocked); JSON has all."""

SANDBOX_FIX = "Run `mockloop check two-sum FILE --verbose` to see where it stops."


def ruff_check() -> Check:
    """Whether the linter the scorecard uses for code quality is installed."""
    from mockloop.scoring.lint import ruff_binary

    binary = ruff_binary()
    if binary is None:
        fix = "Install ruff in MockLoop's environment (pip install ruff)."
        return Check("ruff", "warn", "not found: scorecards skip the lint evidence", fix)
    return Check("ruff", "ok", str(binary))


def model_check() -> Check:
    """The configured model, and whether its key's variable is set (never its value)."""
    from mockloop.config import resolve_model
    from mockloop.llm import KEYLESS_PROVIDERS, key_variable, provider_of

    model, _ = resolve_model(None, None)
    if model is None:
        fix = "Optional: set MOCKLOOP_MODEL or `model:` in config.yaml to use a language model."
        return Check("model", "ok", "none configured: the offline interviewer is used", fix)
    if provider_of(model) in KEYLESS_PROVIDERS:
        return Check("model", "ok", f"{model} (a local provider: no key needed)")
    variable = key_variable(model)
    if os.environ.get(variable):
        return Check("model", "ok", f"{model}, {variable} is set")
    fix = f"Export {variable} in this shell, or configure another model."
    return Check("model", "fail", f"{model}, but {variable} is not set", fix)


def server_check(ollama_url: str | None = None, timeout: float = ANSWER_TIMEOUT) -> Check:
    """Whether the configured API base (or, without one, a local Ollama) answers."""
    ollama_url = ollama_url or OLLAMA_URL
    from mockloop.config import resolve_model
    from mockloop.llm import provider_of, unanswered

    model, api_base = resolve_model(None, None)
    if api_base:
        failure = unanswered(api_base, timeout)
        if failure is None:
            return Check("api_base", "ok", f"{api_base} answers")
        fix = "Start the server, or correct `api_base` / MOCKLOOP_API_BASE."
        return Check("api_base", "fail", f"{api_base} does not answer: {failure}", fix)
    failure = unanswered(ollama_url, timeout)
    if failure is None:
        return Check("api_base", "ok", f"none configured; a local Ollama answers at {ollama_url}")
    if model is not None and provider_of(model).startswith("ollama"):
        fix = "Start Ollama (`ollama serve`), or set `api_base` to where it runs."
        return Check("api_base", "fail", f"{model} needs Ollama, which does not answer", fix)
    return Check("api_base", "ok", "none configured (and no local Ollama on its default port)")


def database_check(database: Path | None = None) -> Check:
    """The database's path, size and integrity (read-only: doctor changes nothing)."""
    path = database or paths.database_path()
    if not path.exists():
        return Check("database", "ok", f"{path} (not created yet: no sessions)")
    size = path.stat().st_size
    detail = f"{path}, {size / 1024 / 1024:.1f} MiB"
    fix = (
        f"Move {path} aside (MockLoop starts a new one) and keep the copy in case you "
        "want its sessions back."
    )
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=2.0)
        try:
            verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
        finally:
            connection.close()
    except sqlite3.Error as error:
        return Check("database", "fail", f"{detail}: cannot be read ({error})", fix)
    if verdict != "ok":
        return Check("database", "fail", f"{detail}: damaged ({str(verdict)[:200]})", fix)
    return Check("database", "ok", f"{detail}, integrity ok")


def recovery_check(database: Path | None = None) -> Check:
    """Recovery files (events the database could not take) waiting to be imported."""
    from mockloop.store import recovery

    waiting = recovery.pending(database or paths.database_path())
    if not waiting:
        return Check("recovery", "ok", "no recovery files waiting")
    detail = f"{len(waiting)} recovery file(s) waiting, e.g. {waiting[0]}"
    fix = "Run `mockloop history`: opening the database imports them."
    return Check("recovery", "warn", detail, fix)


CHECKS: tuple[Callable[[], Check], ...] = (
    python_check,
    terminal_check,
    sandbox_check,
    ruff_check,
    model_check,
    server_check,
    database_check,
    recovery_check,
)


def run_checks(checks: tuple[Callable[[], Check], ...] = CHECKS) -> list[Check]:
    """Every check; one that breaks unexpectedly is itself a failed line, not a traceback."""
    results = []
    for check in checks:
        name = check.__name__.removesuffix("_check")
        try:
            results.append(check())
        except MockloopError as error:
            results.append(Check(name, "fail", error.message, "Fix the setting named above."))
        except Exception as error:  # a doctor must report, not crash
            results.append(Check(name, "fail", f"the check itself failed: {error!r}"))
    return results


def run(as_json: bool) -> None:
    """Print every check (or JSON); exit 1 when one failed."""
    results = run_checks()
    failed = any(check.status == "fail" for check in results)
    if as_json:
        print(json.dumps({"ok": not failed, "checks": [asdict(c) for c in results]}, indent=2))
    else:
        for check in results:
            print(f"{check.status:<5} {check.name:<9} {check.detail}")
            for note in check.notes:
                if note.startswith(SHOWN_NOTES):
                    print(f"{'':16}{note}")
            if check.fix and check.status != "ok":
                print(f"{'':16}fix: {check.fix}")
    if failed:
        raise typer.Exit(1)
