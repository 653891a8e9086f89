"""Migrating a blank database gives exactly the schema the store expects."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

from home_support import START, session_events, store_sessions, twenty_sessions
from sqlite_utils import Database

from mockloop.store import Store
from mockloop.store.database import LATEST_MIGRATION, EventDatabase
from mockloop.store.outcomes import read_outcomes
from mockloop.store.schema import migrate, migrations

EXPECTED = {
    ("table", "_sqlite_migrations"): 'CREATE TABLE "_sqlite_migrations" ( "id" INTEGER PRIMARY '
    'KEY, "migration_set" TEXT, "name" TEXT, "applied_at" TEXT )',
    ("index", "idx__sqlite_migrations_migration_set_name"): "CREATE UNIQUE INDEX "
    '"idx__sqlite_migrations_migration_set_name" ON "_sqlite_migrations" ("migration_set", '
    '"name")',
    ("table", "sessions"): "CREATE TABLE sessions ( id TEXT PRIMARY KEY, started_at TEXT NOT "
    "NULL, ended_at TEXT, company TEXT NOT NULL, persona TEXT NOT NULL, level TEXT NOT NULL, "
    "level_title TEXT NOT NULL, focus TEXT NOT NULL, problem TEXT NOT NULL, model TEXT, seed "
    "INTEGER NOT NULL, minutes INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'active', "
    "verdict TEXT, score REAL , simulated INTEGER NOT NULL DEFAULT 0, used_seconds REAL NOT "
    "NULL DEFAULT 0, passed INTEGER NOT NULL DEFAULT 0, dimensions TEXT)",
    ("table", "code"): "CREATE TABLE code ( digest TEXT PRIMARY KEY, base TEXT REFERENCES "
    "code(digest), depth INTEGER NOT NULL DEFAULT 0, size INTEGER NOT NULL, body BLOB NOT "
    "NULL ) WITHOUT ROWID",
    ("table", "events"): "CREATE TABLE events ( session_id TEXT NOT NULL REFERENCES "
    "sessions(id), seq INTEGER NOT NULL, t REAL NOT NULL, kind TEXT NOT NULL, payload TEXT "
    "NOT NULL, digest TEXT REFERENCES code(digest), PRIMARY KEY (session_id, seq) ) WITHOUT "
    "ROWID",
    ("index", "sessions_started_at"): "CREATE INDEX sessions_started_at ON sessions(started_at)",
    ("index", "sessions_persona_level"): "CREATE INDEX sessions_persona_level ON "
    "sessions(persona, level, started_at)",
    ("index", "sessions_status"): "CREATE INDEX sessions_status ON sessions(status, started_at)",
    ("index", "sqlite_autoindex_sessions_1"): "",
}


def schema(path: Path) -> dict[tuple[str, str], str]:
    """Every table and index with its SQL, whitespace collapsed."""
    connection = sqlite3.connect(path)
    rows = connection.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
    connection.close()
    return {(kind, name): re.sub(r"\s+", " ", sql or "").strip() for kind, name, sql in rows}


def test_blank_database_migrates_to_the_exact_schema(tmp_path: Path) -> None:
    path = tmp_path / "blank.db"
    migrate(Database(path))
    assert schema(path) == EXPECTED
    applied = [migration.name for migration in migrations.applied(Database(path))]
    assert applied == ["m001_sessions_events_code", "m002_session_outcomes"]
    assert applied[-1] == LATEST_MIGRATION, "update LATEST_MIGRATION with each new migration"


def test_store_open_migrates_once_and_reopens_without_changes(tmp_path: Path) -> None:
    path = tmp_path / "store.db"
    Store.open(path).close()
    Store.open(path).close()
    assert schema(path) == EXPECTED
    connection = sqlite3.connect(path)
    assert connection.execute("SELECT count(*) FROM _sqlite_migrations").fetchone() == (2,)
    assert connection.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    connection.close()


OUTCOME_COLUMNS = ("simulated", "used_seconds", "passed", "dimensions")


def as_of_m001(path: Path) -> None:
    """Turn a current database back into one written before `m002_session_outcomes`."""
    connection = sqlite3.connect(path, isolation_level=None)
    for column in OUTCOME_COLUMNS:
        connection.execute(f"ALTER TABLE sessions DROP COLUMN {column}")
    connection.execute("DELETE FROM _sqlite_migrations WHERE name = 'm002_session_outcomes'")
    connection.close()


def varied_sessions(path: Path) -> None:
    """The twenty Home sessions (one incomplete, one simulated), a short one with a passing
    run, one still in progress and one scored twice (the later scorecard counts)."""
    rescored = session_events(dimensions={"coding": 1.0})
    rescored += session_events(dimensions={"coding": 4.0})[-1:]
    rescored[-1] = rescored[-1].model_copy(update={"seq": len(rescored) - 1})
    store_sessions(
        path,
        [
            *twenty_sessions(),
            ("short-passed", START, session_events(used=120.0, passed=True)),
            ("in-progress", START, session_events(ended=False)),
            ("rescored", START, rescored),
        ],
    )


def test_an_older_database_is_backfilled_to_the_outcomes_it_would_have_now(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    varied_sessions(path)
    store = Store.open(path)
    written = store.outcomes()
    store.close()
    as_of_m001(path)
    assert "used_seconds" not in schema(path)[("table", "sessions")]
    store = Store.open(path)
    migrated = store.outcomes()
    store.close()
    assert schema(path) == EXPECTED
    assert migrated == written
    by_id = {outcome.id: outcome for outcome in migrated}
    assert by_id["rescored"].dimensions == {"coding": 4.0}
    assert by_id["in-progress"].used_seconds == 1620.0 and not by_id["in-progress"].ended
    assert not by_id["short-passed"].incomplete
    assert sum(outcome.simulated for outcome in migrated) == 1
    assert sum(outcome.incomplete for outcome in migrated) == 1


def test_an_older_database_that_cannot_be_written_is_read_through_a_migrated_copy(
    tmp_path: Path,
) -> None:
    path = tmp_path / "old.db"
    varied_sessions(path)
    store = Store.open(path)
    written = store.outcomes()
    store.close()
    as_of_m001(path)
    before = schema(path)
    database = EventDatabase.open_read_only(path)
    try:
        assert read_outcomes(database) == written
    finally:
        database.close()
    assert schema(path) == before
