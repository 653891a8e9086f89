"""The system design scorers: requirements, high-level design, deep dive, trade-offs,
communication.

Each starts at the floor and earns points for evidence in the notes and the chat (checkpoints
covered and when, estimates within an order of magnitude, components named with a reason,
trade-offs with an alternative, deep-dive depth, who drove), loses the level's expectations
not shown, and is capped where an objective fault bounds it (no requirements before the
components, numbers a hundred times off, buzzwords, never reaching the deep dive).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from mockloop.coverage import (
    DEEP_HITS,
    PHASE_OF,
    PHASES,
    Coverage,
    has_diagram,
    headings,
    phase_start,
)
from mockloop.designs import CHECKPOINTS, DesignPrompt
from mockloop.estimates import times
from mockloop.events import Event
from mockloop.models import DesignBar, DesignEvidence
from mockloop.scoring.rules import Scorer
from mockloop.scoring.tally import Tally, clip

FAR_OFF = 100
"""An estimate this many times off caps requirements at 2 (one order of magnitude is a slip;
two is not knowing the numbers)."""
ASKED_FOR = {
    "requirements": "the requirements",
    "estimates": "numbers",
    "api": "the API",
    "data_model": "the data model",
    "high_level": "the components",
    "deep_dive": "a deep dive",
    "bottlenecks": "what breaks first",
    "tradeoffs": "the trade-offs",
}
"""What each checkpoint's question asked for, in the words of the communication note."""
DEEP = DEEP_HITS
"""Distinct keywords that make a deep dive count as real depth."""


@dataclass(frozen=True)
class DesignRecord:
    """What the scorers read: the prompt, what the log covered, the level's bar and timing."""

    prompt: DesignPrompt
    coverage: Coverage
    bar: DesignBar
    rules: DesignEvidence
    minutes: int
    duration: float
    events: Sequence[Event]

    def due(self, checkpoint: str) -> float:
        """When the checkpoint's phase ends: covering it later is late."""
        following = PHASES.index(PHASE_OF[checkpoint]) + 1
        if following >= len(PHASES):
            return self.minutes * 60
        return phase_start(PHASES[following], self.minutes, self.rules)


def _requirements(record: DesignRecord, bar: DesignBar, level: str) -> Tally:
    tally, state, prompt = Tally("requirements"), record.coverage, record.prompt
    functional = [r for r in prompt.requirements.functional if r.id in state.requirements]
    non_functional = [r for r in prompt.requirements.non_functional if r.id in state.requirements]
    share = len(functional) / len(prompt.requirements.functional)
    _hit(tally, state, "requirements", record, 0.5)
    tally.note(
        -1,
        0,
        "functional",
        f"functional requirements named: {len(functional)} of "
        f"{len(prompt.requirements.functional)}",
        1.0 if share >= 0.75 else 0.5 * (share >= 0.4),
    )
    tally.note(
        -1,
        0,
        "non_functional",
        f"non-functional requirements named: {len(non_functional)}",
        0.5 * min(len(non_functional), 2) / 2 + 0.25 * (len(non_functional) >= 3),
    )
    written = [c for c in state.checks if c.written is not None]
    within = [c for c in written if c.within(record.rules.estimate_tolerance)]
    if written:
        tally.note(
            -1,
            0,
            "estimates",
            f"{len(within)} of {len(written)} estimates within 10× of the reference",
            1.0 * len(within) / len(prompt.estimates) + 0.5 * (len(within) >= 2),
        )
    far = [c for c in written if c.ratio >= FAR_OFF or c.ratio <= 1 / FAR_OFF]
    for check in far[:2]:
        assert check.written is not None
        factor = check.ratio if check.ratio > 1 else 1 / check.ratio
        tally.note(
            -1,
            0,
            "estimate_off",
            f"{check.estimate.what}: wrote {check.written.text}, about {times(factor)} off",
            -0.5,
        )
    fixed = [
        (t, c.estimate.what)
        for c in within
        if (t := state.asked.get(f"challenge:{c.estimate.id}")) is not None
    ]
    for t, what in fixed[:2]:
        tally.note(-1, t, "corrected", f"{what} was right only after a challenge", -0.25)
    if far:
        tally.limit(2.0, f"estimates were {FAR_OFF}× or more off")
    jumped = state.covered("high_level") and (
        not state.covered("requirements")
        or state.checkpoints["high_level"].t < state.checkpoints["requirements"].t
    )
    if jumped:
        tally.limit(2.0, "components came before any requirements")
    if bar.needs_estimates and not written:
        tally.limit(2.0, "the system was never sized")
    tally.expect(bar.needs_estimates and not written, "estimates without being asked", level)
    return tally


