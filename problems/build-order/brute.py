def build_order(packages: list[str], requires: list[list[str]]) -> list[str]:
    # Each round, scan every package for one whose dependencies are all built.
    built: set[str] = set()
    order = []
    while len(order) < len(packages):
        progress = False
        for name in packages:
            if name in built:
                continue
            if all(dependency in built for package, dependency in requires if package == name):
                built.add(name)
                order.append(name)
                progress = True
                break
        if not progress:
            return []
    return order
