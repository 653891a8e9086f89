"""The offline interviewer's reactions to things other than chat: the opening, test runs,
coding starting, the clock (check-ins, checkpoints, time up) and the ending."""

from __future__ import annotations

import re

from mockloop.engine.phrasing import join
from mockloop.engine.turn import Context, Turn, forward
from mockloop.events import Intent, TestsRun
from mockloop.results import CaseResult

SILENCE_SECONDS = 120.0
CODE_BY_FRACTION = 0.4
MAX_UNANSWERED_CHECK_INS = 2
NUDGE_INTENTS = (
    "nudge_complexity",
    "nudge_termination",
    "nudge_error",
    "nudge_wrong_answer",
    "nudge_edge",
    "nudge_logic",
)


def opening_turn(context: Context) -> Turn:
    """Greet in character, explain the format and point at the problem on screen (once per
    session; the statement is already beside the chat, so it is not repeated)."""
    voice = context.voice
    if context.said("greeting"):
        voice.set_remaining(context.session.remaining())
        text = voice.choose(
            (
                "Welcome back. We'll pick up where we left off — about {remaining} minutes left.",
                "Good to have you back. You have roughly {remaining} minutes; carry on.",
            )
        )
        return Turn("welcome_back", text)
    problem = context.problem
    opening = join(voice.phrase("greeting", timeless=False), voice.phrase("format", timeless=False))
    # The persona's "present the problem" line already invites questions, so nothing is
    # added after it but where to look.
    pointer = f"It's **{problem.title}**, on your screen beside this chat."
    text = f"{opening}\n\n{join(voice.phrase('present_problem'), pointer)}"
    return Turn("greeting", text, phase="clarify", phase_reason="problem presented")


def started_coding_turn(context: Context) -> Turn | None:
    """The candidate started typing code: move to coding; ask for the plan if none was given."""
    if context.phase_at_least("code") or context.state.code == context.state.started.starter:
        return None
    if context.discussed_approach() is None and not context.said("ask_approach_first"):
        text = context.voice.choose(
            (
                "Before you get deep into the code, can you tell me your approach?",
                "I see you've started coding — talk me through the plan first?",
            )
        )
        return Turn("ask_approach_first", text, phase="code", phase_reason="started coding")
    return Turn("started_coding", "", phase="code", phase_reason="started coding")


def first_error(cases: list[CaseResult]) -> tuple[str, str]:
    """The exception of the first erroring case and its line, e.g. ("IndexError: ...", "7")."""
    for case in cases:
        if case.status == "error" and case.error:
            lines = case.error.strip().splitlines()
            numbers = re.findall(r"line (\d+)", case.error)
            return lines[-1].strip()[:80], numbers[-1] if numbers else ""
    return "", ""


def failure_key(run: TestsRun) -> tuple[str, ...]:
    """What failed, to notice the same failure twice in a row."""
    failing = sorted(
        f"{c.name}:{c.status}" for c in run.cases if c.status not in ("passed", "skipped")
    )
    return (run.status, *failing)


def repeated_failure(context: Context, run: TestsRun) -> bool:
    """The previous run failed the same way (and the interviewer nudged about it)."""
    runs = context.state.runs
    previous = runs[-2] if len(runs) >= 2 and runs[-1] is run else None
    if previous is None or previous.status == "passed":
        return False
    return failure_key(previous) == failure_key(run) and any(
        intent in NUDGE_INTENTS for intent in context.state.intents[-3:]
    )


def run_turn(context: Context, run: TestsRun) -> Turn:
    """React to a test run: congratulate and follow up, or nudge from what failed."""
    from mockloop.engine.followups import follow_up_or_wrap  # with the reading stack: not
    # needed for the greeting, which the first frame waits for

    voice = context.voice
    if run.status == "passed":
        preface = join(
            voice.choose(
                (
                    f"All {run.total} tests pass.",
                    f"{run.total} out of {run.total} — nice.",
                    f"Everything passes ({run.total}/{run.total}).",
                )
            )
        )
        turn = follow_up_or_wrap(context, preface=preface)
        if turn.phase is None and not context.phase_at_least("test"):
            turn.phase = "test"
        return turn
    if run.cases and all(case.status == "skipped" for case in run.cases):
        # Nothing ran: the module failed to load (syntax error, exception at import).
        text = join(
            voice.choose(
                (
                    "Your code didn't get as far as the first test.",
                    "None of the tests could run yet.",
                )
            ),
            run.message.strip(),
            voice.choose(("Fix that first, then run again.", "Take a look at that line.")),
        )
        return Turn(
            "nudge_load_error", text, phase=forward(context, "test"), phase_reason="testing"
        )
    intent, nudge = failure_nudge(context, run, repeated_failure(context, run))
    score = f"{run.passed} of {run.total} pass."
    return Turn(intent, join(score, nudge), phase=forward(context, "test"), phase_reason="testing")


