"""Verification: running the code, fixing what failed, naming edge cases."""

from __future__ import annotations

from mockloop.clock import mmss
from mockloop.models import LevelBar
from mockloop.scoring.evidence import Evidence
from mockloop.scoring.tally import Tally, run_time


def verification(evidence: Evidence, bar: LevelBar, level: str) -> Tally | None:
    """Running the code, fixing what failed, and naming edge cases."""
    tally = Tally("verification")
    final = evidence.final
    if not evidence.runs and not evidence.edge_cases and not evidence.walkthroughs:
        return None
    if evidence.runs:
        seq, t, _ = evidence.runs[0]
        tally.note(
            seq,
            t,
            "first_run",
            f"First run at {mmss(t)} ({len(evidence.runs)} in all)",
            0.75,
        )
        if final is not None and final.source == "run":
            tally.note(
                final.seq,
                run_time(evidence, final.seq),
                "ran_final",
                "Ran the final version of the code",
                0.25,
            )
            if final.all_passed:
                tally.note(
                    final.seq,
                    run_time(evidence, final.seq),
                    "final_passes",
                    "The final run passed every case",
                    0.5,
                )
        elif final is not None:
            tally.note(
                -1,
                evidence.duration,
                "unrun_final",
                "Changed the code after the last run and never re-ran it",
                0.0,
                "-",
            )
    for seq, t, fixed in evidence.corrections[:1]:
        tally.note(seq, t, "fail_to_pass", f"A run fixed {fixed} previously failing case(s)", 0.5)
    for moment, phrase in evidence.edge_cases[:3]:
        tally.note(moment.seq, moment.t, "edge_case", f"Named the edge case “{phrase}”", 0.25)
    if evidence.walkthroughs:
        moment = evidence.walkthroughs[0]
        tally.note(moment.seq, moment.t, "walkthrough", "Walked through an example by hand", 0.25)
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
