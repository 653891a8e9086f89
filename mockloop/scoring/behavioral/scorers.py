"""The behavioral scorers: ownership, impact, collaboration, self-awareness, communication.

Each dimension is the mean of a per-story value (1 plus the earned the story earned, at most
4), less the level's expectations not shown anywhere in the round. Every credit and miss is
an item naming the story, so the report says why. Stories the candidate never answered count
at the floor: a question left unanswered is evidence too.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from mockloop.models import BehavioralBar
from mockloop.scoring.behavioral.evidence import Story, StoryEvidence
from mockloop.scoring.models import Effect
from mockloop.scoring.tally import CEILING, FLOOR, Tally
from mockloop.stories import scope_reaches

THIN_WORDS, THIN_CAP = 30, 2.0
"""A story told in fewer words than this, or only as what the candidate would do, shows at
most 2 on any dimension."""
MISFIT_CAP = 2.5
"""A story about another competency than the one asked shows at most 2.5 (communication
scores the misfit itself)."""
Credits = list[tuple[float, str]]
"""What one story earned (or lost) on a dimension: points and why."""


def _per_story(
    dimension: str, evidence: StoryEvidence, credit: Callable[[Story, BehavioralBar], Credits]
) -> Tally | None:
    """A tally whose score is the mean of every asked story's value."""
    if not evidence.told:
        return None
    tally = Tally(dimension)
    stories = evidence.stories
    for story in stories:
        earned = credit(story, evidence.bar) if story.answered else [(0.0, "not answered")]
        top = CEILING
        if story.answered and story.reading.words < THIN_WORDS:
            top = THIN_CAP
            earned.append((0.0, "too little said to show more"))
        elif story.answered and story.reading.hypothetical:
            top = THIN_CAP
            earned.append((0.0, "no specific time it happened, only what they would or always do"))
        elif story.answered and not story.fits and dimension != "communication":
            top = MISFIT_CAP
            earned.append((0.0, "counts less: it answered another question"))
        value = min(top, max(FLOOR, FLOOR + sum(points for points, _ in earned)))
        why = "; ".join(text for _, text in earned) or "nothing for this dimension"
        effect: Effect = "+" if value >= 3 else "-" if value < 2 else "="
        tally.note(
            story.answer_seq if story.answered else story.seq,
            story.answer_t if story.answered else story.t,
            f"story_{story.number}",
            f"Story {story.number} ({story.competency_title}, {value:.1f}): {why}",
            (value - FLOOR) / len(stories),
            effect,
        )
    return tally


def _ownership(story: Story, bar: BehavioralBar) -> Credits:
    reading, earned = story.reading, []
    if reading.hypothetical:
        return []  # the cap says why: no past event, so no own actions to credit
    if "action" in reading.parts:
        earned.append((1.0, "says what was done"))
    role = story.role(bar)
    if role == "told":
        earned.append((1.0, f"own role clear ({reading.we_ratio:.0%} we)"))
        if "you_not_we" not in story.probes:
            earned.append((0.5, "without being asked what they did"))
    elif role == "asked":
        earned.append((1.0, "own role clear once asked what they did"))
    else:
        earned.append((0.0, f"own role unclear ({reading.we_ratio:.0%} we)"))
    if "task" in reading.parts:
        earned.append((0.5, "owned a goal"))
    return earned


def _impact(story: Story, bar: BehavioralBar) -> Credits:
    reading, earned = story.reading, []
    earned.append((1.0, "a result") if "result" in reading.parts else (0.0, "no result"))
    if reading.metric:
        earned.append((1.0, "measured"))
        if story.first.metric:
            earned.append((0.5, "numbers offered unasked"))
    else:
        earned.append((0.0, "no number"))
    if scope_reaches(reading, bar.expected_scope):
        earned.append((0.5, f"{reading.scope.replace('_', '-')} scope"))
    if reading.metric and story.role(bar) == "unclear":
        earned.append((-0.5, "result not tied to own actions"))
    return earned


def _collaboration(story: Story, bar: BehavioralBar) -> Credits:
    reading, earned = story.reading, []
    if reading.together:
        earned.append((1.0, "worked with people directly"))
    if reading.together >= 3:
        earned.append((0.5, "brought others along"))
    if reading.scope != "self":
        earned.append((0.5, f"{reading.scope.replace('_', '-')} setting"))
    if "action" in reading.parts and "result" in reading.parts:
        earned.append((0.5, "saw it through with others"))
    if reading.blame:
        earned.append((-1.0, "blamed others"))
    return earned


