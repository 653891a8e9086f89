"""Small builders of domain objects shared by several test modules."""

from __future__ import annotations

from typing import Any

from mockloop.events import SessionStarted


def session_started(**overrides: Any) -> SessionStarted:
    """A Google senior two-sum `session_started` payload; keyword arguments replace fields."""
    fields: dict[str, Any] = {
        "company": "Google",
        "persona": "google",
        "level": "senior",
        "level_title": "L5",
        "problem": "two-sum",
        "rubric": "coding",
        "minutes": 45,
        "seed": 1,
        "starter": "",
    }
    fields.update(overrides)
    return SessionStarted(**fields)
