"""What a design conversation covers, read from the notes and the chat by one set of rules.

The interviewer (what to ask next) and the scorer (what to credit) both fold the log with
`cover`: which checkpoints were reached and when, which requirements were discovered, how
deep each deep dive went, which trade-offs were stated with an alternative, which components
were named and whether each came with a reason, failure modes and growth raised, the numbers
written and how far each is from the prompt's reference, and who moved the round along. Plain
word patterns over the text, so the same log always gives the same coverage.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from mockloop.design_words import (
    ALTERNATIVE,
    COMPONENTS,
    EVOLUTION,
    FAILURE,
    HOLLOW,
    MEASURE,
    REASON,
    expand,
    matching,
)
from mockloop.designs import CHECKPOINTS, DesignPrompt
from mockloop.estimates import Check, Quantity, compare, read
from mockloop.events import CandidateSaid, CodeSnapshot, Event, InterviewerSaid
from mockloop.models import DesignEvidence
from mockloop.stories import RULES_CHANGE

CHECKPOINT_HITS = 2
"""Distinct checkpoint keywords that show a checkpoint is covered."""
DEEP_HITS = 4
"""Distinct deep-dive keywords that show a component was discussed in depth."""
DIAGRAM = re.compile(r"(-+>|<-+|=+>|\+-{2,}|\|\s+\||[┌└│─])")
BOX = re.compile(r"[┌└│─]|\+-{2,}")
"""Box-drawing: a line with these is part of a diagram wherever it is indented."""
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n")
PHASE_OF = {
    "requirements": "requirements",
    "estimates": "estimates",
    "api": "high_level",
    "data_model": "high_level",
    "high_level": "high_level",
    "deep_dive": "deep_dive",
    "bottlenecks": "deep_dive",
    "tradeoffs": "wrap_up",
}
"""The phase each checkpoint belongs to."""
PHASES = ("requirements", "estimates", "high_level", "deep_dive", "wrap_up")
"""The round's phases, in order; each has its share of the time (the rubric's `phases`)."""


@dataclass(frozen=True)
class Hit:
    """A checkpoint, requirement or topic first covered: when, where and by which words."""

    t: float
    seq: int
    source: str
    """"notes" or "chat"."""
    words: tuple[str, ...]


@dataclass
class Coverage:
    """Everything a design round covered, folded from the log."""

    checkpoints: dict[str, Hit] = field(default_factory=dict)
    requirements: dict[str, Hit] = field(default_factory=dict)
    dives: list[int] = field(default_factory=list)
    """Distinct keywords matched per deep dive, in the prompt's order."""
    tradeoffs: dict[int, str] = field(default_factory=dict)
    """Trade-offs stated with an alternative, by index: the sentence that states it."""
    quantified_tradeoffs: int = 0
    components: dict[str, bool] = field(default_factory=dict)
    """Components named, and whether any sentence naming them gives a reason."""
    failure_raised: int = 0
    """Failure-mode sentences before the interviewer's first failure probe."""
    failure_answered: int = 0
    evolution: bool = False
    quantities: list[Quantity] = field(default_factory=list)
    checks: list[Check] = field(default_factory=list)
    asked: dict[str, float] = field(default_factory=dict)
    """Interviewer intents, by intent, with the time first used."""
    intents: list[str] = field(default_factory=list)
    notes: str = ""
    chat_words: int = 0
    rules_change: bool = False
    rules_change_t: float = -1.0
    last_message: str = ""

    def covered(self, checkpoint: str) -> bool:
        """The checkpoint is covered."""
        return checkpoint in self.checkpoints

    def off(self, tolerance: float) -> list[Check]:
        """Written estimates at least `tolerance` times off the reference."""
        return [c for c in self.checks if c.written is not None and not c.within(tolerance)]

    def driven(self) -> tuple[int, int]:
        """Checkpoints the candidate reached before being asked for them, and all that were
        reached or asked for (one asked for and never reached was not driven either)."""
        mine = sum(
            1
            for checkpoint, hit in self.checkpoints.items()
            if self.asked.get(f"ask:{checkpoint}", float("inf")) > hit.t
        )
        unanswered = sum(
            1 for c in CHECKPOINTS if f"ask:{c}" in self.asked and c not in self.checkpoints
        )
        return mine, len(self.checkpoints) + unanswered


