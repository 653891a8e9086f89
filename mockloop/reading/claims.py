"""Find the complexity claims in a sentence, each kept apart as time, space or either.

A claim is a big-O (`O(min(m, n))`, nested parentheses and all), or a worded bound
("linear time", "constant extra space", "n log n", "quadratic"). Which dimension it is
comes from the nearest cue: the word right after it ("O(n) space") or before it in the
same clause ("space is O(n)"). A bound named only as what the plan beats ("better than
sorting in O(n log n)") is no claim.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from mockloop.models import Approach, Problem
from mockloop.reading.complexity import Dimension, normal_form

BIG_O_START = re.compile(r"(?<![A-Za-z])(?:big[- ]?)?[OoΘθΩ]\s*\(")
WORDED = re.compile(
    r"\b(?P<word>linear|linaer|quadratic|cubic|logarithmic|log[- ]?linear|linearithmic|exponential)"
    r"\b(?! (?:scan|search|probing|pass|algebra|regression|programming))"
    r"|\bconstant(?= (?:extra |additional |auxiliary )?(?:time|space|memory|storage))"
    r"|(?<![\w(])(?P<bare>[nmk]\s*(?:log|lg)\s*[nmk]|(?:log|lg)\s*[nmk]|[nmk] (?:squared|cubed)"
    r"|[nmk]\s*(?:\^|\*\*)\s*\d|[nmk][²³]|n\s*\*\s*n|\([a-z]\s*\*\s*[a-z]\)\s*\^\s*\d"
    r"|(?:amount|[nmk]) times (?:amount|[nmk]))(?![\w)])",
    re.IGNORECASE,
)
# Every claim contains one of these in its lowercased text (a big-O's parenthesis, a bound's
# word or operator): text without any has no claim. Literal alternatives, matched without
# IGNORECASE, let the regex engine skip to the few places one could start.
CLAIM_MARKS = re.compile(
    r"\(|\^|\*|²|³|log|lg|linea|linaer|quadratic|cubic|exponential|constant|squared|cubed"
    r"|times"
)
AFTER = re.compile(
    r"^\)?\s*(?:extra |additional |auxiliary |worst[- ]case |average )?"
    r"(?P<cue>time and (?:space|memory)|time|runtime|run time|running time|space|memory|storage"
    r"|extra|stack)\b",
    re.IGNORECASE,
)
TIME_CUE = re.compile(r"\b(time|runtime|running|runs|speed|faster|slower)\b", re.IGNORECASE)
SPACE_CUE = re.compile(r"\b(space|memory|storage|auxiliary|extra|stack)\b", re.IGNORECASE)
COMPARED = re.compile(
    r"\b(?:better|faster|slower|worse|cheaper|less|more) than\b|\binstead of\b|\brather than\b"
    r"|\bcompared (?:to|with)\b|\bversus\b|\bvs\b|\bdown from\b|\bunlike\b",
    re.IGNORECASE,
)
"""Words that put a bound up for comparison: 'O(n), better than sorting in O(n log n)'
states O(n); the O(n log n) is what it beats, not a claim about the plan."""
BOTH_BEFORE = re.compile(r"\btime and (?:space|memory) (?:are|is) (?:both )?$", re.IGNORECASE)
WORD_FORMS = {
    "linear": "n",
    "linaer": "n",
    "quadratic": "n^2",
    "cubic": "n^3",
    "logarithmic": "log n",
    "loglinear": "n*log n",
    "log linear": "n*log n",
    "log-linear": "n*log n",
    "linearithmic": "n*log n",
    "exponential": "2^n",
    "constant": "1",
}


@dataclass(frozen=True)
class Claim:
    """One stated complexity: its dimension, normal form and the words as written."""

    dimension: Dimension
    form: str
    written: str

    @property
    def shown(self) -> str:
        """How to quote it back: the candidate's own big-O, or `O(form)` for words."""
        return self.written if self.written[:1] in "OoΘθΩ" else f"O({self.form})"


