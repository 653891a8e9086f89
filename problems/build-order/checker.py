"""Accept any build order that respects every requirement; [] only when none exists."""


def check(args, expected, actual) -> bool:
    packages, requires = args
    if not isinstance(actual, list):
        return False
    if expected == []:
        return actual == []
    if sorted(actual, key=repr) != sorted(packages, key=repr):
        return False
    position = {name: index for index, name in enumerate(actual)}
    return all(position[dependency] < position[package] for package, dependency in requires)
