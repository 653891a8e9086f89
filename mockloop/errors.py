"""Errors that reach the user as one clear paragraph and an exit code, never a traceback."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


class MockloopError(Exception):
    """A failure the user can act on; `exit_code` 1 means failure, 2 means bad usage."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UsageError(MockloopError):
    """The user asked for something that does not exist or is malformed (exit code 2)."""

    exit_code = 2


class ModelUnreachable(MockloopError):
    """The configured model's server did not answer before the interview opened (exit 1; the
    launcher's child exits with `cover.MODEL_UNREACHABLE` so the launcher can offer offline)."""

    exit_code = 1


class PackError(MockloopError):
    """A content pack file (persona, rubric, problem) is broken; names the file and field."""

    exit_code = 1


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The closest match for a misspelt name, or None when nothing is close."""
    matches = difflib.get_close_matches(word.lower(), [c.lower() for c in choices], n=1, cutoff=0.5)
    if not matches:
        return None
    lowered = {c.lower(): c for c in choices}
    return lowered.get(matches[0], matches[0])


def unknown(kind: str, word: str, choices: Iterable[str], where: str = "") -> UsageError:
    """A usage error for an unknown name that lists what exists and suggests the closest.

    `where` narrows the scope in the message, e.g. " for Google" after a level.
    """
    options = sorted(set(choices))
    suggestion = closest(word, options)
    hint = f" Did you mean '{suggestion}'?" if suggestion else ""
    return UsageError(f"Unknown {kind} '{word}'{where}.{hint} Available: {', '.join(options)}.")
