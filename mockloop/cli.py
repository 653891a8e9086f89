"""The `mockloop` command line: thin typer definitions that dispatch to `mockloop.commands`.

Each command imports its implementation lazily so that `mockloop --help` stays fast and
never imports Textual or litellm.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from mockloop.cover import MODEL_UNREACHABLE, handing_off
from mockloop.errors import MockloopError, ModelUnreachable

SEED_MIN, SEED_MAX = -(2**63), 2**63 - 1
"""The range of `--seed` (SQLite's 64-bit integers); the same bounds as `events.SEED_MIN/MAX`."""


def text(value: str | None) -> str | None:
    """Refuse text options that are not UTF-8 (undecodable bytes arrive as lone surrogates)."""
    if value is not None:
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            raise typer.BadParameter("not valid UTF-8 text") from None
    return value


app = typer.Typer(
    name="mockloop",
    help="A terminal mock-interview studio: practise coding interviews with a persona.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def complete(kind: str) -> Callable[[str], list[str]]:
    """A shell completer for `kind` values, importing the catalog only when Tab is pressed."""

    def completer(incomplete: str) -> list[str]:
        from mockloop.commands import completion

        values: list[str] = getattr(completion, kind)(incomplete)
        return values

    return completer


CompanyOption = Annotated[
    str,
    typer.Option(
        "--company",
        "-c",
        help="Company persona, e.g. google",
        callback=text,
        autocompletion=complete("companies"),
    ),
]
LevelOption = Annotated[
    str,
    typer.Option(
        "--level",
        "-l",
        help="junior, mid, senior, staff (or a title: L5, E5)",
        callback=text,
        autocompletion=complete("levels"),
    ),
]
CompanyFilter = Annotated[
    str | None,
    typer.Option(
        "--company",
        "-c",
        help="Only this company",
        callback=text,
        autocompletion=complete("companies"),
    ),
]
LevelFilter = Annotated[
    str | None,
    typer.Option(
        "--level",
        "-l",
        help="Only this level",
        callback=text,
        autocompletion=complete("levels"),
    ),
]
ModelOption = Annotated[
    str | None,
    typer.Option(
        "--model", help="litellm model, e.g. openai/gpt-4o-mini (env MOCKLOOP_MODEL)", callback=text
    ),
]
ApiBaseOption = Annotated[
    str | None,
    typer.Option("--api-base", help="Base URL for a local or proxy model server", callback=text),
]


JsonOption = Annotated[bool, typer.Option("--json", help="Print JSON instead of a table")]


@app.command()
def start(
    company: CompanyOption,
    level: LevelOption,
    focus: Annotated[
        str, typer.Option(help="Interview focus", callback=text, autocompletion=complete("focuses"))
    ] = "coding",
    problem: Annotated[
        str | None,
        typer.Option(
            help="Problem slug (default: one you have not done)",
            callback=text,
            autocompletion=complete("problems"),
        ),
    ] = None,
    model: ModelOption = None,
    api_base: ApiBaseOption = None,
    seed: Annotated[
        int | None,
        typer.Option(min=SEED_MIN, max=SEED_MAX, help="Seed for the offline interviewer"),
    ] = None,
    minutes: Annotated[int | None, typer.Option(min=5, max=180, help="Interview length")] = None,
    strict: Annotated[
        bool,
        typer.Option(
            "--strict", help="Hidden case names stay hidden and runs are limited (config: strict)"
        ),
    ] = False,
    offline: Annotated[
        bool,
        typer.Option("--offline", help="Use the offline interviewer, whatever model is configured"),
    ] = False,
) -> None:
    """Start an interview in the terminal UI."""
    from mockloop.commands import interview

    interview.start(company, level, focus, problem, model, api_base, seed, minutes, strict, offline)


@app.command()
def resume(
    session_id: Annotated[
        str | None, typer.Argument(help="Session id (default: the latest)", callback=text)
    ] = None,
) -> None:
    """Reopen an unfinished session exactly where it stopped."""
    from mockloop.commands import interview

    interview.resume(session_id)


@app.command()
def personas(as_json: JsonOption = False) -> None:
    """List the interviewer personas and their level titles."""
    from mockloop.commands import content

    content.list_personas(as_json)


@app.command()
def problems(
    company: CompanyFilter = None,
    level: LevelFilter = None,
    as_json: JsonOption = False,
    focus: Annotated[
        str,
        typer.Option(
            help="Which round's bank: coding, behavioral", autocompletion=complete("focuses")
        ),
    ] = "coding",
) -> None:
    """List the problems (or another round's questions) in the bank."""
    from mockloop.commands import content

    if focus.strip().lower() == "coding":
        content.list_problems(company, level, as_json)
    else:
        content.list_bank(focus, company, level, as_json)


@app.command()
def validate(path: Annotated[Path, typer.Argument(help="A pack file or folder")]) -> None:
    """Check a persona, rubric or problem pack; exit 1 with the errors, 0 when clean."""
    from mockloop.commands import content

    content.validate(path)


@app.command()
def check(
    slug: Annotated[
        str,
        typer.Argument(
            help="Problem slug, e.g. two-sum", callback=text, autocompletion=complete("problems")
        ),
    ],
    file: Annotated[Path, typer.Argument(help="Your solution, a source file")],
    as_json: JsonOption = False,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Show isolation in force")
    ] = False,
) -> None:
    """Run FILE against a problem's hidden tests: exit 0 all passed, 1 some failed."""
    from mockloop.commands import check as check_command

    check_command.run(slug, file, as_json, verbose)


@app.command()
def simulate(
    script: Annotated[Path, typer.Argument(help="Scripted candidate (YAML)")],
    as_json: JsonOption = False,
    model: ModelOption = None,
    api_base: ApiBaseOption = None,
) -> None:
    """Run a scripted candidate through a real session, headless, and write the report."""
    from mockloop.commands import scorecard

    scorecard.simulate(script, as_json, model, api_base)


@app.command()
def history(
    as_json: JsonOption = False,
    company: CompanyFilter = None,
    level: LevelFilter = None,
) -> None:
    """List past sessions, newest first."""
    from mockloop.commands import history as history_command

    history_command.run(as_json, company, level)


@app.command()
def report(
    session_id: Annotated[
        str, typer.Argument(help="Session id (see `mockloop history`)", callback=text)
    ],
    output: Annotated[
        Path | None, typer.Option("--output", "-o", help="Write to this file")
    ] = None,
    format: Annotated[str, typer.Option("--format", help="md or json", callback=text)] = "md",  # noqa: A002
) -> None:
    """Show a session's scorecard again, or write it to a file."""
    from mockloop.commands import scorecard

    scorecard.report(session_id, output, format)


@app.command()
def replay(
    session_id: Annotated[str, typer.Argument(help="Session id (see `mockloop history`)")],
) -> None:
    """Step through a past session: its code, chat and runs at every moment."""
    from mockloop.commands import replay as replay_command

    replay_command.run(session_id)


@app.command()
def stats(
    as_json: JsonOption = False,
    include_all: Annotated[
        bool, typer.Option("--all", help="Include incomplete and simulated sessions")
    ] = False,
    as_markdown: Annotated[
        bool, typer.Option("--md", help="A Markdown progress summary to share")
    ] = False,
) -> None:
    """Per-dimension averages and trends, verdicts, companies and rounds."""
    from mockloop.commands import stats as stats_command

    stats_command.run(as_json, include_all, as_markdown)


@app.command()
def doctor(as_json: JsonOption = False) -> None:
    """Check Python, the terminal, the sandbox, ruff, the model and the database."""
    from mockloop.commands import doctor as doctor_command

    doctor_command.run(as_json)


@app.command()
def forget(
    session_id: Annotated[
        str | None,
        typer.Argument(help="Session id or prefix (see `mockloop history`)", callback=text),
    ] = None,
    everything: Annotated[bool, typer.Option("--all", help="Forget every session")] = False,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation")] = False,
) -> None:
    """Delete a session's events, code and report files (or --all), then vacuum."""
    from mockloop.commands import forget as forget_command

    forget_command.run(session_id, everything, yes)


def main() -> None:
    """Entry point: run the CLI, turning MockloopError into one message and an exit code."""
    try:
        app(prog_name="mockloop")  # not "python -m mockloop" in the launcher's child
    except MockloopError as error:
        print(f"mockloop: {error.message}", file=sys.stderr)
        if isinstance(error, ModelUnreachable) and handing_off():
            sys.exit(MODEL_UNREACHABLE)  # the launcher asks whether to go on offline
        sys.exit(error.exit_code)
    except KeyboardInterrupt:
        print("mockloop: interrupted.", file=sys.stderr)
        sys.exit(130)
