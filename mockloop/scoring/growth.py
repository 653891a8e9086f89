"""The final code's measured growth set beside the time complexity the candidate claimed.

The runner fits how CPU time grows as the input is doubled (`runner/scaling.py`); here that
exponent meets the claim. Only a clear fit that is well above the claim counts against
the candidate ("claimed O(n), measured ≈ O(n^2)"): noise, start-up costs and small inputs
all pull a measured exponent down or make the fit unclear, never up past the margin, so a
correct claim is not penalised. Everything else is a neutral line that shows both.
"""

from __future__ import annotations

from mockloop.reading.claims import Claim
from mockloop.reading.complexity import degree
from mockloop.scoring.evidence import Evidence, Moment
from mockloop.scoring.tally import Tally

MARGIN = 0.75  # measured exponent above the claimed degree that counts as a contradiction
PENALTY = -0.25


def time_claim(evidence: Evidence) -> tuple[Moment, Claim] | None:
    """The last time complexity stated about this code (before any follow-up changed it)."""
    asked = min((m.t for m, _, _ in evidence.follow_ups), default=evidence.duration + 1)
    claims = [
        (moment, claim)
        for moment, claim in evidence.complexity_claims
        if claim.dimension in ("time", "either") and moment.t <= asked
    ]
    return claims[-1] if claims else None


def note_growth(evidence: Evidence, tally: Tally) -> None:
    """One line comparing the measured growth with the claim; against only when clear."""
    scaling = evidence.scaling
    if scaling is None or scaling.exponent is None:
        return
    measured = f"the final code measured ≈ {scaling.shown} on growing inputs"
    stated = time_claim(evidence)
    if stated is None:
        tally.note(
            -1,
            evidence.duration,
            "complexity_measured",
            f"No time complexity was stated; {measured}",
            0.0,
        )
        return
    moment, claim = stated
    claimed = degree(claim.form)
    problem = evidence.problem
    if problem is not None and problem.kind == "design" and claimed is not None:
        # A class is measured over n calls: O(1) per call grows as O(n) in all.
        claimed += 1
        measured = f"the final code measured ≈ {scaling.shown} over n calls on growing inputs"
    above = claimed is not None and scaling.exponent >= claimed + MARGIN
    if not (above and scaling.clear):
        rough = ", but the timings were too rough to hold against the claim" if above else ""
        tally.note(
            moment.seq,
            moment.t,
            "complexity_measured",
            f"Claimed {claim.shown} time; {measured}{rough}",
            0.0,
        )
        return
    already = any(item.signal == "complexity_mismatch" for item in tally.items)
    tally.note(
        moment.seq,
        moment.t,
        "complexity_contradicted",
        f"Claimed {claim.shown} time, but {measured}",
        0.0 if already else PENALTY,
        "-",
    )
