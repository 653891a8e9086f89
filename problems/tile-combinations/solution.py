def tile_combinations(tiles: list[int], target: int) -> list[list[int]]:
    ordered = sorted(tiles)
    found: list[list[int]] = []
    chosen: list[int] = []

    def extend(start: int, remaining: int) -> None:
        if remaining == 0:
            found.append(chosen[:])
            return
        for index in range(start, len(ordered)):
            value = ordered[index]
            if value > remaining:
                break  # sorted, so every later tile is too big as well
            if index > start and value == ordered[index - 1]:
                continue  # this value was already tried in this position
            chosen.append(value)
            extend(index + 1, remaining - value)
            chosen.pop()

    extend(0, target)
    return found
