"""Evidence -> scores: each dimension from its signals and the level's bar, then the verdict.

The rules are fixed in code and driven by the rubric (weights, names, level bars). Objective
caps are applied last and nothing overrides them; a dimension with no evidence gets the floor
and says so.
"""

from __future__ import annotations

from collections.abc import Callable

from mockloop.models import LevelBar, LevelName, Rubric, Thresholds
from mockloop.scoring.coding import coding
from mockloop.scoring.communication import communication
from mockloop.scoring.evidence import Evidence
from mockloop.scoring.models import DimensionScore, Scorecard
from mockloop.scoring.problem_solving import problem_solving
from mockloop.scoring.tally import FLOOR, Tally, reason
from mockloop.scoring.verification import verification

SCORERS: dict[str, Callable[[Evidence, LevelBar, str], Tally | None]] = {
    "problem_solving": problem_solving,
    "coding": coding,
    "verification": verification,
    "communication": communication,
}


def score(evidence: Evidence, rubric: Rubric, level: LevelName) -> Scorecard:
    """Score every rubric dimension and derive the verdict from the level's thresholds."""
    bar = rubric.levels[level]
    dimensions: list[DimensionScore] = []
    for dimension in rubric.dimensions:
        scorer = SCORERS.get(dimension.id)
        tally = scorer(evidence, bar, level) if scorer else None
        if tally is None:
            caps = _caps_without_evidence(evidence, dimension.id)
            dimensions.append(
                DimensionScore(
                    id=dimension.id,
                    name=dimension.name,
                    score=FLOOR,
                    evidence_score=FLOOR,
                    weight=dimension.weight,
                    reason="No evidence in this session: scored at the floor",
                    caps=caps,
                    ceiling=FLOOR,
                    no_evidence=True,
                )
            )
            continue
        value = tally.final()
        dimensions.append(
            DimensionScore(
                id=dimension.id,
                name=dimension.name,
                score=value,
                evidence_score=value,
                weight=dimension.weight,
                reason=reason(tally),
                items=tally.items,
                caps=tally.caps,
                ceiling=tally.cap,
                missed=tally.missed,
            )
        )
    weighted = weighted_score(dimensions)
    return Scorecard(
        level=level,
        verdict=verdict(weighted, bar.thresholds),
        score=weighted,
        dimensions=dimensions,
        tests=evidence.final,
        lint_ran=evidence.lint.ran,
        lint_note=evidence.lint.note,
        lint=evidence.lint.findings,
    )


def _caps_without_evidence(evidence: Evidence, dimension_id: str) -> list[str]:
    """Caps still worth naming on a dimension scored at the floor."""
    final = evidence.final
    if (
        dimension_id == "verification"
        and not evidence.runs
        and final is not None
        and not final.all_passed
    ):
        return ["the code was never run and fails"]
    return []


def weighted_score(dimensions: list[DimensionScore]) -> float:
    """The weight-averaged dimension score, rounded to two decimals."""
    total = sum(dimension.weight for dimension in dimensions)
    return round(sum(d.score * d.weight for d in dimensions) / total, 2) if total else FLOOR


def verdict(value: float, thresholds: Thresholds) -> str:
    """The verdict for a weighted score at one level's thresholds."""
    for name, cut in (
        ("Strong Hire", thresholds.strong_hire),
        ("Hire", thresholds.hire),
        ("Lean Hire", thresholds.lean_hire),
        ("Lean No Hire", thresholds.lean_no_hire),
        ("No Hire", thresholds.no_hire),
    ):
        if value >= cut:
            return name
    return "Strong No Hire"
