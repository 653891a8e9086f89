import heapq


def assign_jobs(costs: list[int], durations: list[int]) -> list[int]:
    idle = [(cost, index) for index, cost in enumerate(costs)]
    heapq.heapify(idle)
    busy: list[tuple[int, int, int]] = []  # (free at, cost, index)
    assigned = []
    now = 0
    for job, duration in enumerate(durations):
        now = max(now, job)  # a job starts no earlier than it arrives or the job before it
        if not idle:
            now = max(now, busy[0][0])  # wait for the first machine to come free
        while busy and busy[0][0] <= now:
            _, cost, index = heapq.heappop(busy)
            heapq.heappush(idle, (cost, index))
        cost, index = heapq.heappop(idle)
        heapq.heappush(busy, (now + duration, cost, index))
        assigned.append(index)
    return assigned
