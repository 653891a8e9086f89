"""Deterministic long word pairs for edit-distance's performance cases.

Lengths stay at 250 so a memoised recursion (depth up to len1 + len2) fits Python's
default recursion limit; the uncached recursion branches three ways at every mismatch.
"""

import random


def random_pair():
    rng = random.Random(5150)
    first = "".join(rng.choice("abcdefghij") for _ in range(250))
    second = "".join(rng.choice("abcdefghij") for _ in range(250))
    return [first, second]


def similar_with_typos():
    rng = random.Random(8086)
    first = [rng.choice("acgt") for _ in range(250)]
    second = first[:]
    for _ in range(40):
        position = rng.randrange(len(second))
        second[position] = rng.choice("acgt")
    del second[10:14]
    second[120:120] = list("ttaa")
    return ["".join(first), "".join(second)]


def disjoint_alphabets():
    return ["ab" * 125, "xyz" * 80]
