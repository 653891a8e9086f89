"""What Home needs from the rest of MockLoop, as plain values and callables (no Textual).

`mockloop.commands.home` builds them from the real store and catalog; tests can build them
from a temporary store. The slow parts (catalog, problem bank, scorecards) are callables
that Home calls in worker threads after its first frame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mockloop.events import Event
    from mockloop.progress.prep import PrepPlan
    from mockloop.store.outcomes import SessionOutcome


@dataclass(frozen=True)
class StartRequest:
    """The start form's choices; `arguments()` is the `mockloop start` command line."""

    company: str
    level: str
    focus: str = "coding"
    problem: str | None = None
    minutes: int | None = None

    def arguments(self) -> list[str]:
        """`start --company C --level L --focus F [--problem P] [--minutes M]`."""
        words = ["start", "--company", self.company, "--level", self.level, "--focus", self.focus]
        if self.problem:
            words += ["--problem", self.problem]
        if self.minutes is not None:
            words += ["--minutes", str(self.minutes)]
        return words


@dataclass(frozen=True)
class Company:
    """A persona the form offers, with its titles for each level."""

    id: str
    name: str
    levels: list[tuple[str, str]]


@dataclass(frozen=True)
class Choices:
    """The start form's options."""

    companies: list[Company]
    rounds: list[str]


@dataclass(frozen=True)
class Scorecard:
    """A past session's report Markdown and its evidence lines (event seq, text)."""

    markdown: str
    evidence: list[tuple[int, str]] = field(default_factory=list)


@dataclass
class HomeSources:
    """Home's data: outcomes now, everything slower through callables."""

    outcomes: list[SessionOutcome]
    choices: Callable[[], Choices]
    prep: Callable[[list[SessionOutcome]], PrepPlan]
    check: Callable[[StartRequest], str | None]
    events: Callable[[str], list[Event]]
    scorecard: Callable[[str, list[Event]], Scorecard]
    export: Callable[[str, str], str]


def evidence_of(scorecard: dict[str, Any]) -> list[tuple[int, str]]:
    """(seq, "dimension: text") for every evidence item of a scorecard JSON, in time order."""
    items = []
    for dimension in scorecard.get("dimensions", []):
        for item in dimension.get("items", []):
            if item.get("seq", -1) >= 0:
                effect = item.get("effect", "=")
                items.append(
                    (int(item["seq"]), f"{effect} {dimension.get('name', '')}: {item['text']}")
                )
    return sorted(items, key=lambda pair: pair[0])