def big_o_spans(text: str) -> list[tuple[int, int, str]]:
    """Each `O(...)` with balanced parentheses: (start, end, inner text)."""
    spans: list[tuple[int, int, str]] = []
    position = 0
    while (match := BIG_O_START.search(text, position)) is not None:
        depth, index = 1, match.end()
        while index < len(text) and depth:
            depth += {"(": 1, ")": -1}.get(text[index], 0)
            index += 1
        inner = text[match.end() : index - 1] if depth == 0 else text[match.end() : index]
        if depth:
            # Unclosed: read up to the end of the clause, so `O(n log n` still counts.
            inner = re.split(r"[,;.!?]\s|\s(?:time|space|and)\b", inner)[0]
            index = match.end() + len(inner)
        spans.append((match.start(), index, inner))
        position = max(index, match.end())
    return spans


def worded_spans(text: str, taken: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Worded bounds outside any big-O: (start, end, normal form)."""
    found: list[tuple[int, int, str]] = []
    for match in WORDED.finditer(text):
        if any(start <= match.start() < end for start, end, _ in taken):
            continue
        word = match.group("word") or match.group("bare")
        if word is None:
            form: str | None = "1"
        elif match.group("word"):
            form = WORD_FORMS.get(word.lower())
        else:
            form = normal_form(word.replace(" times ", "*"))
        if form is not None:
            found.append((match.start(), match.end(), form))
    return found


def dimension_at(text: str, start: int, end: int, floor: int) -> Dimension | Literal["both"]:
    """Time, space or either, from the cue right after the claim or the nearest before it."""
    after = AFTER.match(text[end : end + 30])
    if after:
        cue = after.group("cue").lower()
        if cue.startswith("time and"):
            return "both"
        return "time" if TIME_CUE.search(cue) else "space"
    if BOTH_BEFORE.search(text[max(floor, start - 30) : start]):
        return "both"
    before = text[max(floor, start - 45) : start]
    before = re.split(r"[.;!?]|\bbut\b|\bwhile\b|\bwhereas\b", before)[-1]
    times = [m.end() for m in TIME_CUE.finditer(before)]
    spaces = [m.end() for m in SPACE_CUE.finditer(before)]
    if not times and not spaces:
        return "either"
    return "time" if max(times, default=-1) > max(spaces, default=-1) else "space"


def find_claims(text: str) -> list[Claim]:
    """Every complexity the text states, in order, with its dimension."""
    if CLAIM_MARKS.search(text.lower()) is None:
        return []
    spans: list[tuple[int, int, str, str]] = []
    big = big_o_spans(text)
    for start, end, inner in big:
        form = normal_form(inner)
        if form is not None:
            spans.append((start, end, form, text[start:end]))
    for start, end, form in worded_spans(text, big):
        spans.append((start, end, form, text[start:end]))
    spans.sort()
    claims: list[Claim] = []
    floor = 0
    for start, end, form, written in spans:
        lead = re.split(r"[.;!?]\s", text[max(floor, start - 60) : start])[-1]
        if claims and COMPARED.search(lead):
            floor = end
            continue
        dimension = dimension_at(text, start, end, floor)
        dimensions: tuple[Dimension, ...] = (
            ("time", "space") if dimension == "both" else (dimension,)
        )
        claims.extend(Claim(one, form, written.strip()) for one in dimensions)
        floor = end
    return claims


def accepted(problem: Problem, approach: Approach, claim: Claim) -> bool:
    """A claim fits the approach (one rule for the interviewer and the scorer): time equals
    its time; space equals the space of any approach with the same time (a full table is
    O(m*n) space, two rows O(min(m,n)))."""
    time, space = normal_form(approach.time), normal_form(approach.space)
    spaces = {normal_form(a.space) for a in problem.approaches if normal_form(a.time) == time}
    if claim.dimension == "time":
        return claim.form == time
    if claim.dimension == "space":
        return claim.form == space or claim.form in spaces
    return claim.form in (time, space) or claim.form in spaces
