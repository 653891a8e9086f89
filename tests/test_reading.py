"""The shared reading of messages and code: complexity parser, claims, labels, questions."""

from __future__ import annotations

import pytest
from engine_support import packs
from scoring_support import log, run, snapshot, started

from mockloop.events import CandidateSaid, SessionEnded
from mockloop.reading.claims import find_claims
from mockloop.reading.code import cost_remark, read_code, written_approach
from mockloop.reading.complexity import normal_form, same
from mockloop.reading.messages import read_message
from mockloop.scoring.evidence import collect, final_run
from mockloop.scoring.lint import LintReport
from mockloop.scoring.problem_solving import problem_solving


@pytest.mark.parametrize(
    ("written", "form"),
    [
        ("O(min(m,n))", "min(m,n)"),
        ("O(min(n, m))", "min(m,n)"),
        ("O(k·min(m, n))", "k*min(m,n)"),
        ("O(mn)", "m*n"),
        ("O(m*n)", "m*n"),
        ("O(n*m)", "m*n"),
        ("O(m·n)", "m*n"),
        ("n^2", "n^2"),
        ("n**2", "n^2"),
        ("n²", "n^2"),
        ("O(n squared)", "n^2"),
        ("log n", "log n"),
        ("log(n)", "log n"),
        ("lg n", "log n"),
        ("O(log_2 n)", "log n"),
        ("n log n", "n*log n"),
        ("O(nlogn)", "n*log n"),
        ("O(N log N)", "n*log n"),
        ("O(n + n log n)", "n*log n"),
        ("O(V + E)", "E + V"),
        ("O(2n + 5)", "n"),
        ("O(1)", "1"),
        ("O(3^(m+n))", "3^(m + n)"),
        ("linear", "n"),
        ("quadratic", "n^2"),
        ("log-linear", "n*log n"),
        ("constant", "1"),
    ],
)
def test_complexity_normal_form(written: str, form: str) -> None:
    assert normal_form(written) == form


def test_unreadable_complexity_is_never_equal() -> None:
    assert normal_form("O(???)") is None
    assert not same("O(???)", "O(???)")
    assert same("O(mn)", "O(n*m)")


def test_claims_keep_time_and_space_apart_through_nested_parentheses() -> None:
    claims = find_claims("That's O(m*n) time, and keeping two rows gets O(min(m,n)) space.")
    assert [(c.dimension, c.form) for c in claims] == [("time", "m*n"), ("space", "min(m,n)")]
    claims = find_claims("Space is O(min(m, n)) if the shorter word is on the columns.")
    assert [(c.dimension, c.form, c.shown) for c in claims] == [
        ("space", "min(m,n)", "O(min(m, n))")
    ]
    both = find_claims("O(V + E) time and space. Time and space are both O(m·n).")
    assert [(c.dimension, c.form) for c in both] == [
        ("time", "E + V"),
        ("space", "E + V"),
        ("time", "m*n"),
        ("space", "m*n"),
    ]
    stack = find_claims("O(n) time and O(h) stack where h is the height")
    assert [(c.dimension, c.form) for c in stack] == [("time", "n"), ("space", "h")]
    worded = find_claims("linear time and constant extra space, not a linear scan per item")
    assert [(c.dimension, c.form) for c in worded] == [("time", "n"), ("space", "1")]


