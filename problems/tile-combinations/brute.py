def tile_combinations(tiles: list[int], target: int) -> list[list[int]]:
    # Take or skip every tile separately, then drop repeated groups with a set.
    ordered = sorted(tiles)
    groups: set[tuple[int, ...]] = set()

    def choose(index: int, total: int, chosen: tuple[int, ...]) -> None:
        if total == target:
            groups.add(chosen)
            return
        if index == len(ordered) or total > target:
            return
        choose(index + 1, total + ordered[index], (*chosen, ordered[index]))
        choose(index + 1, total, chosen)

    choose(0, 0, ())
    return [list(group) for group in groups]
