"""Coding: correctness on hidden cases, speed on large inputs, and code quality."""

from __future__ import annotations

from mockloop.models import LevelBar
from mockloop.scoring.evidence import Evidence
from mockloop.scoring.tally import LONG_FUNCTION_LINES, Tally, clip, run_time


def coding(evidence: Evidence, bar: LevelBar, level: str) -> Tally | None:
    """Correctness on hidden cases, speed on large inputs, and code quality."""
    if not evidence.code_changed:
        return None
    tally = Tally("coding")
    final = evidence.final
    if final is None:
        tally.note(
            -1, evidence.duration, "unchecked", "The final code could not be checked", 0.0, "="
        )
        tally.limit(2.0, "the final code could not be checked")
        return tally
    seq, t = final.seq, run_time(evidence, final.seq)
    rate = final.hidden_rate
    if final.status in ("error", "crashed") and final.passed == 0:
        tally.note(
            seq, t, "broken", f"The final code does not run: {clip(final.message)}", 0.0, "-"
        )
    else:
        tally.note(
            seq,
            t,
            "hidden_pass_rate",
            f"Final code passes {final.hidden_passed}/{final.hidden_total} hidden cases",
            2.0 * rate,
            "+" if rate >= 0.5 else "-",
        )
    if final.performance_total:
        if final.performance_passed == final.performance_total and rate >= 0.5:
            tally.note(seq, t, "performance", "Fast enough on every large input", 0.5)
        elif final.performance_passed < final.performance_total:
            tally.note(
                seq,
                t,
                "too_slow",
                f"Failed {final.performance_total - final.performance_passed} large-input case(s)",
                0.0,
                "-",
            )
    elif rate == 1.0:
        tally.note(seq, t, "complete", "Every hidden case passes", 0.5)
    _quality(evidence, tally, working=rate >= 0.5)
    if rate < 0.5:
        tally.limit(2.0, "under half the hidden cases pass")
    return tally


def _quality(evidence: Evidence, tally: Tally, working: bool) -> None:
    """Ruff findings and function size on the final code (clean code only counts if it works)."""
    report = evidence.lint
    end = evidence.duration
    if not report.ran:
        # Not the candidate's doing: working code keeps the points lint would have checked.
        tally.note(
            -1,
            end,
            "lint_skipped",
            f"{report.note.capitalize()}; nothing deducted for it",
            0.5 if working else 0.0,
            "=",
        )
    elif not report.findings:
        tally.note(
            -1,
            end,
            "clean_code",
            "Ruff found nothing to fix in the final code"
            + ("" if working else " (no credit: the code does not work)"),
            0.5 if working else 0.0,
            "+" if working else "=",
        )
    else:
        penalty = -min(0.75, 0.25 * len(report.findings))
        listed = "; ".join(f"line {f.line} {f.code}: {f.message}" for f in report.findings[:3])
        tally.note(-1, end, "lint", f"{len(report.findings)} ruff finding(s): {listed}", penalty)
    if report.longest_function > LONG_FUNCTION_LINES:
        tally.note(
            -1,
            end,
            "long_function",
            f"`{report.longest_name}` is {report.longest_function} lines long",
            -0.25,
        )
