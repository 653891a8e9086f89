"""Moving on: "I'm done" in each phase, follow-up questions, and judging their answers
against the pack's `answer_keywords` (a hit named, a miss probed once, "idk" a smaller step).
"""

from __future__ import annotations

from mockloop.engine.answers import run_summary
from mockloop.engine.phrasing import join
from mockloop.engine.turn import Context, Turn, forward
from mockloop.models import FollowUp
from mockloop.reading import cues
from mockloop.reading.messages import Reading
from mockloop.reading.vocabulary import keyword_in

SMALLER_STEPS = (
    "No problem — smaller step: which part of your current solution would have to change first?",
    "That's fine. Start from what you have: what's the first thing that breaks under the new "
    "condition?",
)
PROBES = (
    "Say a bit more — what exactly would you store or change, and what would it cost?",
    "How would that work concretely? Walk me through one step of it.",
)


def follow_up_or_wrap(context: Context, preface: str = "", *, bridge: bool = True) -> Turn:
    """Ask the next follow-up for the level, or move to wrap-up when none is left
    (`bridge`: lead in with the persona's follow-up preface)."""
    voice = context.voice
    follow = context.next_follow_up()
    if follow is not None:
        lead = voice.phrase("follow_up_preface") if bridge else "Next one:"
        text = join(preface, lead, follow.question)
        phase = forward(context, "follow_up")
        return Turn("follow_up", text, phase=phase, phase_reason="follow-up questions")
    return wrap_up_turn(context, preface)


def wrap_up_turn(context: Context, preface: str = "") -> Turn:
    """Close the problem without a word about time (only the clock talks about time)."""
    if context.phase_at_least("wrap_up"):
        text = join(preface, "That's everything from me on the problem — thanks.")
        more = "Press F10 whenever you're ready to finish."
        return Turn("wrap_up_done", join(text, more))
    closing = context.voice.choose(
        (
            "That's all I wanted to cover on the problem. Do you have any questions for me?",
            "We can leave the problem there. What would you like to ask me?",
        )
    )
    return Turn(
        "wrap_up",
        join(preface, closing),
        phase=forward(context, "wrap_up"),
        phase_reason="wrapping up",
    )


def done_turn(context: Context, *, leaving: bool = False, no_questions: bool = False) -> Turn:
    """'I'm done': in follow-ups move on (or close, when the candidate is `leaving` with a
    thank-you, without asking for questions they said they don't have); while coding, make
    sure it was run and passes."""
    if context.phase_at_least("wrap_up"):
        return wrap_up_turn(context)
    if context.phase_at_least("follow_up") and leaving:
        if no_questions:
            text = (
                "Alright — thanks for your time today. Press F10 whenever you're ready to finish."
            )
            return Turn("wrap_up", text, phase=forward(context, "wrap_up"), phase_reason="ending")
        return wrap_up_turn(context, "Thanks for talking it through with me.")
    if context.phase_at_least("follow_up"):
        return follow_up_or_wrap(context, preface="Fine, let's move on.", bridge=False)
    walked = any(w in t for t in context.candidate_texts() for w in ("walk", "trace", "example"))
    if not context.state.runs:
        walk = "walk me through the first example, then " if not walked else ""
        text = f"Before we call it done, {walk}run the tests (F5)."
        return Turn("ask_run", text[0].upper() + text[1:], phase=forward(context, "test"))
    if not context.ran_current_code():
        return Turn("ask_run", "You've changed the code since the last run — run it again?")
    last = context.state.last_run
    if last is not None and last.status != "passed":
        failing = last.total - last.passed
        still = f"{failing} case{'s' if failing != 1 else ''} still fail"
        if context.said("nudge_not_done"):
            slow = all(
                case.status in ("timeout", "memory")
                for case in last.cases
                if case.status not in ("passed", "skipped")
            )
            what = (
                "They all run out of time — what would make it faster?"
                if slow
                else "Which one will you look at first?"
            )
            return Turn("nudge_not_done", f"Same as before: {still}. {what}")
        text = join(
            f"Not quite yet — {still}.", run_summary(last), "Let's get those passing first."
        )
        return Turn("nudge_not_done", text)
    return follow_up_or_wrap(context, preface=context.voice.phrase("acknowledge"))


def current_follow_up(context: Context) -> FollowUp | None:
    """The follow-up question being discussed."""
    asked = context.asked_follow_ups()
    return asked[-1] if asked else None


def keyword_hit(follow: FollowUp, text: str) -> str:
    """The first answer keyword the text names as a word or phrase, or ''."""
    return keyword_in(follow.answer_keywords, text)


def since_follow_up(context: Context) -> list[str]:
    """The interviewer's intents since the current follow-up was asked."""
    intents = context.state.intents
    last = max((i for i, intent in enumerate(intents) if intent == "follow_up"), default=-1)
    return intents[last + 1 :] if last >= 0 else []


def follow_up_answer_turn(context: Context, reading: Reading) -> Turn:
    """Judge an answer to the current follow-up by the pack's keywords."""
    follow = current_follow_up(context)
    voice = context.voice
    hit = keyword_hit(follow, reading.text) if follow is not None else ""
    already = since_follow_up(context)
    if hit:
        praise = voice.choose(
            (
                f"Yes — {hit} is the heart of it.",
                f"Right, {hit} is what makes that work.",
                f"Good — {hit} is exactly the idea.",
            )
        )
        return follow_up_or_wrap(context, preface=praise)
    idk = cues.IDK.match(reading.text.lower().strip()) is not None
    if idk and "follow_up_step" not in already:
        return Turn("follow_up_step", voice.choose(SMALLER_STEPS))
    if not idk and not already and len(reading.text.split()) < 40:
        return Turn("probe_follow_up", voice.choose(PROBES))
    return follow_up_or_wrap(context, preface="OK, let's leave that one there.", bridge=False)
