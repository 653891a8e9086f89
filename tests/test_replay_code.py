"""The replay's code pane: small edits between snapshots, highlighted as a fresh TextArea is.

A replay step used to replace the whole code and rebuild the highlighting of every line
(bench/home.py); now it edits only the lines that differ and re-highlights only those rows
and the ones whose syntax changed. These tests hold it to showing exactly what a TextArea
loaded with the same text shows, over edits that change the syntax of other lines too.
"""

from __future__ import annotations

import random

from textual.app import App, ComposeResult
from textual.document._document import Document
from textual.widgets import Static, TextArea

from mockloop.tui.replay.code_view import CodeView, line_edit

BASE = [
    "import heapq",
    "",
    "class Solution:",
    '    """Merge the lists."""',
    "",
    "    def merge(self, lists):",
    "        heap = [(node.val, i, node) for i, node in enumerate(lists) if node]",
    "        heapq.heapify(heap)",
    "        total = sum(len(x) for x in lists)  # how many",
    "        while heap:",
    "            value, index, node = heapq.heappop(heap)",
    "            print(f'{value} at {index}')",
    "        return Solution()",
]
PIECES = [
    '    note = """',
    '    """',
    "        call(",
    "        )",
    "    # a comment with 'quotes'",
    "        x = 'unterminated",
    "        if value > 3:",
    "            return None",
    "def helper(a, b):",
    "    TOTAL_MAX = 10",
    "",
]


def snapshots(count: int, seed: int) -> list[str]:
    """Codes as a candidate types them: lines changed, inserted and removed, some of them
    opening or closing strings and brackets that change how later lines parse."""
    chooser = random.Random(seed)
    lines = list(BASE)
    codes = []
    for _ in range(count):
        action = chooser.random()
        row = chooser.randrange(len(lines) + 1)
        if action < 0.4 and lines:
            row = min(row, len(lines) - 1)
            lines[row] += chooser.choice(["x", " + 1", "'", '"""', "(", ")", ":"])
        elif action < 0.7:
            lines.insert(row, chooser.choice(PIECES))
        elif lines:
            del lines[min(row, len(lines) - 1)]
        codes.append("\n".join(lines) + ("\n" if chooser.random() < 0.8 else ""))
    return codes


def drawn(highlights: dict[int, list[tuple[int, int | None, str]]]) -> dict[int, object]:
    """What a highlight map paints: per row, each name's spans in the order names are
    applied (a later name wins where spans overlap; one name's spans share one style)."""
    painted: dict[int, object] = {}
    for row, items in highlights.items():
        names: dict[str, list[tuple[int, float]]] = {}
        for start, end, name in items:
            names.setdefault(name, []).append((start, float("inf") if end is None else end))
        if names:
            painted[row] = [(name, sorted(spans)) for name, spans in names.items()]
    return painted


class Panes(App[None]):
    """The replay's code pane beside a stock TextArea."""

    def compose(self) -> ComposeResult:
        yield CodeView(id="view")
        yield TextArea("", id="stock")
        yield Static("chat", id="chat")


def test_a_line_edit_turns_one_text_into_the_other():
    chooser = random.Random(7)
    for _ in range(5000):
        old = "\n".join(chooser.choice("ab ") for _ in range(chooser.randrange(6)))
        new = "\n".join(chooser.choice("ab ") for _ in range(chooser.randrange(6)))
        edit = line_edit(old, new)
        if edit is None:
            assert old == new
            continue
        document = Document(old)
        document.replace_range(edit.start, edit.end, edit.text)
        assert document.text == new, (old, new, edit)


def test_a_one_line_change_edits_and_highlights_only_that_line():
    code = "\n".join(BASE) + "\n"
    changed = code.replace("total = sum", "count = sum")
    edit = line_edit(code, changed)
    assert edit is not None and edit.first_row == edit.old_last_row == edit.new_last_row == 8


async def test_the_code_view_highlights_every_step_as_a_freshly_loaded_text_area():
    app = Panes()
    async with app.run_test(size=(100, 40)):
        view, stock = app.query_one(CodeView), app.query_one("#stock", TextArea)
        view.language = stock.language = "python"
        for number, code in enumerate(snapshots(150, seed=3) + snapshots(150, seed=4)):
            view.show_code(code)
            stock.load_text(code)
            assert view.text == code
            assert drawn(view._highlights) == drawn(stock._highlights), f"step {number}"


async def test_after_a_small_edit_only_the_changed_rows_are_queried():
    app = Panes()
    async with app.run_test(size=(100, 40)):
        view = app.query_one(CodeView)
        view.language = "python"
        code = "\n".join(BASE) + "\n"
        view.show_code(code)
        asked: list[tuple[object, object]] = []
        query = view.document.query_syntax_tree

        def spy(*arguments: object) -> object:
            asked.append(arguments[1:])
            return query(*arguments)  # type: ignore[arg-type]

        view.document.query_syntax_tree = spy  # type: ignore[method-assign]
        view.show_code(code.replace("total = sum", "count = sum"))
        [(start, end)] = asked
        assert start == (7, 0) and end == (9, 0)
