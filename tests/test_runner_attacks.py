"""Hostile solutions against the sandbox: each must be contained, and the next run must work.

The attacks use a tiny test-only problem with a 200 ms case limit so each one is cheap.
"""

from __future__ import annotations

import json
import os
import socket
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from mockloop.catalog import load_problem
from mockloop.models import Problem
from mockloop.results import RunResult
from mockloop.runner.sandbox import run_code_sync

PROBLEM_FOLDER = Path(__file__).parent / "attacks" / "add-numbers"
REPOSITORY = Path(__file__).resolve().parent.parent
GOOD = "def add(first, second):\n    return first + second\n"


@pytest.fixture(scope="module")
def problem() -> Problem:
    return load_problem(PROBLEM_FOLDER)


def run(problem: Problem, source: str, *, examples_only: bool = False) -> RunResult:
    """Run an attack, then prove the runner still works normally right after it.

    `examples_only` runs the attack on the two examples alone, for one that costs about a
    second on every case; the follow-up still runs all fourteen.
    """
    attacked = problem.model_copy(update={"hidden": []}) if examples_only else problem
    result = run_code_sync(attacked, source)
    # The follow-up proves the runner recovered, not that it is fast: a generous limit keeps
    # a loaded CI machine from turning a scheduling delay into a false timeout.
    follow_up = run_code_sync(problem.model_copy(update={"time_limit_ms": 2000}), GOOD)
    assert follow_up.status == "passed", follow_up.message
    assert follow_up.passed == follow_up.total == 14
    return result


def everything_shown(result: RunResult) -> str:
    """All the text a user could ever see from a run."""
    return json.dumps(result.model_dump())


def test_infinite_loop_times_out_and_keeps_finished_cases(problem: Problem) -> None:
    source = (
        "def add(first, second):\n    while first == 10:\n        pass\n    return first + second\n"
    )
    result = run(problem, source)
    assert result.status == "timeout"
    statuses = {case.name: case.status for case in result.cases}
    assert statuses["example-1"] == statuses["example-2"] == "passed"
    assert statuses["hidden-01"] == "timeout"
    assert statuses["hidden-02"] == "skipped"
    assert result.passed == 2


def test_sleep_forever_is_stopped_by_the_wall_clock(problem: Problem) -> None:
    result = run(problem, "import time\ndef add(first, second):\n    time.sleep(3600)\n")
    assert result.status == "timeout"
    assert result.cases[0].status == "timeout"
    assert "wall-clock" in result.cases[0].error


def test_infinite_loop_at_import_times_out(problem: Problem) -> None:
    result = run(problem, "while True:\n    pass\n")
    assert result.status == "timeout"
    assert all(case.status == "skipped" for case in result.cases)


@pytest.mark.parametrize(
    "source",
    [
        "def add(first, second):\n    return bytearray(4 * 1024 ** 3)\n",
        "def add(first, second):\n    return [0] * (2 ** 31)\n",
    ],
    ids=["bytearray", "list"],
)
def test_memory_bomb_reports_memory(problem: Problem, source: str) -> None:
    result = run(problem, source)
    assert result.status == "memory"
    assert result.cases[0].status == "memory"


def test_fork_bomb_cannot_fork(problem: Problem) -> None:
    source = "import os\ndef add(first, second):\n    while True:\n        os.fork()\n"
    result = run(problem, source)
    assert result.status == "error"
    assert "BlockingIOError" in result.cases[0].error


def test_gigabyte_on_stdout_is_capped(problem: Problem) -> None:
    source = (
        "import os, sys\n"
        "def add(first, second):\n"
        "    for _ in range(1024):\n"
        "        os.write(1, b'x' * 2 ** 20)\n"
        "        sys.stdout.write('y' * 2 ** 20)\n"
    )
    result = run(problem, source)
    assert result.status == "timeout"
    assert len(everything_shown(result)) < 200_000
    assert len(result.output) <= 64 * 1024


def test_printing_a_lot_keeps_only_the_first_kilobytes(problem: Problem) -> None:
    source = "def add(first, second):\n    print('z' * 300_000)\n    return first + second\n"
    result = run(problem, source)
    assert result.status == "passed"
    assert 60_000 < len(result.cases[0].output) < 70_000
    assert result.cases[1].output == ""  # the shared budget is spent
    assert all(case.output == "" for case in result.cases if not case.visible)


