"""Scripted system design candidates on the chat app (45 minutes), written the way people
talk and take notes rather than from the prompt's keyword lists: a staff engineer who drives
top-down from numbers, one who starts with boxes, one who lists technologies, one whose
numbers are a thousand times off until challenged, one who waits for the failure question
and answers it well, one who keeps asking the interviewer to choose, and a strong candidate
who writes terse notes and says little. Expected verdicts and reasons were written before
the first run.
"""

from __future__ import annotations

from design_candidates import Candidate, notes

REQUIREMENTS = """# reqs
- 1:1 and group chats (groups up to 200), text only for v1
- offline users get their messages in order when they reconnect
- sent / delivered / read receipts; history on every device (phone + laptop)
- presence is nice to have; broadcast channels out of scope
- NFRs: <500ms when both online, never lose a message the sender saw as sent,
  same order for everyone in a conversation, flaky mobile networks + battery
"""
NUMBERS = """# back of envelope
- 100M DAU x 40 msgs/day = 4B msgs/day -> ~46k messages/s avg, ~100k/s peak
- 4B x 200 B = 800 GB/day -> ~300 TB/year of history
- 30% online at peak -> 30M concurrent connections
- ~100k connections per box -> ~300 gateway servers
"""
NUMBERS_OFF = """# back of envelope
- 100M DAU x 40 msgs/day -> ~46 messages/s avg
- 200 B each -> ~800 MB/day of history
- 30% online at peak -> 30M concurrent connections
"""
NUMBERS_FIXED = """# back of envelope
- 100M DAU x 40 msgs/day = 4B msgs/day -> ~46k messages/s avg (I dropped three zeros before)
- 4B x 200 B = 800 GB/day -> ~300 TB/year of history
- 30% online at peak -> 30M concurrent connections
"""
API = """# api
- websocket per device: send {client_message_id, conversation_id, body}; server acks with
  the sequence number; receive events pushed down the same socket
- GET /sync?since=<seq> to fetch what a device missed
"""
DATA = """# data
- messages: partition key conversation_id, clustering by sequence -> opening a chat is one
  range read
- members(conversation_id, user_id); per-device delivery state (last acked sequence)
"""
BOXES = """# design
    phone <-ws-> gateway --> chat service --> message store (cassandra)
                   ^              |
                   |              v
             session registry   push notifications (APNs/FCM)
- gateways hold the websockets and nothing else, so they stay cheap to restart
- chat service assigns the sequence and writes to the store before acking, so an ack
  means durable
- session registry (user -> gateway) lets the chat service route to the recipient's box
- offline recipients get a push notification and sync on reconnect
"""
DIVE_ROUTING = """# deep dive: routing
- gateway writes user -> gateway id into the session registry on connect, with a TTL
  refreshed by the heartbeat every 30s; a dead phone ages out
- chat service looks up each recipient and forwards to that gateway; not found -> push
- gateway restart: 100k phones reconnect with jittered backoff so we avoid a reconnect storm
"""
DIVE_ORDERING = """# deep dive: ordering + delivery
- one sequence counter per conversation, owned by the partition leader: everyone sees
  the same order, client clocks never matter
- client retries with the same client_message_id, the store makes the insert idempotent,
  so a retry never shows twice; delivery is at least once, clients de-dupe by id
- if the partition for a busy group is down, senders see "sending..." and the client
  retries; nothing acked is lost because we ack after the quorum write
"""
TRADEOFFS = """# trade-offs
- websockets instead of long polling: one socket per phone saves battery and gets us
  under 500ms, at the cost of 300 stateful gateway boxes
- server sequence numbers rather than client timestamps: clocks on phones drift
- wide column (cassandra) instead of sql: 46k writes/s partitioned by conversation, we give
  up joins we never needed
- at 10x (1B DAU) we'd shard the session registry by user and go multi-region
"""

TOP_DOWN = [
    (
        30,
        "say",
        "Let me pin down scope first. One to one and groups? How big can a group get? And "
        "do people expect to see history on multiple devices?",
    ),
    (
        120,
        "say",
        "And for scale: how many daily active users, and roughly how many messages does "
        "each person send per day?",
    ),
    (180, "say", "How big is a message, and what fraction of users are online at peak?"),
    (300, "notes", notes(REQUIREMENTS)),
    (
        330,
        "say",
        "Requirements are in the notes. The hard guarantees are ordering and never losing an "
        "acked message, so I'll design around those. Now some numbers.",
    ),
    (560, "notes", notes(REQUIREMENTS, NUMBERS)),
    (
        600,
        "say",
        "So about 46k messages a second and 30M open connections: connections are the "
        "scaling problem, not the write rate. That drives a gateway tier of roughly 300 boxes.",
    ),
    (900, "notes", notes(REQUIREMENTS, NUMBERS, API, DATA)),
    (1200, "notes", notes(REQUIREMENTS, NUMBERS, API, DATA, BOXES)),
    (
        1240,
        "say",
        "That's the high level. The two hard parts are routing a message to the right "
        "gateway and ordering plus delivery. I'll start with routing.",
    ),
    (1600, "notes", notes(REQUIREMENTS, NUMBERS, API, DATA, BOXES, DIVE_ROUTING)),
    (1900, "notes", notes(REQUIREMENTS, NUMBERS, API, DATA, BOXES, DIVE_ROUTING, DIVE_ORDERING)),
    (
        1950,
        "say",
        "If a gateway dies mid-message the sender never got an ack, so it retries with the "
        "same id on its new connection and the idempotent insert means no duplicate.",
    ),
    (
        2350,
        "notes",
        notes(REQUIREMENTS, NUMBERS, API, DATA, BOXES, DIVE_ROUTING, DIVE_ORDERING, TRADEOFFS),
    ),
    (
        2400,
        "say",
        "Trade-offs are written up. The big one is paying for 300 stateful gateways to get "
        "battery life and sub-500ms delivery.",
    ),
]

