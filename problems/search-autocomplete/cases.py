"""Deterministic long call sequences for search-autocomplete's performance cases."""

import random

WORDS = [
    "apple",
    "banana",
    "cable",
    "delta",
    "ember",
    "falcon",
    "garden",
    "harbor",
    "island",
    "jungle",
    "kettle",
    "lemon",
    "meadow",
    "nectar",
    "orbit",
    "pepper",
    "quartz",
    "river",
    "saddle",
    "timber",
    "umbra",
    "velvet",
    "willow",
    "xenon",
    "yonder",
    "zephyr",
]


def _phrase(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randrange(1, 4)))


def many_phrases_short_prefixes():
    # 3,000 recordings over thousands of distinct phrases, then 20,000 suggestions for
    # one- and two-letter prefixes, each of which matches hundreds of phrases.
    rng = random.Random(12)
    operations = ["Autocomplete"]
    arguments: list[list] = [[]]
    for _ in range(3_000):
        operations.append("record")
        arguments.append([_phrase(rng)])
    for _ in range(20_000):
        operations.append("suggest")
        word = rng.choice(WORDS)
        arguments.append([word[: rng.randrange(1, 3)]])
    return [operations, arguments]


def interleaved():
    # Recordings and suggestions interleaved, so rankings keep changing.
    rng = random.Random(21)
    operations = ["Autocomplete"]
    arguments: list[list] = [[]]
    for _ in range(8_000):
        if rng.random() < 0.3:
            operations.append("record")
            arguments.append([_phrase(rng)])
        else:
            operations.append("suggest")
            phrase = _phrase(rng)
            arguments.append([phrase[: rng.randrange(0, 6)]])
    return [operations, arguments]
