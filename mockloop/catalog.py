"""Loads the built-in and user content packs, strictly.

User packs live under `<config dir>/personas`, `/rubrics` and `/problems`; a user file with
the same name as a built-in one replaces it. A broken file raises `PackError` naming the
file, the field and what was expected, never a silent default.

`load_catalog` validates every file up front (tests, `mockloop validate`); `lazy_catalog`
loads each file the first time it is used, so `mockloop start` reads one persona, one
rubric and one problem instead of the whole bank (see bench/startup.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from mockloop import paths, yaml_reader
from mockloop.designs import DesignPrompt
from mockloop.errors import PackError, unknown
from mockloop.languages import default_language
from mockloop.models import LEVELS, LevelName, Persona, Problem, Rubric, offered
from mockloop.questions import CompetencyFile

Model = TypeVar("Model", bound=BaseModel)

# Problem fields read from source files in the problem's folder, by file stem; the suffix
# comes from the language spec.
PROBLEM_FILES = {
    "starter": default_language().source_name("starter"),
    "solution": default_language().source_name("solution"),
    "brute_force": default_language().source_name("brute"),
    "cases_source": default_language().source_name("cases"),
    "checker_source": default_language().source_name("checker"),
}


def read_yaml(path: Path) -> Any:
    """Parse a pack's YAML file with the bounds of `yaml_reader` (size, aliases, regular file)."""
    return yaml_reader.read_yaml(path, error=PackError)


def describe_validation(path: Path, error: ValidationError) -> str:
    """One line per field error: `file: field.path: what was expected (got ...)`.

    Field names and values are quoted only as short excerpts, and at most
    `yaml_reader.ERROR_LINES` errors are listed, so a file that is not a pack at all (a
    symlink to some other file) is not echoed back.
    """
    lines = []
    problems = error.errors()
    for item in problems[: yaml_reader.ERROR_LINES]:
        location = yaml_reader.field_path(item["loc"])
        message = item["msg"]
        if item["type"] == "extra_forbidden":
            message = "unknown field (check the spelling; see the built-in packs for examples)"
        elif item["type"] == "missing":
            message = "required field is missing"
        given = item.get("input")
        shown = (
            ""
            if item["type"] in ("missing",) or isinstance(given, dict)
            else f" (got {yaml_reader.excerpt(given)})"
        )
        lines.append(f"{path}: {location}: {message}{shown}")
    if len(problems) > yaml_reader.ERROR_LINES:
        lines.append(f"{path}: ... and {len(problems) - yaml_reader.ERROR_LINES} more errors.")
    return "\n".join(lines)


def load_model(path: Path, model: type[Model], extra: dict[str, Any] | None = None) -> Model:
    """Validate one YAML file against a model, raising PackError with every field problem."""
    data = read_yaml(path)
    if not isinstance(data, dict):
        raise PackError(f"{path}: expected a mapping of fields at the top level.")
    if extra:
        data = {**data, **extra}
    try:
        return model.model_validate(data)
    except ValidationError as error:
        raise PackError(describe_validation(path, error)) from None


def load_persona(path: Path) -> Persona:
    """Load and check a persona file; its id must match the file name."""
    persona = load_model(path, Persona)
    if persona.id != path.stem:
        raise PackError(f"{path}: id: '{persona.id}' must match the file name '{path.stem}'.")
    return persona


def load_rubric(path: Path) -> Rubric:
    """Load and check a rubric file; its id must match the file name."""
    rubric = load_model(path, Rubric)
    if rubric.id != path.stem:
        raise PackError(f"{path}: id: '{rubric.id}' must match the file name '{path.stem}'.")
    return rubric


def load_competency(path: Path) -> CompetencyFile:
    """Load a behavioral competency file; its competency must match the file name."""
    competency = load_model(path, CompetencyFile)
    if competency.competency != path.stem:
        raise PackError(
            f"{path}: competency: '{competency.competency}' must match the file name '{path.stem}'."
        )
    return competency


def load_design(path: Path) -> DesignPrompt:
    """Load a system design prompt; its slug must match the file name."""
    prompt = load_model(path, DesignPrompt)
    if prompt.slug != path.stem:
        raise PackError(f"{path}: slug: '{prompt.slug}' must match the file name '{path.stem}'.")
    return prompt


