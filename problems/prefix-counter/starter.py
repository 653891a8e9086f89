class PrefixCounter:
    def __init__(self) -> None:
        # Starts with no words stored.
        pass

    def add(self, word: str) -> None:
        # Store one more copy of word.
        pass

    def count_word(self, word: str) -> int:
        # How many stored copies equal word.
        pass

    def count_prefix(self, prefix: str) -> int:
        # How many stored copies start with prefix.
        pass

    def remove(self, word: str) -> None:
        # Forget one copy of word; do nothing if no copy is stored.
        pass
