def expand(notation: str) -> str:
    # The plain text that the repeat notation stands for.
    pass
