def length_of_longest_substring(s: str) -> int:
    last_seen: dict[str, int] = {}
    window_start = 0
    best = 0
    for index, character in enumerate(s):
        previous = last_seen.get(character, -1)
        if previous >= window_start:
            window_start = previous + 1
        elif index - window_start + 1 > best:
            best = index - window_start + 1
        last_seen[character] = index
    return best