def _high_level(record: DesignRecord, bar: DesignBar, level: str) -> Tally:
    tally, state = Tally("high_level_design"), record.coverage
    _hit(tally, state, "api", record, 0.5)
    _hit(tally, state, "data_model", record, 0.5)
    _hit(tally, state, "high_level", record, 0.75)
    named = state.components
    justified = [name for name, why in named.items() if why]
    bare = [name for name, why in named.items() if not why]
    if named:
        tally.note(
            -1,
            0,
            "components",
            f"components justified: {', '.join(justified) or 'none'}",
            min(1.0, 0.25 * len(justified)),
            "+" if len(justified) >= 2 else "-",
        )
    if has_diagram(state.notes):
        tally.note(-1, 0, "diagram", "a diagram in the notes", 0.25)
    if len(bare) >= 3 and len(bare) > len(justified):
        tally.note(-1, 0, "buzzwords", f"named without a reason: {', '.join(bare[:5])}", -0.5)
        tally.limit(2.5, "most components were named without a reason")
    written = [c for c in state.checks if c.written is not None]
    far = [c for c in written if c.ratio >= FAR_OFF or c.ratio <= 1 / FAR_OFF]
    if named and (far or (bar.needs_estimates and not written)):
        tally.limit(3.0, "the components were sized without the right numbers")
    if state.evolution:
        tally.note(-1, 0, "evolution", "said how the design changes as it grows", 0.25)
    tally.expect(bar.needs_evolution and not state.evolution, "how the design evolves", level)
    return tally


def _deep_dive(record: DesignRecord, bar: DesignBar, level: str) -> Tally:
    tally, state, prompt = Tally("deep_dive"), record.coverage, record.prompt
    deep = [prompt.deep_dives[i].component for i, hits in enumerate(state.dives) if hits >= DEEP]
    tally.note(
        -1,
        0,
        "depth",
        f"in depth: {', '.join(deep) or 'no component'}",
        0.75 * min(len(deep), 2),
        "+" if deep else "-",
    )
    _hit(tally, state, "deep_dive", record, 0.25)
    _hit(tally, state, "bottlenecks", record, 0.5)
    if state.failure_raised:
        tally.note(-1, 0, "failure_raised", "raised failure modes before being asked", 0.5)
    elif state.failure_answered:
        tally.note(-1, 0, "failure_answered", "answered a failure question", 0.25)
    if not deep and not state.covered("deep_dive"):
        tally.limit(2.0, "the round never reached a deep dive")
    dives = "1 deep dive" if bar.min_deep_dives == 1 else f"{bar.min_deep_dives} deep dives"
    tally.expect(len(deep) < bar.min_deep_dives, dives, level)
    tally.expect(
        bar.needs_failure_modes and not state.failure_raised, "failure modes unprompted", level
    )
    return tally


def _tradeoffs(record: DesignRecord, bar: DesignBar, level: str) -> Tally:
    tally, state, prompt = Tally("tradeoffs"), record.coverage, record.prompt
    for index, sentence in list(state.tradeoffs.items())[:3]:
        tradeoff = prompt.tradeoffs[index]
        tally.note(
            -1,
            0,
            "tradeoff",
            f'{tradeoff.choice} against {tradeoff.alternative}: "{clip(sentence, 60)}"',
            0.75,
        )
    if not state.tradeoffs:
        tally.note(-1, 0, "no_tradeoffs", "no choice was weighed against an alternative", 0.0, "-")
    if state.quantified_tradeoffs:
        tally.note(-1, 0, "quantified", "a trade-off backed by a number", 0.5)
    _hit(tally, state, "tradeoffs", record, 0.25)
    bare = [name for name, why in state.components.items() if not why]
    if len(bare) >= 3 and not state.tradeoffs:
        tally.limit(1.5, "technologies named with neither reasons nor alternatives")
    tally.expect(
        bar.quantified_tradeoffs and not state.quantified_tradeoffs, "quantified trade-offs", level
    )
    return tally


