"""`mockloop check SLUG FILE`: run a solution file against a problem's hidden tests."""

from __future__ import annotations

import contextlib
import json
import sys
from pathlib import Path

import typer

from mockloop.errors import UsageError
from mockloop.interviews import catalog as default_catalog
from mockloop.results import CaseResult, RunResult, Scaling

# Terminal control characters (C0 but newline and tab, DEL, C1) and bidirectional overrides,
# shown as escapes: candidate output must not move the cursor, retitle or recolour the terminal.
CONTROL_CHARACTERS = {
    code: f"\\x{code:02x}" for code in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))
} | {
    code: f"\\u{code:04x}"
    for code in (0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))
}

SOURCE_BYTES = 1024 * 1024

STATUS_STYLE = {
    "passed": "green",
    "failed": "red",
    "error": "red",
    "timeout": "yellow",
    "memory": "yellow",
    "crashed": "magenta",
    "skipped": "dim",
}


def read_solution(file: Path) -> str:
    """The file's text, or a usage error for a missing, unreadable, non-UTF-8 or invalid file."""
    if not file.exists():
        raise UsageError(f"{file}: no such file. Pass the path of your solution file.")
    if not file.is_file():
        raise UsageError(f"{file}: not a file. Pass the path of your solution file.")
    with contextlib.suppress(OSError):
        if file.stat().st_size > SOURCE_BYTES:
            raise UsageError(
                f"{file}: {file.stat().st_size // 1024} KiB is too large for a solution "
                f"(the limit is {SOURCE_BYTES // 1024} KiB)."
            )
    try:
        source = file.read_text(encoding="utf-8-sig")  # an editor's byte-order mark is fine
    except UnicodeDecodeError as error:
        raise UsageError(
            f"{file}: not UTF-8 text (byte {error.start}). Save it as UTF-8 and try again."
        ) from None
    except OSError as error:
        raise UsageError(f"{file}: cannot read it ({error.strerror}).") from None
    if "\x00" in source:
        number = source.count("\n", 0, source.index("\x00")) + 1
        raise UsageError(
            f"{file}, line {number}: contains a NUL byte, which source code cannot hold. "
            "Remove it and run the check again."
        )
    try:
        compile(source, str(file), "exec", dont_inherit=True)
    except SyntaxError as error:
        line = (error.text or "").rstrip("\n")
        pointer = f"\n    {line}" if line.strip() else ""
        raise UsageError(
            f"{file}, line {error.lineno}: syntax error: {error.msg}.{pointer}\n"
            "Fix the syntax and run the check again."
        ) from None
    except ValueError as error:  # e.g. a NUL byte in the source
        raise UsageError(f"{file}: cannot be compiled ({error}).") from None
    return source


def run(slug: str, file: Path, as_json: bool, verbose: bool) -> None:
    """Run FILE against SLUG's cases and print a table (or JSON); exit 0 only if all passed."""
    problem = default_catalog().problem(slug)
    source = read_solution(file)
    from mockloop.runner.sandbox import run_code_sync
    from mockloop.runner.scaling import measure_scaling_sync

    result = run_code_sync(problem, source)
    scaling = measure_scaling_sync(problem, source)
    if as_json:
        payload = result.check_json() | {
            "scaling": scaling.check_json(),
            "scaling_note": scaling.note,
        }
        print(json.dumps(payload, indent=2))
        if verbose:
            print("\n".join(f"isolation: {line}" for line in result.isolation), file=sys.stderr)
    else:
        show(result, verbose)
        print(printable(scaling_line(scaling)))
    raise typer.Exit(0 if result.status == "passed" else 1)


def scaling_line(scaling: Scaling) -> str:
    """One line on how the run time grew with the input size, or why it was not measured."""
    if scaling.exponent is None:
        return f"Scaling: not measured: {scaling.note}."
    sizes = f"{scaling.sizes[0]:,}–{scaling.sizes[-1]:,}" if scaling.sizes else ""
    line = f"Scaling: measured ≈ {scaling.shown} (exponent {scaling.exponent:.2f}, CPU time, "
    line += f"inputs of {sizes} elements)"
    return line + (f"; {scaling.note}." if scaling.note else ".")


def printable(text: str) -> str:
    """`text` safe for a terminal: control characters and direction overrides as escapes."""
    return text.translate(CONTROL_CHARACTERS)


def _detail(case: CaseResult) -> str:
    parts: list[str] = []
    if case.visible:
        parts.append(f"input {json.dumps(case.args)[:200]}")
        if case.status == "failed":
            parts.append(f"expected {json.dumps(case.expected)[:200]}")
            parts.append(f"got {json.dumps(case.actual)[:200]}")
    if case.error:
        parts.append(case.error.strip())
    if case.output:
        parts.append("output:\n" + case.output.rstrip()[:2000])
    return printable("\n".join(parts))


def show(result: RunResult, verbose: bool) -> None:
    """The per-case table, any output of the code at load time, and a summary line."""
    from rich.console import Console
    from rich.markup import escape
    from rich.table import Table

    console = Console()
    table = Table(title=f"{result.problem}: {result.passed}/{result.total} passed")
    for column in ("case", "kind", "status", "ms", "details"):
        table.add_column(column, overflow="fold")
    for case in result.cases:
        style = STATUS_STYLE.get(case.status, "")
        table.add_row(
            escape(printable(case.name)),
            case.category,
            f"[{style}]{case.status}[/]",
            f"{case.ms:.1f}",
            escape(_detail(case)),
        )
    console.print(table)
    if result.output.strip():
        console.print("[bold]Output while loading:[/]")
        console.print(escape(printable(result.output.rstrip()[:4000])))
    if verbose:
        console.print("[bold]Isolation in force:[/]")
        for line in result.isolation:
            console.print(f"  - {escape(printable(line))}")
    style = STATUS_STYLE.get(result.status, "")
    console.print(f"[{style}]{result.status.upper()}[/] {escape(printable(result.message))}")
