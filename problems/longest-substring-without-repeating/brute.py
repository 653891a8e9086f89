def length_of_longest_substring(s: str) -> int:
    # Start at every position and grow a window until a character repeats.
    best = 0
    for start in range(len(s)):
        seen: set[str] = set()
        for character in s[start:]:
            if character in seen:
                break
            seen.add(character)
        best = max(best, len(seen))
    return best