COMPONENTS_FIRST = [
    (
        45,
        "say",
        "ok so I've built chat before, let me just sketch it. websocket gateways, a chat "
        "service, cassandra for messages, push notifications for offline people",
    ),
    (150, "notes", notes(BOXES)),
    (800, "notes", notes(BOXES, API, DATA)),
    (860, "say", "the api is a websocket with send and ack, plus a sync endpoint"),
    (1500, "notes", notes(BOXES, API, DATA, DIVE_ROUTING)),
    (1560, "say", "routing goes through the session registry, gateways heartbeat into it"),
    (2000, "notes", notes(BOXES, API, DATA, DIVE_ROUTING, "# reqs\n- 1:1, groups, offline\n")),
]

BUZZWORDS = [
    (60, "say", "Is this like WhatsApp?"),
    (
        240,
        "notes",
        "# architecture\n- microservices on kubernetes\n- kafka\n- redis\n- cassandra\n"
        "- elasticsearch\n- graphql gateway\n- cdn\n",
    ),
    (
        300,
        "say",
        "So I'd go with microservices on kubernetes, Kafka for all the messages, Redis "
        "everywhere for speed and Cassandra since it scales. GraphQL on top. That's a "
        "pretty standard modern stack.",
    ),
    (900, "say", "Kafka handles the ordering and Redis handles presence, it's all event driven."),
    (
        1500,
        "notes",
        "# architecture\n- microservices on kubernetes\n- kafka\n- redis\n- cassandra\n"
        "- elasticsearch\n- graphql gateway\n- cdn\n- add sharding + replicas + zookeeper\n",
    ),
    (1560, "say", "With sharding and replicas it'll scale to whatever we need."),
]

OFF_THEN_FIXED = [
    *[(a, k, t) for a, k, t in TOP_DOWN if a < 560],
    (560, "notes", notes(REQUIREMENTS, NUMBERS_OFF)),
    (600, "say", "So around 46 messages a second, which is small, and 30M connections."),
    (
        680,
        "say",
        "Oh, you're right, I dropped the thousands: 4 billion a day over 86,400 seconds is about "
        "46k a second, and 800 GB a day. Fixing the notes.",
    ),
    (720, "notes", notes(REQUIREMENTS, NUMBERS_FIXED)),
    *[
        (a, k, t.replace(NUMBERS, NUMBERS_FIXED) if k == "notes" else t)
        for a, k, t in TOP_DOWN
        if a > 600
    ],
]

NO_FAILURES_DIVE = DIVE_ROUTING.split("- gateway restart")[0]
NO_FAILURES_ORDERING = """# deep dive: ordering + delivery
- one sequence counter per conversation, owned by the partition leader: everyone sees
  the same order, client clocks never matter
- client sends with a client_message_id, the store makes the insert idempotent; delivery is
  at least once, clients de-dupe by id
"""
WAITS_FOR_FAILURE = [
    *[(a, k, t) for a, k, t in TOP_DOWN if a <= 1240],
    (1600, "notes", notes(REQUIREMENTS, NUMBERS, API, DATA, BOXES, NO_FAILURES_DIVE)),
    (
        1640,
        "say",
        "Routing: the registry maps each user to a gateway and the heartbeat keeps it fresh.",
    ),
    (
        1900,
        "notes",
        notes(REQUIREMENTS, NUMBERS, API, DATA, BOXES, NO_FAILURES_DIVE, NO_FAILURES_ORDERING),
    ),
    (1940, "say", "And ordering comes from a per-conversation sequence assigned by the leader."),
    (
        2000,
        "say",
        "Good question. The sender only treats a message as sent once the chat service acks, "
        "and it acks after the quorum write. If the gateway dies before that, the phone "
        "reconnects to another gateway and resends with the same client_message_id; the "
        "insert is idempotent so nobody sees it twice. If it dies after the ack, the message "
        "is already durable and the recipient gets it on sync.",
    ),
    (
        2350,
        "notes",
        notes(
            REQUIREMENTS,
            NUMBERS,
            API,
            DATA,
            BOXES,
            NO_FAILURES_DIVE,
            NO_FAILURES_ORDERING,
            TRADEOFFS,
        ),
    ),
    (2400, "say", "Trade-offs are in the notes."),
]

