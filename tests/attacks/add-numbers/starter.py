def add(first: int, second: int) -> int:
    pass
