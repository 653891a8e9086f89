"""The coding round's scorecard: its four dimension scorers on the rules core, plus the final
test result and the lint findings that only a round with code has."""

from __future__ import annotations

from mockloop.models import LevelName, Rubric
from mockloop.scoring.coding import coding
from mockloop.scoring.communication import communication
from mockloop.scoring.evidence import Evidence
from mockloop.scoring.models import Scorecard
from mockloop.scoring.problem_solving import problem_solving
from mockloop.scoring.rules import Scorer
from mockloop.scoring.rules import score as score_dimensions
from mockloop.scoring.verification import verification

SCORERS: dict[str, Scorer] = {
    "problem_solving": problem_solving,
    "coding": coding,
    "verification": verification,
    "communication": communication,
}


def floor_caps(evidence: Evidence, dimension_id: str) -> list[str]:
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


def score(evidence: Evidence, rubric: Rubric, level: LevelName) -> Scorecard:
    """Score a coding session's evidence: the dimensions, then its tests and lint."""
    card = score_dimensions(evidence, rubric, level, SCORERS, floor_caps)
    return card.model_copy(
        update={
            "tests": evidence.final,
            "lint_ran": evidence.lint.ran,
            "lint_note": evidence.lint.note,
            "lint": evidence.lint.findings,
            "scaling": evidence.scaling,
        }
    )
