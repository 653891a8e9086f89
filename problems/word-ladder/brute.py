from collections import deque


def ladder_length(begin_word: str, end_word: str, word_list: list[str]) -> int:
    # Breadth-first search that compares the current word with every other word.
    def one_apart(first: str, second: str) -> bool:
        return sum(a != b for a, b in zip(first, second, strict=True)) == 1

    if end_word not in word_list:
        return 0
    visited = {begin_word}
    queue = deque([(begin_word, 1)])
    while queue:
        word, length = queue.popleft()
        if word == end_word:
            return length
        for candidate in word_list:
            if candidate not in visited and one_apart(word, candidate):
                visited.add(candidate)
                queue.append((candidate, length + 1))
    return 0
