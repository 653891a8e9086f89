"""`Store`: the event sink the interview writes to, which never loses an event.

When the database cannot be written (read-only folder, full disk, locked by another writer
past the timeout) the interview goes on: events wait in memory, the user is told once, and
every later append retries. Whatever is still unwritten at `close()` goes to a recovery
JSONL file, imported automatically the next time the database is writable.
"""

from __future__ import annotations

import sqlite3
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mockloop import paths
from mockloop.errors import MockloopError, UsageError
from mockloop.store.database import EventDatabase, check_database_file, corrupt, is_corruption
from mockloop.store.records import Record, wall_clock

if TYPE_CHECKING:
    from mockloop.events import Event
    from mockloop.store.outcomes import SessionOutcome
    from mockloop.store.summary import SessionSummary

RETRY_TIMEOUT = 0.05
"""Busy timeout (seconds) for retries while degraded, so a held lock never freezes the UI."""


def describe(error: BaseException) -> str:
    """A short reason for a write failure, without paths or secrets."""
    name = getattr(error, "sqlite_errorname", "")
    if name in ("SQLITE_BUSY", "SQLITE_LOCKED"):
        return "it is locked by another MockLoop process"
    if name == "SQLITE_FULL":
        return "the disk is full"
    if name == "SQLITE_READONLY" or isinstance(error, PermissionError):
        return "it is read-only"
    return f"it cannot be written ({error})"


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
        """Where unwritten events are saved at close: next to the database."""
        return self.path.parent / "recovery"

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
            self._database.set_timeout(self.timeout)
        self._pending.clear()
        return True

    def _require(self) -> EventDatabase:
        """The open database for reads and imports, or a MockloopError naming the file."""
        self._flush_quietly()
        if self._database is None:
            raise MockloopError(f"The database {self.path} cannot be opened right now.")
        return self._database

    def _flush_quietly(self) -> bool:
        try:
            if self._database is None:
                self._database = EventDatabase.open(self.path, self.timeout)
        except (sqlite3.DatabaseError, OSError):
            return False
        return self._flush()

    def load(self, session_id: str) -> list[Event]:
        """A session's log (id or unique prefix); UsageError when there is no such session."""
        self._import_recovery_folder()
        memory_ids = {record.session_id for record in self._pending}
        full_id: str | None = session_id if session_id in memory_ids else None
        stored: list[Event] = []
        if self._database is not None:
            full_id = full_id or self._database.resolve(session_id)
            if full_id is not None:
                stored = self._database.events(full_id)
        if full_id is None:
            matches = sorted(sid for sid in memory_ids if sid.startswith(session_id))
            if len(matches) != 1:
                raise UsageError(
                    f"No session '{session_id}'. Run `mockloop history` to see session ids."
                )
            full_id = matches[0]
        waiting = [record.event for record in self._pending if record.session_id == full_id]
        return stored + waiting

    def latest_unfinished(self) -> str | None:
        """The id of the most recent session that has not ended, if any."""
        self._import_recovery_folder()
        if self._database is None:
            return None
        return self._database.latest_unfinished()

    def history(
        self, company: str | None = None, level: str | None = None, limit: int | None = None
    ) -> list[SessionSummary]:
        """Past sessions newest first; `company` is a persona id (e.g. google)."""
        return self._require().history(company, level, limit)

    def history_rows(
        self, company: str | None = None, level: str | None = None, limit: int | None = None
    ) -> list[dict[str, Any]]:
        """Like `history` but plain dicts (SessionSummary fields), for fast JSON output."""
        return self._require().history_rows(company, level, limit)

    def history_tuples(
        self,
        columns: Sequence[str],
        company: str | None = None,
        level: str | None = None,
        limit: int | None = None,
    ) -> list[tuple[Any, ...]]:
        """Only these session columns, as tuples, newest first (the lean `--json` path)."""
        return self._require().history_tuples(columns, company, level, limit)

    def outcomes(self) -> list[SessionOutcome]:
        """Every session with its markers and dimension scores, newest first (Home, stats)."""
        from mockloop.store.outcomes import read_outcomes

        return read_outcomes(self._require())

    def markers(self) -> dict[str, tuple[str, bool, bool]]:
        """Session id -> (focus, simulated, incomplete), for `history --json`."""
        from mockloop.store.outcomes import read_markers

        return read_markers(self._require())

    def known_personas(self) -> set[str]:
        """Persona ids that appear in the history (for `--company` on removed packs)."""
        return set() if self._database is None else self._database.known_personas()

    def done_slugs(self) -> set[str]:
        """Problems this user has finished an interview on."""
        return set() if self._database is None else self._database.done_slugs()

    def sync(self) -> None:
        """Make everything durable now (end of session); retries pending events first."""
        self._flush_quietly()
        if self._database is not None:
            self._database.sync()

    def close(self) -> list[Path]:
        """Write what is left; unwritable events go to recovery files, whose paths are returned."""
        written: list[Path] = []
        if self._pending and not self._flush_quietly():
            written = self._write_recovery(self._pending)
            self._pending.clear()
            for path in written:
                message = f"Events not yet in the database were saved to {path}."
                self._notices.append(message)
                print(f"mockloop: {message}", file=sys.stderr)
        if self._database is not None:
            self._database.close()
            self._database = None
        return written

    def _write_recovery(self, records: Iterable[Record]) -> list[Path]:
        import tempfile  # only this rare path needs it; keeps start-up imports lean

        by_session: dict[str, list[Record]] = {}
        for record in records:
            by_session.setdefault(record.session_id, []).append(record)
        written = []
        for session_id, session_records in by_session.items():
            lines = "".join(record.to_json() + "\n" for record in session_records)
            fallback = Path(tempfile.gettempdir()) / "mockloop-recovery"
            for folder in (self.recovery_dir, fallback):
                target = folder / f"{session_id}.jsonl"
                try:
                    folder.mkdir(parents=True, exist_ok=True)
                    with target.open("a", encoding="utf-8") as handle:
                        handle.write(lines)
                except OSError:
                    continue
                written.append(target)
                break
        return written

    def import_recovery(self, path: Path) -> list[str]:
        """Append a recovery file's events that the database lacks; returns the session ids.

        The file is renamed to `*.imported` afterwards, never deleted.
        """
        database = self._require()
        lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        records: list[Record] = []
        for number, line in enumerate(lines, 1):
            try:
                records.append(Record.from_json(line))
            except ValueError as error:
                if number == len(lines):
                    break  # a last line cut short by a crash while writing the file
                raise MockloopError(
                    f"{path}, line {number}: not a recovery record ({error})"
                ) from None
        fresh: list[Record] = []
        next_seq: dict[str, int] = {}
        for record in sorted(records, key=lambda r: (r.session_id, r.event.seq)):
            expected = next_seq.get(record.session_id)
            if expected is None:
                expected = database.last_seq(record.session_id) + 1
            if record.event.seq == expected:
                fresh.append(record)
                next_seq[record.session_id] = expected + 1
        database.write(fresh)
        path.rename(path.with_name(path.name + ".imported"))
        return sorted({record.session_id for record in records})

    def _import_recovery_folder(self) -> None:
        """Import recovery files left by earlier runs, once the database is writable."""
        if self._database is None or not self.recovery_dir.is_dir():
            return
        for path in sorted(self.recovery_dir.glob("*.jsonl")):
            if path in self._failed_imports:
                continue
            try:
                self.import_recovery(path)
            except (MockloopError, sqlite3.DatabaseError, OSError) as error:
                self._failed_imports.add(path)
                message = getattr(error, "message", str(error))
                self._notices.append(f"Could not import the recovery file {path}: {message}")
