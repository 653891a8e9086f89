"""One writer per session: an exclusive lock on a small file that dies with its process.

Two terminals writing the same session would interleave sequence numbers; the second
one's events would be refused. `claim` takes a non-blocking `flock` on
`locks/<session id>.lock` next to the database (or in a private temp folder when that
folder cannot be written). The kernel drops the lock when the process exits, however it
exits, so a crash never leaves a session locked.
"""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

from mockloop.errors import UsageError
from mockloop.store.recovery import private_folder


class SessionClaim:
    """A held claim on one session; `release` (or the process ending) gives it up."""

    def __init__(self, session_id: str, descriptor: int) -> None:
        self.session_id = session_id
        self._descriptor: int | None = descriptor

    def release(self) -> None:
        """Give the session up (idempotent)."""
        if self._descriptor is not None:
            os.close(self._descriptor)  # closing the file drops its flock
            self._descriptor = None


def lock_folders(database: Path) -> list[Path]:
    """Where claims for this database live: next to it, else a private temp folder."""
    return [database.parent / "locks", private_folder("locks", database)]


def _open_lock_file(database: Path, session_id: str) -> int:
    """Open (creating) the session's lock file in the first folder that allows it."""
    failure: OSError | None = None
    for folder in lock_folders(database):
        try:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
            return os.open(folder / f"{session_id}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC)
        except OSError as error:
            failure = error
    assert failure is not None
    raise failure


def claim(database: Path, session_id: str) -> SessionClaim:
    """Claim a session for this process; UsageError (exit 2) when another process holds it.

    When no folder can hold a lock file at all, the session is opened unclaimed: a
    read-only disk cannot be written by a second writer either.
    """
    try:
        descriptor = _open_lock_file(database, session_id)
    except OSError:
        return SessionClaim(session_id, os.open(os.devnull, os.O_RDONLY | os.O_CLOEXEC))
    try:
        fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        holder = os.pread(descriptor, 32, 0).decode("ascii", "replace").strip()
        os.close(descriptor)
        by = f" (process {holder})" if holder.isdigit() else ""
        raise UsageError(
            f"Session {session_id} is open in another MockLoop window{by}. Close it there "
            "first: a session has one writer, so nothing is lost."
        ) from None
    try:  # who holds it, for the message a second window shows; the lock itself is enough
        os.ftruncate(descriptor, 0)
        os.pwrite(descriptor, str(os.getpid()).encode("ascii"), 0)
    except OSError:
        pass
    return SessionClaim(session_id, descriptor)
