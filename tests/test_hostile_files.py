"""Hostile files cost one clear message: YAML bombs, FIFOs, devices, huge or secret files.

Every file MockLoop parses from outside (packs, config.yaml, simulate scripts) goes through
`mockloop.yaml_reader`. The checks that hung or exhausted memory before run the real CLI in
a child process with a memory cap and a timeout, so a regression fails instead of hanging.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from mockloop import yaml_reader
from mockloop.catalog import load_persona, load_problem
from mockloop.config import load_settings
from mockloop.errors import PackError, UsageError
from mockloop.simulation import load_script, parse_script

ROOT = Path(__file__).resolve().parent.parent
MEMORY_CAP = 1536 * 1024 * 1024


def bomb(key: str) -> str:
    """A billion-laughs YAML: nine levels of ten aliases each (10**9 values), at `key`."""
    lines = ['l0: &l0 ["ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha", "ha"]']
    for level in range(1, 9):
        aliases = ", ".join([f"*l{level - 1}"] * 10)
        lines.append(f"l{level}: &l{level} [{aliases}]")
    lines.append(f"{key}: *l8")
    return "\n".join(lines) + "\n"


def cli(home: Path, *arguments: str, timeout: float = 60) -> subprocess.CompletedProcess[str]:
    """Run `mockloop ARGUMENTS` in a child with its memory capped; fail on a hang."""

    def cap_memory() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))

    return subprocess.run(
        [sys.executable, "-m", "mockloop", *arguments],
        capture_output=True,
        text=True,
        timeout=timeout,
        env={**os.environ, "MOCKLOOP_HOME": str(home)},
        cwd=ROOT,
        preexec_fn=cap_memory,
    )


def one_clear_line(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode in (1, 2), result.stderr
    assert "Traceback" not in result.stderr and "Error:" not in result.stderr.split(":", 1)[0]
    return result.stderr


def test_an_anchor_bomb_in_a_persona_is_refused_quickly(mockloop_home: Path) -> None:
    personas = mockloop_home / "personas"
    personas.mkdir()
    (personas / "laughs.yaml").write_text(bomb("id"), encoding="utf-8")
    result = cli(mockloop_home, "personas", "--json")
    assert "expands to more than" in one_clear_line(result)


def test_an_anchor_bomb_in_config_is_refused_quickly(mockloop_home: Path) -> None:
    (mockloop_home / "config.yaml").write_text(bomb("model"), encoding="utf-8")
    code = "from mockloop.config import load_settings; load_settings()"
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "MOCKLOOP_HOME": str(mockloop_home)},
    )
    assert "UsageError" in result.stderr and "expands to more than" in result.stderr
    with pytest.raises(UsageError):
        load_settings()


def test_an_anchor_bomb_in_a_simulate_script_is_refused_quickly(
    mockloop_home: Path, tmp_path: Path
) -> None:
    script = tmp_path / "bomb.yaml"
    script.write_text(bomb("company"), encoding="utf-8")
    result = cli(mockloop_home, "simulate", str(script))
    assert result.returncode == 2
    assert "expands to more than" in one_clear_line(result)


def test_an_alias_that_contains_itself_is_refused() -> None:
    with pytest.raises(UsageError, match="contains itself"):
        parse_script("company: &loop [*loop]\n", "loop.yaml")


def test_a_few_aliases_are_still_fine() -> None:
    text = "common: &c [1, 2]\nfirst: *c\nsecond: *c\n"
    expected = {"common": [1, 2], "first": [1, 2], "second": [1, 2]}
    assert yaml_reader.load(text, "ok.yaml") == expected


def test_a_persona_that_is_a_fifo_is_refused_without_waiting(mockloop_home: Path) -> None:
    personas = mockloop_home / "personas"
    personas.mkdir()
    os.mkfifo(personas / "pipe.yaml")
    result = cli(mockloop_home, "personas", "--json", timeout=30)
    assert "is a named pipe, not a regular file" in one_clear_line(result)


def test_a_persona_linked_to_dev_zero_is_refused(mockloop_home: Path) -> None:
    personas = mockloop_home / "personas"
    personas.mkdir()
    (personas / "zero.yaml").symlink_to("/dev/zero")
    result = cli(mockloop_home, "validate", str(personas / "zero.yaml"), timeout=30)
    assert "is a character device" in one_clear_line(result)


def test_a_huge_file_is_refused_before_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.yaml"
    with big.open("wb") as handle:
        handle.truncate(yaml_reader.TEXT_LIMIT + 1)
    with pytest.raises(PackError, match="larger than 1024 KiB"):
        load_persona(big)
    with pytest.raises(UsageError, match="larger than"):
        load_script(big)


def test_a_file_linked_to_a_secret_is_not_echoed(tmp_path: Path) -> None:
    secret = tmp_path / "shadow"
    lines = [f"user{n}:$6$s4lt$S3CRETHASH{n}:20228:0:99999:7:::" for n in range(40)]
    secret.write_text("\n".join(lines) + "\n", encoding="utf-8")
    link = tmp_path / "personas" / "spy.yaml"
    link.parent.mkdir()
    link.symlink_to(secret)
    with pytest.raises(PackError) as raised:
        load_persona(link)
    assert "S3CRETHASH" not in raised.value.message
    assert len(raised.value.message.splitlines()) <= yaml_reader.ERROR_LINES + 1


def test_a_long_bad_value_is_quoted_as_an_excerpt(tmp_path: Path) -> None:
    persona = tmp_path / "long.yaml"
    persona.write_text("id: [" + ", ".join(["'word'"] * 5000) + "]\n", encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_persona(persona)
    assert len(raised.value.message.splitlines()[0]) < 300


def test_validate_names_what_a_special_file_is(mockloop_home: Path) -> None:
    result = cli(mockloop_home, "validate", "/dev/null", timeout=30)
    assert "/dev/null: is a character device" in one_clear_line(result)
    assert "no such file" not in result.stderr


def test_a_syntax_error_quotes_no_file_content(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("key: value\n\tS3CRET: x\n", encoding="utf-8")
    with pytest.raises(PackError) as raised:
        load_persona(bad)
    assert "line 2" in raised.value.message and "S3CRET" not in raised.value.message


def test_deep_nesting_is_a_clear_error() -> None:
    with pytest.raises(UsageError):
        parse_script("company: " + "[" * 50_000 + "]" * 50_000 + "\n", "deep.yaml")


def test_a_problem_spec_that_is_a_pipe_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "pipe-problem"
    folder.mkdir()
    for name in ("starter.py", "solution.py"):
        (folder / name).write_text("def solve():\n    pass\n", encoding="utf-8")
    os.mkfifo(folder / "problem.yaml")
    with pytest.raises(PackError, match="problem.yaml: is a named pipe"):
        load_problem(folder)
