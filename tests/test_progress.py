"""Markers, stats, trends and the prep plan over stored sessions; `stats` and `history --json`."""

from __future__ import annotations

import datetime
import json
from pathlib import Path

from home_support import CODING, START, session_events, store_sessions, twenty_sessions
from typer.testing import CliRunner

from mockloop import paths
from mockloop.cli import app
from mockloop.completeness import is_incomplete
from mockloop.errors import UsageError
from mockloop.progress.prep import next_problem, streak, weakest_dimensions
from mockloop.progress.replay import Timeline, evidence_seq
from mockloop.progress.stats import compute_stats, trends
from mockloop.store import Store

STATS_KEYS = {"sessions", "dimensions", "verdicts", "by_company", "by_focus"}


def stored(sessions=None):  # type: ignore[no-untyped-def]
    """Write sessions (default: the twenty) to MOCKLOOP_HOME's database; return outcomes."""
    store_sessions(paths.database_path(), sessions or twenty_sessions())
    store = Store.open()
    try:
        return store.outcomes()
    finally:
        store.close()


def test_the_incomplete_rule_needs_a_short_session_without_a_passing_run():
    assert is_incomplete(ended=True, used_seconds=600, minutes=45, passing_run=False)
    assert not is_incomplete(ended=True, used_seconds=600, minutes=45, passing_run=True)
    assert not is_incomplete(ended=True, used_seconds=700, minutes=45, passing_run=False)
    assert not is_incomplete(ended=False, used_seconds=60, minutes=45, passing_run=False)


def test_outcomes_carry_markers_and_dimensions():
    outcomes = {outcome.id: outcome for outcome in stored()}
    assert len(outcomes) == 20
    assert outcomes["s05abcdef01"].incomplete and outcomes["s05abcdef01"].shown_verdict == (
        "Incomplete"
    )
    assert outcomes["s08abcdef01"].simulated and not outcomes["s08abcdef01"].incomplete
    assert sum(outcome.incomplete for outcome in outcomes.values()) == 1
    assert outcomes["s00abcdef01"].dimensions == CODING
    assert outcomes["s03abcdef01"].focus == "behavioral"


def test_a_short_session_with_a_passing_run_is_not_incomplete():
    events = session_events(used=120.0, passed=True)
    [outcome] = stored([("short", START, events)])
    assert not outcome.incomplete and outcome.counts


