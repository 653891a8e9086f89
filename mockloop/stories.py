"""Reads one behavioral answer: which STAR parts it tells, whose actions, numbers, reflection,
scope, length and which competency it is about.

Both the behavioral interviewer (what to probe next) and its scorer (evidence per story) read
answers with these rules, so what the interviewer chased and what the report says agree. The
rules are plain word patterns: cheap (well under a millisecond per answer) and deterministic.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from mockloop.models import SCOPES, Scope

WORDS_PER_SECOND = 2.5
"""Speaking pace (150 words a minute): turns an answer's words into the time it would take."""

I_WORDS = re.compile(r"\b(i|me|my|myself|mine|i'm|i've|i'd|i'll)\b")
WE_WORDS = re.compile(r"\b(we|us|our|ours|ourselves|we're|we've|we'd|we'll)\b")
WORD = re.compile(r"[a-z0-9']+")

PARTS: dict[str, re.Pattern[str]] = {
    "situation": re.compile(
        r"\b(at my (last|previous|current|first) (job|company|team|role)|when i was|back in|"
        r"last (year|quarter)|a few (months|years) ago|in 20\d\d|the context|the situation|"
        r"we had (a|an)|there was (a|an)|our team (was|had)|i was working|i worked on|"
        r"i joined|the project|at the time|during (a|an|the|our|my)|i was on call|one (day|night|"
        r"week|morning) )\b"
    ),
    "task": re.compile(
        r"\b(my (job|task|goal|role|responsibility) was|i was (responsible|asked|tasked)|"
        r"i needed to|i had to|the goal was|we needed to|we had to|asked me to|"
        r"i was the ([\w-]+ )?(owner|lead|commander|point person|dri)|it was on me|"
        r"i decided to own|my part was|i owned (the|it|this|that)|i took (it|this|that) on|"
        r"i was (tech|team) lead)\b"
    ),
    "action": re.compile(
        r"\b(i|we) (then )?(built|wrote|set up|proposed|talked|spoke|met|decided|created|led|"
        r"organi[sz]ed|ran|drafted|designed|introduced|scheduled|pushed|asked|suggested|"
        r"analy[sz]ed|measured|rolled|migrated|paired|fixed|added|reached out|convinced|"
        r"escalated|split|cut|moved|started|wrote up|prototyped|benchmarked|called|sat down|"
        r"interviewed|mapped|traced|reviewed|automated|replaced|negotiated|shipped|coached|"
        r"agreed|listened|explained|presented|documented|went|made (the|a) (call|decision))\b"
    ),
    "result": re.compile(
        r"\b(as a result|the result|in the end|ended up|outcome|reduced|increased|improved|"
        r"dropped|fell|rose|saved|launched|shipped on|went from|finally|afterwards|since then|"
        r"which meant|so that|now (runs|takes|has)|was adopted|cut (it|the)|worked out|"
        r"it worked|delivered|(we|i) shipped|shipped it|went live|done in|finished in|"
        r"zero (failed|failures|errors|incidents|outages|downtime)|no downtime|crash rate|"
        r"(cut|dropped|reduced|fell|rose) by)\b"
    ),
}
SPELLED = (
    r"(zero|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|sixty|a hundred|hundreds of|a thousand|thousands of|a dozen|dozens of)"
)
"""A number said in words, as people type it in chat ("eight failures a month")."""
UNITS = (
    r"(%|percent\b|x\b|ms\b|milliseconds|seconds|minutes|hours|days|weeks|"
    r"months|users|customers|tickets|engineers|people|teams|services|requests|errors|"
    r"incidents|k\b|million|thousand|dollars|points|pages|features|releases|bugs|builds|"
    r"deploys|deployments|orders|calls|queries|tests|signups|sales|hires|interns|failures|"
    r"outages|alerts|restarts)"
)
MEASURES = (
    r"(percent|seconds|minutes|hours|days|failures|incidents|errors|pages|tickets|outages|"
    r"alerts|restarts|users|customers|dollars|orders|signups|sales|complaints)\b"
)
"""Units that, after a number in words, measure a result; "two teams", "three features" or
"two weeks" tell who took part, what was done or how long, as narrative does."""
METRIC = re.compile(
    rf"(\b\d+(\.\d+)?\s*{UNITS}|\b{SPELLED}\s+{MEASURES}|\$\s?\d|"
    rf"\bfrom (\d[\d.,]*|{SPELLED})(\s+\S+){{0,3}}\s+to (\d|{SPELLED}\b)|"
    r"\b(halved|doubled|tripled|tenfold)\b)"
)
NUMBER = re.compile(r"\b\d[\d.,]*\b")
SYSTEMS = re.compile(
    r"\b(service|database|pipeline|api|queue|cache|dashboard|deploy|release|ci|cluster|"
    r"schema|endpoint|library|sdk|alert|on-call|runbook|repository|kafka|postgres|redis|"
    r"kubernetes|terraform|s3|feature flag)\b"
)
TIMELINE = re.compile(
    r"\b(\d+ (days?|weeks?|months?|sprints?|quarters?)|by (monday|tuesday|wednesday|thursday|"
    r"friday|the end of)|deadline|sprint|quarter|first week|next week|two weeks)\b"
)
REFLECTION = re.compile(
    r"\b(i learned|i learnt|lesson|next time|in hindsight|looking back|do differently|"
    r"i would have|i'd have|should have|i now|since then i|changed how i|taught me|"
    r"i realised|i realized|if i did it again|i'd do it)\b"
)
SCOPE_WORDS: dict[Scope, re.Pattern[str]] = {
    "organisation": re.compile(
        r"\b(organi[sz]ation|company-wide|whole company|across the company|org-wide|"
        r"engineering-wide|every team|all teams|vp|leadership team|the org)\b"
    ),
    "cross_team": re.compile(
        r"\b(\d+ teams|(two|three|four|five|six|several|other|partner|both|multiple) teams|"
        r"cross-team|another team|other team|partner team|stakeholders|team leads)\b"
    ),
    "team": re.compile(r"\b(team|teammates|squad|colleagues|my lead|my manager)\b"),
}
TOGETHER = re.compile(
    r"\b(talked (to|with)|met with|listened|agreed|together|helped|mentored|paired|"
    r"asked (them|her|him|for)|their (view|concern|point|reasons)|understood|credit|"
    r"brought (in|along)|aligned|one-on-one|1:1|feedback|coached|supported)\b"
)
BLAME = re.compile(
    r"\b(their fault|his fault|her fault|incompetent|lazy|idiots?|useless|blame[ds]? (them|him|"
    r"her|the other)|they (just )?refused|not my (problem|fault))\b"
)
HYPOTHETICAL = re.compile(
    r"\bi(?: would|'d| will|'ll)(?! have\b)(?: (?:first|then|also|probably|just))? \w+"
)
"""A first-person step said as what one would do ("I would", "I'd", "I'll"), not "I'd have"."""
HABITUAL = re.compile(
    r"\b(i always|i usually|i normally|i tend to|i never|whenever|every time|"
    r"i'm (the kind|the type|a natural|very|always)|i am (the kind|the type|a natural|always))\b"
)
"""A claim about how the candidate always is, not a time something happened."""
PAST = re.compile(
    r"\b(?:i|we)(?: (?:then|also|just|first|finally|personally|eventually))? "
    r"(?:\w+ed|was|were|had|did|built|wrote|made|took|found|set|ran|led|told|met|went|spoke|"
    r"sat|got|gave|put|cut|saw|knew|thought|brought|kept|left|sent|spent|split|began|drove|"
    r"chose|caught|won|lost|paid|held|became|taught|shipped|fixed|said|felt|heard|dealt)\b"
)
"""A first-person step told as something that happened."""
DECLINE = re.compile(
    r"\b(skip (this|the|that) (one|question)|(can|could|shall) we (skip|move on|come back|go on)|"
    r"move on to the next|next question|^pass\b|i'll pass|"
    r"(don't|do not|can't|cannot|couldn't) (really )?(have|think of|remember|recall) "
    r"(a |an |any )?(good |real |relevant |specific )?(example|story|situation|time|one|anything)|"
    r"nothing comes to mind|no (good )?example)"
)
"""Asking to skip the question, or saying no example comes to mind."""
CLARIFY = re.compile(
    r"\b(do you mean|did you mean|what do you mean|repeat the question|say that again|"
    r"does it (have|need) to be|can it be|could it be|should it be|is it (ok|okay|fine) if|"
    r"are you (asking|looking for)|which (kind|type) of|any (kind|type) of)\b"
)
"""A question about the question, asked before answering it."""
STEM = 6
"""Letters of a question's word that an answer must share to use it ("migrat")."""
PLAIN = frozenset(
    (
        "before", "because", "clearly", "describe", "during", "genuinely", "little", "others",
        "really", "several", "someone", "something", "strongly", "technical", "through",
        "together", "quickly", "should", "would", "could", "where", "which", "there", "their",
        "while", "things", "people", "thought", "happened",
    )
)  # fmt: skip
"""Words too common in questions and answers alike to show an answer is on the question."""
MISFIT_HITS = 2
"""Words of another competency a story needs, with none of its own, to be about that one."""
SHORT_WORDS = 40
"""A message shorter than this can be a request (to skip, to clarify), not a story."""
WIDEST_FIRST: tuple[Scope, ...] = ("organisation", "cross_team", "team")
RULES_CHANGE = re.compile(
    r"\b(ignore (all |your |the |previous )*(instructions|rules|rubric)|"
    r"(give|mark|score|rate) me (a |as )?(strong )?(hire|4|four|top)|system prompt|"
    r"you are now|forget (the|your) (rubric|rules|instructions)|pretend (you|that)|"
    r"skip (the|this) (question|round)|change the rules|developer mode)\b"
)


