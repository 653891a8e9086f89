"""Run the interview UI to its end and say what became of the session.

Shared by the launcher (two-process start) and `mockloop start` run in one process.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mockloop.tui.context import Opening


def run_interview(opening: Opening) -> int:
    """Run the UI; whatever way it stops, the session stays resumable unless it ended."""
    from mockloop.clock import mmss
    from mockloop.tui.app import InterviewApp

    app = InterviewApp(opening)
    try:
        app.run()
    finally:
        app.save_for_resume()
    interview, session_id = app.interview, opening.cover.session_id
    error = app.interview_screen.open_error
    if error is not None:
        print(f"mockloop: could not open session {session_id}: {error}", file=sys.stderr)
        return 1
    if interview is None:
        print(f"Session {session_id} saved. Continue with `mockloop resume`.")
        return app.return_code or 0
    session = interview.session
    if not session.state.ended:
        print(
            f"Session {session.id} saved ({session.state.phase} phase, "
            f"{mmss(session.remaining())} left). Continue with `mockloop resume`."
        )
    elif session.state.scorecard is not None:
        print(f"Report: {session.state.scorecard.path}")
    else:
        print(f"Session {session.id} ended; its log is in {interview.log_location}.")
    return app.return_code or 0
