"""The database schema as named migrations (sqlite-utils `Migrations`), applied in order.

Never edit a migration that has shipped; add a new one. `tests/test_store_schema.py`
migrates a blank database and asserts the exact resulting schema.
"""

from __future__ import annotations

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


def migrate(db: Database) -> None:
    """Bring a database (blank or older) up to the current schema."""
    migrations.apply(db)
