"""The database schema as named migrations (sqlite-utils `Migrations`), applied in order.

Never edit a migration that has shipped; add a new one. `tests/test_store_schema.py`
migrates a blank database and asserts the exact resulting schema.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database, Migrations

migrations = Migrations("mockloop")


@migrations()
def m001_sessions_events_code(db: Database) -> None:
    """Sessions (derived from their events), the append-only events and deduplicated code."""
    db.execute(
        """
        CREATE TABLE sessions (
            id TEXT PRIMARY KEY,
            started_at TEXT NOT NULL,
            ended_at TEXT,
            company TEXT NOT NULL,
            persona TEXT NOT NULL,
            level TEXT NOT NULL,
            level_title TEXT NOT NULL,
            focus TEXT NOT NULL,
            problem TEXT NOT NULL,
            model TEXT,
            seed INTEGER NOT NULL,
            minutes INTEGER NOT NULL,
            status TEXT NOT NULL DEFAULT 'active',
            verdict TEXT,
            score REAL
        )
        """
    )
    db.execute(
        """
        CREATE TABLE code (
            digest TEXT PRIMARY KEY,
            base TEXT REFERENCES code(digest),
            depth INTEGER NOT NULL DEFAULT 0,
            size INTEGER NOT NULL,
            body BLOB NOT NULL
        ) WITHOUT ROWID
        """
    )
    db.execute(
        """
        CREATE TABLE events (
            session_id TEXT NOT NULL REFERENCES sessions(id),
            seq INTEGER NOT NULL,
            t REAL NOT NULL,
            kind TEXT NOT NULL,
            payload TEXT NOT NULL,
            digest TEXT REFERENCES code(digest),
            PRIMARY KEY (session_id, seq)
        ) WITHOUT ROWID
        """
    )
    db.execute("CREATE INDEX sessions_started_at ON sessions(started_at)")
    db.execute("CREATE INDEX sessions_persona_level ON sessions(persona, level, started_at)")
    db.execute("CREATE INDEX sessions_status ON sessions(status, started_at)")


@migrations()
def m002_session_outcomes(db: Database) -> None:
    """Each session's outcome beside its setup, kept up to date as events are written.

    Home, `mockloop stats` and `history` read these columns instead of seeking into each
    session's events (10,000 sessions: one scan, bench/home.py). Existing sessions are
    filled in from their events: `simulated` from `session_started`, `used_seconds` (the
    interview time used) from the last event, `passed` (any passing run) from `tests_run`
    and `dimensions` (JSON name -> score) from the latest `scorecard_written`.
    """
    for column in (
        "simulated INTEGER NOT NULL DEFAULT 0",
        "used_seconds REAL NOT NULL DEFAULT 0",
        "passed INTEGER NOT NULL DEFAULT 0",
        "dimensions TEXT",
    ):
        db.execute(f"ALTER TABLE sessions ADD COLUMN {column}")
    db.execute(
        """
        UPDATE sessions SET
            simulated = coalesce((SELECT json_extract(payload, '$.simulated') FROM events
                WHERE session_id = sessions.id AND seq = 0), 0),
            used_seconds = coalesce((SELECT t FROM events
                WHERE session_id = sessions.id ORDER BY seq DESC LIMIT 1), 0),
            passed = EXISTS (SELECT 1 FROM events WHERE session_id = sessions.id
                AND kind = 'tests_run' AND json_extract(payload, '$.status') = 'passed'),
            dimensions = (SELECT json_extract(payload, '$.dimensions') FROM events
                WHERE session_id = sessions.id AND kind = 'scorecard_written'
                ORDER BY seq DESC LIMIT 1)
        """
    )


def migrate(db: Database) -> None:
    """Bring a database (blank or older) up to the current schema."""
    migrations.apply(db)


def migrated_copy(connection: sqlite3.Connection) -> sqlite3.Connection:
    """An in-memory copy of a database that cannot be written, brought up to this schema.

    Closes `connection`. For an older file on a read-only disk: reading it needs the
    current columns, and the file itself must stay as it is.
    """
    memory = sqlite3.connect(":memory:", isolation_level=None, check_same_thread=False)
    try:
        connection.backup(memory)
        connection.close()
        memory.execute("BEGIN IMMEDIATE")
        migrate(Database(memory))
        memory.execute("COMMIT")
    except BaseException:
        memory.close()
        raise
    return memory
