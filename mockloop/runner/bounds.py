"""Bounds on what a run keeps: every text encodable, every kept answer small.

A run's result is stored in the `tests_run` event, shown by the TUI and `check`, and may be
sent to a model, so what the child returned must stay small however large it was: an answer
over the preview budget is kept as a short description with its first part. Lone surrogates
(which the child can send as JSON escapes) cannot be encoded as UTF-8, so they become U+FFFD.
"""

from __future__ import annotations

import json
from typing import Any

from mockloop.results import CaseResult

PREVIEW_ITEMS = 200  # elements of a kept answer, all levels together
PREVIEW_CHARACTERS = 2000  # characters of text in a kept answer, or of a large one's first part
HEAD_ITEMS = 10  # elements per container shown in a large answer's first part


def clean_text(text: str) -> str:
    """`text` with lone surrogates replaced, so it can be printed, stored and sent."""
    if text.isascii():
        return text
    return text.encode("utf-16", "surrogatepass").decode("utf-16", "replace")


def _fits(value: Any, budget: list[int]) -> bool:
    """Whether `value` is within the budget [items, characters]; stops early when it is not."""
    budget[0] -= 1
    if budget[0] < 0:
        return False
    if isinstance(value, str):
        budget[1] -= len(value)
        return budget[1] >= 0
    if isinstance(value, list):
        return all(_fits(item, budget) for item in value)
    if isinstance(value, dict):
        return all(_fits(key, budget) and _fits(item, budget) for key, item in value.items())
    return True


def _cleaned(value: Any) -> Any:
    """A small plain value with every string cleaned."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [_cleaned(item) for item in value]
    if isinstance(value, dict):
        return {_cleaned(key): _cleaned(item) for key, item in value.items()}
    return value


def _head(value: Any, depth: int = 0) -> Any:
    """The first few elements at each level (a bounded copy, however large `value` is)."""
    if isinstance(value, str):
        return clean_text(value[:PREVIEW_CHARACTERS])
    if depth > 3 and isinstance(value, list | dict):
        return "..."
    if isinstance(value, list):
        return [_head(item, depth + 1) for item in value[:HEAD_ITEMS]]
    if isinstance(value, dict):
        items = list(value.items())[:HEAD_ITEMS]
        return {str(_head(key, depth + 1)): _head(item, depth + 1) for key, item in items}
    return value


def _size(value: Any) -> str:
    if isinstance(value, str):
        return f"a string of {len(value)} characters"
    if isinstance(value, list):
        return f"a list of {len(value)} items"
    if isinstance(value, dict):
        return f"a dict of {len(value)} keys"
    return type(value).__name__


def preview(value: Any) -> Any:
    """`value` itself when small; otherwise a string describing it and showing its start."""
    if _fits(value, [PREVIEW_ITEMS, PREVIEW_CHARACTERS]):
        return _cleaned(value)
    start = json.dumps(_head(value), ensure_ascii=False)[:PREVIEW_CHARACTERS]
    return f"{_size(value)}, too large to keep; it starts {start}"


def kept_case(case: CaseResult) -> CaseResult:
    """The case with its texts cleaned and its answer previewed."""
    return case.model_copy(
        update={
            "output": clean_text(case.output),
            "error": clean_text(case.error),
            "actual": preview(case.actual),
        }
    )
