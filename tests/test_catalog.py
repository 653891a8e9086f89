"""Loading packs strictly, user overrides, and the listing and `validate` commands.

CLI tests call `mockloop.cli.main` in-process (the same path the console script takes),
so they see the real exit codes and stderr messages without a subprocess per test.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from mockloop.catalog import load_catalog
from mockloop.errors import PackError
from mockloop.interviews import catalog as default_catalog
from mockloop.launcher import main
from mockloop.models import LEVELS

ROOT = Path(__file__).resolve().parent.parent
GOOGLE = ROOT / "personas" / "google.yaml"


def run_cli(
    arguments: list[str], monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> tuple[int, str, str]:
    """Run `mockloop ARGUMENTS` through `main`; returns (exit code, stdout, stderr)."""
    monkeypatch.setattr(sys, "argv", ["mockloop", *arguments])
    default_catalog.cache_clear()
    with pytest.raises(SystemExit) as exited:
        main()
    captured = capsys.readouterr()
    code = exited.value.code
    return (code if isinstance(code, int) else 1), captured.out, captured.err


def user_persona(home: Path, name: str, data: dict[str, Any] | str) -> Path:
    """Write a persona file into the user's pack folder under MOCKLOOP_HOME."""
    folder = home / "personas"
    folder.mkdir(exist_ok=True)
    path = folder / f"{name}.yaml"
    path.write_text(data if isinstance(data, str) else yaml.safe_dump(data), encoding="utf-8")
    return path


