# The child program stays unannotated: importing typing would slow every run's startup. It
# uses the private C modules behind ctypes and signal, which typeshed describes loosely.
# mypy: disable-error-code="no-untyped-def,no-untyped-call,var-annotated,operator,misc"
# mypy: disable-error-code="type-arg,arg-type,import-not-found"
"""The child side of the sandbox: stdlib-only code run as `python -I -S -c <this source>`.

It never imports mockloop. It waits for a job on stdin (so a child can be spawned warm,
ahead of time), confines itself (user, resource limits, Landlock) before it compiles the
candidate's code, then runs each case and reports plain values as JSON lines on a dedicated
result pipe. The parent is authoritative: it checks answers, enforces wall-clock deadlines and
kills the process group, so nothing the candidate does in here can make a case pass.

Startup is on every run's critical path, so the child imports only built-in or C modules
(`posix`, `marshal`, `_json`, `_signal`, `_ctypes`, `resource`): `os`, `json`, `signal`,
`linecache` and `ctypes` would pull in `re`, `enum`, `functools` and more, about 10 ms.
The job arrives as `marshal` data the parent produced (plain values only); reports go back as
JSON, which the parent decodes safely.
"""

import _ctypes
import _json
import _signal
import _thread
import marshal
import posix
import resource
import sys
import time

SOLUTION_NAME = "solution.py"
OUTPUT_BUDGET = 64 * 1024
ERROR_LIMIT = 4000
TRACEBACK_FRAMES = 40  # the innermost frames only: a RecursionError holds 200,000
SOURCE = [""]  # the candidate's source, for tracebacks (registered with linecache lazily)
# The recursion policy (README, "Recursion"): the candidate's code runs on a thread with this
# stack and recursion limit, so a recursive solution works on every input a statement allows
# (up to about 90,000 levels). The stack is reserved on top of the memory limit.
STACK_BYTES = 256 * 1024 * 1024
RECURSION_LIMIT = 200_000
# Returned values that read as lists: tuples and dictionary views (keys, values, items).
LIST_LIKE = (list, tuple, type({}.keys()), type({}.values()), type({}.items()))

# Landlock (linux/landlock.h); syscall numbers are shared by every architecture.
CREATE_RULESET, ADD_RULE, RESTRICT_SELF = 444, 445, 446
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
FS_EXECUTE, FS_READ_FILE, FS_READ_DIR = 1 << 0, 1 << 2, 1 << 3
PR_SET_NO_NEW_PRIVS = 38
SHARED_LIBRARY_DIRS = ("/lib", "/lib64", "/usr/lib", "/usr/lib64", "/usr/local/lib")
EXTRA_READABLE = ("/usr/share/zoneinfo", "/etc/localtime")
FILE_TYPE_MASK, DIRECTORY_TYPE = 0o170000, 0o040000


def c_type(name, code):
    """A C scalar type, declared on `_ctypes` the way `ctypes` declares c_uint64 and friends."""
    return type(name, (_ctypes._SimpleCData,), {"_type_": code})


UInt64, Int32, Long = c_type("UInt64", "Q"), c_type("Int32", "i"), c_type("Long", "l")
SizeT = c_type("SizeT", "L")  # size_t is unsigned long on every Linux ABI


class PathBeneath(_ctypes.Structure):
    """struct landlock_path_beneath_attr (packed)."""

    _pack_ = 1
    _fields_ = [("allowed_access", UInt64), ("parent_fd", Int32)]


class LibraryFunction(_ctypes.CFuncPtr):
    """A libc function called with the C calling convention; errno is kept for get_errno()."""

    _flags_ = _ctypes.FUNCFLAG_CDECL | _ctypes.FUNCFLAG_USE_ERRNO
    _restype_ = Int32


class Libc:
    """The running process's own symbols, like `ctypes.CDLL(None)`."""

    _handle = _ctypes.dlopen(None, 0)


SYSCALL = LibraryFunction(("syscall", Libc))
SYSCALL.restype = Long
PRCTL = LibraryFunction(("prctl", Libc))


class NotPlain(TypeError):
    """The returned value is not made only of int, float, str, bool, None, list, dict."""