def cover(prompt: DesignPrompt, events: Sequence[Event]) -> Coverage:
    """Fold the log: what the notes and the chat covered, and when."""
    reader = Reader(prompt)
    reader.feed(events)
    return reader.coverage()


class Reader:
    """Folds a log into `Coverage` one event at a time, reading only what is new: a chat
    message, or the lines a notes snapshot added. Anything once written counts as covered
    from then on, even if a later edit removes it. The interviewer keeps one per session."""

    def __init__(self, prompt: DesignPrompt) -> None:
        self.prompt = prompt
        self.state = Coverage()
        self.seen = 0
        self.found: dict[str, set[str]] = {}
        self.chat: list[str] = []
        self.lines: set[str] = set()
        self.failure_probed = False
        self.groups = [
            *((f"c:{c.id}", tuple(c.keywords)) for c in prompt.checkpoints if c.id != "deep_dive"),
            *((f"r:{r.id}", tuple(r.keywords)) for r in prompt.requirements.all()),
            *((f"d:{i}", tuple(d.keywords)) for i, d in enumerate(prompt.deep_dives)),
        ]

    def warm(self) -> None:
        """Compile every keyword pattern now (off the event loop, when the round is set up)
        rather than on the candidate's first message."""
        for _, keywords in self.groups:
            matching(keywords, "")
        for tradeoff in self.prompt.tradeoffs:
            matching(tuple(tradeoff.keywords), "")
        matching(COMPONENTS, "")
        read("warm: 1 KB per item, 10 req/s, 5 TB per day, 1M DAU")

    def feed(self, events: Sequence[Event]) -> None:
        """Read the events not read yet (the log may grow meanwhile: later ones wait)."""
        fresh = events[self.seen :]
        for event in fresh:
            self._read(event)
        self.seen += len(fresh)

    def _read(self, event: Event) -> None:
        payload, state = event.payload, self.state
        if isinstance(payload, InterviewerSaid):
            state.intents.append(payload.intent)
            kind = payload.intent.partition(":")[0]
            state.asked.setdefault(payload.intent, event.t)
            state.asked.setdefault(kind, event.t)
            timed = payload.intent.split(":")
            if kind == "time" and len(timed) == 3:  # a time call that asked for a checkpoint
                state.asked.setdefault(f"time:{timed[1]}", event.t)
                state.asked.setdefault(f"ask:{timed[2]}", event.t)
            if kind == "steer" and len(timed) == 2:  # back to the design, asking for one
                state.asked.setdefault(f"ask:{timed[1]}", event.t)
            self.failure_probed = self.failure_probed or kind == "failure"
            return
        if isinstance(payload, CandidateSaid):
            fresh, source = payload.text.lower(), "chat"
            self.chat.append(payload.text)
            state.chat_words += len(payload.text.split())
            state.last_message = payload.text
            if RULES_CHANGE.search(fresh) and not state.rules_change:
                state.rules_change, state.rules_change_t = True, event.t
        elif isinstance(payload, CodeSnapshot) and payload.code != state.notes:
            state.notes = payload.code
            for allowed, fresh in self._added(payload.code):
                self._fresh(fresh, event, "notes", allowed)
            return
        else:
            return
        self._fresh(fresh, event, source, None)

    def _added(self, notes: str) -> list[tuple[frozenset[str] | None, str]]:
        """The lines not read before, grouped by the checkpoints their section may cover."""
        allowed: frozenset[str] | None = None
        chunks: dict[frozenset[str] | None, list[str]] = {}
        for line in notes.splitlines():
            if line.lstrip().startswith("#"):
                allowed = section_checkpoints(line)
            if line not in self.lines:
                self.lines.add(line)
                chunks.setdefault(allowed, []).append(line)
        return [(allowed, "\n".join(lines).lower()) for allowed, lines in chunks.items()]

    def _fresh(self, fresh: str, event: Event, source: str, allowed: frozenset[str] | None) -> None:
        """Read new text; under a heading it counts only for that section's checkpoints."""
        state = self.state
        self._words(expand(fresh), event.t, event.seq, source, allowed)
        self._sentences(fresh)
        numbers = allowed is None or "estimates" in allowed
        if numbers and "estimates" not in state.checkpoints and len(read(fresh)) >= 2:
            state.checkpoints["estimates"] = Hit(event.t, event.seq, source, ("numbers",))

    def _words(
        self, fresh: str, t: float, seq: int, source: str, allowed: frozenset[str] | None
    ) -> None:
        """Keywords of every checkpoint, requirement and deep dive found in the new text
        (checkpoints only those `allowed`, when the text sits under a known heading)."""
        state = self.state
        for group, keywords in self.groups:
            have = self.found.setdefault(group, set())
            if len(have) == len(keywords):
                continue
            if allowed is not None and group.startswith("c:") and group[2:] not in allowed:
                continue
            if allowed is not None and group.startswith("d:") and allowed <= STATED:
                continue  # "ordering" in the requirements names a need, not depth
            have.update(matching(tuple(k for k in keywords if k not in have), fresh))
            kind, _, name = group.partition(":")
            words = tuple(k for k in keywords if k in have)
            if kind == "c" and name not in state.checkpoints and len(have) >= CHECKPOINT_HITS:
                state.checkpoints[name] = Hit(t, seq, source, words)
            elif kind == "r" and name not in state.requirements and have:
                state.requirements[name] = Hit(t, seq, source, words)
            elif kind == "d" and "deep_dive" not in state.checkpoints and len(have) >= DEEP_HITS:
                state.checkpoints["deep_dive"] = Hit(t, seq, source, words)

    def _sentences(self, fresh: str) -> None:
        """Trade-offs, components, failure modes and growth in the new sentences (a diagram
        places its boxes; it neither names them as buzzwords nor justifies them)."""
        state = self.state
        for sentence in _sentences(fresh):
            diagram = sentence.startswith(("    ", "\t")) or BOX.search(sentence) is not None
            plain = expand(sentence)
            weighed = ALTERNATIVE.search(plain) is not None
            for index, tradeoff in enumerate(self.prompt.tradeoffs):
                if index in state.tradeoffs or not weighed:
                    continue
                if matching(tuple(tradeoff.keywords), plain):
                    state.tradeoffs[index] = sentence.strip()
                    state.quantified_tradeoffs += bool(read(sentence) or MEASURE.search(sentence))
            # A component weighed against an alternative, or changed as the system grows, has
            # its reason in that sentence ("cassandra vs sql: 46k writes/s, no joins needed").
            reasoned = (
                weighed
                or EVOLUTION.search(plain) is not None
                or REASON.search(HOLLOW.sub("", plain))
            )
            # A box in a diagram is placed, not named; one in a question is not yet chosen.
            passing = diagram or sentence.rstrip().endswith("?")
            for component in () if passing else COMPONENTS:
                if component in plain and matching((component,), plain):
                    state.components[component] = state.components.get(component, False) or (
                        bool(reasoned)
                    )
            if FAILURE.search(plain):
                if self.failure_probed:
                    state.failure_answered += 1
                else:
                    state.failure_raised += 1
            state.evolution = state.evolution or EVOLUTION.search(plain) is not None

    def coverage(self) -> Coverage:
        """The coverage so far, with the numbers read from the current notes and the chat."""
        state = self.state
        state.dives = [
            len(self.found.get(f"d:{i}", ())) for i in range(len(self.prompt.deep_dives))
        ]
        state.quantities = read("\n".join([sized(state.notes), *self.chat]))
        state.checks = compare(state.quantities, self.prompt.estimates)
        state.checkpoints = dict(
            sorted(state.checkpoints.items(), key=lambda item: CHECKPOINTS.index(item[0]))
        )
        return state


