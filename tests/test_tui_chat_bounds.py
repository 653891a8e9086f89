"""Pilot tests of the chat input under pressure: fast typing after Enter, huge pastes.

Keys are posted the way the terminal driver posts them (all at once, without waiting for
each to be handled), which is how a fast typist or a paste sent as keystrokes arrives.
"""

from __future__ import annotations

from test_tui import SIZE, settle
from test_tui_support import make_interview
from textual import events
from textual.widgets import Input

from mockloop.tui.app import InterviewApp
from mockloop.tui.widgets.chat import MESSAGE_LIMIT, SHOWN_LIMIT, CandidateMessage


def type_keys(app: InterviewApp, keys: list[str]) -> None:
    """Post key events back to back, as the driver does when they arrive together."""
    for key in keys:
        character = {"enter": "\r", "space": " "}.get(key, key)
        app.post_message(events.Key(key, character))


def said(app: InterviewApp) -> list[str]:
    interview = app.interview
    assert interview is not None
    return [
        event.payload.text for event in interview.session.events if event.kind == "candidate_said"
    ]  # type: ignore[union-attr]


def message_input(app: InterviewApp) -> Input:
    return app.screen.query_one("#message", Input)


async def test_words_typed_right_after_enter_start_the_next_message() -> None:
    app = InterviewApp(make_interview())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        type_keys(app, [*"hello", "enter", *"world"])
        await settle(app, pilot)
        assert said(app) == ["hello"]
        assert message_input(app).value == "world"


async def test_a_huge_paste_is_cut_to_one_message_and_the_candidate_is_told() -> None:
    app = InterviewApp(make_interview())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        app.post_message(events.Paste("first line\nsecond line\n" + "x" * 100_000))
        await settle(app, pilot)
        value = message_input(app).value
        assert len(value) == MESSAGE_LIMIT
        assert value.startswith("first line second line ")  # no line is silently dropped
        assert any("at most" in str(note.message) for note in app._notifications)
        await pilot.press("enter")
        await settle(app, pilot)
        assert [len(text) for text in said(app)] == [MESSAGE_LIMIT]


async def test_keys_past_the_limit_are_dropped_and_told_once() -> None:
    app = InterviewApp(make_interview())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        message_input(app).value = "y" * (MESSAGE_LIMIT - 5)
        message_input(app).cursor_position = MESSAGE_LIMIT - 5
        type_keys(app, list("abcdefghijklmnopqrstuvwxyz"))
        await settle(app, pilot)
        assert message_input(app).value == "y" * (MESSAGE_LIMIT - 5) + "abcde"
        warnings = [note for note in app._notifications if "at most" in str(note.message)]
        assert len(warnings) == 1


async def test_a_long_message_is_drawn_short_but_logged_whole() -> None:
    app = InterviewApp(make_interview())
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await pilot.press("f6")
        message_input(app).value = "word " * 700
        await pilot.press("enter")
        await settle(app, pilot)
        [logged] = said(app)
        assert len(logged) == len(("word " * 700).strip())
        drawn = str(app.screen.query_one(CandidateMessage).render())
        assert len(drawn) < SHOWN_LIMIT + 100
        assert "more characters (kept in the log)" in drawn
