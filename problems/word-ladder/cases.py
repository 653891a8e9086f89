"""Deterministic large dictionaries for word-ladder's performance cases.

Thousands of five-letter words over a small alphabet form one dense web, so a search
explores most of it; comparing each word with every other word is then quadratic.
"""

import random

LETTERS = "abcdef"


def _words(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    words: set[str] = set()
    while len(words) < count:
        words.add("".join(rng.choice(LETTERS) for _ in range(5)))
    return sorted(words)


def far_target():
    words = _words(seed=8, count=5000)
    rng = random.Random(9)
    rng.shuffle(words)
    begin = "aaaaa"
    # The word most letters away from the start is among the last ones reached.
    end = max(words, key=lambda word: (sum(letter != "a" for letter in word), word))
    return [begin, end, words]


def unreachable_target():
    words = _words(seed=10, count=5000)
    rng = random.Random(11)
    rng.shuffle(words)
    words.append("zzzzz")  # no word is one letter away from it
    return ["abcde", "zzzzz", words]