def _sentences(text: str) -> list[str]:
    """Sentences, with a bullet's wrapped lines (indented 1-3 spaces) joined back to it;
    lines indented further are diagrams or code and stay whole."""
    lines: list[str] = []
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        wrapped = 0 < indent < 4 and not line.lstrip().startswith(("-", "*", "+", "#", "|"))
        if wrapped and lines and not lines[-1].startswith(("    ", "\t", "#")):
            lines[-1] = f"{lines[-1]} {line.strip()}"
        else:
            lines.append(line)
    return [
        part
        for line in lines
        for part in ([line] if line.startswith(("    ", "\t")) else SENTENCE.split(line))
        if part.strip()
    ]


LATE = frozenset({"tradeoffs", "bottlenecks"})
STATED = frozenset({"requirements", "estimates", "api"})
"""Sections that state what the system must do, how big it is and its calls: their words
show no deep dive, however many of a deep dive's keywords they use."""
SECTIONS = (
    (re.compile(r"requirement|scope|goal"), frozenset({"requirements"})),
    (re.compile(r"estimate|number|capacity|sizing|envelope|scale"), frozenset({"estimates"})),
    (re.compile(r"trade|alternative|wrap|evolution|future"), LATE),
    (re.compile(r"deep|dive|detail|failure|bottleneck|reliab"), LATE),
    (re.compile(r"\bapis?\b|interface|endpoint"), frozenset({"api"})),
    (re.compile(r"data ?model|^\s*data\s*$|schema|storage|table"), frozenset({"data_model"})),
    (
        re.compile(r"high.?level|design|architecture|component|overview|flow"),
        frozenset({"high_level", "api", "data_model"}),
    ),
)  # fmt: skip
"""Headings people give the sections of their notes, and the checkpoints each may cover:
requirements written under "Requirements" do not cover the API however many of its words
they use."""


