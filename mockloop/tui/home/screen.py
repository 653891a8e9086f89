"""The Home screen: sessions (filter, sort), trends, the prep plan and the start form.

A controller: it fills stock widgets from `HomeSources`, loads the slow parts (catalog,
problem bank) in a thread worker after the first frame, and hands a checked start request
to the app.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import (
    DataTable,
    Footer,
    Header,
    Markdown,
    Select,
    Static,
    TabbedContent,
    TabPane,
)
from textual.worker import Worker, WorkerState

from mockloop.progress.prep import PrepPlan, prep_markdown
from mockloop.progress.stats import trends
from mockloop.store.outcomes import SessionOutcome
from mockloop.tui.home.sessions import SessionsTable
from mockloop.tui.home.sources import Choices, HomeSources, StartRequest
from mockloop.tui.home.start_form import StartForm
from mockloop.tui.home.trends import TrendsPanel

WELCOME = (
    "Welcome to MockLoop: practise coding interviews in your terminal with an interviewer "
    "persona, hidden tests and an evidence-backed scorecard. Pick a company and start."
)
ALL = "all"


class HomeScreen(Screen[None]):
    """Past sessions, trends, prep plan and start form."""

    @dataclass
    class SessionChosen(Message):
        """A row of the sessions table was chosen."""

        session_id: str

    BINDINGS = [
        Binding("n", "new", "New interview", id="home.new"),
        Binding("s", "show_tab('sessions')", "Sessions", id="home.sessions"),
        Binding("t", "show_tab('trends')", "Trends", id="home.trends"),
        Binding("q", "app.quit", "Quit", id="home.quit"),
    ]

    def __init__(self, sources: HomeSources) -> None:
        super().__init__()
        self.sources = sources

    @property
    def outcomes(self) -> list[SessionOutcome]:
        """Every session, newest first."""
        return self.sources.outcomes

    def compose(self) -> ComposeResult:
        """Tabs on the left, the prep plan on the right."""
        yield Header()
        with Horizontal(id="home-body"):
            with Vertical(id="home-main"):
                if not self.outcomes:
                    yield Static(WELCOME, id="welcome")
                with TabbedContent(initial="start" if not self.outcomes else "sessions"):
                    with TabPane("Sessions", id="sessions"):
                        with Horizontal(id="filters"):
                            yield Select[str](
                                self._options(o.company for o in self.outcomes),
                                prompt="all companies",
                                id="company-filter",
                                compact=True,
                            )
                            yield Select[str](
                                self._options(o.focus for o in self.outcomes),
                                prompt="all rounds",
                                id="round-filter",
                                compact=True,
                            )
                        yield SessionsTable(id="sessions-table")
                    with TabPane("Trends", id="trends"):
                        yield TrendsPanel(trends(self.outcomes), id="trends-panel")
                    with TabPane("Start", id="start"):
                        yield StartForm(id="start-form")
            with VerticalScroll(id="prep"):
                yield Static("Prep plan", classes="sidebar-title")
                yield Markdown("Loading your prep plan…", id="prep-plan")
        yield Footer()

    @staticmethod
    def _options(values: object) -> list[tuple[str, str]]:
        names = sorted(set(values))  # type: ignore[call-overload]
        return [(str(name), str(name)) for name in names]

    def on_mount(self) -> None:
        """Fill the table now; the catalog and prep plan load behind the first frame."""
        self.title = "MockLoop"
        self.sub_title = f"{len(self.outcomes)} sessions" if self.outcomes else "Home"
        self.refresh_table()
        # Keys go where the eye goes: the sessions (arrows, Enter opens one) or, with none
        # yet, the form's first field; not the tab bar Textual would pick.
        if self.outcomes:
            self.query_one(SessionsTable).focus()
        else:  # once the Start tab is shown: a hidden field cannot take focus
            self.call_after_refresh(self.query_one("#company", Select).focus)
        self.call_after_refresh(self.load_slow_parts)  # after the first frame, not before

    @work(thread=True, exclusive=True, group="home-load", exit_on_error=False)
    def load_slow_parts(self) -> None:
        """Load the form's choices and the prep plan off the event loop."""
        choices = self.sources.choices()
        self.app.call_from_thread(self._show_choices, choices)
        plan = self.sources.prep(self.outcomes)
        self.app.call_from_thread(self._show_plan, plan)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """A failed load says so where its content would be, instead of "Loading…" forever."""
        if event.worker.group == "home-load" and event.state == WorkerState.ERROR:
            message = f"Could not load the prep plan: {event.worker.error}"
            self.query_one("#prep-plan", Markdown).update(message)
            self.notify(message, severity="error", timeout=10)

    def _show_choices(self, choices: Choices) -> None:
        last = self.outcomes[0] if self.outcomes else None
        request = StartRequest(last.persona, last.level, last.focus) if last else None
        self.query_one(StartForm).offer(choices, request)

    def _show_plan(self, plan: PrepPlan) -> None:
        self.query_one("#prep-plan", Markdown).update(prep_markdown(plan))

    def filtered(self) -> list[SessionOutcome]:
        """The sessions the filters let through."""
        company = self.query_one("#company-filter", Select).value
        focus = self.query_one("#round-filter", Select).value
        return [
            outcome
            for outcome in self.outcomes
            if (not isinstance(company, str) or outcome.company == company)
            and (not isinstance(focus, str) or outcome.focus == focus)
        ]

    def refresh_table(self) -> None:
        """Show the filtered sessions."""
        self.query_one(SessionsTable).show(self.filtered())

    @on(Select.Changed, "#company-filter, #round-filter")
    def _filter_changed(self) -> None:
        self.refresh_table()

    @on(DataTable.RowSelected, "#sessions-table")
    def _session_chosen(self, event: DataTable.RowSelected) -> None:
        session_id = event.row_key.value
        if session_id is not None:
            self.post_message(self.SessionChosen(session_id))

    @on(StartForm.StartRequested)
    def _start_requested(self, event: StartForm.StartRequested) -> None:
        self.check_and_start(event.request)

    @work(thread=True, exclusive=True, group="home-start", exit_on_error=False)
    def check_and_start(self, request: StartRequest) -> None:
        """Check the choices as `mockloop start` would; exit Home with them when fine."""
        problem = self.sources.check(request)
        if problem is not None:
            self.app.call_from_thread(self.query_one(StartForm).complain, problem)
            return
        self.app.call_from_thread(self.app.exit, request)

    def action_new(self) -> None:
        """Go to the start form."""
        self.action_show_tab("start")
        self.query_one("#company", Select).focus()

    def action_show_tab(self, tab: str) -> None:
        """Switch tabs; on Sessions, the table takes the keys."""
        self.query_one(TabbedContent).active = tab
        if tab == "sessions":
            self.query_one(SessionsTable).focus()
