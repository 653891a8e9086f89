"""The reply guard for rounds without a coding problem, with rules the round adds.

The behavioral and design rounds have no reference solution, hidden cases or hint ladder, but
their replies keep the guard's other rules (no code, time remarks only from the clock). Each
round adds its own `ReplyRule`s (no coaching about the rubric, only the pack's numbers, ...);
a rule sees the whole reply so far and may hold back a tail it cannot judge yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from mockloop.engine.guard import ReplyGuard, Secrets
from mockloop.session import Session

NO_SECRETS = Secrets(frozenset(), frozenset(), (), (), frozenset())
"""A round with no coding problem has no solution, hidden cases or hint ladder to keep."""


class ReplyRule(Protocol):
    """One rule a round's reply keeps."""

    def inspect(self, text: str, *, final: bool) -> None:
        """Raise Violation when `text` (the whole reply so far) breaks the rule; with `final`
        False the last word may still be arriving."""
        ...

    def hold(self, text: str) -> int:
        """Where the shown text must stop for now (len(text): nothing held)."""
        ...


@dataclass
class RoundGuard(ReplyGuard):
    """ReplyGuard with no problem secrets, plus the round's own rules."""

    rules: tuple[ReplyRule, ...] = ()

    @classmethod
    def for_session(cls, session: Session, rules: tuple[ReplyRule, ...]) -> RoundGuard:
        """A guard on the session's clock with these rules."""
        return cls(
            NO_SECRETS,
            0,
            session.remaining(),
            session.elapsed() / max(session.started.minutes * 60, 1),
            rules=rules,
        )

    def inspect(self, text: str, *, final: bool) -> None:
        """The shared rules on the newest text, then the round's on the whole reply."""
        super().inspect(text, final=final)
        for rule in self.rules:
            rule.inspect(self.text, final=final)

    def safe_end(self) -> int:
        """Shared holds, and whatever the round's rules cannot judge yet."""
        end = super().safe_end()
        for rule in self.rules:
            end = min(end, rule.hold(self.text))
        return max(self.shown, end)
