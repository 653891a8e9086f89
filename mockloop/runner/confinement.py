# The child program stays unannotated: importing typing would slow every run's startup. It
# uses the private C modules behind ctypes, which typeshed describes loosely.
# mypy: disable-error-code="no-untyped-def,no-untyped-call,var-annotated,operator,misc"
# mypy: disable-error-code="type-arg,arg-type,import-not-found"
"""The kernel-level confinement the sandbox child applies to itself (Linux), stdlib-only.

This file is joined in front of `harness.py` and run with `python -I -S -c`, so it never
imports mockloop and imports only built-in C modules. It provides:
- `die_with_parent`: PR_SET_PDEATHSIG, so the child is killed when MockLoop dies;
- `private_tmp`: a private mount namespace with a small tmpfs on /tmp (the only writable
  place, and the disk quota), so no temp dir is ever created on the host;
- `readable_paths`: the interpreter's standard library and the shared libraries, never a
  folder of installed Python packages (where MockLoop's own content may live);
- `landlock`: read only those paths, write only the private tmp, no TCP bind/connect;
- `seccomp`: no socket() at all and socketpair() only for AF_UNIX, whatever the protocol
  (MPTCP included), and no io_uring (which can create sockets without socket()).
"""

import _ctypes
import posix
import sys

# Landlock (linux/landlock.h); syscall numbers are shared by every architecture.
CREATE_RULESET, ADD_RULE, RESTRICT_SELF = 444, 445, 446
CREATE_RULESET_VERSION = 1
RULE_PATH_BENEATH = 1
FS_EXECUTE, FS_READ_FILE, FS_READ_DIR = 1 << 0, 1 << 2, 1 << 3
PR_SET_PDEATHSIG, PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP = 1, 38, 22
SIGKILL = 9
EXTRA_READABLE = ("/usr/share/zoneinfo", "/etc/localtime")
PACKAGE_FOLDERS = ("site-packages", "dist-packages")
# Names under which Python installs packages in a library folder (/usr/lib64/python3.12 ...).
PACKAGE_HOLDERS = (
    PACKAGE_FOLDERS
    + ("python2", "python2.7", "python3")
    + tuple("python3." + str(minor) for minor in range(30))
)
FILE_TYPE_MASK, DIRECTORY_TYPE = 0o170000, 0o040000

# Mount namespaces (linux/sched.h, linux/mount.h).
CLONE_NEWNS, CLONE_NEWUSER = 0x00020000, 0x10000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REC, MS_PRIVATE = 2, 4, 8, 1 << 14, 1 << 18
PRIVATE_TMP = "/tmp"
TMP_FILES = 1024
CAPABILITY_VERSION_3 = 0x20080522

# seccomp (linux/seccomp.h, linux/filter.h, linux/audit.h).
SECCOMP_MODE_FILTER = 2
RETURN_ALLOW, RETURN_EPERM = 0x7FFF0000, 0x00050000 | 1
LOAD_WORD, JUMP_EQUAL, JUMP_GREATER_EQUAL, RETURN = 0x20, 0x15, 0x35, 0x06
DATA_NUMBER, DATA_ARCH, DATA_FIRST_ARGUMENT = 0, 4, 16
X32_SYSCALL_BIT = 0x40000000
AF_UNIX = 1
# machine: (audit arch, socket, socketpair, io_uring_setup, io_uring_enter, io_uring_register)
SYSCALLS = {
    "x86_64": (0xC000003E, 41, 53, 425, 426, 427),
    "aarch64": (0xC00000B7, 198, 199, 425, 426, 427),
}
SECCOMP_NOTE = (
    "seccomp: socket() refused for every family and protocol (TCP, MPTCP, UDP, Unix, raw, "
    "netlink, ...); socketpair() only for AF_UNIX; io_uring refused"
)


def c_type(name, code):
    """A C scalar type, declared on `_ctypes` the way `ctypes` declares c_uint64 and friends."""
    return type(name, (_ctypes._SimpleCData,), {"_type_": code})


UInt64, UInt32, Int32 = c_type("UInt64", "Q"), c_type("UInt32", "I"), c_type("Int32", "i")
Long, UShort, CharPointer = c_type("Long", "l"), c_type("UShort", "H"), c_type("CharPointer", "z")
SizeT = c_type("SizeT", "L")  # size_t is unsigned long on every Linux ABI


class PathBeneath(_ctypes.Structure):
    """struct landlock_path_beneath_attr (packed)."""

    _pack_ = 1
    _fields_ = [("allowed_access", UInt64), ("parent_fd", Int32)]


