def find_words(board: list[list[str]], words: list[str]) -> list[str]:
    # A trie of the words; a node's "$" entry holds the word that ends there.
    root: dict[str, dict] = {}
    for word in words:
        node = root
        for letter in word:
            node = node.setdefault(letter, {})
        node["$"] = word
    rows, columns = len(board), len(board[0])
    found: list[str] = []

    def explore(row: int, column: int, parent: dict) -> None:
        letter = board[row][column]
        node = parent.get(letter)
        if node is None:
            return
        word = node.pop("$", None)
        if word is not None:
            found.append(word)
        board[row][column] = "#"  # in use on the current path
        for next_row, next_column in (
            (row - 1, column),
            (row + 1, column),
            (row, column - 1),
            (row, column + 1),
        ):
            if 0 <= next_row < rows and 0 <= next_column < columns:
                explore(next_row, next_column, node)
        board[row][column] = letter
        if not node:
            del parent[letter]  # every word below here is found: never walk it again

    for row in range(rows):
        for column in range(columns):
            explore(row, column, root)
    return found
