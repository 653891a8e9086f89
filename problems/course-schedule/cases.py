"""Deterministic large course graphs for course-schedule's performance cases.

Courses sit in layers; each course needs two courses from the next layer, so the
longest chain of requirements stays at a few hundred (a recursive DFS fits Python's
default recursion limit) while the graph holds thousands of courses.
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
