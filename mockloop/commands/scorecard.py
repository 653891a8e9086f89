"""`mockloop simulate` and `mockloop report`: run a scripted candidate, show a scorecard."""

from __future__ import annotations

import asyncio
import datetime
import json
import sys
from pathlib import Path
from typing import Any

from mockloop.errors import MockloopError, UsageError
from mockloop.events import Event, SessionStarted
from mockloop.session import fold

FORMATS = ("md", "json")


def simulate(script: Path, as_json: bool, model: str | None, api_base: str | None) -> None:
    """Run SCRIPT headless on a simulated clock and print the outcome (or its JSON)."""
    from mockloop.simulation import load_script
    from mockloop.simulation import simulate as run_simulation

    parsed = load_script(script)
    result = asyncio.run(run_simulation(parsed, model=model, api_base=api_base))
    if as_json:
        print(json.dumps(result.as_json()))
        return
    score = "no score" if result.score is None else f"{result.score:.2f} / 4.00"
    print(f"{result.verdict}: {score}")
    for name, value in result.dimensions.items():
        print(f"  {name:<16} {value:.2f}")
    if result.tests is not None:
        print(f"Tests: {result.tests[0]}/{result.tests[1]} passed")
    print(f"Session {result.session_id}; report written to {result.report}")


def report(session_id: str, output: Path | None, format: str) -> None:  # noqa: A002
    """Show a session's report again: rich in the terminal, plain Markdown or JSON to a file."""
    if format not in FORMATS:
        raise UsageError(f"--format must be one of {', '.join(FORMATS)}, not '{format}'.")
    from mockloop.store import Store

    store = Store.open()
    try:
        events = store.load(session_id)
    finally:
        store.close()
    markdown, scorecard = load_or_render(events, session_id)
    text = json.dumps(scorecard, indent=2) + "\n" if format == "json" else writable(markdown)
    if output is not None:
        try:
            output.write_text(text, encoding="utf-8")
        except OSError as error:
            raise MockloopError(f"Cannot write {output}: {error.strerror}.") from None
        print(f"Wrote {output}", file=sys.stderr)
    elif format == "json" or not sys.stdout.isatty():
        sys.stdout.write(text)
    else:
        from rich.console import Console
        from rich.markdown import Markdown

        Console().print(Markdown(text))


def writable(text: str) -> str:
    """Text that can be written as UTF-8: a lone surrogate (from candidate output) becomes '?'."""
    return text.encode("utf-8", "replace").decode("utf-8")


def load_or_render(events: list[Event], session_id: str) -> tuple[str, dict[str, Any]]:
    """The saved report and scorecard, or both re-derived from the log when not saved."""
    state = fold(events)
    written = state.scorecard
    if written is not None:
        path = Path(written.path)
        sidecar = path.with_suffix(".json")
        if path.is_file() and sidecar.is_file():
            try:
                saved = json.loads(sidecar.read_text(encoding="utf-8"))
                return path.read_text(encoding="utf-8"), _with_ids(saved, session_id, str(path))
            except (OSError, ValueError):
                pass
    return _render(events, session_id, written.path if written else None)


def _render(
    events: list[Event], session_id: str, saved_path: str | None
) -> tuple[str, dict[str, Any]]:
    """Score the log again with the offline rules (the saved report is missing)."""
    from mockloop.interviews import catalog, interview_type
    from mockloop.scoring.writer import date_of

    started = events[0].payload
    assert isinstance(started, SessionStarted)
    packs = catalog()
    kind = interview_type(started.focus)
    pack = kind.pack(packs, started.problem)
    rubric = packs.rubrics.get(started.rubric) or packs.rubric(kind.focus)
    note = (
        f"the offline evidence rules, re-rendered from the session log because the saved "
        f"report {saved_path} is missing."
        if saved_path
        else ""
    )
    date = (saved_path and date_of(saved_path)) or datetime.date.today().isoformat()
    report = asyncio.run(
        kind.evaluate(
            events,
            pack,
            rubric,
            packs,
            date=datetime.date.fromisoformat(date),
            use_judge=False,
            note=note,
        )
    )
    markdown, scorecard = report.markdown, report.scorecard
    return markdown, _with_ids(scorecard.model_dump(mode="json"), session_id, saved_path)


def _with_ids(scorecard: dict[str, Any], session_id: str, path: str | None) -> dict[str, Any]:
    """The scorecard JSON with the session id and report path in front."""
    return {"session_id": session_id, "report": path, **scorecard}
