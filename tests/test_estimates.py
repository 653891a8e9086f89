"""The estimate checker: numbers as people write them, what they imply, how far off they are."""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from mockloop.catalog import load_design
from mockloop.estimates import compare, envelope, implications, read, reference

ROOT = Path(__file__).resolve().parent.parent
SHORTENER = load_design(ROOT / "problems" / "system-design" / "url-shortener.yaml")
CHAT = load_design(ROOT / "problems" / "system-design" / "chat-messaging.yaml")


@pytest.mark.parametrize(
    ("text", "kind", "value", "period"),
    [
        ("100M DAU", "users", 1e8, "day"),
        ("about 1.5 billion monthly active users", "users", 1.5e9, "month"),
        ("10k QPS", "rate", 1e4, ""),
        ("20,000 req/s", "rate", 2e4, ""),
        ("500M links per month", "rate", 5e8 / (30 * 86_400), ""),
        ("2 KB per post", "bytes", 2e3, "item"),
        ("5 TB/year", "bytes", 5e12, "year"),
        ("800 GB per day", "bytes", 8e11, "day"),
        ("15 TB", "bytes", 15e12, ""),
        ("10 Gbps egress", "bandwidth", 1.25e9, ""),
        ("40 MB/s", "bandwidth", 4e7, ""),
        ("30B links", "count", 3e10, ""),
        ("2 posts per user a day", "per_user", 2, "day"),
    ],
)
def test_reads_a_number_as_people_write_it(text: str, kind: str, value: float, period: str) -> None:
    [quantity] = read(text)
    assert (quantity.kind, quantity.period) == (kind, period)
    assert math.isclose(quantity.value, value, rel_tol=1e-9)


def test_ratios_percentages_and_bare_numbers_are_not_estimates() -> None:
    assert read("read:write is 100:1, 99.9% availability, step 2 of 3 in 2026") == []


def test_a_count_may_have_a_describing_word_and_a_count_per_box_is_a_ratio() -> None:
    """ "100k connections per box" is capacity per server, not the connections at peak: read
    as a total, it made a correct envelope look 300x off and the interviewer challenge it."""
    notes = (
        "- 30% online at peak -> 30M concurrent connections\n"
        "- ~100k connections per box -> ~300 gateway servers\n"
    )
    counts = [(q.value, q.noun) for q in read(notes)]
    assert counts == [(3e7, "connection"), (300, "server")]
    assert [(q.value, q.noun) for q in read("30M conns / 100k per box = ~300 boxes")] == [
        (3e7, "connection"),
        (300, "server"),
    ]
    checks = {check.estimate.id: check for check in compare(read(notes), CHAT.estimates)}
    assert checks["connections"].within(10) and checks["connections"].ratio == 1
    assert checks["gateway_servers"].within(10)


def test_implies_qps_from_dau_and_storage_from_rate_and_size() -> None:
    implied = implications(read("100M DAU\n2 posts per user a day\n2 KB per post"))
    qps, bandwidth = implied
    assert math.isclose(qps.value, 1e8 * 2 / 86_400)
    assert "2.31k/s" in qps.text and "4.63k/s at a 2× peak" in qps.text
    assert math.isclose(bandwidth.value, qps.value * 2e3)
    assert "400 GB a day" in bandwidth.text and "146 TB a year" in bandwidth.text


def test_a_daily_volume_implies_a_yearly_one() -> None:
    [yearly] = implications(read("800 GB per day of messages"))
    assert math.isclose(yearly.value, 8e11 * 365)
    assert "292 TB a year" in yearly.text


def test_compare_finds_estimates_within_and_off_by_an_order_of_magnitude() -> None:
    notes = "writes: 200 writes/s\nredirects: 20 req/s\nstorage for five years: 15 TB"
    checks = {check.estimate.id: check for check in compare(read(notes), SHORTENER.estimates)}
    assert checks["write_qps"].within(10)
    assert checks["read_qps"].written is not None and checks["read_qps"].ratio == 0.001
    assert not checks["read_qps"].within(10)
    assert checks["storage"].within(10)
    assert checks["code_length"].written is None and not checks["code_length"].within(10)


def test_a_yearly_volume_is_compared_over_the_reference_period() -> None:
    chat = load_design(ROOT / "problems" / "system-design" / "chat-messaging.yaml")
    checks = {c.estimate.id: c for c in compare(read("1 TB per day of messages"), chat.estimates)}
    yearly = next(c for c in checks.values() if "per year" in c.estimate.what)
    assert yearly.written is not None and math.isclose(yearly.ratio, 365e12 / 300e12)


def test_every_reference_estimate_in_the_bank_has_a_kind() -> None:
    for path in sorted((ROOT / "problems" / "system-design").glob("*.yaml")):
        for estimate in load_design(path).estimates:
            target = reference(estimate)
            assert target.value > 0 and target.kind in {"rate", "bytes", "bandwidth", "count"}
            assert compare([target], [estimate])[0].ratio == 1.0, (path.stem, estimate.id)


def test_the_envelope_lists_numbers_and_their_implications() -> None:
    pane = envelope("## Scale\n- 50M DAU\n- 10 clicks per user a day\n- 500 bytes per click")
    assert "50M DAU" in pane and "50M people a day" in pane
    assert "That implies:" in pane and "5.79k/s" in pane
    assert "No numbers" in envelope("## Requirements\n- shorten a link")