@dataclass(frozen=True)
class Reading:
    """What one answer (or a whole story, when merged) shows."""

    words: int
    parts: frozenset[str]
    i_count: int
    we_count: int
    metric: bool
    specifics: bool
    reflection: bool
    scope: Scope
    fit: dict[str, int] = field(default_factory=dict)
    """Keyword hits by competency."""
    rules_change: bool = False
    together: int = 0
    """Signs of working with people: talking to them, listening, helping, giving credit."""
    blame: bool = False
    would: int = 0
    """Steps said as what the candidate would do or always does ("I would talk to...",
    "whenever something breaks I...")."""
    did: int = 0
    """Steps told as what happened ("I talked to...")."""
    declined: bool = False
    """A short message asking to skip the question or saying no example comes to mind."""
    clarifying: bool = False
    """A short question about the question, not an answer to it."""

    @property
    def hypothetical(self) -> bool:
        """Told as what the candidate would do or always does, not one time it happened."""
        return self.would >= 2 and self.would > self.did

    @property
    def request(self) -> bool:
        """A request about the round (skip, clarify, change the rules), not part of a story."""
        return self.rules_change or self.declined or self.clarifying

    @property
    def seconds(self) -> float:
        """How long the answer would take to say."""
        return self.words / WORDS_PER_SECOND

    @property
    def we_ratio(self) -> float:
        """Share of "we" among first-person pronouns (0 when there are none)."""
        total = self.i_count + self.we_count
        return self.we_count / total if total else 0.0

    def missing(self) -> list[str]:
        """STAR parts not told, in story order."""
        return [
            part for part in ("situation", "task", "action", "result") if part not in self.parts
        ]

    def merge(self, other: Reading) -> Reading:
        """One story told over several answers (the first answer and replies to probes)."""
        fit = {key: self.fit.get(key, 0) + other.fit.get(key, 0) for key in {*self.fit, *other.fit}}
        return Reading(
            words=self.words + other.words,
            parts=self.parts | other.parts,
            i_count=self.i_count + other.i_count,
            we_count=self.we_count + other.we_count,
            metric=self.metric or other.metric,
            specifics=self.specifics or other.specifics,
            reflection=self.reflection or other.reflection,
            scope=max(self.scope, other.scope, key=SCOPES.index),
            fit=fit,
            rules_change=self.rules_change or other.rules_change,
            together=self.together + other.together,
            blame=self.blame or other.blame,
            would=self.would + other.would,
            did=self.did + other.did,
        )


