"""The session store: every interview's append-only event log in one SQLite file."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mockloop.store.store import Store

if TYPE_CHECKING:
    from mockloop.store.summary import SessionSummary

__all__ = ["SessionSummary", "Store"]


def __getattr__(name: str) -> Any:
    """Import `SessionSummary` (pydantic) only when asked, so `history --json` starts fast."""
    if name == "SessionSummary":
        from mockloop.store.summary import SessionSummary

        return SessionSummary
    raise AttributeError(f"module 'mockloop.store' has no attribute {name!r}")