class FilterProgram(_ctypes.Structure):
    """struct sock_fprog: the number of BPF instructions and a pointer to them."""

    _fields_ = [("length", UShort), ("instructions", CharPointer)]


class LibraryFunction(_ctypes.CFuncPtr):
    """A libc function called with the C calling convention; errno is kept for get_errno()."""

    _flags_ = _ctypes.FUNCFLAG_CDECL | _ctypes.FUNCFLAG_USE_ERRNO
    _restype_ = Int32


class Libc:
    """The running process's own symbols, like `ctypes.CDLL(None)`."""

    _handle = _ctypes.dlopen(None, 0)


LINUX = sys.platform.startswith("linux")
if LINUX:  # elsewhere (macOS) these symbols do not exist and nothing below is applied
    SYSCALL = LibraryFunction(("syscall", Libc))
    SYSCALL.restype = Long
    PRCTL = LibraryFunction(("prctl", Libc))
    UNSHARE = LibraryFunction(("unshare", Libc))
    MOUNT = LibraryFunction(("mount", Libc))
    CAPSET = LibraryFunction(("capset", Libc))


def errno_text(what):
    return what + " (errno " + str(_ctypes.get_errno()) + ")"


def die_with_parent(parent_pid):
    """Ask for SIGKILL when the parent dies, then make sure it has not died already.

    Changing the user id clears this setting, so `confine` calls it again after the drop.
    """
    if not LINUX:
        return
    if PRCTL(PR_SET_PDEATHSIG, SIGKILL, 0, 0, 0) != 0 or posix.getppid() != parent_pid:
        posix._exit(1)


def _write(path, data):
    descriptor = posix.open(path, posix.O_WRONLY)
    try:
        posix.write(descriptor, data)
    finally:
        posix.close(descriptor)


