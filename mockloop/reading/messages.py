"""One reading of a candidate's chat message, shared by the interviewer and the scorer.

A message is split into sentences (and a sentence that asks two things into two
questions); each sentence gets the labels of `/work/notes/TAXONOMY.md`, and the message's
labels are their union. Questions keep what answers them: the pack's clarification, the
line of the statement, or the persona's answer. Claims, the approach named and the edge
cases named come along, so no other module reads chat text again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal, get_args

from mockloop.models import Approach, Clarification, Persona, Problem, QuestionAnswer
from mockloop.models import Phase as SessionPhase
from mockloop.reading import cues
from mockloop.reading.claims import Claim, find_claims
from mockloop.reading.vocabulary import Vocabulary, vocabulary_for

Label = Literal[
    "problem_question",
    "code_question",
    "interviewer_question",
    "meta",
    "approach_committed",
    "approach_hedged",
    "complexity_claim",
    "edge_cases",
    "hint_request",
    "done",
    "narration",
    "followup_answer",
    "off_topic",
    "rule_change",
]
LABELS: tuple[Label, ...] = get_args(Label)
Phase = Literal["intro", "approach", "coding", "testing", "followup", "wrap_up"]
READING_PHASES: dict[SessionPhase, Phase] = {
    "intro": "intro",
    "clarify": "approach",
    "approach": "approach",
    "code": "coding",
    "test": "testing",
    "follow_up": "followup",
    "wrap_up": "wrap_up",
    "ended": "wrap_up",
}
"""The phase a message is read in, for each phase of the session (one table for the
interviewer and the scorer)."""
About = Literal["problem", "code", "interviewer", "meta"]

SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)|\n+|(?<=\?)(?=\w)")
SECOND_QUESTION = re.compile(
    r",?\s+(?:and|also|plus|or)\s+(?=(?:is|are|can|could|does|do|will|would|should|what|how|"
    r"which|when|where|who|why)\b)"
)
THINKING_ALOUD_WORDS = 30
"""A question naming a technique in more words than this is the candidate thinking aloud."""
ABBREVIATION = re.compile(r"\b(e\.g|i\.e|etc|vs|approx)\.$")


@dataclass
class Question:
    """One question in a message, what it is about and what answers it."""

    text: str
    about: About
    clarification: Clarification | None = None
    statement_line: str | None = None
    persona_answer: QuestionAnswer | None = None


@dataclass
class Sentence:
    """One sentence of a message and the labels it carries on its own."""

    text: str
    labels: set[Label] = field(default_factory=set)
    question: bool = False


@dataclass
class Reading:
    """What a message says: labels, questions in order, claims, approach and edge cases."""

    text: str
    labels: set[Label]
    sentences: list[Sentence]
    questions: list[Question]
    claims: list[Claim]
    approach: Approach | None
    approaches: list[Approach]
    edge_cases: list[str]
    calls_optimal: bool = False
    """The message asserts its approach can't be beaten ("O(n^2) is optimal here"), without
    hedging, denying it or asking, and names no optimal approach of the pack."""

    def has(self, *labels: Label) -> bool:
        """Whether the message carries any of these labels."""
        return any(label in self.labels for label in labels)

    @property
    def committed(self) -> bool:
        """A proposal the candidate stands behind (not "maybe two pointers?")."""
        return "approach_committed" in self.labels


def plain(text: str) -> str:
    """Lowercase, straight quotes, single spaces."""
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    return " ".join(text.replace("\u201d", '"').lower().split())


def split_sentences(text: str) -> list[str]:
    """Sentences of a message; dots inside `O(n.)`, `e.g.` or numbers do not split."""
    pieces: list[str] = []
    for piece in SENTENCE_END.split(text.strip()):
        piece = piece.strip()
        if not piece:
            continue
        if pieces and (
            ABBREVIATION.search(pieces[-1]) or pieces[-1].count("(") > pieces[-1].count(")")
        ):
            pieces[-1] = f"{pieces[-1]} {piece}"
        else:
            pieces.append(piece)
    return pieces


def split_questions(sentence: str) -> list[str]:
    """'Can it be empty, and is it sorted?' asks two things."""
    if not sentence.endswith("?"):
        return [sentence]
    parts = [part.strip() for part in SECOND_QUESTION.split(sentence) if part.strip()]
    return parts if all(len(part.split()) >= 3 for part in parts) else [sentence]


def is_question(lowered: str) -> bool:
    """A question mark, or a sentence that opens like a question."""
    if lowered.endswith("?") or re.search(r"\bwhy[.!]*$|\bright$", lowered):
        return True
    return cues.QUESTION_START.match(lowered) is not None


class Reader:
    """Reads messages for one problem and persona (their vocabularies compiled once)."""

    def __init__(self, problem: Problem, persona: Persona | None = None) -> None:
        self.problem = problem
        self.persona = persona
        self.vocabulary: Vocabulary = vocabulary_for(problem)
        self.asked: dict[tuple[str, Phase], set[Label]] = {}

    def read(self, text: str, phase: Phase = "coding") -> Reading:
        """The full reading of one message arriving in `phase`."""
        self.asked.clear()
        lowered_all = self.vocabulary.respell(plain(text))
        sentences = [self.sentence(piece, phase) for piece in split_sentences(lowered_all)]
        inherit_question_kind(sentences)
        labels: set[Label] = set().union(*(s.labels for s in sentences)) if sentences else set()
        questions = [
            question
            for sentence in sentences
            if sentence.question and "rule_change" not in sentence.labels
            for part in split_questions(sentence.text)
            if (question := self.question(part, phase)) is not None
        ]
        labels = self.settle(labels, lowered_all, phase)
        approaches = self.vocabulary.approaches_in(lowered_all)
        approach = self.vocabulary.best_approach(lowered_all)
        calls_optimal = (
            not questions
            and cues.CLAIMS_OPTIMAL.search(lowered_all) is not None
            and cues.HEDGE.search(lowered_all) is None
            and re.search(r"\b(?:not|isn'?t|never)\b[^.]{0,20}\boptimal", lowered_all) is None
            and (approach is None or approach.kind != "optimal")
        )
        return Reading(
            text=text,
            labels=labels,
            sentences=sentences,
            questions=questions,
            claims=find_claims(text),
            approach=approach,
            approaches=approaches,
            edge_cases=self.vocabulary.edge_cases_in(lowered_all),
            calls_optimal=calls_optimal,
        )

    def sentence(self, text: str, phase: Phase) -> Sentence:
        """Label one sentence on its own."""
        result = Sentence(text, question=is_question(text))
        labels = result.labels
        if cues.RULE_CHANGE.search(text):
            labels.add("rule_change")
        if cues.HINT.search(text) and not cues.NO_HINT.search(text):
            labels.add("hint_request")
        if cues.DONE.search(text) and not cues.NOT_DONE.search(text):
            labels.add("done")
        if find_claims(text) and "hint_request" not in labels:
            labels.add("complexity_claim")
        working = phase in ("coding", "testing")
        if "rule_change" in labels:
            if result.question and working and cues.CODE_QUESTION.search(text):
                labels.add("code_question")
            return result
        if result.question:
            labels.update(self.question_labels(text, phase))
            if "problem_question" in labels:
                labels.discard("complexity_claim")
        elif self.proposes(text, phase, "complexity_claim" in labels):
            hedged = cues.HEDGE.search(text) is not None
            labels.add("approach_hedged" if hedged else "approach_committed")
        if "hint_request" in labels:
            labels -= {"approach_committed", "approach_hedged", "complexity_claim"}
        in_plan = labels & APPROACH_LABELS and not cues.EDGE_IN_PLAN.search(text)
        if not result.question and not in_plan and self.names_edges(text):
            labels.add("edge_cases")
        if not result.question and self.narrates(text, phase, labels):
            labels.add("narration")
        if cues.OFF_TOPIC.search(text) and not labels - {"done", "code_question", "meta"}:
            labels.add("off_topic")
        return result

    def narrates(self, text: str, phase: Phase, labels: set[Label]) -> bool:
        """A statement that says what the candidate is doing or traces an example: on its
        own, or while coding beside a claim, an edge case or a plan."""
        if not labels:
            return phase != "intro" and cues.NARRATION.search(text) is not None
        if phase not in ("coding", "testing"):
            return False
        if labels == {"edge_cases"}:
            listed = re.search(r"edge cases?|->", text) is not None
            gerund = re.match(r"^\w+ing\b", text) is not None
            return not listed and (cues.NARRATION.search(text) is not None or gerund)
        traced = cues.TRACE.search(text) is not None and "done" not in labels
        return labels <= NARRATED and (cues.NARRATION.search(text) is not None or traced)

    def names_edges(self, text: str) -> bool:
        """The sentence lists inputs worth testing (not just a word like 'empty' in passing)."""
        if re.search(r"\b(?:edge|corner)[- ]cases?\b", text):
            return True
        return bool(cues.EDGE.search(text) or self.vocabulary.edge_cases_in(text))

    def question_labels(self, text: str, phase: Phase) -> set[Label]:
        """What a question is about (remembered within one read, since a sentence and the
        question it holds are usually the same text)."""
        key = (text, phase)
        if key not in self.asked:
            self.asked[key] = self.classify_question(text, phase)
        return set(self.asked[key])

    def classify_question(self, text: str, phase: Phase) -> set[Label]:
        """What a question is about: the process, the interviewer, the code, an approach idea
        or the problem (in that order of precedence)."""
        technique = bool(cues.APPROACH.search(text) or self.vocabulary.approaches_in(text))
        if cues.META.search(text):
            return {"meta"}
        if cues.INTERVIEWER.search(text) or self.persona_answer(text, strict=True):
            return {"interviewer_question"}
        if cues.HINT.search(text) or cues.DONE.search(text):
            return {"code_question"} if re.search(r"\bmy\b", text) else set()
        working = phase in ("coding", "testing")
        if working and re.search(r"^(?:\w+,? )?can i use\b", text):
            return {"meta"}
        looks_at_work = working and (cues.FIRST_PERSON.search(text) or text.startswith("why"))
        if cues.CODE_QUESTION.search(text) and (working or re.search(r"\bmy\b", text)):
            return {"code_question"}
        if looks_at_work and not (technique and cues.ASKS_APPROACH.search(text)):
            return {"code_question"}
        opens_plainly = cues.QUESTION_START.match(text) is None
        about_input = cues.PROBLEM_WORDS.search(text) is not None
        hedging = cues.ASKS_APPROACH.search(text) is not None
        starts_with_technique = cues.APPROACH.match(text) is not None
        plain_idea = opens_plainly and (not about_input or starts_with_technique)
        if technique and (hedging or plain_idea):
            return {"approach_hedged"}
        if hedging and not about_input and re.search(r"\bmaybe\b|\bnot sure\b|\bidk\b", text):
            return {"approach_hedged"}
        if technique and len(text.split()) > THINKING_ALOUD_WORDS:
            return {"approach_hedged"}  # a long musing that ends in "?" is thinking aloud
        if cues.OFF_TOPIC.search(text):
            return {"off_topic"}
        if phase == "followup":
            return set()
        return {"problem_question"}

    def proposes(self, text: str, phase: Phase, claims: bool) -> bool:
        """The sentence describes a way to solve the problem."""
        if re.search(r"\blet me (?:just )?try\b|\bjust try\b", text):
            return True
        technique = cues.APPROACH.search(text) or self.vocabulary.approaches_in(text)
        if not technique:
            return False
        committed = cues.COMMIT.search(text) is not None or cues.HEDGE.search(text) is not None
        if phase == "followup":
            hedged = cues.HEDGE.search(text) is not None and not text.endswith(".")
            return hedged or cues.FOLLOW_UP_PROPOSAL.search(text) is not None
        if phase in ("coding", "testing"):
            return committed
        if claims:
            return committed or cues.EVALUATIVE.search(text) is None
        return True

    def settle(self, labels: set[Label], text: str, phase: Phase) -> set[Label]:
        """Message-level rules: hedging wins over commitment, follow-up answers, fallbacks."""
        if "approach_hedged" in labels:
            labels.discard("approach_committed")
        if "hint_request" in labels and not re.search(r"\bmy\b|\bwhy\b|\bfix\b", text):
            labels.discard("code_question")
        if "code_question" in labels or phase == "followup":
            labels.discard("edge_cases")
        if "code_question" in labels:
            labels.discard("narration")
        if labels & APPROACH_LABELS and phase not in ("coding", "testing"):
            labels.discard("narration")
        if "rule_change" in labels:
            labels &= {"rule_change", "off_topic", "code_question", "hint_request", "done"}
        answering = not labels & NOT_AN_ANSWER and not cues.ACKNOWLEDGEMENT.match(text)
        if phase == "followup" and answering:
            labels.add("followup_answer")
        if not labels:
            working = phase in ("coding", "testing") and not cues.ACKNOWLEDGEMENT.match(text)
            labels.add("narration" if working or cues.NARRATION.search(text) else "off_topic")
        return labels

    def question(self, text: str, phase: Phase) -> Question | None:
        """The question's subject and its answer from the pack, statement or persona."""
        own = self.question_labels(text, phase)
        if "meta" in own:
            about: About = "meta"
        elif "interviewer_question" in own:
            about = "interviewer"
        elif "code_question" in own:
            about = "code"
        elif "problem_question" in own:
            about = "problem"
        else:
            return None
        question = Question(text, about)
        if about == "problem":
            question.clarification = self.vocabulary.clarification(text)
            if question.clarification is None:
                question.statement_line = self.vocabulary.constraint_line(
                    text
                ) or self.vocabulary.statement_line(text)
        elif about == "interviewer":
            question.persona_answer = self.persona_answer(text, strict=False)
        return question

    def persona_answer(self, text: str, *, strict: bool) -> QuestionAnswer | None:
        """The persona's answer whose pattern the question matches (strict: needs 'you')."""
        if self.persona is None or (strict and not re.search(r"\byou|\bteam\b|\bcompany\b", text)):
            return None
        for item in self.persona.candidate_questions:
            if any(matches(pattern, text) for pattern in item.patterns):
                return item
        return None


