"""Evidence -> scores: each dimension from its round's scorer and the level's bar, then the verdict.

The rules are fixed in code and driven by the rubric (weights, names, level bars). Objective
caps are applied last and nothing overrides them; a dimension with no evidence gets the floor
and says so.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from mockloop.models import VERDICTS, LevelName, Rubric, Thresholds
from mockloop.scoring.models import DimensionScore, Scorecard
from mockloop.scoring.tally import FLOOR, Tally, reason

Scorer = Callable[[Any, Any, str], Tally | None]
"""Scores one dimension from a round's evidence at a level's bar (None: no evidence).

The bar is the round's own model (`LevelBar` for coding, `BehavioralBar` for behavioral)."""
FloorCaps = Callable[[Any, str], list[str]]
"""Caps still worth naming on a dimension scored at the floor (evidence, dimension id)."""


def score(
    evidence: Any,
    rubric: Rubric,
    level: LevelName,
    scorers: Mapping[str, Scorer],
    floor_caps: FloorCaps | None = None,
) -> Scorecard:
    """Score every rubric dimension with its round's scorer and derive the verdict.

    The round supplies the scorers (by dimension id) and whatever its evidence is; a rubric
    dimension without a scorer never reaches here (the catalog refuses such a rubric).
    """
    bar = rubric.levels[level]
    dimensions: list[DimensionScore] = []
    for dimension in rubric.dimensions:
        tally = scorers[dimension.id](evidence, bar, level)
        if tally is None:
            dimensions.append(
                DimensionScore(
                    id=dimension.id,
                    name=dimension.name,
                    score=FLOOR,
                    evidence_score=FLOOR,
                    weight=dimension.weight,
                    reason="No evidence in this session: scored at the floor",
                    caps=floor_caps(evidence, dimension.id) if floor_caps else [],
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
    )


def weighted_score(dimensions: list[DimensionScore]) -> float:
    """The weight-averaged dimension score, rounded to two decimals."""
    total = sum(dimension.weight for dimension in dimensions)
    return round(sum(d.score * d.weight for d in dimensions) / total, 2) if total else FLOOR


def verdict(value: float, thresholds: Thresholds) -> str:
    """The verdict for a weighted score at one level's thresholds."""
    cuts = (
        thresholds.strong_hire,
        thresholds.hire,
        thresholds.lean_hire,
        thresholds.lean_no_hire,
        thresholds.no_hire,
    )
    for name, cut in zip(VERDICTS, cuts, strict=False):  # the last verdict has no cut
        if value >= cut:
            return name
    return VERDICTS[-1]
