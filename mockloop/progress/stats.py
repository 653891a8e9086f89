"""Stats and trends over session outcomes: `mockloop stats` and Home's trend charts.

Only sessions that count (ended, scored, neither incomplete nor simulated) are used unless
`include_all` is given; then every scored session is.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from statistics import fmean
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mockloop.store.outcomes import SessionOutcome

WINDOW = 5
"""Trends compare the last `WINDOW` sessions with the `WINDOW` before them."""
COUNTS = (("Verdicts", "verdicts"), ("Companies", "by_company"), ("Rounds", "by_focus"))
"""The count sections of the stats, with their titles."""


def selected(outcomes: Sequence[SessionOutcome], include_all: bool) -> list[SessionOutcome]:
    """The sessions stats use, oldest first (`outcomes` are newest first, as stored)."""
    return [
        outcome
        for outcome in reversed(outcomes)
        if outcome.counts or (include_all and outcome.score is not None)
    ]


def mean_or_none(values: Sequence[float]) -> float | None:
    """The mean rounded to two places, or None for no values."""
    return round(fmean(values), 2) if values else None


def series_by_dimension(outcomes: Sequence[SessionOutcome]) -> dict[str, list[float]]:
    """Dimension id -> its scores in session order (outcomes oldest first)."""
    series: defaultdict[str, list[float]] = defaultdict(list)
    for outcome in outcomes:
        for name, value in outcome.dimensions.items():
            series[name].append(value)
    return dict(series)


def ladder_order(counts: Counter[str]) -> dict[str, int]:
    """Verdict counts down the ladder (a progress summary reads top to bottom, not by count);
    anything else after, most common first."""
    from mockloop.models import VERDICTS

    known = {name: counts[name] for name in VERDICTS if counts[name]}
    return known | {name: count for name, count in counts.most_common() if name not in known}


def compute_stats(outcomes: Sequence[SessionOutcome], include_all: bool = False) -> dict[str, Any]:
    """The `mockloop stats --json` object (schema in DESIGN.md)."""
    chosen = selected(outcomes, include_all)
    dimensions: dict[str, dict[str, float | None]] = {}
    for name, values in series_by_dimension(chosen).items():
        dimensions[name] = {
            "mean": round(fmean(values), 2),
            "last5": mean_or_none(values[-WINDOW:]),
            "prev5": mean_or_none(values[-2 * WINDOW : -WINDOW]),
        }
    return {
        "sessions": len(chosen),
        "dimensions": dimensions,
        "verdicts": ladder_order(Counter(outcome.verdict or "-" for outcome in chosen)),
        "by_company": dict(Counter(outcome.company for outcome in chosen).most_common()),
        "by_focus": dict(Counter(outcome.focus for outcome in chosen).most_common()),
    }


@dataclass(frozen=True)
class Trend:
    """One dimension's scores in one round, oldest first."""

    focus: str
    dimension: str
    values: list[float]

    @property
    def latest(self) -> float:
        """The most recent score."""
        return self.values[-1]

    @property
    def change(self) -> float | None:
        """Latest minus the first of the last five (None with a single session)."""
        window = self.values[-WINDOW:]
        return round(window[-1] - window[0], 2) if len(window) > 1 else None


def trends(outcomes: Sequence[SessionOutcome]) -> list[Trend]:
    """One trend per round and dimension over the sessions that count, rounds by name."""
    by_focus: dict[str, list[SessionOutcome]] = {}
    for outcome in selected(outcomes, include_all=False):
        by_focus.setdefault(outcome.focus, []).append(outcome)
    return [
        Trend(focus, name, values)
        for focus in sorted(by_focus)
        for name, values in series_by_dimension(by_focus[focus]).items()
    ]


def dimension_label(name: str) -> str:
    """`problem_solving` -> `Problem solving`."""
    return name.replace("_", " ").capitalize()


def signed(value: float | None) -> str:
    """`+0.25`, `-0.50`, or `-` when there is nothing to compare."""
    return "-" if value is None else f"{value:+.2f}"


def markdown_summary(outcomes: Sequence[SessionOutcome], include_all: bool = False) -> str:
    """A progress summary a user can share with a mentor (`mockloop stats --md`)."""
    stats = compute_stats(outcomes, include_all)
    left_out = sum(1 for outcome in outcomes if outcome.incomplete or outcome.simulated)
    lines = ["# MockLoop progress", ""]
    scope = "every scored session" if include_all else "finished, real sessions"
    lines.append(f"{stats['sessions']} sessions counted ({scope}).")
    if left_out and not include_all:
        lines.append(f"{left_out} incomplete or simulated sessions are left out.")
    lines += ["", "## Dimensions", ""]
    if stats["dimensions"]:
        lines += ["| Dimension | Mean | Last 5 | Previous 5 | Change |", "|---|---|---|---|---|"]
        for name, values in stats["dimensions"].items():
            last, previous = values["last5"], values["prev5"]
            change = None if last is None or previous is None else last - previous
            lines.append(
                f"| {dimension_label(name)} | {values['mean']:.2f} | {fixed(last)} | "
                f"{fixed(previous)} | {signed(change)} |"
            )
    else:
        lines.append("No scored sessions yet.")
    for title, key in COUNTS:
        if stats[key]:
            lines += ["", f"## {title}", ""]
            lines += [f"- {name}: {count}" for name, count in stats[key].items()]
    return "\n".join(lines) + "\n"


def fixed(value: float | None) -> str:
    """Two decimals, or `-`."""
    return "-" if value is None else f"{value:.2f}"
