"""Deterministic boards and word lists for find-words-in-grid's performance cases.

Many words are random walks on the board with the last letter or two changed, so they
share long prefixes with real paths: searching the board once per word retraces those
prefixes again and again, while a trie walks each shared prefix once.
"""

import random

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _board(rng: random.Random, size: int, letters: str) -> list[list[str]]:
    return [[rng.choice(letters) for _ in range(size)] for _ in range(size)]


def _walk(rng: random.Random, board: list[list[str]], length: int) -> str:
    size = len(board)
    row, column = rng.randrange(size), rng.randrange(size)
    used = {(row, column)}
    letters = [board[row][column]]
    while len(letters) < length:
        steps = [
            (row + dr, column + dc)
            for dr, dc in ((-1, 0), (1, 0), (0, -1), (0, 1))
            if 0 <= row + dr < size
            and 0 <= column + dc < size
            and (row + dr, column + dc) not in used
        ]
        if not steps:
            break
        row, column = rng.choice(steps)
        used.add((row, column))
        letters.append(board[row][column])
    return "".join(letters)


def _words(seed: int, letters: str, count: int) -> list[list]:
    rng = random.Random(seed)
    board = _board(rng, 12, letters)
    words: set[str] = set()
    while len(words) < count:
        word = _walk(rng, board, rng.randint(8, 10))
        if rng.random() < 0.8:
            cut = rng.randint(1, 2)
            word = word[:-cut] + "".join(rng.choice(LETTERS) for _ in range(cut))
        words.add(word)
    return [board, sorted(words, key=lambda word: rng.random())]


def near_misses():
    # 20,000 words over the full alphabet, most of them one or two letters off a path.
    return _words(seed=61, letters=LETTERS, count=20_000)


def small_alphabet():
    # Six letters only, so a word's first letters match almost everywhere on the board.
    return _words(seed=62, letters="abcdef", count=20_000)