def _self_awareness(story: Story, bar: BehavioralBar) -> Credits:
    if story.first.reflection:
        earned: Credits = [(2.5, "reflected unprompted")]
    elif story.reading.reflection:
        earned = [(1.0, "reflected when asked")]
    else:
        earned = [(0.0, "no reflection")]
    if story.reading.reflection and not story.reading.missing():
        earned.append((0.5, "lesson tied to a whole story"))
    return earned


def _communication(evidence: StoryEvidence) -> Callable[[Story, BehavioralBar], Credits]:
    def credit(story: Story, bar: BehavioralBar) -> Credits:
        first = story.first
        told = 4 - len(first.missing())
        earned: Credits = [(1.5 * told / 4, f"STAR {told}/4 before probes")]
        if first.specifics:
            earned.append((0.5, "specific"))
        if first.seconds < evidence.too_short:
            earned.append((-0.5, f"too short (~{first.seconds:.0f} s)"))
        elif first.seconds > evidence.too_long:
            earned.append((-1.0, f"rambling (~{first.seconds / 60:.0f} min)"))
        else:
            earned.append((0.5, "a good length"))
        if story.fits and story.reading.fit.get(story.competency, 0):
            earned.append((0.5, "answers the question asked"))
        elif not story.fits:
            earned.append((-1.0, f"a story about {story.about().replace('_', ' ')} instead"))
        if story.replies > len(story.probes):
            earned.append((0.5, "answered every follow-up"))
        return earned

    return credit


def ownership(evidence: StoryEvidence, bar: BehavioralBar, level: str) -> Tally | None:
    """Whose actions the stories show, and whether "what did you do?" had to be asked."""
    tally = _per_story("ownership", evidence, _ownership)
    if tally is not None and all(s.role(bar) == "unclear" for s in evidence.told):
        tally.limit(2.0, 'every story was told in "we"; the own part never became clear')
    return tally


def impact(evidence: StoryEvidence, bar: BehavioralBar, level: str) -> Tally | None:
    """Results, numbers and scope against the level."""
    tally = _per_story("impact", evidence, _impact)
    if tally is None:
        return None
    told = evidence.told
    measured = sum(story.reading.metric for story in told)
    tally.expect(bar.needs_metric and measured * 2 < len(told), "numbers in most results", level)
    reach = any(scope_reaches(story.reading, bar.expected_scope) for story in told)
    scope = bar.expected_scope.replace("_", "-")
    tally.expect(not reach, f"at least one story at {scope} scope", level)
    if not any("result" in story.reading.parts for story in told):
        tally.limit(2.0, "no story reached a result")
    return tally


def collaboration(evidence: StoryEvidence, bar: BehavioralBar, level: str) -> Tally | None:
    """How the candidate works with and through people."""
    return _per_story("collaboration", evidence, _collaboration)


def self_awareness(evidence: StoryEvidence, bar: BehavioralBar, level: str) -> Tally | None:
    """Reflection: offered, probed for, or absent."""
    tally = _per_story("self_awareness", evidence, _self_awareness)
    if tally is not None:
        offered = any(story.first.reflection for story in evidence.told)
        tally.expect(bar.needs_reflection and not offered, "reflection without a probe", level)
    return tally


def communication(evidence: StoryEvidence, bar: BehavioralBar, level: str) -> Tally | None:
    """Structure, specifics, length, fit to the question, and keeping to the format."""
    tally = _per_story("communication", evidence, _communication(evidence))
    if tally is None:
        return None
    for seq, t in evidence.rules_changes:
        text = "Tried to change the rules or the score; the interviewer kept the format"
        tally.note(seq, t, "rules_change", text, -0.5)
    rambled = sum(story.first.seconds > evidence.too_long for story in evidence.told)
    if rambled * 2 >= len(evidence.told):
        tally.limit(2.0, f"{rambled} of {len(evidence.told)} answers ran past four minutes")
    if not any(story.fits for story in evidence.told):
        tally.limit(2.0, "no story answered the competency it was asked for")
    return tally


SCORERS = {
    "ownership": ownership,
    "impact": impact,
    "collaboration": collaboration,
    "self_awareness": self_awareness,
    "communication": communication,
}


def weakest(stories: Sequence[Story]) -> list[str]:
    """Competencies asked in this round without a strong story (for the next steps)."""
    weak = [
        story.competency_title
        for story in stories
        if not story.answered
        or story.reading.missing()
        or not story.reading.metric
        or not story.fits
    ]
    return list(dict.fromkeys(weak))
