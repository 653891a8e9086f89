"""Interview types: one registry entry per kind of round, keyed by the rubric's focus.

An entry says everything that differs between rounds — which content it reads, which panes
the screen shows, which offline interviewer plans it, how it is scored and which report
sections it adds. The conductor, the screen's frame and the scoring core read entries and
never name a round; adding one (behavioral, system design) is a new entry and its content.

Entries are cheap to import: anything heavy (the engine, the runner, the scorers) is
imported inside the entry's functions, when a round actually needs it.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Collection, Coroutine, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, Protocol

from mockloop.errors import UsageError, unknown

if TYPE_CHECKING:
    import datetime

    from mockloop.catalog import Catalog
    from mockloop.engine.base import Interviewer
    from mockloop.events import Event
    from mockloop.models import Persona, Rubric
    from mockloop.results import RunResult
    from mockloop.scoring.models import Scorecard


EditorKind = Literal["code", "notes"]


@dataclass(frozen=True)
class Panes:
    """What the interview screen shows beside the chat for a round."""

    editor: EditorKind | None
    """A code editor, a Markdown notes editor, or nothing (a chat-only round)."""
    editor_language: str = ""
    """The editor's syntax highlighting ("" for none)."""
    runs_tests: bool = False
    """F5 runs the editor's content against the pack's cases; a results panel shows them."""


class Pack(Protocol):
    """What every round's content item (a problem, a question set, a design prompt) has."""

    @property
    def slug(self) -> str:
        """Unique id, used by `--problem` and in file names."""
        ...

    @property
    def title(self) -> str:
        """What the report and history call it."""
        ...


class RunTests(Protocol):
    """Runs the editor's content against a pack's cases without blocking the event loop."""

    def __call__(self, pack: Any, source: str, /) -> Awaitable[RunResult]:
        """Start the run; awaiting gives the result, cancelling kills the child."""
        ...


@dataclass(frozen=True)
class Report:
    """A scored session: the scorecard and its Markdown, ready to save."""

    scorecard: Scorecard
    markdown: str


class Evaluate(Protocol):
    """Scores an ended session of this round and renders its report."""

    def __call__(
        self,
        events: Sequence[Event],
        pack: Any,
        rubric: Rubric,
        catalog: Catalog,
        /,
        *,
        date: datetime.date,
        use_judge: bool = True,
        note: str = "",
    ) -> Coroutine[Any, Any, Report]:
        """Evidence, scores, verdict and Markdown for the log.

        `use_judge=False` keeps to the offline rules (re-rendering an old report); `note`
        replaces the "scored by" line.
        """
        ...


@dataclass(frozen=True)
class InterviewType:
    """One kind of round (see the module docstring)."""

    focus: str
    title: str
    panes: Panes
    dimensions: frozenset[str]
    """The rubric dimension ids this round's scorers know; any other id is a pack error."""
    bank: Callable[[Catalog], Mapping[str, Any]]
    """Every pack of this round by slug (loaded lazily)."""
    offered: Callable[[Catalog, str, str], list[str]]
    """The slugs suited to a persona id and level, easiest first."""
    starter: Callable[[Any], str]
    """What the editor opens with for a pack ("" for a chat-only round)."""
    statement: Callable[[Any], str]
    """The pack as the candidate reads it on screen (Markdown)."""
    heading: Callable[[Any], str]
    """The pack's one-line heading on screen (its title, and e.g. its difficulty)."""
    interviewer: Callable[[Persona, Any, Rubric], Interviewer]
    """The offline interviewer that plans this round."""
    evaluate: Evaluate
    runner: Callable[[], tuple[RunTests, Callable[[Any], None]]] | None = None
    """For rounds that run code: a runner and a warm-up for a pack (None otherwise)."""
    one_off_run: RunTests | None = None
    """Run once outside an interview (the scorer's final check, `simulate`)."""
    minutes: Callable[[Persona, str], int] | None = None
    """The round's length for a persona and level (None: the persona's coding minutes)."""
    aside: Callable[[Any, Sequence[Event]], str] | None = None
    """A side pane's text from the pack and the log, e.g. what is being asked now (None: no
    side pane). The screen refreshes it as the log grows; "" leaves it empty."""
    glance: Callable[[Any, str], str] | None = None
    """What F7 shows, from the pack and the editor's content, for rounds with no F5 (the
    design round's "back of the envelope"); None: no such key."""
    phase: Callable[[Any, Sequence[Event], float], str] | None = None
    """The header's phase words from the pack, the log and the seconds since the start, for
    rounds whose phases are not the coding ones (None: the session's coding phase)."""

    def phase_words(self, pack: Any, events: Sequence[Event], t: float, coding: str) -> str:
        """What the header's "Phase:" shows: this round's words, or the coding phase given."""
        return self.phase(pack, events, t) if self.phase is not None else coding

    def pack(self, catalog: Catalog, slug: str) -> Any:
        """The pack with this slug, or a usage error naming the closest ones."""
        packs = self.bank(catalog)
        if slug not in packs:
            raise unknown("problem", slug, packs, where=f" for the {self.title.lower()} round")
        return packs[slug]


_TYPES: dict[str, InterviewType] = {}
BUILTINS = ("coding", "behavioral", "system_design")
"""The modules of the rounds MockLoop ships, in the order lists and messages name them."""


def register(kind: InterviewType) -> InterviewType:
    """Add (or replace) the entry for `kind.focus`; returns it, for use as a decorator value."""
    _TYPES[kind.focus] = kind
    return kind


def unregister(focus: str) -> None:
    """Remove an entry (tests that register a toy type clean up with this)."""
    _TYPES.pop(focus, None)


def _builtins() -> None:
    """Register the rounds MockLoop ships (once; importing them registers them)."""
    import importlib

    for name in BUILTINS:
        importlib.import_module(f"mockloop.interviews.{name}")


def focuses() -> list[str]:
    """Every registered focus, built-in ones first."""
    _builtins()
    return list(_TYPES)


def interview_type(focus: str) -> InterviewType:
    """The entry for a focus, or a usage error listing the known ones."""
    _builtins()
    kind = _TYPES.get(focus.strip().lower())
    if kind is None:
        raise UsageError(
            f"Unknown focus '{focus}'. Known rounds: {', '.join(_TYPES)}. "
            "Pass one of them with --focus."
        )
    return kind


def known_dimensions(focus: str) -> Collection[str] | None:
    """The dimension ids a focus's scorers know (None for a focus no entry handles)."""
    _builtins()
    kind = _TYPES.get(focus)
    return kind.dimensions if kind is not None else None


@cache
def catalog() -> Catalog:
    """The process's catalog: the packs, with every rubric checked against its round."""
    from mockloop.catalog import lazy_catalog

    return lazy_catalog(dimensions=known_dimensions)
