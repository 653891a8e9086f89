"""The built-in content packs: personas, the rubrics, every problem folder and the
behavioral question bank.

Problem tests are parametrized over the folders on disk, so a newly added problem is
checked without editing this file.
"""

from __future__ import annotations

import inspect
import math
import re
import string
from pathlib import Path

import pytest
from problem_audit import AuditPool

from mockloop.catalog import (
    load_competency,
    load_design,
    load_persona,
    load_problem,
    load_rubric,
)
from mockloop.designs import CHECKPOINTS
from mockloop.errors import PackError
from mockloop.interviews import catalog as default_catalog
from mockloop.models import (
    COMPETENCIES,
    LEVELS,
    PHRASE_SITUATIONS,
    BehavioralBar,
    DesignBar,
    Persona,
)
from mockloop.runner.checking import load_namespace

ROOT = Path(__file__).resolve().parent.parent
PERSONA_FILES = sorted((ROOT / "personas").glob("*.yaml"))
RUBRIC_FILES = sorted((ROOT / "rubrics").glob("*.yaml"))
FOCUS_FOLDERS = {"behavioral", "system-design"}
"""Folders of `problems/` that hold another round's bank, not a coding problem."""
PROBLEM_FOLDERS = sorted(
    path
    for path in (ROOT / "problems").iterdir()
    if path.is_dir() and path.name not in FOCUS_FOLDERS
)
COMPETENCY_FILES = sorted((ROOT / "problems" / "behavioral").glob("*.yaml"))

COMPANIES = ("google", "meta", "amazon", "apple", "microsoft", "netflix", "stripe", "startup")
TITLES = {
    "google": ("L3", "L4", "L5", "L6"),
    "meta": ("E3", "E4", "E5", "E6"),
    "amazon": ("SDE I", "SDE II", "SDE III", "Principal"),
    "apple": ("ICT2", "ICT3", "ICT4", "ICT5"),
    "microsoft": ("SDE", "SDE II", "Senior SDE", "Principal SDE"),
    "netflix": ("L4", "L5", "L6", "L7"),
    "stripe": ("L1", "L2", "L3", "L4"),
    "startup": ("Engineer I", "Engineer II", "Senior", "Staff"),
}
ALIASES = [
    ("google", "l5", "senior"),
    ("meta", "e4", "mid"),
    ("amazon", "Senior SDE", "senior"),
    ("amazon", "sde ii", "mid"),
    ("microsoft", "59-60", "junior"),
    ("microsoft", "63", "senior"),
    ("microsoft", "65-67", "staff"),
    ("apple", "ICT3", "mid"),
    ("netflix", "L7", "staff"),
    ("stripe", "L1", "junior"),
    ("startup", "Senior", "senior"),
]
VALUES = {
    "google": ["complexity", "structured"],
    "meta": ["working code", "quickly"],
    "amazon": ["customer", "owning"],
    "apple": ["craft", "detail"],
    "microsoft": ["collaborat", "learn"],
    "netflix": ["judgement", "ownership"],
    "stripe": ["correct", "edge cases", "api"],
    "startup": ["pragmat", "shipping"],
}
PLACEHOLDERS = {"name", "candidate", "company", "minutes", "remaining", "title"}
SAMPLE = {
    "name": "Ada",
    "candidate": "Sam",
    "company": "Acme",
    "minutes": 45,
    "remaining": 5,
    "title": "L5",
}
CANDIDATE_QUESTIONS = [
    "What is the team culture like?",
    "What does a typical day look like for you?",
    "How do you measure success for engineers?",
    "Is there mentorship, and how do people grow here?",
    "What do you like most about working here?",
    "What do you dislike about the job?",
    "Do engineers do on-call?",
]
TECHNICAL_QUESTIONS = [
    "Can I use a stack here?",
    "What about the performance of a hash map on this input?",
    "Should I handle an empty list?",
    "Is the input sorted, and can values repeat?",
]
REQUIRED_FUNCTIONS = {
    "two-sum": "def two_sum(nums: list[int], target: int) -> list[int]",
    "valid-parentheses": "def is_valid(s: str) -> bool",
    "merge-intervals": "def merge(intervals: list[list[int]]) -> list[list[int]]",
    "top-k-frequent": "def top_k_frequent(nums: list[int], k: int) -> list[int]",
    "number-of-islands": "def num_islands(grid: list[list[str]]) -> int",
    "longest-substring-without-repeating": "def length_of_longest_substring(s: str) -> int",
}
LRU_METHODS = {
    "__init__": ["self", "capacity"],
    "get": ["self", "key"],
    "put": ["self", "key", "value"],
}


