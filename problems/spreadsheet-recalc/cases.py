"""Deterministic large sheets for spreadsheet-recalc's deep and performance cases."""

import random


def deepest_chain():
    # 20,000 cells, each adding one to the next, listed from the top of the chain down:
    # working out the first cell needs every other one first.
    count = 20_000
    cells = [[f"A{row}", f"=A{row + 1}+1"] for row in range(1, count)]
    cells.append([f"A{count}", "7"])
    return [cells]


def wide_sheet():
    # 10,000 cells over columns A to T, listed bottom row first. Each formula reads one
    # cell from the 30 rows above it and up to three cells from the first row, so the
    # values stay small while the reading order matters.
    rng = random.Random(6)
    columns = [chr(ord("A") + index) for index in range(20)]
    cells = []
    for row in range(1, 501):
        for column in columns:
            if row == 1:
                cells.append([f"{column}{row}", str(rng.randrange(-50, 50))])
                continue
            terms = [f"{rng.choice(columns)}{rng.randrange(max(1, row - 30), row)}"]
            terms += [f"{rng.choice(columns)}1" for _ in range(rng.randrange(0, 4))]
            formula = "=" + "".join(rng.choice("+-") + term for term in terms)
            cells.append([f"{column}{row}", formula + f"+{rng.randrange(10)}"])
    cells.reverse()
    return [cells]


def cycle_poisons_half():
    # A chain of 10,000 cells hanging off a three-cell loop, plus 10,000 healthy cells.
    cells = [["B1", "=B2"], ["B2", "=B3+1"], ["B3", "=B1-1"]]
    cells += [[f"C{row}", f"=C{row - 1}+B1" if row > 1 else "=B3"] for row in range(1, 10_001)]
    cells += [[f"D{row}", f"=D{row - 1}+2" if row > 1 else "5"] for row in range(1, 10_001)]
    cells.reverse()
    return [cells]
