"""The README's picture is made by scripts/screenshot.py, headless, as in CI."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def test_the_screenshot_script_draws_the_interview_headless(tmp_path: Path) -> None:
    output = tmp_path / "screenshot.svg"
    done = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "screenshot.py"), str(output)],
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 0, done.stderr
    svg = output.read_text(encoding="utf-8")
    assert svg.startswith("<svg") and "Two&#160;Sum" in svg and "Tests" in svg


def test_the_readme_shows_the_checked_in_screenshot() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "docs/screenshot.svg" in readme
    assert (ROOT / "docs" / "screenshot.svg").read_text(encoding="utf-8").startswith("<svg")
