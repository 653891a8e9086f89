"""Numbers from the command line and scripts are bounded before they reach SQLite."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from mockloop import cli, events
from mockloop.cli import app
from mockloop.errors import UsageError
from mockloop.simulation import parse_script

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
