"""Deterministic long operation sequences for prefix-counter's performance cases."""

import random


def _word(rng: random.Random, letters: str, low: int, high: int) -> str:
    return "".join(rng.choice(letters) for _ in range(rng.randint(low, high)))


def fill_then_query():
    # 10,000 adds, then 10,000 counts: scanning every stored word per count is quadratic.
    rng = random.Random(5150)
    operations = ["PrefixCounter"]
    arguments: list[list[str]] = [[]]
    stored = [_word(rng, "abcd", 3, 12) for _ in range(10_000)]
    for word in stored:
        operations.append("add")
        arguments.append([word])
    for step in range(10_000):
        word = rng.choice(stored)
        if step % 3:
            operations.append("count_prefix")
            arguments.append([word[: rng.randint(0, len(word))]])
        else:
            operations.append("count_word")
            arguments.append([word if rng.random() < 0.7 else _word(rng, "abcd", 3, 12)])
    return [operations, arguments]


def churn():
    # 20,000 mixed calls on words that share a 12-letter stem.
    rng = random.Random(5151)
    stem = "catalogitems"
    operations = ["PrefixCounter"]
    arguments: list[list[str]] = [[]]
    stored: list[str] = []
    for _ in range(20_000):
        roll = rng.random()
        if roll < 0.45 or not stored:
            word = stem + _word(rng, "xyz", 1, 10)
            stored.append(word)
            operations.append("add")
            arguments.append([word])
        elif roll < 0.6:
            operations.append("remove")
            arguments.append([stored.pop(rng.randrange(len(stored)))])
        elif roll < 0.85:
            word = rng.choice(stored)
            operations.append("count_prefix")
            arguments.append([word[: rng.randint(8, len(word))]])
        else:
            operations.append("count_word")
            arguments.append([rng.choice(stored)])
    return [operations, arguments]
