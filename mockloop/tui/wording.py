"""What the interview screen says about the interview itself (plain text, no Textual)."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mockloop.events import EngineFallback


NO_RUNS_LEFT = (
    "No test runs left: strict mode limits them, as many interviews do. "
    "Walk through your code by hand with the interviewer instead."
)


def fallback_notice(fallback: EngineFallback, earlier: Sequence[EngineFallback]) -> str | None:
    """What the candidate reads when the model failed and the offline interviewer answered:
    once per kind of failure (and once more when it becomes permanent). A turn the model
    answered against the rules is overruled silently: the candidate reads a proper answer."""
    if not fallback.unavailable:
        return None
    if fallback.permanent:
        if any(item.permanent for item in earlier):
            return None
        return (
            f"The model is unavailable ({fallback.reason}); the offline interviewer steps in "
            "for the rest of the interview."
        )
    if any(item.failure == fallback.failure for item in earlier):
        return None
    return (
        f"The model is unavailable ({fallback.reason}); the offline interviewer steps in when "
        "it doesn't answer."
    )


def activity(busy: Collection[str], interviewer_name: str) -> str:
    """The header's note about what is in progress, e.g. "Running tests…"."""
    labels = {
        "interviewer": f"{interviewer_name} is typing…",
        "tests": "Running tests…",
        "ending": "Ending the interview…",
        "scorecard": "Writing your scorecard…",
    }
    return " · ".join(label for name, label in labels.items() if name in busy)


def log_line(session_id: str, location: str) -> str:
    """Where the session's log lives."""
    return f"Session {session_id} saved in {location}"


def no_scorecard(session_id: str, location: str, problem: str = "") -> str:
    """The report screen's Markdown when no scorecard could be written."""
    because = f"The scorecard could not be written: {problem}\n\n" if problem else ""
    return (
        f"# Interview ended\n\n{because}The whole session is saved: session `{session_id}` "
        f"in `{location}`.\n\nRun `mockloop report {session_id}` to see its report later."
    )
