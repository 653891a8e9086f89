"""`mockloop forget ID | --all`: delete sessions and their reports, after a confirmation.

The database holds the candidate's code and words; this is how they take them back.
Report files are deleted only when their name is the one MockLoop gives a report of that
session, so a damaged log cannot point the deletion at some other file.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from mockloop.errors import MockloopError, UsageError
from mockloop.store import Store


def report_files(path: str, session_id: str) -> list[Path]:
    """The report and its JSON scorecard, if `path` is named as MockLoop names this session's."""
    from mockloop.scoring.writer import slug

    report = Path(path)
    if report.suffix != ".md" or not report.name.endswith(f"-{slug(session_id)}.md"):
        return []
    return [report, report.with_suffix(".json")]


def interactive() -> bool:
    """Whether someone at a terminal can answer the confirmation."""
    return sys.stdin.isatty()


def describe(store: Store, session_id: str) -> str:
    """The session about to be forgotten, in a few words."""
    found = [row for row in store.history() if row.id == session_id]
    if not found:
        return f"session {session_id}"
    row = found[0]
    when = row.started_at.strftime("%Y-%m-%d %H:%M")
    return f"session {row.id[:8]} ({row.company}, {row.problem}, {when})"


def run(session_id: str | None, everything: bool, yes: bool) -> None:
    """Confirm, delete the sessions, their code and reports, then vacuum the database."""
    if (session_id is None) == (not everything):
        raise UsageError("Give one session id, or --all (see `mockloop history` for ids).")
    store = Store.open()
    try:
        if session_id is not None:
            resolved = store.resolve(session_id)
            chosen: list[str] | None = [resolved]
            what = describe(store, resolved)
        elif store.history(limit=1):
            chosen, what = None, "every session"
        else:
            print("There are no sessions to forget.")
            return
        if not yes:
            if not interactive():
                raise MockloopError(
                    f"Not deleting {what} without a confirmation; pass --yes from a script."
                )
            question = f"Delete {what}: events, code and report files? This cannot be undone."
            if not typer.confirm(question, default=False):
                print("Nothing was deleted.")
                raise typer.Exit(1)
        reports = store.forget(chosen)
    finally:
        store.close()
    deleted = 0
    for session, path in reports:
        for file in report_files(path, session):
            try:
                file.unlink()
                deleted += 1
            except FileNotFoundError:
                continue
            except OSError as error:
                print(f"mockloop: could not delete {file} ({error.strerror}).", file=sys.stderr)
    print(f"Forgot {what}; deleted {deleted} report file(s) and vacuumed the database.")
