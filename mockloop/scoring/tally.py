"""A running score for one dimension: the items that moved it, its caps and missed bars."""

from __future__ import annotations

from dataclasses import dataclass, field

from mockloop.scoring.evidence import Evidence
from mockloop.scoring.models import Effect, Item

FLOOR, CEILING = 1.0, 4.0
EXPECTATION_PENALTY = 0.5
LONG_FUNCTION_LINES = 40


@dataclass
class Tally:
    """A running score for one dimension and the items that moved it."""

    dimension: str
    score: float = FLOOR
    items: list[Item] = field(default_factory=list)
    caps: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    cap: float = CEILING

    def note(
        self, seq: int, t: float, signal: str, text: str, delta: float, effect: Effect | None = None
    ) -> None:
        """Record an item and move the score by `delta`."""
        sign: Effect = effect or ("+" if delta > 0 else "-" if delta < 0 else "=")
        self.items.append(
            Item(seq=seq, t=t, dimension=self.dimension, signal=signal, text=text, effect=sign)
        )
        self.score += delta

    def limit(self, value: float, why: str) -> None:
        """Apply an objective cap. Only the tightest caps are kept as reasons: a looser one
        does not bind, and the report states one bound for all of them."""
        if value < self.cap:
            self.caps.clear()
            self.cap = value
        if value == self.cap:
            self.caps.append(why)

    def expect(self, bar_missed: bool, what: str, level: str) -> None:
        """A level expectation not shown costs a fixed penalty."""
        if bar_missed:
            self.missed.append(what)
            self.note(-1, 0.0, "level_expectation", f"{level} bar: {what}", -EXPECTATION_PENALTY)

    def final(self) -> float:
        """Clamped to the scale and the caps, rounded to a quarter point."""
        value = min(max(self.score, FLOOR), CEILING, self.cap)
        return round(value * 4) / 4


def reason(tally: Tally) -> str:
    """One line: the strongest point for, the strongest against, and any cap."""
    plus = [item.text for item in tally.items if item.effect == "+"]
    minus = [item.text for item in tally.items if item.effect == "-"]
    parts = plus[:1] + minus[:1]
    if tally.caps:
        parts.append(f"capped: {tally.caps[0]}")
    return "; ".join(parts) or "Evidence was neutral"


def clip(text: str, width: int = 70) -> str:
    """One line of at most `width` characters."""
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def run_time(evidence: Evidence, seq: int) -> float:
    """The time of a run event (the end of the session for the scorer's own check)."""
    for run_seq, t, _ in evidence.runs:
        if run_seq == seq:
            return t
    return evidence.duration
