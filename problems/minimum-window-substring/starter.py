def min_window(s: str, t: str) -> str:
    # Shortest substring of s holding every character of t (with repeats), or "".
    pass
