"""`mockloop start` and `mockloop resume`: check everything, then open the interview UI.

Arguments are validated and the session is prepared before Textual is imported, so a typo
exits with one message and code 2 without ever touching the terminal's screen. Run by the
launcher (mockloop/launcher.py) with MOCKLOOP_HANDOFF=1, these commands stop there and print
the session's cover for the launcher's UI; otherwise they run the UI in this process.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence

from mockloop.catalog import default_catalog
from mockloop.clock import WallClock
from mockloop.collector import collector_paused, keep_loaded_objects
from mockloop.cover import handing_off, resume_offset
from mockloop.errors import MockloopError, UsageError
from mockloop.events import Event
from mockloop.session import Session
from mockloop.snapshots import SnapshotPolicy
from mockloop.store import Store
from mockloop.tui.context import Interview, Opening, Services


def start(
    company: str,
    level: str,
    focus: str,
    problem: str | None,
    model: str | None,
    api_base: str | None,
    seed: int | None,
    minutes: int | None,
) -> None:
    """Plan a new interview (choosing an unseen problem when none is given) and run it."""

    def new_session(store: Store) -> Session:
        from mockloop.planning import plan_interview

        plan = plan_interview(
            default_catalog(),
            company,
            level,
            focus=focus,
            problem_slug=problem,
            model=model,
            api_base=api_base,
            seed=seed,
            minutes=minutes,
            done_slugs=store.done_slugs(),
        )
        session = Session.start(plan.started, store, WallClock())
        store.claim(session.id)
        return session

    present(new_session, resumed=False)


def resume(session_id: str | None) -> None:
    """Reopen an unfinished session (the latest when no id is given) where it stopped."""

    def unfinished_session(store: Store) -> Session:
        full_id = resolve(store, session_id)
        store.claim(full_id)  # one writer per session: a second window is refused (exit 2)
        events = store.load(full_id)
        if any(event.kind == "session_ended" for event in events):
            raise UsageError(
                f"Session {full_id} has already ended; see it with `mockloop report {full_id}`."
            )
        return loaded_session(full_id, events, store)

    present(unfinished_session, resumed=True)


def loaded_session(session_id: str, events: Sequence[Event], store: Store) -> Session:
    """A stored session whose clock continues from its last recorded moment."""
    return Session(session_id, events, store, WallClock(offset=resume_offset(events)))


def present(session_in: Callable[[Store], Session], *, resumed: bool) -> None:
    """Get the session from the store; hand its cover to the launcher, or run its UI here.

    Handing over, the store is closed (and its notices printed) before the cover line, so
    the launcher can draw as soon as the line arrives and nothing prints over its screen.
    """
    with collector_paused():
        store = Store.open()
        try:
            opening = Opening.of(prepare(session_in(store), store, resumed=resumed))
            if not handing_off():
                run_here(opening)
                return
        finally:
            finish(store.notices, store.close)
    print(opening.cover.to_json(), flush=True)


def run_here(opening: Opening) -> None:
    """Run the interview UI in this process (when not started by the launcher)."""
    from mockloop.launcher import run_interview

    code = run_interview(opening)
    if code:
        raise SystemExit(code)


def open_session(session_id: str, *, resumed: bool) -> Interview:
    """Load a session the launcher's child prepared (in the UI, after its first frame)."""
    store = Store.open()
    try:
        store.claim(session_id)
        session = loaded_session(session_id, store.load(session_id), store)
        return prepare(session, store, resumed=resumed)
    except BaseException:
        store.close()
        raise


def resolve(store: Store, session_id: str | None) -> str:
    """The full id for a prefix, or the latest unfinished session's id."""
    if session_id is None:
        latest = store.latest_unfinished()
        if latest is None:
            raise UsageError(
                "There is no unfinished session to resume. "
                "Start one with `mockloop start --company C --level L`."
            )
        return latest
    matches = [summary.id for summary in store.history() if summary.id.startswith(session_id)]
    if len(matches) > 1:
        raise UsageError(f"Session id '{session_id}' is ambiguous; give more characters.")
    if not matches:
        store.load(session_id)  # raises the store's own "no such session" message
        return session_id
    return matches[0]


def prepare(session: Session, store: Store, *, resumed: bool) -> Interview:
    """Resolve the session's persona, problem and rubric; the services load after the UI."""
    catalog = default_catalog()
    started = session.started
    persona = catalog.persona(started.persona)
    problem = catalog.problem(started.problem)
    rubric = catalog.rubrics.get(started.rubric) or catalog.rubric(started.focus)

    def connect() -> Services:
        """Import and build the interviewer, the sandbox runner and the scorer."""
        from mockloop.engine.factory import make_interviewer
        from mockloop.runner.sandbox import Runner, tests_run_payload
        from mockloop.scoring import write_scorecard

        runner = Runner(keep_warm=True)  # after each run, the next child waits pre-spawned
        services = Services(
            interviewer=make_interviewer(persona, problem, rubric, started),
            run_tests=runner.run,
            warm_up=lambda: runner.prepare(problem),
            record_run=tests_run_payload,
            write_scorecard=write_scorecard,
        )
        keep_loaded_objects()
        return services

    return Interview(
        session=session,
        persona=persona,
        problem=problem,
        rubric=rubric,
        connect=connect,
        policy=SnapshotPolicy(),
        log_location=str(store.path),
        durable=store.sync,
        release=store.close,
        notices=store.notices,
        resumed=resumed,
    )


def finish(notices: Callable[[], list[str]], close: Callable[[], object]) -> None:
    """Close the store and pass on what the user must know (the store prints recovery files)."""
    for notice in notices():
        print(f"mockloop: {notice}", file=sys.stderr)
    try:
        close()
    except MockloopError as error:
        print(f"mockloop: {error.message}", file=sys.stderr)
