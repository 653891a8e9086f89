class Autocomplete:
    # Count every phrase; on each suggestion, filter and sort all of them.
    def __init__(self) -> None:
        self.counts: dict[str, int] = {}

    def record(self, phrase: str) -> None:
        self.counts[phrase] = self.counts.get(phrase, 0) + 1

    def suggest(self, prefix: str) -> list[str]:
        matching = [phrase for phrase in self.counts if phrase.startswith(prefix)]
        matching.sort(key=lambda phrase: (-self.counts[phrase], phrase))
        return matching[:3]
