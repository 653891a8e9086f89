class Autocomplete:
    def __init__(self) -> None:
        # No phrases recorded yet.
        pass

    def record(self, phrase: str) -> None:
        # Someone searched for `phrase` once more.
        pass

    def suggest(self, prefix: str) -> list[str]:
        # Up to three recorded phrases starting with `prefix`, most searched first.
        pass
