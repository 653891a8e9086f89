"""The offline interviewer's replies to what the candidate says in the chat."""

from __future__ import annotations

import re

from mockloop.engine.intents import Message, classify, normalize_complexity
from mockloop.engine.phrasing import join
from mockloop.engine.turn import Context, Turn, forward
from mockloop.models import Approach

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
    """React to one chat message according to what kind of message it is."""
    wrapping_up = context.phase_at_least("wrap_up") or (
        context.phase_at_least("follow_up") and context.next_follow_up() is None
    )
    message = classify(text, context.problem, context.persona, wrapping_up=wrapping_up)
    if message.kind == "reveal_request":
        return Turn("refuse", context.voice.choose(REFUSALS))
    if message.kind == "hint_request":
        return hint_turn(context)
    if message.kind == "done":
        return done_turn(context)
    if message.kind == "interviewer_question":
        answer = message.interviewer_answer
        words = answer.answer if answer else context.persona.default_answer
        more = "Anything else you'd like to ask?" if not context.voice.cool else ""
        return Turn("answer_question", join(words, more), phase=forward(context, "wrap_up"))
    if context.phase_at_least("follow_up") and context.last_intent() in ("follow_up", "probe"):
        return follow_up_answer_turn(context, message)
    if message.kind == "clarification" and message.clarification is not None:
        return clarification_turn(context, message.clarification.answer)
    if message.kind == "approach" and message.approach is not None:
        return approach_turn(context, message.approach, message.complexities, message.text)
    if message.kind == "complexity":
        return complexity_turn(context, message.complexities)
    if message.kind == "small_talk":
        return Turn("steer_back", context.voice.phrase("steer_back"))
    if message.kind == "unknown_question":
        return unknown_question_turn(context)
    return statement_turn(context, message)


def clarification_turn(context: Context, answer: str) -> Turn:
    """Answer a clarifying question from the problem's clarifications."""
    voice = context.voice
    follow = ""
    if voice.chatty or voice.rng.random() < 0.35:
        follow = voice.choose(("Good question.", "Worth asking.", "Fair question."))
    return Turn(
        "clarification",
        join(follow, answer),
        phase=forward(context, "clarify"),
        phase_reason="clarifying questions",
    )


def unknown_question_turn(context: Context) -> Turn:
    """A question the pack has no answer for: ask what they'd assume, in character."""
    voice = context.voice
    if voice.style.socratic:
        text = voice.choose(
            (
                "What would you assume there? Tell me and we'll go with it.",
                "Good thing to pin down — what would you assume is reasonable?",
                "What would you expect in a real system? State your assumption and carry on.",
            )
        )
    else:
        text = voice.choose(
            (
                "Make a reasonable assumption, say it out loud, and carry on.",
                "The statement doesn't pin that down; pick the sensible case and note it.",
                "Assume the simplest reasonable thing and tell me what you picked.",
            )
        )
    return Turn("clarification_unknown", text, phase=forward(context, "clarify"))


def complexity_matches(claim: str, expected: str) -> bool:
    """Whether a normalised claim equals an approach's stated complexity."""
    return normalize_complexity(claim) == normalize_complexity(expected)


