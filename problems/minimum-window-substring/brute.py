from collections import Counter


def min_window(s: str, t: str) -> str:
    # From every start, extend the end until the window covers t.
    needed = Counter(t)
    best = ""
    for start in range(len(s)):
        have: Counter[str] = Counter()
        for end in range(start, len(s)):
            have[s[end]] += 1
            if all(have[character] >= count for character, count in needed.items()):
                if not best or end - start + 1 < len(best):
                    best = s[start : end + 1]
                break
    return best
