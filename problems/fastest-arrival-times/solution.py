import heapq


def fastest_arrival_times(n: int, roads: list[list[int]], depot: int) -> list[int]:
    neighbours: list[list[tuple[int, int]]] = [[] for _ in range(n)]
    for first, second, minutes in roads:
        neighbours[first].append((second, minutes))
        neighbours[second].append((first, minutes))
    best = [-1] * n
    frontier = [(0, depot)]
    while frontier:
        elapsed, junction = heapq.heappop(frontier)
        if best[junction] != -1:
            continue
        best[junction] = elapsed
        for neighbour, minutes in neighbours[junction]:
            if best[neighbour] == -1:
                heapq.heappush(frontier, (elapsed + minutes, neighbour))
    return best
