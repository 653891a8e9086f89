"""The one bounded reader for every file MockLoop parses from outside: packs, config, scripts.

A hostile or broken file must cost a clear message, never a hang, a MemoryError or a leak:
only regular files are read (a FIFO or `/dev/zero` is refused without blocking), their size
is checked before reading, the YAML's alias expansion is bounded (a "billion laughs" file
is refused instead of being walked), and no error message quotes more than a short,
escaped excerpt of the file.
"""

from __future__ import annotations

import os
import re
import reprlib
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from mockloop.errors import MockloopError, PackError

TEXT_LIMIT = 1024 * 1024
"""The largest file read (bytes): our biggest pack file is under 10 KiB."""
NODE_LIMIT = 100_000
"""The most values a YAML document may expand to, counting every alias use in full."""
EXCERPT_LIMIT = 60
"""The most characters of a file's content an error message may quote."""
ERROR_LINES = 8
"""The most field errors one message lists."""
NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]{0,39}")

# libyaml's C loader parses our packs about ten times faster than the pure-Python one.
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

_short = reprlib.Repr()
_short.maxstring = EXCERPT_LIMIT
_short.maxother = EXCERPT_LIMIT
_short.maxlist = _short.maxtuple = _short.maxdict = _short.maxset = 4
_short.maxlevel = 2


def excerpt(value: Any) -> str:
    """A short repr of any value, however large or deeply nested (never walks all of it)."""
    text = _short.repr(value)
    return text if len(text) <= EXCERPT_LIMIT + 10 else text[: EXCERPT_LIMIT + 7] + "..."


def field_path(location: Iterable[object]) -> str:
    """A validation error's location as `a.b.0`; keys that are not names are not quoted.

    An unknown key comes from the file, and a file that is not a pack (a symlinked secret,
    say) has its lines as keys; they are shown as `<not a field name>` instead.
    """
    parts = [
        str(part) if isinstance(part, int) or NAME.fullmatch(str(part)) else "<not a field name>"
        for part in location
    ]
    return ".".join(parts) or "(top level)"


def describe_kind(mode: int) -> str:
    """What a non-regular file is, in words."""
    kinds = (
        (stat.S_ISDIR, "a folder"),
        (stat.S_ISFIFO, "a named pipe"),
        (stat.S_ISCHR, "a character device"),
        (stat.S_ISBLK, "a block device"),
        (stat.S_ISSOCK, "a socket"),
    )
    return next((name for test, name in kinds if test(mode)), "not a regular file")


def read_text(
    path: Path, *, limit: int = TEXT_LIMIT, error: type[MockloopError] = PackError
) -> str:
    """The UTF-8 text of a regular file of at most `limit` bytes, or `error` saying why not.

    The file is opened without blocking (a FIFO would otherwise wait for a writer forever)
    and checked with fstat on the open descriptor, so a swapped-in special file is caught.
    """
    try:
        descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as failure:
        raise error(f"{path}: cannot read ({failure.strerror}).") from None
    with os.fdopen(descriptor, "rb") as handle:
        mode = os.fstat(descriptor).st_mode
        if not stat.S_ISREG(mode):
            raise error(f"{path}: is {describe_kind(mode)}, not a regular file; not read.")
        try:
            data = handle.read(limit + 1)
        except OSError as failure:
            raise error(f"{path}: cannot read ({failure.strerror}).") from None
    if len(data) > limit:
        raise error(f"{path}: larger than {limit // 1024} KiB; not read.")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as failure:
        raise error(f"{path}: not UTF-8 text ({failure.reason}).") from None


def _syntax_error(source: str, failure: yaml.YAMLError, error: type[MockloopError]) -> Exception:
    """The one-line message for a YAML syntax error: position and problem, no file content."""
    mark = getattr(failure, "problem_mark", None)
    where = f" line {mark.line + 1}, column {mark.column + 1}:" if mark else ""
    problem = getattr(failure, "problem", None) or type(failure).__name__
    return error(f"{source}:{where} invalid YAML: {excerpt(str(problem))[1:-1]}.")


def check_expansion(data: Any, source: str, error: type[MockloopError]) -> None:
    """Refuse data whose aliases expand past NODE_LIMIT values (or refer to themselves).

    Walks the data as a tree, counting shared values each time they are reached, and
    stops at the limit, so the cost is bounded however large the expansion would be.
    """
    budget = NODE_LIMIT
    pending = [data]
    while pending:
        value = pending.pop()
        budget -= 1
        if budget < 0:
            raise error(
                f"{source}: the YAML expands to more than {NODE_LIMIT:,} values (anchors and "
                "aliases used too often, or an alias that contains itself); not loaded."
            )
        if isinstance(value, dict):
            pending.extend(value.keys())
            pending.extend(value.values())
        elif isinstance(value, list):
            pending.extend(value)


def parse(
    text: str, source: str, *, error: type[MockloopError] = PackError
) -> tuple[Any, yaml.Node | None]:
    """The data of a YAML document and its node tree (for line numbers), bounded."""
    if len(text) > TEXT_LIMIT:
        raise error(f"{source}: larger than {TEXT_LIMIT // 1024} KiB; not read.")
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        data = loader.construct_document(node) if node is not None else None
    except yaml.YAMLError as failure:
        raise _syntax_error(source, failure, error) from None
    except RecursionError:
        raise error(f"{source}: the YAML is nested too deeply; not loaded.") from None
    finally:
        loader.dispose()
    if "&" in text and "*" in text:
        check_expansion(data, source, error)
    return data, node


def load(text: str, source: str, *, error: type[MockloopError] = PackError) -> Any:
    """The data of a YAML document, bounded (see `parse`)."""
    return parse(text, source, error=error)[0]


def read_yaml(path: Path, *, error: type[MockloopError] = PackError) -> Any:
    """Read and parse a YAML file with every bound in force."""
    return load(read_text(path, error=error), str(path), error=error)
