"""The offline interviewer's reactions to things other than chat: the opening, test runs,
coding starting, the clock (check-ins, checkpoints, time up) and the ending."""

from __future__ import annotations

from mockloop.engine.dialogue import follow_up_or_wrap
from mockloop.engine.phrasing import join
from mockloop.engine.turn import Context, Turn, forward
from mockloop.events import TestsRun
from mockloop.results import CaseResult

SILENCE_SECONDS = 120.0
CODE_BY_FRACTION = 0.4


def opening_turn(context: Context) -> Turn:
    """Greet in character, explain the format and present the problem (once per session)."""
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
    opening = join(
        voice.phrase("greeting"), voice.phrase("format"), voice.phrase("present_problem")
    )
    invite = voice.choose(
        (
            "Take a moment, and ask me anything that's unclear.",
            "Feel free to ask clarifying questions before you start.",
            "Questions first, if you have any.",
        )
    )
    text = f"{opening}\n\n**{problem.title}**\n\n{problem.statement.strip()}\n\n{invite}"
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
    return Turn("", "", phase="code", phase_reason="started coding")


def first_error(cases: list[CaseResult]) -> str:
    """The exception type of the first erroring case, e.g. `IndexError`, or ''."""
    for case in cases:
        if case.status == "error" and case.error:
            last_line = case.error.strip().splitlines()[-1]
            return last_line.split(":", 1)[0].strip()[:40]
    return ""


def run_turn(context: Context, run: TestsRun) -> Turn:
    """React to a test run: congratulate and follow up, or nudge from what failed."""
    voice = context.voice
    if run.status == "passed":
        preface = join(
            voice.choose(
                (
                    f"All {run.total} tests pass.",
                    f"{run.total} out of {run.total} — nice.",
                    f"Everything passes ({run.total}/{run.total}).",
                )
            ),
            voice.maybe_encourage(),
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
    failing = [case for case in run.cases if case.status not in ("passed", "skipped")]
    categories = {case.category for case in failing}
    score = f"{run.passed} of {run.total} pass."
    visible_failure = next((case for case in failing if case.visible), None)
    slow = run.status in ("timeout", "memory") or any(
        case.status in ("timeout", "memory") for case in failing
    )
    if slow and categories <= {"performance"}:
        plain = "The large inputs are too slow, so the complexity is the problem."
        asked = "How does your solution scale on a large input? What's its complexity?"
        nudge = join(score, plain if voice.direct else asked)
        intent = "nudge_complexity"
    elif run.status in ("error", "crashed") or first_error(failing):
        error = first_error(failing)
        what = f"It raises {error}" if error else "It crashes"
        nudge = join(score, f"{what} on some inputs. What could cause that?")
        intent = "nudge_error"
    elif visible_failure is not None:
        nudge = join(
            score,
            f"Example '{visible_failure.name}' returns {visible_failure.actual!r} but "
            f"{visible_failure.expected!r} is expected. Can you trace it by hand?",
        )
        intent = "nudge_wrong_answer"
    elif "edge" in categories:
        mentioned = " ".join(context.candidate_texts())
        untried = [edge for edge in context.problem.edge_cases if edge not in mentioned]
        edge = voice.choose(untried or context.problem.edge_cases or ["unusual inputs"])
        plain = f"Some edge cases fail. Have you thought about inputs involving {edge}?"
        asked = f"What happens with inputs involving {edge}?"
        nudge = join(score, plain if voice.direct else asked)
        intent = "nudge_edge"
    else:
        nudge = join(score, "Some ordinary cases give wrong answers. Walk me through your logic?")
        intent = "nudge_wrong_answer"
    # The persona's generic "nudge" phrases are about the approach, not a failing run, so the
    # reaction speaks from the result alone.
    return Turn(intent, nudge, phase=forward(context, "test"), phase_reason="testing")


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
        text = join(
            "We're at time.",
            voice.phrase("wrap_up"),
        )
        return Turn("time_up", text, phase=forward(context, "wrap_up"), phase_reason="time")
    if remaining <= 300 and budget > 600 and not context.said("time_five"):
        text = voice.phrase("time_check")
        return Turn("time_five", text)
    if elapsed >= budget / 2 and not context.said("time_half") and not context.said("time_five"):
        text = join(voice.phrase("time_check"), "We're about half-way through.")
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
    if elapsed - quiet_since >= SILENCE_SECONDS and not context.phase_at_least("wrap_up"):
        offer = ""
        if context.last_intent() == "check_in" and context.next_hint_rung() is not None:
            offer = "Would a hint help?"
        return Turn("check_in", join(voice.phrase("check_in"), offer))
    return None


def ending_turn(context: Context) -> Turn:
    """Say goodbye in character."""
    voice = context.voice
    return Turn(
        "closing",
        voice.phrase("closing"),
        phase=forward(context, "wrap_up"),
        phase_reason="ending",
    )
