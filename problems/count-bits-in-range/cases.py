"""Wide ranges for count-bits-in-range's performance cases: far too many numbers to visit."""


def whole_range():
    return [0, 10**15]


def wide_window_near_top():
    return [10**15 - 10**12, 10**15 - 1]


def million_numbers():
    # A million numbers straddling 2**40.
    return [2**40 - 500_000, 2**40 + 499_999]
