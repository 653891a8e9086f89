"""Deterministic large inputs for group-anagrams' performance cases."""

import itertools
import random
import string


def many_small_groups():
    rng = random.Random(131)
    seen = set()
    words = []
    while len(seen) < 2_500:
        letters = "".join(sorted(rng.choices(string.ascii_lowercase, k=rng.randint(3, 9))))
        if letters in seen:
            continue
        seen.add(letters)
        for _ in range(rng.randint(1, 3)):
            words.append("".join(rng.sample(letters, len(letters))))
    rng.shuffle(words)
    return [words]


def all_singletons():
    rng = random.Random(132)
    words = [
        "".join(letters)[::-1] for letters in itertools.combinations(string.ascii_lowercase, 4)
    ]
    rng.shuffle(words)
    return [words]
