"""Command-line, environment and script input is checked before it reaches SQLite."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mockloop import cli, events
from mockloop.cli import app
from mockloop.config import resolve_model
from mockloop.errors import MockloopError, UsageError
from mockloop.simulation import parse_script
from mockloop.store import Store

MINIMAL = "company: google\nlevel: senior\nproblem: two-sum\nactions:\n  - {at: 10, say: hi}\n"
TOO_BIG = str(2**63)


@pytest.mark.parametrize("seed", [TOO_BIG, str(-(2**63) - 1), "1e400"])
def test_a_seed_sqlite_cannot_store_is_a_usage_error(seed: str) -> None:
    outcome = CliRunner().invoke(app, ["start", "-c", "google", "-l", "mid", "--seed", seed])
    assert outcome.exit_code == 2
    assert "--seed" in outcome.output
    assert outcome.exception is None or isinstance(outcome.exception, SystemExit)


def test_a_seed_in_a_script_sqlite_cannot_store_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="line 1: seed"):
        parse_script(f"seed: {TOO_BIG}\n" + MINIMAL, "candidate.yaml")


def test_the_command_line_and_the_log_agree_on_the_seed_range() -> None:
    assert (cli.SEED_MIN, cli.SEED_MAX) == (events.SEED_MIN, events.SEED_MAX)
    assert events.SEED_MAX == 2**63 - 1  # SQLite's largest integer


@pytest.mark.parametrize(
    "arguments",
    [
        ["start", "-c", "google", "-l", "mid", "--model", "\udcff"],
        ["start", "-c", "\udcffgoogle", "-l", "mid"],
        ["report", "ab\udcff"],
        ["resume", "\udcff"],
        ["history", "-c", "\udcff"],
    ],
)
def test_text_arguments_that_are_not_utf8_are_usage_errors(arguments: list[str]) -> None:
    outcome = CliRunner().invoke(app, arguments)
    assert outcome.exit_code == 2
    assert "not valid UTF-8 text" in outcome.output


def test_a_model_from_the_environment_that_is_not_utf8_is_refused(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("MOCKLOOP_MODEL", "\udcff")
    with pytest.raises(UsageError, match="not valid UTF-8"):
        resolve_model(None, None)


@pytest.mark.parametrize("kind", ["fifo", "device"])
def test_a_database_path_that_is_not_a_regular_file_is_named(
    mockloop_home: Path, kind: str
) -> None:
    database = mockloop_home / "mockloop.db"
    if kind == "fifo":
        os.mkfifo(database)
    else:
        database.symlink_to("/dev/zero")
    with pytest.raises(MockloopError, match="is not a regular file"):
        Store.open(database)


def test_a_data_folder_that_is_a_file_is_named_with_the_reason(tmp_path: Path) -> None:
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file", encoding="utf-8")
    store = Store.open(blocked / "mockloop.db")
    with pytest.raises(MockloopError, match="does not exist and cannot be created"):
        store.history()
