"""Accept any shortest window: several windows can tie for the minimum length."""

from collections import Counter


def check(args, expected, actual) -> bool:
    s, t = args
    if not isinstance(actual, str) or len(actual) != len(expected):
        return False
    if actual == "":
        return True
    if actual not in s:
        return False
    have = Counter(actual)
    return all(have[character] >= count for character, count in Counter(t).items())
