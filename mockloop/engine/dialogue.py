"""The offline interviewer's replies to what the candidate says in the chat.

Every message is read once by `mockloop.reading`; the reply follows its labels in order of
priority: attempts to change the rules, hint requests, "done", follow-up answers, questions
(all of them, in order), approaches, complexity claims, edge cases, small talk."""

from __future__ import annotations

import re

from mockloop.engine.answers import answer_questions
from mockloop.engine.followups import done_turn, follow_up_answer_turn
from mockloop.engine.phrasing import join
from mockloop.engine.turn import Context, Turn, forward
from mockloop.models import Approach
from mockloop.reading.claims import Claim, accepted
from mockloop.reading.code import written_approach
from mockloop.reading.complexity import normal_form
from mockloop.reading.cues import FAREWELL, IDK
from mockloop.reading.messages import Reading

GREETING = re.compile(
    r"^(hi|hello|hey|good (morning|afternoon)|morning)\b|how are you|nice to meet"
)
NO_QUESTIONS = re.compile(r"\bno (?:more |other |further )?questions\b")
WANTS_TO_CODE = re.compile(r"\b(code|implement|write) (it|this|that)\b|\bstart coding\b")
REFUSALS = (
    "I can't share the reference solution or the hidden tests — working it out is the point "
    "of today. Tell me where you're stuck instead.",
    "That stays on my side of the table: no solution and no hidden inputs. What's your "
    "current thinking?",
    "I won't hand over the solution or the test data, but I'm happy to help you reason "
    "about it. Where are you?",
)


def hint_turn(context: Context) -> Turn:
    """The next rung of the hint ladder, or a note that the ladder is used up."""
    voice = context.voice
    rung = context.next_hint_rung()
    if rung is None:
        text = join(
            "I've given you every hint I have.",
            voice.choose(
                (
                    "Try tracing a small example by hand and see what repeats.",
                    "Take what we discussed and try writing it out, even roughly.",
                )
            ),
        )
        return Turn("hint_exhausted", text)
    hint = context.problem.hints[rung - 1]
    text = join(voice.phrase("hint_preface"), hint, voice.maybe_encourage())
    phase = forward(context, "approach") if rung == 1 else None
    return Turn("hint", text, phase=phase, phase_reason="hint", hint_rung=rung, hint_text=hint)


def reply_to_message(context: Context, text: str) -> Turn:
    """React to one chat message according to its reading."""
    reading = context.read(text)
    if reading.has("rule_change"):
        return Turn("refuse", context.voice.choose(REFUSALS))
    if reading.has("hint_request"):
        return hint_turn(context)
    in_follow_up = context.phase_at_least("follow_up") and not context.phase_at_least("wrap_up")
    if reading.has("done"):
        lowered = reading.text.lower()
        return done_turn(
            context,
            leaving=FAREWELL.search(lowered) is not None,
            no_questions=NO_QUESTIONS.search(lowered) is not None,
        )
    if in_follow_up and context.follow_up_open() and not reading.questions:
        return follow_up_answer_turn(context, reading)
    insisted = insisted_optimal_turn(context, reading)
    if insisted is not None:
        return insisted
    if reading.questions:
        turn = answer_questions(context, reading)
        if reading.approach is not None and reading.committed:
            rest = approach_turn(context, reading.approach, reading.claims, text)
            turn.text = join(turn.text, rest.text)
            turn.phase = rest.phase or turn.phase
        return turn
    named = reading.has("approach_committed", "approach_hedged") or reading.claims
    if reading.approach is not None and named:
        return approach_turn(context, reading.approach, reading.claims, text)
    if reading.has("approach_hedged"):
        return hedged_turn(context)
    if reading.claims:
        return complexity_turn(context, reading.claims)
    if reading.has("edge_cases"):
        return edge_turn(context, reading)
    if IDK.match(reading.text.lower().strip()) and not context.phase_at_least("follow_up"):
        text = context.voice.choose(
            (
                "That's fine. Start from what you know works, or ask me for a hint.",
                "No problem — take the smallest example and tell me what you'd do first.",
            )
        )
        return Turn("offer_step", text)
    if reading.has("off_topic"):
        return small_talk_turn(context, reading)
    return statement_turn(context, reading)


