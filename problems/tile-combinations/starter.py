def tile_combinations(tiles: list[int], target: int) -> list[list[int]]:
    # Every different group of tiles (each tile used at most once) adding up to target.
    pass
