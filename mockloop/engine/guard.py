"""The rules a model's turn must keep, checked in code before the candidate reads a word.

`check_decision` holds the decision to the interview's rules: phases only move forward and
only where the interview allows, hints come from the ladder one rung at a time, follow-ups
are the pack's and asked once. `ReplyGuard` reads the reply as it streams and releases only
text that cannot be the start of a violation: code for the problem (a fence, a line of
code, a run of the reference solution's tokens), hidden test data, a later rung of the hint
ladder, or a time remark the clock contradicts.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

from mockloop.engine.decision import DecisionHead
from mockloop.engine.turn import Context
from mockloop.models import PHASES, Phase, Problem
from mockloop.reading.vocabulary import STOPWORDS

WINDOW = 160
"""Characters before the new text that are inspected again with it."""
BATCH = 24
"""After the first word, text is inspected and released in batches of at least this many
characters (a few words): checking every token-sized chunk would cost more than it shows."""
NGRAM = 8
"""A run of this many of the reference solution's tokens in a reply counts as handing it over."""
MIN_SECRET_CHARACTERS = 12
"""Hidden inputs and outputs shorter than this (`[1, 2]`, `True`) are too common to police."""
TOKEN = re.compile(r"[A-Za-z_]\w*|\d+|[^\w\s]")
CODE_LINE = re.compile(
    r"^\s*(def |class |for \w.* in .*:|while .*:|if .*:\s*$|elif .*:|else:|return\b|import \w"
    r"|from \w+ import|function \w|\w+(\[[^\]]*\])*\s*(=|\+=|-=|\*=)\s*\S)"
)
SUSPECT_START = re.compile(
    r"^(\s{2,}|`|#|\{|\}|def\b|class\b|for\b|while\b|if\b|elif\b|else\b|return\b|import\b"
    r"|from\b|function\b|\w+(\[[^\]]*\])*\s*(=|\+=|-=|\*=)\s*$)"
)
INLINE_CODE = re.compile(r"`([^`\n]+)`")
STATEMENT = re.compile(
    r"\b(return \[|return \w+\[|def \w+\(|lambda \w+:|for \w+(, \w+)? in (range|enumerate|zip)\("
    r"|if .{1,60}: return\b|while .{1,60}:\s*\w+ ?[-+*]?= )"
)
SENTENCE_END = re.compile(r"[.?!](\s|$)|\n")
MINUTES_LEFT = re.compile(
    r"\b(\d{1,3})\s*(?:more\s+)?min(?:ute)?s?\s+(?:left|remaining|to go)\b", re.IGNORECASE
)
HALF_WAY = re.compile(r"\bhalf[- ]?way\b", re.IGNORECASE)
TIME_UP = re.compile(r"\b(time'?s up|time is up|out of time)\b", re.IGNORECASE)
WORD = re.compile(r"[a-z]{4,}")
TIME_TAIL = re.compile(
    r"(\b\d{1,3}\s*(more\s+)?(min\w*\s*)?|\bhalf[- ]?\s*|\bout( of)?\s*|\btime'?s?\s*)$",
    re.IGNORECASE,
)


class Violation(Exception):
    """A rule the model broke: `rule` names it for the log, `reason` says it in words."""

    def __init__(self, rule: str, reason: str) -> None:
        super().__init__(reason)
        self.rule = rule
        self.reason = reason


def allowed_moves(context: Context) -> list[Phase]:
    """The phases the interview may move to now (forward only, never to `ended`)."""
    state = context.state
    current = PHASES.index(state.phase)
    started = state.started
    left = context.session.remaining() / max(started.minutes * 60, 1)
    last = state.last_run
    solved = last is not None and last.total > 0 and last.passed == last.total
    moves: list[Phase] = []
    for phase in PHASES[current + 1 :]:
        if phase == "ended":
            continue
        if phase == "follow_up" and not (solved or left <= 0.25):
            continue
        if phase == "wrap_up" and not (state.phase == "follow_up" or left <= 0.15):
            continue
        if phase == "test" and state.code == started.starter:
            continue
        moves.append(phase)
    return moves


