def min_distance(word1: str, word2: str) -> int:
    # Fewest single-character inserts, deletes or replacements turning word1 into word2.
    pass
