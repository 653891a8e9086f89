def merge_records(records: list[list[str]]) -> list[list[str]]:
    # Keep merging any two groups that share an email until a full pass changes nothing.
    groups = [(record[0], set(record[1:])) for record in records]
    changed = True
    while changed:
        changed = False
        for first in range(len(groups)):
            for second in range(first + 1, len(groups)):
                if groups[first][1] & groups[second][1]:
                    groups[first][1].update(groups[second][1])
                    del groups[second]
                    changed = True
                    break
            if changed:
                break
    return [[name, *sorted(emails)] for name, emails in groups]
