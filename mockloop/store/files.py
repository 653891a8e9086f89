"""Which files can be the MockLoop database, and how a damaged one is reported.

MockLoop never writes over a file it did not create: anything at the database path that is
not an SQLite file (a folder, a pipe, a device, someone's notes) is named and left alone.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from mockloop.errors import MockloopError

SQLITE_HEADER = b"SQLite format 3\x00"


def check_database_file(path: Path) -> None:
    """Refuse a path holding something other than an SQLite file; never touch it."""
    if path.is_dir():
        raise MockloopError(f"{path} is a directory, not the MockLoop database. Move it away.")
    if not path.is_file():
        if path.exists():  # a pipe or device: SQLite would block reading it, or read zeros
            raise MockloopError(
                f"{path} is not a regular file, so it cannot be the MockLoop database. "
                "Move it away, or set MOCKLOOP_HOME to another folder."
            )
        return
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_HEADER))
    if header and header != SQLITE_HEADER:
        raise MockloopError(
            f"{path} is not an SQLite database, so MockLoop will not use it (it was left "
            "untouched). Move or rename it, or set MOCKLOOP_HOME to another folder."
        )


def corrupt(path: Path, error: sqlite3.DatabaseError) -> MockloopError:
    """The message for a database SQLite cannot read."""
    return MockloopError(
        f"{path} is damaged or not a MockLoop database ({error}); it was left untouched. "
        "Move it away to start a fresh one, or set MOCKLOOP_HOME to another folder."
    )


def is_corruption(error: sqlite3.DatabaseError) -> bool:
    """True for errors meaning the file itself is unreadable (not busy, full or read-only)."""
    name = getattr(error, "sqlite_errorname", "")
    return name in ("SQLITE_CORRUPT", "SQLITE_NOTADB") or (
        not isinstance(error, sqlite3.OperationalError) and not name
    )
