"""Pilot tests of the code editor: auto-indent on Enter, one level back on Backspace."""

from __future__ import annotations

from textual.app import App, ComposeResult

from mockloop.tui.widgets.editor import CodeEditor, indent_after


class EditorApp(App[None]):
    """Just the editor, holding `text`, with the cursor at the end of it."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        editor = CodeEditor.code_editor(self.text, language=None, id="editor")
        yield editor

    def on_mount(self) -> None:
        editor = self.query_one(CodeEditor)
        editor.focus()
        editor.move_cursor(editor.document.end)


def test_indent_after_keeps_and_deepens() -> None:
    assert indent_after("    x = 1", 4) == "    "
    assert indent_after("    if x:  ", 4) == "        "
    assert indent_after("def f():", 4) == "    "
    assert indent_after("x", 4) == ""


async def test_enter_after_a_colon_adds_one_level() -> None:
    app = EditorApp("def f(x):")
    async with app.run_test() as pilot:
        await pilot.press("enter", *"if x:", "enter", *"return 1")
        assert app.query_one(CodeEditor).text == "def f(x):\n    if x:\n        return 1"


async def test_enter_keeps_the_indentation_of_a_plain_line() -> None:
    app = EditorApp("    total = 0")
    async with app.run_test() as pilot:
        await pilot.press("enter", *"x")
        assert app.query_one(CodeEditor).text == "    total = 0\n    x"


async def test_backspace_at_an_indent_removes_one_level() -> None:
    app = EditorApp("if x:\n        ")
    async with app.run_test() as pilot:
        await pilot.press("backspace")
        assert app.query_one(CodeEditor).text == "if x:\n    "
        await pilot.press("backspace")
        assert app.query_one(CodeEditor).text == "if x:\n"


async def test_backspace_inside_code_deletes_one_character() -> None:
    app = EditorApp("    ab")
    async with app.run_test() as pilot:
        await pilot.press("backspace")
        assert app.query_one(CodeEditor).text == "    a"


async def test_backspace_at_an_uneven_indent_goes_to_the_level_below() -> None:
    app = EditorApp("      ")
    async with app.run_test() as pilot:
        await pilot.press("backspace")
        assert app.query_one(CodeEditor).text == "    "


async def test_ctrl_a_selects_everything() -> None:
    app = EditorApp("a = 1\nb = 2")
    async with app.run_test() as pilot:
        await pilot.press("ctrl+a", "delete")
        assert app.query_one(CodeEditor).text == ""
