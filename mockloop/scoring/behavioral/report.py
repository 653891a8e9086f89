"""The behavioral report's own parts: the Stories table and the advice built from stories.

The shared renderer (`scoring.report.render`) slots the Stories table where the coding
report has its Tests, and the round has no final work, so no Final code section.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from mockloop.models import Persona
from mockloop.questions import BankQuestion
from mockloop.scoring.advice import Advice
from mockloop.scoring.behavioral.evidence import Story, StoryEvidence
from mockloop.scoring.models import Scorecard
from mockloop.scoring.report import escape
from mockloop.scoring.tally import clip

MISSING = {
    "situation": "the situation",
    "task": "your goal",
    "action": "what you did",
    "result": "the result",
}
TOP_VALUES = 6
"""How many of the company's most-valued competencies count as expected in its loop."""
TIPS = {
    "unanswered": "Prepare a story for this competency and start it within the first minute.",
    "off": "Pick a story where {competency} is the heart of it, not a side note.",
    "action": "Spend most of the answer on your own steps: 'I proposed…, I wrote…, I asked…'.",
    "we": "Swap 'we' for 'I' wherever it was you, and name what the others did.",
    "result": "End on the outcome: what changed, and how you knew.",
    "metric": "Put one number in the result: a percentage, a time, a count.",
    "short": "Add the situation and your reasoning: aim for two to three minutes.",
    "short_told": "Add your reasoning: why those steps, what else you weighed. Aim for two "
    "to three minutes.",
    "long": "Cut the background to two sentences and get to your actions sooner.",
    "reflection": "Close with one thing you would do differently, and why.",
    "scope": "Show how far it reached: which other teams moved, and how you got them to.",
    "good": "Keep this one: it is a strong story as told.",
}


def star_coverage(story: Story) -> str:
    """The STAR letters a story told, e.g. `S T A ·` (the result missing)."""
    letters = zip("STAR", ("situation", "task", "action", "result"), strict=True)
    return " ".join(letter if part in story.reading.parts else "·" for letter, part in letters)


def gaps(story: Story, evidence: StoryEvidence) -> list[str]:
    """What the story lacked, in words."""
    if not story.answered:
        return ["not answered"]
    reading, bar = story.reading, evidence.bar
    lacking = [MISSING[part] for part in reading.missing()]
    role = story.role(bar)
    if role != "told":
        lacking.append(
            "your own part (mostly 'we'" + (", until asked)" if role == "asked" else ")")
        )
    if not reading.metric:
        lacking.append("a number")
    if not reading.reflection:
        lacking.append("reflection")
    if not story.fits:
        lacking.append(f"fit: it was about {story.about().replace('_', ' ')}")
    if story.first.seconds < evidence.too_short:
        lacking.append("length (too short)")
    elif story.first.seconds > evidence.too_long:
        lacking.append("focus (rambling)")
    return lacking


def tip(story: Story, evidence: StoryEvidence) -> str:
    """The one rewrite that would help this story most."""
    reading, bar = story.reading, evidence.bar
    if not story.answered:
        return TIPS["unanswered"]
    if not story.fits:
        return TIPS["off"].format(competency=story.competency_title.lower())
    if story.first.seconds < evidence.too_short:
        return TIPS["short" if "situation" in story.reading.missing() else "short_told"]
    if story.first.seconds > evidence.too_long:
        return TIPS["long"]
    checks = [
        ("action" not in reading.parts, "action"),
        (reading.we_ratio > bar.max_we_ratio or reading.i_count == 0, "we"),
        ("result" not in reading.parts, "result"),
        (not reading.metric, "metric"),
        (not reading.reflection, "reflection"),
    ]
    return TIPS[next((key for lacking, key in checks if lacking), "good")]


def stories_section(evidence: StoryEvidence) -> str:
    """`## Stories`: question, competency, STAR coverage, what was missing, a rewrite tip."""
    rows = [
        "## Stories",
        "",
        "| # | Question | Competency | STAR | Missing | Rewrite tip |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for story in evidence.stories:
        text = story.question.question.text if story.question else story.question_id
        missing = ", ".join(gaps(story, evidence)) or "nothing"
        rows.append(
            f"| {story.number} | {escape(clip(text, 80))} | {escape(story.competency_title)} | "
            f"{star_coverage(story)} | {escape(missing)} | {escape(tip(story, evidence))} |"
        )
    if not evidence.stories:
        rows.append("| - | No question was asked. | - | - | - | - |")
    return "\n".join(rows)


def no_strong_story(evidence: StoryEvidence, persona: Persona) -> list[str]:
    """Competencies with no strong story yet: asked and told weakly, or valued by the company
    and not asked in this round."""
    strong = {
        story.competency
        for story in evidence.told
        if not gaps(story, evidence) or gaps(story, evidence) == ["reflection"]
    }
    asked = [story.competency for story in evidence.stories if story.competency]
    valued = list(persona.behavioral.valued()[:TOP_VALUES]) if persona.behavioral else []
    return [c for c in dict.fromkeys([*asked, *valued]) if c not in strong]


def advise(
    scorecard: Scorecard,
    evidence: StoryEvidence,
    persona: Persona,
    bank: Mapping[str, BankQuestion],
) -> Advice:
    """Strengths, improvements, the competencies to prepare and questions to practise them."""
    strengths = []
    improvements = []
    for dimension in scorecard.dimensions:
        best = [item for item in dimension.items if item.effect == "+"]
        if dimension.score >= 3 and best:
            strengths.append((dimension, best[0]))
        elif dimension.score < 3:
            worst = [item.text for item in dimension.items if item.effect == "-"]
            improvements.append((dimension, worst[0] if worst else dimension.reason))
    weak = no_strong_story(evidence, persona)
    titles: dict[str, str] = {q.competency: q.competency_title for q in bank.values()}
    asked = {story.question_id for story in evidence.stories}
    habits = [
        "Competencies with no strong story yet: "
        + (", ".join(titles.get(c, c) for c in weak) or "none")
        + ". Prepare one story for each: situation and goal in two sentences, your own steps, "
        "a measured result, and what you would change.",
    ]
    if any(story.reading.we_ratio > evidence.bar.max_we_ratio for story in evidence.told):
        habits.append("Tell each story in 'I': say what you did, then what the team did.")
    practice = [
        question
        for competency in weak
        for question in _suited(bank, competency, evidence, asked)[:1]
    ][:5]
    sprint = [
        ("Saturday", "write one STAR story per competency above, with a number in each result"),
        ("Sunday", "tell each aloud in two to three minutes, then say what you'd change"),
    ]
    return Advice(strengths, improvements, habits, practice, sprint)


def _suited(
    bank: Mapping[str, BankQuestion], competency: str, evidence: StoryEvidence, asked: set[str]
) -> Sequence[BankQuestion]:
    return sorted(
        (
            q
            for q in bank.values()
            if q.competency == competency
            and evidence.level in q.question.levels
            and q.slug not in asked
        ),
        key=lambda q: q.slug,
    )