EMPTY = Reading(0, frozenset(), 0, 0, False, False, False, "self")


def _hits(keywords: Sequence[str], lowered: str) -> int:
    """How many of a competency's keywords the text uses, each at a word's start; a keyword
    inside a longer one that matched ("design" in "design doc") is the same mention."""
    found = [word for word in keywords if re.search(rf"\b{re.escape(word)}", lowered)]
    return sum(1 for word in found if not any(word != other and word in other for other in found))


def read_answer(text: str, keywords: Mapping[str, Sequence[str]] | None = None) -> Reading:
    """Read one answer; `keywords` (by competency) say which competency it is about."""
    lowered = " ".join(text.lower().replace("’", "'").split())
    parts = frozenset(name for name, pattern in PARTS.items() if pattern.search(lowered))
    i_count = len(I_WORDS.findall(lowered))
    we_count = len(WE_WORDS.findall(lowered))
    if "action" not in parts and i_count >= 3 and len(WORD.findall(lowered)) >= 40:
        parts |= {"action"}  # a first-person account counts as action even in other verbs
    words = len(WORD.findall(lowered))
    short = words < SHORT_WORDS
    declined = short and DECLINE.search(lowered) is not None
    clarifying = short and not declined and "?" in lowered and CLARIFY.search(lowered) is not None
    metric = METRIC.search(lowered) is not None
    specifics = metric or bool(
        NUMBER.search(lowered) or SYSTEMS.search(lowered) or TIMELINE.search(lowered)
    )
    scope: Scope = "self"
    for name in WIDEST_FIRST:
        if SCOPE_WORDS[name].search(lowered):
            scope = name
            break
    fit = {competency: _hits(words, lowered) for competency, words in (keywords or {}).items()}
    return Reading(
        words=words,
        parts=parts,
        i_count=i_count,
        we_count=we_count,
        metric=metric,
        specifics=specifics,
        reflection=REFLECTION.search(lowered) is not None,
        scope=scope,
        fit={key: value for key, value in fit.items() if value},
        rules_change=RULES_CHANGE.search(DECLINE.sub(" ", lowered)) is not None,
        together=len(TOGETHER.findall(lowered)),
        blame=BLAME.search(lowered) is not None,
        would=len(HYPOTHETICAL.findall(lowered)) + len(HABITUAL.findall(lowered)),
        did=len(PAST.findall(lowered)),
        declined=declined,
        clarifying=clarifying,
    )


