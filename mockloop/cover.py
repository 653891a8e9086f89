"""What the interview screen shows before the session itself is loaded: its first frame.

`mockloop start` plans the interview and creates the session in a child process (pydantic,
YAML, SQLite) while the parent imports Textual; the child hands over a `Cover` as one JSON
line, the parent draws it, and only then loads the session by id. So this module stays
free of pydantic and Textual, and a cover holds plain values only. A new session's cover
also holds the interviewer's greeting, so the first frame shows it.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass, fields
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from mockloop.conductor import Round
    from mockloop.events import Event
    from mockloop.session import Session

HANDOFF_ENV = "MOCKLOOP_HANDOFF"
"""Set for the child: print the cover of the prepared session instead of opening the UI."""
MODEL_UNREACHABLE = 3
"""The child's exit code when the model's server did not answer: the launcher asks whether
to go on with the offline interviewer."""


def handing_off() -> bool:
    """Whether this process is the launcher's child (its output is a pipe, not a terminal).

    A stray MOCKLOOP_HANDOFF=1 in an interactive shell therefore still opens the UI.
    """
    return os.environ.get(HANDOFF_ENV) == "1" and not sys.stdout.isatty()


@dataclass(frozen=True)
class Cover:
    """The interview at a glance: who, which problem, the code, and the clock."""

    session_id: str
    interviewer: str
    company: str
    level: str
    title: str
    statement: str
    code: str
    phase: str
    remaining: float
    resumed: bool
    editor: str
    """"code", "notes" or "" (a chat-only round): which editor the screen shows."""
    editor_language: str
    runs_tests: bool
    aside: str | None = None
    """The side pane's text ("" empty), or None when the round has no side pane."""
    glance: bool = False
    """F7 shows a glance at the editor's content (the design round's back of the envelope)."""
    greeting: str | None = None
    """The interviewer's opening words, drawn in the first frame (None: they come once the
    session is open, or not at all for a resumed one). See `Conductor.foresee_greeting`."""

    @property
    def who(self) -> str:
        """The interviewer and the company, as the header shows them."""
        return f"{self.interviewer} · {self.company}"

    def to_json(self) -> str:
        """One line of JSON (the child's whole output on success)."""
        return json.dumps(asdict(self), ensure_ascii=False)

    @classmethod
    def from_json(cls, text: str) -> Cover:
        """Read a cover; ValueError when the text is not one."""
        data = json.loads(text)
        names = {field.name for field in fields(cls)}
        if not isinstance(data, dict) or set(data) != names:
            raise ValueError("not an interview cover")
        return cls(**data)


def resume_offset(events: Sequence[Event]) -> float:
    """The session time to continue from: the last recorded moment (a quit snapshot at best)."""
    return max(event.t for event in events)


def cover_of(
    session: Session, round_: Round, *, resumed: bool, greeting: str | None = None
) -> Cover:
    """The cover of a loaded session, timed as it will continue: from its last event."""
    started = session.started
    kind, pack = round_.kind, round_.pack
    elapsed = resume_offset(session.events)
    return Cover(
        session_id=session.id,
        interviewer=round_.persona.interviewer.name,
        company=round_.persona.company,
        level=f"{started.level_title} ({started.level})",
        title=kind.heading(pack),
        statement=kind.statement(pack),
        code=session.state.code,
        phase=kind.phase_words(pack, session.events, elapsed, session.state.phase),
        remaining=started.minutes * 60 - elapsed,
        resumed=resumed,
        editor=kind.panes.editor or "",
        editor_language=kind.panes.editor_language,
        runs_tests=kind.panes.runs_tests,
        aside=kind.aside(pack, session.events) if kind.aside else None,
        glance=kind.glance is not None,
        greeting=greeting,
    )
