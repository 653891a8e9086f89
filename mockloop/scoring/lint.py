"""Code-quality evidence on the final code: ruff's JSON findings and function sizes.

Ruff runs as a subprocess of the binary installed next to the interpreter (or on PATH); when
it is missing or fails, the evidence says the lint check could not run instead of crashing.
"""

from __future__ import annotations

import ast
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from mockloop.languages import default_language
from mockloop.scoring.models import LintFinding

TIMEOUT_SECONDS = 10.0


@dataclass(frozen=True)
class LintReport:
    """Ruff's findings and the longest function, or why the check could not run."""

    findings: list[LintFinding] = field(default_factory=list)
    ran: bool = True
    note: str = ""
    longest_function: int = 0
    longest_name: str = ""


def ruff_binary() -> Path | None:
    """The ruff executable next to this interpreter, else the one on PATH, else None."""
    tool = default_language().lint_tool
    beside = Path(sys.executable).parent / tool
    if beside.is_file():
        return beside
    found = shutil.which(tool)
    return Path(found) if found else None


def run_ruff(code: str, binary: Path | None = None) -> tuple[list[LintFinding], str]:
    """Ruff findings on `code`, or an empty list and a note saying why none could be had."""
    executable = binary if binary is not None else ruff_binary()
    if executable is None:
        return [], "the lint check could not run: ruff is not installed"
    language = default_language()
    command = [
        str(executable),
        "check",
        "--isolated",
        "--no-cache",
        "--output-format",
        "json",
        "--select",
        language.lint_rules,
        "--stdin-filename",
        language.source_name("solution"),
        "-",
    ]
    try:
        completed = subprocess.run(
            command, input=code, capture_output=True, text=True, timeout=TIMEOUT_SECONDS
        )
        raw = json.loads(completed.stdout or "[]")
    except (OSError, subprocess.SubprocessError, ValueError) as error:
        return [], f"the lint check could not run: {type(error).__name__}"
    if not isinstance(raw, list):
        return [], "the lint check could not run: unexpected ruff output"
    findings = [
        LintFinding(
            code=str(entry.get("code") or "syntax"),
            message=str(entry.get("message", "")),
            line=int((entry.get("location") or {}).get("row", 0)),
        )
        for entry in raw
        if isinstance(entry, dict)
    ]
    return sorted(findings, key=lambda finding: (finding.line, finding.code)), ""


def longest_function(code: str) -> tuple[int, str]:
    """Lines in the longest function or method, and its name (0 and '' when none parse)."""
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError):
        return 0, ""
    best = (0, "")
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            if length > best[0]:
                best = (length, node.name)
    return best


def lint(code: str, binary: Path | None = None) -> LintReport:
    """Everything the scorer needs about the final code's quality."""
    findings, note = run_ruff(code, binary)
    length, name = longest_function(code)
    return LintReport(
        findings=findings, ran=not note, note=note, longest_function=length, longest_name=name
    )
