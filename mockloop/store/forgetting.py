"""Forgetting sessions: their events, their row, the code only they used, then a vacuum.

Privacy is the point: the database holds the candidate's code and words. Code is stored
once per content and may be shared (the same starter in two sessions) or be the delta base
of another snapshot, so a code row goes only when no event and no other row needs it.
VACUUM afterwards rewrites the file, so the deleted pages do not linger on disk.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence


def scorecard_paths(connection: sqlite3.Connection, session_id: str) -> list[str]:
    """The report files a session's `scorecard_written` events name."""
    rows = connection.execute(
        "SELECT payload FROM events WHERE session_id = ? AND kind = 'scorecard_written'",
        (session_id,),
    ).fetchall()
    found = []
    for (payload,) in rows:
        try:
            path = json.loads(payload).get("path")
        except (ValueError, AttributeError):
            continue
        if isinstance(path, str) and path:
            found.append(path)
    return found


def delete_sessions(connection: sqlite3.Connection, session_ids: Sequence[str]) -> None:
    """Delete the sessions' events and rows, then every code row nothing refers to any more.

    The caller holds a transaction. Unreferenced code is removed leaves first: a row that
    was another's delta base becomes removable once that other row is gone.
    """
    for session_id in session_ids:
        connection.execute("DELETE FROM events WHERE session_id = ?", (session_id,))
        connection.execute("DELETE FROM sessions WHERE id = ?", (session_id,))
    while True:
        removed = connection.execute(
            "DELETE FROM code WHERE digest NOT IN "
            "(SELECT digest FROM events WHERE digest IS NOT NULL) "
            "AND digest NOT IN (SELECT base FROM code WHERE base IS NOT NULL)"
        ).rowcount
        if removed <= 0:
            return
