"""What the model decides each turn, validated with pydantic, and read as it streams.

The model answers one JSON object. Its decision fields come first and `reply` (what the
candidate reads) comes last, so the decision is checked against the rules before a word of
the reply is shown, and the reply then streams as it arrives. `ReplyScanner` finds the
`reply` string in the arriving text and decodes it incrementally; a model that puts `reply`
first is still understood, but its reply is held until the whole object arrived and passed.
"""

from __future__ import annotations

import contextlib
import json
import re
from typing import Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from mockloop.models import Phase

MAX_REPLY_CHARACTERS = 2000
ModelT = TypeVar("ModelT", bound=BaseModel)
FENCE = re.compile(r"^\s*```(?:json)?\s*|\s*```\s*$")


class AnsweredQuestion(BaseModel):
    """A question the candidate asked, with the answer the reply gives."""

    model_config = ConfigDict(extra="ignore")

    question: str = Field(max_length=400)
    answer: str = Field(default="", max_length=800)


class ComplexityClaim(BaseModel):
    """A complexity the candidate stated, and whether it is right for their approach."""

    model_config = ConfigDict(extra="ignore")

    claim: str = Field(max_length=120)
    correct: bool | None = None


class DecisionHead(BaseModel):
    """Everything the model decides except the words: what the code checks before showing any."""

    model_config = ConfigDict(extra="ignore")

    questions: list[AnsweredQuestion] = Field(default_factory=list, max_length=6)
    approach: Literal["none", "proposed", "committed"] = "none"
    complexity: list[ComplexityClaim] = Field(default_factory=list, max_length=6)
    hint_requested: bool = False
    give_hint: bool = False
    move_to: Phase | None = None
    follow_up: int | None = Field(default=None, ge=1, le=20)


class Decision(DecisionHead):
    """A whole turn: the decision and the reply text."""

    reply: str = Field(min_length=1, max_length=MAX_REPLY_CHARACTERS)


class InvalidDecision(ValueError):
    """The model's answer is not a valid decision; the message says what was wrong."""


def _problems(error: ValidationError) -> str:
    return "; ".join(
        f"{'.'.join(str(part) for part in item['loc']) or 'top level'}: {item['msg']}"
        for item in error.errors()[:4]
    )


def read_json(text: str, model: type[ModelT], *, head: bool = False) -> ModelT:
    """The model's answer as `model` (code fences and text around the object are ignored).

    With `head`, `text` is the object up to its `reply` key: the fields written before it.
    """
    if head:
        body = FENCE.sub("", text).strip().rstrip(",").strip()
        start = body.find("{")
        if start < 0:
            raise InvalidDecision("no JSON object")
        whole = body[start:] + "}"
    else:
        body = FENCE.sub("", text.strip())
        start, end = body.find("{"), body.rfind("}")
        if start < 0 or end < start:
            raise InvalidDecision("no JSON object")
        whole = body[start : end + 1]
    try:
        data = json.loads(whole)
    except json.JSONDecodeError as error:
        raise InvalidDecision(f"not JSON ({error.msg})") from None
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise InvalidDecision(_problems(error)) from None


def parse_head(text: str) -> DecisionHead:
    """The coding decision's fields written before `reply`."""
    return read_json(text, DecisionHead, head=True)


def parse_decision(text: str) -> Decision:
    """The whole answer as a coding Decision."""
    return read_json(text, Decision)


ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


class ReplyScanner:
    """Reads the model's JSON as it arrives and hands out the `reply` string's characters.

    `head` is the text before the top-level `"reply"` key once that key was seen (None
    before). `reply_first` is True when no other key came before it. `feed` returns the
    newly decoded reply characters; `done` is True once the reply string closed.
    """

    def __init__(self) -> None:
        self.text = ""
        self.head: str | None = None
        self.reply = ""
        self.done = False
        self._at = 0
        self._depth = 0
        self._in_string = False
        self._escape = False
        self._string_start = 0
        self._last_string: str | None = None
        self._last_string_start = 0
        self._await_colon = False
        self._in_reply = False
        self._unicode = ""
        self._keys_before = 0
        self._expecting = False
        self._keys_at_reply = 0

    @property
    def reply_first(self) -> bool:
        """The reply came before any decision field."""
        return self.head is not None and self._keys_at_reply == 0

    def feed(self, chunk: str) -> str:
        """Take the next piece of the answer; return the reply characters it completes."""
        self.text += chunk
        out: list[str] = []
        text = self.text
        while self._at < len(text):
            character = text[self._at]
            self._at += 1
            if self._in_reply:
                self._reply_character(character, out)
            elif self._in_string:
                self._string_character(character)
            else:
                self._structure_character(character)
        decoded = "".join(out)
        self.reply += decoded
        return decoded

    def _reply_character(self, character: str, out: list[str]) -> None:
        if self._unicode:
            self._unicode += character
            if len(self._unicode) == 5:
                with contextlib.suppress(ValueError):
                    out.append(chr(int(self._unicode[1:], 16)))
                self._unicode = ""
        elif self._escape:
            self._escape = False
            if character == "u":
                self._unicode = "u"
            else:
                out.append(ESCAPES.get(character, character))
        elif character == "\\":
            self._escape = True
        elif character == '"':
            self._in_reply = False
            self.done = True
        else:
            out.append(character)

    def _string_character(self, character: str) -> None:
        if self._escape:
            self._escape = False
        elif character == "\\":
            self._escape = True
        elif character == '"':
            self._in_string = False
            raw = self.text[self._string_start : self._at]
            try:
                self._last_string = json.loads(raw)
            except json.JSONDecodeError:
                self._last_string = None
            self._last_string_start = self._string_start
            self._await_colon = self._depth == 1

    def _structure_character(self, character: str) -> None:
        if character.isspace():
            return
        if self._await_colon:
            self._await_colon = False
            if character == ":":
                if self._last_string == "reply" and self.head is None and not self.done:
                    self.head = self.text[: self._last_string_start]
                    self._keys_at_reply = self._keys_before
                    self._expect_reply_value()
                    return
                self._keys_before += 1
        if character == '"':
            if self.head is not None and not self._in_reply and not self.done and self._expecting:
                self._expecting = False
                self._in_reply = True
                return
            self._in_string = True
            self._string_start = self._at - 1
        elif character in "{[":
            self._depth += 1
        elif character in "}]":
            self._depth -= 1
        self._expecting = False

    def _expect_reply_value(self) -> None:
        self._expecting = True