APPROACH_LABELS: set[Label] = {"approach_committed", "approach_hedged"}
NARRATED: set[Label] = {
    "complexity_claim",
    "edge_cases",
    "done",
    "approach_committed",
    "approach_hedged",
}
QUESTION_LABELS: set[Label] = {"problem_question", "interviewer_question", "meta", "code_question"}


def inherit_question_kind(sentences: list[Sentence]) -> None:
    """A short follow-on question ("How often?", "And what are you looking for?") is about
    what the question before it was about."""
    previous: set[Label] = set()
    for sentence in sentences:
        own = sentence.labels & QUESTION_LABELS
        follows_on = sentence.question and own == {"problem_question"}
        short = not cues.PROBLEM_WORDS.search(sentence.text) or len(sentence.text.split()) <= 4
        if follows_on and previous - {"problem_question"} and short:
            sentence.labels.discard("problem_question")
            sentence.labels.update(previous)
        if own:
            previous = sentence.labels & QUESTION_LABELS


NOT_AN_ANSWER: set[Label] = {
    "rule_change",
    "hint_request",
    "done",
    "problem_question",
    "code_question",
    "interviewer_question",
    "meta",
    "off_topic",
}


def matches(pattern: str, text: str) -> bool:
    """A pack pattern matches: a regex search, or a plain substring if it isn't a regex."""
    try:
        return re.search(pattern, text) is not None
    except re.error:
        return pattern in text


READERS: dict[tuple[int, int], Reader] = {}


def reader_for(problem: Problem, persona: Persona | None = None) -> Reader:
    """A reader for these packs, built once per pair of pack objects."""
    key = (id(problem), id(persona))
    reader = READERS.get(key)
    if reader is None or reader.problem is not problem or reader.persona is not persona:
        reader = READERS[key] = Reader(problem, persona)
    return reader


def read_message(
    text: str, problem: Problem, persona: Persona | None = None, phase: Phase = "coding"
) -> Reading:
    """Read one candidate message for this problem (and persona) in this phase."""
    return reader_for(problem, persona).read(text, phase)