def _communication(record: DesignRecord, bar: DesignBar, level: str) -> Tally:
    tally, state = Tally("communication"), record.coverage
    mine, reached = state.driven()
    share = mine / reached if reached else 0.0
    tally.note(
        -1,
        0,
        "driver",
        f"reached {mine} of {reached} checkpoints before being asked for them",
        1.0 * share + 0.25 * (reached >= 6),
        "+" if share >= 0.6 else "-" if share < 0.3 else "=",
    )
    order = [CHECKPOINTS.index(c) for c in state.checkpoints]
    timeline = sorted(state.checkpoints, key=lambda c: state.checkpoints[c].t)
    inversions = sum(
        1
        for a, b in zip(timeline, timeline[1:], strict=False)
        if CHECKPOINTS.index(a) > CHECKPOINTS.index(b) + 2
    )
    if len(order) >= 3 and inversions == 0:
        tally.note(-1, 0, "order", "worked through the phases in order", 0.5)
    if state.covered("deep_dive") and state.checkpoints["deep_dive"].t <= record.due("deep_dive"):
        tally.note(-1, 0, "on_time", "reached the deep dive with time to spare", 0.5)
    if headings(state.notes) >= 3:
        tally.note(-1, 0, "notes", "structured notes with headings", 0.5)
    pushes = sum(1 for intent in state.intents if intent.startswith(("ask:", "time:")))
    if pushes >= 3:
        tally.note(-1, 0, "pushed", f"needed {pushes} pushes to move on", -0.25 * (pushes - 2))
    ignored = [
        (t, checkpoint)
        for checkpoint in CHECKPOINTS
        if not state.covered(checkpoint) and (t := state.asked.get(f"ask:{checkpoint}")) is not None
    ]
    for t, checkpoint in ignored[:2]:
        tally.note(-1, t, "ignored", f"asked for {ASKED_FOR[checkpoint]}; it never came", -0.25)
    off = {c.estimate.id: c.estimate.what for c in state.off(record.rules.estimate_tolerance)}
    kept = [
        (t, off[intent.partition(":")[2]])
        for intent, t in state.asked.items()
        if intent.startswith("challenge:") and intent.partition(":")[2] in off
    ]
    for t, what in kept[:2]:
        tally.note(
            -1, t, "unrevisited", f"challenged on {what.lower()}; the number never changed", -0.25
        )
    if not state.covered("deep_dive") and record.duration >= record.minutes * 60 * 0.9:
        tally.limit(2.0, "time ran out before the deep dive")
    if state.rules_change:
        tally.note(-1, state.rules_change_t, "rules", "tried to change the rules", -1.0)
        tally.limit(2.0, "tried to change how the round is scored")
    wanted = {"interviewer": 0.0, "shared": 0.3, "candidate": 0.6}[bar.driver]
    tally.expect(share < wanted, f"drives the conversation ({bar.driver})", level)
    return tally


def _hit(
    tally: Tally, state: Coverage, checkpoint: str, record: DesignRecord, points: float
) -> None:
    """Credit a checkpoint covered (half if late), or note it missing."""
    hit = state.checkpoints.get(checkpoint)
    if hit is None:
        tally.note(-1, 0, checkpoint, f"{checkpoint.replace('_', ' ')} not covered", 0.0, "-")
        return
    late = hit.t > record.due(checkpoint)
    what = f"{checkpoint.replace('_', ' ')} covered in the {hit.source}" + (
        " (late)" if late else ""
    )
    tally.note(hit.seq, hit.t, checkpoint, what, points / 2 if late else points)


SCORERS: dict[str, Scorer] = {
    "requirements": _requirements,
    "high_level_design": _high_level,
    "deep_dive": _deep_dive,
    "tradeoffs": _tradeoffs,
    "communication": _communication,
}
