"""Answers to the candidate's questions, every one in a message, in order.

A question about the problem is answered from the pack's clarifications, then from the
statement; one about the code from the last run and the code on screen; one for the
interviewer in character at the end (and deferred before then); one about the process
from what MockLoop actually does. None of them changes the phase except a clarifying
question, which moves an interview still in its opening to clarifying.
"""

from __future__ import annotations

import re

from mockloop.engine.phrasing import join
from mockloop.engine.turn import Context, Turn, forward
from mockloop.events import Intent, TestsRun
from mockloop.reading.code import cost_remark, read_code
from mockloop.reading.messages import Question, Reading

CONSTRAINT = re.compile(r"^`[^`]*(?:<=|>=|<|>)[^`]*`")
"""A statement line that is a bound, like `1 <= n <= 90`."""
LATER = (
    "Good question — let's keep that for the end, and I'll answer it properly then.",
    "Hold that thought for the end; I'm happy to talk about it once we've finished the problem.",
    "Let's keep that for the end — remind me and I'll answer it.",
)
META_ANSWERS: tuple[tuple[str, str], ...] = (
    (
        r"\bbot\b|\bai\b|robot|human|real person|chatgpt|\bllm\b|language model|automated",
        "I'm MockLoop's practice interviewer — a program playing {name} from {company}, not a "
        "person. Treat me like a real interviewer and think out loud.",
    ),
    (
        r"look (?:it |something |that |this |things )?up|google|search|docs|documentation"
        r"|stack ?overflow|internet",
        "Let's keep it closed-book, as most interviews are. Tell me what you'd look up and I'll "
        "fill in the detail.",
    ),
    (
        r"java|c\+\+|cpp|javascript|\bjs\b|typescript|\bgo\b|golang|rust|kotlin|swift|c#|ruby"
        r"|scala|another language|a different language",
        "This session runs Python only, so please write it in Python.",
    ),
    (r"python", "Yes, Python is what we're using."),
    (
        r"librar|import|numpy|heapq|collections|itertools|built[- ]?in|standard lib|counter"
        r"|ordereddict",
        "The standard library is fine — just tell me what each piece costs.",
    ),
    (
        r"how (?:long|much time)|time left|minutes|how long is",
        "We have about {remaining} minutes left.",
    ),
    (
        r"tests?\b|run (?:the |my )?code|f5|how do i run",
        "Yes — F5 runs your code against the tests, and I'd like to hear which cases you'd add.",
    ),
    (
        r"pseudo ?code",
        "Pseudocode is fine to plan with, but I'd like working Python in the end.",
    ),
    (
        r"start|begin|code|write",
        "Sure — go ahead whenever you're ready, and talk me through it as you go.",
    ),
)


def answer_questions(context: Context, reading: Reading) -> Turn:
    """One reply answering each question of the message in order."""
    answers: list[str] = []
    intents: list[Intent] = []
    for question in reading.questions:
        answer, intent = answer_one(context, question)
        if answer and answer not in answers:
            answers.append(answer)
            intents.append(intent)
    about = {question.about for question in reading.questions}
    phase = forward(context, "clarify") if about == {"problem"} else None
    if context.phase_at_least("approach"):
        phase = None
    more = ""
    if "interviewer" in about and context.phase_at_least("wrap_up") and not context.voice.cool:
        more = "Anything else you'd like to ask?"
    return Turn(
        intents[0] if intents else "clarification",
        join(*answers, more),
        phase=phase,
        phase_reason="clarifying questions",
    )


def answer_one(context: Context, question: Question) -> tuple[str, Intent]:
    """The words and intent answering one question."""
    if question.about == "problem":
        if question.clarification is not None:
            return question.clarification.answer, "clarification"
        if question.statement_line is not None:
            line = question.statement_line.rstrip(".")
            if CONSTRAINT.search(line):
                return f"The constraints give {line}.", "clarification"
            return f"The statement covers that: {line}.", "clarification"
        return unknown_answer(context), "clarification_unknown"
    if question.about == "interviewer":
        return interviewer_answer(context, question), "answer_question"
    if question.about == "meta":
        return meta_answer(context, question.text), "answer_meta"
    return code_answer(context, question.text), "answer_code"


