"""Deterministic large dependency graphs for build-order's performance cases."""

import random


def _names(count: int, seed: int) -> list[str]:
    names = [f"pkg{index:05d}" for index in range(count)]
    random.Random(seed).shuffle(names)
    return names


def deepest_chain():
    # 10,000 packages in one chain (the deepest the limits allow), listed and required
    # from the end of the chain backwards: recursion goes 10,000 calls deep.
    names = _names(10_000, 1)
    requires = [[names[index], names[index + 1]] for index in range(len(names) - 1)]
    return [names, requires]


def layered():
    # 10,000 packages in 50 layers; each needs two packages from the layer below.
    rng = random.Random(2)
    names = _names(10_000, 3)
    width = 200
    requires = []
    for index in range(width, len(names)):
        layer_start = (index // width - 1) * width
        for offset in rng.sample(range(width), 2):
            requires.append([names[index], names[layer_start + offset]])
    rng.shuffle(requires)
    return [names, requires]


def late_cycle():
    # The layered graph plus one requirement that closes a loop through every layer:
    # follow the top package's requirements down to the bottom layer, then make that
    # bottom package require the top one.
    names, requires = layered()
    needs: dict[str, str] = {}
    for package, dependency in requires:
        needs.setdefault(package, dependency)
    current = names[-1]
    while current in needs:
        current = needs[current]
    return [names, requires + [[current, names[-1]]]]