def insisted_optimal_turn(context: Context, reading: Reading) -> Turn | None:
    """'This is optimal' about an approach the pack beats: disagree, never nod along. The
    approach is the one in the code once there is code, else the one last discussed."""
    if not reading.calls_optimal:
        return None
    code = context.state.code
    approach = written_approach(context.problem, code) if code.strip() else None
    approach = approach or context.discussed_approach()
    if approach is None or approach.kind == "optimal":
        return None
    best = next((a for a in context.problem.approaches if a.kind == "optimal"), None)
    if best is None or normal_form(best.time) == normal_form(approach.time):
        return None
    run = context.state.last_run
    slow = run is not None and any(case.status in ("timeout", "memory") for case in run.cases)
    if any("I'd push back" in said for said in context.interviewer_texts()):
        # Said once already: no second lecture, an offer instead.
        shown = ", and the timeouts show it matters" if slow else ""
        text = f"I still don't agree — there is a faster approach than {approach.time}{shown}."
        if context.next_hint_rung() is not None:
            text = join(text, "Would a hint help you find it?")
        return Turn("probe_better", text)
    evidence = "the large inputs ran out of time, and " if slow else ""
    text = join(
        f"I'd push back on that: {evidence}there is an approach faster than {approach.time}.",
        context.voice.choose(
            (
                "What work does your approach repeat that it could skip?",
                "Which candidates could you rule out without checking them?",
            )
        ),
    )
    return Turn(
        "probe_better", text, phase=forward(context, "approach") if not code.strip() else None
    )


def small_talk_turn(context: Context, reading: Reading) -> Turn:
    """Greetings and chit-chat: friendly at the start, steered back later."""
    lowered = reading.text.lower()
    greeting = GREETING.search(lowered)
    if greeting and not context.phase_at_least("approach") and not context.said("small_talk"):
        asked = re.search(r"how are you|how'?s (?:it going|your day)|how (?:are|r) u", lowered)
        # Only say how the interviewer is doing when the candidate asked.
        text = context.voice.choose(
            (
                "Doing well, thanks! Whenever you're ready, the problem is on your screen.",
                "Good, thank you. Have a read of the problem and ask me anything unclear.",
            )
            if asked
            else (
                "Hi! Whenever you're ready, the problem is on your screen.",
                "Hello! Have a read of the problem and ask me anything unclear.",
            )
        )
        return Turn("small_talk", text)
    return Turn("steer_back", context.voice.phrase("steer_back"))


def hedged_turn(context: Context) -> Turn:
    """'let me just try something', 'maybe...?' with no approach the pack knows."""
    text = context.voice.choose(
        (
            "Go on — what would that look like? Walk me through it on the first example.",
            "Say a bit more: what would you do step by step, and does it work on example one?",
        )
    )
    return Turn("probe", text, phase=forward(context, "approach"))


def edge_turn(context: Context, reading: Reading) -> Turn:
    """Edge cases named: acknowledge the one they named, briefly."""
    edge = reading.edge_cases[0] if reading.edge_cases else "those cases"
    text = context.voice.choose((f"Good — {edge} is worth handling.", f"Yes, {edge} matters."))
    return Turn("acknowledge_edge", text)


def approach_turn(context: Context, approach: Approach, claims: list[Claim], text: str) -> Turn:
    """Compare a proposed approach with the known ones and steer accordingly."""
    voice = context.voice
    acknowledge = voice.phrase("acknowledge")
    if approach.kind == "optimal":
        agreed = context.said("approve_approach") or context.said("complexity_ok")
        if agreed and not claims:
            # The plan is settled; re-asking for its complexity mid-code reads like a loop.
            keep_going = voice.choose(
                (
                    "Makes sense. Keep going.",
                    "Right, that matches the plan. Carry on.",
                    "Good. Keep talking me through it as you go.",
                )
            )
            return Turn("acknowledge", keep_going)
        if not claims:
            text = join(
                acknowledge,
                voice.choose(
                    (
                        "What would the time and space complexity be?",
                        "Before you code it: what's the running time, and how much extra memory?",
                    )
                ),
            )
            return Turn("ask_complexity", text, phase=forward(context, "approach"))
        verdict = complexity_verdict(context, approach, claims)
        if verdict:
            return Turn("complexity_check", join(acknowledge, verdict))
        go = voice.choose(
            (
                "That's the trade-off I'd make too. Go ahead and code it.",
                "Let's see it in code.",
                "Please go ahead and implement that.",
            )
        )
        return Turn(
            "approve_approach",
            join(voice.maybe_encourage() or acknowledge, go),
            phase=forward(context, "code"),
            phase_reason="approach agreed",
        )
    already_pushed = context.last_intent() == "probe_better"
    if already_pushed or WANTS_TO_CODE.search(text.lower()):
        text = join(
            voice.choose(
                (
                    "Fair enough — go ahead and code that, and we'll come back to trade-offs.",
                    "OK, let's get that working first; we can optimise afterwards.",
                )
            )
        )
        return Turn("approve_approach", text, phase=forward(context, "code"), phase_reason="coding")
    best = next((a for a in context.problem.approaches if a.kind == "optimal"), None)
    if best is not None and normal_form(best.time) == normal_form(approach.time):
        # As fast as the best approach, by another road: no "anything faster?" chase.
        if context.last_intent() == "approve_approach":
            return Turn("acknowledge", "Right — go ahead and code it.")
        text = join(
            f"Good — {approach.time} is the best time bound here.",
            voice.choose(
                (
                    "Keep an eye on the extra memory it needs. Go ahead and code it.",
                    "Go ahead and code it; we can compare it with other ways afterwards.",
                )
            ),
        )
        return Turn(
            "approve_approach", text, phase=forward(context, "code"), phase_reason="approach agreed"
        )
    if approach.kind == "brute_force":
        push = voice.choose(
            (
                "That would work. How does it scale, and can we do better?",
                "OK, that would work. Can we do better than that?",
            )
            if claims
            else (
                "That works. What's its complexity — and can we do better?",
                "That would work. How does it scale, and can we do better?",
                "OK, that would work. Can we do better than that?",
            )
        )
    else:
        push = voice.choose(
            (
                f"That's better than checking everything. It's {approach.time} — can we go "
                "further?",
                f"Nice, that gets us to {approach.time}. Is there anything faster?",
            )
        )
    probe = voice.phrase("probe") if voice.chatty else ""
    return Turn(
        "probe_better",
        join(push, probe),
        phase=forward(context, "approach"),
        phase_reason="discussing approach",
    )


