"""What a model's design reply may state: only the pack's numbers, never its reference design.

The interviewer gives the prompt's facts when asked and leaves the arithmetic to the
candidate, so every number in a model's reply must be one the prompt's answers contain, one
the candidate wrote (notes or chat), one the clock says, a small count, or, in a challenge,
about how far off the candidate's estimate is. A derived or reference estimate the candidate
has not reached (the pack's 20k redirects a second) is a made-up number here. `NoRecital`
stops a reply that repeats a run of the pack's reference texts (what each checkpoint expects,
how each estimate is derived, the pitfalls).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from mockloop.designs import DesignPrompt
from mockloop.engine.guard import Violation, ngrams, tokens
from mockloop.events import CandidateSaid
from mockloop.session import Session

NUMBER = re.compile(
    r"(?<![\w.^])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*"
    r"(thousand|million|billion|trillion|bn|[kmbt])?(?![a-z\d])",
    re.IGNORECASE,
)
MULTIPLIERS = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "b": 1e9, "bn": 1e9}
MULTIPLIERS |= {"billion": 1e9, "t": 1e12, "trillion": 1e12}
SMALL = 5
"""Counts up to this ("two replicas", "3 things") are always allowed."""
CLOSE = 0.02
"""Relative difference within which two numbers are the same number."""
CHALLENGE_RANGE = 3.0
"""In a challenge, a factor within this many times the checker's is an honest round figure."""


def value(match: re.Match[str]) -> float:
    """A number match's value with its multiplier (500 million, 20k)."""
    number = float(match[1].replace(",", ""))
    return number * MULTIPLIERS.get((match[2] or "").lower(), 1)


def numbers(text: str) -> list[float]:
    """Every number a text states (lines are read once and remembered: the notes and the chat
    are read again every turn, and most of their lines have not changed)."""
    return [number for line in text.splitlines() for number in _line_numbers(line)]


@lru_cache(maxsize=8192)
def _line_numbers(line: str) -> tuple[float, ...]:
    return tuple(value(match) for match in NUMBER.finditer(line))


def allowed_numbers(prompt: DesignPrompt, session: Session) -> list[float]:
    """The prompt's answers and facts, the candidate's notes and chat, and the clock's minutes,
    sorted and without repeats."""
    pack = [prompt.prompt, *(r.answer for r in prompt.requirements.all())]
    pack += [entry.answer for entry in prompt.scale]
    said = [e.payload.text for e in session.events if isinstance(e.payload, CandidateSaid)]
    found = [n for text in (*pack, *said, session.state.code) for n in numbers(text)]
    found += prompt.facts().values()
    started = session.started
    elapsed, left = session.elapsed() / 60, session.remaining() / 60
    found += [started.minutes, *(round(elapsed) + d for d in range(-1, 2))]
    found += [round(left) + d for d in range(-2, 3)]
    return sorted(set(found))


def incomplete(text: str, match: re.Match[str]) -> bool:
    """The number may still grow: nothing but part of a word has arrived after it."""
    rest = text[match.end() :]
    return not rest or not any(character.isspace() for character in rest)


@dataclass
class PackNumbers:
    """Every number in the reply is the pack's, the candidate's or the clock's (see above)."""

    allowed: list[float]
    """Sorted."""
    factor: float | None = None
    """How far off the challenged estimate is, when the decision challenges one."""
    checked: int = field(default=0)

    def fits(self, number: float) -> bool:
        """Whether a stated number is one the reply may state."""
        if number <= SMALL:
            return True
        at = bisect.bisect_left(self.allowed, number)
        nearest = self.allowed[max(at - 1, 0) : at + 1]
        if any(abs(number - known) <= CLOSE * max(number, known) for known in nearest):
            return True
        factor = self.factor
        if factor is None:
            return False
        return number == 10 or factor / CHALLENGE_RANGE <= number <= factor * CHALLENGE_RANGE

    def inspect(self, text: str, *, final: bool) -> None:
        """Raise Violation for a number not from the pack; the newest may still be arriving."""
        for match in NUMBER.finditer(text, self.checked):
            if not final and incomplete(text, match):
                return
            if not self.fits(value(match)):
                said = match[0].strip()
                raise Violation(
                    "number", f"the model's reply stated {said}, a number not from the prompt"
                )
            self.checked = match.end()

    def hold(self, text: str) -> int:
        """Hold back a number at the end until the words after it arrived."""
        for match in NUMBER.finditer(text, max(self.checked, len(text) - 40)):
            if incomplete(text, match):
                return match.start()
        return len(text)


def recital(prompt: DesignPrompt) -> frozenset[tuple[str, ...]]:
    """Runs of words of the pack's reference texts a reply must not repeat."""
    texts = [c.expect for c in prompt.checkpoints]
    texts += [e.derive for e in prompt.estimates] + list(prompt.pitfalls)
    return frozenset(gram for text in texts for gram in ngrams(tokens(text.lower())))


@dataclass
class NoRecital:
    """The reply never repeats the reference design, estimates or pitfalls word for word."""

    grams: frozenset[tuple[str, ...]]

    def inspect(self, text: str, *, final: bool) -> None:
        """Raise Violation for a run of the reference's words."""
        if ngrams(tokens(text.lower())) & self.grams:
            raise Violation("design", "the model's reply recited the prompt's reference design")

    def hold(self, text: str) -> int:
        """Nothing to hold: a run is caught before the text after it is released."""
        return len(text)
