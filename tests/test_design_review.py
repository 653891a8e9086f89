"""What a candidate and an interviewer reading a design round's transcript and report would
wince at, pinned by scripted candidates (design_candidates_chat.py) and small logs: the
interviewer answers what was asked, follows the candidate's chosen deep dive, takes a
corrected number, asks why about a bare technology instead of agreeing; the reading knows
shorthand and "per box"; the report's caps, habits and communication notes say what held
the candidate down.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from design_candidates import CANDIDATES as URL_SHORTENER
from design_candidates_chat import CANDIDATES as CHAT

from mockloop.catalog import load_design
from mockloop.coverage import cover
from mockloop.events import CandidateSaid, CodeSnapshot, Event
from mockloop.simulation import SimulationResult, parse_script, simulate

ROOT = Path(__file__).resolve().parent.parent
CHAT_PROMPT = load_design(ROOT / "problems" / "system-design" / "chat-messaging.yaml")
BY_NAME = {c.name: c for c in [*URL_SHORTENER, *CHAT]}
PLAYED: dict[str, SimulationResult] = {}


@pytest.fixture
def play(mockloop_home: Path):  # type: ignore[no-untyped-def]
    async def played(name: str) -> SimulationResult:
        if name not in PLAYED:
            PLAYED[name] = await simulate(parse_script(BY_NAME[name].script()))
        return PLAYED[name]

    return played


def transcript(result: SimulationResult) -> list[tuple[str, str]]:
    """(who, text) for each line of the report's transcript."""
    body = result.markdown.split("## Transcript", 1)[1]
    lines = []
    for line in body.splitlines():
        if line.startswith("- **"):
            who = "you" if "You** (" in line else "interviewer"
            lines.append((who, line.split("): ", 1)[1]))
        elif lines and line.startswith("  "):
            lines[-1] = (lines[-1][0], f"{lines[-1][1]} {line.strip()}")
    return lines


def reply_to(result: SimulationResult, fragment: str) -> str:
    """The interviewer's reply to the candidate's message containing `fragment`."""
    lines = transcript(result)
    for index, (who, text) in enumerate(lines):
        if who == "you" and fragment in text:
            return lines[index + 1][1]
    raise AssertionError(f"no message with {fragment!r}")


async def test_right_numbers_written_with_a_per_box_ratio_are_not_challenged(play) -> None:  # type: ignore[no-untyped-def]
    result = await play("chat_staff_top_down")
    assert not any("Let me check one number" in text for _, text in transcript(result))
    assert result.dimensions["requirements"] >= 3.5
    assert result.verdict == "Strong Hire"


async def test_each_scoping_question_gets_its_own_answer_once(play) -> None:  # type: ignore[no-untyped-def]
    result = await play("chat_staff_top_down")
    scope = reply_to(result, "How big can a group get?")
    assert "Groups of up to 200 members" in scope and "phone and a laptop" in scope
    assert "100 bytes" not in scope  # "how big can a group get" is not about message size
    users = reply_to(result, "how many daily active users")
    assert users.index("100 million") < users.index("40 messages")  # in the order asked
    size = reply_to(result, "How big is a message")
    assert "100 bytes" in size and "30 percent" in size
    assert "100 million" not in size  # given already


async def test_the_interviewer_follows_the_deep_dive_the_candidate_chose(play) -> None:  # type: ignore[no-untyped-def]
    result = await play("chat_staff_top_down")
    reply = reply_to(result, "I'll start with routing")
    assert reply == "Sounds good: take me through the connection handling and routing."


async def test_a_corrected_estimate_is_taken_not_challenged_again(play) -> None:  # type: ignore[no-untyped-def]
    result = await play("chat_estimates_fixed")
    assert "1,000× too low" in reply_to(result, "around 46 messages a second")
    reply = reply_to(result, "I dropped the thousands")
    assert "Let me check" not in reply and "46k a second is about what I get too" in reply
    assert "Messages sent per second on average was right only after a challenge" in (
        result.markdown
    )


async def test_terse_shorthand_notes_are_read_as_what_they_say(play) -> None:  # type: ignore[no-untyped-def]
    result = await play("chat_terse_strong")
    said = [text for who, text in transcript(result) if who == "interviewer"]
    assert not any("sketch the main components" in text for text in said)
    assert not any("What do you store, and how is it keyed?" in text for text in said)
    assert "components justified: gateway, websocket, cassandra" in result.markdown
    assert result.dimensions["high_level_design"] >= 3.0
    groups = reply_to(result, "groups? max size?")
    assert "Groups of up to 200 members" in groups


