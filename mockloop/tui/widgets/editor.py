"""The code editor: Textual's TextArea, built once instead of twice, with Python auto-indent."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.widgets import TextArea


def indent_after(line: str, indent_width: int) -> str:
    """The leading whitespace a new line gets after `line`: the same, one level more after `:`."""
    indent = line[: len(line) - len(line.lstrip(" \t"))]
    if line.rstrip().endswith(":"):
        indent += " " * indent_width
    return indent


class CodeEditor(TextArea):
    """`TextArea` that parses its initial text and compiles its highlight query only once.

    `TextArea.__init__` builds the syntax-aware document for `language` and then assigns
    `self.language`, whose watcher builds it all again: a second tree-sitter parse and
    highlight-query compile, about 40 ms on the way to the first frame (bench/startup.py).
    Later language changes go through the watcher as usual.

    Enter keeps the current line's indentation (one level more after a line ending in
    `:`), and Backspace inside the leading spaces removes one level, as in other editors.
    Ctrl+A selects all text where the terminal passes it through; F7 still works.
    """

    BINDINGS = [
        Binding("ctrl+a", "select_all", "Select all", show=False),
    ]

    _constructed = False

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self._constructed = True

    def _watch_language(self, language: str | None) -> None:
        if self._constructed:
            super()._watch_language(language)

    async def _on_key(self, event: events.Key) -> None:
        if event.key == "enter" and not self.read_only:
            event.stop()
            event.prevent_default()
            start, end = self.selection
            row, column = min(start, end)
            line = self.document.get_line(row)[:column]
            self._replace_via_keyboard("\n" + indent_after(line, self.indent_width), start, end)
            return
        await super()._on_key(event)

    def go_to_syntax_error(self) -> bool:
        """Move the cursor to the text's syntax error and focus; False when it compiles."""
        try:
            compile(self.text, "solution.py", "exec", dont_inherit=True)
        except SyntaxError as error:
            row = max((error.lineno or 1) - 1, 0)
            column = max((error.offset or 1) - 1, 0)
            self.move_cursor((row, column), center=True)
            self.focus()
            return True
        except (ValueError, RecursionError, MemoryError):  # e.g. a NUL byte
            return False
        return False

    def action_delete_left(self) -> None:
        """Backspace: inside a line's leading spaces, remove back to the previous level."""
        selection = self.selection
        row, column = selection.end
        if self.read_only or not selection.is_empty or column == 0:
            super().action_delete_left()
            return
        before = self.document.get_line(row)[:column]
        if before.strip(" ") or self.indent_type != "spaces":
            super().action_delete_left()
            return
        width = self.indent_width
        target = ((column - 1) // width) * width
        self._delete_via_keyboard((row, target), (row, column))
