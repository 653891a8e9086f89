"""The persona's voice: seeded phrase choice, placeholder filling, and chunking for streaming.

Every choice comes from a `random.Random` seeded with the session seed and the log position,
so the same seed and the same log always produce the same words, while different seeds
read differently.
"""

from __future__ import annotations

import random
import re
from collections.abc import Sequence

from mockloop.models import Persona, Situation

PLACEHOLDER = re.compile(r"\{(name|candidate|company|minutes|remaining|title)\}")
TIME_WORDS = re.compile(r"\btime\b|\bminutes?\b|\bclock\b|\bclose to\b|\blate\b", re.IGNORECASE)
PRAISE = re.compile(r"\b(?:nice|great|good|well done|nicely|excellent)\b", re.IGNORECASE)
ACKNOWLEDGEMENT = re.compile(
    r"^(?:okay|ok|good|nice|great|right|sure|got it|alright|sounds (?:good|reasonable)|"
    r"understood|noted|fair enough|perfect|excellent|cool|yes|yep)\b[,.!—-]*\s*",
    re.IGNORECASE,
)


class Voice:
    """Picks and fills phrases for one reply, in one persona's style."""

    def __init__(
        self,
        persona: Persona,
        seed: int,
        position: int,
        *,
        minutes: int,
        title: str,
        recent: Sequence[str] = (),
    ) -> None:
        self.persona = persona
        self.recent = list(recent)
        self.style = persona.style
        self.rng = random.Random(f"{seed}|{position}|{persona.id}")
        self.values = {
            "name": persona.interviewer.name,
            "candidate": "there",
            "company": persona.company,
            "minutes": str(minutes),
            "remaining": str(minutes),
            "title": title,
        }

    def set_remaining(self, seconds: float) -> None:
        """Update `{remaining}` (whole minutes left, at least 0)."""
        self.values["remaining"] = str(max(0, round(seconds / 60)))

    def fill(self, text: str) -> str:
        """Replace the known placeholders; anything else stays as written."""
        return PLACEHOLDER.sub(lambda match: self.values[match.group(1)], text)

    def phrase(self, situation: Situation, *, timeless: bool = True) -> str:
        """A seeded variant from the persona's phrase bank for `situation`, avoiding the
        variants said in the last few replies. Variants that mention time are skipped
        unless `timeless=False` (only the clock, and the opening's format, talk about time)."""
        bank: Sequence[str] = getattr(self.persona.phrases, situation)
        options = [v for v in bank if not (timeless and TIME_WORDS.search(v))]
        return self.choose(options or list(bank))

    def fresh(self, remark: str) -> str:
        """`remark`, or "" when one of the last few replies already said it word for word."""
        return "" if remark and any(remark in said for said in self.recent) else remark

    def choose(self, options: Sequence[str]) -> str:
        """A seeded choice among wordings, preferring ones not said in recent replies."""
        fresh = [o for o in options if not any(self.fill(o) in said for said in self.recent)]
        return self.fill(self.rng.choice(fresh or list(options)))

    @property
    def warm(self) -> bool:
        """Warm personas add encouragement."""
        return self.style.warmth >= 0.6

    @property
    def cool(self) -> bool:
        """Cool personas skip pleasantries."""
        return self.style.warmth < 0.4

    @property
    def direct(self) -> bool:
        """Direct personas state problems plainly instead of asking around them."""
        return self.style.directness >= 0.6

    @property
    def chatty(self) -> bool:
        """Verbose personas add a follow-on sentence."""
        return self.style.verbosity >= 0.65

    def maybe_encourage(self) -> str:
        """An encouragement for warm personas (and sometimes for neutral ones), else ''."""
        if self.warm or (not self.cool and self.rng.random() < 0.3):
            return self.phrase("encourage")
        return ""


def join(*parts: str) -> str:
    """Join non-empty sentences with single spaces, keeping one acknowledgement at most: a
    later part's "Okay, ..." or "Good." lead-in is dropped when an earlier part already
    acknowledged, so replies never read "Okay, noted. Okay, let's pause here."."""
    kept: list[str] = []
    acknowledged = False
    for part in parts:
        text = part.strip() if part else ""
        lead = ACKNOWLEDGEMENT.match(text)
        if lead and acknowledged:
            rest = text[lead.end() :].strip()
            if not rest or rest[:1] in ".!":
                continue
            text = rest[0].upper() + rest[1:]
            lead = None
        if text:
            kept.append(text)
            acknowledged = acknowledged or lead is not None or PRAISE.search(text) is not None
    return " ".join(kept)


def chunk(text: str, words_per_chunk: int = 3) -> list[str]:
    """Split text into small chunks of a few words that join back to exactly `text`."""
    pieces = re.findall(r"\S+\s*|\s+", text)
    return [
        "".join(pieces[index : index + words_per_chunk])
        for index in range(0, len(pieces), words_per_chunk)
    ]
