"""`mockloop doctor`: each check says ok / warn / fail with a fix, never a key's value."""

from __future__ import annotations

import json
import socket
import sqlite3
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mockloop import paths
from mockloop.cli import app
from mockloop.commands import doctor
from mockloop.store.store import Store

SECRET = "sk-doctor-secret-value-123456"


class Quiet(BaseHTTPRequestHandler):
    """Answers every GET with 200 and logs nothing."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        return


@pytest.fixture
def server() -> Iterator[str]:
    """A model server on localhost that answers (the test never leaves the machine)."""
    httpd = HTTPServer(("127.0.0.1", 0), Quiet)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> str:
    """A localhost URL nothing listens on."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def test_a_model_without_its_key_fails_and_names_the_variable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MOCKLOOP_MODEL", "openai/gpt-4o-mini")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    check = doctor.model_check()
    assert check.status == "fail"
    assert "OPENAI_API_KEY is not set" in check.detail and "OPENAI_API_KEY" in check.fix


def test_the_key_is_named_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOCKLOOP_MODEL", "anthropic/claude-3-5-haiku")
    monkeypatch.setenv("ANTHROPIC_API_KEY", SECRET)
    monkeypatch.setenv("MOCKLOOP_API_BASE", closed_port())
    outcome = CliRunner().invoke(app, ["doctor", "--json"])
    assert SECRET not in outcome.output
    checks = {check["name"]: check for check in json.loads(outcome.output)["checks"]}
    assert checks["model"]["status"] == "ok"
    assert "ANTHROPIC_API_KEY is set" in checks["model"]["detail"]


def test_no_model_is_fine(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MOCKLOOP_MODEL", raising=False)
    assert doctor.model_check().status == "ok"


def test_an_api_base_that_answers_is_ok_and_a_silent_one_fails(
    monkeypatch: pytest.MonkeyPatch, server: str
) -> None:
    monkeypatch.setenv("MOCKLOOP_API_BASE", server)
    assert doctor.server_check().status == "ok"
    monkeypatch.setenv("MOCKLOOP_API_BASE", closed_port())
    silent = doctor.server_check(timeout=0.5)
    assert silent.status == "fail" and "does not answer" in silent.detail and silent.fix


def test_a_local_ollama_is_found_on_its_port(monkeypatch: pytest.MonkeyPatch, server: str) -> None:
    monkeypatch.delenv("MOCKLOOP_API_BASE", raising=False)
    monkeypatch.setenv("MOCKLOOP_MODEL", "ollama/llama3.2")
    assert "Ollama answers" in doctor.server_check(ollama_url=server).detail
    missing = doctor.server_check(ollama_url=closed_port(), timeout=0.5)
    assert missing.status == "fail" and "ollama serve" in missing.fix


def test_database_size_and_integrity(mockloop_home: Path) -> None:
    assert "not created yet" in doctor.database_check().detail
    Store.open().close()
    healthy = doctor.database_check()
    assert healthy.status == "ok" and "integrity ok" in healthy.detail
    assert str(paths.database_path()) in healthy.detail


def test_a_damaged_database_fails_with_a_fix(tmp_path: Path) -> None:
    database = tmp_path / "broken.db"
    with sqlite3.connect(database) as connection:
        connection.execute("CREATE TABLE t (x)")
        connection.executemany("INSERT INTO t VALUES (?)", [(str(n) * 100,) for n in range(500)])
    data = bytearray(database.read_bytes())
    data[4096 : 4096 * 2] = b"\xff" * 4096
    database.write_bytes(bytes(data))
    check = doctor.database_check(database)
    assert check.status == "fail" and check.fix


def test_recovery_files_waiting_are_a_warning(mockloop_home: Path) -> None:
    assert doctor.recovery_check().status == "ok"
    folder = paths.database_path().parent / "recovery"
    folder.mkdir(parents=True)
    (folder / "s1.jsonl").write_text("", encoding="utf-8")
    check = doctor.recovery_check()
    assert check.status == "warn" and "1 recovery file" in check.detail


def test_the_sandbox_check_reports_the_isolation_in_force() -> None:
    check = doctor.sandbox_check()
    assert check.status in ("ok", "warn")
    assert any(note.startswith("user:") for note in check.notes)


def test_a_failed_check_exits_1_and_json_lists_every_check(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MOCKLOOP_MODEL", "openai/gpt-4o-mini")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("MOCKLOOP_API_BASE", raising=False)
    monkeypatch.setattr(doctor, "OLLAMA_URL", closed_port())
    outcome = CliRunner().invoke(app, ["doctor", "--json"])
    assert outcome.exit_code == 1
    report = json.loads(outcome.output)
    names = [check["name"] for check in report["checks"]]
    assert names == [
        "python",
        "terminal",
        "sandbox",
        "ruff",
        "model",
        "api_base",
        "database",
        "recovery",
    ]
    assert report["ok"] is False
    assert all(check["status"] in ("ok", "warn", "fail") for check in report["checks"])


def test_text_output_gives_a_fix_for_each_failure(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MOCKLOOP_MODEL", "openai/gpt-4o-mini")
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.setattr(doctor, "OLLAMA_URL", closed_port())
    outcome = CliRunner().invoke(app, ["doctor"])
    assert outcome.exit_code == 1
    assert "fail  model" in outcome.output
    assert "fix: Export OPENAI_API_KEY" in outcome.output


def test_a_check_that_breaks_is_a_failed_line_not_a_traceback() -> None:
    def broken_check() -> doctor.Check:
        raise RuntimeError("boom")

    [line] = doctor.run_checks((broken_check,))
    assert line.name == "broken" and line.status == "fail" and "boom" in line.detail


def test_help_lists_doctor() -> None:
    assert "doctor" in CliRunner().invoke(app, ["--help"]).output
