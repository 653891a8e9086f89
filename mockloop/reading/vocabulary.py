"""A problem's own words, compiled once: clarifications, statement lines, approaches, edge
cases. Candidate text is only ever matched against these, so nothing typed in the chat can
change what the pack says."""

from __future__ import annotations

import re
from dataclasses import dataclass

from mockloop.models import Approach, Clarification, Problem

KIND_ORDER = {"brute_force": 0, "better": 1, "optimal": 2}
STOPWORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "i",
        "we",
        "you",
        "it",
        "is",
        "are",
        "be",
        "can",
        "could",
        "would",
        "should",
        "do",
        "does",
        "did",
        "to",
        "of",
        "in",
        "on",
        "for",
        "and",
        "or",
        "if",
        "any",
        "at",
        "as",
        "by",
        "with",
        "what",
        "how",
        "which",
        "when",
        "where",
        "who",
        "why",
        "this",
        "that",
        "there",
        "these",
        "those",
        "my",
        "your",
        "will",
        "may",
        "might",
        "must",
        "get",
        "use",
        "used",
        "using",
        "so",
        "just",
        "also",
        "ok",
        "okay",
        "me",
        "us",
        "our",
        "they",
        "them",
        "its",
        "it's",
        "than",
        "then",
        "from",
        "into",
        "about",
        "all",
        "each",
        "every",
        "not",
        "no",
        "yes",
        "only",
        "one",
        "two",
    ]
)
GENERIC_EDGE_CASES = ("empty", "single element", "one element", "overflow", "edge case")


def stem(word: str) -> str:
    """A crude stem so `used`/`use` and `elements`/`element` meet."""
    for suffix in ("ing", "ed", "es", "s"):
        if len(word) > len(suffix) + 2 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def content_words(text: str) -> set[str]:
    """Stemmed words that carry meaning (no stopwords, no code punctuation)."""
    words = re.findall(r"[a-z][a-z0-9_']*", text.lower().replace("`", ""))
    return {stem(word) for word in words if word not in STOPWORDS and len(word) > 1}


def phrase_pattern(phrases: list[str], literal: bool = False) -> re.Pattern[str]:
    """One pattern matching any phrase as whole words; a phrase that is no regex is literal."""
    parts = []
    for phrase in phrases:
        try:
            parts.append(re.escape(phrase) if literal else re.compile(phrase).pattern)
        except re.error:
            parts.append(re.escape(phrase))
    if not parts:
        return re.compile(r"(?!x)x")
    body = "|".join(f"(?:{p})" for p in parts)
    # A plural still names the thing: 'ties' asks about 'tie', 'walls' about 'wall'. Edge
    # cases (literal) stay exact, so "edge cases:" is a heading, not an edge case named.
    plural = "" if literal else "(?:e?s)?"
    return re.compile(r"(?<![a-z0-9])(" + body + r")" + plural + r"(?![a-z0-9])")


@dataclass(frozen=True)
class Vocabulary:
    """The problem's words, compiled for fast matching."""

    problem: Problem
    clarifications: list[tuple[Clarification, re.Pattern[str]]]
    approaches: list[tuple[Approach, re.Pattern[str]]]
    edges: re.Pattern[str]
    statement_lines: list[tuple[str, set[str]]]
    constraints: list[tuple[str, list[str]]]
    known_words: frozenset[str]

    def respell(self, text: str) -> str:
        """The text with a one-letter slip in a word of the problem's own vocabulary put
        right ('fibonaci' → 'fibonacci', 'varibles' → 'variables'), so a candidate who types
        fast is read by meaning; only long words (six letters or more) are touched."""

        def fix(match: re.Match[str]) -> str:
            word = match.group(0)
            if len(word) < RESPELL_MIN or word in self.known_words:
                return word
            return next((known for known in self.known_words if one_slip(word, known)), word)

        return re.sub(r"[a-z]+", fix, text)

    def clarification(self, text: str) -> Clarification | None:
        """The first clarification whose patterns the question matches (as substrings too,
        the way pack authors write them: `transpos` matches `transposition`)."""
        for item, pattern in self.clarifications:
            if pattern.search(text) or any(
                len(p) > 3 and p.isalpha() and p in text for p in item.patterns
            ):
                return item
        return None

    def statement_line(self, text: str) -> str | None:
        """The statement line that shares the most meaning with a question (at least two
        content words), so 'can I use the same element twice?' finds 'the same position
        may not be used twice'."""
        asked = content_words(text)
        best: tuple[int, str] | None = None
        for line, words in self.statement_lines:
            shared = len(asked & words)
            if shared >= 2 and (best is None or shared > best[0]):
                best = (shared, line)
        return best[1] if best else None

    def constraint_line(self, text: str) -> str | None:
        """The bound in the statement's constraints that a question about limits asks after:
        'can n be 0?' finds `1 <= n <= 90`, 'is the list at least two long?' finds
        `2 <= len(heights) <= 100_000`. A question that asks about no limit finds nothing."""
        if not ASKS_LIMIT.search(text):
            return None
        for line, names in self.constraints:
            named = (rf"(?<![a-z0-9_]){re.escape(name)}(?![a-z0-9_])" for name in names)
            if any(re.search(pattern, text) for pattern in named):
                return line
        if CONTAINER.search(text):
            return next((line for line, _ in self.constraints if "len(" in line), None)
        return None

    def approaches_in(self, text: str) -> list[Approach]:
        """Every approach whose keywords the text names."""
        return [approach for approach, pattern in self.approaches if pattern.search(text)]

    def best_approach(self, text: str) -> Approach | None:
        """The approach the text names most (later kinds win ties)."""
        scored = [
            (len(set(pattern.findall(text))), KIND_ORDER[approach.kind], approach)
            for approach, pattern in self.approaches
        ]
        scored = [entry for entry in scored if entry[0] > 0]
        if not scored:
            return None
        return max(scored, key=lambda entry: (entry[0], entry[1]))[2]

    def edge_cases_in(self, text: str) -> list[str]:
        """The edge-case phrases the text names, once each, in order."""
        found: list[str] = []
        for phrase in self.edges.findall(text):
            if phrase not in found:
                found.append(phrase)
        return found


