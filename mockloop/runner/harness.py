# The child program stays unannotated: importing typing would slow every run's startup. It
# uses the private C modules behind ctypes and signal, which typeshed describes loosely.
# mypy: disable-error-code="no-untyped-def,no-untyped-call,var-annotated,operator,misc"
# mypy: disable-error-code="type-arg,arg-type,import-not-found"
"""The child side of the sandbox: stdlib-only code run as `python -I -S -c <this source>`.

It never imports mockloop: `confinement.py` is joined in front of it to make the program.
At start it asks to die with its parent and mounts its private tmp; then it waits for a job
on stdin (so a child can be spawned warm, ahead of time), confines itself (user, resource
limits, Landlock, seccomp) before it compiles the candidate's code, then runs each case and
reports plain values as JSON lines on a dedicated result pipe. The parent is authoritative:
it checks answers, times every case and the load on its own clock, enforces deadlines and
kills the process group, so nothing the candidate does in here can make a case pass.

Startup is on every run's critical path, so the child imports only built-in or C modules
(`posix`, `marshal`, `_json`, `_signal`, `_ctypes`, `resource`): `os`, `json`, `signal`,
`linecache` and `ctypes` would pull in `re`, `enum`, `functools` and more, about 10 ms.
The job arrives as `marshal` data the parent produced (plain values only); reports go back as
JSON, which the parent decodes safely.
"""

import _json
import _signal
import _thread
import marshal
import posix
import resource
import sys

if "landlock" not in globals():  # imported as a module (tests, type checks), not joined
    from mockloop.runner.confinement import (
        die_with_parent,
        landlock,
        private_tmp,
        readable_paths,
        seccomp,
    )

SOLUTION_NAME = "solution.py"
OUTPUT_BUDGET = 64 * 1024
ERROR_LIMIT = 4000
# What one returned value may hold: more is refused before it is encoded, so a huge answer
# can neither flood the result pipe nor freeze the parent that decodes and shows it. The
# largest expected answer of the shipped problems has about 110,000 elements.
VALUE_ELEMENTS = 1 << 18
VALUE_CHARACTERS = 4 * 1024 * 1024
SOURCE = [""]  # the candidate's source, for tracebacks (registered with linecache lazily)
TRACEBACK_FRAMES = 40  # the innermost frames only: a RecursionError holds 200,000
# The recursion policy (README, "Recursion"): the candidate's code runs on a thread with this
# stack and recursion limit, so a recursive solution works on every input a statement allows
# (up to about 90,000 levels). The stack is reserved on top of the memory limit.
STACK_BYTES = 256 * 1024 * 1024
RECURSION_LIMIT = 200_000
# Returned values that read as lists: tuples and dictionary views (keys, values, items).
LIST_LIKE = (list, tuple, type({}.keys()), type({}.values()), type({}.items()))


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


SCALARS = (type(None), bool, int, float)