def load_problem(folder: Path) -> Problem:
    """Load a problem folder: problem.yaml plus starter.py, solution.py and optional files."""
    spec = folder / "problem.yaml"
    if not spec.exists() and not spec.is_symlink():  # a pipe or device is named when read
        raise PackError(f"{folder}: a problem folder needs a problem.yaml file.")
    sources: dict[str, str] = {}
    for field_name, file_name in PROBLEM_FILES.items():
        source_path = folder / file_name
        if source_path.exists() or source_path.is_symlink():
            sources[field_name] = yaml_reader.read_text(source_path, error=PackError)
    for required in ("starter", "solution"):
        if required not in sources:
            raise PackError(f"{folder}: missing {PROBLEM_FILES[required]}.")
    problem = load_model(spec, Problem, extra=sources)
    if problem.slug != folder.name:
        raise PackError(f"{spec}: slug: '{problem.slug}' must match the folder '{folder.name}'.")
    if problem.checker == "custom" and not problem.checker_source:
        raise PackError(f"{spec}: checker: 'custom' needs a checker.py with check().")
    generators = [case.generator for case in problem.all_cases if case.generator]
    if generators and not problem.cases_source:
        raise PackError(f"{spec}: cases use generators but the folder has no cases.py.")
    return problem


def _pack_files(kind: str, pattern: str) -> dict[str, Path]:
    """Built-in then user files of one kind, keyed by name, user files overriding."""
    found: dict[str, Path] = {}
    for root in (paths.builtin_content_dir() / kind, paths.config_dir() / kind):
        if root.is_dir():
            for path in sorted(root.glob(pattern)):
                key = path.parent.name if pattern.endswith("problem.yaml") else path.stem
                found[key] = path
    return found


class LazyPacks(Mapping[str, Model]):
    """Pack files by name, each validated (strictly) the first time it is looked up.

    Names, `in` and `len` only look at file names; iterating values loads every file in
    the order `load_catalog` does, so a broken one raises the same PackError there.
    """

    def __init__(self, files: dict[str, Path], load: Callable[[Path], Model]) -> None:
        self._files = files
        self._load = load
        self._loaded: dict[str, Model] = {}

    def __getitem__(self, name: str) -> Model:
        loaded = self._loaded.get(name)
        if loaded is None:
            loaded = self._loaded[name] = self._load(self._files[name])
        return loaded

    def __contains__(self, name: object) -> bool:
        return name in self._files

    def __iter__(self) -> Iterator[str]:
        return iter(self._files)

    def __len__(self) -> int:
        return len(self._files)

    def path(self, name: str) -> Path:
        """The file a name comes from (a persona or rubric file, a problem.yaml)."""
        return self._files[name]

    def loaded(self, name: str) -> Model | None:
        """The model when it has already been loaded, else None (loads nothing)."""
        return self._loaded.get(name)


BEHAVIORAL_FOLDER = "problems/behavioral"
"""Where the behavioral bank lives, beside the coding problems (not a valid problem slug)."""
DESIGN_FOLDER = "problems/system-design"
"""Where the system design prompts live, one file per prompt (not a valid problem slug)."""
DIFFICULTY_ORDER = {"easy": 0, "medium": 1, "hard": 2}
CARD_FIELDS = ("difficulty", "companies", "levels")
TOP_LEVEL_KEY = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?:[ \t]|$)")


@dataclass(frozen=True)
class ProblemCard:
    """What choosing a problem needs to know about it: which companies and levels it suits."""

    slug: str
    difficulty: str
    companies: tuple[str, ...]
    levels: tuple[str, ...]

    @classmethod
    def of(cls, problem: Problem) -> ProblemCard:
        """The card of a loaded problem."""
        return cls(problem.slug, problem.difficulty, (*problem.companies,), (*problem.levels,))

    def suits(self, company: str | None, level: str | None) -> bool:
        """Same rule as `Problem.suits`."""
        return offered(self.companies, self.levels, company, level)


