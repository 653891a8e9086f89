"""Benchmark the interviewer: offline reply latency, and the LLM path's added overhead.

Run: .venv/bin/python bench/engine.py [--turns 200] [--llm-turns 30]

Offline: time to the first chunk and to the whole reply over many turns of a scripted
conversation (baseline: appending one event to the log). Behavioral: reading one answer
and planning the reply, late in a round. LLM: time from the local fake
server writing its first byte to our first chunk reaching the caller (baseline: the same
measured with a bare httpx streaming client). Targets: offline first chunk <= 20 ms;
added LLM overhead <= 20 ms. A late model-decided turn is measured for the coding round here
and for the behavioral and design rounds by bench/round_decisions.py, which this runs too.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from engine_support import new_session, packs, started_event  # noqa: E402
from fake_openai import FakeOpenAI, Reply  # noqa: E402
from round_decisions import round_decision_samples  # noqa: E402

from mockloop import llm  # noqa: E402
from mockloop.engine.factory import make_interviewer  # noqa: E402
from mockloop.events import CandidateSaid, HintRequested, InterviewerSaid  # noqa: E402
from mockloop.stories import read_answer  # noqa: E402

LINES = [
    "Can the numbers be negative?",
    "Could the list be empty?",
    "I'd check every pair with two nested loops.",
    "That's O(n^2) time.",
    "A hash map from value to index, looking up the complement.",
    "O(n) time and O(n) space.",
    "How was your weekend?",
    "I'm done.",
    "What's the team like?",
]


def percentile(values: list[float], share: float) -> float:
    """The value at `share` (0-1) of the sorted samples."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def row(name: str, samples_ms: list[float]) -> str:
    """One table row: median, p95, max in milliseconds."""
    return (
        f"| {name:<44} | {statistics.median(samples_ms):8.3f} | "
        f"{percentile(samples_ms, 0.95):8.3f} | {max(samples_ms):8.3f} |"
    )


async def offline_bench(turns: int) -> list[str]:
    """First-chunk and whole-reply latency of the offline interviewer."""
    persona, problem, rubric = packs("google", "two-sum")
    first: list[float] = []
    whole: list[float] = []
    baseline: list[float] = []
    done = 0
    while done < turns:
        started = started_event(persona, problem, seed=done)
        interviewer = make_interviewer(persona, problem, rubric, started)
        session, clock = new_session(started)
        triggers: list[object] = [session.events[0]]
        for index, line in enumerate(LINES):
            triggers.append(line)
            if index == 4:
                triggers.append("hint")
        for trigger in triggers:
            clock.advance(15)
            begin = time.perf_counter()
            if trigger == "hint":
                event: object = session.append(HintRequested(source="palette"))
            elif isinstance(trigger, str):
                event = session.append(CandidateSaid(text=trigger))
            else:
                event = trigger
            appended = time.perf_counter()
            first_at = None
            async for _piece in interviewer.respond(session, event):  # type: ignore[arg-type]
                if first_at is None:
                    first_at = time.perf_counter()
            end = time.perf_counter()
            baseline.append((appended - begin) * 1000)
            first.append(((first_at or end) - begin) * 1000)
            whole.append((end - begin) * 1000)
            done += 1
    return [
        row(f"baseline: append one event ({len(baseline)})", baseline),
        row(f"offline first chunk ({len(first)} turns)", first),
        row(f"offline whole reply ({len(whole)} turns)", whole),
    ]


def behavioral_bench(turns: int) -> list[str]:
    """The behavioral interviewer: read one answer and plan the reply (probe or move on),
    late in a round whose log already holds several stories."""
    from behavioral_candidates import STRONG, in_we, without_result

    from mockloop.interviews import catalog, interview_type
    from mockloop.planning import plan_interview

    kind = interview_type("behavioral")
    answers = [without_result(in_we(text)) for text in STRONG] + STRONG
    reading: list[float] = []
    planning: list[float] = []
    for index in range(turns):
        plan = plan_interview(catalog(), "amazon", "staff", focus="behavioral", seed=index)
        interviewer = kind.interviewer(plan.persona, plan.pack, plan.rubric)
        session, clock = new_session(plan.started)
        session.append(
            InterviewerSaid(text="q", intent=f"question:{plan.pack.slug}", engine="offline")
        )
        for answer in answers[: 2 + index % 4]:
            clock.advance(60)
            event = session.append(CandidateSaid(text=answer))
            begin = time.perf_counter()
            read_answer(answer)
            reading.append((time.perf_counter() - begin) * 1000)
            begin = time.perf_counter()
            reply = interviewer.plan(session, event)  # type: ignore[attr-defined]
            planning.append((time.perf_counter() - begin) * 1000)
            session.append(InterviewerSaid(text=reply.text, intent=reply.intent, engine="offline"))
    return [
        row(f"behavioral: read one answer ({len(reading)})", reading),
        row(f"behavioral: read + plan the reply ({len(planning)})", planning),
    ]


