"""Recovery files: events the database could not take, kept as JSON lines until imported.

A recovery file is written whole or not at all (a temporary file, synced, then renamed),
so a full disk never leaves an empty or half file where the next start would look. It
goes next to the database, or when that folder cannot be written, to a private folder
under the temp dir named after the database; `folders` lists both, and both are imported.
"""

from __future__ import annotations

import os
import zlib
from collections.abc import Iterable
from pathlib import Path

from mockloop.errors import MockloopError
from mockloop.store.records import Record

READ_LIMIT = 256 * 1024 * 1024
"""The largest recovery file imported (bytes); a longer one is reported and left alone."""


def temporary_root() -> Path:
    """The temp dir as `tempfile` picks it on POSIX (TMPDIR, else /tmp).

    Computed here because every start looks for recovery files there, and importing
    `tempfile` (with `shutil` and `random`) would add ~15 ms to `history --json`.
    """
    chosen = os.environ.get("TMPDIR")
    return Path(chosen) if chosen and os.path.isdir(chosen) else Path("/tmp")


def private_folder(kind: str, database: Path) -> Path:
    """`<temp>/mockloop-<kind>-<uid>/<digest of the database path>`: this user's, this DB's."""
    name = str(database.absolute()).encode("utf-8", "surrogatepass")
    digest = f"{zlib.crc32(name):08x}{zlib.adler32(name):08x}"
    return temporary_root() / f"mockloop-{kind}-{os.getuid()}" / digest


def fallback_folder(database: Path) -> Path:
    """This database's recovery folder under the temp dir, private to this user."""
    return private_folder("recovery", database)


def folders(database: Path) -> list[Path]:
    """Every folder a recovery file for this database may have been written to, in order."""
    return [database.parent / "recovery", fallback_folder(database)]


def _usable(folder: Path) -> bool:
    """Create the folder (private) if needed; False when it is not ours or not a folder."""
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        status = folder.stat()
    except OSError:
        return False
    return folder.is_dir() and status.st_uid == os.getuid()


def _free_name(folder: Path, session_id: str) -> Path:
    """`<id>.jsonl`, or `<id>.N.jsonl` when earlier files for the session are still there."""
    target = folder / f"{session_id}.jsonl"
    number = 1
    while target.exists() or target.with_name(target.name + ".imported").exists():
        target = folder / f"{session_id}.{number}.jsonl"
        number += 1
    return target


def write_atomically(folder: Path, session_id: str, text: str) -> Path:
    """Write a new recovery file whole (temp file, fsync, rename); raises OSError on failure."""
    import tempfile  # only this rare path needs it

    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{session_id}.", suffix=".tmp")
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        target = _free_name(folder, session_id)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def write(database: Path, records: Iterable[Record]) -> tuple[list[Path], list[str]]:
    """Save records per session in the first folder that takes them whole.

    Returns the files written and the ids of sessions no folder could take.
    """
    by_session: dict[str, list[Record]] = {}
    for record in records:
        by_session.setdefault(record.session_id, []).append(record)
    written: list[Path] = []
    lost: list[str] = []
    for session_id, session_records in by_session.items():
        text = "".join(record.to_json() + "\n" for record in session_records)
        for folder in folders(database):
            if not _usable(folder):
                continue
            try:
                written.append(write_atomically(folder, session_id, text))
            except OSError:
                continue
            break
        else:
            lost.append(session_id)
    return written, lost


def pending(database: Path) -> list[Path]:
    """Recovery files not yet imported, from every folder they may be in."""
    found: list[Path] = []
    for folder in folders(database):
        if folder.is_dir():
            found.extend(sorted(folder.glob("*.jsonl")))
    return found


def read(path: Path) -> list[Record]:
    """The records of a recovery file; MockloopError naming the line when one is malformed.

    A last line cut short (a crash while an older version appended) is ignored. Only a
    regular file of at most READ_LIMIT bytes is read (a pipe named `*.jsonl` would block).
    """
    from mockloop.yaml_reader import read_text  # the bounded reader: regular files only

    text = read_text(path, limit=READ_LIMIT, error=MockloopError)
    lines = [line for line in text.splitlines() if line.strip()]
    records: list[Record] = []
    for number, line in enumerate(lines, 1):
        try:
            records.append(Record.from_json(line))
        except ValueError as error:
            if number == len(lines):
                break
            reason = str(error).splitlines()[0][:120]
            raise MockloopError(
                f"{path}, line {number}: not a recovery record ({reason})"
            ) from None
    return records
