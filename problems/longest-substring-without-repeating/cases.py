"""Deterministic long strings for longest-substring-without-repeating's performance cases.

Both use a few thousand distinct characters, so windows without repeats are long and
restarting the scan from every position costs far more than one pass.
"""

import random

ALPHABET = [chr(0x4E00 + offset) for offset in range(3000)]  # CJK ideographs


def cycling_alphabet():
    # Every window of 3000 characters is distinct; the answer is exactly 3000.
    return ["".join(ALPHABET) * 20]


def shuffled_blocks():
    rng = random.Random(4242)
    pieces = []
    for _ in range(20):
        block = ALPHABET[:]
        rng.shuffle(block)
        pieces.append("".join(block))
    return ["".join(pieces)]
