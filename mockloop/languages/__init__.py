"""Programming languages a coding round can be solved in: one spec per language.

A spec holds everything that differs between languages: the file suffix, the editor's
highlighting, how the sandbox starts a child and sends it a case, how a pack's reference and
generators are found, the lint tool and the report's code fence. Nothing outside a spec
names a language; adding one is a new spec plus the problems' starters in that language.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LanguageSpec:
    """One language, as the runner, the editor, the linter and the report need it."""

    id: str
    name: str
    suffix: str
    editor_language: str
    fence: str
    child_flags: tuple[str, ...]
    """Interpreter flags for the sandboxed child (isolated, no site packages)."""
    child_program: tuple[str, ...]
    """The files under mockloop/runner/ joined, in order, into the program the child runs
    (its confinement, then the harness that loads the code and runs the cases)."""
    wire_format: str
    """How a case's plain values travel to the child (the harness decodes it)."""
    lint_tool: str
    """The executable that lints a solution (looked up beside the interpreter, then on PATH)."""
    lint_rules: str
    """The lint rules that count as evidence (codes and prefixes, comma-separated)."""
    stdlib_dir_name: str
    """The name of the versioned standard-library folder under a prefix's `lib/`."""

    def source_name(self, stem: str) -> str:
        """A pack's file name for this language, e.g. `solution` -> `solution.py`."""
        return f"{stem}{self.suffix}"


def default_language() -> LanguageSpec:
    """The language a coding round uses unless its pack says otherwise."""
    from mockloop.languages.python import PYTHON

    return PYTHON
