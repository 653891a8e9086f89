class Node:
    """A trie node: children by letter, copies passing through, copies ending here."""

    __slots__ = ("children", "passing", "ending")

    def __init__(self) -> None:
        self.children: dict[str, Node] = {}
        self.passing = 0
        self.ending = 0


class PrefixCounter:
    def __init__(self) -> None:
        self.root = Node()

    def _find(self, text: str) -> Node | None:
        node = self.root
        for letter in text:
            child = node.children.get(letter)
            if child is None:
                return None
            node = child
        return node

    def add(self, word: str) -> None:
        node = self.root
        node.passing += 1
        for letter in word:
            child = node.children.get(letter)
            if child is None:
                child = node.children[letter] = Node()
            node = child
            node.passing += 1
        node.ending += 1

    def count_word(self, word: str) -> int:
        node = self._find(word)
        return node.ending if node else 0

    def count_prefix(self, prefix: str) -> int:
        node = self._find(prefix)
        return node.passing if node else 0

    def remove(self, word: str) -> None:
        if not self.count_word(word):
            return
        node = self.root
        node.passing -= 1
        for letter in word:
            child = node.children[letter]
            if child.passing == 1:
                del node.children[letter]  # the last copy below here: drop the branch
                return
            node = child
            node.passing -= 1
        node.ending -= 1