def approach_turn(context: Context, approach: Approach, claims: list[str], text: str) -> Turn:
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
                "Sounds good — let's see it in code.",
                "Great, please go ahead and implement that.",
            )
        )
        return Turn(
            "approve_approach",
            join(acknowledge, go, voice.maybe_encourage()),
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
    if approach.kind == "brute_force":
        push = voice.choose(
            (
                "That works. What's its complexity — and can we do better?",
                "That would work. How does it scale, and can we do better?",
                "OK, that's correct. Can we do better than that?",
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


def complexity_verdict(context: Context, approach: Approach, claims: list[str]) -> str:
    """'' when the claims match the approach, else a question that makes them re-check."""
    # A message often names the old bound before the new one ("that's O(n^2); with a map
    # it's O(n)"), so the claim that matches wins and the one after it is read as space.
    matching = [i for i, claim in enumerate(claims) if complexity_matches(claim, approach.time)]
    time_claim = claims[0]
    if matching:
        after = claims[matching[-1] + 1 : matching[-1] + 2]
        if after and not complexity_matches(after[0], approach.space):
            return context.voice.choose(
                (
                    f"Time looks right. Are you sure about O({after[0]}) space?",
                    f"Agreed on time; walk me through the O({after[0]}) memory claim.",
                )
            )
        return ""
    return context.voice.choose(
        (
            f"Hmm, O({time_claim})? Walk me through where that comes from.",
            f"Are you sure it's O({time_claim})? Count the work per element.",
            f"Let's double-check O({time_claim}) — what dominates the running time?",
        )
    )


def complexity_turn(context: Context, claims: list[str]) -> Turn:
    """Check a complexity claim against the approach under discussion."""
    approach = context.discussed_approach()
    voice = context.voice
    if approach is None:
        text = voice.choose(
            (
                f"O({claims[0]}) for which approach? Describe it first.",
                "Tell me the approach that gets that complexity.",
            )
        )
        return Turn("probe", text)
    verdict = complexity_verdict(context, approach, claims)
    if verdict:
        return Turn("complexity_check", verdict)
    if approach.kind == "optimal":
        code = "" if context.phase_at_least("code") else "Go ahead and code it."
        return Turn(
            "complexity_ok",
            join(voice.phrase("acknowledge"), "Right.", code),
            phase=forward(context, "code"),
            phase_reason="approach agreed",
        )
    return Turn(
        "probe_better",
        join("Right.", voice.choose(("Can we do better?", "Is there something faster?"))),
    )


def done_turn(context: Context) -> Turn:
    """'I'm done': make sure it was tested and walked through, then follow up or wrap up."""
    voice = context.voice
    walked = any(w in t for t in context.candidate_texts() for w in ("walk", "trace", "example"))
    if not context.state.runs:
        walk = "walk me through the first example, then " if not walked else ""
        text = f"Before we call it done, {walk}run the tests (F5)."
        return Turn("ask_run", text[0].upper() + text[1:], phase=forward(context, "test"))
    if not context.ran_current_code():
        return Turn("ask_run", "You've changed the code since the last run — run it again?")
    last = context.state.last_run
    if last is not None and last.status != "passed":
        return Turn(
            "nudge",
            join(
                voice.phrase("nudge"),
                f"The last run passed {last.passed} of {last.total}.",
            ),
        )
    return follow_up_or_wrap(context, preface=voice.phrase("acknowledge"))


def follow_up_or_wrap(context: Context, preface: str = "") -> Turn:
    """Ask the next follow-up for the level, or move to wrap-up when none is left."""
    voice = context.voice
    follow = context.next_follow_up()
    if follow is not None:
        text = join(preface, voice.phrase("follow_up_preface"), follow.question)
        phase = forward(context, "follow_up")
        return Turn("follow_up", text, phase=phase, phase_reason="follow-up questions")
    text = join(preface, voice.phrase("wrap_up"))
    return Turn("wrap_up", text, phase=forward(context, "wrap_up"), phase_reason="wrapping up")


def follow_up_answer_turn(context: Context, message: Message) -> Turn:
    """Judge an answer to the current follow-up by its keywords, then move on."""
    asked = context.asked_follow_ups()
    current = asked[-1] if asked else None
    lowered = message.text.lower()
    good = current is not None and any(k in lowered for k in current.answer_keywords)
    voice = context.voice
    if not good and context.last_intent() == "follow_up" and len(lowered.split()) < 25:
        return Turn("probe", voice.phrase("probe"))
    preface = voice.phrase("acknowledge") if good else "OK."
    return follow_up_or_wrap(context, preface=preface)


def statement_turn(context: Context, message: Message) -> Turn:
    """A plain statement: keep the interview moving for the phase it is in."""
    voice = context.voice
    if message.edge_cases:
        edge = message.edge_cases[0]
        return Turn(
            "acknowledge_edge",
            join(voice.choose((f"Good — {edge} is worth handling.", f"Yes, {edge} matters."))),
        )
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
        return Turn("wrap_up", voice.phrase("wrap_up"))
    return Turn("acknowledge", voice.phrase("acknowledge"))
