"""The chat and design rounds on screen: the header names each round's own phases (never
the coding ones), and a chat-only round gives the conversation the wide column."""

from __future__ import annotations

from pathlib import Path

from scoring_support import log

from mockloop.events import InterviewerSaid, SessionEnded
from mockloop.interviews import catalog, interview_type
from mockloop.planning import plan_interview

ONE_LINE = "I talked to him and we sorted it out."


async def test_the_header_counts_questions_and_the_chat_takes_the_wide_column(
    mockloop_home: Path,
) -> None:
    from test_tui_support import round_interview, settled
    from textual.widgets import Input, Static

    from mockloop.tui.app import InterviewApp
    from mockloop.tui.widgets.chat import ChatPanel

    interview = round_interview(
        "amazon", "senior", "behavioral", OPENING, seed=7, session_id="header"
    )
    total = interview.conductor.round.persona.behavioral.questions["senior"]  # type: ignore[union-attr]
    app = InterviewApp(interview)
    async with app.run_test(size=(120, 36)) as pilot:
        await settled(app, pilot)
        screen = app.screen
        assert str(screen.query_one("#phase", Static).render()) == f"Phase: Question 1 of {total}"
        assert screen.query_one(ChatPanel).size.width > screen.query_one("#left").size.width
        screen.query_one("#message", Input).value = ONE_LINE
        screen.query_one("#message", Input).focus()
        await pilot.press("enter")
        await settled(app, pilot)
        assert "Introduction" not in str(screen.query_one("#phase", Static).render())


OPENING = "conflict-peer-design-review"


def test_the_behavioral_phase_follows_the_questions_then_the_wrap_up() -> None:
    plan = plan_interview(
        catalog(), "amazon", "mid", focus="behavioral", problem_slug=OPENING, seed=7
    )
    total = plan.persona.behavioral.questions["mid"]  # type: ignore[union-attr]
    kind = interview_type("behavioral")

    def said(intent: str) -> InterviewerSaid:
        return InterviewerSaid(text="...", intent=intent, engine="offline")

    steps = [(30, said("greeting")), (60, said(f"question:{OPENING}")), (200, said("probe:r"))]
    steps += [(400, said("question:other")), (1500, said("wrap_up"))]
    events = log(plan.started, [*steps, (1700, SessionEnded(reason="time"))])
    phases = [kind.phase_words(plan.pack, events[:n], 0, "intro") for n in (1, 3, 4, 5, 6, 7)]
    assert phases == [
        "Introduction",
        f"Question 1 of {total}",
        f"Question 1 of {total}",
        f"Question 2 of {total}",
        "Your questions",
        "Ended",
    ]


def test_the_design_header_follows_the_clock_through_the_design_phases() -> None:
    from mockloop.coverage import phase_start

    plan = plan_interview(
        catalog(), "google", "senior", focus="system-design", problem_slug="url-shortener", seed=3
    )
    kind = interview_type("system-design")
    rules = plan.rubric.design_evidence
    assert rules is not None
    minutes = plan.started.minutes
    events = log(plan.started, [(60, InterviewerSaid(text="...", intent="x", engine="offline"))])
    deep_dive = phase_start("deep_dive", minutes, rules)
    wrap_up = phase_start("wrap_up", minutes, rules)
    at = [0.0, deep_dive - 1, deep_dive + 1, wrap_up + 1]
    assert [kind.phase_words(plan.pack, events, t, "intro") for t in at] == [
        "Requirements",
        "High-level design",
        "Deep dive",
        "Wrap-up",
    ]
    ended = log(plan.started, [(60, SessionEnded(reason="candidate"))])
    assert kind.phase_words(plan.pack, ended, 60, "intro") == "Ended"
    coding = interview_type("coding")
    assert coding.phase_words(None, events, 60, "clarify") == "clarify"
