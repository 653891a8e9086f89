"""An event on its way to the database (or a recovery file), with its wall-clock time.

Kept free of pydantic imports so read-only commands such as `history --json` start fast.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mockloop.events import Event


def wall_clock() -> str:
    """Now as an ISO-8601 UTC timestamp; sorts as text in time order."""
    return datetime.now(UTC).isoformat(timespec="microseconds")


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
        """Parse a recovery-file line; raises ValueError when it is malformed."""
        from mockloop.events import Event

        data: dict[str, Any] = json.loads(line)
        return cls(
            session_id=str(data["session_id"]),
            event=Event.model_validate(data["event"]),
            recorded_at=str(data["recorded_at"]),
        )
