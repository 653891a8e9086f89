"""`Store`: the event sink the interview writes to, which never loses an event.

When the database cannot be written (read-only folder, full disk, locked by another writer
past the timeout) the interview goes on: events wait in memory, the user is told once, and
every later append retries. Whatever is still unwritten at `close()` goes to a recovery
JSONL file, imported automatically the next time the database is writable.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockloop import paths
from mockloop.errors import MockloopError, UsageError
from mockloop.store import recovery
from mockloop.store.claim import SessionClaim
from mockloop.store.claim import claim as claim_session
from mockloop.store.database import EventDatabase
from mockloop.store.files import check_database_file, corrupt, is_corruption
from mockloop.store.records import Record, wall_clock

if TYPE_CHECKING:
    from mockloop.events import Event
    from mockloop.store.outcomes import Marker, SessionOutcome
    from mockloop.store.summary import SessionSummary

RETRY_TIMEOUT = 0.05
"""Busy timeout (seconds) for retries while degraded, so a held lock never freezes the UI."""
WRITE_TIMEOUT = 0.5
"""Busy timeout (seconds) for appends: a MockLoop commit holds the lock for well under a
millisecond, so waiting longer only freezes the interview behind a stuck process."""


def describe(error: BaseException, *, reading: bool = False) -> str:
    """A short reason for a write (or read) failure, without paths or secrets."""
    name = getattr(error, "sqlite_errorname", "")
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return "it is locked by another MockLoop process"
    if name == "SQLITE_FULL":
        return "the disk is full"
    if name == "SQLITE_READONLY" or isinstance(error, PermissionError):
        return "it is read-only"
    return f"it cannot be {'read' if reading else 'written'} ({error})"


class Store:
    """The session log on disk (SQLite), with an in-memory fallback that loses nothing."""

    def __init__(self, path: Path, database: EventDatabase | None, timeout: float) -> None:
        self.path = path
        self.timeout = timeout
        self._database = database
        self._pending: list[Record] = []
        self._notices: list[str] = []
        self._warned = False
        self._failed_imports: set[Path] = set()
        self._reader: EventDatabase | None = None
        self._open_error: BaseException | None = None
        self._claims: dict[str, SessionClaim] = {}

    @classmethod
    def open(cls, path: Path | None = None, *, timeout: float = 5.0) -> Store:
        """Open the database (default `paths.database_path()`), creating and migrating it.

        Raises MockloopError naming the file when it is not a usable SQLite database or is
        locked; an unwritable folder or full disk opens in memory with a notice instead.
        """
        target = path or paths.database_path()
        check_database_file(target)
        store = cls(target, None, timeout)
        try:
            store._database = EventDatabase.open(target, timeout)
            store._database.set_timeout(store.write_timeout)
        except sqlite3.DatabaseError as error:
            if is_corruption(error):
                raise corrupt(target, error) from None
            if getattr(error, "sqlite_errorname", "") in ("SQLITE_BUSY", "SQLITE_LOCKED"):
                raise MockloopError(
                    f"{target} is locked by another MockLoop process; close it and try again."
                ) from None
            store._degrade(error)
        except OSError as error:
            store._degrade(error)
        store._import_recovery_folder()
        return store

    @property
    def recovery_dir(self) -> Path:
        """Where unwritten events are saved at close: next to the database (see recovery.py)."""
        return recovery.folders(self.path)[0]

    @property
    def write_timeout(self) -> float:
        """How long an append waits for another process's write lock."""
        return min(self.timeout, WRITE_TIMEOUT)

    def claim(self, session_id: str) -> None:
        """Become the one writer of a session until `close`; UsageError when another has it."""
        if session_id not in self._claims:
            self._claims[session_id] = claim_session(self.path, session_id)

    @property
    def in_memory(self) -> bool:
        """True while some events are waiting in memory for the database."""
        return bool(self._pending) or self._database is None

    def notices(self) -> list[str]:
        """Messages for the user (each problem is reported once)."""
        return list(self._notices)

    def append(self, session_id: str, event: Event) -> None:
        """Persist one event atomically before returning (or keep it in memory, see above)."""
        self._pending.append(Record(session_id, event, wall_clock()))
        try:
            self._flush()
        except (ValueError, sqlite3.IntegrityError):
            self._pending.pop()
            raise

    def _degrade(self, error: BaseException) -> None:
        """Switch to memory after a write failure; tell the user the first time only."""
        self._open_error = error
        if self._database is not None:
            self._database.set_timeout(RETRY_TIMEOUT)
        if not self._warned:
            self._warned = True
            self._notices.append(
                f"Cannot write the database {self.path}: {describe(error)}. The interview "
                "goes on; events are kept in memory and saved when writing works again "
                f"(or to a recovery file in {self.recovery_dir} when you quit)."
            )

    def _flush(self) -> bool:
        """Try to write every pending record in one transaction; True when none are left."""
        if not self._pending:
            return True
        try:
            if self._database is None:
                self._database = EventDatabase.open(self.path, RETRY_TIMEOUT)
                self._close_reader()
            self._database.write(self._pending)
        except sqlite3.DatabaseError as error:
            if isinstance(error, sqlite3.IntegrityError):
                raise
            self._degrade(error)
            return False
        except OSError as error:
            self._degrade(error)
            return False
        except MockloopError as error:
            self._degrade(error)
            return False
        if self._warned:
            self._database.set_timeout(self.write_timeout)
        self._pending.clear()
        return True

    def _require(self) -> EventDatabase:
        """The database for reads: the open one, else a read-only connection to the file.

        MockloopError naming the file and the reason when it cannot be read at all.
        """
        self._flush_quietly()
        if self._database is not None:
            return self._database
        if self._reader is None:
            if not self.path.exists():
                raise MockloopError(
                    f"The database {self.path} does not exist and cannot be created: "
                    f"{describe(self._open_error) if self._open_error else 'unknown reason'}. "
                    "Check MOCKLOOP_HOME or the data folder."
                )
            with self._reading():
                self._reader = EventDatabase.open_read_only(self.path)
        return self._reader

    def _close_reader(self) -> None:
        if self._reader is not None:
            self._reader.close()
            self._reader = None

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Turn SQLite read failures into one message naming the file and what to do."""
        try:
            yield
        except sqlite3.DatabaseError as error:
            if is_corruption(error):
                raise corrupt(self.path, error) from None
            raise MockloopError(
                f"Cannot read the database {self.path}: {describe(error, reading=True)}."
            ) from None

    def _flush_quietly(self) -> bool:
        try:
            if self._database is None:
                self._database = EventDatabase.open(self.path, self.timeout)
                self._database.set_timeout(self.write_timeout)
                self._close_reader()
        except (sqlite3.DatabaseError, OSError, MockloopError):
            return False
        return self._flush()

    def resolve(self, session_id: str) -> str:
        """The full id for an id or unique prefix, stored or still in memory; UsageError when
        there is no such session or the prefix is ambiguous."""
        self._import_recovery_folder()
        memory_ids = {record.session_id for record in self._pending}
        if session_id in memory_ids:
            return session_id
        readable = session_id.isprintable() and is_text(session_id)
        if readable and (self._database is not None or self.path.is_file()):
            database = self._require()
            with self._reading():
                stored = database.resolve(session_id)
            if stored is not None:
                return stored
        matches = sorted(sid for sid in memory_ids if sid.startswith(session_id))
        if len(matches) > 1:
            raise UsageError(f"Session id '{session_id}' is ambiguous; give more characters.")
        if not matches:
            raise UsageError(
                f"No session '{session_id}'. Run `mockloop history` to see session ids."
            )
        return matches[0]

    def load(self, session_id: str) -> list[Event]:
        """A session's log (id or unique prefix); UsageError when there is no such session."""
        full_id = self.resolve(session_id)
        stored: list[Event] = []
        if self._database is not None or self.path.is_file():
            database = self._require()
            with self._reading():
                stored = database.events(full_id)
        waiting = [record.event for record in self._pending if record.session_id == full_id]
        return stored + waiting

    def latest_unfinished(self) -> str | None:
        """The id of the most recent session that has not ended, if any."""
        self._import_recovery_folder()
        if self._database is None and not self.path.is_file():
            return None
        database = self._require()
        with self._reading():
            return database.latest_unfinished()

    def history(
        self, company: str | None = None, level: str | None = None, limit: int | None = None
    ) -> list[SessionSummary]:
        """Past sessions newest first; `company` is a persona id (e.g. google)."""
        database = self._require()
        with self._reading():
            return database.history(company, level, limit)

    def history_tuples(
        self,
        columns: Sequence[str],
        company: str | None = None,
        level: str | None = None,
        limit: int | None = None,
    ) -> list[tuple[Any, ...]]:
        """Only these session columns, as tuples, newest first (the lean `--json` path)."""
        database = self._require()
        with self._reading():
            return database.history_tuples(columns, company, level, limit)

    def outcomes(self) -> list[SessionOutcome]:
        """Every session with its markers and dimension scores, newest first (Home, stats)."""
        from mockloop.store.outcomes import read_outcomes

        return read_outcomes(self._require())

    def markers(self) -> dict[str, Marker]:
        """Session id -> (focus, simulated, incomplete, time used), for `history`."""
        from mockloop.store.outcomes import read_markers

        return read_markers(self._require())

    def known_personas(self) -> set[str]:
        """Persona ids that appear in the history (for `--company` on removed packs)."""
        if self._database is None and not self.path.is_file():
            return set()
        database = self._require()
        with self._reading():
            return database.known_personas()

    def done_slugs(self) -> set[str]:
        """Problems this user has finished an interview on."""
        if self._database is None and not self.path.is_file():
            return set()
        database = self._require()
        with self._reading():
            return database.done_slugs()

    def forget(self, session_ids: Sequence[str] | None) -> list[tuple[str, str]]:
        """Delete the sessions (every one when None), then VACUUM; none may be open elsewhere.

        Returns (session id, report path) for each scorecard they wrote, for the caller to
        delete; the write-ahead log is truncated so no deleted page stays in it.
        """
        from mockloop.store import forgetting

        self._flush_quietly()
        database = self._database
        if database is None:
            raise MockloopError(
                f"The database {self.path} cannot be written, so nothing was deleted."
            )
        with self._reading():
            connection = database.connection
            if session_ids is None:
                session_ids = [row[0] for row in connection.execute("SELECT id FROM sessions")]
            for session_id in session_ids:
                self.claim(session_id)
            reports = [
                (sid, path)
                for sid in session_ids
                for path in forgetting.scorecard_paths(connection, sid)
            ]
            with database.transaction(durable=True):
                forgetting.delete_sessions(connection, session_ids)
            connection.execute("VACUUM")
            connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return reports

    def sync(self) -> None:
        """Make everything durable now (end of session); retries pending events first."""
        self._flush_quietly()
        if self._database is not None:
            self._database.sync()

    def close(self) -> list[Path]:
        """Write what is left; unwritable events go to recovery files, whose paths are returned.

        Gives up this process's claims on its sessions last, after everything is saved.
        """
        written: list[Path] = []
        try:
            if self._pending and not self._flush_quietly():
                written, lost = recovery.write(self.path, self._pending)
                if not lost:
                    self._pending.clear()
                for path in written:
                    message = f"Events not yet in the database were saved to {path}."
                    self._notices.append(message)
                    print(f"mockloop: {message}", file=sys.stderr)
                if lost:
                    raise MockloopError(
                        f"Events of session {', '.join(lost)} could not be saved anywhere: the "
                        f"database {self.path} and the recovery folders cannot be written "
                        "(is the disk full?). Free some space, then quit again."
                    )
            if self._database is not None:
                self._database.close()
                self._database = None
            self._close_reader()
        finally:
            if not self._pending:
                for held in self._claims.values():
                    held.release()
                self._claims.clear()
        return written

    def import_recovery(self, path: Path) -> list[str]:
        """Append a recovery file's events that the database lacks; returns the session ids.

        The file is renamed to `*.imported` once every one of its events is in the database;
        a file with events that cannot be placed (a gap in the log) is left where it is.
        """
        database = self._require()
        if database is self._reader:
            raise MockloopError(f"the database {self.path} cannot be written right now.")
        records = recovery.read(path)
        fresh: list[Record] = []
        next_seq: dict[str, int] = {}
        for record in sorted(records, key=lambda r: (r.session_id, r.event.seq)):
            expected = next_seq.get(record.session_id)
            if expected is None:
                expected = database.last_seq(record.session_id) + 1
            if record.event.seq == expected:
                fresh.append(record)
                next_seq[record.session_id] = expected + 1
            elif record.event.seq > expected:
                raise MockloopError(
                    f"{path}: session {record.session_id} continues at event "
                    f"{record.event.seq} but the database ends at {expected - 1}; not imported."
                )
        database.write(fresh)
        path.rename(path.with_name(path.name + ".imported"))
        return sorted({record.session_id for record in records})

    def _import_recovery_folder(self) -> None:
        """Import recovery files left by earlier runs (every folder), once writable."""
        if self._database is None:
            return
        for path in recovery.pending(self.path):
            if path in self._failed_imports:
                continue
            try:
                self.import_recovery(path)
            except (MockloopError, sqlite3.DatabaseError, OSError) as error:
                self._failed_imports.add(path)
                message = getattr(error, "message", str(error))
                self._notices.append(f"Could not import the recovery file {path}: {message}")


def is_text(value: str) -> bool:
    """True when the string can be stored as UTF-8 (no lone surrogates from argv)."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True
