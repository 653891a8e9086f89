"""Runner overhead: a correct solution over all of a problem's cases vs a bare interpreter.

Usage: python bench/runner.py [SLUG ...]   (default: two-sum and the tests' add-numbers)

Prints, from one run, median and p90 wall time of 20 runs each of: a bare
`python -I -S -c pass` (the same interpreter the sandbox uses), a cold sandboxed run
(`run_code`), and a warm run (`Runner.prepare()` ahead of time, timed from submit to results).
Overhead = sandboxed median - bare median.
"""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mockloop.catalog import load_catalog, load_problem  # noqa: E402
from mockloop.models import Problem  # noqa: E402
from mockloop.runner.isolation import child_setup  # noqa: E402
from mockloop.runner.sandbox import Runner, run_code  # noqa: E402

RUNS = 20


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.9 * (len(ordered) - 1) + 0.5)]


def bare(interpreter: str) -> list[float]:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([interpreter, "-I", "-S", "-c", "pass"], check=True)
        samples.append((time.perf_counter() - started) * 1000)
    return samples


async def cold(problem: Problem, solving: list[float]) -> list[float]:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        result = await run_code(problem, problem.solution)
        samples.append((time.perf_counter() - started) * 1000)
        assert result.status == "passed", result.message
        solving.append(sum(case.ms for case in result.cases))
    return samples


async def warm(problem: Problem) -> list[float]:
    samples = []
    runner = Runner()
    for _ in range(RUNS):
        runner.prepare()
        assert runner._warm is not None
        await asyncio.shield(runner._warm)  # the candidate is still typing
        started = time.perf_counter()
        result = await runner.run(problem, problem.solution)
        samples.append((time.perf_counter() - started) * 1000)
        assert result.status == "passed", result.message
    await runner.close()
    return samples


def main() -> None:
    problems = load_catalog(["problems"]).problems
    slugs = sys.argv[1:] or ["two-sum", "add-numbers"]
    setup = child_setup()
    print(f"interpreter: {setup.interpreter}; {RUNS} runs each; times in ms")
    header = f"{'problem':<14}{'cases':>6}  {'what':<32}{'median':>8}{'p90':>8}{'overhead':>10}"
    print(header)
    print("-" * len(header))
    for slug in slugs:
        if slug == "add-numbers":
            problem = load_problem(ROOT / "tests" / "attacks" / "add-numbers")
        else:
            problem = problems[slug]
        asyncio.run(run_code(problem, problem.solution))  # build and cache the cases once
        base = summary(bare(setup.interpreter))
        solving: list[float] = []
        rows = [
            ("bare python -I -S -c pass", base),
            ("sandboxed run, cold spawn", summary(asyncio.run(cold(problem, solving)))),
            ("sandboxed run, warm child", summary(asyncio.run(warm(problem)))),
            ("(time inside the solution)", summary(solving)),
        ]
        for what, (median, p90) in rows:
            overhead = "" if what[0] in "b(" else f"{median - base[0]:+.1f}"
            cases = len(problem.all_cases)
            print(f"{slug:<14}{cases:>6}  {what:<32}{median:>8.1f}{p90:>8.1f}{overhead:>10}")


if __name__ == "__main__":
    main()
