"""Deterministic large inputs for valid-parentheses' performance cases."""


def deep_nesting():
    depth = 25_000
    return ["([{" * depth + "}])" * depth]


def deep_then_mismatch():
    depth = 25_000
    return ["{[(" * depth + ")]}" * (depth - 1) + ")]" + "]"]
