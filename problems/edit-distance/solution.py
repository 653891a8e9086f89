def min_distance(word1: str, word2: str) -> int:
    # previous[j] = distance between the first i - 1 letters of word1 and first j of word2.
    previous = list(range(len(word2) + 1))
    for i, letter in enumerate(word1, start=1):
        current = [i] + [0] * len(word2)
        for j, other in enumerate(word2, start=1):
            if letter == other:
                current[j] = previous[j - 1]
            else:
                current[j] = 1 + min(previous[j - 1], previous[j], current[j - 1])
        previous = current
    return previous[-1]