class Capture:
    """Stands in for sys.stdout/sys.stderr: keeps the first bytes of a shared budget."""

    encoding = "utf-8"
    errors = "replace"

    def __init__(self, budget):
        self.budget = budget
        self.parts = []
        self.keep = False

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError("write() argument must be str, not " + type(text).__name__)
        room = self.budget[0]
        if self.keep and room > 0:
            piece = text[:room]
            self.parts.append(piece)
            self.budget[0] -= len(piece)
            if len(text) > room:
                self.parts.append("\n[output truncated]\n")
        return len(text)

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def flush(self):
        return None

    def isatty(self):
        return False

    def take(self):
        text = "".join(self.parts)
        self.parts = []
        return text


def plain(value, depth=0):
    """Exact plain types only: a list subclass or an object with a clever __eq__ is refused."""
    if depth > 200:
        raise NotPlain("the returned value is nested too deeply")
    kind = type(value)
    if value is None or kind is bool or kind is int or kind is float or kind is str:
        return value
    if kind in LIST_LIKE:
        return [plain(item, depth + 1) for item in value]
    if kind is dict:
        result = {}
        for key, item in value.items():
            if not (key is None or type(key) in (bool, int, float, str)):
                raise NotPlain("dictionary keys must be plain scalars")
            result[key] = plain(item, depth + 1)
        return result
    raise NotPlain("returned a " + kind.__name__ + ", expected a plain value")


def innermost(trace, count):
    """The traceback entry `count` from the end: extracting all 200,000 takes seconds."""
    length, entry = 0, trace
    while entry is not None:
        length, entry = length + 1, entry.tb_next
    for _ in range(length - count):
        trace = trace.tb_next
    return trace


def describe(error):
    """The exception with the traceback trimmed to the candidate's own frames."""
    try:
        # Only when something failed: these imports cost milliseconds at startup.
        import linecache
        import traceback

        source = SOURCE[0]
        lines = source.splitlines(True)
        linecache.cache[SOLUTION_NAME] = (len(source), None, lines, SOLUTION_NAME)
        frames = traceback.extract_tb(innermost(error.__traceback__, TRACEBACK_FRAMES))
        own = [frame for frame in frames if frame.filename == SOLUTION_NAME]
        lines = traceback.StackSummary.from_list(own).format()
        lines += traceback.format_exception_only(type(error), error)
    except Exception:  # e.g. the candidate used up every file descriptor
        try:
            lines = [type(error).__name__ + ": " + str(error)[:ERROR_LIMIT]]
        except Exception:
            lines = [type(error).__name__ + " (details unavailable)"]
    text = "".join(lines)
    if len(text) > ERROR_LIMIT:
        text = "...\n" + text[-ERROR_LIMIT:]
    return text.rstrip()


def exit_message(error):
    code = error.code
    return "called sys.exit(" + ("" if code is None else repr(code)[:200]) + ")"


