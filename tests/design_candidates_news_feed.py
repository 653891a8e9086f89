"""Scripted system design candidates on the social news feed (45 minutes).

Written as candidates write on a whiteboard, not from the prompt's keyword lists: the point
is whether the interviewer and the scorer read ordinary notes the way a person would.
"""

from __future__ import annotations

from design_candidates import Candidate, notes

PROMPT = "news-feed"

REQUIREMENTS = """## Requirements
- Post short text with up to four images; follow and unfollow (one-way)
- Home feed: newest posts from people I follow, infinite scroll with a cursor
- Chronological first, but a ranking model plugs in later, so keep a candidate step
- Non-functional: first page under 200 ms p99; new posts show up within seconds (a minute
  is fine for huge accounts); a stale feed beats an error
- Follower counts are skewed: most follow ~200, a few accounts have 50M followers
"""
ESTIMATES = """## Estimates
- 500M DAU x 10 feed loads a day -> ~58k feed loads/s on average, ~120k/s at peak
- 200M posts a day -> ~2.3k posts/s
- fan-out on write: 2.3k posts/s x 200 followers -> ~460k feed inserts/s
- 1 KB per post -> 200 GB a day of post text; 200 KB images go to object storage
- feed cache: 500M users x 500 post ids x 8 bytes -> 2 TB
"""
ESTIMATES_OFF = """## Estimates
- 500M DAU x 10 feed loads a day -> ~600 feed loads/s
- 200M posts a day -> ~23 posts/s
- 1 KB per post -> 2 GB a day of post text
"""
API = """## API
- POST /posts {text, image_ids} -> post_id
- POST /follow/{user_id}, DELETE /follow/{user_id}
- GET /feed?cursor=...&limit=20 -> {posts, next_cursor}
"""
DATA_MODEL = """## Data model
- posts: post_id (time-sortable), author_id, text, image refs, created_at; sharded by post_id
- follows: (follower_id, followee_id) kept in both directions
- feed cache: per user, a list of the latest 500 post ids in redis
- images in object storage behind a CDN; posts keep only references
"""
DESIGN = """## High level
    client -> LB -> post service -> posts store
                         |
                      queue (post events) -> fan-out workers -> feed cache (redis)
    client -> LB -> feed service -> feed cache -> hydrate from post cache / posts store
- The post service writes the post and puts an event on a queue, so publishing never
  waits on fan-out.
- Fan-out workers push the post id into each follower's feed list because reads are 25x
  writes and have to be fast.
- The feed service reads ids from the cache and hydrates them from a post cache, since ids
  are small and posts get edited.
- Images go through the CDN to keep 200 KB payloads off our servers.
"""
DESIGN_JOIN = """## High level
    client -> LB -> feed service -> postgres (posts, follows)
- At 600 reads/s one postgres serves the feed with a join of follows and posts, ordered
  by created_at, so we don't need any fan-out.
- A redis cache in front of it keeps hot feeds, because the same people reload often.
"""
DIVE_FANOUT = """## Deep dive: fan-out
- Push (fan-out on write) for ordinary accounts: 460k inserts/s, and reads stay cheap.
- A 50M-follower account would mean 50M inserts for one post, so accounts above ~100k
  followers are pulled instead (fan-out on read): the feed service merges their recent
  posts at read time. A hybrid.
- Skip fan-out to users inactive for 30 days; build their feed when they come back.
- The queue absorbs spikes and workers scale on queue lag. If the queue falls an hour
  behind, feeds go stale but still load, and we drain newest posts first.
"""
DIVE_CACHE = """## Deep dive: the feed cache
- Store ids, not whole posts: 8 bytes against 1 KB, and edits or deletes touch only the
  post cache.
- Cold cache: read the follow list, take each followee's recent posts, merge and keep 20;
  200 parallel reads fit in 200 ms.
- If a cache node dies its users are rebuilt on demand from the posts store, and a replica
  per shard keeps the hit rate up. A celebrity's post is a hot key: replicate it.
"""
DIVE_CACHE_ONLY = """## Deep dive: caching
- Redis keeps each user's feed query result for 60 s, evicted LRU.
- If the cache node dies, requests go to postgres until it warms up again.
"""
TRADEOFFS = """## Trade-offs
- Hybrid fan-out rather than pure push: no 50M writes per celebrity post, at the cost of a
  merge on read for their followers.
- Cache post ids and hydrate on read instead of full posts: 2 TB instead of ~250 TB, at
  the cost of a second lookup.
- Eventual consistency instead of strongly consistent timelines: a few seconds of stale
  feed buys availability.
- At 10x the users I'd split the fan-out pipeline by region and stop caching feeds of
  inactive users.
"""
STRONG = [
    (40, "say", "Is following one-way, and how skewed are follower counts?"),
    (90, "say", "How many daily users, and how often do they open the feed?"),
    (130, "say", "And how many posts a day?"),
    (300, "notes", notes(REQUIREMENTS)),
    (520, "notes", notes(REQUIREMENTS, ESTIMATES)),
    (
        570,
        "say",
        "Reads are about 25 times writes, but fan-out multiplies writes by 200: 460k inserts "
        "a second is the number that shapes this design.",
    ),
    (850, "notes", notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL)),
    (1100, "notes", notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL, DESIGN)),
    (
        1150,
        "say",
        "That's the high level. The hard parts are fan-out for huge accounts and the feed "
        "cache, so I'll go deep there.",
    ),
    (1500, "notes", notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL, DESIGN, DIVE_FANOUT)),
    (
        1550,
        "say",
        "Push for most accounts, pull for the ones with millions of followers, merged at read "
        "time; inactive users get nothing pushed.",
    ),
    (
        1900,
        "notes",
        notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL, DESIGN, DIVE_FANOUT, DIVE_CACHE),
    ),
    (
        1950,
        "say",
        "If a cache node dies we rebuild those feeds on demand from the posts store; a "
        "celebrity post is a hot key, so we replicate it.",
    ),
    (
        2250,
        "notes",
        notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL, DESIGN, DIVE_FANOUT, DIVE_CACHE, TRADEOFFS),
    ),
    (
        2300,
        "say",
        "Trade-offs are in the notes: ids instead of whole posts is 2 TB instead of 250 TB, "
        "for one more lookup. At 10x I'd split fan-out by region.",
    ),
]