def failure_nudge(context: Context, run: TestsRun, again: bool) -> tuple[Intent, str]:
    """The intent and words for what failed: slowness, an error, a visible example, or
    hidden edge cases; a more pointed version when the same failure comes back."""
    from mockloop.reading.code import cost_remark, read_code

    voice = context.voice
    failing = [case for case in run.cases if case.status not in ("passed", "skipped")]
    code = read_code(context.state.code)
    slow = [case for case in failing if case.status in ("timeout", "memory")]
    if slow:
        if all(case.category == "performance" for case in slow):
            remark = voice.fresh(cost_remark(code))
            if again:
                return "nudge_complexity", join(
                    "Still too slow on the large inputs.",
                    remark or "Where is the repeated work?",
                    "What could you keep from one step to the next so each element costs O(1)?",
                )
            plain = "The large inputs are too slow, so the complexity is the problem."
            asked = "How does your solution scale on a large input? What's its complexity?"
            return "nudge_complexity", join(plain if voice.direct else asked, remark)
        where = "example" if any(case.visible for case in slow) else "small input"
        text = f"A {where} never finishes, so a loop may not terminate."
        if again:
            text = join(text, "Check that every pass of each while loop moves something forward.")
        else:
            text = join(text, "What makes each loop stop?")
        return "nudge_termination", text
    error, line = first_error(failing)
    if error or run.status in ("error", "crashed"):
        at = f" at line {line}" if line else ""
        what = f"It raises {error}{at}" if error else "It crashes"
        if again:
            return "nudge_error", join(
                f"Same error again: {error or 'a crash'}{at}.",
                "Print the values used on that line just before it fails.",
            )
        return "nudge_error", f"{what} on some inputs. What could cause that?"
    visible = next((case for case in failing if case.visible), None)
    if visible is not None:
        given = f" for {', '.join(repr(a) for a in visible.args)}" if visible.args else ""
        if again:
            return "nudge_wrong_answer", join(
                f"{visible.name} still returns {visible.actual!r} instead of {visible.expected!r}.",
                "Step through it one iteration at a time and say the variables out loud.",
            )
        return "nudge_wrong_answer", (
            f"On {visible.name}{given} you return {visible.actual!r}, but {visible.expected!r} is "
            "expected. Can you trace it by hand?"
        )
    categories = {case.category for case in failing}
    if "edge" in categories:
        mentioned = " ".join(context.candidate_texts())
        untried = [edge for edge in context.problem.edge_cases if edge not in mentioned]
        edge = voice.choose(untried or context.problem.edge_cases or ["unusual inputs"])
        if again:
            return "nudge_edge", join(
                "The same hidden edge cases still fail.",
                f"Write down the smallest input involving {edge} and run it through by hand.",
            )
        plain = f"The examples pass, but some edge cases fail. Have you thought about {edge}?"
        asked = f"The examples pass, but not every edge case. What happens with {edge}?"
        return "nudge_edge", plain if voice.direct else asked
    if again:
        return "nudge_logic", "Same cases still fail. Pick a small input of your own and trace it."
    return "nudge_logic", "Some ordinary cases give wrong answers. Walk me through your logic?"


def tick_turn(context: Context) -> Turn | None:
    """Proactive speech: time up, the five-minute and half-way marks, long silences."""
    session = context.session
    voice = context.voice
    state = context.state
    if state.ended:
        return None
    budget = state.started.minutes * 60
    elapsed = session.elapsed()
    remaining = session.remaining()
    voice.set_remaining(remaining)
    if remaining <= 0:
        if context.said("time_up"):
            return None
        text = join("We're at time.", voice.phrase("wrap_up", timeless=False))
        return Turn("time_up", text, phase=forward(context, "wrap_up"), phase_reason="time")
    if remaining <= 300 and budget > 600 and not context.said("time_five"):
        text = voice.phrase("time_check", timeless=False)
        return Turn("time_five", text)
    if elapsed >= budget / 2 and not context.said("time_half") and not context.said("time_five"):
        text = join(voice.phrase("time_check", timeless=False), half_way_remark(context))
        return Turn("time_half", text)
    if (
        elapsed >= budget * CODE_BY_FRACTION
        and not context.phase_at_least("code")
        and not context.said("push_to_code")
    ):
        text = voice.choose(
            (
                "Let's make sure we get some code written — go with your best idea so far.",
                "In the interest of time, start coding the approach you have.",
            )
        )
        return Turn("push_to_code", text, phase="code", phase_reason="time")
    last_interviewer = max(
        (event.t for event in session.events if event.kind == "interviewer_said"), default=0.0
    )
    quiet_since = max(state.last_candidate_t, last_interviewer)
    unanswered = unanswered_check_ins(context)
    wait = SILENCE_SECONDS * (1 + unanswered)
    if (
        elapsed - quiet_since >= wait
        and unanswered < MAX_UNANSWERED_CHECK_INS
        and not context.phase_at_least("wrap_up")
    ):
        offer = ""
        coding = not context.phase_at_least("follow_up")
        if unanswered and coding and context.next_hint_rung() is not None:
            offer = "Would a hint help?"
        if not coding:
            question = voice.choose(
                (
                    "Any thoughts on that one? Thinking out loud is fine, or say if you'd rather "
                    "skip it.",
                    "Take your time — what's your first instinct on that question?",
                )
            )
            return Turn("check_in", question)
        return Turn("check_in", join(voice.phrase("check_in"), offer))
    return None


def unanswered_check_ins(context: Context) -> int:
    """Check-ins since the candidate last said, typed or ran anything."""
    since = context.state.last_candidate_t
    return sum(
        1
        for event in context.session.events
        if event.t >= since
        and event.kind == "interviewer_said"
        and getattr(event.payload, "intent", "") == "check_in"
    )


def ending_turn(context: Context) -> Turn:
    """Say goodbye in character."""
    voice = context.voice
    return Turn(
        "closing",
        voice.phrase("closing"),
        phase=forward(context, "wrap_up"),
        phase_reason="ending",
    )


def half_way_remark(context: Context) -> str:
    """What the half-way time check adds, from where the candidate is (the time itself is
    said by the check: "half-way" as well would say it twice)."""
    if not context.phase_at_least("code"):
        return "It's a good moment to start on the code."
    if not context.state.runs:
        return "Try to have it running before long."
    return ""
