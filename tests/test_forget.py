"""`mockloop forget`: a session's events, code and reports go, after a confirmation."""

from __future__ import annotations

import io
import json
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mockloop import paths
from mockloop.cli import app, main

ROOT = Path(__file__).resolve().parent


def simulate(script: str = "strong.yaml") -> dict[str, object]:
    """Run a scripted session (it writes a report) and return `simulate --json`'s object."""
    outcome = CliRunner().invoke(app, ["simulate", str(ROOT / "scripts" / script), "--json"])
    assert outcome.exit_code == 0, outcome.output
    result: dict[str, object] = json.loads(outcome.output)
    return result


def rows(table: str, session_id: str | None = None) -> int:
    with sqlite3.connect(paths.database_path()) as connection:
        if session_id is None:
            return int(connection.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
        column = "id" if table == "sessions" else "session_id"
        query = f"SELECT count(*) FROM {table} WHERE {column} = ?"
        return int(connection.execute(query, (session_id,)).fetchone()[0])


def database_bytes() -> bytes:
    """The database file and its write-ahead log, as stored on disk."""
    database = paths.database_path()
    wal = database.with_name(database.name + "-wal")
    return database.read_bytes() + (wal.read_bytes() if wal.exists() else b"")


def test_forget_one_session_deletes_its_events_code_and_reports() -> None:
    kept = simulate("silent_coder.yaml")
    gone = simulate("strong.yaml")
    gone_id, report = str(gone["session_id"]), Path(str(gone["report"]))
    assert b"so the same position is never used twice" in database_bytes()
    assert report.exists() and report.with_suffix(".json").exists()
    outcome = CliRunner().invoke(app, ["forget", gone_id[:6], "--yes"])
    assert outcome.exit_code == 0, outcome.output
    assert "deleted 2 report file(s)" in outcome.output and "vacuumed" in outcome.output
    assert rows("events", gone_id) == 0 and rows("sessions", gone_id) == 0
    assert not report.exists() and not report.with_suffix(".json").exists()
    kept_id = str(kept["session_id"])
    assert rows("events", kept_id) > 0
    assert Path(str(kept["report"])).exists()
    assert b"so the same position is never used twice" not in database_bytes()
    replayed = CliRunner().invoke(app, ["report", kept_id])
    assert replayed.exit_code == 0, "the kept session's code (shared rows too) still reads"
    with sqlite3.connect(paths.database_path()) as connection:
        orphans = connection.execute(
            "SELECT count(*) FROM code WHERE digest NOT IN "
            "(SELECT digest FROM events WHERE digest IS NOT NULL) "
            "AND digest NOT IN (SELECT base FROM code WHERE base IS NOT NULL)"
        ).fetchone()[0]
    assert orphans == 0


def test_forget_all_empties_the_database() -> None:
    simulate("strong.yaml")
    simulate("silent_coder.yaml")
    outcome = CliRunner().invoke(app, ["forget", "--all", "--yes"])
    assert outcome.exit_code == 0, outcome.output
    assert rows("sessions") == 0 and rows("events") == 0 and rows("code") == 0
    assert list(paths.reports_dir().glob("*.md")) == []


def run_cli(
    arguments: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str]:
    """Run `mockloop ARGUMENTS` through `main`; returns (exit code, stdout and stderr)."""
    monkeypatch.setattr(sys, "argv", ["mockloop", *arguments])
    with pytest.raises(SystemExit) as exited:
        main()
    captured = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 1), captured.out + captured.err


def test_from_a_script_without_yes_nothing_is_deleted(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    session_id = str(simulate()["session_id"])
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))  # not a terminal
    code, output = run_cli(["forget", session_id], monkeypatch, capsys)
    assert code == 1 and "pass --yes" in output
    assert rows("sessions", session_id) == 1


@pytest.mark.parametrize(("answer", "remaining"), [("n\n", 1), ("y\n", 0)])
def test_at_a_terminal_it_asks_first(
    monkeypatch: pytest.MonkeyPatch, answer: str, remaining: int
) -> None:
    from mockloop.commands import forget

    session_id = str(simulate()["session_id"])
    monkeypatch.setattr(forget, "interactive", lambda: True)
    outcome = CliRunner().invoke(app, ["forget", session_id], input=answer)
    assert "cannot be undone" in outcome.output
    assert outcome.exit_code == (1 if remaining else 0)
    assert rows("sessions", session_id) == remaining


@pytest.mark.parametrize(
    "arguments", [["forget"], ["forget", "abc", "--all"], ["forget", "nosuchid", "--yes"]]
)
def test_bad_usage_is_exit_2_without_a_traceback(
    arguments: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output = run_cli(arguments, monkeypatch, capsys)
    assert code == 2, output
    assert "Traceback" not in output and output.startswith("mockloop: ")


def test_help_lists_forget() -> None:
    assert "forget" in CliRunner().invoke(app, ["--help"]).output
