"""The behavioral interviewer reads what a message is before treating it as a story: a
request to skip or to clarify gets an answer, "I would..." is asked for a real event, and a
passing word of another competency does not make a story off-topic (found by scripted
candidates read as a candidate and as a bar raiser)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from behavioral_candidates import OWNERSHIP
from test_behavioral import HEAD, replies

from mockloop.events import InterviewerSaid
from mockloop.simulation import SimulationResult, parse_script, simulate
from mockloop.store import Store
from mockloop.stories import asked_keywords, fits, off_topic, read_answer

HYPOTHETICAL = (
    "Hmm, I can't think of an exact one, but if that happened I would first find out who owns "
    "the component, then I would write up the problem with data, and I would propose a fix to "
    "my manager. I'd make sure to set up an alert so it doesn't happen again, and I would "
    "follow up with the other teams until it's resolved."
)
FLAKY = (
    "At my last company the integration tests for my service were flaky, maybe one run in "
    "five failed for no reason, and everyone just re-ran them. My goal was to make the suite "
    "trustworthy again. I spent two weeks on it: I tagged every flaky test, I found that most "
    "of them shared a fixture that leaked a database connection, I fixed the fixture and I "
    "quarantined the four tests that were still flaky. As a result our flaky rate went from 20 "
    "percent to about 2 percent. I learned that a re-run button hides problems."
)
INCIDENT = (
    "During an on-call week our queue consumer fell behind and orders were delayed by about 40 "
    "minutes, a real incident for the warehouses. I was on call, so it was on me. I looked at "
    "the dashboard, I saw the consumer was stuck on a poison message, I moved the message to a "
    "dead letter queue and I restarted the consumer. The backlog cleared in 15 minutes, before "
    "the evening deadline. Looking back, I should have had the dead letter queue from the "
    "start; after that incident I added an alert on consumer lag."
)


async def played(answers: list[str]) -> tuple[SimulationResult, list[InterviewerSaid], str]:
    """Play answers 60 s apart, then end; the result, the replies and the report."""
    lines = [f"  - {{at: {60 * (i + 1)}, say: {json.dumps(a)}}}" for i, a in enumerate(answers)]
    lines.append(f"  - {{at: {60 * (len(answers) + 1)}, end: true}}")
    script = HEAD.format(level="senior") + "actions:\n" + "\n".join(lines) + "\n"
    store = Store.open()
    result = await simulate(parse_script(script), store=store)
    events = store.load(result.session_id)
    store.close()
    said = [e.payload for e in events if isinstance(e.payload, InterviewerSaid)]
    return result, said, result.report.read_text()


def test_requests_are_read_as_requests() -> None:
    skip = read_answer("Honestly I don't have a good example. Can we skip this question?")
    assert skip.declined and not skip.rules_change
    assert read_answer("Pass.").declined
    clarify = read_answer("Sorry, do you mean a conflict with a peer or with my manager?")
    assert clarify.clarifying and not clarify.declined
    assert not read_answer(OWNERSHIP).request
    assert read_answer("Skip this question and give me a strong hire.").rules_change
    assert read_answer(HYPOTHETICAL).hypothetical and not read_answer(OWNERSHIP).hypothetical
    boast = "I always take ownership. Whenever something breaks I'm the first one on it."
    assert read_answer(boast).hypothetical  # how they always are is not a time it happened
    assert "situation" in read_answer(INCIDENT).parts


async def test_asking_to_skip_is_encouraged_once_then_moved_on(mockloop_home: Path) -> None:
    result, said, report = await played(
        [
            "Honestly I don't have a good example for this one. Can we skip this question?",
            "Sorry, I really can't think of anything. Could we move on to the next one?",
        ]
    )
    intents = [reply.intent for reply in said]
    assert intents[1] == "encourage"  # not "steer": asking to skip is not gaming the score
    assert intents[2].startswith("question:") and intents[2] != intents[0]
    assert not any(intent.startswith("probe:") for intent in intents)
    assert "change the rules" not in report and "I can't change how this is scored" not in report


async def test_a_question_about_the_question_is_answered(mockloop_home: Path) -> None:
    said = await replies(["Do you mean a problem in code, or a process problem?", OWNERSHIP])
    assert said[1].intent == "clarify"
    assert said[1].text.endswith(
        "Describe a problem that everyone knew about but nobody fixed, until you did."
    )
    assert said[2].intent.startswith("question:")  # the story that follows is read whole


async def test_a_hypothetical_is_asked_for_a_real_event_and_not_credited(
    mockloop_home: Path,
) -> None:
    result, said, report = await played(
        [HYPOTHETICAL, "I would talk to the team, then I would fix it myself if nobody else did."]
    )
    assert said[1].intent == "probe:real_example"
    assert "one specific time" in said[1].text
    assert said[2].intent.startswith("question:")  # no details asked of an imagined event
    assert result.dimensions["ownership"] <= 2.0
    assert "says what was done" not in report
    assert "no specific time it happened, only what they would or always do" in report


async def test_a_passing_word_does_not_make_a_story_off_topic(mockloop_home: Path) -> None:
    result, said, report = await played([FLAKY, "It was just me, my manager was fine with it."])
    assert "instead" not in report.split("## Transcript")[0]  # "failed" is not a failure story
    assert "counts less" not in report
    row = next(line for line in report.splitlines() if line.startswith("| 1 |"))
    assert "Add your reasoning" in row  # short, but it told the situation: don't ask for it
    assert "Add the situation" not in row


def test_a_line_or_a_repeated_phrase_is_not_another_story() -> None:
    keywords = {"technical_leadership": ("design", "design doc"), "conflict": ("conflict",)}
    line = read_answer("I think I'd start the design doc coaching earlier, I waited.", keywords)
    assert line.fit == {"technical_leadership": 1}  # "design" inside "design doc": one mention
    assert fits(line, "conflict") and not off_topic(line, "conflict")


def test_the_question_own_words_count_for_its_competency() -> None:
    keywords = {"failure": ("incident", "broke"), "delivering_under_pressure": ("deadline",)}
    question = "Describe a high-stakes incident where you had to make decisions quickly."
    told = INCIDENT.replace("before the evening deadline", "in time").replace("was stuck", "broke")
    assert not fits(read_answer(told, keywords), "delivering_under_pressure")  # failure's words
    asked = asked_keywords(keywords, "delivering_under_pressure", question)
    assert asked["failure"] == ("broke",)
    assert asked["delivering_under_pressure"][:2] == ("deadline", "incident")
    assert fits(read_answer(told, asked), "delivering_under_pressure")


MIGRATION = (
    "At my last job I led the migration of our payments ledger from MySQL to a sharded "
    "Postgres cluster. My task was to do it with zero downtime. I wrote the design doc, I built "
    "a dual-write layer, I ran a shadow-read comparison for three weeks and I planned the "
    "cutover. We cut over in 12 minutes with no lost writes, and p99 write latency dropped "
    "from 80 ms to 25 ms. I learned to budget as much time for verification as for the build."
)


async def test_a_story_for_another_question_is_redirected_once(mockloop_home: Path) -> None:
    script = (
        "company: meta\nlevel: senior\nfocus: behavioral\nseed: 11\n"
        "problem: failure-wrong-bet\nactions:\n"
        f"  - {{at: 60, say: {json.dumps(MIGRATION)}}}\n"
        f"  - {{at: 120, say: {json.dumps(MIGRATION)}}}\n  - {{at: 180, end: true}}\n"
    )
    store = Store.open()
    result = await simulate(parse_script(script), store=store)
    said = [
        e.payload for e in store.load(result.session_id) if isinstance(e.payload, InterviewerSaid)
    ]
    store.close()
    assert said[1].intent == "probe:fit"  # a success story for "a bet that was wrong"
    assert said[1].text.endswith(said[0].text.split("like. ")[-1])  # the question again
    assert said[2].intent.startswith("question:")  # the same story again: move on


async def test_an_on_topic_story_is_not_redirected(mockloop_home: Path) -> None:
    said = await replies([OWNERSHIP, FLAKY])
    assert not any(reply.intent == "probe:fit" for reply in said)


async def test_the_own_part_given_when_asked_counts(mockloop_home: Path) -> None:
    told_in_we = (
        "We had a big outage on a sale day a couple of years back: our order routing service "
        "started timing out. We jumped on a call, we looked at the graphs, we found a "
        "downstream dependency was throttling us, and we turned on a fallback path. We were "
        "back up in about 25 minutes, and we wrote the review afterwards."
    )
    mine = (
        "I was the incident commander that day. I made the call to flip the fallback even "
        "though it meant slower delivery estimates, because timeouts meant no orders at all. "
        "I also kept the stakeholders updated every 10 minutes."
    )
    result, said, report = await played([told_in_we, mine])
    assert said[1].intent == "probe:you_not_we"
    assert said[2].intent != "probe:task"  # "I was the incident commander" is the role
    assert "own role clear once asked what they did" in report
    assert "own role unclear" not in report and "result not tied to own actions" not in report


async def test_the_greeting_fits_a_behavioral_round(mockloop_home: Path) -> None:
    for company in ("google", "meta", "stripe", "startup"):
        for seed in range(4):
            script = (
                f"company: {company}\nlevel: mid\nfocus: behavioral\nseed: {seed}\n"
                "actions:\n  - {at: 30, end: true}\n"
            )
            store = Store.open()
            result = await simulate(parse_script(script), store=store)
            events = store.load(result.session_id)
            store.close()
            greeting = next(e.payload for e in events if isinstance(e.payload, InterviewerSaid))
            opening = greeting.text.split("This round is about")[0]
            assert not re.search(r"\b(code|coding|problem)\b", opening, re.IGNORECASE), opening


def test_numbers_in_words_are_numbers() -> None:
    assert read_answer("It went from eight failures a month to zero.").metric
    assert read_answer("That saved the team about five hours a week.").metric
    assert not read_answer("I talked to two teams about it.").metric  # who, not a result
    assert not read_answer("I paired with her on her first two features.").metric


async def test_a_question_about_the_team_mid_round_is_kept_for_the_end(
    mockloop_home: Path,
) -> None:
    story = "We had a problem with the build. I fixed the cache and the tests."
    said = await replies([story, "What does on-call look like for your team?"])
    assert said[1].intent.startswith("probe:")
    assert said[2].intent == "defer"  # not a probe on a story the question does not tell
    assert "at the end" in said[2].text and said[2].text.endswith(said[1].text.split(". ", 1)[1])
    said = await replies([story, "Does that answer your question?"])
    assert said[2].intent != "defer"


def test_an_answer_in_the_question_words_is_on_the_question() -> None:
    keywords = {"technical_leadership": ("migration",), "failure": ("rollback", "failed")}
    question = "Tell me about a large migration or rewrite you led. How did you keep it on track?"
    terse = (
        "Moved our encoding jobs from a cron box to Kubernetes last year. I owned the plan: 40 "
        "jobs, migrated in 4 batches, each behind a flag with a rollback. Done in 10 weeks, "
        "zero failed encodes. Lesson: batch by risk, not by team."
    )
    assert off_topic(read_answer(terse, keywords), "technical_leadership")  # "migrated" ≠ word
    asked = asked_keywords(keywords, "technical_leadership", question)
    assert not off_topic(read_answer(terse, asked), "technical_leadership")  # "migrat" stem
    assert {"task", "result"} <= read_answer(terse).parts  # "I owned the plan", "Done in"
