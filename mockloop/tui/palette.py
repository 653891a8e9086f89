"""Command-palette entries for the interview: hint, run, end, toggle the problem."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

COMMANDS = (
    ("Ask for a hint", "The interviewer gives the next hint", "hint"),
    ("Run tests", "Run your code against the hidden tests (F5)", "run_tests"),
    ("End interview", "Finish and get the scorecard (F10)", "end"),
    ("Toggle problem statement", "Collapse or expand the problem", "toggle_problem"),
    ("Switch focus", "Move between the editor and the chat (F6)", "switch_focus"),
    ("Select all code", "Select everything in the editor (Ctrl+A, or F7)", "select_all_code"),
)


class InterviewCommands(Provider):
    """Offers the interview screen's actions by name."""

    async def discover(self) -> Hits:
        """Every command, shown when the palette opens."""
        for name, help_text, action in COMMANDS:
            yield DiscoveryHit(name, partial(self.screen.run_action, action), help=help_text)

    async def search(self, query: str) -> Hits:
        """Commands whose names match what was typed."""
        matcher = self.matcher(query)
        for name, help_text, action in COMMANDS:
            score = matcher.match(name)
            if score > 0:
                command = partial(self.screen.run_action, action)
                yield Hit(score, matcher.highlight(name), command, help=help_text)
