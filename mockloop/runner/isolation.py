"""Chooses how the sandbox child is started: which interpreter, as which user, with what limits.

As root the kernel ignores the process limit, so the child drops itself to an unprivileged
user; that user must be able to read the interpreter and its standard library, which rules out
interpreters under a private home such as `/root/.pyenv`.
"""

from __future__ import annotations

import os
import pwd
import shutil
import stat
import sys
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from mockloop.languages import default_language

MIB = 1024 * 1024
FALLBACK_UID = 65534


@dataclass(frozen=True)
class Limits:
    """Resource limits for one child; per-case time comes from the problem."""

    memory_bytes: int = 512 * MIB
    file_bytes: int = 8 * MIB
    open_files: int = 64
    startup_seconds: float = 10.0
    total_cap_seconds: float = 60.0
    output_bytes: int = 64 * 1024
    disk_bytes: int = 16 * MIB

    def case_deadline(self, time_limit_ms: int) -> float:
        """Wall seconds the parent waits for one case before killing the child."""
        return time_limit_ms * 1.5 / 1000 + 0.1


@dataclass(frozen=True)
class ChildSetup:
    """The interpreter to run, the (uid, gid) to drop to, and what that means."""

    interpreter: str
    user: tuple[int, int] | None
    notes: list[str] = field(default_factory=list)


def _allows(info: os.stat_result, uid: int, gid: int, bits: tuple[int, int, int]) -> bool:
    """Whether the owner/group/other permission bits grant `bits` to uid/gid."""
    owner_bit, group_bit, other_bit = bits
    if info.st_uid == uid:
        return bool(info.st_mode & owner_bit)
    if info.st_gid == gid:
        return bool(info.st_mode & group_bit)
    return bool(info.st_mode & other_bit)


def usable_by(path: Path, uid: int, gid: int, *, execute: bool) -> bool:
    """Whether uid/gid could open (and maybe execute) `path`, walking every parent folder."""
    try:
        resolved = path.resolve(strict=True)
        for folder in reversed(resolved.parents):
            if not _allows(folder.stat(), uid, gid, (stat.S_IXUSR, stat.S_IXGRP, stat.S_IXOTH)):
                return False
        info = resolved.stat()
    except OSError:
        return False
    readable = _allows(info, uid, gid, (stat.S_IRUSR, stat.S_IRGRP, stat.S_IROTH))
    runnable = _allows(info, uid, gid, (stat.S_IXUSR, stat.S_IXGRP, stat.S_IXOTH))
    return readable and (runnable or not execute)


def _candidates() -> list[Path]:
    """Interpreters of the running interpreter's version, the running one first."""
    version = default_language().stdlib_dir_name
    names = [sys.executable, getattr(sys, "_base_executable", sys.executable)]
    names += [f"/usr/bin/{version}", f"/usr/local/bin/{version}", shutil.which(version) or ""]
    found: list[Path] = []
    for name in names:
        if name and Path(name).exists() and Path(name).resolve() not in found:
            found.append(Path(name).resolve())
    return found


def _stdlib_of(interpreter: Path) -> Path:
    """Where an interpreter keeps its standard library (prefix/lib/<versioned folder>)."""
    return interpreter.parent.parent / "lib" / default_language().stdlib_dir_name / "os.py"


def _unprivileged_user() -> tuple[str, int, int]:
    try:
        entry = pwd.getpwnam("nobody")
        return "nobody", entry.pw_uid, entry.pw_gid
    except KeyError:
        return f"uid {FALLBACK_UID}", FALLBACK_UID, FALLBACK_UID


@cache
def child_setup() -> ChildSetup:
    """Pick the interpreter and user once per process."""
    if os.geteuid() != 0:
        notes = [f"user: same as MockLoop (uid {os.geteuid()}, not root)"]
        return ChildSetup(sys.executable, None, notes)
    name, uid, gid = _unprivileged_user()
    for interpreter in _candidates():
        if usable_by(interpreter, uid, gid, execute=True) and usable_by(
            _stdlib_of(interpreter), uid, gid, execute=False
        ):
            notes = [f"user: {name} (uid {uid}), dropped from root before the code is read"]
            return ChildSetup(str(interpreter), (uid, gid), notes)
    notes = [
        f"user: root - WARNING: no interpreter readable by {name} was found, so the child "
        "stays root and the kernel does not enforce the process limit (a fork bomb is not "
        f"contained); install a system {default_language().name} interpreter (e.g. "
        f"/usr/bin/{default_language().stdlib_dir_name}) to fix this"
    ]
    return ChildSetup(sys.executable, None, notes)


def describe_limits(limits: Limits, time_limit_ms: int, cpu_seconds: int) -> list[str]:
    """Human lines for the limits applied to a run (for `check --verbose`)."""
    return [
        f"limits: cpu {cpu_seconds} s, address space {limits.memory_bytes // MIB} MiB, "
        f"processes 0, file size {limits.file_bytes // MIB} MiB, "
        f"open files {limits.open_files}, no core dumps",
        f"time: {time_limit_ms} ms per case and {time_limit_ms} ms to load the code, measured by "
        "MockLoop's clock between the child's reports (the child's own clocks decide nothing); "
        f"killed after {limits.case_deadline(time_limit_ms) * 1000:.0f} ms, whole run at most "
        f"{limits.total_cap_seconds:.0f} s; the process group is killed after every run",
        "environment: minimal (PATH, HOME, TMPDIR and LANG only)",
        "output: stdout/stderr captured, about "
        f"{limits.output_bytes // 1024} KiB kept, shown for visible examples only",
    ]