def asked_keywords(
    keywords: Mapping[str, Sequence[str]], competency: str, question: str
) -> dict[str, tuple[str, ...]]:
    """The keywords to read an answer to `question` (of `competency`) with: a word the
    question itself uses ("incident" in an incident question) is the asked competency's, not
    another's, and so is the stem of each of its longer words ("migrat" for "migration"), so
    answering in the question's own words never reads as another story."""
    text = question.lower()
    borrowed = tuple(
        word
        for key, words in keywords.items()
        if key != competency
        for word in words
        if word in text
    )
    stems = tuple(
        dict.fromkeys(
            word[:STEM] for word in WORD.findall(text) if len(word) >= STEM and word not in PLAIN
        )
    )
    return {
        key: (*words, *borrowed, *stems)
        if key == competency
        else tuple(word for word in words if word not in borrowed)
        for key, words in keywords.items()
    }


def fits(reading: Reading, competency: str) -> bool:
    """Whether the story is about the competency asked: its words show up at least as often
    as half of the best other competency's. A single word of another competency ("failed",
    "weeks") is passing mention, and a line or two is too little to tell: benefit of the
    doubt."""
    own = reading.fit.get(competency, 0)
    others = max((hits for key, hits in reading.fit.items() if key != competency), default=0)
    if reading.words < SHORT_WORDS or (own == 0 and others < MISFIT_HITS):
        return True
    return own > 0 and own * 2 >= others


def off_topic(reading: Reading, competency: str) -> bool:
    """Clearly about another competency: a story long enough to tell, none of the asked
    one's words, and at least two of another's. Stricter than `fits`, because the
    interviewer says it aloud."""
    others = max((hits for key, hits in reading.fit.items() if key != competency), default=0)
    told = reading.words >= SHORT_WORDS
    return told and not reading.fit.get(competency, 0) and others >= MISFIT_HITS


def scope_reaches(reading: Reading, expected: Scope) -> bool:
    """Whether the story's scope is at least the level's expected scope."""
    return SCOPES.index(reading.scope) >= SCOPES.index(expected)
