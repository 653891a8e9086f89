"""Verification: checking the code the way interviewers reward it.

Credit goes to tracing an example by hand before the first run, to how much of the first run
passes, to explaining a failure before changing the code, to a final run that passes and to
edge cases named. Many runs of small changes with no words between them is trial and error
and counts against.
"""

from __future__ import annotations

from mockloop.clock import mmss
from mockloop.models import LevelBar
from mockloop.scoring.evidence import Evidence
from mockloop.scoring.tally import Tally, run_time

SMALL_CHANGE_LINES = 4
"""A retry changing at most this many lines is a small fix."""
TRIAL_AND_ERROR_RUNS = 3
"""This many silent small-fix retries read as trial and error."""


def verification(evidence: Evidence, bar: LevelBar, level: str) -> Tally | None:
    """Tracing before running, the first run, explaining failures, the final run, edge cases."""
    tally = Tally("verification")
    final = evidence.final
    if not evidence.runs and not evidence.edge_cases and not evidence.walkthroughs:
        return None
    first_run_t = evidence.runs[0][1] if evidence.runs else None
    traced = [m for m in evidence.walkthroughs if first_run_t is None or m.t < first_run_t]
    if traced:
        tally.note(
            traced[0].seq,
            traced[0].t,
            "traced",
            "Traced an example by hand before the first run",
            0.5,
        )
    if evidence.runs:
        _runs(evidence, tally)
    if evidence.explained_failures:
        moment = evidence.explained_failures[0]
        tally.note(
            moment.seq,
            moment.t,
            "explained_failure",
            "Explained a failure before changing the code",
            0.5,
        )
    silent = [
        retry
        for retry in evidence.retries
        if not retry.spoke and retry.changed_lines <= SMALL_CHANGE_LINES
    ]
    if len(silent) >= TRIAL_AND_ERROR_RUNS:
        tally.note(
            silent[0].seq,
            silent[0].t,
            "trial_and_error",
            f"{len(silent)} runs of small changes with no words between them (trial and error)",
            -0.5,
        )
    for moment, phrase in evidence.edge_cases[:2]:
        tally.note(moment.seq, moment.t, "edge_case", f"Named the edge case “{phrase}”", 0.25)
    if len(evidence.runs) >= 8 and evidence.unchanged_reruns >= 3:
        tally.note(
            -1,
            evidence.duration,
            "run_spam",
            f"{evidence.unchanged_reruns} reruns of unchanged code",
            -0.25,
        )
    if not evidence.runs and final is not None and not final.all_passed:
        tally.limit(2.0, "the code was never run and fails")
    tally.expect(
        bar.needs_edge_cases and not evidence.edge_cases,
        "name or test edge cases unprompted",
        level,
    )
    return tally


def _runs(evidence: Evidence, tally: Tally) -> None:
    """The first run's pass rate, and whether the final code was run and passed."""
    final = evidence.final
    seq, t, first = evidence.runs[0]
    rate = first.passed / first.total if first.total else 0.0
    tally.note(
        seq,
        t,
        "first_run",
        f"First run at {mmss(t)} passed {first.passed}/{first.total} "
        f"({len(evidence.runs)} run{'' if len(evidence.runs) == 1 else 's'} in all)",
        0.75 * rate,
        "+" if rate >= 0.5 else "-",
    )
    if final is not None and final.source == "run":
        when = run_time(evidence, final.seq)
        tally.note(final.seq, when, "ran_final", "Ran the final version of the code", 0.25)
        if final.all_passed:
            tally.note(final.seq, when, "final_passes", "The final run passed every case", 0.5)
    elif final is not None:
        tally.note(
            -1,
            evidence.duration,
            "unrun_final",
            "Changed the code after the last run and never re-ran it",
            0.0,
            "-",
        )
