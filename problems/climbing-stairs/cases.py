"""Inputs for climbing-stairs' performance cases: plain recursion branches twice per step."""


def forty_steps():
    return [40]


def ninety_steps():
    return [90]
