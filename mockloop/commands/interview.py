"""`mockloop start` and `mockloop resume`: check everything, then open the interview UI.

Arguments are validated and the session is prepared before Textual is imported, so a typo
exits with one message and code 2 without ever touching the terminal's screen. Run by the
launcher (mockloop/launcher.py) with MOCKLOOP_HANDOFF=1, these commands stop there and print
the session's cover for the launcher's UI; otherwise they run the UI in this process.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Sequence

from mockloop.clock import WallClock
from mockloop.collector import collector_paused, keep_loaded_objects
from mockloop.conductor import Conductor, Round, Services
from mockloop.cover import handing_off, resume_offset
from mockloop.errors import MockloopError, UsageError
from mockloop.events import Event
from mockloop.interviews import catalog as default_catalog
from mockloop.interviews import interview_type
from mockloop.session import Session
from mockloop.store import Store
from mockloop.tui.context import Interview, Opening


def start(
    company: str,
    level: str,
    focus: str,
    problem: str | None,
    model: str | None,
    api_base: str | None,
    seed: int | None,
    minutes: int | None,
    strict: bool = False,
    offline: bool = False,
) -> None:
    """Plan a new interview (choosing an unseen problem when none is given) and run it.

    With a model, the preflight runs before the session exists: a missing key is a usage
    error naming its variable; a server that does not answer is said within 3 s.
    """

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
            strict=strict,
            offline=offline,
        )
        if plan.started.model is not None:
            from mockloop.llm import preflight

            preflight(plan.started.model, plan.started.api_base)
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

    Handing over, the store's notices are printed before the cover line, so nothing prints
    over the launcher's screen; the launcher loads the session once this process has exited
    (and so released its claim on the session). The cover holds a new session's greeting,
    worked out here, so the first frame shows it; the UI logs it once the session is open.
    """
    with collector_paused():
        store = Store.open()
        try:
            interview = prepare(session_in(store), store, resumed=resumed)
            opening = Opening.of(interview, foresee=True)
            if not handing_off():
                run_here(opening)
                return
            for notice in store.notices():
                print(f"mockloop: {notice}", file=sys.stderr)
            print(opening.cover.to_json(), flush=True)
        finally:
            if handing_off():
                close_quietly(store)
            else:
                finish(store.notices, store.close)


def close_quietly(store: Store) -> None:
    """Close the store after the cover was handed over: nothing may print over the screen."""
    with contextlib.suppress(MockloopError):
        store.close()


def run_here(opening: Opening) -> None:
    """Run the interview UI in this process (when not started by the launcher)."""
    from mockloop.tui.run import run_interview

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
    return store.resolve(session_id)


def prepare(session: Session, store: Store, *, resumed: bool) -> Interview:
    """Resolve the session's round (type, persona, pack, rubric); its services load later."""
    catalog = default_catalog()
    started = session.started
    kind = interview_type(started.focus)
    persona = catalog.persona(started.persona)
    pack = kind.pack(catalog, started.problem)
    rubric = catalog.rubrics.get(started.rubric) or catalog.rubric(kind.focus)
    round_ = Round(kind, persona, pack, rubric, catalog)
    conductor = Conductor(session, round_)

    def connect() -> Services:
        """Import and build the interviewer and, for rounds with tests, a warm runner."""
        from mockloop.config import load_settings
        from mockloop.engine.factory import with_model

        offline = kind.interviewer(persona, pack, rubric)
        timeout = load_settings().request_timeout if started.model else None
        services = Services(interviewer=with_model(offline, started, request_timeout=timeout))
        if kind.runner is not None:
            run_tests, warm_up = kind.runner()
            services.run_tests = run_tests
            services.warm_up = lambda: warm_up(pack)
        keep_loaded_objects()
        return services

    async def write_report() -> tuple[str, str]:
        payload, report = await conductor.score()
        return payload.path, report.markdown

    return Interview(
        conductor=conductor,
        connect=connect,
        write_report=write_report,
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