def test_hundred_megabyte_file_write_fails(problem: Problem) -> None:
    source = (
        "def add(first, second):\n"
        "    with open('big.bin', 'wb') as handle:\n"
        "        handle.write(b'x' * 100 * 2 ** 20)\n"
    )
    # Allocating 100 MiB alone can take a few hundred ms on a busy machine: not the point here.
    result = run(problem.model_copy(update={"time_limit_ms": 3000}), source)
    assert result.status == "error"
    assert "File too large" in result.cases[0].error


def test_sys_exit_at_import_is_an_error(problem: Problem) -> None:
    result = run(problem, "import sys\nsys.exit(0)\ndef add(first, second):\n    return 0\n")
    assert result.status == "error"
    assert "sys.exit(0)" in result.message
    assert result.passed == 0


def test_sys_exit_inside_a_case_fails_only_that_case(problem: Problem) -> None:
    source = (
        "import sys\n"
        "def add(first, second):\n"
        "    if first == 10:\n"
        "        sys.exit(3)\n"
        "    return first + second\n"
    )
    result = run(problem, source)
    assert result.status == "error"
    assert result.passed == 13
    assert "sys.exit(3)" in next(c for c in result.cases if c.name == "hidden-01").error


def test_os_exit_is_a_crash(problem: Problem) -> None:
    source = (
        "import os\n"
        "def add(first, second):\n"
        "    if first == 7:\n"
        "        os._exit(0)\n"
        "    return first + second\n"
    )
    result = run(problem, source)
    assert result.status == "crashed"
    assert result.passed == 3
    assert next(c for c in result.cases if c.name == "hidden-02").status == "crashed"


def test_deep_recursion_is_an_error_with_a_trimmed_traceback(problem: Problem) -> None:
    source = "def add(first, second):\n    return add(first, second)\n"
    # Reaching the 200,000-call limit takes a few hundred ms of CPU (README, "Recursion"),
    # on every case: the examples alone show the traceback.
    result = run(problem.model_copy(update={"time_limit_ms": 2000}), source, examples_only=True)
    assert result.status == "error"
    error = result.cases[0].error
    assert "RecursionError" in error
    assert 'File "solution.py", line 2, in add' in error
    assert "harness" not in error and "<string>" not in error
    assert len(error) < 2000


def test_an_error_after_using_up_every_file_descriptor_is_still_reported(
    problem: Problem,
) -> None:
    source = (
        "import os\n"
        "held = []\n"
        "def add(first, second):\n"
        "    try:\n"
        "        while True:\n"
        "            held.append(os.open('.', os.O_RDONLY))\n"
        "    except OSError:\n"
        "        pass\n"
        "    raise ValueError('no descriptors left')\n"
    )
    result = run(problem, source)
    assert result.status == "error"
    assert "ValueError: no descriptors left" in result.cases[0].error


def test_unbounded_recursion_with_a_raised_limit_is_contained(problem: Problem) -> None:
    source = (
        "import sys\n"
        "sys.setrecursionlimit(10 ** 8)\n"
        "def add(first, second):\n"
        "    return 1 + add(first, second)\n"
    )
    result = run(problem, source)
    assert result.status in ("crashed", "memory", "timeout")
    assert result.passed == 0


@pytest.mark.parametrize(
    "source",
    [
        "class Anything:\n    def __eq__(self, other):\n        return True\n"
        "def add(first, second):\n    return Anything()\n",
        "class Sneaky(int):\n    def __eq__(self, other):\n        return True\n"
        "def add(first, second):\n    return Sneaky(0)\n",
        "class Listy(list):\n    def __eq__(self, other):\n        return True\n"
        "def add(first, second):\n    return Listy()\n",
    ],
    ids=["object", "int-subclass", "list-subclass"],
)
def test_objects_that_equal_everything_do_not_pass(problem: Problem, source: str) -> None:
    result = run(problem, source)
    assert result.passed == 0
    assert result.status == "error"
    assert "expected a plain value" in result.cases[0].error


