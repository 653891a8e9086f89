"""The SQLite event log: one connection, WAL, atomic appends and the history queries.

This layer raises on every failure; `Store` (store.py) decides what the user sees. Appends
run in `BEGIN IMMEDIATE` transactions so two processes (two terminals) take turns cleanly
under the busy timeout instead of failing on a lock upgrade.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
import zlib
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockloop.errors import MockloopError, UsageError
from mockloop.store import codec
from mockloop.store.files import check_database_file, is_corruption
from mockloop.store.records import Record, payload_json

if TYPE_CHECKING:
    from mockloop.events import Event
    from mockloop.store.summary import SessionSummary

LATEST_MIGRATION = "m002_session_outcomes"
"""The last migration in schema.py; when it is applied, opening skips importing sqlite-utils."""
DURABLE_KINDS = frozenset({"session_ended", "scorecard_written"})
SUMMARY_COLUMNS = (
    "id, started_at, company, persona, level, level_title, problem, minutes, status, "
    "verdict, score, model"
)


class SequenceGap(ValueError):
    """An event's sequence number does not follow the last stored one (a caller bug)."""


class EventDatabase:
    """An open MockLoop database file."""

    def __init__(self, path: Path, connection: sqlite3.Connection, timeout: float) -> None:
        self.path = path
        self.connection = connection
        self.timeout = timeout
        self._lock = threading.RLock()
        self._previous_code: dict[str, tuple[str, str, int]] = {}
        self._codes = codec.CodeCache(self._fetch_code)

    @classmethod
    def open(cls, path: Path, timeout: float = 5.0) -> EventDatabase:
        """Open (creating and migrating) the database; raises sqlite3/OS errors as they come."""
        check_database_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        connection = sqlite3.connect(
            str(path), timeout=timeout, isolation_level=None, check_same_thread=False
        )
        try:
            connection.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")
            connection.execute("PRAGMA journal_mode = WAL")
            connection.execute("PRAGMA synchronous = NORMAL")
            connection.execute("PRAGMA foreign_keys = ON")
            database = cls(path, connection, timeout)
            if not database.up_to_date():
                from sqlite_utils import Database

                from mockloop.store.schema import migrate

                with database.transaction():
                    migrate(Database(connection))
        except BaseException:
            connection.close()
            raise
        return database

    @classmethod
    def open_read_only(cls, path: Path) -> EventDatabase:
        """Open for reading only, e.g. on a read-only disk where WAL cannot make its files.

        Tries SQLite's read-only mode, then `immutable` (no locking or WAL index at all:
        right for a disk nobody can write); a file of an older schema is read through a
        migrated copy in memory. Raises sqlite3 errors when neither works.
        """
        from urllib.parse import quote

        if not path.is_file():
            raise sqlite3.OperationalError(f"{path} does not exist")
        failure: sqlite3.DatabaseError | None = None
        for mode in ("mode=ro", "immutable=1"):
            uri = f"file:{quote(str(path))}?{mode}"
            connection = sqlite3.connect(
                uri, uri=True, isolation_level=None, check_same_thread=False
            )
            try:
                connection.execute("SELECT count(*) FROM sessions").fetchone()
            except sqlite3.DatabaseError as error:
                connection.close()
                if is_corruption(error):
                    raise
                failure = error
                continue
            database = cls(path, connection, 0.0)
            if database.up_to_date():
                return database
            from mockloop.store.schema import migrated_copy

            return cls(path, migrated_copy(connection), 0.0)
        assert failure is not None
        raise failure

    def up_to_date(self) -> bool:
        """True when the latest migration is applied (a plain query, no sqlite-utils import)."""
        try:
            row = self.connection.execute(
                "SELECT 1 FROM _sqlite_migrations WHERE migration_set = 'mockloop' AND name = ?",
                (LATEST_MIGRATION,),
            ).fetchone()
        except sqlite3.OperationalError as error:
            if "no such table" in str(error):
                return False
            raise
        return row is not None

    @contextmanager
    def transaction(self, durable: bool = False) -> Iterator[None]:
        """One write transaction holding the write lock from the start; FULL sync if durable."""
        with self._lock:
            if durable:
                self.connection.execute("PRAGMA synchronous = FULL")
            try:
                self.connection.execute("BEGIN IMMEDIATE")
                try:
                    yield
                    self.connection.execute("COMMIT")
                except BaseException:
                    if self.connection.in_transaction:
                        self.connection.execute("ROLLBACK")
                    raise
            finally:
                if durable:
                    self.connection.execute("PRAGMA synchronous = NORMAL")

    def set_timeout(self, seconds: float) -> None:
        """Change how long a write waits for another process's lock."""
        with self._lock:
            self.connection.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def write(self, records: Sequence[Record]) -> None:
        """Append records atomically: all of them are stored, or none."""
        if not records:
            return
        durable = any(record.event.kind in DURABLE_KINDS for record in records)
        written: dict[str, tuple[str, str, int]] = {}
        with self.transaction(durable):
            last_seen: dict[str, int] = {}
            used: dict[str, float] = {}
            for record in records:
                self._write_one(record, last_seen, written)
                used[record.session_id] = record.event.t
            self.connection.executemany(
                "UPDATE sessions SET used_seconds = ? WHERE id = ?",
                [(seconds, session_id) for session_id, seconds in used.items()],
            )
        self._previous_code.update(written)

    def _write_one(
        self,
        record: Record,
        last_seen: dict[str, int],
        written: dict[str, tuple[str, str, int]],
    ) -> None:
        from mockloop.events import (
            CodeSnapshot,
            ScorecardWritten,
            SessionEnded,
            SessionStarted,
            TestsRun,
        )

        session_id, event = record.session_id, record.event
        last = last_seen.get(session_id)
        expected = (self.last_seq(session_id) if last is None else last) + 1
        if event.seq != expected:
            raise SequenceGap(f"session {session_id}: got seq {event.seq}, expected {expected}")
        last_seen[session_id] = event.seq
        payload = event.payload
        execute = self.connection.execute
        digest: str | None = None
        if isinstance(payload, SessionStarted):
            execute(
                "INSERT INTO sessions (id, started_at, company, persona, level, level_title, "
                "focus, problem, model, seed, minutes, simulated) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    session_id,
                    record.recorded_at,
                    payload.company,
                    payload.persona,
                    payload.level,
                    payload.level_title,
                    payload.focus,
                    payload.problem,
                    payload.model,
                    payload.seed,
                    payload.minutes,
                    payload.simulated,
                ),
            )
            body = payload_json(payload)
        elif isinstance(payload, CodeSnapshot):
            digest = payload.digest
            self._store_code(session_id, payload.code, digest, written)
            body = payload_json(payload, exclude={"code"})
        else:
            body = payload_json(payload)
            if isinstance(payload, SessionEnded):
                execute(
                    "UPDATE sessions SET status = 'ended', ended_at = ? WHERE id = ?",
                    (record.recorded_at, session_id),
                )
            elif isinstance(payload, ScorecardWritten):
                execute(
                    "UPDATE sessions SET verdict = ?, score = ?, dimensions = ? WHERE id = ?",
                    (payload.verdict, payload.score, json.dumps(payload.dimensions), session_id),
                )
            elif isinstance(payload, TestsRun) and payload.status == "passed":
                execute("UPDATE sessions SET passed = 1 WHERE id = ?", (session_id,))
        execute(
            "INSERT INTO events (session_id, seq, t, kind, payload, digest) VALUES (?,?,?,?,?,?)",
            (session_id, event.seq, event.t, payload.kind, body, digest),
        )

    def _store_code(
        self, session_id: str, code: str, digest: str, written: dict[str, tuple[str, str, int]]
    ) -> None:
        """Store code once per content, delta-compressed against the session's last snapshot."""
        from mockloop.digests import code_digest

        if code_digest(code) != digest:
            raise ValueError("code_snapshot digest does not match its code")
        previous = written.get(session_id) or self._previous_code.get(session_id)
        row = self.connection.execute("SELECT depth FROM code WHERE digest = ?", (digest,))
        found = row.fetchone()
        if found is not None:
            written[session_id] = (digest, code, int(found[0]))
            return
        if previous is not None and previous[2] < codec.MAX_DEPTH:
            base_digest, base_code, base_depth = previous
            body = codec.compress(code, base_code)
            base: str | None = base_digest
            depth = base_depth + 1
        else:
            body, base, depth = codec.compress(code), None, 0
        self.connection.execute(
            "INSERT INTO code (digest, base, depth, size, body) VALUES (?,?,?,?,?)",
            (digest, base, depth, len(code), body),
        )
        written[session_id] = (digest, code, depth)
        self._codes.remember(digest, code)

    def _fetch_code(self, digest: str) -> tuple[bytes, str | None]:
        row = self.connection.execute(
            "SELECT body, base FROM code WHERE digest = ?", (digest,)
        ).fetchone()
        if row is None:
            raise MockloopError(f"{self.path}: code {digest[:12]} is missing from the database")
        return bytes(row[0]), row[1]

    def last_seq(self, session_id: str) -> int:
        """The last stored sequence number of a session, -1 when it has none."""
        with self._lock:
            row = self.connection.execute(
                "SELECT max(seq) FROM events WHERE session_id = ?", (session_id,)
            ).fetchone()
        return -1 if row[0] is None else int(row[0])

    def resolve(self, prefix: str) -> str | None:
        """The full session id for an id or unique prefix; None when nothing matches."""
        with self._lock:
            rows = self.connection.execute(
                "SELECT id FROM sessions WHERE id >= ? AND id < ? ORDER BY id LIMIT 2",
                (prefix, prefix + "\U0010ffff"),
            ).fetchall()
        if len(rows) > 1 and rows[0][0] != prefix:
            raise UsageError(f"Session id '{prefix}' is ambiguous; give more characters.")
        return str(rows[0][0]) if rows else None

    def events(self, session_id: str) -> list[Event]:
        """A session's events in order, code snapshots rehydrated."""
        from mockloop.events import Event

        with self._lock:
            rows = self.connection.execute(
                "SELECT seq, t, payload, digest FROM events WHERE session_id = ? ORDER BY seq",
                (session_id,),
            ).fetchall()
            loaded: list[Event] = []
            for seq, t, body, digest in rows:
                try:
                    payload: dict[str, Any] = json.loads(body)
                    if digest is not None:
                        payload["code"] = self._codes.code(digest)
                    loaded.append(Event.model_validate({"seq": seq, "t": t, "payload": payload}))
                except (ValueError, TypeError, zlib.error, RecursionError) as error:
                    reason = str(error).splitlines()[0][:120] if str(error) else "unreadable"
                    raise sqlite3.DatabaseError(
                        f"event {seq} of session {session_id} cannot be read: {reason}"
                    ) from None
        return loaded

    def latest_unfinished(self) -> str | None:
        """The most recently started session that has not ended."""
        with self._lock:
            row = self.connection.execute(
                "SELECT id FROM sessions WHERE status = 'active' "
                "ORDER BY started_at DESC, id DESC LIMIT 1"
            ).fetchone()
        return None if row is None else str(row[0])

    def history_rows(
        self, persona: str | None = None, level: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Session rows as plain dicts, newest first, optionally filtered."""
        names = SUMMARY_COLUMNS.split(", ")
        rows = self.history_tuples(names, persona, level, limit)
        return [dict(zip(names, row, strict=True)) for row in rows]

    def history_tuples(
        self,
        columns: Sequence[str],
        persona: str | None = None,
        level: str | None = None,
        limit: int | None = None,
    ) -> list[tuple[Any, ...]]:
        """Only these `sessions` columns (or markers: `focus`, `simulated`, `incomplete`), as
        tuples, newest first (the lean `--json` path: one scan of one table)."""
        from mockloop.store.outcomes import MARKER_EXPRESSIONS

        unknown = set(columns) - set(SUMMARY_COLUMNS.split(", ")) - set(MARKER_EXPRESSIONS)
        if unknown:
            raise ValueError(f"not a history column: {', '.join(sorted(unknown))}")
        clauses, parameters = [], []
        if persona is not None:
            clauses.append("persona = ?")
            parameters.append(persona)
        if level is not None:
            clauses.append("level = ?")
            parameters.append(level)
        where = f" WHERE {' AND '.join(clauses)}" if clauses else ""
        selected = ", ".join(MARKER_EXPRESSIONS.get(column, column) for column in columns)
        sql = f"SELECT {selected} FROM sessions{where} ORDER BY started_at DESC, id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        with self._lock:
            return self.connection.execute(sql, parameters).fetchall()

    def history(
        self, persona: str | None = None, level: str | None = None, limit: int | None = None
    ) -> list[SessionSummary]:
        """Session summaries, newest first."""
        from mockloop.store.summary import SessionSummary

        return [
            SessionSummary.model_validate(row) for row in self.history_rows(persona, level, limit)
        ]

    def known_personas(self) -> set[str]:
        """Persona ids that appear in the history."""
        with self._lock:
            rows = self.connection.execute("SELECT DISTINCT persona FROM sessions").fetchall()
        return {str(row[0]) for row in rows}

    def done_slugs(self) -> set[str]:
        """Problems of sessions that ended."""
        with self._lock:
            rows = self.connection.execute(
                "SELECT DISTINCT problem FROM sessions WHERE status = 'ended'"
            ).fetchall()
        return {str(row[0]) for row in rows}

    def sync(self) -> None:
        """Flush the WAL and the database file to the disk (fsync), making every commit durable."""
        with self._lock:
            for suffix in ("-wal", ""):
                target = Path(f"{self.path}{suffix}")
                if target.exists():
                    descriptor = os.open(target, os.O_RDONLY)
                    try:
                        os.fsync(descriptor)
                    finally:
                        os.close(descriptor)

    def close(self) -> None:
        """Close the connection (SQLite checkpoints the WAL when it is the last one)."""
        with self._lock:
            self.connection.close()
