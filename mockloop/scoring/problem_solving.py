"""Problem solving: clarifying, approach, optimality, complexity, trade-offs, hints."""

from __future__ import annotations

from mockloop.clock import mmss
from mockloop.models import LevelBar
from mockloop.reading.complexity import normal_form
from mockloop.scoring.evidence import KIND_RANK, Evidence
from mockloop.scoring.tally import Tally, clip, run_time


def problem_solving(evidence: Evidence, bar: LevelBar, level: str) -> Tally | None:
    """Clarifying, approach, optimality, complexity, trade-offs, hints, time."""
    tally = Tally("problem_solving")
    if not evidence.messages and not evidence.code_changed:
        return None
    first_code_t = evidence.first_code.t if evidence.first_code else None
    if evidence.questions_before_code:
        moment = evidence.questions_before_code[0]
        tally.note(
            moment.seq,
            moment.t,
            "clarifying_question",
            f"Asked before coding: “{clip(moment.text)}”",
            0.25,
        )
        count = len(evidence.questions_before_code)
        relevant = [q for q in evidence.relevant_questions if q in evidence.questions_before_code]
        if count >= 2 or relevant:
            tally.note(
                moment.seq,
                moment.t,
                "clarifying_depth",
                f"{count} clarifying questions before the first code"
                if count >= 2
                else "The question pins down a point the statement leaves open",
                0.25,
            )
    else:
        tally.note(
            -1, 0.0, "no_clarifying_question", "No clarifying question before coding", 0.0, "-"
        )
    before = evidence.best_approach(before=first_code_t if first_code_t is not None else None)
    if before is not None:
        moment, approach = before
        tally.note(
            moment.seq,
            moment.t,
            "approach_before_code",
            f"Stated the {approach.name} approach before coding",
            0.75,
        )
    elif evidence.code_changed and evidence.first_code is not None:
        tally.note(
            evidence.first_code.seq,
            evidence.first_code.t,
            "no_approach",
            "Started coding without stating an approach",
            0.0,
            "-",
        )
    optimal = reached_optimal(evidence)
    best = evidence.best_approach()
    if optimal:
        seq, t = (best[0].seq, best[0].t) if best else (-1, 0.0)
        tally.note(
            seq,
            t,
            "optimal",
            "Reached the optimal approach"
            + (
                " and it passed the large inputs"
                if evidence.final and evidence.final.performance_total
                else ""
            ),
            1.0,
        )
    elif efficient_unexplained(evidence):
        final = evidence.final
        tally.note(
            final.seq if final else -1,
            run_time(evidence, final.seq) if final else evidence.duration,
            "unexplained_solution",
            "The code handles the large inputs, but the approach was never explained",
            0.5,
        )
    elif best is not None and KIND_RANK[best[1].kind] >= 2 and backed_by_tests(evidence):
        tally.note(
            best[0].seq,
            best[0].t,
            "better_approach",
            f"Reached {best[1].name} ({best[1].time}), not the optimal one",
            0.5,
        )
    elif best is not None:
        tally.note(
            best[0].seq,
            best[0].t,
            "brute_force" if best[1].kind == "brute_force" else "unbacked_approach",
            f"Named {best[1].name} ({best[1].time})"
            + ("" if backed_by_tests(evidence) else ", but the code did not make it work"),
            0.25,
        )
    _complexity(evidence, tally)
    if evidence.tradeoffs:
        moment = evidence.tradeoffs[0]
        tally.note(
            moment.seq, moment.t, "tradeoffs", f"Discussed trade-offs: “{clip(moment.text)}”", 0.25
        )
    good = [answer for _, answer, ok in evidence.follow_ups if ok and answer is not None]
    if good:
        tally.note(
            good[0].seq, good[0].t, "follow_up", "Answered a follow-up with the key idea", 0.25
        )
    allowed = bar.max_hints_without_penalty
    for index, (seq, t, hint) in enumerate(evidence.hints, start=1):
        over = index > allowed
        penalty = (-0.5 if over else 0.0) + (-0.25 if hint.rung == 3 else 0.0)
        where = "beyond" if over else "within"
        tally.note(
            seq,
            t,
            "hint",
            f"Hint {index} (rung {hint.rung}), {where} the {level} allowance of {allowed}",
            penalty,
            "-" if penalty else "=",
        )
    if evidence.out_of_time and not (evidence.final and evidence.final.all_passed):
        tally.note(
            -1, evidence.duration, "out_of_time", "Ran out of time before a passing solution", -0.25
        )
    tally.expect(
        bar.needs_optimal and not (optimal or efficient_unexplained(evidence)),
        "reach the optimal approach",
        level,
    )
    tally.expect(
        bar.needs_tradeoffs and not evidence.tradeoffs, "discuss trade-offs unprompted", level
    )
    tally.note(
        -1,
        evidence.duration,
        "time_used",
        f"Used {mmss(evidence.duration)} of {mmss(evidence.budget)}",
        0.0,
    )
    return tally


def reached_optimal(evidence: Evidence) -> bool:
    """Optimal stated, and the tests agree (large inputs pass when the problem has them)."""
    best = evidence.best_approach()
    final = evidence.final
    if best is None or best[1].kind != "optimal" or final is None:
        return False
    if final.performance_total:
        return final.performance_passed == final.performance_total
    return final.hidden_rate >= 0.5


def backed_by_tests(evidence: Evidence) -> bool:
    """The final code passes at least half the hidden cases, so the stated idea works."""
    return evidence.final is not None and evidence.final.hidden_rate >= 0.5


def efficient_unexplained(evidence: Evidence) -> bool:
    """Correct and fast on the large inputs without any approach ever being named."""
    final = evidence.final
    return (
        evidence.best_approach() is None
        and final is not None
        and final.performance_total > 0
        and final.performance_passed == final.performance_total
        and final.hidden_rate >= 0.9
    )


def _complexity(evidence: Evidence, tally: Tally) -> None:
    """Complexity stated, and whether it matches the approach the candidate took."""
    if not evidence.complexity_claims:
        tally.note(-1, 0.0, "no_complexity", "Never stated the time or space complexity", 0.0, "-")
        return
    moment, _ = evidence.complexity_claims[0]
    claims = sorted({claim for _, claim in evidence.complexity_claims})
    tally.note(
        moment.seq,
        moment.t,
        "complexity",
        "Stated complexity " + ", ".join(f"O({c})" for c in claims),
        0.25,
    )
    best = evidence.best_approach()
    if best is None:
        return

    known = {normal_form(best[1].time), normal_form(best[1].space)}
    if known & set(claims):
        tally.note(
            moment.seq,
            moment.t,
            "complexity_matches",
            f"Complexity matches the {best[1].name} approach ({best[1].time})",
            0.25,
        )
    else:
        tally.note(
            moment.seq,
            moment.t,
            "complexity_mismatch",
            f"Stated complexity does not match {best[1].name} "
            f"({best[1].time} time, {best[1].space} space)",
            -0.25,
        )