def check_decision(head: DecisionHead, context: Context) -> None:
    """Raise Violation when the decision breaks a rule of the interview."""
    if head.move_to is not None and head.move_to not in allowed_moves(context):
        now = context.state.phase
        raise Violation("phase", f"the model moved the interview from {now} to {head.move_to}")
    if head.give_hint and context.next_hint_rung() is None:
        raise Violation("hint", "the model gave a hint after the ladder was used up")
    if head.follow_up is not None:
        suited = context.follow_ups()
        phase = head.move_to or context.state.phase
        if phase != "follow_up":
            raise Violation("follow_up", f"the model asked a follow-up in the {phase} phase")
        if head.follow_up > len(suited):
            raise Violation("follow_up", f"the model chose follow-up {head.follow_up}, not listed")
        if suited[head.follow_up - 1] in context.asked_follow_ups():
            raise Violation("follow_up", "the model asked a follow-up a second time")


@dataclass
class Secrets:
    """What a reply must never contain, prepared once per problem."""

    reference: frozenset[tuple[str, ...]]
    prefixes: frozenset[tuple[str, ...]]
    hidden: tuple[str, ...]
    hints: tuple[str, ...]
    public_words: frozenset[str]

    @classmethod
    def of(cls, problem: Problem) -> Secrets:
        """The reference's token runs (minus what the statement and starter show), the
        hidden cases' longer inputs and outputs, and the hint ladder."""
        shown = "\n".join((problem.starter, problem.signature, problem.statement))
        public = ngrams(tokens(shown))
        reference = ngrams(tokens(strip_comments(problem.solution))) - public
        hidden: list[str] = []
        for case in problem.hidden:
            for value in [*(case.args or []), case.expected]:
                text = json.dumps(value, separators=(",", ":"))
                if len(text) >= MIN_SECRET_CHARACTERS:
                    hidden.append(text[:40])
        words = frozenset(WORD.findall(problem.statement.lower()))
        prefixes = {gram[:length] for gram in reference for length in range(1, NGRAM)}
        return cls(
            frozenset(reference), frozenset(prefixes), tuple(hidden), tuple(problem.hints), words
        )

    def telling_words(self, hints_allowed: int) -> list[set[str]]:
        """For each rung after the allowed ones, the words that would give it away."""
        earlier: set[str] = set()
        telling: list[set[str]] = []
        for rung, hint in enumerate(self.hints, 1):
            own = set(WORD.findall(hint.lower()))
            if rung > hints_allowed:
                telling.append(own - earlier - self.public_words - STOPWORDS)
            earlier |= own
        return telling


def tokens(text: str) -> list[str]:
    """Code-ish tokens: identifiers, numbers and single punctuation marks."""
    return TOKEN.findall(text)


def ngrams(items: list[str]) -> set[tuple[str, ...]]:
    """Every run of NGRAM consecutive tokens."""
    return {tuple(items[i : i + NGRAM]) for i in range(len(items) - NGRAM + 1)}


def strip_comments(code: str) -> str:
    """The code without `#` comments (their words are English, not code)."""
    return "\n".join(line.split("#", 1)[0] for line in code.splitlines())