def complexity_verdict(context: Context, approach: Approach, claims: list[Claim]) -> str:
    """'' when the claims fit the approach (or were agreed before), else one question about
    the first claim that doesn't, asking about time or space as the claim was."""
    agreed = {(claim.dimension, claim.form) for claim in context.agreed_claims()}
    fresh = [claim for claim in claims if (claim.dimension, claim.form) not in agreed]
    problem = context.problem
    timed = [c for c in fresh if c.dimension in ("time", "either")]
    # A message often names the old bound before the new one ("that's O(n^2); with a map
    # it's O(n)"): one fitting time claim is enough.
    if timed and not any(accepted(problem, approach, c) for c in timed):
        claim = timed[-1] if timed[-1].dimension == "time" else timed[0]
        return context.voice.choose(
            (
                f"Hmm, {claim.shown}? Walk me through where that comes from.",
                f"Are you sure it's {claim.shown} time? Count the work per element.",
                f"Let's double-check {claim.shown} — what dominates the running time?",
            )
        )
    for claim in fresh:
        if claim.dimension == "space" and not accepted(problem, approach, claim):
            return context.voice.choose(
                (
                    f"Time looks right. Are you sure about {claim.shown} space?",
                    f"Agreed on time; walk me through the {claim.shown} memory claim.",
                )
            )
    return ""


def complexity_turn(context: Context, claims: list[Claim]) -> Turn:
    """Check a complexity claim against the approach under discussion."""
    approach = context.discussed_approach()
    voice = context.voice
    if approach is None:
        text = voice.choose(
            (
                f"{claims[0].shown} for which approach? Describe it first.",
                "Tell me the approach that gets that complexity.",
            )
        )
        return Turn("probe", text)
    verdict = complexity_verdict(context, approach, claims)
    if verdict:
        return Turn("complexity_check", verdict)
    if approach.kind == "optimal":
        if context.phase_at_least("code"):
            return Turn("complexity_agreed", voice.choose(("Right, agreed.", "Yes, that's right.")))
        return Turn(
            "complexity_ok",
            join(voice.phrase("acknowledge"), "Go ahead and code it."),
            phase=forward(context, "code"),
            phase_reason="approach agreed",
        )
    return Turn(
        "probe_better",
        join("Right.", voice.choose(("Can we do better?", "Is there something faster?"))),
    )


def statement_turn(context: Context, reading: Reading) -> Turn:
    """A plain statement: keep the interview moving for the phase it is in."""
    voice = context.voice
    if not context.phase_at_least("approach"):
        ask = voice.choose(
            (
                "How would you approach it?",
                "What's your first idea for solving it?",
                "Talk me through how you'd solve it.",
            )
        )
        return Turn(
            "ask_approach",
            join(voice.phrase("acknowledge"), ask),
            phase=forward(context, "approach"),
            phase_reason="discussing approach",
        )
    if not context.phase_at_least("code"):
        return Turn("probe", voice.phrase("probe"))
    if context.phase_at_least("wrap_up"):
        return Turn("acknowledge", voice.choose(("Thanks.", "Noted, thanks.")))
    return Turn("acknowledge", voice.phrase("acknowledge"))
