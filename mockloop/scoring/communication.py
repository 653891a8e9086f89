"""Communication: talking before, during and after coding; follow-ups; silences."""

from __future__ import annotations

from mockloop.clock import mmss
from mockloop.models import LevelBar
from mockloop.scoring.evidence import Evidence, Moment
from mockloop.scoring.tally import Tally


def communication(evidence: Evidence, bar: LevelBar, level: str) -> Tally | None:
    """Talking through the work: before, during and after coding; follow-ups; silences."""
    if not evidence.messages:
        return None
    tally = Tally("communication")
    first = evidence.first_code.t if evidence.first_code else None
    window = evidence.coding_window
    end = window[1] if window else None
    planning = [m for m in evidence.messages if first is None or m.t < first]
    during = [
        m
        for m in evidence.working_messages
        if first is not None and end is not None and first <= m.t <= end
    ]
    after = [m for m in evidence.messages if end is not None and m.t > end]
    if planning:
        tally.note(
            planning[0].seq,
            planning[0].t,
            "spoke_first",
            f"{len(planning)} message{plural(planning)} before coding",
            0.5,
        )
    plan = evidence.best_approach(before=first)
    if plan is not None:
        moment = plan[0]
        tally.note(
            moment.seq, moment.t, "explained_plan", "Explained the plan before writing code", 0.5
        )
    if evidence.complexity_claims:
        moment = evidence.complexity_claims[0][0]
        tally.note(
            moment.seq, moment.t, "explained_cost", "Explained the cost of the approach", 0.25
        )
    if during:
        tally.note(
            during[0].seq,
            during[0].t,
            "narrated",
            f"{len(during)} message{plural(during)} about the work while coding",
            0.5 if len(during) == 1 else 0.75,
        )
    elif first is not None:
        tally.note(-1, first, "silent_coding", "Said nothing while coding", 0.0, "-")
    if after:
        tally.note(
            after[0].seq, after[0].t, "debrief", "Talked through the result after coding", 0.25
        )
    answered = [pair for pair in evidence.follow_ups if pair[1] is not None]
    if evidence.follow_ups and len(answered) == len(evidence.follow_ups):
        moment = answered[0][1] or answered[0][0]
        tally.note(
            moment.seq, moment.t, "follow_up_answered", "Answered the follow-up question(s)", 0.5
        )
    for question, answer, _ in evidence.follow_ups:
        if answer is None:
            tally.note(
                question.seq,
                question.t,
                "follow_up_ignored",
                "Left a follow-up question unanswered",
                -0.25,
            )
    for start, stop in evidence.silences[:3]:
        tally.note(
            -1,
            start,
            "silence",
            f"Silent for {int((stop - start) // 60)} minutes while coding "
            f"({mmss(start)}–{mmss(stop)})",
            -0.25,
        )
    for moment in evidence.check_ins_unanswered[:2]:
        tally.note(
            moment.seq,
            moment.t,
            "check_in_ignored",
            "Did not answer the interviewer's check-in",
            -0.25,
        )
    if evidence.messages_by_phase:
        counts = ", ".join(
            f"{phase.replace('_', ' ')} {count}"
            for phase, count in evidence.messages_by_phase.items()
        )
        tally.note(-1, 0.0, "messages_per_phase", f"Your messages per phase: {counts}", 0.0)
    return tally


def plural(things: list[Moment]) -> str:
    """'s' unless there is exactly one."""
    return "" if len(things) == 1 else "s"
