def fastest_arrival_times(n: int, roads: list[list[int]], depot: int) -> list[int]:
    # Relax every road in both directions until a full pass changes nothing.
    unknown = float("inf")
    best = [unknown] * n
    best[depot] = 0
    changed = True
    while changed:
        changed = False
        for first, second, minutes in roads:
            if best[first] + minutes < best[second]:
                best[second] = best[first] + minutes
                changed = True
            if best[second] + minutes < best[first]:
                best[first] = best[second] + minutes
                changed = True
    return [-1 if time == unknown else int(time) for time in best]