def google_data() -> dict[str, Any]:
    data = yaml.safe_load(GOOGLE.read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def load_error() -> str:
    with pytest.raises(PackError) as raised:
        load_catalog(["personas"])
    return raised.value.message


# --- Broken packs ---------------------------------------------------------------------


def test_unknown_field_names_file_and_field(mockloop_home: Path) -> None:
    data = google_data()
    data["style"]["warmness"] = 0.5
    path = user_persona(mockloop_home, "google", data)
    message = load_error()
    assert f"{path}: style.warmness: unknown field" in message


def test_missing_field_is_named(mockloop_home: Path) -> None:
    data = google_data()
    del data["default_answer"]
    path = user_persona(mockloop_home, "google", data)
    assert f"{path}: default_answer: required field is missing" in load_error()


def test_wrong_type_shows_field_and_value(mockloop_home: Path) -> None:
    data = google_data()
    data["style"]["warmth"] = "very"
    data["levels"]["senior"]["minutes"] = 5
    path = user_persona(mockloop_home, "google", data)
    lines = load_error().splitlines()
    assert any(line.startswith(f"{path}: style.warmth:") and "'very'" in line for line in lines)
    assert any(line.startswith(f"{path}: levels.senior.minutes:") for line in lines)


def test_yaml_syntax_error_gives_the_line(mockloop_home: Path) -> None:
    text = "id: google\ncompany: Google\nstyle: warmth: 1\n"
    path = user_persona(mockloop_home, "google", text)
    message = load_error()
    assert message.startswith(f"{path}: line 3, column 14: invalid YAML")


def test_id_must_match_file_name(mockloop_home: Path) -> None:
    user_persona(mockloop_home, "gooogle", google_data())
    assert "must match the file name 'gooogle'" in load_error()


def test_user_persona_overrides_builtin(mockloop_home: Path) -> None:
    data = google_data()
    data["interviewer"]["name"] = "Override Person"
    user_persona(mockloop_home, "google", data)
    catalog = load_catalog(["personas"])
    assert catalog.persona("google").interviewer.name == "Override Person"
    assert catalog.persona("meta").interviewer.name != "Override Person"
    assert len(catalog.personas) == len(list((ROOT / "personas").glob("*.yaml")))


def test_broken_user_pack_stops_listing_without_traceback(
    mockloop_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = google_data()
    data["phrases"]["greting"] = ["Hi"]
    user_persona(mockloop_home, "google", data)
    code, _, error = run_cli(["personas", "--json"], monkeypatch, capsys)
    assert code == 1
    assert "phrases.greting: unknown field" in error and "Traceback" not in error


def test_validate_reports_errors_then_passes(
    mockloop_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    data = google_data()
    data["style"]["socratic"] = "sometimes"
    broken = mockloop_home / "pack" / "google.yaml"
    broken.parent.mkdir()
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, _, error = run_cli(["validate", str(broken)], monkeypatch, capsys)
    assert code == 1
    assert f"{broken}: style.socratic:" in error and "Traceback" not in error

    data["style"]["socratic"] = False
    broken.write_text(yaml.safe_dump(data), encoding="utf-8")
    code, output, _ = run_cli(["validate", str(broken.parent)], monkeypatch, capsys)
    assert code == 0 and "ok" in output


def test_validate_checks_rubrics_and_problems(
    mockloop_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rubric = yaml.safe_load((ROOT / "rubrics" / "coding.yaml").read_text(encoding="utf-8"))
    rubric["dimensions"][0]["descriptors"].pop("4")
    path = mockloop_home / "coding.yaml"
    path.write_text(yaml.safe_dump(rubric), encoding="utf-8")
    code, _, error = run_cli(["validate", str(path)], monkeypatch, capsys)
    assert code == 1 and "dimensions.0.descriptors.4: required field is missing" in error

    folder = mockloop_home / "two-sum"
    folder.mkdir()
    for source in (ROOT / "problems" / "two-sum").iterdir():
        (folder / source.name).write_bytes(source.read_bytes())
    code, _, _ = run_cli(["validate", str(folder)], monkeypatch, capsys)
    assert code == 0
    (folder / "starter.py").write_bytes(b"def two_sum(nums, target):\n    return '\xff'\n")
    code, _, error = run_cli(["validate", str(folder)], monkeypatch, capsys)
    assert code == 1 and f"{folder / 'starter.py'}: not UTF-8 text" in error
    (folder / "starter.py").write_bytes((ROOT / "problems/two-sum/starter.py").read_bytes())
    (folder / "solution.py").unlink()
    code, _, error = run_cli(["validate", str(folder)], monkeypatch, capsys)
    assert code == 1 and "missing solution.py" in error


def test_validate_knows_a_rubric_with_a_misspelt_dimensions_field(
    mockloop_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    rubric = yaml.safe_load((ROOT / "rubrics" / "coding.yaml").read_text(encoding="utf-8"))
    rubric["dimension"] = rubric.pop("dimensions")
    path = mockloop_home / "coding.yaml"
    path.write_text(yaml.safe_dump(rubric), encoding="utf-8")
    code, _, error = run_cli(["validate", str(path)], monkeypatch, capsys)
    assert code == 1
    assert f"{path}: dimension: unknown field" in error
    assert f"{path}: dimensions: required field is missing" in error


def test_validate_builtin_packs_are_clean(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for folder in ("personas", "rubrics"):
        code, output, error = run_cli(["validate", str(ROOT / folder)], monkeypatch, capsys)
        assert (code, error) == (0, ""), error
        assert "ok" in output


# --- Listing commands -----------------------------------------------------------------


def test_tables_list_personas_and_problems(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("COLUMNS", "200")
    code, output, _ = run_cli(["personas"], monkeypatch, capsys)
    assert code == 0 and "Maya Lindqvist" in output and "SDE III" in output
    code, output, _ = run_cli(["problems", "-c", "meta", "-l", "E3"], monkeypatch, capsys)
    assert code == 0 and "two-sum" in output and "hashing" in output


def test_personas_json_shape(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output, _ = run_cli(["personas", "--json"], monkeypatch, capsys)
    assert code == 0
    rows = json.loads(output)
    assert [row["id"] for row in rows] == sorted(row["id"] for row in rows)
    google = next(row for row in rows if row["id"] == "google")
    assert set(google) == {"id", "company", "interviewer", "role", "levels"}
    assert list(google["levels"]) == list(LEVELS)
    assert google["levels"]["senior"] == {"title": "L5", "minutes": 45}


def test_problems_json_shape_and_filters(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    code, output, _ = run_cli(["problems", "--json"], monkeypatch, capsys)
    everything = json.loads(output)
    assert code == 0 and "two-sum" in [row["slug"] for row in everything]
    keys = {"slug", "title", "difficulty", "topics", "levels", "companies"}
    assert all(set(row) == keys for row in everything)

    code, output, _ = run_cli(
        ["problems", "--company", "Google", "--level", "L6", "--json"], monkeypatch, capsys
    )
    staff = json.loads(output)
    assert code == 0 and staff
    assert all("staff" in row["levels"] for row in staff)
    assert all({"google", "any"} & set(row["companies"]) for row in staff)
    assert "two-sum" not in [row["slug"] for row in staff]

    code, output, _ = run_cli(["problems", "--level", "junior", "--json"], monkeypatch, capsys)
    junior = json.loads(output)
    assert code == 0 and all("junior" in row["levels"] for row in junior)
    assert len(junior) < len(everything) or all(len(row["levels"]) == 4 for row in everything)


@pytest.mark.parametrize(
    ("arguments", "suggestion"),
    [
        (["problems", "--company", "gogle"], "Did you mean 'google'?"),
        (["problems", "--company", "amazon", "--level", "L9"], "Unknown level 'L9' for Amazon"),
        (["problems", "--level", "principal"], "Unknown level 'principal'"),
    ],
)
def test_unknown_names_exit_2_with_suggestion(
    arguments: list[str],
    suggestion: str,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, output, error = run_cli(arguments, monkeypatch, capsys)
    assert code == 2
    assert suggestion in error
    assert "Traceback" not in error + output


# --- Import hygiene -------------------------------------------------------------------

HEAVY = "[m for m in ('textual', 'litellm') if m in sys.modules]"
IMPORT_ALL = f"""
import importlib, pkgutil, sys
import mockloop
for module in pkgutil.walk_packages(mockloop.__path__, 'mockloop.'):
    if not module.name.startswith(('mockloop.tui', 'mockloop.__main__')):
        importlib.import_module(module.name)
print({HEAVY})
"""
HELP = f"""
import sys
sys.argv = ['mockloop', '--help']
from mockloop.launcher import main
try:
    main()
except SystemExit as exited:
    assert exited.code in (0, None), exited.code
print({HEAVY}, file=sys.stderr)
"""


@pytest.mark.parametrize("script", [IMPORT_ALL, HELP], ids=["import", "help"])
def test_core_never_imports_textual_or_litellm(script: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    heavy = (done.stdout if script is IMPORT_ALL else done.stderr).strip().splitlines()[-1]
    assert heavy == "[]"
    if script is HELP:
        assert "personas" in done.stdout and "validate" in done.stdout
