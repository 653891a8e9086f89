def min_distance(word1: str, word2: str) -> int:
    # Try all three edits at every mismatch, recursively, without caching.
    if not word1:
        return len(word2)
    if not word2:
        return len(word1)
    if word1[0] == word2[0]:
        return min_distance(word1[1:], word2[1:])
    return (
        1
        + min(
            min_distance(word1[1:], word2),  # delete
            min_distance(word1, word2[1:]),  # insert
            min_distance(word1[1:], word2[1:]),  # replace
        )
    )
