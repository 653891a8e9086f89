def find_words(board: list[list[str]], words: list[str]) -> list[str]:
    # Search the whole board separately for every word.
    rows, columns = len(board), len(board[0])

    def traces(word: str, index: int, row: int, column: int, used: set) -> bool:
        if not (0 <= row < rows and 0 <= column < columns):
            return False
        if (row, column) in used or board[row][column] != word[index]:
            return False
        if index == len(word) - 1:
            return True
        used.add((row, column))
        for step_row, step_column in ((-1, 0), (1, 0), (0, -1), (0, 1)):
            if traces(word, index + 1, row + step_row, column + step_column, used):
                used.discard((row, column))
                return True
        used.discard((row, column))
        return False

    return [
        word
        for word in words
        if any(traces(word, 0, r, c, set()) for r in range(rows) for c in range(columns))
    ]
