"""The code editor: Textual's TextArea, built once instead of twice."""

from __future__ import annotations

from textual.widgets import TextArea


class CodeEditor(TextArea):
    """`TextArea` that parses its initial text and compiles its highlight query only once.

    `TextArea.__init__` builds the syntax-aware document for `language` and then assigns
    `self.language`, whose watcher builds it all again: a second tree-sitter parse and
    highlight-query compile, about 40 ms on the way to the first frame (bench/startup.py).
    Later language changes go through the watcher as usual.
    """

    _constructed = False

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._constructed = True

    def _watch_language(self, language: str | None) -> None:
        if self._constructed:
            super()._watch_language(language)
