"""How the design round reads notes: sections, components with reasons, the numbers a
candidate concluded. Each rule here came from reading calibration transcripts as an
interviewer would (tests/design_candidates*.py)."""

from __future__ import annotations

from mockloop.clock import SimulatedClock
from mockloop.coverage import cover, section_checkpoints
from mockloop.events import CodeSnapshot
from mockloop.interviews import catalog
from mockloop.planning import plan_interview
from mockloop.session import MemorySink, Session


def session_with(*notes: tuple[float, str], prompt: str = "rate-limiter") -> Session:
    plan = plan_interview(
        catalog(), "google", "senior", focus="system-design", problem_slug=prompt, seed=3
    )
    session = Session.start(plan.started, MemorySink(), SimulatedClock(), session_id="read")
    for at, text in notes:
        session.clock.advance(at - session.now())  # type: ignore[attr-defined]
        session.append(CodeSnapshot.of(text, "idle"))
    return session


REQUIREMENTS = (
    "## Requirements\n- Limit each client by API key, anonymous traffic per IP; over the "
    "limit, HTTP 429 with Retry-After and the remaining allowance in headers\n"
)


def test_requirements_written_under_their_heading_do_not_cover_the_api() -> None:
    api = REQUIREMENTS + "## API\n- check(api_key, endpoint) -> allow or deny, remaining\n"
    session = session_with((240, REQUIREMENTS), (800, api))
    state = cover(catalog().designs["rate-limiter"], session.events)
    assert state.checkpoints["requirements"].t == 240
    assert state.checkpoints["api"].t == 800  # "429" and "retry-after" were requirements


def test_text_under_no_heading_or_an_unknown_one_counts_for_everything() -> None:
    session = session_with((240, REQUIREMENTS.replace("## Requirements", "## Thoughts")))
    state = cover(catalog().designs["rate-limiter"], session.events)
    assert state.checkpoints["api"].t == 240
    assert section_checkpoints("## Deep dive: the algorithm") == {"bottlenecks", "tradeoffs"}
    assert section_checkpoints("### High level") == {"high_level", "api", "data_model"}
    assert section_checkpoints("## Misc") is None


def test_boxes_in_a_diagram_are_not_buzzwords_and_wrapped_bullets_keep_their_reason() -> None:
    notes = (
        "## High level\n"
        "    client -> load balancer -> API gateway -> API servers\n"
        "                                   |\n"
        "                         redis cluster (token buckets)\n"
        "- The limiter is middleware in the gateway because every request already\n"
        "  passes there, so there is no extra hop.\n"
        "- Buckets live in redis, sharded by key, since an in-memory store answers in\n"
        "  well under a millisecond.\n"
        "- Rules are cached on each gateway so that a check never waits on config.\n"
    )
    state = cover(catalog().designs["rate-limiter"], session_with((900, notes)).events)
    assert state.components == {"gateway": True, "redis": True, "shard": True, "cache": True}


def test_a_list_of_technologies_is_still_named_without_reasons() -> None:
    notes = (
        "## Design\n    users -> API gateway -> limiter service -> redis -> API\n"
        "- redis, kafka, kubernetes, a CDN, zookeeper, microservices\n"
    )
    state = cover(catalog().designs["rate-limiter"], session_with((300, notes)).events)
    bare = {name for name, why in state.components.items() if not why}
    assert {"redis", "kafka", "cdn", "zookeeper", "microservice"} <= bare


def test_the_number_an_arrow_leads_to_is_the_candidates_estimate() -> None:
    notes = "## Estimates\n- 200M posts a day -> ~23 posts/s\n"
    state = cover(
        catalog().designs["news-feed"], session_with((500, notes), prompt="news-feed").events
    )
    posts = next(c for c in state.checks if c.estimate.id == "write_qps")
    assert posts.written is not None and posts.written.text.startswith("23 posts")
    assert not posts.within(10)


def test_a_daily_count_after_the_users_is_per_person_and_the_arrow_ends_a_number() -> None:
    from mockloop.estimates import envelope, read

    written = read("- 500M DAU x 10 feed loads a day -> ~58k feed loads/s")
    assert [(q.kind, q.text) for q in written] == [
        ("users", "500M DAU"),
        ("per_user", "10 feed loads a day"),
        ("rate", "58k feed loads/s"),
    ]
    assert "500M DAU × 10 feed loads a day ≈ 57.9k/s" in envelope(written[0].line)


def test_one_written_number_answers_one_estimate() -> None:
    notes = "## Estimates\n- 500M DAU x 10 feed loads a day -> ~600 feed loads/s\n"
    state = cover(
        catalog().designs["news-feed"], session_with((500, notes), prompt="news-feed").events
    )
    by_id = {c.estimate.id: c for c in state.checks}
    assert by_id["read_qps"].written is not None
    assert by_id["read_qps"].written.text == "600 feed loads/s"
    assert by_id["fanout_writes"].written is None  # not "600 feed loads/s" again


def test_numbers_in_a_trade_off_are_not_estimates() -> None:
    notes = (
        "## Estimates\n- 1M req/s at peak\n"
        "## Trade-offs\n- Token bucket rather than a sliding log: 16 bytes per key instead "
        "of ~1.6 KB\n"
    )
    state = cover(catalog().designs["rate-limiter"], session_with((500, notes)).events)
    log = next(c for c in state.checks if c.estimate.id == "log_memory")
    assert log.written is None
