"""The system design round: a Markdown notes editor beside the chat, five timed phases.

Importing this module registers the round. Its content is the prompt bank under
`problems/system-design/` (one file per prompt) and `rubrics/system-design.yaml`. The notes
are the editor's content, so they are snapshotted like code and resume, replay and the report
see them. No F5: F7 shows the "back of the envelope" instead (`glance`).
With a model configured the model decides chat turns within the round's rules
(`engine/design/model.py`); the offline interviewer is its fallback.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from mockloop.interviews import InterviewType, Panes, Report, register

if TYPE_CHECKING:
    from mockloop.catalog import Catalog
    from mockloop.designs import DesignPrompt
    from mockloop.engine.base import Interviewer
    from mockloop.events import Event
    from mockloop.models import Persona, Rubric

DIMENSIONS = frozenset(
    {"requirements", "high_level_design", "deep_dive", "tradeoffs", "communication"}
)
MINUTES = 45
"""The round's length at every level (a design round is 45 minutes in most loops)."""
STARTER = "## Requirements\n\n## Estimates\n\n## API\n\n## Data model\n\n## Design\n"
"""What the notes editor opens with: the phases as headings to fill in."""


def bank(packs: Catalog) -> Mapping[str, DesignPrompt]:
    """Every design prompt by slug (loads the prompt files)."""
    return dict(packs.designs)


def offered(packs: Catalog, persona: str, level: str) -> list[str]:
    """Prompts for the level, the ones the company favours first when there are any."""
    suited = sorted(slug for slug, prompt in bank(packs).items() if level in prompt.levels)
    favoured = [slug for slug in suited if persona in packs.designs[slug].companies]
    return favoured or suited


def interviewer(persona: Persona, prompt: DesignPrompt, rubric: Rubric) -> Interviewer:
    """The offline design interviewer (with a model, `engine.factory.with_model` lets the
    model decide chat turns within its rules, and this one is the fallback)."""
    from mockloop.engine.design.interviewer import DesignInterviewer

    return DesignInterviewer(persona, prompt, rubric)


def aside(prompt: DesignPrompt, events: Sequence[Event]) -> str:
    """The side pane: the phase the clock is in and when the next one starts."""
    from mockloop.clock import mmss
    from mockloop.coverage import PHASES, phase_at, phase_start
    from mockloop.events import SessionEnded, SessionStarted
    from mockloop.interviews import catalog

    started = events[0].payload if events else None
    if not isinstance(started, SessionStarted) or isinstance(events[-1].payload, SessionEnded):
        return ""
    rules = catalog().rubric("system-design").design_evidence
    if rules is None:
        return ""
    phase = phase_at(events[-1].t, started.minutes, rules)
    index = PHASES.index(phase)
    names = PHASE_TITLES
    if index + 1 < len(PHASES):
        start = phase_start(PHASES[index + 1], started.minutes, rules)
        return f"Phase: {names[index]} · next: {names[index + 1]} at {mmss(start)}"
    return f"Phase: {names[index]}"


PHASE_TITLES = ("Requirements", "Estimates", "High-level design", "Deep dive", "Wrap-up")
"""The design phases (`coverage.PHASES`) as the screen names them."""


def phase(prompt: DesignPrompt, events: Sequence[Event], t: float) -> str:
    """The header's phase: the design phase the clock is in at `t`, or the end (the coding
    phases never move in this round)."""
    from mockloop.coverage import PHASES, phase_at
    from mockloop.events import SessionEnded, SessionStarted
    from mockloop.interviews import catalog

    started = events[0].payload if events else None
    if events and isinstance(events[-1].payload, SessionEnded):
        return "Ended"
    rules = catalog().rubric("system-design").design_evidence
    if not isinstance(started, SessionStarted) or rules is None:
        return PHASE_TITLES[0]
    return PHASE_TITLES[PHASES.index(phase_at(t, started.minutes, rules))]


def envelope(prompt: DesignPrompt, notes: str) -> str:
    """The "back of the envelope": the numbers in the notes and what they imply."""
    from mockloop.estimates import envelope as read_envelope

    return read_envelope(notes)


async def evaluate(
    events: Sequence[Event],
    prompt: DesignPrompt,
    rubric: Rubric,
    packs: Catalog,
    *,
    date: datetime.date,
    use_judge: bool = True,
    note: str = "",
) -> Report:
    """Coverage from the log, the five scorers, and the report with Checkpoints and notes."""
    from mockloop.coverage import cover
    from mockloop.events import SessionEnded, SessionStarted
    from mockloop.models import DesignBar
    from mockloop.scoring.design.report import advise, checkpoints_section, final_notes_section
    from mockloop.scoring.design.scorers import SCORERS, DesignRecord
    from mockloop.scoring.report import RoundSections, no_tests_mode, render
    from mockloop.scoring.rules import score

    started = events[0].payload
    assert isinstance(started, SessionStarted)
    bar = rubric.levels[started.level]
    assert isinstance(bar, DesignBar) and rubric.design_evidence is not None
    ended = next((e.t for e in events if isinstance(e.payload, SessionEnded)), events[-1].t)
    coverage = cover(prompt, events)
    record = DesignRecord(
        prompt, coverage, bar, rubric.design_evidence, started.minutes, ended, events
    )
    scorecard = score(record, rubric, started.level, SCORERS)
    if note:
        scorecard = scorecard.model_copy(update={"judge_note": note})
    markdown = render(
        events,
        scorecard,
        rubric,
        title=f"System design: {prompt.title}",
        advice=advise(scorecard, record, bank(packs)),
        sections=RoundSections(
            first_work="First notes",
            results=checkpoints_section(record),
            final=final_notes_section(coverage.notes),
            mode=no_tests_mode(started, "a system design round"),
        ),
        date=date.isoformat(),
    )
    return Report(scorecard, markdown)


def _statement(prompt: DesignPrompt) -> str:
    return (
        f"{prompt.prompt.strip()}\n\nWrite requirements, estimates, the API, the data model "
        "and diagrams in the notes; talk in the chat. Press F7 for the back of the envelope."
    )


SYSTEM_DESIGN = register(
    InterviewType(
        focus="system-design",
        title="System design",
        panes=Panes(editor="notes", editor_language="markdown"),
        dimensions=DIMENSIONS,
        bank=bank,
        offered=offered,
        starter=lambda prompt: STARTER,
        statement=_statement,
        heading=lambda prompt: f"System design: {prompt.title}",
        interviewer=interviewer,
        evaluate=evaluate,
        minutes=lambda persona, level: MINUTES,
        aside=aside,
        glance=envelope,
        phase=phase,
    )
)
