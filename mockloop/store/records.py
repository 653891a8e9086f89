"""An event on its way to the database (or a recovery file), with its wall-clock time.

Kept free of pydantic imports so read-only commands such as `history --json` start fast.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pydantic import BaseModel

    from mockloop.events import Event


def wall_clock() -> str:
    """Now as an ISO-8601 UTC timestamp; sorts as text in time order."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


def payload_json(payload: BaseModel, exclude: set[str] | None = None) -> str:
    """The payload as JSON text; a lone surrogate (from candidate output) is kept escaped.

    pydantic refuses to write unpaired surrogates as UTF-8; `json.dumps` escapes them as
    `\\udXXX`, which reads back as the same string, so nothing is lost or altered.
    """
    from pydantic_core import PydanticSerializationError

    try:
        return payload.model_dump_json(exclude=exclude)
    except PydanticSerializationError:
        return json.dumps(payload.model_dump(mode="json", exclude=exclude), separators=(",", ":"))


@dataclass(frozen=True)
class Record:
    """An event on its way to the database, with the wall-clock time it was appended."""

    session_id: str
    event: Event
    recorded_at: str

    def to_json(self) -> str:
        """One line of a recovery file (code included in clear)."""
        return json.dumps(
            {
                "session_id": self.session_id,
                "recorded_at": self.recorded_at,
                "event": self.event.model_dump(mode="json"),
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, line: str) -> Record:
        """Parse a recovery-file line; ValueError (only) when it is malformed in any way."""
        from mockloop.events import Event

        try:
            data: Any = json.loads(line)
        except RecursionError:
            raise ValueError("nested too deeply") from None
        if not isinstance(data, dict):
            raise ValueError(f"expected an object, got {type(data).__name__}")
        session_id, event, recorded_at = (
            data.get(name) for name in ("session_id", "event", "recorded_at")
        )
        if not isinstance(session_id, str) or not isinstance(recorded_at, str):
            raise ValueError("session_id and recorded_at must be text")
        if not isinstance(event, dict):
            raise ValueError("event must be an object")
        return cls(session_id, Event.model_validate(event), recorded_at)
