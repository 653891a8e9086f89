"""`mockloop replay ID`: step through a past session in the terminal UI."""

from __future__ import annotations

from mockloop.store import Store


def run(session_id: str) -> None:
    """Load the session's log (and its evidence, when scored) and open the Replay screen."""
    from mockloop.commands.home import scorecard

    store = Store.open()
    try:
        events = store.load(session_id)
    finally:
        store.close()
    evidence = scorecard(session_id, events).evidence
    from mockloop.tui.replay.app import ReplayApp

    ReplayApp(events, session_id, evidence).run()