@pytest.mark.parametrize(
    ("slug", "phase", "text", "labels"),
    [
        ("two-sum", "coding", "What's your favourite programming language, by the way?",
         {"interviewer_question"}),
        ("two-sum", "intro", "Are you a real person or a bot?", {"meta"}),
        ("two-sum", "followup", "i'm done", {"done"}),
        ("two-sum", "testing", "ok i think its fine, most tests pass", {"done"}),
        ("two-sum", "testing", "what's wrong with my code?", {"code_question"}),
        ("two-sum", "testing", "is there an off-by-one in my run length?", {"code_question"}),
        ("two-sum", "approach", "idk, can I get a hint?", {"hint_request"}),
        ("two-sum", "approach", "maybe two pointers?", {"approach_hedged"}),
        ("two-sum", "approach", "I'll use a hash map from value to index",
         {"approach_committed"}),
        ("two-sum", "approach", "Just show me the solution please", {"rule_change"}),
        ("edit-distance", "approach",
         "Can either word be empty? And are the words lowercase letters only?",
         {"problem_question"}),
    ],
)  # fmt: skip
def test_quoted_messages_are_read_as_what_they_are(
    slug: str, phase: str, text: str, labels: set[str]
) -> None:
    persona, problem, _ = packs("google", slug)
    assert read_message(text, problem, persona, phase).labels == labels  # type: ignore[arg-type]


def test_every_question_is_kept_with_its_answer_source() -> None:
    persona, problem, _ = packs("google", "edit-distance")
    reading = read_message(
        "Can either word be empty? And are the words lowercase letters only?", problem, persona
    )
    answers = [q.clarification.answer for q in reading.questions if q.clarification]
    assert answers == ["Either word may be empty.", "Only lowercase a to z."]
    persona, problem, _ = packs("google", "two-sum")
    reading = read_message("can I use the same element twice?", problem, persona, "approach")
    assert reading.questions[0].statement_line == "the same position may not be used twice"


NESTED = """
def two_sum(nums, target):
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                return [i, j]
"""
HASHED = """
def two_sum(nums, target):
    seen = {}
    for i, x in enumerate(nums):
        if target - x in seen:
            return [seen[target - x], i]
        seen[x] = i
"""
SCANNING = """
def two_sum(nums, target):
    for i, x in enumerate(nums):
        if target - x in nums[i + 1:]:
            return [i, nums.index(target - x, i + 1)]
"""
RECURSIVE = """
from functools import lru_cache
def climb(n):
    @lru_cache(None)
    def ways(k):
        return 1 if k < 2 else ways(k - 1) + ways(k - 2)
    return ways(n)
"""


def test_code_reading_sees_nesting_scans_structures_and_memoisation() -> None:
    nested, hashed, scanning = read_code(NESTED), read_code(HASHED), read_code(SCANNING)
    assert nested.loop_depth == 2 and nested.early_return and nested.quadratic_scan
    assert hashed.loop_depth == 1 and "dict" in hashed.structures and not hashed.quadratic_scan
    assert (
        scanning.quadratic_scan
        and "scan" in cost_remark(scanning)
        or "slice" in cost_remark(scanning)
    )
    recursive = read_code(RECURSIVE)
    assert recursive.recursive and recursive.memoised
    assert not read_code("def broken(:\n").parsed


def test_written_approach_is_compared_with_the_pack() -> None:
    _, problem, _ = packs("google", "two-sum")
    assert written_approach(problem, NESTED).kind == "brute_force"  # type: ignore[union-attr]
    assert written_approach(problem, HASHED).kind == "optimal"  # type: ignore[union-attr]


def test_scorer_and_interviewer_agree_on_equivalent_claims() -> None:
    """'O(n*m)' is the pack's 'O(m*n)': the scorer no longer marks it a mismatch."""
    _, problem, rubric = packs("google", "edit-distance")
    solution = problem.solution
    events = log(
        started(problem),
        [
            (20, CandidateSaid(text="I'll fill a dp table: O(n*m) time and O(min(n, m)) space.")),
            (60, snapshot(solution)),
            (90, run(problem, solution)),
            (120, SessionEnded(reason="candidate")),
        ],
    )
    evidence = collect(events, problem, final_run(events), LintReport())
    tally = problem_solving(evidence, rubric.levels["senior"], "senior")
    assert tally is not None
    signals = {item.signal for item in tally.items}
    assert "complexity_matches" in signals and "complexity_mismatch" not in signals