def landlock(write_dir):
    """Best effort: read the interpreter and libraries, write only write_dir, no TCP."""
    abi = SYSCALL(CREATE_RULESET, None, SizeT(0), CREATE_RULESET_VERSION)
    if abi < 0:
        return "landlock: unavailable (errno " + str(_ctypes.get_errno()) + ")"
    handled_fs = (1 << 13) - 1
    if abi >= 2:
        handled_fs |= 1 << 13
    if abi >= 3:
        handled_fs |= 1 << 14
    if abi >= 5:
        handled_fs |= 1 << 15
    fields = [handled_fs]
    if abi >= 4:
        fields.append(0b11)  # bind and connect TCP: handled, never allowed
    if abi >= 6:
        fields.append(0b11)  # scope abstract unix sockets and signals to this sandbox
    attributes = (UInt64 * len(fields))(*fields)
    ruleset = SYSCALL(
        CREATE_RULESET, _ctypes.byref(attributes), SizeT(_ctypes.sizeof(attributes)), 0
    )
    if ruleset < 0:
        return "landlock: ruleset refused (errno " + str(_ctypes.get_errno()) + ")"
    readable = [entry for entry in sys.path if entry]
    readable += list(SHARED_LIBRARY_DIRS) + list(EXTRA_READABLE)
    rules = [(path, None) for path in readable] + [(write_dir, handled_fs)]
    for path, access in rules:
        try:
            descriptor = posix.open(path, posix.O_PATH | posix.O_CLOEXEC)
        except OSError:
            continue
        try:
            is_dir = posix.fstat(descriptor).st_mode & FILE_TYPE_MASK == DIRECTORY_TYPE
            if access is None:
                access = FS_EXECUTE | FS_READ_FILE | (FS_READ_DIR if is_dir else 0)
            rule = PathBeneath(access, descriptor)
            if SYSCALL(ADD_RULE, ruleset, RULE_PATH_BENEATH, _ctypes.byref(rule), 0) < 0:
                return (
                    "landlock: rule for "
                    + path
                    + " refused (errno "
                    + str(_ctypes.get_errno())
                    + ")"
                )
        finally:
            posix.close(descriptor)
    if PRCTL(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return "landlock: no_new_privs refused"
    if SYSCALL(RESTRICT_SELF, ruleset, 0) < 0:
        return "landlock: restrict_self refused (errno " + str(_ctypes.get_errno()) + ")"
    posix.close(ruleset)
    scope = ", signals and abstract sockets scoped" if abi >= 6 else ""
    network = ", no TCP bind/connect" if abi >= 4 else ", TCP not restricted (ABI < 4)"
    return (
        "landlock ABI "
        + str(abi)
        + ": read only the interpreter and libraries, write only the temp dir"
        + network
        + scope
    )


def confine(job):
    """Drop privileges, apply resource limits but the process one, then Landlock.

    Returns what is in force. The process limit comes later (`limit_processes`): the thread
    that runs the candidate's code must be created first, and it inherits Landlock.
    """
    notes = []
    user = job.get("user")
    if user:
        posix.setgroups([])
        posix.setgid(user[1])
        posix.setuid(user[0])
        if posix.getuid() != user[0] or posix.geteuid() != user[0]:
            raise SystemExit("could not drop privileges")
        notes.append("confirmed in the child: running as uid " + str(posix.getuid()))
    posix.chdir(job["write_dir"])
    limits = job["limits"]
    cpu = limits["cpu_seconds"]
    for name, pair in (
        ("RLIMIT_CPU", (cpu, cpu + 1)),  # SIGXCPU first, so the parent can say "timeout"
        ("RLIMIT_AS", (limits["memory_bytes"] + STACK_BYTES,) * 2),
        ("RLIMIT_FSIZE", (limits["file_bytes"],) * 2),
        ("RLIMIT_NOFILE", (limits["open_files"],) * 2),
        ("RLIMIT_CORE", (0, 0)),
    ):
        try:
            resource.setrlimit(getattr(resource, name), pair)
        except (ValueError, OSError) as error:
            notes.append("limit " + name + " not applied: " + str(error))
    _signal.signal(_signal.SIGXFSZ, _signal.SIG_IGN)  # an oversized write raises OSError instead
    _signal.signal(_signal.SIGXCPU, _signal.SIG_DFL)  # the CPU limit always ends in SIGXCPU
    _signal.pthread_sigmask(_signal.SIG_UNBLOCK, [_signal.SIGXCPU])
    if job.get("landlock", True) and sys.platform.startswith("linux"):
        try:
            notes.append(landlock(job["write_dir"]))
        except (AttributeError, OSError) as error:
            notes.append("landlock: unavailable (" + str(error) + ")")
    return notes


def limit_processes(notes):
    """No new processes or threads from here on (the code's own thread already exists)."""
    try:
        resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
    except (ValueError, OSError) as error:
        notes.append("limit RLIMIT_NPROC not applied: " + str(error))


def on_big_stack(work, notes):
    """Run `work(True)` on a thread with STACK_BYTES of stack, or `work(False)` right here.

    The thread is created after Landlock (it inherits it) and before the process limit.
    """
    finished = _thread.allocate_lock()
    finished.acquire()

    def thread():
        try:
            work(True)
        finally:
            finished.release()

    notes.append(
        "recursion: limit "
        + str(RECURSION_LIMIT)
        + " on a "
        + str(STACK_BYTES // (1024 * 1024))
        + " MiB stack (address space: the memory limit plus that stack)"
    )
    try:
        _thread.stack_size(STACK_BYTES)
        _thread.start_new_thread(thread, ())
    except (RuntimeError, ValueError, MemoryError) as error:
        notes[-1] = "recursion: default limit and stack (" + str(error) + ")"
        work(False)
        return
    finished.acquire()


def unserialisable(value):
    raise TypeError("Object of type " + type(value).__name__ + " is not JSON serializable")


def to_json(message):
    """`json.dumps(message)` by the same C encoder, without importing the `json` package."""
    encoder = _json.make_encoder(
        {}, unserialisable, _json.encode_basestring_ascii, None, ": ", ", ", False, False, True
    )
    return "".join(encoder(message, 0))


def read_frame(stream):
    """One b"<size>\\n<marshal data>" frame from stdin, read into a buffer of that size."""
    data = bytearray(int(stream.readline() or b"0"))
    if not data or stream.readinto(data) != len(data):
        raise SystemExit("the job was missing or cut short")
    return data


def main():
    results_fd = int(sys.argv[1])

    def send(message):
        data = (to_json(message) + "\n").encode()
        while data:
            data = data[posix.write(results_fd, data) :]

    # The first compile() in a process builds the AST types (about 1 ms): pay it while warm.
    compile("", SOLUTION_NAME, "exec", dont_inherit=True)
    posix.write(results_fd, b'{"event": "waiting"}\n')  # warm: imports done, no code yet
    # Cases (a list) come before the job (a dict), so a warm child can be sent them and decode
    # them ahead of time; if the run needs other cases, those follow and replace them.
    cases, job = [], marshal.loads(read_frame(sys.stdin.buffer))
    while type(job) is list:
        cases = job
        posix.write(results_fd, b'{"event": "cases"}\n')
        job = marshal.loads(read_frame(sys.stdin.buffer))
    notes = confine(job)
    on_big_stack(lambda deep: serve(job, cases, send, notes, deep), notes)
    posix._exit(0)


def serve(job, cases, send, notes, deep):
    """Load the candidate's code and run every case (on the big-stack thread when `deep`)."""
    token = job["token"]
    limit_processes(notes)
    if deep:
        sys.setrecursionlimit(RECURSION_LIMIT)
    send({"event": "ready", "token": token, "isolation": notes})
    source = SOURCE[0] = job["source"]
    budget = [OUTPUT_BUDGET]
    capture = Capture(budget)
    sys.stdout = sys.stderr = capture
    sys.stdin = None
    namespace = {"__name__": "solution", "__builtins__": __builtins__}
    entry = None
    failure = None
    try:
        code = compile(source, SOLUTION_NAME, "exec", dont_inherit=True)
        capture.keep = True
        exec(code, namespace)
        entry = namespace.get(job["entry_point"])
        if entry is None:
            failure = (
                "error",
                "no " + job["what"] + " named '" + job["entry_point"] + "' was defined",
            )
    except MemoryError:
        failure = ("memory", "ran out of memory while loading the code")
    except SyntaxError as error:
        failure = ("error", describe(error))
    except SystemExit as error:
        failure = ("error", exit_message(error) + " while loading the code")
    except BaseException as error:
        failure = ("error", describe(error))
    if failure is not None:
        send(
            {
                "event": "load_error",
                "token": token,
                "status": failure[0],
                "error": failure[1],
                "output": capture.take(),
            }
        )
        posix._exit(0)
    send({"event": "loaded", "token": token, "output": capture.take()})
    design = job["kind"] == "design"
    for case in cases:
        capture.keep = case["visible"]
        message = {"event": "case", "token": token, "name": case["name"]}
        started = time.perf_counter()
        try:
            if design:
                operations, arguments = case["args"]
                value = []
                instance = None
                void = case.get("void", ())
                for operation, operation_args in zip(operations, arguments):  # noqa: B905 (3.8+ child)
                    if operation == job["entry_point"]:
                        instance = entry(*operation_args)
                        value.append(None)
                    else:
                        returned = getattr(instance, operation)(*operation_args)
                        value.append(None if operation in void else plain(returned))
            else:
                value = plain(entry(*case["args"]))
            elapsed = time.perf_counter() - started
            message.update(status="ok", value=value)
        except MemoryError:
            elapsed = time.perf_counter() - started
            message.update(status="memory", error="MemoryError: ran out of memory")
        except NotPlain as error:
            elapsed = time.perf_counter() - started
            message.update(status="error", error="TypeError: " + str(error))
        except SystemExit as error:
            elapsed = time.perf_counter() - started
            message.update(status="error", error=exit_message(error))
        except BaseException as error:
            elapsed = time.perf_counter() - started
            message.update(status="error", error=describe(error))
        message["ms"] = elapsed * 1000.0
        message["output"] = capture.take()
        try:
            send(message)
        except (TypeError, ValueError, OverflowError, RecursionError) as error:
            send(
                {
                    "event": "case",
                    "token": token,
                    "name": case["name"],
                    "status": "error",
                    "ms": elapsed * 1000.0,
                    "output": "",
                    "error": "could not report the returned value: " + str(error)[:300],
                }
            )
    send({"event": "done", "token": token})
    posix._exit(0)


if __name__ == "__main__":
    main()
