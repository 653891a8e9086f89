from bisect import insort


class Node:
    """A trie node: its children and its best three (-count, phrase) entries, sorted."""

    __slots__ = ("children", "best")

    def __init__(self) -> None:
        self.children: dict[str, Node] = {}
        self.best: list[tuple[int, str]] = []


class Autocomplete:
    def __init__(self) -> None:
        self.root = Node()
        self.counts: dict[str, int] = {}

    def record(self, phrase: str) -> None:
        # Only this phrase's count grows, so each node on its path needs at most this
        # phrase added to, or moved up within, its cached top three.
        count = self.counts.get(phrase, 0) + 1
        self.counts[phrase] = count
        entry = (-count, phrase)
        node = self.root
        self._promote(node, entry)
        for character in phrase:
            child = node.children.get(character)
            if child is None:
                child = node.children[character] = Node()
            node = child
            self._promote(node, entry)

    @staticmethod
    def _promote(node: Node, entry: tuple[int, str]) -> None:
        best = node.best
        for index, (_, phrase) in enumerate(best):
            if phrase == entry[1]:
                del best[index]
                break
        if len(best) < 3 or entry < best[-1]:
            insort(best, entry)
            del best[3:]

    def suggest(self, prefix: str) -> list[str]:
        node = self.root
        for character in prefix:
            child = node.children.get(character)
            if child is None:
                return []
            node = child
        return [phrase for _, phrase in node.best]