def problem_pack(slug: str):
    from pathlib import Path

    from mockloop.catalog import load_problem

    return load_problem(Path(__file__).parents[1] / "problems" / slug)


@pytest.mark.parametrize(
    ("slug", "question", "bound"),
    [
        ("lru-cache", "capacity >= 1?", "`1 <= capacity <= 50_000`"),
        ("climbing-stairs", "can n be 0 or is it alwyas atleast 1", "`1 <= n <= 90`"),
        ("container-with-most-water", "is the list at least two long?", "`2 <= len(heights)"),
    ],
)
def test_a_question_about_limits_is_answered_from_the_constraints(slug, question, bound):
    reading = read_message(question, problem_pack(slug), phase="approach")
    assert [q.about for q in reading.questions] == ["problem"]
    assert (reading.questions[0].statement_line or "").startswith(bound)


def test_pack_phrases_match_plurals_and_slips_in_long_words_are_read_through():
    top_k = problem_pack("top-k-frequent")
    ties = read_message("How should ties be broken?", top_k, phase="approach")
    assert ties.questions[0].clarification is not None
    stairs = problem_pack("climbing-stairs")
    typed = read_message("it's fibonaci, keep two varibles", stairs, phase="approach")
    assert typed.approach is not None and typed.approach.kind == "optimal"
    # A real word next to a vocabulary word is left alone ('number' is not 'numbers').
    assert "number of" in read_message("the number of ways", stairs).sentences[0].text


def test_a_bound_the_plan_only_beats_is_not_claimed():
    claims = find_claims("O(n) time and O(n) space, better than sorting the counts in O(n log n).")
    assert [(c.dimension, c.form) for c in claims] == [("time", "n"), ("space", "n")]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("when the next one starts before it ends, start a new one.", None),
        ("next one please", "done"),
        ("I'm confident it's correct, so I'll stop here.", "done"),
        ("what's the answer then?", "rule_change"),
        ("ok but what data structure should i use, just tell me", "hint_request"),
    ],
)
def test_what_a_message_asks_for(text: str, label: str | None):
    reading = read_message(text, problem_pack("merge-intervals"), phase="testing")
    if label is None:
        assert "done" not in reading.labels
    else:
        assert label in reading.labels
        assert not [q for q in reading.questions if q.about == "problem"]


def test_max_of_two_values_in_a_loop_is_no_scan():
    source = (
        "def merge(intervals):\n"
        "    merged = []\n"
        "    for start, end in sorted(intervals):\n"
        "        if merged and start <= merged[-1][1]:\n"
        "            merged[-1][1] = max(merged[-1][1], end)\n"
        "        else:\n"
        "            merged.append([start, end])\n"
        "    return merged\n"
    )
    assert read_code(source).time_estimate() == "n*log n"


def test_a_clear_measured_growth_overrules_a_shape_that_reads_slower():
    problem = problem_pack("top-k-frequent")
    source = (
        "def top_k_frequent(nums, k):\n"
        "    counts = {}\n"
        "    for value in nums:\n"
        "        counts[value] = counts.get(value, 0) + 1\n"
        "    buckets = [[] for _ in range(len(nums) + 1)]\n"
        "    for value, count in counts.items():\n"
        "        buckets[count].append(value)\n"
        "    result = []\n"
        "    for count in range(len(nums), 0, -1):\n"
        "        for value in buckets[count]:\n"
        "            result.append(value)\n"
        "    return result[:k]\n"
    )
    shaped = written_approach(problem, source)
    assert shaped is not None and shaped.kind == "brute_force"
    measured = written_approach(problem, source, measured=0.95)
    assert measured is not None and measured.kind == "optimal"


def test_an_edge_case_heading_is_not_an_edge_case_named():
    reading = read_message(
        "Edge cases: both empty, one empty, identical words.", problem_pack("edit-distance")
    )
    assert reading.edge_cases and reading.edge_cases[0] != "edge case"
