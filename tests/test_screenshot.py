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


def test_activating_the_venv_puts_mockloop_on_path(tmp_path: Path) -> None:
    """The README's advice: after `source .venv/bin/activate`, bare `mockloop` runs."""
    activate = Path(sys.prefix) / "bin" / "activate"
    if not activate.exists():
        pytest.skip("not running from a virtual environment")
    done = subprocess.run(
        ["bash", "-c", f". '{activate}' && command -v mockloop && mockloop --help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "MOCKLOOP_HOME": str(tmp_path)},
    )
    assert done.returncode == 0, done.stderr
    first = done.stdout.splitlines()[0]
    assert first == str(Path(sys.prefix) / "bin" / "mockloop")
    assert "doctor" in done.stdout and "forget" in done.stdout


def test_the_readme_says_how_to_get_mockloop_on_path() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quickstart = readme[readme.index("## Quickstart") : readme.index("## Using it")]
    assert "source .venv/bin/activate" in quickstart
    assert "pipx install ." in quickstart and "uv tool install ." in quickstart