def plain(value, budget, depth=0):
    """Exact plain types only: a list subclass or an object with a clever __eq__ is refused.

    `budget` is [elements, characters] still allowed for this value; both shrink as it is
    walked, and running out refuses the value. A list of numbers is checked in C.
    """
    if depth > 200:
        raise NotPlain("the returned value is nested too deeply")
    kind = type(value)
    size = len(value) if kind in LIST_LIKE or kind is dict else 0
    budget[0] -= 1 + size
    if budget[0] < 0:
        raise NotPlain("the returned value is too large (over " + str(VALUE_ELEMENTS) + " items)")
    if kind is str:
        budget[1] -= len(value)
        if budget[1] < 0:
            limit = str(VALUE_CHARACTERS // (1024 * 1024))
            raise NotPlain("the returned value is too large (over " + limit + " M characters)")
        return value
    if value is None or kind is bool or kind is int or kind is float:
        return value
    if kind in LIST_LIKE:
        if set(map(type, value)).issubset(SCALARS):
            return list(value)
        budget[0] += size  # each item below counts itself
        return [plain(item, budget, depth + 1) for item in value]
    if kind is dict:
        budget[0] += size
        result = {}
        for key, item in value.items():
            if not (key is None or type(key) in (bool, int, float, str)):
                raise NotPlain("dictionary keys must be plain scalars")
            result[plain(key, budget, depth + 1)] = plain(item, budget, depth + 1)
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


def confine(job, write_dir, readable, parent_pid):
    """Drop privileges, apply resource limits but the process one, Landlock, then seccomp.

    Returns what is in force. The process limit comes later (`limit_processes`): the thread
    that runs the candidate's code must be created first, and it inherits the rest.
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
    die_with_parent(parent_pid)  # changing the user id cleared the parent-death signal
    posix.chdir(write_dir or "/")
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
    if sys.platform.startswith("linux"):
        for step in (lambda: landlock(readable, write_dir), seccomp):
            try:
                notes.append(step())
            except (AttributeError, OSError) as error:
                notes.append("confinement step unavailable (" + str(error) + ")")
    return notes


def limit_processes(notes):
    """No new processes or threads from here on (the code's own thread already exists)."""
    try:
        resource.setrlimit(resource.RLIMIT_NPROC, (0, 0))
    except (ValueError, OSError) as error:
        notes.append("limit RLIMIT_NPROC not applied: " + str(error))


def on_big_stack(work, notes):
    """Run `work(True)` on a thread with STACK_BYTES of stack, or `work(False)` right here.

    The thread is created after Landlock and seccomp (it inherits both) and before the
    process limit.
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


def nul_byte_error(source):
    """The line of the first NUL byte, which compile() reports without a line number."""
    where = source.find("\x00")
    if where < 0:
        return None
    return "line " + str(source.count("\n", 0, where) + 1) + ": the code contains a NUL byte"


def call_case(entry, case, job, budget):
    """Run one case and return its plain result (a design case replays its operations)."""
    if job["kind"] != "design":
        return plain(entry(*case["args"]), budget)
    operations, arguments = case["args"]
    value = []
    instance = None
    void = case.get("void", ())  # methods declared `-> None`: what they return is ignored
    for operation, operation_args in zip(operations, arguments):  # noqa: B905 (3.8+ child)
        if operation == job["entry_point"]:
            instance = entry(*operation_args)
            value.append(None)
        else:
            returned = getattr(instance, operation)(*operation_args)
            value.append(None if operation in void else plain(returned, budget))
    return value


def release_output():
    """Close stdout and stderr, so the parent's drain ends now, not after the exit's teardown."""
    for descriptor in (1, 2):
        try:  # noqa: SIM105 (contextlib would cost the child an import)
            posix.close(descriptor)
        except OSError:
            pass


def main():
    """argv: result fd, parent pid, uid and gid to run as, bytes of private tmp."""
    results_fd, parent_pid, uid, gid, tmp_bytes = (int(item) for item in sys.argv[1:6])
    die_with_parent(parent_pid)

    def send(message):
        data = memoryview((to_json(message) + "\n").encode())
        while data:
            data = data[posix.write(results_fd, data) :]  # a view: no copy per partial write

    # Paid while warm, before any code exists: the private tmp, the list of readable paths,
    # and the first compile() in a process, which builds the AST types (about 1 ms).
    write_dir, tmp_note = private_tmp(uid, gid, tmp_bytes)
    readable = readable_paths()
    compile("", SOLUTION_NAME, "exec", dont_inherit=True)
    send({"event": "waiting", "isolation": [tmp_note]})  # warm: imports done, no code yet
    # Cases (a list) come before the job (a dict), so a warm child can be sent them and decode
    # them ahead of time; if the run needs other cases, those follow and replace them.
    cases, job = [], marshal.loads(read_frame(sys.stdin.buffer))
    while type(job) is list:
        cases = job
        posix.write(results_fd, b'{"event": "cases"}\n')
        job = marshal.loads(read_frame(sys.stdin.buffer))
    notes = confine(job, write_dir, readable, parent_pid)
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
        nul_byte = nul_byte_error(source)
        if nul_byte is not None:
            failure = ("error", nul_byte)
        else:
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
        release_output()
        posix._exit(0)
    send({"event": "loaded", "token": token, "output": capture.take()})
    # Case times are measured by the parent, between reports: no clock in here decides.
    for case in cases:
        capture.keep = case["visible"]
        message = {"event": "case", "token": token, "name": case["name"]}
        try:
            value = call_case(entry, case, job, [VALUE_ELEMENTS, VALUE_CHARACTERS])
            message.update(status="ok", value=value)
        except MemoryError:
            message.update(status="memory", error="MemoryError: ran out of memory")
        except NotPlain as error:
            message.update(status="error", error="TypeError: " + str(error))
        except SystemExit as error:
            message.update(status="error", error=exit_message(error))
        except BaseException as error:
            message.update(status="error", error=describe(error))
        message["output"] = capture.take()
        try:
            send(message)
        except (TypeError, ValueError, OverflowError, RecursionError, MemoryError) as error:
            send(
                {
                    "event": "case",
                    "token": token,
                    "name": case["name"],
                    "status": "error",
                    "output": "",
                    "error": "could not report the returned value: " + str(error)[:300],
                }
            )
    release_output()
    send({"event": "done", "token": token})
    posix._exit(0)


if __name__ == "__main__":
    main()
