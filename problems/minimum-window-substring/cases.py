"""Deterministic long inputs for minimum-window-substring's performance cases.

The needed characters are rare and far apart, so a scan that restarts from every
position walks most of the string each time.
"""

import random
import string


def rare_characters_far_apart():
    rng = random.Random(606)
    body = [rng.choice(string.ascii_lowercase) for _ in range(40_000)]
    body[1_000] = "X"
    body[20_000] = "Y"
    body[39_000] = "Z"
    return ["".join(body), "XYZ"]


def no_window_exists():
    rng = random.Random(707)
    body = "".join(rng.choice(string.ascii_lowercase) for _ in range(40_000))
    return [body, "abcQ"]


def long_target():
    rng = random.Random(808)
    text = "".join(rng.choice("ABCDEFGH") for _ in range(40_000))
    target = "".join(rng.choice("ABCDEFGH") for _ in range(400)) + "z"
    return [text[:35_000] + "z" + text[35_000:], target]
