"""The system design report's own parts: the Checkpoints table, the final notes, the advice.

The shared renderer (`scoring.report.render`) slots the Checkpoints table where the coding
report has its Tests (DESIGN.md contract 6), and the final notes where it has its final code:
verbatim in a fenced block, so ASCII diagrams keep their shape.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from mockloop.clock import mmss
from mockloop.designs import CHECKPOINTS, DesignPrompt
from mockloop.scoring.advice import Advice
from mockloop.scoring.design.scorers import DEEP, DesignRecord
from mockloop.scoring.models import DimensionScore, Scorecard
from mockloop.scoring.report import escape
from mockloop.scoring.tally import clip

TIPS = {
    "requirements": "Spend the first five minutes on requirements: list them, ask which matter "
    "most, and write down what is out of scope.",
    "high_level_design": "Give every box a reason: 'a cache, because reads are 100× writes'.",
    "deep_dive": "Pick the two hardest components and go one level down: data layout, "
    "consistency, what happens when a node dies.",
    "tradeoffs": "State each big decision as 'X instead of Y, because…, at the cost of…'.",
    "communication": "Say where you are in the round and move on yourself; write as you talk.",
}


SPECIFIC = frozenset({"estimate_off", "buzzwords", "ignored", "unrevisited", "rules"})
"""Faults that name what happened; the improvement leads with one, then with a cap."""
NUMBERS_TIP = (
    "Size it before you draw: users, requests per second and storage, with the arithmetic "
    "written out, then check each against what the interviewer told you."
)
SIZED_TIP = (
    "Let the numbers pick the boxes: 'at 20k reads/s a cache in front of one store is "
    "enough; at 200k we shard', so every component answers a number you wrote."
)
NUMBER_CAPS = ("the system was never sized", "estimates were")


def tip(dimension: DimensionScore) -> str:
    """The habit for a weak dimension, by what held it down: requirements and boxes held
    down only by missing or wrong numbers get the numbers habit, not the generic one."""
    about_numbers = bool(dimension.caps) and all(
        cap.startswith(NUMBER_CAPS) or "without the right numbers" in cap for cap in dimension.caps
    )
    if dimension.id == "requirements" and about_numbers:
        return NUMBERS_TIP
    if dimension.id == "high_level_design" and about_numbers:
        return SIZED_TIP
    return TIPS[dimension.id]


def checkpoints_section(record: DesignRecord) -> str:
    """The Checkpoints table: checkpoint, covered at mm:ss, evidence, what was missing."""
    state, prompt = record.coverage, record.prompt
    rows = [
        "## Checkpoints",
        "",
        "| Checkpoint | Covered at | Evidence | What was missing |",
        "| --- | --- | --- | --- |",
    ]
    for checkpoint in prompt.checkpoints:
        hit = state.checkpoints.get(checkpoint.id)
        when = mmss(hit.t) if hit else "—"
        late = " (late)" if hit and hit.t > record.due(checkpoint.id) else ""
        evidence = f"{hit.source}: {', '.join(hit.words)}" if hit else "—"
        missing = _missing(record, checkpoint.id) if hit else checkpoint.expect
        rows.append(
            f"| {checkpoint.id.replace('_', ' ')} | {when}{late} | {escape(evidence)} | "
            f"{escape(missing) or '—'} |"
        )
    written = [c for c in state.checks if c.written is not None]
    rows += ["", "Estimates:", ""]
    for check in state.checks:
        reference = f"{human_value(check.estimate.value)} {check.estimate.unit}"
        if check.written is None:
            rows.append(f"- {escape(check.estimate.what)}: not written (about {reference})")
        else:
            verdict = "within 10×" if check.within(record.rules.estimate_tolerance) else "off"
            rows.append(
                f"- {escape(check.estimate.what)}: wrote {escape(check.written.text)} "
                f"(about {reference}; {verdict}, ratio {check.ratio:.3g})"
            )
    if not written:
        rows.append("- No numbers were written.")
    return "\n".join(rows)


def human_value(value: float) -> str:
    """A reference value as the pack writes it (15, 20000 → 20,000)."""
    return f"{value:,.0f}" if value >= 100 else f"{value:g}"


def _missing(record: DesignRecord, checkpoint: str) -> str:
    """What a covered checkpoint still lacked, from the prompt's lists."""
    state, prompt = record.coverage, record.prompt
    if checkpoint == "requirements":
        lacking = [r.text for r in prompt.requirements.all() if r.id not in state.requirements]
        return "; ".join(lacking[:3])
    if checkpoint == "estimates":
        lacking = [c.estimate.what for c in state.checks if c.written is None]
        off = [c.estimate.what for c in state.off(record.rules.estimate_tolerance)]
        return "; ".join([*(f"{w} (off)" for w in off), *lacking][:3])
    if checkpoint in ("deep_dive", "bottlenecks"):
        shallow = [
            dive.component
            for dive, hits in zip(prompt.deep_dives, state.dives, strict=True)
            if hits < DEEP
        ]
        if checkpoint == "bottlenecks" and not state.failure_raised:
            return "failure modes raised before being asked"
        return "; ".join(f"{name} in depth" for name in shallow)
    if checkpoint == "tradeoffs":
        lacking = [
            f"{t.choice} vs {t.alternative}"
            for index, t in enumerate(prompt.tradeoffs)
            if index not in state.tradeoffs
        ]
        return "; ".join(lacking[:2])
    if checkpoint == "high_level":
        bare = [name for name, why in state.components.items() if not why]
        return f"reasons for {', '.join(bare[:4])}" if bare else ""
    return ""


def final_notes_section(notes: str) -> str:
    """The final notes verbatim, in a fence longer than any run of backticks inside them."""
    if not notes.strip():
        return "## Final notes\n\nNo notes were written."
    longest = max((len(run) for run in re.findall(r"`+", notes)), default=0)
    fence = "`" * max(3, longest + 1)
    return f"## Final notes\n\n{fence}text\n{notes.rstrip()}\n{fence}"


def advise(scorecard: Scorecard, record: DesignRecord, bank: Mapping[str, DesignPrompt]) -> Advice:
    """Strengths, improvements, habits and prompts that go deep on the weak parts."""
    strengths = []
    improvements = []
    for dimension in scorecard.dimensions:
        # What the candidate did beats which checkpoint they reached ("api covered").
        best = sorted(
            (item for item in dimension.items if item.effect == "+"),
            key=lambda item: item.signal in CHECKPOINTS,
        )
        if dimension.score >= 3 and best:
            strengths.append((dimension, best[0]))
        elif dimension.score < 3:
            minus = [item for item in dimension.items if item.effect == "-"]
            worst = [
                *(item.text for item in minus if item.signal in SPECIFIC),
                *dimension.caps,
                *(item.text for item in minus),
            ]
            improvements.append((dimension, clip(worst[0] if worst else dimension.reason, 160)))
    weakest = sorted(scorecard.dimensions, key=lambda d: (d.score, -d.weight))
    habits = [tip(d) for d in weakest[:2] if d.score < 3.5 and d.id in TIPS]
    level = scorecard.level
    practice = [
        prompt
        for slug, prompt in sorted(bank.items())
        if slug != record.prompt.slug and level in prompt.levels
    ][:3]
    sprint = [
        ("Saturday", "pick one prompt above; 10 minutes of requirements and numbers, on paper"),
        ("Sunday", "design it in 35 minutes aloud, then list three trade-offs with alternatives"),
    ]
    return Advice(strengths, improvements, habits, practice, sprint)
