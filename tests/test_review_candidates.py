"""Seven scripted coding candidates read as a candidate and as an interviewer would: each
test pins what made one of them wince (a reply or an evidence line) and the verdict."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path

from mockloop.simulation import SimulationResult, load_script, simulate

SCRIPTS = Path(__file__).parent / "scripts"
LINE = re.compile(r"^- \*\*(\d\d:\d\d) (Interviewer|You)\*\* \(#\d+\): (.*)$")


def run(name: str) -> SimulationResult:
    return asyncio.run(simulate(load_script(SCRIPTS / f"review_{name}.yaml")))


def conversation(markdown: str) -> list[tuple[str, str]]:
    """(speaker, text) of every chat line in the report's transcript, in order."""
    lines = markdown.split("### Conversation", 1)[1].splitlines()
    return [(m.group(2), m.group(3)) for line in lines if (m := LINE.match(line))]


def reply_to(markdown: str, candidate_text: str) -> str:
    """The interviewer's first line after the candidate said `candidate_text`."""
    chat = conversation(markdown)
    index = next(i for i, (who, text) in enumerate(chat) if who == "You" and candidate_text in text)
    return next(text for who, text in chat[index + 1 :] if who == "Interviewer")


def test_a_terse_staff_candidate_gets_bounds_from_the_constraints_and_a_clean_close():
    result = run("staff_terse")
    markdown = result.markdown
    # Was: "The statement doesn't say — what would you assume?" (it says 1 <= capacity).
    assert "1 \\<= capacity \\<= 50_000" in reply_to(markdown, "capacity >= 1?")
    # Was: "Let's park that for now and get back to the algorithm." / "What would you like
    # to ask me?" after the candidate said they had no questions.
    # Was: "How would that work concretely?" to a terse but right answer ('freq' is
    # 'frequency').
    assert "concretely" not in reply_to(markdown, "freq per key")
    closing = reply_to(markdown, "no questions, thanks.")
    assert "algorithm" not in closing and "ask me" not in closing
    # O(1) per call grows as O(n) over n calls: never held against the claim.
    assert "Claimed O(1) time, but" not in markdown
    if "Claimed O(1) time; the final code measured" in markdown:  # measured unless starved
        assert "over n calls" in markdown
    assert result.verdict in ("Lean Hire", "Hire")


def test_asking_for_the_answer_is_refused_or_nudged_and_never_counts_as_clarifying():
    result = run("asks_answer")
    markdown = result.markdown
    assert "Doing well" not in reply_to(markdown, "hi")  # nobody asked how they were
    nudge = reply_to(markdown, "what data structure should i use")
    assert "closing bracket" in nudge  # the first hint, not "Let's refocus"
    answer = reply_to(markdown, "what's the answer then?")
    assert "statement doesn't say" not in answer and "solution" in answer
    assert "Asked before coding: “can you just tell me the solution" not in markdown
    assert "No question about the problem before coding" in markdown
    assert result.verdict in ("No Hire", "Strong No Hire")


def test_a_brute_force_defended_as_optimal_is_pushed_back_on_not_agreed_with():
    result = run("quadratic_insists")
    markdown = result.markdown
    # Was: "OK, that's correct. Can we do better than that?" and then "Yep, makes sense."
    first = reply_to(markdown, "O(n^2) is optimal here")
    second = reply_to(markdown, "I'm confident there's no faster way")
    assert "push back" in first and "still don't agree" in second and first != second
    for reply in (first, second):
        assert "faster approach" in reply or "approach faster" in reply
        assert "correct" not in reply and "makes sense" not in reply
    # Was: "The statement doesn't pin that down" though it says 2 <= len(heights).
    assert "2 \\<= len(heights)" in reply_to(markdown, "at least two long?")
    # The wrong lower bound is evidence against, and insisting is no "explained a failure"
    # (the code never changed after it).
    assert "Called try every pair of walls (O(n^2)) optimal; a faster approach exists" in markdown
    assert "Explained a failure" not in markdown
    assert result.verdict in ("No Hire", "Strong No Hire")


