"""Deterministic large course graphs for course-schedule's performance cases.

Courses sit in layers; each course needs two courses from the next layer, so the
longest chain of requirements stays at a few hundred while the graph holds thousands of
courses. The chain cases are the deepest inputs the statement allows: 5,000 courses in
one line, where a recursive DFS goes 5,000 calls deep (README, "Recursion").
"""

import random


def _layered(seed: int, layers: int, width: int) -> tuple[int, list[list[int]]]:
    rng = random.Random(seed)
    total = layers * width
    label = list(range(total))
    rng.shuffle(label)
    prerequisites = []
    for layer in range(layers - 1):
        for slot in range(width):
            course = label[layer * width + slot]
            for required_slot in rng.sample(range(width), 2):
                prerequisites.append([course, label[(layer + 1) * width + required_slot]])
    rng.shuffle(prerequisites)
    return total, prerequisites


def layered_possible():
    total, prerequisites = _layered(seed=11, layers=400, width=10)
    return [total, prerequisites]


def layered_with_late_cycle():
    # The same shape plus one edge that closes a loop through the deepest layers.
    total, prerequisites = _layered(seed=12, layers=400, width=10)
    rng = random.Random(13)
    deep_course = prerequisites[rng.randrange(len(prerequisites))]
    prerequisites.append([deep_course[1], deep_course[0]])
    return [total, prerequisites]


def longest_chain():
    # Course i + 1 needs course i; listed shuffled so no order of the input helps.
    rng = random.Random(31)
    prerequisites = [[course + 1, course] for course in range(4_999)]
    rng.shuffle(prerequisites)
    return [5_000, prerequisites]


def longest_chain_closed():
    # The same chain, and the last course also needs the first: one 5,000-course loop.
    total, prerequisites = longest_chain()
    return [total, [*prerequisites, [0, 4_999]]]
