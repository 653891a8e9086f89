"""Benchmark a model-decided turn late in a behavioral and a design round (issues 15 and 16).

Run: .venv/bin/python bench/round_decisions.py [--turns 30] (bench/engine.py runs it too)

For each round: the decision prompt's size; our own work per turn (read the log, build the
prompt, read the streamed JSON, check the decision, guard the reply, append the message),
with no network; and, against the local server with a 150 ms time to first token, Enter to
the first word shown beside the server's own time from the request to the reply's first
token. Targets as for the coding round: <= 3,000 tokens, <= 20 ms, TTFT + 50 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

from fake_openai import FakeOpenAI, Reply  # noqa: E402
from round_support import late_behavioral, late_design  # noqa: E402

from mockloop import llm  # noqa: E402
from mockloop.engine.decision import ReplyScanner  # noqa: E402
from mockloop.engine.prompt import prompt_tokens  # noqa: E402

STORY_REPLY = "Thanks. What changed for the customers in the end, and how did you know?"
DESIGN_REPLY = "Let's stay there. Walk me through what the store sees when a cache node dies."
ANSWERS: dict[str, str] = {
    "behavioral": json.dumps(
        {"missing": ["result"], "move": "probe", "probe": "result", "next_question": None}
        | {"reply": STORY_REPLY}
    ),
    "design": json.dumps(
        {"answers": [], "challenge": None, "deep_dive": 1, "ask": None, "move_to": None}
        | {"steer": False, "reply": DESIGN_REPLY}
    ),
}
BUILDERS: dict[str, Callable[[llm.ModelConfig], tuple[Any, Any]]] = {
    "behavioral": late_behavioral,
    "design": late_design,
}


async def round_decision_samples(turns: int) -> list[tuple[str, list[float]]]:
    """(measure, samples) rows for both rounds."""
    os.environ.setdefault("OPENAI_API_KEY", "sk-bench-not-a-real-key")
    llm.load_litellm()
    fake = FakeOpenAI().start()
    config = llm.ModelConfig("openai/fake-model", fake.base_url, timeout=5.0)
    rows: list[tuple[str, list[float]]] = []
    try:
        for name, build in BUILDERS.items():
            answer = ANSWERS[name]
            pieces = [answer[i : i + 4] for i in range(0, len(answer), 4)]
            tokens: list[float] = []
            work: list[float] = []
            enter_to_word: list[float] = []
            server_ttft: list[float] = []
            for index in range(turns):
                model, session = build(config)
                begin = time.perf_counter()
                context = model.context(session)
                messages = model.decision_prompt(session, context)
                scanner, guard, head = ReplyScanner(), None, None
                for piece in pieces:
                    fresh = scanner.feed(piece)
                    if guard is None and scanner.head is not None:
                        head = model.read_head(scanner.head)
                        model.check(head, context)
                        guard = model.guard_for(session, context, head)
                    if guard is not None and fresh:
                        guard.feed(fresh)
                assert guard is not None
                guard.finish()
                model.log(session, context, head, scanner.reply)
                work.append((time.perf_counter() - begin) * 1000)
                tokens.append(prompt_tokens(messages))
                model, session = build(config)
                fake.script(Reply(answer, first_delay=0.15, chunk_delay=0.002))
                enter = time.perf_counter()
                async for _piece in model.respond(session, session.events[-1]):
                    if index:  # the first call warms litellm's lazy imports
                        enter_to_word.append((time.perf_counter() - enter) * 1000)
                        request = fake.requests[-1]
                        server_ttft.append(
                            (fake.reply_token_times[-1] - request.received_at) * 1000
                        )
                    break
            added = [mine - server for mine, server in zip(enter_to_word, server_ttft, strict=True)]
            rows += [
                (f"{name}: decision prompt, late turn (tokens)", tokens),
                (f"{name}: our work per decision turn", work),
                (f"{name}: server request -> reply's first token", server_ttft),
                (f"{name}: Enter -> first word shown", enter_to_word),
                (f"{name}:   of which beyond the server's time", added),
            ]
    finally:
        fake.close()
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--turns", type=int, default=30)
    arguments = parser.parse_args()
    rows = asyncio.run(round_decision_samples(arguments.turns))
    print(f"| {'measure':<48} | {'median':>8} | {'p95':>8} | {'max':>8} |")
    for name, samples in rows:
        ordered = sorted(samples)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        median = statistics.median(ordered)
        print(f"| {name:<48} | {median:8.1f} | {p95:8.1f} | {ordered[-1]:8.1f} |")


if __name__ == "__main__":
    main()