def read_card(slug: str, spec: Path) -> ProblemCard | None:
    """The card from problem.yaml's top-level `difficulty`, `companies` and `levels` lines.

    Parses only those lines (the cases make up most of a problem.yaml and most of its
    parse time). Returns None when the file is not plain block YAML or the fields are not
    well-formed, so the caller falls back to loading the whole problem strictly.
    """
    try:
        lines = yaml_reader.read_text(spec).splitlines()
    except PackError:
        return None
    blocks: dict[str, list[str]] = {}
    current: list[str] | None = None
    for line in lines:
        if line.startswith(("---", "...", "%", "{", "[", "?", "&", "*", "!", '"', "'")):
            return None  # documents, directives, flow or complex keys: not plain block YAML
        if not line or line[0] in " \t#" or line == "-" or line.startswith("- "):
            if current is not None:
                current.append(line)
            continue
        match = TOP_LEVEL_KEY.match(line)
        if match is None:
            return None
        current = [line] if match.group(1) in CARD_FIELDS else None
        if current is not None:
            blocks[match.group(1)] = current  # a repeated key: the last wins, as in PyYAML
    if set(blocks) != set(CARD_FIELDS):
        return None
    text = "\n".join(line for block in blocks.values() for line in block)
    try:
        data = yaml_reader.load(text, str(spec))
    except PackError:
        return None
    if not isinstance(data, dict):
        return None
    difficulty, companies, levels = (data.get(name) for name in CARD_FIELDS)
    if difficulty not in DIFFICULTY_ORDER:
        return None
    company_names, level_names = _strings(companies), _strings(levels)
    if not company_names or not level_names or not set(level_names) <= set(LEVELS):
        return None
    return ProblemCard(slug, difficulty, company_names, level_names)


def _strings(value: Any) -> tuple[str, ...]:
    """The items of a list of strings; empty when the value is anything else."""
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return tuple(value)
    return ()


@dataclass
class Catalog:
    """Every persona, rubric and problem available to this user."""

    personas: Mapping[str, Persona] = field(default_factory=dict)
    rubrics: Mapping[str, Rubric] = field(default_factory=dict)
    problems: Mapping[str, Problem] = field(default_factory=dict)
    competencies: Mapping[str, CompetencyFile] = field(default_factory=dict)
    """The behavioral question bank, one file per competency (`problems/behavioral/`)."""
    designs: Mapping[str, DesignPrompt] = field(default_factory=dict)
    """The system design prompts by slug (`problems/system-design/`)."""
    dimensions: Callable[[str], Collection[str] | None] | None = None
    """The dimension ids a focus can score (from the interview types); None skips the check."""

    def persona(self, company: str) -> Persona:
        """The persona for a company id (e.g. google), or a usage error with suggestions."""
        key = company.strip().lower()
        if key not in self.personas:
            raise unknown("company", company, self.personas)
        return self.personas[key]

    def level(self, persona: Persona, level: str) -> LevelName:
        """Resolve a level name or company title (L5, E5, SDE II) for a persona."""
        resolved = persona.resolve_level(level)
        if resolved is None:
            titles = [f"{name} ({persona.levels[name].title})" for name in LEVELS]
            raise unknown("level", level, [*LEVELS, *titles], where=f" for {persona.company}")
        return resolved

    def problem(self, slug: str) -> Problem:
        """The problem with this slug, or a usage error with the closest match."""
        if slug not in self.problems:
            raise unknown("problem", slug, self.problems)
        return self.problems[slug]

    def rubric(self, focus: str = "coding") -> Rubric:
        """The rubric for an interview focus; a dimension no scorer knows is a PackError."""
        for name, rubric in self.rubrics.items():
            if rubric.focus == focus:
                self._check_dimensions(name, rubric)
                return rubric
        raise unknown("focus", focus, [r.focus for r in self.rubrics.values()])

    def _check_dimensions(self, name: str, rubric: Rubric) -> None:
        known = self.dimensions(rubric.focus) if self.dimensions is not None else None
        if known is None:
            return
        strangers = [d.id for d in rubric.dimensions if d.id not in known]
        if strangers:
            rubrics = self.rubrics
            where = rubrics.path(name) if isinstance(rubrics, LazyPacks) else name
            raise PackError(
                f"{where}: dimensions: unknown dimension id '{strangers[0]}' for the "
                f"{rubric.focus} round; its scorers know {', '.join(sorted(known))}."
            )

    def problems_for(self, company: str | None, level: str | None) -> list[Problem]:
        """Problems offered for a company and level, easiest first (loads every problem)."""
        chosen = [p for p in self.problems.values() if p.suits(company, level)]
        return sorted(chosen, key=lambda p: (DIFFICULTY_ORDER[p.difficulty], p.slug))

    def slugs_for(self, company: str | None, level: str | None) -> list[str]:
        """The slugs `problems_for` would return, in the same order, reading only cards.

        A lazy catalog reads each problem's card lines; a problem whose card cannot be
        read that way is loaded in full, so a broken field still raises its PackError.
        """
        cards = [self._card(slug) for slug in self.problems]
        chosen = [card for card in cards if card.suits(company, level)]
        chosen.sort(key=lambda card: (DIFFICULTY_ORDER[card.difficulty], card.slug))
        return [card.slug for card in chosen]

    def _card(self, slug: str) -> ProblemCard:
        problems = self.problems
        if isinstance(problems, LazyPacks):
            loaded = problems.loaded(slug)
            card = read_card(slug, problems.path(slug)) if loaded is None else None
            if card is not None:
                return card
        return ProblemCard.of(problems[slug])


