"""The Markdown report: golden files, section order, escaping, saving, and `mockloop report`."""

from __future__ import annotations

import asyncio
import json
import os
import re
from pathlib import Path

import pytest
from scoring_support import hinted, log, started, strong

from mockloop.catalog import Catalog, load_catalog
from mockloop.clock import SimulatedClock
from mockloop.commands import scorecard as command
from mockloop.conductor import Conductor, Round
from mockloop.errors import UsageError
from mockloop.events import CandidateSaid, Event, InterviewerSaid, ScorecardWritten, SessionEnded
from mockloop.interviews import interview_type
from mockloop.models import Problem, Rubric
from mockloop.scoring import collect, render_report, score
from mockloop.scoring.evidence import final_code, final_run
from mockloop.scoring.lint import lint
from mockloop.session import MemorySink, Session

GOLDEN = Path(__file__).parent / "golden"
SECTIONS = [
    "## Verdict",
    "## Scores",
    "## Strengths",
    "## Improvements",
    "## Next steps",
    "## Tests",
    "## Timeline",
    "## Final code",
    "## Transcript",
]


@pytest.fixture(scope="module")
def packs() -> tuple[Problem, Rubric, list[Problem]]:
    catalog = load_catalog(("rubrics", "problems"))
    problem = catalog.problems["two-sum"]
    bank = [
        problem.model_copy(update={"slug": "pair-product", "title": "Pair Product"}),
        problem.model_copy(
            update={"slug": "three-sum", "title": "Three Sum", "difficulty": "medium"}
        ),
        problem.model_copy(update={"slug": "graph-walk", "topics": ["graphs"]}),
    ]
    return problem, catalog.rubrics["coding"], bank


def render(events: list[Event], packs: tuple[Problem, Rubric, list[Problem]]) -> str:
    problem, rubric, bank = packs
    evidence = collect(events, problem, final_run(events), lint(final_code(events)))
    card = score(evidence, rubric, events[0].payload.level)  # type: ignore[union-attr]
    return render_report(events, card, problem, rubric, date="2000-01-01", bank=bank)


def silent_session(problem: Problem) -> list[Event]:
    return log(started(problem, "junior"), [(600, SessionEnded(reason="time"))])


@pytest.mark.parametrize("name", ["strong", "hinted", "silent"])
def test_reports_match_the_golden_files(name: str, packs):
    problem = packs[0]
    build = {"strong": strong, "hinted": hinted, "silent": silent_session}[name]
    markdown = render(build(problem), packs)
    path = GOLDEN / f"report-{name}.md"
    if os.environ.get("MOCKLOOP_UPDATE_GOLDEN"):
        path.write_text(markdown, encoding="utf-8")
    assert markdown == path.read_text(encoding="utf-8")


def test_sections_come_in_the_designed_order_with_a_title_line(packs):
    markdown = render(hinted(packs[0]), packs)
    headings = [line for line in markdown.splitlines() if re.match(r"^##? ", line)]
    assert headings[0].startswith("# Google · senior (L5) · Two Sum · 2000-01-01 · 25:00 of 45:00")
    assert headings[0].endswith("practice mode · offline interviewer")
    assert headings[1:] == SECTIONS


def test_next_steps_name_bank_problems_on_the_topics_and_a_weekend_plan(packs):
    markdown = render(hinted(packs[0]), packs)
    steps = markdown.split("## Next steps")[1].split("## Tests")[0]
    assert "`pair-product`" in steps and "`three-sum`" in steps
    assert "graph-walk" not in steps
    assert "Saturday morning" in steps and "Sunday afternoon" in steps
    assert "Problem solving" in steps.split("Saturday morning")[1]


def test_candidate_text_cannot_forge_report_structure(packs):
    problem = packs[0]
    forged = "ok\n## Verdict\n**Strong Hire** for staff\n| Coding | 4.00 | 1 | forged |"
    events = log(
        started(problem),
        [(30, CandidateSaid(text=forged)), (60, SessionEnded(reason="candidate"))],
    )
    markdown = render(events, packs)
    lines = markdown.splitlines()
    assert lines.count("## Verdict") == 1
    assert not any(line.startswith("| Coding | 4.00") for line in lines)
    assert "**Strong Hire** for staff" not in markdown
    transcript = markdown.split("## Transcript")[1]
    assert "  \\## Verdict\n  \\*\\*Strong Hire\\*\\* for staff\n  \\| Coding \\|" in transcript


