"""The replay's code pane: a read-only TextArea that moves between snapshots by small edits.

Stepping through a session changes the code a line or two at a time. Replacing the whole
text makes Textual re-parse the file and rebuild the highlight map of every line, which was
most of a replay step (bench/home.py). This pane replaces only the lines that differ, and
re-highlights only the rows that edit touched or whose syntax tree-sitter reports changed.

Textual rebuilds the whole map in `TextArea._build_highlight_map` after every edit and
keeps it in `_highlights`; neither is public, so this pane builds the map itself in the same
order (names in the order the query first captured them, nodes in document order).
tests/test_home.py checks, over a long session, that the map after each step equals a full
rebuild; a Textual upgrade that changes these internals fails there.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, NamedTuple

from textual.widgets import TextArea

if TYPE_CHECKING:
    from textual.widgets.text_area import Location


class LineEdit(NamedTuple):
    """Replace old text from `start` to `end` with `text`: the lines between two codes."""

    start: Location
    end: Location
    text: str
    first_row: int
    old_last_row: int
    new_last_row: int


def line_edit(old: str, new: str) -> LineEdit | None:
    """The edit that turns `old` into `new` by replacing only the lines that differ.

    None when the texts are equal, or when a line ends in `\\r` (Textual splits lines on
    every line ending, so rows would not match a split on `\\n`).
    """
    if old == new or "\r" in old or "\r" in new:
        return None
    old_lines, new_lines = old.split("\n"), new.split("\n")
    shortest = min(len(old_lines), len(new_lines))
    first = 0
    while first < shortest and old_lines[first] == new_lines[first]:
        first += 1
    same_tail = 0
    while same_tail < shortest - first and old_lines[-1 - same_tail] == new_lines[-1 - same_tail]:
        same_tail += 1
    old_last = len(old_lines) - 1 - same_tail
    new_last = len(new_lines) - 1 - same_tail
    inserted = "\n".join(new_lines[first : new_last + 1])
    if old_last < first and first < len(old_lines):  # rows inserted before row `first`
        start = end = (first, 0)
        text = inserted + "\n"
    elif old_last < first:  # rows added after the last row
        start = end = (first - 1, len(old_lines[first - 1]))
        text = "\n" + inserted
    elif new_last >= first:  # rows first..old_last replaced
        start, end, text = (first, 0), (old_last, len(old_lines[old_last])), inserted
    elif old_last + 1 < len(old_lines):  # rows removed, with the line break after them
        start, end, text = (first, 0), (old_last + 1, 0), ""
    else:  # the last rows removed, with the line break before them
        start, end = (first - 1, len(old_lines[first - 1])), (old_last, len(old_lines[old_last]))
        text = ""
    return LineEdit(start, end, text, first, old_last, new_last)


class CodeView(TextArea):
    """Read-only code that follows a replay: `show_code` moves it to another snapshot."""

    def __init__(self, **options: Any) -> None:
        super().__init__("", read_only=True, soft_wrap=False, **options)
        self.can_focus = False  # ←/→ belong to the timeline
        self._edit: tuple[LineEdit, Any] | None = None
        self._name_order: dict[str, int] = {}
        self._ties: list[set[str]] = []

    def show_code(self, code: str) -> None:
        """Show `code`, editing only the rows that differ from what is shown."""
        edit = line_edit(self.text, code)
        if edit is None:
            if code != self.text:
                self.replace(code, (0, 0), self.document.end, maintain_selection_offset=False)
        else:
            self._edit = (edit, getattr(self.document, "_syntax_tree", None))
            try:
                self.replace(edit.text, edit.start, edit.end, maintain_selection_offset=False)
            finally:
                self._edit = None
            self.move_cursor(self.document.end)  # where replacing the whole text leaves it
        self.history.clear()

    def _build_highlight_map(self) -> None:
        """Highlight every row, or after a `show_code` edit only the rows it changed."""
        self._line_cache.clear()
        query = self._highlight_query
        if query is None:
            self._highlights.clear()
            return
        rows = self._changed_rows()
        if rows is None or not self._highlight_rows(query, *rows):
            self._highlight_all(query)

    def _highlight_all(self, query: Any) -> None:
        """The whole map, as Textual builds it; remembers the order names came in."""
        captures = self.document.query_syntax_tree(query)
        self._name_order = {name: rank for rank, name in enumerate(captures)}
        self._highlights.clear()
        self._add(captures, 0, self.document.line_count)
        self._ties = [names for names in self._first_places().values() if len(names) > 1]

    def _highlight_rows(self, query: Any, low: int, high: int) -> bool:
        """Highlight rows `low`..`high` again; False when the whole map must be rebuilt.

        Where two names cover the same text the later one is drawn; Textual orders names by
        where each is first captured, so a new name, or a name now first captured earlier
        or later than another, needs the whole map.
        """
        captures = self.document.query_syntax_tree(query, (low, 0), (high + 1, 0))
        if any(name not in self._name_order for name in captures):
            return False
        for row in range(low, high + 1):
            self._highlights.pop(row, None)
        self._add(captures, low, high)
        return self._order_holds()

    def _add(self, captures: dict[str, list[Any]], low: int, high: int) -> None:
        """Add the captured nodes' highlights on rows `low`..`high`, names in their order."""
        highlights = self._highlights
        for name in sorted(captures, key=self._name_order.__getitem__):
            for node in captures[name]:
                (start_row, start_column), (end_row, end_column) = node.start_point, node.end_point
                for row in range(max(start_row, low), min(end_row, high) + 1):
                    begin = start_column if row == start_row else 0
                    end = end_column if row == end_row else None
                    highlights[row].append((begin, end, name))

    def _first_places(self) -> dict[tuple[int, int], set[str]]:
        """Where each name is first highlighted -> the names first highlighted there."""
        firsts: dict[str, tuple[int, int]] = {}
        highlights = self._highlights
        for row in sorted(highlights):
            for start, _, name in highlights[row]:
                if name not in firsts or (row, start) < firsts[name]:
                    firsts[name] = (row, start)
        places: dict[tuple[int, int], set[str]] = {}
        for name, place in firsts.items():
            places.setdefault(place, set()).add(name)
        return places

    def _order_holds(self) -> bool:
        """Names are still first highlighted in their order, and names that now start at
        the same place already did at the last full build (so their order is known)."""
        places = self._first_places()
        ranked = sorted(places)
        ranks = [sorted(self._name_order[name] for name in places[place]) for place in ranked]
        in_order = all(
            before[-1] < after[0] for before, after in zip(ranks, ranks[1:], strict=False)
        )
        return in_order and all(
            len(names) == 1 or any(names <= tied for tied in self._ties)
            for names in places.values()
        )

    def _changed_rows(self) -> tuple[int, int] | None:
        """The rows (first, last) to highlight again after the edit in progress; None: all.

        Moves the highlights of rows below the edit by the lines it added or removed.
        """
        if self._edit is None:
            return None
        edit, old_tree = self._edit
        new_tree = getattr(self.document, "_syntax_tree", None)
        if old_tree is None or new_tree is None:
            return None
        low = max(0, edit.first_row - 1)  # a removed row can join its neighbours' syntax
        high = min(max(edit.new_last_row, edit.first_row), self.document.line_count - 1)
        for changed in old_tree.changed_ranges(new_tree):
            low = min(low, changed.start_point[0])
            high = max(high, changed.end_point[0])
        shift = edit.new_last_row - edit.old_last_row
        if shift:
            highlights = self._highlights
            moved = {
                row + shift: items
                for row, items in highlights.items()
                if row > edit.old_last_row and row + shift > high
            }
            for row in [row for row in highlights if row >= edit.first_row]:
                del highlights[row]
            highlights.update(moved)
        return low, high