ASKS_LIMIT = re.compile(
    r"\b(?:zero|negative|empty|at (?:least|most)|atleast|atmost|minimum|maximum|min|max|bound"
    r"|bounds|range|limit|big|large|long|small|short|size|length)\b|(?<![a-z]-)\b\d+\b"
    r"|[<>]=?|≤|≥"
)
CONTAINER = re.compile(r"\b(?:list|array|input|string|sequence|grid)s?\b")


RESPELL_MIN = 6
SHORTHAND = {
    "freq": "frequency",
    "freqs": "frequencies",
    "cnt": "count",
    "cnts": "counts",
    "idx": "index",
    "ptr": "pointer",
    "ptrs": "pointers",
    "arr": "array",
    "prev": "previous",
    "ts": "timestamp",
    "mtx": "mutex",
    "repl": "replica",
    "ll": "linked list",
    "dll": "doubly linked list",
}
"""Abbreviations engineers type, and the words they stand for."""


def keyword_in(keywords: list[str], text: str) -> str:
    """The first keyword the text names as a word or phrase (a plural, or an abbreviation
    like 'freq' for 'frequency', counts), or ''. One matcher for the interviewer's and the
    scorer's reading of a follow-up answer."""
    lowered = text.lower()
    spelled = [SHORTHAND[word] for word in re.findall(r"[a-z]+", lowered) if word in SHORTHAND]
    haystack = " ".join([lowered, *spelled])
    for keyword in keywords:
        if phrase_pattern([keyword.lower()]).search(haystack):
            return keyword
    return ""


def one_slip(typed: str, known: str) -> bool:
    """`typed` is `known` with one letter dropped, added, changed, or two swapped."""
    if abs(len(typed) - len(known)) > 1 or typed == known:
        return False
    if len(typed) == len(known):
        diffs = [i for i, (a, b) in enumerate(zip(typed, known, strict=True)) if a != b]
        if len(diffs) == 1:
            return True
        first, second = diffs[0], diffs[-1]
        return (
            len(diffs) == 2
            and second == first + 1
            and typed[first] == known[second]
            and typed[second] == known[first]
        )
    short, long = (typed, known) if len(typed) < len(known) else (known, typed)
    if long.startswith(short):
        return False  # 'number' and 'numbers' are two words, not a slip
    index = next(
        (i for i, (a, b) in enumerate(zip(short, long, strict=False)) if a != b), len(short)
    )
    return short[index:] == long[index + 1 :]


def vocabulary_words(problem: Problem) -> frozenset[str]:
    """The long words of the problem's approaches, clarifications and edge cases."""
    phrases = [
        *(keyword for approach in problem.approaches for keyword in approach.keywords),
        *(pattern for item in problem.clarifications for pattern in item.patterns),
        *problem.edge_cases,
    ]
    words = {word for phrase in phrases for word in re.findall(r"[a-z]+", phrase.lower())}
    return frozenset(word for word in words if len(word) >= RESPELL_MIN)


def constraints(statement: str) -> list[tuple[str, list[str]]]:
    """The statement's bound lines (`1 <= n <= 90`) with the names each one bounds."""
    found: list[tuple[str, list[str]]] = []
    for line, _ in statement_lines(statement):
        code = " ".join(re.findall(r"`([^`]*)`", line))
        if not re.search(r"<=|>=|<|>", code):
            continue
        names = [
            name
            for name in dict.fromkeys(re.findall(r"[a-z_][a-z0-9_]*", code.lower()))
            if name != "len"
        ]
        if names:
            found.append((line, names))
    return found


def statement_lines(statement: str) -> list[tuple[str, set[str]]]:
    """Sentences and bullet lines of the statement with their content words."""
    lines: list[tuple[str, set[str]]] = []
    for paragraph in statement.split("\n\n"):
        for raw in re.split(r"\n\s*-\s+|(?<=[.!?])\s+", paragraph):
            line = " ".join(raw.replace("- ", "", 1).split()).strip()
            if line:
                lines.append((line, content_words(line)))
    return lines


VOCABULARIES: dict[int, Vocabulary] = {}


def vocabulary_for(problem: Problem) -> Vocabulary:
    """The compiled vocabulary of a problem (built once per problem object)."""
    cached = VOCABULARIES.get(id(problem))
    if cached is not None and cached.problem is problem:
        return cached
    vocabulary = Vocabulary(
        problem=problem,
        clarifications=[(c, phrase_pattern(c.patterns)) for c in problem.clarifications],
        approaches=[(a, phrase_pattern(a.keywords)) for a in problem.approaches],
        edges=phrase_pattern([*problem.edge_cases, *GENERIC_EDGE_CASES], literal=True),
        statement_lines=statement_lines(problem.statement),
        constraints=constraints(problem.statement),
        known_words=vocabulary_words(problem),
    )
    VOCABULARIES[id(problem)] = vocabulary
    return vocabulary
