"""Problem solving: clarifying, approach, optimality, complexity, trade-offs, hints."""

from __future__ import annotations

from mockloop.clock import mmss
from mockloop.models import Approach, LevelBar
from mockloop.reading.claims import Claim, accepted
from mockloop.reading.complexity import normal_form
from mockloop.scoring.evidence import KIND_RANK, Evidence, Moment
from mockloop.scoring.growth import note_growth
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
                f"{count} questions about the problem before the first code"
                if count >= 2
                else "The question pins down a point the statement leaves open",
                0.25,
            )
    else:
        tally.note(
            -1,
            0.0,
            "no_clarifying_question",
            "No question about the problem before coding",
            0.0,
            "-",
        )
    _plan(evidence, tally, first_code_t)
    optimal = reached_optimal(evidence)
    best = evidence.best_approach()
    if optimal:
        seq, t = (best[0].seq, best[0].t) if best else (-1, 0.0)
        tally.note(
            seq,
            t,
            "optimal",
            (
                "Reached the optimal approach"
                if best is None or best[1].kind == "optimal"
                else f"Reached the optimal time bound ({best[1].time}) with {best[1].name}"
            )
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
            (
                "The code handles the large inputs; its approach was only floated, never "
                "committed to"
                if evidence.hedged
                else "The code handles the large inputs, but the approach was never explained"
            ),
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
    _false_optimality(evidence, tally)
    note_growth(evidence, tally)
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
    if best is None or final is None or not optimal_bound(evidence, best[1]):
        return False
    if final.performance_total:
        return final.performance_passed == final.performance_total
    return final.hidden_rate >= 0.5


def _false_optimality(evidence: Evidence, tally: Tally) -> None:
    """Calling a beatable approach optimal is a wrong lower bound, cited once."""
    taken = evidence.written or (best[1] if (best := evidence.best_approach()) else None)
    if not evidence.called_optimal or taken is None or optimal_bound(evidence, taken):
        return
    moment = evidence.called_optimal[0]
    tally.note(
        moment.seq,
        moment.t,
        "false_optimality",
        f"Called {taken.name} ({taken.time}) optimal; a faster approach exists",
        -0.25,
    )


def optimal_bound(evidence: Evidence, approach: Approach) -> bool:
    """The approach is the optimal one, or another road to the same time bound (three sum
    by a hash set per first value is O(n^2), as fast as sorting with two pointers)."""
    if approach.kind == "optimal":
        return True
    problem = evidence.problem
    bounds = (
        {normal_form(a.time) for a in problem.approaches if a.kind == "optimal"}
        if problem
        else set()
    )
    return normal_form(approach.time) in bounds


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


def _plan(evidence: Evidence, tally: Tally, first_code_t: float | None) -> None:
    """Credit for a committed plan before coding that the code then implements; a plan the
    code contradicts counts against, and a plan only floated ("maybe …") earns nothing."""
    before = evidence.best_approach(before=first_code_t)
    written = evidence.written
    if before is not None:
        moment, approach = before
        built = any(same_approach(approach, other) for other in evidence.implemented)
        if written is not None and not built:
            tally.note(
                moment.seq,
                moment.t,
                "approach_not_implemented",
                f"Stated the {approach.name} approach, but the code implements "
                f"{written.name} ({written.time})",
                -0.25,
            )
        elif built:
            tally.note(
                moment.seq,
                moment.t,
                "approach_before_code",
                f"Stated the {approach.name} approach before coding and implemented it",
                0.75,
            )
        else:
            tally.note(
                moment.seq,
                moment.t,
                "approach_before_code",
                f"Stated the {approach.name} approach before coding",
                0.5 if evidence.code_changed else 0.25,
            )
        return
    floated = [pair for pair in evidence.hedged if first_code_t is None or pair[0].t < first_code_t]
    if floated:
        moment, approach = max(floated, key=lambda pair: (KIND_RANK[pair[1].kind], -pair[0].t))
        tally.note(
            moment.seq,
            moment.t,
            "approach_hedged",
            f"Only floated {approach.name} as a possibility; no committed plan before coding",
            0.0,
            "-",
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


def same_approach(stated: Approach, written: Approach) -> bool:
    """The code's shape fits the stated approach (same approach, or the same time bound)."""
    return stated.name == written.name or normal_form(stated.time) == normal_form(written.time)


def _complexity(evidence: Evidence, tally: Tally) -> None:
    """Each message's complexity claims, cited on that message, checked against the approach
    the candidate took (or one the same message names)."""
    if not evidence.complexity_claims:
        tally.note(-1, 0.0, "no_complexity", "Never stated the time or space complexity", 0.0, "-")
        return
    by_message: dict[int, tuple[Moment, list[Claim]]] = {}
    for moment, claim in evidence.complexity_claims:
        by_message.setdefault(moment.seq, (moment, []))[1].append(claim)
    taken = evidence.written or (best[1] if (best := evidence.best_approach()) else None)
    named: dict[int, list[Approach]] = {}
    for moment, approach in evidence.approaches + evidence.hedged:
        named.setdefault(moment.seq, []).append(approach)
    asked = min((m.t for m, _, _ in evidence.follow_ups), default=evidence.duration + 1)
    matched = mismatched = False
    for index, (moment, claims) in enumerate(by_message.values()):
        shown = ", ".join(dict.fromkeys(claim.shown for claim in claims))
        if index < 3:
            tally.note(
                moment.seq,
                moment.t,
                "complexity",
                f"Stated complexity {shown}",
                0.25 if index == 0 else 0.0,
                "+" if index == 0 else "=",
            )
        candidates = [*named.get(moment.seq, []), *([taken] if taken else [])]
        if not candidates or moment.t > asked:
            continue  # after a follow-up, claims are about its variant, not this code
        problem = evidence.problem
        assert problem is not None
        # A time claim is checked against time and a space claim against space: "O(n) time"
        # does not fit an O(n log n) approach because its space happens to be O(n).
        wrong = [
            claim
            for claim in claims
            if not any(accepted(problem, approach, claim) for approach in candidates)
        ]
        if not wrong and not matched:
            matched = True
            fitting = [
                approach
                for approach in candidates
                if any(accepted(problem, approach, claim) for claim in claims)
            ]
            reference = taken if taken in fitting else (fitting or candidates)[0]
            tally.note(
                moment.seq,
                moment.t,
                "complexity_matches",
                f"Complexity matches the {reference.name} approach ({reference.time})",
                0.25,
            )
        elif wrong and not mismatched and taken is not None:
            mismatched = True
            tally.note(
                moment.seq,
                moment.t,
                "complexity_mismatch",
                f"Claimed {wrong[0].shown}, but {taken.name} is "
                f"{taken.time} time, {taken.space} space",
                -0.25,
            )
