from collections import deque


def build_order(packages: list[str], requires: list[list[str]]) -> list[str]:
    waiting_on = {name: 0 for name in packages}
    unlocks: dict[str, list[str]] = {name: [] for name in packages}
    for package, dependency in requires:
        waiting_on[package] += 1
        unlocks[dependency].append(package)
    ready = deque(name for name in packages if waiting_on[name] == 0)
    order = []
    while ready:
        name = ready.popleft()
        order.append(name)
        for follower in unlocks[name]:
            waiting_on[follower] -= 1
            if waiting_on[follower] == 0:
                ready.append(follower)
    return order if len(order) == len(packages) else []