def sized(notes: str) -> str:
    """The notes where a candidate states numbers as estimates: everything but the design,
    deep-dive and trade-off sections ("16 bytes per key instead of ~1.6 KB" in a trade-off
    is not their estimate of a sliding log's memory)."""
    kept: list[str] = []
    allowed: frozenset[str] | None = None
    for line in notes.splitlines():
        if line.lstrip().startswith("#"):
            allowed = section_checkpoints(line)
        if allowed is None or allowed & {"estimates", "requirements"}:
            kept.append(line)
    return "\n".join(kept)


def section_checkpoints(heading: str) -> frozenset[str] | None:
    """The checkpoints text under this heading may cover (None: any, for other headings)."""
    title = expand(heading.strip().lstrip("#"))
    for pattern, checkpoints in SECTIONS:
        if pattern.search(title):
            return checkpoints
    return None


def has_diagram(notes: str) -> bool:
    """The notes hold an ASCII diagram (arrows or boxes)."""
    return DIAGRAM.search(notes) is not None


def headings(notes: str) -> int:
    """Markdown headings in the notes (structure)."""
    return sum(1 for line in notes.splitlines() if line.lstrip().startswith("#"))


def phase_at(t: float, minutes: int, rules: DesignEvidence) -> str:
    """The phase the clock says the round should be in at `t` seconds."""
    shares: dict[str, float] = rules.phases.model_dump()
    end = 0.0
    for phase in PHASES:
        end += shares[phase] * minutes * 60
        if t < end:
            return phase
    return "wrap_up"


def phase_start(phase: str, minutes: int, rules: DesignEvidence) -> float:
    """Seconds into the round at which `phase` starts."""
    shares: dict[str, float] = rules.phases.model_dump()
    return sum(shares[p] for p in PHASES[: PHASES.index(phase)]) * minutes * 60
