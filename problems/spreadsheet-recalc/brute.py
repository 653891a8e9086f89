import re

TERM = re.compile(r"([+-]?)([A-Z]+[0-9]+|[0-9]+)")


def recalculate(cells: list[list[str]]) -> list[int | str]:
    # Sweep over all cells again and again, computing any cell whose references are all
    # known, until a sweep computes nothing new.
    contents = dict(cells)
    values: dict[str, int] = {}
    progress = True
    while progress:
        progress = False
        for name, content in cells:
            if name in values:
                continue
            if not content.startswith("="):
                values[name] = int(content)
                progress = True
                continue
            total = 0
            known = True
            for sign, term in TERM.findall(content[1:]):
                factor = -1 if sign == "-" else 1
                if term[0].isdigit():
                    total += factor * int(term)
                elif term not in contents:
                    continue
                elif term in values:
                    total += factor * values[term]
                else:
                    known = False
                    break
            if known:
                values[name] = total
                progress = True
    return [values.get(name, "#CYCLE") for name, _ in cells]