def test_forged_result_lines_on_every_descriptor_do_not_pass(problem: Problem) -> None:
    expected = {"example-1": 3, "example-2": 0}
    expected.update({case.name: case.expected for case in problem.hidden})
    forged: list[dict[str, object]] = [{"event": "ready", "token": "forged", "isolation": []}]
    forged.append({"event": "loaded", "token": "forged", "output": ""})
    forged += [
        {"event": "case", "token": "forged", "name": name, "status": "ok", "value": value, "ms": 1}
        for name, value in expected.items()
    ]
    forged.append({"event": "done", "token": "forged"})
    payload = "".join(json.dumps(line) + "\n" for line in forged)
    source = (
        "import os\n"
        f"PAYLOAD = {payload!r}.encode()\n"
        "for descriptor in range(1024):\n"
        "    try:\n"
        "        os.write(descriptor, PAYLOAD)\n"
        "    except OSError:\n"
        "        pass\n"
        "def add(first, second):\n"
        "    return None\n"
    )
    result = run(problem, source)
    assert result.status != "passed"
    assert result.passed < result.total


@pytest.fixture
def planted_secret() -> Iterator[Path]:
    """A world-readable file outside the sandbox, so only the sandbox can stop the read."""
    folder = Path(tempfile.mkdtemp(prefix="mockloop-secret-"))
    folder.chmod(0o755)
    secret = folder / "id_rsa"
    secret.write_text("SECRET-KEY-MATERIAL-1234\n")
    secret.chmod(stat.S_IRUSR | stat.S_IWUSR | stat.S_IRGRP | stat.S_IROTH)
    yield secret
    secret.unlink()
    folder.rmdir()


def test_reading_secrets_and_problem_files_is_refused(
    problem: Problem, planted_secret: Path
) -> None:
    targets = [
        str(planted_secret),
        os.path.expanduser("~/.ssh/id_rsa"),
        "/root/.ssh/id_rsa",
        str(REPOSITORY / "problems" / "two-sum" / "solution.py"),
        str(PROBLEM_FOLDER / "problem.yaml"),
    ]
    source = (
        f"TARGETS = {targets!r}\n"
        "def add(first, second):\n"
        "    found = []\n"
        "    for target in TARGETS:\n"
        "        try:\n"
        "            found.append(open(target).read())\n"
        "        except OSError as error:\n"
        "            found.append(type(error).__name__)\n"
        "    print(found)\n"
        "    raise ValueError(repr(found))\n"
    )
    result = run(problem, source)
    shown = everything_shown(result)
    assert "SECRET-KEY-MATERIAL" not in shown
    assert "expected: 3" not in shown and "return first + second" not in shown
    assert result.cases[0].status == "error"
    assert result.cases[0].error.count("PermissionError") + result.cases[0].error.count(
        "FileNotFoundError"
    ) == len(targets)


def test_problem_solution_cannot_be_borrowed(problem: Problem) -> None:
    solution = PROBLEM_FOLDER / "solution.py"
    source = f"exec(open({str(solution)!r}).read())\n"
    result = run(problem, source)
    assert result.status == "error"
    # Landlock refuses it; under /tmp the child's private tmpfs hides it altogether.
    assert "PermissionError" in result.message or "FileNotFoundError" in result.message


def test_no_tcp_connection_leaves_the_sandbox(problem: Problem) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.setblocking(False)
        port = listener.getsockname()[1]
        source = (
            "import socket\n"
            "def add(first, second):\n"
            f"    socket.create_connection(('127.0.0.1', {port}), timeout=1).close()\n"
            "    return first + second\n"
        )
        result = run(problem, source)
        with pytest.raises(BlockingIOError):
            listener.accept()
    assert result.status == "error"
    assert "PermissionError" in result.cases[0].error


def test_environment_is_minimal(problem: Problem, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("OPENAI_API_KEY", "sk-should-never-leak")
    source = "import os\ndef add(first, second):\n    return sorted(os.environ)\n"
    result = run(problem, source)
    assert result.cases[0].actual == ["HOME", "LANG", "PATH", "TMPDIR"]
    assert "sk-should-never-leak" not in everything_shown(result)


def test_signalling_other_processes_is_refused(problem: Problem) -> None:
    source = f"import os\ndef add(first, second):\n    os.kill({os.getpid()}, 0)\n"
    result = run(problem, source)
    assert result.status == "error"
    assert "PermissionError" in result.cases[0].error


def test_isolation_in_force_is_reported(problem: Problem) -> None:
    result = run_code_sync(problem, GOOD)
    text = "\n".join(result.isolation)
    assert "-I -S" in text
    assert "processes 0" in text
    assert "landlock ABI" in text or "landlock: unavailable" in text
    if os.geteuid() == 0:
        assert "dropped from root" in text and "running as uid 0" not in text
