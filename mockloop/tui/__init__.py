"""The interview terminal UI (Textual). Only this package imports Textual.

`mockloop.tui.context` is plain Python (the dependencies the UI needs); `mockloop.tui.app`
and everything under `screens/` and `widgets/` import Textual.
"""