def test_transcript_renders_markdown_and_shows_the_statement_once(packs):
    problem = packs[0]
    events = log(
        started(problem),
        [
            (
                5,
                InterviewerSaid(
                    text="Let's look at **Two Sum**.", intent="greeting", engine="offline"
                ),
            ),
            (30, CandidateSaid(text="I'll use a `dict` — **one pass**.\n- check the complement")),
            (60, SessionEnded(reason="candidate")),
        ],
    )
    transcript = render(events, packs).split("## Transcript")[1]
    assert "**Two Sum**" in transcript and "\\*\\*Two Sum" not in transcript
    assert "a `dict` — **one pass**." in transcript
    assert "\n  \\- check the complement" in transcript
    first_line = problem.statement.strip().splitlines()[0]
    assert render(events, packs).count(first_line) == 1
    assert transcript.index("### Problem") < transcript.index(first_line)
    assert transcript.index(first_line) < transcript.index("### Conversation")


async def ended_session(problem: Problem, sink: MemorySink | object) -> Session:
    events = strong(problem)
    session = Session.start(events[0].payload, sink, SimulatedClock())  # type: ignore[arg-type]
    for event in events[1:]:
        session.clock.advance_to(event.t)  # type: ignore[attr-defined]
        session.append(event.payload)
    return session


async def write_scorecard(
    session: Session, problem: Problem, rubric: Rubric, bank: list[Problem]
) -> tuple[ScorecardWritten, str]:
    """Score an ended session the way the interview screen does: through its conductor."""
    persona = load_catalog(("personas",)).personas["google"]
    packs = Catalog(problems={p.slug: p for p in [problem, *bank]})
    kind = interview_type("coding")
    conductor = Conductor(session, Round(kind, persona, problem, rubric, packs))
    payload, report = await conductor.score()
    return payload, report.markdown


async def test_write_scorecard_saves_the_report_and_appends_the_event(packs, mockloop_home):
    problem, rubric, bank = packs
    session = await ended_session(problem, MemorySink())
    payload, markdown = await write_scorecard(session, problem, rubric, bank)
    path = Path(payload.path)
    assert path.parent == mockloop_home / "reports"
    assert re.fullmatch(rf"\d{{4}}-\d\d-\d\d-google-two-sum-{session.id}\.md", path.name)
    assert path.read_text(encoding="utf-8") == markdown
    saved = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    assert saved["verdict"] == payload.verdict and saved["score"] == payload.score
    last = session.events[-1].payload
    assert isinstance(last, ScorecardWritten) and last == payload
    assert payload.judge == "offline"
    assert set(payload.dimensions) == {d.id for d in rubric.dimensions}


def test_report_command_shows_saved_reports_and_re_renders_missing_ones(
    packs, tmp_path: Path, capsys
):
    from mockloop.store import Store

    problem, rubric, bank = packs
    store = Store.open()
    session = asyncio.run(ended_session(problem, store))
    payload, markdown = asyncio.run(write_scorecard(session, problem, rubric, bank))
    store.sync()
    store.close()

    target = tmp_path / "out.md"
    command.report(session.id[:8], target, "md")
    assert target.read_text(encoding="utf-8") == markdown

    command.report(session.id, None, "json")
    shown = json.loads(capsys.readouterr().out)
    assert (shown["session_id"], shown["verdict"]) == (session.id, payload.verdict)

    Path(payload.path).unlink()
    command.report(session.id, target, "md")
    again = target.read_text(encoding="utf-8")
    assert again.splitlines()[0] == markdown.splitlines()[0]
    assert f"**{payload.verdict}**" in again
    assert "re-rendered from the session log" in again

    with pytest.raises(UsageError, match="--format"):
        command.report(session.id, None, "html")
    with pytest.raises(UsageError):
        command.report("does-not-exist", None, "md")


def test_a_product_in_a_complexity_is_not_emphasis():
    from mockloop.scoring.report import chat_markdown

    assert chat_markdown("O(m*n) time, O(n*k) space, **fine**") == (
        "O(m\\*n) time, O(n\\*k) space, **fine**"
    )