def unknown_answer(context: Context) -> str:
    """A problem question neither the pack nor the statement answers."""
    voice = context.voice
    if voice.style.socratic:
        return voice.choose(
            (
                "The statement doesn't say — what would you assume? Tell me and we'll go with it.",
                "That's open; pick a reasonable assumption, say it, and carry on.",
            )
        )
    return voice.choose(
        (
            "The statement doesn't pin that down; make a reasonable assumption and note it.",
            "That's not specified — assume the simplest reasonable thing and tell me which.",
        )
    )


def questions_time(context: Context) -> bool:
    """The candidate's questions for the interviewer are welcome now (end of the interview)."""
    return context.phase_at_least("wrap_up") or (
        context.phase_at_least("follow_up") and context.next_follow_up() is None
    )


def interviewer_answer(context: Context, question: Question) -> str:
    """In character at the end; deferred before then."""
    if not questions_time(context):
        return context.voice.choose(LATER)
    if question.persona_answer is not None:
        return question.persona_answer.answer
    return context.persona.default_answer


def meta_answer(context: Context, text: str) -> str:
    """What MockLoop actually allows, in the interviewer's voice."""
    for pattern, answer in META_ANSWERS:
        if re.search(pattern, text):
            return context.voice.fill(answer)
    return "Sure, that's fine."


def code_answer(context: Context, text: str = "") -> str:
    """What the last run and the code on screen say, without fixing it for them."""
    run = context.state.last_run
    remark = context.voice.fresh(cost_remark(read_code(context.state.code)))
    if run is None:
        return join(
            "You haven't run it yet — press F5 and we'll look at what fails.",
            "Meanwhile, trace the first example through your code by hand.",
        )
    stale = "" if context.ran_current_code() else "(That was before your latest edits.)"
    statuses = {case.status for case in run.cases if case.status not in ("passed", "skipped")}
    suspects_logic = re.search(r"off[- ]by[- ]one|bug|wrong|bounds?|index", text) is not None
    if suspects_logic and statuses and statuses <= {"timeout", "memory"}:
        return join(
            stale,
            "Nothing in the results points to a wrong answer: every failing case runs out of time.",
            remark or "The question is how the work grows with the input.",
        )
    return join(run_summary(run), stale, failure_pointer(run, remark))


def run_summary(run: TestsRun) -> str:
    """'The last run: 15 of 18 pass; the large inputs time out.'"""
    if run.status == "passed":
        return f"The last run passed all {run.total}."
    failing = [case for case in run.cases if case.status not in ("passed", "skipped")]
    kinds = []
    if any(case.status in ("timeout", "memory") for case in failing):
        kinds.append("some inputs time out")
    if any(case.status == "error" for case in failing):
        kinds.append("some inputs raise an error")
    if any(case.status == "failed" for case in failing):
        kinds.append("some answers are wrong")
    detail = f"; {', '.join(kinds)}" if kinds else ""
    return f"The last run passed {run.passed} of {run.total}{detail}."


def failure_pointer(run: TestsRun, remark: str) -> str:
    """Where to look, by what failed — never the hidden input itself."""
    failing = [case for case in run.cases if case.status not in ("passed", "skipped")]
    visible = next((case for case in failing if case.visible and case.status == "failed"), None)
    if visible is not None:
        return (
            f"Start with {visible.name}: you return {visible.actual!r} where "
            f"{visible.expected!r} is expected. Trace it by hand, checking your loop bounds."
        )
    if any(case.status in ("timeout", "memory") for case in failing):
        return remark or "Think about how the work grows with the input size."
    if failing:
        return "Think about which kinds of input your code doesn't handle yet."
    return ""
