from collections import defaultdict, deque


def ladder_length(begin_word: str, end_word: str, word_list: list[str]) -> int:
    words = set(word_list)
    if end_word not in words:
        return 0
    words.add(begin_word)
    by_pattern: defaultdict[str, list[str]] = defaultdict(list)
    for word in words:
        for position in range(len(word)):
            by_pattern[word[:position] + "*" + word[position + 1 :]].append(word)
    distance = {begin_word: 1}
    queue = deque([begin_word])
    while queue:
        word = queue.popleft()
        if word == end_word:
            return distance[word]
        for position in range(len(word)):
            pattern = word[:position] + "*" + word[position + 1 :]
            for neighbour in by_pattern.pop(pattern, ()):
                if neighbour not in distance:
                    distance[neighbour] = distance[word] + 1
                    queue.append(neighbour)
    return 0
