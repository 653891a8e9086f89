def merge_records(records: list[list[str]]) -> list[list[str]]:
    # Union-find over records: records sharing an email are joined.
    parent = list(range(len(records)))
    size = [1] * len(records)

    def find(record: int) -> int:
        while parent[record] != record:
            parent[record] = parent[parent[record]]  # path halving keeps trees shallow
            record = parent[record]
        return record

    def union(first: int, second: int) -> None:
        first, second = find(first), find(second)
        if first == second:
            return
        if size[first] < size[second]:
            first, second = second, first
        parent[second] = first
        size[first] += size[second]

    owner: dict[str, int] = {}  # email -> first record that listed it
    for index, (_, *emails) in enumerate(records):
        for email in emails:
            if email in owner:
                union(index, owner[email])
            else:
                owner[email] = index

    emails_by_root: dict[int, list[str]] = {}
    for email, index in owner.items():
        emails_by_root.setdefault(find(index), []).append(email)
    return [[records[root][0], *sorted(emails)] for root, emails in emails_by_root.items()]
