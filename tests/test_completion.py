"""Shell completion: typer's install/show options, and values for company, level, focus, problem."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from mockloop.commands import completion


def complete_bash(words: str) -> list[str]:
    """What bash would be offered for the last word of `words` (a real `mockloop` process)."""
    environment = {
        **os.environ,
        "_MOCKLOOP_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
    }
    script = "from mockloop.cli import main; main()"
    done = subprocess.run(
        [sys.executable, "-c", script],
        env=environment,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("mockloop start --company goo", ["google"]),
        ("mockloop start -c google --level s", ["senior", "staff"]),
        ("mockloop start --focus cod", ["coding"]),
        ("mockloop start --problem two-s", ["two-sum"]),
        ("mockloop check two-s", ["two-sum"]),
        ("mockloop history --company amaz", ["amazon"]),
    ],
)
def test_values_complete_in_a_real_shell_request(words: str, expected: list[str]) -> None:
    assert complete_bash(words) == expected


def test_show_completion_prints_a_script() -> None:
    """Run from bash, as a user would: typer finds the shell among the process's ancestors
    (under a detached test runner there may be none, and it says "Shell  not supported")."""
    done = subprocess.run(
        [
            "bash",
            "-c",
            '"$0" "$@"; exit $?',
            sys.executable,
            "-c",
            "from mockloop.cli import main; main()",
            "--show-completion",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert "_MOCKLOOP_COMPLETE" in done.stdout


def test_a_broken_catalog_completes_nothing(monkeypatch: pytest.MonkeyPatch) -> None:
    def broken() -> None:
        raise RuntimeError("a broken pack")

    monkeypatch.setattr("mockloop.interviews.catalog", broken)
    assert completion.companies("g") == []
    assert completion.levels("j") == ["junior"]