async def test_a_bare_technology_gets_a_why_not_agreement(play) -> None:  # type: ignore[no-untyped-def]
    result = await play("buzzwords")
    reply = reply_to(result, "redis makes it fast")
    assert reply.startswith("Why sharding?")
    result = await play("thorough_staff")
    assert not any(text.startswith("Why") for _, text in transcript(result))
    result = await play("chat_staff_top_down")  # "that drives a gateway tier of 300 boxes"
    assert not any(text.startswith("Why") for _, text in transcript(result))
    result = await play("chat_buzzwords")
    assert reply_to(result, "Kafka handles the ordering").startswith("Why kafka?")


async def test_asking_for_the_answer_is_handed_back_and_scope_questions_answered(play) -> None:  # type: ignore[no-untyped-def]
    result = await play("chat_asks_to_pick")
    assert "text messages between two people" in reply_to(result, "main features")
    for fragment in ("ideal design", "Which one would you pick", "what database"):
        reply = reply_to(result, fragment)
        assert "assumption" not in reply, fragment
    ordering = reply_to(result, "What would you do about ordering?")
    assert "same order" in ordering and "your decision" in ordering


async def test_the_report_says_what_held_an_unsized_design_down(play) -> None:  # type: ignore[no-untyped-def]
    result = await play("no_estimates")
    report = result.markdown
    assert "Cap: at most 3.00 because the components were sized without the right numbers" in (
        report
    )
    assert "Cap: at most 2.00 because the components were sized" not in report
    habits = report.split("Habits to practise:", 1)[1].split("Problems from the bank", 1)[0]
    assert "Size it before you draw" in habits
    assert "Spend the first five minutes on requirements" not in habits  # they did that
    assert "Give every box a reason" not in habits  # every box had one
    assert "asked for numbers; it never came" in report
    assert "**Requirements and scoping**: the system was never sized" in report


async def test_ignoring_the_interviewer_is_not_credited_as_driving(play) -> None:  # type: ignore[no-untyped-def]
    result = await play("buzzwords")
    report = result.markdown
    assert "reached 1 of 1 checkpoints" not in report
    assert "reached 1 of 3 checkpoints before being asked for them" in report
    assert "worked through the phases in order" not in report
    result = await play("estimates_off_1000x")
    assert "challenged on links created per second on average; the number never changed" in (
        result.markdown
    )


def test_requirements_and_api_words_are_not_deep_dive_depth() -> None:
    notes = (
        "## Requirements\n- ordering within a conversation, every message acked, no loss\n"
        "- sequence per chat; partition tolerant\n"
        "## API\n- send over websocket, gateway acks with a sequence, routing by user\n"
    )
    state = cover(CHAT_PROMPT, [Event(seq=1, t=60.0, payload=CodeSnapshot.of(notes, "idle"))])
    assert max(state.dives) < 4 and not state.covered("deep_dive")


def test_a_partition_key_is_not_a_failure_mode_but_a_network_partition_is() -> None:
    def raised(text: str) -> int:
        return cover(
            CHAT_PROMPT, [Event(seq=1, t=60.0, payload=CandidateSaid(text=text))]
        ).failure_raised

    assert raised("messages use conversation_id as the partition key") == 0
    assert raised("during a network partition the minority side stops acking") == 1


def test_hollow_reasons_do_not_justify_a_component() -> None:
    said = "Kafka for all the messages, Redis everywhere for speed and Cassandra since it scales."
    state = cover(CHAT_PROMPT, [Event(seq=1, t=60.0, payload=CandidateSaid(text=said))])
    assert state.components == {"redis": False, "kafka": False, "cassandra": False}
    weighed = "cassandra vs sql: 46k writes/s, no joins needed"
    state = cover(CHAT_PROMPT, [Event(seq=1, t=60.0, payload=CandidateSaid(text=weighed))])
    assert state.components == {"cassandra": True}


def test_a_component_in_a_question_is_neither_named_nor_justified() -> None:
    asked = "what database would you use for the messages, sql or cassandra?"
    state = cover(CHAT_PROMPT, [Event(seq=1, t=60.0, payload=CandidateSaid(text=asked))])
    assert state.components == {}