def persona(company: str) -> Persona:
    return load_persona(ROOT / "personas" / f"{company}.yaml")


def field_names(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def answer_for(persona_pack: Persona, question: str) -> str | None:
    lowered = question.lower()
    for item in persona_pack.candidate_questions:
        if any(re.search(pattern, lowered) for pattern in item.patterns):
            return item.answer
    return None


# --- Personas -------------------------------------------------------------------------


def test_exactly_the_eight_companies_ship() -> None:
    assert sorted(path.stem for path in PERSONA_FILES) == sorted(COMPANIES)


@pytest.mark.parametrize("path", PERSONA_FILES, ids=lambda path: path.stem)
def test_persona_is_complete_and_in_voice(path: Path) -> None:
    pack = load_persona(path)
    for situation in PHRASE_SITUATIONS:
        variants = getattr(pack.phrases, situation)
        assert len(variants) >= 4, f"{path.stem}.{situation} needs 4 variants"
        assert len(set(variants)) == len(variants), f"{path.stem}.{situation} repeats itself"
        for variant in variants:
            assert field_names(variant) <= PLACEHOLDERS, variant
            assert variant.format(**SAMPLE)
    assert all("{remaining}" in variant for variant in pack.phrases.time_check)
    assert all({"name", "company"} <= field_names(v) for v in pack.phrases.greeting)
    assert len(pack.candidate_questions) >= 5
    for item in pack.candidate_questions:
        for pattern in item.patterns:
            assert pattern == pattern.lower()
            re.compile(pattern)
    assert pack.default_answer.strip()


@pytest.mark.parametrize("company", COMPANIES)
def test_persona_levels_use_company_titles(company: str) -> None:
    pack = persona(company)
    assert tuple(pack.levels[name].title for name in LEVELS) == TITLES[company]
    seen: dict[str, str] = {}
    for name, level in pack.levels.items():
        assert 30 <= level.minutes <= 90
        for spelling in {level.title.lower(), *(a.lower() for a in level.aliases)}:
            assert seen.setdefault(spelling, name) == name, f"{spelling!r} names two levels"
            assert pack.resolve_level(spelling) == name


@pytest.mark.parametrize(("company", "spelling", "level"), ALIASES)
def test_level_aliases_resolve(company: str, spelling: str, level: str) -> None:
    assert persona(company).resolve_level(spelling) == level


@pytest.mark.parametrize("company", COMPANIES)
def test_persona_values_and_answers(company: str) -> None:
    pack = persona(company)
    values = " ".join(pack.looks_for).lower()
    for word in VALUES[company]:
        assert word in values, f"{company} looks_for should mention {word!r}"
    answers = [answer_for(pack, question) for question in CANDIDATE_QUESTIONS]
    assert None not in answers, dict(zip(CANDIDATE_QUESTIONS, answers, strict=True))
    assert len(set(answers)) == len(answers), "different topics should get different answers"
    for question in TECHNICAL_QUESTIONS:
        assert answer_for(pack, question) is None, f"{question!r} is about the problem"


def test_personas_sound_different() -> None:
    packs = {company: persona(company) for company in COMPANIES}
    styles = {
        (p.style.warmth, p.style.directness, p.style.socratic, p.style.verbosity)
        for p in packs.values()
    }
    assert len(styles) == len(COMPANIES)
    interviewers = {p.interviewer.name for p in packs.values()}
    assert len(interviewers) == len(COMPANIES)

    def words_per_phrase(pack: Persona) -> float:
        phrases = [v for s in PHRASE_SITUATIONS for v in getattr(pack.phrases, s)]
        return sum(len(v.split()) for v in phrases) / len(phrases)

    terse, warm = packs["netflix"], packs["microsoft"]
    assert terse.style.warmth < 0.3 < 0.8 < warm.style.warmth
    assert words_per_phrase(terse) * 3 < words_per_phrase(warm)
    greetings = [g for p in packs.values() for g in p.phrases.greeting]
    assert len(set(greetings)) == len(greetings)


# --- Rubric ---------------------------------------------------------------------------


@pytest.mark.parametrize("path", RUBRIC_FILES, ids=lambda path: path.stem)
def test_rubric_validates(path: Path) -> None:
    rubric = load_rubric(path)
    assert math.isclose(sum(d.weight for d in rubric.dimensions), 1.0)
    for dimension in rubric.dimensions:
        anchors = dimension.descriptors
        assert all(text.strip() for text in (anchors.one, anchors.two, anchors.three, anchors.four))
        assert set(dimension.expectations) == set(LEVELS)


def test_coding_rubric_is_calibrated_by_level() -> None:
    rubric = load_rubric(ROOT / "rubrics" / "coding.yaml")
    assert rubric.focus == "coding"
    ids = [d.id for d in rubric.dimensions]
    assert ids == ["problem_solving", "coding", "verification", "communication"]
    assert all(len(d.signals) >= 4 for d in rubric.dimensions)
    bars = [rubric.levels[name] for name in LEVELS]
    for lower, higher in zip(bars, bars[1:], strict=False):
        low, high = lower.thresholds.model_dump(), higher.thresholds.model_dump()
        assert all(high[key] >= low[key] for key in low)
        assert high["hire"] > low["hire"]
    for bar in bars:
        assert 1.0 <= bar.thresholds.no_hire < bar.thresholds.strong_hire <= 4.0
    hints = [bar.max_hints_without_penalty for bar in bars]
    assert hints[0] == 2 and hints[1] == 1 and hints[2] <= 1 and hints[3] == 0
    assert [bar.needs_optimal for bar in bars] == [False, False, True, True]
    assert [bar.needs_tradeoffs for bar in bars] == [False, False, True, True]
    assert [bar.needs_edge_cases for bar in bars] == [False, True, True, True]


# --- Problems -------------------------------------------------------------------------


@pytest.mark.parametrize("folder", PROBLEM_FOLDERS, ids=lambda folder: folder.name)
def test_problem_pack_is_complete(folder: Path) -> None:
    problem = load_problem(folder)
    assert len(problem.hidden) >= 12
    assert len(problem.hints) == 3
    assert len(problem.clarifications) >= 3
    assert len(problem.follow_ups) >= 2
    assert set(problem.companies) <= {*COMPANIES, "any"}, problem.companies
    assert problem.optimal() is not None


@pytest.mark.parametrize("folder", PROBLEM_FOLDERS, ids=lambda folder: folder.name)
def test_reference_passes_and_starter_fails(folder: Path, problem_audits: AuditPool) -> None:
    """The reference passes every case, the starter fails one, and brute.py never answers a
    case wrongly (performance cases aside). The runs happen once per problem, in parallel
    with the other problems' (problem_audit.py); this test reads what they saw."""
    problem = load_problem(folder)
    starter = load_namespace(problem.starter, f"<{problem.slug}/starter.py>")
    assert problem.entry_point in starter
    seen = problem_audits.seen(folder)
    assert [case.name for case in seen.cases] == [case.name for case in problem.all_cases]
    for case in seen.cases:
        assert case.reference, f"reference fails {case.name}"
        assert case.brute is not False, f"brute.py disagrees on {case.name}"
    assert seen.starter_failed_on is not None, "the starter passes every case"


@pytest.mark.parametrize("slug", sorted(REQUIRED_FUNCTIONS))
def test_required_problem_signature(slug: str) -> None:
    problem = load_problem(ROOT / "problems" / slug)
    assert problem.kind == "function"
    assert problem.signature == REQUIRED_FUNCTIONS[slug]
    assert REQUIRED_FUNCTIONS[slug] + ":" in problem.starter


def test_lru_cache_is_a_design_problem() -> None:
    problem = load_problem(ROOT / "problems" / "lru-cache")
    assert (problem.kind, problem.entry_point) == ("design", "LRUCache")
    starter_class = load_namespace(problem.starter, "<lru-cache/starter.py>")["LRUCache"]
    for method, parameters in LRU_METHODS.items():
        assert list(inspect.signature(getattr(starter_class, method)).parameters) == parameters


@pytest.mark.parametrize("company", COMPANIES)
def test_every_level_offers_three_problems(company: str) -> None:
    catalog = default_catalog()
    offered = {level: [p.slug for p in catalog.problems_for(company, level)] for level in LEVELS}
    assert all(len(slugs) >= 3 for slugs in offered.values()), offered


# --- The behavioral bank --------------------------------------------------------------


def test_the_bank_covers_every_competency_with_sixty_questions() -> None:
    files = [load_competency(path) for path in COMPETENCY_FILES]
    assert sorted(f.competency for f in files) == sorted(COMPETENCIES)
    questions = [q for f in files for q in f.questions]
    assert len(questions) >= 60
    assert len({q.id for q in questions}) == len(questions)
    for f in files:
        for level in LEVELS:  # every competency can be asked at every level
            assert any(level in q.levels for q in f.questions), (f.competency, level)
    probes = [text for q in questions for text in q.probes.model_dump().values() if text]
    assert len(set(probes)) == len(probes), "every probe is worded on its own"


def test_bank_keywords_must_be_strings(tmp_path: Path) -> None:
    text = (ROOT / "problems" / "behavioral" / "mentoring.yaml").read_text()
    broken = tmp_path / "mentoring.yaml"
    broken.write_text(text.replace('keywords: ["mentor"', 'keywords: [1:1, "mentor"'))
    with pytest.raises(PackError, match=r"keywords\.0: Input should be a valid string"):
        load_competency(broken)


def test_a_staff_question_needs_a_scope_probe(tmp_path: Path) -> None:
    text = (ROOT / "problems" / "behavioral" / "ambiguity.yaml").read_text()
    broken = tmp_path / "ambiguity.yaml"
    broken.write_text(text.replace("      scope:", "      scoped:", 1))
    with pytest.raises(PackError, match="scoped: unknown field"):
        load_competency(broken)


@pytest.mark.parametrize("company", COMPANIES)
def test_persona_maps_its_values_to_competencies(company: str) -> None:
    values = persona(company).behavioral
    assert values is not None and len(values.values) >= 5
    assert len(values.valued()) >= 6
    assert [values.minutes[level] for level in LEVELS] == [30, 35, 40, 45]
    assert all(3 <= values.questions[level] <= 5 for level in LEVELS)


def test_behavioral_rubric_is_calibrated_by_level() -> None:
    rubric = load_rubric(ROOT / "rubrics" / "behavioral.yaml")
    assert [d.id for d in rubric.dimensions] == [
        "ownership",
        "impact",
        "collaboration",
        "self_awareness",
        "communication",
    ]
    bars = [rubric.levels[level] for level in LEVELS]
    assert all(isinstance(bar, BehavioralBar) for bar in bars)
    assert [bar.expected_scope for bar in bars] == ["self", "team", "team", "cross_team"]
    assert [bar.max_we_ratio for bar in bars] == sorted(bar.max_we_ratio for bar in bars)[::-1]
    assert rubric.story_evidence is not None
    assert rubric.story_evidence.answer_seconds.too_short == 45
    assert rubric.story_evidence.answer_seconds.too_long == 240


def test_a_coding_knob_in_the_behavioral_rubric_is_an_error(tmp_path: Path) -> None:
    text = (ROOT / "rubrics" / "behavioral.yaml").read_text()
    broken = tmp_path / "behavioral.yaml"
    broken.write_text(text.replace("    needs_metric: true", "    needs_optimal: true", 1))
    with pytest.raises(PackError, match=r"levels\.mid\.needs_optimal: unknown field"):
        load_rubric(broken)


# --- The system design prompts --------------------------------------------------------

DESIGN_FILES = sorted((ROOT / "problems" / "system-design").glob("*.yaml"))
DESIGN_SLUGS = {
    *("url-shortener", "rate-limiter", "news-feed", "chat-messaging", "notifications"),
    *("web-crawler", "distributed-kv-store", "file-sync", "ride-matching"),
    *("search-autocomplete", "metrics-alerting", "payments", "video-streaming"),
    *("job-scheduler", "leaderboard"),
}


def test_the_design_bank_has_the_fifteen_prompts_at_the_bar() -> None:
    prompts = [load_design(path) for path in DESIGN_FILES]
    assert {p.slug for p in prompts} >= DESIGN_SLUGS
    for p in prompts:
        assert [c.id for c in p.checkpoints] == list(CHECKPOINTS)
        assert len(p.requirements.functional) >= 4 and len(p.requirements.non_functional) >= 3
        assert 2 <= len(p.deep_dives) <= 4 and len(p.failure_probes) >= 4
        assert len(p.tradeoffs) >= 3 and len(p.pitfalls) >= 5 and len(p.estimates) >= 3
        for level in p.levels:  # a question for every level the prompt suits
            assert all(dive.questions.get(level) for dive in p.deep_dives), (p.slug, level)
    assert "stripe" in load_design(ROOT / "problems/system-design/payments.yaml").companies
    assert "netflix" in load_design(ROOT / "problems/system-design/video-streaming.yaml").companies
    staff = [p.slug for p in prompts if "staff" in p.levels]
    assert len(staff) == len(prompts)


def test_a_yaml_number_where_text_is_expected_is_refused(tmp_path: Path) -> None:
    text = (ROOT / "problems" / "system-design" / "url-shortener.yaml").read_text()
    broken = tmp_path / "url-shortener.yaml"
    broken.write_text(text.replace('"301", "302", follow]', "301, 302, follow]", 1))
    with pytest.raises(PackError, match=r"keywords\.3: Input should be a valid string"):
        load_design(broken)


def test_checkpoints_out_of_order_and_a_missing_junior_question_are_errors(
    tmp_path: Path,
) -> None:
    text = (ROOT / "problems" / "system-design" / "leaderboard.yaml").read_text()
    broken = tmp_path / "leaderboard.yaml"
    broken.write_text(text.replace("  - id: api\n", "  - id: apis\n", 1))
    with pytest.raises(PackError, match="checkpoints"):
        load_design(broken)
    broken.write_text(re.sub(r"\n      junior:[^\n]*", "", text, count=1))
    with pytest.raises(PackError, match="needs junior questions"):
        load_design(broken)


def test_design_rubric_is_calibrated_by_level() -> None:
    rubric = load_rubric(ROOT / "rubrics" / "system-design.yaml")
    assert [d.id for d in rubric.dimensions] == [
        "requirements",
        "high_level_design",
        "deep_dive",
        "tradeoffs",
        "communication",
    ]
    assert math.isclose(sum(d.weight for d in rubric.dimensions), 1.0)
    bars = [rubric.levels[level] for level in LEVELS]
    assert all(isinstance(bar, DesignBar) for bar in bars)
    assert [bar.driver for bar in bars] == ["interviewer", "shared", "candidate", "candidate"]
    assert [bar.min_deep_dives for bar in bars] == [0, 1, 2, 2]
    staff = rubric.levels["staff"]
    assert staff.needs_failure_modes and staff.needs_evolution and staff.quantified_tradeoffs
    assert rubric.design_evidence is not None and rubric.design_evidence.estimate_tolerance == 10