def private_tmp(uid, gid, size):
    """Mount a private tmpfs of `size` bytes on /tmp, owned by uid/gid; None if impossible.

    As root a new mount namespace is enough; otherwise an unprivileged user namespace maps
    the user to itself, and every capability it grants is dropped again after the mount.
    """
    if not LINUX:
        return None, "disk: no private tmp on " + sys.platform + " (no quota on writes)"
    as_root = posix.geteuid() == 0
    own_uid, own_gid = posix.geteuid(), posix.getegid()
    if UNSHARE(CLONE_NEWNS if as_root else CLONE_NEWUSER | CLONE_NEWNS) != 0:
        return None, errno_text("disk: no private tmp, a new mount namespace was refused")
    try:
        if not as_root:
            _write("/proc/self/setgroups", b"deny")
            _write("/proc/self/uid_map", b"%d %d 1" % (own_uid, own_uid))
            _write("/proc/self/gid_map", b"%d %d 1" % (own_gid, own_gid))
    except OSError as error:
        return None, "disk: no private tmp, user namespace refused (" + str(error) + ")"
    if MOUNT(None, b"/", None, MS_REC | MS_PRIVATE, None) != 0:
        return None, errno_text("disk: no private tmp, mounts could not be made private")
    options = b"size=%d,nr_inodes=%d,mode=700,uid=%d,gid=%d" % (size, TMP_FILES, uid, gid)
    flags = MS_NOSUID | MS_NODEV | MS_NOEXEC
    if MOUNT(b"tmpfs", PRIVATE_TMP.encode(), b"tmpfs", flags, options) != 0:
        return None, errno_text("disk: no private tmp, tmpfs mount refused")
    if not as_root:
        header = (UInt32 * 2)(CAPABILITY_VERSION_3, 0)
        if CAPSET(_ctypes.byref(header), _ctypes.byref((UInt32 * 6)())) != 0:
            posix._exit(1)  # never run candidate code with the namespace's capabilities
    return PRIVATE_TMP, (
        "disk: a private "
        + str(size // (1024 * 1024))
        + " MiB tmpfs on /tmp (at most "
        + str(TMP_FILES)
        + " files) is the only writable place; it vanishes with the child"
    )


def _is_package_folder(name):
    return name.startswith("python") or name in PACKAGE_FOLDERS


def _exists(path):
    try:
        posix.stat(path)
    except OSError:
        return False
    return True


def _without_packages(folder):
    """`folder`, or its entries except installed-package folders when it holds any.

    Listing a large library folder costs tens of ms on an overlay file system, so the
    folder is listed only when one of the names packages live under exists in it.
    """
    if not any(_exists(folder + "/" + name) for name in PACKAGE_HOLDERS):
        return [folder]
    try:
        names = posix.listdir(folder)
    except OSError:
        return [folder]
    return [folder + "/" + name for name in names if not _is_package_folder(name)]


def readable_paths():
    """The standard library (sys.path under -I -S) and shared libraries, minus packages.

    The multiarch and lib64 folders hold the shared libraries that extension modules load;
    /usr/lib and /usr/local/lib as a whole are left out, since pip and distributions
    install Python packages (and so MockLoop's problems and references) below them.
    """
    folders = [entry for entry in sys.path if entry]
    multiarch = getattr(sys.implementation, "_multiarch", "")
    if multiarch:
        folders += ["/lib/" + multiarch, "/usr/lib/" + multiarch]
    folders += ["/lib64", "/usr/lib64"]
    paths = []
    for folder in folders:
        paths += _without_packages(folder)
    return paths + list(EXTRA_READABLE)


def landlock(readable, write_dir):
    """Best effort: read only `readable`, write only write_dir (if any), no TCP."""
    abi = SYSCALL(CREATE_RULESET, None, SizeT(0), CREATE_RULESET_VERSION)
    if abi < 0:
        return errno_text("landlock: unavailable")
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
        return errno_text("landlock: ruleset refused")
    rules = [(path, None) for path in readable]
    if write_dir is not None:
        rules.append((write_dir, handled_fs))
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
                return errno_text("landlock: rule for " + path + " refused")
        finally:
            posix.close(descriptor)
    if PRCTL(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return "landlock: no_new_privs refused"
    if SYSCALL(RESTRICT_SELF, ruleset, 0) < 0:
        return errno_text("landlock: restrict_self refused")
    posix.close(ruleset)
    scope = ", signals and abstract sockets scoped" if abi >= 6 else ""
    network = ", no TCP bind/connect" if abi >= 4 else ", TCP not restricted (ABI < 4)"
    writable = "write only the private tmp" if write_dir is not None else "write nothing"
    return (
        "landlock ABI "
        + str(abi)
        + ": read only the standard library and shared libraries, "
        + writable
        + network
        + scope
    )


def _instruction(code, true_jump, false_jump, value):
    """One struct sock_filter: u16 code, u8 jt, u8 jf, u32 k (native little-endian)."""
    return code.to_bytes(2, "little") + bytes((true_jump, false_jump)) + value.to_bytes(4, "little")


def socket_filter(machine):
    """The BPF program for `seccomp`, or None on an architecture it does not know."""
    numbers = SYSCALLS.get(machine)
    if numbers is None:
        return None
    arch, socket, socketpair, *io_uring = numbers
    # A jump skips that many instructions after its own; ALLOW is index 11, DENY index 12.
    program = [
        (LOAD_WORD, 0, 0, DATA_ARCH),  # 0
        (JUMP_EQUAL, 0, 10, arch),  # 1: another ABI (e.g. i386 via int 0x80): deny
        (LOAD_WORD, 0, 0, DATA_NUMBER),  # 2
        (JUMP_GREATER_EQUAL, 8, 0, X32_SYSCALL_BIT),  # 3: x32 numbers: deny
        (JUMP_EQUAL, 7, 0, socket),  # 4
        (JUMP_EQUAL, 6, 0, io_uring[0]),  # 5
        (JUMP_EQUAL, 5, 0, io_uring[1]),  # 6
        (JUMP_EQUAL, 4, 0, io_uring[2]),  # 7
        (JUMP_EQUAL, 0, 2, socketpair),  # 8: anything else: allow
        (LOAD_WORD, 0, 0, DATA_FIRST_ARGUMENT),  # 9: the family (low 32 bits)
        (JUMP_EQUAL, 0, 1, AF_UNIX),  # 10
        (RETURN, 0, 0, RETURN_ALLOW),  # 11
        (RETURN, 0, 0, RETURN_EPERM),  # 12
    ]
    return len(program), b"".join(_instruction(*instruction) for instruction in program)


def seccomp():
    """Install the socket filter (no_new_privs first); returns what is in force."""
    compiled = socket_filter(posix.uname().machine)
    if compiled is None:
        return "seccomp: not applied (unknown architecture " + posix.uname().machine + ")"
    length, instructions = compiled
    program = FilterProgram(length, instructions)
    if PRCTL(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
        return "seccomp: not applied (no_new_privs refused)"
    if PRCTL(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, _ctypes.byref(program), 0, 0) != 0:
        return errno_text("seccomp: not applied, filter refused")
    return SECCOMP_NOTE
