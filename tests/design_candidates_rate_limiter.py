"""Scripted system design candidates on the distributed rate limiter (45 minutes).

Written as candidates write on a whiteboard, not from the prompt's keyword lists: the point
is whether the interviewer and the scorer read ordinary notes the way a person would.
"""

from __future__ import annotations

from design_candidates import Candidate, notes

PROMPT = "rate-limiter"

REQUIREMENTS = """## Requirements
- Limit each client by API key; anonymous traffic by IP address
- Rules differ per plan and per endpoint; they change a few times a day
- Over the limit: HTTP 429 with Retry-After and the remaining allowance in headers
- Short bursts allowed (about 2x for a few seconds) as long as the minute's total holds
- Non-functional: the check adds under 2 ms at p99; the limit is global across ~500
  servers in three regions; a few percent over is acceptable
- If the limiter itself is unavailable we fail open, so the API stays up
"""
ESTIMATES = """## Estimates
- 1M req/s at peak across the fleet, so 1M limit checks per second
- 500 API servers -> 2k checks/s per server
- 10M API keys, ~100 bytes per counter -> 1 GB of counters, fits in memory
- a sliding log at 100 requests/min per key: 10M x 100 x 16 bytes = 16 GB, too much
"""
ESTIMATES_OFF = """## Estimates
- 1k req/s at peak across the fleet
- 500 API servers -> 2 checks/s per server
- 10M API keys at 100 bytes -> 1 MB of counters, so every server can hold all of them
"""
API = """## API
- internal: check(api_key, endpoint, cost=1) -> {allowed, remaining, reset_at}, called by
  the gateway middleware before routing
- clients: 429 Too Many Requests with Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining
"""
DATA_MODEL = """## Data model
- per key and endpoint: a token bucket {tokens, last_refill_ms} in redis under
  rl:{api_key}:{endpoint}, with a two minute TTL so idle keys expire
- rules (plan, endpoint, rate, burst) live in a config service; gateways cache them
"""
DESIGN = """## High level
    client -> load balancer -> API gateway (limiter middleware) -> API servers
                                    |
                          redis cluster (token buckets, one per region)
                                    ^
                          config service pushes rules to the gateways
- The limiter is middleware in the gateway because every request already passes there,
  so there is no extra hop.
- Buckets live in a redis cluster sharded by key, since an in-memory store answers in well
  under a millisecond inside the region.
- Rules are cached on each gateway so that a check never waits on the config service.
"""
DIVE_ALGORITHM = """## Deep dive: the algorithm
- Token bucket per key: capacity is the burst (say 20), refilled at the plan's rate
  (100/min). Each request refills by the elapsed time, then takes its cost in tokens.
- A fixed window lets a client send 2x across a minute boundary; a sliding window log is
  exact but costs 16 GB; the token bucket allows bursts and keeps the average, 16 bytes a key.
- A bulk endpoint that counts as ten takes ten tokens.
"""
DIVE_STATE = """## Deep dive: shared state and failures
- Refill-and-take must be atomic: a Lua script in redis reads, refills, decrements and
  writes in one step, so two gateways can't both let the last request through (no race).
- Keys hash across redis shards. A hot key at 10k req/s would pin one shard, so for those
  keys each gateway takes a local allowance and syncs every 100 ms.
- If redis doesn't answer within 2 ms the gateway fails open but applies a local limit
  (limit / servers), so an abusive client can't exploit the outage; a circuit breaker
  stops us hammering a dead shard.
- If a redis node dies its replica is promoted; buckets lost in the gap refill, which errs
  toward allowing.
- Across regions each region counts locally with a third of the allowance, rebalanced
  every few seconds.
"""
TRADEOFFS = """## Trade-offs
- Central counters in redis rather than local per-server limits: accurate to a few percent
  globally, at the cost of a ~1 ms round trip per request.
- Fail open instead of fail closed: API availability over protection during an outage;
  the local fallback limit caps the damage.
- Token bucket rather than a sliding log: 16 bytes per key instead of ~1.6 KB, 100x less
  memory, at some accuracy cost.
- At 10x the traffic I'd move the check into each gateway with local buckets synced
  asynchronously, and accept a looser global limit.
"""
STRONG = [
    (30, "say", "Who are we limiting: per API key, per IP? And what does a rejected call get?"),
    (80, "say", "How much traffic at peak, and how many API servers are there?"),
    (240, "notes", notes(REQUIREMENTS)),
    (450, "notes", notes(REQUIREMENTS, ESTIMATES)),
    (
        500,
        "say",
        "A million checks a second with a 2 ms budget means the state has to be in memory "
        "and close by; a gigabyte of counters is fine, a per-request log is not.",
    ),
    (800, "notes", notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL)),
    (1050, "notes", notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL, DESIGN)),
    (
        1100,
        "say",
        "That's the high level. I'll go deep on the algorithm first, then on the shared "
        "state and what happens when it fails.",
    ),
    (1450, "notes", notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL, DESIGN, DIVE_ALGORITHM)),
    (
        1500,
        "say",
        "Token bucket: capacity is the burst, refill at the plan rate; fixed windows double "
        "at the boundary and a sliding log costs 16 GB.",
    ),
    (
        1900,
        "notes",
        notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL, DESIGN, DIVE_ALGORITHM, DIVE_STATE),
    ),
    (
        1950,
        "say",
        "The take is one Lua script, so it's atomic. If redis is slow we fail open with a "
        "local per-server limit, so an outage isn't a free pass.",
    ),
    (
        2250,
        "notes",
        notes(
            REQUIREMENTS, ESTIMATES, API, DATA_MODEL, DESIGN, DIVE_ALGORITHM, DIVE_STATE, TRADEOFFS
        ),
    ),
    (
        2300,
        "say",
        "The trade-offs are written down: central counters cost about a millisecond a "
        "request but keep the limit accurate; fail open favours availability.",
    ),
]

