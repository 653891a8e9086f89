"""Escapes from the sandbox found by an adversarial review: each must now be contained.

Sockets of any family or protocol (MPTCP passed Landlock's TCP rule), clocks the child can
patch, reads of MockLoop's content installed system-wide, a child outliving its parent, and
writes without a quota.
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from runner_support import (
    GOOD,
    PROBLEM_FOLDER,
    REPOSITORY,
    attack_problem,
    everything_shown,
    run,
)

from mockloop.models import Problem
from mockloop.runner.confinement import SECCOMP_NOTE
from mockloop.runner.sandbox import Runner, run_code_sync

LINUX = sys.platform.startswith("linux")


@pytest.fixture(scope="module")
def problem() -> Problem:
    return attack_problem()


SOCKET_ATTEMPTS = """
import ctypes, mmap, os, platform, socket
ATTEMPTS = {
    "tcp": (socket.AF_INET, socket.SOCK_STREAM, 0),
    "mptcp": (socket.AF_INET, socket.SOCK_STREAM, 262),
    "mptcp6": (socket.AF_INET6, socket.SOCK_STREAM, 262),
    "udp": (socket.AF_INET, socket.SOCK_DGRAM, 0),
    "udp6": (socket.AF_INET6, socket.SOCK_DGRAM, 0),
    "unix-stream": (socket.AF_UNIX, socket.SOCK_STREAM, 0),
    "unix-datagram": (socket.AF_UNIX, socket.SOCK_DGRAM, 0),
    "netlink": (socket.AF_NETLINK, socket.SOCK_RAW, 0),
    "packet": (socket.AF_PACKET, socket.SOCK_RAW, 0),
    "raw-icmp": (socket.AF_INET, socket.SOCK_RAW, 1),
    "sctp": (socket.AF_INET, socket.SOCK_STREAM, 132),
}
def attempt(action):
    try:
        action()
        return "ok"
    except OSError as error:
        return type(error).__name__
def raw_syscall(number, *arguments):
    libc = ctypes.CDLL(None, use_errno=True)
    libc.syscall.restype = ctypes.c_long
    if libc.syscall(number, *arguments) < 0:
        raise OSError(ctypes.get_errno(), os.strerror(ctypes.get_errno()))
