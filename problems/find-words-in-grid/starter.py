def find_words(board: list[list[str]], words: list[str]) -> list[str]:
    # Every word from `words` that can be traced through side-by-side cells of the board,
    # using each cell at most once per word. Any order.
    pass