NOTES_BLOCK = [
    "## Requirements",
    "- shorten a long URL, redirect a short one; custom alias optional; links expire",
    "- redirects p99 under 50 ms, highly available; codes not guessable",
    "## Estimates",
    "- 50M DAU, 10 clicks per user a day",
    "- 500M links per month, 100:1 reads to writes, so 20k req/s redirects",
    "- 500 bytes per link, 15 TB over five years, 800 GB per day of logs",
    "## High level",
    "  client -> LB -> app servers -> cache (redis) -> key-value store",
    "  id ranges from a coordinator; 10 Gbps egress at the edge",
]


def design_notes(lines: int) -> str:
    """Design notes of `lines` distinct lines: requirements, numbers and a diagram, repeated
    (each repeat differs by trailing spaces, so no line is a copy of another)."""
    return "\n".join(
        NOTES_BLOCK[index % len(NOTES_BLOCK)] + " " * (index // len(NOTES_BLOCK))
        for index in range(lines)
    )


def design_bench(rounds: int) -> list[str]:
    """Re-reading 300 lines of design notes: every number, what it implies, and the comparison
    with the prompt's reference estimates (target 10 ms). Cold reads every line; after an
    edit, only the edited line is new (lines are remembered)."""
    from mockloop.estimates import _read_line, compare, envelope_of, read
    from mockloop.interviews import catalog

    prompt = catalog().designs["url-shortener"]
    notes = design_notes(300)
    cold: list[float] = []
    edited: list[float] = []
    for index in range(rounds):
        _read_line.cache_clear()
        for samples, text in ((cold, notes), (edited, notes + f"\n- {index} servers")):
            begin = time.perf_counter()
            quantities = read(text)
            compare(quantities, prompt.estimates)
            envelope_of(quantities)
            samples.append((time.perf_counter() - begin) * 1000)
    return [
        row(f"design: read 300 lines of notes, cold ({rounds})", cold),
        row(f"design: re-read them after an edit ({rounds})", edited),
        row(f"design: coverage after an edit ({rounds})", coverage_bench(rounds)),
    ]


def coverage_bench(rounds: int) -> list[float]:
    """What the interviewer does when 300 lines of notes are snapshotted with one line
    changed: read the new lines for checkpoints, requirements, deep dives, trade-offs and
    components, then the numbers against the reference estimates (ms per edit)."""
    from mockloop.coverage import Reader
    from mockloop.events import CodeSnapshot
    from mockloop.interviews import catalog
    from mockloop.planning import plan_interview

    plan = plan_interview(
        catalog(), "google", "staff", focus="system-design", problem_slug="url-shortener"
    )
    session, _ = new_session(plan.started)
    reader = Reader(plan.pack)
    reader.warm()  # as the interviewer does when the round is set up
    notes = design_notes(300)
    samples: list[float] = []
    for index in range(rounds):
        session.append(CodeSnapshot.of(notes + f"\n- cache node {index} dies: failover", "idle"))
        begin = time.perf_counter()
        reader.feed(session.events)
        reader.coverage()
        samples.append((time.perf_counter() - begin) * 1000)
    return samples


async def httpx_first_chunk(fake: FakeOpenAI) -> float:
    """Baseline: server first byte to the first SSE data line read by bare httpx (ms)."""
    import httpx

    body = {"model": "fake", "stream": True, "messages": [{"role": "user", "content": "hi"}]}
    async with (
        httpx.AsyncClient() as client,
        client.stream("POST", f"{fake.base_url}/chat/completions", json=body) as response,
    ):
        async for line in response.aiter_lines():
            if line.startswith("data:"):
                arrived = time.perf_counter()
                return (arrived - fake.first_byte_times[-1]) * 1000
    raise RuntimeError("no data")


async def llm_bench(turns: int) -> list[str]:
    """Overhead of litellm + our stream wrapper after the server's first byte."""
    os.environ.setdefault("OPENAI_API_KEY", "sk-bench-not-a-real-key")
    began = time.perf_counter()
    llm.load_litellm()
    import_ms = (time.perf_counter() - began) * 1000
    fake = FakeOpenAI().start()
    persona, problem, rubric = packs("google", "two-sum")
    config = llm.ModelConfig("openai/fake-model", fake.base_url, timeout=5.0)
    raw: list[float] = []
    ours: list[float] = []
    try:
        for index in range(turns):
            raw.append(await httpx_first_chunk(fake))
            started = started_event(persona, problem, seed=index, model=config.model)
            interviewer = make_interviewer(persona, problem, rubric, started, config=config)
            session, _clock = new_session(started)
            fake.script(Reply("Hello there, let's begin with the problem."))
            hint = session.append(HintRequested(source="palette"))  # a moment the model words
            async for _piece in interviewer.respond(session, hint):
                ours.append((time.perf_counter() - fake.first_byte_times[-1]) * 1000)
                break
    finally:
        fake.close()
    raw, ours = raw[1:], ours[1:]  # the first call warms litellm's lazy imports
    added = [mine - base for mine, base in zip(ours, raw, strict=True)]
    return [
        f"| {'litellm import (once)':<44} | {import_ms:8.1f} |          |          |",
        row(f"baseline: bare httpx first byte->chunk ({len(raw)})", raw),
        row(f"llm interviewer first byte->chunk ({len(ours)})", ours),
        row("added overhead (ours - baseline)", added),
    ]


DECISION_REPLY = (
    "A dictionary is a good instinct. Before you change the code, what would you store in "
    "it, and what would you look up as you walk the list? Tell me how that changes the cost "
    "of the whole pass, and which inputs you would try first to convince yourself."
)


def decision_answer() -> str:
    """A model's decision for the late turn: the fields, then a reply of about 250 chars."""
    import json

    return json.dumps(
        {
            "questions": [{"question": "Could a dictionary help?", "answer": "yes, say how"}],
            "approach": "proposed",
            "complexity": [],
            "hint_requested": False,
            "give_hint": False,
            "move_to": None,
            "follow_up": None,
            "reply": DECISION_REPLY,
        }
    )


async def decision_bench(turns: int) -> list[str]:
    """A decision turn late in a 45-minute session (tests/engine_support.late_session):
    the prompt's size; our own work per turn (build the prompt, read the streamed JSON,
    guard the reply, append the events), without any network; and, against the local
    server with a 150 ms time to first token, Enter to the first word the candidate sees,
    beside the server's own time from the request to the reply's first token."""
    from engine_support import late_session

    from mockloop.engine.decision import ReplyScanner, parse_head
    from mockloop.engine.prompt import prompt_tokens

    answer = decision_answer()
    pieces = [answer[i : i + 4] for i in range(0, len(answer), 4)]  # token-sized chunks
    os.environ.setdefault("OPENAI_API_KEY", "sk-bench-not-a-real-key")
    llm.load_litellm()
    fake = FakeOpenAI().start()
    config = llm.ModelConfig("openai/fake-model", fake.base_url, timeout=5.0)
    tokens: list[float] = []
    work: list[float] = []
    enter_to_word: list[float] = []
    server_ttft: list[float] = []
    try:
        for index in range(turns):
            interviewer, session = late_session(config)
            context = interviewer.planner.context(session)
            begin = time.perf_counter()
            messages = interviewer.decision_prompt(session, context)
            scanner = ReplyScanner()
            guard = None
            for piece in pieces:
                fresh = scanner.feed(piece)
                if guard is None and scanner.head is not None:
                    head = parse_head(scanner.head)
                    interviewer.check(head, context)
                    guard = interviewer.guard_for(session, context, head)
                if guard is not None and fresh:
                    guard.feed(fresh)
            assert guard is not None
            guard.finish()
            interviewer.log(session, context, head, DECISION_REPLY)
            work.append((time.perf_counter() - begin) * 1000)
            tokens.append(prompt_tokens(messages))
            _, session = late_session(config)
            fake.script(Reply(answer, first_delay=0.15, chunk_delay=0.002))
            enter = time.perf_counter()
            trigger = session.events[-1]
            async for _piece in interviewer.respond(session, trigger):
                if index:  # the first call warms litellm's lazy imports
                    enter_to_word.append((time.perf_counter() - enter) * 1000)
                    request = fake.requests[-1]
                    server_ttft.append((fake.reply_token_times[-1] - request.received_at) * 1000)
                break
    finally:
        fake.close()
    added = [mine - server for mine, server in zip(enter_to_word, server_ttft, strict=True)]
    return [
        row(f"decision prompt, late turn (tokens, {len(tokens)})", tokens),
        row(f"our work per decision turn ({len(work)})", work),
        row(f"server: request -> reply's first token ({len(server_ttft)})", server_ttft),
        row(f"Enter -> first word shown ({len(enter_to_word)})", enter_to_word),
        row("  of which beyond the server's own time", added),
    ]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=200)
    parser.add_argument("--llm-turns", type=int, default=30)
    arguments = parser.parse_args()
    rows = await offline_bench(arguments.turns)
    rows += behavioral_bench(arguments.turns // 4)
    rows += design_bench(arguments.turns // 4)
    rows += await llm_bench(arguments.llm_turns)
    rows += await decision_bench(arguments.llm_turns)
    for name, samples in await round_decision_samples(arguments.llm_turns):
        rows.append(row(f"{name} ({len(samples)})", samples))
    print(f"| {'measure':<44} | {'median':>8} | {'p95':>8} | {'max':>8} |  (ms)")
    print(f"|{'-' * 46}|{'-' * 10}|{'-' * 10}|{'-' * 10}|")
    print("\n".join(rows))
    print(
        "targets: offline first chunk <= 20 ms; added LLM overhead <= 20 ms; "
        "behavioral read + plan <= 5 ms; design re-read of 300 lines <= 10 ms; "
        "late decision prompt <= 3,000 tokens (every round); our work per decision turn <= 20 ms; "
        "Enter -> first word <= the server's time to first token + 50 ms"
    )


if __name__ == "__main__":
    asyncio.run(main())
