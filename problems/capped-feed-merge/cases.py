"""Deterministic large feed sets for capped-feed-merge's performance cases."""

import random


def _feeds(seed: int, count: int, length: int, authors: int, shared: float) -> list[list[list]]:
    rng = random.Random(seed)
    catalogue: list[list] = []
    feeds = []
    for _ in range(count):
        feed = []
        for _ in range(length):
            if catalogue and rng.random() < shared:
                post = rng.choice(catalogue)
            else:
                post = [
                    len(catalogue) * 7 + 3,
                    f"user{rng.randrange(authors)}",
                    rng.randrange(1_000),
                ]
                catalogue.append(post)
            feed.append(list(post))
        feed.sort(key=lambda post: (-post[2], post[0]))
        unique = []
        for post in feed:
            if not unique or unique[-1][0] != post[0]:
                unique.append(post)
        feeds.append(unique)
    return feeds


def many_feeds():
    # 5,000 feeds of 20 posts, some posts shared between feeds, 2,000 authors.
    return [_feeds(seed=4, count=5_000, length=20, authors=2_000, shared=0.1), 3, 2_500]


def prolific_authors():
    # 2,000 feeds dominated by 40 authors: most posts are skipped by the cap.
    return [_feeds(seed=9, count=2_000, length=30, authors=40, shared=0.05), 50, 2_000]
