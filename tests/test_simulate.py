"""`mockloop simulate`: strict scripts, the five example candidates, determinism, the clock."""

from __future__ import annotations

import asyncio
import datetime
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from mockloop.cli import app
from mockloop.errors import UsageError
from mockloop.events import InterviewerSaid, SessionEnded
from mockloop.simulation import load_script, parse_script, simulate
from mockloop.store import Store

SCRIPTS = Path(__file__).parent / "scripts"
ORDER = ["strong", "hint_reliant", "silent_coder", "wrong_solution", "out_of_time"]
MINIMAL = "company: google\nlevel: senior\nproblem: two-sum\nactions:\n  - {at: 10, say: hi}\n"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (MINIMAL.replace("level: senior", "level: senior\nsed: 3"), r"line 3: sed: unknown field"),
        (MINIMAL + "  - {at: 20, say: hi, run: true}\n", r"line 6: actions\.1: .*exactly one"),
        (MINIMAL + "  - {at: 5, run: true}\n", r"line 6: actions\.1\.at: 5 is earlier"),
        (MINIMAL + "  - {at: 20, hint: false}\n", r"line 6: actions\.1\.hint"),
        (MINIMAL.replace("company: google\n", ""), r"company: required|company: Field required"),
        (MINIMAL + "  - {at: 20, say: [unclosed\n", r"line \d+.*invalid YAML"),
        ("- just a list\n", r"expected a mapping"),
    ],
)
def test_bad_scripts_are_usage_errors_naming_the_line_and_field(text: str, expected: str):
    with pytest.raises(UsageError, match=expected):
        parse_script(text, "candidate.yaml")


def test_a_missing_script_file_is_a_usage_error(tmp_path: Path):
    with pytest.raises(UsageError, match=r"nope\.yaml: cannot read \(No such file"):
        load_script(tmp_path / "nope.yaml")


def test_the_example_candidates_are_told_apart_in_order(mockloop_home: Path):
    runner = CliRunner()
    results = {}
    for name in ORDER:
        outcome = runner.invoke(app, ["simulate", str(SCRIPTS / f"{name}.yaml"), "--json"])
        assert outcome.exit_code == 0, outcome.output
        results[name] = json.loads(outcome.stdout)
    for result in results.values():
        assert set(result) == {
            "session_id",
            "report",
            "focus",
            "verdict",
            "score",
            "dimensions",
            "tests",
        }
        assert set(result["tests"]) == {"passed", "total"}
        assert Path(result["report"]).parent == mockloop_home / "reports"
        assert Path(result["report"]).name.startswith(
            f"{datetime.date.today().isoformat()}-google-"
        )
    scores = [results[name]["score"] for name in ORDER]
    assert scores == sorted(scores, reverse=True) and len(set(scores)) == len(scores)
    assert results["strong"]["verdict"] in ("Hire", "Strong Hire")
    assert results["wrong_solution"]["verdict"] in ("No Hire", "Strong No Hire")
    assert results["out_of_time"]["verdict"] == "Strong No Hire"
    assert results["strong"]["tests"] == {"passed": 16, "total": 16}
    assert results["wrong_solution"]["tests"]["passed"] < 8
    silent = results["silent_coder"]["dimensions"]
    assert silent["coding"] > silent["communication"]

    store = Store.open()
    try:
        timed_out = store.load(results["out_of_time"]["session_id"])
        quiet = store.load(results["silent_coder"]["session_id"])
    finally:
        store.close()
    ended = [e for e in timed_out if isinstance(e.payload, SessionEnded)]
    assert [(e.t, e.payload.reason) for e in ended] == [(1200.0, "time")]
    assert timed_out[-1].kind == "scorecard_written"
    spoken_on_ticks = [
        e for e in quiet if isinstance(e.payload, InterviewerSaid) and 20 < e.t < 1200
    ]
    assert spoken_on_ticks, "ticks on the simulated clock should let the interviewer check in"


def test_same_script_and_seed_give_the_same_report():
    script = load_script(SCRIPTS / "strong.yaml")
    first = asyncio.run(simulate(script))
    second = asyncio.run(simulate(script))
    assert first.session_id != second.session_id
    assert first.markdown == second.markdown
    assert first.report.read_text(encoding="utf-8") == second.report.read_text(encoding="utf-8")
    reseeded = asyncio.run(simulate(script.model_copy(update={"seed": 8})))
    assert reseeded.verdict == first.verdict


def test_plain_output_names_the_verdict_and_report():
    outcome = CliRunner().invoke(app, ["simulate", str(SCRIPTS / "strong.yaml")])
    assert outcome.exit_code == 0, outcome.output
    assert outcome.stdout.splitlines()[0].startswith(("Hire:", "Strong Hire:"))
    assert "report written to" in outcome.stdout


def test_simulate_with_a_model_uses_it_and_says_when_the_judge_failed(tmp_path, fake_openai):
    script = tmp_path / "short.yaml"
    script.write_text(MINIMAL + "  - {at: 60, end: true}\n", encoding="utf-8")
    result = asyncio.run(
        simulate(load_script(script), model="openai/fake", api_base=fake_openai.base_url)
    )
    assert "LLM interviewer (openai/fake" in result.markdown.splitlines()[0]
    assert "offline evidence score stands" in result.markdown
    assert any("Score each rubric dimension" in str(r["messages"]) for r in fake_openai.requests)