def i386_getpid():
    # mov eax, 20 (getpid in the 32-bit table); int 0x80; ret
    memory = mmap.mmap(-1, mmap.PAGESIZE, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
    memory.write(bytes.fromhex("b814000000cd80c3"))
    address = ctypes.addressof(ctypes.c_char.from_buffer(memory))
    if ctypes.CFUNCTYPE(ctypes.c_int)(address)() != os.getpid():
        raise PermissionError("the 32-bit entry was refused")
def add(first, second):
    found = {name: attempt(lambda spec=spec: socket.socket(*spec).close())
             for name, spec in ATTEMPTS.items()}
    found["socketpair"] = attempt(lambda: [end.close() for end in socket.socketpair()])
    found["io_uring"] = attempt(lambda: raw_syscall(425, 4, ctypes.create_string_buffer(120)))
    if platform.machine() == "x86_64":
        found["x32-socket"] = attempt(lambda: raw_syscall(41 | 0x40000000, 2, 1, 0))
        found["i386-getpid"] = attempt(i386_getpid)
    return found
"""


@pytest.mark.skipif(not LINUX, reason="seccomp is Linux-only")
def test_no_socket_of_any_family_or_protocol_can_be_created(problem: Problem) -> None:
    result = run(problem, SOCKET_ATTEMPTS)
    found = result.cases[0].actual
    assert isinstance(found, dict), result.message
    assert found.pop("socketpair") == "ok"  # asyncio and friends need a connected pair
    assert found and set(found.values()) == {"PermissionError"}, found
    if platform.machine() == "x86_64":
        assert "x32-socket" in found and "i386-getpid" in found
    assert SECCOMP_NOTE in result.isolation


@pytest.mark.skipif(not LINUX, reason="seccomp is Linux-only")
def test_mptcp_cannot_reach_a_listener_on_the_host(problem: Problem) -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        listener.setblocking(False)
        port = listener.getsockname()[1]
        source = (
            "import socket\n"
            "def add(first, second):\n"
            "    with socket.socket(socket.AF_INET, socket.SOCK_STREAM, 262) as connection:\n"
            f"        connection.connect(('127.0.0.1', {port}))\n"
            "    return first + second\n"
        )
        result = run(problem, source)
        with pytest.raises(BlockingIOError):
            listener.accept()
    assert result.status == "error"
    assert "PermissionError" in result.cases[0].error


def test_a_patched_clock_cannot_hide_a_slow_case(problem: Problem) -> None:
    source = (
        "import time\n"
        "real_clock = time.process_time\n"  # CPU time: a busy machine cannot shorten the spin
        "time.perf_counter = time.monotonic = time.time = lambda: 0.0\n"
        "time.perf_counter_ns = time.monotonic_ns = time.time_ns = lambda: 0\n"
        "time.process_time = lambda: 0.0\n"
        "def add(first, second):\n"
        "    started = real_clock()\n"
        "    while real_clock() - started < 0.3:\n"
        "        pass\n"
        "    return first + second\n"
    )
    result = run(problem, source)
    assert result.status == "timeout"
    assert result.cases[0].status == "timeout"
    assert result.cases[0].ms >= 250


def test_answers_precomputed_at_import_from_the_harness_frames_are_timed(
    problem: Problem,
) -> None:
    source = (
        "import sys, time\n"
        "frame = sys._getframe()\n"
        "while frame is not None and 'cases' not in frame.f_locals:\n"
        "    frame = frame.f_back\n"
        "ANSWERS = {tuple(case['args']): sum(case['args']) for case in frame.f_locals['cases']}\n"
        "started = time.monotonic()\n"
        "while time.monotonic() - started < 0.3:\n"
        "    pass\n"
        "def add(first, second):\n"
        "    return ANSWERS[(first, second)]\n"
    )
    result = run(problem, source)
    assert result.status == "timeout"
    assert "loading the code took" in result.message
    assert result.passed == 0


@pytest.fixture
def content_in_system_prefixes() -> Iterator[list[Path]]:
    """Copies of a reference solution where system-wide installs put MockLoop, world-readable."""
    if os.geteuid() != 0:
        pytest.skip("installing into system folders needs root")
    version = f"python{sys.version_info.major}.{sys.version_info.minor}"
    interpreter = Path(run_code_sync(attack_problem(), GOOD).isolation[0].split()[2])
    stdlib = interpreter.resolve().parent.parent / "lib" / version
    prefixes = [
        Path("/usr/lib/python3/dist-packages"),
        Path(f"/usr/local/lib/{version}/dist-packages"),
        Path(f"/usr/local/lib/{version}/site-packages"),
        stdlib / "site-packages",  # where a Python built from source installs packages
        Path("/usr/lib"),
        Path("/usr/local/lib"),
    ]
    created: list[Path] = []
    planted: list[Path] = []
    try:
        for prefix in prefixes:
            missing = [folder for folder in (prefix, *prefix.parents) if not folder.exists()]
            prefix.mkdir(parents=True, exist_ok=True)
            created += reversed(missing)
            folder = Path(tempfile.mkdtemp(prefix="mockloop-probe-", dir=prefix))
            created.append(folder)
            folder.chmod(0o755)
            target = folder / "problems" / "two-sum" / "solution.py"
            target.parent.mkdir(parents=True)
            for path in (target.parent, target.parent.parent):
                path.chmod(0o755)
            shutil.copy(REPOSITORY / "problems" / "two-sum" / "solution.py", target)
            target.chmod(0o644)
            planted.append(target)
        yield planted
    finally:
        for path in reversed(created):
            shutil.rmtree(path, ignore_errors=True)


@pytest.mark.skipif(not LINUX, reason="Landlock is Linux-only")
def test_content_installed_under_a_system_prefix_is_unreadable(
    problem: Problem, content_in_system_prefixes: list[Path]
) -> None:
    source = (
        f"TARGETS = {[str(path) for path in content_in_system_prefixes]!r}\n"
        "def add(first, second):\n"
        "    found = []\n"
        "    for target in TARGETS:\n"
        "        try:\n"
        "            found.append(open(target).read())\n"
        "        except OSError as error:\n"
        "            found.append(type(error).__name__)\n"
        "    return found\n"
    )
    result = run(problem, source)
    if not any("landlock ABI" in line for line in result.isolation):
        pytest.skip("Landlock is not available on this kernel")
    assert result.cases[0].actual == ["PermissionError"] * len(content_in_system_prefixes)
    assert "def two_sum" not in everything_shown(result)


def test_the_standard_library_stays_importable(problem: Problem) -> None:
    source = (
        "import asyncio, collections, datetime, decimal, fractions, hashlib, heapq, json\n"
        "import random, re, sqlite3, ssl, typing, zoneinfo\n"
        "def add(first, second):\n"
        "    return first + second\n"
    )
    result = run(attack_problem(2000), source)
    assert result.status == "passed", result.message


LOOPING_RUN = """
import asyncio, sys
from pathlib import Path
from mockloop.catalog import load_problem
from mockloop.runner.isolation import Limits
from mockloop.runner.sandbox import execute, spawn
problem = load_problem(Path({folder!r})).model_copy(update={{"time_limit_ms": 60000}})
async def main():
    child = await spawn()
    print(child.process.pid, flush=True)
    await execute(child, problem, "while True:\\n    pass\\n", True, Limits())
asyncio.run(main())
"""


def _confined(pid: int) -> bool:
    """Whether the child finished confining itself (its seccomp filter is on)."""
    try:
        return "Seccomp:\t2" in Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False


@pytest.mark.skipif(not LINUX, reason="PR_SET_PDEATHSIG is Linux-only")
@pytest.mark.parametrize("number", [signal.SIGKILL, signal.SIGTERM, signal.SIGHUP])
def test_the_child_dies_with_its_parent_and_leaves_nothing(number: int, tmp_path: Path) -> None:
    folder = str(REPOSITORY / "tests" / "attacks" / "add-numbers")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    environment = {**os.environ, "TMPDIR": str(temporary)}
    parent = subprocess.Popen(
        [sys.executable, "-c", LOOPING_RUN.format(folder=folder)],
        stdout=subprocess.PIPE,
        env=environment,
        cwd=REPOSITORY,
    )
    assert parent.stdout is not None
    pid = int(parent.stdout.readline())
    watcher = os.pidfd_open(pid)
    try:
        for _ in range(1000):  # until the child runs the code as the unprivileged user
            if _confined(pid):
                break
            select.select([watcher], [], [], 0.01)
        assert _confined(pid)
        parent.send_signal(number)
        parent.wait(10)
        gone, _, _ = select.select([watcher], [], [], 10)
        assert gone, "the sandbox child outlived its parent"
    finally:
        os.close(watcher)
        parent.kill()
        parent.wait()
    assert list(temporary.iterdir()) == []


@pytest.fixture
def private_tmpdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """TMPDIR for this process only: mode 700, so an unprivileged child cannot enter it."""
    folder = tmp_path / "private-tmp"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", None)
    return folder


def test_a_private_tmpdir_neither_breaks_runs_nor_collects_leftovers(
    problem: Problem, private_tmpdir: Path
) -> None:
    result = run_code_sync(problem, GOOD)
    assert result.status == "passed", result.message
    assert list(private_tmpdir.iterdir()) == []


def test_a_session_that_ends_without_closing_its_runner_leaves_no_temp_dir(
    private_tmpdir: Path,
) -> None:
    """As when the TUI quits: the loop ends while a warm child still waits for a job."""

    async def session() -> None:
        runner = Runner(keep_warm=True)
        runner.prepare()
        assert runner._warm is not None
        await runner._warm

    asyncio.run(session())
    assert list(private_tmpdir.iterdir()) == []


QUOTA_PROBE = """
import os
def fill():
    written = 0
    try:
        for index in range(40):
            with open(f'fill-{index}.bin', 'wb') as handle:
                written += handle.write(b'x' * (8 * 2 ** 20 - 1))
                handle.flush()
    except OSError as error:
        return written, os.strerror(error.errno)
    return written, 'never stopped'
def count_files():
    for name in os.listdir('.'):
        os.unlink(name)
    created = 0
    try:
        for index in range(2000):
            open(f'empty-{index}', 'w').close()
            created += 1
    except OSError as error:
        return created, os.strerror(error.errno)
    return created, 'never stopped'
WRITTEN, FILES = fill(), count_files()
def effective_capabilities():
    import ctypes
    header = (ctypes.c_uint32 * 2)(0x20080522, 0)
    data = (ctypes.c_uint32 * 6)()
    if ctypes.CDLL(None).capget(header, data) != 0:
        return 'unknown'
    return hex(data[0] | data[3] << 32)
CAPABILITIES = effective_capabilities()
def add(first, second):
    return [*WRITTEN, *FILES, os.getcwd(), os.environ['HOME'], os.environ['TMPDIR'], CAPABILITIES]
"""


def check_quota(answer: object) -> None:
    assert isinstance(answer, list), answer
    written, stopped, files, files_stopped, folder, home, temporary, capabilities = answer
    assert written <= 16 * 2**20 and stopped == "No space left on device"
    assert files < 1024 and files_stopped == "No space left on device"
    assert folder == home == temporary == "/tmp"
    assert int(capabilities, 16) == 0


@pytest.mark.skipif(not LINUX, reason="the private tmpfs is Linux-only")
def test_writes_are_capped_by_a_quota(problem: Problem, private_tmpdir: Path) -> None:
    result = run(attack_problem(5000), QUOTA_PROBE)
    check_quota(result.cases[0].actual)
    assert list(private_tmpdir.iterdir()) == []
    assert any("private 16 MiB tmpfs" in line for line in result.isolation)


UNPRIVILEGED_RUN = """
import json, sys
sys.path[:0] = {paths!r}
from pathlib import Path
from mockloop.catalog import load_problem
from mockloop.runner.sandbox import run_code_sync
problem = load_problem(Path({folder!r})).model_copy(update={{"time_limit_ms": 5000}})
result = run_code_sync(problem, {source!r})
print(json.dumps([result.cases[0].actual, result.isolation]))
"""


@pytest.mark.skipif(not LINUX, reason="user namespaces are Linux-only")
def test_an_unprivileged_user_gets_the_same_quota_and_no_capabilities(tmp_path: Path) -> None:
    """Without root the private tmp takes a user namespace; its capabilities must not last."""
    if os.geteuid() != 0:
        pytest.skip("needs root to start a process as another user")
    interpreter = Path(run_code_sync(attack_problem(), GOOD).isolation[0].split()[2])
    paths = [str(REPOSITORY), *(entry for entry in sys.path if "site-packages" in entry)]
    program = UNPRIVILEGED_RUN.format(paths=paths, folder=str(PROBLEM_FOLDER), source=QUOTA_PROBE)
    finished = subprocess.run(
        [str(interpreter), "-c", program],
        capture_output=True,
        text=True,
        timeout=120,
        user=65534,
        group=65534,
        extra_groups=[],
        cwd="/",
        env={"PATH": "/usr/bin:/bin", "TMPDIR": str(tmp_path)},
    )
    if "ModuleNotFoundError" in finished.stderr:
        pytest.skip("the dependencies are not importable by the system interpreter")
    assert finished.returncode == 0, finished.stderr
    answer, isolation = json.loads(finished.stdout)
    if not any("private 16 MiB tmpfs" in line for line in isolation):
        pytest.skip("this kernel refuses unprivileged user namespaces")
    check_quota(answer)
