"""A pack's reference solution runs sandboxed; a broken one is one clear error, never a pass.

The review found that `validate` said "ok" for a wrong reference, that a reference calling
sys.exit(0) made `check` exit 0, that one returning a set was a traceback and that a looping
one hung `check`.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from runner_support import PROBLEM_FOLDER, REPOSITORY

GENERATED_CASE = "  - {name: generated-01, generator: pair, category: performance}\n"
CASES = "def pair():\n    return [20, 22]\n"
GOOD = "def add(first, second):\n    return first + second\n"


def make_pack(home: Path, reference: str) -> Path:
    """The test problem as a user pack with one generated case and the given reference."""
    folder = home / "problems" / "add-numbers"
    shutil.copytree(PROBLEM_FOLDER, folder)
    definition = folder / "problem.yaml"
    definition.write_text(definition.read_text().replace("hidden:\n", "hidden:\n" + GENERATED_CASE))
    (folder / "cases.py").write_text(CASES)
    (folder / "solution.py").write_text(reference)
    return folder


def mockloop(*arguments: str) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "mockloop", *arguments]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=REPOSITORY)


@pytest.mark.parametrize(
    ("reference", "said"),
    [
        ("import sys\nsys.exit(0)\n", "sys.exit(0)"),
        (
            "import sys\ndef add(first, second):\n    if first == 20:\n        sys.exit(0)\n"
            "    return first + second\n",
            "sys.exit(0)",
        ),
        ("def add(first, second):\n    return {first, second}\n", "returned a set"),
        ("def add(first, second):\n    while True:\n        pass\n", "took longer than"),
    ],
    ids=["exit-at-import", "exit-in-a-case", "set", "loop"],
)
def test_a_broken_reference_fails_check_with_one_message(
    mockloop_home: Path, tmp_path: Path, reference: str, said: str
) -> None:
    make_pack(mockloop_home, reference)
    solution = tmp_path / "solution.py"
    solution.write_text(GOOD)
    finished = mockloop("check", "add-numbers", str(solution))
    assert finished.returncode == 1, finished.stdout
    assert "reference solution" in finished.stderr and said in finished.stderr
    assert "Traceback" not in finished.stderr + finished.stdout


def test_a_reference_cannot_read_files_outside_the_sandbox(
    mockloop_home: Path, tmp_path: Path
) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET")
    secret.chmod(0o644)
    tmp_path.chmod(0o755)
    reference = f"def add(first, second):\n    return open({str(secret)!r}).read()\n"
    make_pack(mockloop_home, reference)
    solution = tmp_path / "solution.py"
    solution.write_text(GOOD)
    finished = mockloop("check", "add-numbers", str(solution))
    assert finished.returncode == 1
    assert "reference solution failed" in finished.stderr and "SECRET" not in finished.stderr
    # /tmp in the sandbox is its own tmpfs, so the host's file is not even there to refuse
    assert "PermissionError" in finished.stderr or "FileNotFoundError" in finished.stderr


def test_validate_rejects_a_wrong_reference(mockloop_home: Path) -> None:
    folder = make_pack(mockloop_home, "def add(first, second):\n    return first - second\n")
    finished = mockloop("validate", str(folder))
    assert finished.returncode == 1
    assert "does not pass its own cases" in finished.stderr
    assert "ok" not in finished.stdout


def test_validate_passes_a_good_pack_and_warns_that_cases_py_is_code(
    mockloop_home: Path,
) -> None:
    folder = make_pack(mockloop_home, GOOD)
    finished = mockloop("validate", str(folder))
    assert finished.returncode == 0, finished.stderr
    assert f"{folder}: ok" in finished.stdout
    assert "cases.py run unsandboxed" in finished.stderr


def test_a_reference_error_with_a_lone_surrogate_is_printed_cleanly(
    mockloop_home: Path, tmp_path: Path
) -> None:
    make_pack(mockloop_home, "def add(first, second):\n    raise ValueError(chr(0xd800))\n")
    solution = tmp_path / "solution.py"
    solution.write_text(GOOD)
    finished = mockloop("check", "add-numbers", str(solution))
    assert finished.returncode == 1
    assert "ValueError" in finished.stderr and "Traceback" not in finished.stderr
