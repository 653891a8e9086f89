"""`mockloop check`: output shapes, exit codes and usage errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer

from mockloop.commands import check
from mockloop.errors import UsageError

ATTACK_PROBLEM = Path(__file__).parent / "attacks" / "add-numbers"
GOOD = "def add(first, second):\n    print('debug', first)\n    return first + second\n"


@pytest.fixture(autouse=True)
def user_problem(mockloop_home: Path) -> None:
    """Install the small test problem as a user pack under MOCKLOOP_HOME."""
    shutil.copytree(ATTACK_PROBLEM, mockloop_home / "problems" / "add-numbers")


def write(tmp_path: Path, text: str | bytes) -> Path:
    path = tmp_path / "solution.py"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text)
    return path


def exit_code(slug: str, file: Path, as_json: bool = False, verbose: bool = False) -> int:
    with pytest.raises(typer.Exit) as raised:
        check.run(slug, file, as_json, verbose)
    return raised.value.exit_code


def test_json_output_has_exactly_the_design_shape(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert exit_code("add-numbers", write(tmp_path, GOOD), as_json=True) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "problem",
        "status",
        "passed",
        "total",
        "cases",
        "message",
        "scaling",
        "scaling_note",
    }
    assert data["scaling"] is None  # add-numbers has no large-input generator
    assert data["scaling_note"] == "the problem has no generator of large inputs"
    assert (data["problem"], data["status"], data["passed"], data["total"]) == (
        "add-numbers",
        "passed",
        14,
        14,
    )
    assert set(data["cases"][0]) == {"name", "status", "ms"}


def test_table_shows_cases_and_summary_and_isolation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = "def add(first, second):\n    return 3\n"
    assert exit_code("add-numbers", write(tmp_path, source), verbose=True) == 1
    out = capsys.readouterr().out
    assert "example-2" in out and "hidden-12" in out
    assert "FAILED" in out and "1/14 passed" in out
    assert "expected 0" in out and "got 3" in out
    assert "Isolation in force" in out and "processes 0" in out
    assert "40000000000" not in out  # a hidden input never shows


def test_unknown_slug_suggests_the_closest(tmp_path: Path) -> None:
    with pytest.raises(UsageError) as raised:
        check.run("add-number", write(tmp_path, GOOD), False, False)
    assert raised.value.exit_code == 2
    assert "Did you mean 'add-numbers'?" in raised.value.message


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        (b"def add(a, b):\n    return '\xff'\n", "not UTF-8"),
        ("def add(first, second)\n    return 1\n", "line 1: syntax error"),
    ],
    ids=["missing", "not-utf8", "syntax"],
)
def test_bad_files_are_usage_errors(
    tmp_path: Path, content: str | bytes | None, expected: str
) -> None:
    file = tmp_path / "absent.py" if content is None else write(tmp_path, content)
    with pytest.raises(UsageError) as raised:
        check.run("add-numbers", file, False, False)
    assert raised.value.exit_code == 2
    assert expected in raised.value.message


def test_command_line_exit_codes(tmp_path: Path) -> None:
    wrong = write(tmp_path, "def add(first, second):\n    return 0\n")
    command = [sys.executable, "-m", "mockloop", "check", "add-numbers", str(wrong), "--json"]
    failed = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert failed.returncode == 1
    assert json.loads(failed.stdout)["status"] == "failed"
    command[4] = "no-such-problem"
    usage = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert usage.returncode == 2
    assert "Unknown problem" in usage.stderr and "Traceback" not in usage.stderr
