"""The installed package, as `pipx install` and `uv tool install` make it: a wheel built from
this checkout carries the code, every content file and the `mockloop` entry point, and an
installed copy runs from its own content. Built and installed offline (`--no-index`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def tracked(*folders: str) -> list[str]:
    """The files git tracks under these folders (what a fresh clone has)."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--", *folders],
        cwd=ROOT,
        capture_output=True,
        check=False,
        timeout=60,
    )
    if listing.returncode != 0:
        pytest.skip("not a git checkout: the tracked files are unknown")
    return [name for name in listing.stdout.decode().split("\0") if name]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel of this checkout, built with the venv's hatchling and no index."""
    out = tmp_path_factory.mktemp("wheel")
    command = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps"]
    command += ["--no-build-isolation", "--no-index", "-w", str(out), str(ROOT)]
    subprocess.run(command, check=True, capture_output=True, timeout=300)
    (built,) = out.glob("mockloop-*.whl")
    return built


def test_the_wheel_carries_the_code_every_content_file_and_the_entry_point(wheel: Path) -> None:
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        (entry_points,) = (name for name in names if name.endswith(".dist-info/entry_points.txt"))
        scripts = archive.read(entry_points).decode()
    content = tracked("personas", "rubrics", "problems")
    assert len(content) > 100
    missing = [name for name in content if f"mockloop/_content/{name}" not in names]
    assert missing == []
    missing = [name for name in tracked("mockloop") if name not in names]
    assert missing == []
    assert "mockloop = mockloop.launcher:main" in scripts


def test_an_installed_copy_runs_from_its_own_content(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-index", "--no-deps"]
        + ["--target", str(target), str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {**os.environ, "PYTHONPATH": str(target), "MOCKLOOP_HOME": str(tmp_path / "home")}
    script = target / "bin" / "mockloop"

    def run(*arguments: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(script), *arguments],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )

    where = subprocess.run(
        [sys.executable, "-c", "import mockloop.paths as p; print(p.builtin_content_dir())"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert Path(where.stdout.strip()) == target / "mockloop" / "_content"
    shown = run("--help")
    assert shown.returncode == 0 and "simulate" in shown.stdout and "doctor" in shown.stdout
    played = run("simulate", str(ROOT / "tests" / "scripts" / "strong.yaml"), "--json")
    assert played.returncode == 0, played.stderr
    result = json.loads(played.stdout)
    assert result["tests"] == {"passed": 16, "total": 16}
    assert Path(result["report"]).is_relative_to(tmp_path / "home")


def test_a_link_to_the_venv_command_runs_from_any_shell(tmp_path: Path) -> None:
    """The README's hash-checked route to PATH: a link to the venv's `mockloop`."""
    command = Path(sys.prefix) / "bin" / "mockloop"
    if not command.exists():
        pytest.skip("not running from a virtual environment with mockloop installed")
    folder = tmp_path / "bin"
    folder.mkdir()
    (folder / "mockloop").symlink_to(command)
    shown = subprocess.run(
        ["bash", "-c", "mockloop --help"],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={
            "PATH": f"{folder}:/usr/bin:/bin",
            "HOME": str(tmp_path),
            "MOCKLOOP_HOME": str(tmp_path),
        },
    )
    assert shown.returncode == 0, shown.stderr
    assert "doctor" in shown.stdout and "forget" in shown.stdout


def test_the_locks_pin_httpx_with_the_extra_litellm_asks_for() -> None:
    """litellm requires `httpx[http2]`; a lock that pins plain `httpx` stops installing with
    --require-hashes as soon as a newer httpx is published."""
    from pathlib import Path

    root = Path(__file__).parents[1]
    for name in ("requirements.lock", "requirements-dev.lock"):
        lock = (root / name).read_text()
        assert "\nhttpx[http2]==" in lock and "\nhttpx==" not in lock, name
