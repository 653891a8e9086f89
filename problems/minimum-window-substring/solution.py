from collections import Counter


def min_window(s: str, t: str) -> str:
    needed = Counter(t)
    missing = len(t)
    best_start, best_length = 0, len(s) + 1
    window_start = 0
    for index, character in enumerate(s):
        if needed[character] > 0:
            missing -= 1
        needed[character] -= 1
        if missing:
            continue
        # Drop characters the window holds more of than it needs.
        while needed[s[window_start]] < 0:
            needed[s[window_start]] += 1
            window_start += 1
        if index - window_start + 1 < best_length:
            best_start, best_length = window_start, index - window_start + 1
        # Give up the first needed character to look for the next window.
        needed[s[window_start]] += 1
        missing += 1
        window_start += 1
    return s[best_start : best_start + best_length] if best_length <= len(s) else ""