def test_stats_json_has_the_fixed_schema_and_leaves_out_incomplete_and_simulated():
    stored()
    result = CliRunner().invoke(app, ["stats", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert set(data) == STATS_KEYS
    assert data["sessions"] == 18
    assert set(data["dimensions"]["coding"]) == {"mean", "last5", "prev5"}
    assert all(isinstance(value, float) for value in data["dimensions"]["coding"].values())
    assert sum(data["verdicts"].values()) == 18
    assert set(data["by_company"]) == {"Google", "Meta", "Amazon"}
    assert data["by_focus"] == {"coding": 13, "behavioral": 5}
    everything = json.loads(CliRunner().invoke(app, ["stats", "--json", "--all"]).stdout)
    assert everything["sessions"] == 20


def test_stats_last5_and_prev5_are_means_of_the_latest_sessions():
    sessions = [
        (f"id{n:02d}", START + datetime.timedelta(days=n), session_events(dimensions={"c": n}))
        for n in range(1, 13)
    ]
    outcomes = stored(sessions)
    data = compute_stats(outcomes)
    assert data["dimensions"]["c"] == {"mean": 6.5, "last5": 10.0, "prev5": 5.0}
    few = compute_stats([outcome for outcome in outcomes if outcome.id in ("id01", "id02")])
    assert few["dimensions"]["c"] == {"mean": 1.5, "last5": 1.5, "prev5": None}


def test_stats_without_sessions_and_bad_flags():
    runner = CliRunner()
    empty = json.loads(runner.invoke(app, ["stats", "--json"]).stdout)
    assert empty == {
        "sessions": 0,
        "dimensions": {},
        "verdicts": {},
        "by_company": {},
        "by_focus": {},
    }
    both = runner.invoke(app, ["stats", "--json", "--md"])
    assert isinstance(both.exception, UsageError) and both.exception.exit_code == 2


def test_stats_md_is_a_shareable_summary():
    stored()
    text = CliRunner().invoke(app, ["stats", "--md"]).stdout
    assert text.startswith("# MockLoop progress\n")
    assert "18 sessions counted" in text and "2 incomplete or simulated" in text
    assert "| Problem solving |" in text and "## Companies" in text


def test_history_json_rows_carry_id_focus_simulated_and_incomplete():
    stored()
    rows = json.loads(CliRunner().invoke(app, ["history", "--json"]).stdout)
    by_id = {row["id"]: row for row in rows}
    assert by_id["s05abcdef01"]["incomplete"] is True
    assert by_id["s08abcdef01"]["simulated"] is True
    assert by_id["s03abcdef01"]["focus"] == "behavioral"
    assert {row["simulated"] for row in rows} == {True, False}


def test_trends_are_per_round_and_skip_incomplete_and_simulated():
    found = {(trend.focus, trend.dimension): trend for trend in trends(stored())}
    coding = found[("coding", "verification")]
    assert len(coding.values) == 13
    assert coding.values == sorted(coding.values)  # the fixture improves over time
    assert coding.change is not None and coding.change > 0
    assert ("behavioral", "impact") in found


def test_prep_plan_uses_recent_sessions_and_suggests_an_unseen_problem():
    outcomes = stored()
    weakest = weakest_dimensions(outcomes)
    assert {weakness.dimension for weakness in weakest} == {"impact", "verification"}
    from mockloop.interviews import catalog as default_catalog

    suggestion = next_problem(outcomes, default_catalog().problems.values())
    assert suggestion is not None and suggestion.slug not in {"two-sum", "group-anagrams"}


def test_streak_counts_consecutive_days_up_to_today():
    outcomes = stored()
    last_day = max(outcome.started_at for outcome in outcomes).astimezone().date()
    assert streak(outcomes, last_day) == 10
    assert streak(outcomes, last_day + datetime.timedelta(days=1)) == 10
    assert streak(outcomes, last_day + datetime.timedelta(days=2)) == 0


def test_simulated_sessions_are_marked_and_their_dates_agree(mockloop_home: Path):
    script = Path(__file__).parent / "scripts" / "strong.yaml"
    result = json.loads(CliRunner().invoke(app, ["simulate", str(script), "--json"]).stdout)
    rows = json.loads(CliRunner().invoke(app, ["history", "--json"]).stdout)
    [row] = rows
    assert row["simulated"] is True and row["id"] == result["session_id"]
    report_date = Path(result["report"]).name[:10]
    history_date = datetime.datetime.fromisoformat(row["date"]).astimezone().date()
    assert report_date == history_date.isoformat()


def test_timeline_folds_up_to_the_cursor_and_knows_an_unfinished_end():
    events = session_events(ended=False)
    timeline = Timeline(events)
    assert not timeline.finished
    early = timeline.at(2)
    said = [e.payload.text for e in early.log if e.kind in ("candidate_said", "interviewer_said")]
    assert said[-1].startswith("Can the list")  # type: ignore[attr-defined]
    assert timeline.at(99).at_end and "not finished" in timeline.end_note()
    assert timeline.at(5).state.code != timeline.at(4).state.code
    assert timeline.index_of_seq(3) == 3
    assert evidence_seq("Asked (02:30, event #16)") == 16


def test_verdicts_are_counted_down_the_ladder_not_by_how_often():
    from collections import Counter

    from mockloop.progress.stats import ladder_order

    counts = Counter({"No Hire": 3, "Strong Hire": 1, "Hire": 2, "-": 1, "Strong No Hire": 2})
    assert list(ladder_order(counts)) == ["Strong Hire", "Hire", "No Hire", "Strong No Hire", "-"]