def test_a_plan_describing_the_next_interval_is_not_read_as_done():
    result = run("bug_debugs")
    markdown = result.markdown
    # Was: "Before we call it done, run the tests (F5)." to a plan, before any code.
    assert "call it done" not in reply_to(markdown, "when the next one starts before it ends")
    # The O(n) claim for a plan that needs sorting is held against it, not "matched" through
    # the approach's O(n) space; the sorted sweep is not misread as O(n^2) from `max(a, b)`.
    assert "Claimed O(n), but sort by start then sweep is O(n log n) time" in markdown
    assert "the code implements compare against every merged interval" not in markdown
    # Was: "Traced an example by hand before the first run" for "I'll walk through them".
    assert "Traced an example by hand" not in markdown
    # Was: "Say a bit more — what exactly would you store…" to "I think that covers it."
    assert "Say a bit more" not in reply_to(markdown, "I think that covers it.")
    assert result.verdict in ("Lean Hire", "Hire")


def test_pushing_back_on_a_hint_with_an_equally_fast_approach_is_accepted():
    result = run("pushes_back")
    markdown = result.markdown
    # Was: "That works. What's its complexity" right after the candidate said O(n^3).
    assert "What's its complexity" not in reply_to(markdown, "Brute force is three loops, O(n^3)")
    # Was: "Nice, that gets us to O(n^2). Is there anything faster?" — O(n^2) is the best.
    after_pushback = reply_to(markdown, "I'd rather put everything in a hash set")
    assert "faster" not in after_pushback and "best time bound" in after_pushback
    assert reply_to(markdown, "dedupe triples") != after_pushback  # no echo of the approval
    assert "Reached the optimal time bound (O(n^2))" in markdown
    assert "senior bar: reach the optimal approach" not in markdown
    # The O(n^3) brute force matches the brute force, not "sort then two pointers (O(n^2))".
    assert "Complexity matches the check every triple approach (O(n^3))" in markdown


def test_a_rambling_candidate_with_typos_is_read_by_meaning():
    result = run("rambling")
    markdown = result.markdown
    # Was: the long plan ending in "fibonaci actually??" answered as a clarifying question.
    plan = reply_to(markdown, "which kinda looks like fibonaci")
    assert "statement" not in plan and "constraints" not in plan
    assert "1 \\<= n \\<= 90" in reply_to(markdown, "can n be 0")
    # Was: "O(n) for which approach? Describe it first." after a check-in during follow-ups.
    assert "which approach" not in reply_to(markdown, "keep three varibles instead of two")
    # Was: "Fine, let's move on. Next one: …" to a thank-you goodbye.
    assert "Next one" not in reply_to(markdown, "thank you so much this was really fun")
    assert "Started coding without stating an approach" not in markdown
    assert "Only floated plain recursion" not in markdown
    assert "the approach was never explained" not in markdown
    assert result.verdict in ("Lean Hire", "Hire")


def test_a_candidate_who_never_runs_is_asked_to_and_keeps_credit_for_the_plan():
    result = run("never_runs")
    markdown = result.markdown
    # Was: "Good thought. Let's bring it back to the code for now."
    assert "run the tests" in reply_to(markdown, "so I'll stop here")
    # Was: "The statement covers that: <first sentence>. The statement doesn't say — …".
    clarified = reply_to(markdown, "Is k always at most")
    assert "doesn't say" not in clarified and "1 \\<= k \\<=" in clarified
    assert "answer is unique" in clarified  # 'ties' finds the pack's 'tie' clarification
    # Was: "Are you sure about O(n log n) space?" and "Claimed O(n log n), but count each
    # value by rescanning is O(n^2)": the O(n log n) is what the plan beats, and the bucket
    # walk measured linear.
    assert "O(n log n) space" not in markdown
    assert "rescanning" not in markdown
    assert (
        "Stated the counts into buckets by frequency approach before coding and implemented it"
        in markdown
    )
    assert "Discussed trade-offs" in markdown
    assert result.verdict == "Incomplete"
