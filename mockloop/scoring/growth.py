"""The final code's measured growth set beside the time complexity the candidate claimed.

The runner fits how CPU time grows as the input is doubled (`runner/scaling.py`); here that
exponent meets the claim. Only a clear fit that is well above the claim counts against
the candidate ("claimed O(n), measured ≈ O(n^2)"): noise, start-up costs and small inputs
all pull a measured exponent down or make the fit unclear, never up past the margin, so a
correct claim is not penalised. Everything else is a neutral line that shows both.
"""

from __future__ import annotations

import math
import re

from mockloop.reading.claims import Claim
from mockloop.scoring.evidence import Evidence, Moment
from mockloop.scoring.tally import Tally

MARGIN = 0.75  # measured exponent above the claimed degree that counts as a contradiction
PENALTY = -0.25


def degree(form: str) -> float | None:
    """The power of the input size in a normal form (`n*log n` → 1, `m*n` → 2, `2^n` → inf),
    every variable counted as the size since the measurement grows every list at once; None
    when the form is not one we can read that way."""
    terms = [term.strip() for term in form.split(" + ")]
    powers: list[float] = []
    for term in terms:
        total = 0.0
        for factor in term.split("*"):
            power = _factor_power(factor.strip())
            if power is None:
                return None
            total += power
        powers.append(total)
    return max(powers, default=None)


def _factor_power(factor: str) -> float | None:
    if not factor or factor.isdigit() or factor.startswith(("log", "lg", "ln")):
        return 0.0
    if factor.endswith("!") or re.fullmatch(r"\d+\^.+", factor):
        return math.inf
    if factor.startswith("sqrt("):
        return 0.5
    if re.fullmatch(r"(?:min|max)\([^()]*\)", factor):
        return 1.0
    base, _, exponent = factor.partition("^")
    if re.fullmatch(r"[A-Za-z]\w*", base):
        return float(exponent) if exponent.isdigit() else (1.0 if not exponent else None)
    return None


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
