"""Runner overhead: a correct solution over all of a problem's cases vs a bare interpreter.

Usage: python bench/runner.py [SLUG ...]   (default: two-sum and the tests' add-numbers)

Prints, from one run, median and p90 wall time of 20 runs each of: a bare
`python -I -S -c pass` (the same interpreter the sandbox uses), a cold sandboxed run
(`run_code`), a warm run (a fresh `Runner.prepare()` child, as for a session's first submit)
and a warm run whose child was also sent the last run's cases (every later submit); warm runs
are timed from submit to results. Overhead = sandboxed median - bare median; "net of
solution" subtracts, run by run, the time spent in the cases first (measured by the parent
between the child's reports, less the pipe's round trip; it varies a lot between runs). The
table is Markdown, ready for docs/benchmarks.md. The child's confinement (private tmpfs, Landlock,
seccomp, parent-death signal) is part of every sandboxed row.
"""

from __future__ import annotations

import asyncio
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mockloop.catalog import load_catalog, load_problem  # noqa: E402
from mockloop.models import Problem  # noqa: E402
from mockloop.results import RunResult  # noqa: E402
from mockloop.runner.isolation import child_setup  # noqa: E402
from mockloop.runner.sandbox import Runner, run_code  # noqa: E402

RUNS = 20


Sample = tuple[float, float]  # (wall ms, ms the parent measured inside the cases)


def summary(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(0.9 * (len(ordered) - 1) + 0.5)]


def bare(interpreter: str) -> list[Sample]:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        subprocess.run([interpreter, "-I", "-S", "-c", "pass"], check=True)
        samples.append(((time.perf_counter() - started) * 1000, 0.0))
    return samples


def checked(result: RunResult, started: float) -> Sample:
    elapsed = (time.perf_counter() - started) * 1000
    assert result.status == "passed", result.message
    return elapsed, sum(case.ms for case in result.cases)


async def cold(problem: Problem) -> list[Sample]:
    samples = []
    for _ in range(RUNS):
        started = time.perf_counter()
        samples.append(checked(await run_code(problem, problem.solution), started))
    return samples


async def timed_warm_run(runner: Runner, problem: Problem) -> Sample:
    runner.prepare()
    assert runner._warm is not None
    await asyncio.shield(runner._warm)  # the candidate is still typing
    started = time.perf_counter()
    return checked(await runner.run(problem, problem.solution), started)


async def warm(problem: Problem) -> list[Sample]:
    """A new Runner per run: the child knows nothing of the problem before the submit."""
    samples = []
    for _ in range(RUNS):
        runner = Runner()
        samples.append(await timed_warm_run(runner, problem))
        await runner.close()
    return samples


async def warm_with_cases(problem: Problem) -> list[Sample]:
    """One Runner: after a first (untimed) run, each warm child already holds the cases."""
    runner = Runner()
    await timed_warm_run(runner, problem)
    samples = [await timed_warm_run(runner, problem) for _ in range(RUNS)]
    await runner.close()
    return samples


def main() -> None:
    problems = load_catalog(["problems"]).problems
    slugs = sys.argv[1:] or ["two-sum", "add-numbers"]
    setup = child_setup()
    load = ", ".join(f"{value:.2f}" for value in os.getloadavg())
    print(f"Interpreter `{setup.interpreter}`; {RUNS} runs each; load average {load}.")
    print("Overhead = median - bare median; net of solution = median of (wall - time the")
    print("parent measured inside the cases) - bare median.\n")
    print("| problem | cases | what | median ms | p90 ms | in solution ms | overhead ms |", end="")
    print(" net of solution ms |")
    print("|---|---:|---|---:|---:|---:|---:|---:|")
    for slug in slugs:
        if slug == "add-numbers":
            problem = load_problem(ROOT / "tests" / "attacks" / "add-numbers")
        else:
            problem = problems[slug]
        asyncio.run(run_code(problem, problem.solution))  # build and cache the cases once
        baseline = bare(setup.interpreter)
        base = summary([wall for wall, _ in baseline])[0]
        rows = [
            ("bare `python -I -S -c pass`", baseline),
            ("sandboxed run, cold spawn", asyncio.run(cold(problem))),
            ("sandboxed run, warm child", asyncio.run(warm(problem))),
            ("warm child, cases sent ahead", asyncio.run(warm_with_cases(problem))),
        ]
        cases = len(problem.all_cases)
        for what, samples in rows:
            median, p90 = summary([wall for wall, _ in samples])
            solving = statistics.median(inside for _, inside in samples)
            net = statistics.median(wall - inside for wall, inside in samples)
            print(
                f"| {slug} | {cases} | {what} | {median:.1f} | {p90:.1f} | {solving:.1f} "
                f"| {median - base:+.1f} | {net - base:+.1f} |"
            )


if __name__ == "__main__":
    main()
