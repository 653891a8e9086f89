"""The start form: company, level (with that company's titles), round, problem, minutes."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Button, Input, Label, Select, Static

from mockloop.tui.home.sources import Choices, StartRequest


class StartForm(Vertical):
    """Posts `StartRequested` with the choices; the screen checks and launches them."""

    @dataclass
    class StartRequested(Message):
        """The form was submitted."""

        request: StartRequest

    def __init__(self, *, id: str | None = None) -> None:  # noqa: A002
        super().__init__(id=id)
        self.choices: Choices | None = None
        self.preferred_level = "senior"

    def compose(self) -> ComposeResult:
        """The fields, disabled until the choices are loaded."""
        yield Label("Company")
        yield Select[str]([], prompt="loading…", id="company", compact=True)
        yield Label("Level")
        yield Select[str]([], prompt="loading…", id="level", compact=True)
        yield Label("Round")
        yield Select[str]([], prompt="loading…", id="round", compact=True)
        yield Input(placeholder="problem (optional)", id="problem", compact=True)
        yield Input(placeholder="minutes (optional)", id="minutes", type="integer", compact=True)
        yield Button("Start interview", id="start-button", variant="primary", compact=True)
        yield Static("", id="start-error")

    def offer(self, choices: Choices, last: StartRequest | None = None) -> None:
        """Fill the selects once the catalog is loaded, set to the `last` session's company,
        level and round when there is one (most practice repeats the same loop), else to
        the first company, senior and coding."""
        self.choices = choices
        self.preferred_level = last.level if last else "senior"
        ids = [company.id for company in choices.companies]
        companies = self.query_one("#company", Select)
        companies.set_options([(company.name, company.id) for company in choices.companies])
        rounds = self.query_one("#round", Select)
        rounds.set_options([(name, name) for name in choices.rounds])
        focus = last.focus if last and last.focus in choices.rounds else "coding"
        if focus in choices.rounds:
            rounds.value = focus
        if ids:
            company_id = last.company if last and last.company in ids else ids[0]
            companies.value = company_id
            self._offer_levels(company_id)

    def _offer_levels(self, company_id: str) -> None:
        """The levels with this company's titles, e.g. `senior (L5)`."""
        if self.choices is None:
            return
        for company in self.choices.companies:
            if company.id == company_id:
                levels = self.query_one("#level", Select)
                levels.set_options([(f"{name} ({title})", name) for name, title in company.levels])
                names = [name for name, _ in company.levels]
                for name in (self.preferred_level, "senior"):
                    if name in names:
                        levels.value = name
                        break

    @on(Select.Changed, "#company")
    def _company_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self._offer_levels(event.value)

    def request(self) -> StartRequest | None:
        """The choices as a request; None (with a message) when one is missing."""
        names = ("company", "level", "round")
        values = [self.query_one(f"#{name}", Select).value for name in names]
        if not all(isinstance(value, str) for value in values):
            self.complain("The choices are still loading.")
            return None
        company, level, focus = (str(value) for value in values)
        problem = self.query_one("#problem", Input).value.strip() or None
        minutes_text = self.query_one("#minutes", Input).value.strip()
        try:
            minutes = int(minutes_text) if minutes_text else None
        except ValueError:
            self.complain("Minutes must be a whole number.")
            return None
        return StartRequest(company, level, focus, problem, minutes)

    def complain(self, message: str) -> None:
        """Show why the form cannot start."""
        self.query_one("#start-error", Static).update(message)

    @on(Button.Pressed, "#start-button")
    @on(Input.Submitted)
    def _submit(self, event: Message) -> None:
        event.stop()
        request = self.request()
        if request is not None:
            self.complain("")
            self.post_message(self.StartRequested(request))
