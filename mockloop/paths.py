"""Where MockLoop keeps its files: everything under MOCKLOOP_HOME when set, else platformdirs."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "mockloop"


def home() -> Path | None:
    """The MOCKLOOP_HOME override, or None when it is not set."""
    value = os.environ.get("MOCKLOOP_HOME")
    return Path(value).expanduser() if value else None


def data_dir() -> Path:
    """Directory for the database, reports and recovery files."""
    override = home()
    if override is not None:
        return override
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def config_dir() -> Path:
    """Directory for config.yaml and user persona/rubric/problem packs."""
    override = home()
    if override is not None:
        return override
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME))


def database_path() -> Path:
    """The SQLite file holding every session's event log."""
    return data_dir() / "mockloop.db"


def reports_dir() -> Path:
    """Where scorecards are written as Markdown files."""
    return data_dir() / "reports"


def config_file() -> Path:
    """The optional YAML config file (model, api_base, defaults)."""
    return config_dir() / "config.yaml"


def builtin_content_dir() -> Path:
    """The built-in packs: inside the wheel, or the repository root in a source checkout."""
    packaged = Path(__file__).parent / "_content"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent
