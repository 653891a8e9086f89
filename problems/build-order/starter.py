def build_order(packages: list[str], requires: list[list[str]]) -> list[str]:
    # An order that builds every dependency first, or [] when none exists.
    pass