ASKS_TO_PICK = [
    (40, "say", "What are the main features you want?"),
    (120, "say", "Should I use websockets or long polling? Which one would you pick?"),
    (200, "say", "ok. what database would you use for the messages, sql or cassandra?"),
    (300, "say", "Can you just tell me what the ideal design looks like so I know I'm on track?"),
    (600, "notes", "# notes\n- websockets\n- cassandra\n- chat service\n- push\n"),
    (900, "say", "Is that enough or do you want me to add something?"),
    (1500, "say", "What would you do about ordering? I'm not sure what you're looking for."),
]

TERSE_REQS = (
    "# reqs\n- 1:1 + groups <=200; offline -> deliver on reconnect, in order\n"
    "- receipts sent/delivered/read; history all devices\n"
    "- NFR: <500ms, no loss once acked, same order for all\n"
)
TERSE_EST = (
    "# est\n- 100M x 40 = 4B/day = ~46k messages/s\n- x 200B = 800 GB/day, ~300 TB/yr\n"
    "- 30M conns @ peak / 100k per box = ~300 gateways\n"
)
TERSE_DESIGN = (
    "# api\n- ws: send(client_message_id, conversation_id, body) -> ack(seq); recv events\n"
    "- sync(since seq)\n"
    "# data\n- msgs: pk conversation_id, ck seq -> 1 range read per chat\n"
    "- members; per-device last acked seq\n"
    "# hld\n- gateway (ws only, stateless-ish) -> chat svc (seq, store, route) -> cassandra\n"
    "- session registry user->gateway, TTL + heartbeat\n- offline -> push + sync\n"
)
TERSE_DIVES = (
    "# dive: routing\n- connect: registry[user]=gw, TTL 60s, heartbeat 30s\n"
    "- gw dies -> TTL expiry, clients reconnect w/ jittered backoff (no reconnect storm)\n"
    "# dive: ordering\n- per-convo sequence from partition leader; client clocks ignored\n"
    "- retry w/ same client_message_id -> idempotent insert; at least once + client dedupe\n"
    "- ack only after quorum write => acked = durable\n"
)
"""The terse candidate's notes, section by section; each save holds the ones before it."""

TERSE = [
    (40, "say", "groups? max size? multi-device?"),
    (100, "say", "DAU, msgs/user/day, msg size, % online at peak?"),
    (300, "notes", TERSE_REQS),
    (540, "notes", TERSE_REQS + TERSE_EST),
    (1100, "notes", TERSE_REQS + TERSE_EST + TERSE_DESIGN),
    (1150, "say", "hld in notes. diving: routing, then ordering."),
    (1800, "notes", TERSE_REQS + TERSE_EST + TERSE_DESIGN + TERSE_DIVES),
    (1850, "say", "both dives in notes. gw failure + partition outage covered."),
    (
        2350,
        "say",
        "tradeoffs: ws vs long poll (battery, latency; cost = stateful gws). seq vs client ts "
        "(clock drift). cassandra vs sql (46k w/s, no joins needed). 10x: shard registry, "
        "multi-region.",
    ),
]

CANDIDATES = [
    Candidate(
        "chat_staff_top_down",
        "staff",
        "Strong Hire",
        "Scopes with the interviewer, sizes messages, storage and connections, names "
        "connections as the real scaling problem and designs from it, goes deep on routing and "
        "ordering with failures unprompted, and prices the trade-offs.",
        TOP_DOWN,
        "chat-messaging",
    ),
    Candidate(
        "chat_components_first",
        "senior",
        "No Hire",
        "Sketches a familiar architecture in the first minute without asking what the app must "
        "do or how big it is; requirements arrive as an afterthought at 33 minutes.",
        COMPONENTS_FIRST,
        "chat-messaging",
    ),
    Candidate(
        "chat_buzzwords",
        "senior",
        "No Hire",
        "A list of technologies with 'it scales' as the only reason: no requirements, no "
        "numbers, no flow of a message from sender to recipient.",
        BUZZWORDS,
        "chat-messaging",
    ),
    Candidate(
        "chat_estimates_fixed",
        "senior",
        "Hire",
        "Drops three zeros in the message rate, but fixes it in one message when challenged "
        "and the rest of the round is strong: a slip, not a gap.",
        OFF_THEN_FIXED,
        "chat-messaging",
    ),
    Candidate(
        "chat_failure_when_asked",
        "senior",
        "Hire",
        "Solid design and two real deep dives; does not raise failures alone, but answers the "
        "gateway-death question precisely. At senior that is a hire.",
        WAITS_FOR_FAILURE,
        "chat-messaging",
    ),
    Candidate(
        "chat_asks_to_pick",
        "mid",
        "Strong No Hire",
        "Asks the interviewer to make every decision and to give the answer; writes four "
        "words of notes in 25 minutes. No design signal of their own.",
        ASKS_TO_PICK,
        "chat-messaging",
    ),
    Candidate(
        "chat_terse_strong",
        "staff",
        "Hire",
        "Terse but complete: scoping questions, correct numbers, routing and ordering in depth "
        "with failures, priced trade-offs, all in shorthand notes and one-line messages.",
        TERSE,
        "chat-messaging",
    ),
]