def load_catalog(folders: Iterable[str] = ("personas", "rubrics", "problems")) -> Catalog:
    """Load every pack now; the first broken file stops loading with a PackError."""
    wanted = set(folders)
    lazy = lazy_catalog(wanted)
    return Catalog(
        personas=dict(lazy.personas),
        rubrics=dict(lazy.rubrics),
        problems=dict(lazy.problems),
        competencies=dict(lazy.competencies),
        designs=dict(lazy.designs),
    )


def lazy_catalog(
    folders: Iterable[str] = ("personas", "rubrics", "problems"),
    *,
    dimensions: Callable[[str], Collection[str] | None] | None = None,
) -> Catalog:
    """Every pack by name (file names only); each file is validated the first time it is used.

    `dimensions` names the dimension ids each focus can score, so a rubric with an id no
    scorer knows fails when it is first used (see `mockloop.interviews.catalog`).
    """
    wanted = set(folders)

    def files(kind: str, pattern: str) -> dict[str, Path]:
        return _pack_files(kind, pattern) if kind in wanted else {}

    return Catalog(
        personas=LazyPacks(files("personas", "*.yaml"), load_persona),
        rubrics=LazyPacks(files("rubrics", "*.yaml"), load_rubric),
        problems=LazyPacks(files("problems", "*/problem.yaml"), _load_problem_spec),
        competencies=LazyPacks(
            _pack_files(BEHAVIORAL_FOLDER, "*.yaml") if "problems" in wanted else {},
            load_competency,
        ),
        designs=LazyPacks(
            _pack_files(DESIGN_FOLDER, "*.yaml") if "problems" in wanted else {},
            load_design,
        ),
        dimensions=dimensions,
    )


def _load_problem_spec(spec: Path) -> Problem:
    """`load_problem` for the problem.yaml path a LazyPacks holds."""
    return load_problem(spec.parent)


def validate_path(
    path: Path, dimensions: Callable[[str], Collection[str] | None] | None = None
) -> list[str]:
    """Check a pack file or folder for authors; returns the errors (empty when clean).

    `dimensions` checks each rubric's dimension ids against its round's scorers.
    """
    errors: list[str] = []
    targets: list[Path]
    if path.is_file() or (path / "problem.yaml").is_file():
        targets = [path]
    elif path.is_dir():
        targets = sorted(
            [
                *path.glob("**/problem.yaml"),
                *path.glob("personas/*.yaml"),
                *path.glob("rubrics/*.yaml"),
                *path.glob("problems/behavioral/*.yaml"),
                *path.glob("problems/system-design/*.yaml"),
            ]
        )
        targets += sorted(p for p in path.glob("*.yaml") if p not in targets)
    elif path.exists():
        kind = yaml_reader.describe_kind(path.stat().st_mode)
        return [f"{path}: is {kind}, not a pack file or folder."]
    else:
        return [f"{path}: no such file or folder."]
    for target in targets:
        try:
            _validate_one(target, dimensions)
        except PackError as error:
            errors.append(error.message)
    if not targets:
        errors.append(f"{path}: no persona, rubric or problem files found.")
    return errors


def _validate_one(target: Path, dimensions: Callable[[str], Collection[str] | None] | None) -> None:
    """Validate one file or problem folder, guessing its kind from its place and fields."""
    if target.is_dir():
        load_problem(target)
        return
    if target.name == "problem.yaml":
        load_problem(target.parent)
        return
    data = read_yaml(target)
    rubric_fields = {"dimensions", "focus"}
    if isinstance(data, dict) and {"competency", "questions"} <= set(data):
        load_competency(target)
    elif isinstance(data, dict) and {"checkpoints", "deep_dives"} <= set(data):
        load_design(target)
    elif target.parent.name == "rubrics" or (isinstance(data, dict) and rubric_fields & set(data)):
        rubric = load_rubric(target)
        Catalog(rubrics={str(target): rubric}, dimensions=dimensions).rubric(rubric.focus)
    else:
        load_persona(target)
