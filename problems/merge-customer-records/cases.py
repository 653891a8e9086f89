"""Deterministic large record sets for merge-customer-records' performance cases."""

import random


def long_chain():
    # 10,000 records, each sharing one email with the next, in shuffled order: one person
    # with 10,001 emails. A recursive search over the email graph goes 10,000+ deep, the
    # deepest input the statement allows.
    rng = random.Random(1234)
    records = [["Robin", f"robin{i}@mail.com", f"robin{i + 1}@mail.com"] for i in range(10_000)]
    rng.shuffle(records)
    return [records]


def many_small_people():
    # 10,000 records for about 2,000 people, each person spread over about five records.
    rng = random.Random(1235)
    names = ["Ana", "Ben", "Chen", "Dara", "Eli"]
    records = []
    for person in range(2_000):
        name = rng.choice(names)
        emails = [f"p{person}.{k}@mail.com" for k in range(8)]
        for _ in range(5):
            records.append([name, *rng.sample(emails, rng.randint(1, 4))])
    rng.shuffle(records)
    return [records]


def same_name_everywhere():
    # 8,000 records all named "Sam", joined at random through a pool of 12,000 emails.
    rng = random.Random(1236)
    records = []
    for _ in range(8_000):
        count = rng.randint(1, 3)
        records.append(["Sam", *(f"sam{rng.randrange(12_000)}@mail.com" for _ in range(count))])
    return [records]
