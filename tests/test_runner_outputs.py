"""What a run keeps and shows stays small, printable and well explained, whatever the code did.

Huge answers, terminal escapes, lone surrogates, a closed result channel, a byte-order mark
and NUL bytes each once froze, broke or misled a display.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import typer
from runner_support import PROBLEM_FOLDER, attack_problem, everything_shown, run

from mockloop import events
from mockloop.commands import check
from mockloop.errors import UsageError
from mockloop.models import Problem
from mockloop.runner import sandbox
from mockloop.runner.sandbox import run_code_sync

SMALL = 100_000  # characters: far above any preview, far below the answers below


@pytest.fixture(scope="module")
def problem() -> Problem:
    return attack_problem()


@pytest.mark.parametrize(
    "answer",
    [
        "'x' * (30 * 2 ** 20)",
        "list(range(10 ** 6))",
        "[[index, index] for index in range(600_000)]",
    ],
    ids=["30-MiB-string", "million-ints", "600k-small-lists"],
)
def test_a_huge_answer_is_refused_or_previewed_and_stays_small(
    problem: Problem, answer: str
) -> None:
    source = (
        "def add(first, second):\n"
        "    if (first, second) == (1, 2):  # the first visible example\n"
        f"        return {answer}\n"
        "    return first + second\n"
    )
    result = run(attack_problem(3000), source)
    assert result.status in ("failed", "error")
    first = result.cases[0]
    assert first.status in ("failed", "error")
    assert len(everything_shown(result)) < SMALL
    assert len(events.TestsRun.of(result, source).model_dump_json()) < SMALL
    if first.status == "failed":
        assert isinstance(first.actual, str) and "too large to keep" in first.actual
    else:
        assert "too large" in first.error


async def test_a_large_answer_is_judged_off_the_event_loop(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    judged_in_threads: list[str] = []
    real_to_thread = asyncio.to_thread

    async def recording(function: Callable[..., Any], *arguments: Any) -> Any:
        judged_in_threads.append(getattr(function, "__name__", ""))
        return await real_to_thread(function, *arguments)

    monkeypatch.setattr(sandbox.asyncio, "to_thread", recording)
    source = "def add(first, second):\n    return list(range(10 ** 5))\n"
    result = await sandbox.run_code(attack_problem(3000), source)
    assert result.cases[0].status == "failed"
    assert "_judge" in judged_in_threads
    actual = result.cases[0].actual
    assert isinstance(actual, str) and actual.startswith("a list of 100000 items, too large")
    assert len(actual) < 2100


def test_a_lone_surrogate_in_an_error_or_output_is_kept_printable(problem: Problem) -> None:
    source = (
        "def add(first, second):\n"
        "    print('before', chr(0xD800), 'after')\n"
        "    raise ValueError(chr(0xDFFF))\n"
    )
    result = run(problem, source)
    first = result.cases[0]
    assert "before \ufffd" in first.output and "ValueError" in first.error
    for text in (first.output, first.error, result.message):
        text.encode("utf-8")
    events.TestsRun.of(result, source).model_dump_json()


def test_closing_the_result_channel_is_explained(problem: Problem) -> None:
    source = "import os, sys\nos.close(int(sys.argv[1]))\nwhile True:\n    pass\n"
    result = run(problem, source)
    assert result.status == "crashed"
    assert "closed the result channel" in result.message
    assert "None" not in result.message


def test_a_byte_order_mark_is_not_part_of_the_code(problem: Problem) -> None:
    result = run(problem, "\ufeffdef add(first, second):\n    return first + second\n")
    assert result.status == "passed", result.message


def test_a_nul_byte_is_reported_with_its_line(problem: Problem) -> None:
    result = run(problem, "def add(first, second):\n\n    return 1\x00\n")
    assert result.status == "error"
    assert "line 3" in result.message and "NUL" in result.message


@pytest.fixture
def user_problem(mockloop_home: Path) -> None:
    """The small test problem as a user pack, for `check`."""
    shutil.copytree(PROBLEM_FOLDER, mockloop_home / "problems" / "add-numbers")


def check_exit(file: Path, as_json: bool = False, verbose: bool = False) -> int:
    with pytest.raises(typer.Exit) as raised:
        check.run("add-numbers", file, as_json, verbose)
    return raised.value.exit_code


@pytest.mark.usefixtures("user_problem")
def test_check_shows_terminal_escapes_as_text(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "solution.py"
    file.write_text(
        "def add(first, second):\n"
        "    print('\\x1b]0;pwned\\x07\\x1b[2J\\x1b[31mred\\u202e')\n"
        "    raise ValueError('\\x1b[1mbold')\n"
    )
    assert check_exit(file) == 1
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\x07" not in shown and "\u202e" not in shown
    assert "\\x1b]0;pwned" in shown


@pytest.mark.usefixtures("user_problem")
def test_check_prints_a_lone_surrogate_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "solution.py"
    file.write_text("def add(first, second):\n    raise ValueError(chr(0xd800))\n")
    assert check_exit(file) == 1
    assert "ValueError" in capsys.readouterr().out


@pytest.mark.usefixtures("user_problem")
def test_check_accepts_a_byte_order_mark(tmp_path: Path) -> None:
    file = tmp_path / "solution.py"
    file.write_bytes(b"\xef\xbb\xbfdef add(first, second):\n    return first + second\n")
    assert check_exit(file, as_json=True) == 0


def test_check_names_the_line_of_a_nul_byte(tmp_path: Path) -> None:
    file = tmp_path / "solution.py"
    file.write_bytes(b"def add(first, second):\n    return 1\x00\n")
    with pytest.raises(UsageError) as raised:
        check.read_solution(file)
    assert "line 2" in str(raised.value) and "None" not in str(raised.value)


@pytest.mark.usefixtures("user_problem")
def test_check_verbose_states_what_is_blocked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    file = tmp_path / "solution.py"
    file.write_text("def add(first, second):\n    return first + second\n")
    assert check_exit(file, verbose=True) == 0
    shown = " ".join(capsys.readouterr().out.split())
    for claim in (
        "socket() refused for every family and protocol",
        "socketpair() only for AF_UNIX",
        "io_uring refused",
        "read only the standard library and shared libraries",
        "write only the private tmp",
        "no TCP bind/connect",
        "private 16 MiB tmpfs",
        "parent-death signal",
        "measured by MockLoop's clock",
    ):
        assert claim in shown, claim


def test_json_reports_stay_plain_json(problem: Problem) -> None:
    result = run_code_sync(problem, "def add(first, second):\n    return chr(0xd800)\n")
    json.dumps(result.check_json())
    assert result.cases[0].actual == "\ufffd"


def test_code_over_the_size_limit_never_reaches_a_child(problem: Problem) -> None:
    source = "# padding\n" * 110_000 + "def add(first, second):\n    return first + second\n"
    result = run_code_sync(problem, source)
    assert result.status == "error"
    assert "the limit is 1048576" in result.message


def test_check_refuses_a_huge_file_before_reading_it(tmp_path: Path) -> None:
    file = tmp_path / "solution.py"
    file.write_text("# padding\n" * 220_000)
    with pytest.raises(UsageError) as raised:
        check.read_solution(file)
    assert raised.value.exit_code == 2 and "too large" in str(raised.value)


async def test_a_forged_huge_report_is_decoded_off_the_event_loop_and_kept_small(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Code that finds the run's token can write any report; its size must not matter."""
    decoded_in_threads: list[str] = []
    real_to_thread = asyncio.to_thread

    async def recording(function: Callable[..., Any], *arguments: Any) -> Any:
        decoded_in_threads.append(getattr(function, "__name__", ""))
        return await real_to_thread(function, *arguments)

    monkeypatch.setattr(sandbox.asyncio, "to_thread", recording)
    source = (
        "import json, os, sys\n"
        "frame = sys._getframe()\n"
        "while 'token' not in frame.f_locals:\n"
        "    frame = frame.f_back\n"
        "token = frame.f_locals['token']\n"
        "report = {'event': 'loaded', 'token': token, 'output': 'y' * 20_000_000}\n"
        "os.write(int(sys.argv[1]), (json.dumps(report) + '\\n').encode())\n"
        "def add(first, second):\n"
        "    return first + second\n"
    )
    result = await sandbox.run_code(attack_problem(3000), source)
    assert "decode" in decoded_in_threads
    assert result.status == "crashed" and "tampered" in result.message
    assert len(everything_shown(result)) < SMALL
