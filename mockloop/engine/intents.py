"""Classify what a candidate's chat message is, against the problem and persona packs.

The offline interviewer reacts to the kind of message (a clarifying question, an approach,
a complexity claim, a hint request, "I'm done", small talk, a question for the interviewer,
an attempt to get the solution) rather than to exact wording.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from mockloop.models import Approach, Clarification, Persona, Problem, QuestionAnswer

Kind = Literal[
    "reveal_request",
    "hint_request",
    "done",
    "interviewer_question",
    "clarification",
    "unknown_question",
    "approach",
    "complexity",
    "small_talk",
    "statement",
]

QUESTION_START = re.compile(
    r"^(is|are|can|could|does|do|did|will|would|should|what|how|which|when|where|who|why|"
    r"may|might|am|any|so)\b"
)
HINT = re.compile(r"\bhints?\b|\bstuck\b|\bclue\b|\bnudge\b|point me in|help me out|\bsome help\b")
NO_HINT = re.compile(r"\b(no|not a|without|don'?t need a|don'?t want a) hints?\b")
REVEAL = re.compile(
    r"(show|give|tell|print|reveal|share|paste|write|send|list|leak|what('?s| is| are))"
    r"\b.{0,40}\b(solution|reference|hidden (test|case|input)s?|test (input|case)s?|"
    r"expected outputs?|answer key|the answer)"
    r"|ignore (all |the |your |any |previous |prior )*(instructions|rules|prompt)"
    r"|system prompt|developer mode|you are now"
)
DONE = re.compile(
    r"\b(i'?m|i am|i think i'?m|we'?re|i'?ve|i have) (all )?(done|finished|finished coding)\b"
    r"|\ball done\b|\bthat'?s it\b|\bthat should be it\b|\bready to submit\b|\bi'?m happy with"
    r"|\bi think (it|this) works\b|\bdone coding\b|^done[.!]?$"
)
SMALL_TALK = re.compile(
    r"^(hi|hello|hey|good (morning|afternoon|evening)|thanks|thank you|cheers|ok(ay)?|cool)\b"
    r"|how are you|how'?s it going|\bweather\b|\bweekend\b|\bfootball\b|\bsoccer\b|\blunch\b"
    r"|\bmovie\b|\bjoke\b|\bvacation\b|\bholiday\b|\bcoffee\b"
)
INTERVIEWER_CUE = re.compile(
    r"\byou\b|\byour\b|\bteam\b|\bcompany\b|\bculture\b|\bwork here\b|\bday to day\b"
)
PROPOSAL = re.compile(
    r"\b(i'?d|i would|i will|i'?ll|i could|i can|we could|we can|let'?s|my (approach|idea)|"
    r"what if (i|we)|how about|could i|can i|should i|i'?m thinking|i was thinking)\b"
)
BIG_O = re.compile(r"\bo\s*\(\s*([^)]{1,20})\)")
WORDED_COMPLEXITY = {
    r"\blinear\b": "n",
    r"\bquadratic\b": "n^2",
    r"\bcubic\b": "n^3",
    r"\bconstant (time|space|memory|extra)\b": "1",
    r"\blogarithmic\b": "log n",
    r"\bn log n\b|\blinearithmic\b": "n log n",
}


@dataclass
class Message:
    """A classified candidate message."""

    kind: Kind
    text: str
    clarification: Clarification | None = None
    interviewer_answer: QuestionAnswer | None = None
    approach: Approach | None = None
    complexities: list[str] = field(default_factory=list)
    edge_cases: list[str] = field(default_factory=list)
    question: bool = False


def normalize_complexity(expression: str) -> str:
    """Canonical form of a complexity: `O(N log N)`, `o(nlogn)` -> `n log n`; `n²` -> `n^2`."""
    text = expression.lower().strip()
    if text.startswith("o(") and text.endswith(")"):
        text = text[2:-1]
    text = text.replace("²", "^2").replace("³", "^3").replace("**", "^").replace("·", "*")
    text = re.sub(r"\bn\s*\*\s*n\b", "n^2", text)
    text = re.sub(r"\s*\*\s*", " ", text)
    text = re.sub(r"log\s*\(?\s*n\s*\)?", "log n", text)
    text = re.sub(r"n\s*log n", "n log n", text)
    return re.sub(r"\s+", " ", text).strip()


def complexity_claims(text: str) -> list[str]:
    """Every complexity the message states, normalised, in order of appearance."""
    found: list[tuple[int, str]] = [
        (match.start(), normalize_complexity(match.group(1))) for match in BIG_O.finditer(text)
    ]
    for pattern, value in WORDED_COMPLEXITY.items():
        found.extend((match.start(), value) for match in re.finditer(pattern, text))
    found.sort()
    claims: list[str] = []
    for _, value in found:
        if not claims or claims[-1] != value:
            claims.append(value)
    return claims


def matches(pattern: str, text: str) -> bool:
    """A pack pattern matches: a regex search, or a plain substring if it isn't a regex."""
    try:
        return re.search(pattern, text) is not None
    except re.error:
        return pattern in text