@dataclass
class ReplyGuard:
    """Releases a streamed reply only as far as it cannot be the start of a violation."""

    secrets: Secrets
    hints_allowed: int
    remaining_seconds: float
    elapsed_fraction: float
    text: str = ""
    shown: int = 0
    _telling_cache: list[set[str]] | None = None
    _words: set[str] = field(default_factory=set)
    _inspected: int = 0

    def feed(self, piece: str) -> str:
        """Add streamed text; return what may be shown now. Raises Violation.

        Only the new text and the WINDOW characters before it are inspected, so a long reply
        costs the same per chunk as a short one; `finish` inspects the whole reply once.
        """
        self.text += piece
        fresh = len(self.text) - self._inspected
        if self.shown and fresh < BATCH or not any(c.isspace() for c in piece):
            return ""
        self.inspect(self.text[-(fresh + WINDOW) :], final=False)
        self._inspected = len(self.text)
        end = self.safe_end()
        released = self.text[self.shown : end]
        self.shown = max(self.shown, end)
        return released

    def finish(self) -> str:
        """The stream ended: check the whole reply and return what is left to show."""
        self.inspect(self.text, final=True)
        released = self.text[self.shown :]
        self.shown = len(self.text)
        return released

    def safe_end(self) -> int:
        """How far the text can be shown: not into a line that may be code, an open inline
        code span, a run of tokens that may grow into the reference solution, a sentence
        using a later hint's words, or a word still arriving."""
        text = self.text
        line_start = text.rfind("\n") + 1
        if SUSPECT_START.match(text[line_start:]):
            return max(self.shown, line_start)
        end = len(text)
        if text.count("`") % 2:
            end = text.rfind("`")
        end = min(end, self._reference_tail(text), self._hint_sentence(text))
        tail = TIME_TAIL.search(text, max(len(text) - 40, 0))
        if tail is not None:
            end = min(end, tail.start())
        space = max(text.rfind(" ", 0, end), text.rfind("\n", 0, end))
        return max(self.shown, space + 1 if space >= 0 else 0)

    def _reference_tail(self, text: str) -> int:
        """Where the longest tail of tokens that starts a reference run begins (else the end)."""
        found = list(TOKEN.finditer(text[-WINDOW:]))
        offset = max(len(text) - WINDOW, 0)
        words = [match.group() for match in found]
        for length in range(min(NGRAM - 1, len(words)), 1, -1):
            if tuple(words[-length:]) in self.secrets.prefixes:
                return offset + found[-length].start()
        return len(text)

    def _hint_sentence(self, text: str) -> int:
        """The start of the sentence being written if it uses two or more words of a later
        rung of the hint ladder (it is held until it can be judged whole), else the end."""
        offset = max(len(text) - 2 * WINDOW, 0)
        starts = [match.end() for match in SENTENCE_END.finditer(text, offset)]
        start = starts[-1] if starts else offset
        words = set(WORD.findall(text[start:].lower()))
        if any(len(words & telling) >= 2 for telling in self._telling):
            return start
        return len(text)

    @property
    def _telling(self) -> list[set[str]]:
        if self._telling_cache is None:
            self._telling_cache = self.secrets.telling_words(self.hints_allowed)
        return self._telling_cache

    def inspect(self, text: str, *, final: bool) -> None:
        """Raise Violation for anything in `text` (the reply or its newest part) that breaks
        a rule."""
        if "```" in text:
            raise Violation("code", "the model's reply started a code block")
        lines = text.split("\n")
        complete = lines if final else lines[:-1]
        for line in complete:
            if CODE_LINE.match(line):
                raise Violation("code", "the model's reply contained a line of code")
        for span in INLINE_CODE.findall(text):
            if CODE_LINE.match(span) and len(span) > 20:
                raise Violation("code", "the model's reply contained a statement of code")
        if STATEMENT.search(text):
            raise Violation("code", "the model's reply contained a statement of code")
        reply_grams = ngrams(tokens(text))
        if reply_grams & self.secrets.reference:
            raise Violation("solution", "the model's reply repeated the reference solution")
        compact = re.sub(r"\s+", "", text)
        if any(secret in compact for secret in self.secrets.hidden):
            raise Violation("hidden", "the model's reply revealed a hidden test case")
        self._check_hints(text)
        self._check_time(text)

    def _check_hints(self, text: str) -> None:
        self._words |= set(WORD.findall(text.lower()))
        words = self._words
        for index, telling in enumerate(self._telling):
            hit = telling & words
            if len(telling) >= 3 and len(hit) >= 3 and len(hit) * 2 >= len(telling):
                rung = self.hints_allowed + index + 1
                reason = f"the model's reply gave rung {rung} of the hint ladder early"
                raise Violation("hint", reason)

    def _check_time(self, text: str) -> None:
        left = self.remaining_seconds / 60
        for match in MINUTES_LEFT.finditer(text):
            if abs(int(match.group(1)) - left) > 2:
                raise Violation("time", "the model's reply said a time the clock contradicts")
        if HALF_WAY.search(text) and not 0.35 <= self.elapsed_fraction <= 0.65:
            raise Violation("time", "the model's reply said half-way when it was not")
        if TIME_UP.search(text) and left > 2:
            raise Violation("time", "the model's reply said time was up when it was not")