BUZZWORDS = [
    (60, "say", "Is this for the public API?"),
    (
        300,
        "notes",
        "## Design\n    users -> API gateway -> rate limiter service -> redis -> API\n"
        "- redis, kafka, kubernetes, a CDN, zookeeper, microservices\n",
    ),
    (
        360,
        "say",
        "A rate limiter microservice with redis and kafka, on kubernetes; it scales "
        "horizontally so load is never a problem.",
    ),
    (1200, "say", "Redis is fast, so latency is fine, and autoscaling handles the rest."),
    (
        1300,
        "notes",
        "## Design\n    users -> API gateway -> rate limiter service -> redis -> API\n"
        "- redis, kafka, kubernetes, a CDN, zookeeper, microservices\n"
        "- add sharding and replicas, maybe cassandra\n",
    ),
]

SHALLOW = [
    (30, "say", "Who are we limiting: per API key, per IP? And what does a rejected call get?"),
    (80, "say", "How much traffic at peak, and how many API servers are there?"),
    (400, "notes", notes(REQUIREMENTS)),
    (700, "notes", notes(REQUIREMENTS, ESTIMATES)),
    (1100, "notes", notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL)),
    (1600, "notes", notes(REQUIREMENTS, ESTIMATES, API, DATA_MODEL, DESIGN)),
    (1650, "say", "That's the design: the gateway checks redis on every request."),
    (2000, "say", "Redis keeps the counters for us, so the details are handled there."),
    (2300, "say", "I think that covers it; redis is the core of it."),
]

CANDIDATES = [
    Candidate(
        "limiter_strong",
        "senior",
        "Strong Hire",
        "Pins down who is limited, the 429 contract and the failure policy, sizes it, picks "
        "the token bucket for numbers it wrote, makes it atomic and fails open on purpose.",
        STRONG,
        PROMPT,
    ),
    Candidate(
        "limiter_buzzwords",
        "senior",
        "No Hire",
        "Names redis, kafka and kubernetes with no reason and no algorithm; never says how a "
        "limit is counted or what happens when the store is down.",
        BUZZWORDS,
        PROMPT,
    ),
    Candidate(
        "limiter_estimates_off",
        "staff",
        "Lean No Hire",
        "A sound design, but the traffic is a thousand times too small and leads to "
        "counters held in each server: at staff, scale is the first thing to get right.",
        [
            (at, kind, text.replace(ESTIMATES, ESTIMATES_OFF) if kind == "notes" else text)
            for at, kind, text in STRONG
            if "million checks" not in text
        ],
        PROMPT,
    ),
    Candidate(
        "limiter_no_deep_dive",
        "senior",
        "Lean No Hire",
        "Good requirements, numbers and boxes, then 'redis handles it': never says which "
        "algorithm, how the take stays atomic, or what happens when redis fails.",
        SHALLOW,
        PROMPT,
    ),
]
