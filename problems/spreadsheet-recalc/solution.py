import re
from collections import deque

TERM = re.compile(r"([+-]?)([A-Z]+[0-9]+|[0-9]+)")


def parse(content: str) -> tuple[int, list[tuple[int, str]]]:
    """A cell's constant part and its signed references."""
    if not content.startswith("="):
        return int(content), []
    constant = 0
    references = []
    for sign, term in TERM.findall(content[1:]):
        factor = -1 if sign == "-" else 1
        if term[0].isdigit():
            constant += factor * int(term)
        else:
            references.append((factor, term))
    return constant, references


def recalculate(cells: list[list[str]]) -> list[int | str]:
    parsed = {name: parse(content) for name, content in cells}
    waiting_on = {name: 0 for name in parsed}
    dependents: dict[str, list[str]] = {name: [] for name in parsed}
    for name, (_, references) in parsed.items():
        for _, reference in references:
            if reference in parsed:
                waiting_on[name] += 1
                dependents[reference].append(name)
    # Kahn's order: a cell is computed once every cell it reads is; whatever is never
    # freed sits on a cycle or reads from one.
    values: dict[str, int] = {}
    ready = deque(name for name, count in waiting_on.items() if count == 0)
    while ready:
        name = ready.popleft()
        constant, references = parsed[name]
        values[name] = constant + sum(factor * values.get(ref, 0) for factor, ref in references)
        for dependent in dependents[name]:
            waiting_on[dependent] -= 1
            if waiting_on[dependent] == 0:
                ready.append(dependent)
    return [values.get(name, "#CYCLE") for name, _ in cells]
