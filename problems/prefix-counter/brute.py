class PrefixCounter:
    # Every stored copy in a plain list; each count scans all of them.
    def __init__(self) -> None:
        self.words: list[str] = []

    def add(self, word: str) -> None:
        self.words.append(word)

    def count_word(self, word: str) -> int:
        return sum(1 for stored in self.words if stored == word)

    def count_prefix(self, prefix: str) -> int:
        return sum(1 for stored in self.words if stored.startswith(prefix))

    def remove(self, word: str) -> None:
        if word in self.words:
            self.words.remove(word)
