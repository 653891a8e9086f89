def length_of_longest_substring(s: str) -> int:
    # Length of the longest stretch of s with no character repeated.
    pass