def keyword_hits(keywords: list[str], text: str) -> int:
    """How many of the keywords occur in the text as whole words or phrases."""
    return sum(1 for word in keywords if re.search(rf"\b{re.escape(word)}", text))


def best_approach(problem: Problem, text: str) -> Approach | None:
    """The approach whose keywords the message mentions most (later kinds win ties)."""
    order = {"brute_force": 0, "better": 1, "optimal": 2}
    scored = [(keyword_hits(a.keywords, text), order[a.kind], a) for a in problem.approaches]
    scored = [entry for entry in scored if entry[0] > 0]
    if not scored:
        return None
    return max(scored, key=lambda entry: (entry[0], entry[1]))[2]


def looks_like_question(text: str) -> bool:
    """A question mark, or a sentence that opens like a question."""
    return text.rstrip().endswith("?") or QUESTION_START.match(text) is not None


def classify(text: str, problem: Problem, persona: Persona, *, wrapping_up: bool) -> Message:
    """What kind of message this is; `wrapping_up` favours questions for the interviewer."""
    lowered = " ".join(text.lower().split())
    question = looks_like_question(lowered)
    edges = [edge for edge in problem.edge_cases if edge in lowered]
    clarification = next(
        (c for c in problem.clarifications if any(matches(p, lowered) for p in c.patterns)), None
    )
    persona_answer = next(
        (q for q in persona.candidate_questions if any(matches(p, lowered) for p in q.patterns)),
        None,
    )
    approach = best_approach(problem, lowered)
    claims = complexity_claims(lowered)

    result = Message("statement", text, complexities=claims, edge_cases=edges, question=question)
    result.kind = kind_of(lowered, question, wrapping_up, clarification, persona_answer, approach)
    if result.kind == "interviewer_question":
        result.interviewer_answer = persona_answer
    elif result.kind == "clarification":
        result.clarification = clarification
    elif result.kind == "approach":
        result.approach = approach
    return result


def kind_of(
    lowered: str,
    question: bool,
    wrapping_up: bool,
    clarification: Clarification | None,
    persona_answer: QuestionAnswer | None,
    approach: Approach | None,
) -> Kind:
    """The message kind, by priority: safety first, then the most specific signal."""
    if REVEAL.search(lowered) and not (HINT.search(lowered) and "solution" not in lowered):
        return "reveal_request"
    if HINT.search(lowered) and not NO_HINT.search(lowered):
        return "hint_request"
    if DONE.search(lowered):
        return "done"
    asks_interviewer = wrapping_up or INTERVIEWER_CUE.search(lowered) is not None
    if question and persona_answer and asks_interviewer and (wrapping_up or not clarification):
        return "interviewer_question"
    if question and clarification and (approach is None or not PROPOSAL.search(lowered)):
        return "clarification"
    if approach is not None:
        return "approach"
    if complexity_claims(lowered):
        return "complexity"
    if question and clarification:
        return "clarification"
    if SMALL_TALK.search(lowered) and len(lowered.split()) <= 12:
        return "small_talk"
    if question and wrapping_up:
        return "interviewer_question"
    return "unknown_question" if question else "statement"