BUZZWORDS = [
    (60, "say", "Do we need images?"),
    (
        300,
        "notes",
        "## Design\n    app -> API gateway -> microservices -> kafka -> cassandra\n"
        "- graphql, redis, elasticsearch, kubernetes, a CDN, spark for the ML\n",
    ),
    (
        360,
        "say",
        "Microservices talking over kafka, cassandra for everything and graphql on top; it "
        "all scales horizontally.",
    ),
    (1200, "say", "Machine learning does the ranking and redis makes it fast."),
]

JOIN = [
    (40, "say", "Is following one-way, and how skewed are follower counts?"),
    (90, "say", "How many daily users, and how often do they open the feed?"),
    (130, "say", "And how many posts a day?"),
    (300, "notes", notes(REQUIREMENTS)),
    (520, "notes", notes(REQUIREMENTS, ESTIMATES_OFF)),
    (570, "say", "So it's only a few hundred reads a second; one database can take that."),
    (850, "notes", notes(REQUIREMENTS, ESTIMATES_OFF, API, DATA_MODEL)),
    (1100, "notes", notes(REQUIREMENTS, ESTIMATES_OFF, API, DATA_MODEL, DESIGN_JOIN)),
    (
        1600,
        "notes",
        notes(REQUIREMENTS, ESTIMATES_OFF, API, DATA_MODEL, DESIGN_JOIN, DIVE_CACHE_ONLY),
    ),
    (1650, "say", "The cache takes most reads; postgres does the join for the misses."),
    (2200, "say", "I'd add read replicas to postgres if it gets busy."),
]

SLOW_MID = [
    (40, "say", "Is following one-way?"),
    (90, "say", "How many daily users, and how often do they open the feed?"),
    (500, "notes", notes(REQUIREMENTS)),
    (1000, "notes", notes(REQUIREMENTS, ESTIMATES)),
    (1500, "notes", notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL)),
    (2300, "notes", notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL, DESIGN)),
    (2350, "say", "That's the whole design. I ran out of time for the details."),
]

CANDIDATES = [
    Candidate(
        "feed_strong",
        "staff",
        "Strong Hire",
        "Finds the skewed follower graph early, sizes reads, writes and fan-out, designs the "
        "hybrid from those numbers, covers failures and evolution, and prices its trade-offs.",
        STRONG,
        PROMPT,
    ),
    Candidate(
        "feed_buzzwords",
        "senior",
        "No Hire",
        "A stack of technologies with no reasons, no numbers and no fan-out: nothing shows how "
        "a post reaches a follower's feed.",
        BUZZWORDS,
        PROMPT,
    ),
    Candidate(
        "feed_estimates_off",
        "senior",
        "No Hire",
        "Reads a hundred times too few, so the feed is a join at read time for 500M people: "
        "the design does not survive the real load.",
        JOIN,
        PROMPT,
    ),
    Candidate(
        "feed_no_deep_dive",
        "mid",
        "Lean No Hire",
        "Careful requirements and correct numbers, but the boxes arrive with five minutes "
        "left and nothing goes deep: at mid, one component explained is the bar.",
        SLOW_MID,
        PROMPT,
    ),
]
