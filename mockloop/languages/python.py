"""The Python spec: the only place outside docstrings and comments that says "python"."""

from __future__ import annotations

import sys

from mockloop.languages import LanguageSpec

PYTHON = LanguageSpec(
    id="python",
    name="Python",
    suffix=".py",
    editor_language="python",
    fence="python",
    child_flags=("-I", "-S"),
    child_program=("confinement.py", "harness.py"),
    wire_format="marshal",
    lint_tool="ruff",
    lint_rules="F,B,A,C90,SIM,E711,E712,E721,PLR0911,PLR0912,PLR0913,PLR0915,PLR1714",
    stdlib_dir_name=f"python{sys.version_info.major}.{sys.version_info.minor}",
)
